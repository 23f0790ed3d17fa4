//! The text fields of a release, each with its path and kind, in reading order.
//!
//! Checks and Vale rules walk the same list, so a finding's path is always the
//! path of a string in the release's JSON (`body[3].paragraphs[0].segments[1].text`).

use dateline_core::{Block, Release};

/// What a text field is; Vale scopes and the "outside quotes" checks key on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// `headline`.
    Headline,
    /// `subheadline`.
    Subheadline,
    /// `body[i].text` of a paragraph.
    Paragraph,
    /// `body[i].text` of a sub-heading.
    Heading,
    /// `body[i].items[j]`.
    ListItem,
    /// Words inside a quote (the quotation marks are the renderer's).
    QuoteText,
    /// `footnotes[i].text`.
    FootnoteText,
    /// `boilerplate[i].title`.
    BoilerplateTitle,
    /// `boilerplate[i].paragraphs[j]`.
    BoilerplateParagraph,
}

impl FieldKind {
    /// Whether the field is part of the story before the end mark.
    pub fn in_story(self) -> bool {
        matches!(
            self,
            FieldKind::Headline
                | FieldKind::Subheadline
                | FieldKind::Paragraph
                | FieldKind::Heading
                | FieldKind::ListItem
                | FieldKind::QuoteText
        )
    }

    /// Whether the field is the writer's own voice (not a quote, not a name).
    pub fn is_narrative(self) -> bool {
        matches!(
            self,
            FieldKind::Headline
                | FieldKind::Subheadline
                | FieldKind::Paragraph
                | FieldKind::Heading
                | FieldKind::ListItem
        )
    }
}

/// One text field.
#[derive(Debug, Clone)]
pub struct Field<'r> {
    /// Its path in the release.
    pub path: String,
    /// What it is.
    pub kind: FieldKind,
    /// Its text (inline Markdown).
    pub text: &'r str,
    /// The body block it belongs to, if any.
    pub block: Option<usize>,
}

/// Every text field of `r` in reading order.
pub fn text_fields<'r>(r: &'r Release) -> Vec<Field<'r>> {
    let mut out: Vec<Field<'_>> = Vec::with_capacity(r.body.len() + 8);
    let mut push = |path: String, kind, text: &'r str, block| {
        out.push(Field {
            path,
            kind,
            text,
            block,
        })
    };
    push("headline".into(), FieldKind::Headline, &r.headline, None);
    if let Some(s) = &r.subheadline {
        push("subheadline".into(), FieldKind::Subheadline, s, None);
    }
    for (i, b) in r.body.iter().enumerate() {
        match b {
            Block::Paragraph { text } => push(
                format!("body[{i}].text"),
                FieldKind::Paragraph,
                text,
                Some(i),
            ),
            Block::Heading { text } => {
                push(format!("body[{i}].text"), FieldKind::Heading, text, Some(i))
            }
            Block::List { items } => {
                for (j, it) in items.iter().enumerate() {
                    push(
                        format!("body[{i}].items[{j}]"),
                        FieldKind::ListItem,
                        it,
                        Some(i),
                    );
                }
            }
            Block::Quote(q) => {
                for (j, p) in q.paragraphs.iter().enumerate() {
                    for (k, s) in p.segments.iter().enumerate() {
                        push(
                            format!("body[{i}].paragraphs[{j}].segments[{k}].text"),
                            FieldKind::QuoteText,
                            &s.text,
                            Some(i),
                        );
                    }
                }
            }
        }
    }
    for (i, f) in r.footnotes.iter().enumerate() {
        if !f.text.is_empty() {
            push(
                format!("footnotes[{i}].text"),
                FieldKind::FootnoteText,
                &f.text,
                None,
            );
        }
    }
    for (i, b) in r.boilerplate.iter().enumerate() {
        push(
            format!("boilerplate[{i}].title"),
            FieldKind::BoilerplateTitle,
            &b.title,
            None,
        );
        for (j, p) in b.paragraphs.iter().enumerate() {
            push(
                format!("boilerplate[{i}].paragraphs[{j}]"),
                FieldKind::BoilerplateParagraph,
                p,
                None,
            );
        }
    }
    out
}

/// The words of the release's own names — people (names and surnames), the
/// organisation, dateline places, contacts — for a spellchecker's ignore list:
/// these are never misspellings. Sorted, without duplicates.
pub fn names(r: &Release) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    let mut add = |s: &str| {
        for (_, w) in words(s) {
            if w.chars().any(char::is_alphabetic) {
                out.insert(w.to_string());
            }
        }
    };
    for p in &r.people {
        add(&p.name);
        add(p.surname());
    }
    add(&r.meta.organisation);
    if let Some(d) = &r.dateline {
        for p in &d.places {
            add(&p.city);
            add(p.region.as_deref().unwrap_or(""));
        }
    }
    for c in &r.contacts {
        add(&c.name);
        add(c.organisation.as_deref().unwrap_or(""));
    }
    out.into_iter().collect()
}

/// The release's language tag. The one place that reads `meta.language`, so a
/// typed language tag in the model is a one-line change here.
pub fn language(r: &Release) -> &str {
    &r.meta.language
}

/// The primary language subtag, lower case ("fr" for "fr-CH").
pub fn primary_language(r: &Release) -> String {
    language(r)
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Byte ranges of `text` inside quotation marks (“…”, "…", «…», „…“), which
/// belong to someone quoted rather than to the writer. An unclosed mark runs
/// to the end of the text (a quote continued in the next paragraph).
pub fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let opens = match c {
                    '“' | '«' | '„' => true,
                    '"' => prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p)),
                    _ => false,
                };
                if opens {
                    open = Some((i, c));
                }
            }
            Some((start, o)) => {
                let closes = match o {
                    '“' | '„' => c == '”' || (o == '„' && c == '“'),
                    '«' => c == '»',
                    _ => c == '"',
                };
                if closes {
                    out.push(start..i + c.len_utf8());
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    if let Some((start, _)) = open {
        out.push(start..text.len());
    }
    out
}

/// Whether byte `at` lies inside one of `ranges`.
pub fn inside(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    ranges.iter().any(|r| r.contains(&at))
}

/// Words of `text` with their byte ranges: runs of letters, digits, apostrophes
/// and inner hyphens.
pub fn words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> + '_ {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip to a word start.
        let start = loop {
            let (i, c) = iter.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = iter.peek() {
            if c.is_alphanumeric() {
                iter.next();
                continue;
            }
            if matches!(c, '\'' | '’' | '-') {
                // Inside a word only when a letter follows.
                let next = text[i + c.len_utf8()..].chars().next();
                if next.is_some_and(|n| n.is_alphanumeric()) {
                    iter.next();
                    continue;
                }
            }
            end = i;
            break;
        }
        Some((start..end, &text[start..end]))
    })
}
