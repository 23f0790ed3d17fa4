//! Measurements of the real app, printed for `scripts/measure-app.sh` (not a
//! pass/fail test: `#[ignore]`d, run with `--ignored --nocapture`). Point
//! `DATELINE_APP_BIN` at the release binary to measure what users run, and
//! `DATELINE_FLOOR_BIN` at the release build of the `floor` example (the same
//! webview on an empty page; default: `examples/floor` beside the app binary).
//!
//! - floor: session requested → the empty page's marker in the DOM; PSS then;
//! - cold start: session requested (driver listening) → library rows in the DOM,
//!   with 1,000 releases in the database (median of 5 launches), and PSS at the
//!   library;
//! - keystroke → preview: a real key event in a body paragraph of the seed →
//!   the preview iframe has loaded the new render (in-page clock);
//! - memory: PSS summed over the app and every process below it (WebKit's web
//!   and network processes) after opening the seed and one compare;
//! - 10,000 releases: cold start to library rows, and search as you type: a real
//!   key event in the library search field → the list redrawn for the new query
//!   (in-page clock: rows in the DOM, and the frame after).
//!
//! Every figure is printed as it is taken, then a summary with the ratios to
//! the floor and each target of issue 14 marked met or not met.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dateline_store::{SaveMeta, SqliteStore, Store};
use serde_json::Value;
use thirtyfour::prelude::*;

use crate::harness::{App, Env};
use crate::ui::*;

const SEED: &str = include_str!("../../examples/un-expert-khakimova.json");
/// Launches whose median is the start time (the first also warms the page cache).
const LAUNCHES: usize = 5;
/// Time given to the processes to settle before their memory is read.
const SETTLE: Duration = Duration::from_millis(1500);

/// What one run measured; `None` when a step failed (its reason is printed).
#[derive(Default)]
struct Figures {
    floor_start: Option<f64>,
    floor_pss: Option<f64>,
    floor_keystroke_p95: Option<f64>,
    start_1k: Option<f64>,
    pss_library_1k: Option<f64>,
    pss_after_compare: Option<f64>,
    preview_p95: Option<f64>,
    preview_html_p95: Option<f64>,
    start_10k: Option<f64>,
    pss_library_10k: Option<f64>,
    search_p95: Option<f64>,
    search_frame_p95: Option<f64>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "measurement, run by scripts/measure-app.sh"]
async fn measure() {
    // What the app (and the floor) will choose: `painting::choose` runs in both.
    use dateline_app::painting::{is_on, CPU_PAINTING, NO_COMPOSITING};
    let mode = if is_on(NO_COMPOSITING) {
        "compositing off (the app's choice without a GPU, or WEBKIT_DISABLE_COMPOSITING_MODE=1)"
    } else {
        "compositing on (WebKit's default with a GPU, or WEBKIT_DISABLE_COMPOSITING_MODE=0)"
    };
    println!("mode: {mode}");
    println!(
        "painting: {}",
        if is_on(CPU_PAINTING) {
            "Skia on the CPU (the app's choice without a GPU, or WEBKIT_SKIA_ENABLE_CPU_RENDERING=1)"
        } else {
            "WebKit's default (Skia on the GPU)"
        }
    );
    println!("app: {}", crate::harness::app_bin().display());
    let mut f = Figures::default();

    // `DATELINE_MEASURE_ONLY=1k` or `10k` runs one part (while working on it);
    // the script runs both.
    let only = std::env::var("DATELINE_MEASURE_ONLY").unwrap_or_default();
    if only != "10k" {
        let env = Env::new(5);
        floor(&env, &mut f).await;
        let seed_id = fill_database(&env, 1_000);
        thousand(&env, &seed_id, &mut f).await;
        drop(env);
    }
    if only != "1k" {
        let env = Env::new(5);
        fill_database(&env, 10_000);
        ten_thousand(&env, &mut f).await;
        drop(env);
    }

    summary(mode, &f);
}

