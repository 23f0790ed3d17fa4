//! Opening a database safely: recognition, checks, settings, migrations and the copy made first.
//!
//! The order matters. A file that is not SQLite, or is visibly truncated, is
//! refused before SQLite touches it. An SQLite file is then recognised, reading
//! only: it is Dateline's when its `application_id` is Dateline's, or (files
//! written before the id was set) when it has Dateline's own tables at schema
//! version 1 or more; an empty file is a new database; anything else is another
//! program's database and is refused untouched. A database from a newer
//! Dateline is refused before anything is written (not even the switch to WAL).
//!
//! Migrating happens under one write lock (`BEGIN IMMEDIATE`, waiting up to
//! [`BUSY_TIMEOUT`]) inside which the version is read again, so several
//! processes opening the same old or missing file at once migrate it exactly
//! once: the first does the work, the others find it done. Inside that lock an
//! existing database is first copied aside, to a temporary name renamed to
//! `<db>.backup-v<old>-<timestamp>` once complete; a partial copy left by a
//! killed process is removed. Migrations are numbered SQL files embedded in the
//! binary (`PRAGMA user_version`).
//!
//! A database whose folder cannot be written is opened read-only (see
//! [`open_file`]); the store then refuses writes only.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OpenFlags, TransactionBehavior};

use crate::StoreError;

/// The migrations, in order; migration N brings the schema to version N.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_revisions.sql"),
    include_str!("../migrations/0002_trash_listing_working_copies.sql"),
    include_str!("../migrations/0003_records.sql"),
    include_str!("../migrations/0004_sync.sql"),
    include_str!("../migrations/0005_search_index.sql"),
    include_str!("../migrations/0006_review_sync.sql"),
    include_str!("../migrations/0007_revision_graph_conflicts.sql"),
    include_str!("../migrations/0008_record_revision_ids.sql"),
    include_str!("../migrations/0009_sync_graph_by_release.sql"),
    include_str!("../migrations/0010_listing_recent.sql"),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of a Dateline database: "Dtln" in ASCII.
pub const APPLICATION_ID: i32 = 0x4474_6C6E;

/// How long a connection waits for another connection's lock before `busy`.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open database connection and whether it is read-only.
pub struct Opened {
    /// The connection, migrated and configured.
    pub conn: Connection,
    /// `true` when the folder cannot be written and the file was opened read-only.
    pub read_only: bool,
}

/// How often opening a file is tried again when SQLite answers busy at once.
const OPEN_RETRIES: u64 = 10;

/// Opens (creating if needed) and migrates the database at `path`. When that
/// fails because the file's folder cannot be written (SQLite needs to create
/// its `-wal` and `-shm` files beside the database), an existing up-to-date
/// database is opened read-only instead.
pub fn open_file(path: &Path) -> Result<Opened, StoreError> {
    let shown = path.display().to_string();
    check_header(path, &shown)?;
    // Several processes opening an old file at once: SQLite answers "busy" at
    // once (without waiting) when switching an old file's journal to WAL races
    // another process's upgrade; a fresh attempt then finds it migrated.
    let attempt = || {
        Connection::open(path)
            .map_err(|e| StoreError::from_sqlite(e, &shown))
            .and_then(|mut conn| prepare(&mut conn, &shown, Some(path)).map(|()| conn))
    };
    let mut result = attempt();
    for n in 1..=OPEN_RETRIES {
        match &result {
            Err(e) if e.code().as_str() == "busy" => {
                std::thread::sleep(std::time::Duration::from_millis(20 * n));
                result = attempt();
            }
            _ => break,
        }
    }
    match result {
        Ok(conn) => Ok(Opened {
            conn,
            read_only: false,
        }),
        Err(e) if might_be_read_only_folder(&e) && path.is_file() && !folder_writable(path) => {
            open_read_only(path, &shown)
        }
        Err(e) => Err(e.on_disk(Some(path))),
    }
}

/// Opens an existing, up-to-date Dateline database read-only, writing nothing.
pub fn open_file_read_only(path: &Path) -> Result<Opened, StoreError> {
    let shown = path.display().to_string();
    check_header(path, &shown)?;
    if !path.is_file() {
        return Err(StoreError::NotFound(format!(
            "there is no database at {shown}"
        )));
    }
    open_read_only(path, &shown)
}

/// Opens and migrates a fresh in-memory database.
pub fn open_memory() -> Result<Connection, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    prepare(&mut conn, "the in-memory database", None)?;
    Ok(conn)
}

