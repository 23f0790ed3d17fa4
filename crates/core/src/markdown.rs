//! Inline Markdown: the body text of paragraphs, quotes and list items.
//!
//! Fields hold *inline* Markdown (emphasis, links, code). A line that happens to
//! start like a block construct (`1. `, `# `, `- `, `> `) must stay text, so
//! [`inline_source`] escapes such starts before parsing. Every renderer parses
//! through [`parse_inline`] so the preview and all exports agree.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Options used for all inline Markdown: strikethrough only, no smart punctuation
/// (typographic quotes are the writer's, not the parser's).
pub fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

fn needs_escape(line: &str) -> bool {
    let t = line.trim_start();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next();
    match first {
        '#' | '>' | '=' => true,
        '-' | '+' | '*' => {
            matches!(second, None | Some(' ') | Some('\t'))
                || t.chars().all(|c| c == first || c == ' ')
        }
        '_' => t.chars().all(|c| c == '_' || c == ' '),
        '`' => t.starts_with("```"),
        '~' => t.starts_with("~~~"),
        '[' => t.contains("]:"),
        '<' => true,
        c if c.is_ascii_digit() => {
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            let rest = &t[digits.len()..];
            rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")"
        }
        _ => false,
    }
}

/// The Markdown source of an inline field, with block-level starts escaped and
/// line indentation removed, so that it parses as one paragraph.
pub fn inline_source(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start();
        if needs_escape(line) {
            let mut chars = line.chars();
            if let Some(c) = chars.next() {
                if c.is_ascii_digit() {
                    // Escape the delimiter after the digits: `1\. `.
                    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
                    out.push_str(&digits);
                    out.push('\\');
                    out.push_str(&line[digits.len()..]);
                    continue;
                }
            }
            out.push('\\');
        }
        out.push_str(line);
    }
    out
}

/// Parses an inline field. The events are those of a single paragraph (the
/// paragraph start/end events are left out).
pub fn parse_inline(text: &str) -> Vec<Event<'static>> {
    let src = inline_source(text);
    Parser::new_ext(&src, options())
        .filter(|e| {
            !matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
        .map(|e| e.into_static())
        .collect()
}

/// Inline Markdown as plain text: markup dropped, links printed as `label (url)`
/// when the label is not the URL itself.
pub fn to_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut link_stack: Vec<(String, usize)> = Vec::new();
    for ev in parse_inline(text) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::InlineHtml(t) | Event::Html(t) => out.push_str(&t),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link_stack.push((dest_url.to_string(), out.len()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, start)) = link_stack.pop() {
                    let label = out[start..].to_string();
                    let bare = url.strip_prefix("mailto:").unwrap_or(&url);
                    if label != url && label != bare && !url.is_empty() {
                        out.push_str(&format!(" ({bare})"));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_marker_stays_literal() {
        assert_eq!(
            to_plain("A UN expert* today said"),
            "A UN expert* today said"
        );
    }

    #[test]
    fn markup_is_dropped_links_keep_url() {
        assert_eq!(
            to_plain("Read **the** [report](https://example.org/r) now"),
            "Read the report (https://example.org/r) now"
        );
        assert_eq!(to_plain("[a@b.org](mailto:a@b.org)"), "a@b.org");
    }

    #[test]
    fn block_starts_stay_text() {
        for s in [
            "1. First",
            "# Not a heading",
            "- not a list",
            "> not a quote",
            "2025) ok",
            "<div>x</div>",
        ] {
            assert_eq!(to_plain(s), s, "{s}");
        }
        assert_eq!(to_plain("line one\n- two"), "line one\n- two");
    }
}
