//! House style in running text: numbers, date order, double spaces, repeated
//! words, banned words and jargon, exclamation marks, first person and direct
//! address outside quotes.

use std::collections::HashMap;

use regex::Regex;

use super::calendar::{dates, Order};
use super::{match_case, Cx, Sink};
use crate::fields::{inside, quoted_ranges, words, Field, FieldKind};
use crate::finding::{Edit, Fix};
use crate::profile::{DateOrder, MonthStyle, WordRules};

/// The profile's banned words and jargon, compiled once per [`crate::Linter`].
#[derive(Debug, Clone)]
pub(crate) struct WordMatcher {
    banned: Option<Regex>,
    jargon: Option<Regex>,
    plain: HashMap<String, String>,
}

fn alternation(words: impl Iterator<Item = String>) -> Option<Regex> {
    let alts: Vec<String> = words
        .filter(|w| !w.trim().is_empty())
        .map(|w| regex::escape(w.trim()))
        .collect();
    if alts.is_empty() {
        return None;
    }
    // Longest first, so "illegal immigrants" wins over "illegal immigrant".
    let mut alts = alts;
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    crate::pattern::compile(&format!(r"(?i)\b(?:{})\b", alts.join("|"))).ok()
}

impl WordMatcher {
    pub fn new(rules: &WordRules) -> WordMatcher {
        WordMatcher {
            banned: alternation(rules.banned.iter().cloned()),
            jargon: alternation(rules.jargon.keys().cloned()),
            plain: rules
                .jargon
                .iter()
                .map(|(k, v)| (k.trim().to_lowercase(), v.clone()))
                .collect(),
        }
    }
}

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    let en = cx.lang == "en";
    for field in cx.fields {
        let quoted = if field.kind.is_narrative() {
            quoted_ranges(field.text)
        } else {
            Vec::new()
        };
        spaces_and_repeats(field, sink);
        banned_and_jargon(cx, field, sink);
        if field.kind.is_narrative() {
            voice(cx, field, &quoted, sink);
        }
        if en && field.kind != FieldKind::QuoteText {
            date_order(cx, field, sink);
            if !matches!(
                field.kind,
                FieldKind::Headline
                    | FieldKind::Subheadline
                    | FieldKind::Heading
                    | FieldKind::BoilerplateTitle
            ) {
                numbers(cx, field, sink);
            }
        }
    }
}

fn spaces_and_repeats(field: &Field, sink: &mut Sink) {
    let t = field.text;
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            let start = i;
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
            let inner =
                start > 0 && bytes[start - 1] != b'\n' && i < bytes.len() && bytes[i] != b'\n';
            if inner {
                sink.at(
                    "style.double-space",
                    field,
                    start..i,
                    "a double space",
                    Some(Fix::one(
                        "Use one space",
                        Edit::replace(&field.path, t, start..i, " "),
                    )),
                );
            }
        } else {
            i += 1;
        }
    }
    if !sink.on("style.repeated-word") {
        return;
    }
    let mut prev: Option<(std::ops::Range<usize>, &str)> = None;
    for (range, w) in words(t) {
        if let Some((pr, pw)) = &prev {
            let gap = &t[pr.end..range.start];
            if !gap.is_empty()
                && gap.chars().all(|c| c == ' ')
                && pw.eq_ignore_ascii_case(w)
                && w.chars().any(|c| c.is_alphabetic())
            {
                sink.at(
                    "style.repeated-word",
                    field,
                    pr.start..range.end,
                    format!("“{w}” is repeated"),
                    Some(Fix::one(
                        format!("Remove the second “{w}”"),
                        Edit::replace(&field.path, t, pr.end..range.end, ""),
                    )),
                );
            }
        }
        prev = Some((range, w));
    }
}

fn banned_and_jargon(cx: &Cx, field: &Field, sink: &mut Sink) {
    if let Some(re) = &cx.words.banned {
        for m in re.find_iter(field.text) {
            sink.at(
                "style.banned-word",
                field,
                m.range(),
                format!("the house does not use “{}”", m.as_str()),
                None,
            );
        }
    }
    if let Some(re) = &cx.words.jargon {
        for m in re.find_iter(field.text) {
            let Some(plain) = cx.words.plain.get(&m.as_str().to_lowercase()) else {
                continue;
            };
            let with = match_case(plain, m.as_str());
            sink.at(
                "style.jargon",
                field,
                m.range(),
                format!("“{}” is jargon; write “{with}”", m.as_str()),
                Some(Fix::one(
                    format!("Change to {with}"),
                    Edit::replace(&field.path, field.text, m.range(), with.clone()),
                )),
            );
        }
    }
}

