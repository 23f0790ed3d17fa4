//! Splitting text into the units a word diff works on.
//!
//! A token is a run of letters/digits (a word), a run of whitespace, or a single
//! other character (punctuation, a quotation mark), so that a changed comma or a
//! curly apostrophe is its own change and never drags a whole word with it.
//! Tokens are interned to small integers so the diff compares numbers, not strings.

use rustc_hash::{FxHashMap, FxHashSet};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    Word,
    Space,
    Other,
}

fn class(c: char) -> TokenClass {
    if c.is_alphanumeric() {
        TokenClass::Word
    } else if c.is_whitespace() {
        TokenClass::Space
    } else {
        TokenClass::Other
    }
}

/// Class of every ASCII byte (the common case, without decoding a char).
const ASCII_CLASS: [TokenClass; 128] = {
    let mut t = [TokenClass::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            TokenClass::Word
        } else if c.is_ascii_whitespace() || c == 0x0B {
            TokenClass::Space
        } else {
            TokenClass::Other
        };
        b += 1;
    }
    t
};

/// Byte offsets where each token of `s` starts, plus `s.len()` at the end.
pub fn boundaries(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 3 + 2);
    let mut prev: Option<TokenClass> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (k, len) = if b < 0x80 {
            (ASCII_CLASS[usize::from(b)], 1)
        } else {
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (class(c), c.len_utf8()),
                None => (TokenClass::Other, 1),
            }
        };
        let split = match prev {
            None => true,
            Some(p) => p != k || k == TokenClass::Other,
        };
        if split {
            out.push(i);
        }
        prev = Some(k);
        i += len;
    }
    out.push(s.len());
    out
}

/// The tokens of `s` as slices.
pub fn tokens(s: &str) -> Vec<&str> {
    let b = boundaries(s);
    b.windows(2).filter_map(|w| s.get(w[0]..w[1])).collect()
}

/// The class of a token (by its first character).
pub fn token_class(t: &str) -> TokenClass {
    match t.as_bytes().first() {
        Some(&b) if b < 0x80 => ASCII_CLASS[usize::from(b)],
        _ => t.chars().next().map(class).unwrap_or(TokenClass::Space),
    }
}

/// The class of the token of `s` that starts at byte `at` (by its first
/// character), without slicing the token out.
pub fn class_at(s: &str, at: usize) -> TokenClass {
    match s.as_bytes().get(at) {
        Some(&b) if b < 0x80 => ASCII_CLASS[usize::from(b)],
        Some(_) => s
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or(TokenClass::Other, class),
        None => TokenClass::Space,
    }
}

/// Maps token strings to dense ids shared by the two sides of a diff.
///
/// Most tokens are a single ASCII character (a space, a comma) or a short
/// word: the first get their id from a table, the others (up to 7 bytes) are
/// looked up by their bytes packed in an integer, without hashing or comparing
/// strings; only longer tokens are looked up as strings.
pub struct Interner<'a> {
    /// Id of each single ASCII character token, `u32::MAX` until seen.
    ascii: [u32; 128],
    /// Tokens of 2 to 7 bytes, keyed by [`pack`].
    short: FxHashMap<u64, u32>,
    long: FxHashMap<&'a str, u32>,
    next: u32,
}

impl Default for Interner<'_> {
    fn default() -> Self {
        Interner {
            ascii: [u32::MAX; 128],
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            next: 0,
        }
    }
}

/// The bytes of a token of at most 7 bytes and its length in one integer
/// (distinct tokens give distinct keys): byte `j` in bits `8j..8j+8`, the
/// length in the top byte.
fn pack(b: &[u8]) -> u64 {
    let mut k = (b.len() as u64) << 56;
    for (j, &x) in b.iter().take(7).enumerate() {
        k |= u64::from(x) << (8 * j);
    }
    k
}

/// A text cut into tokens and interned (see [`Interner::cut`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cut {
    /// Token boundaries, as [`boundaries`] gives them.
    pub bounds: Vec<usize>,
    /// Id of every token.
    pub ids: Vec<u32>,
    /// Ids of the word tokens, in order.
    pub words: Vec<u32>,
}

impl<'a> Interner<'a> {
    /// Id of `t`, assigning the next one on first sight.
    #[inline]
    pub fn id(&mut self, t: &'a str) -> u32 {
        let b = t.as_bytes();
        let next = self.next;
        let id = match b {
            [c] if *c < 0x80 => {
                let slot = &mut self.ascii[usize::from(*c)];
                if *slot == u32::MAX {
                    *slot = next;
                }
                *slot
            }
            _ if b.len() <= 7 => *self.short.entry(pack(b)).or_insert(next),
            _ => *self.long.entry(t).or_insert(next),
        };
        if id == next {
            self.next += 1;
        }
        id
    }

