//! Writing a release as content-addressed blobs plus a manifest, and reading it back.
//!
//! A blob is looked up by its hash before it is written, so a part that any
//! earlier revision already stored costs nothing. The hash → row id mapping of
//! committed blobs never changes (blobs are immutable), so the store keeps a
//! cache of it in memory and a save of a small edit runs only a handful of
//! statements.

use std::collections::HashMap;

use dateline_core::Release;
use rusqlite::{params, Connection, OptionalExtension};

use crate::codec::{self, Kind, HASH_LEN};
use crate::parts::{self, Parts, BODY, FIELDS, MANIFEST_FORMAT};
use crate::StoreError;

/// Content address of a blob.
pub type Hash = [u8; HASH_LEN];

/// Committed blobs known to this connection (hash → row id), and the compressor.
#[derive(Default)]
pub struct KnownBlobs {
    map: HashMap<Hash, i64>,
    packer: codec::Packer,
}

/// Above this many entries the cache starts over (memory stays bounded).
const MAX_KNOWN: usize = 200_000;

impl KnownBlobs {
    /// Remembers blobs of a committed transaction.
    pub fn extend(&mut self, pending: Vec<(Hash, i64)>) {
        if self.map.len() + pending.len() > MAX_KNOWN {
            self.map.clear();
        }
        self.map.extend(pending);
    }
}

/// Stores the blobs of `parts` that are new and returns the revision manifest:
/// a format byte, then the blob ids (varints) of the 12 fields other than the
/// body, then of the body's blocks in order. The body list lives in the
/// manifest rather than in a blob of its own because nearly every edit changes it.
/// Blobs looked up or written here are added to `pending` (for the cache once
/// the transaction commits).
pub fn store_parts(
    conn: &Connection,
    known: &mut KnownBlobs,
    pending: &mut Vec<(Hash, i64)>,
    parts: &Parts,
) -> Result<Vec<u8>, StoreError> {
    store_hashed_parts(conn, known, pending, parts, &hash_parts(parts))
}

/// The parts that go into blobs, in manifest order.
fn stored_parts(parts: &Parts) -> impl Iterator<Item = &Vec<u8>> {
    let fields = parts.fields.iter().enumerate().filter(|(i, _)| *i != BODY);
    fields.map(|(_, f)| f).chain(&parts.blocks)
}

/// The content address of each part [`store_parts`] stores, in its order
/// (computed ahead of the write, off the store's lock).
pub fn hash_parts(parts: &Parts) -> Vec<Hash> {
    stored_parts(parts)
        .map(|bytes| codec::hash(Kind::Json, bytes))
        .collect()
}

/// [`store_parts`] with the hashes of [`hash_parts`] given.
pub fn store_hashed_parts(
    conn: &Connection,
    known: &mut KnownBlobs,
    pending: &mut Vec<(Hash, i64)>,
    parts: &Parts,
    hashes: &[Hash],
) -> Result<Vec<u8>, StoreError> {
    let mut manifest = Vec::with_capacity(1 + FIELDS * 3 + parts.blocks.len() * 3);
    manifest.push(MANIFEST_FORMAT);
    for (bytes, h) in stored_parts(parts).zip(hashes) {
        let id = blob_id(conn, known, pending, *h, bytes)?;
        codec::put_varint(&mut manifest, u64::try_from(id).unwrap_or(0));
    }
    Ok(manifest)
}

/// The row id of the blob holding `bytes` (hash `h`), inserting it when it is new.
fn blob_id(
    conn: &Connection,
    known: &mut KnownBlobs,
    pending: &mut Vec<(Hash, i64)>,
    h: Hash,
    bytes: &[u8],
) -> Result<i64, StoreError> {
    if let Some(&id) = known.map.get(&h) {
        return Ok(id);
    }
    let found: Option<i64> = conn
        .prepare_cached("SELECT id FROM blobs WHERE hash = ?1")?
        .query_row([&h[..]], |r| r.get(0))
        .optional()?;
    let id = match found {
        Some(id) => id,
        None => {
            let (codec, data) = known.packer.pack(bytes);
            conn.prepare_cached("INSERT INTO blobs (hash, codec, data) VALUES (?1, ?2, ?3)")?
                .execute(params![&h[..], codec, data])?;
            conn.last_insert_rowid()
        }
    };
    pending.push((h, id));
    Ok(id)
}

/// The release a manifest describes (without `meta.id`, `created`, `updated`).
pub fn read_release(conn: &Connection, manifest: &[u8], path: &str) -> Result<Release, StoreError> {
    let corrupt = || StoreError::corrupt(path);
    let (format, rest) = manifest.split_first().ok_or_else(corrupt)?;
    if *format != MANIFEST_FORMAT {
        return Err(corrupt());
    }
    let ids = codec::read_varints(rest).ok_or_else(corrupt)?;
    if ids.len() < FIELDS - 1 {
        return Err(corrupt());
    }
    let (field_ids, block_ids) = ids.split_at(FIELDS - 1);
    let mut fields = Vec::with_capacity(FIELDS);
    for &id in field_ids {
        if fields.len() == BODY {
            fields.push(Vec::new());
        }
        fields.push(read_blob(conn, id, path)?);
    }
    let blocks = block_ids
        .iter()
        .map(|&id| read_blob(conn, id, path))
        .collect::<Result<Vec<_>, _>>()?;
    parts::join(&fields, &blocks).ok_or_else(corrupt)
}

/// The uncompressed bytes of blob `id`.
fn read_blob(conn: &Connection, id: i64, path: &str) -> Result<Vec<u8>, StoreError> {
    let row: Option<(i64, Vec<u8>)> = conn
        .prepare_cached("SELECT codec, data FROM blobs WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .map_err(|e| StoreError::from_sqlite(e, path))?;
    let (codec, data) = row.ok_or_else(|| StoreError::corrupt(path))?;
    codec::unpack(codec, data).ok_or_else(|| StoreError::corrupt(path))
}
