//! Field paths: the places of a release a comment, a suggestion or an
//! approval can point at, in the path syntax of validation problems
//! (`headline`, `body[2]`, `body[3].paragraphs[0].segments[1]`, `footnotes[0]`).
//!
//! A path is parsed once into a [`FieldPath`]; [`FieldPath::text`] reads the
//! field's text (what ranges count characters in) and [`FieldPath::set_text`]
//! writes one (accepting a suggestion).

use std::fmt;
use std::str::FromStr;

use dateline_core::markdown::to_plain;
use dateline_core::text::{contact_text, footnote_text, person_label};
use dateline_core::{ActionItem, Block, Release};

use crate::ReviewError;

/// A field of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldPath {
    /// `headline`.
    Headline,
    /// `subheadline`.
    Subheadline,
    /// `dateline` (as printed).
    Dateline,
    /// `body[i]`: a whole block as printed (a quote with marks and attributions).
    Block(usize),
    /// `body[i].text`: a paragraph's or heading's text.
    BlockText(usize),
    /// `body[i].items[j]`: a list item.
    Item(usize, usize),
    /// `body[i].paragraphs[j].segments[k]`: the words of a quote segment.
    Segment(usize, usize, usize),
    /// `footnotes[i]`: a footnote as printed.
    Footnote(usize),
    /// `footnotes[i].text`: a footnote's own text.
    FootnoteText(usize),
    /// `boilerplate[i]`: an "About" section.
    Boilerplate(usize),
    /// `boilerplate[i].paragraphs[j]`.
    BoilerplateParagraph(usize, usize),
    /// `contacts[i]`.
    Contact(usize),
    /// `actions.items[i]`: an action link's label or a line's text.
    Action(usize),
    /// `people[i]`: a person's name and title.
    Person(usize),
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FieldPath::Headline => write!(f, "headline"),
            FieldPath::Subheadline => write!(f, "subheadline"),
            FieldPath::Dateline => write!(f, "dateline"),
            FieldPath::Block(i) => write!(f, "body[{i}]"),
            FieldPath::BlockText(i) => write!(f, "body[{i}].text"),
            FieldPath::Item(i, j) => write!(f, "body[{i}].items[{j}]"),
            FieldPath::Segment(i, j, k) => write!(f, "body[{i}].paragraphs[{j}].segments[{k}]"),
            FieldPath::Footnote(i) => write!(f, "footnotes[{i}]"),
            FieldPath::FootnoteText(i) => write!(f, "footnotes[{i}].text"),
            FieldPath::Boilerplate(i) => write!(f, "boilerplate[{i}]"),
            FieldPath::BoilerplateParagraph(i, j) => write!(f, "boilerplate[{i}].paragraphs[{j}]"),
            FieldPath::Contact(i) => write!(f, "contacts[{i}]"),
            FieldPath::Action(i) => write!(f, "actions.items[{i}]"),
            FieldPath::Person(i) => write!(f, "people[{i}]"),
        }
    }
}

/// `name` or `name[n]`.
fn part(p: &str) -> Option<(&str, Option<usize>)> {
    match p.split_once('[') {
        None => Some((p, None)),
        Some((name, rest)) => {
            let n = rest.strip_suffix(']')?;
            if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) || n.len() > 9 {
                return None;
            }
            Some((name, Some(n.parse().ok()?)))
        }
    }
}

impl FromStr for FieldPath {
    type Err = ReviewError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ReviewError::BadPath(s.chars().take(200).collect());
        let parts: Option<Vec<(&str, Option<usize>)>> = s.trim().split('.').map(part).collect();
        let parts = parts.ok_or_else(bad)?;
        use FieldPath::*;
        Ok(match parts.as_slice() {
            [("headline", None)] => Headline,
            [("subheadline", None)] => Subheadline,
            [("dateline", None)] => Dateline,
            [("body", Some(i))] => Block(*i),
            [("body", Some(i)), ("text", None)] => BlockText(*i),
            [("body", Some(i)), ("items", Some(j))] => Item(*i, *j),
            [("body", Some(i)), ("paragraphs", Some(j)), ("segments", Some(k))] => {
                Segment(*i, *j, *k)
            }
            [("footnotes", Some(i))] => Footnote(*i),
            [("footnotes", Some(i)), ("text", None)] => FootnoteText(*i),
            [("boilerplate", Some(i))] => Boilerplate(*i),
            [("boilerplate", Some(i)), ("paragraphs", Some(j))] => BoilerplateParagraph(*i, *j),
            [("contacts", Some(i))] => Contact(*i),
            [("actions", None), ("items", Some(i))] => Action(*i),
            [("people", Some(i))] => Person(*i),
            _ => return Err(bad()),
        })
    }
}