    /// An interner with room for about `n` distinct tokens.
    pub fn with_capacity(n: usize) -> Interner<'a> {
        let mut i = Interner::default();
        i.short.reserve(n / 2);
        i.long.reserve(n / 4);
        i
    }

    /// Cuts `s` into tokens and interns them in one pass: the same boundaries
    /// as [`boundaries`], the ids [`Interner::ids`] gives and the ids of the
    /// word tokens, without slicing the text twice or classifying a byte more
    /// than once.
    pub fn cut(&mut self, s: &'a str) -> Cut {
        let bytes = s.as_bytes();
        let mut cut = Cut {
            bounds: Vec::with_capacity(s.len() / 3 + 2),
            ids: Vec::with_capacity(s.len() / 3 + 1),
            words: Vec::with_capacity(s.len() / 6 + 1),
        };
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let start = i;
            let k = if b < 0x80 {
                i += 1;
                ASCII_CLASS[usize::from(b)]
            } else {
                let c = s.get(i..).and_then(|rest| rest.chars().next());
                i += c.map_or(1, char::len_utf8);
                c.map_or(TokenClass::Other, class)
            };
            // Words and spaces are runs of their class; any other character
            // is a token of its own.
            if k != TokenClass::Other {
                while let Some(&b) = bytes.get(i) {
                    if b < 0x80 {
                        if ASCII_CLASS[usize::from(b)] != k {
                            break;
                        }
                        i += 1;
                    } else {
                        match s.get(i..).and_then(|rest| rest.chars().next()) {
                            Some(c) if class(c) == k => i += c.len_utf8(),
                            _ => break,
                        }
                    }
                }
            }
            cut.bounds.push(start);
            let id = self.id(s.get(start..i).unwrap_or(""));
            cut.ids.push(id);
            if k == TokenClass::Word {
                cut.words.push(id);
            }
        }
        cut.bounds.push(s.len());
        cut
    }

    /// Ids of the tokens of `s` between the given boundaries.
    pub fn ids(&mut self, s: &'a str, bounds: &[usize]) -> Vec<u32> {
        bounds
            .windows(2)
            .map(|w| self.id(s.get(w[0]..w[1]).unwrap_or("")))
            .collect()
    }
}

/// Similarity of two bags of ids: 2·|A∩B| / (|A|+|B|), 1 when both are empty.
/// `a` and `b` must be sorted.
pub fn bag_similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f32 / (a.len() + b.len()) as f32
}

/// [`bag_similarity`] of two id sequences in any order, by counting instead
/// of sorting: the counts live in a table indexed by id, kept between calls
/// (and left all zero after each).
#[derive(Debug, Default)]
pub struct BagCounter {
    counts: Vec<u32>,
}

impl BagCounter {
    /// 2·|A∩B| / (|A|+|B|) of the bags of `a` and `b`, 1 when both are empty.
    pub fn similarity(&mut self, a: &[u32], b: &[u32]) -> f32 {
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        let top = a.iter().max().map_or(0, |m| *m as usize + 1);
        if self.counts.len() < top {
            self.counts.resize(top, 0);
        }
        for &x in a {
            if let Some(c) = self.counts.get_mut(x as usize) {
                *c += 1;
            }
        }
        let mut common = 0usize;
        for &y in b {
            if let Some(c) = self.counts.get_mut(y as usize).filter(|c| **c > 0) {
                *c -= 1;
                common += 1;
            }
        }
        for &x in a {
            if let Some(c) = self.counts.get_mut(x as usize) {
                *c = 0;
            }
        }
        (2 * common) as f32 / (a.len() + b.len()) as f32
    }
}

/// Share of word trigrams the two id sequences have in common (0 to 1):
/// unrelated texts share words but hardly any runs of three, so this tells a
/// rewrite from an edit in linear time, before any quadratic work.
pub fn shingle_similarity(a: &[u32], b: &[u32]) -> f32 {
    shingles(a, b, None)
}

/// Whether [`shingle_similarity`] of `a` and `b` reaches `at_least`, counting
/// common trigrams only until it does.
pub fn shingle_similarity_reaches(a: &[u32], b: &[u32], at_least: f32) -> bool {
    shingles(a, b, Some(at_least)) >= at_least
}

/// [`shingle_similarity`], stopping once the share reaches `stop_at` (then the
/// share returned is the one reached so far).
fn shingles(a: &[u32], b: &[u32], stop_at: Option<f32>) -> f32 {
    let key = |w: &[u32]| (u64::from(w[0]) << 42) ^ (u64::from(w[1]) << 21) ^ u64::from(w[2]);
    if a.len() < 3 || b.len() < 3 {
        return if a == b { 1.0 } else { 0.0 };
    }
    let share = |common: usize| (2 * common) as f32 / (a.len() + b.len() - 4) as f32;
    let mut set: FxHashSet<u64> = FxHashSet::default();
    set.reserve(a.len() - 2);
    set.extend(a.windows(3).map(key));
    let mut common = 0usize;
    for w in b.windows(3) {
        if set.contains(&key(w)) {
            common += 1;
            // Checked once in a while: the share only grows.
            if common & 63 == 0 && stop_at.is_some_and(|s| share(common) >= s) {
                break;
            }
        }
    }
    share(common)
}

