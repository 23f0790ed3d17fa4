//! Aligning the body blocks of two releases: unchanged, changed in place,
//! inserted, deleted, and moved (with or without edits).
//!
//! Blocks are aligned with Myers' algorithm over keys whose equality is
//! "same kind and alike" (identical text, or at least half the words in
//! common), so an edited paragraph stays paired with its old self. Blocks left
//! over are then matched across the document: such a pair is a move, shown at
//! both ends, and a move that was also edited stays one moved + changed block.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use dateline_core::markdown::to_plain;
use dateline_core::quote::quote_pieces;
use dateline_core::text::pieces_text;
use dateline_core::{Block, Release};
use similar::DiffTag;

use crate::model::{BlockDiff, BlockStatus, CompareOptions};
use crate::tokens::{shingle_similarity_reaches, BagCounter, Cut, Interner};
use crate::words::{diff_tokens, diff_words, Budget, Tokens};

/// Blocks at least this alike (share of common words) count as the same block edited.
const ALIKE: f32 = 0.5;
/// Above this many candidate pairs, moves are only found for identical blocks.
const MAX_FUZZY_PAIRS: usize = 40_000;

/// The kind name of a block: `paragraph`, `quote`, `heading`, `list`.
pub fn kind_name(b: &Block) -> &'static str {
    match b {
        Block::Paragraph { .. } => "paragraph",
        Block::Quote(_) => "quote",
        Block::Heading { .. } => "heading",
        Block::List { .. } => "list",
    }
}

/// Bytes that may open markup, an entity or an escape, or are control characters.
const MARKUP_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b < 0x20
            || matches!(
                b as u8,
                b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'!' | b'&' | b'~' | 0x7F
            );
        b += 1;
    }
    t
};

/// Inline Markdown as plain text ([`to_plain`]), without parsing a text that
/// has no Markdown in it: one line that starts with a letter or digit, ends
/// without a space and holds none of the characters that open markup, an
/// entity or an escape is its own plain text (most paragraphs of a long body).
fn plain(text: &str) -> String {
    let inert = text.chars().next().is_some_and(char::is_alphanumeric)
        && !text.ends_with(char::is_whitespace)
        && !text.bytes().any(|b| MARKUP_BYTE[usize::from(b)]);
    if inert {
        text.to_string()
    } else {
        to_plain(text)
    }
}

/// A block as printed in plain text (a quote with its marks and attributions).
pub fn block_text(release: &Release, block: &Block) -> String {
    match block {
        Block::Paragraph { text } | Block::Heading { text } => plain(text),
        Block::List { items } => items
            .iter()
            .map(|i| format!("- {}", plain(i)))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Quote(q) => {
            let lang = &release.meta.language;
            let marks = release.style.style().quote_marks(lang);
            quote_pieces(q, &release.people, marks, lang)
                .iter()
                .map(|p| pieces_text(p))
                .collect::<Vec<_>>()
                .join("\n\n")
        }
    }
}

/// "quote 2": the block's kind and its number among blocks of that kind.
pub fn block_names(release: &Release) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    release
        .body
        .iter()
        .map(|b| {
            let k = kind_name(b);
            let n = counts.entry(k).or_insert(0);
            *n += 1;
            format!("{k} {n}")
        })
        .collect()
}

/// Alignment key: equal when same kind and identical or alike.
///
/// Comparing bags costs time, so the keys share a counter of fuzzy
/// comparisons: past [`MAX_FUZZY_COMPARISONS`] only identical blocks are equal,
/// which keeps the alignment of two unrelated long bodies fast.
struct Key<'c> {
    kind: &'static str,
    /// `kind` as a number, for cheap comparisons.
    tag: u8,
    hash: u64,
    /// The word ids in order (their bag for the fuzzy comparison, and the
    /// shingle check of whole bodies).
    seq: Vec<u32>,
    /// Token boundaries and the ids of every token, kept for the word diff.
    bounds: Vec<usize>,
    ids: Vec<u32>,
    fuzzy_left: &'c Cell<u32>,
    /// Shared scratch space of the bag comparisons.
    counter: &'c RefCell<BagCounter>,
}

