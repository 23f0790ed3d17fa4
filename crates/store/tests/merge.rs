//! Concurrent revisions in the store: the revision graph, one deterministic
//! merge revision over several tips, conflicts kept and resolved, and a
//! working copy saved after a colleague's revision arrived. A `Vec` stands in
//! for the server: pushing appends the outbox to it, pulling applies what a
//! store lacks (as `dateline_sync` does with a real server).

#![allow(clippy::unwrap_used)]

mod common;

use common::{by, seed};
use dateline_core::{Block, Release};
use dateline_store::{Choice, OutgoingRevision, RemoteRevision, SqliteStore, Store};

#[derive(Default)]
struct Server {
    log: Vec<OutgoingRevision>,
}

impl Server {
    fn push(&mut self, s: &SqliteStore) {
        let out = s.sync_outbox(1000).expect("outbox");
        let ids: Vec<String> = out.iter().map(|r| r.record_id.clone()).collect();
        for r in out {
            match self.log.iter().find(|x| x.record_id == r.record_id) {
                // The server takes an identical re-push as a duplicate.
                Some(old) => assert_eq!(record(old), record(&r), "same id, same record"),
                None => self.log.push(r),
            }
        }
        s.sync_mark_sent(&ids).expect("mark sent");
    }

    fn pull(&self, s: &SqliteStore, who: &str) -> usize {
        let mut touched = std::collections::BTreeSet::new();
        for r in &self.log {
            let applied = s
                .sync_apply(&RemoteRevision {
                    record_id: r.record_id.clone(),
                    release_id: r.release_id.clone(),
                    author: r.author.clone(),
                    pushed_by: who.into(),
                    number: r.number,
                    message: r.message.clone(),
                    fields: r.fields.clone(),
                    blocks: r.blocks.clone(),
                    created: r.created,
                    base: r.base.clone(),
                    parents: r.parents.clone(),
                    resolves: r.resolves.clone(),
                })
                .expect("apply");
            if applied.is_some() {
                touched.insert(r.release_id.clone());
            }
        }
        touched
            .iter()
            .filter(|id| s.sync_merge_tips(id).expect("merge").is_some())
            .count()
    }

    fn sync(&mut self, s: &SqliteStore) -> usize {
        self.push(s);
        self.pull(s, "someone")
    }
}

/// What the server would store for a revision (the record's content).
fn record(r: &OutgoingRevision) -> String {
    format!(
        "{} {:?} {} {} {} {:?} {:?} {:?} {:?} {:?}",
        r.record_id,
        r.base,
        r.number,
        r.author,
        r.created,
        r.message,
        r.fields,
        r.blocks,
        r.parents,
        r.resolves
    )
}

fn set_block(r: &mut Release, i: usize, text: &str) {
    r.body[i] = Block::Paragraph { text: text.into() };
}

fn latest(s: &SqliteStore, id: &str) -> Release {
    common::content(s.load(id, None).expect("latest"))
}

/// Two stores sharing release `id` at revision 1.
fn two() -> (Server, SqliteStore, SqliteStore, String) {
    let mut server = Server::default();
    let a = SqliteStore::open_in_memory().expect("a");
    let b = SqliteStore::open_in_memory().expect("b");
    let (id, _) = a.create(&seed(), &by("Ana", None)).expect("create");
    server.sync(&a);
    server.sync(&b);
    (server, a, b, id)
}

