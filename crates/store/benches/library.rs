//! Benchmark of the library at 10,000 releases (issue 14): `cargo bench -p dateline-store --bench library`.
//!
//! Fills a database as `tests/e2e/measure.rs` does (template releases of the three house
//! styles, headlines "Release number N about water, courts and harbours", and the seed), then
//! prints, for the whole list (`Store::list`, what the library asked before it was windowed)
//! and for the first window of 60 rows with the count (`Store::list_page`):
//! - the store's time to list, and to answer each key of search as you type
//!   ("number 42", "courts", "zzq" typed and erased, as the app measurement does);
//! - the size of the answer as JSON (what crosses IPC) and the time to serialise it;
//! - the first search after 1,000 saves (saves keep the search rows current).
//!
//! Set `LIBRARY=N` for another library size, `LIBRARY_DB=PATH` to keep the database.

use std::time::Instant;

use dateline_store::{ListFilter, SaveMeta, SqliteStore, Store};

mod timing;
use timing::report_ms as report;

const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");
/// The rows the library draws at first (`CHUNK` in `ui/src/views/library-rows.ts`).
const WINDOW: u32 = 60;

/// The queries search as you type sends while "number 42", "courts" and "zzq" are typed and erased.
fn keystrokes() -> Vec<String> {
    let mut out = Vec::new();
    for word in ["number 42", "courts", "zzq"] {
        let chars: Vec<char> = word.chars().collect();
        for n in (1..=chars.len()).chain((0..chars.len()).rev()) {
            out.push(chars[..n].iter().collect());
        }
    }
    out
}

fn filter(q: &str) -> ListFilter {
    ListFilter {
        query: Some(q.to_string()).filter(|q| !q.trim().is_empty()),
        ..ListFilter::default()
    }
}

fn main() {
    let n: usize = std::env::var("LIBRARY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("tempdir");
    // `LIBRARY_DB=PATH` keeps the database there, to look at its query plans.
    let db = std::env::var_os("LIBRARY_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("library.db"));
    let store = SqliteStore::open(&db).expect("open");
    let meta = SaveMeta {
        author: "bench".into(),
        message: None,
        name: None,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date");
    let styles = dateline_core::style::HouseStyleId::ALL;
    let t = Instant::now();
    let mut ids = Vec::with_capacity(n);
    for i in 0..n - 1 {
        let mut r = dateline_core::templates::template(styles[i % 3], today);
        r.headline = format!("Release number {i} about water, courts and harbours");
        ids.push(store.create(&r, &meta).expect("create").0);
    }
    let seed = dateline_core::from_json(SEED).expect("seed");
    store.create(&seed, &meta).expect("seed");
    println!(
        "dateline-store library benchmark: {n} releases written in {:.1} s\n",
        t.elapsed().as_secs_f64()
    );

    // The whole list against its first window.
    let (mut all, mut page) = (Vec::new(), Vec::new());
    let (mut all_json, mut page_json) = (Vec::new(), Vec::new());
    let (mut all_bytes, mut page_bytes) = (0, 0);
    for _ in 0..20 {
        let t = Instant::now();
        let rows = store.list(&ListFilter::default()).expect("list");
        all.push(t.elapsed());
        let t = Instant::now();
        all_bytes = serde_json::to_string(&rows).expect("json").len();
        all_json.push(t.elapsed());
        let t = Instant::now();
        let p = store
            .list_page(&ListFilter::default(), 0, WINDOW)
            .expect("page");
        page.push(t.elapsed());
        assert_eq!(p.total as usize, n);
        let t = Instant::now();
        page_bytes = serde_json::to_string(&p).expect("json").len();
        page_json.push(t.elapsed());
    }
    report(&format!("list, all {n} rows"), all);
    report("  its JSON", all_json);
    println!("  {all_bytes} bytes of JSON");
    report(&format!("list, first {WINDOW} rows and count"), page);
    report("  its JSON", page_json);
    println!("  {page_bytes} bytes of JSON");

    // A window deep in the list (the reader scrolled to the end).
    let mut deep = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let offset = u32::try_from(n).unwrap_or(u32::MAX).saturating_sub(WINDOW);
        store
            .list_page(&ListFilter::default(), offset, WINDOW)
            .expect("page");
        deep.push(t.elapsed());
    }
    report(&format!("list, last {WINDOW} rows and count"), deep);

    // Search as you type, each key as the library asks it.
    let keys = keystrokes();
    let (mut all, mut page, mut short, mut long) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut all_bytes = 0;
    for _ in 0..3 {
        for q in &keys {
            let t = Instant::now();
            let rows = store.list(&filter(q)).expect("search");
            all.push(t.elapsed());
            all_bytes = all_bytes.max(serde_json::to_string(&rows).expect("json").len());
            let t = Instant::now();
            store.list_page(&filter(q), 0, WINDOW).expect("search");
            let took = t.elapsed();
            page.push(took);
            if q.trim().chars().count() >= 3 {
                long.push(took);
            } else {
                short.push(took);
            }
        }
    }
    report(
        &format!("search as you type, all rows ({} keys)", keys.len()),
        all,
    );
    println!("  largest answer {all_bytes} bytes of JSON");
    report(
        &format!("search as you type, first {WINDOW} rows and count"),
        page,
    );
    report("  queries of 1-2 characters (text scan)", short);
    report("  queries of 3+ characters (trigram index)", long);

    // The first search after many saves: saves keep the search rows current.
    let mut edited = seed.clone();
    for (i, id) in ids.iter().take(1_000).enumerate() {
        edited.headline = format!("Saved again {i}");
        store.save(id, &edited, &meta).expect("save");
    }
    let t = Instant::now();
    let found = store
        .list_page(&filter("saved again 999"), 0, WINDOW)
        .expect("search");
    println!(
        "first search after 1,000 saves: {:.2} ms ({} found)",
        t.elapsed().as_secs_f64() * 1e3,
        found.total
    );
}
