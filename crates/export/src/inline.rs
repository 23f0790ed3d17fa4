//! Inline Markdown of a field → escaped HTML.
//!
//! Every text field is parsed by the core's [`parse_inline`] (pulldown-cmark)
//! and written here element by element: text is escaped, raw HTML in the
//! Markdown comes out as visible text, images become their alt text and links
//! survive only with an http, https or mailto URL. Footnote markers in the body
//! (`A UN expert* today`) become links to their footnote.
//!
//! The release markup is safe by construction: it is written with
//! [`text_into`] and [`attr_into`], in exactly the form an HTML parser and
//! serializer give back (so the [`crate::sanitize`] allow-list would leave it
//! unchanged, which the tests check), and every link carries
//! [`LINK_REL`].

use dateline_core::markdown::parse_inline;
use dateline_core::validate::check_url;
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::labels::A11yLabels;

/// Appends `s` to `out` with the five HTML-special characters escaped.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline, and Unicode
            // noncharacters, have no place in a release (HTML forbids them).
            c if is_unwanted_char(c) => {}
            c => out.push(c),
        }
    }
}

/// The `rel` of every link of the release markup (after its other attributes).
pub const LINK_REL: &str = " rel=\"noopener noreferrer\"";

/// Appends `s` as the text of an element: `&`, `<`, `>` and the no-break
/// space as character references, the characters of [`is_unwanted_char`]
/// dropped. This is the form an HTML serializer gives a text node (quotes
/// stay as they are).
pub fn text_into(out: &mut String, s: &str) {
    write_escaped(out, s, false);
}

/// Appends `s` as an attribute value between double quotes: as
/// [`text_into`], and `"` as `&quot;`.
pub fn attr_into(out: &mut String, s: &str) {
    write_escaped(out, s, true);
}

fn write_escaped(out: &mut String, s: &str, attr: bool) {
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let (len, with) = if b < 0x80 {
            let with = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' if attr => "&quot;",
                b'\t' | b'\n' => {
                    i += 1;
                    continue;
                }
                0..=0x1F | 0x7F => "",
                _ => {
                    i += 1;
                    continue;
                }
            };
            (1, with)
        } else {
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let with = if c == '\u{A0}' {
                "&nbsp;"
            } else if is_unwanted_char(c) {
                ""
            } else {
                i += c.len_utf8();
                continue;
            };
            (c.len_utf8(), with)
        };
        out.push_str(s.get(start..i).unwrap_or(""));
        out.push_str(with);
        i += len;
        start = i;
    }
    out.push_str(s.get(start..).unwrap_or(""));
}