/// The same webview on an empty page: start to the page's marker, and PSS.
async fn floor(env: &Env, f: &mut Figures) {
    let bin = floor_bin();
    if !bin.exists() {
        println!(
            "floor: {} is not built (cargo build --release -p dateline-app --features tauri/custom-protocol --example floor)",
            bin.display()
        );
        return;
    }
    println!("floor: {}", bin.display());
    let mut starts = vec![];
    for i in 0..LAUNCHES {
        let app = launch(env, Some(&bin)).await;
        let t = started(&app, "[data-testid=\"floor-ready\"]").await;
        println!("floor: start to page ready {t}");
        starts.push(t.ready);
        if i + 1 < LAUNCHES {
            app.quit().await;
            continue;
        }
        tokio::time::sleep(SETTLE).await;
        f.floor_pss = Some(pss(&app, "floor: PSS with the empty page"));
        f.floor_keystroke_p95 = keystrokes(app.s(), "floor-input").await.1;
        app.quit().await;
    }
    f.floor_start = Some(median("floor: start", &mut starts));
}

/// 1,000 releases: start, PSS at the library, keystroke → preview, one compare, PSS.
async fn thousand(env: &Env, seed_id: &str, f: &mut Figures) {
    let mut starts = vec![];
    let mut last = None;
    for i in 0..LAUNCHES {
        let app = launch(env, None).await;
        let t = started(&app, ROW).await;
        println!("cold start to interactive library (1,000 releases): {t}");
        starts.push(t.ready);
        if i + 1 < LAUNCHES {
            app.quit().await;
        } else {
            last = Some(app);
        }
    }
    f.start_1k = Some(median(
        "cold start to interactive library (1,000 releases)",
        &mut starts,
    ));
    let Some(app) = last else { return };
    let s = app.s();
    tokio::time::sleep(SETTLE).await;
    f.pss_library_1k = Some(pss(&app, "PSS at the library (1,000 releases)"));

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

    // Keystroke → preview: the app writes each render into the frame's document in place and
    // then sets the frame's data-seq; the clock stops there (the DOM updated) and at the frame
    // after it (the change painted).
    pss(&app, "PSS with the seed open");
    (f.preview_html_p95, f.preview_p95) = keystrokes(s, "block-text-0").await;
    let seed: Value = serde_json::from_str(SEED).expect("seed JSON");
    ipc_round_trips(
        s,
        &[(
            "render of the seed's preview alone, IPC round trip (ms)",
            "render_preview",
            serde_json::json!({ "release": seed }),
        )],
    )
    .await;
    let doc = probe(
        s,
        "(() => { const d = document.querySelector('[data-testid=preview-frame]')?.contentDocument; return d ? d.body.textContent.length : -1; })()",
    )
    .await;
    println!(
        "preview: {} iframe(s), {doc} characters of text shown",
        probe(s, "document.querySelectorAll('iframe').length").await
    );

    // One compare, then memory. The compare view comes once the working copy is
    // stored; its selectors are used only once they list both revisions.
    if open_compare(s).await {
        set(s, "compare-from", "rev:1").await;
        set(s, "compare-to", "rev:2").await;
        click(s, "compare-run").await;
        wait_text(s, "compare-labels", |t| !t.trim().is_empty()).await;
    } else {
        println!("compare: the view never listed both revisions; memory read without it");
    }
    tokio::time::sleep(SETTLE).await;
    f.pss_after_compare = Some(pss(&app, "PSS after opening the seed and one compare"));
    app.quit().await;
}

