//! Fonts, colours and print rules of the HTML and print exports, per house style.
//!
//! Everything is inline CSS with local font stacks: a preview or an export
//! never loads a font, an image or a stylesheet from anywhere.

use dateline_core::style::HouseStyleId;

use crate::format::Paper;

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
/// page numbers, and page breaks that never strand a heading, a quote or the
/// end mark.
pub(crate) fn print_css(paper: Paper, footer_label: &str) -> String {
    format!(
        "@page{{size:{size};margin:18mm 20mm 20mm 20mm;\
@bottom-left{{content:\"{label}\";font-size:8pt;color:#666}}\
@bottom-right{{content:counter(page) \" / \" counter(pages);font-size:8pt;color:#666}}}}\n\
html{{font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n\
body{{padding:0}}\n\
.release{{max-width:none;margin:0}}\n\
h1{{font-size:1.55rem}}\n\
h1,h2,.release-line,.subheadline{{break-after:avoid;page-break-after:avoid}}\n\
figure.quote,blockquote p,.footnote,.contact,li{{break-inside:avoid;page-break-inside:avoid}}\n\
p{{orphans:3;widows:3}}\n\
.end-mark{{break-before:avoid;page-break-before:avoid}}\n\
.body>:nth-last-child(2){{break-after:avoid;page-break-after:avoid}}\n\
.url{{display:inline;font-size:.85em;color:#555;overflow-wrap:anywhere}}\n\
a{{color:inherit;text-decoration:none}}\n",
        size = paper.css_size(),
        label = css_string(footer_label),
    )
}

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
