//! Deterministic three-way (and N-way) merge of concurrent revisions.
//!
//! When people save on the same base revision, their revisions are merged unit
//! by unit: each top-level field (`headline`, `meta.status`, …) is one unit, and
//! the lists (body blocks, people, footnotes, boilerplate, contacts, action
//! items) are merged with a diff3 over the item sequence: the base→side
//! alignments come from `similar`, stable runs are kept, and each unstable
//! chunk between them is resolved on its own. Per unit:
//!
//! - every side that changed it agrees (or only one changed it) → that value;
//! - nobody changed it → the base;
//! - pure insertions at the same place by several sides → all of them, in
//!   revision order (nobody's new paragraph is dropped);
//! - a chunk the same length everywhere → merged item by item;
//! - otherwise a [`Conflict`]: the base text and each version with its
//!   revision, and a default pick (the version of the revision saved last,
//!   ties by record id) that the merged release carries until someone chooses.
//!
//! The sides are sorted by (saved, record id) before anything else, so the
//! result does not depend on the order they are given in:
//! `merge(base, a, b) == merge(base, b, a)`, and `merge(b, x, x) == x`.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use dateline_core::text::{contact_text, footnote_text};
use dateline_core::{ActionItem, Block, Boilerplate, Contact, Footnote, Person, Release};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use ts_rs::TS;

use crate::blocks::{block_names, block_text};
use crate::fields::person_text;

/// Which saved revision a side (or a version of a conflict) is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RevisionRef {
    /// Its global record id.
    pub record_id: String,
    /// Who saved it.
    pub author: String,
    /// When it was saved (its author's clock).
    #[ts(type = "string")]
    pub saved: DateTime<Utc>,
}

impl RevisionRef {
    fn order_key(&self) -> (DateTime<Utc>, &str) {
        (self.saved, self.record_id.as_str())
    }
}

/// One side of a merge: a release and the revision it is.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The content.
    pub release: &'a Release,
    /// The revision.
    pub revision: &'a RevisionRef,
}

/// One version of a conflicting unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Version {
    /// The (latest) revision that has this version.
    pub revision: RevisionRef,
    /// The version as printed; `None` when the unit is absent (a removed block).
    pub text: Option<String>,
    /// The version as model JSON (for a list chunk, the array of its items).
    #[ts(type = "unknown")]
    pub value: Value,
}

/// A unit both sides changed differently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conflict {
    /// Where in the merged release: `headline`, `meta.status`, `body[3]`, `people[0..2]`.
    pub path: String,
    /// For people: "headline", "quote 2", "paragraph 3", "contact 1".
    pub label: String,
    /// The unit in the base, as printed (`None` when absent there).
    pub base: Option<String>,
    /// The differing versions, oldest revision first.
    pub versions: Vec<Version>,
    /// The version the merged release carries (index into `versions`).
    pub default: u32,
    /// JSON pointer of the field or list (`/headline`, `/body`).
    pub pointer: String,
    /// For a list chunk: where the default's items start in the merged list and how many there are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<(u32, u32)>,
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged release (conflicts carry their default pick).
    pub release: Release,
    /// The conflicts, in document order.
    pub conflicts: Vec<Conflict>,
}

/// Three-way merge of `a` and `b`, both descending from `base`.
pub fn merge(base: &Release, a: Side<'_>, b: Side<'_>) -> Merged {
    merge_all(base, &[a, b])
}