/// 10,000 releases: start, PSS at the library, search as you type.
async fn ten_thousand(env: &Env, f: &mut Figures) {
    let mut starts = vec![];
    let mut last = None;
    for i in 0..LAUNCHES {
        let app = launch(env, None).await;
        let t = started(&app, ROW).await;
        println!("cold start to interactive library (10,000 releases): {t}");
        starts.push(t.ready);
        if i + 1 < LAUNCHES {
            app.quit().await;
        } else {
            last = Some(app);
        }
    }
    f.start_10k = Some(median(
        "cold start to interactive library (10,000 releases)",
        &mut starts,
    ));
    let Some(app) = last else { return };
    let s = app.s();
    tokio::time::sleep(SETTLE).await;
    f.pss_library_10k = Some(pss(&app, "PSS at the library (10,000 releases)"));

    // Search as you type: each key event in the field starts a clock; the first
    // redraw of the list after it stops it (rows in the DOM), and the frame after
    // that redraw (the rows painted).
    s.execute(
        r#"window.__s = { t0: 0, wait: false, dom: [], frame: [], rows: [] };
           const list = document.querySelector('[data-testid=library-list]');
           document.querySelector('[data-testid=library-search]').addEventListener('keydown', () => { window.__s.t0 = performance.now(); window.__s.wait = true; }, true);
           new MutationObserver(() => {
             const m = window.__s;
             if (!m.wait) return;
             m.wait = false;
             const t0 = m.t0;
             m.dom.push(performance.now() - t0);
             m.rows.push(list.querySelectorAll('[data-testid=release-row]').length);
             requestAnimationFrame(() => setTimeout(() => m.frame.push(performance.now() - t0), 0));
           }).observe(list, { childList: true });"#,
        vec![],
    )
    .await
    .expect("install search probe");
    let search = tid(s, "library-search").await;
    search.click().await.expect("focus search");
    // Narrowing, widening and a query that matches nothing: one key event each.
    let mut presses = 0;
    for word in ["number 42", "courts", "zzq"] {
        for c in word.chars() {
            search.send_keys(c.to_string()).await.expect("search key");
            tokio::time::sleep(Duration::from_millis(400)).await;
        }
        for _ in word.chars() {
            search.send_keys(Key::Backspace).await.expect("search key");
            tokio::time::sleep(Duration::from_millis(400)).await;
        }
        presses += 2 * word.chars().count();
    }
    let m = probe(s, "window.__s").await;
    let (mut dom, mut frame) = (nums(&m["dom"]), nums(&m["frame"]));
    let rows = nums(&m["rows"]);
    println!(
        "search as you type: {} redraws for {} key events; rows drawn per redraw {:?}…",
        dom.len(),
        presses,
        &rows[..rows.len().min(9)]
    );
    f.search_p95 = report(
        "search as you type, key → rows in the DOM (10,000 releases, ms)",
        &mut dom,
    );
    f.search_frame_p95 = report(
        "search as you type, key → the frame after the rows (10,000 releases, ms)",
        &mut frame,
    );
    // Where the time goes: the library's own User Timing of each search (ui/src/views/library.ts).
    for (name, what) in [
        (
            "library-search-start",
            "  of which the input event to the question",
        ),
        (
            "library-search-answer",
            "  of which the answer (IPC and store)",
        ),
        ("library-search-draw", "  of which drawing the rows"),
        ("library-search-build", "    building the row elements"),
        ("library-search-insert", "    putting them in the list"),
        ("library-search-presence", "    marking who has which open"),
    ] {
        let expr =
            format!("performance.getEntriesByName('{name}', 'measure').map((e) => e.duration)");
        report(what, &mut nums(&probe(s, &expr).await));
    }
    ipc_costs(s).await;
    app.quit().await;
}

/// The round trip of a command that does nothing (`startup_error`) beside one search
/// window of 20 and of 60 rows, each called 40 times in a row from the page: what
/// the IPC itself costs, and what the rows add.
async fn ipc_costs(s: &WebDriver) {
    let search = |limit: u32| serde_json::json!({ "query": "courts", "deleted": false, "ids": null, "offset": 0, "limit": limit });
    ipc_round_trips(
        s,
        &[
            (
                "IPC round trip of a command that does nothing (ms)",
                "startup_error",
                serde_json::json!({}),
            ),
            (
                "IPC round trip of a 20-row search window (ms)",
                "list_releases",
                search(20),
            ),
            (
                "IPC round trip of a 60-row search window (ms)",
                "list_releases",
                search(60),
            ),
        ],
    )
    .await;
}

