//! One sync round between a local store and the server: send the outbox, then
//! pull by cursor and append colleagues' revisions to the local history.
//!
//! A revision travels as a `revision` record whose body lists the blob hashes
//! of its fields and body blocks; the blocks themselves are uploaded first, and
//! only those the server lacks, so a one-word edit uploads one block. Every
//! step can be cut short and repeated: records are idempotent by id, a revision
//! is marked sent only once acknowledged, and the cursor is saved only after
//! what it covers has been applied.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::Utc;
use dateline_store::{
    DecodedBlocks, OutgoingRevision, PreparedRevision, RemoteRevision, SqliteStore,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::client::{Client, SyncError};
use crate::wire::{blob_hash, PullResponse, Record, RecordKind, StoredRecord};

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
///
/// Pipelined: a second thread fetches the next page and its blocks while
/// this one writes the current page into the store, so the network, the
/// server and the JSON parsing overlap with SQLite. Pages are still applied
/// in order, each in one transaction, and the cursor moves only after its
/// page committed; an error on either side ends the pull with the cursor at
/// the last page applied.
pub fn pull(store: &SqliteStore, client: &Client, report: &mut Report) -> Result<(), SyncError> {
    let start: i64 = store
        .sync_setting("cursor")?
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    std::thread::scope(|scope| {
        // One page fetched ahead: the fetcher blocks until it is taken.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Fetched, SyncError>>(1);
        scope.spawn(move || fetch_pages(store, client, start, &tx));
        // Ends when the fetcher does: after the last page, or on its error.
        for fetched in rx {
            let Fetched { page, revisions } = fetched?;
            let more = page.more;
            apply_pulled(store, &page, &revisions, report)?;
            if !more {
                break;
            }
        }
        Ok(())
    })
}

/// A pulled page, and its revisions not yet in this history with their
/// content, decoded and checked.
struct Fetched {
    page: PullResponse,
    revisions: Vec<PreparedRevision>,
}

/// The fetching side of [`pull`]: pages after `cursor` with the content of
/// their new revisions, each sent as soon as it is ready, until the last page
/// or an error (the error is sent too) or until the applying side stops
/// listening. Decoding happens here, while the other side writes the page before.
fn fetch_pages(
    store: &SqliteStore,
    client: &Client,
    mut cursor: i64,
    tx: &std::sync::mpsc::SyncSender<Result<Fetched, SyncError>>,
) {
    // Blocks fetched by this pull: later revisions share most of them.
    let mut cache: HashMap<String, Vec<u8>> = HashMap::new();
    let mut decoded = DecodedBlocks::default();
    loop {
        let next = client
            .pull(cursor, PULL_PAGE)
            .and_then(|page| prepare_page(store, client, page, &mut cache, &mut decoded));
        let (more, failed) = match &next {
            Ok(f) => {
                cursor = f.page.cursor;
                (f.page.more, false)
            }
            Err(_) => (false, true),
        };
        if tx.send(next).is_err() || !more || failed {
            return;
        }
    }
}

/// The new revisions of `page` with their content: the blocks not fetched
/// yet are asked for in bulk, the rest come from `cache`.
fn prepare_page(
    store: &SqliteStore,
    client: &Client,
    page: PullResponse,
    cache: &mut HashMap<String, Vec<u8>>,
    decoded: &mut DecodedBlocks,
) -> Result<Fetched, SyncError> {
    let ids: Vec<String> = page
        .records
        .iter()
        .filter(|r| r.record.kind == RecordKind::Revision)
        .map(|r| r.record.id.hyphenated().to_string())
        .collect();
    let known = store.sync_known_ids(&ids)?;
    let new: Vec<&StoredRecord> = page
        .records
        .iter()
        .filter(|r| r.record.kind == RecordKind::Revision)
        .filter(|r| !known.contains(&r.record.id.hyphenated().to_string()))
        .collect();
    let mut asked: HashSet<&String> = HashSet::new();
    let want: Vec<String> = new
        .iter()
        .flat_map(|r| &r.record.blobs)
        .filter(|h| !cache.contains_key(*h) && asked.insert(h))
        .cloned()
        .collect();
    if !want.is_empty() {
        cache.extend(client.get_blobs(&want)?);
    }
    let mut revisions = Vec::with_capacity(new.len());
    for r in new {
        let rev = remote(client, r, cache)?;
        revisions.push(PreparedRevision::with_blocks(rev, decoded)?);
    }
    Ok(Fetched { page, revisions })
}

/// Writes one pulled page into the store: its new revisions in one
/// transaction, all or none, then merges, review records, and the cursor.
fn apply_pulled(
    store: &SqliteStore,
    page: &PullResponse,
    revisions: &[PreparedRevision],
    report: &mut Report,
) -> Result<(), SyncError> {
    report.pulled += page.records.len();
    let mut touched: BTreeSet<String> = BTreeSet::new();
    let applied = store.sync_apply_prepared(revisions)?;
    for (rev, number) in revisions.iter().zip(applied) {
        if let Some(number) = number {
            // 0: a merge revision, kept in the revision graph only.
            if number > 0 {
                report.applied += 1;
            }
            touched.insert(rev.revision().release_id.clone());
        }
    }
    // Merge first: a colleague's comment may be on the merge of these revisions.
    report.merged += merge_tips(store, &touched)?;
    crate::review::apply_page(store, &page.records, report)?;
    store.set_sync_setting("cursor", Some(&page.cursor.to_string()))?;
    store.set_sync_setting("last_sync", Some(&Utc::now().to_rfc3339()))?;
    Ok(())
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

/// A pulled revision record as the store takes it, its content from the
/// cache (or fetched).
fn remote(
    client: &Client,
    r: &StoredRecord,
    cache: &mut HashMap<String, Vec<u8>>,
) -> Result<RemoteRevision, SyncError> {
    let id = r.record.id.hyphenated().to_string();
    let body = RevisionBody::deserialize(&r.record.body)
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
    Ok(RemoteRevision {
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
    })
}
