//! Anchors follow edits: a field path is mapped through the alignment of the
//! body blocks (a paragraph inserted above moves `body[2]` to `body[3]`), and
//! a text range through the word diff of its field's old and new text.
//!
//! A range keeps the characters of it that survive (those in equal runs of
//! the diff) and spans from the first to the last of them. When none survive
//! (its words were deleted or replaced), or its field is gone, the anchor is
//! **outdated**: it keeps the text it pointed at and is never dropped.
//!
//! Ranges count characters (Unicode scalar values, as `Array.from(text)` in
//! TypeScript), from 0, end exclusive.

use std::collections::HashMap;

use dateline_core::Release;
use dateline_diff::words::{diff_words, Budget};
use dateline_diff::{BlockStatus, CompareOptions, OpKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::fields::FieldPath;

/// Characters `start..end` of a field's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TextRange {
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
}

impl TextRange {
    /// The text of `self` in `s`, if it fits.
    pub fn slice(self, s: &str) -> Option<String> {
        if self.start >= self.end {
            return None;
        }
        let n = (self.end - self.start) as usize;
        let out: String = s.chars().skip(self.start as usize).take(n).collect();
        (out.chars().count() == n).then_some(out)
    }
}

/// Where an anchor is in a newer revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MappedAnchor {
    /// The field's path now (`None` when the field is gone).
    pub field: Option<String>,
    /// The range now (`None` for a whole-field anchor, or when outdated).
    pub range: Option<TextRange>,
    /// The text it pointed at is gone.
    pub outdated: bool,
}

/// One run of a word diff: equal or changed, with its length in characters on each side.
#[derive(Clone, Copy)]
struct Run {
    equal: bool,
    old: u32,
    new: u32,
}

/// Maps anchors from release `old` to release `new`, diffing each field once.
pub struct Mapper<'a> {
    old: &'a Release,
    new: &'a Release,
    same: bool,
    /// New index of each old body block (in place or moved), if it survives.
    blocks: Vec<Option<usize>>,
    runs: HashMap<(FieldPath, FieldPath), Option<Vec<Run>>>,
    opts: CompareOptions,
}

impl<'a> Mapper<'a> {
    /// A mapper from `old` to `new` (aligns their bodies once).
    pub fn new(old: &'a Release, new: &'a Release) -> Mapper<'a> {
        let opts = CompareOptions {
            char_detail: false,
            ..CompareOptions::default()
        };
        let same = old == new;
        let blocks = if same {
            (0..old.body.len()).map(Some).collect()
        } else {
            let mut budget = Budget::new(&opts);
            let mut map = vec![None; old.body.len()];
            for d in dateline_diff::blocks::align(old, new, &mut budget, &opts) {
                let paired = matches!(
                    d.status,
                    BlockStatus::Unchanged | BlockStatus::Changed | BlockStatus::Moved
                );
                if let (true, Some(o), Some(n)) = (paired, d.old_index, d.new_index) {
                    if let Some(slot) = map.get_mut(o as usize) {
                        *slot = Some(n as usize);
                    }
                }
            }
            map
        };
        Mapper {
            old,
            new,
            same,
            blocks,
            runs: HashMap::new(),
            opts,
        }
    }

    /// The path of field `p` of `old` in `new`, if the field still exists.
    pub fn path(&self, p: FieldPath) -> Option<FieldPath> {
        let mapped = match p.block() {
            Some(i) => p.with_block(self.blocks.get(i).copied().flatten()?),
            None => p,
        };
        mapped.exists(self.new).then_some(mapped)
    }

    /// Where `range` of field `p` (of `old`) is in `new`.
    pub fn map(&mut self, p: FieldPath, range: Option<TextRange>) -> MappedAnchor {
        let gone = MappedAnchor {
            field: None,
            range: None,
            outdated: true,
        };
        let Some(np) = self.path(p) else {
            return gone;
        };
        let Some(range) = range else {
            return MappedAnchor {
                field: Some(np.to_string()),
                range: None,
                outdated: false,
            };
        };
        if self.same {
            // Unchanged text: the range stands if it fits (a range from a damaged
            // or foreign record may not).
            let fits = range.start < range.end
                && np
                    .text(self.new)
                    .is_some_and(|t| t.chars().count() >= range.end as usize);
            return MappedAnchor {
                field: Some(np.to_string()),
                range: fits.then_some(range),
                outdated: !fits,
            };
        }
        let runs = self.runs(p, np);
        let mapped = runs.and_then(|runs| map_range(runs, range));
        MappedAnchor {
            field: Some(np.to_string()),
            range: mapped,
            outdated: mapped.is_none(),
        }
    }

    fn runs(&mut self, p: FieldPath, np: FieldPath) -> Option<&[Run]> {
        let (old, new, opts) = (self.old, self.new, &self.opts);
        self.runs
            .entry((p, np))
            .or_insert_with(|| {
                let a = p.text(old)?;
                let b = np.text(new)?;
                Some(runs(&a, &b, opts))
            })
            .as_deref()
    }
}

