//! Shared fixtures of the store tests: the seed release and small edits of it.
#![allow(dead_code)]

use dateline_core::{Block, Release};
use dateline_store::SaveMeta;

/// The founding seed release.
pub const SEED: &str = include_str!("../../../../examples/un-expert-khakimova.json");

/// The seed, parsed.
pub fn seed() -> Release {
    dateline_core::from_json(SEED).expect("the seed is a valid release")
}

/// A save by `author` with an optional message.
pub fn by(author: &str, message: Option<&str>) -> SaveMeta {
    SaveMeta {
        author: author.to_string(),
        message: message.map(str::to_string),
        name: None,
    }
}

/// `r` with the first word of paragraph block `index` replaced by `word`.
pub fn edit_word(r: &Release, index: usize, word: &str) -> Release {
    let mut out = r.clone();
    let Some(Block::Paragraph { text }) = out.body.get_mut(index) else {
        panic!("block {index} of the fixture is not a paragraph");
    };
    let rest = text
        .split_once(' ')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default();
    *text = format!("{word} {rest}");
    out
}

/// `r` as the store gives it back: no times and no id compared.
pub fn content(mut r: Release) -> Release {
    r.meta.id.clear();
    r.meta.created = None;
    r.meta.updated = None;
    r
}
