//! Benchmark of the revision store (issue 2): `cargo bench -p dateline-store --bench revisions`.
//!
//! Saves revisions of the seed release with small random one-word edits until
//! 10,000 are stored, and prints in one run:
//! - p50/p99 latency of `Store::save` (validation, cutting into blobs, one transaction);
//! - bytes per revision (database growth after a WAL checkpoint / revisions);
//! - the same for a full-snapshot baseline (the whole JSON per revision in a plain table);
//! - the raw SQLite empty-commit time on the same settings;
//! - load, list and search times for context;
//! - opening the database (recognition, settings, no migration) with all those
//!   revisions stored, against a database holding one: the cost must not grow with history.
//!
//! Set `REVISIONS=N` for a shorter run, `LIBRARY=N` for the library size (default 1,000), `SLOW=1` to list the saves that took over 1 ms
//! (on this machine: pairs every ~230 saves, the WAL auto-checkpoint, plus scheduler noise).

use std::path::Path;
use std::time::{Duration, Instant};

use dateline_core::{Block, Release};
use dateline_store::{ListFilter, SaveMeta, SqliteStore, Store};
use rusqlite::{params, Connection};

mod timing;
use timing::percentile;

const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");
const WORDS: [&str; 16] = [
    "urgent",
    "serious",
    "grave",
    "deep",
    "formal",
    "public",
    "new",
    "further",
    "clear",
    "strong",
    "renewed",
    "immediate",
    "full",
    "fair",
    "prompt",
    "open",
];

/// xorshift64*: a deterministic, dependency-free source of edits.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        (x >> 33) as usize % n.max(1)
    }
}

