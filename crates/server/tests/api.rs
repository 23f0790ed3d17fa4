//! The server end to end: real PostgreSQL, real `dateline-server` processes,
//! the real sync client, and hostile requests sent by hand.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeSet, HashSet};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use chrono::Utc;
use dateline_sync::wire::{blob_hash, ErrorBody, Record, RecordKind};
use dateline_sync::{Client, Live, SyncError};
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

fn code<T: std::fmt::Debug>(r: Result<T, SyncError>) -> String {
    match r {
        Err(e) => e.code().unwrap_or("(no code)").to_string(),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

/// Every record of the workspace, paging by cursor.
fn pull_all(c: &Client) -> Vec<dateline_sync::wire::StoredRecord> {
    let (mut all, mut cursor) = (Vec::new(), 0);
    loop {
        // Small pages of a large workspace can outrun the request rate limit.
        let page = match c.pull(cursor, 97) {
            Err(e) if e.code() == Some("rate_limited") => {
                thread::sleep(Duration::from_millis(200));
                continue;
            }
            other => other.unwrap(),
        };
        all.extend(page.records);
        cursor = page.cursor;
        if !page.more {
            return all;
        }
    }
}

/// A raw request: status and the `{code, message}` body.
fn raw(
    method: reqwest::Method,
    url: &str,
    token: Option<&str>,
    body: Option<(&str, Vec<u8>)>,
) -> (u16, ErrorBody) {
    let http = reqwest::blocking::Client::new();
    let mut rb = http.request(method, url);
    if let Some(t) = token {
        rb = rb.bearer_auth(t);
    }
    if let Some((ctype, bytes)) = body {
        rb = rb.header("content-type", ctype).body(bytes);
    }
    let res = rb.send().unwrap();
    let status = res.status().as_u16();
    let text = res.text().unwrap();
    let body: ErrorBody =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not a JSON refusal: {text:?}"));
    (status, body)
}

#[test]
fn sign_in_whoami_sign_out_and_revocation() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "un-geneva", PW);
    let server = db.server();

    let mut c = Client::new(&server.url).unwrap();
    assert_eq!(
        code(c.login("amira", "wrong password")),
        "wrong_credentials"
    );
    assert_eq!(code(c.login("nobody", PW)), "wrong_credentials");
    assert_eq!(code(c.whoami()), "(no code)", "not signed in yet");

    let login = c.login("amira", PW).unwrap();
    assert!(login.expires > Utc::now());
    let me = c.whoami().unwrap();
    assert_eq!(
        (me.name.as_str(), me.role.as_str(), me.workspace.as_str()),
        ("amira", "writer", "un-geneva")
    );
    // The database holds a hash of the token, never the token.
    assert_eq!(
        db.scalar(&format!(
            "SELECT count(*) FROM sessions WHERE encode(token_hash, 'hex') = '{}'",
            login.token
        )),
        "0"
    );
    assert!(db
        .scalar("SELECT password_hash FROM users WHERE name = 'amira'")
        .starts_with("$argon2id$"));

    let old = c.clone();
    c.logout().unwrap();
    assert_eq!(code(old.whoami()), "session_revoked");

    // An administrator signs a user out everywhere.
    let c = signed_in(&server.url, "amira");
    let out = db
        .command()
        .args(["session", "revoke", "amira"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(code(c.whoami()), "session_revoked");

    let forged = Client::new(&server.url).unwrap().with_token("f".repeat(64));
    assert_eq!(code(forged.whoami()), "unauthorized");
}

#[test]
fn an_expired_session_is_refused() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    let server = db.server_with(&[("DATELINE_SESSION_TTL_SECS", "1")]);
    let c = signed_in(&server.url, "amira");
    assert!(c.whoami().is_ok());
    thread::sleep(Duration::from_millis(2100));
    assert_eq!(code(c.whoami()), "session_expired");
}

#[test]
fn repeated_wrong_passwords_are_rate_limited_per_name() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("bruno", "writer", "w", PW);
    let server = db.server();
    let mut c = Client::new(&server.url).unwrap();
    for _ in 0..5 {
        assert_eq!(code(c.login("amira", "guess")), "wrong_credentials");
    }
    // Even the right password is refused now: the guesser cannot tell.
    assert_eq!(code(c.login("amira", PW)), "rate_limited");
    // The limit is kept in PostgreSQL: another instance refuses too.
    let other = db.server();
    let mut c2 = Client::new(&other.url).unwrap();
    assert_eq!(code(c2.login("amira", PW)), "rate_limited");
    // Other accounts are not locked out.
    assert!(c2.login("bruno", PW).is_ok());
}

