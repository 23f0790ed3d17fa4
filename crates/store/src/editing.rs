//! Use cases of the editor over any [`Store`]: what to open (unsaved edits
//! first), and reading either side of a comparison (a revision or the working
//! copy). They live here, not in the app shell, so the CLI, the app and a
//! future backend share them.

use dateline_core::Release;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Store, StoreError};

/// What the editor opens: the working copy when there is one, else the latest revision.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OpenRelease {
    /// The release to edit.
    pub release: Release,
    /// `true` when `release` is the autosaved working copy (unsaved edits).
    pub from_working_copy: bool,
    /// Number of the latest revision.
    pub latest_revision: u32,
    /// When the working copy was autosaved (RFC 3339), if it is one.
    pub working_copy_saved_at: Option<String>,
}

/// Opens release `id` for editing: its unsaved edits if any, else its latest
/// revision. The store reads the working copy, the latest revision and its
/// number in one transaction ([`Store::open_release`]).
pub fn open_release(store: &dyn Store, id: &str) -> Result<OpenRelease, StoreError> {
    store.open_release(id)
}

/// One side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum RevRef {
    /// A saved revision.
    Revision { number: u32 },
    /// The autosaved working copy (unsaved edits).
    WorkingCopy,
}

/// Loads one side of a comparison of release `id`.
pub fn load_ref(store: &dyn Store, id: &str, r: RevRef) -> Result<Release, StoreError> {
    match r {
        RevRef::Revision { number } => store.load(id, Some(number)),
        RevRef::WorkingCopy => store
            .working_copy(id)?
            .map(|wc| wc.release)
            .ok_or(StoreError::NoWorkingCopy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{SaveMeta, SqliteStore};

    const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

    #[test]
    fn unsaved_edits_open_first_and_compare_against_revisions() {
        let store = SqliteStore::open_in_memory().expect("store");
        let seed = dateline_core::from_json(SEED).expect("seed");
        let meta = SaveMeta {
            author: "t".into(),
            message: None,
            name: None,
        };
        let (id, _) = store.create(&seed, &meta).expect("create");
        let opened = open_release(&store, &id).expect("open");
        assert!(!opened.from_working_copy);
        assert_eq!(opened.latest_revision, 1);
        assert!(matches!(
            load_ref(&store, &id, RevRef::WorkingCopy),
            Err(StoreError::NoWorkingCopy)
        ));

        let mut edited = seed.clone();
        edited.headline = "Edited headline".into();
        store.save_working_copy(&id, &edited).expect("autosave");
        let opened = open_release(&store, &id).expect("open");
        assert!(opened.from_working_copy);
        assert_eq!(opened.release.headline, "Edited headline");
        assert_eq!(opened.release.meta.id, id);
        assert!(opened.working_copy_saved_at.is_some());
        assert_eq!(opened.latest_revision, 1);
        assert_eq!(opened.release.meta.created, r1_created(&store, &id));
        let wc = load_ref(&store, &id, RevRef::WorkingCopy).expect("working copy");
        let r1 = load_ref(&store, &id, RevRef::Revision { number: 1 }).expect("rev 1");
        assert_eq!(wc.headline, "Edited headline");
        assert_eq!(r1.headline, seed.headline);

        // Saving clears the working copy: the next open is the new latest revision.
        store.save(&id, &edited, &meta).expect("save");
        let opened = open_release(&store, &id).expect("open");
        assert!(!opened.from_working_copy);
        assert_eq!(opened.latest_revision, 2);
        assert_eq!(opened.release.headline, "Edited headline");
        assert_eq!(opened.release.meta.id, id);
        assert!(matches!(
            open_release(&store, "0000-missing"),
            Err(StoreError::NotFound(_))
        ));
    }

    fn r1_created(store: &SqliteStore, id: &str) -> Option<chrono::DateTime<chrono::Utc>> {
        store.load(id, Some(1)).expect("rev 1").meta.created
    }
}
