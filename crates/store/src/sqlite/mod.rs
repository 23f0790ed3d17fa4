//! The SQLite backend of [`Store`]: one connection, one transaction per write.
//!
//! The connection sits behind a mutex so the store is `Send + Sync` (the app
//! shares one between its commands); other processes or connections on the same
//! file are serialised by SQLite's locks and the busy timeout. Writes start with
//! `BEGIN IMMEDIATE` so two writers queue instead of failing on lock upgrade.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use dateline_core::Release;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

pub mod graph;
pub mod pending;
mod records;
pub mod review_sync;
mod side;
pub mod sync;

use crate::blobs::{self, KnownBlobs};
use crate::editing::OpenRelease;
use crate::listing;
use crate::{parts, schema};
use crate::{
    ListFilter, Record, ReleasePage, ReleaseSummary, RevisionInfo, SaveMeta, Store, StoreError,
    WorkingCopy,
};

/// The revision store in an SQLite file (or in memory, for tests).
pub struct SqliteStore {
    inner: Mutex<Inner>,
    /// The file as named in error messages.
    shown: String,
    /// The database file (`None` in memory), to tell a full disk from other I/O errors.
    file: Option<PathBuf>,
    /// Opened read-only because its folder cannot be written: writes are refused.
    read_only: bool,
    /// A second, read-only connection to the file (opened when first needed):
    /// its reads see the last commit without waiting for a write in progress.
    reader: Mutex<Option<Connection>>,
    /// The release list in list order while the database is unchanged (see
    /// `side::Order`); locked only while `inner` is.
    order: Mutex<Option<side::Order>>,
}

struct Inner {
    conn: Connection,
    known: KnownBlobs,
}

/// A release row: its internal id and the time of its first revision.
struct Row {
    id: i64,
    created: i64,
}

