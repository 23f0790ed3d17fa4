//! Any text in any of the main fields gives a strictly valid, inert document
//! and never panics (property test over markup-heavy random text).

mod common;

use common::{assert_clean_document, example};
use dateline_core::model::*;
use dateline_export::{preview_html, render_unchecked, Format};
use proptest::prelude::*;

/// Random text biased towards the characters that matter to HTML and Markdown.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<".to_string()),
            Just(">".to_string()),
            Just("&".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("*".to_string()),
            Just("**".to_string()),
            Just("_".to_string()),
            Just("`".to_string()),
            Just("[".to_string()),
            Just("](".to_string()),
            Just(")".to_string()),
            Just("!".to_string()),
            Just("\n".to_string()),
            Just("javascript:".to_string()),
            Just("https://e.org".to_string()),
            Just("<script>".to_string()),
            Just("</p>".to_string()),
            Just("1. ".to_string()),
            Just("# ".to_string()),
            "[a-zA-Z0-9 ]{0,8}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn any_text_renders_valid_and_inert(h in text(), p in text(), q in text(), f in text()) {
        let mut r = example("seed");
        r.headline = h.clone();
        r.subheadline = Some(f.clone());
        r.body.insert(1, Block::Paragraph { text: p.clone() });
        r.body.push(Block::List { items: vec![p.clone(), q.clone()] });
        r.body.push(Block::Quote(Quote {
            speaker: "lawlor".into(),
            paragraphs: vec![QuoteParagraph {
                lead_in: None,
                segments: vec![QuoteSegment { text: q.clone(), attribution: Some(Attribution::SaidName) }],
            }],
        }));
        r.footnotes.push(Footnote { marker: f.clone(), people: vec![], label: None, text: p.clone() });
        assert_clean_document(&preview_html(&r), "html");
        for format in Format::ALL {
            prop_assert!(render_unchecked(&r, format).is_ok());
        }
    }
}