/// Calls each `(label, command, arguments)` 40 times in a row from the page, with no
/// typing or drawing around it, and reports each one's round trips.
async fn ipc_round_trips(s: &WebDriver, calls: &[(&str, &str, Value)]) {
    let args: Vec<Value> = calls
        .iter()
        .map(|(_, cmd, a)| serde_json::json!([cmd, a]))
        .collect();
    s.execute(
        r#"window.__ipc = null;
           const calls = arguments[0];
           (async () => {
             const out = [];
             for (const [cmd, args] of calls) {
               const times = [];
               for (let i = 0; i < 40; i++) {
                 const t0 = performance.now();
                 await window.__TAURI_INTERNALS__.invoke(cmd, args);
                 times.push(performance.now() - t0);
               }
               out.push(times);
             }
             window.__ipc = out;
           })();"#,
        vec![Value::Array(args)],
    )
    .await
    .expect("start the IPC probe");
    let mut m = Value::Null;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        m = probe(s, "window.__ipc").await;
        if !m.is_null() {
            break;
        }
    }
    for (i, (what, _, _)) in calls.iter().enumerate() {
        report(what, &mut nums(&m[i]));
    }
}

/// Types 25 keys at the end of the field `id` (a CodeMirror field or a text area),
/// one every 350 ms. Each key event starts a clock; the next change of a `data-seq`
/// attribute in the page (the preview written, or the floor page's echo) stops it
/// (the document updated), and the frame after that stops a second one (the change
/// painted). Returns both p95 figures.
async fn keystrokes(s: &WebDriver, id: &str) -> (Option<f64>, Option<f64>) {
    s.execute(
        r#"window.__m = { t0: 0, wait: false, dom: [], frame: [], parts: { before: [], render: [], queued: [], patch: [] } };
           document.addEventListener('keydown', () => { window.__m.t0 = performance.now(); window.__m.wait = true; }, true);
           new MutationObserver((records) => {
             const m = window.__m;
             if (!m.wait) return;
             m.wait = false;
             const t0 = m.t0;
             const dom = performance.now() - t0;
             m.dom.push(dom);
             const d = records[records.length - 1].target.dataset;
             if (d.renderMs !== undefined) {
               m.parts.before.push(dom - Number(d.latencyMs));
               for (const k of ['render', 'queued', 'patch']) m.parts[k].push(Number(d[k + 'Ms']));
             }
             requestAnimationFrame(() => setTimeout(() => m.frame.push(performance.now() - t0), 0));
           }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-seq'] });"#,
        vec![],
    )
    .await
    .expect("install probes");
    let field = match s
        .find(By::Css(format!("[data-testid=\"{id}\"] .cm-content")))
        .await
    {
        Ok(e) => e,
        Err(_) => tid(s, id).await,
    };
    field.click().await.expect("focus the field");
    field.send_keys(Key::End).await.expect("end");
    for i in 0..25 {
        field
            .send_keys(if i % 2 == 0 { "x" } else { "y" })
            .await
            .expect("key");
        tokio::time::sleep(Duration::from_millis(350)).await;
    }
    let m = probe(s, "window.__m").await;
    let (mut dom, mut frame) = (nums(&m["dom"]), nums(&m["frame"]));
    let what = if id.starts_with("floor") {
        (
            "floor: keystroke → text updated (ms)",
            "floor: keystroke → the frame after the update (ms)",
        )
    } else {
        (
            "keystroke → preview document updated (ms)",
            "keystroke → the frame after the preview update (ms)",
        )
    };
    // Where the preview's time goes: keydown → the change reaches the preview, the render's
    // round trip, the wait for the page's main thread, and the patch.
    for (part, label) in [
        ("before", "key → change sent"),
        ("render", "render round trip"),
        ("queued", "answer → main thread"),
        ("patch", "patch"),
    ] {
        let mut v = nums(&m["parts"][part]);
        if !v.is_empty() {
            report(&format!("  of which {label} (ms)"), &mut v);
        }
    }
    (report(what.0, &mut dom), report(what.1, &mut frame))
}

/// Launches the app (or `bin`), trying again when no session comes: a measurement
/// is not a test of the driver.
async fn launch(env: &Env, bin: Option<&std::path::Path>) -> App {
    let app_bin = crate::harness::app_bin();
    let bin = bin.unwrap_or(&app_bin);
    let mut tries = 0;
    loop {
        match env.try_launch_bin(bin, &[]).await {
            Ok(app) => return app,
            Err(e) if tries < 2 => {
                tries += 1;
                println!("launch failed ({e}); again");
            }
            Err(e) => panic!("{e}"),
        }
    }
}

/// The first library row.
const ROW: &str = "[data-testid=\"release-row\"]";

/// When a launch became ready.
struct Start {
    /// Session requested → `ready` selector in the DOM (ms).
    ready: f64,
    /// Session requested → WebDriver session up (ms).
    session: f64,
    /// The page's own clock when readiness was seen (ms since its navigation began).
    in_page: f64,
}

impl std::fmt::Display for Start {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.0} ms (WebDriver session up at {:.0} ms; page clock at ready {:.0} ms)",
            self.ready, self.session, self.in_page
        )
    }
}

