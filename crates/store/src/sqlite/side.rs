//! The parts of the SQLite store beside the history: the release list and
//! search, the trash, autosaved working copies and id prefixes.
//!
//! None of them touches revisions or blobs; they read and write the listing,
//! search and working-copy tables and the trash flag.

use std::collections::HashSet;

use dateline_core::Release;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{now_micros, SqliteStore};
use crate::listing::enum_from_name;
use crate::{ListFilter, ReleaseSummary, StoreError, WorkingCopy};

/// Largest working copy autosaved (its JSON); a release is far smaller.
const MAX_WORKING_COPY: usize = 32_000_000;

impl SqliteStore {
    /// [`crate::Store::list`]: one pass over the listing rows; with a query, the
    /// search rows of releases saved since the last search are refreshed first
    /// (a read-only store reads those releases' text instead).
    pub(super) fn list_releases(&self, f: &ListFilter) -> Result<Vec<ReleaseSummary>, StoreError> {
        let query = f
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_lowercase);
        let mut inner = self.lock();
        let mut stale_hits = HashSet::new();
        if let Some(q) = &query {
            if self.read_only {
                stale_hits = crate::listing::stale_matches(&inner.conn, &self.shown, q)?;
            } else {
                crate::listing::refresh_search(&mut inner.conn, &self.shown)?;
            }
        }
        // With a query of three characters or more, the trigram index finds the
        // matching releases; shorter ones scan the text. Releases whose search row
        // is out of date (read-only stores only) come along and are checked below.
        let matching = match query.as_deref().map(|q| q.chars().count()) {
            None => "1",
            Some(n) if n >= 3 => {
                "(l.searched < l.head OR r.id IN
                    (SELECT rowid FROM search_index WHERE search_index MATCH ?3))"
            }
            Some(_) => {
                "(l.searched < l.head OR EXISTS (SELECT 1 FROM search s
                    WHERE s.release = r.id AND instr(s.text, ?2) > 0))"
            }
        };
        // The FTS5 query is the whole text as one phrase (quotes doubled).
        let phrase = query
            .as_deref()
            .map(|q| format!("\"{}\"", q.replace('"', "\"\"")));
        let args: Vec<&dyn rusqlite::ToSql> = match (&query, &phrase) {
            (Some(q), Some(p)) if q.chars().count() >= 3 => vec![&f.deleted, q, p],
            (Some(q), _) => vec![&f.deleted, q],
            _ => vec![&f.deleted],
        };
        let sql = format!(
            "SELECT r.uuid, l.headline, l.status, l.language, l.organisation, l.style,
                    r.created, l.updated, l.head, r.deleted,
                    EXISTS (SELECT 1 FROM working_copies w WHERE w.release = r.id),
                    r.id, l.searched < l.head
               FROM releases r JOIN listing l ON l.release = r.id
              WHERE r.deleted = ?1 AND {matching}
              ORDER BY l.updated DESC, r.id DESC"
        );
        let rows: Vec<(i64, bool, Result<ReleaseSummary, StoreError>)> = inner
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(args.as_slice(), |r| {
                    Ok((r.get(11)?, r.get(12)?, self.summary(r)?))
                })?
                .collect()
            })
            .map_err(|e| self.sq(e))?;
        rows.into_iter()
            .filter(|(rel, stale, _)| query.is_none() || !*stale || stale_hits.contains(rel))
            .map(|(_, _, summary)| summary)
            .collect()
    }

    /// [`crate::Store::save_working_copy`]: replaces the release's one working copy.
    pub(super) fn put_working_copy(&self, id: &str, r: &Release) -> Result<(), StoreError> {
        self.writable()?;
        let json = serde_json::to_string(r).map_err(|e| StoreError::invalid("", e.to_string()))?;
        if json.len() > MAX_WORKING_COPY {
            return Err(StoreError::invalid(
                "",
                format!(
                    "the working copy is {} MB; at most {} MB are kept",
                    json.len() / 1_000_000,
                    MAX_WORKING_COPY / 1_000_000
                ),
            ));
        }
        let mut guard = self.lock();
        let tx = guard
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        let now = now_micros();
        let row = self.row(&tx, id)?;
        let base = self.head(&tx, row.id)?;
        tx.prepare_cached(
            "INSERT INTO working_copies (release, saved_at, base_revision, release_json)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (release) DO UPDATE SET saved_at = ?2, release_json = ?4",
        )
        .and_then(|mut s| s.execute(params![row.id, now, base, json]))
        .map_err(|e| self.sq(e))?;
        tx.commit().map_err(|e| self.sq(e))
    }

    /// [`crate::Store::working_copy`].
    pub(super) fn get_working_copy(&self, id: &str) -> Result<Option<WorkingCopy>, StoreError> {
        let inner = self.lock();
        let row = self.row(&inner.conn, id)?;
        self.read_working_copy(&inner.conn, row.id)
    }

    /// The working copy of the release row `rel`, if any.
    pub(super) fn read_working_copy(
        &self,
        conn: &Connection,
        rel: i64,
    ) -> Result<Option<WorkingCopy>, StoreError> {
        let found: Option<(i64, i64, String)> = conn
            .prepare_cached(
                "SELECT saved_at, base_revision, release_json FROM working_copies WHERE release = ?1",
            )
            .and_then(|mut s| s.query_row([rel], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional())
            .map_err(|e| self.sq(e))?;
        let Some((saved_at, base, json)) = found else {
            return Ok(None);
        };
        let release: Release = serde_json::from_str(&json).map_err(|_| self.corrupt())?;
        Ok(Some(WorkingCopy {
            release,
            saved_at: self.time(saved_at)?,
            base_revision: self.number(base)?,
        }))
    }

    /// [`crate::Store::discard_working_copy`].
    pub(super) fn drop_working_copy(&self, id: &str) -> Result<(), StoreError> {
        self.writable()?;
        let inner = self.lock();
        let row = self.row(&inner.conn, id)?;
        inner
            .conn
            .prepare_cached("DELETE FROM working_copies WHERE release = ?1")
            .and_then(|mut s| s.execute([row.id]))
            .map_err(|e| self.sq(e))?;
        Ok(())
    }

    /// [`crate::Store::resolve`]: a range scan of the unique uuid index.
    pub(super) fn resolve_id(&self, id_or_prefix: &str) -> Result<String, StoreError> {
        let p = id_or_prefix.trim().to_ascii_lowercase();
        let unknown =
            || StoreError::NotFound(format!("no release has the id “{}”", id_or_prefix.trim()));
        if p.is_empty() || !p.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(unknown());
        }
        if p.len() < 4 {
            return Err(StoreError::ShortPrefix(p));
        }
        // Every id character sorts before '~', so this range is exactly the prefix.
        let upper = format!("{p}~");
        let inner = self.lock();
        let found: Vec<String> = inner
            .conn
            .prepare_cached(
                "SELECT uuid FROM releases WHERE uuid >= ?1 AND uuid < ?2 ORDER BY uuid LIMIT 2",
            )
            .and_then(|mut s| s.query_map([&p, &upper], |r| r.get(0))?.collect())
            .map_err(|e| self.sq(e))?;
        match found.as_slice() {
            [] => Err(unknown()),
            [one] => Ok(one.clone()),
            _ => {
                let count: i64 = inner
                    .conn
                    .query_row(
                        "SELECT count(*) FROM releases WHERE uuid >= ?1 AND uuid < ?2",
                        [&p, &upper],
                        |r| r.get(0),
                    )
                    .map_err(|e| self.sq(e))?;
                Err(StoreError::AmbiguousId {
                    prefix: p,
                    count: usize::try_from(count).unwrap_or(2),
                })
            }
        }
    }

    /// One list row as a summary (the inner result reports undecodable values).
    pub(super) fn summary(
        &self,
        r: &rusqlite::Row<'_>,
    ) -> Result<Result<ReleaseSummary, StoreError>, rusqlite::Error> {
        let status: String = r.get(2)?;
        let style: String = r.get(5)?;
        let created: i64 = r.get(6)?;
        let updated: i64 = r.get(7)?;
        let head: i64 = r.get(8)?;
        let id: String = r.get(0)?;
        let headline: String = r.get(1)?;
        let language: String = r.get(3)?;
        let organisation: String = r.get(4)?;
        let deleted: bool = r.get(9)?;
        let has_working_copy: bool = r.get(10)?;
        Ok((|| {
            Ok(ReleaseSummary {
                id,
                headline,
                status: enum_from_name(status).ok_or_else(|| self.corrupt())?,
                language,
                organisation,
                style: enum_from_name(style).ok_or_else(|| self.corrupt())?,
                created: self.time(created)?,
                updated: self.time(updated)?,
                revisions: self.number(head)?,
                deleted,
                has_working_copy,
            })
        })())
    }

    /// Sets or clears the trash flag of release `id`.
    pub(super) fn set_deleted(&self, id: &str, deleted: bool) -> Result<(), StoreError> {
        self.writable()?;
        let inner = self.lock();
        let changed = inner
            .conn
            .prepare_cached("UPDATE releases SET deleted = ?2 WHERE uuid = ?1")
            .and_then(|mut s| s.execute(params![id, deleted]))
            .map_err(|e| self.sq(e))?;
        if changed == 0 {
            return Err(StoreError::NotFound(format!(
                "no release has the id “{id}”"
            )));
        }
        Ok(())
    }
}