/// Exclamation marks, first person and direct address in the writer's own voice.
fn voice(cx: &Cx, field: &Field, quoted: &[std::ops::Range<usize>], sink: &mut Sink) {
    for (i, c) in field.text.char_indices() {
        if c == '!' && !inside(quoted, i) && !field.text[i + 1..].starts_with('[') {
            sink.at(
                "style.exclamation",
                field,
                i..i + 1,
                "no exclamation marks outside quotes",
                None,
            );
        }
    }
    let (first_on, you_on) = (
        sink.on("style.first-person"),
        sink.on("style.direct-address"),
    );
    if !(first_on || you_on) || cx.lang != "en" {
        return;
    }
    let mut prev: Option<&str> = None;
    for (range, w) in words(field.text) {
        let lower = w.to_lowercase();
        let first = match w {
            "I" => !prev
                .is_some_and(|p| p.chars().next().is_some_and(char::is_uppercase) && p.len() > 1),
            "us" | "Us" => true,
            _ => matches!(
                lower.as_str(),
                "we" | "our"
                    | "ours"
                    | "ourselves"
                    | "my"
                    | "me"
                    | "myself"
                    | "i'm"
                    | "i’m"
                    | "we're"
                    | "we’re"
                    | "we've"
                    | "we’ve"
            ),
        };
        let you = matches!(
            lower.as_str(),
            "you" | "your" | "yours" | "yourself" | "yourselves" | "you're" | "you’re"
        );
        if !inside(quoted, range.start) {
            if first {
                sink.at(
                    "style.first-person",
                    field,
                    range.clone(),
                    format!(
                        "“{w}”: first person belongs in quotes, not in the release’s own voice"
                    ),
                    None,
                );
            } else if you {
                sink.at(
                    "style.direct-address",
                    field,
                    range.clone(),
                    format!("“{w}” addresses the reader; a release reports"),
                    None,
                );
            }
        }
        prev = Some(w);
    }
}

fn date_order(cx: &Cx, field: &Field, sink: &mut Sink) {
    if !sink.on("style.date-format") {
        return;
    }
    let want = cx.profile.dates.order;
    let ap = cx.profile.dates.months == MonthStyle::Ap;
    for m in dates("en", field.text) {
        let wrong = matches!(
            (want, m.order),
            (DateOrder::DayMonthYear, Order::MonthDay) | (DateOrder::MonthDayYear, Order::DayMonth)
        );
        if !wrong {
            continue;
        }
        let start = m.day_range.start.min(m.month_range.start);
        let month = super::dateline::month_form(m.month, ap);
        let year = m.year.map(|y| y.to_string());
        let with = match (want, year) {
            (DateOrder::DayMonthYear, Some(y)) => format!("{} {month} {y}", m.day),
            (DateOrder::DayMonthYear, None) => format!("{} {month}", m.day),
            (DateOrder::MonthDayYear, Some(y)) => format!("{month} {}, {y}", m.day),
            (DateOrder::MonthDayYear, None) => format!("{month} {}", m.day),
        };
        let range = start..m.range.end;
        sink.at(
            "style.date-format",
            field,
            range.clone(),
            format!("the house writes dates as “{with}”"),
            Some(Fix::one(
                format!("Change to {with}"),
                Edit::replace(&field.path, field.text, range, with.clone()),
            )),
        );
    }
}