#[test]
fn a_user_sees_only_their_workspace() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "geneva", PW);
    db.add_user("eve", "admin", "elsewhere", PW);
    let server = db.server();
    let amira = signed_in(&server.url, "amira");
    let eve = signed_in(&server.url, "eve");

    let release = Uuid::now_v7();
    let hash = amira
        .put_blob(b"GENEVA (14 May 2025) - The headline")
        .unwrap();
    let mut r = rec(release, RecordKind::Revision, json!({"number": 1}));
    r.blobs = vec![hash.clone()];
    amira.push(&[r]).unwrap();

    assert_eq!(code(eve.release_records(&release.to_string())), "not_found");
    assert!(pull_all(&eve).is_empty());
    assert_eq!(code(eve.get_blob(&hash)), "not_found");
    assert_eq!(
        eve.missing_blobs(std::slice::from_ref(&hash)).unwrap(),
        vec![hash]
    );
    // Writing into another workspace's release is refused, and nothing is stored.
    let intrusion = rec(release, RecordKind::Comment, json!({"text": "mine now"}));
    assert_eq!(code(eve.push(&[intrusion])), "not_found");
    assert_eq!(
        amira.release_records(&release.to_string()).unwrap().len(),
        1
    );
    assert_eq!(db.scalar("SELECT count(*) FROM records"), "1");
}

#[test]
fn the_server_enforces_roles_and_the_approval_rule() {
    let Some(db) = common::db() else { return };
    db.add_user("writer", "writer", "w", PW);
    db.add_user("editor", "editor", "w", PW);
    db.add_user("approver", "approver", "w", PW);
    let server = db.server();
    let (w, e, a) = (
        signed_in(&server.url, "writer"),
        signed_in(&server.url, "editor"),
        signed_in(&server.url, "approver"),
    );
    let rel = Uuid::now_v7();
    w.push(&[rec(rel, RecordKind::Revision, json!({"n": 1}))])
        .unwrap();

    // A batch with one forbidden record stores nothing at all.
    let batch = [
        rec(rel, RecordKind::Comment, json!({"text": "looks good"})),
        rec(rel, RecordKind::Approval, json!({})),
    ];
    let err = w.push(&batch).unwrap_err();
    assert_eq!(err.code(), Some("forbidden"), "{err}");
    assert_eq!(w.release_records(&rel.to_string()).unwrap().len(), 1);
    assert_eq!(
        code(w.push(&[rec(rel, RecordKind::State, json!({"state": "approved"}))])),
        "forbidden"
    );

    a.push(&[rec(rel, RecordKind::Approval, json!({}))])
        .unwrap();
    assert_eq!(
        code(w.push(&[rec(rel, RecordKind::Revision, json!({"n": 2}))])),
        "release_approved"
    );
    assert_eq!(
        code(w.push(&[rec(rel, RecordKind::State, json!({"state": "reopened"}))])),
        "forbidden",
        "a writer cannot reopen"
    );
    e.push(&[rec(rel, RecordKind::State, json!({"state": "reopened"}))])
        .unwrap();
    w.push(&[rec(rel, RecordKind::Revision, json!({"n": 2}))])
        .unwrap();
    let kinds: Vec<RecordKind> = w
        .release_records(&rel.to_string())
        .unwrap()
        .iter()
        .map(|r| r.record.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            RecordKind::Revision,
            RecordKind::Approval,
            RecordKind::State,
            RecordKind::Revision
        ]
    );
    assert_eq!(
        code(w.push(&[rec(
            rel,
            RecordKind::State,
            json!({"state": "'; DROP TABLE x"})
        )])),
        "bad_request"
    );
}

