//! Quote checks: a speaker for every quote, full name and title at the first
//! mention and short forms after, balanced quotation marks, and one kind of
//! marks (straight or curly) per release.

use std::collections::HashMap;

use dateline_core::{Attribution, Block};

use super::{Cx, Sink};
use crate::fields::{Field, FieldKind};
use crate::finding::{Edit, Fix};

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    speakers_and_mentions(cx, sink);
    balance(cx, sink);
    mixed(cx, sink);
}

fn is_full(form: Attribution) -> bool {
    matches!(
        form,
        Attribution::SaidNameTitle | Attribution::NameTitleSaid
    )
}

fn names_person(form: Attribution) -> bool {
    matches!(
        form,
        Attribution::SaidName | Attribution::NameSaid | Attribution::NameSaidColon
    )
}

fn attr_value(form: Attribution) -> serde_json::Value {
    serde_json::to_value(form).unwrap_or(serde_json::Value::Null)
}

fn speakers_and_mentions(cx: &Cx, sink: &mut Sink) {
    let people: HashMap<&str, &dateline_core::Person> =
        cx.r.people.iter().map(|p| (p.id.as_str(), p)).collect();
    // Whether each person has been introduced with name and title.
    let mut introduced: HashMap<&str, bool> = HashMap::new();
    for (i, block) in cx.r.body.iter().enumerate() {
        // A person named in full in the writer's text counts as introduced.
        if let Block::Paragraph { text } = block {
            for p in &cx.r.people {
                if !p.name.trim().is_empty() && text.contains(p.name.trim()) {
                    introduced.insert(p.id.as_str(), true);
                }
            }
            continue;
        }
        let Block::Quote(q) = block else { continue };
        let Some(person) = people.get(q.speaker.as_str()) else {
            sink.whole(
                "quotes.speaker",
                format!("body[{i}].speaker"),
                if q.speaker.trim().is_empty() {
                    "the quote has no speaker".to_string()
                } else {
                    format!(
                        "the quote’s speaker “{}” is not one of the release’s people",
                        q.speaker
                    )
                },
                None,
            );
            continue;
        };
        let mut forms: Vec<(String, Attribution, bool)> = Vec::new();
        for (j, p) in q.paragraphs.iter().enumerate() {
            if let Some(l) = p.lead_in {
                forms.push((format!("body[{i}].paragraphs[{j}].leadIn"), l, true));
            }
            for (k, s) in p.segments.iter().enumerate() {
                if let Some(a) = s.attribution {
                    forms.push((
                        format!("body[{i}].paragraphs[{j}].segments[{k}].attribution"),
                        a,
                        false,
                    ));
                }
            }
        }
        let seen = introduced.entry(person.id.as_str()).or_insert(false);
        if forms.is_empty() {
            let form = if *seen {
                Attribution::SaidSurname
            } else {
                Attribution::SaidNameTitle
            };
            let fix =
                (!q.paragraphs.is_empty() && !q.paragraphs[0].segments.is_empty()).then(|| {
                    Fix::one(
                        "Attribute the quote",
                        Edit::Set {
                            path: format!("body[{i}].paragraphs[0].segments[0].attribution"),
                            value: attr_value(form),
                        },
                    )
                });
            sink.whole(
                "quotes.unattributed",
                format!("body[{i}]"),
                format!(
                    "the quote by {} is never attributed in the text",
                    person.name.trim()
                ),
                fix,
            );
            *seen = true;
            continue;
        }
        for (path, form, lead) in forms {
            let untitled = person.title.trim().is_empty();
            if !*seen {
                if is_full(form) || (untitled && names_person(form)) {
                    *seen = true;
                    continue;
                }
                let fix = (!lead).then(|| {
                    Fix::one(
                        "Give the full name and title",
                        Edit::Set {
                            path: path.clone(),
                            value: attr_value(Attribution::SaidNameTitle),
                        },
                    )
                });
                sink.whole(
                    "quotes.first-mention",
                    path,
                    format!(
                        "the first mention of {} should give the full name and title",
                        person.name.trim()
                    ),
                    fix,
                );
                *seen = true;
            } else if is_full(form) {
                let short = if form == Attribution::NameTitleSaid {
                    Attribution::SurnameSaid
                } else {
                    Attribution::SaidSurname
                };
                sink.whole(
                    "quotes.later-mention",
                    path.clone(),
                    format!(
                        "{} was introduced already; later mentions use the surname, pronoun or role",
                        person.name.trim()
                    ),
                    Some(Fix::one(
                        format!("Use the surname ({})", person.surname()),
                        Edit::Set { path, value: attr_value(short) },
                    )),
                );
            }
        }
    }
}

