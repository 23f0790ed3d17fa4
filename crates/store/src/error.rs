//! Errors of the revision store.
//!
//! Every failure the UI or the CLI may show is one variant with a stable
//! snake_case [`StoreError::code`] and a one-sentence message. SQLite's own
//! result codes (full disk, locked, damaged file, …) are mapped here so that no
//! caller has to know about SQLite.

use std::path::Path;

use dateline_core::validate::Problem;
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
    /// The file is another program's SQLite database; it was left untouched.
    #[error("{path} is not a Dateline database (it is another program's SQLite database); it was left untouched")]
    ForeignDatabase { path: String },
    /// Another program holds the database locked for longer than the busy timeout.
    #[error("the database is busy (locked by another program); try again")]
    Busy,
    /// The disk (or the database size limit) is full.
    #[error("the disk is full; free some space and try again")]
    DiskFull,
    /// The database file is read-only.
    #[error("the database is read-only; check the file's permissions")]
    ReadOnly,
    /// The database's folder cannot be written: it was opened read-only, and
    /// writes (or the upgrade it needs) are refused.
    #[error("{path} is open read-only because its folder cannot be written; reading works, saving does not")]
    ReadOnlyFolder { path: String },
    /// The release breaks one or more of the model's rules and is not stored:
    /// every problem, each with the path of its field.
    #[error("the release cannot be saved: {}", join_problems(.0))]
    InvalidRelease(Vec<Problem>),
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
    /// The operating system reported an input/output error on the database file.
    #[error("{path}: the disk reported an input/output error ({message})")]
    DiskIo { path: String, message: String },
    /// Any other SQLite error.
    #[error("database error: {0}")]
    Sqlite(String),
}

/// The problems on one line, each with its path (when it has one).
fn join_problems(problems: &[Problem]) -> String {
    let all: Vec<String> = problems
        .iter()
        .map(|p| {
            if p.path.is_empty() {
                p.message.clone()
            } else {
                p.to_string()
            }
        })
        .collect();
    all.join("; ")
}

impl StoreError {
    /// Stable machine-readable code.
    pub fn code(&self) -> dateline_core::ErrorCode {
        use dateline_core::ErrorCode as Code;
        match self {
            StoreError::NotFound(_) => Code::NotFound,
            StoreError::AmbiguousId { .. } | StoreError::ShortPrefix(_) => Code::AmbiguousId,
            StoreError::NewerDatabase { .. } => Code::NewerDatabase,
            StoreError::CorruptDatabase { .. } => Code::CorruptDatabase,
            StoreError::NotADatabase { .. } | StoreError::ForeignDatabase { .. } => {
                Code::NotADatabase
            }
            StoreError::Busy => Code::Busy,
            StoreError::DiskFull => Code::DiskFull,
            StoreError::ReadOnly | StoreError::ReadOnlyFolder { .. } => Code::ReadOnly,
            StoreError::InvalidRelease(_) => Code::InvalidRelease,
            StoreError::Io(_) | StoreError::CannotOpen { .. } | StoreError::DiskIo { .. } => {
                Code::Io
            }
            StoreError::NoDataDir => Code::NoDataDir,
            StoreError::NoWorkingCopy => Code::NoWorkingCopy,
            StoreError::Sqlite(_) => Code::Sqlite,
        }
    }

    /// The validation problems of an `invalid_release` error (empty for any other error).
    pub fn problems(&self) -> &[Problem] {
        match self {
            StoreError::InvalidRelease(p) => p,
            _ => &[],
        }
    }

    /// An `invalid_release` error with one problem that is not a model rule
    /// (a working copy too large to keep, a value that does not serialize).
    pub(crate) fn invalid(path: &str, message: String) -> Self {
        StoreError::InvalidRelease(vec![Problem {
            path: path.to_string(),
            message,
        }])
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
            Some(ErrorCode::SystemIoFailure) => StoreError::DiskIo {
                path: path.to_string(),
                message: e.to_string(),
            },
            _ => StoreError::Sqlite(e.to_string()),
        }
    }

    /// Tells a full disk from other I/O errors. SQLite reports a disk that is
    /// completely full as a plain I/O error when it cannot even grow its
    /// shared-memory or journal files, so on an I/O error about the database
    /// `file`, a small probe write in its folder decides: if the system says
    /// "no space", the error is [`StoreError::DiskFull`].
    pub(crate) fn on_disk(self, file: Option<&Path>) -> Self {
        let full = match (&self, file) {
            (StoreError::DiskIo { .. }, Some(file)) => disk_is_full(file),
            (StoreError::Io(e), _) => is_storage_full(e),
            _ => false,
        };
        if full {
            StoreError::DiskFull
        } else {
            self
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

/// Whether the disk holding `file` has no room left: a 64 KiB probe written
/// and synced beside it fails with "no space" (the probe is removed).
fn disk_is_full(file: &Path) -> bool {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    matches!(
        crate::schema::probe_write(dir, 64 * 1024),
        Err(e) if is_storage_full(&e)
    )
}

/// Whether an I/O error means "no space left on the device" (or over quota).
pub(crate) fn is_storage_full(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::{Connection, OpenFlags};

    fn sqlite_error(conn: &Connection, sql: &str) -> rusqlite::Error {
        conn.execute_batch(sql).expect_err("the statement fails")
    }

    #[test]
    fn an_invalid_release_carries_each_problem_with_its_path() {
        let e = StoreError::InvalidRelease(vec![
            Problem {
                path: "headline".into(),
                message: "the headline is empty".into(),
            },
            Problem {
                path: "contacts[0].email".into(),
                message: "“x” is not an email address".into(),
            },
        ]);
        assert_eq!(e.code(), "invalid_release");
        assert_eq!(e.problems().len(), 2);
        assert_eq!(e.problems()[1].path, "contacts[0].email");
        assert_eq!(
            e.to_string(),
            "the release cannot be saved: headline: the headline is empty; \
             contacts[0].email: “x” is not an email address"
        );
        let e = StoreError::invalid("", "the working copy is 40 MB".into());
        assert_eq!(
            e.to_string(),
            "the release cannot be saved: the working copy is 40 MB"
        );
        assert!(StoreError::Busy.problems().is_empty());
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
