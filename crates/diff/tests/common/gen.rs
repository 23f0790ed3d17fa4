//! Generated releases for the property tests and the benchmark: long bodies of
//! made-up words, revisions of them with a share of words changed and one
//! paragraph moved, and unrelated texts. Deterministic (a small xorshift
//! generator), so every run measures the same input.

#![allow(dead_code)]

use dateline_core::{Block, Release};

/// A tiny deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "ru", "ta", "so", "vi", "de", "pa", "gu", "ri", "an", "el", "or", "us",
    "be", "zo", "fi", "ha", "jo", "ke", "ly", "wu",
];

/// A made-up vocabulary of `n` words of two or three syllables.
pub fn vocabulary(n: usize) -> Vec<String> {
    let mut rng = Rng::new(7);
    (0..n)
        .map(|i| {
            let parts = 2 + i % 2;
            (0..parts)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect::<String>()
        })
        .collect()
}

/// `words` words drawn from `vocab`, with a comma or a full stop now and then.
pub fn words(rng: &mut Rng, vocab: &[String], words: usize) -> Vec<String> {
    (0..words)
        .map(|i| {
            let mut w = vocab[rng.below(vocab.len())].clone();
            if i + 1 == words {
                w.push('.');
            } else if rng.below(12) == 0 {
                w.push(',');
            }
            w
        })
        .collect()
}

/// Paragraph texts: `paragraphs` paragraphs of `per` words each.
pub fn paragraphs(seed: u64, vocab: &[String], paragraphs: usize, per: usize) -> Vec<Vec<String>> {
    let mut rng = Rng::new(seed);
    (0..paragraphs)
        .map(|_| words(&mut rng, vocab, per))
        .collect()
}

/// A copy of `paras` with `rate` of the words replaced by other words and the
/// paragraph at `move_from` moved to `move_to`.
pub fn revise(
    paras: &[Vec<String>],
    vocab: &[String],
    rate: f64,
    move_from: usize,
    move_to: usize,
) -> Vec<Vec<String>> {
    let mut rng = Rng::new(99);
    let mut out: Vec<Vec<String>> = paras
        .iter()
        .map(|p| {
            p.iter()
                .map(|w| {
                    if (rng.next() % 10_000) as f64 / 10_000.0 < rate {
                        vocab[rng.below(vocab.len())].clone()
                    } else {
                        w.clone()
                    }
                })
                .collect()
        })
        .collect();
    if move_from < out.len() && move_to < out.len() {
        let p = out.remove(move_from);
        out.insert(move_to, p);
    }
    out
}

/// The seed release with its body replaced by these paragraphs.
pub fn release(seed: &Release, paras: &[Vec<String>]) -> Release {
    let mut r = seed.clone();
    r.body = paras
        .iter()
        .map(|p| Block::Paragraph { text: p.join(" ") })
        .collect();
    r
}

/// The seed release.
pub fn seed() -> Release {
    let json = include_str!("../../../../examples/un-expert-khakimova.json");
    dateline_core::from_json(json).unwrap_or_else(|e| panic!("seed: {e}"))
}
