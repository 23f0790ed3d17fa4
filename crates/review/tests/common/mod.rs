//! Releases and stores shared by the review tests.
#![allow(dead_code)]

use dateline_core::{Attribution, Block, Person, Quote, QuoteParagraph, QuoteSegment, Release};
use dateline_review::{ReviewService, Role};
use dateline_store::{SaveMeta, SqliteStore, Store};

pub const SEED: &str = include_str!("../../../../examples/un-expert-khakimova.json");

pub fn seed() -> Release {
    dateline_core::from_json(SEED).expect("seed")
}

pub fn meta(author: &str) -> SaveMeta {
    SaveMeta {
        author: author.into(),
        message: None,
        name: None,
    }
}

pub fn quote(speaker: &str, text: &str) -> Block {
    Block::Quote(Quote {
        speaker: speaker.into(),
        paragraphs: vec![QuoteParagraph {
            lead_in: None,
            segments: vec![QuoteSegment {
                text: text.into(),
                attribution: Some(Attribution::SaidNameTitle),
            }],
        }],
    })
}

pub fn para(text: &str) -> Block {
    Block::Paragraph { text: text.into() }
}

/// The seed with three quotes by three people between paragraphs.
pub fn three_quotes() -> Release {
    let mut r = seed();
    r.people.push(Person {
        id: "okafor".into(),
        name: "Ada Okafor".into(),
        surname: None,
        title: "Director of the Lagos Office".into(),
        pronoun: "she".into(),
        role_noun: None,
    });
    r.people.push(Person {
        id: "brandt".into(),
        name: "Jonas Brandt".into(),
        surname: None,
        title: "Head of Legal Affairs".into(),
        pronoun: "he".into(),
        role_noun: None,
    });
    r.body = vec![
        para("The expert today raised concerns about the trial of a mother of two."),
        quote("lawlor", "The sentence must be reviewed without delay,"),
        para("The court refused to apply a provision for parents of young children."),
        quote(
            "okafor",
            "We are following the case closely and with concern,",
        ),
        para("Further hearings are expected in the coming weeks."),
        quote(
            "brandt",
            "The legal standards are clear and they bind every court,",
        ),
        para("The expert is in contact with the authorities on the matter."),
    ];
    r
}

/// A store with release `r` written by "Wendy Writer" and the newsroom's roles.
pub fn newsroom(r: &Release) -> (SqliteStore, String) {
    let store = SqliteStore::open_in_memory().expect("store");
    let (id, _) = store.create(r, &meta("Wendy Writer")).expect("create");
    let admin = ReviewService::new(&store, "Ann Admin");
    admin.set_roles("Ann Admin", &[Role::Admin]).expect("admin");
    admin
        .set_roles("Wendy Writer", &[Role::Writer])
        .expect("writer");
    admin.set_roles("Ed Itor", &[Role::Editor]).expect("editor");
    admin.set_roles("Lee Gal", &[Role::Legal]).expect("legal");
    (store, id)
}
