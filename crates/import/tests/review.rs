//! The review screen's side of the import: every part of the input is listed
//! with what it became, and `import_with` re-runs the import with the
//! writer's corrections.
#![allow(clippy::unwrap_used)] // a test may panic

use dateline_core::Block;
use dateline_import::{import, import_with, ImportOptions, Override, PartRole};

const TEXT: &str = "SC/9999\n\nHarbour reopens after the storm\n\nKINGSTON, 3 May 2026 – The harbour reopened today.\n\nWe lost two weeks of trade, the harbour master wrote to the council.\n\n“Ships are welcome again,” said Ana Reyes, Harbour Master.\n\nENDS";

fn role_of(parts: &[dateline_import::Part], needle: &str) -> PartRole {
    parts
        .iter()
        .find(|p| p.text.contains(needle))
        .map(|p| p.role)
        .unwrap_or_else(|| panic!("no part with {needle}"))
}

#[test]
fn parts_say_what_each_part_became_and_where_it_is() {
    let out = import(TEXT.as_bytes(), &ImportOptions::default()).unwrap();
    let parts = &out.report.parts;
    assert_eq!(role_of(parts, "SC/9999"), PartRole::Furniture);
    assert_eq!(role_of(parts, "Harbour reopens"), PartRole::Headline);
    assert_eq!(role_of(parts, "KINGSTON"), PartRole::Dateline);
    assert_eq!(role_of(parts, "We lost"), PartRole::Paragraph);
    assert_eq!(role_of(parts, "Ships are welcome"), PartRole::Quote);
    assert_eq!(role_of(parts, "ENDS"), PartRole::EndMark);
    let quote = parts.iter().find(|p| p.text.contains("Ships")).unwrap();
    assert_eq!(quote.lines.map(|l| (l.first, l.last)), Some((9, 9)));
    assert_eq!(quote.field.as_deref(), Some("body[2]"));
    assert_eq!(
        quote.speaker.as_deref(),
        Some(out.release.people[0].id.as_str())
    );
    let indexes: Vec<usize> = parts.iter().map(|p| p.index).collect();
    assert_eq!(indexes, (0..parts.len()).collect::<Vec<_>>());
}

#[test]
fn html_parts_know_the_lines_of_the_markup_they_come_from() {
    let html = "<html>\n<head><title>Harbour</title></head>\n<body>\n<nav>Home | News</nav>\n<main>\n<h1>Harbour reopens\n after the storm</h1>\n<p>KINGSTON, 3 May 2026 &ndash; The harbour\nreopened today.</p>\n<p>\n  &ldquo;Ships are welcome again,&rdquo; said\n  Ana Reyes, Harbour Master.\n</p>\n<p>ENDS</p>\n</main>\n</body>\n</html>";
    let out = import(html.as_bytes(), &ImportOptions::default()).unwrap();
    let parts = &out.report.parts;
    let lines = |needle: &str| {
        parts
            .iter()
            .find(|p| p.text.contains(needle))
            .and_then(|p| p.lines)
            .map(|l| (l.first, l.last))
    };
    assert_eq!(role_of(parts, "Harbour reopens"), PartRole::Headline);
    assert_eq!(lines("Harbour reopens"), Some((6, 7)));
    assert_eq!(role_of(parts, "KINGSTON"), PartRole::Dateline);
    assert_eq!(lines("KINGSTON"), Some((8, 9)));
    assert_eq!(role_of(parts, "Ships are welcome"), PartRole::Quote);
    assert_eq!(lines("Ships are welcome"), Some((11, 12)));
    assert_eq!(role_of(parts, "ENDS"), PartRole::EndMark);
    assert_eq!(lines("ENDS"), Some((14, 14)));
}

#[test]
fn overrides_pin_quotes_paragraphs_headline_dateline_and_drops() {
    let first = import(TEXT.as_bytes(), &ImportOptions::default()).unwrap();
    let part = |needle: &str| {
        first
            .report
            .parts
            .iter()
            .find(|p| p.text.contains(needle))
            .unwrap()
            .index
    };
    let fixed = import_with(
        TEXT.as_bytes(),
        &ImportOptions::default(),
        &[
            Override::Quote {
                part: part("We lost"),
                speaker: "Tom Baptiste".into(),
                title: Some("Harbour Master".into()),
            },
            Override::Paragraph {
                part: part("Ships are welcome"),
            },
        ],
    )
    .unwrap();
    let quotes: Vec<&str> = fixed
        .release
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Quote(q) => Some(q.speaker.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(quotes.len(), 1);
    let baptiste = &fixed.release.people[0];
    assert_eq!(
        (baptiste.name.as_str(), baptiste.title.as_str()),
        ("Tom Baptiste", "Harbour Master")
    );
    assert_eq!(quotes[0], baptiste.id);
    assert_eq!(
        role_of(&fixed.report.parts, "Ships are welcome"),
        PartRole::Paragraph
    );

    let moved = import_with(
        TEXT.as_bytes(),
        &ImportOptions::default(),
        &[
            Override::Headline {
                part: part("SC/9999"),
            },
            Override::Drop { part: part("ENDS") },
        ],
    )
    .unwrap();
    assert_eq!(moved.release.headline, "SC/9999");
    assert!(moved.release.end_mark.text().is_none());
    assert!(moved
        .report
        .dropped
        .iter()
        .any(|d| d.text == "Harbour reopens after the storm"));
}

#[test]
fn a_dateline_override_reads_the_part_named() {
    let long = "The harbour reopened today after a storm that closed it for two weeks, ".repeat(4);
    let text = format!("Harbour reopens after the storm\n\n{long}\n\nKINGSTON, 3 May 2026\n\nMore text follows here.");
    let text = text.as_str();
    let plain = import(text.as_bytes(), &ImportOptions::default()).unwrap();
    assert!(plain.release.dateline.is_none());
    let part = plain
        .report
        .parts
        .iter()
        .find(|p| p.text.starts_with("KINGSTON"))
        .unwrap()
        .index;
    let fixed = import_with(
        text.as_bytes(),
        &ImportOptions::default(),
        &[Override::Dateline { part }],
    )
    .unwrap();
    let d = fixed.release.dateline.expect("a dateline");
    assert_eq!(d.places[0].city, "Kingston");
    assert_eq!(d.date.to_string(), "2026-05-03");
}

#[test]
fn overrides_that_do_not_fit_are_clear_errors() {
    let opts = ImportOptions::default();
    let err = import_with(TEXT.as_bytes(), &opts, &[Override::Drop { part: 99 }]).unwrap_err();
    assert_eq!(err.code(), "bad_override");
    assert!(err.to_string().contains("part 99"), "{err}");
    let err = import_with(TEXT.as_bytes(), &opts, &[Override::Dateline { part: 1 }]).unwrap_err();
    assert_eq!(err.code(), "bad_override");
    let err = import_with(
        TEXT.as_bytes(),
        &opts,
        &[Override::Quote {
            part: 3,
            speaker: "  ".into(),
            title: None,
        }],
    )
    .unwrap_err();
    assert!(err.to_string().contains("speaker"), "{err}");
}

#[test]
fn overrides_travel_as_tagged_json() {
    let o: Override =
        serde_json::from_str(r#"{"type":"quote","part":4,"speaker":"Ana Reyes"}"#).unwrap();
    assert_eq!(
        o,
        Override::Quote {
            part: 4,
            speaker: "Ana Reyes".into(),
            title: None
        }
    );
    assert_eq!(
        serde_json::to_string(&Override::Dateline { part: 2 }).unwrap(),
        r#"{"type":"dateline","part":2}"#
    );
}
