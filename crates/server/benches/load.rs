//! Save load over loopback: 50 simulated clients × 200 saves each against a
//! real server and a real PostgreSQL (started here, as in the tests).
//!
//! A save is what the app does when it knows which block changed: one push
//! carrying the revision record and the changed block inline
//! (`LOAD_LEGACY=1`: the older three steps — ask which hashes are missing,
//! upload the block, push the record). Reported: p50/p99/max from the start of
//! a save to its acknowledgement, and to the moment a second client,
//! subscribed to live events through another server instance, hears of it;
//! throughput; the writing instance's and PostgreSQL's CPU time and peak memory.
//!
//! `cargo bench -p dateline-server --bench load` (bounded: 10,000 saves, and
//! it gives up after 10 minutes). `LOAD_CLIENTS` and `LOAD_SAVES` change the size.
//! By default clients save back to back (a closed loop: saturation, not a
//! working office). `LOAD_PACE_MS=1000` paces each client to one save about
//! every second: each starts at a random moment within the first second and
//! waits between 0.5 and 1.5 × the pace (uniformly random) after each save,
//! so clients are not in lock-step.

#![allow(clippy::unwrap_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::HashMap;
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chrono::Utc;
use dateline_sync::wire::{blob_hash, Record, RecordKind};
use dateline_sync::{Client, Live};
use uuid::Uuid;

const PW: &str = "correct horse battery";

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// (CPU seconds, peak resident MiB) of a process, from /proc.
fn usage(pid: u32) -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let hwm_kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some((ticks / 100.0, hwm_kb / 1024.0))
}

/// A small deterministic generator (xorshift64*) for the pacing jitter.
struct Jitter(u64);

