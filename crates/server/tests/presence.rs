//! Presence and live updates end to end: real PostgreSQL, real
//! `dateline-server` processes (two instances on one database), the real
//! client, and hostile requests sent by hand.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use dateline_core::Release;
use dateline_store::{SaveMeta, SqliteStore, Store};
use dateline_sync::wire::{ErrorBody, PresenceEntry, PresenceMode};
use dateline_sync::{sync, Client, Events, Live, SyncError};
use uuid::Uuid;

const PW: &str = "correct horse battery";
const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

fn signed_in(url: &str, name: &str) -> Client {
    let mut c = Client::new(url).unwrap();
    c.login(name, PW).unwrap();
    c
}

fn who(entries: &[PresenceEntry]) -> Vec<(String, PresenceMode)> {
    entries.iter().map(|e| (e.user.clone(), e.mode)).collect()
}

fn code<T: std::fmt::Debug>(r: Result<T, SyncError>) -> String {
    match r {
        Err(e) => e.code().unwrap_or("(no code)").to_string(),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

/// The stream's events on a thread, so a test can wait with a timeout.
fn pump(mut events: Events) -> mpsc::Receiver<Live> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        while let Ok(Some(e)) = events.next() {
            if tx.send(e).is_err() {
                return;
            }
        }
    });
    rx
}

/// The next presence event within `wait`, skipping record events.
fn next_presence(rx: &mpsc::Receiver<Live>, wait: Duration) -> Option<Uuid> {
    let until = Instant::now() + wait;
    loop {
        let left = until.checked_duration_since(Instant::now())?;
        match rx.recv_timeout(left).ok()? {
            Live::Presence(p) => return Some(p.release_id),
            _ => continue,
        }
    }
}

/// A raw request: status and the `{code, message}` body.
fn raw(
    method: reqwest::Method,
    url: &str,
    token: Option<&str>,
    json: Option<&str>,
) -> (u16, ErrorBody) {
    let http = reqwest::blocking::Client::new();
    let mut rb = http.request(method, url);
    if let Some(t) = token {
        rb = rb.bearer_auth(t);
    }
    if let Some(body) = json {
        rb = rb
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let res = rb.send().unwrap();
    let status = res.status().as_u16();
    let text = res.text().unwrap();
    let body: ErrorBody =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not a JSON refusal: {text:?}"));
    (status, body)
}

#[test]
fn presence_through_one_instance_is_seen_and_announced_through_another() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("bruno", "editor", "w", PW);
    let (a, b) = (db.server(), db.server());
    let amira = signed_in(&a.url, "amira");
    let bruno = signed_in(&b.url, "bruno");
    let live = pump(bruno.events().unwrap());
    let release = Uuid::now_v7();

    // Amira opens the release through instance A; Bruno, on B, sees her and hears of it.
    let answer = amira
        .presence_heartbeat(release, Some(PresenceMode::Viewing))
        .unwrap();
    assert_eq!(who(&answer), [("amira".into(), PresenceMode::Viewing)]);
    assert_eq!(next_presence(&live, Duration::from_secs(10)), Some(release));
    let seen = bruno.release_presence(&release.to_string()).unwrap();
    assert_eq!(who(&seen), [("amira".into(), PresenceMode::Viewing)]);
    assert!(seen[0].expires > chrono::Utc::now());

    // A renewal that changes nothing is not announced; starting to edit is.
    amira
        .presence_heartbeat(release, Some(PresenceMode::Viewing))
        .unwrap();
    assert_eq!(next_presence(&live, Duration::from_millis(700)), None);
    amira
        .presence_heartbeat(release, Some(PresenceMode::Editing))
        .unwrap();
    assert_eq!(next_presence(&live, Duration::from_secs(10)), Some(release));

    // Bruno opens it too: both are listed, by name; the workspace list has both.
    let both = bruno
        .presence_heartbeat(release, Some(PresenceMode::Viewing))
        .unwrap();
    assert_eq!(
        who(&both),
        [
            ("amira".into(), PresenceMode::Editing),
            ("bruno".into(), PresenceMode::Viewing)
        ]
    );
    let all = amira.workspace_presence().unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|e| e.release_id == release));

    // Amira closes it: gone at once, and announced.
    assert_eq!(next_presence(&live, Duration::from_secs(10)), Some(release));
    amira.presence_heartbeat(release, None).unwrap();
    assert_eq!(next_presence(&live, Duration::from_secs(10)), Some(release));
    let left = bruno.release_presence(&release.to_string()).unwrap();
    assert_eq!(who(&left), [("bruno".into(), PresenceMode::Viewing)]);
}

