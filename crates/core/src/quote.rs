//! Quote rendering: turns a structured [`Quote`] into a sequence of pieces
//! (quotation marks, quoted words, attributions) that every renderer shares.
//!
//! The attribution words come from the [`Person`] the quote points at, so a
//! title edited once changes every quote. Plain text joins the pieces; HTML
//! wraps them in elements.

use crate::dateline::DateLanguage;
use crate::model::{Attribution, Person, Quote, QuoteParagraph};
use crate::style::QuoteMarks;
use crate::Language;

/// One piece of a rendered quote paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuotePiece {
    /// An opening quotation mark.
    Open(&'static str),
    /// Quoted words (Markdown inline text, verbatim from the model).
    Words(String),
    /// A closing quotation mark.
    Close(&'static str),
    /// Attribution words including their final punctuation, e.g. `she said.`.
    Attribution(String),
    /// Whitespace between pieces.
    Space,
}

fn verb(lang: &Language) -> (&'static str, &'static str) {
    // (verb after the subject, verb before the subject)
    match lang.words() {
        DateLanguage::French => ("a déclaré", "a déclaré"),
        DateLanguage::Spanish => ("dijo", "dijo"),
        DateLanguage::English => ("said", "said"),
    }
}

/// The words of an attribution, without final punctuation (`said Mary Lawlor, Special Rapporteur`).
pub fn attribution_words(form: Attribution, person: Option<&Person>, lang: &Language) -> String {
    let (after, before) = verb(lang);
    let Some(p) = person else {
        return format!("{before} [unknown speaker]");
    };
    let name = p.name.trim();
    let title = p.title.trim();
    let name_title = if title.is_empty() {
        name.to_string()
    } else {
        format!("{name}, {title}")
    };
    let role = p
        .role_noun
        .as_deref()
        .filter(|r| !r.trim().is_empty())
        .unwrap_or(name);
    match form {
        Attribution::SaidNameTitle => format!("{before} {name_title}"),
        Attribution::NameTitleSaid => {
            if title.is_empty() {
                format!("{name} {after}")
            } else {
                format!("{name_title}, {after}")
            }
        }
        Attribution::SaidName => format!("{before} {name}"),
        Attribution::NameSaid => format!("{name} {after}"),
        Attribution::SurnameSaid => format!("{} {after}", p.surname()),
        Attribution::SaidSurname => format!("{before} {}", p.surname()),
        Attribution::PronounSaid => format!("{} {after}", p.pronoun.trim()),
        Attribution::RoleSaid => format!("{role} {after}"),
        Attribution::NameSaidColon => format!("{name} {after}:"),
        Attribution::SurnameSaidColon => format!("{} {after}:", p.surname()),
    }
}

fn with_final(words: String, next_starts_lower: bool) -> String {
    if words.ends_with(':') {
        return words;
    }
    let mark = if next_starts_lower { ',' } else { '.' };
    if words.ends_with('.') && mark == '.' {
        words
    } else {
        format!("{words}{mark}")
    }
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Renders one paragraph of a quote. `last_paragraph` decides whether the final
/// segment closes its quotation mark (a quote running over several paragraphs
/// closes only at its end).
pub fn paragraph_pieces(
    para: &QuoteParagraph,
    speaker: Option<&Person>,
    marks: QuoteMarks,
    lang: &Language,
    last_paragraph: bool,
) -> Vec<QuotePiece> {
    let mut out = Vec::new();
    if let Some(lead) = para.lead_in {
        out.push(QuotePiece::Attribution(with_final(
            attribution_words(lead, speaker, lang),
            false,
        )));
        out.push(QuotePiece::Space);
    }
    let n = para.segments.len();
    for (i, seg) in para.segments.iter().enumerate() {
        if i > 0 {
            out.push(QuotePiece::Space);
        }
        out.push(QuotePiece::Open(marks.open));
        out.push(QuotePiece::Words(seg.text.clone()));
        let is_last = i + 1 == n;
        if seg.attribution.is_some() || !is_last || last_paragraph {
            out.push(QuotePiece::Close(marks.close));
        }
        if let Some(form) = seg.attribution {
            let next_lower = para
                .segments
                .get(i + 1)
                .is_some_and(|next| starts_lower(&next.text));
            out.push(QuotePiece::Space);
            out.push(QuotePiece::Attribution(with_final(
                attribution_words(form, speaker, lang),
                next_lower,
            )));
        }
    }
    out
}

/// Renders every paragraph of `quote`, looking its speaker up in `people`.
pub fn quote_pieces(
    quote: &Quote,
    people: &[Person],
    marks: QuoteMarks,
    lang: &Language,
) -> Vec<Vec<QuotePiece>> {
    let speaker = people.iter().find(|p| p.id == quote.speaker);
    let n = quote.paragraphs.len();
    quote
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| paragraph_pieces(p, speaker, marks, lang, i + 1 == n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteSegment;

    fn lawlor() -> Person {
        Person {
            id: "lawlor".into(),
            name: "Mary Lawlor".into(),
            surname: None,
            title: "Special Rapporteur on the situation of human rights defenders".into(),
            pronoun: "she".into(),
            role_noun: Some("the expert".into()),
        }
    }

    fn join(pieces: &[QuotePiece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                QuotePiece::Open(s) | QuotePiece::Close(s) => s.to_string(),
                QuotePiece::Words(s) | QuotePiece::Attribution(s) => s.clone(),
                QuotePiece::Space => " ".into(),
            })
            .collect()
    }

    const EN: QuoteMarks = QuoteMarks {
        open: "“",
        close: "”",
    };

    #[test]
    fn split_quote_with_mid_sentence_attribution() {
        let para = QuoteParagraph {
            lead_in: None,
            segments: vec![
                QuoteSegment {
                    text: "We will continue,".into(),
                    attribution: Some(Attribution::PronounSaid),
                },
                QuoteSegment {
                    text: "to press for her release.".into(),
                    attribution: None,
                },
            ],
        };
        let p = lawlor();
        assert_eq!(
            join(&paragraph_pieces(&para, Some(&p), EN, &"en".into(), true)),
            "“We will continue,” she said, “to press for her release.”"
        );
    }

    #[test]
    fn lead_in_and_open_paragraph() {
        let para = QuoteParagraph {
            lead_in: Some(Attribution::NameSaidColon),
            segments: vec![QuoteSegment {
                text: "First paragraph.".into(),
                attribution: None,
            }],
        };
        let p = lawlor();
        assert_eq!(
            join(&paragraph_pieces(&para, Some(&p), EN, &"en".into(), false)),
            "Mary Lawlor said: “First paragraph."
        );
    }

    #[test]
    fn every_form_reads_naturally() {
        let p = lawlor();
        let t = "Special Rapporteur on the situation of human rights defenders";
        let cases = [
            (Attribution::SaidNameTitle, format!("said Mary Lawlor, {t}")),
            (
                Attribution::NameTitleSaid,
                format!("Mary Lawlor, {t}, said"),
            ),
            (Attribution::SaidName, "said Mary Lawlor".to_string()),
            (Attribution::NameSaid, "Mary Lawlor said".to_string()),
            (Attribution::SurnameSaid, "Lawlor said".to_string()),
            (Attribution::SaidSurname, "said Lawlor".to_string()),
            (Attribution::PronounSaid, "she said".to_string()),
            (Attribution::RoleSaid, "the expert said".to_string()),
            (Attribution::NameSaidColon, "Mary Lawlor said:".to_string()),
            (Attribution::SurnameSaidColon, "Lawlor said:".to_string()),
        ];
        for (form, want) in cases {
            assert_eq!(attribution_words(form, Some(&p), &"en".into()), want);
        }
        assert_eq!(
            attribution_words(Attribution::SaidName, None, &"en".into()),
            "said [unknown speaker]"
        );
    }
}
