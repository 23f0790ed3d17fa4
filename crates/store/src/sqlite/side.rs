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

/// The release list in list order (newest edit first), as of one state of the
/// database: what a list or a search walks instead of joining and sorting the
/// listing on every key typed. It is read again after any change, this
/// connection's (`total_changes`) or another's (`data_version`).
pub(super) struct Order {
    /// `(data_version, total_changes)` when it was read.
    stamp: (i64, u64),
    /// The search rows were brought up to date at this state (read-write stores).
    searched: bool,
    /// Every release in list order.
    rows: Vec<Entry>,
    /// The largest release row id (the size of a hit set).
    max_id: i64,
}

/// One release of [`Order`].
struct Entry {
    id: i64,
    deleted: bool,
    /// Its search row holds its latest revision.
    fresh: bool,
}

/// The releases a query matches, by release row id.
struct Hits(Vec<bool>);

impl Hits {
    fn new(max_id: i64, ids: impl IntoIterator<Item = i64>) -> Self {
        let mut set = vec![false; usize::try_from(max_id).unwrap_or(0) + 1];
        for id in ids {
            if let Some(slot) = usize::try_from(id).ok().and_then(|i| set.get_mut(i)) {
                *slot = true;
            }
        }
        Hits(set)
    }

    fn has(&self, id: i64) -> bool {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.0.get(i))
            .copied()
            .unwrap_or(false)
    }
}

impl SqliteStore {
    /// [`crate::Store::list`] and [`crate::Store::list_page`]: the listing rows
    /// the filter matches, newest edit first: all of them, or the window
    /// `(offset, limit)` and the count of all. The list order is kept between
    /// calls while the database is unchanged ([`Order`]); a query reads the
    /// matching release ids once (the trigram index for three characters or
    /// more, the text for fewer), and the window and the count are both taken
    /// from one walk of that order. With a query, the search rows of releases
    /// saved since their last refresh are refreshed first, once per change of
    /// the database (a read-only store reads those releases' text instead).
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
        let mut cached = self.order.lock().unwrap_or_else(|e| e.into_inner());
        let order = self.current_order(&mut inner.conn, &mut cached, query.is_some())?;
        let conn = &inner.conn;
        let sq = |e| self.sq(e);
        let hits = match &query {
            None => None,
            Some(q) => {
                // Three characters or more: the trigram index (the whole text as one
                // FTS5 phrase, quotes doubled: never index syntax). Fewer: the text.
                let ids: Vec<i64> = if q.chars().count() >= 3 {
                    let phrase = format!("\"{}\"", q.replace('"', "\"\""));
                    conn.prepare_cached(
                        "SELECT rowid FROM search_index WHERE search_index MATCH ?1",
                    )
                    .and_then(|mut s| s.query_map([&phrase], |r| r.get(0))?.collect())
                    .map_err(sq)?
                } else {
                    conn.prepare_cached("SELECT release FROM search WHERE instr(text, ?1) > 0")
                        .and_then(|mut s| s.query_map([q], |r| r.get(0))?.collect())
                        .map_err(sq)?
                };
                // A search row older than its release (read-only stores only) does not
                // count: those releases are checked against their latest revision.
                let stale = if self.read_only {
                    crate::listing::stale_matches(conn, &self.shown, q)?
                } else {
                    Vec::new()
                };
                Some((Hits::new(order.max_id, ids), Hits::new(order.max_id, stale)))
            }
        };
        let wanted = match &f.ids {
            None => None,
            Some(uuids) => {
                let uuids = json_array(uuids)?;
                let ids: Vec<i64> = conn
                    .prepare_cached(
                        "SELECT id FROM releases WHERE uuid IN (SELECT value FROM json_each(?1))",
                    )
                    .and_then(|mut s| s.query_map([&uuids], |r| r.get(0))?.collect())
                    .map_err(sq)?;
                Some(Hits::new(order.max_id, ids))
            }
        };
        // One walk: the count of all the filter matches, and the ids of the window.
        let (offset, limit) = window.map_or((0, usize::MAX), |(o, l)| (o as usize, l as usize));
        let mut total: usize = 0;
        let mut shown = Vec::new();
        for e in &order.rows {
            let matches = e.deleted == f.deleted
                && wanted.as_ref().is_none_or(|w| w.has(e.id))
                && hits
                    .as_ref()
                    .is_none_or(|(h, stale)| (e.fresh && h.has(e.id)) || stale.has(e.id));
            if !matches {
                continue;
            }
            if total >= offset && shown.len() < limit {
                shown.push(e.id);
            }
            total += 1;
        }
        let shown = json_array(&shown)?;
        let rows: Vec<Result<ReleaseSummary, StoreError>> = conn
            .prepare_cached(
                "SELECT r.uuid, l.headline, l.status, l.language, l.organisation, l.style,
                        r.created, l.updated, l.head, r.deleted,
                        EXISTS (SELECT 1 FROM working_copies w WHERE w.release = r.id)
                   FROM releases r JOIN listing l ON l.release = r.id
                  WHERE r.id IN (SELECT value FROM json_each(?1))
                  ORDER BY l.updated DESC, l.release DESC",
            )
            .and_then(|mut s| s.query_map([&shown], |r| self.summary(r))?.collect())
            .map_err(sq)?;
        let rows = rows.into_iter().collect::<Result<Vec<_>, _>>()?;
        let total = u32::try_from(total).map_err(|_| self.corrupt())?;
        Ok(ReleasePage { total, rows })
    }

    /// The list order as of now: the one kept if the database has not changed
    /// since, else read again. `search` first brings the search rows up to date
    /// (read-write stores), once per state of the database.
    fn current_order<'a>(
        &self,
        conn: &mut Connection,
        cached: &'a mut Option<Order>,
        search: bool,
    ) -> Result<&'a Order, StoreError> {
        let mut stamp = self.stamp(conn)?;
        let kept = cached.as_ref().is_some_and(|o| o.stamp == stamp);
        let refresh =
            search && !self.read_only && !(kept && cached.as_ref().is_some_and(|o| o.searched));
        if refresh {
            crate::listing::refresh_search(conn, &self.shown)?;
            stamp = self.stamp(conn)?;
        }
        match cached {
            Some(o) if o.stamp == stamp => o.searched |= refresh,
            _ => {
                let rows: Vec<Entry> = conn
                    .prepare_cached(
                        "SELECT l.release, r.deleted, l.searched >= l.head
                           FROM listing l JOIN releases r ON r.id = l.release
                          ORDER BY l.updated DESC, l.release DESC",
                    )
                    .and_then(|mut s| {
                        s.query_map([], |r| {
                            Ok(Entry {
                                id: r.get(0)?,
                                deleted: r.get(1)?,
                                fresh: r.get(2)?,
                            })
                        })?
                        .collect()
                    })
                    .map_err(|e| self.sq(e))?;
                let max_id = rows.iter().map(|e| e.id).max().unwrap_or(0);
                *cached = Some(Order {
                    stamp,
                    searched: refresh,
                    rows,
                    max_id,
                });
            }
        }
        cached.as_ref().ok_or_else(|| self.corrupt())
    }

    /// What tells one state of the database from another: commits by other
    /// connections (`data_version`) and this connection's changes.
    fn stamp(&self, conn: &Connection) -> Result<(i64, u64), StoreError> {
        let version: i64 = conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.sq(e))?;
        Ok((version, conn.total_changes()))
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
