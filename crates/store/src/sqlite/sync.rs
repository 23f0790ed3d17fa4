//! The local side of syncing with a team server: settings, the outbox of
//! revisions not yet acknowledged, and revisions pulled from colleagues.
//!
//! Every local revision gets a global record id (UUID v7) the first time the
//! outbox is read; the server stores records idempotently by that id, so a
//! push that was cut short is simply sent again. A pulled revision is appended
//! to the local history as a new revision (author and time from its author,
//! the message saying whose it is), never replacing one: when two people save
//! on the same base revision, both revisions stay in every history.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::SqliteStore;
use crate::{parts, SaveMeta, StoreError};

/// A local revision waiting to be sent.
#[derive(Debug, Clone)]
pub struct OutgoingRevision {
    /// Its global id.
    pub record_id: String,
    /// The record id of the revision before it in this history, if any.
    pub base: Option<String>,
    /// The release's id.
    pub release_id: String,
    /// Its local number.
    pub number: u32,
    /// Who saved it.
    pub author: String,
    /// When.
    pub created: DateTime<Utc>,
    /// Its message, if any.
    pub message: Option<String>,
    /// Its checkpoint name, if any.
    pub name: Option<String>,
    /// The top-level fields as JSON parts (the body's slot is empty), in manifest order.
    pub fields: Vec<Vec<u8>>,
    /// The body blocks as JSON parts, in order.
    pub blocks: Vec<Vec<u8>>,
    /// For a merge revision, the revisions it merges (sorted); else empty.
    pub parents: Vec<String>,
    /// The conflicts it resolves (`MERGE_RECORD#PATH`).
    pub resolves: Vec<String>,
}

/// A colleague's revision pulled from the server.
#[derive(Debug, Clone)]
pub struct RemoteRevision {
    /// Its global id.
    pub record_id: String,
    /// The release's id.
    pub release_id: String,
    /// Who saved it.
    pub author: String,
    /// Who pushed it (the server's word).
    pub pushed_by: String,
    /// Its number in its author's history.
    pub number: u32,
    /// Its message, if any.
    pub message: Option<String>,
    /// The top-level field parts, as in [`OutgoingRevision::fields`].
    pub fields: Vec<Vec<u8>>,
    /// The body block parts.
    pub blocks: Vec<Vec<u8>>,
    /// When its author saved it (the record's time).
    pub created: DateTime<Utc>,
    /// The record id of the revision it was saved (or merged) on, if any.
    pub base: Option<String>,
    /// For a merge revision, the revisions it merges (else empty: the parent is `base`).
    pub parents: Vec<String>,
    /// The conflicts it resolves (`MERGE_RECORD#PATH`).
    pub resolves: Vec<String>,
}

impl SqliteStore {
    /// A sync setting (`url`, `token`, `user`, `cursor`).
    pub fn sync_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let inner = self.lock();
        inner
            .conn
            .query_row("SELECT value FROM sync_state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sq(e))
    }

