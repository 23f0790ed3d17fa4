//! Field-level accuracy of the importer over the fixture corpus in
//! `tests/corpus` (each `NAME.{txt,md,html}` with `NAME.expected.json`).
//!
//! `cargo run -p dateline-import --example accuracy [-- [FOLDER] [--verbose]]`
//! prints the table for `FOLDER` (default: the tuning corpus; `blind`,
//! `blind2` … `blind16` or `corpus` name this crate's `tests/` folders); `tests/accuracy.rs`
//! runs the same code and asserts a minimum.

use std::path::{Path, PathBuf};

use dateline_core::markdown::to_plain;
use dateline_core::{Block, Release};
use dateline_import::{import, ImportOptions};
use serde_json::Value;

/// The fields measured, in the order printed.
pub const FIELDS: [&str; 7] = [
    "headline",
    "dateline place",
    "dateline date",
    "end mark",
    "quote speakers",
    "footnotes",
    "contacts",
];

/// Right and total per field, and the misses as `fixture: field: got … want …`.
pub struct Scores {
    pub right: [usize; 7],
    pub total: usize,
    pub misses: Vec<String>,
    /// Quotes found with the right speaker, over all fixtures.
    pub quotes_right: usize,
    /// Quotes expected, over all fixtures.
    pub quotes_total: usize,
}

/// The names of the speakers of the release's quotes, in order.
fn speakers(r: &Release) -> Vec<String> {
    r.body
        .iter()
        .filter_map(|b| match b {
            Block::Quote(q) => r
                .people
                .iter()
                .find(|p| p.id == q.speaker)
                .map(|p| p.name.clone()),
            _ => None,
        })
        .collect()
}

/// The speakers a fixture expects, in order.
fn expected_speakers(want: &Value) -> Vec<String> {
    want["quoteSpeakers"]
        .as_array()
        .map(|a| a.iter().filter_map(str_of).collect())
        .unwrap_or_default()
}

/// Expected quotes matched by a quote of the release with that speaker
/// (in order, each quote used once): (matched, expected).
fn quote_hits(r: &Release, want: &Value) -> (usize, usize) {
    let got = speakers(r);
    let want = expected_speakers(want);
    let mut from = 0;
    let mut hits = 0;
    for w in &want {
        if let Some(k) = got.iter().skip(from).position(|g| g.contains(w.as_str())) {
            hits += 1;
            from += k + 1;
        }
    }
    (hits, want.len())
}

fn str_of(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn check(r: &Release, want: &Value) -> [(bool, String, String); 7] {
    let headline = to_plain(&r.headline);
    let want_head = str_of(&want["headline"]).unwrap_or_default();

    let got_places: Vec<String> = r
        .dateline
        .as_ref()
        .map(|d| d.places.iter().map(|p| p.city.clone()).collect())
        .unwrap_or_default();
    let want_places: Vec<String> = want["dateline"]["places"]
        .as_array()
        .map(|a| a.iter().filter_map(str_of).collect())
        .unwrap_or_default();
    let got_date = r
        .dateline
        .as_ref()
        .map(|d| d.date.to_string())
        .unwrap_or_default();
    let want_date = str_of(&want["dateline"]["date"]).unwrap_or_default();

    let got_end = r.end_mark.text().unwrap_or("").to_string();
    let want_end = str_of(&want["endMark"]).unwrap_or_default();

    let got_speakers = speakers(r);
    let want_speakers = expected_speakers(want);
    let speakers_ok = got_speakers.len() == want_speakers.len()
        && got_speakers
            .iter()
            .zip(&want_speakers)
            .all(|(g, w)| g.contains(w.as_str()));

    let got_notes: Vec<String> = r.footnotes.iter().map(|f| f.marker.clone()).collect();
    let want_notes: Vec<String> = want["footnotes"]
        .as_array()
        .map(|a| a.iter().filter_map(str_of).collect())
        .unwrap_or_default();

    let got_contacts: Vec<(String, String)> = r
        .contacts
        .iter()
        .map(|c| (c.name.clone(), c.email.clone().unwrap_or_default()))
        .collect();
    let want_contacts: Vec<(String, String)> = want["contacts"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    (
                        str_of(&c["name"]).unwrap_or_default(),
                        str_of(&c["email"]).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let contacts_ok = got_contacts.len() == want_contacts.len()
        && got_contacts.iter().zip(&want_contacts).all(|(g, w)| {
            g.0.contains(w.0.as_str()) && (w.0.is_empty() == g.0.is_empty()) && g.1 == w.1
        });

    [
        (headline == want_head, headline, want_head),
        (
            got_places == want_places,
            got_places.join("/"),
            want_places.join("/"),
        ),
        (got_date == want_date, got_date, want_date),
        (got_end == want_end, got_end, want_end),
        (
            speakers_ok,
            got_speakers.join(", "),
            want_speakers.join(", "),
        ),
        (
            got_notes == want_notes,
            got_notes.join(" "),
            want_notes.join(" "),
        ),
        (
            contacts_ok,
            format!("{got_contacts:?}"),
            format!("{want_contacts:?}"),
        ),
    ]
}

/// The fixtures of `dir`: (input path, expected path).
pub fn fixtures(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if name.ends_with(".expected.json") {
            continue;
        }
        let Some(stem) = name.rsplit_once('.').map(|(s, _)| s.to_string()) else {
            continue;
        };
        let expected = dir.join(format!("{stem}.expected.json"));
        if expected.exists() {
            out.push((p, expected));
        }
    }
    out.sort();
    out
}

/// Imports every fixture and scores it.
pub fn score(dir: &Path) -> Scores {
    let mut s = Scores {
        right: [0; 7],
        total: 0,
        misses: Vec::new(),
        quotes_right: 0,
        quotes_total: 0,
    };
    for (input, expected) in fixtures(dir) {
        let name = input
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let want: Value = std::fs::read_to_string(&expected)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let bytes = std::fs::read(&input).unwrap_or_default();
        let opts = ImportOptions {
            document_date: str_of(&want["documentDate"]).and_then(|d| d.parse().ok()),
            ..ImportOptions::default()
        };
        s.total += 1;
        let Ok(imported) = import(&bytes, &opts) else {
            s.misses.push(format!("{name}: import failed"));
            // Its quotes count as missed.
            s.quotes_total += expected_speakers(&want).len();
            continue;
        };
        let (hits, expected) = quote_hits(&imported.release, &want);
        s.quotes_right += hits;
        s.quotes_total += expected;
        for (i, (ok, got, want)) in check(&imported.release, &want).into_iter().enumerate() {
            if ok {
                s.right[i] += 1;
            } else {
                s.misses
                    .push(format!("{name}: {}: got «{got}» want «{want}»", FIELDS[i]));
            }
        }
    }
    s
}

/// The corpus directory of this crate (the fixtures the importer is tuned on).
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The blind directory of this crate: fixtures never tuned on.
#[allow(dead_code)]
pub fn blind_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind")
}

/// The second blind directory of this crate: fixtures written from the
/// structure of real releases after the first blind set had been tuned on.
#[allow(dead_code)]
pub fn blind2_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind2")
}

