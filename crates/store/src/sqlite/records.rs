//! Append-only records (see [`Record`]): the review workflow's comments,
//! approvals, state changes and exports, stored as envelopes with a JSON body.
//!
//! A batch is written in one transaction, so a crash keeps all of it or none;
//! `INSERT OR IGNORE` on the unique id makes a retried batch harmless. The
//! table's triggers refuse any update or delete. A record the team server
//! refused for good (see `review_sync`) is kept but no longer read.

use rusqlite::{params, TransactionBehavior};

use super::SqliteStore;
use crate::{Record, StoreError};

/// The columns a record is read from: its envelope, and the global id of the
/// revision it refers to when it was pulled with one (see `first_holding`).
const COLUMNS: &str = "id, release_id, kind, author, created, revision, body,
     (SELECT w.revision_id FROM record_revision_ids w WHERE w.record_id = records.id)";

impl SqliteStore {
    /// [`crate::Store::append_records`].
    pub(super) fn insert_records(&self, records: &[Record]) -> Result<usize, StoreError> {
        let bodies: Vec<String> = records
            .iter()
            .map(|r| serde_json::to_string(&r.body))
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
            for (r, body) in records.iter().zip(&bodies) {
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
            }
        }
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(added)
    }

    /// [`crate::Store::records`].
    pub(super) fn read_records(&self, release_id: &str) -> Result<Vec<Record>, StoreError> {
        self.query_records(
            &format!("SELECT {COLUMNS} FROM records
             WHERE release_id = ?1 AND ?2 = ?2
               AND NOT EXISTS (SELECT 1 FROM sync_records s WHERE s.record_id = records.id AND s.state = 2)
             ORDER BY created, id"
            ),
            release_id,
            "",
        )
    }

    /// [`crate::Store::records_of_kinds`].
    pub(super) fn read_records_of_kinds(&self, kinds: &[&str]) -> Result<Vec<Record>, StoreError> {
        if kinds.is_empty() {
            return Ok(vec![]);
        }
        let marks = vec!["?"; kinds.len()].join(", ");
        let sql = format!(
            "SELECT {COLUMNS} FROM records
             WHERE kind IN ({marks})
               AND NOT EXISTS (SELECT 1 FROM sync_records s WHERE s.record_id = records.id AND s.state = 2)
             ORDER BY created, id"
        );
        self.query_records_with(&sql, rusqlite::params_from_iter(kinds))
    }

    /// [`crate::Store::first_authors`].
    pub(super) fn read_first_authors(
        &self,
    ) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let inner = self.lock();
        inner
            .conn
            .prepare_cached(
                "SELECT r.uuid, v.author FROM releases r JOIN revisions v ON v.release = r.id
                 WHERE v.number = (SELECT min(number) FROM revisions w WHERE w.release = r.id)",
            )
            .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.sq(e))
    }

    /// [`crate::Store::record`].
    pub(super) fn find_record(&self, id_or_prefix: &str) -> Result<Record, StoreError> {
        let p = id_or_prefix.trim().to_ascii_lowercase();
        let unknown = || StoreError::NotFound(format!("no record has the id “{p}”"));
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(unknown());
        }
        if p.len() < 4 {
            return Err(StoreError::ShortPrefix(p));
        }
        // Every id character sorts before '~', so this range is exactly the prefix.
        let upper = format!("{p}~");
        let mut found = self.query_records(
            &format!("SELECT {COLUMNS} FROM records
             WHERE id >= ?1 AND id < ?2
               AND NOT EXISTS (SELECT 1 FROM sync_records s WHERE s.record_id = records.id AND s.state = 2)
             ORDER BY id LIMIT 2"
            ),
            &p,
            &upper,
        )?;
        match found.len() {
            0 => Err(unknown()),
            1 => Ok(found.remove(0)),
            _ => Err(StoreError::NotFound(format!(
                "the id prefix “{p}” matches several records; type more characters"
            ))),
        }
    }

    fn query_records(&self, sql: &str, a: &str, b: &str) -> Result<Vec<Record>, StoreError> {
        self.query_records_with(sql, [a, b])
    }

    fn query_records_with(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<Record>, StoreError> {
        let inner = self.lock();
        type Raw = (
            String,
            String,
            String,
            String,
            i64,
            Option<i64>,
            String,
            Option<String>,
        );
        let raw: Vec<Raw> = inner
            .conn
            .prepare_cached(sql)
            .and_then(|mut s| {
                s.query_map(args, |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                })?
                .collect()
            })
            .map_err(|e| self.sq(e))?;
        raw.into_iter()
            .map(
                |(id, release_id, kind, author, created, revision, body, on)| {
                    let revision = match (revision, on) {
                        (None, Some(on)) => self.first_holding(&inner.conn, &release_id, &on)?,
                        (n, _) => n,
                    };
                    Ok(Record {
                        id,
                        release_id,
                        kind,
                        author,
                        created: self.time(created)?,
                        revision: revision.map(|n| self.number(n)).transpose()?,
                        body: serde_json::from_str(&body).map_err(|_| self.corrupt())?,
                    })
                },
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::{Record, SqliteStore, Store};
    use serde_json::json;

    #[test]
    fn records_are_stored_once_per_id_and_read_back_in_order() {
        let s = SqliteStore::open_in_memory().expect("store");
        let a = Record::new("rel", "comment", "ana", Some(1), json!({"text": "first"}));
        let b = Record::new("rel", "comment", "bo", None, json!({"text": "second"}));
        let other = Record::new("other", "comment", "bo", None, json!({}));
        assert_eq!(
            s.append_records(&[a.clone(), b.clone(), other])
                .expect("append"),
            3
        );
        // A retried batch stores nothing new.
        assert_eq!(s.append_records(&[b.clone(), a.clone()]).expect("retry"), 0);
        assert_eq!(s.records("rel").expect("read"), vec![a.clone(), b]);
        assert!(s.records("none").expect("read").is_empty());
        let found = s.record(&a.id).expect("by id");
        assert_eq!(found, a);
        assert_eq!(s.record(&a.id[..30]).expect("by prefix"), a);
        assert_eq!(
            s.record("0000").map_err(|e| e.code().as_str()),
            Err("not_found")
        );
        assert_eq!(
            s.record("ab").map_err(|e| e.code().as_str()),
            Err("ambiguous_id")
        );
    }

    #[test]
    fn records_of_kinds_reads_every_release_in_order_and_first_authors_name_revision_one() {
        let s = SqliteStore::open_in_memory().expect("store");
        let seed = dateline_core::from_json(include_str!(
            "../../../../examples/un-expert-khakimova.json"
        ))
        .expect("seed");
        let meta = |author: &str| crate::SaveMeta {
            author: author.into(),
            message: None,
            name: None,
        };
        let (one, _) = s.create(&seed, &meta("ana")).expect("create");
        let (two, _) = s.create(&seed, &meta("bo")).expect("create");
        s.save(&one, &seed, &meta("cy")).expect("second revision");
        let t1 = Record::new(
            &one,
            "transition",
            "ana",
            Some(1),
            json!({"to": "inReview"}),
        );
        let c1 = Record::new(&one, "comment", "ana", Some(1), json!({"text": "x"}));
        let t2 = Record::new(&two, "transition", "bo", Some(1), json!({"to": "approved"}));
        let a1 = Record::new(&one, "approval", "cy", Some(2), json!({}));
        s.append_records(&[t1.clone(), c1.clone(), t2.clone(), a1.clone()])
            .expect("append");
        assert_eq!(
            s.records_of_kinds(&["transition", "approval"])
                .expect("read"),
            vec![t1.clone(), t2.clone(), a1]
        );
        assert_eq!(s.records_of_kinds(&["comment"]).expect("read"), vec![c1]);
        assert!(s.records_of_kinds(&[]).expect("read").is_empty());
        let authors = s.first_authors().expect("authors");
        assert_eq!(authors.len(), 2);
        // The writer of revision 1, not of the latest revision.
        assert_eq!(authors.get(&one).map(String::as_str), Some("ana"));
        assert_eq!(authors.get(&two).map(String::as_str), Some("bo"));
    }

    #[test]
    fn records_cannot_be_updated_or_deleted() {
        let s = SqliteStore::open_in_memory().expect("store");
        s.append_records(&[Record::new("rel", "comment", "ana", None, json!(1))])
            .expect("append");
        let inner = s.lock();
        assert!(inner
            .conn
            .execute("UPDATE records SET author = 'x'", [])
            .is_err());
        assert!(inner.conn.execute("DELETE FROM records", []).is_err());
    }
}
