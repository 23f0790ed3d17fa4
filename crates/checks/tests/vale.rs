//! Vale compatibility: the test styles in `tests/vale/` (written for these
//! tests from Vale's documented rule format) run per field; unsupported rules
//! are reported as skipped.

mod common;

use std::path::PathBuf;

use common::*;
use dateline_checks::{apply_fix, Finding, Linter, Profile, Severity, ValeStyles};
use dateline_core::model::*;

fn styles_path() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vale"))
}

fn newsroom() -> ValeStyles {
    ValeStyles::load(&styles_path().join("Newsroom")).expect("the Newsroom style loads")
}

fn vale(r: &Release) -> Vec<Finding> {
    // Built-in checks off, so only the Vale rules speak.
    let mut quiet = Profile::from_toml("id = \"quiet\"").expect("profile");
    for c in dateline_checks::CHECKS {
        quiet
            .severity
            .insert(c.id.to_string(), dateline_checks::profile::Level::Off);
    }
    Linter::new(quiet)
        .with_today(today())
        .with_vale(newsroom())
        .run(r)
        .findings
}

fn rule(r: &Release, id: &str) -> Vec<Finding> {
    vale(r)
        .into_iter()
        .filter(|f| f.check == format!("vale.Newsroom.{id}"))
        .collect()
}

#[test]
fn a_style_folder_loads_every_portable_rule() {
    let v = newsroom();
    let mut ids = v.rule_ids();
    ids.sort();
    assert_eq!(
        ids,
        [
            "Acronyms",
            "Commas",
            "Doubled",
            "Exclaim",
            "Grade",
            "HeadingCase",
            "Hedging",
            "Plain",
            "Sentences",
            "Spelling"
        ]
        .map(|s| format!("Newsroom.{s}"))
    );
    assert!(v.skipped().is_empty(), "{:?}", v.skipped());
}

#[test]
fn unsupported_rules_are_reported_as_skipped() {
    let v = ValeStyles::load(&styles_path()).expect("the styles path loads");
    let skipped: Vec<(&str, &str)> = v
        .skipped()
        .iter()
        .map(|s| (s.rule.as_str(), s.reason.as_str()))
        .collect();
    let names: Vec<&str> = skipped.iter().map(|s| s.0).collect();
    assert_eq!(
        names,
        [
            "Extra.Broken",
            "Extra.Code",
            "Extra.Custom",
            "Extra.Lookahead",
            "Extra.Order",
            "Extra.Words"
        ]
    );
    let reason = |n: &str| skipped.iter().find(|s| s.0 == n).map(|s| s.1).unwrap_or("");
    assert!(reason("Extra.Words").contains("spelling"));
    assert!(reason("Extra.Order").contains("sequence"));
    assert!(reason("Extra.Custom").contains("script"));
    assert!(reason("Extra.Code").contains("scope code"));
    assert!(reason("Extra.Lookahead").contains("not supported"));
    // The portable rules of both styles still run.
    assert_eq!(v.rule_ids().len(), 10);
    // And the report carries the skipped rules.
    let report = Linter::new(profile("unOhchr")).with_vale(v).run(&seed());
    assert_eq!(report.skipped.len(), 6);
}

#[test]
fn a_folder_without_rules_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(ValeStyles::load(dir.path()).is_err());
}

#[test]
fn existence_in_paragraph_scope() {
    // The seed's paragraphs say "allegedly" three times and "reportedly" three times.
    let hits = rule(&seed(), "Hedging");
    assert_eq!(hits.len(), 6, "{hits:#?}");
    assert!(hits.iter().all(|f| f.path.starts_with("body[")
        && f.path.ends_with(".text")
        && !f.path.contains("segments")));
    assert_eq!(hits[0].severity, Severity::Warning);
    assert!(hits[0].message.starts_with("Consider cutting 'allegedly'"));
    let mut clean = seed();
    clean.body.truncate(2);
    assert!(rule(&clean, "Hedging").is_empty());
}

#[test]
fn existence_in_the_headline_only() {
    let mut r = seed();
    r.headline.push('!');
    let hits = rule(&r, "Exclaim");
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].path.as_str(), hits[0].severity),
        ("headline", Severity::Error)
    );
    assert!(rule(&with_paragraph("Great news!"), "Exclaim").is_empty());
}

#[test]
fn substitution_with_a_fix() {
    let mut r = with_paragraph("In order to act, the court must commence prior to June.");
    let hits = rule(&r, "Plain");
    assert_eq!(hits.len(), 3, "{hits:#?}");
    assert_eq!(hits[0].message, "Use 'to' instead of 'In order to'.");
    for _ in 0..3 {
        let f = rule(&r, "Plain").into_iter().next().expect("a finding");
        apply_fix(&mut r, &f.fix.expect("a fix")).expect("applies");
    }
    assert_eq!(
        paragraph(&r, 1),
        "to act, the court must start before June."
    );
    assert!(rule(&r, "Plain").is_empty());
}