/// The errors an unwritable folder causes while opening.
fn might_be_read_only_folder(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::ReadOnly | StoreError::CannotOpen { .. } | StoreError::DiskIo { .. }
    )
}

/// Opens an existing, current Dateline database without writing anything.
///
/// SQLite reads a WAL database read-only when its `-shm` and `-wal` files
/// exist; when they do not (the last writer closed cleanly) and cannot be
/// created, only an `immutable` connection can read it. Nobody can write the
/// database without writing in its folder, so the file cannot change under it.
fn open_read_only(path: &Path, shown: &str) -> Result<Opened, StoreError> {
    match open_read_only_with(path, shown, false) {
        Err(StoreError::ReadOnly | StoreError::CannotOpen { .. } | StoreError::DiskIo { .. }) => {
            open_read_only_with(path, shown, true)
        }
        other => other,
    }
}

fn open_read_only_with(path: &Path, shown: &str, immutable: bool) -> Result<Opened, StoreError> {
    let sq = |e| StoreError::from_sqlite(e, shown);
    let mut uri = format!("file:{}?mode=ro", uri_path(path));
    if immutable {
        uri.push_str("&immutable=1");
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags).map_err(sq)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sq)?;
    let found = inspect(&conn, shown)?;
    found.refuse_if_not_ours(shown)?;
    if found.version != SCHEMA_VERSION {
        // A new file or one that needs upgrading cannot be used without writing.
        return Err(StoreError::ReadOnlyFolder {
            path: shown.to_string(),
        });
    }
    Ok(Opened {
        conn,
        read_only: true,
    })
}

/// `path` as the path of an SQLite `file:` URI: absolute, `/`-separated,
/// every byte but unreserved characters percent-encoded.
fn uri_path(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len() + 8);
    if !text.starts_with('/') {
        out.push('/'); // a Windows drive: file:/C:/…
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What an SQLite file holds, as far as Dateline is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// No table at all: a new database.
    Nobody,
    /// Dateline's (by application id, or by its tables).
    Dateline,
    /// Another program's.
    Other,
}

/// The recognition of a database: whose it is, its schema version and application id.
#[derive(Debug, Clone, Copy)]
struct Found {
    owner: Owner,
    version: i64,
    application_id: i32,
}

impl Found {
    /// Refuses another program's database and one from a newer Dateline.
    fn refuse_if_not_ours(&self, shown: &str) -> Result<(), StoreError> {
        if self.owner == Owner::Other {
            return Err(StoreError::ForeignDatabase {
                path: shown.to_string(),
            });
        }
        if self.version > SCHEMA_VERSION {
            return Err(StoreError::NewerDatabase {
                path: shown.to_string(),
                found: self.version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(())
    }

    /// Whether opening must take the write lock: to create or migrate the
    /// schema, or to set the application id of a database written before it existed.
    fn needs_writing(&self) -> bool {
        self.version < SCHEMA_VERSION || self.application_id != APPLICATION_ID
    }
}

/// Recognises the database, reading only (two pragmas once the id is set).
fn inspect(conn: &Connection, shown: &str) -> Result<Found, StoreError> {
    let sq = |e| StoreError::from_sqlite(e, shown);
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sq)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sq)?;
    let owner = if application_id == APPLICATION_ID {
        Owner::Dateline
    } else if application_id != 0 {
        Owner::Other
    } else {
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(sq)?;
        if objects == 0 && version == 0 {
            Owner::Nobody
        } else if version >= 1 && has_dateline_tables(conn).map_err(sq)? {
            Owner::Dateline
        } else {
            Owner::Other
        }
    };
    Ok(Found {
        owner,
        version,
        application_id,
    })
}

/// Whether Dateline's three founding tables are there with their key columns.
fn has_dateline_tables(conn: &Connection) -> rusqlite::Result<bool> {
    let columns: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM pragma_table_info('releases')
                 WHERE name IN ('id', 'uuid', 'created'))
              + (SELECT count(*) FROM pragma_table_info('blobs')
                 WHERE name IN ('id', 'hash', 'codec', 'data'))
              + (SELECT count(*) FROM pragma_table_info('revisions')
                 WHERE name IN ('release', 'number', 'created', 'author', 'manifest'))",
        [],
        |r| r.get(0),
    )?;
    Ok(columns == 12)
}

