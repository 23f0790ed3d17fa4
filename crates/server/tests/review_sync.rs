//! Review records (comments, approvals, state changes…) travelling between
//! two apps' local stores through a real server on a real PostgreSQL, and the
//! server enforcing the review workflow's rules on them.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use chrono::Utc;
use dateline_review::{
    ApprovalScope, ApproveTarget, Entry, ReviewService, ReviewStatus, Role, Verdict, Via,
};
use dateline_store::{SaveMeta, SqliteStore, Store};
use dateline_sync::wire::{Record, RecordKind, ReviewBody};
use dateline_sync::{sync, Client, SyncError};
use serde_json::json;
use uuid::Uuid;

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

fn seed() -> dateline_core::Release {
    dateline_core::from_json(SEED).unwrap()
}

/// A review record in its wire shape, as the app pushes it.
fn wire(release: Uuid, author: &str, entry: &Entry) -> Record {
    let local = entry.to_record(&release.to_string(), author, None);
    Record {
        id: Uuid::now_v7(),
        release_id: release,
        kind: RecordKind::for_review(entry.kind()).unwrap(),
        author: author.into(),
        created: Utc::now(),
        revision: None,
        body: serde_json::to_value(ReviewBody {
            review: 1,
            entry: local.body,
            on: None,
        })
        .unwrap(),
        blobs: vec![],
    }
}

fn revision(release: Uuid, author: &str) -> Record {
    Record {
        id: Uuid::now_v7(),
        release_id: release,
        kind: RecordKind::Revision,
        author: author.into(),
        created: Utc::now(),
        revision: Some(1),
        body: json!({"n": 1}),
        blobs: vec![],
    }
}

fn move_to(from: ReviewStatus, to: ReviewStatus) -> Entry {
    Entry::Transition {
        from,
        to,
        note: None,
        override_reason: None,
        overridden: vec![],
    }
}

fn approval(by: &str) -> Entry {
    Entry::Approval {
        scope: ApprovalScope::Release { role: Role::Editor },
        verdict: Verdict::Approve,
        by: by.into(),
        via: Via::App,
        note: None,
    }
}

