//! Word-level diff of two texts, bounded by the comparison's deadline.
//!
//! Myers' algorithm (from `similar`) runs over interned tokens; changes separated
//! only by whitespace are merged so a reader sees "two very young → three young"
//! as one edit, replaced words get character detail when that helps (a typo fix),
//! and whitespace-only or quote-style-only changes are flagged. Texts that are
//! too different, or that the deadline cuts short, come back as one replace op:
//! a clean "paragraph replaced" instead of a garbage diff.

use std::time::Instant;

use similar::{Algorithm, DiffTag};

use crate::model::{CharOp, CompareOptions, OpKind, Trivial, WordDiff, WordOp};
use crate::tokens::{
    bag_similarity, class_at, shingle_similarity, straight, Cut, Interner, TokenClass,
};

/// Below this share of common words (when both sides have more than
/// [`MIN_WORDS_FOR_REPLACE`] words) a text is shown as replaced.
const REPLACE_BELOW: f32 = 0.3;
const MIN_WORDS_FOR_REPLACE: usize = 12;
/// Texts longer than this (in words) are first checked for shared word runs.
const MIN_WORDS_FOR_SHINGLES: usize = 1_000;
/// Texts of more tokens than this (both sides together) are diffed against the
/// deadline; for shorter ones Myers' work is bounded anyway (under 400,000
/// steps, a fraction of a millisecond).
const CLOCKED_TOKENS: usize = 600;
/// Character detail only for replaced words up to this many characters.
const MAX_CHAR_DETAIL: usize = 40;

/// The shared time budget of a comparison.
pub struct Budget {
    /// Past this instant, texts are no longer diffed.
    pub deadline: Instant,
    /// Set when the deadline cut a diff short.
    pub degraded: bool,
}

impl Budget {
    /// A budget of `opts.timeout_ms` from now.
    pub fn new(opts: &CompareOptions) -> Budget {
        Budget {
            deadline: Instant::now() + std::time::Duration::from_millis(u64::from(opts.timeout_ms)),
            degraded: false,
        }
    }

    /// True once the deadline has passed.
    pub fn expired(&self) -> bool {
        Instant::now() > self.deadline
    }
}

/// Word operations from `old` to `new`.
pub fn diff_words(old: &str, new: &str, budget: &mut Budget, opts: &CompareOptions) -> WordDiff {
    if old == new {
        let ops = if old.is_empty() {
            Vec::new()
        } else {
            vec![op(OpKind::Equal, old, new, opts)]
        };
        return finish(ops, 1.0, false);
    }
    if budget.expired() {
        budget.degraded = true;
        return replaced(old, new, 0.0, opts);
    }
    let mut interner = Interner::with_capacity((old.len() + new.len()) / 6);
    let Cut {
        bounds: ob,
        ids: oi,
        words: ow,
    } = interner.cut(old);
    let Cut {
        bounds: nb,
        ids: ni,
        words: nw,
    } = interner.cut(new);
    let (mut obag, mut nbag) = (ow.clone(), nw.clone());
    obag.sort_unstable();
    nbag.sort_unstable();
    let o = Tokens {
        bounds: &ob,
        ids: &oi,
        words: &ow,
        bag: Some(&obag),
    };
    let n = Tokens {
        bounds: &nb,
        ids: &ni,
        words: &nw,
        bag: Some(&nbag),
    };
    diff_tokens(old, &o, new, &n, budget, opts)
}

/// A text already cut into tokens, with ids from an interner shared by both
/// sides of the diff (see [`crate::tokens`]).
pub struct Tokens<'t> {
    /// Token boundaries ([`boundaries`]).
    pub bounds: &'t [usize],
    /// Id of every token.
    pub ids: &'t [u32],
    /// Ids of the word tokens, in order.
    pub words: &'t [u32],
    /// `words` sorted (for [`bag_similarity`]); `None` when the caller knows
    /// the two texts share at least half their words (the body alignment
    /// paired them as alike), so they cannot be too different to diff.
    pub bag: Option<&'t [u32]>,
}

