//! A pulled page of colleagues' revisions goes into the local history in one
//! transaction: all of it or, when any revision of it fails, none of it; and
//! the search index ends up describing each release's latest revision.

#![allow(clippy::unwrap_used)]

mod common;

use common::{by, content, edit_word, seed};
use dateline_store::{ListFilter, OutgoingRevision, RemoteRevision, SqliteStore, Store};

fn remote(r: &OutgoingRevision) -> RemoteRevision {
    RemoteRevision {
        record_id: r.record_id.clone(),
        release_id: r.release_id.clone(),
        author: r.author.clone(),
        pushed_by: "ana".into(),
        number: r.number,
        message: r.message.clone(),
        fields: r.fields.clone(),
        blocks: r.blocks.clone(),
        created: r.created,
        base: r.base.clone(),
        parents: r.parents.clone(),
        resolves: r.resolves.clone(),
    }
}

fn found(s: &SqliteStore, word: &str) -> usize {
    s.list(&ListFilter {
        query: Some(word.into()),
        deleted: false,
        ids: None,
    })
    .unwrap()
    .len()
}

/// Three revisions by Ana of one release, as the server would hand them out.
fn anas_page() -> (Vec<RemoteRevision>, dateline_core::Release) {
    let ana = SqliteStore::open_in_memory().unwrap();
    let first = edit_word(&seed(), 1, "Zanzibarian");
    let (id, _) = ana.create(&first, &by("Ana", None)).unwrap();
    let second = edit_word(&first, 1, "Quillwort");
    ana.save(&id, &second, &by("Ana", Some("second"))).unwrap();
    let third = edit_word(&second, 2, "Marrowfat");
    ana.save(&id, &third, &by("Ana", Some("third"))).unwrap();
    let out = ana.sync_outbox(100).unwrap();
    assert_eq!(out.len(), 3);
    (out.iter().map(remote).collect(), third)
}

#[test]
fn a_page_that_fails_part_way_leaves_nothing_behind() {
    let (page, _) = anas_page();
    let me = SqliteStore::open_in_memory().unwrap();
    // The third record passes the content checks but fails inside the
    // transaction: a merge revision of a release this store does not hold.
    let mut bad = page[2].clone();
    bad.release_id = "0190a0a0-0000-7000-8000-00000000beef".into();
    bad.parents = vec![page[0].record_id.clone(), page[1].record_id.clone()];
    let broken = vec![page[0].clone(), page[1].clone(), bad];
    assert!(me.sync_apply_page(&broken).is_err());
    for r in &page {
        assert!(!me.sync_knows(&r.record_id).unwrap(), "{}", r.record_id);
    }
    assert!(me.list(&ListFilter::default()).unwrap().is_empty());
    assert_eq!(me.blob_count().unwrap(), 0);
}

#[test]
fn a_page_is_applied_in_order_and_searched_by_its_latest_revision() {
    let (page, latest) = anas_page();
    let me = SqliteStore::open_in_memory().unwrap();
    assert_eq!(
        me.sync_apply_page(&page).unwrap(),
        vec![Some(1), Some(2), Some(3)]
    );
    let id = &page[0].release_id;
    assert_eq!(content(me.load(id, None).unwrap()), content(latest));
    assert_eq!(me.log(id).unwrap().len(), 3);
    // The search row was written once, from revision 3: its words are found,
    // a word revision 2 replaced is not.
    assert_eq!(found(&me, "Quillwort"), 1);
    assert_eq!(found(&me, "Marrowfat"), 1);
    assert_eq!(found(&me, "Zanzibarian"), 0);
    // The same page again (a pull retried after a crash before the cursor
    // was saved) adds nothing.
    assert_eq!(me.sync_apply_page(&page).unwrap(), vec![None, None, None]);
    assert_eq!(me.log(id).unwrap().len(), 3);
}
