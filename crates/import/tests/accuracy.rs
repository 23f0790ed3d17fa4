//! The corpus accuracy, asserted: every field at least 90 % over the fixtures
//! (the same computation as `cargo run -p dateline-import --example accuracy`);
//! and the blind set (`tests/blind`, never tuned on: `… --example accuracy -- blind`)
//! at the target: at least 95 % of fields right and every quote found with its
//! speaker. The later blind sets (`tests/blind2` … `tests/blind15`,
//! `… -- blind2` …) keep the scores they reached after their blind first
//! runs (see their READMEs); each was tuned on once scored. `tests/blind16`
//! (`… -- blind16`) is kept at its blind score and not tuned on.

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

#[test]
fn fixtures_are_read_in_their_own_format() {
    use dateline_import::{import, ImportOptions, SourceFormat};
    for (input, _) in accuracy::fixtures(&accuracy::corpus_dir()) {
        let want = match input.extension().and_then(|e| e.to_str()) {
            Some("md") => SourceFormat::Markdown,
            Some("html") => SourceFormat::Html,
            _ => SourceFormat::Text,
        };
        let bytes = std::fs::read(&input).expect("fixture");
        let got = import(&bytes, &ImportOptions::default())
            .expect("imports")
            .report
            .format;
        assert_eq!(got, want, "{}", input.display());
    }
}

#[test]
fn blind_set_meets_the_target() {
    let s = accuracy::score(&accuracy::blind_dir());
    assert!(s.total >= 15, "only {} blind fixtures", s.total);
    let right: usize = s.right.iter().sum();
    let fields = s.total * accuracy::FIELDS.len();
    assert!(
        right * 100 >= fields * 95,
        "{right}/{fields} fields right; misses: {:#?}",
        s.misses
    );
    assert!(
        s.quotes_right * 100 >= s.quotes_total * 95,
        "quotes {}/{}",
        s.quotes_right,
        s.quotes_total
    );
}

#[test]
fn second_blind_set_keeps_its_score() {
    // Tuned on; 138/140 fields and 22/23 quotes until the words of a speaker
    // introduced after an occasion (`Suite à …, Name, title, déclare :`) were
    // read (blind11's changes): 139/140 and 23/23.
    keeps_its_score(&accuracy::blind2_dir(), 20, 1, 0);
}

#[test]
fn third_blind_set_keeps_its_score() {
    // First, blind run: 151/189 fields (79.9 %), quotes 19/30; after the fixes
    // 187/189 and 30/30 (see its README); with regional contact lines and a
    // `Contact Details` label run into the name read (blind12's changes),
    // 188/189: the one miss left is a press desk's name where the fixture
    // expects none.
    keeps_its_score(&accuracy::blind3_dir(), 20, 1, 0);
}

/// A tuned set keeps its score: at least `min` fixtures, at most `fields_missed`
/// fields and `quotes_missed` quotes wrong.
fn keeps_its_score(dir: &std::path::Path, min: usize, fields_missed: usize, quotes_missed: usize) {
    let s = accuracy::score(dir);
    assert!(s.total >= min, "only {} fixtures", s.total);
    let right: usize = s.right.iter().sum();
    let fields = s.total * accuracy::FIELDS.len();
    assert!(
        right + fields_missed >= fields,
        "fields right {right}/{fields}; misses: {:#?}",
        s.misses
    );
    assert!(
        s.quotes_right + quotes_missed >= s.quotes_total,
        "quotes found with their speaker {}/{}; misses: {:#?}",
        s.quotes_right,
        s.quotes_total,
        s.misses
    );
}

#[test]
fn fourth_blind_set_keeps_its_score() {
    // First, blind run: 79/98 fields (80.6 %), quotes 11/15; after the fixes
    // 98/98 and 15/15 (see its README).
    keeps_its_score(&accuracy::blind4_dir(), 14, 0, 0);
}

#[test]
fn fifth_blind_set_keeps_its_score() {
    // First, blind run: 84/105 fields (80.0 %), quotes 12/15, unchanged
    // importer; after tuning on the fourth set, blind: 90/105 (85.7 %),
    // quotes 13/15; after the fixes for its misses 105/105 and 15/15.
    keeps_its_score(&accuracy::blind5_dir(), 15, 0, 0);
}

