//! One sync round between a local store and the server: send the outbox, then
//! pull by cursor and append colleagues' revisions to the local history.
//!
//! A revision travels as a `revision` record whose body lists the blob hashes
//! of its fields and body blocks; the blocks themselves are uploaded first, and
//! only those the server lacks, so a one-word edit uploads one block. Every
//! step can be cut short and repeated: records are idempotent by id, a revision
//! is marked sent only once acknowledged, and the cursor is saved only after
//! what it covers has been applied.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Utc;
use dateline_store::{OutgoingRevision, RemoteRevision, SqliteStore};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::client::{Client, SyncError};
use crate::wire::{blob_hash, Record, RecordKind, StoredRecord};

/// Revisions sent per push.
const PUSH_BATCH: usize = 200;
/// Blob bytes carried inside one push (base64 makes them a third larger; the
/// server takes request bodies up to 4 MiB).
const INLINE_BUDGET: usize = 2 * 1024 * 1024;
/// Records asked for per pull.
const PULL_PAGE: u32 = 1000;

/// The body of a `revision` record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RevisionBody {
    /// The revision's number in its author's history.
    pub number: u32,
    /// The record id of the revision it was saved on top of, if any.
    pub base: Option<Uuid>,
    /// Its message.
    #[serde(default)]
    pub message: Option<String>,
    /// Its checkpoint name.
    #[serde(default)]
    pub name: Option<String>,
    /// Blob hashes of the top-level fields, in the store's manifest order.
    pub fields: Vec<String>,
    /// Blob hashes of the body blocks, in order.
    pub blocks: Vec<String>,
    /// For a merge revision, the record ids of the revisions it merges
    /// (sorted); absent otherwise, the parent being `base`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<Uuid>,
    /// The merge conflicts this revision settles (`MERGE_RECORD#PATH`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolves: Vec<String>,
}

/// What a sync round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Local revisions the server acknowledged.
    pub pushed: usize,
    /// Blobs uploaded (the others were already there).
    pub uploaded_blobs: usize,
    /// Blob bytes uploaded.
    pub uploaded_bytes: usize,
    /// Records pulled.
    pub pulled: usize,
    /// Colleagues' revisions added to the local history.
    pub applied: usize,
    /// Local review records (comments, approvals…) the server acknowledged.
    pub review_pushed: usize,
    /// Colleagues' review records added to the local store.
    pub review_applied: usize,
    /// Local review records the server refused for good, with its reasons.
    pub refused: Vec<dateline_store::RefusedRecord>,
    /// Merge revisions made because a release had several tips.
    pub merged: usize,
}

fn bad_id(s: &str) -> SyncError {
    SyncError::Protocol(format!("“{s}” is not a record id"))
}

/// Sends the outbox (revisions, then review records), then pulls everything
/// new. Safe to repeat after any failure.
pub fn sync(store: &SqliteStore, client: &Client) -> Result<Report, SyncError> {
    let mut report = Report::default();
    push_outbox(store, client, &mut report)?;
    crate::review::push(store, client, &mut report)?;
    pull(store, client, &mut report)?;
    Ok(report)
}

/// Sends every unacknowledged local revision.
pub fn push_outbox(
    store: &SqliteStore,
    client: &Client,
    report: &mut Report,
) -> Result<(), SyncError> {
    loop {
        let out = store.sync_outbox(PUSH_BATCH)?;
        if out.is_empty() {
            return Ok(());
        }
        let mut blobs: BTreeMap<String, &[u8]> = BTreeMap::new();
        let mut records = Vec::with_capacity(out.len());
        for rev in &out {
            records.push(to_record(rev, &mut blobs)?);
        }
        let hashes: Vec<String> = blobs.keys().cloned().collect();
        // Missing blocks travel inside the push (one request, one
        // transaction) up to a budget; any beyond it are uploaded first.
        let mut inline: Vec<&[u8]> = Vec::new();
        let mut inline_bytes = 0;
        for h in client.missing_blobs(&hashes)? {
            if let Some(bytes) = blobs.get(&h) {
                if inline_bytes + bytes.len() <= INLINE_BUDGET {
                    inline_bytes += bytes.len();
                    inline.push(bytes);
                } else {
                    client.put_blob(bytes)?;
                }
                report.uploaded_blobs += 1;
                report.uploaded_bytes += bytes.len();
            }
        }
        client.push_with_blobs(&records, &inline)?;
        let ids: Vec<String> = out.iter().map(|r| r.record_id.clone()).collect();
        store.sync_mark_sent(&ids)?;
        report.pushed += ids.len();
    }
}

fn to_record<'a>(
    rev: &'a OutgoingRevision,
    blobs: &mut BTreeMap<String, &'a [u8]>,
) -> Result<Record, SyncError> {
    let mut hash = |bytes: &'a Vec<u8>| {
        let h = blob_hash(bytes);
        blobs.insert(h.clone(), bytes.as_slice());
        h
    };
    let fields: Vec<String> = rev.fields.iter().map(&mut hash).collect();
    let blocks: Vec<String> = rev.blocks.iter().map(&mut hash).collect();
    let mut all: Vec<String> = fields.iter().chain(&blocks).cloned().collect();
    all.sort();
    all.dedup();
    let body = RevisionBody {
        number: rev.number,
        base: rev
            .base
            .as_deref()
            .map(|b| b.parse().map_err(|_| bad_id(b)))
            .transpose()?,
        message: rev.message.clone(),
        name: rev.name.clone(),
        fields,
        blocks,
        parents: rev
            .parents
            .iter()
            .map(|p| p.parse().map_err(|_| bad_id(p)))
            .collect::<Result<_, _>>()?,
        resolves: rev.resolves.clone(),
    };
    Ok(Record {
        id: rev.record_id.parse().map_err(|_| bad_id(&rev.record_id))?,
        release_id: rev
            .release_id
            .parse()
            .map_err(|_| bad_id(&rev.release_id))?,
        kind: RecordKind::Revision,
        author: rev.author.clone(),
        created: rev.created,
        revision: Some(rev.number),
        body: serde_json::to_value(body).map_err(|e| SyncError::Protocol(e.to_string()))?,
        blobs: all,
    })
}