/// Characters that HTML parsers report as errors: controls other than tab and
/// newline (C0, DEL, C1) and Unicode noncharacters.
pub fn is_unwanted_char(c: char) -> bool {
    let n = c as u32;
    (c.is_control() && c != '\n' && c != '\t')
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// `s` with the HTML-special characters escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// Whether `url` may become a link: http(s) with a host, or mailto with an address.
pub fn safe_url(url: &str) -> bool {
    check_url(url).is_ok()
}

/// Footnote markers of a release and which of them already have a back-link target.
#[derive(Debug, Default)]
pub struct FootnoteRefs {
    /// (marker, footnote number from 1), longest marker first.
    markers: Vec<(String, usize)>,
    /// Footnote numbers whose first reference (with its `id`) has been written.
    placed: Vec<usize>,
    /// The links' accessible names ("Footnote 1"): a screen reader would say only "star".
    labels: A11yLabels,
}

impl FootnoteRefs {
    /// Markers made only of symbols (`*`, `**`, `†`) are linked; a marker with
    /// letters or digits would match ordinary words and numbers, so it is not.
    /// The links are named in the language of `labels`.
    pub fn new<'a>(markers: impl Iterator<Item = &'a str>, labels: A11yLabels) -> FootnoteRefs {
        let mut list: Vec<(String, usize)> = markers
            .enumerate()
            .filter(|(_, m)| {
                !m.is_empty() && !m.chars().any(|c| c.is_alphanumeric() || c.is_whitespace())
            })
            .map(|(i, m)| (m.to_string(), i + 1))
            .collect();
        list.sort_by_key(|(m, _)| std::cmp::Reverse(m.chars().count()));
        FootnoteRefs {
            markers: list,
            placed: Vec::new(),
            labels,
        }
    }

    /// Whether footnote `n` has a reference in the text (its back-link target).
    pub fn is_referenced(&self, n: usize) -> bool {
        self.placed.contains(&n)
    }

    /// Writes `text` escaped, linking each footnote marker that follows a word.
    fn write_text(&mut self, out: &mut String, text: &str) {
        if self.markers.is_empty() {
            text_into(out, text);
            return;
        }
        let mut last = 0;
        let mut prev: Option<char> = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            // A marker starts with one of its own characters: any other
            // character is text (the common case, checked first).
            if !self.is_marker_char(c) {
                prev = Some(c);
                continue;
            }
            let after_word = prev.is_some_and(|p| !p.is_whitespace() && !self.is_marker_char(p));
            let mut matched = None;
            if after_word {
                for (m, n) in &self.markers {
                    if let Some(rest) = text.get(i..).and_then(|r| r.strip_prefix(m.as_str())) {
                        let next = rest.chars().next();
                        if !next.is_some_and(|x| self.is_marker_char(x) || x.is_alphanumeric()) {
                            matched = Some((m.len(), *n));
                            break;
                        }
                    }
                }
            }
            if let Some((len, n)) = matched {
                text_into(out, text.get(last..i).unwrap_or(""));
                let marker = text.get(i..i + len).unwrap_or("");
                out.push_str("<a class=\"fnref\" href=\"#fn-");
                out.push_str(&n.to_string());
                out.push('"');
                if !self.placed.contains(&n) {
                    self.placed.push(n);
                    out.push_str(" id=\"fnref-");
                    out.push_str(&n.to_string());
                    out.push('"');
                }
                out.push_str(" aria-label=\"");
                attr_into(out, &self.labels.footnote(n));
                out.push('"');
                out.push_str(LINK_REL);
                out.push('>');
                text_into(out, marker);
                out.push_str("</a>");
                last = i + len;
                prev = marker.chars().last();
                while iter.peek().is_some_and(|(j, _)| *j < last) {
                    iter.next();
                }
                continue;
            }
            prev = Some(c);
        }
        text_into(out, text.get(last..).unwrap_or(""));
    }

    fn is_marker_char(&self, c: char) -> bool {
        // Markers hold neither letters, digits nor spaces (see `new`).
        !c.is_alphanumeric()
            && !c.is_whitespace()
            && self.markers.iter().any(|(m, _)| m.contains(c))
    }
}