    /// Sets (or with `None` removes) a sync setting.
    pub fn set_sync_setting(&self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        let inner = self.lock();
        let r = match value {
            Some(v) => inner.conn.execute(
                "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            ),
            None => inner
                .conn
                .execute("DELETE FROM sync_state WHERE key = ?1", [key]),
        };
        r.map(|_| ()).map_err(|e| self.sq(e))
    }

    /// Up to `limit` revisions not yet acknowledged by the server, oldest
    /// first; gives each its record id the first time.
    pub fn sync_outbox(&self, limit: usize) -> Result<Vec<OutgoingRevision>, StoreError> {
        let mut guard = self.lock();
        let tx = guard
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        // Revisions saved since the last look get their ids, in history order.
        let fresh: Vec<(i64, i64)> = tx
            .prepare(
                "SELECT v.release, v.number FROM revisions v
                  WHERE NOT EXISTS (SELECT 1 FROM sync_revisions s
                                     WHERE s.release = v.release AND s.number = v.number)
                  ORDER BY v.created, v.release, v.number",
            )
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()
            })
            .map_err(|e| self.sq(e))?;
        for (rel, number) in fresh {
            let id = uuid::Uuid::now_v7().hyphenated().to_string();
            tx.execute(
                "INSERT INTO sync_revisions (release, number, record_id) VALUES (?1, ?2, ?3)",
                params![rel, number, id],
            )
            .map_err(|e| self.sq(e))?;
        }
        type Pending = (
            String,
            String,
            i64,
            i64,
            String,
            Option<String>,
            Option<String>,
            Vec<u8>,
            Option<String>,
        );
        let rows: Vec<Pending> = tx
            .prepare(
                "SELECT s.record_id, r.uuid, v.number, v.created, v.author, v.message, v.name,
                        v.manifest,
                        (SELECT p.record_id FROM sync_revisions p
                          WHERE p.release = v.release AND p.number = v.number - 1)
                   FROM sync_revisions s
                   JOIN revisions v ON v.release = s.release AND v.number = s.number
                   JOIN releases r ON r.id = s.release
                  WHERE s.sent = 0
                  ORDER BY v.created, v.release, v.number
                  LIMIT ?1",
            )
            .and_then(|mut s| {
                s.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ))
                })?
                .collect::<Result<_, _>>()
            })
            .map_err(|e| self.sq(e))?;
        let mut out = Vec::with_capacity(rows.len());
        for (record_id, release_id, number, created, author, message, name, manifest, base) in rows
        {
            let release = crate::blobs::read_release(&tx, &manifest, &self.shown)?;
            let p = parts::split(&release).map_err(|_| self.corrupt())?;
            let mut rev = OutgoingRevision {
                record_id,
                base,
                release_id,
                number: self.number(number)?,
                author,
                created: self.time(created)?,
                message,
                name,
                fields: p.fields,
                blocks: p.blocks,
                parents: Vec::new(),
                resolves: Vec::new(),
            };
            self.graph_outgoing(&tx, &mut rev)?;
            out.push(rev);
        }
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(out)
    }

    /// Marks revisions as acknowledged by the server.
    pub fn sync_mark_sent(&self, record_ids: &[String]) -> Result<(), StoreError> {
        let mut guard = self.lock();
        let tx = guard.conn.transaction().map_err(|e| self.sq(e))?;
        for id in record_ids {
            tx.execute(
                "UPDATE sync_revisions SET sent = 1 WHERE record_id = ?1",
                [id],
            )
            .map_err(|e| self.sq(e))?;
        }
        tx.commit().map_err(|e| self.sq(e))
    }

    /// Whether a record id is already in this history (sent from here or pulled).
    pub fn sync_knows(&self, record_id: &str) -> Result<bool, StoreError> {
        let inner = self.lock();
        inner
            .conn
            .query_row(
                "SELECT 1 FROM sync_revisions WHERE record_id = ?1
                 UNION ALL SELECT 1 FROM sync_graph WHERE record_id = ?1 LIMIT 1",
                [record_id],
                |_| Ok(()),
            )
            .optional()
            .map(|o| o.is_some())
            .map_err(|e| self.sq(e))
    }

    /// Which of `record_ids` are already in this history. For a file this
    /// reads on the store's second connection, as of the last commit, so a
    /// sync preparing its next page does not wait for the page being written
    /// (a record applied meanwhile is found again by the write itself).
    pub fn sync_known_ids(
        &self,
        record_ids: &[String],
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        const KNOWN: &str = "SELECT value FROM json_each(?1)
             WHERE EXISTS (SELECT 1 FROM sync_revisions WHERE record_id = value)
                OR EXISTS (SELECT 1 FROM sync_graph WHERE record_id = value)";
        let ids = serde_json::to_string(record_ids)
            .map_err(|e| StoreError::invalid("", e.to_string()))?;
        let read = |conn: &rusqlite::Connection| {
            conn.prepare_cached(KNOWN)
                .and_then(|mut q| q.query_map([&ids], |r| r.get(0))?.collect())
                .map_err(|e| self.sq(e))
        };
        let Some(file) = &self.file else {
            return read(&self.lock().conn);
        };
        let mut reader = self.reader.lock().unwrap_or_else(|e| e.into_inner());
        if reader.is_none() {
            *reader = Some(crate::schema::open_file_read_only(file)?.conn);
        }
        match reader.as_ref() {
            Some(conn) => read(conn),
            None => read(&self.lock().conn),
        }
    }

    /// Appends a colleague's revision to the local history (creating the
    /// release under its id if it is new here); returns the local revision
    /// number, or `None` if this record is already here. A merge revision
    /// (several parents) is recorded in the revision graph only and gives
    /// `Some(0)`: [`SqliteStore::sync_merge_tips`] brings the current merge
    /// into the history.
    pub fn sync_apply(&self, rev: &RemoteRevision) -> Result<Option<u32>, StoreError> {
        let mut applied = self.sync_apply_page(std::slice::from_ref(rev))?;
        Ok(applied.pop().flatten())
    }

    /// [`SqliteStore::sync_apply`] for a whole pulled page, in order, in ONE
    /// transaction: every revision of the page is in the history afterwards,
    /// or (on any error) none of them. Returns what `sync_apply` would have
    /// returned for each. The search index of a release is written once, from
    /// its latest revision of the page, rather than once per revision.
    pub fn sync_apply_page(&self, revs: &[RemoteRevision]) -> Result<Vec<Option<u32>>, StoreError> {
        let prepared = revs
            .iter()
            .map(|r| PreparedRevision::new(r.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        self.sync_apply_prepared(&prepared)
    }

    /// [`SqliteStore::sync_apply_page`] for revisions already prepared (see
    /// [`PreparedRevision`]): only the writing is left, under the store's lock.
    pub fn sync_apply_prepared(
        &self,
        revs: &[PreparedRevision],
    ) -> Result<Vec<Option<u32>>, StoreError> {
        self.writable()?;
        let mut guard = self.lock();
        let super::Inner { conn, known } = &mut *guard;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        let mut pending = Vec::new();
        let mut out = Vec::with_capacity(revs.len());
        // Release row → (head, content) of its latest revision in this page.
        let mut search: std::collections::BTreeMap<i64, (u32, &dateline_core::Release)> =
            std::collections::BTreeMap::new();
        for PreparedRevision { rev, content } in revs {
            let known_id = tx
                .prepare_cached(
                    "SELECT 1 FROM sync_revisions WHERE record_id = ?1
                     UNION ALL SELECT 1 FROM sync_graph WHERE record_id = ?1 LIMIT 1",
                )
                .and_then(|mut q| q.query_row([&rev.record_id], |_| Ok(())).optional())
                .map_err(|e| self.sq(e))?;
            if known_id.is_some() {
                out.push(None);
                continue;
            }
            let Some(Decoded {
                release,
                parts,
                hashes,
            }) = content
            else {
                // A merge revision: into the revision graph only (its content
                // is derived from its parents; see `graph::record_pulled`).
                let rel = self.row(&tx, &rev.release_id)?.id;
                self.record_pulled(&tx, rel, rev)?;
                out.push(Some(0));
                continue;
            };
            let m = SaveMeta {
                author: rev.author.clone(),
                message: Some(match &rev.message {
                    Some(msg) => format!("{msg} (revision {} of {})", rev.number, rev.pushed_by),
                    None => format!("revision {} of {}", rev.number, rev.pushed_by),
                }),
                name: None,
            };
            let now = super::now_micros();
            let existing: Option<i64> = tx
                .prepare_cached("SELECT id FROM releases WHERE uuid = ?1")
                .and_then(|mut q| q.query_row([&rev.release_id], |r| r.get(0)).optional())
                .map_err(|e| self.sq(e))?;
            let rel = match existing {
                Some(id) => id,
                None => {
                    tx.prepare_cached("INSERT INTO releases (uuid, created) VALUES (?1, ?2)")
                        .and_then(|mut q| q.execute(params![rev.release_id, now]))
                        .map_err(|e| self.sq(e))?;
                    tx.last_insert_rowid()
                }
            };
            let manifest =
                crate::blobs::store_hashed_parts(&tx, known, &mut pending, parts, hashes)
                    .map_err(|e| self.retag(e))?;
            // A colleague's revision never drops this user's unsaved edits:
            // saving them later merges them with it (see `graph`).
            let number =
                self.append_revision(&tx, rel, &manifest, release, &m, None, now, false, false)?;
            tx.prepare_cached(
                "INSERT INTO sync_revisions (release, number, record_id, sent, origin)
                 VALUES (?1, ?2, ?3, 1, ?4)",
            )
            .and_then(|mut q| q.execute(params![rel, number, rev.record_id, rev.pushed_by]))
            .map_err(|e| self.sq(e))?;
            self.record_pulled(&tx, rel, rev)?;
            search.insert(rel, (number, release));
            out.push(Some(number));
        }
        let search: Vec<_> = search
            .into_iter()
            .map(|(rel, (head, release))| (rel, i64::from(head), release))
            .collect();
        crate::listing::write_searches(&tx, &search)?;
        // One transaction: the revisions and their record ids, or none (else a
        // crash in between would send a colleague's revision back as ours).
        tx.commit().map_err(|e| self.sq(e))?;
        known.extend(pending);
        Ok(out)
    }
}

/// A pulled revision decoded, checked and cut into the store's parts, each
/// part hashed: everything [`SqliteStore::sync_apply_prepared`] needs that
/// takes no store, so a sync can prepare one page while it writes the last.
pub struct PreparedRevision {
    rev: RemoteRevision,
    /// `None` for a merge revision (its content is derived from its parents).
    content: Option<Decoded>,
}

struct Decoded {
    release: dateline_core::Release,
    parts: parts::Parts,
    hashes: Vec<crate::blobs::Hash>,
}

impl PreparedRevision {
    /// Decodes and checks `rev`'s content; an error names the revision.
    pub fn new(rev: RemoteRevision) -> Result<Self, StoreError> {
        Self::with_blocks(rev, &mut DecodedBlocks::default())
    }

    /// [`PreparedRevision::new`], taking the blocks it has decoded before from
    /// `seen` (and adding the new ones).
    pub fn with_blocks(rev: RemoteRevision, seen: &mut DecodedBlocks) -> Result<Self, StoreError> {
        let content = if rev.parents.len() > 1 {
            None
        } else {
            Some(decode(&rev, seen)?)
        };
        Ok(Self { rev, content })
    }

    /// The revision as pulled.
    pub fn revision(&self) -> &RemoteRevision {
        &self.rev
    }
}

/// Body blocks a pull has decoded, by the hash of their bytes as pulled: a
/// revision shares all but a few blocks with the one before it, so most are
/// decoded, checked for their canonical form and hashed once per pull.
#[derive(Default)]
pub struct DecodedBlocks {
    map: std::collections::HashMap<crate::blobs::Hash, DecodedBlock>,
}

#[derive(Clone)]
struct DecodedBlock {
    block: dateline_core::Block,
    /// Its bytes as the store writes them, and their hash.
    bytes: Vec<u8>,
    hash: crate::blobs::Hash,
}

/// Above this many blocks the memory of decoded blocks starts over.
const MAX_DECODED: usize = 20_000;

impl DecodedBlocks {
    fn get(&mut self, pulled: &[u8]) -> Option<DecodedBlock> {
        let key = crate::codec::hash(crate::codec::Kind::Json, pulled);
        if let Some(d) = self.map.get(&key) {
            return Some(d.clone());
        }
        let block: dateline_core::Block = serde_json::from_slice(pulled).ok()?;
        let bytes = serde_json::to_vec(&block).ok()?;
        let hash = crate::codec::hash(crate::codec::Kind::Json, &bytes);
        let d = DecodedBlock { block, bytes, hash };
        if self.map.len() >= MAX_DECODED {
            self.map.clear();
        }
        self.map.insert(key, d.clone());
        Some(d)
    }
}

/// A pulled revision's content, checked, and its parts as the store cuts
/// them (the body's blocks from `seen` where it has them), each hashed.
fn decode(rev: &RemoteRevision, seen: &mut DecodedBlocks) -> Result<Decoded, StoreError> {
    let bad = || {
        StoreError::invalid(
            "",
            format!("revision {} from the server does not decode", rev.record_id),
        )
    };
    let blocks = rev
        .blocks
        .iter()
        .map(|b| seen.get(b).ok_or_else(bad))
        .collect::<Result<Vec<_>, _>>()?;
    let body = blocks.iter().map(|d| d.block.clone()).collect();
    let release = parts::join_fields(&rev.fields, body).ok_or_else(bad)?;
    release
        .check()
        .map_err(|e| StoreError::InvalidRelease(e.problems().to_vec()))?;
    let fields =
        parts::split_fields(&release).map_err(|e| StoreError::invalid("", e.to_string()))?;
    let mut parts = parts::Parts {
        fields,
        blocks: Vec::new(),
    };
    let mut hashes = crate::blobs::hash_parts(&parts);
    hashes.extend(blocks.iter().map(|d| d.hash));
    parts.blocks = blocks.into_iter().map(|d| d.bytes).collect();
    Ok(Decoded {
        release,
        parts,
        hashes,
    })
}

impl SqliteStore {
    /// A merge revision goes out with its parents, its base (the common
    /// ancestor), its derived time and no author's number, so every client
    /// sends the same record; any revision lists the conflicts it resolves.
    fn graph_outgoing(
        &self,
        conn: &rusqlite::Connection,
        rev: &mut OutgoingRevision,
    ) -> Result<(), StoreError> {
        let (merge, resolves) = self.outgoing_graph(conn, &rev.record_id)?;
        if let Some((base, created, parents)) = merge {
            rev.base = base;
            rev.created = self.time(created)?;
            rev.parents = parents;
            rev.number = 0;
        }
        rev.resolves = resolves;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../../examples/un-expert-khakimova.json");

    fn pulled(blocks: Vec<Vec<u8>>) -> RemoteRevision {
        let r: dateline_core::Release = serde_json::from_str(SEED).expect("seed parses");
        let p = parts::split(&r).expect("split");
        RemoteRevision {
            record_id: "r".into(),
            release_id: "x".into(),
            author: "a".into(),
            pushed_by: "a".into(),
            number: 1,
            message: None,
            fields: p.fields,
            blocks,
            created: Utc::now(),
            base: None,
            parents: Vec::new(),
            resolves: Vec::new(),
        }
    }

    fn content(p: &PreparedRevision) -> (&parts::Parts, &[crate::blobs::Hash]) {
        let d = p.content.as_ref().expect("decoded");
        (&d.parts, &d.hashes)
    }

    #[test]
    fn blocks_decoded_before_give_what_a_fresh_decode_gives_in_canonical_form() {
        let r: dateline_core::Release = serde_json::from_str(SEED).expect("seed parses");
        let canonical = parts::split(&r).expect("split");
        // As another client might send them: the same JSON, spaced out.
        let spaced: Vec<Vec<u8>> = canonical
            .blocks
            .iter()
            .map(|b| {
                let v: serde_json::Value = serde_json::from_slice(b).expect("json");
                serde_json::to_vec_pretty(&v).expect("json")
            })
            .collect();
        let fresh = PreparedRevision::new(pulled(spaced.clone())).expect("decodes");
        let mut seen = DecodedBlocks::default();
        let first = PreparedRevision::with_blocks(pulled(spaced.clone()), &mut seen).expect("ok");
        let again = PreparedRevision::with_blocks(pulled(spaced), &mut seen).expect("ok");
        assert_eq!(seen.map.len(), canonical.blocks.len());
        for p in [&first, &again] {
            assert_eq!(content(p).0.blocks, canonical.blocks);
            assert_eq!(content(p).0.fields, content(&fresh).0.fields);
            assert_eq!(content(p).1, content(&fresh).1);
        }
        assert_eq!(
            content(&fresh).1,
            crate::blobs::hash_parts(&canonical).as_slice()
        );
        // A block that does not decode fails the revision, remembered or not.
        let mut broken = canonical.blocks.clone();
        broken[0] = b"{".to_vec();
        assert!(PreparedRevision::with_blocks(pulled(broken), &mut seen).is_err());
    }
}