#[test]
fn occurrence_per_sentence() {
    let r = with_paragraph("One, two, three, four, and five. Short one.");
    let hits: Vec<_> = rule(&r, "Commas")
        .into_iter()
        .filter(|f| f.path == "body[1].text")
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        flagged(&hits[0], paragraph(&r, 1)),
        "One, two, three, four, and five."
    );
    assert!(
        rule(&with_paragraph("One, two, three, and four."), "Commas")
            .iter()
            .all(|f| f.path != "body[1].text")
    );
}

#[test]
fn repetition_with_a_fix() {
    let mut r = with_paragraph("The court court met.");
    let f = rule(&r, "Doubled").into_iter().next().expect("a finding");
    apply_fix(&mut r, &f.fix.expect("a fix")).expect("applies");
    assert_eq!(paragraph(&r, 1), "The court met.");
    assert!(rule(&r, "Doubled").is_empty());
}

#[test]
fn consistency_across_fields() {
    let mut r = with_paragraph("The judgement was read.");
    r.body.insert(
        2,
        Block::Paragraph {
            text: "A second judgment followed.".into(),
        },
    );
    let hits = rule(&r, "Spelling");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "body[2].text");
    assert!(rule(&with_paragraph("The judgement was read."), "Spelling").is_empty());
}

#[test]
fn conditional_acronyms() {
    let r = with_paragraph("The WGAD reviewed the case.");
    let hits = rule(&r, "Acronyms");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].message, "Spell out 'WGAD' at its first use.");
    let ok = with_paragraph("The Working Group on Arbitrary Detention (WGAD) met. The WGAD reviewed the case and OHCHR agreed.");
    assert!(rule(&ok, "Acronyms").is_empty());
}

#[test]
fn capitalization_of_body_headings() {
    let mut r = seed();
    r.body.insert(
        3,
        Block::Heading {
            text: "What Happens To The Children Next".into(),
        },
    );
    let hits = rule(&r, "HeadingCase");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "body[3].text");
    r.body[3] = Block::Heading {
        text: "What happens to the children next".into(),
    };
    assert!(rule(&r, "HeadingCase").is_empty());
}

#[test]
fn metric_per_field() {
    let long = format!("{}.", ["word"; 40].join(" "));
    let in_new = |r: &Release| -> Vec<Finding> {
        rule(r, "Sentences")
            .into_iter()
            .filter(|f| f.path == "body[1].text")
            .collect()
    };
    let hits = in_new(&with_paragraph(&long));
    assert_eq!(hits.len(), 1);
    assert!(hits[0].message.contains("40.00"), "{}", hits[0].message);
    assert!(in_new(&with_paragraph("A short sentence. And another one.")).is_empty());
}

#[test]
fn readability_per_field() {
    let hard = "Notwithstanding institutional considerations, governmental representatives systematically \
                characterised international humanitarian obligations, constitutional responsibilities, \
                administrative accountability mechanisms and intergovernmental cooperation as fundamentally \
                incompatible with contemporaneous organisational prioritisation.";
    let in_new = |r: &Release| -> Vec<Finding> {
        rule(r, "Grade")
            .into_iter()
            .filter(|f| f.path == "body[1].text")
            .collect()
    };
    assert_eq!(in_new(&with_paragraph(hard)).len(), 1);
    assert!(in_new(&with_paragraph(
        "The court met today. It heard two people. Then it went home."
    ))
    .is_empty());
}

#[test]
fn scopes_map_to_fields() {
    use dateline_checks::fields::{text_fields, FieldKind};
    use dateline_checks::vale::scope::Scope;
    let r = seed();
    let fields = text_fields(&r);
    let covered = |scopes: &[&str]| -> Vec<FieldKind> {
        let s =
            Scope::parse(&scopes.iter().map(|s| s.to_string()).collect::<Vec<_>>()).expect("scope");
        let mut kinds: Vec<FieldKind> = fields
            .iter()
            .filter(|f| s.covers(f, false))
            .map(|f| f.kind)
            .collect();
        kinds.dedup();
        kinds
    };
    assert_eq!(covered(&["heading.h1"]), [FieldKind::Headline]);
    assert_eq!(covered(&["title"]), [FieldKind::Headline]);
    assert!(covered(&["blockquote"])
        .iter()
        .all(|k| *k == FieldKind::QuoteText));
    assert!(!covered(&["text", "~blockquote"]).contains(&FieldKind::QuoteText));
    assert!(covered(&["text", "~blockquote"]).contains(&FieldKind::Paragraph));
    assert!(Scope::parse(&["table.cell".to_string()]).is_err());
}
