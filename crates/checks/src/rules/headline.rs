//! Headline checks: length, no final full stop, and the house's case.

use std::collections::HashSet;

use super::{Cx, Sink};
use crate::fields::words;
use crate::finding::{Edit, Fix, Severity};
use crate::profile::HeadlineCase;

/// Words title case leaves in lower case (unless first or last).
const SMALL: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "over",
];

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    let h = cx.r.headline.as_str();
    let rules = &cx.profile.headline;
    let n = h.trim().chars().count();
    if n > rules.hard_max_chars {
        sink.raised(
            "headline.length",
            Severity::Error,
            "headline",
            format!(
                "the headline has {n} characters; the house allows at most {}",
                rules.hard_max_chars
            ),
        );
    } else if n > rules.max_chars {
        sink.whole(
            "headline.length",
            "headline",
            format!(
                "the headline has {n} characters; the house wants at most {}",
                rules.max_chars
            ),
            None,
        );
    }
    let trimmed = h.trim_end();
    if trimmed.ends_with('.') && !trimmed.ends_with("..") && !ends_with_abbreviation(trimmed) {
        let at = trimmed.len() - 1;
        sink.at_text(
            "headline.final-stop",
            "headline",
            h,
            at..trimmed.len(),
            "a headline takes no final full stop",
            Some(Fix::one(
                "Remove the full stop",
                Edit::replace("headline", h, at..trimmed.len(), ""),
            )),
        );
    }
    match rules.case {
        HeadlineCase::Any => {}
        HeadlineCase::Sentence => sentence_case(cx, sink, h),
        HeadlineCase::Title => title_case(sink, h),
    }
}

fn ends_with_abbreviation(h: &str) -> bool {
    let last = h.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(
        last,
        "Inc." | "Ltd." | "Co." | "Corp." | "Jr." | "Sr." | "S.A." | "U.S." | "etc."
    ) || last.trim_end_matches('.').contains('.')
}

/// Names the release knows: people, organisation, dateline places.
fn known_names(cx: &Cx) -> HashSet<String> {
    let mut names = HashSet::new();
    let mut add = |s: &str| {
        for (_, w) in words(s) {
            names.insert(w.to_string());
        }
    };
    for p in &cx.r.people {
        add(&p.name);
    }
    add(&cx.r.meta.organisation);
    if let Some(d) = &cx.r.dateline {
        for p in &d.places {
            add(&p.city);
        }
    }
    names
}

/// Sentence case: flagged when most words after the first are capitalised and
/// are not names the release knows or acronyms.
fn sentence_case(cx: &Cx, sink: &mut Sink, h: &str) {
    let names = known_names(cx);
    let mut content = 0;
    let mut capitalised = 0;
    let mut after_colon = true;
    let mut last_end = 0;
    for (range, w) in words(h) {
        let gap = &h[last_end..range.start];
        if gap.contains(':') || gap.contains('?') || gap.contains('!') {
            after_colon = true;
        }
        last_end = range.end;
        let first = std::mem::replace(&mut after_colon, false);
        let lower = w.to_lowercase();
        if first || SMALL.contains(&lower.as_str()) || w.chars().all(|c| !c.is_alphabetic()) {
            continue;
        }
        let acronym = w
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
        if acronym || names.contains(w) {
            continue;
        }
        content += 1;
        if w.chars().next().is_some_and(|c| c.is_uppercase()) {
            capitalised += 1;
        }
    }
    if content >= 3 && capitalised * 3 > content * 2 {
        sink.whole(
            "headline.case",
            "headline",
            "the house writes headlines in sentence case: capitalise only the first word and names",
            None,
        );
    }
}

/// Title case: every word capitalised except short function words inside.
fn title_case(sink: &mut Sink, h: &str) {
    let all: Vec<_> = words(h).collect();
    let mut fixed = h.to_string();
    let mut wrong = false;
    for (i, (range, w)) in all.iter().enumerate().rev() {
        let lower = w.to_lowercase();
        let edge = i == 0 || i + 1 == all.len();
        let want_small = !edge && SMALL.contains(&lower.as_str());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() {
            continue;
        }
        if !want_small && first.is_lowercase() {
            wrong = true;
            fixed.replace_range(range.clone(), &super::match_case(w, "A"));
        }
    }
    if wrong {
        sink.at_text(
            "headline.case",
            "headline",
            h,
            0..h.len(),
            "the house writes headlines in title case: capitalise every word but short function words",
            Some(Fix::one("Capitalise the headline", Edit::replace("headline", h, 0..h.len(), fixed))),
        );
    }
}