/// [`diff_words`] of two different texts whose tokens are known (the body
/// alignment has cut every block already).
pub fn diff_tokens(
    old: &str,
    o: &Tokens<'_>,
    new: &str,
    n: &Tokens<'_>,
    budget: &mut Budget,
    opts: &CompareOptions,
) -> WordDiff {
    let (ob, oi, nb, ni) = (o.bounds, o.ids, n.bounds, n.ids);
    if o.words.len() > MIN_WORDS_FOR_SHINGLES && n.words.len() > MIN_WORDS_FOR_SHINGLES {
        let s = shingle_similarity(o.words, n.words);
        if s < REPLACE_BELOW {
            return replaced(old, new, s, opts);
        }
    }
    let (ow, nw) = (o.words, n.words);
    let big = ow.len() > MIN_WORDS_FOR_REPLACE && nw.len() > MIN_WORDS_FOR_REPLACE;
    if let (true, Some(obag), Some(nbag)) = (big, o.bag, n.bag) {
        let s = bag_similarity(obag, nbag);
        if s < REPLACE_BELOW {
            return replaced(old, new, s, opts);
        }
    }

    // Myers checks the clock at every step; on short texts (most paragraphs)
    // the whole diff costs less than those checks, and the deadline is still
    // checked before and after it.
    let deadline = (oi.len() + ni.len() > CLOCKED_TOKENS).then_some(budget.deadline);
    let raw = similar::capture_diff_slices_deadline(Algorithm::Myers, oi, ni, deadline);
    if budget.expired() {
        budget.degraded = true;
        return replaced(old, new, 0.0, opts);
    }
    let Some(spans) = contiguous(&raw, oi.len(), ni.len()) else {
        return replaced(old, new, 0.0, opts);
    };
    let similarity = word_similarity(old, ob, &spans, ow.len() + nw.len());
    if big && similarity < REPLACE_BELOW {
        return replaced(old, new, similarity, opts);
    }
    let spans = merge(old, ob, &spans);
    let ops = spans
        .into_iter()
        .filter_map(|(tag, o, n)| {
            let ot = old.get(ob.get(o.0).copied()?..ob.get(o.1).copied()?)?;
            let nt = new.get(nb.get(n.0).copied()?..nb.get(n.1).copied()?)?;
            let kind = match tag {
                DiffTag::Equal => OpKind::Equal,
                DiffTag::Delete => OpKind::Delete,
                DiffTag::Insert => OpKind::Insert,
                DiffTag::Replace => OpKind::Replace,
            };
            Some(op(kind, ot, nt, opts))
        })
        .collect();
    finish(ops, similarity, false)
}

/// Share of word tokens the diff keeps equal.
fn word_similarity(old: &str, ob: &[usize], spans: &[Span], total_words: usize) -> f32 {
    if total_words == 0 {
        return 1.0;
    }
    let mut equal_words = 0usize;
    for (tag, o, _) in spans {
        if *tag == DiffTag::Equal {
            let starts = ob.get(o.0..o.1).unwrap_or(&[]);
            equal_words += starts
                .iter()
                .filter(|&&at| class_at(old, at) == TokenClass::Word)
                .count();
        }
    }
    (2 * equal_words) as f32 / total_words as f32
}

type Span = (DiffTag, (usize, usize), (usize, usize));

/// Spans of token indices rebuilt from the lengths of similar's ops (its
/// compaction pass can leave a stale position on a delete); `None` when the
/// ops do not cover both sides exactly.
fn contiguous(raw: &[similar::DiffOp], n_old: usize, n_new: usize) -> Option<Vec<Span>> {
    let (mut o, mut n) = (0usize, 0usize);
    let mut out: Vec<Span> = Vec::with_capacity(raw.len());
    for d in raw {
        let (tag, or, nr) = d.as_tag_tuple();
        let (lo, ln) = (or.len(), nr.len());
        if lo == 0 && ln == 0 {
            continue;
        }
        out.push((tag, (o, o + lo), (n, n + ln)));
        o += lo;
        n += ln;
    }
    (o == n_old && n == n_new).then_some(out)
}