#[test]
fn sql_injection_strings_are_stored_as_text_and_nothing_else() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "admin", "w", PW);
    let server = db.server();
    let c = signed_in(&server.url, "amira");
    let evil = [
        "'; DROP TABLE records; --",
        "\" OR 1=1 --",
        "Robert'); DELETE FROM users WHERE ('a'='a",
        "$1 $$ \\x00 E'\\\\' ::text; SELECT pg_sleep(10)",
        "1; UPDATE releases SET approved = true",
    ];
    let rel = Uuid::now_v7();
    let records: Vec<Record> = evil
        .iter()
        .map(|s| {
            let mut r = rec(rel, RecordKind::Comment, json!({ *s: s, "text": s }));
            r.author = s.to_string();
            r
        })
        .collect();
    c.push(&records).unwrap();
    let back: Vec<Record> = pull_all(&c).into_iter().map(|s| s.record).collect();
    assert_eq!(back, records, "every string comes back exactly as sent");

    // In names, passwords, paths, hashes and query strings.
    let mut anon = Client::new(&server.url).unwrap();
    for s in evil {
        assert_eq!(code(anon.login(s, s)), "wrong_credentials");
        assert_eq!(code(c.release_records(&urlencode(s))), "not_found");
    }
    assert_eq!(code(c.missing_blobs(&[evil[0].to_string()])), "bad_request");
    let (status, body) = raw(
        reqwest::Method::GET,
        &format!("{}/v1/records?after=0;DROP%20TABLE%20records", server.url),
        c.token(),
        None,
    );
    assert_eq!((status, body.code.as_str()), (400, "bad_request"));
    // A NUL character cannot be stored by PostgreSQL: refused, not a crash.
    let mut nul = rec(rel, RecordKind::Comment, json!({"text": "a\u{0}b"}));
    nul.author = "x\u{0}y".into();
    assert_eq!(code(c.push(&[nul])), "bad_request");

    assert_eq!(pull_all(&c).len(), evil.len(), "every table is still there");
    assert_eq!(db.scalar("SELECT count(*) FROM users"), "1");
    assert_eq!(
        db.scalar("SELECT count(*) FROM releases WHERE approved"),
        "0"
    );
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn oversized_malformed_and_unknown_requests_get_json_refusals() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    let mut server = db.server();
    let c = signed_in(&server.url, "amira");
    let token = c.token();
    let url = |p: &str| format!("{}{p}", server.url);

    // 10 MB of JSON, and a 10 MB blob.
    let big = format!(
        r#"{{"records":[{{"id":"{}","release_id":"{}","kind":"comment","author":"a","created":"2025-05-14T10:00:00Z","body":{{"text":"{}"}}}}]}}"#,
        Uuid::now_v7(),
        Uuid::now_v7(),
        "x".repeat(10 * 1024 * 1024)
    );
    // The server answers 413 as soon as the limit is passed and stops reading;
    // a client still writing the rest may see the connection close first.
    let too_large = |method: reqwest::Method, path: &str, ctype: &str, bytes: Vec<u8>| {
        let mut rb = reqwest::blocking::Client::new()
            .request(method, url(path))
            .header("content-type", ctype)
            .body(bytes);
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        match rb.send() {
            Ok(res) => {
                let status = res.status().as_u16();
                let body: ErrorBody = serde_json::from_str(&res.text().unwrap()).unwrap();
                assert_eq!((status, body.code.as_str()), (413, "payload_too_large"));
            }
            Err(e) => assert!(
                e.is_request(),
                "neither a refusal nor a closed connection: {e}"
            ),
        }
        let health = reqwest::blocking::get(url("/v1/health")).unwrap();
        assert!(health.status().is_success(), "the server is still up");
    };
    too_large(
        reqwest::Method::POST,
        "/v1/records",
        "application/json",
        big.into_bytes(),
    );
    let blob = vec![7u8; 10 * 1024 * 1024];
    let path = format!("/v1/blobs/{}", blob_hash(&blob));
    too_large(
        reqwest::Method::PUT,
        &path,
        "application/octet-stream",
        blob,
    );

    type Case<'a> = (
        reqwest::Method,
        &'a str,
        Option<(&'a str, Vec<u8>)>,
        u16,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (
            reqwest::Method::POST,
            "/v1/records",
            Some(("application/json", b"{\"records\": [".to_vec())),
            400,
            "bad_request",
        ),
        (
            reqwest::Method::POST,
            "/v1/records",
            Some(("text/plain", b"{}".to_vec())),
            415,
            "unsupported_media_type",
        ),
        (
            reqwest::Method::POST,
            "/v1/records",
            Some(("application/json", b"{\"records\": []}".to_vec())),
            400,
            "bad_request",
        ),
        (
            reqwest::Method::POST,
            "/v1/records",
            Some(("application/json", "[".repeat(100_000).into_bytes())),
            400,
            "bad_request",
        ),
        (
            reqwest::Method::POST,
            "/v1/records",
            Some(("application/json", vec![0xff, 0xfe, 0x00])),
            400,
            "bad_request",
        ),
        (
            reqwest::Method::POST,
            "/v1/login",
            Some(("application/json", b"{\"name\": 1}".to_vec())),
            400,
            "bad_request",
        ),
        (
            reqwest::Method::GET,
            "/v1/nothing-here",
            None,
            404,
            "not_found",
        ),
        (
            reqwest::Method::DELETE,
            "/v1/records",
            None,
            405,
            "method_not_allowed",
        ),
        (
            reqwest::Method::PUT,
            "/v1/blobs/0000",
            Some(("application/octet-stream", b"x".to_vec())),
            400,
            "bad_request",
        ),
    ];
    for (method, path, body, want_status, want_code) in cases {
        let (status, got) = raw(method.clone(), &url(path), token, body);
        assert_eq!(
            (status, got.code.as_str()),
            (want_status, want_code),
            "{method} {path}: {}",
            got.message
        );
    }
    // A blob whose content does not match its name.
    let (status, got) = raw(
        reqwest::Method::PUT,
        &url(&format!("/v1/blobs/{}", blob_hash(b"one"))),
        token,
        Some(("application/octet-stream", b"two".to_vec())),
    );
    assert_eq!((status, got.code.as_str()), (400, "bad_request"));
    assert!(server.alive(), "no request crashed the server");
    assert!(c.whoami().is_ok());
}

