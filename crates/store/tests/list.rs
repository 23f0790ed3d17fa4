//! The release list: order, summaries, search and the trash.

mod common;

use common::{by, edit_word, seed};
use dateline_core::{Block, Status};
use dateline_store::{ListFilter, SqliteStore, Store};

fn query(q: &str) -> ListFilter {
    ListFilter {
        query: Some(q.to_string()),
        deleted: false,
    }
}

#[test]
fn list_is_newest_edit_first_with_summaries() {
    let s = SqliteStore::open_in_memory().expect("store");
    let r = seed();
    let (a, _) = s.create(&r, &by("ana", None)).expect("create");
    let mut other = r.clone();
    other.headline = "Second release".into();
    other.meta.status = Status::InReview;
    let (b, _) = s.create(&other, &by("ana", None)).expect("create");

    let ids =
        |l: Vec<dateline_store::ReleaseSummary>| l.into_iter().map(|x| x.id).collect::<Vec<_>>();
    assert_eq!(
        ids(s.list(&ListFilter::default()).expect("list")),
        [b.clone(), a.clone()]
    );

    // Editing `a` brings it to the top.
    s.save(&a, &edit_word(&r, 0, "Edited"), &by("ana", None))
        .expect("save");
    let list = s.list(&ListFilter::default()).expect("list");
    assert_eq!(ids(list.clone()), [a.clone(), b.clone()]);
    let top = &list[0];
    assert_eq!(top.headline, r.headline);
    assert_eq!(top.status, Status::Published);
    assert_eq!(top.language, "en");
    assert_eq!(top.organisation, "OHCHR");
    assert_eq!(top.revisions, 2);
    assert!(!top.deleted && !top.has_working_copy);
    assert!(top.updated > top.created);
    assert_eq!(list[1].status, Status::InReview);
    assert_eq!(list[1].revisions, 1);
}

#[test]
fn search_matches_headline_and_full_text_ignoring_case() {
    let s = SqliteStore::open_in_memory().expect("store");
    let r = seed();
    let (a, _) = s.create(&r, &by("ana", None)).expect("create");
    let mut other = r.clone();
    other.headline = "Ölpreis steigt".into();
    other.body = vec![Block::Paragraph {
        text: "Nothing about the other case.".into(),
    }];
    other.footnotes.clear();
    other.people.clear();
    let (b, _) = s.create(&other, &by("ana", None)).expect("create");

    let hits = |q: &str| -> Vec<String> {
        s.list(&query(q))
            .expect("list")
            .into_iter()
            .map(|x| x.id)
            .collect()
    };
    assert_eq!(hits("KHAKIMOVA"), [a.as_str()], "headline, any case");
    assert_eq!(hits("supreme court"), [a.as_str()], "body text");
    assert_eq!(hits("fair trial standards"), [a.as_str()], "quote text");
    assert_eq!(hits("ölPREIS"), [b.as_str()], "non-ASCII case folding");
    assert_eq!(hits("other case"), [b.as_str()]);
    assert_eq!(hits("mary lawlor").len(), 1, "people");
    assert!(hits("no such words anywhere").is_empty());
    assert_eq!(hits("  ").len(), 2, "a blank query lists everything");
    // Queries shorter than the index's trigrams scan the text instead.
    assert_eq!(hits("öl"), [b.as_str()], "two characters");
    assert_eq!(hits("ö").len(), 1, "one character");
    // Whatever the query holds is text to find, never index syntax.
    assert!(hits("\"khakimova").is_empty(), "an unmatched quote");
    assert!(hits("khakimova OR other").is_empty(), "OR is a word");
    assert!(hits("kha*").is_empty(), "a star is a character");
    assert!(hits("NEAR(supreme court)").is_empty());
    assert_eq!(hits("court of"), [a.as_str()], "a phrase across words");

    // Search follows the latest revision only.
    s.save(&b, &r, &by("ana", None)).expect("save");
    assert_eq!(hits("khakimova").len(), 2);
    assert!(hits("other case").is_empty());
}

#[test]
fn trash_hides_and_restores_without_losing_anything() {
    let s = SqliteStore::open_in_memory().expect("store");
    let r = seed();
    let (a, _) = s.create(&r, &by("ana", None)).expect("create");
    let (b, _) = s.create(&r, &by("ana", None)).expect("create");
    s.delete(&a).expect("delete");

    let live = s.list(&ListFilter::default()).expect("list");
    assert_eq!(live.iter().map(|x| &x.id).collect::<Vec<_>>(), [&b]);
    let trash = s
        .list(&ListFilter {
            query: None,
            deleted: true,
        })
        .expect("trash");
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, a);
    assert!(trash[0].deleted);
    // A release in the trash keeps its history and can still be read.
    assert_eq!(s.log(&a).expect("log").len(), 1);
    assert_eq!(s.resolve(&a).expect("resolve"), a);

    s.undelete(&a).expect("undelete");
    assert_eq!(s.list(&ListFilter::default()).expect("list").len(), 2);
    assert_eq!(s.delete("0000").expect_err("unknown").code(), "not_found");
}

#[test]
fn list_and_search_cover_a_thousand_releases() {
    let s = SqliteStore::open_in_memory().expect("store");
    let r = seed();
    for i in 0..1_000 {
        let mut x = r.clone();
        x.headline = format!("Release number {i}");
        s.create(&x, &by("ana", None)).expect("create");
    }
    // Correctness at scale; the timing itself is measured by the bench.
    assert_eq!(s.list(&ListFilter::default()).expect("list").len(), 1_000);
    let hit = s.list(&query("release number 617")).expect("search");
    assert_eq!(hit.len(), 1);
    assert_eq!(hit[0].headline, "Release number 617");
    assert_eq!(s.list(&query("khakimova")).expect("search").len(), 1_000);
}
