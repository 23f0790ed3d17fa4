//! The SIGKILL probe: `dateline save` run in a loop and killed with SIGKILL at
//! random moments. Every save that printed its revision number (acknowledged)
//! is in the history, byte for byte; numbers have no gaps; every revision is
//! one of the attempts, whole; the file passes SQLite's integrity check.
//! Bounded to a few seconds.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dateline_core::Release;
use dateline_store::{SqliteStore, Store};
use rusqlite::Connection;

const SEED_JSON: &str = include_str!("../../../examples/un-expert-khakimova.json");
/// How long the probe kills saves.
const PROBE: Duration = Duration::from_secs(3);

/// A small deterministic generator (the seed is printed on failure).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// The stored content of a release, as bytes: its JSON without what the store fills in.
fn canonical(mut r: Release) -> String {
    r.meta.id.clear();
    r.meta.created = None;
    r.meta.updated = None;
    serde_json::to_string(&r).expect("serialize")
}

/// Attempt `k`: the seed with a headline of its own.
fn attempt(k: usize) -> String {
    let mut v: serde_json::Value = serde_json::from_str(SEED_JSON).expect("seed");
    let headline = v["headline"].as_str().unwrap_or_default().to_string();
    v["headline"] = serde_json::Value::String(format!("Attempt {k}: {headline}"));
    serde_json::to_string_pretty(&v).expect("json")
}

fn dateline(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.arg("--db")
        .arg(db)
        .env("DATELINE_AUTHOR", "Test Officer")
        .env_remove("DATELINE_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

#[test]
fn saves_killed_at_random_keep_every_acknowledged_revision_intact() {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    let mut rng = Lcg(seed);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("killed.db");
    let first = dir.path().join("seed.json");
    std::fs::write(&first, SEED_JSON).expect("write");

    let started = Instant::now();
    let out = dateline(&db).arg("new").arg(&first).output().expect("new");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Kills are drawn up to `window` after the start; the window shrinks after a
    // save that completed and grows after a kill, so about half the saves are
    // killed, at every stage of their run.
    let mut window = started.elapsed().as_micros().max(1_000) as u64;
    let id = String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string();

    let mut contents = Vec::new(); // attempt k → its canonical content
    let mut acknowledged = Vec::new(); // (revision, attempt)
    let mut killed = 0;
    let end = Instant::now() + PROBE;
    while Instant::now() < end {
        let k = contents.len();
        let json = attempt(k);
        let file = dir.path().join(format!("attempt-{k}.json"));
        std::fs::write(&file, &json).expect("write");
        contents.push(canonical(
            dateline_core::from_json(&json).expect("valid attempt"),
        ));
        let mut child = dateline(&db)
            .args(["save", &id])
            .arg(&file)
            .args(["-m", &format!("attempt {k}")])
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        if child.try_wait().expect("try_wait").is_none() {
            child.kill().expect("SIGKILL");
            killed += 1;
            window = window * 5 / 4;
        } else {
            window = (window * 4 / 5).max(200);
        }
        let out = child.wait_with_output().expect("wait");
        if out.status.success() {
            let rev: u32 = String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .expect("a save prints its revision number");
            acknowledged.push((rev, k));
        } else if out.status.code().is_some() {
            // Exited by itself with an error: only a kill may interrupt a save.
            panic!(
                "seed {seed}: attempt {k} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    assert!(killed > 0, "seed {seed}: no save was killed");
    assert!(!acknowledged.is_empty(), "seed {seed}: no save completed");

    let conn = Connection::open(&db).expect("open");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok", "seed {seed}");
    drop(conn);

    let store = SqliteStore::open(&db).expect("reopen after the kills");
    let log = store.log(&id).expect("log");
    let numbers: Vec<u32> = log.iter().rev().map(|r| r.number).collect();
    assert_eq!(
        numbers,
        (1..=log.len() as u32).collect::<Vec<_>>(),
        "seed {seed}: revision numbers without gaps"
    );
    // Every stored revision is one attempt, whole.
    for info in &log[..log.len() - 1] {
        let k: usize = info
            .message
            .as_deref()
            .and_then(|m| m.strip_prefix("attempt "))
            .and_then(|k| k.parse().ok())
            .expect("an attempt's message");
        let stored = canonical(store.load(&id, Some(info.number)).expect("load"));
        assert_eq!(stored, contents[k], "seed {seed}: revision {}", info.number);
    }
    // Every acknowledged save is there, under the number it printed, byte for byte.
    for (rev, k) in &acknowledged {
        let info = log.iter().find(|i| i.number == *rev).expect("acknowledged");
        assert_eq!(
            info.message.as_deref(),
            Some(format!("attempt {k}").as_str())
        );
        let stored = canonical(store.load(&id, Some(*rev)).expect("load"));
        assert_eq!(
            stored, contents[*k],
            "seed {seed}: acknowledged revision {rev}"
        );
    }
    eprintln!(
        "{} attempts, {killed} killed, {} acknowledged, {} revisions",
        contents.len(),
        acknowledged.len(),
        log.len()
    );
}
