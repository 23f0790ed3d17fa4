//! Golden tests: hand-written revisions of the seed release (tests/fixtures/),
//! each compared with the seed, asserting the labels, the summary and the words
//! marked as deleted and inserted.

use dateline_core::Release;
use dateline_diff::{compare, BlockStatus, CompareOptions, Comparison, FieldStatus, OpKind};

fn seed() -> Release {
    let json = include_str!("../../../examples/un-expert-khakimova.json");
    dateline_core::from_json(json).expect("seed parses")
}

fn fixture(name: &str) -> Release {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).expect("fixture exists");
    dateline_core::from_json(&json).expect("fixture is a valid release")
}

fn against_seed(name: &str) -> Comparison {
    compare(&seed(), &fixture(name), &CompareOptions::default())
}

fn label_texts(c: &Comparison) -> Vec<&str> {
    c.labels
        .iter()
        .filter(|l| !l.hidden)
        .map(|l| l.text.as_str())
        .collect()
}

/// Every (deleted, inserted) pair of visible changes, over fields and blocks.
fn marked(c: &Comparison) -> Vec<(String, String)> {
    let diffs = c
        .fields
        .iter()
        .filter_map(|f| f.diff.as_ref())
        .chain(c.blocks.iter().filter_map(|b| b.diff.as_ref()));
    diffs
        .flat_map(|d| d.ops.iter())
        .filter(|o| o.kind != OpKind::Equal && !o.hidden)
        .map(|o| (o.old.clone(), o.new.clone()))
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn seed_against_itself_finds_nothing() {
    let c = compare(&seed(), &seed(), &CompareOptions::default());
    assert!(c.is_unchanged());
    assert_eq!(c.summary, "no changes");
    assert!(c.labels.is_empty());
    assert!(c.blocks.iter().all(|b| b.status == BlockStatus::Unchanged));
    assert_eq!(c.blocks.len(), seed().body.len());
}

#[test]
fn date_change() {
    let c = against_seed("date-change");
    assert_eq!(label_texts(&c), ["dateline date 14 May 2025 → 15 May 2025"]);
    assert_eq!(c.summary, "1 change in 1 field: dateline");
    assert_eq!(marked(&c), [pair("14", "15")]);
}

#[test]
fn quote_edit() {
    let c = against_seed("quote-edit");
    assert_eq!(label_texts(&c), ["quote 2 edited"]);
    assert_eq!(marked(&c), [pair("exacerbated", "compounded")]);
    let e = c
        .blocks
        .iter()
        .find(|b| b.name == "quote 2")
        .expect("quote 2");
    assert_eq!(e.status, BlockStatus::Changed);
    assert_eq!(c.labels[0].entry, Some(e.entry));
}

#[test]
fn speaker_swap() {
    let c = against_seed("speaker-swap");
    assert_eq!(
        label_texts(&c),
        [
            "quote 3: speaker changed (Mary Lawlor → Alice Edwards)",
            "person Alice Edwards added"
        ]
    );
    assert_eq!(c.summary, "2 changes in 2 fields: quote 3, Alice Edwards");
    let quote_words: Vec<(String, String)> = c
        .blocks
        .iter()
        .filter_map(|b| b.diff.as_ref())
        .flat_map(|d| d.ops.iter())
        .filter(|o| o.kind != OpKind::Equal)
        .map(|o| (o.old.clone(), o.new.clone()))
        .collect();
    assert_eq!(quote_words, [pair("Lawlor", "Edwards")]);
}

#[test]
fn moved_paragraph() {
    let c = against_seed("moved-paragraph");
    assert_eq!(label_texts(&c), ["paragraph 4 moved (block 2 → 5)"]);
    let away = c
        .blocks
        .iter()
        .find(|b| b.status == BlockStatus::MovedAway)
        .expect("moved away");
    let here = c
        .blocks
        .iter()
        .find(|b| b.status == BlockStatus::Moved)
        .expect("moved");
    assert_eq!(away.partner, Some(here.entry));
    assert_eq!(here.partner, Some(away.entry));
    assert!(away.entry < here.entry, "the old place comes first");
    assert!(!here.edited);
    assert!(marked(&c).is_empty(), "a pure move marks no words");
    let others = c
        .blocks
        .iter()
        .filter(|b| !matches!(b.status, BlockStatus::Moved | BlockStatus::MovedAway));
    assert!(others.clone().all(|b| b.status == BlockStatus::Unchanged));
    assert_eq!(others.count(), seed().body.len() - 1);
}

#[test]
fn moved_and_edited_paragraph_is_one_move() {
    let c = against_seed("moved-edited-paragraph");
    assert_eq!(
        label_texts(&c),
        ["paragraph 4 moved and edited (block 2 → 5)"]
    );
    assert!(c
        .blocks
        .iter()
        .all(|b| !matches!(b.status, BlockStatus::Inserted | BlockStatus::Deleted)));
    let here = c
        .blocks
        .iter()
        .find(|b| b.status == BlockStatus::Moved)
        .expect("moved");
    assert!(here.edited);
    assert_eq!(marked(&c), [pair("eight", "seven")]);
}

#[test]
fn footnote_edit() {
    let c = against_seed("footnote-edit");
    assert_eq!(label_texts(&c), ["footnote * edited"]);
    let f = c
        .fields
        .iter()
        .find(|f| f.path == "footnotes[*]")
        .expect("footnote field");
    assert_eq!(f.status, FieldStatus::Changed);
    let m = marked(&c);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].0, "");
    assert!(m[0]
        .1
        .contains("Special Procedures of the Human Rights Council."));
}