impl SqliteStore {
    /// Opens the database at `path`, creating it (and migrating it) as needed.
    /// A database that needs migrating is first copied to
    /// `<path>.backup-v<old version>-<timestamp>`. Another program's SQLite
    /// file is refused untouched (`not_a_database`). When the file's folder
    /// cannot be written, an up-to-date database is opened read-only: reads
    /// work and writes fail with `read_only` (see [`SqliteStore::is_read_only`]).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let opened = schema::open_file(path)?;
        let mut store = Self::wrap(opened.conn, path.display().to_string());
        store.file = Some(path.to_path_buf());
        store.read_only = opened.read_only;
        Ok(store)
    }

    /// Opens an existing, up-to-date database read-only (what [`SqliteStore::open`]
    /// falls back to when the folder cannot be written): nothing is written to
    /// the file or its folder, reads work, writes fail with `read_only`.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        let opened = schema::open_file_read_only(path)?;
        let mut store = Self::wrap(opened.conn, path.display().to_string());
        store.file = Some(path.to_path_buf());
        store.read_only = true;
        Ok(store)
    }

    /// A new, empty in-memory store.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = schema::open_memory()?;
        Ok(Self::wrap(conn, "the in-memory database".into()))
    }

    fn wrap(conn: Connection, shown: String) -> Self {
        SqliteStore {
            inner: Mutex::new(Inner {
                conn,
                known: KnownBlobs::default(),
            }),
            shown,
            file: None,
            read_only: false,
            reader: Mutex::new(None),
            order: Mutex::new(None),
        }
    }

    /// `true` when the database was opened read-only because its folder cannot
    /// be written; every write then fails with `read_only`.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Moves the write-ahead log into the database file and truncates the log.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        let inner = self.lock();
        inner
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|e| self.sq(e))
    }

    /// Number of stored blobs (distinct fields and blocks), for tests and diagnostics.
    pub fn blob_count(&self) -> Result<u64, StoreError> {
        let inner = self.lock();
        let n: i64 = inner
            .conn
            .query_row("SELECT count(*) FROM blobs", [], |r| r.get(0))
            .map_err(|e| self.sq(e))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The schema version this binary reads and writes.
    pub fn schema_version() -> i64 {
        schema::SCHEMA_VERSION
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic elsewhere while holding the lock leaves the connection usable
        // (its transaction was rolled back when dropped).
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn sq(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(e, &self.shown)
    }

    /// Refuses a write on a store opened read-only.
    fn writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnlyFolder {
                path: self.shown.clone(),
            });
        }
        Ok(())
    }

    /// The last step of every operation: names a full disk as such.
    fn done<T>(&self, r: Result<T, StoreError>) -> Result<T, StoreError> {
        r.map_err(|e| e.on_disk(self.file.as_deref()))
    }

    fn corrupt(&self) -> StoreError {
        StoreError::corrupt(&self.shown)
    }

    fn time(&self, micros: i64) -> Result<DateTime<Utc>, StoreError> {
        DateTime::from_timestamp_micros(micros).ok_or_else(|| self.corrupt())
    }

    fn number(&self, n: i64) -> Result<u32, StoreError> {
        u32::try_from(n).map_err(|_| self.corrupt())
    }

    /// The release row of `uuid`, or `not_found`.
    fn row(&self, conn: &Connection, uuid: &str) -> Result<Row, StoreError> {
        conn.prepare_cached("SELECT id, created FROM releases WHERE uuid = ?1")
            .and_then(|mut s| {
                s.query_row([uuid], |r| {
                    Ok(Row {
                        id: r.get(0)?,
                        created: r.get(1)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.sq(e))?
            .ok_or_else(|| StoreError::NotFound(format!("no release has the id “{uuid}”")))
    }

    /// The latest revision number of a release (0 when it has none).
    fn head(&self, conn: &Connection, rel: i64) -> Result<i64, StoreError> {
        conn.prepare_cached("SELECT coalesce(max(number), 0) FROM revisions WHERE release = ?1")
            .and_then(|mut s| s.query_row([rel], |r| r.get(0)))
            .map_err(|e| self.sq(e))
    }

    /// Revision `number` (the latest when `None`): its number, time and manifest.
    fn revision(
        &self,
        conn: &Connection,
        uuid: &str,
        rel: i64,
        number: Option<u32>,
    ) -> Result<(i64, i64, Vec<u8>), StoreError> {
        let number = match number {
            Some(n) => i64::from(n),
            None => self.head(conn, rel)?,
        };
        conn.prepare_cached(
            "SELECT created, manifest FROM revisions WHERE release = ?1 AND number = ?2",
        )
        .and_then(|mut s| {
            s.query_row(params![rel, number], |r| Ok((number, r.get(0)?, r.get(1)?)))
                .optional()
        })
        .map_err(|e| self.sq(e))?
        .ok_or_else(|| StoreError::NotFound(format!("release “{uuid}” has no revision {number}")))
    }

    /// Writes a new revision of `rel` (content `manifest`, which describes `r`)
    /// and refreshes the listing; clears the working copy. Runs inside `conn`'s transaction.
    #[allow(clippy::too_many_arguments)]
    fn append(
        &self,
        conn: &Connection,
        rel: i64,
        manifest: &[u8],
        r: &Release,
        m: &SaveMeta,
        restored_from: Option<u32>,
        now: i64,
    ) -> Result<u32, StoreError> {
        self.append_revision(conn, rel, manifest, r, m, restored_from, now, true, true)
    }

    /// [`SqliteStore::append`], keeping the working copy when `clear_working_copy`
    /// is false (a colleague's revision or a merge must not drop unsaved edits),
    /// and leaving the search index to the caller when `search` is false (a
    /// pulled page writes it once per release: see `listing::write_search`).
    #[allow(clippy::too_many_arguments)]
    fn append_revision(
        &self,
        conn: &Connection,
        rel: i64,
        manifest: &[u8],
        r: &Release,
        m: &SaveMeta,
        restored_from: Option<u32>,
        now: i64,
        clear_working_copy: bool,
        search: bool,
    ) -> Result<u32, StoreError> {
        let number = self.head(conn, rel)? + 1;
        let write = || -> Result<(), rusqlite::Error> {
            conn.prepare_cached(
                "INSERT INTO revisions (release, number, created, author, message, name, restored_from, manifest)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![rel, number, now, m.author, m.message, m.name, restored_from, manifest])?;
            if clear_working_copy {
                conn.prepare_cached("DELETE FROM working_copies WHERE release = ?1")?
                    .execute([rel])?;
            }
            Ok(())
        };
        write().map_err(|e| self.sq(e))?;
        if search {
            listing::write(conn, rel, number, now, r)?;
        } else {
            listing::write_row(conn, rel, number, now, r)?;
        }
        self.number(number)
    }

    /// Saves `r` as the next revision of `uuid` (or as revision 1 of a new release).
    fn save_release(
        &self,
        uuid: &str,
        create: bool,
        r: &Release,
        m: &SaveMeta,
    ) -> Result<u32, StoreError> {
        self.writable()?;
        let problems = dateline_core::validate::problems(r);
        if !problems.is_empty() {
            return Err(StoreError::InvalidRelease(problems));
        }
        let parts = parts::split(r).map_err(|e| StoreError::invalid("", e.to_string()))?;
        let mut guard = self.lock();
        let Inner { conn, known } = &mut *guard;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        // Read the clock holding the write lock, so revision times follow revision numbers.
        let now = now_micros();
        let rel = if create {
            tx.prepare_cached("INSERT INTO releases (uuid, created) VALUES (?1, ?2)")
                .and_then(|mut s| s.execute(params![uuid, now]))
                .map_err(|e| self.sq(e))?;
            tx.last_insert_rowid()
        } else {
            self.row(&tx, uuid)?.id
        };
        // Unsaved edits begun on an older revision than the latest (a
        // colleague's revision was pulled meanwhile) are merged with it.
        let merged = if create {
            None
        } else {
            self.merge_on_save(&tx, uuid, rel, r, m, now)?
        };
        let (parts, r, m) = match &merged {
            Some((release, meta, _)) => (
                parts::split(release).map_err(|e| StoreError::invalid("", e.to_string()))?,
                release,
                meta,
            ),
            None => (parts, r, m),
        };
        let mut pending = Vec::new();
        let manifest =
            blobs::store_parts(&tx, known, &mut pending, &parts).map_err(|e| self.retag(e))?;
        let number = self.append(&tx, rel, &manifest, r, m, None, now)?;
        if let Some((_, _, conflicts)) = &merged {
            self.record_save_conflicts(&tx, rel, number, conflicts)?;
        }
        tx.commit().map_err(|e| self.sq(e))?;
        known.extend(pending);
        Ok(number)
    }

    /// Names this file in errors mapped without a path.
    fn retag(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::CorruptDatabase { .. } => self.corrupt(),
            StoreError::NotADatabase { .. } => StoreError::NotADatabase {
                path: self.shown.clone(),
            },
            other => other,
        }
    }
}

/// Now, in microseconds since the Unix epoch (the precision stored).
fn now_micros() -> i64 {
    Utc::now().timestamp_micros()
}

impl Store for SqliteStore {
    fn create(&self, r: &Release, m: &SaveMeta) -> Result<(String, u32), StoreError> {
        let uuid = uuid::Uuid::now_v7().hyphenated().to_string();
        let n = self.done(self.save_release(&uuid, true, r, m))?;
        Ok((uuid, n))
    }

    fn save(&self, id: &str, r: &Release, m: &SaveMeta) -> Result<u32, StoreError> {
        self.done(self.save_release(id, false, r, m))
    }

    fn load(&self, id: &str, rev: Option<u32>) -> Result<Release, StoreError> {
        self.done(self.load_revision(id, rev))
    }

    fn log(&self, id: &str) -> Result<Vec<RevisionInfo>, StoreError> {
        self.done(self.history(id))
    }

    fn restore(&self, id: &str, rev: u32, m: &SaveMeta) -> Result<u32, StoreError> {
        self.done(self.restore_revision(id, rev, m))
    }

    fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.done(self.set_deleted(id, true))
    }

    fn undelete(&self, id: &str) -> Result<(), StoreError> {
        self.done(self.set_deleted(id, false))
    }

    fn list(&self, f: &ListFilter) -> Result<Vec<ReleaseSummary>, StoreError> {
        self.done(self.list_releases(f, None).map(|p| p.rows))
    }

    fn list_page(
        &self,
        f: &ListFilter,
        offset: u32,
        limit: u32,
    ) -> Result<ReleasePage, StoreError> {
        self.done(self.list_releases(f, Some((offset, limit))))
    }

    fn save_working_copy(&self, id: &str, r: &Release) -> Result<(), StoreError> {
        self.done(self.put_working_copy(id, r))
    }

    fn working_copy(&self, id: &str) -> Result<Option<WorkingCopy>, StoreError> {
        self.done(self.get_working_copy(id))
    }

    fn discard_working_copy(&self, id: &str) -> Result<(), StoreError> {
        self.done(self.drop_working_copy(id))
    }

    fn resolve(&self, id_or_prefix: &str) -> Result<String, StoreError> {
        self.done(self.resolve_id(id_or_prefix))
    }

    fn open_release(&self, id: &str) -> Result<OpenRelease, StoreError> {
        self.done(self.open_for_editing(id))
    }

    fn append_records(&self, records: &[Record]) -> Result<usize, StoreError> {
        self.done(self.insert_records(records))
    }

    fn records(&self, release_id: &str) -> Result<Vec<Record>, StoreError> {
        self.done(self.read_records(release_id))
    }

    fn records_of_kinds(&self, kinds: &[&str]) -> Result<Vec<Record>, StoreError> {
        self.done(self.read_records_of_kinds(kinds))
    }

    fn first_authors(&self) -> Result<std::collections::HashMap<String, String>, StoreError> {
        self.done(self.read_first_authors())
    }

    fn record(&self, id_or_prefix: &str) -> Result<Record, StoreError> {
        self.done(self.find_record(id_or_prefix))
    }
}

impl SqliteStore {
    /// [`Store::load`].
    fn load_revision(&self, id: &str, rev: Option<u32>) -> Result<Release, StoreError> {
        let mut inner = self.lock();
        // One read transaction: the release row, its head and the blobs are one snapshot.
        let tx = inner.conn.transaction().map_err(|e| self.sq(e))?;
        let release = self.read_revision(&tx, id, rev)?;
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(release)
    }

    /// Revision `rev` (the latest when `None`) of `id` with its store metadata, and its number.
    fn read_revision(
        &self,
        conn: &Connection,
        id: &str,
        rev: Option<u32>,
    ) -> Result<Release, StoreError> {
        let row = self.row(conn, id)?;
        let (_, created, manifest) = self.revision(conn, id, row.id, rev)?;
        let mut release = blobs::read_release(conn, &manifest, &self.shown)?;
        release.meta.id = id.to_string();
        release.meta.created = Some(self.time(row.created)?);
        release.meta.updated = Some(self.time(created)?);
        Ok(release)
    }

    /// [`Store::open_release`]: the working copy, the latest revision and its
    /// number read in one transaction, so a save by another process cannot
    /// fall between them.
    fn open_for_editing(&self, id: &str) -> Result<OpenRelease, StoreError> {
        let mut inner = self.lock();
        let tx = inner.conn.transaction().map_err(|e| self.sq(e))?;
        let row = self.row(&tx, id)?;
        let head = self.head(&tx, row.id)?;
        let latest_revision = self.number(head)?;
        let opened = match self.read_working_copy(&tx, row.id)? {
            Some(wc) => {
                let mut release = wc.release;
                release.meta.id = id.to_string();
                release.meta.created = Some(self.time(row.created)?);
                OpenRelease {
                    release,
                    from_working_copy: true,
                    latest_revision,
                    working_copy_saved_at: Some(wc.saved_at.to_rfc3339()),
                }
            }
            None => OpenRelease {
                release: self.read_revision(&tx, id, Some(latest_revision))?,
                from_working_copy: false,
                latest_revision,
                working_copy_saved_at: None,
            },
        };
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(opened)
    }

    /// [`Store::log`].
    fn history(&self, id: &str) -> Result<Vec<RevisionInfo>, StoreError> {
        let inner = self.lock();
        let conn = &inner.conn;
        let row = self.row(conn, id)?;
        type Raw = (
            i64,
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<i64>,
        );
        let raw: Vec<Raw> = conn
            .prepare_cached(
                "SELECT number, created, author, message, name, restored_from FROM revisions
                 WHERE release = ?1 ORDER BY number DESC",
            )
            .and_then(|mut s| {
                s.query_map([row.id], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })?
                .collect()
            })
            .map_err(|e| self.sq(e))?;
        raw.into_iter()
            .map(|(number, created, author, message, name, from)| {
                Ok(RevisionInfo {
                    number: self.number(number)?,
                    author,
                    created: self.time(created)?,
                    message,
                    name,
                    restored_from: from.map(|n| self.number(n)).transpose()?,
                })
            })
            .collect()
    }

    /// [`Store::restore`].
    fn restore_revision(&self, id: &str, rev: u32, m: &SaveMeta) -> Result<u32, StoreError> {
        self.writable()?;
        let mut guard = self.lock();
        let tx = guard
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.sq(e))?;
        let now = now_micros();
        let row = self.row(&tx, id)?;
        let (_, _, manifest) = self.revision(&tx, id, row.id, Some(rev))?;
        // The old manifest is reused as is: restoring stores no blob at all.
        let release = blobs::read_release(&tx, &manifest, &self.shown)?;
        let number = self.append(&tx, row.id, &manifest, &release, m, Some(rev), now)?;
        tx.commit().map_err(|e| self.sq(e))?;
        Ok(number)
    }
}
