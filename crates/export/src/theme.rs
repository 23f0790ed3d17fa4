//! Fonts, colours and print rules of the HTML and print exports, per house style.
//!
//! Everything is inline CSS with local font stacks: a preview or an export
//! never loads a font, an image or a stylesheet from anywhere.

use dateline_core::style::HouseStyleId;

use crate::format::{Paper, FOOTER_SIZE_PT, PRINT_MARGINS_MM};
use crate::labels::PageLabels;

/// The look of one house style.
struct Theme {
    /// Font stack of the text.
    body_font: &'static str,
    /// Font stack of the headline and headings.
    heading_font: &'static str,
    /// Colour of the text.
    ink: &'static str,
    /// Accent colour: headline rule, links, release line.
    accent: &'static str,
    /// Size of the running text.
    size: &'static str,
    /// Whether the end mark is centred (UN, corporate) or flush left (wire).
    center_end_mark: bool,
}

fn theme(id: HouseStyleId) -> Theme {
    match id {
        HouseStyleId::UnOhchr => Theme {
            body_font: "Roboto, \"Helvetica Neue\", \"Liberation Sans\", Arial, sans-serif",
            heading_font: "Roboto, \"Helvetica Neue\", \"Liberation Sans\", Arial, sans-serif",
            ink: "#1d1d1b",
            accent: "#0b5e9e",
            size: "11pt",
            center_end_mark: true,
        },
        HouseStyleId::Wire => Theme {
            body_font: "Georgia, \"Liberation Serif\", \"Times New Roman\", serif",
            heading_font:
                "\"Arial Narrow\", \"Liberation Sans Narrow\", \"Liberation Sans\", sans-serif",
            ink: "#111111",
            accent: "#8a1c1c",
            size: "10.5pt",
            center_end_mark: false,
        },
        HouseStyleId::Corporate => Theme {
            body_font: "\"Segoe UI\", \"DejaVu Sans\", \"Helvetica Neue\", Arial, sans-serif",
            heading_font: "\"Segoe UI\", \"DejaVu Sans\", \"Helvetica Neue\", Arial, sans-serif",
            ink: "#22303c",
            accent: "#00707a",
            size: "10.5pt",
            center_end_mark: true,
        },
    }
}

/// The stylesheet of the HTML export (screen, with sensible rules for printing).
pub(crate) fn screen_css(id: HouseStyleId) -> String {
    let t = theme(id);
    let end_align = if t.center_end_mark { "center" } else { "left" };
    format!(
        "*{{box-sizing:border-box}}\n\
html{{color:{ink};background:#fff;font-family:{body};font-size:{size};line-height:1.5}}\n\
body{{margin:0;padding:2rem 1rem}}\n\
.release{{max-width:42rem;margin:0 auto}}\n\
h1,h2{{font-family:{heading};line-height:1.25;color:{ink}}}\n\
h1{{font-size:1.6rem;margin:0 0 .75rem;padding-bottom:.5rem;border-bottom:3px solid {accent}}}\n\
h2{{font-size:1.1rem;margin:1.5rem 0 .5rem}}\n\
.genre{{font-weight:normal;color:{accent}}}\n\
.release-line{{font-family:{heading};font-weight:bold;letter-spacing:.05em;color:{accent};margin:0 0 .75rem}}\n\
.subheadline{{font-size:1.1rem;font-style:italic;margin:0 0 1rem}}\n\
p{{margin:0 0 .9rem}}\n\
.dateline{{font-weight:bold}}\n\
figure.quote{{margin:0}}\n\
blockquote{{margin:0;padding:0}}\n\
cite{{font-style:normal}}\n\
a{{color:{accent}}}\n\
a.fnref,a.backref{{text-decoration:none;color:inherit}}\n\
.end-mark{{text-align:{end_align};font-weight:bold;letter-spacing:.1em;margin:1.5rem 0}}\n\
.footnotes{{font-size:.9rem;margin-top:1.5rem}}\n\
.boilerplate,.contacts,.actions{{margin-top:1.25rem}}\n\
.contacts ul,.actions ul{{list-style:none;margin:0;padding:0}}\n\
.contacts li,.actions li{{margin:0 0 .5rem}}\n\
.contact-name{{font-weight:bold}}\n\
.action-line{{color:#555}}\n\
.url{{display:none}}\n\
@media print{{body{{padding:0}}.release{{max-width:none}}}}\n",
        ink = t.ink,
        body = t.body_font,
        heading = t.heading_font,
        size = t.size,
        accent = t.accent,
    )
}

