//! Initial sync: a fresh app joins a workspace of 10,000 releases × 20
//! revisions and pulls all of it into an empty local SQLite store, with the
//! real sync engine, over loopback through a byte-counting relay.
//!
//! The workspace is written straight into PostgreSQL (records exactly as a
//! push would store them, blobs content-addressed), which takes far less time
//! than pushing it. Each release is the example release with its own
//! headline and paragraphs; each revision rewrites the lead paragraph, so a
//! revision shares all but one block with the one before it.
//!
//! Reported: the time of the initial sync, the bytes over the wire each way,
//! and what those bytes would be without blob deduplication (every revision
//! carrying all its content).
//!
//! `cargo bench -p dateline-server --bench initial_sync`; `SYNC_RELEASES` and
//! `SYNC_REVISIONS` change the size (10,000 and 20).

#![allow(clippy::unwrap_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Instant;

use chrono::{Duration as Span, TimeZone, Utc};
use dateline_core::{Block, Release};
use dateline_store::{SqliteStore, Store};
use dateline_sync::engine::RevisionBody;
use dateline_sync::wire::{blob_hash, Record, RecordKind};
use dateline_sync::{sync, Client};
use uuid::Uuid;

const PW: &str = "correct horse battery";
const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// User plus system CPU time, in seconds, from a `/proc/…/stat` file (Linux;
/// clock ticks of 1/100 s); 0 where there is none.
fn cpu_seconds(stat: &str) -> f64 {
    let text = std::fs::read_to_string(stat).unwrap_or_default();
    // The fields after the command name, which is in parentheses.
    let rest = text.rsplit_once(") ").map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // utime and stime are fields 14 and 15 of the file (11 and 12 after the name).
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

fn mib(b: u64) -> String {
    format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0))
}

/// The store's cut of a release into parts (`dateline-store`'s private
/// `parts::split`, which the engine sends): 13 top-level fields, the body's
/// slot empty, then one part per body block.
fn split(r: &Release) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let mut meta = r.meta.clone();
    meta.id.clear();
    meta.created = None;
    meta.updated = None;
    let fields = vec![
        j(&meta),
        j(&r.style),
        j(&r.release_line),
        j(&r.headline),
        j(&r.subheadline),
        j(&r.dateline),
        Vec::new(),
        j(&r.people),
        j(&r.end_mark),
        j(&r.footnotes),
        j(&r.boilerplate),
        j(&r.contacts),
        j(&r.actions),
    ];
    let blocks = r
        .body
        .iter()
        .map(|b| serde_json::to_vec(b).unwrap())
        .collect();
    (fields, blocks)
}

fn j<T: serde::Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap()
}

/// What was written to the server.
#[derive(Default)]
struct Built {
    records: u64,
    record_bytes: u64,
    blobs: u64,
    blob_bytes: u64,
    /// Content bytes if every revision carried all its parts.
    full_content_bytes: u64,
}