/// The third blind directory of this crate: fixtures written from the
/// structure of real releases after the second blind set had been tuned on.
#[allow(dead_code)]
pub fn blind3_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind3")
}

/// The fourth blind directory: fixtures written from the structure of real
/// releases after the third blind set had been tuned on; tuned on in turn.
#[allow(dead_code)]
pub fn blind4_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind4")
}

/// The fifth blind directory: written with the fourth, never tuned on.
#[allow(dead_code)]
pub fn blind5_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind5")
}

/// The sixth blind directory: written after the fifth set's blind run.
#[allow(dead_code)]
pub fn blind6_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind6")
}

/// The seventh blind directory: sources and shapes not seen before; scored
/// once, then tuned on.
#[allow(dead_code)]
pub fn blind7_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind7")
}

/// The eighth blind directory: written with the seventh, scored once after
/// the changes made for the seventh's misses.
#[allow(dead_code)]
pub fn blind8_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind8")
}

/// The ninth blind directory: sources and shapes not seen before; scored
/// once, then tuned on.
#[allow(dead_code)]
pub fn blind9_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind9")
}

/// The tenth blind directory: written with the ninth, scored once after the
/// changes made for the ninth's misses.
#[allow(dead_code)]
pub fn blind10_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind10")
}

/// The eleventh blind directory: sources and shapes not seen before; scored
/// once, then tuned on.
#[allow(dead_code)]
pub fn blind11_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind11")
}

#[allow(dead_code)]
pub fn blind12_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind12")
}

/// The thirteenth blind set, scored once before it was tuned on.
pub fn blind13_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind13")
}

/// The fourteenth blind set, tuned on once scored.
pub fn blind14_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind14")
}

/// The fifteenth blind set, tuned on once scored.
pub fn blind15_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind15")
}

/// The sixteenth blind set, scored once and not tuned on.
pub fn blind16_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/blind16")
}

/// `blind`, `blind2` … `blind16` and `corpus` name this crate's folders; anything else is a path.
#[allow(dead_code)]
fn folder(arg: Option<String>) -> PathBuf {
    match arg.as_deref() {
        None | Some("corpus") => corpus_dir(),
        Some("blind") => blind_dir(),
        Some("blind2") => blind2_dir(),
        Some("blind3") => blind3_dir(),
        Some("blind4") => blind4_dir(),
        Some("blind5") => blind5_dir(),
        Some("blind6") => blind6_dir(),
        Some("blind7") => blind7_dir(),
        Some("blind8") => blind8_dir(),
        Some("blind9") => blind9_dir(),
        Some("blind10") => blind10_dir(),
        Some("blind11") => blind11_dir(),
        Some("blind12") => blind12_dir(),
        Some("blind13") => blind13_dir(),
        Some("blind14") => blind14_dir(),
        Some("blind15") => blind15_dir(),
        Some("blind16") => blind16_dir(),
        Some(p) => PathBuf::from(p),
    }
}

#[allow(dead_code)]
fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let dir = folder(std::env::args().skip(1).find(|a| !a.starts_with('-')));
    let s = score(&dir);
    println!(
        "Import accuracy over {} fixtures ({})",
        s.total,
        dir.display()
    );
    let mut sum = 0.0;
    for (i, f) in FIELDS.iter().enumerate() {
        let pct = 100.0 * s.right[i] as f64 / s.total.max(1) as f64;
        sum += pct;
        println!("  {f:<15} {:>3}/{:<3} {pct:5.1}%", s.right[i], s.total);
    }
    println!("  {:<15} {:>13.1}%", "mean", sum / FIELDS.len() as f64);
    println!(
        "  quotes found with their speaker: {}/{}",
        s.quotes_right, s.quotes_total
    );
    if verbose {
        for m in &s.misses {
            println!("  miss: {m}");
        }
    }
}
