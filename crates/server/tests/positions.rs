//! Positions and cursors against a transaction held open by hand. In a test
//! binary of its own: a transaction left open holds back pulls across the
//! whole PostgreSQL cluster (which is the point), so it must not share the
//! cluster with other tests.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::Utc;
use dateline_sync::wire::{Record, RecordKind};
use dateline_sync::Client;
use serde_json::json;
use uuid::Uuid;

const PW: &str = "correct horse battery";

fn rec(release: Uuid, kind: RecordKind, body: serde_json::Value) -> Record {
    Record {
        id: Uuid::now_v7(),
        release_id: release,
        kind,
        author: "Amira Haddad".into(),
        created: Utc::now(),
        revision: None,
        body,
        blobs: vec![],
    }
}

fn signed_in(url: &str, name: &str) -> Client {
    let mut c = Client::new(url).unwrap();
    c.login(name, PW).unwrap();
    c
}

#[test]
fn a_pull_never_passes_a_push_that_is_still_running() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    let server = db.server();
    let c = signed_in(&server.url, "amira");
    let rel = Uuid::now_v7();
    c.push(&[rec(rel, RecordKind::Comment, json!({"text": "first"}))])
        .unwrap();
    let start = c.pull(0, 1000).unwrap();
    assert_eq!(start.records.len(), 1);

    // A slow push: its transaction takes its id and inserts its record (as
    // the server does), then stays open.
    let slow = rec(rel, RecordKind::Comment, json!({"text": "slow"}));
    let raw_json = serde_json::to_string(&slow).unwrap();
    let mut slow_tx = db.psql_session();
    slow_tx.send(&format!(
        "BEGIN;
         INSERT INTO records (id, workspace_id, seq, release_id, kind, author, pushed_by,
                              created, raw, content_hash)
         SELECT '{id}', w.id, (pg_current_xact_id()::text::bigint << 16) + 1, '{rel}',
                'comment', 'Slow', 'amira', now(), '{raw_json}', '\\x00'
           FROM workspaces w WHERE w.name = 'w';",
        id = slow.id,
    ));
    slow_tx.wait_for("INSERT 0 1");

    // A later push (to another release: the slow one holds a key-share lock
    // on its release's row) commits first, with a larger position.
    let fast = rec(Uuid::now_v7(), RecordKind::Comment, json!({"text": "fast"}));
    c.push(std::slice::from_ref(&fast)).unwrap();
    let held = c.pull(start.cursor, 1000).unwrap();
    assert!(
        held.records.is_empty(),
        "a pull handed out a record while an earlier push was still running"
    );
    assert_eq!(held.cursor, start.cursor);

    slow_tx.send("COMMIT;");
    slow_tx.wait_for("COMMIT");
    let page = c.pull(held.cursor, 1000).unwrap();
    let ids: Vec<Uuid> = page.records.iter().map(|r| r.record.id).collect();
    assert_eq!(ids, vec![slow.id, fast.id], "both, in position order");
    assert!(page.records[0].seq < page.records[1].seq);
}