/// N-way merge of `sides`, all descending from `base` (see the module docs).
/// With no side, the base comes back unchanged.
pub fn merge_all(base: &Release, sides: &[Side<'_>]) -> Merged {
    let mut sides: Vec<Side<'_>> = sides.to_vec();
    sides.sort_by(|x, y| x.revision.order_key().cmp(&y.revision.order_key()));
    let Some(latest) = sides.last().copied() else {
        return Merged {
            release: base.clone(),
            conflicts: Vec::new(),
        };
    };
    let (Ok(base_v), Ok(mut out)) = (to_value(base), to_value(latest.release)) else {
        return fallback(latest);
    };
    let side_vs: Vec<Value> = match sides.iter().map(|s| to_value(s.release)).collect() {
        Ok(v) => v,
        Err(_) => return fallback(latest),
    };
    let mut m = Merger {
        base,
        sides: &sides,
        conflicts: Vec::new(),
    };
    for u in FIELDS {
        let b = get(&base_v, u.pointer);
        let vs: Vec<Value> = side_vs.iter().map(|v| get(v, u.pointer)).collect();
        let value = m.unit(u.pointer, u.path, u.label, &b, &vs);
        set_value(&mut out, u.pointer, value);
    }
    for l in LISTS {
        let b = items(&base_v, l.pointer);
        let vs: Vec<Vec<Value>> = side_vs.iter().map(|v| items(v, l.pointer)).collect();
        let merged = m.list(l, &b, &vs);
        set_value(&mut out, l.pointer, Value::Array(merged));
    }
    let mut conflicts = m.conflicts;
    let Ok(release) = serde_json::from_value::<Release>(out) else {
        return fallback(latest);
    };
    label_lists(&release, &mut conflicts);
    Merged { release, conflicts }
}

/// When the JSON round trip fails (it does not for valid releases): the latest side, whole.
fn fallback(latest: Side<'_>) -> Merged {
    Merged {
        release: latest.release.clone(),
        conflicts: Vec::new(),
    }
}

struct Field {
    pointer: &'static str,
    path: &'static str,
    label: &'static str,
}

const FIELDS: &[Field] = &[
    Field {
        pointer: "/meta/organisation",
        path: "meta.organisation",
        label: "organisation",
    },
    Field {
        pointer: "/meta/language",
        path: "meta.language",
        label: "language",
    },
    Field {
        pointer: "/meta/status",
        path: "meta.status",
        label: "status",
    },
    Field {
        pointer: "/meta/kind",
        path: "meta.kind",
        label: "genre",
    },
    Field {
        pointer: "/meta/tags",
        path: "meta.tags",
        label: "tags",
    },
    Field {
        pointer: "/style",
        path: "style",
        label: "house style",
    },
    Field {
        pointer: "/releaseLine",
        path: "releaseLine",
        label: "release line",
    },
    Field {
        pointer: "/headline",
        path: "headline",
        label: "headline",
    },
    Field {
        pointer: "/subheadline",
        path: "subheadline",
        label: "subheadline",
    },
    Field {
        pointer: "/dateline",
        path: "dateline",
        label: "dateline",
    },
    Field {
        pointer: "/endMark",
        path: "endMark",
        label: "end mark",
    },
    Field {
        pointer: "/actions/title",
        path: "actions.title",
        label: "actions title",
    },
];

/// A list merged item by item.
struct List {
    pointer: &'static str,
    path: &'static str,
}

const LISTS: &[List] = &[
    List {
        pointer: "/body",
        path: "body",
    },
    List {
        pointer: "/people",
        path: "people",
    },
    List {
        pointer: "/footnotes",
        path: "footnotes",
    },
    List {
        pointer: "/boilerplate",
        path: "boilerplate",
    },
    List {
        pointer: "/contacts",
        path: "contacts",
    },
    List {
        pointer: "/actions/items",
        path: "actions.items",
    },
];

fn to_value(r: &Release) -> Result<Value, serde_json::Error> {
    serde_json::to_value(r)
}

/// The value at `pointer`, `Null` when absent.
fn get(v: &Value, pointer: &str) -> Value {
    v.pointer(pointer).cloned().unwrap_or(Value::Null)
}

fn items(v: &Value, pointer: &str) -> Vec<Value> {
    match v.pointer(pointer) {
        Some(Value::Array(a)) => a.clone(),
        _ => Vec::new(),
    }
}

/// Sets (or with `Null` removes) the value at `pointer`, creating objects on the way.
pub fn set_value(root: &mut Value, pointer: &str, value: Value) {
    let mut keys: Vec<&str> = pointer.split('/').skip(1).collect();
    let Some(last) = keys.pop() else { return };
    let mut cur = root;
    for k in keys {
        let Some(obj) = cur.as_object_mut() else {
            return;
        };
        cur = obj
            .entry(k.to_string())
            .or_insert_with(|| Value::Object(Default::default()));
    }
    if let Some(obj) = cur.as_object_mut() {
        if value.is_null() {
            obj.remove(last);
        } else {
            obj.insert(last.to_string(), value);
        }
    }
}

struct Merger<'a, 'b> {
    base: &'a Release,
    sides: &'a [Side<'b>],
    conflicts: Vec<Conflict>,
}

