//! Revisions: round trip, history, restore, content addressing, working copies, ids.

mod common;

use common::{by, content, edit_word, seed};
use dateline_store::{SaveMeta, SqliteStore, Store};

fn store() -> SqliteStore {
    SqliteStore::open_in_memory().expect("in-memory store")
}

#[test]
fn seed_round_trips_with_store_meta_filled() {
    let s = store();
    let r = seed();
    let (id, rev) = s
        .create(&r, &by("ana", Some("first draft")))
        .expect("create");
    assert_eq!(rev, 1);
    assert_eq!(id.len(), 36);
    assert_eq!(
        uuid::Uuid::parse_str(&id).expect("uuid").get_version_num(),
        7
    );
    let back = s.load(&id, None).expect("load");
    assert_eq!(back.meta.id, id);
    let created = back.meta.created.expect("created filled");
    assert_eq!(back.meta.updated, Some(created));
    assert_eq!(content(back.clone()), content(r.clone()));
    // Rendering is unchanged by the trip through the store.
    assert_eq!(
        dateline_core::render_text(&back),
        dateline_core::render_text(&r)
    );
}

#[test]
fn log_is_newest_first_with_names_messages_and_times() {
    let s = store();
    let r = seed();
    let (id, _) = s
        .create(&r, &by("ana", Some("first draft")))
        .expect("create");
    let r2 = edit_word(&r, 0, "Two");
    let named = SaveMeta {
        author: "ben".into(),
        message: Some("legal review".into()),
        name: Some("sent to legal".into()),
    };
    assert_eq!(s.save(&id, &r2, &named).expect("save"), 2);
    assert_eq!(
        s.save(&id, &edit_word(&r, 0, "Three"), &by("ana", None))
            .expect("save"),
        3
    );

    let log = s.log(&id).expect("log");
    assert_eq!(log.iter().map(|i| i.number).collect::<Vec<_>>(), [3, 2, 1]);
    assert_eq!(log[1].name.as_deref(), Some("sent to legal"));
    assert_eq!(log[1].message.as_deref(), Some("legal review"));
    assert_eq!(log[1].author, "ben");
    assert_eq!(log[2].message.as_deref(), Some("first draft"));
    assert_eq!(log[0].name, None);
    assert!(log[0].created >= log[1].created && log[1].created >= log[2].created);

    // Each revision keeps its own content; created stays the first revision's time.
    let v2 = s.load(&id, Some(2)).expect("load 2");
    assert_eq!(content(v2.clone()), content(r2));
    assert_eq!(v2.meta.created, Some(log[2].created));
    assert_eq!(v2.meta.updated, Some(log[1].created));
    let err = s.load(&id, Some(9)).expect_err("no revision 9");
    assert_eq!(err.code(), "not_found");
}

#[test]
fn restore_appends_a_revision_equal_to_the_old_one() {
    let s = store();
    let r = seed();
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    s.save(&id, &edit_word(&r, 0, "Changed"), &by("ana", None))
        .expect("save");
    let blobs = s.blob_count().expect("count");
    let n = s
        .restore(&id, 1, &by("ben", Some("back to 1")))
        .expect("restore");
    assert_eq!(n, 3);
    assert_eq!(content(s.load(&id, None).expect("load")), content(r));
    assert_eq!(
        s.blob_count().expect("count"),
        blobs,
        "restoring stores no new blob"
    );
    let log = s.log(&id).expect("log");
    assert_eq!(log[0].restored_from, Some(1));
    assert_eq!(log[0].author, "ben");
    assert_eq!(log.len(), 3, "nothing was removed from the history");
    assert_eq!(
        s.restore(&id, 7, &by("x", None))
            .expect_err("no rev 7")
            .code(),
        "not_found"
    );
}

#[test]
fn a_one_word_edit_stores_only_the_changed_block() {
    let s = store();
    let r = seed();
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    let before = s.blob_count().expect("count");
    // 12 fields + 10 blocks, but the empty boilerplate and contacts lists are
    // the same bytes (`[]`) and share one blob.
    assert_eq!(before, 21);

    s.save(&id, &edit_word(&r, 2, "Changed"), &by("ana", None))
        .expect("save");
    assert_eq!(
        s.blob_count().expect("count"),
        before + 1,
        "only the edited paragraph"
    );

    // Saving the same content again stores nothing new.
    s.save(&id, &edit_word(&r, 2, "Changed"), &by("ana", None))
        .expect("save");
    assert_eq!(s.blob_count().expect("count"), before + 1);

    // A headline edit stores only the headline.
    let mut h = edit_word(&r, 2, "Changed");
    h.headline.push('!');
    s.save(&id, &h, &by("ana", None)).expect("save");
    assert_eq!(s.blob_count().expect("count"), before + 2);

    // Times are not part of any blob: a second release with the same content
    // but other times shares every blob.
    let mut other = r.clone();
    other.meta.updated = None;
    s.create(&other, &by("ben", None)).expect("create");
    assert_eq!(s.blob_count().expect("count"), before + 2);

    // Every revision still reads back whole.
    assert_eq!(
        content(s.load(&id, Some(1)).expect("load")),
        content(r.clone())
    );
    assert_eq!(content(s.load(&id, None).expect("load")), content(h));
}