impl FieldPath {
    /// The body block the field is in, if any.
    pub fn block(self) -> Option<usize> {
        match self {
            FieldPath::Block(i)
            | FieldPath::BlockText(i)
            | FieldPath::Item(i, _)
            | FieldPath::Segment(i, _, _) => Some(i),
            _ => None,
        }
    }

    /// The same field in block `i` instead (a path outside the body is unchanged).
    pub fn with_block(self, i: usize) -> FieldPath {
        match self {
            FieldPath::Block(_) => FieldPath::Block(i),
            FieldPath::BlockText(_) => FieldPath::BlockText(i),
            FieldPath::Item(_, j) => FieldPath::Item(i, j),
            FieldPath::Segment(_, j, k) => FieldPath::Segment(i, j, k),
            other => other,
        }
    }

    /// The field's text in `r`, or `None` when `r` has no such field.
    pub fn text(self, r: &Release) -> Option<String> {
        let block = |i: usize| r.body.get(i);
        match self {
            FieldPath::Headline => Some(r.headline.clone()),
            FieldPath::Subheadline => r.subheadline.clone(),
            FieldPath::Dateline => r
                .dateline
                .as_ref()
                .map(|d| dateline_core::dateline::render(d, &r.meta.language)),
            FieldPath::Block(i) => block(i).map(|b| dateline_diff::blocks::block_text(r, b)),
            FieldPath::BlockText(i) => match block(i)? {
                Block::Paragraph { text } | Block::Heading { text } => Some(text.clone()),
                _ => None,
            },
            FieldPath::Item(i, j) => match block(i)? {
                Block::List { items } => items.get(j).cloned(),
                _ => None,
            },
            FieldPath::Segment(i, j, k) => match block(i)? {
                Block::Quote(q) => Some(q.paragraphs.get(j)?.segments.get(k)?.text.clone()),
                _ => None,
            },
            FieldPath::Footnote(i) => r.footnotes.get(i).map(|f| footnote_text(f, &r.people)),
            FieldPath::FootnoteText(i) => r.footnotes.get(i).map(|f| f.text.clone()),
            FieldPath::Boilerplate(i) => r.boilerplate.get(i).map(|b| {
                let mut s = b.title.clone();
                for p in &b.paragraphs {
                    s.push_str("\n\n");
                    s.push_str(&to_plain(p));
                }
                s
            }),
            FieldPath::BoilerplateParagraph(i, j) => {
                r.boilerplate.get(i)?.paragraphs.get(j).cloned()
            }
            FieldPath::Contact(i) => r.contacts.get(i).map(contact_text),
            FieldPath::Action(i) => r.actions.items.get(i).map(|a| match a {
                ActionItem::Link { label, .. } => label.clone(),
                ActionItem::Line { text } => text.clone(),
            }),
            FieldPath::Person(i) => r.people.get(i).map(person_label),
        }
    }

    /// Whether `r` has this field (as [`text`](Self::text) is `Some`, without building it).
    pub fn exists(self, r: &Release) -> bool {
        let block = |i: usize| r.body.get(i);
        match self {
            FieldPath::Block(i) => block(i).is_some(),
            FieldPath::Subheadline => r.subheadline.is_some(),
            FieldPath::Dateline => r.dateline.is_some(),
            FieldPath::BlockText(i) => matches!(
                block(i),
                Some(Block::Paragraph { .. } | Block::Heading { .. })
            ),
            FieldPath::Item(i, j) => {
                matches!(block(i), Some(Block::List { items }) if j < items.len())
            }
            FieldPath::Segment(i, j, k) => matches!(
                block(i),
                Some(Block::Quote(q)) if q.paragraphs.get(j).is_some_and(|p| k < p.segments.len())
            ),
            FieldPath::Footnote(i) | FieldPath::FootnoteText(i) => i < r.footnotes.len(),
            FieldPath::Boilerplate(i) => i < r.boilerplate.len(),
            FieldPath::BoilerplateParagraph(i, j) => {
                r.boilerplate.get(i).is_some_and(|b| j < b.paragraphs.len())
            }
            FieldPath::Contact(i) => i < r.contacts.len(),
            FieldPath::Action(i) => i < r.actions.items.len(),
            FieldPath::Person(i) => i < r.people.len(),
            FieldPath::Headline => true,
        }
    }