/// Fuzzy block comparisons allowed in one alignment.
const MAX_FUZZY_COMPARISONS: u32 = 50_000;

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Key) -> bool {
        if self.tag != other.tag {
            return false;
        }
        if self.hash == other.hash {
            return true;
        }
        let (la, lb) = (self.seq.len() as f32, other.seq.len() as f32);
        if 2.0 * la.min(lb) < ALIKE * (la + lb) {
            return false;
        }
        let left = self.fuzzy_left.get();
        if left == 0 {
            return false;
        }
        self.fuzzy_left.set(left - 1);
        self.counter.borrow_mut().similarity(&self.seq, &other.seq) >= ALIKE
    }
}

fn keys<'a, 'c>(
    blocks: &[Block],
    texts: &'a [String],
    interner: &mut Interner<'a>,
    fuzzy_left: &'c Cell<u32>,
    counter: &'c RefCell<BagCounter>,
) -> Vec<Key<'c>> {
    blocks
        .iter()
        .zip(texts)
        .map(|(b, t)| {
            let mut h = FxHasher::default();
            t.hash(&mut h);
            let Cut {
                bounds,
                ids,
                words: seq,
            } = interner.cut(t);
            Key {
                kind: kind_name(b),
                tag: match b {
                    Block::Paragraph { .. } => 0,
                    Block::Quote(_) => 1,
                    Block::Heading { .. } => 2,
                    Block::List { .. } => 3,
                },
                seq,
                hash: h.finish(),
                bounds,
                ids,
                fuzzy_left,
                counter,
            }
        })
        .collect()
}

/// How an old or a new block ended up.
#[derive(Clone, Copy, PartialEq)]
enum Fate {
    Alone,
    /// Paired in place with the block of that index on the other side.
    InPlace(usize),
    /// Moved: paired with the block of that index on the other side.
    Moved(usize),
}

