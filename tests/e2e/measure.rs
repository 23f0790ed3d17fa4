//! Measurements of the real app, printed for `scripts/measure-app.sh` (not a
//! pass/fail test: `#[ignore]`d, run with `--ignored --nocapture`). Point
//! `DATELINE_APP_BIN` at the release binary to measure what users run.
//!
//! - cold start: session requested (driver listening) → library rows in the DOM,
//!   with 1,000 releases in the database;
//! - keystroke → preview: a real key event in a body paragraph of the seed →
//!   the preview iframe has loaded the new render (in-page clock);
//! - memory: PSS summed over the app and every process below it (WebKit's web
//!   and network processes) after opening the seed and one compare.

use std::time::{Duration, Instant};

use dateline_store::{SaveMeta, SqliteStore, Store};
use serde_json::Value;
use thirtyfour::prelude::*;

use crate::harness::Env;
use crate::ui::*;

const SEED: &str = include_str!("../../examples/un-expert-khakimova.json");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement, run by scripts/measure-app.sh"]
async fn measure() {
    let env = Env::new(5);
    let seed_id = fill_database(&env);
    println!("app: {}", crate::harness::app_bin().display());

    // Cold start, three launches (the first also warms the page cache).
    let mut starts = vec![];
    for _ in 0..3 {
        let app = env.launch().await;
        let s = app.s();
        let session = app.launched.elapsed();
        wait_rows(s).await;
        let rows = app.launched.elapsed();
        println!(
            "cold start to interactive library (1,000 releases): {:.0} ms (WebDriver session up at {:.0} ms)",
            ms(rows),
            ms(session)
        );
        starts.push(ms(rows));
        app.quit().await;
    }
    starts.sort_by(f64::total_cmp);
    println!("cold start median of 3: {:.0} ms", starts[1]);

    let app = env.launch().await;
    let s = app.s();
    wait_rows(s).await;
    let row = s
        .query(By::Css(format!(
            "[data-testid=\"release-row\"][data-id=\"{seed_id}\"]"
        )))
        .first()
        .await
        .expect("seed row");
    row.click().await.expect("open seed");
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    tokio::time::sleep(Duration::from_millis(800)).await;

    // Keystroke → preview.
    s.execute(
        r#"window.__m = { t0: 0, seq: [], load: [] };
           document.addEventListener('keydown', () => { window.__m.t0 = performance.now(); window.__m.seq = []; window.__m.load = []; }, true);
           new MutationObserver((ms) => { for (const m of ms) if (m.attributeName === 'data-seq' || m.attributeName === 'srcdoc') window.__m.seq.push(performance.now() - window.__m.t0); })
             .observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-seq', 'srcdoc'] });
           const hook = (f) => { if (f && !f.__measured) { f.__measured = true; f.addEventListener('load', () => window.__m.load.push(performance.now() - window.__m.t0)); } };
           hook(document.querySelector('[data-testid=preview-frame]'));
           new MutationObserver(() => hook(document.querySelector('[data-testid=preview-frame]'))).observe(document.body, { childList: true, subtree: true });"#,
        vec![],
    )
    .await
    .expect("install probes");
    let editor = cm(s, "block-text-0").await;
    editor.click().await.expect("focus paragraph");
    editor.send_keys(Key::End).await.expect("end");
    let mut loads = vec![];
    let mut renders = vec![];
    for i in 0..25 {
        editor
            .send_keys(if i % 2 == 0 { "x" } else { "y" })
            .await
            .expect("key");
        tokio::time::sleep(Duration::from_millis(350)).await;
        let m: Value = s
            .execute("return window.__m;", vec![])
            .await
            .expect("read probes")
            .json()
            .clone();
        if let Some(v) = m["seq"]
            .as_array()
            .and_then(|a| a.first())
            .and_then(Value::as_f64)
        {
            renders.push(v);
        }
        if let Some(v) = m["load"]
            .as_array()
            .and_then(|a| a.first())
            .and_then(Value::as_f64)
        {
            loads.push(v);
        }
    }
    report("keystroke → preview HTML set (ms)", &mut renders);
    report("keystroke → preview iframe loaded (ms)", &mut loads);

    // One compare, then memory.
    click(s, "tab-compare").await;
    set(s, "compare-from", "rev:1").await;
    set(s, "compare-to", "rev:2").await;
    click(s, "compare-run").await;
    wait_text(s, "compare-labels", |t| !t.trim().is_empty()).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let procs = app.processes();
    let mut total_kib = 0u64;
    for pid in &procs {
        let kib = pss_kib(*pid);
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        println!(
            "  PSS {:>8.1} MiB  {pid} {}",
            kib as f64 / 1024.0,
            name.trim()
        );
        total_kib += kib;
    }
    println!(
        "PSS after opening the seed and one compare: {:.1} MiB over {} processes",
        total_kib as f64 / 1024.0,
        procs.len()
    );
    app.quit().await;
}

/// 999 releases from the templates plus the seed (with a second revision); returns the seed's id.
fn fill_database(env: &Env) -> String {
    let store = SqliteStore::open(&env.db()).expect("store");
    let meta = SaveMeta {
        author: "measure".into(),
        message: None,
        name: None,
    };
    let started = Instant::now();
    let styles = dateline_core::style::HouseStyleId::ALL;
    let today = chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date");
    for i in 0..999 {
        let mut r = dateline_core::templates::template(styles[i % 3], today);
        r.headline = format!("Release number {i} about water, courts and harbours");
        store.create(&r, &meta).expect("create");
    }
    let seed = dateline_core::from_json(SEED).expect("seed");
    let (id, _) = store.create(&seed, &meta).expect("seed");
    let mut edited = seed.clone();
    edited.headline.push_str(" (updated)");
    if let Some(d) = edited.dateline.as_mut() {
        d.date = d.date.succ_opt().unwrap_or(d.date);
    }
    store.save(&id, &edited, &meta).expect("second revision");
    let listed = Instant::now();
    let rows = store
        .list(&dateline_store::ListFilter::default())
        .expect("list");
    println!(
        "store.list of {} releases (what list_releases does): {:.1} ms",
        rows.len(),
        ms(listed.elapsed())
    );
    println!(
        "database: 1,000 releases written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    id
}

async fn wait_rows(s: &WebDriver) {
    let start = Instant::now();
    while all(s, "release-row").await.is_empty() {
        assert!(start.elapsed() < Duration::from_secs(30), "no library rows");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("Pss:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn report(what: &str, v: &mut [f64]) {
    if v.is_empty() {
        println!("{what}: no samples");
        return;
    }
    v.sort_by(f64::total_cmp);
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    println!(
        "{what}: p50 {:.1}, p95 {:.1}, max {:.1} ({} samples)",
        p(0.5),
        p(0.95),
        p(1.0),
        v.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