    /// Parses `path` and checks that `r` has that field; returns it with its text.
    pub fn resolve(path: &str, r: &Release) -> Result<(FieldPath, String), ReviewError> {
        let p: FieldPath = path.parse()?;
        match p.text(r) {
            Some(t) => Ok((p, t)),
            None => Err(ReviewError::NoSuchField(p.to_string())),
        }
    }

    /// The text field a suggestion on this path changes: a paragraph's or
    /// heading's `body[i]` means its `body[i].text`.
    pub fn editable(self, r: &Release) -> Result<FieldPath, ReviewError> {
        let p = match self {
            FieldPath::Block(i) => match r.body.get(i) {
                Some(Block::Paragraph { .. } | Block::Heading { .. }) => FieldPath::BlockText(i),
                _ => self,
            },
            _ => self,
        };
        match p {
            FieldPath::Headline
            | FieldPath::Subheadline
            | FieldPath::BlockText(_)
            | FieldPath::Item(..)
            | FieldPath::Segment(..)
            | FieldPath::FootnoteText(_)
            | FieldPath::BoilerplateParagraph(..)
            | FieldPath::Action(_) => Ok(p),
            _ => Err(ReviewError::Invalid(format!(
                "a suggestion replaces the text of one field, and “{self}” is not a text field; suggest on headline, subheadline, body[i] (a paragraph or heading), body[i].items[j], body[i].paragraphs[j].segments[k], footnotes[i].text, boilerplate[i].paragraphs[j] or actions.items[i]"
            ))),
        }
    }

    /// Sets the text of an [`editable`](Self::editable) field in `r`.
    pub fn set_text(self, r: &mut Release, value: &str) -> Result<(), ReviewError> {
        let missing = || ReviewError::NoSuchField(self.to_string());
        let v = value.to_string();
        match self.editable(r)? {
            FieldPath::Headline => r.headline = v,
            FieldPath::Subheadline => r.subheadline = Some(v),
            FieldPath::BlockText(i) => match r.body.get_mut(i) {
                Some(Block::Paragraph { text } | Block::Heading { text }) => *text = v,
                _ => return Err(missing()),
            },
            FieldPath::Item(i, j) => match r.body.get_mut(i) {
                Some(Block::List { items }) => *items.get_mut(j).ok_or_else(missing)? = v,
                _ => return Err(missing()),
            },
            FieldPath::Segment(i, j, k) => match r.body.get_mut(i) {
                Some(Block::Quote(q)) => {
                    q.paragraphs
                        .get_mut(j)
                        .and_then(|p| p.segments.get_mut(k))
                        .ok_or_else(missing)?
                        .text = v
                }
                _ => return Err(missing()),
            },
            FieldPath::FootnoteText(i) => r.footnotes.get_mut(i).ok_or_else(missing)?.text = v,
            FieldPath::BoilerplateParagraph(i, j) => {
                *r.boilerplate
                    .get_mut(i)
                    .and_then(|b| b.paragraphs.get_mut(j))
                    .ok_or_else(missing)? = v
            }
            FieldPath::Action(i) => match r.actions.items.get_mut(i).ok_or_else(missing)? {
                ActionItem::Link { label, .. } => *label = v,
                ActionItem::Line { text } => *text = v,
            },
            _ => return Err(missing()),
        }
        Ok(())
    }
}

/// The body index of quote number `n` (1-based, counting quotes only, as the
/// compare view names them: "quote 2").
pub fn quote_block(r: &Release, n: u32) -> Result<usize, ReviewError> {
    let quotes: Vec<usize> = r
        .body
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Quote(_)))
        .map(|(i, _)| i)
        .collect();
    n.checked_sub(1)
        .and_then(|k| quotes.get(k as usize).copied())
        .ok_or_else(|| {
            ReviewError::Invalid(format!(
                "the release has {} quote(s); there is no quote {n} (quotes are numbered from 1)",
                quotes.len()
            ))
        })
}

