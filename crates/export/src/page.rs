//! The standalone HTML document: `<head>` with a strict Content-Security-Policy,
//! the inline stylesheet and the JSON-LD, and the sanitized article as `<body>`.

use dateline_core::markdown::to_plain;
use dateline_core::Release;

use crate::format::Paper;
use crate::inline::escape;
use crate::{html, jsonld, sanitize, theme};

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
    let article = sanitize::sanitize_fragment(&html::article(r));
    let lang = escape(&r.meta.language);
    let title = escape(&to_plain(r.headline.trim()));
    let mut css = theme::screen_css(r.style);
    if let Page::Print(paper) = page {
        let org = r.meta.organisation.trim();
        let label = if org.is_empty() {
            to_plain(r.headline.trim())
        } else {
            org.to_string()
        };
        css.push_str(&theme::print_css(paper, &label));
    }
    let class = match page {
        Page::Screen => "screen",
        Page::Print(_) => "print",
    };
    let mut out = String::with_capacity(article.len() + css.len() + 2048);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{lang}\">\n<head>\n"));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Dateline\">\n");
    out.push_str(&format!("<title>{title}</title>\n"));
    out.push_str("<style>\n");
    out.push_str(&css);
    out.push_str("</style>\n");
    out.push_str("<script type=\"application/ld+json\">\n");
    out.push_str(&jsonld::script_text(r));
    out.push_str("\n</script>\n");
    out.push_str("</head>\n");
    out.push_str(&format!(
        "<body class=\"{class} style-{}\">\n",
        style_class(r.style)
    ));
    out.push_str(&article);
    if !article.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn style_class(id: dateline_core::style::HouseStyleId) -> &'static str {
    use dateline_core::style::HouseStyleId::*;
    match id {
        UnOhchr => "un-ohchr",
        Wire => "wire",
        Corporate => "corporate",
    }
}