#[test]
fn an_entry_not_renewed_lapses_and_its_lapse_is_announced() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("bruno", "editor", "w", PW);
    let ttl = [("DATELINE_PRESENCE_TTL_SECS", "2")];
    let (a, b) = (db.server_with(&ttl), db.server_with(&ttl));
    let amira = signed_in(&a.url, "amira");
    let bruno = signed_in(&b.url, "bruno");
    let live = pump(bruno.events().unwrap());
    let release = Uuid::now_v7();

    amira
        .presence_heartbeat(release, Some(PresenceMode::Editing))
        .unwrap();
    assert_eq!(next_presence(&live, Duration::from_secs(10)), Some(release));
    // Renewed within the lifetime: still there after more than one lifetime.
    for _ in 0..3 {
        thread::sleep(Duration::from_millis(1000));
        amira
            .presence_heartbeat(release, Some(PresenceMode::Editing))
            .unwrap();
    }
    assert_eq!(
        bruno.release_presence(&release.to_string()).unwrap().len(),
        1
    );

    // The laptop closes: no goodbye. Within the lifetime (and a sweep) the
    // entry is gone and the people still looking are told.
    let closed = Instant::now();
    assert_eq!(next_presence(&live, Duration::from_secs(10)), Some(release));
    let lapsed_after = closed.elapsed();
    assert!(
        lapsed_after >= Duration::from_millis(1500),
        "announced too early: {lapsed_after:?}"
    );
    assert!(bruno
        .release_presence(&release.to_string())
        .unwrap()
        .is_empty());
    assert_eq!(db.scalar("SELECT count(*) FROM presence"), "0");
}

#[test]
fn another_workspace_neither_sees_nor_hears_presence() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("eve", "writer", "elsewhere", PW);
    let (a, b) = (db.server(), db.server());
    let amira = signed_in(&a.url, "amira");
    let eve = signed_in(&b.url, "eve");
    let eve_live = pump(eve.events().unwrap());
    let release = Uuid::now_v7();

    amira
        .presence_heartbeat(release, Some(PresenceMode::Editing))
        .unwrap();
    // Eve asks about the very same id: nobody there, nothing in her list.
    assert!(eve
        .release_presence(&release.to_string())
        .unwrap()
        .is_empty());
    assert!(eve.workspace_presence().unwrap().is_empty());
    // Her heartbeat on that id is her own workspace's business only.
    let hers = eve
        .presence_heartbeat(release, Some(PresenceMode::Viewing))
        .unwrap();
    assert_eq!(who(&hers), [("eve".into(), PresenceMode::Viewing)]);
    assert_eq!(
        who(&amira.release_presence(&release.to_string()).unwrap()),
        [("amira".into(), PresenceMode::Editing)]
    );
    // The only presence event Eve heard is her own.
    assert_eq!(
        next_presence(&eve_live, Duration::from_secs(10)),
        Some(release)
    );
    assert_eq!(next_presence(&eve_live, Duration::from_millis(700)), None);
}

