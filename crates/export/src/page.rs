//! The standalone HTML document: `<head>` with a strict Content-Security-Policy,
//! the language and title of the release, the inline stylesheet and the
//! JSON-LD, and the release markup (header, main, footer) as `<body>`.

use dateline_core::markdown::to_plain;
use dateline_core::Release;

use crate::format::Paper;
use crate::inline::escape;
use crate::labels::PageLabels;
use crate::{html, jsonld, theme};

/// Screen document or paged print document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The HTML export and the app's preview.
    Screen,
    /// The print export on the given paper.
    Print(Paper),
}

/// The policy every document carries: no script, no connection, no font, no
/// image, no frame, no form; only the inline stylesheet.
pub const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The complete HTML document of `r`.
pub fn document(r: &Release, page: Page) -> String {
    // Safe as written (escaped, links checked): see `html`.
    let article = html::release_body(r);
    let title = escape(&document_title(r));
    let mut css = theme::screen_css(r.style);
    if let Page::Print(paper) = page {
        let pages = PageLabels::new(&r.meta.language);
        css.push_str(&theme::print_css(paper, &footer_label(r), pages));
    }
    let class = match page {
        Page::Screen => "screen",
        Page::Print(_) => "print",
    };
    let head = format!(
        "<script type=\"application/ld+json\">\n{}\n</script>\n",
        jsonld::script_text(r)
    );
    let body_class = format!("{class} style-{}", style_class(r.style));
    shell(&Shell {
        lang: &r.meta.language,
        title: &title,
        css: &css,
        head: &head,
        body_class: &body_class,
        body: &article,
    })
}

/// The left part of the running footer: the organisation, else the headline
/// as plain text.
pub fn footer_label(r: &Release) -> String {
    let org = r.meta.organisation.trim();
    if org.is_empty() {
        to_plain(r.headline.trim())
    } else {
        org.to_string()
    }
}

/// What goes into a standalone document's shell; every text is already HTML.
pub struct Shell<'a> {
    /// The document's language tag (escaped here).
    pub lang: &'a str,
    /// The escaped `<title>`.
    pub title: &'a str,
    /// The inline stylesheet.
    pub css: &'a str,
    /// More elements for `<head>` (the JSON-LD script).
    pub head: &'a str,
    /// Classes of `<body>`.
    pub body_class: &'a str,
    /// The body: markup that is safe as written or sanitized.
    pub body: &'a str,
}

/// A language tag as a `lang` attribute's value: letters, digits and hyphens
/// only (at most 35), so that any tag, even a half-typed one, is safe to write.
pub fn lang_attr(tag: &str) -> String {
    tag.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(35)
        .collect()
}

/// The standalone document every Dateline HTML output shares (exports, preview,
/// redline): doctype, language, charset, the [`CSP`], viewport, title and styles.
pub fn shell(s: &Shell<'_>) -> String {
    let lang = lang_attr(s.lang);
    let mut out = String::with_capacity(s.body.len() + s.css.len() + 2048);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", escape(&lang)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Dateline\">\n");
    out.push_str(&format!("<title>{}</title>\n", s.title));
    out.push_str("<style>\n");
    out.push_str(s.css);
    out.push_str("</style>\n");
    out.push_str(s.head);
    out.push_str("</head>\n");
    out.push_str(&format!("<body class=\"{}\">\n", escape(s.body_class)));
    out.push_str(s.body);
    if !s.body.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The document's title: the headline as plain text, or for a draft without
/// one the kind of release in its language ("Press release"), never empty.
fn document_title(r: &Release) -> String {
    let headline = to_plain(r.headline.trim());
    if headline.trim().is_empty() {
        r.meta.kind.genre(&r.meta.language).to_string()
    } else {
        headline
    }
}

fn style_class(id: dateline_core::style::HouseStyleId) -> &'static str {
    use dateline_core::style::HouseStyleId::*;
    match id {
        UnOhchr => "un-ohchr",
        Wire => "wire",
        Corporate => "corporate",
    }
}
