//! Concurrent revisions through a real server and PostgreSQL: offline saves on
//! the same base merged per field, conflicts kept and resolved, and ten
//! clients editing one release at once converging on the same content.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};

use dateline_core::{Block, Release};
use dateline_store::{SaveMeta, SqliteStore, Store};
use dateline_sync::{conflicts, resolve, sync, Choice, Client};

const PW: &str = "correct horse battery";
const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

fn signed_in(url: &str, name: &str) -> Client {
    let mut c = Client::new(url).unwrap();
    c.login(name, PW).unwrap();
    c
}

fn by(author: &str) -> SaveMeta {
    SaveMeta {
        author: author.into(),
        message: None,
        name: None,
    }
}

fn seed() -> Release {
    dateline_core::from_json(SEED).unwrap()
}

/// The latest revision's content (no id, no times).
fn latest(s: &SqliteStore, id: &str) -> Release {
    let mut r = s.load(id, None).unwrap();
    r.meta.id.clear();
    r.meta.created = None;
    r.meta.updated = None;
    r
}

fn authors(s: &SqliteStore, id: &str) -> BTreeSet<String> {
    s.log(id).unwrap().into_iter().map(|r| r.author).collect()
}

/// Two signed-in clients sharing one release at revision 1.
struct Pair {
    a: SqliteStore,
    b: SqliteStore,
    ca: Client,
    cb: Client,
    id: String,
}

fn pair(db: &common::Db, url: &str) -> Pair {
    db.add_user("ana", "writer", "geneva", PW);
    db.add_user("ben", "editor", "geneva", PW);
    let (a, b) = (
        SqliteStore::open_in_memory().unwrap(),
        SqliteStore::open_in_memory().unwrap(),
    );
    let (ca, cb) = (signed_in(url, "ana"), signed_in(url, "ben"));
    let (id, _) = a.create(&seed(), &by("Ana")).unwrap();
    sync(&a, &ca).unwrap();
    sync(&b, &cb).unwrap();
    Pair { a, b, ca, cb, id }
}