/// Writes `releases` × `revisions` revision records and their blobs into the
/// workspace `office`, as pushes by `amira` would have stored them.
fn build(url: &str, releases: usize, revisions: usize) -> Built {
    let seed: Release = dateline_core::from_json(SEED).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (mut pg, conn) = url
            .parse::<tokio_postgres::Config>()
            .unwrap()
            .connect(tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(conn);
        let ws: i64 = pg
            .query_one("SELECT id FROM workspaces WHERE name = 'office'", &[])
            .await
            .unwrap()
            .get(0);
        let mut built = Built::default();
        let mut seen_blobs: HashSet<String> = HashSet::new();
        let t0 = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
        let mut seq: i64 = 0;
        // One transaction per batch of releases.
        const BATCH: usize = 250;
        for start in (0..releases).step_by(BATCH) {
            let (mut rel_ids, mut bh, mut bd) = (Vec::new(), Vec::new(), Vec::new());
            let (mut ids, mut seqs, mut rids, mut created, mut revs, mut raws, mut hashes) = (
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
            );
            for i in start..(start + BATCH).min(releases) {
                let rel_id = Uuid::now_v7();
                rel_ids.push(rel_id);
                let mut rel = seed.clone();
                rel.headline = format!("{} (no. {i})", seed.headline);
                for b in &mut rel.body {
                    if let Block::Paragraph { text } = b {
                        text.push_str(&format!(" [Release {i}.]"));
                    }
                }
                let mut base = None;
                for k in 1..=revisions {
                    if let Some(Block::Paragraph { text }) = rel
                        .body
                        .iter_mut()
                        .find(|b| matches!(b, Block::Paragraph { .. }))
                    {
                        let keep = text.split(" Revision ").next().unwrap_or("").to_string();
                        *text = format!("{keep} Revision {k}.");
                    }
                    let (fields, blocks) = split(&rel);
                    let mut hash = |bytes: &Vec<u8>| {
                        let h = blob_hash(bytes);
                        built.full_content_bytes += bytes.len() as u64;
                        if seen_blobs.insert(h.clone()) {
                            built.blobs += 1;
                            built.blob_bytes += bytes.len() as u64;
                            bh.push(h.clone());
                            bd.push(bytes.clone());
                        }
                        h
                    };
                    let fh: Vec<String> = fields.iter().map(&mut hash).collect();
                    let bkh: Vec<String> = blocks.iter().map(&mut hash).collect();
                    let mut all: Vec<String> = fh.iter().chain(&bkh).cloned().collect();
                    all.sort();
                    all.dedup();
                    let id = Uuid::now_v7();
                    let r = Record {
                        id,
                        release_id: rel_id,
                        kind: RecordKind::Revision,
                        author: "Amira Haddad".into(),
                        created: t0 + Span::minutes((i * revisions + k) as i64),
                        revision: Some(k as u32),
                        body: serde_json::to_value(RevisionBody {
                            number: k as u32,
                            base,
                            message: None,
                            name: None,
                            fields: fh,
                            blocks: bkh,
                            parents: Vec::new(),
                            resolves: Vec::new(),
                        })
                        .unwrap(),
                        blobs: all,
                    };
                    base = Some(id);
                    let raw = serde_json::to_string(&r).unwrap();
                    seq += 1;
                    built.records += 1;
                    built.record_bytes += raw.len() as u64;
                    hashes.push(blake3::hash(raw.as_bytes()).as_bytes().to_vec());
                    ids.push(id);
                    seqs.push(seq);
                    rids.push(rel_id);
                    created.push(r.created);
                    revs.push(k as i32);
                    raws.push(raw);
                }
            }
            let tx = pg.transaction().await.unwrap();
            tx.execute(
                "INSERT INTO releases (id, workspace_id) SELECT unnest($1::uuid[]), $2",
                &[&rel_ids, &ws],
            )
            .await
            .unwrap();
            tx.execute(
                "INSERT INTO blobs (workspace_id, hash, data)
                 SELECT $1, unnest($2::text[]), unnest($3::bytea[])",
                &[&ws, &bh, &bd],
            )
            .await
            .unwrap();
            tx.execute(
                "INSERT INTO records (id, workspace_id, seq, release_id, kind, author, pushed_by,
                                      created, revision, raw, content_hash)
                 SELECT t.id, $1, t.seq, t.rid, 'revision', 'Amira Haddad', 'amira', t.created,
                        t.rev, t.raw, t.hash
                   FROM unnest($2::uuid[], $3::int8[], $4::uuid[], $5::timestamptz[],
                               $6::int4[], $7::text[], $8::bytea[])
                     AS t(id, seq, rid, created, rev, raw, hash)",
                &[&ws, &ids, &seqs, &rids, &created, &revs, &raws, &hashes],
            )
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }
        pg.batch_execute("VACUUM ANALYZE").await.unwrap();
        built
    })
}

