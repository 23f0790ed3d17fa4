//! The release list: order, summaries, search and the trash.

mod common;

use common::{by, edit_word, seed};
use dateline_core::{Block, Status};
use dateline_store::{ListFilter, SqliteStore, Store};

fn query(q: &str) -> ListFilter {
    ListFilter {
        query: Some(q.to_string()),
        deleted: false,
        ids: None,
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
            ids: None,
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

/// `n` releases headlined "Release number N" (0 first, so the newest is N − 1), with their ids.
fn library(s: &SqliteStore, n: usize) -> Vec<String> {
    let r = seed();
    (0..n)
        .map(|i| {
            let mut x = r.clone();
            x.headline = format!("Release number {i}");
            s.create(&x, &by("ana", None)).expect("create").0
        })
        .collect()
}

fn page_ids(p: &dateline_store::ReleasePage) -> Vec<String> {
    p.rows.iter().map(|x| x.id.clone()).collect()
}

#[test]
fn windows_of_the_list_follow_each_other_and_count_every_match() {
    let s = SqliteStore::open_in_memory().expect("store");
    library(&s, 130);
    let all: Vec<String> = s
        .list(&ListFilter::default())
        .expect("list")
        .into_iter()
        .map(|x| x.id)
        .collect();
    let mut paged = Vec::new();
    for offset in (0..140).step_by(60) {
        let p = s
            .list_page(&ListFilter::default(), offset, 60)
            .expect("page");
        assert_eq!(p.total, 130, "the count is of every release");
        paged.extend(page_ids(&p));
    }
    assert_eq!(paged, all, "windows in list order, none twice, none missed");
    let past = s
        .list_page(&ListFilter::default(), 500, 60)
        .expect("past the end");
    assert!(past.rows.is_empty());
    assert_eq!(past.total, 130);

    // A search counts all its matches and answers a window of them: trigram queries …
    let hits = s.list_page(&query("number 1"), 0, 5).expect("search");
    assert_eq!(hits.total, 41, "1, 10–19, 100–129");
    assert_eq!(hits.rows.len(), 5);
    assert_eq!(hits.rows[0].headline, "Release number 129");
    let rest = s.list_page(&query("number 1"), 5, 60).expect("search");
    assert_eq!(rest.rows.len(), 36);
    // … and queries too short for the index, which scan the text.
    let short = s.list_page(&query("12"), 0, 60).expect("search");
    assert_eq!(short.total, 12, "12, 112, 120–129");
    assert!(short.rows.iter().all(|x| x.headline.contains("12")));
    let none = s.list_page(&query("zzq"), 0, 60).expect("search");
    assert_eq!((none.total, none.rows.len()), (0, 0));
}

#[test]
fn a_list_of_ids_filters_the_list_the_search_and_the_trash() {
    let s = SqliteStore::open_in_memory().expect("store");
    let ids = library(&s, 10);
    let only = |q: Option<&str>, deleted: bool, ids: Vec<String>| ListFilter {
        query: q.map(str::to_string),
        deleted,
        ids: Some(ids),
    };
    let picked = vec![ids[2].clone(), ids[7].clone(), "not-a-release".into()];
    let p = s
        .list_page(&only(None, false, picked.clone()), 0, 60)
        .expect("page");
    assert_eq!(p.total, 2);
    assert_eq!(
        page_ids(&p),
        [ids[7].clone(), ids[2].clone()],
        "newest first"
    );
    let p = s
        .list_page(&only(Some("number 7"), false, picked.clone()), 0, 60)
        .expect("search");
    assert_eq!(page_ids(&p), [ids[7].clone()]);
    let p = s
        .list_page(&only(Some("number 3"), false, picked.clone()), 0, 60)
        .expect("search");
    assert_eq!(p.total, 0, "release 3 matches but is not named");
    assert_eq!(
        s.list_page(&only(None, false, vec![]), 0, 60)
            .expect("page")
            .total,
        0,
        "no ids, no releases"
    );
    s.delete(&ids[2]).expect("delete");
    let p = s
        .list_page(&only(None, true, picked.clone()), 0, 60)
        .expect("trash");
    assert_eq!(page_ids(&p), [ids[2].clone()]);
    let p = s
        .list_page(&only(None, false, picked), 0, 60)
        .expect("page");
    assert_eq!(page_ids(&p), [ids[7].clone()]);
    // Ids are data, never SQL.
    let odd = vec!["') OR 1=1 --".to_string(), "\"]".to_string()];
    assert_eq!(
        s.list_page(&only(None, false, odd), 0, 60)
            .expect("page")
            .total,
        0
    );
}

/// The number of listing rows whose search row is older than their latest revision.
fn stale_rows(db: &std::path::Path) -> i64 {
    rusqlite::Connection::open(db)
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM listing WHERE searched < head",
                [],
                |r| r.get(0),
            )
        })
        .expect("count")
}

