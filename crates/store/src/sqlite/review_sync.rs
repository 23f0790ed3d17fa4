//! The local side of syncing review records (comments, approvals, state
//! changes…) with a team server: the outbox of records not yet acknowledged,
//! acknowledgements and refusals, and records pulled from colleagues.
//!
//! Records already carry a global id (UUID v7) from the moment they are
//! written, so they travel under it and are stored once everywhere. What
//! differs between machines is the revision number a record refers to (each
//! history numbers its revisions itself): the outbox names the revision by its
//! global id, and a pulled record gets the local number of that revision.

use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::SqliteStore;
use crate::{Record, StoreError};

/// The release id of workspace-wide records (the review crate's `WORKSPACE`).
const WORKSPACE: &str = "workspace";

/// A local record waiting to be sent.
#[derive(Debug, Clone, PartialEq)]
pub struct OutgoingRecord {
    /// The record, as stored here.
    pub record: Record,
    /// The global id of the revision it refers to (`record.revision` is a
    /// local number), when it refers to one this history has sent.
    pub revision_id: Option<String>,
}

/// A record pulled from the server.
#[derive(Debug, Clone, PartialEq)]
pub struct PulledRecord {
    /// The record; `record.revision` is the local number of the revision it
    /// refers to when this history already holds that revision.
    pub record: Record,
    /// The global id of the revision it refers to, if any. A revision this
    /// history does not hold yet (a merge made later in the same round) gets
    /// its local number when it arrives.
    pub revision_id: Option<String>,
}

/// A record the server refused for good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedRecord {
    /// The record's id.
    pub id: String,
    /// The server's code (`forbidden`, `release_approved`…).
    pub code: String,
    /// The server's sentence.
    pub message: String,
}