/// The page cache's ceiling, in KiB (a negative `cache_size` is KiB).
const CACHE_KIB: i64 = -32_768;

/// Recognition, settings, then (under the write lock) backup and migrations.
fn prepare(conn: &mut Connection, shown: &str, file: Option<&Path>) -> Result<(), StoreError> {
    let sq = |e| StoreError::from_sqlite(e, shown);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sq)?;
    conn.pragma_update(None, "foreign_keys", true).map_err(sq)?;
    // One read transaction: the pragmas and the schema are one snapshot, even
    // while another process creates or migrates the file.
    let found = {
        let tx = conn.transaction().map_err(sq)?;
        let found = inspect(&tx, shown)?;
        tx.commit().map_err(sq)?;
        found
    };
    found.refuse_if_not_ours(shown)?;
    if file.is_some() {
        // Persistent, so a no-op after the first open (it waits for the lock it needs).
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .map_err(sq)?;
    }
    // In WAL mode NORMAL is crash-safe; only the last commits may be lost on power failure.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sq)?;
    // SQLite's default page cache is 2 MiB: a library of thousands of releases
    // then reads its indexes (blob hashes, record ids) from the file again on
    // nearly every lookup. The cache only grows as pages are read.
    conn.pragma_update(None, "cache_size", CACHE_KIB)
        .map_err(sq)?;
    let partial = file.map(partial_backup).filter(|p| p.exists());
    if found.needs_writing() || partial.is_some() {
        migrate(conn, shown, file)?;
    }
    Ok(())
}

/// Under the write lock: reads the version again, removes a partial backup,
/// backs up an existing database, applies the missing migrations and sets the
/// application id, all in one transaction.
fn migrate(conn: &mut Connection, shown: &str, file: Option<&Path>) -> Result<(), StoreError> {
    let sq = |e| StoreError::from_sqlite(e, shown);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sq)?;
    // Another process may have migrated (or replaced) the file while this one waited.
    let found = inspect(&tx, shown)?;
    found.refuse_if_not_ours(shown)?;
    if let Some(path) = file {
        remove_partial_backups(path)?;
        if found.owner == Owner::Dateline && found.version < SCHEMA_VERSION {
            backup(path, found.version)?;
        }
    }
    let from = usize::try_from(found.version).unwrap_or(0);
    for sql in MIGRATIONS.iter().skip(from) {
        tx.execute_batch(sql).map_err(sq)?;
    }
    if found.version < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(sq)?;
    }
    if found.application_id != APPLICATION_ID {
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sq)?;
    }
    if (1..2).contains(&found.version) {
        // Version 2 added the listing; fill it in for the releases stored before.
        crate::listing::backfill(&tx, shown)?;
    }
    tx.commit().map_err(sq)
}

/// The name a backup is written under until it is complete.
fn partial_backup(path: &Path) -> PathBuf {
    with_suffix(path, ".backup-partial")
}

/// `path` with `suffix` appended to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Removes what a process killed while backing up left behind: the partial
/// copy and its journal, and (from Dateline versions that wrote backups under
/// their final name) an empty `*.backup-v*` file or one beside its `-journal`.
/// Runs only holding the write lock, so no other process is writing them.
fn remove_partial_backups(path: &Path) -> Result<(), StoreError> {
    let partial = partial_backup(path);
    for p in [
        with_suffix(&partial, "-journal"),
        with_suffix(&partial, "-wal"),
        with_suffix(&partial, "-shm"),
        partial,
    ] {
        remove_if_exists(&p)?;
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Ok(());
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!("{}.backup-v", name.to_string_lossy());
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().to_string();
        if !file.starts_with(&prefix) || file.ends_with("-journal") {
            continue;
        }
        let copy = entry.path();
        let journal = with_suffix(&copy, "-journal");
        let empty = entry.metadata().map(|m| m.len() == 0).unwrap_or(false);
        if empty || journal.exists() {
            remove_if_exists(&journal)?;
            remove_if_exists(&copy)?;
        }
    }
    Ok(())
}