const ONES: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS_AND_TENS: [(&str, u32); 18] = [
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words before a figure that make it a label, not a count ("article 5", "phase 2").
const LABELS: &[&str] = &[
    "article",
    "articles",
    "part",
    "paragraph",
    "para",
    "section",
    "chapter",
    "resolution",
    "page",
    "pages",
    "no",
    "number",
    "room",
    "level",
    "phase",
    "step",
    "rule",
    "annex",
    "item",
    "table",
    "figure",
    "version",
    "grade",
    "category",
    "class",
    "stage",
    "round",
    "route",
    "line",
    "gate",
    "platform",
    "principle",
    "goal",
    "sdg",
    "protocol",
    "appendix",
    "point",
    "clause",
    "volume",
    "issue",
    "session",
    "term",
    "act",
];

/// Words after a figure that keep it a figure (units, percentages, money, ages).
const UNITS: &[&str] = &[
    "percent",
    "per",
    "km",
    "kg",
    "m",
    "cm",
    "mm",
    "mw",
    "mwh",
    "gw",
    "gwh",
    "kw",
    "kwh",
    "mph",
    "am",
    "pm",
    "million",
    "billion",
    "trillion",
    "p",
    "x",
    "years-old",
    "year-old",
    "°c",
    "°f",
];

fn numbers(cx: &Cx, field: &Field, sink: &mut Sink) {
    let rules = &cx.profile.numbers;
    let (spell_on, fig_on) = (
        rules.spell_out_below > 0 && sink.on("style.numbers"),
        rules.figures_from > 0 && sink.on("style.numbers"),
    );
    if !spell_on && !fig_on {
        return;
    }
    let t = field.text;
    let all: Vec<_> = words(t).collect();
    for (n, (range, w)) in all.iter().enumerate() {
        let prev_word = n.checked_sub(1).map(|p| all[p].1.to_lowercase());
        let next_word = all.get(n + 1).map(|x| x.1.to_lowercase());
        let before = t[..range.start].chars().next_back();
        let after = t[range.end..].chars().next();
        let sentence_start = t[..range.start].trim_end().is_empty()
            || t[..range.start].trim_end().ends_with(['.', '!', '?', ':']);
        if spell_on && w.bytes().all(|b| b.is_ascii_digit()) {
            let Ok(v) = w.parse::<u32>() else { continue };
            if v == 0 || v >= rules.spell_out_below || v > 9 {
                continue;
            }
            let glued = before.is_some_and(|c| "$€£¥#.,:/+-−–%".contains(c) || c.is_alphanumeric())
                || after.is_some_and(|c| {
                    ".,:/%-–°".contains(c)
                        && t[range.end + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
                        || "%°-–/".contains(c)
                        || c.is_alphanumeric()
                });
            let label = prev_word.as_deref().is_some_and(|p| LABELS.contains(&p));
            let unit = next_word
                .as_deref()
                .is_some_and(|x| UNITS.contains(&x) || month_word(x));
            let month_before = prev_word.as_deref().is_some_and(month_word);
            if glued || label || unit || month_before || w.contains('-') {
                continue;
            }
            let spelled = ONES[v as usize];
            let with = if sentence_start {
                match_case(spelled, "A")
            } else {
                spelled.to_string()
            };
            sink.at(
                "style.numbers",
                field,
                range.clone(),
                format!(
                    "the house spells out numbers below {}: “{with}”",
                    rules.spell_out_below
                ),
                Some(Fix::one(
                    format!("Change to {with}"),
                    Edit::replace(&field.path, t, range.clone(), with.clone()),
                )),
            );
        } else if fig_on && !sentence_start {
            let lower = w.to_lowercase();
            let value = spelled_value(&lower);
            let Some(v) = value else { continue };
            let big = next_word.as_deref().is_some_and(|x| {
                matches!(
                    x,
                    "hundred" | "thousand" | "million" | "billion" | "trillion"
                )
            });
            if v < rules.figures_from || big || prev_word.as_deref() == Some("the") {
                continue;
            }
            sink.at(
                "style.numbers",
                field,
                range.clone(),
                format!(
                    "the house writes numbers from {} in figures: “{v}”",
                    rules.figures_from
                ),
                Some(Fix::one(
                    format!("Change to {v}"),
                    Edit::replace(&field.path, t, range.clone(), v.to_string()),
                )),
            );
        }
    }
}

fn month_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    super::calendar::EN_MONTHS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(w))
        || [
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        ]
        .contains(&w)
}

/// The value of a spelled-out English number from ten to ninety-nine.
fn spelled_value(w: &str) -> Option<u32> {
    let (tens, ones) = match w.split_once(['-', '‑']) {
        Some((a, b)) => (a, Some(b)),
        None => (w, None),
    };
    let t = TEENS_AND_TENS.iter().find(|(s, _)| *s == tens)?.1;
    match ones {
        None => Some(t),
        Some(o) if t >= 20 => {
            let o = ONES.iter().position(|s| *s == o)? as u32;
            (o > 0).then_some(t + o)
        }
        Some(_) => None,
    }
}