#[test]
fn offline_saves_on_different_fields_are_merged_the_same_on_both_clients() {
    let Some(db) = common::db() else { return };
    let server = db.server();
    let Pair { a, b, ca, cb, id } = pair(&db, &server.url);

    let mut ra = seed();
    ra.headline = "Expert welcomes the new water accord".into();
    a.save(&id, &ra, &by("Ana")).unwrap();
    let mut rb = seed();
    rb.body[1] = Block::Paragraph {
        text: "A rewritten second paragraph.".into(),
    };
    b.save(&id, &rb, &by("Ben")).unwrap();

    assert_eq!(sync(&a, &ca).unwrap().merged, 0);
    let rb_round = sync(&b, &cb).unwrap();
    assert_eq!(
        (rb_round.pushed, rb_round.applied, rb_round.merged),
        (1, 1, 1)
    );
    let ra_round = sync(&a, &ca).unwrap();
    assert_eq!((ra_round.applied, ra_round.merged), (1, 1));
    sync(&b, &cb).unwrap();
    sync(&a, &ca).unwrap();

    let mut want = ra.clone();
    want.body[1] = rb.body[1].clone();
    want.meta.created = None;
    want.meta.updated = None;
    assert_eq!(latest(&a, &id), want);
    assert_eq!(latest(&b, &id), want);
    assert_eq!(a.sync_tips(&id).unwrap(), b.sync_tips(&id).unwrap());
    for s in [&a, &b] {
        assert_eq!(s.log(&id).unwrap().len(), 4, "seed, both saves, one merge");
        assert_eq!(
            authors(s, &id),
            ["Ana", "Ben", "Dateline"].map(String::from).into()
        );
        assert!(conflicts(s, &id).unwrap().is_empty());
    }
    // The merge was pushed by both and stored once.
    assert_eq!(db.scalar("SELECT count(*) FROM records"), "4");
    assert_eq!(
        db.scalar("SELECT count(*) FROM records WHERE author = 'Dateline'"),
        "1"
    );
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_on_both_and_a_resolution_reaches_the_other() {
    let Some(db) = common::db() else { return };
    let server = db.server();
    let Pair { a, b, ca, cb, id } = pair(&db, &server.url);

    let mut ra = seed();
    ra.headline = "Ana's headline".into();
    a.save(&id, &ra, &by("Ana")).unwrap();
    let mut rb = seed();
    rb.headline = "Ben's headline".into();
    b.save(&id, &rb, &by("Ben")).unwrap();
    for (s, c) in [(&a, &ca), (&b, &cb), (&a, &ca), (&b, &cb)] {
        sync(s, c).unwrap();
    }

    let (on_a, on_b) = (conflicts(&a, &id).unwrap(), conflicts(&b, &id).unwrap());
    assert_eq!(on_a.len(), 1);
    assert_eq!(on_a, on_b, "the same conflict and default on both");
    let c = &on_a[0].conflict;
    assert_eq!(c.label, "headline");
    assert_eq!(c.versions.len(), 2);
    assert_eq!(c.versions[c.default as usize].revision.author, "Ben");
    assert_eq!(latest(&a, &id).headline, "Ben's headline");
    assert_eq!(latest(&b, &id).headline, "Ben's headline");

    // Ben settles it with Ana's version; Ana gets the resolution.
    let ana = c
        .versions
        .iter()
        .position(|v| v.revision.author == "Ana")
        .unwrap() as u32;
    resolve(
        &b,
        &id,
        &[("headline".into(), Choice::Version { index: ana })],
        "Ben",
    )
    .unwrap();
    assert_eq!(
        b.log(&id).unwrap()[0].message.as_deref(),
        Some("Resolved by Ben: headline — Ana’s version")
    );
    sync(&b, &cb).unwrap();
    let got = sync(&a, &ca).unwrap();
    assert_eq!(got.merged, 0);
    assert_eq!(latest(&a, &id).headline, "Ana's headline");
    assert!(conflicts(&a, &id).unwrap().is_empty());
    assert!(conflicts(&b, &id).unwrap().is_empty());
    assert_eq!(latest(&a, &id), latest(&b, &id));
}

/// Ten clients get the seed, each edits its own field or paragraph, and they
/// all sync at once for a few rounds, then in turn until settled. Returns the
/// content they converge on.
fn ten_clients(db: &common::Db) -> Release {
    let server = db.server();
    for k in 0..10 {
        db.add_user(&format!("c{k}"), "writer", "geneva", PW);
    }
    let stores: Vec<Arc<SqliteStore>> = (0..10)
        .map(|_| Arc::new(SqliteStore::open_in_memory().unwrap()))
        .collect();
    let clients: Vec<Arc<Client>> = (0..10)
        .map(|k| Arc::new(signed_in(&server.url, &format!("c{k}"))))
        .collect();
    let (id, _) = stores[0].create(&seed(), &by("c0")).unwrap();
    for (s, c) in stores.iter().zip(&clients) {
        sync(s, c).unwrap();
    }
    let paragraphs = [0usize, 1, 2, 4, 6, 9];
    let barrier = Arc::new(Barrier::new(10));
    let threads: Vec<_> = (0..10)
        .map(|k| {
            let (s, c, b, id) = (
                stores[k].clone(),
                clients[k].clone(),
                barrier.clone(),
                id.clone(),
            );
            std::thread::spawn(move || {
                let mut r = s.load(&id, None).unwrap();
                match k {
                    0..=5 => {
                        r.body[paragraphs[k]] = Block::Paragraph {
                            text: format!("Paragraph by client {k}."),
                        }
                    }
                    6 => r.headline = "Headline by client 6".into(),
                    7 => r.subheadline = Some("Subheadline by client 7".into()),
                    8 => r.meta.tags = vec!["client-8".into()],
                    _ => r.people[0].title = "Title by client 9".into(),
                }
                b.wait();
                s.save(&id, &r, &by(&format!("c{k}"))).unwrap();
                for _ in 0..3 {
                    b.wait();
                    sync(&s, &c).unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    // Then in turn until a whole round changes nothing.
    for _ in 0..10 {
        let mut quiet = true;
        for (s, c) in stores.iter().zip(&clients) {
            let r = sync(s, c).unwrap();
            quiet &= r.pushed == 0 && r.applied == 0 && r.merged == 0;
        }
        if quiet {
            break;
        }
    }
    let first = latest(&stores[0], &id);
    let tips = stores[0].sync_tips(&id).unwrap();
    assert_eq!(
        tips.len(),
        10,
        "the ten saves, merged by the latest revision"
    );
    for s in &stores {
        assert_eq!(latest(s, &id), first, "every client has the same content");
        assert_eq!(s.sync_tips(&id).unwrap(), tips);
        assert!(conflicts(s, &id).unwrap().is_empty());
        let who = authors(s, &id);
        for k in 0..10 {
            assert!(who.contains(&format!("c{k}")), "c{k}'s revision is kept");
        }
    }
    let revisions: i64 = db
        .scalar("SELECT count(*) FROM records WHERE author <> 'Dateline'")
        .parse()
        .unwrap();
    assert_eq!(revisions, 11, "the seed and every client's save");
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
    first
}

#[test]
fn ten_clients_editing_at_once_keep_every_revision_and_converge_deterministically() {
    let Some(first) = common::db() else { return };
    let one = ten_clients(&first);
    let second = common::db().unwrap();
    let two = ten_clients(&second);
    assert_eq!(
        one, two,
        "the same edits converge on the same content in every run"
    );
}