#[test]
fn a_flood_from_one_client_is_rate_limited_and_the_server_stays_up() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("bruno", "writer", "w", PW);
    let mut server = db.server_with(&[("DATELINE_RATE_LIMIT", "50")]);
    let c = signed_in(&server.url, "amira");
    let (tx, rx) = mpsc::channel();
    thread::scope(|s| {
        for _ in 0..4 {
            let (c, tx) = (c.clone(), tx.clone());
            s.spawn(move || {
                for _ in 0..250 {
                    tx.send(c.whoami().err().and_then(|e| e.code().map(str::to_string)))
                        .unwrap();
                }
            });
        }
    });
    drop(tx);
    let codes: Vec<Option<String>> = rx.iter().collect();
    let limited = codes
        .iter()
        .filter(|c| c.as_deref() == Some("rate_limited"))
        .count();
    let ok = codes.iter().filter(|c| c.is_none()).count();
    assert_eq!(
        limited + ok,
        1000,
        "only successes and rate_limited: {codes:?}"
    );
    assert!(limited >= 500, "1,000 requests at once: {limited} limited");
    assert!(ok >= 100, "the burst allowance was served: {ok}");
    // Other clients are unaffected, and the limited one recovers.
    assert!(signed_in(&server.url, "bruno").whoami().is_ok());
    thread::sleep(Duration::from_millis(1100));
    assert!(c.whoami().is_ok());
    assert!(server.alive());
}