#[test]
fn saves_keep_the_search_current_and_stale_rows_are_still_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("search.db");
    let s = SqliteStore::open(&db).expect("open");
    let ids = library(&s, 40);
    let r = seed();
    for (i, id) in ids.iter().enumerate() {
        let mut x = edit_word(&r, 0, &format!("Quillwort{i}"));
        x.headline = format!("Saved again {i}");
        s.save(id, &x, &by("ana", None)).expect("save");
    }
    // Every save wrote its search row: the first search has nothing to catch up on.
    assert_eq!(stale_rows(&db), 0);
    drop(s);

    // Rows of a database written before saves kept them (or by a crashed batch): stale.
    rusqlite::Connection::open(&db)
        .and_then(|c| {
            c.execute(
                "UPDATE listing SET searched = 0 WHERE head = 2 AND release % 2 = 0",
                [],
            )
        })
        .expect("age the search rows");
    let stale = stale_rows(&db);
    assert_eq!(stale, 20);

    // A read-only store cannot refresh them: it reads their latest revision, and the
    // window and the count include them.
    let ro = SqliteStore::open_read_only(&db).expect("read-only");
    let p = ro.list_page(&query("quillwort"), 0, 15).expect("search");
    assert_eq!((p.total, p.rows.len()), (40, 15));
    let p = ro.list_page(&query("quillwort3"), 0, 60).expect("search");
    assert_eq!(p.total, 11, "3, 30–39");
    let p = ro
        .list_page(&query("release number"), 0, 60)
        .expect("search");
    assert_eq!(p.total, 0, "the text before the save is not found");
    drop(ro);
    assert_eq!(stale_rows(&db), stale, "nothing written");

    // A writable store brings them up to date at its first search.
    let s = SqliteStore::open(&db).expect("open");
    let p = s.list_page(&query("quillwort3"), 0, 60).expect("search");
    assert_eq!(p.total, 11);
    assert_eq!(stale_rows(&db), 0);
}

#[test]
fn searches_follow_changes_made_here_and_by_another_connection() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("two.db");
    let here = SqliteStore::open(&db).expect("open");
    let other = SqliteStore::open(&db).expect("open again");
    let ids = library(&here, 10);
    assert_eq!(
        here.list_page(&query("zephyrmoss"), 0, 60)
            .expect("search")
            .total,
        0
    );

    // Another connection saves: the next search and list here see it, newest first.
    let mut x = seed();
    x.headline = "Zephyrmoss found on the quay".into();
    other.save(&ids[3], &x, &by("ana", None)).expect("save");
    let p = here.list_page(&query("zephyrmoss"), 0, 60).expect("search");
    assert_eq!((p.total, page_ids(&p)), (1, vec![ids[3].clone()]));
    let p = here.list_page(&query("ze"), 0, 60).expect("short search");
    assert_eq!(page_ids(&p).first(), Some(&ids[3]));
    let p = here.list_page(&ListFilter::default(), 0, 2).expect("list");
    assert_eq!((p.total, page_ids(&p)[0].clone()), (10, ids[3].clone()));

    // Trashed here: gone from the search and the list; restored there: back.
    here.delete(&ids[3]).expect("delete");
    assert_eq!(
        here.list_page(&query("zephyrmoss"), 0, 60)
            .expect("search")
            .total,
        0
    );
    assert_eq!(
        here.list_page(&ListFilter::default(), 0, 60)
            .expect("list")
            .total,
        9
    );
    other.undelete(&ids[3]).expect("undelete");
    let p = here.list_page(&query("zephyrmoss"), 0, 60).expect("search");
    assert_eq!(page_ids(&p), [ids[3].clone()]);
}