/// Appends the inline Markdown `src` as HTML. `notes`, when given, links footnote markers.
pub fn inline_html(out: &mut String, src: &str, mut notes: Option<&mut FootnoteRefs>) {
    let events = parse_inline(src);
    // Adjacent text events are merged so that a marker split off by the parser
    // (`expert` `*` ` today`) is seen with its neighbours.
    let mut pending = String::new();
    let mut in_link = 0usize;
    let mut image_depth = 0usize;
    // Per open link: its printed address and where its label starts in `out`,
    // or `None` for a link dropped as unsafe.
    let mut open_links: Vec<Option<(String, usize)>> = Vec::new();
    let flush = |out: &mut String,
                 pending: &mut String,
                 notes: &mut Option<&mut FootnoteRefs>,
                 linked: bool| {
        if pending.is_empty() {
            return;
        }
        match notes.as_deref_mut() {
            Some(n) if !linked => n.write_text(out, pending),
            _ => text_into(out, pending),
        }
        pending.clear();
    };
    for ev in events {
        match ev {
            Event::Text(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => pending.push_str(&t),
            Event::SoftBreak => pending.push('\n'),
            Event::FootnoteReference(t) => {
                pending.push_str("[^");
                pending.push_str(&t);
                pending.push(']');
            }
            Event::TaskListMarker(done) => pending.push_str(if done { "[x] " } else { "[ ] " }),
            _ if image_depth > 0 => {
                // Inside an image only its alt text (the text events above) is kept.
                match ev {
                    Event::Start(Tag::Image { .. }) => image_depth += 1,
                    Event::End(TagEnd::Image) => image_depth -= 1,
                    _ => {}
                }
            }
            other => {
                flush(out, &mut pending, &mut notes, in_link > 0);
                match other {
                    Event::Code(c) => {
                        out.push_str("<code>");
                        text_into(out, &c);
                        out.push_str("</code>");
                    }
                    Event::HardBreak => out.push_str("<br>"),
                    Event::Rule => {}
                    Event::Start(Tag::Emphasis) => out.push_str("<em>"),
                    Event::End(TagEnd::Emphasis) => out.push_str("</em>"),
                    Event::Start(Tag::Strong) => out.push_str("<strong>"),
                    Event::End(TagEnd::Strong) => out.push_str("</strong>"),
                    Event::Start(Tag::Strikethrough) => out.push_str("<del>"),
                    Event::End(TagEnd::Strikethrough) => out.push_str("</del>"),
                    Event::Start(Tag::Link { dest_url, .. }) => {
                        if safe_url(&dest_url) {
                            let url = dest_url.trim();
                            out.push_str("<a href=\"");
                            attr_into(out, url);
                            out.push('"');
                            out.push_str(LINK_REL);
                            out.push('>');
                            in_link += 1;
                            let mut shown = String::new();
                            text_into(&mut shown, url.strip_prefix("mailto:").unwrap_or(url));
                            open_links.push(Some((shown, out.len())));
                        } else {
                            open_links.push(None);
                        }
                    }
                    Event::End(TagEnd::Link) => {
                        if let Some(Some((shown, start))) = open_links.pop() {
                            let label_is_url = out.get(start..).is_some_and(|l| l == shown);
                            out.push_str("</a>");
                            // Printed after the link on paper (hidden on screen), like
                            // the plain text's `label (url)`.
                            if !label_is_url {
                                out.push_str("<span class=\"url\"> (");
                                out.push_str(&shown);
                                out.push_str(")</span>");
                            }
                            in_link = in_link.saturating_sub(1);
                        }
                    }
                    Event::Start(Tag::Image { .. }) => image_depth = 1,
                    _ => {}
                }
            }
        }
    }
    flush(out, &mut pending, &mut notes, in_link > 0);
    // Unbalanced tags cannot come out of the parser, but a link left open by a
    // bug must not swallow the rest of the document.
    for _ in open_links.iter().flatten() {
        out.push_str("</a>");
    }
}

/// The inline Markdown `src` as an HTML string (no footnote linking).
pub fn to_html(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 16);
    inline_html(&mut out, src, None);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escaped_links_filtered() {
        assert_eq!(
            to_html("a **b** <i>c</i>"),
            "a <strong>b</strong> &lt;i&gt;c&lt;/i&gt;"
        );
        assert_eq!(
            to_html("[ok](https://example.org/?a=1&b=2) [bad](javascript:alert(1))"),
            "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\">ok</a><span class=\"url\"> \
             (https://example.org/?a=1&amp;b=2)</span> bad"
        );
        assert_eq!(to_html("![alt <x>](https://e.org/i.png)"), "alt &lt;x&gt;");
        assert_eq!(to_html("`<b>`"), "<code>&lt;b&gt;</code>");
    }

    #[test]
    fn text_and_attribute_values_are_written_as_a_serializer_writes_them() {
        let src = "a<b>&\"c'\u{a0}d\u{0}\r\u{1b}\u{7f}\u{85}\u{FDD0}\u{FFFF}\u{1FFFE}\te\n«é»";
        let mut t = String::new();
        text_into(&mut t, src);
        assert_eq!(t, "a&lt;b&gt;&amp;\"c'&nbsp;d\te\n«é»");
        let mut a = String::new();
        attr_into(&mut a, src);
        assert_eq!(a, "a&lt;b&gt;&amp;&quot;c'&nbsp;d\te\n«é»");
        // Parsing and serializing it again changes nothing.
        let html = format!("<p title=\"{a}\">{t}</p>");
        assert_eq!(crate::sanitize::sanitize_fragment(&html), html);
    }

    #[test]
    fn footnote_markers_link_once_with_id() {
        let mut refs = FootnoteRefs::new(["*", "**"].into_iter(), A11yLabels::default());
        let mut out = String::new();
        inline_html(
            &mut out,
            "An expert* and another** and 5 * 3, expert* again",
            Some(&mut refs),
        );
        assert_eq!(
            out,
            "An expert<a class=\"fnref\" href=\"#fn-1\" id=\"fnref-1\" aria-label=\"Footnote 1\" rel=\"noopener noreferrer\">*</a> \
             and another<a class=\"fnref\" href=\"#fn-2\" id=\"fnref-2\" aria-label=\"Footnote 2\" rel=\"noopener noreferrer\">**</a> \
             and 5 * 3, expert<a class=\"fnref\" href=\"#fn-1\" aria-label=\"Footnote 1\" rel=\"noopener noreferrer\">*</a> again"
        );
        assert!(refs.is_referenced(1) && refs.is_referenced(2));
    }

    #[test]
    fn alphanumeric_markers_are_not_linked() {
        let mut refs = FootnoteRefs::new(["1"].into_iter(), A11yLabels::default());
        let mut out = String::new();
        inline_html(&mut out, "In 2021 there were 1", Some(&mut refs));
        assert_eq!(out, "In 2021 there were 1");
        assert!(!refs.is_referenced(1));
    }
}
