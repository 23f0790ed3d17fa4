//! The optional English grammar checks (harper-core), built with
//! `cargo test -p dateline-checks --features grammar`.
#![cfg(feature = "grammar")]

mod common;

use common::*;
use dateline_checks::{apply_fix, Finding, Linter, Profile, Severity};
use dateline_core::model::*;

fn grammar(r: &Release, p: &Profile) -> Vec<Finding> {
    run(r, p)
        .into_iter()
        .filter(|f| f.check.starts_with("grammar."))
        .collect()
}

/// Grammar findings in body block `i`.
fn in_block(r: &Release, i: usize) -> Vec<Finding> {
    let path = format!("body[{i}].text");
    grammar(r, &profile("unOhchr"))
        .into_iter()
        .filter(|f| f.path == path)
        .collect()
}

#[test]
fn an_article_error_is_found_with_a_fix_that_corrects_it() {
    let r = with_paragraph("This is an test of the new rules.");
    let found = in_block(&r, 1);
    let f = found
        .iter()
        .find(|f| f.fix.is_some())
        .unwrap_or_else(|| panic!("no grammar finding with a fix: {found:#?}"));
    assert!(f.check.starts_with("grammar."), "{f:#?}");
    assert_eq!(f.severity, Severity::Suggestion);
    assert_eq!(flagged(f, paragraph(&r, 1)), "an");
    let mut fixed = r.clone();
    apply_fix(&mut fixed, f.fix.as_ref().expect("a fix")).expect("the fix applies");
    assert_eq!(paragraph(&fixed, 1), "This is a test of the new rules.");
    assert!(in_block(&fixed, 1).is_empty(), "{:#?}", in_block(&fixed, 1));
}

#[test]
fn spans_count_utf16_units_after_wide_characters() {
    // “ and ” are one UTF-16 unit each, 😀 is two, é one: harper's char indexes differ.
    let text = "“Café” 😀 said this is an test.";
    let r = with_paragraph(text);
    let f = in_block(&r, 1)
        .into_iter()
        .find(|f| f.fix.is_some())
        .expect("a finding with a fix");
    assert_eq!(flagged(&f, text), "an");
    let mut fixed = r.clone();
    apply_fix(&mut fixed, f.fix.as_ref().expect("a fix")).expect("the fix applies");
    assert_eq!(paragraph(&fixed, 1), "“Café” 😀 said this is a test.");
}

#[test]
fn good_english_passes() {
    let r = with_paragraph("The court heard the case in a single day and adjourned until June.");
    assert!(in_block(&r, 1).is_empty(), "{:#?}", in_block(&r, 1));
}

#[test]
fn a_french_release_is_not_checked() {
    let mut r = with_paragraph("This is an test, and this are wrong.");
    r.meta.language = "fr-CH".into();
    assert!(
        grammar(&r, &profile("unOhchr")).is_empty(),
        "{:#?}",
        grammar(&r, &profile("unOhchr"))
    );
}

#[test]
fn the_release_names_are_never_flagged() {
    let mut r = with_paragraph(
        "Ms. Qwertzuiopova and Mr. Zxcvbnmlk met Lawlor in Xyzzyville; Qwertzuiopova’s report follows.",
    );
    r.people.push(Person {
        id: "q".into(),
        name: "Irina Qwertzuiopova".into(),
        surname: None,
        title: "Chair of the Committee".into(),
        pronoun: "she".into(),
        role_noun: None,
    });
    let text = paragraph(&r, 1).to_string();
    let found = in_block(&r, 1);
    let words: Vec<&str> = found.iter().map(|f| flagged(f, &text)).collect();
    for name in ["Qwertzuiopova", "Qwertzuiopova’s", "Lawlor"] {
        assert!(!words.contains(&name), "{name} flagged: {found:#?}");
    }
    // A word that is no one's name still is.
    assert!(words.contains(&"Zxcvbnmlk"), "{found:#?}");
}

#[test]
fn a_profile_turns_grammar_off_by_kind_or_all_at_once() {
    let r = with_paragraph("This is an test.");
    let base = profile("unOhchr");
    let kind = in_block(&r, 1)
        .into_iter()
        .find(|f| f.fix.is_some())
        .expect("a finding")
        .check;
    let mut off = base.clone();
    off.severity
        .insert(kind.clone(), dateline_checks::profile::Level::Off);
    passes(&r, &off, &kind);
    let all =
        Profile::from_toml("id = \"x\"\nextends = \"unOhchr\"\n[severity]\ngrammar = \"off\"\n")
            .expect("profile");
    assert!(grammar(&r, &all).is_empty());
}

#[test]
fn the_dialect_follows_the_region_then_the_profile() {
    let mut r = with_paragraph("The organisation praised the colour of the flag.");
    let british = in_block(&r, 1);
    assert!(british.is_empty(), "unOhchr is British: {british:#?}");
    r.meta.language = "en-US".into();
    let american = in_block(&r, 1);
    assert!(!american.is_empty(), "en-US flags British spelling");
}

#[test]
fn the_seed_has_no_grammar_error_and_its_suggestions_are_pinned() {
    let r = seed();
    let found = grammar(&r, &profile("unOhchr"));
    assert!(found.iter().all(|f| f.severity == Severity::Suggestion));
    assert!(!run(&r, &profile("unOhchr"))
        .iter()
        .any(|f| f.severity == Severity::Error));
    // Pinned, so a change in what harper says about the seed shows up here: the
    // subject's name (not one of the release's people), two long sentences,
    // "non-disclosure" and a style note in a quote.
    let summary: Vec<String> = found
        .iter()
        .map(|f| {
            let r = f.range.expect("a range");
            format!("{} {} {}..{}", f.check, f.path, r.start, r.end)
        })
        .collect();
    let expected = [
        "grammar.spelling headline 55..64",
        "grammar.spelling headline 65..74",
        "grammar.readability body[0].text 0..277",
        "grammar.spelling body[1].text 62..71",
        "grammar.spelling body[3].paragraphs[0].segments[0].text 0..9",
        "grammar.spelling body[3].paragraphs[0].segments[0].text 10..21",
        "grammar.spelling body[4].text 0..9",
        "grammar.readability body[4].text 89..345",
        "grammar.style body[5].paragraphs[0].segments[1].text 19..22",
        "grammar.spelling body[5].paragraphs[0].segments[1].text 56..70",
        "grammar.spelling body[6].text 86..95",
        "grammar.spelling body[6].text 96..105",
    ];
    assert_eq!(summary, expected, "{found:#?}");
}

#[test]
fn linters_on_other_threads_share_the_engine_and_agree() {
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<Linter>();
    let r = with_paragraph("This is an test.");
    let here = Linter::new(profile("unOhchr")).with_today(today()).run(&r);
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let linter = Linter::new(profile("unOhchr")).with_today(today());
            let r = r.clone();
            std::thread::spawn(move || linter.run(&r))
        })
        .collect();
    for w in workers {
        assert_eq!(w.join().expect("the worker finishes"), here);
    }
}