#[test]
fn working_copy_is_apart_from_history_and_cleared_by_save() {
    let s = store();
    let r = seed();
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    assert_eq!(s.working_copy(&id).expect("wc"), None);

    // A draft may be invalid (empty headline) while it is being typed.
    let mut draft = edit_word(&r, 0, "Draft");
    draft.headline.clear();
    s.save_working_copy(&id, &draft).expect("autosave");
    let wc = s.working_copy(&id).expect("wc").expect("some");
    assert_eq!(wc.release, draft);
    assert_eq!(wc.base_revision, 1);
    assert_eq!(
        s.log(&id).expect("log").len(),
        1,
        "autosave is not a revision"
    );
    assert_eq!(
        content(s.load(&id, None).expect("load")),
        content(r.clone())
    );
    assert!(s.list(&Default::default()).expect("list")[0].has_working_copy);

    // An invalid release is refused as a revision.
    let err = s.save(&id, &draft, &by("ana", None)).expect_err("invalid");
    assert_eq!(err.code(), "invalid_release");
    // Each problem travels typed, with the path of its field.
    let expected = dateline_core::validate::problems(&draft);
    assert!(!expected.is_empty());
    assert_eq!(err.problems(), &expected[..]);
    assert!(
        s.working_copy(&id).expect("wc").is_some(),
        "a refused save keeps the copy"
    );

    s.save(&id, &edit_word(&r, 0, "Saved"), &by("ana", None))
        .expect("save");
    assert_eq!(
        s.working_copy(&id).expect("wc"),
        None,
        "saving clears the working copy"
    );

    s.save_working_copy(&id, &draft).expect("autosave");
    assert_eq!(
        s.working_copy(&id)
            .expect("wc")
            .expect("some")
            .base_revision,
        2
    );
    s.discard_working_copy(&id).expect("discard");
    assert_eq!(s.working_copy(&id).expect("wc"), None);
    assert_eq!(
        s.save_working_copy("nope", &r).expect_err("unknown").code(),
        "not_found"
    );
    let mut huge = r.clone();
    huge.headline = "x".repeat(40_000_000);
    let err = s.save_working_copy(&id, &huge).expect_err("too big");
    assert_eq!(err.code(), "invalid_release");
    assert_eq!(s.working_copy(&id).expect("wc"), None);
}

#[test]
fn resolve_by_full_id_and_unique_prefix() {
    let s = store();
    let r = seed();
    let ids: Vec<String> = (0..3)
        .map(|_| s.create(&r, &by("ana", None)).expect("create").0)
        .collect();
    for id in &ids {
        assert_eq!(&s.resolve(id).expect("full id"), id);
        assert_eq!(&s.resolve(&id.to_uppercase()).expect("any case"), id);
    }
    // UUID v7 ids created in the same millisecond share their first 8+ characters.
    let shared = &ids[0][..4];
    let err = s.resolve(shared).expect_err("ambiguous");
    assert_eq!(err.code(), "ambiguous_id");
    assert!(err.to_string().contains("3 releases"), "{err}");

    assert_eq!(s.resolve("abc").expect_err("short").code(), "ambiguous_id");
    assert_eq!(s.resolve("ffff").expect_err("unknown").code(), "not_found");
    assert_eq!(
        s.resolve("zzzzzz").expect_err("not hex").code(),
        "not_found"
    );
    assert_eq!(s.resolve("").expect_err("empty").code(), "not_found");
    assert_eq!(
        s.load("ffff", None).expect_err("unknown").code(),
        "not_found"
    );
    assert_eq!(s.log("ffff").expect_err("unknown").code(), "not_found");
}

#[test]
fn unique_prefix_of_the_random_tail_resolves() {
    let s = store();
    let r = seed();
    let a = s.create(&r, &by("ana", None)).expect("create").0;
    let b = s.create(&r, &by("ana", None)).expect("create").0;
    // The shortest prefix of `a` that `b` does not share.
    let n = a
        .chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .expect("ids differ")
        + 1;
    let prefix = &a[..n.max(4)];
    assert_eq!(s.resolve(prefix).expect("unique prefix"), a);
}

#[test]
fn every_revision_reads_back_exactly_after_many_structural_edits() {
    use dateline_core::Block;
    let s = store();
    let mut r = seed();
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    let mut saved = vec![r.clone()];
    let mut x: u64 = 0x853c_49e6_748f_ea9b;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n.max(1) as u64) as usize
    };
    for i in 0..150 {
        let len = r.body.len();
        match next(5) {
            // Duplicate a block (equal blocks share one blob, the manifest lists it twice).
            0 => {
                let b = r.body[next(len)].clone();
                r.body.insert(next(len + 1), b);
            }
            // Remove a block, keeping at least one.
            1 if len > 1 => {
                r.body.remove(next(len));
            }
            // Move a block.
            2 => {
                let b = r.body.remove(next(len));
                r.body.insert(next(len), b);
            }
            // A new paragraph.
            3 => r.body.insert(
                next(len + 1),
                Block::Paragraph {
                    text: format!("Paragraph written at step {i}."),
                },
            ),
            // Edit the headline.
            _ => r.headline = format!("Headline {i}"),
        }
        s.save(&id, &r, &by("ana", None)).expect("save");
        saved.push(r.clone());
    }
    for (i, expected) in saved.into_iter().enumerate() {
        let rev = u32::try_from(i + 1).expect("small");
        let got = s.load(&id, Some(rev)).expect("load");
        assert_eq!(content(got), content(expected), "revision {rev}");
    }
}