/// Merges changes that are adjacent or separated only by whitespace.
fn merge(old: &str, ob: &[usize], out: &[Span]) -> Vec<Span> {
    // A whitespace-only equal run between two changes joins them.
    let is_space_run = |o: (usize, usize)| {
        ob.get(o.0)
            .zip(ob.get(o.1))
            .and_then(|(a, b)| old.get(*a..*b))
            .is_some_and(|t| !t.is_empty() && t.chars().all(char::is_whitespace))
    };
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        let cur = out[i];
        if cur.0 == DiffTag::Equal {
            let between = i > 0
                && i + 1 < out.len()
                && is_space_run(cur.1)
                && merged.last().is_some_and(|m| m.0 != DiffTag::Equal);
            if !between {
                merged.push(cur);
                i += 1;
                continue;
            }
        }
        match merged.last_mut() {
            Some(last) if last.0 != DiffTag::Equal => {
                last.1 .1 = cur.1 .1;
                last.2 .1 = cur.2 .1;
                let has_old = last.1 .1 > last.1 .0;
                let has_new = last.2 .1 > last.2 .0;
                last.0 = match (has_old, has_new) {
                    (true, true) => DiffTag::Replace,
                    (true, false) => DiffTag::Delete,
                    _ => DiffTag::Insert,
                };
            }
            _ => merged.push(cur),
        }
        i += 1;
    }
    merged
}

/// One op, with its trivial flag and character detail.
fn op(kind: OpKind, old: &str, new: &str, opts: &CompareOptions) -> WordOp {
    let (old, new) = match kind {
        OpKind::Insert => ("", new),
        OpKind::Delete => (old, ""),
        _ => (old, new),
    };
    let trivial = if kind == OpKind::Equal {
        None
    } else {
        classify(old, new)
    };
    let hidden = match trivial {
        Some(Trivial::Whitespace) => opts.ignore_whitespace,
        Some(Trivial::QuoteStyle) => opts.ignore_quote_style,
        None => false,
    };
    let chars = if kind == OpKind::Replace && opts.char_detail && trivial.is_none() {
        char_detail(old, new)
    } else {
        None
    };
    WordOp {
        kind,
        old: old.to_string(),
        new: new.to_string(),
        trivial,
        hidden,
        chars,
    }
}