#[test]
fn added_contact() {
    let c = against_seed("added-contact");
    assert_eq!(label_texts(&c), ["contact Jane Doe added"]);
    let f = c
        .fields
        .iter()
        .find(|f| f.path == "contacts[0]")
        .expect("contact field");
    assert_eq!(f.status, FieldStatus::Added);
    assert!(f
        .new
        .as_deref()
        .is_some_and(|t| t.contains("jane.doe@example.org")));
}

#[test]
fn end_mark_removed() {
    let c = against_seed("end-mark-removed");
    assert_eq!(label_texts(&c), ["end mark removed"]);
    let f = c
        .fields
        .iter()
        .find(|f| f.path == "endMark")
        .expect("end mark field");
    assert_eq!(f.status, FieldStatus::Removed);
    assert_eq!(f.old.as_deref(), Some("ENDS"));
}

#[test]
fn title_change_names_what_it_affects() {
    let c = against_seed("title-change");
    assert_eq!(
        label_texts(&c),
        ["Mary Lawlor's title changed (affects quote 1 and footnote *)"]
    );
    assert_eq!(c.summary, "1 change in 1 field: Mary Lawlor");
    // The printed texts still show the change word by word.
    let m = marked(&c);
    assert!(
        m.iter()
            .all(|(o, n)| o == "the situation of " && n.is_empty()),
        "{m:?}"
    );
    assert_eq!(m.len(), 3, "person, quote 1 and footnote *");
}

#[test]
fn embargo_and_status() {
    let c = against_seed("embargoed-approved");
    assert_eq!(
        label_texts(&c),
        [
            "status published → approved",
            "embargo set until 2025-05-15 00:01 Europe/Zurich"
        ]
    );
    // And back: the embargo is lifted.
    let back = compare(
        &fixture("embargoed-approved"),
        &seed(),
        &CompareOptions::default(),
    );
    assert_eq!(
        label_texts(&back),
        ["status approved → published", "embargo lifted"]
    );
}

#[test]
fn typo_fix_has_char_detail() {
    let c = compare(
        &fixture("headline-typo"),
        &seed(),
        &CompareOptions::default(),
    );
    assert_eq!(label_texts(&c), ["headline edited", "paragraph 1 edited"]);
    assert_eq!(
        marked(&c),
        [pair("urges", "calls for"), pair("Khakimowa", "Khakimova")]
    );
    let op = c.blocks[0]
        .diff
        .as_ref()
        .and_then(|d| d.ops.iter().find(|o| o.kind == OpKind::Replace))
        .expect("replace op");
    let chars = op.chars.as_ref().expect("char detail on a one-letter fix");
    let changed: Vec<(OpKind, &str)> = chars
        .iter()
        .filter(|c| c.kind != OpKind::Equal)
        .map(|c| (c.kind, c.text.as_str()))
        .collect();
    assert_eq!(changed, [(OpKind::Delete, "w"), (OpKind::Insert, "v")]);
}

#[test]
fn whitespace_and_quote_style_are_reported_and_hideable() {
    let c = against_seed("quote-style");
    assert_eq!(
        label_texts(&c),
        [
            "paragraph 1: whitespace only",
            "quote 1: quotation marks only (curly ↔ straight)"
        ]
    );
    assert_eq!(marked(&c), [pair(" ", "  "), pair("’", "'")]);
    let opts = CompareOptions {
        ignore_whitespace: true,
        ignore_quote_style: true,
        ..CompareOptions::default()
    };
    let hidden = compare(&seed(), &fixture("quote-style"), &opts);
    assert!(hidden.is_unchanged());
    assert_eq!(
        hidden.summary,
        "no changes (2 whitespace or quote-style changes hidden)"
    );
    assert!(marked(&hidden).is_empty());
    let only_ws = CompareOptions {
        ignore_whitespace: true,
        ..CompareOptions::default()
    };
    let c = compare(&seed(), &fixture("quote-style"), &only_ws);
    assert_eq!(
        label_texts(&c),
        ["quote 1: quotation marks only (curly ↔ straight)"]
    );
}

/// True when some tag carries an `on…=` attribute.
fn has_event_handler(html: &str) -> bool {
    html.split('<').skip(1).any(|rest| {
        let tag = rest.split('>').next().unwrap_or("").to_lowercase();
        tag.split_whitespace()
            .skip(1)
            .any(|attr| attr.starts_with("on") && attr.contains('='))
    })
}