#[test]
fn a_push_is_idempotent_by_record_id() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    let server = db.server();
    let c = signed_in(&server.url, "amira");
    let rel = Uuid::now_v7();
    let batch: Vec<Record> = (0..20)
        .map(|i| {
            rec(
                rel,
                RecordKind::Comment,
                json!({ "text": format!("note {i}") }),
            )
        })
        .collect();
    let first = c.push(&batch).unwrap();
    assert_eq!((first.accepted, first.duplicates), (20, 0));
    let again = c.push(&batch).unwrap();
    assert_eq!(
        (again.accepted, again.duplicates, again.cursor),
        (0, 20, first.cursor)
    );
    // Half old, half new: only the new half is stored.
    let mut mixed = batch[10..].to_vec();
    mixed.push(rec(rel, RecordKind::Comment, json!({"text": "new"})));
    let third = c.push(&mixed).unwrap();
    assert_eq!((third.accepted, third.duplicates), (1, 10));
    assert_eq!(pull_all(&c).len(), 21);
    // The same id with other content is a conflict, not an overwrite.
    let mut forged = batch[0].clone();
    forged.body = json!({"text": "rewritten history"});
    assert_eq!(code(c.push(&[forged])), "id_conflict");
    assert_eq!(pull_all(&c)[0].record, batch[0]);
    // The database refuses to rewrite history even when asked directly.
    assert!(!db.cluster.psql(&db.name, "DELETE FROM records"));
    assert!(!db.cluster.psql(&db.name, "UPDATE records SET author = 'x'"));
}

#[test]
fn only_missing_blobs_are_uploaded_and_records_need_their_blobs() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    let server = db.server();
    let c = signed_in(&server.url, "amira");
    let blocks: Vec<Vec<u8>> = (0..5)
        .map(|i| format!("paragraph {i}").into_bytes())
        .collect();
    let hashes: Vec<String> = blocks.iter().map(|b| blob_hash(b)).collect();
    assert_eq!(c.missing_blobs(&hashes).unwrap(), hashes);
    c.put_blob(&blocks[0]).unwrap();
    c.put_blob(&blocks[1]).unwrap();
    assert_eq!(c.missing_blobs(&hashes).unwrap(), hashes[2..].to_vec());

    let mut r = rec(Uuid::now_v7(), RecordKind::Revision, json!({"n": 1}));
    r.blobs = hashes.clone();
    let err = c.push(&[r.clone()]).unwrap_err();
    assert_eq!(err.code(), Some("missing_blobs"));
    assert!(err.to_string().contains(&hashes[4]), "{err}");
    for b in &blocks[2..] {
        c.put_blob(b).unwrap();
    }
    assert!(c.missing_blobs(&hashes).unwrap().is_empty());
    c.put_blob(&blocks[0]).unwrap(); // uploading again is harmless
    c.push(&[r]).unwrap();
    assert_eq!(c.get_blob(&hashes[3]).unwrap(), blocks[3]);
}

