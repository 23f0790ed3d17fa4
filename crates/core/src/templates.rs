//! Starting points for new releases, one per house style.
//!
//! A template is a valid release with the style's dateline, end mark and the
//! usual parts filled with short prompts a writer replaces.

use chrono::NaiveDate;

use crate::dateline::DatelineStyle;
use crate::model::*;
use crate::style::HouseStyleId;

/// A new release in `style`, dated `today`.
pub fn template(style: HouseStyleId, today: NaiveDate) -> Release {
    let house = style.style();
    let (org, city, region, footer) = match style {
        HouseStyleId::UnOhchr => ("OHCHR", "Geneva", None, true),
        HouseStyleId::Wire => ("", "New York", None, false),
        HouseStyleId::Corporate => ("", "London", None, false),
    };
    let expert = Person {
        id: "speaker".into(),
        name: "Speaker Name".into(),
        surname: None,
        title: "Title of the speaker".into(),
        pronoun: "they".into(),
        role_noun: (style == HouseStyleId::UnOhchr).then(|| "the expert".to_string()),
    };
    let lead = if style == HouseStyleId::UnOhchr {
        "A UN expert* today … (the lead: who, what, when, where, why)."
    } else {
        "The lead paragraph: who, what, when, where, why."
    };
    let attribution = if style == HouseStyleId::UnOhchr {
        Attribution::SaidNameTitle
    } else {
        Attribution::SaidName
    };
    Release {
        meta: Meta {
            id: String::new(),
            organisation: org.into(),
            language: "en".into(),
            status: Status::Draft,
            kind: Kind::PressRelease,
            created: None,
            updated: None,
            tags: vec![],
        },
        style,
        release_line: if style == HouseStyleId::UnOhchr {
            ReleaseLine::None
        } else {
            ReleaseLine::Immediate
        },
        headline: "Headline".into(),
        subheadline: None,
        dateline: Some(Dateline {
            places: vec![Place {
                city: city.into(),
                region,
            }],
            date: today,
            style: if house.dateline == DatelineStyle::None {
                DatelineStyle::UnOhchr
            } else {
                house.dateline
            },
        }),
        body: vec![
            Block::Paragraph { text: lead.into() },
            Block::Quote(Quote {
                speaker: "speaker".into(),
                paragraphs: vec![QuoteParagraph {
                    lead_in: None,
                    segments: vec![QuoteSegment {
                        text: "What the speaker said,".into(),
                        attribution: Some(attribution),
                    }],
                }],
            }),
        ],
        people: vec![expert],
        end_mark: house.end_mark,
        footnotes: if style == HouseStyleId::UnOhchr {
            vec![Footnote {
                marker: "*".into(),
                people: vec!["speaker".into()],
                label: Some("The expert".into()),
                text: String::new(),
            }]
        } else {
            vec![]
        },
        boilerplate: if style == HouseStyleId::Corporate {
            vec![Boilerplate {
                title: "About the company".into(),
                paragraphs: vec!["Who the company is, in two sentences.".into()],
            }]
        } else {
            vec![]
        },
        contacts: vec![Contact {
            name: "Press Officer".into(),
            role: Some("Media relations".into()),
            organisation: None,
            email: Some("press@example.org".into()),
            phone: None,
        }],
        actions: if footer {
            Actions {
                title: Some("Actions".into()),
                items: vec![],
            }
        } else {
            Actions::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_valid_and_in_its_style() {
        let today = NaiveDate::from_ymd_opt(2025, 5, 14).expect("date");
        for id in HouseStyleId::ALL {
            let r = template(id, today);
            assert_eq!(crate::validate::problems(&r), vec![], "{id:?}");
            assert_eq!(r.style, id);
            assert_eq!(r.end_mark, id.style().end_mark);
            let text = crate::render_text(&r);
            assert!(
                text.contains("“What the speaker said,” said Speaker Name"),
                "{text}"
            );
        }
        let un = crate::render_text(&template(HouseStyleId::UnOhchr, today));
        assert!(un.contains("GENEVA (14 May 2025) – A UN expert*"), "{un}");
        let wire = crate::render_text(&template(HouseStyleId::Wire, today));
        assert!(wire.starts_with("FOR IMMEDIATE RELEASE"), "{wire}");
        assert!(wire.contains("NEW YORK, May 14, 2025 —"), "{wire}");
        assert!(wire.contains("\n\n###"), "{wire}");
    }
}