impl Jitter {
    fn new(seed: u64) -> Self {
        Jitter(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// CPU seconds of the PostgreSQL cluster (postmaster and its children) and
/// the sum of their resident memory now, in MiB.
fn pg_usage(postmaster: u32) -> (f64, f64) {
    let (mut cpu, mut rss) = (0.0, 0.0);
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return (0.0, 0.0);
    };
    for e in dir.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some((_, after)) = stat.rsplit_once(')') else {
            continue;
        };
        let f: Vec<&str> = after.split_whitespace().collect();
        let ppid: u32 = f.get(1).and_then(|p| p.parse().ok()).unwrap_or(0);
        if pid != postmaster && ppid != postmaster {
            continue;
        }
        let t = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
        cpu += (t(11) + t(12)) / 100.0;
        rss += t(21) * 4096.0 / (1024.0 * 1024.0);
    }
    (cpu, rss)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn main() {
    let Some(db) = common::db() else { return };
    let clients = env_or("LOAD_CLIENTS", 50);
    let saves = env_or("LOAD_SAVES", 200);
    let pace = Duration::from_millis(env_or("LOAD_PACE_MS", 0) as u64);
    let legacy = std::env::var_os("LOAD_LEGACY").is_some();
    let postmaster = db.cluster.postmaster_pid();
    println!("load average before: {}", load_average());
    for i in 0..clients {
        db.add_user(&format!("writer{i}"), "writer", "office", PW);
    }
    db.add_user("watcher", "editor", "office", PW);
    let env = [("DATELINE_RATE_LIMIT", "1000000")];
    let a = db.server_with(&env);
    let b = db.server_with(&env);
    let before = usage(a.pid()).unwrap_or_default();
    let pg_before = pg_usage(postmaster);

    // The second client hears of every record through the other instance.
    let heard: Arc<Mutex<HashMap<Uuid, Instant>>> = Arc::default();
    let mut watcher = {
        let mut c = Client::new(&b.url).unwrap();
        c.login("watcher", PW).unwrap();
        c.events().unwrap()
    };
    let total = clients * saves;
    let (done_tx, done_rx) = mpsc::channel();
    {
        let heard = heard.clone();
        thread::spawn(move || {
            let mut n = 0;
            while let Ok(Some(ev)) = watcher.next() {
                if let Live::Record(e) = ev {
                    heard.lock().unwrap().insert(e.id, Instant::now());
                    n += 1;
                    if n == total {
                        let _ = done_tx.send(());
                        return;
                    }
                }
            }
        });
    }

    let signed: Vec<Client> = (0..clients)
        .map(|i| {
            let mut c = Client::new(&a.url).unwrap();
            c.login(&format!("writer{i}"), PW).unwrap();
            c
        })
        .collect();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(600);
    let results: Vec<Vec<(Uuid, Instant, Duration)>> = thread::scope(|s| {
        let handles: Vec<_> = signed
            .iter()
            .enumerate()
            .map(|(i, c)| {
                s.spawn(move || {
                    let release = Uuid::now_v7();
                    let mut jitter = Jitter::new(i as u64 + 1);
                    let mut out = Vec::with_capacity(saves);
                    if !pace.is_zero() {
                        thread::sleep(pace.mul_f64(jitter.unit()));
                    }
                    for n in 0..saves {
                        if Instant::now() > deadline {
                            break;
                        }
                        let block =
                            format!("Paragraph edited by writer {i}, save {n}.").into_bytes();
                        let t0 = Instant::now();
                        let hash = blob_hash(&block);
                        let r = Record {
                            id: Uuid::now_v7(),
                            release_id: release,
                            kind: RecordKind::Revision,
                            author: format!("Writer {i}"),
                            created: Utc::now(),
                            revision: Some(n as u32 + 1),
                            body: serde_json::json!({ "number": n + 1, "blocks": [hash] }),
                            blobs: vec![hash.clone()],
                        };
                        if legacy {
                            if !c
                                .missing_blobs(std::slice::from_ref(&hash))
                                .unwrap()
                                .is_empty()
                            {
                                c.put_blob(&block).unwrap();
                            }
                            c.push(std::slice::from_ref(&r)).unwrap();
                        } else {
                            c.push_with_blobs(std::slice::from_ref(&r), &[&block])
                                .unwrap();
                        }
                        out.push((r.id, t0, t0.elapsed()));
                        if !pace.is_zero() {
                            thread::sleep(pace.mul_f64(0.5 + jitter.unit()));
                        }
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();
    let after = usage(a.pid()).unwrap_or_default();
    let pg_after = pg_usage(postmaster);
    let load_after = load_average();
    let _ = done_rx.recv_timeout(Duration::from_secs(30));

    let heard = heard.lock().unwrap();
    let mut acked: Vec<Duration> = Vec::new();
    let mut visible: Vec<Duration> = Vec::new();
    for (id, t0, ack) in results.iter().flatten() {
        acked.push(*ack);
        if let Some(t) = heard.get(id) {
            visible.push(t.duration_since(*t0));
        }
    }
    acked.sort();
    visible.sort();
    println!(
        "save load: {clients} clients × {saves} saves, {}, {} over loopback (2 server instances, 1 PostgreSQL)",
        if pace.is_zero() {
            "back to back (closed loop)".to_string()
        } else {
            format!("paced about {} ms apart with jitter", pace.as_millis())
        },
        if legacy {
            "3 requests a save (missing, put, push)"
        } else {
            "1 request a save (push with the block inline)"
        },
    );
    println!(
        "  saves acknowledged: {} in {:.1} s ({:.0} saves/s)",
        acked.len(),
        elapsed.as_secs_f64(),
        acked.len() as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  save → acknowledged: p50 {}  p99 {}  max {}",
        ms(pct(&acked, 0.5)),
        ms(pct(&acked, 0.99)),
        ms(acked.last().copied().unwrap_or_default())
    );
    println!(
        "  save → visible on a second client (SSE via the other instance): p50 {}  p99 {}  max {}  ({} of {} heard)",
        ms(pct(&visible, 0.5)),
        ms(pct(&visible, 0.99)),
        ms(visible.last().copied().unwrap_or_default()),
        visible.len(),
        acked.len()
    );
    println!(
        "  writing instance: {:.1} s CPU ({:.0}% of one core), peak resident {:.0} MiB",
        after.0 - before.0,
        100.0 * (after.0 - before.0) / elapsed.as_secs_f64(),
        after.1
    );
    println!(
        "  PostgreSQL: {:.1} s CPU ({:.0}% of one core), resident now {:.0} MiB (sum over its processes, shared memory counted in each)",
        pg_after.0 - pg_before.0,
        100.0 * (pg_after.0 - pg_before.0) / elapsed.as_secs_f64(),
        pg_after.1
    );
    println!("  load average after: {load_after}");
}