impl Merger<'_, '_> {
    /// One unit: `vs[i]` is side `i`'s value.
    fn unit(
        &mut self,
        pointer: &str,
        path: &str,
        label: &str,
        base: &Value,
        vs: &[Value],
    ) -> Value {
        let groups = changed_groups(base, vs);
        match groups.len() {
            0 => base.clone(),
            1 => vs[groups[0].1].clone(),
            _ => {
                let versions: Vec<Version> = groups
                    .iter()
                    .map(|&(_, i)| Version {
                        revision: self.sides[i].revision.clone(),
                        text: scalar_text(&vs[i]),
                        value: vs[i].clone(),
                    })
                    .collect();
                let default = versions.len() - 1;
                let value = versions[default].value.clone();
                self.conflicts.push(Conflict {
                    path: path.to_string(),
                    label: label.to_string(),
                    base: scalar_text(base),
                    versions,
                    default: default as u32,
                    pointer: pointer.to_string(),
                    span: None,
                });
                value
            }
        }
    }

    /// A list, by diff3 over its items.
    fn list(&mut self, l: &List, base: &[Value], vs: &[Vec<Value>]) -> Vec<Value> {
        let key = |xs: &[Value]| -> Vec<String> { xs.iter().map(Value::to_string).collect() };
        let bk = key(base);
        // matched[s][i]: where base item i sits in side s, if it was kept.
        let matched: Vec<Vec<Option<usize>>> = vs
            .iter()
            .map(|v| {
                let mut m = vec![None; base.len()];
                for op in capture_diff_slices(Algorithm::Myers, &bk, &key(v)) {
                    if let DiffOp::Equal {
                        old_index,
                        new_index,
                        len,
                    } = op
                    {
                        for k in 0..len {
                            m[old_index + k] = Some(new_index + k);
                        }
                    }
                }
                m
            })
            .collect();
        let n = vs.len();
        let mut out = Vec::with_capacity(base.len());
        let (mut i, mut pos) = (0usize, vec![0usize; n]);
        loop {
            while i < base.len() && (0..n).all(|s| matched[s][i] == Some(pos[s])) {
                out.push(base[i].clone());
                i += 1;
                pos.iter_mut().for_each(|p| *p += 1);
            }
            if i == base.len() && (0..n).all(|s| pos[s] == vs[s].len()) {
                return out;
            }
            let next = (i..base.len()).find(|&j| (0..n).all(|s| matched[s][j].is_some()));
            let ends: Vec<usize> = match next {
                Some(j) => (0..n)
                    .map(|s| matched[s][j].unwrap_or(vs[s].len()))
                    .collect(),
                None => vs.iter().map(Vec::len).collect(),
            };
            let j = next.unwrap_or(base.len());
            let chunks: Vec<Vec<Value>> = (0..n).map(|s| vs[s][pos[s]..ends[s]].to_vec()).collect();
            self.chunk(l, &base[i..j], &chunks, &mut out);
            i = j;
            pos = ends;
        }
    }

    /// One unstable chunk of a list.
    fn chunk(&mut self, l: &List, base: &[Value], chunks: &[Vec<Value>], out: &mut Vec<Value>) {
        let as_values: Vec<Value> = chunks.iter().map(|c| Value::Array(c.clone())).collect();
        let base_v = Value::Array(base.to_vec());
        let groups = changed_groups(&base_v, &as_values);
        match groups.len() {
            0 => out.extend_from_slice(base),
            1 => out.extend_from_slice(&chunks[groups[0].1]),
            _ if base.is_empty() => {
                // Insertions at the same place: keep them all, in revision order.
                for &(_, s) in &groups {
                    out.extend_from_slice(&chunks[s]);
                }
            }
            _ if chunks.iter().all(|c| c.len() == base.len()) => {
                for (k, b) in base.iter().enumerate() {
                    let vs: Vec<Value> = chunks.iter().map(|c| c[k].clone()).collect();
                    let at = out.len();
                    let path = format!("{}[{at}]", l.path);
                    let value = self.unit(l.pointer, &path, "", b, &vs);
                    if let Some(c) = self.conflicts.last_mut().filter(|c| c.path == path) {
                        c.span = Some((at as u32, 1));
                        c.base = item_text(l.path, self.base, b);
                        for v in &mut c.versions {
                            v.value = Value::Array(vec![v.value.clone()]);
                        }
                    }
                    out.push(value);
                }
            }
            _ => {
                let at = out.len();
                let versions: Vec<Version> = groups
                    .iter()
                    .map(|&(_, s)| Version {
                        revision: self.sides[s].revision.clone(),
                        text: chunk_text(l.path, self.sides[s].release, &chunks[s]),
                        value: as_values[s].clone(),
                    })
                    .collect();
                let default = versions.len() - 1;
                let picked = &chunks[groups[default].1];
                self.conflicts.push(Conflict {
                    path: format!("{}[{at}..{}]", l.path, at + picked.len()),
                    label: String::new(),
                    base: chunk_text(l.path, self.base, base),
                    versions,
                    default: default as u32,
                    pointer: l.pointer.to_string(),
                    span: Some((at as u32, picked.len() as u32)),
                });
                out.extend_from_slice(picked);
            }
        }
    }
}

