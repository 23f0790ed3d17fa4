//! The corpus accuracy, asserted: every field at least 90 % over the fixtures
//! (the same computation as `cargo run -p dateline-import --example accuracy`).

#[path = "../examples/accuracy.rs"]
mod accuracy;

#[test]
fn corpus_has_at_least_25_releases_in_three_formats() {
    let fixtures = accuracy::fixtures(&accuracy::corpus_dir());
    assert!(fixtures.len() >= 25, "only {} fixtures", fixtures.len());
    for ext in ["txt", "md", "html"] {
        assert!(
            fixtures
                .iter()
                .any(|(p, _)| p.extension().is_some_and(|e| e == ext)),
            "no .{ext} fixture"
        );
    }
}

#[test]
fn field_accuracy_meets_the_minimum() {
    let s = accuracy::score(&accuracy::corpus_dir());
    for (i, field) in accuracy::FIELDS.iter().enumerate() {
        let pct = 100 * s.right[i] / s.total.max(1);
        assert!(
            pct >= 90,
            "{field}: {pct}% ({}/{}); misses: {:#?}",
            s.right[i],
            s.total,
            s.misses
        );
    }
}