/// A loopback TCP relay to `target` that counts the bytes each way.
struct Relay {
    url: String,
    up: Arc<AtomicU64>,
    down: Arc<AtomicU64>,
}

fn pipe(mut from: TcpStream, mut to: TcpStream, n: Arc<AtomicU64>) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(k) => {
                n.fetch_add(k as u64, Ordering::Relaxed);
                if to.write_all(&buf[..k]).is_err() {
                    break;
                }
            }
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}

fn relay(target: &str) -> Relay {
    let addr = target.trim_start_matches("http://").to_string();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (up, down) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let (u, d) = (up.clone(), down.clone());
    thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = TcpStream::connect(&addr) else {
                continue;
            };
            let _ = client.set_nodelay(true);
            let _ = server.set_nodelay(true);
            let (c2, s2) = (client.try_clone().unwrap(), server.try_clone().unwrap());
            let (u, d) = (u.clone(), d.clone());
            thread::spawn(move || pipe(client, server, u));
            thread::spawn(move || pipe(s2, c2, d));
        }
    });
    Relay { url, up, down }
}

fn main() {
    let Some(db) = common::db() else { return };
    let releases = env_or("SYNC_RELEASES", 10_000);
    let revisions = env_or("SYNC_REVISIONS", 20);
    db.add_user("amira", "writer", "office", PW);
    db.add_user("newcomer", "editor", "office", PW);
    let t = Instant::now();
    let built = build(&db.url, releases, revisions);
    println!(
        "built {releases} releases × {revisions} revisions in {:.1} s: {} records ({}), {} distinct blobs ({})",
        t.elapsed().as_secs_f64(),
        built.records,
        mib(built.record_bytes),
        built.blobs,
        mib(built.blob_bytes),
    );
    let server = db.server_with(&[("DATELINE_RATE_LIMIT", "1000000")]);
    let relay = relay(&server.url);
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("library.sqlite")).unwrap();
    let mut client = Client::new(&relay.url).unwrap();
    client.login("newcomer", PW).unwrap();
    let (up0, down0) = (
        relay.up.load(Ordering::Relaxed),
        relay.down.load(Ordering::Relaxed),
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let (thread0, process0, server0) = (
        cpu_seconds("/proc/thread-self/stat"),
        cpu_seconds("/proc/self/stat"),
        cpu_seconds(&format!("/proc/{}/stat", server.pid())),
    );
    let t = Instant::now();
    let report = sync(&store, &client).unwrap();
    let took = t.elapsed();
    let (thread, process, server_cpu) = (
        cpu_seconds("/proc/thread-self/stat") - thread0,
        cpu_seconds("/proc/self/stat") - process0,
        cpu_seconds(&format!("/proc/{}/stat", server.pid())) - server0,
    );
    let (up, down) = (
        relay.up.load(Ordering::Relaxed) - up0,
        relay.down.load(Ordering::Relaxed) - down0,
    );
    // Sanity: everything arrived.
    let listed = store.list(&Default::default()).unwrap().len();
    println!(
        "initial sync of {releases} × {revisions} into an empty SQLite store: {:.1} s (load average before: {})",
        took.as_secs_f64(),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "  pulled {} records, applied {} revisions, {listed} releases in the local library",
        report.pulled, report.applied
    );
    println!(
        "  CPU: {thread:.1} s on the applying thread, {process:.1} s in the whole client, {server_cpu:.1} s in the server (PostgreSQL not counted)"
    );
    println!(
        "  over the wire: {} down, {} up (HTTP, headers included)",
        mib(down),
        mib(up)
    );
    println!(
        "  of which content: {} of distinct blobs (deduplicated); record manifests {}",
        mib(built.blob_bytes),
        mib(built.record_bytes)
    );
    println!(
        "  without deduplication (every revision carrying all its content): {} of content + {} of records = {}",
        mib(built.full_content_bytes),
        mib(built.record_bytes),
        mib(built.full_content_bytes + built.record_bytes)
    );
}