/// The sides that changed a unit, one per distinct new value: (value key, the
/// latest side holding it), ordered by that side (sides are sorted already).
fn changed_groups(base: &Value, vs: &[Value]) -> Vec<(String, usize)> {
    let mut latest: HashMap<String, usize> = HashMap::new();
    for (i, v) in vs.iter().enumerate() {
        if v != base {
            latest.insert(v.to_string(), i);
        }
    }
    let mut groups: Vec<(String, usize)> = latest.into_iter().collect();
    groups.sort_by_key(|g| g.1);
    groups
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(a) if a.iter().all(Value::is_string) => Some(
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(other.to_string()),
    }
}

/// One list item as printed, in the context of release `r` (for speakers' names and marks).
fn item_text(list: &str, r: &Release, v: &Value) -> Option<String> {
    fn de<T: serde::de::DeserializeOwned>(v: &Value) -> Option<T> {
        serde_json::from_value(v.clone()).ok()
    }
    let text = match list {
        "body" => block_text(r, &de::<Block>(v)?),
        "people" => person_text(&de::<Person>(v)?),
        "footnotes" => footnote_text(&de::<Footnote>(v)?, &r.people),
        "boilerplate" => {
            let b = de::<Boilerplate>(v)?;
            std::iter::once(b.title)
                .chain(b.paragraphs)
                .collect::<Vec<_>>()
                .join("\n\n")
        }
        "contacts" => contact_text(&de::<Contact>(v)?),
        "actions.items" => match de::<ActionItem>(v)? {
            ActionItem::Link { label, url } => format!("{label} <{url}>"),
            ActionItem::Line { text } => text,
        },
        _ => return scalar_text(v),
    };
    Some(text)
}

