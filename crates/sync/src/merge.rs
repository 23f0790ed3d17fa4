//! Concurrent revisions: merges and the conflicts they leave for the user.
//!
//! When two people save on the same base revision, both revisions are kept in
//! every history. After a pull, a release with more than one tip gets ONE
//! merge revision over its sorted tips, made the same way on every client (id
//! a UUID v5 of the tips' ids, base their deepest common ancestor, content the
//! per-field three-way merge of [`dateline_diff::merge`], author "Dateline",
//! time the latest tip's), so pushing it from several clients is idempotent.
//!
//! Where both changed the same text, the merge takes a default (the version
//! saved last) and keeps a [`Conflict`] for the user:
//!
//! - [`conflicts`]: the conflicts still open on the latest revision of a
//!   release, each with the base text, every version (author, record, text)
//!   and the default picked;
//! - [`resolve`]: the user's choice per conflict ([`Choice::Version`] or
//!   [`Choice::Edited`]) saved as a normal revision on top of the latest
//!   ("Resolved by Ana: headline — Ben’s version; quote 2 — edited"); the
//!   conflicts are marked resolved (append-only) and the revision syncs like
//!   any other, carrying which conflicts it settles to the other clients.
//!
//! All of these types derive `serde` and `ts_rs::TS` for the app.

use dateline_store::{SqliteStore, StoreError};

pub use dateline_diff::merge::{Conflict, RevisionRef, Version};
pub use dateline_store::{Choice, OpenConflict};

/// The conflicts still open on the latest revision of release `release_id`.
pub fn conflicts(store: &SqliteStore, release_id: &str) -> Result<Vec<OpenConflict>, StoreError> {
    store.open_conflicts(release_id)
}

/// Settles conflicts of release `release_id` (named by their `path`) with a
/// new revision by `author`; returns its number.
pub fn resolve(
    store: &SqliteStore,
    release_id: &str,
    choices: &[(String, Choice)],
    author: &str,
) -> Result<u32, StoreError> {
    store.resolve_conflicts(release_id, choices, author)
}