/// Replaces one random word of one random paragraph or quote segment.
fn edit(r: &mut Release, rng: &mut Rng) {
    let i = rng.below(r.body.len());
    let text = match r.body.get_mut(i) {
        Some(Block::Paragraph { text }) => text,
        Some(Block::Quote(q)) => {
            let p = rng.below(q.paragraphs.len());
            let Some(para) = q.paragraphs.get_mut(p) else {
                return;
            };
            let s = rng.below(para.segments.len());
            let Some(seg) = para.segments.get_mut(s) else {
                return;
            };
            &mut seg.text
        }
        _ => return,
    };
    let mut words: Vec<&str> = text.split(' ').collect();
    let w = rng.below(words.len());
    let new = WORDS[rng.below(WORDS.len())];
    if let Some(slot) = words.get_mut(w) {
        *slot = new;
    }
    *text = words.join(" ");
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn report(name: &str, mut lat: Vec<Duration>) {
    lat.sort_unstable();
    println!(
        "{name:<34} p50 {:>8.1} µs   p99 {:>8.1} µs   (n = {})",
        micros(percentile(&lat, 0.5)),
        micros(percentile(&lat, 0.99)),
        lat.len()
    );
}

fn file_size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// The store's own connection settings, for the baseline and the empty commit.
fn raw_connection(path: &Path) -> Connection {
    let c = Connection::open(path).expect("open");
    c.busy_timeout(Duration::from_secs(5))
        .expect("busy timeout");
    c.pragma_update(None, "foreign_keys", true).expect("fk");
    c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
        .expect("wal");
    c.pragma_update(None, "synchronous", "NORMAL")
        .expect("sync");
    c
}

/// Times of 200 opens of the database at `path` (each dropped before the next).
fn open_times(path: &Path) -> Vec<Duration> {
    (0..200)
        .map(|_| {
            let t = Instant::now();
            let s = SqliteStore::open(path).expect("open");
            let took = t.elapsed();
            drop(s);
            took
        })
        .collect()
}

fn main() {
    let n: usize = std::env::var("REVISIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = dateline_core::from_json(SEED).expect("seed");
    let meta = SaveMeta {
        author: "bench".into(),
        message: None,
        name: None,
    };
    println!("dateline-store revisions benchmark: {n} revisions of the seed, one-word edits\n");

    // The store.
    let db = dir.path().join("store.db");
    let store = SqliteStore::open(&db).expect("open");
    let (id, _) = store.create(&seed, &meta).expect("create");
    store.checkpoint().expect("checkpoint");
    let size0 = file_size(&db);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut current = seed.clone();
    let mut save_lat = Vec::with_capacity(n);
    for _ in 1..n {
        edit(&mut current, &mut rng);
        let t = Instant::now();
        store.save(&id, &current, &meta).expect("save");
        save_lat.push(t.elapsed());
    }
    if std::env::var_os("SLOW").is_some() {
        let slow: Vec<usize> = (0..save_lat.len())
            .filter(|&i| save_lat[i] > Duration::from_millis(1))
            .collect();
        println!("saves over 1 ms: {} at {:?}", slow.len(), slow);
    }
    store.checkpoint().expect("checkpoint");
    let store_bytes = (file_size(&db) - size0) as f64 / (n - 1) as f64;
    let mut load_lat = Vec::with_capacity(1000);
    for i in 0..1000u32 {
        let rev = 1 + (i * 7919) % n as u32;
        let t = Instant::now();
        store.load(&id, Some(rev)).expect("load");
        load_lat.push(t.elapsed());
    }
    let blobs = store.blob_count().expect("blobs");
    let open_lat = open_times(&db);
    let small = dir.path().join("small.db");
    SqliteStore::open(&small)
        .and_then(|s| s.create(&seed, &meta))
        .expect("one revision");
    let open_small_lat = open_times(&small);

    // The baseline: the whole JSON of each revision in a plain table, same settings.
    let base_db = dir.path().join("baseline.db");
    let base = raw_connection(&base_db);
    base.execute_batch(
        "CREATE TABLE snapshots (release TEXT NOT NULL, number INTEGER NOT NULL,
             created INTEGER NOT NULL, author TEXT NOT NULL, json TEXT NOT NULL,
             PRIMARY KEY (release, number)) WITHOUT ROWID;",
    )
    .expect("schema");
    let snapshot = |c: &Connection, number: usize, r: &Release| {
        let json = serde_json::to_string(r).expect("json");
        c.execute_batch("BEGIN IMMEDIATE").expect("begin");
        c.prepare_cached("INSERT INTO snapshots VALUES (?1, ?2, ?3, ?4, ?5)")
            .and_then(|mut s| {
                s.execute(params![
                    id,
                    number as i64,
                    chrono::Utc::now().timestamp_micros(),
                    "bench",
                    json
                ])
            })
            .expect("insert");
        c.execute_batch("COMMIT").expect("commit");
    };
    snapshot(&base, 1, &seed);
    base.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    let base0 = file_size(&base_db);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut current = seed.clone();
    let mut base_lat = Vec::with_capacity(n);
    for number in 2..=n {
        edit(&mut current, &mut rng);
        let t = Instant::now();
        snapshot(&base, number, &current);
        base_lat.push(t.elapsed());
    }
    base.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    let base_bytes = (file_size(&base_db) - base0) as f64 / (n - 1) as f64;

    // Raw SQLite: an empty transaction on the same settings.
    let empty = raw_connection(&dir.path().join("empty.db"));
    let mut commit_lat = Vec::with_capacity(n);
    let mut deferred_lat = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        empty
            .execute_batch("BEGIN IMMEDIATE; COMMIT;")
            .expect("commit");
        commit_lat.push(t.elapsed());
        let t = Instant::now();
        empty.execute_batch("BEGIN; COMMIT;").expect("commit");
        deferred_lat.push(t.elapsed());
    }

    // List and search over a library of `LIBRARY` releases (1,000 unless set).
    let lib_n: usize = std::env::var("LIBRARY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let many = SqliteStore::open(&dir.path().join("many.db")).expect("open");
    for i in 0..lib_n {
        let mut r = seed.clone();
        r.headline = format!("Release number {i}");
        many.create(&r, &meta).expect("create");
    }
    let (mut list_lat, mut search_lat) = (Vec::new(), Vec::new());
    let query = ListFilter {
        query: Some(format!("Number {}", lib_n * 617 / 1000)),
        deleted: false,
        ids: None,
    };
    // Saves keep the search rows current: the first search has nothing to index.
    let t = Instant::now();
    assert_eq!(many.list(&query).expect("search").len(), 1);
    let first_search = t.elapsed();
    for _ in 0..50 {
        let t = Instant::now();
        assert_eq!(
            many.list(&ListFilter::default()).expect("list").len(),
            lib_n
        );
        list_lat.push(t.elapsed());
        let t = Instant::now();
        assert_eq!(many.list(&query).expect("search").len(), 1);
        search_lat.push(t.elapsed());
    }

    report("store save (one-word edit)", save_lat);
    report("full-snapshot baseline save", base_lat);
    report("SQLite empty commit (IMMEDIATE)", commit_lat);
    report("SQLite empty commit (BEGIN; COMMIT)", deferred_lat);
    report("store load (random revision)", load_lat);
    report(&format!("open, {n} revisions stored"), open_lat);
    report("open, 1 revision stored", open_small_lat);
    report(&format!("list, {lib_n} releases"), list_lat);
    report(&format!("search, {lib_n} releases"), search_lat);
    println!(
        "first search after creating {lib_n} releases: {:.1} ms",
        first_search.as_secs_f64() * 1e3
    );
    println!();
    println!("bytes per revision: store {store_bytes:>7.0} B   full-snapshot baseline {base_bytes:>7.0} B   ({:.1}x smaller)",
        base_bytes / store_bytes.max(1.0));
    println!(
        "seed JSON {} B; {blobs} distinct blobs after {n} revisions; store file {} KiB, baseline {} KiB",
        SEED.len(),
        file_size(&db) / 1024,
        file_size(&base_db) / 1024
    );
}
