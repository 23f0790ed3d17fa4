//! Two apps' local stores syncing through a real server: outbox, blobs,
//! pull by cursor, offline saves on the same base, a server that goes away.

#![allow(clippy::unwrap_used)]

mod common;

use dateline_core::{Block, Release};
use dateline_store::{SaveMeta, SqliteStore, Store};
use dateline_sync::{sync, Client};

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

/// Every revision's (headline, first paragraph) in a local history.
fn contents(s: &SqliteStore, id: &str) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = s
        .log(id)
        .unwrap()
        .iter()
        .map(|r| {
            let rel = s.load(id, Some(r.number)).unwrap();
            (rel.headline.clone(), first_paragraph(&rel))
        })
        .collect();
    all.sort();
    all
}

fn first_paragraph(r: &Release) -> String {
    r.body
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn set_first_paragraph(r: &mut Release, text: &str) {
    for b in &mut r.body {
        if let Block::Paragraph { text: t } = b {
            *t = text.into();
            return;
        }
    }
}

#[test]
fn two_offline_saves_on_the_same_base_are_both_kept_in_every_history() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "geneva", PW);
    db.add_user("bruno", "editor", "geneva", PW);
    let mut server = db.server();
    let (a, b) = (
        SqliteStore::open_in_memory().unwrap(),
        SqliteStore::open_in_memory().unwrap(),
    );
    let (ca, cb) = (
        signed_in(&server.url, "amira"),
        signed_in(&server.url, "bruno"),
    );
    let seed = dateline_core::from_json(SEED).unwrap();
    let (id, _) = a.create(&seed, &by("Amira")).unwrap();

    let first = sync(&a, &ca).unwrap();
    assert_eq!(first.pushed, 1);
    let blobs_of_seed = first.uploaded_blobs;
    assert!(blobs_of_seed > seed.body.len(), "{first:?}");
    let got = sync(&b, &cb).unwrap();
    assert_eq!((got.pushed, got.applied), (0, 1));
    let on_b = b.load(&id, None).unwrap();
    assert_eq!(on_b.headline, seed.headline);
    assert_eq!(on_b.body, seed.body);

    // Both edit revision 1 while offline: a different field each.
    let mut ra = seed.clone();
    ra.headline = "Expert welcomes the new water accord".into();
    a.save(&id, &ra, &by("Amira")).unwrap();
    let mut rb = on_b.clone();
    set_first_paragraph(&mut rb, "GENEVA – A rewritten lead paragraph.");
    b.save(&id, &rb, &by("Bruno")).unwrap();

    let pushed_a = sync(&a, &ca).unwrap();
    assert_eq!(pushed_a.pushed, 1);
    assert_eq!(
        pushed_a.uploaded_blobs, 1,
        "only the changed headline is uploaded"
    );
    let round_b = sync(&b, &cb).unwrap();
    assert_eq!((round_b.pushed, round_b.applied, round_b.merged), (1, 1, 1));
    let round_a = sync(&a, &ca).unwrap();
    assert_eq!((round_a.pushed, round_a.applied, round_a.merged), (0, 1, 1));

    let (ha, hb) = (contents(&a, &id), contents(&b, &id));
    assert_eq!(ha, hb, "both histories hold the same revisions");
    // Both saves and the one merge of them, made the same on both sides.
    assert_eq!(a.log(&id).unwrap().len(), 4);
    let merged = a.load(&id, None).unwrap();
    assert_eq!(merged.headline, ra.headline);
    assert_eq!(
        first_paragraph(&merged),
        "GENEVA – A rewritten lead paragraph."
    );
    assert_eq!(merged.body, b.load(&id, None).unwrap().body);
    let seed_para = first_paragraph(&seed);
    assert!(
        ha.contains(&(ra.headline.clone(), seed_para.clone())),
        "Amira's edit is kept"
    );
    assert!(
        ha.contains(&(
            seed.headline.clone(),
            "GENEVA – A rewritten lead paragraph.".into()
        )),
        "Bruno's edit is kept"
    );

    // Each sends its merge (the second is a duplicate); then nothing is left
    // to do, and nothing is stored twice.
    assert_eq!(sync(&a, &ca).unwrap().pushed, 1);
    assert_eq!(sync(&b, &cb).unwrap().pushed, 1);
    assert_eq!(sync(&a, &ca).unwrap(), Default::default());
    assert_eq!(db.scalar("SELECT count(*) FROM records"), "4");

    // The server goes away: saving still works, syncing fails and is retried later.
    server.kill9();
    let mut r3 = ra.clone();
    r3.headline = "Saved while the server was down".into();
    a.save(&id, &r3, &by("Amira")).unwrap();
    let err = sync(&a, &ca).unwrap_err();
    assert!(err.is_transient(), "{err}");
    let server = db.server();
    let ca = signed_in(&server.url, "amira");
    assert_eq!(sync(&a, &ca).unwrap().pushed, 1);
    let cb = signed_in(&server.url, "bruno");
    assert_eq!(sync(&b, &cb).unwrap().applied, 1);
    assert_eq!(b.load(&id, None).unwrap().headline, r3.headline);
    assert_eq!(db.scalar("SELECT count(*) FROM records"), "5");
}