/// Aligns the bodies of `a` and `b`.
pub fn align(
    a: &Release,
    b: &Release,
    budget: &mut Budget,
    opts: &CompareOptions,
) -> Vec<BlockDiff> {
    let at: Vec<String> = a.body.iter().map(|x| block_text(a, x)).collect();
    let bt: Vec<String> = b.body.iter().map(|x| block_text(b, x)).collect();
    let mut interner = Interner::default();
    let fuzzy_left = Cell::new(MAX_FUZZY_COMPARISONS);
    let counter = RefCell::new(BagCounter::default());
    let ak = keys(&a.body, &at, &mut interner, &fuzzy_left, &counter);
    let bk = keys(&b.body, &bt, &mut interner, &fuzzy_left, &counter);

    let mut cap = similar::algorithms::Capture::new();
    if rewritten(&ak, &bk) {
        // Two unrelated long bodies: every block is replaced, no alignment needed.
        let _ = similar::algorithms::DiffHook::delete(&mut cap, 0, ak.len(), 0);
        let _ = similar::algorithms::DiffHook::insert(&mut cap, ak.len(), 0, bk.len());
    } else {
        let _ = similar::algorithms::myers::diff_deadline(
            &mut cap,
            &ak[..],
            0..ak.len(),
            &bk[..],
            0..bk.len(),
            Some(budget.deadline),
        );
    }
    let ops = cap.into_ops();
    if budget.expired() {
        budget.degraded = true;
    }

    let mut old_fate = vec![Fate::Alone; ak.len()];
    let mut new_fate = vec![Fate::Alone; bk.len()];
    for o in &ops {
        let (tag, or, nr) = o.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in or.zip(nr) {
                old_fate[i] = Fate::InPlace(j);
                new_fate[j] = Fate::InPlace(i);
            }
        }
    }
    find_moves(&ak, &bk, &mut old_fate, &mut new_fate, budget);

    let an = block_names(a);
    let bn = block_names(b);
    let mut out: Vec<BlockDiff> = Vec::with_capacity(ak.len().max(bk.len()) + 4);
    let mut old_entry: HashMap<usize, u32> = HashMap::new();
    let mut new_entry: HashMap<usize, u32> = HashMap::new();
    let push = |out: &mut Vec<BlockDiff>, mut d: BlockDiff| {
        d.entry = out.len() as u32;
        out.push(d);
    };

    // Walk both sides in order; old blocks that are alone or moved away are
    // emitted before the next new block that is not an in-place pairing past them.
    let (mut i, mut j) = (0usize, 0usize);
    while i < ak.len() || j < bk.len() {
        if let Some(f) = old_fate.get(i).copied() {
            match f {
                Fate::Alone | Fate::Moved(_) => {
                    let status = if f == Fate::Alone {
                        BlockStatus::Deleted
                    } else {
                        BlockStatus::MovedAway
                    };
                    let name = match f {
                        Fate::Moved(nj) => bn.get(nj).cloned(),
                        _ => an.get(i).cloned(),
                    }
                    .unwrap_or_default();
                    old_entry.insert(i, out.len() as u32);
                    push(
                        &mut out,
                        entry(status, &a.body[i], name, Some(i), None, at.get(i), None),
                    );
                    i += 1;
                    continue;
                }
                Fate::InPlace(_) => {}
            }
        }
        let Some(f) = new_fate.get(j).copied() else {
            // Only in-place old blocks are left, which cannot happen; stop safely.
            i += 1;
            continue;
        };
        let name = bn.get(j).cloned().unwrap_or_default();
        match f {
            Fate::InPlace(oi) => {
                let same = at.get(oi) == bt.get(j) && a.body.get(oi) == b.body.get(j);
                let status = if same {
                    BlockStatus::Unchanged
                } else {
                    BlockStatus::Changed
                };
                let mut d = entry(
                    status,
                    &b.body[j],
                    name,
                    Some(oi),
                    Some(j),
                    at.get(oi),
                    bt.get(j),
                );
                if !same {
                    fill_diff(&mut d, ak.get(oi), bk.get(j), budget, opts);
                }
                push(&mut out, d);
                i = i.max(oi + 1);
            }
            Fate::Moved(oi) => {
                let mut d = entry(
                    BlockStatus::Moved,
                    &b.body[j],
                    name,
                    Some(oi),
                    Some(j),
                    at.get(oi),
                    bt.get(j),
                );
                fill_diff(&mut d, ak.get(oi), bk.get(j), budget, opts);
                new_entry.insert(j, out.len() as u32);
                push(&mut out, d);
            }
            Fate::Alone => {
                push(
                    &mut out,
                    entry(
                        BlockStatus::Inserted,
                        &b.body[j],
                        name,
                        None,
                        Some(j),
                        None,
                        bt.get(j),
                    ),
                );
            }
        }
        j += 1;
    }

    // Link the two ends of every move.
    for (oi, f) in old_fate.iter().enumerate() {
        if let Fate::Moved(nj) = f {
            if let (Some(&from), Some(&to)) = (old_entry.get(&oi), new_entry.get(nj)) {
                if let Some(e) = out.get_mut(from as usize) {
                    e.partner = Some(to);
                    e.old_index = Some(oi as u32);
                    e.new_index = Some(*nj as u32);
                }
                if let Some(e) = out.get_mut(to as usize) {
                    e.partner = Some(from);
                }
            }
        }
    }
    out
}

/// Bodies this long (in words) are first checked for shared word runs.
const MIN_WORDS_FOR_SHINGLES: usize = 5_000;

/// True for two long bodies with almost no word runs in common.
fn rewritten(ak: &[Key], bk: &[Key]) -> bool {
    let words = |k: &[Key]| k.iter().map(|k| k.seq.len()).sum::<usize>();
    if words(ak) < MIN_WORDS_FOR_SHINGLES || words(bk) < MIN_WORDS_FOR_SHINGLES {
        return false;
    }
    let seq = |k: &[Key]| {
        k.iter()
            .flat_map(|k| k.seq.iter().copied())
            .collect::<Vec<u32>>()
    };
    !shingle_similarity_reaches(&seq(ak), &seq(bk), 0.2)
}

