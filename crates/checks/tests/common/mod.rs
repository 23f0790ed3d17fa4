//! Fixtures shared by the check tests: the seed, profiles, and assertions
//! that a check fires (and that its fix makes it go away) or stays quiet.
#![allow(dead_code)]

use chrono::NaiveDate;
use dateline_checks::{apply_fix, Finding, Linter, Profile, Severity};
use dateline_core::model::*;

pub const SEED: &str = include_str!("../../../../examples/un-expert-khakimova.json");

/// The founding seed release.
pub fn seed() -> Release {
    dateline_core::from_json(SEED).expect("the seed loads")
}

/// A built-in profile.
pub fn profile(id: &str) -> Profile {
    Profile::builtin(id).expect("a built-in profile")
}

/// A few days after the seed's date, so the seed is not stale.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 5, 20).expect("date")
}

pub fn run(r: &Release, p: &Profile) -> Vec<Finding> {
    Linter::new(p.clone()).with_today(today()).run(r).findings
}

pub fn hits(r: &Release, p: &Profile, id: &str) -> Vec<Finding> {
    run(r, p).into_iter().filter(|f| f.check == id).collect()
}

/// Asserts `id` fires and returns its first finding.
pub fn fails(r: &Release, p: &Profile, id: &str) -> Finding {
    let all = run(r, p);
    all.iter()
        .find(|f| f.check == id)
        .cloned()
        .unwrap_or_else(|| panic!("{id} did not fire; found: {all:#?}"))
}

/// Asserts `id` stays quiet.
pub fn passes(r: &Release, p: &Profile, id: &str) {
    let h = hits(r, p, id);
    assert!(h.is_empty(), "{id} fired: {h:#?}");
}

/// Applies the fix of every `id` finding, one at a time (re-linting in between),
/// asserts that `id` is gone, and returns the fixed release.
pub fn fixed(r: &Release, p: &Profile, id: &str) -> Release {
    let mut r = r.clone();
    for _ in 0..20 {
        let Some(f) = hits(&r, p, id).into_iter().next() else {
            return r;
        };
        let fix = f.fix.unwrap_or_else(|| panic!("{id} has no fix"));
        apply_fix(&mut r, &fix).expect("the fix applies");
    }
    panic!("{id} still fires after 20 fixes");
}

/// The text of the `i`th finding's range in `text`.
pub fn flagged<'t>(f: &Finding, text: &'t str) -> &'t str {
    let r = f
        .range
        .expect("a range")
        .bytes(text)
        .expect("a valid range");
    &text[r]
}

/// The seed with one more paragraph after the lead.
pub fn with_paragraph(text: &str) -> Release {
    let mut r = seed();
    r.body.insert(1, Block::Paragraph { text: text.into() });
    r
}

/// The text of body block `i` when it is a paragraph.
pub fn paragraph(r: &Release, i: usize) -> &str {
    match &r.body[i] {
        Block::Paragraph { text } => text,
        other => panic!("block {i} is {other:?}"),
    }
}

pub fn severity(f: &Finding) -> Severity {
    f.severity
}

/// Asserts `id` stays quiet in the field at `path`.
pub fn passes_in(r: &Release, p: &Profile, id: &str, path: &str) {
    let h: Vec<_> = hits(r, p, id)
        .into_iter()
        .filter(|f| f.path == path)
        .collect();
    assert!(h.is_empty(), "{id} fired at {path}: {h:#?}");
}