/// How a person names the field `path` of `r`: "headline", "paragraph 3",
/// "quote 2", "quote 2, paragraph 1", "footnote 1", "contact 2"… Paths that do
/// not parse or name nothing are returned as given.
pub fn label(path: &str, r: &Release) -> String {
    let Ok(p) = path.parse::<FieldPath>() else {
        return path.to_string();
    };
    let block = |i: usize| -> String {
        match r.body.get(i) {
            Some(Block::Quote(_)) => match quote_number(r, i) {
                Some(n) => format!("quote {n}"),
                None => format!("block {}", i + 1),
            },
            Some(Block::Heading { .. }) => format!("heading (block {})", i + 1),
            Some(Block::List { .. }) => format!("list (block {})", i + 1),
            _ => format!("paragraph {}", i + 1),
        }
    };
    let quote_para = |i: usize, j: usize| -> String {
        let multi = matches!(r.body.get(i), Some(Block::Quote(q)) if q.paragraphs.len() > 1);
        if multi {
            format!("{}, paragraph {}", block(i), j + 1)
        } else {
            block(i)
        }
    };
    match p {
        FieldPath::Headline => "headline".into(),
        FieldPath::Subheadline => "subheadline".into(),
        FieldPath::Dateline => "dateline".into(),
        FieldPath::Block(i) | FieldPath::BlockText(i) => block(i),
        FieldPath::Item(i, j) => format!("{}, item {}", block(i), j + 1),
        FieldPath::Segment(i, j, _) => quote_para(i, j),
        FieldPath::Footnote(i) | FieldPath::FootnoteText(i) => format!("footnote {}", i + 1),
        FieldPath::Boilerplate(i) => format!("boilerplate {}", i + 1),
        FieldPath::BoilerplateParagraph(i, j) => {
            format!("boilerplate {}, paragraph {}", i + 1, j + 1)
        }
        FieldPath::Contact(i) => format!("contact {}", i + 1),
        FieldPath::Action(i) => format!("action {}", i + 1),
        FieldPath::Person(i) => match r.people.get(i) {
            Some(person) if !person.name.trim().is_empty() => person.name.trim().to_string(),
            _ => format!("person {}", i + 1),
        },
    }
}

/// The quote number (1-based) of the quote at body index `block`.
pub fn quote_number(r: &Release, block: usize) -> Option<u32> {
    if !matches!(r.body.get(block), Some(Block::Quote(_))) {
        return None;
    }
    let n = r
        .body
        .iter()
        .take(block)
        .filter(|b| matches!(b, Block::Quote(_)))
        .count();
    u32::try_from(n + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_print_back() {
        for p in [
            "headline",
            "subheadline",
            "dateline",
            "body[2]",
            "body[2].text",
            "body[1].items[0]",
            "body[3].paragraphs[0].segments[1]",
            "footnotes[0]",
            "footnotes[0].text",
            "boilerplate[0]",
            "boilerplate[0].paragraphs[1]",
            "contacts[1]",
            "actions.items[0]",
            "people[0]",
        ] {
            let parsed: FieldPath = p.parse().expect(p);
            assert_eq!(parsed.to_string(), p);
        }
        let seed =
            dateline_core::from_json(include_str!("../../../examples/un-expert-khakimova.json"))
                .expect("seed");
        for i in 0..12 {
            for p in [
                FieldPath::Headline,
                FieldPath::Subheadline,
                FieldPath::Dateline,
                FieldPath::Block(i),
                FieldPath::BlockText(i),
                FieldPath::Item(i, 0),
                FieldPath::Segment(i, 0, 0),
                FieldPath::Segment(i, 1, 0),
                FieldPath::Footnote(i),
                FieldPath::FootnoteText(i),
                FieldPath::Boilerplate(i),
                FieldPath::BoilerplateParagraph(0, i),
                FieldPath::Contact(i),
                FieldPath::Action(i),
                FieldPath::Person(i),
            ] {
                assert_eq!(p.exists(&seed), p.text(&seed).is_some(), "{p}");
            }
        }
        for bad in [
            "",
            "headlines",
            "body",
            "body[]",
            "body[x]",
            "body[-1]",
            "body[1",
            "body[99999999999]",
            "meta.id",
        ] {
            assert_eq!(
                bad.parse::<FieldPath>().map_err(|e| e.code().as_str()),
                Err("bad_path"),
                "{bad}"
            );
        }
    }
}
