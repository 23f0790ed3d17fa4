//! How much is waiting to be sent to the team server, counted without
//! building the outbox (the status bar asks often; the outbox reads every
//! revision's manifest and hands out record ids).

use super::SqliteStore;
use crate::StoreError;

/// What the next sync would send.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pending {
    /// Revisions the server has not acknowledged.
    pub revisions: u64,
    /// Review records (comments, approvals, state changes…) not acknowledged
    /// and not refused; local profiles never travel and are not counted.
    pub records: u64,
}

impl Pending {
    /// Everything waiting, revisions and records together.
    pub fn total(&self) -> u64 {
        self.revisions + self.records
    }
}

impl SqliteStore {
    /// Counts what waits to be sent: one read, no writes.
    pub fn sync_pending(&self) -> Result<Pending, StoreError> {
        let inner = self.lock();
        inner
            .conn
            .prepare_cached(
                "SELECT
                   (SELECT count(*) FROM revisions v
                     WHERE NOT EXISTS (SELECT 1 FROM sync_revisions s
                                        WHERE s.release = v.release AND s.number = v.number
                                          AND s.sent = 1)),
                   (SELECT count(*) FROM records r
                     WHERE r.kind <> 'profile'
                       AND NOT EXISTS (SELECT 1 FROM sync_records k WHERE k.record_id = r.id))",
            )
            .and_then(|mut s| {
                s.query_row([], |r| {
                    let n = |i: usize| r.get::<_, i64>(i).map(|v| u64::try_from(v).unwrap_or(0));
                    Ok(Pending {
                        revisions: n(0)?,
                        records: n(1)?,
                    })
                })
            })
            .map_err(|e| self.sq(e))
    }
}

#[cfg(test)]
mod tests {
    use super::Pending;
    use crate::sqlite::review_sync::RefusedRecord;
    use crate::{Record, SaveMeta, SqliteStore, Store};
    use serde_json::json;

    #[test]
    fn counts_unsent_revisions_and_records_but_not_profiles_or_answered_ones() {
        let s = SqliteStore::open_in_memory().expect("store");
        let r = dateline_core::from_json(include_str!(
            "../../../../examples/un-expert-khakimova.json"
        ))
        .expect("seed");
        let meta = SaveMeta {
            author: "ana".into(),
            message: None,
            name: None,
        };
        let (id, rev) = s.create(&r, &meta).expect("create");
        let comment = Record::new(&id, "comment", "ana", Some(rev), json!({"text": "a"}));
        let rules = Record::new("workspace", "rules", "ana", None, json!({}));
        let profile = Record::new("workspace", "profile", "ana", None, json!({"name": "ana"}));
        s.append_records(&[comment.clone(), rules.clone(), profile])
            .expect("append");
        assert_eq!(
            s.sync_pending().expect("pending"),
            Pending {
                revisions: 1,
                records: 2
            }
        );
        // Building the outbox gives ids but sends nothing: still waiting.
        let revs = s.sync_outbox(10).expect("outbox");
        assert_eq!(s.sync_pending().expect("pending").revisions, 1);
        s.sync_mark_sent(&[revs[0].record_id.clone()])
            .expect("sent");
        s.review_mark_sent(std::slice::from_ref(&comment.id))
            .expect("mark");
        s.review_mark_refused(&RefusedRecord {
            id: rules.id.clone(),
            code: "forbidden".into(),
            message: "no".into(),
        })
        .expect("refuse");
        assert_eq!(s.sync_pending().expect("pending").total(), 0);
    }
}
