//! Markdown, read with pulldown-cmark: headings, paragraphs, list items and
//! thematic breaks become blocks; each line is kept as plain text (for the
//! recognisers) and as inline Markdown (emphasis, code and safe links, for the
//! fields); links are also kept aside for the actions footer; raw HTML is
//! dropped and reported.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{safe_url, BlockKind, Line, Link, Source, SrcBlock};

struct Reader {
    out: Source,
    kind: BlockKind,
    lines: Vec<(String, String)>,
    line: Line,
    wrapped: bool,
    item_depth: usize,
    /// Open links: target, and where the label starts in the plain and rich line.
    link_starts: Vec<(String, usize, usize)>,
    /// Byte offsets where the input's lines start.
    line_starts: Vec<usize>,
    /// The input line of the block being read.
    block_line: Option<usize>,
    /// Inside a heading made of hash marks only (`# # #`, an end mark): its
    /// text is already kept as written.
    marks_only: bool,
}

impl Reader {
    fn end_line(&mut self) {
        let l = std::mem::take(&mut self.line);
        if !l.is_blank() {
            self.lines.push((l.plain, l.rich));
        }
        // A link open across the break restarts on the new line.
        for l in self.link_starts.iter_mut() {
            l.1 = 0;
            l.2 = 0;
        }
    }

    fn flush(&mut self) {
        self.end_line();
        let lines = std::mem::take(&mut self.lines);
        if !lines.is_empty() {
            // `[^1]: …` definitions one under the other are lines of their own.
            let notes = lines.len() > 1 && lines.iter().all(|(l, _)| l.starts_with("[^"));
            let wrapped = self.wrapped && !notes;
            self.out
                .blocks
                .push(SrcBlock::new_rich(self.kind, lines, wrapped).at_line(self.block_line));
        }
        self.block_line = None;
        self.kind = BlockKind::Para;
        self.wrapped = true;
    }
}

/// Reads Markdown (front matter first, when the file has some).
pub fn read(text: &str) -> Source {
    if let Some((blocks, dropped, rest)) = super::front_matter(text) {
        let mut src = read_markdown(&rest);
        src.blocks.splice(0..0, blocks);
        src.dropped.splice(0..0, dropped);
        return src;
    }
    read_markdown(text)
}

fn read_markdown(text: &str) -> Source {
    let mut r = Reader {
        out: Source::default(),
        kind: BlockKind::Para,
        lines: Vec::new(),
        line: Line::default(),
        wrapped: true,
        item_depth: 0,
        link_starts: Vec::new(),
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        block_line: None,
        marks_only: false,
    };
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (ev, range) in Parser::new_ext(text, opts).into_offset_iter() {
        if r.block_line.is_none() && matches!(ev, Event::Text(_) | Event::Code(_) | Event::Rule) {
            let line = r.line_starts.partition_point(|s| *s <= range.start);
            r.block_line = Some(line.max(1));
        }
        let source = text.get(range).unwrap_or("").trim();
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                r.flush();
                r.kind = BlockKind::Heading(level as u8);
                // An empty heading is `###` or similar: keep it as written (an end mark).
                if source.chars().all(|c| c == '#') {
                    r.line.text(source);
                }
                // `# # #`: an end mark, not a heading holding `# #`.
                if source.contains(' ') && source.chars().all(|c| c == '#' || c == ' ') {
                    r.kind = BlockKind::Para;
                    r.line.text(source);
                    r.marks_only = true;
                }
            }
            Event::Start(Tag::Item) => {
                if r.item_depth == 0 {
                    r.flush();
                } else {
                    r.end_line();
                }
                r.item_depth += 1;
                r.kind = BlockKind::ListItem;
            }
            Event::End(TagEnd::Item) => {
                r.item_depth = r.item_depth.saturating_sub(1);
                if r.item_depth == 0 {
                    r.flush();
                }
            }
            Event::Start(Tag::Paragraph) if r.item_depth == 0 => r.flush(),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock)
                if r.item_depth == 0 =>
            {
                r.flush();
                r.marks_only = false;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                r.flush();
                r.wrapped = false;
            }
            // A table row is one line, its cells separated by ` | `.
            Event::Start(Tag::TableRow | Tag::TableHead)
            | Event::End(TagEnd::TableRow | TagEnd::TableHead) => r.flush(),
            Event::Start(Tag::TableCell) if !r.line.is_blank() => r.line.text(" | "),
            Event::Rule => {
                r.flush();
                r.kind = BlockKind::Rule;
                r.line.text(source);
                r.flush();
            }
            Event::Code(t) if !t.contains('`') && !t.contains('\n') => {
                r.line.plain.push_str(&t);
                r.line.markup(&format!("`{t}`"));
            }
            Event::Text(_) if r.marks_only => {}
            Event::Text(t) | Event::Code(t) => {
                let mut first = true;
                for part in t.split('\n') {
                    if !first {
                        r.end_line();
                    }
                    first = false;
                    r.line.text(part);
                }
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => r.line.markup("*"),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => r.line.markup("**"),
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough) => {
                r.line.markup("~~")
            }
            Event::SoftBreak => r.end_line(),
            Event::HardBreak => {
                r.wrapped = false;
                r.end_line();
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                r.link_starts
                    .push((dest_url.to_string(), r.line.plain.len(), r.line.rich.len()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, start, rich_start)) = r.link_starts.pop() {
                    let label = r.line.plain.get(start..).unwrap_or("").trim().to_string();
                    if safe_url(&url) && !label.is_empty() {
                        if r.line.rich.is_char_boundary(rich_start) {
                            r.line.rich.insert(rich_start, '[');
                            r.line.markup(&format!("]({url})"));
                        }
                        r.out.links.push(Link { label, url });
                    }
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let tag = h.trim().to_ascii_lowercase();
                if tag.starts_with("<br") {
                    r.wrapped = false;
                    r.end_line();
                } else {
                    r.out
                        .dropped
                        .push((h.trim().to_string(), "raw HTML in Markdown"));
                }
            }
            _ => {}
        }
    }
    r.flush();
    r.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_markdown() {
        let s = read("# Title\n\nGENEVA (14 May 2025) – A *UN* [expert](https://x.org)\nsaid.\n\n- one\n- two\n\n###\n\n* * *\n");
        let kinds: Vec<_> = s.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::Para,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Heading(3),
                BlockKind::Rule
            ]
        );
        assert_eq!(
            s.blocks[1].joined(),
            "GENEVA (14 May 2025) – A UN expert said."
        );
        assert_eq!(s.blocks[4].lines, ["###"]);
        assert_eq!(s.links[0].url, "https://x.org");
        assert_eq!(read("[x](javascript:alert(1))").links.len(), 0);
    }
}