/// A chunk of list items as printed, blank-line separated; `None` when empty.
fn chunk_text(list: &str, r: &Release, items: &[Value]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    Some(
        items
            .iter()
            .map(|v| item_text(list, r, v).unwrap_or_else(|| v.to_string()))
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

/// Names list conflicts after the items of the merged release ("quote 2",
/// "Mary Lawlor", "contact 1"), and prints per-item versions.
fn label_lists(merged: &Release, conflicts: &mut [Conflict]) {
    let names = block_names(merged);
    for c in conflicts.iter_mut() {
        let Some((start, len)) = c.span else { continue };
        let (start, len) = (start as usize, len as usize);
        let list = c.path.split('[').next().unwrap_or_default().to_string();
        let name = |i: usize| -> String {
            match list.as_str() {
                "body" => names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| "end of the body".into()),
                "people" => merged
                    .people
                    .get(i)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| format!("person {}", i + 1)),
                "footnotes" => merged
                    .footnotes
                    .get(i)
                    .map(|f| format!("footnote {}", f.marker))
                    .unwrap_or_else(|| format!("footnote {}", i + 1)),
                "boilerplate" => format!("boilerplate {}", i + 1),
                "contacts" => format!("contact {}", i + 1),
                _ => format!("action {}", i + 1),
            }
        };
        c.label = match len {
            0 => format!("removed before {}", name(start)),
            1 => name(start),
            _ => format!("{} to {}", name(start), name(start + len - 1)),
        };
        for v in &mut c.versions {
            if let Value::Array(items) = &v.value {
                if c.base.is_none() || v.text.is_none() || items.len() == 1 {
                    v.text = chunk_text(&list, merged, items);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

    fn seed() -> Release {
        dateline_core::from_json(SEED).expect("seed")
    }

    fn rev(id: &str, author: &str, secs: i64) -> RevisionRef {
        RevisionRef {
            record_id: id.into(),
            author: author.into(),
            saved: DateTime::from_timestamp(1_750_000_000 + secs, 0).expect("time"),
        }
    }

    fn paragraphs(r: &Release) -> Vec<usize> {
        r.body
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b, Block::Paragraph { .. }))
            .map(|(i, _)| i)
            .collect()
    }

    fn set_par(r: &mut Release, i: usize, text: &str) {
        if let Block::Paragraph { text: t } = &mut r.body[i] {
            *t = text.into();
        }
    }

    #[test]
    fn different_fields_and_blocks_merge_without_conflict() {
        let base = seed();
        let p = paragraphs(&base);
        let (mut a, mut b) = (base.clone(), base.clone());
        a.headline = "Ana's headline".into();
        set_par(&mut a, p[1], "Ana's second paragraph.");
        set_par(&mut b, p[2], "Ben's third paragraph.");
        b.people[0].title = "Ben title".into();
        let (ra, rb) = (rev("a", "Ana", 1), rev("b", "Ben", 2));
        let m = merge(
            &base,
            Side {
                release: &a,
                revision: &ra,
            },
            Side {
                release: &b,
                revision: &rb,
            },
        );
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let mut want = a.clone();
        set_par(&mut want, p[2], "Ben's third paragraph.");
        want.people[0].title = "Ben title".into();
        assert_eq!(m.release, want);
    }

    #[test]
    fn the_same_field_changed_twice_is_a_conflict_won_by_the_later_save() {
        let base = seed();
        let p = paragraphs(&base);
        let (mut a, mut b) = (base.clone(), base.clone());
        a.headline = "Ana's headline".into();
        b.headline = "Ben's headline".into();
        set_par(&mut a, p[1], "Ana's words.");
        set_par(&mut b, p[1], "Ben's words.");
        let (ra, rb) = (rev("a", "Ana", 5), rev("b", "Ben", 2));
        let sa = Side {
            release: &a,
            revision: &ra,
        };
        let sb = Side {
            release: &b,
            revision: &rb,
        };
        let m = merge(&base, sa, sb);
        assert_eq!(m, merge(&base, sb, sa));
        assert_eq!(m.release.headline, "Ana's headline", "Ana saved later");
        assert_eq!(m.conflicts.len(), 2, "{:#?}", m.conflicts);
        let h = &m.conflicts[0];
        assert_eq!(
            (h.path.as_str(), h.label.as_str()),
            ("headline", "headline")
        );
        assert_eq!(h.base.as_deref(), Some(base.headline.as_str()));
        assert_eq!(h.versions.len(), 2);
        assert_eq!(h.versions[0].revision.author, "Ben");
        assert_eq!(h.versions[1].text.as_deref(), Some("Ana's headline"));
        assert_eq!(h.default, 1);
        let q = &m.conflicts[1];
        assert_eq!(q.path, format!("body[{}]", p[1]));
        assert_eq!(q.label, "paragraph 2");
        assert_eq!(q.span, Some((p[1] as u32, 1)));
        assert_eq!(q.versions[0].text.as_deref(), Some("Ben's words."));
    }

    #[test]
    fn insertions_at_the_same_place_are_all_kept_and_removals_merge() {
        let base = seed();
        let p = paragraphs(&base);
        let (mut a, mut b) = (base.clone(), base.clone());
        a.body.push(Block::Paragraph {
            text: "Ana's new ending.".into(),
        });
        b.body.push(Block::Paragraph {
            text: "Ben's new ending.".into(),
        });
        b.body.remove(p[1]);
        let (ra, rb) = (rev("a", "Ana", 1), rev("b", "Ben", 2));
        let m = merge(
            &base,
            Side {
                release: &a,
                revision: &ra,
            },
            Side {
                release: &b,
                revision: &rb,
            },
        );
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        let n = m.release.body.len();
        assert_eq!(n, base.body.len() + 1);
        assert_eq!(
            &m.release.body[n - 2..],
            &[
                Block::Paragraph {
                    text: "Ana's new ending.".into()
                },
                Block::Paragraph {
                    text: "Ben's new ending.".into()
                }
            ]
        );
    }

    #[test]
    fn an_edit_against_a_removal_is_a_conflict() {
        let base = seed();
        let p = paragraphs(&base);
        let (mut a, mut b) = (base.clone(), base.clone());
        set_par(&mut a, p[1], "Ana's words.");
        b.body.remove(p[1]);
        let (ra, rb) = (rev("a", "Ana", 1), rev("b", "Ben", 2));
        let m = merge(
            &base,
            Side {
                release: &a,
                revision: &ra,
            },
            Side {
                release: &b,
                revision: &rb,
            },
        );
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        let c = &m.conflicts[0];
        assert_eq!(
            c.span,
            Some((p[1] as u32, 0)),
            "Ben's removal is the default"
        );
        assert_eq!(c.versions[0].text.as_deref(), Some("Ana's words."));
        assert_eq!(c.versions[1].text, None);
        assert_eq!(m.release.body, b.body);
    }

    #[test]
    fn many_sides_merge_in_one_go() {
        let base = seed();
        let p = paragraphs(&base);
        let edits: Vec<Release> = (0..3)
            .map(|k| {
                let mut r = base.clone();
                set_par(&mut r, p[k], &format!("Paragraph by client {k}."));
                r
            })
            .collect();
        let revs: Vec<RevisionRef> = (0..3)
            .map(|k| rev(&format!("r{k}"), "x", k as i64))
            .collect();
        let sides: Vec<Side<'_>> = edits
            .iter()
            .zip(&revs)
            .map(|(release, revision)| Side { release, revision })
            .collect();
        let m = merge_all(&base, &sides);
        assert!(m.conflicts.is_empty());
        for (k, &i) in p.iter().take(3).enumerate() {
            assert_eq!(
                m.release.body[i],
                Block::Paragraph {
                    text: format!("Paragraph by client {k}.")
                }
            );
        }
        let mut rev_order = sides.clone();
        rev_order.reverse();
        assert_eq!(merge_all(&base, &rev_order), m);
    }

    /// A random edit of the seed: headline, subheadline, status, paragraphs
    /// edited/removed/inserted, a contact renamed.
    fn edited() -> impl Strategy<Value = Release> {
        let base = seed();
        let n = base.body.len();
        (
            proptest::option::of("[A-Z][a-z]{1,8}"),
            proptest::option::of(proptest::option::of("[a-z]{1,8}")),
            any::<bool>(),
            proptest::collection::vec((0..n, 0u8..3, "[a-z]{1,6}"), 0..4),
            proptest::option::of("[A-Z][a-z]{1,8}"),
        )
            .prop_map(move |(h, sub, status, ops, contact)| {
                let mut r = base.clone();
                if let Some(h) = h {
                    r.headline = h;
                }
                if let Some(s) = sub {
                    r.subheadline = s;
                }
                if status {
                    r.meta.status = dateline_core::Status::InReview;
                }
                for (i, op, text) in ops {
                    let i = i.min(r.body.len().saturating_sub(1));
                    match op {
                        0 if !r.body.is_empty() => {
                            r.body[i] = Block::Paragraph { text };
                        }
                        1 if r.body.len() > 1 => {
                            r.body.remove(i);
                        }
                        _ => r.body.insert(i, Block::Paragraph { text }),
                    }
                }
                if let Some(c) = contact {
                    if let Some(first) = r.contacts.first_mut() {
                        first.name = c;
                    }
                }
                r
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn merge_is_symmetric(a in edited(), b in edited(), ta in 0i64..3, tb in 0i64..3) {
            let base = seed();
            let (ra, rb) = (rev("a", "Ana", ta), rev("b", "Ben", tb));
            let sa = Side { release: &a, revision: &ra };
            let sb = Side { release: &b, revision: &rb };
            prop_assert_eq!(merge(&base, sa, sb), merge(&base, sb, sa));
        }

        #[test]
        fn merging_a_revision_with_itself_gives_it(x in edited(), b in edited()) {
            let (r1, r2) = (rev("a", "Ana", 1), rev("b", "Ben", 2));
            let m = merge(&b, Side { release: &x, revision: &r1 }, Side { release: &x, revision: &r2 });
            prop_assert!(m.conflicts.is_empty());
            prop_assert_eq!(m.release, x);
        }

        #[test]
        fn a_change_on_one_side_only_is_kept(a in edited(), later in any::<bool>()) {
            let base = seed();
            let (ra, rb) = (rev("a", "Ana", i64::from(later)), rev("b", "Ben", 1 - i64::from(later)));
            let m = merge(&base, Side { release: &a, revision: &ra }, Side { release: &base, revision: &rb });
            prop_assert!(m.conflicts.is_empty());
            prop_assert_eq!(m.release, a);
        }

        #[test]
        fn changes_to_different_fields_are_both_kept(h in "[A-Z][a-z]{1,8}", s in "[a-z]{1,8}", ta in 0i64..3) {
            let base = seed();
            let (mut a, mut b) = (base.clone(), base.clone());
            a.headline = h.clone();
            b.subheadline = Some(s.clone());
            let (ra, rb) = (rev("a", "Ana", ta), rev("b", "Ben", 1));
            let m = merge(&base, Side { release: &a, revision: &ra }, Side { release: &b, revision: &rb });
            prop_assert!(m.conflicts.is_empty());
            prop_assert_eq!(m.release.headline, h);
            prop_assert_eq!(m.release.subheadline, Some(s));
        }
    }
}
