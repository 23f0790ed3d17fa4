//! Opening a database safely: checks, settings, migrations and the copy made first.
//!
//! The order matters. A file that is not SQLite, or is visibly truncated, is
//! refused before SQLite touches it; a database from a newer Dateline is
//! refused before anything is written (not even the switch to WAL); an
//! existing database that needs migrating is first copied aside to
//! `<db>.backup-v<old>-<timestamp>`. Migrations are numbered SQL files embedded
//! in the binary and applied by `rusqlite_migration` (`PRAGMA user_version`).

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection};
use rusqlite_migration::{Migrations, M};

use crate::StoreError;

/// The migrations, in order; migration N brings the schema to version N.
const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_revisions.sql")),
    M::up(include_str!(
        "../migrations/0002_trash_listing_working_copies.sql"
    )),
    M::up(include_str!("../migrations/0004_sync.sql")),
];
const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATION_LIST.len() as i64;

/// How long a writer waits for another connection's lock before `busy`.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens (creating if needed) and migrates the database at `path`.
pub fn open_file(path: &Path) -> Result<Connection, StoreError> {
    let shown = path.display().to_string();
    check_header(path, &shown)?;
    let mut conn = Connection::open(path).map_err(|e| StoreError::from_sqlite(e, &shown))?;
    prepare(&mut conn, &shown, Some(path))?;
    Ok(conn)
}

/// Opens and migrates a fresh in-memory database.
pub fn open_memory() -> Result<Connection, StoreError> {
    let mut conn = Connection::open_in_memory()?;
    prepare(&mut conn, "the in-memory database", None)?;
    Ok(conn)
}

/// Settings, version check, backup and migrations, in that order.
fn prepare(conn: &mut Connection, shown: &str, file: Option<&Path>) -> Result<(), StoreError> {
    let sq = |e| StoreError::from_sqlite(e, shown);
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sq)?;
    conn.pragma_update(None, "foreign_keys", true).map_err(sq)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sq)?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerDatabase {
            path: shown.to_string(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if file.is_some() {
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .map_err(sq)?;
    }
    // In WAL mode NORMAL is crash-safe; only the last commits may be lost on power failure.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sq)?;
    if version < SCHEMA_VERSION {
        if let Some(path) = file {
            let objects: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
                .map_err(sq)?;
            if objects > 0 {
                backup(conn, path, version)?;
            }
        }
        MIGRATIONS.to_latest(conn)?;
    }
    crate::listing::backfill(conn, shown)?;
    Ok(())
}

/// Copies the database to `<db>.backup-v<version>-<UTC timestamp>` with `VACUUM INTO`.
fn backup(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let base = format!("{}.backup-v{version}-{stamp}", path.display());
    let mut target = PathBuf::from(&base);
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = PathBuf::from(format!("{base}-{n}"));
    }
    let shown = path.display().to_string();
    conn.execute("VACUUM INTO ?1", params![target.to_string_lossy()])
        .map_err(|e| StoreError::from_sqlite(e, &shown))?;
    Ok(target)
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
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        std::fs::metadata(PathBuf::from(p))
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