/// Pairs blocks left alone on both sides: identical ones first, then alike ones.
fn find_moves(
    ak: &[Key],
    bk: &[Key],
    old_fate: &mut [Fate],
    new_fate: &mut [Fate],
    budget: &Budget,
) {
    let gone: Vec<usize> = (0..ak.len())
        .filter(|&i| old_fate[i] == Fate::Alone)
        .collect();
    let came: Vec<usize> = (0..bk.len())
        .filter(|&j| new_fate[j] == Fate::Alone)
        .collect();
    if gone.is_empty() || came.is_empty() {
        return;
    }
    let mut by_hash: HashMap<(u64, &str), Vec<usize>> = HashMap::new();
    for &i in gone.iter().rev() {
        by_hash.entry((ak[i].hash, ak[i].kind)).or_default().push(i);
    }
    for &j in &came {
        if let Some(i) = by_hash
            .get_mut(&(bk[j].hash, bk[j].kind))
            .and_then(Vec::pop)
        {
            old_fate[i] = Fate::Moved(j);
            new_fate[j] = Fate::Moved(i);
        }
    }
    if gone.len().saturating_mul(came.len()) > MAX_FUZZY_PAIRS {
        return;
    }
    for &j in &came {
        if new_fate[j] != Fate::Alone || budget.expired() {
            continue;
        }
        let best = gone
            .iter()
            .filter(|&&i| old_fate[i] == Fate::Alone && ak[i].tag == bk[j].tag)
            .map(|&i| {
                (
                    i,
                    ak[i]
                        .counter
                        .borrow_mut()
                        .similarity(&ak[i].seq, &bk[j].seq),
                )
            })
            .filter(|&(_, s)| s >= ALIKE)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, _)) = best {
            old_fate[i] = Fate::Moved(j);
            new_fate[j] = Fate::Moved(i);
        }
    }
}

fn entry(
    status: BlockStatus,
    block: &Block,
    name: String,
    old_index: Option<usize>,
    new_index: Option<usize>,
    old: Option<&String>,
    new: Option<&String>,
) -> BlockDiff {
    BlockDiff {
        entry: 0,
        status,
        kind: kind_name(block).to_string(),
        name,
        old_index: old_index.map(|i| i as u32),
        new_index: new_index.map(|i| i as u32),
        old: old.cloned(),
        new: new.cloned(),
        diff: None,
        edited: false,
        partner: None,
    }
}

fn fill_diff(
    d: &mut BlockDiff,
    ok: Option<&Key>,
    nk: Option<&Key>,
    budget: &mut Budget,
    opts: &CompareOptions,
) {
    if let (Some(o), Some(n)) = (&d.old, &d.new) {
        if o != n {
            let diff = match (ok, nk) {
                // The alignment has cut both blocks already; their texts are
                // `d.old` and `d.new`.
                (Some(ok), Some(nk)) if !budget.expired() => {
                    if ok.hash != nk.hash {
                        // Paired as alike: at least half their words in common.
                        diff_tokens(o, &ok.tokens(None), n, &nk.tokens(None), budget, opts)
                    } else {
                        // Equal hashes of different texts: check the bags.
                        let sorted = |k: &Key| {
                            let mut bag = k.seq.clone();
                            bag.sort_unstable();
                            bag
                        };
                        let (obag, nbag) = (sorted(ok), sorted(nk));
                        let (ot, nt) = (ok.tokens(Some(&obag)), nk.tokens(Some(&nbag)));
                        diff_tokens(o, &ot, n, &nt, budget, opts)
                    }
                }
                _ => diff_words(o, n, budget, opts),
            };
            d.diff = Some(diff);
            d.edited = true;
        }
    }
}

impl Key<'_> {
    fn tokens<'t>(&'t self, bag: Option<&'t [u32]>) -> Tokens<'t> {
        Tokens {
            bounds: &self.bounds,
            ids: &self.ids,
            words: &self.seq,
            bag,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut gives exactly what parsing gives, for texts that take it
    /// and texts that look close to it.
    #[test]
    fn plain_text_without_markdown_is_not_parsed() {
        let texts = [
            "A UN expert today urged the authorities, again.",
            "Genève, 14 mai 2025 : l’experte « Khakimova » a dit.",
            "2025 was a year",
            "1. first",
            "1) first",
            "a\ttab inside",
            "trailing space ",
            "trailing nbsp\u{A0}",
            " leading space",
            "# heading",
            "- item",
            "An expert* today",
            "a **bold** word",
            "a_b_c and _emph_",
            "[link](https://example.org)",
            "AT&amp;T",
            "a ~~struck~~ word",
            "line one\nline two",
            "tab\u{0B}vertical",
            "back\\slash",
            "`code`",
            "x<y and y>z",
            "end!",
            "https://example.org/a_b",
            "",
        ];
        for t in texts {
            assert_eq!(plain(t), to_plain(t), "{t:?}");
        }
    }
}
