//! The Markdown export: the whole release as clean CommonMark.
//!
//! Fields are parsed (the same inline Markdown as every other renderer) and
//! written back: emphasis and safe links keep their Markdown, everything else
//! is escaped text, so raw HTML pasted into a field stays visible text in any
//! Markdown viewer and no line turns into a heading or a list by accident.

use dateline_core::dateline;
use dateline_core::markdown::parse_inline;
use dateline_core::model::{ActionItem, Block, Release};
use dateline_core::quote::{quote_pieces, QuotePiece};
use dateline_core::text::{footnote_text, release_line};
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::inline::safe_url;
use dateline_core::text::contacts_heading;

/// Escapes text so that CommonMark reads it literally.
fn escape_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '&' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
}

fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_text(&mut out, s);
    out
}

/// A link destination in angle brackets, with the characters that could end it escaped.
fn destination(url: &str) -> String {
    let mut out = String::from("<");
    for c in url.trim().chars() {
        match c {
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() || c.is_control() => {
                out.push_str(&format!("%{:02X}", c as u32 & 0xff))
            }
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// Inline Markdown of a field, re-written safely.
pub(crate) fn inline_md(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 8);
    let mut links: Vec<Option<String>> = Vec::new();
    let mut image = 0usize;
    for ev in parse_inline(src) {
        match ev {
            Event::Text(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => escape_text(&mut out, &t),
            Event::Code(c) => {
                // A code span delimited by more backticks than it contains.
                let ticks = "`".repeat(longest_run(&c, '`') + 1);
                let pad = if c.starts_with('`') || c.ends_with('`') {
                    " "
                } else {
                    ""
                };
                out.push_str(&format!("{ticks}{pad}{c}{pad}{ticks}"));
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("\\\n"),
            Event::FootnoteReference(t) => {
                out.push_str("\\[^");
                escape_text(&mut out, &t);
                out.push_str("\\]");
            }
            _ if image > 0 => match ev {
                Event::Start(Tag::Image { .. }) => image += 1,
                Event::End(TagEnd::Image) => image -= 1,
                _ => {}
            },
            Event::Start(Tag::Image { .. }) => image = 1,
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => out.push('*'),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => out.push_str("**"),
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => {
                out.push_str("~~")
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if safe_url(&dest_url) {
                    out.push('[');
                    links.push(Some(dest_url.to_string()));
                } else {
                    links.push(None);
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(Some(url)) = links.pop() {
                    out.push_str("](");
                    out.push_str(&destination(&url));
                    out.push(')');
                }
            }
            _ => {}
        }
    }
    protect_line_starts(&out)
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for x in s.chars() {
        if x == c {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// Escapes line starts that CommonMark would read as a block (`- `, `+ `, `1. `, `=`).
fn protect_line_starts(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let t = line.trim_start();
        let mut chars = t.chars();
        let first = chars.next();
        let second = chars.next();
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after_digits = t.get(digits.len()..).unwrap_or("");
        if matches!(first, Some('-' | '+' | '='))
            && (matches!(second, None | Some(' ' | '\t'))
                || t.chars().all(|c| c == '-' || c == '=' || c == ' '))
        {
            out.push('\\');
            out.push_str(t);
        } else if !digits.is_empty()
            && (after_digits.starts_with(". ")
                || after_digits.starts_with(") ")
                || after_digits == "."
                || after_digits == ")")
        {
            out.push_str(&digits);
            out.push('\\');
            out.push_str(after_digits);
        } else {
            out.push_str(t);
        }
    }
    out
}

/// The Markdown export of `r`.
pub fn render_markdown(r: &Release) -> String {
    let style = r.style.style();
    let lang = &r.meta.language;
    let marks = style.quote_marks(lang);
    let mut blocks: Vec<String> = Vec::new();
    if let Some(line) = release_line(&r.release_line, lang) {
        blocks.push(format!("**{}**", escaped(&line)));
    }
    // The headline as printed (with the genre when the style wants it), re-parsed
    // only for its emphasis and links.
    let mut h = inline_md(r.headline.trim());
    if style.kind_after_headline {
        h = format!("{h} ({})", escaped(r.meta.kind.genre(&r.meta.language)));
    }
    blocks.push(format!("# {}", h.replace('\n', " ")));
    if let Some(sub) = r.subheadline.as_deref().filter(|s| !s.trim().is_empty()) {
        blocks.push(format!("*{}*", inline_md(sub.trim())));
    }

    let mut dl = r
        .dateline
        .as_ref()
        .map(|d| dateline::render(d, lang))
        .filter(|d| !d.is_empty())
        .map(|d| format!("**{}**", escaped(&d)))
        .unwrap_or_default();
    let own_line = r.dateline.as_ref().is_some_and(|d| d.style.own_line());
    let inline_ok = matches!(
        r.body.first(),
        Some(Block::Paragraph { .. } | Block::Quote(_))
    );
    if !dl.is_empty() && (own_line || !inline_ok) {
        blocks.push(std::mem::take(&mut dl));
    }
    for block in &r.body {
        let mut prefixed = |s: String| {
            if dl.is_empty() {
                s
            } else {
                format!("{} {s}", std::mem::take(&mut dl))
            }
        };
        match block {
            Block::Paragraph { text } => blocks.push(prefixed(inline_md(text))),
            Block::Heading { text } => {
                blocks.push(format!("## {}", inline_md(text).replace('\n', " ")))
            }
            Block::List { items } => blocks.push(
                items
                    .iter()
                    .map(|i| format!("- {}", inline_md(i).replace('\n', "\n  ")))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Quote(q) => {
                let paras: Vec<String> = quote_pieces(q, &r.people, marks, lang)
                    .iter()
                    .map(|p| prefixed(pieces_md(p)))
                    .collect();
                let quoted: Vec<String> = paras
                    .iter()
                    .map(|p| {
                        p.lines()
                            .map(|l| format!("> {l}"))
                            .collect::<Vec<_>>()
                            .join("\n")
                    })
                    .collect();
                blocks.push(quoted.join("\n>\n"));
            }
        }
    }
    if !dl.is_empty() {
        blocks.push(dl);
    }
    if let Some(mark) = r.end_mark.text() {
        blocks.push(escaped(mark));
    }
    for f in &r.footnotes {
        // The footnote's people part is plain text; its free text keeps its Markdown.
        let plain = footnote_text(
            &dateline_core::Footnote {
                text: String::new(),
                ..f.clone()
            },
            &r.people,
        );
        let mut s = escaped(&plain);
        if !f.text.trim().is_empty() {
            if !f.people.is_empty() {
                s.push(' ');
            }
            s.push_str(&inline_md(f.text.trim()));
        }
        blocks.push(s);
    }
    for b in &r.boilerplate {
        blocks.push(format!("## {}", inline_md(&b.title).replace('\n', " ")));
        blocks.extend(b.paragraphs.iter().map(|p| inline_md(p)));
    }
    if !r.contacts.is_empty() {
        blocks.push(format!("## {}", contacts_heading(lang)));
        for c in &r.contacts {
            blocks.push(
                dateline_core::text::contact_text(c)
                    .lines()
                    .map(escaped)
                    .collect::<Vec<_>>()
                    .join("  \n"),
            );
        }
    }
    if let Some(t) = r.actions.title.as_deref().filter(|t| !t.is_empty()) {
        blocks.push(format!("## {}", escaped(t)));
    }
    if !r.actions.items.is_empty() {
        blocks.push(
            r.actions
                .items
                .iter()
                .map(|item| match item {
                    ActionItem::Link { label, url } if safe_url(url) => {
                        format!("- [{}]({})", escaped(label), destination(url))
                    }
                    ActionItem::Link { label, .. } => format!("- {}", escaped(label)),
                    ActionItem::Line { text } => {
                        format!("- {}", inline_md(text).replace('\n', "\n  "))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

fn pieces_md(pieces: &[QuotePiece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            QuotePiece::Open(m) | QuotePiece::Close(m) => s.push_str(m),
            QuotePiece::Words(w) => s.push_str(&inline_md(w)),
            QuotePiece::Attribution(a) => escape_text(&mut s, a),
            QuotePiece::Space => s.push(' '),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markdown_is_kept_or_escaped() {
        assert_eq!(
            inline_md("a **b** [c](https://e.org/x y)"),
            "a **b** \\[c\\](https://e.org/x y)"
        );
        assert_eq!(inline_md("[c](https://e.org/x)"), "[c](<https://e.org/x>)");
        assert_eq!(
            inline_md("<b>x</b> & 1 * 2"),
            "\\<b\\>x\\</b\\> \\& 1 \\* 2"
        );
        assert_eq!(inline_md("[x](javascript:alert(1))"), "x");
        assert_eq!(inline_md("- not a list"), "\\- not a list");
        assert_eq!(inline_md("2025. A year"), "2025\\. A year");
    }
}
