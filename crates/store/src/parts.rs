//! Cutting a release into the parts that are stored as blobs, and putting it back.
//!
//! Each top-level field of a [`Release`] is one JSON blob and each body block is
//! one more, so a one-word edit changes one block blob, the body list and the
//! manifest, and nothing else. `meta.id`, `meta.created` and `meta.updated` are
//! left out of the meta blob: the store derives them from the release row and
//! the revision times (else every save would change the meta blob).

use dateline_core::{Block, Release};
use serde::de::DeserializeOwned;

/// Number of top-level fields in a manifest.
pub const FIELDS: usize = 13;
/// Position of the body among the fields (its blocks are listed at the end of the manifest).
pub const BODY: usize = 6;
/// Version byte that starts every manifest.
pub const MANIFEST_FORMAT: u8 = 1;

/// A release cut into JSON parts (the body slot of `fields` is empty).
pub struct Parts {
    /// JSON of each top-level field in manifest order; `fields[BODY]` is unused.
    pub fields: Vec<Vec<u8>>,
    /// JSON of each body block, in order.
    pub blocks: Vec<Vec<u8>>,
}

/// Cuts `r` into parts. Serializing the plain model types cannot fail, but the
/// error is passed on rather than unwrapped.
pub fn split(r: &Release) -> Result<Parts, serde_json::Error> {
    let blocks = r
        .body
        .iter()
        .map(serde_json::to_vec)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Parts {
        fields: split_fields(r)?,
        blocks,
    })
}

/// The field parts of [`split`] alone (the body's slot empty).
pub fn split_fields(r: &Release) -> Result<Vec<Vec<u8>>, serde_json::Error> {
    let mut meta = r.meta.clone();
    meta.id.clear();
    meta.created = None;
    meta.updated = None;
    let fields = vec![
        serde_json::to_vec(&meta)?,
        serde_json::to_vec(&r.style)?,
        serde_json::to_vec(&r.release_line)?,
        serde_json::to_vec(&r.headline)?,
        serde_json::to_vec(&r.subheadline)?,
        serde_json::to_vec(&r.dateline)?,
        Vec::new(), // BODY
        serde_json::to_vec(&r.people)?,
        serde_json::to_vec(&r.end_mark)?,
        serde_json::to_vec(&r.footnotes)?,
        serde_json::to_vec(&r.boilerplate)?,
        serde_json::to_vec(&r.contacts)?,
        serde_json::to_vec(&r.actions)?,
    ];
    Ok(fields)
}

/// Puts a release back together from its parts; `None` when a part does not decode.
pub fn join(fields: &[Vec<u8>], blocks: &[Vec<u8>]) -> Option<Release> {
    let body = blocks
        .iter()
        .map(|b| de::<Block>(b))
        .collect::<Option<Vec<_>>>()?;
    join_fields(fields, body)
}

fn de<T: DeserializeOwned>(b: &[u8]) -> Option<T> {
    serde_json::from_slice(b).ok()
}

/// [`join`] with the body already decoded.
pub fn join_fields(fields: &[Vec<u8>], body: Vec<Block>) -> Option<Release> {
    if fields.len() != FIELDS {
        return None;
    }
    Some(Release {
        meta: de(&fields[0])?,
        style: de(&fields[1])?,
        release_line: de(&fields[2])?,
        headline: de(&fields[3])?,
        subheadline: de(&fields[4])?,
        dateline: de(&fields[5])?,
        body,
        people: de(&fields[7])?,
        end_mark: de(&fields[8])?,
        footnotes: de(&fields[9])?,
        boilerplate: de(&fields[10])?,
        contacts: de(&fields[11])?,
        actions: de(&fields[12])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

    #[test]
    fn split_then_join_gives_the_release_without_store_meta() {
        let r: Release = serde_json::from_str(SEED).expect("seed parses");
        let parts = split(&r).expect("split");
        assert_eq!(parts.fields.len(), FIELDS);
        assert_eq!(parts.blocks.len(), r.body.len());
        let back = join(&parts.fields, &parts.blocks).expect("join");
        let mut expected = r.clone();
        expected.meta.created = None;
        expected.meta.updated = None;
        assert_eq!(back, expected);
    }

    #[test]
    fn meta_blob_does_not_depend_on_times() {
        let mut r: Release = serde_json::from_str(SEED).expect("seed parses");
        let a = split(&r).expect("split").fields[0].clone();
        r.meta.updated = None;
        r.meta.id = "x".into();
        assert_eq!(split(&r).expect("split").fields[0], a);
    }

    #[test]
    fn broken_parts_give_none() {
        let r: Release = serde_json::from_str(SEED).expect("seed parses");
        let mut parts = split(&r).expect("split");
        parts.fields[3] = b"{".to_vec();
        assert!(join(&parts.fields, &parts.blocks).is_none());
        assert!(join(&parts.fields[..3], &parts.blocks).is_none());
    }
}
