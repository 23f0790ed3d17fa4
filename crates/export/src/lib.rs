//! `dateline-export`: every export of a release from one renderer.
//!
//! The app's preview, the HTML and print exports, the ninjs body and the
//! redline all come from the same release markup ([`html`]), so what the
//! officer sees is exactly what is sent. The release markup is safe by
//! construction: every field escaped, raw HTML in the Markdown shown as text,
//! links only to http, https, mailto and the page's own footnotes, written in
//! the very form the [`sanitize`] allow-list would leave unchanged (the tests
//! hold it to that); the redline's body passes that allow-list. Documents carry
//! a Content-Security-Policy that forbids script and every remote load.
//!
//! - [`render`]: a valid release in any [`Format`];
//! - [`preview_html`]: the HTML export of a release being drafted (no checks);
//! - [`print_html`]: the print export on a chosen [`Paper`];
//! - [`stamp_footer`]: the print export's running footer stamped on a PDF from
//!   an engine that ignores CSS margin boxes (WebKitGTK).

pub mod error;
pub mod format;
pub mod html;
pub mod inline;
pub mod jsonld;
pub mod labels;
pub mod markdown;
pub mod ninjs;
pub mod page;
pub mod sanitize;
pub mod stamp;
pub mod text;
mod theme;

use dateline_core::Release;

pub use error::ExportError;
pub use format::{Format, Paper};
pub use page::Page;
pub use stamp::{stamp_footer, Footer};

/// Renders a valid release in `format`. A release that breaks the core's rules
/// is refused with [`ExportError::Invalid`] (exports are what gets sent).
pub fn render(r: &Release, format: Format) -> Result<String, ExportError> {
    checked(r)?;
    render_unchecked(r, format)
}

/// The print export of a valid release on `paper` (instead of the style's paper).
pub fn render_print(r: &Release, paper: Paper) -> Result<String, ExportError> {
    checked(r)?;
    Ok(print_html(r, paper))
}

fn checked(r: &Release) -> Result<(), ExportError> {
    match r.check() {
        Err(dateline_core::CoreError::Invalid(problems)) => Err(ExportError::Invalid(problems)),
        // `check` reports nothing but rule violations.
        _ => Ok(()),
    }
}

/// Renders `r` in `format` without validating it first (drafts, previews,
/// tests). Output is as safe as ever: only its content may be incomplete.
pub fn render_unchecked(r: &Release, format: Format) -> Result<String, ExportError> {
    Ok(match format {
        Format::Text => text::render_plain(r),
        Format::Markdown => markdown::render_markdown(r),
        Format::Html => preview_html(r),
        Format::Print => print_html(r, Paper::for_style(r.style)),
        Format::Ninjs => ninjs_unchecked(r, None)?,
        Format::Json => json_text(r)?,
        Format::JsonLd => json_text(&jsonld::json_ld(r))?,
    })
}

/// The ninjs export of a valid release, with the store's revision number as
/// the item's `version` when it is known (the plain `ninjs` format leaves it out).
pub fn render_ninjs(r: &Release, revision: Option<u32>) -> Result<String, ExportError> {
    checked(r)?;
    ninjs_unchecked(r, revision)
}

fn ninjs_unchecked(r: &Release, revision: Option<u32>) -> Result<String, ExportError> {
    let body = html::body_fragment(r);
    let mut item = ninjs::to_ninjs(r, &body, &text::body_text(r));
    item.version = revision.map(|n| n.to_string());
    json_text(&item)
}

/// The standalone HTML document of `r`: exactly the `html` export, which the
/// app shows in a sandboxed iframe. Never fails, even on a draft.
pub fn preview_html(r: &Release) -> String {
    page::document(r, Page::Screen)
}

/// The print document of `r` on `paper` (the `print` export uses the house
/// style's paper: Letter for wire copy, A4 otherwise).
pub fn print_html(r: &Release, paper: Paper) -> String {
    page::document(r, Page::Print(paper))
}

/// Pretty JSON with `<`, `>` and `&` written as `\u` escapes: the same data, but
/// a JSON export pasted into a web page or a `<script>` element cannot become
/// markup. (Those characters only ever occur inside JSON strings.)
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, ExportError> {
    let json = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out.push('\n');
    Ok(out)
}