#[test]
fn offline_saves_on_different_fields_merge_to_the_same_revision_everywhere() {
    let (mut server, a, b, id) = two();
    let mut ra = seed();
    ra.headline = "Ana's headline".into();
    a.save(&id, &ra, &by("Ana", None)).expect("save a");
    let mut rb = seed();
    set_block(&mut rb, 1, "Ben's second paragraph.");
    b.save(&id, &rb, &by("Ben", None)).expect("save b");

    assert_eq!(server.sync(&a), 0);
    assert_eq!(server.sync(&b), 1, "Ben merges Ana's revision with his");
    assert_eq!(server.sync(&a), 1, "Ana makes the same merge");
    server.sync(&b);
    server.sync(&a);

    let mut want = ra.clone();
    set_block(&mut want, 1, "Ben's second paragraph.");
    assert_eq!(latest(&a, &id), common::content(want));
    assert_eq!(latest(&a, &id), latest(&b, &id));
    assert_eq!(a.sync_tips(&id).unwrap(), b.sync_tips(&id).unwrap());
    assert_eq!(
        a.sync_tips(&id).unwrap().len(),
        2,
        "the two saves, merged by the latest"
    );
    // Seed, Ana's, Ben's and the one merge (pushed by both, stored once).
    assert_eq!(server.log.len(), 4);
    assert_eq!(a.log(&id).unwrap().len(), 4);
    assert_eq!(b.log(&id).unwrap().len(), 4);
    let merge = &a.log(&id).unwrap()[0];
    assert_eq!(merge.author, "Dateline");
    assert_eq!(
        merge.message.as_deref(),
        Some("Merged revisions of Ana and Ben")
    );
    assert!(a.open_conflicts(&id).unwrap().is_empty());
}

#[test]
fn the_same_field_is_a_conflict_with_the_same_default_and_a_resolution_travels() {
    let (mut server, a, b, id) = two();
    let mut ra = seed();
    ra.headline = "Ana's headline".into();
    a.save(&id, &ra, &by("Ana", None)).expect("save a");
    let mut rb = seed();
    rb.headline = "Ben's headline".into();
    b.save(&id, &rb, &by("Ben", None)).expect("save b");
    for s in [&a, &b, &a, &b, &a] {
        server.sync(s);
    }
    assert_eq!(latest(&a, &id).headline, "Ben's headline", "Ben saved last");
    let (ca, cb) = (
        a.open_conflicts(&id).unwrap(),
        b.open_conflicts(&id).unwrap(),
    );
    assert_eq!(ca.len(), 1);
    assert_eq!(ca, cb, "the same conflict on both");
    let c = &ca[0].conflict;
    assert_eq!(
        (c.path.as_str(), c.label.as_str()),
        ("headline", "headline")
    );
    assert_eq!(c.base.as_deref(), Some(seed().headline.as_str()));
    let texts: Vec<_> = c
        .versions
        .iter()
        .map(|v| (v.revision.author.as_str(), v.text.clone()))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("Ana", Some("Ana's headline".to_string())),
            ("Ben", Some("Ben's headline".to_string()))
        ]
    );
    assert_eq!(c.default, 1);

    // Ana keeps her version; Ben gets the resolution with the next sync.
    let n = a
        .resolve_conflicts(
            &id,
            &[("headline".into(), Choice::Version { index: 0 })],
            "Ana",
        )
        .expect("resolve");
    let rev = &a.log(&id).unwrap()[0];
    assert_eq!(rev.number, n);
    assert_eq!(
        rev.message.as_deref(),
        Some("Resolved by Ana: headline — Ana’s version")
    );
    assert!(a.open_conflicts(&id).unwrap().is_empty());
    server.sync(&a);
    server.sync(&b);
    assert_eq!(latest(&b, &id).headline, "Ana's headline");
    assert!(b.open_conflicts(&id).unwrap().is_empty());
    assert_eq!(latest(&a, &id), latest(&b, &id));

    // An unknown path is refused, and nothing is saved.
    let before = a.log(&id).unwrap().len();
    assert!(a
        .resolve_conflicts(
            &id,
            &[("headline".into(), Choice::Version { index: 0 })],
            "Ana"
        )
        .is_err());
    assert_eq!(a.log(&id).unwrap().len(), before);
}