/// Waits for `ready` (a CSS selector) in the page `app` shows.
async fn started(app: &App, ready: &str) -> Start {
    let s = app.s();
    let session = ms(app.launched.elapsed());
    let start = Instant::now();
    while s
        .find_all(By::Css(ready))
        .await
        .map(|v| v.is_empty())
        .unwrap_or(true)
    {
        assert!(start.elapsed() < Duration::from_secs(30), "never {ready}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let ready = ms(app.launched.elapsed());
    let in_page = s
        .execute("return performance.now();", vec![])
        .await
        .ok()
        .and_then(|v| v.json().as_f64())
        .unwrap_or(f64::NAN);
    Start {
        ready,
        session,
        in_page,
    }
}

/// Opens the compare tab and waits until both selectors list both revisions;
/// clicks the tab again when the view does not come, saying what the page showed.
async fn open_compare(s: &WebDriver) -> bool {
    const READY: &str = r#"const f = document.querySelector('[data-testid=compare-from]');
        const t = document.querySelector('[data-testid=compare-to]');
        return !!(f && t && f.querySelector('option[value="rev:1"]') && t.querySelector('option[value="rev:2"]')
          && f.isConnected && t.isConnected);"#;
    for attempt in 1..=3 {
        click(s, "tab-compare").await;
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            let ok = s
                .execute(READY, vec![])
                .await
                .ok()
                .and_then(|v| v.json().as_bool())
                .unwrap_or(false);
            if ok {
                if attempt > 1 {
                    println!("compare: ready after {attempt} clicks on the tab");
                }
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let state = probe(
            s,
            r#"({ view: document.querySelector('[data-testid=app]')?.dataset.view,
                 compareTab: document.querySelector('[data-testid=tab-compare]')?.getAttribute('aria-selected'),
                 save: document.querySelector('[data-testid=save-indicator]')?.dataset.state,
                 compareView: !!document.querySelector('[data-testid=compare-view]') })"#,
        )
        .await;
        println!("compare: not ready 20 s after click {attempt}: {state}");
    }
    false
}

/// The JSON value of a page expression.
async fn probe(s: &WebDriver, expr: &str) -> Value {
    s.execute(&format!("return {expr};"), vec![])
        .await
        .map(|r| r.json().clone())
        .unwrap_or(Value::Null)
}

/// The numbers of a JSON array.
fn nums(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// `count - 1` releases from the templates plus the seed (with a second revision); returns the seed's id.
fn fill_database(env: &Env, count: usize) -> String {
    let store = SqliteStore::open(&env.db()).expect("store");
    let meta = SaveMeta {
        author: "measure".into(),
        message: None,
        name: None,
    };
    let started = Instant::now();
    let styles = dateline_core::style::HouseStyleId::ALL;
    let today = chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date");
    for i in 0..count - 1 {
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
    let page = store
        .list_page(&dateline_store::ListFilter::default(), 0, 60)
        .expect("list");
    println!(
        "database: {count} releases written in {:.1} s; store.list_page of 60 rows and the count of {} (what list_releases does at start): {:.1} ms",
        started.elapsed().as_secs_f64(),
        page.total,
        ms(listed.elapsed())
    );
    id
}

/// The floor binary: `$DATELINE_FLOOR_BIN`, else `examples/floor` beside the app.
fn floor_bin() -> PathBuf {
    match std::env::var_os("DATELINE_FLOOR_BIN").filter(|v| !v.is_empty()) {
        Some(p) => PathBuf::from(p),
        None => crate::harness::app_bin()
            .parent()
            .map(|d| d.join("examples/floor"))
            .unwrap_or_default(),
    }
}

/// Prints the PSS of every process of `app` and returns their sum (MiB).
fn pss(app: &App, what: &str) -> f64 {
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
    let mib = total_kib as f64 / 1024.0;
    println!("{what}: {mib:.1} MiB over {} processes", procs.len());
    mib
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

fn median(what: &str, v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v[v.len() / 2];
    println!("{what}: median of {} {m:.0} ms", v.len());
    m
}

/// Prints p50, p95 and max of `v`; returns p95.
fn report(what: &str, v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        println!("{what}: no samples");
        return None;
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
    Some(p(0.95))
}

/// The targets of issue 14 and the ratios to the floor.
fn summary(mode: &str, f: &Figures) {
    println!("-- summary, {mode}");
    let ratio = |what: &str, a: Option<f64>, b: Option<f64>| {
        if let (Some(a), Some(b)) = (a, b) {
            println!(
                "ratio to the floor, {what}: {:.2}× ({a:.0} / {b:.0})",
                a / b
            );
        }
    };
    ratio("start (1,000 releases)", f.start_1k, f.floor_start);
    ratio("start (10,000 releases)", f.start_10k, f.floor_start);
    ratio("PSS at the library (1,000)", f.pss_library_1k, f.floor_pss);
    ratio(
        "PSS after the seed and a compare (1,000)",
        f.pss_after_compare,
        f.floor_pss,
    );
    ratio(
        "PSS at the library (10,000)",
        f.pss_library_10k,
        f.floor_pss,
    );
    ratio(
        "keystroke → change painted, p95",
        f.preview_p95,
        f.floor_keystroke_p95,
    );
    let target = |what: &str, v: Option<f64>, limit: f64, unit: &str| match v {
        Some(v) => println!(
            "target {what} ≤ {limit} {unit}: {v:.1} {unit} — {}",
            if v <= limit { "met" } else { "NOT met" }
        ),
        None => println!("target {what} ≤ {limit} {unit}: not measured — NOT met"),
    };
    target("start, 1,000 releases (median)", f.start_1k, 800.0, "ms");
    target(
        "PSS, 1,000 releases, seed and one compare open",
        f.pss_after_compare,
        320.0,
        "MiB",
    );
    target(
        "keystroke → preview painted (the frame after the update), p95",
        f.preview_p95,
        33.0,
        "ms",
    );
    target("start, 10,000 releases (median)", f.start_10k, 1000.0, "ms");
    target(
        "search as you type (10,000), key → rows in the DOM, p95",
        f.search_p95,
        30.0,
        "ms",
    );
    if let Some(v) = f.search_frame_p95 {
        println!("  (the frame after those rows: p95 {v:.1} ms)");
    }
    if let Some(v) = f.preview_html_p95 {
        println!("  (keystroke → preview document updated: p95 {v:.1} ms)");
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