#[test]
fn ten_clients_pushing_at_once_lose_nothing_and_cursors_skip_nothing() {
    let Some(db) = common::db() else { return };
    for i in 0..10 {
        db.add_user(&format!("u{i}"), "writer", "w", PW);
    }
    let (a, b) = (db.server(), db.server());
    let rel = Uuid::now_v7();
    let reader = signed_in(&a.url, "u0");
    let mut seen = Vec::new();
    let mut cursor = 0;
    thread::scope(|s| {
        for i in 0..10 {
            let url = if i % 2 == 0 { &a.url } else { &b.url };
            let c = signed_in(url, &format!("u{i}"));
            s.spawn(move || {
                for n in 0..20 {
                    let mut r = rec(rel, RecordKind::Revision, json!({"client": i, "n": n}));
                    r.revision = Some(n);
                    c.push(&[r]).unwrap();
                }
            });
        }
        // Pull while they push: a cursor must never skip a late commit.
        for _ in 0..30 {
            let page = reader.pull(cursor, 1000).unwrap();
            seen.extend(page.records);
            cursor = page.cursor;
            thread::sleep(Duration::from_millis(20));
        }
    });
    loop {
        let page = reader.pull(cursor, 1000).unwrap();
        seen.extend(page.records);
        cursor = page.cursor;
        if !page.more {
            break;
        }
    }
    // Positions have gaps (they come from transaction ids) but strictly increase.
    let seqs: Vec<i64> = seen.iter().map(|r| r.seq).collect();
    assert_eq!(seqs.len(), 200, "every record, once");
    assert!(
        seqs.windows(2).all(|w| w[0] < w[1]),
        "in increasing order: {seqs:?}"
    );
    let ids: HashSet<Uuid> = seen.iter().map(|r| r.record.id).collect();
    assert_eq!(ids.len(), 200);
}

#[test]
fn a_record_pushed_through_one_instance_is_announced_by_another() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("bruno", "editor", "w", PW);
    db.add_user("eve", "writer", "elsewhere", PW);
    let (a, b) = (db.server(), db.server());
    let writer = signed_in(&a.url, "amira");
    let mut watcher = signed_in(&b.url, "bruno").events().unwrap();
    let mut outsider = signed_in(&b.url, "eve").events().unwrap();

    let r = rec(
        Uuid::now_v7(),
        RecordKind::Comment,
        json!({"text": "see para 2"}),
    );
    writer.push(std::slice::from_ref(&r)).unwrap();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(watcher.next());
    });
    let got = rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap();
    match got {
        Some(Live::Record(e)) => {
            assert_eq!((e.id, e.release_id, e.kind), (r.id, r.release_id, r.kind));
            assert_eq!(e.seq, pull_all(&writer)[0].seq);
        }
        other => panic!("expected the record's event, got {other:?}"),
    }
    // Another workspace hears nothing of it: its next event is its own record.
    let own = rec(Uuid::now_v7(), RecordKind::Comment, json!({"text": "mine"}));
    signed_in(&a.url, "eve")
        .push(std::slice::from_ref(&own))
        .unwrap();
    match outsider.next().unwrap() {
        Some(Live::Record(e)) => assert_eq!(e.id, own.id),
        other => panic!("expected eve's own record, got {other:?}"),
    }
}

#[test]
fn killing_the_server_mid_push_leaves_no_partial_batch_and_loses_nothing_acknowledged() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    let mut acknowledged: Vec<Vec<Record>> = Vec::new();
    let mut unacknowledged: Vec<Vec<Record>> = Vec::new();
    for round in 0..6u64 {
        let mut server = db.server();
        let c = signed_in(&server.url, "amira");
        let (tx, rx) = mpsc::channel();
        let pusher = thread::spawn(move || {
            for _ in 0..50 {
                let rel = Uuid::now_v7();
                let batch: Vec<Record> = (0..400)
                    .map(|n| {
                        let mut r = rec(
                            rel,
                            RecordKind::Revision,
                            json!({"n": n, "pad": "x".repeat(200)}),
                        );
                        r.revision = Some(n);
                        r
                    })
                    .collect();
                let ok = c.push(&batch).is_ok();
                if tx.send((batch, ok)).is_err() || !ok {
                    return;
                }
            }
        });
        thread::sleep(Duration::from_millis(150 + 97 * round));
        server.kill9();
        pusher.join().unwrap();
        for (batch, ok) in rx.iter() {
            if ok {
                acknowledged.push(batch);
            } else {
                unacknowledged.push(batch);
            }
        }
    }
    assert!(
        !unacknowledged.is_empty(),
        "some push was cut short by the kill"
    );

    // After the crash: each batch is there entirely or not at all.
    let server = db.server();
    let c = signed_in(&server.url, "amira");
    let stored: HashSet<Uuid> = pull_all(&c).iter().map(|r| r.record.id).collect();
    for batch in acknowledged.iter().chain(&unacknowledged) {
        let present = batch.iter().filter(|r| stored.contains(&r.id)).count();
        assert!(
            present == 0 || present == batch.len(),
            "a partial batch: {present} of {}",
            batch.len()
        );
    }
    for batch in &acknowledged {
        assert!(
            stored.contains(&batch[0].id),
            "an acknowledged batch was lost"
        );
    }
    // The client retries what was not acknowledged; nothing is duplicated.
    for batch in &unacknowledged {
        c.push(batch).unwrap();
    }
    let all = pull_all(&c);
    let total: usize = acknowledged
        .iter()
        .chain(&unacknowledged)
        .map(Vec::len)
        .sum();
    assert_eq!(all.len(), total);
    let seqs: BTreeSet<i64> = all.iter().map(|r| r.seq).collect();
    assert_eq!(seqs.len(), total);
}