#[test]
fn choosing_the_default_version_also_closes_the_conflict_on_the_other_client() {
    let (mut server, a, b, id) = two();
    let (mut ra, mut rb) = (seed(), seed());
    set_block(&mut ra, 1, "Ana's words.");
    set_block(&mut rb, 1, "Ben's words.");
    a.save(&id, &ra, &by("Ana", None)).unwrap();
    b.save(&id, &rb, &by("Ben", None)).unwrap();
    for s in [&a, &b, &a, &b] {
        server.sync(s);
    }
    let open = b.open_conflicts(&id).unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].conflict.label, "paragraph 2");
    assert_eq!(open[0].conflict.path, "body[1]");
    b.resolve_conflicts(
        &id,
        &[(
            "body[1]".into(),
            Choice::Edited {
                text: "Words of both.".into(),
            },
        )],
        "Ben",
    )
    .unwrap();
    assert_eq!(
        latest(&b, &id).body[1],
        Block::Paragraph {
            text: "Words of both.".into()
        }
    );
    assert_eq!(
        b.log(&id).unwrap()[0].message.as_deref(),
        Some("Resolved by Ben: paragraph 2 — edited")
    );
    server.sync(&b);
    server.sync(&a);
    assert!(a.open_conflicts(&id).unwrap().is_empty());
    assert_eq!(latest(&a, &id), latest(&b, &id));
}

#[test]
fn ten_stores_editing_at_once_converge_and_keep_every_revision() {
    let mut server = Server::default();
    let stores: Vec<SqliteStore> = (0..10)
        .map(|_| SqliteStore::open_in_memory().unwrap())
        .collect();
    let (id, _) = stores[0].create(&seed(), &by("c0", None)).unwrap();
    for s in &stores {
        server.sync(s);
    }
    let paragraphs = [0usize, 1, 2, 4, 6, 9];
    for (k, s) in stores.iter().enumerate() {
        let mut r = seed();
        match k {
            0..=5 => set_block(&mut r, paragraphs[k], &format!("Paragraph by client {k}.")),
            6 => r.headline = "Headline by client 6".into(),
            7 => r.subheadline = Some("Subheadline by client 7".into()),
            8 => r.meta.tags = vec!["client-8".into()],
            _ => r.people[0].title = "Title by client 9".into(),
        }
        s.save(&id, &r, &by(&format!("c{k}"), None)).unwrap();
    }
    // Everyone pushes and pulls twice, in a scrambled order: that is enough.
    for round in 0..2 {
        for k in 0..10 {
            server.sync(&stores[(k * 7 + round * 3) % 10]);
        }
    }
    let first = latest(&stores[0], &id);
    for s in &stores {
        assert_eq!(latest(s, &id), first);
        assert_eq!(s.sync_tips(&id).unwrap(), stores[0].sync_tips(&id).unwrap());
        assert_eq!(
            s.sync_tips(&id).unwrap().len(),
            10,
            "the ten saves, merged by the latest"
        );
        assert!(s.open_conflicts(&id).unwrap().is_empty());
        // Every client's revision is in every history.
        let authors: std::collections::BTreeSet<String> =
            s.log(&id).unwrap().into_iter().map(|r| r.author).collect();
        for k in 0..10 {
            assert!(authors.contains(&format!("c{k}")));
        }
    }
    for (k, p) in paragraphs.iter().enumerate() {
        assert_eq!(
            first.body[*p],
            Block::Paragraph {
                text: format!("Paragraph by client {k}.")
            }
        );
    }
    assert_eq!(first.headline, "Headline by client 6");
    assert_eq!(
        first.subheadline.as_deref(),
        Some("Subheadline by client 7")
    );
    assert_eq!(first.meta.tags, vec!["client-8".to_string()]);
    assert_eq!(first.people[0].title, "Title by client 9");
}

#[test]
fn a_working_copy_saved_after_a_pull_is_merged_not_overwriting() {
    let (mut server, a, b, id) = two();
    // Ana starts editing revision 1 (autosaved), then Ben's revision arrives.
    let mut wc = seed();
    wc.headline = "Ana's unsaved headline".into();
    a.save_working_copy(&id, &wc).unwrap();
    let mut rb = seed();
    set_block(&mut rb, 2, "Ben's third paragraph.");
    b.save(&id, &rb, &by("Ben", None)).unwrap();
    server.sync(&b);
    server.sync(&a);
    assert_eq!(
        a.working_copy(&id).unwrap().map(|w| w.release.headline),
        Some("Ana's unsaved headline".into()),
        "a colleague's revision keeps the unsaved edits"
    );
    assert_eq!(latest(&a, &id).body[2], rb.body[2]);

    a.save(&id, &wc, &by("Ana", None)).unwrap();
    let saved = latest(&a, &id);
    assert_eq!(saved.headline, "Ana's unsaved headline");
    assert_eq!(
        saved.body[2], rb.body[2],
        "Ben's paragraph is not overwritten"
    );
    assert!(a.log(&id).unwrap()[0]
        .message
        .as_deref()
        .is_some_and(|m| m.contains("merged with revision 2 by Ben")));
    server.sync(&a);
    server.sync(&b);
    assert_eq!(latest(&b, &id), saved);
}

