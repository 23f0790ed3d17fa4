//! The parts of the SQLite store beside the history: the release list and
//! search, the trash, autosaved working copies and id prefixes.
//!
//! None of them touches revisions or blobs; they read and write the listing,
//! search and working-copy tables and the trash flag.

use dateline_core::Release;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{now_micros, SqliteStore};
use crate::listing::enum_from_name;
use crate::{ListFilter, ReleasePage, ReleaseSummary, StoreError, WorkingCopy};

/// Largest working copy autosaved (its JSON); a release is far smaller.
const MAX_WORKING_COPY: usize = 32_000_000;

impl SqliteStore {
    /// [`crate::Store::list`] and [`crate::Store::list_page`]: the listing rows
    /// the filter matches, newest edit first: all of them, or the window
    /// `(offset, limit)` and the count of all. With a query, the search rows of
    /// releases saved since their last refresh are refreshed first (a read-only
    /// store reads those releases' text instead).
    pub(super) fn list_releases(
        &self,
        f: &ListFilter,
        window: Option<(u32, u32)>,
    ) -> Result<ReleasePage, StoreError> {
        let query = f
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_lowercase);
        let mut inner = self.lock();
        let mut stale_hits = Vec::new();
        if let Some(q) = &query {
            if self.read_only {
                stale_hits = crate::listing::stale_matches(&inner.conn, &self.shown, q)?;
            } else {
                crate::listing::refresh_search(&mut inner.conn, &self.shown)?;
            }
        }
        let mut conds = vec!["r.deleted = :deleted".to_string()];
        let mut args: Vec<(&str, &dyn rusqlite::ToSql)> = vec![(":deleted", &f.deleted)];
        let (phrase, stale, ids);
        if let Some(q) = &query {
            // With a query of three characters or more, the trigram index finds the
            // matching releases; shorter ones scan the text. The FTS5 query is the
            // whole text as one phrase (quotes doubled): never index syntax.
            let hit = if q.chars().count() >= 3 {
                phrase = format!("\"{}\"", q.replace('"', "\"\""));
                args.push((":phrase", &phrase));
                "r.id IN (SELECT rowid FROM search_index WHERE search_index MATCH :phrase)"
            } else {
                args.push((":text", q));
                "EXISTS (SELECT 1 FROM search s WHERE s.release = r.id AND instr(s.text, :text) > 0)"
            };
            // A search row older than its release (read-only stores only) does not
            // count: those releases were checked against their latest revision.
            if stale_hits.is_empty() {
                conds.push(format!("l.searched >= l.head AND {hit}"));
            } else {
                stale = json_array(&stale_hits)?;
                args.push((":stale", &stale));
                conds.push(format!(
                    "((l.searched >= l.head AND {hit}) OR r.id IN (SELECT value FROM json_each(:stale)))"
                ));
            }
        }
        if let Some(wanted) = &f.ids {
            ids = json_array(wanted)?;
            args.push((":ids", &ids));
            conds.push("r.uuid IN (SELECT value FROM json_each(:ids))".into());
        }
        let matching = conds.join(" AND ");
        // The window first, in the order of the `listing_recent` index (a window of the
        // newest reads its rows only); the count only when the window does not tell it.
        let (offset, limit) = window.map_or((0, -1), |(o, l)| (i64::from(o), i64::from(l)));
        let mut window_args = args.clone();
        window_args.push((":offset", &offset));
        window_args.push((":limit", &limit));
        let sql = format!(
            "SELECT r.uuid, l.headline, l.status, l.language, l.organisation, l.style,
                    r.created, l.updated, l.head, r.deleted,
                    EXISTS (SELECT 1 FROM working_copies w WHERE w.release = r.id)
               FROM releases r JOIN listing l ON l.release = r.id
              WHERE {matching}
              ORDER BY l.updated DESC, l.release DESC
              LIMIT :limit OFFSET :offset"
        );
        let rows: Vec<Result<ReleaseSummary, StoreError>> = inner
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_map(window_args.as_slice(), |r| self.summary(r))?
                    .collect()
            })
            .map_err(|e| self.sq(e))?;
        let rows = rows.into_iter().collect::<Result<Vec<_>, _>>()?;
        // A window shorter than asked (not empty, or the first) ends the list: it tells the count.
        let shown = i64::try_from(rows.len()).map_err(|_| self.corrupt())?;
        let total = if limit < 0 || (shown < limit && (shown > 0 || offset == 0)) {
            offset + shown
        } else {
            inner
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM releases r JOIN listing l ON l.release = r.id
                      WHERE {matching}"
                ))
                .and_then(|mut s| s.query_row(args.as_slice(), |r| r.get(0)))
                .map_err(|e| self.sq(e))?
        };
        let total = u32::try_from(total).map_err(|_| self.corrupt())?;
        Ok(ReleasePage { total, rows })
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

/// `values` as a JSON array, for `json_each` (a list of any length in one parameter).
fn json_array<T: serde::Serialize>(values: &[T]) -> Result<String, StoreError> {
    serde_json::to_string(values).map_err(|e| StoreError::invalid("", e.to_string()))
}