#[test]
fn a_save_is_one_request_with_its_blocks_inline_and_old_clients_still_work() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("eve", "writer", "elsewhere", PW);
    let server = db.server();
    let c = signed_in(&server.url, "amira");
    let rel = Uuid::now_v7();
    let block = b"{\"text\":\"GENEVA, 14 May: a new paragraph.\"}".to_vec();
    let mut r = rec(rel, RecordKind::Revision, json!({"number": 1}));
    r.blobs = vec![blob_hash(&block)];
    let res = c.push_with_blobs(&[r.clone()], &[&block]).unwrap();
    assert_eq!((res.accepted, res.duplicates), (1, 0));
    assert_eq!(c.get_blob(&r.blobs[0]).unwrap(), block);
    assert!(c.missing_blobs(&r.blobs).unwrap().is_empty());
    // The same block again is deduplicated, not refused.
    let mut r2 = rec(rel, RecordKind::Revision, json!({"number": 2}));
    r2.blobs = r.blobs.clone();
    c.push_with_blobs(&[r2], &[&block]).unwrap();
    assert_eq!(
        db.scalar("SELECT count(*) FROM blobs"),
        "1",
        "one copy of the block"
    );
    // A block neither inline nor stored is still required.
    let other = b"{\"text\":\"never sent\"}".to_vec();
    let mut r3 = rec(rel, RecordKind::Revision, json!({"number": 3}));
    r3.blobs = vec![blob_hash(&other)];
    assert_eq!(code(c.push_with_blobs(&[r3.clone()], &[])), "missing_blobs");
    // An inline blob whose content does not match its name is refused whole.
    let forged = json!({
        "records": [r3],
        "blobs": [{"hash": blob_hash(&other), "data": "aGVsbG8="}],
    });
    let (status, body) = raw(
        reqwest::Method::POST,
        &format!("{}/v1/records", server.url),
        c.token(),
        Some(("application/json", forged.to_string().into_bytes())),
    );
    assert_eq!((status, body.code.as_str()), (400, "bad_request"));
    assert_eq!(code(c.get_blob(&blob_hash(&other))), "not_found");
    // The old way (ask, upload, push) works as before.
    c.put_blob(&other).unwrap();
    c.push(&[r3]).unwrap();
    assert_eq!(pull_all(&c).len(), 3);
    // Blocks in bulk: both found, in one answer; another workspace sees none.
    let mut got = c
        .get_blobs(&[blob_hash(&block), blob_hash(&other)])
        .unwrap();
    got.sort();
    let mut want = vec![(blob_hash(&block), block), (blob_hash(&other), other)];
    want.sort();
    assert_eq!(got, want);
    let eve = signed_in(&server.url, "eve");
    assert_eq!(code(eve.get_blobs(&[want[0].0.clone()])), "not_found");
}
