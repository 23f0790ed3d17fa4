//! One language type for everything printed in the release's language: any case
//! of the tag prints the same words, and the genre follows the language.

use dateline_core::text::release_line;
use dateline_core::{render_text, Language, Release, ReleaseLine};

fn seed() -> Release {
    dateline_core::from_json(include_str!("../../../examples/un-expert-khakimova.json"))
        .expect("the seed is valid")
}

#[test]
fn the_case_of_the_tag_does_not_change_the_words() {
    for tag in ["fr", "FR", "Fr", "fr-ch", "FR-CH"] {
        let lang = Language::new(tag);
        assert_eq!(
            release_line(&ReleaseLine::Immediate, &lang).as_deref(),
            Some("POUR DIFFUSION IMMÉDIATE"),
            "{tag}"
        );
    }
    assert_eq!(
        release_line(&ReleaseLine::Immediate, &Language::new("ES")).as_deref(),
        Some("PARA DIFUSIÓN INMEDIATA")
    );
}

#[test]
fn a_french_release_prints_its_genre_in_french() {
    let mut r = seed();
    r.meta.language = Language::new("FR");
    let text = render_text(&r);
    let headline = text
        .lines()
        .find(|l| l.contains(r.headline.trim()))
        .expect("the headline line");
    assert!(headline.ends_with("(Communiqué de presse)"), "{headline}");
    assert!(!text.contains("(Press Release)"), "{text}");

    r.meta.language = Language::new("es-MX");
    let text = render_text(&r);
    assert!(text.contains("(Comunicado de prensa)"), "{text}");

    r.meta.language = Language::new("en-GB");
    assert!(render_text(&r).contains("(Press Release)"));
}

#[test]
fn the_tag_is_stored_in_canonical_case() {
    let mut r = seed();
    r.meta.language = Language::new("FR-ch");
    let json = r.to_json();
    assert!(json.contains("\"language\": \"fr-CH\""), "{json}");
    let back = dateline_core::from_json(&json).expect("valid");
    assert_eq!(back.meta.language, Language::new("fr-ch"));
}