fn refusal<T: std::fmt::Debug>(r: Result<T, SyncError>) -> (String, String) {
    match r {
        Err(SyncError::Refused { code, message, .. }) => (code, message),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_comment_made_offline_reaches_the_writer_once_and_the_reply_comes_back() {
    let Some(db) = common::db() else { return };
    db.add_user("alice", "editor", "geneva", PW);
    db.add_user("bob", "writer", "geneva", PW);
    let mut server = db.server();
    let (a, b) = (
        SqliteStore::open_in_memory().unwrap(),
        SqliteStore::open_in_memory().unwrap(),
    );
    let (id, _) = b.create(&seed(), &by("bob")).unwrap();
    let cb = signed_in(&server.url, "bob");
    let ca = signed_in(&server.url, "alice");
    sync(&b, &cb).unwrap();
    sync(&a, &ca).unwrap();
    // Alice saves a revision of her own before she sees Bob's next one, so
    // the two histories number the revisions differently.
    let mut hers = seed();
    for blk in &mut hers.body {
        if let dateline_core::Block::Paragraph { text } = blk {
            *text = "GENEVA – A shorter lead.".into();
            break;
        }
    }
    a.save(&id, &hers, &by("alice")).unwrap();
    let mut r2 = seed();
    r2.headline = "Expert welcomes the accord".into();
    let bob_rev = b.save(&id, &r2, &by("bob")).unwrap();
    sync(&b, &cb).unwrap();
    sync(&a, &ca).unwrap();
    let alice_rev = a.log(&id).unwrap()[0].number;
    assert_eq!(a.load(&id, Some(alice_rev)).unwrap().headline, r2.headline);
    assert_ne!(alice_rev, bob_rev, "the two histories number differently");

    // Alice comments while the server is down.
    server.kill9();
    let alice = ReviewService::new(&a, "alice");
    let comment = alice
        .comment(&id, "headline", None, "Which accord? Name it.")
        .unwrap();
    let offline = sync(&a, &ca).unwrap_err();
    assert!(offline.is_transient(), "{offline}");

    let server = db.server();
    let (ca, cb) = (
        signed_in(&server.url, "alice"),
        signed_in(&server.url, "bob"),
    );
    let sent = sync(&a, &ca).unwrap();
    assert_eq!(sent.review_pushed, 1, "{sent:?}");
    assert!(sent.refused.is_empty(), "{sent:?}");
    let got = sync(&b, &cb).unwrap();
    assert_eq!(got.review_applied, 1, "{got:?}");

    let bob = ReviewService::new(&b, "bob");
    let state = bob.open(&id).unwrap();
    assert_eq!(state.comments.len(), 1);
    let c = &state.comments[0];
    assert_eq!(
        (c.id.as_str(), c.author.as_str(), c.text.as_str()),
        (comment.as_str(), "alice", "Which accord? Name it.")
    );
    // Alice commented on the merge of the two concurrent revisions; Bob's
    // history holds the same merge under its own number.
    let merged = b.log(&id).unwrap()[0].number;
    assert_ne!(merged, bob_rev);
    let stored = b.records(&id).unwrap();
    let rec = stored
        .iter()
        .find(|r| r.id == comment)
        .expect("the comment record");
    assert_eq!(
        rec.revision,
        Some(merged),
        "the comment is on the merged revision, in Bob's numbering"
    );
    assert_eq!(c.anchor.text, "Expert welcomes the accord");

    bob.reply(&comment, "The Lake Chad water accord.").unwrap();
    let back = sync(&b, &cb).unwrap();
    assert_eq!(back.review_pushed, 1, "{back:?}");
    sync(&a, &ca).unwrap();
    // Syncing again changes nothing anywhere.
    for _ in 0..2 {
        let again_a = sync(&a, &ca).unwrap();
        let again_b = sync(&b, &cb).unwrap();
        assert_eq!(
            (again_a.review_pushed, again_a.review_applied),
            (0, 0),
            "{again_a:?}"
        );
        assert_eq!(
            (again_b.review_pushed, again_b.review_applied),
            (0, 0),
            "{again_b:?}"
        );
    }
    for (s, who) in [(&a, "alice"), (&b, "bob")] {
        let state = ReviewService::new(s, who).open(&id).unwrap();
        assert_eq!(state.comments.len(), 1, "one thread on {who}'s machine");
        let replies: Vec<(&str, &str)> = state.comments[0]
            .replies
            .iter()
            .map(|r| (r.author.as_str(), r.text.as_str()))
            .collect();
        assert_eq!(replies, [("bob", "The Lake Chad water accord.")]);
        assert_eq!(s.records(&id).unwrap().len(), 2);
    }
    assert_eq!(
        db.scalar("SELECT count(*) FROM records WHERE kind = 'comment'"),
        "2"
    );
}

#[test]
fn an_approval_pushed_by_a_writer_is_refused_with_a_reason_and_not_stored() {
    let Some(db) = common::db() else { return };
    db.add_user("wes", "writer", "w", PW);
    db.add_user("wil", "writer", "w", PW);
    let server = db.server();
    let (ws, wl) = (
        SqliteStore::open_in_memory().unwrap(),
        SqliteStore::open_in_memory().unwrap(),
    );
    let (cs, cl) = (signed_in(&server.url, "wes"), signed_in(&server.url, "wil"));
    let (id, _) = ws.create(&seed(), &by("wes")).unwrap();
    sync(&ws, &cs).unwrap();
    sync(&wl, &cl).unwrap();

    // Wil's own machine knows no roles yet, so it lets him approve as an
    // editor; the server knows he is a writer.
    let wil = ReviewService::new(&wl, "wil");
    let comment = wil.comment(&id, "headline", None, "Fine by me.").unwrap();
    let approval = wil
        .approve(
            &id,
            ApproveTarget::Release { role: None },
            Verdict::Approve,
            None,
        )
        .unwrap();
    assert_eq!(wil.open(&id).unwrap().approvals.len(), 1);
    let report = sync(&wl, &cl).unwrap();
    assert_eq!(
        report.review_pushed, 1,
        "the comment goes through: {report:?}"
    );
    assert_eq!(report.refused.len(), 1, "{report:?}");
    let refused = &report.refused[0];
    assert_eq!(
        (refused.id.as_str(), refused.code.as_str()),
        (approval.as_str(), "forbidden")
    );
    assert!(
        refused.message.contains("wil (writer)")
            && refused.message.contains("does not hold the role editor"),
        "{}",
        refused.message
    );
    assert_eq!(
        db.scalar("SELECT count(*) FROM records WHERE kind = 'approval'"),
        "0"
    );
    // Locally the refused approval is set aside (kept, not read), never resent.
    let state = wil.open(&id).unwrap();
    assert!(state.approvals.is_empty());
    assert_eq!(state.comments[0].id, comment);
    assert_eq!(wl.review_refused().unwrap(), report.refused);
    assert_eq!(sync(&wl, &cl).unwrap().refused, vec![]);
    assert_eq!(
        db.scalar("SELECT count(*) FROM records WHERE kind = 'approval'"),
        "0"
    );
    // Wes sees the comment, not the approval.
    sync(&ws, &cs).unwrap();
    let seen = ReviewService::new(&ws, "wes").open(&id).unwrap();
    assert_eq!((seen.comments.len(), seen.approvals.len()), (1, 0));
}

#[test]
fn the_server_enforces_the_review_rules_on_what_it_holds() {
    let Some(db) = common::db() else { return };
    db.add_user("wes", "writer", "w", PW);
    db.add_user("wil", "writer", "w", PW);
    db.add_user("eda", "editor", "w", PW);
    db.add_user("adm", "admin", "w", PW);
    let server = db.server();
    let (wes, wil, eda, adm) = (
        signed_in(&server.url, "wes"),
        signed_in(&server.url, "wil"),
        signed_in(&server.url, "eda"),
        signed_in(&server.url, "adm"),
    );
    use ReviewStatus::*;
    let rel = Uuid::now_v7();
    wes.push(&[revision(rel, "wes")]).unwrap();
    wes.push(&[wire(rel, "wes", &move_to(Draft, InReview))])
        .unwrap();

    let (code, msg) = refusal(wil.push(&[wire(rel, "wil", &approval("wil"))]));
    assert_eq!(code, "forbidden");
    assert!(
        msg.contains("by wil (writer)") && msg.contains("does not hold the role editor"),
        "{msg}"
    );
    let (code, msg) = refusal(wes.push(&[wire(rel, "eda", &approval("eda"))]));
    assert_eq!(code, "forbidden", "another author than the session's user");
    assert!(msg.contains("signed in as wes"), "{msg}");
    let (code, _) = refusal(
        eda.push(&[wire(rel, "eda", &approval("eda"))
            .clone()
            .tap_kind(RecordKind::Comment)]),
    );
    assert_eq!(code, "bad_request", "a body that is not the kind's entry");
    let (code, msg) = refusal(eda.push(&[wire(rel, "eda", &move_to(InReview, Released))]));
    assert_eq!(code, "transition_not_allowed");
    assert!(msg.contains("from in-review"), "{msg}");
    let (code, _) = refusal(wes.push(&[wire(rel, "wes", &move_to(InReview, Approved))]));
    assert_eq!(code, "forbidden", "a writer does not approve");
    let (code, _) = refusal(eda.push(&[wire(rel, "eda", &move_to(Draft, InReview))]));
    assert_eq!(
        code, "review_refused",
        "a move from a state it is no longer in"
    );

    // The editor approves and moves it to approved: no revision until reopened.
    let ok = wire(rel, "eda", &approval("eda"));
    eda.push(&[ok.clone(), wire(rel, "eda", &move_to(InReview, Approved))])
        .unwrap();
    let (code, msg) = refusal(wes.push(&[revision(rel, "wes")]));
    assert_eq!(code, "release_approved");
    assert!(msg.contains("is approved"), "{msg}");
    // A record the server already holds, re-sent by anyone, is a duplicate.
    let again = wil.push(&[ok]).unwrap();
    assert_eq!((again.accepted, again.duplicates), (0, 1));
    // Reopened (back to review) in the same batch as the edit: accepted in order.
    wes.push(&[
        wire(rel, "wes", &move_to(Approved, InReview)),
        revision(rel, "wes"),
    ])
    .unwrap();

    // The writer of a release cannot approve it, even as an admin.
    let own = Uuid::now_v7();
    adm.push(&[revision(own, "adm")]).unwrap();
    let (code, msg) = refusal(adm.push(&[wire(own, "adm", &approval("adm"))]));
    assert_eq!(code, "forbidden");
    assert!(msg.contains("cannot approve it"), "{msg}");

    // Workspace settings: only an admin, and only under the workspace's id.
    let settings = dateline_sync::wire::workspace_release_id("w");
    let roles = Entry::Roles {
        person: "wil".into(),
        roles: vec![Role::Editor],
    };
    let (code, _) = refusal(eda.push(&[wire(settings, "eda", &roles)]));
    assert_eq!(code, "forbidden");
    let (code, _) = refusal(adm.push(&[wire(rel, "adm", &roles)]));
    assert_eq!(code, "bad_request");
    adm.push(&[wire(settings, "adm", &roles)]).unwrap();
    // New rules from the admin apply to what follows: writers may now approve
    // (for the editor role they do not hold, still not).
    let rules = dateline_review::Rules {
        writer_may_approve: true,
        ..Default::default()
    };
    adm.push(&[wire(settings, "adm", &Entry::Rules(rules))])
        .unwrap();
    adm.push(&[wire(own, "adm", &approval("adm"))]).unwrap();
}

trait TapKind {
    fn tap_kind(self, k: RecordKind) -> Self;
}

impl TapKind for Record {
    fn tap_kind(mut self, k: RecordKind) -> Self {
        self.kind = k;
        self
    }
}

#[test]
fn a_push_retried_after_a_kill_or_a_lost_answer_duplicates_nothing() {
    let Some(db) = common::db() else { return };
    db.add_user("alice", "editor", "geneva", PW);
    db.add_user("bob", "writer", "geneva", PW);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alice.db");
    let a = Arc::new(SqliteStore::open(&path).unwrap());
    let mut server = db.server();
    let (id, _) = a.create(&seed(), &by("alice")).unwrap();
    sync(&a, &signed_in(&server.url, "alice")).unwrap();
    const N: usize = 1200;
    {
        let svc = ReviewService::new(a.as_ref(), "alice");
        for i in 0..N {
            svc.comment(&id, "headline", None, &format!("note {i}"))
                .unwrap();
        }
    }
    // Killed while the outbox goes out, in batches.
    let (a2, c) = (Arc::clone(&a), signed_in(&server.url, "alice"));
    let pusher = thread::spawn(move || sync(&a2, &c));
    // Killed once the first batches are in.
    let count = || db.scalar("SELECT count(*) FROM records WHERE kind = 'comment'");
    let start = std::time::Instant::now();
    while count() == "0" && start.elapsed() < Duration::from_secs(30) {
        thread::sleep(Duration::from_millis(5));
    }
    server.kill9();
    let cut = pusher.join().unwrap();
    let stored_then: usize = count().parse().unwrap();
    assert!(
        cut.is_err() || stored_then == N,
        "either cut short or complete: {cut:?}"
    );
    eprintln!("killed with {stored_then} of {N} comments stored: {cut:?}");

    // A copy of the store that never heard the server's answers.
    a.checkpoint().unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).unwrap();

    let server = db.server();
    let ca = signed_in(&server.url, "alice");
    let done = sync(&a, &ca).unwrap();
    assert!(done.refused.is_empty(), "{done:?}");
    assert_eq!(stored_then + done.review_pushed, N, "{done:?}");
    assert_eq!(count(), N.to_string());

    // The copy sends everything it was not told about again: all duplicates.
    let stale = SqliteStore::open(&copy).unwrap();
    let resent = sync(&stale, &ca).unwrap();
    assert!(resent.refused.is_empty(), "{resent:?}");
    assert_eq!(count(), N.to_string());
    assert_eq!(
        ReviewService::new(&stale, "alice")
            .open(&id)
            .unwrap()
            .comments
            .len(),
        N
    );

    // Bob receives each comment once.
    let b = SqliteStore::open_in_memory().unwrap();
    let cb = signed_in(&server.url, "bob");
    let got = sync(&b, &cb).unwrap();
    assert_eq!(got.review_applied, N);
    assert_eq!(b.records(&id).unwrap().len(), N);
    assert_eq!(sync(&b, &cb).unwrap().review_applied, 0);
}

#[test]
fn the_audit_trail_on_a_second_machine_shows_the_first_ones_transitions() {
    let Some(db) = common::db() else { return };
    db.add_user("wes", "writer", "geneva", PW);
    db.add_user("eda", "editor", "geneva", PW);
    let server = db.server();
    let (w, e) = (
        SqliteStore::open_in_memory().unwrap(),
        SqliteStore::open_in_memory().unwrap(),
    );
    let (cw, ce) = (signed_in(&server.url, "wes"), signed_in(&server.url, "eda"));
    let (id, _) = w.create(&seed(), &by("wes")).unwrap();
    let wes = ReviewService::new(&w, "wes");
    wes.transition(&id, ReviewStatus::InReview, Some("ready"), None, &[])
        .unwrap();
    wes.request_review(&id, &["eda".to_string()], None, None, None)
        .unwrap();
    sync(&w, &cw).unwrap();
    sync(&e, &ce).unwrap();

    let eda = ReviewService::new(&e, "eda");
    assert_eq!(eda.status(&id).unwrap(), ReviewStatus::InReview);
    assert!(eda.waiting_for("eda").unwrap().contains(&id));
    eda.transition(
        &id,
        ReviewStatus::ChangesRequested,
        Some("name the accord"),
        None,
        &[],
    )
    .unwrap();
    sync(&e, &ce).unwrap();
    sync(&w, &cw).unwrap();
    wes.transition(&id, ReviewStatus::InReview, Some("named"), None, &[])
        .unwrap();
    sync(&w, &cw).unwrap();
    sync(&e, &ce).unwrap();

    for svc in [&wes, &eda] {
        let moves: Vec<(String, String)> = svc
            .audit(&id)
            .unwrap()
            .into_iter()
            .filter(|a| a.kind == "transition")
            .map(|a| (a.actor, a.summary))
            .collect();
        assert_eq!(moves.len(), 3, "{moves:?}");
        let actors: Vec<&str> = moves.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(actors, ["wes", "eda", "wes"]);
        assert!(moves[1].1.contains("name the accord"), "{moves:?}");
        assert_eq!(svc.status(&id).unwrap(), ReviewStatus::InReview);
    }
}