#[test]
fn redline_html_has_summary_marks_and_no_script() {
    let (a, b) = (seed(), fixture("moved-edited-paragraph"));
    let c = compare(&a, &b, &CompareOptions::default());
    let html = dateline_diff::redline_html(&a, &b, &c);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!has_event_handler(&html), "no event handlers");
    assert!(html.contains(&c.summary));
    assert!(
        html.contains(
            "<del><span class=\"vh\" lang=\"en\"> [deleted: </span>eight<span class=\"vh\">] </span></del>\
             <ins><span class=\"vh\" lang=\"en\"> [inserted: </span>seven<span class=\"vh\">] </span></ins>"
        ),
        "{html}"
    );
    // Both ends of the move are marked and linked.
    let to = c
        .blocks
        .iter()
        .find(|b| b.status == BlockStatus::Moved)
        .expect("moved")
        .entry;
    assert!(html.contains(&format!("id=\"moved-to-{to}\"")));
    assert!(html.contains(&format!("id=\"moved-from-{to}\"")));
    assert!(html.contains(&format!("href=\"#moved-from-{to}\"")));
    // Underline and strike, not colour alone.
    assert!(html.contains("text-decoration:underline"));
    assert!(html.contains("text-decoration:line-through"));
}

/// The text of `html` with every tag removed (what is left for the ear).
fn spoken(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn redline_speaks_its_changes_apart() {
    // The case: "calls for" became "urges", read as "calls forurges".
    let (a, b) = (seed(), fixture("headline-typo"));
    let c = compare(&a, &b, &CompareOptions::default());
    let html = dateline_diff::redline_html(&a, &b, &c);
    let text = spoken(&html);
    assert!(
        text.contains("UN expert  [deleted: calls for]  [inserted: urges]  release"),
        "{text}"
    );
    assert!(!text.contains("forurges"));
    // The hidden words are clipped, not removed, and survive the sanitizer.
    assert!(html.contains(".vh{position:absolute"));
    assert!(html.contains("<span class=\"vh\" lang=\"en\"> [deleted: </span>"));
}

#[test]
fn redline_groups_are_headings_and_interface_text_is_english() {
    let corporate = || {
        let json = include_str!("../../../examples/corporate-lumen-rapport.json");
        dateline_core::from_json(json).expect("corporate example parses")
    };
    let a = corporate();
    let mut b = corporate();
    b.footnotes[0].text.push_str(" Depuis 2021.");
    b.people[0].title = "directrice générale".into();
    b.actions.title = Some("Suivez-nous".into());
    let c = compare(&a, &b, &CompareOptions::default());
    let html = dateline_diff::redline_html(&a, &b, &c);
    // The document is in the release's language; the interface's words are English.
    assert!(html.contains("<html lang=\"fr-CH\">"));
    assert!(html.contains("<header class=\"summary\" lang=\"en\"><h1>Redline</h1>"));
    // Headings in order: the redline, the headline, then each group of fields.
    let headings: Vec<&str> = html
        .match_indices("<h")
        .filter_map(|(i, _)| html.get(i..i + 3))
        .filter(|h| h[2..].chars().all(|c| c.is_ascii_digit()))
        .collect();
    // Headline, Footnotes, People, Boilerplate, Media contacts, Actions.
    assert_eq!(
        headings,
        ["<h1", "<h2", "<h2", "<h2", "<h2", "<h2", "<h2"],
        "{html}"
    );
    let footnotes = html
        .find("<h2 class=\"field-label\" lang=\"en\">Footnotes</h2>")
        .expect("Footnotes heading");
    let people = html
        .find("<h2 class=\"field-label\" lang=\"en\">People</h2>")
        .expect("People heading");
    let actions = html
        .find("<h2 class=\"field-label\" lang=\"en\">Actions</h2>")
        .expect("Actions heading");
    assert!(footnotes < people && people < actions);
    assert!(!html.contains("<p class=\"field-label\""));
    assert!(html.contains("<span class=\"vh\" lang=\"en\"> [inserted: </span>"));
}

#[test]
fn redline_html_escapes_and_sanitizes_field_text() {
    let a = seed();
    let mut b = seed();
    b.headline = "<script>alert(1)</script> <img src=x onerror=alert(2)>".into();
    let c = compare(&a, &b, &CompareOptions::default());
    let html = dateline_diff::redline_html(&a, &b, &c);
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.to_lowercase().contains("<img"));
    assert!(!has_event_handler(&html));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn terminal_redline_marks_words_and_colours_only_on_request() {
    let c = against_seed("quote-edit");
    let plain = dateline_diff::redline_text(&c, false);
    assert!(plain.starts_with("1 change in 1 field: quote 2\n"));
    assert!(plain.contains("[-exacerbated-]{+compounded+}"));
    assert!(!plain.contains('\x1b'));
    let coloured = dateline_diff::redline_text(&c, true);
    assert!(coloured.contains("\x1b[31;9mexacerbated\x1b[0m"));
}
