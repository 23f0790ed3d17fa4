//! The founding golden test: the seed release, held as structured fields,
//! renders to the original text byte for byte.

use dateline_core::{from_json, render_text, Block};

const JSON: &str = include_str!("../../../examples/un-expert-khakimova.json");
const TEXT: &str = include_str!("../../../examples/un-expert-khakimova.txt");

#[test]
fn seed_renders_byte_for_byte() {
    let release = from_json(JSON).expect("seed is a valid release");
    let text = render_text(&release);
    if text != TEXT {
        let first = text
            .bytes()
            .zip(TEXT.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(text.len().min(TEXT.len()));
        panic!(
            "seed differs at byte {first}:\n got: {:?}\nwant: {:?}",
            &text[first.saturating_sub(40)..(first + 40).min(text.len())],
            &TEXT[first.saturating_sub(40)..(first + 40).min(TEXT.len())]
        );
    }
}

#[test]
fn seed_is_structured_not_pre_rendered() {
    let release = from_json(JSON).expect("seed is a valid release");
    // The dateline is place + date + style, not text.
    assert!(!release.headline.contains("(Press Release)"));
    let quotes = release
        .body
        .iter()
        .filter(|b| matches!(b, Block::Quote(_)))
        .count();
    assert_eq!(quotes, 4, "four quote blocks with a speaker");
    for b in &release.body {
        if let Block::Paragraph { text } = b {
            assert!(!text.contains('“'), "quotes are quote blocks: {text}");
            assert!(
                !text.starts_with("GENEVA"),
                "the dateline is not in the text"
            );
        }
    }
    assert_eq!(release.footnotes[0].people, vec!["lawlor".to_string()]);
}

#[test]
fn editing_the_title_once_changes_quote_and_footnote() {
    let mut release = from_json(JSON).expect("seed is a valid release");
    release.people[0].title = "Special Rapporteur on human rights defenders".into();
    let text = render_text(&release);
    assert!(text.contains("said Mary Lawlor, Special Rapporteur on human rights defenders."));
    assert!(
        text.contains("*The expert: Mary Lawlor, Special Rapporteur on human rights defenders.")
    );
    assert!(!text.contains("situation of"));
}

#[test]
fn json_round_trips() {
    let release = from_json(JSON).expect("seed is a valid release");
    let again = from_json(&release.to_json()).expect("round trip");
    assert_eq!(release, again);
}