impl SqliteStore {
    /// Up to `limit` review records not yet acknowledged, in the order they
    /// were written, local profiles excepted. A record waits (with every later
    /// record of its release) while the revision it refers to is not
    /// acknowledged yet, so the server never sees a comment before its revision.
    pub fn review_outbox(&self, limit: usize) -> Result<Vec<OutgoingRecord>, StoreError> {
        type Raw = (
            String,
            String,
            String,
            String,
            i64,
            Option<i64>,
            String,
            Option<String>,
            Option<i64>,
            Option<i64>,
        );
        let raw: Vec<Raw> = {
            let inner = self.lock();
            inner
                .conn
                .prepare_cached(
                    "SELECT r.id, r.release_id, r.kind, r.author, r.created, r.revision, r.body,
                            s.record_id, s.sent, rel.id
                       FROM records r
                       LEFT JOIN releases rel ON rel.uuid = r.release_id
                       LEFT JOIN sync_revisions s ON s.release = rel.id AND s.number = r.revision
                      WHERE r.kind <> 'profile'
                        AND NOT EXISTS (SELECT 1 FROM sync_records k WHERE k.record_id = r.id)
                      ORDER BY r.seq",
                )
                .and_then(|mut s| {
                    s.query_map([], |r| {
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
                            r.get(9)?,
                        ))
                    })?
                    .collect()
                })
                .map_err(|e| self.sq(e))?
        };
        let mut held: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (id, release_id, kind, author, created, revision, body, rev_id, sent, rel) in raw {
            if out.len() >= limit {
                break;
            }
            if held.contains(&release_id) {
                continue;
            }
            // A record of a local release about a revision the server has not
            // acknowledged (or not yet been offered) waits for it.
            let waits = release_id != WORKSPACE
                && rel.is_some()
                && revision.is_some()
                && (rev_id.is_none() || sent != Some(1));
            if waits {
                held.insert(release_id);
                continue;
            }
            out.push(OutgoingRecord {
                record: Record {
                    id,
                    release_id,
                    kind,
                    author,
                    created: self.time(created)?,
                    revision: revision.map(|n| self.number(n)).transpose()?,
                    body: serde_json::from_str(&body).map_err(|_| self.corrupt())?,
                },
                revision_id: rev_id,
            });
        }
        Ok(out)
    }

    /// Marks records as acknowledged by the server.
    pub fn review_mark_sent(&self, ids: &[String]) -> Result<(), StoreError> {
        let mut guard = self.lock();
        let tx = guard
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        for id in ids {
            tx.execute(
                "INSERT OR IGNORE INTO sync_records (record_id, state) VALUES (?1, 1)",
                [id],
            )
            .map_err(|e| self.sq(e))?;
        }
        tx.commit().map_err(|e| self.sq(e))
    }

    /// Marks a record as refused for good by the server, with its reason: it
    /// is no longer sent, and no longer read (see [`crate::Store::records`]).
    pub fn review_mark_refused(&self, r: &RefusedRecord) -> Result<(), StoreError> {
        let inner = self.lock();
        inner
            .conn
            .execute(
                "INSERT OR IGNORE INTO sync_records (record_id, state, code, message)
                 VALUES (?1, 2, ?2, ?3)",
                params![r.id, r.code, r.message],
            )
            .map(|_| ())
            .map_err(|e| self.sq(e))
    }

    /// Every record the server refused, with its reason (oldest first).
    pub fn review_refused(&self) -> Result<Vec<RefusedRecord>, StoreError> {
        let inner = self.lock();
        inner
            .conn
            .prepare_cached(
                "SELECT k.record_id, coalesce(k.code, ''), coalesce(k.message, '')
                   FROM sync_records k JOIN records r ON r.id = k.record_id
                  WHERE k.state = 2 ORDER BY r.seq",
            )
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(RefusedRecord {
                        id: r.get(0)?,
                        code: r.get(1)?,
                        message: r.get(2)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.sq(e))
    }

    /// The local number of the revision whose global id is `revision_id`, if
    /// this history holds it.
    pub fn revision_number(&self, revision_id: &str) -> Result<Option<u32>, StoreError> {
        let inner = self.lock();
        let n: Option<i64> = inner
            .conn
            .query_row(
                "SELECT number FROM sync_revisions WHERE record_id = ?1",
                [revision_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sq(e))?;
        n.map(|n| self.number(n)).transpose()
    }

    /// Appends records pulled from the server and marks them as known, in one
    /// transaction; a record already here is skipped. Returns how many were new.
    pub fn review_apply(&self, records: &[PulledRecord]) -> Result<usize, StoreError> {
        let bodies: Vec<String> = records
            .iter()
            .map(|p| serde_json::to_string(&p.record.body))
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Sqlite(format!("a record body is not JSON: {e}")))?;
        let mut guard = self.lock();
        let tx = guard
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        let mut added = 0;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO records (id, release_id, kind, author, created, revision, body)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(|e| self.sq(e))?;
            let mut mark = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO sync_records (record_id, state) VALUES (?1, 1)",
                )
                .map_err(|e| self.sq(e))?;
            let mut on = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO record_revision_ids (record_id, revision_id) VALUES (?1, ?2)",
                )
                .map_err(|e| self.sq(e))?;
            for (p, body) in records.iter().zip(&bodies) {
                let r = &p.record;
                if let Some(revision_id) = &p.revision_id {
                    on.execute([&r.id, revision_id]).map_err(|e| self.sq(e))?;
                }
                added += insert
                    .execute(params![
                        r.id,
                        r.release_id,
                        r.kind,
                        r.author,
                        r.created.timestamp_micros(),
                        r.revision,
                        body
                    ])
                    .map_err(|e| self.sq(e))?;
                mark.execute([&r.id]).map_err(|e| self.sq(e))?;
            }
        }
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    use super::{PulledRecord, RefusedRecord};
    use crate::{Record, SaveMeta, SqliteStore, Store};
    use serde_json::json;

    fn meta() -> SaveMeta {
        SaveMeta {
            author: "ana".into(),
            message: None,
            name: None,
        }
    }

    #[test]
    fn the_outbox_waits_for_revisions_and_skips_profiles_and_what_is_marked() {
        let s = SqliteStore::open_in_memory().expect("store");
        let r = dateline_core::from_json(include_str!(
            "../../../../examples/un-expert-khakimova.json"
        ))
        .expect("seed");
        let (id, rev) = s.create(&r, &meta()).expect("create");
        let on = Record::new(&id, "comment", "ana", Some(rev), json!({"text": "a"}));
        let setting = Record::new("workspace", "rules", "ana", None, json!({}));
        let profile = Record::new("workspace", "profile", "ana", None, json!({"name": "ana"}));
        s.append_records(&[on.clone(), setting.clone(), profile])
            .expect("append");
        // Revision 1 has no global id yet: its comment waits, the setting goes.
        let out = s.review_outbox(10).expect("outbox");
        assert_eq!(
            out.iter().map(|o| o.record.id.as_str()).collect::<Vec<_>>(),
            [setting.id.as_str()]
        );
        let revs = s.sync_outbox(10).expect("revisions");
        s.sync_mark_sent(&[revs[0].record_id.clone()])
            .expect("sent");
        let out = s.review_outbox(10).expect("outbox");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].record, on);
        assert_eq!(
            out[0].revision_id.as_deref(),
            Some(revs[0].record_id.as_str())
        );
        assert_eq!(
            s.revision_number(&revs[0].record_id).expect("number"),
            Some(rev)
        );

        s.review_mark_sent(std::slice::from_ref(&on.id))
            .expect("mark");
        s.review_mark_refused(&RefusedRecord {
            id: setting.id.clone(),
            code: "forbidden".into(),
            message: "no".into(),
        })
        .expect("refuse");
        assert!(s.review_outbox(10).expect("outbox").is_empty());
        // The refused record is kept but no longer read.
        assert!(s
            .records("workspace")
            .expect("read")
            .iter()
            .all(|r| r.kind == "profile"));
        assert_eq!(s.review_refused().expect("refused")[0].code, "forbidden");
        assert_eq!(s.records(&id).expect("read"), vec![on.clone()]);

        // Pulled records are stored once and never sent back.
        let theirs = Record::new(&id, "comment", "bo", Some(rev), json!({"text": "b"}));
        let pulled = |r: &Record| PulledRecord {
            record: r.clone(),
            revision_id: None,
        };
        assert_eq!(
            s.review_apply(&[pulled(&theirs), pulled(&on)])
                .expect("apply"),
            1
        );
        assert_eq!(s.review_apply(&[pulled(&theirs)]).expect("again"), 0);
        assert!(s.review_outbox(10).expect("outbox").is_empty());
        assert_eq!(s.records(&id).expect("read").len(), 2);
    }
}