fn remove_if_exists(p: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(p) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

/// Copies the database to `<db>.backup-v<version>-<UTC timestamp>`: `VACUUM
/// INTO` a temporary name from a second connection (it reads the last commit,
/// which the caller's write lock keeps as it is), synced, then renamed.
fn backup(path: &Path, version: i64) -> Result<PathBuf, StoreError> {
    let shown = path.display().to_string();
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let base = format!("{}.backup-v{version}-{stamp}", path.display());
    let mut target = PathBuf::from(&base);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = PathBuf::from(format!("{base}-{n}"));
    }
    let partial = partial_backup(path);
    let reader = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::from_sqlite(e, &shown))?;
    reader
        .busy_timeout(BUSY_TIMEOUT)
        .and_then(|()| reader.execute("VACUUM INTO ?1", params![partial.to_string_lossy()]))
        .map_err(|e| StoreError::from_sqlite(e, &shown))?;
    drop(reader);
    File::open(&partial)?.sync_all()?;
    std::fs::rename(&partial, &target)?;
    sync_folder(path);
    Ok(target)
}

/// Makes a rename in the folder of `path` durable (where the system allows it).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Best effort: the copy itself is already synced.
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Whether a file can be created in the folder of `path`.
fn folder_writable(path: &Path) -> bool {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    probe_write(dir, 0).is_ok()
}

/// Creates a uniquely named file in `dir`, writes `bytes` zero bytes to it and
/// syncs it, then removes it: the cheapest honest answer to "can this folder
/// be written" and "is this disk full".
pub(crate) fn probe_write(dir: &Path, bytes: usize) -> std::io::Result<()> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let probe = dir.join(format!(".dateline-probe-{}-{nanos}", std::process::id()));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)?;
    let written = f.write_all(&vec![0u8; bytes]).and_then(|()| f.sync_all());
    drop(f);
    let removed = std::fs::remove_file(&probe);
    written.and(removed)
}

/// Refuses a file that is not SQLite, or whose header says it is longer than it is.
fn check_header(path: &Path, shown: &str) -> Result<(), StoreError> {
    let len = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(_) => {
            return Err(StoreError::NotADatabase {
                path: shown.to_string(),
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    if len == 0 {
        return Ok(()); // SQLite treats an empty file as a new database
    }
    let mut head = Vec::with_capacity(100);
    File::open(path)?.take(100).read_to_end(&mut head)?;
    let not_db = || StoreError::NotADatabase {
        path: shown.to_string(),
    };
    let corrupt = || StoreError::corrupt(shown);
    if !head.starts_with(b"SQLite format 3\0") {
        return Err(not_db());
    }
    let be32 = |at: usize| {
        head.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    let (Some(change), Some(pages), Some(valid_for)) = (be32(24), be32(28), be32(92)) else {
        return Err(corrupt()); // shorter than the 100-byte header
    };
    let page_size = match head.get(16..18) {
        Some([1, 0]) => 65_536u64, // (the value 1 means 65536)
        Some(&[a, b]) => u64::from(u16::from_be_bytes([a, b])),
        _ => 0,
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(corrupt());
    }
    // The in-header size is trusted (by SQLite too) only when `valid_for` matches the
    // change counter; a non-empty WAL or rollback journal may legitimately hold more.
    let side = |suffix: &str| {
        std::fs::metadata(with_suffix(path, suffix))
            .map(|m| m.len() > 0)
            .unwrap_or(false)
    };
    if pages > 0 && valid_for == change && !side("-wal") && !side("-journal") {
        let expected = u64::from(pages) * page_size;
        if len < expected {
            return Err(corrupt());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_probe_into_a_full_device_reports_storage_full() {
        // /dev/full accepts opens and fails every write with "no space".
        #[cfg(target_os = "linux")]
        {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full");
            let e = f
                .write_all(&[0u8; 4096])
                .and_then(|()| f.sync_all())
                .expect_err("no space");
            assert!(crate::error::is_storage_full(&e), "{e:?}");
        }
        let dir = tempfile::tempdir().expect("tempdir");
        probe_write(dir.path(), 4096).expect("a probe in a writable folder");
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("dir").count(),
            0,
            "the probe is removed"
        );
        assert!(probe_write(&dir.path().join("missing"), 0).is_err());
    }

    #[test]
    fn an_empty_database_is_nobodys_and_a_migrated_one_is_datelines() {
        let mut c = Connection::open_in_memory().expect("open");
        let found = inspect(&c, "m").expect("inspect");
        assert_eq!(found.owner, Owner::Nobody);
        assert!(found.needs_writing());
        prepare(&mut c, "m", None).expect("prepare");
        let found = inspect(&c, "m").expect("inspect");
        assert_eq!(found.owner, Owner::Dateline);
        assert_eq!(found.version, SCHEMA_VERSION);
        assert!(!found.needs_writing());
    }
}