/// Pulls every record after the saved cursor; appends colleagues' revisions.
pub fn pull(store: &SqliteStore, client: &Client, report: &mut Report) -> Result<(), SyncError> {
    let mut cursor: i64 = store
        .sync_setting("cursor")?
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let mut cache: HashMap<String, Vec<u8>> = HashMap::new();
    let mut touched: BTreeSet<String> = BTreeSet::new();
    loop {
        let page = client.pull(cursor, PULL_PAGE)?;
        report.pulled += page.records.len();
        prefetch(store, client, &page.records, &mut cache)?;
        // The page's new revisions go into the local history in one
        // transaction, all or none; the cursor moves only after it commits.
        let mut revs = Vec::new();
        for r in &page.records {
            if r.record.kind != RecordKind::Revision {
                continue;
            }
            if let Some(rev) = remote(store, client, r, &mut cache)? {
                revs.push(rev);
            }
        }
        let applied = store.sync_apply_page(&revs)?;
        for (rev, number) in revs.iter().zip(applied) {
            if let Some(number) = number {
                // 0: a merge revision, kept in the revision graph only.
                if number > 0 {
                    report.applied += 1;
                }
                touched.insert(rev.release_id.clone());
            }
        }
        // Merge first: a colleague's comment may be on the merge of these revisions.
        report.merged += merge_tips(store, &touched)?;
        touched.clear();
        crate::review::apply_page(store, &page.records, report)?;
        cursor = page.cursor;
        store.set_sync_setting("cursor", Some(&cursor.to_string()))?;
        store.set_sync_setting("last_sync", Some(&Utc::now().to_rfc3339()))?;
        if !page.more {
            return Ok(());
        }
    }
}

/// Merges the tips of every release a pull added revisions to: one merge
/// revision per release with several tips, the same record on every client
/// (see `dateline_store::graph`); it goes out with the next push.
pub fn merge_tips(store: &SqliteStore, releases: &BTreeSet<String>) -> Result<usize, SyncError> {
    let mut merged = 0;
    for id in releases {
        if store.sync_merge_tips(id)?.is_some() {
            merged += 1;
        }
    }
    Ok(merged)
}

/// Fetches, in bulk, the blocks of a page's new revisions that are not cached.
fn prefetch(
    store: &SqliteStore,
    client: &Client,
    records: &[StoredRecord],
    cache: &mut HashMap<String, Vec<u8>>,
) -> Result<(), SyncError> {
    let mut want: Vec<String> = Vec::new();
    let mut asked = std::collections::HashSet::new();
    for r in records {
        if r.record.kind != RecordKind::Revision
            || store.sync_knows(&r.record.id.hyphenated().to_string())?
        {
            continue;
        }
        for h in &r.record.blobs {
            if !cache.contains_key(h) && asked.insert(h.as_str()) {
                want.push(h.clone());
            }
        }
    }
    if !want.is_empty() {
        cache.extend(client.get_blobs(&want)?);
    }
    Ok(())
}

/// A pulled revision record as the store takes it, its content from the
/// cache (or fetched); `None` if the record is already in the local history.
fn remote(
    store: &SqliteStore,
    client: &Client,
    r: &StoredRecord,
    cache: &mut HashMap<String, Vec<u8>>,
) -> Result<Option<RemoteRevision>, SyncError> {
    let id = r.record.id.hyphenated().to_string();
    if store.sync_knows(&id)? {
        return Ok(None);
    }
    let body: RevisionBody = serde_json::from_value(r.record.body.clone())
        .map_err(|e| SyncError::Protocol(format!("revision {id}: {e}")))?;
    let mut fetch = |h: &String| -> Result<Vec<u8>, SyncError> {
        if let Some(b) = cache.get(h) {
            return Ok(b.clone());
        }
        let b = client.get_blob(h)?;
        cache.insert(h.clone(), b.clone());
        Ok(b)
    };
    // A merge revision's content is derived locally from its parents.
    let derived = body.parents.len() > 1;
    let fields = body
        .fields
        .iter()
        .filter(|_| !derived)
        .map(&mut fetch)
        .collect::<Result<_, _>>()?;
    let blocks = body
        .blocks
        .iter()
        .filter(|_| !derived)
        .map(&mut fetch)
        .collect::<Result<_, _>>()?;
    Ok(Some(RemoteRevision {
        record_id: id,
        release_id: r.record.release_id.hyphenated().to_string(),
        author: r.record.author.clone(),
        pushed_by: r.pushed_by.clone(),
        number: body.number,
        message: body.message,
        fields,
        blocks,
        created: r.record.created,
        base: body.base.map(|b| b.hyphenated().to_string()),
        parents: body
            .parents
            .iter()
            .map(|p| p.hyphenated().to_string())
            .collect(),
        resolves: body.resolves,
    }))
}