fn runs(a: &str, b: &str, opts: &CompareOptions) -> Vec<Run> {
    let count = |s: &str| u32::try_from(s.chars().count()).unwrap_or(u32::MAX);
    if a == b {
        let n = count(a);
        return vec![Run {
            equal: true,
            old: n,
            new: n,
        }];
    }
    let mut budget = Budget::new(opts);
    diff_words(a, b, &mut budget, opts)
        .ops
        .iter()
        .map(|o| Run {
            equal: o.kind == OpKind::Equal,
            old: count(&o.old),
            new: count(&o.new),
        })
        .collect()
}

/// The surviving span of `r` through `runs`, or `None` when nothing survives.
fn map_range(runs: &[Run], r: TextRange) -> Option<TextRange> {
    let (mut o, mut n) = (0u32, 0u32);
    let mut first: Option<u32> = None;
    let mut last: Option<u32> = None;
    for run in runs {
        if run.equal {
            let lo = r.start.max(o);
            let hi = r.end.min(o.saturating_add(run.old));
            if lo < hi {
                first.get_or_insert(n + (lo - o));
                last = Some(n + (hi - o));
            }
        }
        o = o.saturating_add(run.old);
        n = n.saturating_add(run.new);
        if o >= r.end {
            break;
        }
    }
    match (first, last) {
        (Some(start), Some(end)) if start < end => Some(TextRange { start, end }),
        _ => None,
    }
}

/// Maps every anchor `(field, range)` of `old` into `new`: the one call the
/// compare view and the benchmark use.
pub fn map_anchors(
    old: &Release,
    new: &Release,
    anchors: &[(FieldPath, Option<TextRange>)],
) -> Vec<MappedAnchor> {
    let mut m = Mapper::new(old, new);
    anchors.iter().map(|(p, r)| m.map(*p, *r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(headline: &str, body: &[&str]) -> Release {
        let mut r =
            dateline_core::from_json(include_str!("../../../examples/un-expert-khakimova.json"))
                .expect("seed");
        r.headline = headline.to_string();
        r.body = body
            .iter()
            .map(|t| dateline_core::Block::Paragraph {
                text: t.to_string(),
            })
            .collect();
        r
    }

    #[test]
    fn a_range_follows_an_insertion_before_it() {
        let a = release("Expert urges fair trial", &[]);
        let b = release("UN expert urges a fair trial", &[]);
        let range = TextRange { start: 18, end: 23 }; // "trial"
        let m = map_anchors(&a, &b, &[(FieldPath::Headline, Some(range))]);
        let got = m[0].range.expect("mapped");
        assert!(!m[0].outdated);
        assert_eq!(got.slice(&b.headline).as_deref(), Some("trial"));
    }

    #[test]
    fn a_deleted_range_is_outdated_and_a_moved_paragraph_is_followed() {
        let a = release("H", &["First paragraph here.", "Second one, to be cut."]);
        let b = release("H", &["A new opening.", "First paragraph here."]);
        let mut m = Mapper::new(&a, &b);
        let kept = m.map(
            FieldPath::BlockText(0),
            Some(TextRange { start: 0, end: 5 }),
        );
        assert_eq!(kept.field.as_deref(), Some("body[1].text"));
        assert_eq!(kept.range, Some(TextRange { start: 0, end: 5 }));
        let cut = m.map(FieldPath::BlockText(1), None);
        assert!(cut.outdated);
        assert_eq!(cut.field, None);
        let c = release("H", &["First paragraph there."]);
        let mut m = Mapper::new(&a, &c);
        let word = m.map(
            FieldPath::BlockText(0),
            Some(TextRange { start: 16, end: 20 }),
        );
        assert!(word.outdated, "{word:?}");
        assert_eq!(word.field.as_deref(), Some("body[0].text"));
    }
}