#[test]
fn a_merge_revision_is_the_same_record_whichever_client_makes_it() {
    let (mut server, a, b, id) = two();
    let (mut ra, mut rb) = (seed(), seed());
    ra.headline = "A".into();
    rb.headline = "B".into();
    a.save(&id, &ra, &by("Ana", None)).unwrap();
    b.save(&id, &rb, &by("Ben", None)).unwrap();
    server.push(&a);
    server.push(&b);
    // Both merge before either pushes its merge.
    assert_eq!(server.pull(&a, "x"), 1);
    assert_eq!(server.pull(&b, "x"), 1);
    let (ma, mb) = (a.sync_outbox(10).unwrap(), b.sync_outbox(10).unwrap());
    assert_eq!(ma.len(), 1);
    assert_eq!(record(&ma[0]), record(&mb[0]));
    assert_eq!(ma[0].parents.len(), 2);
    assert_eq!(ma[0].number, 0);
    server.push(&a);
    server.push(&b);
    assert_eq!(server.log.len(), 4);
}

#[test]
fn a_comment_on_a_colleagues_merge_this_history_merged_again_refers_to_that_merge() {
    let (mut server, a, b, id) = two();
    let mut ra = seed();
    ra.headline = "Ana's headline".into();
    a.save(&id, &ra, &by("Ana", None)).expect("save a");
    let mut rb = seed();
    set_block(&mut rb, 1, "Ben's second paragraph.");
    b.save(&id, &rb, &by("Ben", None)).expect("save b");
    server.sync(&a);
    assert_eq!(server.sync(&b), 1, "Ben merges");
    server.push(&b);
    let merge = server
        .log
        .iter()
        .find(|r| r.parents.len() > 1)
        .expect("Ben's merge is on the server")
        .record_id
        .clone();
    let on_b = b.revision_number(&merge).unwrap().expect("Ben holds it");
    let comment = dateline_store::Record::new(
        &id,
        "comment",
        "Ben",
        Some(on_b),
        serde_json::json!({"text": "merged fine"}),
    );

    // Ana saved again meanwhile: her history merges Ben's merge with her
    // work, so his merge never gets a number here.
    ra.subheadline = Some("Ana's subheadline".into());
    a.save(&id, &ra, &by("Ana", None)).expect("save a again");
    assert_eq!(server.sync(&a), 1, "Ana merges his merge with her work");
    assert_eq!(
        a.revision_number(&merge).unwrap(),
        None,
        "never numbered here"
    );
    let latest = a.log(&id).unwrap()[0].number;

    let pulled = dateline_store::PulledRecord {
        record: dateline_store::Record {
            revision: None,
            ..comment.clone()
        },
        revision_id: Some(merge),
    };
    assert_eq!(a.review_apply(std::slice::from_ref(&pulled)).unwrap(), 1);
    let read = a.records(&id).unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(
        read[0].revision,
        Some(latest),
        "the comment is on the first revision here that holds Ben's merge"
    );
    assert_eq!(a.record(&comment.id).unwrap().revision, Some(latest));
    // Ana's later saves do not move it.
    ra.headline = "Ana's third headline".into();
    a.save(&id, &ra, &by("Ana", None))
        .expect("save a third time");
    assert_eq!(a.records(&id).unwrap()[0].revision, Some(latest));
    // Pulled again (a retried round), it is still stored once.
    assert_eq!(a.review_apply(&[pulled]).unwrap(), 0);
}
