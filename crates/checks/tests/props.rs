//! Lint never panics on random releases, every range it reports lies on
//! character boundaries of its field, and applying any fix never panics.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use dateline_checks::{apply_fix, Linter, Profile};
use dateline_core::dateline::DatelineStyle;
use dateline_core::model::*;
use proptest::prelude::*;

/// Text biased towards what the checks look at.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("’".to_string()),
            Just("«".to_string()),
            Just("»".to_string()),
            Just("*".to_string()),
            Just("**".to_string()),
            Just("†".to_string()),
            Just("!".to_string()),
            Just("?".to_string()),
            Just("¿".to_string()),
            Just(" : ".to_string()),
            Just(";".to_string()),
            Just("\u{a0}".to_string()),
            Just("  ".to_string()),
            Just("\n".to_string()),
            Just("](".to_string()),
            Just("https://example.com".to_string()),
            Just("Wednesday, ".to_string()),
            Just("14th May 2025".to_string()),
            Just("Sept. 31".to_string()),
            Just("mardi 31 février".to_string()),
            Just("10:00".to_string()),
            Just("midnight".to_string()),
            Just("the the".to_string()),
            Just("we".to_string()),
            Just("3".to_string()),
            Just("twenty-one".to_string()),
            Just("ENDS".to_string()),
            Just("😀".to_string()),
            "[a-zA-Z0-9 ,.]{0,12}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..16,
    )
    .prop_map(|parts| parts.concat())
}

fn attribution() -> impl Strategy<Value = Option<Attribution>> {
    prop_oneof![
        Just(None),
        Just(Some(Attribution::SaidNameTitle)),
        Just(Some(Attribution::PronounSaid)),
        Just(Some(Attribution::SurnameSaid)),
        Just(Some(Attribution::NameTitleSaid)),
        Just(Some(Attribution::RoleSaid)),
    ]
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        text().prop_map(|text| Block::Paragraph { text }),
        text().prop_map(|text| Block::Heading { text }),
        proptest::collection::vec(text(), 0..3).prop_map(|items| Block::List { items }),
        (
            prop_oneof![
                Just("p0".to_string()),
                Just("ghost".to_string()),
                Just(String::new())
            ],
            proptest::collection::vec(
                (
                    attribution(),
                    proptest::collection::vec((text(), attribution()), 0..3)
                ),
                0..3
            )
        )
            .prop_map(|(speaker, paras)| Block::Quote(Quote {
                speaker,
                paragraphs: paras
                    .into_iter()
                    .map(|(lead_in, segs)| QuoteParagraph {
                        lead_in,
                        segments: segs
                            .into_iter()
                            .map(|(text, attribution)| QuoteSegment { text, attribution })
                            .collect(),
                    })
                    .collect(),
            })),
    ]
}

fn release() -> impl Strategy<Value = Release> {
    (
        (
            text(),
            proptest::option::of(text()),
            proptest::collection::vec(block(), 0..6),
            prop_oneof![Just("en"), Just("fr-CH"), Just("es"), Just("xx"), Just("")],
            prop_oneof![
                Just(Status::Draft),
                Just(Status::Approved),
                Just(Status::Published)
            ],
        ),
        (
            proptest::option::of((0i64..40_000, text())),
            proptest::option::of((
                0i64..400_000_000,
                prop_oneof![
                    Just("Europe/Zurich"),
                    Just("UTC"),
                    Just("America/New_York"),
                    Just("Nowhere/City"),
                    Just("")
                ],
            )),
            prop_oneof![
                Just(EndMark::None),
                Just(EndMark::Ends),
                Just(EndMark::Thirty),
                text().prop_map(EndMark::Custom)
            ],
            proptest::collection::vec((text(), text()), 0..3),
            proptest::collection::vec(text(), 0..3),
            (text(), text()),
        ),
    )
        .prop_map(
            |(
                (headline, sub, body, lang, status),
                (dateline, embargo, end_mark, notes, links, (name, title)),
            )| {
                let mut r = common::seed();
                r.headline = headline;
                r.subheadline = sub;
                r.body = body;
                r.meta.language = lang.into();
                r.meta.status = status;
                r.people = vec![Person {
                    id: "p0".into(),
                    name,
                    surname: None,
                    title,
                    pronoun: "they".into(),
                    role_noun: None,
                }];
                let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
                r.dateline = dateline.map(|(days, city)| Dateline {
                    places: vec![Place { city, region: None }],
                    date: epoch + chrono::Duration::days(days),
                    style: DatelineStyle::Ap,
                });
                r.release_line = match embargo {
                    Some((secs, zone)) => ReleaseLine::Embargoed {
                        until: NaiveDateTime::from(epoch) + chrono::Duration::seconds(secs),
                        zone: zone.to_string(),
                    },
                    None => ReleaseLine::None,
                };
                r.end_mark = end_mark;
                r.footnotes = notes
                    .into_iter()
                    .map(|(marker, text)| Footnote {
                        marker,
                        people: vec![],
                        label: None,
                        text,
                    })
                    .collect();
                r.actions.items = links
                    .into_iter()
                    .map(|url| ActionItem::Link {
                        label: "x".into(),
                        url,
                    })
                    .collect();
                r
            },
        )
}

fn field_text<'v>(v: &'v serde_json::Value, path: &str) -> Option<&'v str> {
    let mut cur = v;
    for part in path.split('.') {
        let (key, idx) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            cur = cur.get(key)?;
        }
        for i in idx.split('[').filter(|s| !s.is_empty()) {
            cur = cur.get(i.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    cur.as_str()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn lint_never_panics_and_ranges_fit(r in release(), p in 0usize..3) {
        let profile = Profile::builtin(["unOhchr", "wire", "corporate"][p]).expect("profile");
        let today = NaiveDate::from_ymd_opt(2025, 5, 20).expect("date");
        let report = Linter::new(profile).with_today(today).run(&r);
        let json = serde_json::to_value(&r).expect("json");
        for f in &report.findings {
            if let Some(range) = f.range {
                let text = field_text(&json, &f.path);
                prop_assert!(text.is_some(), "a range on a non-text path: {f:?}");
                let text = text.unwrap_or_default();
                prop_assert!(range.bytes(text).is_some(), "range off the field: {f:?} in {text:?}");
            }
            if let Some(fix) = &f.fix {
                let mut copy = r.clone();
                // Fixes either apply or are refused; they never panic.
                let _ = apply_fix(&mut copy, fix);
            }
        }
    }
}