/// Straight-quote form of a character: every single quotation mark or
/// apostrophe becomes `'`, every double one `"`.
pub fn straight(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_spaces_and_punctuation_are_separate() {
        assert_eq!(
            tokens("Khakimova’s  trial, 2025."),
            vec!["Khakimova", "’", "s", "  ", "trial", ",", " ", "2025", "."]
        );
        assert_eq!(tokens("..."), vec![".", ".", "."]);
        assert!(tokens("").is_empty());
        assert_eq!(
            tokens("a\u{0B}b\u{A0}c"),
            vec!["a", "\u{0B}", "b", "\u{A0}", "c"]
        );
        assert_eq!(tokens("Genève «x»"), vec!["Genève", " ", "«", "x", "»"]);
    }

    #[test]
    fn the_ascii_table_agrees_with_the_char_classes() {
        for b in 0u8..128 {
            assert_eq!(ASCII_CLASS[usize::from(b)], class(char::from(b)), "{b}");
        }
    }

    #[test]
    fn shingles_tell_a_rewrite_from_an_edit() {
        let a: Vec<u32> = (0..100).collect();
        let mut b = a.clone();
        b[50] = 1000;
        assert!(shingle_similarity(&a, &b) > 0.9);
        let c: Vec<u32> = (0..100).rev().collect();
        assert_eq!(shingle_similarity(&a, &c), 0.0);
    }

    #[test]
    fn equal_tokens_and_only_equal_tokens_share_an_id() {
        let text = "a ab abc abcdefg abcdefgh abcdefghi a, ab abc abcdefg abcdefgh abcdefghi \
                    é ée b\0 b\0\0 ba Ab A  ";
        let bounds = boundaries(text);
        let mut interner = Interner::default();
        let ids = interner.ids(text, &bounds);
        let toks = tokens(text);
        assert_eq!(ids.len(), toks.len());
        let distinct: std::collections::HashSet<&str> = toks.iter().copied().collect();
        // Ids are dense: 0, 1, … in order of first sight.
        assert_eq!(
            ids.iter().max().map(|m| *m as usize + 1),
            Some(distinct.len())
        );
        for (i, a) in toks.iter().enumerate() {
            for (j, b) in toks.iter().enumerate() {
                assert_eq!(ids[i] == ids[j], a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn one_pass_cut_agrees_with_boundaries_and_ids() {
        let texts = [
            "",
            "a",
            "Khakimova’s  trial, 2025.",
            "a\u{0B}b\u{A0}c Genève «x» ... \t\n end",
            "  leading and trailing  ",
            "日本語のテキスト、そして abc123 déjà-vu!",
            "abcdefg abcdefgh a ab abc, a, ab",
        ];
        for text in texts {
            let mut one = Interner::default();
            let cut = one.cut(text);
            let mut two = Interner::default();
            let bounds = boundaries(text);
            let ids = two.ids(text, &bounds);
            let words: Vec<u32> = tokens(text)
                .iter()
                .zip(&ids)
                .filter(|(t, _)| token_class(t) == TokenClass::Word)
                .map(|(_, id)| *id)
                .collect();
            assert_eq!(cut.bounds, bounds, "{text:?}");
            assert_eq!(cut.ids, ids, "{text:?}");
            assert_eq!(cut.words, words, "{text:?}");
        }
    }

    #[test]
    fn bag_similarity_counts_multiset_overlap() {
        assert_eq!(bag_similarity(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(bag_similarity(&[1, 1, 2], &[1, 3, 4]), 2.0 / 6.0);
        assert_eq!(bag_similarity(&[], &[1]), 0.0);
    }

    #[test]
    fn counted_bags_agree_with_sorted_bags() {
        let mut counter = BagCounter::default();
        let mut rng = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % n) as u32
        };
        for round in 0..200 {
            let la = (next(40) + u32::from(round % 3 == 0)) as usize;
            let lb = next(40) as usize;
            let a: Vec<u32> = (0..la).map(|_| next(30)).collect();
            let b: Vec<u32> = (0..lb).map(|_| next(30)).collect();
            let (mut sa, mut sb) = (a.clone(), b.clone());
            sa.sort_unstable();
            sb.sort_unstable();
            assert_eq!(counter.similarity(&a, &b), bag_similarity(&sa, &sb));
            assert_eq!(counter.similarity(&b, &a), bag_similarity(&sb, &sa));
        }
        assert_eq!(counter.similarity(&[], &[]), 1.0);
    }
}