/// Whitespace-only or quote-style-only?
pub fn classify(old: &str, new: &str) -> Option<Trivial> {
    if old == new {
        return None;
    }
    // Two different runs of ASCII letters and digits (most replaced words)
    // are neither: each is its only whitespace-separated word, and `straight`
    // changes none of their characters.
    if old
        .bytes()
        .chain(new.bytes())
        .all(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    if old.split_whitespace().eq(new.split_whitespace()) {
        return Some(Trivial::Whitespace);
    }
    if old.chars().map(straight).eq(new.chars().map(straight)) {
        return Some(Trivial::QuoteStyle);
    }
    None
}

/// Character ops inside a replaced word, when the two words are alike.
///
/// The same result as `similar::TextDiff::from_chars` (Myers over the
/// characters, detail only when its ratio is at least 0.5), without its
/// per-character string slices, and skipped early when the two words cannot
/// reach that ratio (too few characters in common).
fn char_detail(old: &str, new: &str) -> Option<Vec<CharOp>> {
    let mut oc: [char; MAX_CHAR_DETAIL] = ['\0'; MAX_CHAR_DETAIL];
    let mut nc: [char; MAX_CHAR_DETAIL] = ['\0'; MAX_CHAR_DETAIL];
    let fill = |s: &str, buf: &mut [char; MAX_CHAR_DETAIL]| -> Option<usize> {
        let mut n = 0;
        for c in s.chars() {
            if c.is_whitespace() {
                return None;
            }
            *buf.get_mut(n)? = c;
            n += 1;
        }
        Some(n)
    };
    let (Some(lo), Some(ln)) = (fill(old, &mut oc), fill(new, &mut nc)) else {
        return None;
    };
    let (oc, nc) = (&oc[..lo], &nc[..ln]);
    // Equal characters of any diff are at most the characters the two words
    // share (as multisets): below half, the ratio is below 0.5 whatever the diff.
    if 4 * common_chars(oc, nc) < lo + ln {
        return None;
    }
    let ops = similar::capture_diff_slices(Algorithm::Myers, oc, nc);
    if similar::get_diff_ratio(&ops, lo, ln) < 0.5 {
        return None;
    }
    let mut out: Vec<CharOp> = Vec::new();
    let mut push = |kind: OpKind, chars: &[char]| {
        for &c in chars {
            match out.last_mut() {
                Some(last) if last.kind == kind => last.text.push(c),
                _ => out.push(CharOp {
                    kind,
                    text: c.to_string(),
                }),
            }
        }
    };
    for d in &ops {
        let (tag, or, nr) = d.as_tag_tuple();
        let (o, n) = (oc.get(or).unwrap_or(&[]), nc.get(nr).unwrap_or(&[]));
        match tag {
            DiffTag::Equal => push(OpKind::Equal, o),
            DiffTag::Delete => push(OpKind::Delete, o),
            DiffTag::Insert => push(OpKind::Insert, n),
            DiffTag::Replace => {
                push(OpKind::Delete, o);
                push(OpKind::Insert, n);
            }
        }
    }
    Some(out)
}

/// Size of the multiset intersection of two short character sequences.
fn common_chars(a: &[char], b: &[char]) -> usize {
    let mut used = [false; MAX_CHAR_DETAIL];
    let mut common = 0;
    for c in a {
        if let Some(k) = (0..b.len().min(MAX_CHAR_DETAIL)).find(|&k| b[k] == *c && !used[k]) {
            used[k] = true;
            common += 1;
        }
    }
    common
}

/// The whole text replaced (or purely inserted / deleted).
fn replaced(old: &str, new: &str, similarity: f32, opts: &CompareOptions) -> WordDiff {
    let kind = match (old.is_empty(), new.is_empty()) {
        (true, _) => OpKind::Insert,
        (_, true) => OpKind::Delete,
        _ => OpKind::Replace,
    };
    let mut o = op(kind, old, new, opts);
    o.chars = None;
    finish(vec![o], similarity, true)
}

fn finish(ops: Vec<WordOp>, similarity: f32, replaced: bool) -> WordDiff {
    let changed: Vec<&WordOp> = ops.iter().filter(|o| o.kind != OpKind::Equal).collect();
    let all = |t: Trivial| !changed.is_empty() && changed.iter().all(|o| o.trivial == Some(t));
    WordDiff {
        similarity,
        replaced,
        whitespace_only: all(Trivial::Whitespace),
        quote_style_only: all(Trivial::QuoteStyle),
        visible_changes: changed.iter().filter(|o| !o.hidden).count() as u32,
        ops,
    }
}

impl WordDiff {
    /// Applies the ops to `old`: the new text, or `None` when the ops were not
    /// computed from `old`.
    pub fn apply(&self, old: &str) -> Option<String> {
        let mut rest = old;
        let mut out = String::with_capacity(old.len());
        for o in &self.ops {
            rest = rest.strip_prefix(o.old.as_str())?;
            out.push_str(&o.new);
        }
        rest.is_empty().then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> WordDiff {
        let opts = CompareOptions::default();
        let mut budget = Budget::new(&opts);
        diff_words(a, b, &mut budget, &opts)
    }

    #[test]
    fn one_word_changed_with_char_detail() {
        let d = diff("the Khakimova case", "the Khakimowa case");
        let changed: Vec<&WordOp> = d.ops.iter().filter(|o| o.kind != OpKind::Equal).collect();
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].old, "Khakimova");
        assert_eq!(changed[0].new, "Khakimowa");
        let chars = changed[0].chars.as_ref().expect("char detail");
        assert!(chars
            .iter()
            .any(|c| c.kind == OpKind::Delete && c.text == "v"));
        assert!(chars
            .iter()
            .any(|c| c.kind == OpKind::Insert && c.text == "w"));
        assert_eq!(
            d.apply("the Khakimova case").as_deref(),
            Some("the Khakimowa case")
        );
    }

    #[test]
    fn changes_split_by_a_space_are_merged() {
        let d = diff("of two very young children", "of three young children");
        let changed: Vec<&WordOp> = d.ops.iter().filter(|o| o.kind != OpKind::Equal).collect();
        assert_eq!(changed.len(), 1, "{:?}", d.ops);
        assert_eq!(changed[0].old, "two very");
        assert_eq!(changed[0].new, "three");
    }

    #[test]
    fn whitespace_and_quote_style_are_flagged() {
        let d = diff("a  b", "a b");
        assert!(d.whitespace_only);
        let d = diff("Khakimova’s trial", "Khakimova's trial");
        assert!(d.quote_style_only);
        assert!(!d.whitespace_only);
        let d = diff("a b", "a c");
        assert!(!d.quote_style_only && !d.whitespace_only);
    }

    /// The hand-rolled character detail is what `similar`'s character diff gives.
    #[test]
    fn char_detail_matches_similar_text_diff() {
        fn reference(old: &str, new: &str) -> Option<Vec<CharOp>> {
            let d = similar::TextDiff::from_chars(old, new);
            if d.ratio() < 0.5 {
                return None;
            }
            let mut out: Vec<CharOp> = Vec::new();
            for c in d.iter_all_changes() {
                let kind = match c.tag() {
                    similar::ChangeTag::Equal => OpKind::Equal,
                    similar::ChangeTag::Delete => OpKind::Delete,
                    similar::ChangeTag::Insert => OpKind::Insert,
                };
                match out.last_mut() {
                    Some(last) if last.kind == kind => last.text.push_str(c.value()),
                    _ => out.push(CharOp {
                        kind,
                        text: c.value().to_string(),
                    }),
                }
            }
            Some(out)
        }
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "Khakimova",
            "Khakimowa",
            "Khakimova’s",
            "trial",
            "trials",
            "tiral",
            "Genève",
            "Geneva",
            "kalomi",
            "kaloru",
            "mikalo",
            "aaaa",
            "aaab",
            "abab",
            "baba",
            "2025",
            "2026",
            "rapporteur",
            "rapporteurs",
            "x",
        ];
        let mut checked = 0;
        for a in words {
            for b in words {
                assert_eq!(char_detail(a, b), reference(a, b), "{a:?} → {b:?}");
                checked += usize::from(char_detail(a, b).is_some());
            }
        }
        assert!(
            checked > words.len(),
            "most pairs are too different: {checked}"
        );
    }

    #[test]
    fn unrelated_long_texts_are_replaced() {
        let a = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi";
        let b = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let d = diff(a, b);
        assert!(d.replaced);
        assert_eq!(d.ops.len(), 1);
        assert_eq!(d.ops[0].kind, OpKind::Replace);
    }
}
#[cfg(test)]
mod regressions {
    use super::*;

    /// similar's compaction once left a delete with a stale new position; the
    /// ops must still rebuild both texts exactly.
    #[test]
    fn ops_rebuild_the_new_text_after_compaction() {
        let a = "trial, the trial,\n“fair” Khakimova’s\nKhakimova's\nKhakimova's\nthe  the\nthe\ntrial,\nKhakimova's 2025. trial,  a\ntrial, trial,  the the";
        let b = "Khakimova’s\ntrial,\nKhakimova's 2025. “fair” the  Khakimova's  trial,  “fair” expert the the Khakimova’s";
        let opts = CompareOptions {
            timeout_ms: 60_000,
            ..CompareOptions::default()
        };
        let mut budget = Budget::new(&opts);
        let d = diff_words(a, b, &mut budget, &opts);
        assert!(!d.replaced);
        assert_eq!(d.apply(a).as_deref(), Some(b));
    }
}
