//! Readers: each input format becomes the same list of source blocks (lines of
//! text with a kind), so the recognisers after it do not care where the text
//! came from.

pub mod html;
pub mod markdown;
pub mod text;

/// What a source block is, as far as the input's markup says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph or any other run of text.
    Para,
    /// A heading of the given level (HTML `h1`–`h6`, Markdown `#`).
    Heading(u8),
    /// One item of a bullet or numbered list.
    ListItem,
    /// A thematic break (`***`, `---`), kept as written: it may be an end mark.
    Rule,
}

/// A block of the source: one or more lines.
#[derive(Debug, Clone, PartialEq)]
pub struct SrcBlock {
    /// What the markup says the block is.
    pub kind: BlockKind,
    /// The lines, trimmed.
    pub lines: Vec<String>,
    /// Whether the lines are one paragraph hard-wrapped (joined with spaces),
    /// rather than separate lines (`<br>`, one paragraph per line).
    pub wrapped: bool,
    /// The lines as inline Markdown (emphasis and links kept), one per line;
    /// empty when the source has no inline markup to keep (plain text).
    pub rich: Vec<String>,
    /// The input line (1-based) of the first line, when the format tells
    /// (plain text and Markdown; for HTML see `spans`).
    pub first_line: Option<usize>,
    /// For HTML, one entry per line: the input lines (1-based, inclusive)
    /// where that line's text starts and ends in the markup, when found.
    /// Empty for plain text and Markdown, whose lines are `first_line` on.
    pub spans: Vec<Option<(usize, usize)>>,
    /// The number of the part this block is (see `ImportReport::parts`),
    /// given once the blocks are final.
    pub part: usize,
}

impl SrcBlock {
    /// A block of `kind` from `lines` (blank lines removed, each trimmed).
    pub fn new(kind: BlockKind, lines: Vec<String>, wrapped: bool) -> SrcBlock {
        SrcBlock {
            kind,
            lines: lines
                .into_iter()
                .map(|l| trim_line(&l).to_string())
                .filter(|l| !l.is_empty())
                .collect(),
            wrapped,
            rich: Vec::new(),
            first_line: None,
            spans: Vec::new(),
            part: 0,
        }
    }

    /// The lines `range` of this block as a block of their own (rich lines,
    /// input line and part kept).
    pub fn slice(&self, range: std::ops::Range<usize>) -> SrcBlock {
        SrcBlock {
            kind: self.kind,
            lines: self.lines.get(range.clone()).unwrap_or(&[]).to_vec(),
            wrapped: self.wrapped,
            rich: self.rich.get(range.clone()).unwrap_or(&[]).to_vec(),
            first_line: self.first_line.map(|f| f + range.start),
            spans: self.spans.get(range).unwrap_or(&[]).to_vec(),
            part: self.part,
        }
    }

    /// The same block starting at input line `line`.
    pub fn at_line(mut self, line: Option<usize>) -> SrcBlock {
        self.first_line = line;
        self
    }

    /// A block of `kind` from (plain, inline Markdown) line pairs.
    pub fn new_rich(kind: BlockKind, lines: Vec<(String, String)>, wrapped: bool) -> SrcBlock {
        let (lines, rich): (Vec<String>, Vec<String>) = lines
            .into_iter()
            .map(|(l, r)| (trim_line(&l).to_string(), trim_line(&r).to_string()))
            .filter(|(l, _)| !l.is_empty())
            .unzip();
        SrcBlock {
            kind,
            lines,
            wrapped,
            rich,
            first_line: None,
            spans: Vec::new(),
            part: 0,
        }
    }

    /// The same block with the input line spans of its lines (HTML).
    pub fn with_spans(mut self, spans: Vec<Option<(usize, usize)>>) -> SrcBlock {
        if spans.len() == self.lines.len() {
            self.first_line = spans.iter().flatten().map(|s| s.0).next();
            self.spans = spans;
        }
        self
    }

    /// The input lines (first, last) the block covers, when known.
    pub fn line_range(&self) -> Option<(usize, usize)> {
        if self.spans.is_empty() {
            let first = self.first_line?;
            return Some((first, first + self.lines.len().saturating_sub(1)));
        }
        let first = self.spans.iter().flatten().map(|s| s.0).min()?;
        let last = self.spans.iter().flatten().map(|s| s.1).max()?;
        Some((first, last))
    }

    /// The rich lines joined like [`SrcBlock::joined`]; `None` without rich lines.
    pub fn joined_rich(&self) -> Option<String> {
        if self.rich.len() != self.lines.len() || self.rich.is_empty() {
            return None;
        }
        let mut out = String::new();
        let mut plain = String::new();
        for (l, r) in self.lines.iter().zip(&self.rich) {
            let glued = plain.ends_with('-')
                && !plain.ends_with("--")
                && !plain.ends_with(" -")
                && l.chars().next().is_some_and(char::is_lowercase);
            if !plain.is_empty() && !glued {
                out.push(' ');
                plain.push(' ');
            }
            out.push_str(r);
            plain.push_str(l);
        }
        Some(out)
    }

