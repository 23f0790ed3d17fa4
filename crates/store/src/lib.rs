//! `dateline-store`: every saved state of every release, append-only.
//!
//! A save is an immutable revision (author, time, optional message and
//! checkpoint name); restoring an old revision appends a new one. Revisions are
//! content-addressed at field and block level: each top-level field and each
//! body block is a blob stored once under its hash, and a revision is a small
//! manifest referring to blobs, so a one-word edit stores one block, the body
//! list and the manifest. An autosaved working copy per release is kept apart
//! from the history, and the trash is a flag, so nothing is ever lost.
//!
//! [`Store`] is the one interface the rest of Dateline uses; [`SqliteStore`]
//! implements it on SQLite (WAL, busy timeout, one transaction per save,
//! numbered migrations embedded in the binary and applied under one write lock,
//! a copy made before migrating, other programs' databases refused untouched).
//!
//! - [`types`]: the values returned to callers (exported to TypeScript);
//! - [`error`]: [`StoreError`] and its stable codes;
//! - `schema`: recognising, opening, checking and migrating a database file;
//! - `parts`, `codec`, `blobs`: cutting a release into content-addressed blobs;
//! - `listing`: the summary and full text behind [`Store::list`];
//! - [`editing`]: the editor's use cases over any store (open, either side of a compare);
//! - `sqlite::records`: append-only [`Record`]s (the review workflow's comments, approvals…).
//! - [`graph`]: the revision graph of synced revisions, deterministic merge
//!   revisions over concurrent tips, and the conflicts kept for the user
//!   ([`SqliteStore::open_conflicts`], [`SqliteStore::resolve_conflicts`]).

use std::path::PathBuf;

use dateline_core::Release;

mod blobs;
mod codec;
pub mod editing;
pub mod error;
mod listing;
mod parts;
mod schema;
mod sqlite;
pub mod types;

pub use editing::{load_ref, open_release, OpenRelease, RevRef};
pub use error::StoreError;
pub use sqlite::graph;
pub use sqlite::graph::{Choice, OpenConflict, MERGE_AUTHOR};
pub use sqlite::pending::Pending;
pub use sqlite::review_sync::{OutgoingRecord, PulledRecord, RefusedRecord};
pub use sqlite::sync::{DecodedBlocks, OutgoingRevision, PreparedRevision, RemoteRevision};
pub use sqlite::SqliteStore;
pub use types::{
    ListFilter, Record, ReleasePage, ReleaseSummary, RevisionInfo, SaveMeta, WorkingCopy,
};

/// The app's identifier: the data folder is named after it (as Tauri's `app_data_dir`).
pub const APP_IDENTIFIER: &str = "org.dateline.app";

/// The default database, `<data dir>/org.dateline.app/dateline.db` (the folder the
/// app's `app_data_dir` resolves to on Linux, macOS and Windows); creates the folder.
pub fn default_db_path() -> Result<PathBuf, StoreError> {
    let base = directories::BaseDirs::new().ok_or(StoreError::NoDataDir)?;
    let dir = base.data_dir().join(APP_IDENTIFIER);
    std::fs::create_dir_all(&dir)?;
    Ok(dir.join("dateline.db"))
}

/// The author recorded on revisions when none is given: `$DATELINE_AUTHOR`, else
/// the name of the logged-in user, else "unknown".
pub fn default_author() -> String {
    std::env::var("DATELINE_AUTHOR")
        .ok()
        .filter(|a| !a.trim().is_empty())
        .or_else(|| whoami::username().ok().filter(|u| !u.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// The revision store: the one interface the rest of Dateline uses, so another
/// backend (PostgreSQL for a shared newsroom) can be added without changes elsewhere.
///
/// Ids are the full release ids returned by [`Store::create`]; [`Store::resolve`]
/// turns a typed prefix into one.
pub trait Store: Send + Sync {
    /// Stores `r` as a new release; returns its new id (a UUID v7) and revision 1.
    fn create(&self, r: &Release, m: &SaveMeta) -> Result<(String, u32), StoreError>;
    /// Saves `r` as the next revision of release `id` (and clears its working copy);
    /// returns the new revision number.
    fn save(&self, id: &str, r: &Release, m: &SaveMeta) -> Result<u32, StoreError>;
    /// Revision `rev` of release `id` (the latest when `None`), with `meta.id`,
    /// `meta.created` (time of revision 1) and `meta.updated` (that revision's time) filled.
    fn load(&self, id: &str, rev: Option<u32>) -> Result<Release, StoreError>;
    /// The history of release `id`, newest first.
    fn log(&self, id: &str) -> Result<Vec<RevisionInfo>, StoreError>;
    /// Appends a new revision with the content of revision `rev`; returns its number.
    fn restore(&self, id: &str, rev: u32, m: &SaveMeta) -> Result<u32, StoreError>;
    /// Releases (or the trash), most recently saved first; `query` matches the
    /// headline and the full text, ignoring case.
    fn list(&self, f: &ListFilter) -> Result<Vec<ReleaseSummary>, StoreError>;
    /// The window of [`Store::list`] of at most `limit` rows from row `offset`
    /// (0 is the first), with the number of releases the filter matches in all.
    fn list_page(&self, f: &ListFilter, offset: u32, limit: u32)
        -> Result<ReleasePage, StoreError>;
    /// Moves release `id` to the trash (nothing is deleted).
    fn delete(&self, id: &str) -> Result<(), StoreError>;
    /// Brings release `id` back from the trash.
    fn undelete(&self, id: &str) -> Result<(), StoreError>;
    /// Autosaves `r` as the working copy of release `id`, apart from the history.
    fn save_working_copy(&self, id: &str, r: &Release) -> Result<(), StoreError>;
    /// The autosaved working copy of release `id`, if any.
    fn working_copy(&self, id: &str) -> Result<Option<WorkingCopy>, StoreError>;
    /// Drops the working copy of release `id` (saving a revision also does).
    fn discard_working_copy(&self, id: &str) -> Result<(), StoreError>;
    /// The full id of the release whose id is `id_or_prefix` or starts with it
    /// (at least 4 characters); `not_found` or `ambiguous_id` otherwise.
    fn resolve(&self, id_or_prefix: &str) -> Result<String, StoreError>;
    /// What the editor opens for release `id`: its working copy when there is
    /// one, else its latest revision, with the latest revision's number; read
    /// in one transaction (see [`editing::open_release`]).
    fn open_release(&self, id: &str) -> Result<OpenRelease, StoreError>;
    /// Appends `records` in one transaction (all or none); a record whose id is
    /// already stored is skipped, so retrying is safe. Returns how many were new.
    fn append_records(&self, records: &[Record]) -> Result<usize, StoreError>;
    /// The records of release `release_id`, oldest first (by time, then id).
    fn records(&self, release_id: &str) -> Result<Vec<Record>, StoreError>;
    /// The records whose kind is one of `kinds`, of every release, oldest first
    /// (by time, then id): one read where a summary of the whole library would
    /// otherwise read each release's records.
    fn records_of_kinds(&self, kinds: &[&str]) -> Result<Vec<Record>, StoreError>;
    /// The author of each release's first revision, by release id (the trash
    /// included), in one read.
    fn first_authors(&self) -> Result<std::collections::HashMap<String, String>, StoreError>;
    /// The record whose id is `id_or_prefix` or starts with it (at least 4
    /// characters); `not_found` when none or several match.
    fn record(&self, id_or_prefix: &str) -> Result<Record, StoreError>;
}
