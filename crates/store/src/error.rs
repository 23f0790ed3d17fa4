//! Errors of the revision store.
//!
//! Every failure the UI or the CLI may show is one variant with a stable
//! snake_case [`StoreError::code`] and a one-sentence message. SQLite's own
//! result codes (full disk, locked, damaged file, …) are mapped here so that no
//! caller has to know about SQLite.

use rusqlite::ErrorCode;

/// What can go wrong in the revision store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No release (or revision) with that id or number.
    #[error("{0}")]
    NotFound(String),
    /// An id prefix that matches several releases.
    #[error("the id prefix “{prefix}” matches {count} releases; type more characters")]
    AmbiguousId { prefix: String, count: usize },
    /// An id prefix too short to look up.
    #[error("the id prefix “{0}” is too short; type at least 4 characters of the release id")]
    ShortPrefix(String),
    /// The database was written by a newer Dateline.
    #[error("{path} was written by a newer version of Dateline (schema version {found}; this one knows up to {supported}); update Dateline to open it")]
    NewerDatabase {
        path: String,
        found: i64,
        supported: i64,
    },
    /// The file is an SQLite database but damaged (truncated, overwritten).
    #[error("{path} is damaged (truncated or corrupt); restore it from a backup copy")]
    CorruptDatabase { path: String },
    /// The file is not an SQLite database at all.
    #[error("{path} is not a Dateline database (the file is not an SQLite database)")]
    NotADatabase { path: String },
    /// Another program holds the database locked for longer than the busy timeout.
    #[error("the database is busy (locked by another program); try again")]
    Busy,
    /// The disk (or the database size limit) is full.
    #[error("the disk is full; free some space and save again")]
    DiskFull,
    /// The database file or its folder is read-only.
    #[error("the database is read-only; check the file's permissions")]
    ReadOnly,
    /// The release breaks one of the model's rules and is not stored.
    #[error("the release cannot be saved: {0}")]
    InvalidRelease(String),
    /// SQLite could not open (or create) the file.
    #[error("cannot open {path}: its folder does not exist or cannot be written")]
    CannotOpen { path: String },
    /// A file-system error outside SQLite (creating the folder, reading the header).
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    /// No home / data folder could be determined for the default database.
    #[error("no data folder was found for this user; pass --db PATH")]
    NoDataDir,
    /// A comparison asked for unsaved edits that do not exist.
    #[error("this release has no unsaved changes to compare")]
    NoWorkingCopy,
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(String),
}

impl StoreError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound(_) => "not_found",
            StoreError::AmbiguousId { .. } | StoreError::ShortPrefix(_) => "ambiguous_id",
            StoreError::NewerDatabase { .. } => "newer_database",
            StoreError::CorruptDatabase { .. } => "corrupt_database",
            StoreError::NotADatabase { .. } => "not_a_database",
            StoreError::Busy => "busy",
            StoreError::DiskFull => "disk_full",
            StoreError::ReadOnly => "read_only",
            StoreError::InvalidRelease(_) => "invalid_release",
            StoreError::Io(_) | StoreError::CannotOpen { .. } => "io",
            StoreError::NoDataDir => "no_data_dir",
            StoreError::NoWorkingCopy => "no_working_copy",
            StoreError::Sqlite(_) => "sqlite",
        }
    }

    /// Maps an SQLite error, naming `path` in messages about the file itself.
    pub(crate) fn from_sqlite(e: rusqlite::Error, path: &str) -> Self {
        let code = match &e {
            rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
            _ => None,
        };
        match code {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::CorruptDatabase {
                path: path.to_string(),
            },
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
                path: path.to_string(),
            },
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen {
                path: path.to_string(),
            },
            _ => StoreError::Sqlite(e.to_string()),
        }
    }

    /// A stored value that does not decode: the file was damaged or tampered with.
    pub(crate) fn corrupt(path: &str) -> Self {
        StoreError::CorruptDatabase {
            path: path.to_string(),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::from_sqlite(e, "the database")
    }
}

impl From<rusqlite_migration::Error> for StoreError {
    fn from(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => StoreError::from(err),
            other => StoreError::Sqlite(format!("migration failed: {other}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::{Connection, OpenFlags};

    fn sqlite_error(conn: &Connection, sql: &str) -> rusqlite::Error {
        conn.execute_batch(sql).expect_err("the statement fails")
    }

    #[test]
    fn a_full_database_is_disk_full() {
        let c = Connection::open_in_memory().expect("open");
        c.execute_batch("CREATE TABLE t (x BLOB); PRAGMA max_page_count = 3;")
            .expect("setup");
        let e = sqlite_error(&c, "INSERT INTO t VALUES (zeroblob(100000))");
        let mapped = StoreError::from_sqlite(e, "x.db");
        assert_eq!(mapped.code(), "disk_full", "{mapped}");
    }

    #[test]
    fn a_read_only_database_is_read_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("ro.db");
        Connection::open(&path)
            .and_then(|c| c.execute_batch("CREATE TABLE t (x)"))
            .expect("setup");
        let c = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
        let e = sqlite_error(&c, "INSERT INTO t VALUES (1)");
        assert_eq!(StoreError::from_sqlite(e, "ro.db").code(), "read_only");
    }

    #[test]
    fn a_lock_held_past_the_timeout_is_busy() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("busy.db");
        let a = Connection::open(&path).expect("open");
        a.execute_batch("CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);")
            .expect("hold the write lock");
        let b = Connection::open(&path).expect("open");
        b.busy_timeout(std::time::Duration::from_millis(10))
            .expect("timeout");
        let e = sqlite_error(&b, "BEGIN IMMEDIATE");
        let mapped = StoreError::from_sqlite(e, "busy.db");
        assert_eq!(mapped.code(), "busy");
        assert!(mapped.to_string().contains("busy"));
    }

    #[test]
    fn file_errors_name_the_file_and_other_errors_keep_sqlites_message() {
        let e = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            None,
        );
        let mapped = StoreError::from_sqlite(e, "/tmp/x.db");
        assert_eq!(mapped.code(), "corrupt_database");
        assert!(mapped.to_string().contains("/tmp/x.db"));
        let c = Connection::open_in_memory().expect("open");
        let e = sqlite_error(&c, "SELECT * FROM missing_table");
        let mapped = StoreError::from(e);
        assert_eq!(mapped.code(), "sqlite");
        assert!(mapped.to_string().contains("missing_table"), "{mapped}");
    }
}