/// Opening and closing marks balance within a text; an unclosed quote may run
/// on into the next paragraph if that paragraph opens with a mark.
fn balance(cx: &Cx, sink: &mut Sink) {
    if !sink.on("quotes.unbalanced") {
        return;
    }
    for (n, field) in cx.fields.iter().enumerate() {
        if let Some((range, why)) = imbalance(field.text) {
            let continued = why == Imbalance::Unclosed
                && field.kind == FieldKind::Paragraph
                && cx.fields.get(n + 1).is_some_and(|next: &Field| {
                    next.kind == FieldKind::Paragraph
                        && next.text.trim_start().starts_with(['“', '«', '"'])
                });
            if !continued {
                let msg = match why {
                    Imbalance::Unclosed => "this quotation mark is never closed",
                    Imbalance::Unopened => "this closing quotation mark has no opening mark",
                    Imbalance::OddStraight => "the straight quotation marks do not pair up",
                };
                sink.at("quotes.unbalanced", field, range, msg, None);
            }
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Imbalance {
    Unclosed,
    Unopened,
    OddStraight,
}

fn imbalance(text: &str) -> Option<(std::ops::Range<usize>, Imbalance)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut straight = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '“' | '«' => stack.push((i, c)),
            '”' | '»' => {
                let want = if c == '”' { '“' } else { '«' };
                match stack.last() {
                    Some(&(_, o)) if o == want => {
                        stack.pop();
                    }
                    _ => return Some((i..i + c.len_utf8(), Imbalance::Unopened)),
                }
            }
            '"' => straight.push(i),
            _ => {}
        }
    }
    if let Some(&(i, c)) = stack.first() {
        return Some((i..i + c.len_utf8(), Imbalance::Unclosed));
    }
    if straight.len() % 2 == 1 {
        let i = straight[straight.len() - 1];
        return Some((i..i + 1, Imbalance::OddStraight));
    }
    None
}

/// Straight marks in a release that also uses curly ones (or the reverse for apostrophes).
fn mixed(cx: &Cx, sink: &mut Sink) {
    if !sink.on("quotes.mixed-marks") {
        return;
    }
    let (mut straight_d, mut curly_d, mut straight_a, mut curly_a) = (0, 0, 0, 0);
    for f in cx.fields {
        for c in f.text.chars() {
            match c {
                '"' => straight_d += 1,
                '“' | '”' | '«' | '»' => curly_d += 1,
                '\'' => straight_a += 1,
                '’' | '‘' => curly_a += 1,
                _ => {}
            }
        }
    }
    // The renderer prints quote blocks with curly marks: a release with quotes uses curly.
    if cx.r.body.iter().any(|b| matches!(b, Block::Quote(_))) {
        curly_d += 1;
    }
    let fr = cx.lang == "fr";
    for f in cx.fields {
        let mut prev: Option<char> = None;
        for (i, c) in f.text.char_indices() {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
            if c == '"' && straight_d > 0 && curly_d > 0 {
                let to = match (opening, fr) {
                    (true, false) => "“",
                    (false, false) => "”",
                    (true, true) => "«\u{202f}",
                    (false, true) => "\u{202f}»",
                };
                sink.at(
                    "quotes.mixed-marks",
                    f,
                    i..i + 1,
                    "a straight quotation mark in a release that uses curly ones",
                    Some(Fix::one(
                        format!("Change to {}", to.trim()),
                        Edit::replace(&f.path, f.text, i..i + 1, to),
                    )),
                );
            } else if c == '\'' && straight_a > 0 && curly_a > 0 {
                let to = if opening { "‘" } else { "’" };
                sink.at(
                    "quotes.mixed-marks",
                    f,
                    i..i + 1,
                    "a straight apostrophe in a release that uses curly ones",
                    Some(Fix::one(
                        format!("Change to {to}"),
                        Edit::replace(&f.path, f.text, i..i + 1, to),
                    )),
                );
            }
            prev = Some(c);
        }
    }
}