#[test]
fn sixth_blind_set_keeps_its_score() {
    // First, blind run: 74/84 fields (88.1 %), quotes 6/11; after the fixes
    // 83/84 and 10/11; with the HTML pull quote read, 84/84 and 11/11.
    keeps_its_score(&accuracy::blind6_dir(), 12, 0, 0);
}

#[test]
fn seventh_blind_set_keeps_its_score() {
    // First, blind run: 86/112 fields (76.8 %), quotes 10/22; after the fixes
    // 111/112 and 22/22; with a desk heading read in its block, 112/112.
    keeps_its_score(&accuracy::blind7_dir(), 15, 0, 0);
}

#[test]
fn eighth_blind_set_keeps_its_score() {
    // First, blind run (after the changes for the seventh set's misses):
    // 75/91 fields (82.4 %), quotes 9/14; after the fixes 87/91 and 13/14;
    // after the ninth set's, 90/91 and 14/14; with its note markers written
    // as the other sets write them, 91/91 (see its README).
    keeps_its_score(&accuracy::blind8_dir(), 12, 0, 0);
}

#[test]
fn ninth_blind_set_keeps_its_score() {
    // First, blind run: 103/126 fields (81.7 %), quotes 14/21; after the
    // fixes 125/126 and 20/21; with the quote closing a sentence after "tal y
    // como informó X," read (blind11's changes), 126/126 and 21/21.
    keeps_its_score(&accuracy::blind9_dir(), 15, 0, 0);
}

#[test]
fn tenth_blind_set_keeps_its_score() {
    // First, blind run (after the changes for the ninth set's misses): 75/91
    // fields (82.4 %), quotes 6/15; after the fixes 89/91 and 14/15; with the
    // quote in a numbered paragraph and the address footer read (blind11's
    // changes), 91/91 and 15/15 (see its README).
    keeps_its_score(&accuracy::blind10_dir(), 12, 0, 0);
}

#[test]
fn eleventh_blind_set_keeps_its_score() {
    // First, blind run (after the changes for the tenth set's misses): 90/119
    // fields (75.6 %), quotes 12/19; after the fixes 119/119 and 19/19 (see
    // its README).
    keeps_its_score(&accuracy::blind11_dir(), 17, 0, 0);
}

#[test]
fn twelfth_blind_set_keeps_its_score() {
    // First, blind run (after the changes for the eleventh set's misses):
    // 99/119 fields (83.2 %), quotes 10/23; after the fixes 119/119 and 22/22
    // (three expectations set to the earlier sets' conventions, see its README).
    keeps_its_score(&accuracy::blind12_dir(), 17, 0, 0);
}

#[test]
fn thirteenth_blind_set_keeps_its_score() {
    // First, blind run (after the changes for the twelfth set and the
    // general quote attribution work): 110/112 fields (98.2 %), quotes 25/27;
    // after the fixes (signed first-person letters, a speaker's name and role
    // on the line under the quote) 112/112 and 27/27 (see its README).
    keeps_its_score(&accuracy::blind13_dir(), 16, 0, 0);
}

#[test]
fn fourteenth_blind_set_keeps_its_score() {
    // First, blind run (after the changes for the thirteenth set's misses):
    // 95/112 fields (84.8 %), quotes 24/31; after the fixes 112/112 and
    // 31/31 (see its README).
    keeps_its_score(&accuracy::blind14_dir(), 16, 0, 0);
}

#[test]
fn fifteenth_blind_set_keeps_its_score() {
    // First, blind run (after the changes for the fourteenth set's misses):
    // 97/112 fields (86.6 %), quotes 24/29; after the fixes 109/112 and
    // 29/29 (the three misses left are press desks given as contact names,
    // a convention the earlier sets contradict; see its README).
    keeps_its_score(&accuracy::blind15_dir(), 16, 3, 0);
}

#[test]
fn sixteenth_blind_set_keeps_its_blind_score() {
    // Scored once, blind (after the changes for the fifteenth set's misses):
    // 95/112 fields (84.8 %), quotes 17/25. Not tuned on: its misses are left
    // as measured (see its README).
    keeps_its_score(&accuracy::blind16_dir(), 16, 17, 8);
}