#[test]
fn hostile_presence_requests_are_refused_clearly() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    let server = db.server();
    let amira = signed_in(&server.url, "amira");
    let token = amira.token().unwrap().to_string();
    let url = &server.url;
    let post = |body: &str| {
        raw(
            reqwest::Method::POST,
            &format!("{url}/v1/presence"),
            Some(&token),
            Some(body),
        )
    };

    // Not signed in.
    let (s, e) = raw(
        reqwest::Method::POST,
        &format!("{url}/v1/presence"),
        None,
        Some(r#"{"release_id":"0190a0a0-0000-7000-8000-000000000002","mode":"viewing"}"#),
    );
    assert_eq!((s, e.code.as_str()), (401, "unauthorized"));
    // Ids and modes that are not ids and modes; fields that do not exist.
    for body in [
        r#"{"release_id":"'; DROP TABLE presence; --","mode":"viewing"}"#,
        r#"{"release_id":"0190a0a0-0000-7000-8000-000000000002","mode":"owner"}"#,
        r#"{"release_id":"0190a0a0-0000-7000-8000-000000000002","mode":"viewing","user":"bruno"}"#,
        r#"{"mode":"viewing"}"#,
        "not json",
    ] {
        let (s, e) = post(body);
        assert_eq!((s, e.code.as_str()), (400, "bad_request"), "{body}");
    }
    for id in [
        "'%3B%20DROP%20TABLE%20presence%3B%20--",
        "..%2F..%2Fetc",
        "1",
    ] {
        let (s, e) = raw(
            reqwest::Method::GET,
            &format!("{url}/v1/releases/{id}/presence"),
            Some(&token),
            None,
        );
        assert_eq!((s, e.code.as_str()), (404, "not_found"), "{id}");
    }
    assert_eq!(db.scalar("SELECT count(*) FROM presence"), "0");

    // No one fills the table: one person has a bounded number of releases open.
    let limit = dateline_server::presence::MAX_OPEN_PER_USER;
    for _ in 0..limit {
        amira
            .presence_heartbeat(Uuid::now_v7(), Some(PresenceMode::Viewing))
            .unwrap();
    }
    assert_eq!(
        code(amira.presence_heartbeat(Uuid::now_v7(), Some(PresenceMode::Viewing))),
        "too_many_open"
    );
    assert_eq!(
        db.scalar("SELECT count(*) FROM presence"),
        limit.to_string()
    );
    // Renewing one already open still works.
    let open = amira.workspace_presence().unwrap()[0].release_id;
    amira
        .presence_heartbeat(open, Some(PresenceMode::Editing))
        .unwrap();
}

/// Saves one revision on `store` with a new first-paragraph text.
fn save(store: &SqliteStore, id: &str, text: &str) {
    let mut rel: Release = store.load(id, None).unwrap();
    for b in &mut rel.body {
        if let dateline_core::Block::Paragraph { text: t } = b {
            *t = text.into();
            break;
        }
    }
    store
        .save(
            id,
            &rel,
            &SaveMeta {
                author: "Amira".into(),
                message: None,
                name: None,
            },
        )
        .unwrap();
}

/// What the app does: a colleague saves and syncs; the app, subscribed, pulls
/// on the event and has the revision. Prints the delay from the colleague's
/// save to the revision being in the app's store (through two instances).
#[test]
fn a_colleagues_save_reaches_a_subscribed_app_through_the_live_stream() {
    let Some(db) = common::db() else { return };
    db.add_user("amira", "writer", "w", PW);
    db.add_user("bruno", "editor", "w", PW);
    let (a, b) = (db.server(), db.server());
    let (ca, cb) = (signed_in(&a.url, "amira"), signed_in(&b.url, "bruno"));
    let (sa, sb) = (
        SqliteStore::open_in_memory().unwrap(),
        SqliteStore::open_in_memory().unwrap(),
    );
    let seed = dateline_core::from_json(SEED).unwrap();
    let (id, _) = sa
        .create(
            &seed,
            &SaveMeta {
                author: "Amira".into(),
                message: None,
                name: None,
            },
        )
        .unwrap();
    sync(&sa, &ca).unwrap();
    sync(&sb, &cb).unwrap();
    let live = pump(cb.events().unwrap());

    let rounds = 20;
    let mut delays = Vec::new();
    for n in 0..rounds {
        let text = format!("Paragraph as of save {n}.");
        let t0 = Instant::now();
        save(&sa, &id, &text);
        sync(&sa, &ca).unwrap();
        // The app's side: wait for the event (no polling), then pull.
        loop {
            match live.recv_timeout(Duration::from_secs(10)).unwrap() {
                Live::Record(e) if e.release_id.to_string() == id => break,
                _ => continue,
            }
        }
        sync(&sb, &cb).unwrap();
        let latest = sb.load(&id, None).unwrap();
        let delay = t0.elapsed();
        assert!(
            serde_json::to_string(&latest).unwrap().contains(&text),
            "save {n} is not the latest revision on the second app"
        );
        delays.push(delay);
    }
    delays.sort();
    eprintln!(
        "colleague save -> in the other app's store, {rounds} saves: p50 {:?}, max {:?}",
        delays[rounds / 2],
        delays[rounds - 1]
    );
}