    /// The lines joined with spaces; a line ending in a hyphen before a
    /// lower-case word joins without one (`well-` + `known` → `well-known`).
    pub fn joined(&self) -> String {
        let mut out = String::new();
        for l in &self.lines {
            let glued = out.ends_with('-')
                && !out.ends_with("--")
                && !out.ends_with(" -")
                && l.chars().next().is_some_and(char::is_lowercase);
            if !out.is_empty() && !glued {
                out.push(' ');
            }
            out.push_str(l);
        }
        out
    }
}

/// A line being read, as plain text and as inline Markdown side by side.
#[derive(Debug, Default, Clone)]
pub struct Line {
    /// The visible text.
    pub plain: String,
    /// The same text as inline Markdown.
    pub rich: String,
}

impl Line {
    /// Appends visible text (escaped in the Markdown side).
    pub fn text(&mut self, t: &str) {
        self.plain.push_str(t);
        for c in t.chars() {
            if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '`') {
                self.rich.push('\\');
            }
            self.rich.push(c);
        }
    }

    /// Appends markup to the Markdown side only.
    pub fn markup(&mut self, m: &str) {
        self.rich.push_str(m);
    }

    /// Whether no visible text was added.
    pub fn is_blank(&self) -> bool {
        trim_line(&self.plain).is_empty()
    }
}

/// Trims whitespace, no-break spaces included.
pub fn trim_line(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// A hyperlink seen in the source: its visible label and its target.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The visible text.
    pub label: String,
    /// An `http`, `https` or `mailto` URL (other schemes are never kept).
    pub url: String,
}

/// A source, read: blocks, links, and text dropped while reading.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The blocks in reading order.
    pub blocks: Vec<SrcBlock>,
    /// The links, in order.
    pub links: Vec<Link>,
    /// Text left out while reading, with the reason.
    pub dropped: Vec<(String, &'static str)>,
}

/// Whether `url` may be kept as a link target (no `javascript:`, no `data:`).
pub fn safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    (u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:"))
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"')
}

/// What [`front_matter`] reads: its blocks, the text it dropped (with the
/// reason), and the input with the front matter blanked.
pub type FrontMatter = (Vec<SrcBlock>, Vec<(String, &'static str)>, String);

/// Front matter at the top of a file (`---` YAML or `+++` TOML, as static
/// site generators keep releases): the title as the headline, the subtitle,
/// and the city and date as a dateline line, each a block at the line it
/// was written on; the other keys are dropped. Returns those blocks, what was
/// dropped, and the text with the front matter blanked (lines kept, so the
/// rest keeps its line numbers).
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let fence = ["---", "+++"]
        .into_iter()
        .find(|f| text.lines().next().is_some_and(|l| trim_line(l) == *f))?;
    let lines: Vec<&str> = text.split('\n').collect();
    let end = lines
        .iter()
        .enumerate()
        .skip(1)
        .take(80)
        .find(|(_, l)| trim_line(l) == fence || (fence == "---" && trim_line(l) == "..."))
        .map(|(i, _)| i)?;
    let mut fields: Vec<(String, String, usize)> = Vec::new();
    for (n, l) in lines.iter().enumerate().take(end).skip(1) {
        let Some((k, v)) = l.split_once(if fence == "+++" { '=' } else { ':' }) else {
            continue;
        };
        let key = k.trim().to_ascii_lowercase();
        let value = v.trim().trim_matches(['"', '\'']).trim().to_string();
        if key.is_empty() || key.contains(' ') {
            return None;
        }
        fields.push((key, value, n + 1));
    }
    if fields.is_empty() {
        return None;
    }
    let get = |keys: &[&str]| {
        fields
            .iter()
            .find(|(k, v, _)| keys.contains(&k.as_str()) && !v.is_empty())
            .map(|(_, v, n)| (v.clone(), *n))
    };
    let mut blocks = Vec::new();
    let mut used = Vec::new();
    if let Some((title, n)) = get(&["title", "headline"]) {
        blocks.push(SrcBlock::new(BlockKind::Heading(1), vec![title], false).at_line(Some(n)));
        used.push(n);
    }
    if let Some((sub, n)) = get(&["subtitle", "subheadline", "subhead"]) {
        blocks.push(SrcBlock::new(BlockKind::Heading(2), vec![sub], false).at_line(Some(n)));
        used.push(n);
    }
    let date = get(&["date", "publishdate", "published"]).and_then(|(d, n)| {
        // `2026-03-16T15:31:26+01:00` → `2026-03-16`.
        let day = d
            .get(..10)
            .filter(|d| crate::dates::parse_date(d).is_some())?;
        Some((day.to_string(), n))
    });
    if let Some((day, n)) = date {
        let line = match get(&["city", "location", "place", "dateline"]) {
            Some((city, m)) => {
                used.push(m);
                format!("{city}, {day}")
            }
            None => day,
        };
        blocks.push(SrcBlock::new(BlockKind::Para, vec![line], false).at_line(Some(n)));
        used.push(n);
    }
    if blocks.is_empty() {
        return None;
    }
    let mut dropped = vec![(lines.first()?.trim().to_string(), "front matter")];
    for (k, v, n) in &fields {
        if !used.contains(n) {
            dropped.push((format!("{k}: {v}"), "front matter"));
        }
    }
    let rest: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if i <= end { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    Some((blocks, dropped, rest))
}