/// The extra rules of the print export: the page box, a running footer with
/// the page numbers in the release's language, and page breaks that never
/// strand a heading, a quote or the end mark.
///
/// Chromium honours `break-after: avoid`; WebKit (the app's print engine on
/// Linux and macOS) does not, but it honours `break-inside: avoid`. So a
/// heading also carries an invisible block three lines tall below it, taken
/// back by a negative margin, and may not be split: it then only fits where
/// the first lines of what follows fit too. The block before the end mark
/// does the same for the end mark. A quote is one `figure.quote` whose
/// `blockquote` holds paragraphs with the speaker in a `cite.attribution`:
/// the quote is kept whole when it fits on a page, each paragraph always,
/// and a first paragraph without its speaker stays with the next.
pub(crate) fn print_css(paper: Paper, footer_label: &str, pages: PageLabels) -> String {
    let m = PRINT_MARGINS_MM;
    let (page, of) = pages.words();
    format!(
        "@page{{size:{size};margin:{top}mm {right}mm {bottom}mm {left}mm;\
@bottom-left{{content:\"{label}\";{footer}}}\
@bottom-right{{content:\"{page}\" counter(page) \"{of}\" counter(pages);{footer}}}}}\n\
html{{font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n\
body{{padding:0}}\n\
.release{{max-width:none;margin:0}}\n\
h1{{font-size:1.55rem}}\n\
h1,h2,.release-line,.subheadline{{break-after:avoid;page-break-after:avoid}}\n\
h2{{break-inside:avoid;page-break-inside:avoid}}\n\
h2::after{{content:\"\";display:block;height:4em;margin-bottom:-4em}}\n\
figure.quote,blockquote p,.footnote,.contact,li{{break-inside:avoid;page-break-inside:avoid}}\n\
blockquote p:first-child:not(:has(cite.attribution)){{break-after:avoid;page-break-after:avoid}}\n\
p{{orphans:3;widows:3}}\n\
.end-mark{{break-before:avoid;page-break-before:avoid}}\n\
.body>:has(+.end-mark){{break-after:avoid;page-break-after:avoid;break-inside:avoid;page-break-inside:avoid}}\n\
.body>:has(+.end-mark)::after{{content:\"\";display:block;height:3.5rem;margin-bottom:-3.5rem}}\n\
.url{{display:inline;font-size:.85em;color:#555;overflow-wrap:anywhere}}\n\
a{{color:inherit;text-decoration:none}}\n",
        size = paper.css_size(),
        top = m.top,
        right = m.right,
        bottom = m.bottom,
        left = m.left,
        label = css_string(footer_label),
        page = css_string(page),
        of = css_string(of),
        footer = format_args!(
            "font-family:{FOOTER_FONTS};font-size:{FOOTER_SIZE_PT}pt;color:#666"
        ),
    )
}

/// The running footer's fonts: Helvetica or a font with its metrics, the
/// font that is stamped on PDFs from engines without margin boxes.
const FOOTER_FONTS: &str = "Helvetica,Arial,\"Liberation Sans\",\"Nimbus Sans\",sans-serif";

/// `s` made safe inside a double-quoted CSS string (a footer label from user text).
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().take(90) {
        match c {
            // Letters, digits, spaces and ordinary punctuation pass; anything that
            // could end the string, the rule or the element is escaped by code point.
            c if c.is_alphanumeric() || " .,-–—'’".contains(c) => out.push(c),
            c => out.push_str(&format!("\\{:x} ", c as u32)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_string_cannot_break_out() {
        let s = css_string("a\"}</style><script>x</script>");
        for bad in ['"', '<', '>', '{', '}', '\n'] {
            assert!(!s.contains(bad), "{bad:?} in {s}");
        }
        assert!(s.starts_with("a\\22 "));
    }
}
