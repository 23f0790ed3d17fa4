//! The founding seed: its text imports to exactly the fields of its JSON that
//! the text format carries, and renders back byte for byte.

mod common;

use dateline_core::{from_json, render_text};
use dateline_import::{import, ImportOptions};

const JSON: &str = include_str!("../../../examples/un-expert-khakimova.json");
const TEXT: &str = include_str!("../../../examples/un-expert-khakimova.txt");

#[test]
fn seed_imports_to_its_fields() {
    let want = from_json(JSON).expect("seed JSON");
    let got = import(TEXT.as_bytes(), &ImportOptions::default())
        .expect("seed imports")
        .release;
    let (w, g) = (common::carried(&want), common::carried(&got));
    assert_eq!(g.headline, w.headline);
    assert_eq!(g.dateline, w.dateline);
    assert_eq!(g.people, w.people);
    for (i, (a, b)) in g.body.iter().zip(w.body.iter()).enumerate() {
        assert_eq!(a, b, "body[{i}]");
    }
    assert_eq!(g.footnotes, w.footnotes);
    assert_eq!(g, w);
    // And the ids are the seed's own.
    assert_eq!(got.people[0].id, "lawlor");
}

#[test]
fn seed_round_trips_byte_for_byte() {
    let got = import(TEXT.as_bytes(), &ImportOptions::default())
        .expect("seed imports")
        .release;
    assert_eq!(render_text(&got), TEXT);
    got.check().expect("the imported seed is valid");
}
