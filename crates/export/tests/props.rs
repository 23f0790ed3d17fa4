//! Any text in any of the main fields gives a strictly valid, inert document
//! and never panics, and its markup is already what the sanitizer's
//! allow-list gives back (property tests over markup-heavy random text).

mod common;

use common::{assert_clean_document, example};
use dateline_core::model::*;
use dateline_export::html::{body_fragment, release_body};
use dateline_export::sanitize::sanitize_fragment;
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
            Just("\u{a0}".to_string()),
            Just("&#106;avascript:".to_string()),
            Just("&quot;".to_string()),
            Just("<https://e.org/".to_string()),
            Just("mailto:a@b.org".to_string()),
            Just("\r".to_string()),
            "[a-zA-Z0-9 ]{0,8}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// The seed with the four texts in its headline, subheadline, body (a
/// paragraph, a list and a quote) and a footnote.
fn with_texts(h: &str, p: &str, q: &str, f: &str) -> Release {
    let mut r = example("seed");
    r.headline = h.to_string();
    r.subheadline = Some(f.to_string());
    r.body.insert(
        1,
        Block::Paragraph {
            text: p.to_string(),
        },
    );
    r.body.push(Block::List {
        items: vec![p.to_string(), q.to_string()],
    });
    r.body.push(Block::Quote(Quote {
        speaker: "lawlor".into(),
        paragraphs: vec![QuoteParagraph {
            lead_in: None,
            segments: vec![QuoteSegment {
                text: q.to_string(),
                attribution: Some(Attribution::SaidName),
            }],
        }],
    }));
    r.footnotes.push(Footnote {
        marker: f.to_string(),
        people: vec![],
        label: None,
        text: p.to_string(),
    });
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn any_text_renders_valid_and_inert(h in text(), p in text(), q in text(), f in text()) {
        let r = with_texts(&h, &p, &q, &f);
        assert_clean_document(&preview_html(&r), "html");
        for format in Format::ALL {
            prop_assert!(render_unchecked(&r, format).is_ok());
        }
    }

    #[test]
    fn the_markup_of_any_text_is_what_the_sanitizer_would_leave(
        h in text(), p in text(), q in text(), f in text(),
    ) {
        let r = with_texts(&h, &p, &q, &f);
        let body = release_body(&r);
        prop_assert_eq!(sanitize_fragment(&body), body);
        let body = body_fragment(&r);
        prop_assert_eq!(sanitize_fragment(&body), body);
    }
}
