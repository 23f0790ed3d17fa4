//! Finding the dateline at the head of the lead paragraph, in every style of
//! `dateline_core::dateline::DatelineStyle`, and turning it into places + date + style.
//!
//! Wire markers (`/PRNewswire/`, `(BUSINESS WIRE)`, `(GLOBE NEWSWIRE)`,
//! `(UN Headquarters)`, `(AP)`) are looked for first; then `PLACE (DATE) –`
//! (OHCHR), `PLACE, DATE –` (classic UN when day-first, AP when month-first),
//! and the EU Commission's `City, 31 October 2015` alone on its line.

use dateline_core::dateline::DatelineStyle;
use dateline_core::Place;

use crate::dates::{parse_date, DateOrder, PartialDate};
use crate::report::Confidence;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The places, as written in running text ("New York").
    pub places: Vec<Place>,
    /// The date; `None` when the dateline carries none (`WASHINGTON (AP) —`).
    pub date: Option<PartialDate>,
    /// The style it is written in.
    pub style: DatelineStyle,
    /// The text after the dateline (the lead), possibly empty.
    pub rest: String,
    /// How sure the match is.
    pub confidence: Confidence,
    /// The dateline as written (`MINNEAPOLIS--(BUSINESS WIRE)--Jun. 25, 2009--`).
    pub written: String,
}

/// How far into a paragraph a dateline may end (in bytes).
const SCAN: usize = 240;

/// Looks for a dateline at the start of `text`.
pub fn find(text: &str) -> Option<Found> {
    let text = text.trim();
    let mut f = styles(text)
        .or_else(|| place_org_dash(text))
        .or_else(|| place_region_acronym_stop(text))
        .or_else(|| place_day_agency(text))
        .or_else(|| place_date_agency(text))
        .or_else(|| date_place_punto(text))
        .or_else(|| {
            // A distributor's name inside the dateline (`/APO Group/`,
            // `(NOTICIAS NEWSWIRE)`, `/ PR Karma /`, `[Wire](url)`) and a
            // time after the date: read without them.
            let plain = strip_time(&unwired(text)?);
            let mut f = styles(&plain).or_else(|| date_place_punto(&plain))?;
            f.confidence = Confidence::Medium;
            Some(f)
        })
        .or_else(|| {
            // `LIMA (Perú), 8 de abril de 2026.`: the country in brackets
            // after the place, read without it.
            let plain = without_country(text)?;
            let mut f = styles(&plain).or_else(|| place_date_agency(&plain))?;
            f.confidence = Confidence::Medium;
            Some(f)
        })?;
    // `… — (NOTICIAS NEWSWIRE) — The …`: the distributor's name starts the rest.
    if let Some((0, end)) = marker_span(&f.rest).filter(|(s, _)| *s == 0) {
        let dashes = |c: char| matches!(c, '-' | '–' | '—' | ' ' | '\u{a0}');
        f.rest = f
            .rest
            .get(end..)
            .unwrap_or("")
            .trim_start_matches(dashes)
            .to_string();
    }
    f.written = text
        .strip_suffix(f.rest.as_str())
        .unwrap_or(text)
        .trim()
        .to_string();
    Some(f)
}

/// `SANTIAGO (Chile), 8 de abril …` → `SANTIAGO, 8 de abril …`: a bracketed
/// word or two of letters after a place of one to three words, before a comma.
fn without_country(text: &str) -> Option<String> {
    // `Lausanne [Switzerland], January 20 (NWI):`: square brackets too.
    let (open, shut) = match (text.find(" ("), text.find(" [")) {
        (Some(p), Some(b)) if b < p => (b, ']'),
        (None, Some(b)) => (b, ']'),
        (Some(p), _) => (p, ')'),
        _ => return None,
    };
    let open = Some(open).filter(|i| *i < 40)?;
    let close = open + text.get(open..)?.find(shut)?;
    let inside = text.get(open + 2..close)?;
    let place = text.get(..open)?;
    let after = text.get(close + 1..)?;
    let ok = (1..=3).contains(&place.split_whitespace().count())
        && (1..=2).contains(&inside.split_whitespace().count())
        && inside
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '.')
        && inside.starts_with(char::is_uppercase)
        && after.starts_with(',');
    ok.then(|| format!("{place}{after}"))
}

fn styles(text: &str) -> Option<Found> {
    wire(text)
        .or_else(|| paren_place_date(text))
        .or_else(|| ohchr(text))
        .or_else(|| comma_dash(text))
        .or_else(|| place_dash_date(text))
        .or_else(|| own_line(text))
        .or_else(|| comma_no_dash(text))
        .or_else(|| date_first(text))
        .or_else(|| date_dash(text))
        .or_else(|| place_space_date_dash(text))
        .or_else(|| place_only(text))
        .or_else(|| caps_place_colon(text))
}

/// `London 17 January 2026 - The group …`: a place and a date with no comma
/// between them, then a dash.
fn place_space_date_dash(text: &str) -> Option<Found> {
    let (i, sep) = [" - ", " – ", " — "]
        .iter()
        .filter_map(|s| text.find(s).filter(|i| *i < 60).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)?;
    let head = text.get(..i)?.trim();
    let digit = head.find(|c: char| c.is_ascii_digit())?;
    let city = head.get(..digit)?.trim();
    let date = parse_date(head.get(digit..)?)?;
    date.year?;
    let words = city.split_whitespace().count();
    if !(1..=3).contains(&words)
        || !city.chars().next().is_some_and(char::is_uppercase)
        || city.contains([',', '(', ')'])
        || crate::dates::month(city.split_whitespace().last()?).is_some()
        || crate::dates::is_weekday(city)
    {
        return None;
    }
    let places = places(city, false)?;
    let rest = text.get(i + sep.len()..)?;
    Some(found(
        places,
        Some(date),
        DatelineStyle::UnClassic,
        rest,
        Confidence::Medium,
    ))
}

/// Words that name a distributor, not a place or a date.
const WIRE_WORDS: [&str; 16] = [
    "wire", "press", "news", "group", "karma", "release", "media", "agenc", "prensa", "presse",
    ".ai", ".com", "apo", "noticias", "cnw", "ccn",
];

fn wire_name(s: &str) -> bool {
    let l = s.to_lowercase();
    let t = l.trim();
    !t.is_empty()
        && t.chars().count() <= 45
        && t.chars().any(char::is_alphabetic)
        && !t.contains("http")
        && WIRE_WORDS.iter().any(|w| t.contains(w))
}

/// `text` with a distributor's name taken out of its dateline, or `None` when
/// the head of `text` names none. Before a date the name gives way to a comma
/// (`HUDSON, FL / PR Karma / June 28` → `HUDSON, FL, June 28`), elsewhere to a
/// dash; a name and date set before the dateline go with it
/// (`(NewMediaWire) - September 03, 2026 - DALLAS, …`).
fn unwired(text: &str) -> Option<String> {
    let head = text.get(..SCAN.min(text.len())).unwrap_or(text);
    let (start, end) = marker_span(head)?;
    let dashes = |c: char| matches!(c, '-' | '–' | '—' | ' ' | '\u{a0}' | '|');
    let before = text.get(..start)?.trim_end_matches(dashes);
    let mut after = text.get(end..)?.trim_start_matches(dashes);
    // `MONTREAL, QUEBEC--(Wire - 14 déc. 2026) - …`: the date inside the brackets.
    let inner = text.get(start + 1..end - 1).unwrap_or("");
    if let Some((_, date)) = [" - ", " – ", " — "]
        .iter()
        .find_map(|s| inner.split_once(s))
        .filter(|(_, d)| parse_date(d).is_some())
    {
        if !before.is_empty() {
            return Some(format!("{before}, {} – {after}", date.trim()));
        }
    }
    if before.is_empty() {
        let (i, sep) = [" - ", " – ", " — "]
            .iter()
            .filter_map(|s| after.find(s).filter(|i| *i < 40).map(|i| (i, *s)))
            .min_by_key(|(i, _)| *i)?;
        parse_date(after.get(..i)?)?;
        return Some(after.get(i + sep.len()..)?.trim_start().to_string());
    }
    let dated = {
        let cut = after
            .find([' ', '\u{a0}'])
            .map(|_| strip_time(after))
            .unwrap_or_else(|| after.to_string());
        let first = [" - ", " – ", " — ", " -- "]
            .iter()
            .filter_map(|s| cut.find(s))
            .min()
            .unwrap_or(cut.len());
        cut.get(..first).and_then(parse_date).is_some()
    };
    if dated {
        after = after.trim_start();
        return Some(format!("{before}, {after}"));
    }
    Some(format!("{before} – {after}").trim().to_string())
}

/// Where a distributor's name stands in `head`: `/Name/`, `(Name)` or a
/// Markdown link `[Name](url)`.
fn marker_span(head: &str) -> Option<(usize, usize)> {
    if let Some(open) = head.find('[') {
        let close = open + head.get(open..)?.find("](")?;
        let end = close + head.get(close..)?.find(')')? + 1;
        if wire_name(head.get(open + 1..close)?) {
            return Some((open, end));
        }
    }
    // `NEW YORK, US - Media OutReach Newswire - 24 July 2026 - …`: a name between dashes.
    for sep in [" - ", " – ", " — "] {
        let mut at = 0;
        for (k, seg) in head.split(sep).enumerate().take(4) {
            // Only a wire's name here: `Jane Doe - Press officer - 4 May` is a signature.
            if k > 0
                && seg.split_whitespace().count() <= 5
                && wire_name(seg)
                && seg.to_lowercase().contains("wire")
            {
                return Some((at, at + seg.len()));
            }
            at += seg.len() + sep.len();
        }
    }
    for (open, close) in [('/', '/'), ('(', ')')] {
        let mut from = 0;
        while let Some(i) = head.get(from..)?.find(open).map(|i| from + i) {
            let Some(j) = head.get(i + 1..)?.find(close).map(|j| i + 1 + j) else {
                break;
            };
            if wire_name(head.get(i + 1..j)?) {
                return Some((i, j + 1));
            }
            from = i + 1;
        }
    }
    None
}

/// `text` without a time written after the date of its dateline:
/// `June 28, 2026 10:45`, `Nov 23, 2026 @ 2:32 PM America/Phoenix —`.
fn strip_time(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    for (i, w) in words.iter().enumerate().take(30) {
        let t = w.trim_end_matches(',');
        let clock = t.split_once(':').is_some_and(|(h, m)| {
            !h.is_empty()
                && h.len() <= 2
                && h.chars().all(|c| c.is_ascii_digit())
                && m.len() >= 2
                && m.chars().take(2).all(|c| c.is_ascii_digit())
        });
        if !clock {
            continue;
        }
        let mut from = i;
        if i > 0 && matches!(words[i - 1], "@" | "at" | "à" | "a" | "las") {
            from -= 1;
        }
        // Only after a year: `2026 10:45`.
        let year_before = from > 0
            && words[from - 1]
                .trim_end_matches(',')
                .chars()
                .filter(char::is_ascii_digit)
                .count()
                == 4;
        if !year_before {
            return text.to_string();
        }
        let mut to = i + 1;
        while to < words.len() && to < i + 3 {
            let n = words[to].trim_end_matches(',');
            let zone = matches!(
                n.to_lowercase().as_str(),
                "am" | "pm" | "a.m." | "p.m." | "h"
            ) || (n.contains('/') && n.chars().next().is_some_and(char::is_uppercase))
                || (n.len() <= 5
                    && n.len() >= 2
                    && n.chars()
                        .all(|c| c.is_ascii_uppercase() || matches!(c, '(' | ')')));
            if !zone {
                break;
            }
            to += 1;
        }
        let mut out: Vec<&str> = words[..from].to_vec();
        out.extend_from_slice(&words[to..]);
        return out.join(" ");
    }
    text.to_string()
}

/// `Genève (CIAH) – …`: a place, the issuing organisation's acronym in
/// brackets and a dash, no date (the date is the document's).
fn place_org_dash(text: &str) -> Option<Found> {
    let open = text.find(" (").filter(|i| *i < 40)?;
    let close = open + text.get(open..)?.find(')')?;
    let org = text.get(open + 2..close)?;
    let acronym = (2..=10).contains(&org.chars().count())
        && org.chars().all(|c| c.is_uppercase() || c == '&')
        && org.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !acronym {
        return None;
    }
    let place = text.get(..open)?.trim();
    if place.split_whitespace().count() > 3 {
        return None;
    }
    let places = places(place, false)?;
    let rest = after_dash(text.get(close + 1..)?)?;
    // The lead follows: `Background (FAQ) – see below` is no dateline.
    undated_before_lead(places, rest)
}

/// An undated dateline of `places`, when a lead of six words or more follows
/// in `rest` (a short one is a heading, not a lead).
fn undated_before_lead(places: Vec<Place>, rest: &str) -> Option<Found> {
    if rest.split_whitespace().count() < 6 {
        return None;
    }
    Some(found(
        places,
        None,
        DatelineStyle::Ap,
        rest,
        Confidence::Medium,
    ))
}

/// `La Paz, Baja California Sur (BCS). Con …`: a city, its state and the
/// state's initials in brackets, closed by a full stop; no date (the date is
/// the document's).
fn place_region_acronym_stop(text: &str) -> Option<Found> {
    let end = text.find("). ").filter(|i| *i < 80)?;
    let open = text.get(..end)?.rfind(" (")?;
    let acronym = text.get(open + 2..end)?;
    let initials = (2..=6).contains(&acronym.chars().count())
        && acronym.chars().all(|c| c.is_uppercase() || c == '.');
    let (city, region) = text.get(..open)?.split_once(", ")?;
    let region_ok = region.split_whitespace().count() <= 4
        && region
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&w));
    if !initials || !region_ok || city.split_whitespace().count() > 3 {
        return None;
    }
    let places = places(&format!("{city}, {region}"), false)?;
    let rest = text.get(end + 3..)?.trim_start();
    undated_before_lead(places, rest)
}

/// `MADRID, 21 (AGENCIA)`: a Spanish agency's dateline, the day alone and the
/// agency in brackets; the month and year are the document's.
fn place_day_agency(text: &str) -> Option<Found> {
    let open = text.find(" (").filter(|i| *i < 50)?;
    let close = open + text.get(open..)?.find(')')?;
    let agency = text.get(open + 2..close)?;
    let caps = agency.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !agency.chars().any(char::is_lowercase);
    if !(caps || wire_name(agency)) {
        return None;
    }
    let (place, day) = text.get(..open)?.rsplit_once(", ")?;
    let day_ok = (1..=2).contains(&day.len())
        && day.chars().all(|c| c.is_ascii_digit())
        && day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    if !day_ok {
        return None;
    }
    let places = places(place.trim(), true)?;
    let after = text.get(close + 1..)?;
    let rest = after_dash(after).unwrap_or(after.trim_start());
    Some(found(
        places,
        None,
        DatelineStyle::Ap,
        rest,
        Confidence::Medium,
    ))
}

/// `Santiago 3 Mar. (AGENCIA) -`: a place and a day and month (the comma
/// before the date may be missing), then an agency's name in capitals in
/// brackets; the year is the document's.
fn place_date_agency(text: &str) -> Option<Found> {
    let open = text.find(" (").filter(|i| *i < 50)?;
    let close = open + text.get(open..)?.find(')')?;
    let agency = text.get(open + 2..close)?;
    let caps = agency.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !agency.chars().any(char::is_lowercase);
    if !(caps || wire_name(agency)) {
        return None;
    }
    let head = text.get(..open)?;
    let digit = head.find(|c: char| c.is_ascii_digit())?;
    let mut place = head.get(..digit)?.trim().trim_end_matches(',').trim();
    let mut date_text = head.get(digit..)?.trim();
    // `Lima, jul. 12 (AGENCIA).`: the month before the day.
    if let Some((p, m)) = place.rsplit_once(", ") {
        if crate::dates::month(m).is_some() {
            date_text = head.get(p.len() + 2..)?.trim();
            place = p.trim();
        }
    }
    let date = parse_date(date_text)?;
    if place.split_whitespace().count() > 3 || !city_ok(place, false) {
        return None;
    }
    let places = places(place, false)?;
    let after = text.get(close + 1..)?;
    // `(AGENCIA). La …`: a full stop closes the dateline; `(NWI): The …` a colon.
    let after = after
        .strip_prefix(". ")
        .or_else(|| after.strip_prefix(": "))
        .unwrap_or(after);
    let rest = after_dash(after).unwrap_or(after.trim_start());
    Some(found(
        places,
        Some(date),
        DatelineStyle::Ap,
        rest,
        Confidence::Medium,
    ))
}

/// `12 de diciembre de 2026.- Madrid .- La Academia …`: the date first, then
/// the place, each closed by `.-`.
fn date_place_punto(text: &str) -> Option<Found> {
    const PUNTO: [&str; 3] = [".-", ".–", ".—"];
    let (i, sep) = PUNTO
        .iter()
        .filter_map(|s| text.find(s).filter(|i| *i < 60).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)?;
    let date = parse_date(text.get(..i)?)?;
    date.year?;
    let after = text.get(i + sep.len()..)?;
    let (j, sep2) = PUNTO
        .iter()
        .filter_map(|s| after.find(s).filter(|j| *j < 50).map(|j| (j, *s)))
        .min_by_key(|(j, _)| *j)?;
    let places = places(after.get(..j)?.trim(), false)?;
    let rest = after.get(j + sep2.len()..)?;
    Some(found(
        places,
        Some(date),
        DatelineStyle::UnClassic,
        rest,
        Confidence::Medium,
    ))
}

/// After a dateline: a dash (`--`, `—`, `–`, `-`) and the lead. `None` when no dash.
fn after_dash(s: &str) -> Option<&str> {
    let s = s.trim_start_matches([' ', '\u{a0}']);
    // `(Ciudad de México, 12 de marzo de 2026).- La …`: a stop before the dash.
    let s = s
        .strip_prefix('.')
        .filter(|r| r.starts_with(['-', '–', '—']))
        .unwrap_or(s);
    let rest = s
        .strip_prefix("--")
        .or_else(|| s.strip_prefix(['—', '–', '-', ':']))?;
    Some(rest.trim_start_matches([' ', '\u{a0}', '-']))
}

fn marker<'a>(text: &'a str, markers: &[&str]) -> Option<(&'a str, &'a str)> {
    let lower = text.get(..SCAN.min(text.len())).map(|s| s.to_lowercase());
    let head = lower.as_deref().unwrap_or(text);
    for m in markers {
        if let Some(i) = head.find(&m.to_lowercase()) {
            // Lower-casing keeps byte offsets for the ASCII markers used here.
            let before = text.get(..i)?;
            let after = text.get(i + m.len()..)?;
            return Some((before, after));
        }
    }
    None
}

const WIRE_DASHES: [char; 5] = ['-', '–', '—', ' ', '\u{a0}'];

fn wire(text: &str) -> Option<Found> {
    if let Some((before, after)) = marker(
        text,
        &[
            "--(BUSINESS WIRE)--",
            "-- (BUSINESS WIRE) --",
            "--(BUSINESS WIRE)-- ",
        ],
    ) {
        let places = places(before.trim(), true)?;
        let end = after.find("--")?;
        let date = parse_date(after.get(..end)?)?;
        let rest = after.get(end + 2..)?.trim_start();
        return Some(found(
            places,
            Some(date),
            DatelineStyle::BusinessWire,
            rest,
            Confidence::High,
        ));
    }
    // Reprints set the marker with other dashes, often with no date after it:
    // `RICHMOND, Va.–(BUSINESS WIRE)– Pinfall …`.
    if let Some((before, after)) = marker(text, &["(BUSINESS WIRE)"]) {
        let places = places(before.trim_end_matches(WIRE_DASHES).trim(), true)?;
        let after = after.trim_start_matches(WIRE_DASHES);
        let dated = after
            .find(['-', '–', '—'])
            .filter(|e| *e < 40)
            .and_then(|e| Some((parse_date(after.get(..e)?)?, after.get(e..)?)));
        let (date, rest) = match dated {
            Some((d, r)) => (Some(d), r.trim_start_matches(WIRE_DASHES)),
            None => (None, after),
        };
        return Some(found(
            places,
            date,
            DatelineStyle::BusinessWire,
            rest,
            Confidence::Medium,
        ));
    }
    if let Some((before, after)) = marker(text, &["/PRNewswire"]) {
        let (places, date) = places_date(before.trim())?;
        let slash = after.find('/')?;
        let rest =
            after_dash(after.get(slash + 1..)?).unwrap_or(after.get(slash + 1..)?.trim_start());
        return Some(found(
            places,
            Some(date),
            DatelineStyle::PrNewswire,
            rest,
            Confidence::High,
        ));
    }
    if let Some((before, after)) = marker(text, &["(GLOBE NEWSWIRE)"]) {
        let (places, date) = places_date(before.trim())?;
        let rest = after_dash(after).unwrap_or(after.trim_start());
        return Some(found(
            places,
            Some(date),
            DatelineStyle::GlobeNewswire,
            rest,
            Confidence::High,
        ));
    }
    if let Some((before, after)) = marker(
        text,
        &[
            "(UN Headquarters)",
            "(Siège de l’ONU)",
            "(Siège de l'ONU)",
            "(Sede de la ONU)",
        ],
    ) {
        let (places, date) = places_date(before.trim())?;
        let rest = after_dash(after).unwrap_or(after.trim_start());
        return Some(found(
            places,
            Some(date),
            DatelineStyle::UnHeadquarters,
            rest,
            Confidence::High,
        ));
    }
    if let Some((before, after)) = marker(text, &[" (AP) "]) {
        let places = places(before.trim(), true)?;
        let rest = after_dash(after)?;
        return Some(found(
            places,
            None,
            DatelineStyle::Ap,
            rest,
            Confidence::Medium,
        ));
    }
    None
}

fn ohchr(text: &str) -> Option<Found> {
    let open = text.find('(').filter(|i| *i < 120)?;
    let close = open + text.get(open..)?.find(')')?;
    let places = places(text.get(..open)?.trim(), true)?;
    let date = parse_date(text.get(open + 1..close)?)?;
    let after = text.get(close + 1..)?;
    let (rest, confidence) = match after_dash(after) {
        Some(r) => (r, Confidence::High),
        None => (after.trim_start(), Confidence::Medium),
    };
    Some(found(
        places,
        Some(date),
        DatelineStyle::UnOhchr,
        rest,
        confidence,
    ))
}

/// `head` without a closing `(ACRONYM)` or `(Wire name)`: `… 2026 (OSPA)` → `… 2026`.
fn without_issuer(head: &str) -> Option<&str> {
    let inner = head.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let name = inner.get(open + 2..)?;
    let acronym = (2..=10).contains(&name.chars().count())
        && name.chars().all(|c| c.is_uppercase() || c == '&')
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    // `(elpuerto.example)`: a news site's address.
    let site = !name.contains(' ')
        && name.split('.').count() >= 2
        && name.split('.').all(|p| !p.is_empty())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
    // `Dakar, 22 septembre 2026 (Fondation Enfance Solidaire Sahel) –`: the
    // issuer's full name, its words capitalised but for the small ones.
    const SMALL: [&str; 16] = [
        "de", "du", "des", "la", "le", "les", "et", "of", "the", "and", "for", "y", "del", "el",
        "para", "pour",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let full_name = (2..=8).contains(&words.len())
        && name.chars().count() <= 70
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '.'))
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                || SMALL.contains(&w.to_lowercase().as_str())
                || ["d'", "d’", "l'", "l’"].iter().any(|a| w.starts_with(a))
        })
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            >= 2;
    (acronym || site || wire_name(name) || full_name)
        .then(|| inner.get(..open))
        .flatten()
}

/// `(New York, May 30, 2026) Verdania's government …`: the place and the
/// date in brackets opening the lead, with or without a dash after them.
fn paren_place_date(text: &str) -> Option<Found> {
    let inner = text.strip_prefix('(')?;
    let close = inner.find(')').filter(|i| *i < 80)?;
    let after = inner.get(close + 1..)?;
    let Some((places, date)) = places_date_any_case(inner.get(..close)?.trim()) else {
        let within = inner.get(..close)?.trim();
        // `(Beirut) – Tessalian authorities …`: the place alone in brackets,
        // a dash and the lead (the date is the document's).
        const NOT_PLACES: [&str; 10] = [
            "photo",
            "video",
            "audio",
            "update",
            "updated",
            "correction",
            "corrected",
            "reuters",
            "afp",
            "ap",
        ];
        if let Some(rest) = after_dash(after) {
            let word = within.to_lowercase();
            if within.split_whitespace().count() <= 3
                && !NOT_PLACES.contains(&word.as_str())
                && !wire_name(within)
                && rest.split_whitespace().count() >= 6
            {
                if let Some(places) = places(within, false) {
                    return Some(found(
                        places,
                        None,
                        DatelineStyle::Ap,
                        rest,
                        Confidence::Medium,
                    ));
                }
            }
        }
        // `(Tucson, AZ) October 25, 2026`: the place in brackets, the date after them.
        let places = places(within, false)?;
        let t = after.trim().trim_end_matches(['.', ' ']);
        let (date, rest) = match DASHES.iter().find_map(|d| t.split_once(d)) {
            Some((d, r)) => (parse_date(d)?, r),
            None => (parse_date(t)?, ""),
        };
        date.year?;
        return Some(found(
            places,
            Some(date),
            DatelineStyle::Ap,
            rest,
            Confidence::Medium,
        ));
    };
    date.year?;
    let rest = after_dash(after).unwrap_or(after.trim_start());
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let style = match date.order {
        DateOrder::DayFirst => DatelineStyle::UnClassic,
        DateOrder::MonthFirst => DatelineStyle::Ap,
    };
    Some(found(places, Some(date), style, rest, Confidence::Medium))
}

fn comma_dash(text: &str) -> Option<Found> {
    // `.-` and `.–` end Spanish datelines: `Ciudad de México, 5 de abril de 2026.- La …`.
    for sep in [
        " – ",
        " — ",
        " -- ",
        " - ",
        "—",
        " –\u{a0}",
        "--",
        ".- ",
        ".– ",
        ".— ",
        ": ",
        // A dash set tight against a quotation: `NEW YORK, 7 May 2026 –"Excellencies, …`.
        " –",
        " —",
    ] {
        let Some(i) = text.find(sep).filter(|i| *i < SCAN) else {
            continue;
        };
        let head = text.get(..i)?.trim();
        // `Ciudad de Panamá, 3 de mayo de 2026 (OSPA).-`: the issuer's acronym
        // or a wire's name in brackets after the date.
        let issuer = without_issuer(head);
        let head = issuer.unwrap_or(head);
        let Some((places, date)) = places_date(head) else {
            continue;
        };
        // No year (`LONDON, England, June 5 --`, relayed copy): only with the
        // place in capitals, the year comes from the document.
        let caps_place = head
            .split(',')
            .next()
            .is_some_and(|c| !c.chars().any(char::is_lowercase));
        // An agency's or site's name in brackets marks a dateline too
        // (`San José, 01 ago (elpuerto.example) –`).
        if date.year.is_none() && !caps_place && issuer.is_none() {
            continue;
        }
        let rest = text.get(i + sep.len()..)?.trim_start();
        let style = match date.order {
            DateOrder::DayFirst => DatelineStyle::UnClassic,
            DateOrder::MonthFirst => DatelineStyle::Ap,
        };
        let confidence = if sep == ": " {
            Confidence::Medium
        } else {
            Confidence::High
        };
        return Some(found(places, Some(date), style, rest, confidence));
    }
    None
}

const DASHES: [&str; 6] = [" – ", " — ", " -- ", " - ", " —", " –"];
/// After the date: the same, or a dash set tight against it (`—26 March 2019— The`).
const DASHES_AFTER: [&str; 8] = [" – ", " — ", " -- ", " - ", "— ", "– ", "—", "–"];

/// `AUSTIN, Texas – June 10, 2025 – …`: places, a dash, the date, a dash;
/// also `Wakefield, MA —26 March 2019— …` and a web address as the place.
fn place_dash_date(text: &str) -> Option<Found> {
    for sep in DASHES {
        let Some(i) = text.find(sep).filter(|i| *i < 80) else {
            continue;
        };
        let head = text.get(..i)?.trim();
        let places = match web_place(head) {
            Some(p) => vec![p],
            None => places(head, true)?,
        };
        if !head.split(',').next()?.chars().any(char::is_uppercase) && web_place(head).is_none() {
            return None;
        }
        let after = text.get(i + sep.len()..)?;
        for sep2 in DASHES_AFTER {
            let Some(j) = after.find(sep2).filter(|j| *j < 40) else {
                continue;
            };
            let Some(date) = parse_date(after.get(..j)?) else {
                continue;
            };
            date.year?;
            let rest = after.get(j + sep2.len()..)?;
            let style = match date.order {
                DateOrder::DayFirst => DatelineStyle::UnClassic,
                DateOrder::MonthFirst => DatelineStyle::Ap,
            };
            return Some(found(places, Some(date), style, rest, Confidence::Medium));
        }
    }
    None
}

/// `BOSTON – …` or `WASHINGTON — …`: a place in capitals and a dash, no date
/// (the date must come from elsewhere).
fn place_only(text: &str) -> Option<Found> {
    // `México, D.F.- La organización …`: a Spanish place closed by `.-`, no date.
    if let Some(i) = text.find(".- ").filter(|i| *i < 40) {
        // `D.F.-`: the abbreviation keeps its last point.
        let abbrev = text.get(..i)?.ends_with(char::is_uppercase)
            && text
                .get(..i)?
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.contains('.'));
        let head = text.get(..i + usize::from(abbrev))?.trim();
        let rest = text.get(i + 3..)?;
        let words: Vec<&str> = head.split_whitespace().collect();
        // A city and its region: a speaker's label (`Portavoz.- Buenos días`)
        // has no comma.
        if (2..=4).contains(&words.len())
            && head.contains(", ")
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && rest.starts_with(char::is_uppercase)
            && crate::dates::month(words[0].trim_end_matches(',')).is_none()
        {
            if let Some(places) = places(head, false) {
                return Some(found(
                    places,
                    None,
                    DatelineStyle::UnClassic,
                    rest,
                    Confidence::Low,
                ));
            }
        }
    }
    if let Some(f) = place_dash_glued(text) {
        return Some(f);
    }
    for sep in [" — ", " – ", " -- ", "—"] {
        let Some(i) = text.find(sep).filter(|i| *i < 60) else {
            continue;
        };
        let head = text.get(..i)?.trim();
        let city = head.split(',').next()?;
        // Capitals, or (an em dash after it) one capitalised word that is no
        // opening word of a sentence: "Today –" or "Meanwhile —" are not places.
        const NOT_PLACES: [&str; 12] = [
            "Today",
            "Yesterday",
            "Meanwhile",
            "Update",
            "Note",
            "Background",
            "Summary",
            "Hoy",
            "Ayer",
            "Aujourd'hui",
            "Hier",
            "Résumé",
        ];
        // An en dash after one capitalised word too, when a lead of six
        // words or more follows (`Ginebra – La directora general …`).
        let long_lead = text
            .get(i + sep.len()..)
            .is_some_and(|r| r.split_whitespace().count() >= 6);
        let word_city = (sep.contains('—') || (sep == " – " && long_lead))
            && !city.contains(' ')
            && head == city
            && city.chars().next().is_some_and(char::is_uppercase)
            && city.chars().skip(1).all(char::is_lowercase)
            && !NOT_PLACES.contains(&city)
            && crate::dates::month(city).is_none()
            && !crate::dates::is_weekday(city)
            && text
                .get(i + sep.len()..)
                .is_some_and(|r| r.trim_start().starts_with(char::is_uppercase));
        if !word_city
            && (city.chars().any(char::is_lowercase)
                || city.chars().filter(|c| c.is_alphabetic()).count() < 3)
        {
            return None;
        }
        let places = places(head, !word_city)?;
        let rest = text.get(i + sep.len()..)?;
        return Some(found(
            places,
            None,
            DatelineStyle::Ap,
            rest,
            Confidence::Low,
        ));
    }
    None
}

/// Words that open a paragraph as a label, not as a place: `NOTE:`, `UPDATE -`.
const LABELS: [&str; 40] = [
    "what",
    "when",
    "where",
    "who",
    "why",
    "how",
    "about",
    "press",
    "rsvp",
    "quoi",
    "quand",
    "où",
    "qui",
    "qué",
    "cuándo",
    "dónde",
    "quién",
    "note",
    "notes",
    "update",
    "updated",
    "editor",
    "editors",
    "embargo",
    "embargoed",
    "correction",
    "contact",
    "contacts",
    "media",
    "attention",
    "background",
    "summary",
    "photo",
    "video",
    "nota",
    "aviso",
    "actualización",
    "résumé",
    "contexto",
    "important",
];

/// The place words of an undated dateline: one to four words, each
/// capitalised (particles aside), not a label, weekday or month.
fn place_words(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && city_ok(head, false)
        && !words
            .iter()
            .any(|w| LABELS.contains(&w.to_lowercase().as_str()))
        && crate::dates::month(words[0]).is_none()
        && !crate::dates::is_weekday(words[0])
}

/// `Nairobi-  Le programme …`, `DAKAR– La …`: a place with the dash set
/// tight against it, then spaces and a lead of six words or more.
fn place_dash_glued(text: &str) -> Option<Found> {
    let i = text.find(['-', '–', '—']).filter(|i| *i < 40)?;
    let head = text.get(..i)?;
    let dash = text.get(i..)?.chars().next()?;
    let rest = text.get(i + dash.len_utf8()..)?;
    // `Portavoz.- Buenos días`: a speaker's label closed by `.-`, no place.
    if head.ends_with(char::is_whitespace)
        || head.ends_with('.')
        || !rest.starts_with(char::is_whitespace)
    {
        return None;
    }
    let rest = rest.trim_start();
    if !place_words(head) || !rest.starts_with(char::is_uppercase) {
        return None;
    }
    undated_before_lead(places(head, false)?, rest)
}

/// `PUNTA BRAVA: Researchers …`, `NAIROBI, Kenya: The …`: a place in
/// capitals and a colon opening the lead.
fn caps_place_colon(text: &str) -> Option<Found> {
    let i = text.find(": ").filter(|i| *i < 50)?;
    let head = text.get(..i)?.trim();
    let city = head.split(',').next()?.trim();
    let caps = city.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !city.chars().any(char::is_lowercase);
    if !caps || !place_words(&running_case(city)) {
        return None;
    }
    let rest = text.get(i + 2..)?.trim_start();
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    undated_before_lead(places(head, true)?, rest)
}

fn own_line(text: &str) -> Option<Found> {
    let t = text.trim().trim_end_matches('.');
    if t.chars().count() > 80 || t.contains('\n') {
        return None;
    }
    let (places, date) = places_date_any_case(t)?;
    date.year?;
    Some(found(
        places,
        Some(date),
        DatelineStyle::EuCommission,
        "",
        Confidence::High,
    ))
}

/// `Brussels, 12 November 2026 The Commission …`: place and date run into
/// the lead with no dash (a bold dateline pasted as text).
fn comma_no_dash(text: &str) -> Option<Found> {
    let comma = text.find(',').filter(|i| *i < 60)?;
    let mut ends: Vec<usize> = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .filter(|i| *i > comma)
        .take(12)
        .collect();
    ends.sort_unstable();
    for end in ends {
        let (head, rest) = (text.get(..end)?, text.get(end + 1..)?);
        // `Paris, le 12 mars 2026, la ville a …`: a comma after the date
        // runs the lead on in lower case.
        let comma_after = head.ends_with(',');
        let Some((places, date)) = places_date_any_case(head.trim().trim_end_matches(',')) else {
            continue;
        };
        let opens = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (comma_after && c.is_lowercase()));
        if date.year.is_none() || !opens {
            continue;
        }
        let style = if head.chars().any(char::is_lowercase) {
            DatelineStyle::EuCommission
        } else if date.order == DateOrder::MonthFirst {
            DatelineStyle::Ap
        } else {
            DatelineStyle::UnClassic
        };
        return Some(found(places, Some(date), style, rest, Confidence::Medium));
    }
    None
}

/// `May 4, 2026 (The INTERNET). The project …`: the date first, the place in
/// brackets after it.
fn date_first(text: &str) -> Option<Found> {
    let open = text.find(" (").filter(|i| *i < 40)?;
    let date = parse_date(text.get(..open)?)?;
    date.year?;
    let close = open + text.get(open..)?.find(')')?;
    let place = text.get(open + 2..close)?.trim();
    if !city_ok(place, false) {
        return None;
    }
    let after = text.get(close + 1..)?;
    let rest = after_dash(after)
        .unwrap_or(after)
        .trim_start_matches(['.', ',', ' ']);
    Some(found(
        vec![Place {
            city: running_case(place),
            region: None,
        }],
        Some(date),
        DatelineStyle::UnClassic,
        rest,
        Confidence::Medium,
    ))
}

/// The date first and a dash: `8th May 2026 - UNICEF condemns …` (no place),
/// or `May 30, 2026 – Ottawa, Ontario – Parole Service` (the place after the
/// date, then the department issuing the release).
fn date_dash(text: &str) -> Option<Found> {
    let (i, sep) = [" – ", " — ", " - "]
        .iter()
        .filter_map(|sep| text.find(sep).filter(|i| *i < 40).map(|i| (i, *sep)))
        .min_by_key(|(i, _)| *i)?;
    let before = text.get(..i)?;
    // `15 February 2026, Rome - With …`: the place after the date and a comma.
    if let Some((d, p)) = before.rsplit_once(", ") {
        if let (Some(date), Some(places)) = (parse_date(d), places(p.trim(), false)) {
            let rest = text.get(i + sep.len()..)?.trim_start();
            if date.year.is_some() && rest.starts_with(char::is_uppercase) {
                return Some(found(
                    places,
                    Some(date),
                    DatelineStyle::UnClassic,
                    rest,
                    Confidence::Medium,
                ));
            }
        }
    }
    let date = parse_date(before)?;
    date.year?;
    let after = text.get(i + sep.len()..)?.trim_start();
    let (head, tail) = match [" – ", " — ", " - "]
        .iter()
        .find_map(|s| after.split_once(s))
    {
        Some((h, t)) => (h, Some(t)),
        None => (after, None),
    };
    if let Some(places) = places(head.trim(), false) {
        let issuer = tail.unwrap_or("");
        if issuer.split_whitespace().count() <= 8 && !issuer.contains(['.', '“', '"']) {
            return Some(found(
                places,
                Some(date),
                DatelineStyle::UnClassic,
                "",
                Confidence::Medium,
            ));
        }
    }
    // No place: the lead follows the date.
    if !after.chars().next().is_some_and(char::is_uppercase) || after.split_whitespace().count() < 6
    {
        return None;
    }
    Some(found(
        Vec::new(),
        Some(date),
        DatelineStyle::None,
        after,
        Confidence::Medium,
    ))
}

/// A web address as the place: `http://www.example.org/` → `www.example.org`.
fn web_place(s: &str) -> Option<Place> {
    let t = s.trim();
    let bare = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t)
        .trim_end_matches('/');
    let web = (t.starts_with("http") || bare.to_lowercase().starts_with("www."))
        && !bare.is_empty()
        && !bare.contains([' ', '/', ','])
        && bare.contains('.');
    web.then(|| Place {
        city: bare.to_lowercase(),
        region: None,
    })
}

/// A place alone on its line above a date line (`PERTH`): capitals only.
pub fn place_line(text: &str) -> Option<Vec<Place>> {
    let t = text.trim().trim_end_matches([',', '.']);
    if t.chars().any(char::is_lowercase) || t.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    places(t, true)
}

/// `Ginebra` alone on its line over a date line: one word, a city's (two
/// words could be a byline's name).
pub fn place_word_line(text: &str) -> Option<Vec<Place>> {
    let t = text.trim();
    if t.contains(' ') || t.chars().count() < 3 || crate::dates::month(t).is_some() {
        return None;
    }
    places(t, false)
}

/// `Geneva, Switzerland` or `La Moncloa, Madrid` on its own line beside a
/// date line: a city and its region or country, in any case.
pub fn place_region_line(text: &str) -> Option<Vec<Place>> {
    let t = text.trim().trim_end_matches('.');
    // `Ottawa (Ontario)`: the region in brackets, as French writes it.
    let bracketed = t
        .strip_suffix(')')
        .and_then(|x| x.split_once(" ("))
        .filter(|(c, r)| !c.contains([',', '(']) && !r.contains(['(', ')', ',']))
        .map(|(c, r)| format!("{c}, {r}"));
    let t = bracketed.as_deref().unwrap_or(t);
    let words = t.split_whitespace().count();
    if t.matches(',').count() != 1
        || !(2..=5).contains(&words)
        || t.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    places(t, false).filter(|p| p.len() == 1 && p[0].region.is_some())
}

fn found(
    places: Vec<Place>,
    date: Option<PartialDate>,
    style: DatelineStyle,
    rest: &str,
    confidence: Confidence,
) -> Found {
    Found {
        places,
        date,
        style,
        rest: rest.trim().to_string(),
        confidence,
        written: String::new(),
    }
}

/// `PLACES, DATE`: the leftmost comma after which the remainder is a whole date.
fn places_date(s: &str) -> Option<(Vec<Place>, PartialDate)> {
    split_places_date(s, true)
}

fn places_date_any_case(s: &str) -> Option<(Vec<Place>, PartialDate)> {
    split_places_date(s, false)
}

fn split_places_date(s: &str, caps: bool) -> Option<(Vec<Place>, PartialDate)> {
    for (i, _) in s.match_indices(',') {
        let (Some(p), Some(d)) = (s.get(..i), s.get(i + 1..)) else {
            continue;
        };
        if let Some(date) = parse_date(d).or_else(|| crate::dates::dotted(d)) {
            let p = p.trim();
            // A date written twice (`CITY, State, Nov 10, 2026, Nov. 10, 2026`),
            // as reprints of wire copy often have it: the first one goes.
            let p = without_same_date(p, &date).unwrap_or(p);
            return Some((places(p, caps)?, date));
        }
    }
    // `NEW YORK and BAKERSFIELD, Calif. September 13, 2026`: no comma between
    // the region and the date.
    let (i, _) = s.match_indices(',').next()?;
    let (p, rest) = (s.get(..i)?, s.get(i + 1..)?.trim());
    let words: Vec<&str> = rest.split(' ').collect();
    let k = words
        .iter()
        .position(|w| crate::dates::month(w).is_some())
        .filter(|k| (1..=2).contains(k))?;
    let region = words.get(..k)?.join(" ");
    let date = parse_date(&words.get(k..)?.join(" "))?;
    date.year?;
    Some((places(&format!("{p}, {region}"), caps)?, date))
}

/// `p` without a trailing `, DATE` that is `date` again.
fn without_same_date<'a>(p: &'a str, date: &PartialDate) -> Option<&'a str> {
    p.match_indices(',').find_map(|(i, _)| {
        let d = parse_date(p.get(i + 1..)?)?;
        (d.day == date.day && d.month == date.month && d.year == date.year)
            .then(|| p.get(..i))
            .flatten()
            .map(str::trim)
    })
}

const PARTICLES: [&str; 20] = [
    "de", "du", "des", "la", "le", "les", "el", "es", "of", "upon", "sur", "am", "al", "y", "and",
    "et", "del", "da", "do", "dos",
];

fn city_ok(city: &str, caps: bool) -> bool {
    let words: Vec<&str> = city.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && city.chars().count() <= 40
        && city
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || PARTICLES.contains(&w.to_lowercase().as_str())
        })
        && (!caps || !city.chars().any(char::is_lowercase) || words.len() <= 3)
}

/// US state codes written after a city without a comma (`FOREST HILL MD`).
const STATES: [&str; 51] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];

/// Words joining two places: `LYON and TORINO`, `PARIS et BRUXELLES`, `MADRID y LIMA`.
const JOINS: [&str; 3] = [" and ", " et ", " y "];

/// `part` cut at each joining word that is followed by another place: a city
/// in capitals (`SAN FRANCISCO and BEAVERTON, Ore.`) or a city with its region
/// (`Lyon, France and Torino, Italy`). A joining word inside a name stays
/// (`PORT OF SPAIN, Trinidad and Tobago`, `BOSNIA AND HERZEGOVINA`).
fn split_joined(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = part;
    'outer: loop {
        let mut from = 0;
        while let Some((i, join)) = JOINS
            .iter()
            .filter_map(|j| rest.get(from..)?.find(j).map(|i| (from + i, *j)))
            .min_by_key(|(i, _)| *i)
        {
            let (Some(left), Some(right)) = (rest.get(..i), rest.get(i + join.len()..)) else {
                break;
            };
            let city = right.split(',').next().unwrap_or("").trim();
            let caps = city.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !city.chars().any(char::is_lowercase);
            if !left.trim().is_empty() && (caps || right.contains(',')) {
                out.push(left.trim());
                rest = right;
                continue 'outer;
            }
            from = i + join.len();
        }
        out.push(rest.trim());
        return out;
    }
}

/// Places separated by `/` or joined by `and` (`et`, `y`), each `CITY` or
/// `CITY, Region` (or `CITY ST`).
fn places(s: &str, caps: bool) -> Option<Vec<Place>> {
    let mut out = Vec::new();
    for part in s.split('/').flat_map(split_joined) {
        // `Bogotá D. C.`: the capital district after the city.
        let district = [" D. C.", " D.C."]
            .iter()
            .find_map(|d| part.trim().strip_suffix(d))
            .map(|c| c.trim_end_matches(','));
        let (city, region) = match district
            .map(|c| (c, Some("D.C.")))
            .or_else(|| part.split_once(',').map(|(c, r)| (c, Some(r))))
        {
            Some((c, r)) => (c.trim(), r.map(str::trim)),
            None => match part.trim().rsplit_once(' ') {
                Some((c, st)) if STATES.contains(&st) && c.chars().any(char::is_alphabetic) => {
                    (c.trim(), Some(st))
                }
                _ => (part.trim(), None),
            },
        };
        if !city_ok(city, caps) || crate::dates::is_weekday(city) {
            return None;
        }
        if let Some(r) = region {
            if r.is_empty() || r.chars().count() > 30 || !city_ok(r, false) {
                return None;
            }
        }
        out.push(Place {
            city: running_case(city),
            region: region.map(str::to_string),
        });
    }
    Some(out)
}

/// "NEW YORK" → "New York", "DAR ES SALAAM" → "Dar es Salaam"; mixed case stays.
pub fn running_case(city: &str) -> String {
    // A web address as the place (`WWW.EXAMPLE.ORG`) is written in lower case.
    let web = !city.contains(' ')
        && city.split('.').count() >= 2
        && city.split('.').all(|p| !p.is_empty());
    if web {
        return city.to_lowercase();
    }
    if city.chars().any(char::is_lowercase) {
        return city.to_string();
    }
    let mut out = String::with_capacity(city.len());
    for (i, word) in city.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && PARTICLES.contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        let mut cap = true;
        for c in lower.chars() {
            if cap {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            cap = matches!(c, '-' | '.' | '\'' | '’') && !matches!(c, '\'' | '’');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type Got = (
        String,
        Option<(Option<i32>, u32, u32)>,
        DatelineStyle,
        String,
    );

    fn f(s: &str) -> Got {
        let d = find(s).unwrap_or_else(|| panic!("no dateline in {s}"));
        let places = d
            .places
            .iter()
            .map(|p| match &p.region {
                Some(r) => format!("{}, {r}", p.city),
                None => p.city.clone(),
            })
            .collect::<Vec<_>>()
            .join("/");
        (
            places,
            d.date.map(|d| (d.year, d.month, d.day)),
            d.style,
            d.rest,
        )
    }

    #[test]
    fn every_style() {
        use DatelineStyle::*;
        let cases = [
            (
                "GENEVA (14 May 2025) – A UN expert",
                "Geneva",
                (Some(2025), 5, 14),
                UnOhchr,
            ),
            (
                "GINEBRA (14 de mayo de 2025) – Un experto",
                "Ginebra",
                (Some(2025), 5, 14),
                UnOhchr,
            ),
            (
                "GENÈVE (1er mai 2025) – Un expert",
                "Genève",
                (Some(2025), 5, 1),
                UnOhchr,
            ),
            (
                "GENEVA, 13 June 2014 – The",
                "Geneva",
                (Some(2014), 6, 13),
                UnClassic,
            ),
            (
                "KABUL/KATHMANDU/NEW YORK, 12 May 2021 – The",
                "Kabul/Kathmandu/New York",
                (Some(2021), 5, 12),
                UnClassic,
            ),
            (
                "NEW YORK, 7 July (UN Headquarters) -- The",
                "New York",
                (Option::None, 7, 7),
                UnHeadquarters,
            ),
            (
                "WASHINGTON, Sept. 5, 2025 — The",
                "Washington",
                (Some(2025), 9, 5),
                Ap,
            ),
            (
                "SPRINGFIELD, Ill., March 5, 2025 — The",
                "Springfield, Ill.",
                (Some(2025), 3, 5),
                Ap,
            ),
            (
                "TORONTO, Feb. 22, 2012 /PRNewswire/ -- The",
                "Toronto",
                (Some(2012), 2, 22),
                PrNewswire,
            ),
            (
                "MINNEAPOLIS--(BUSINESS WIRE)--Jun. 25, 2009--The",
                "Minneapolis",
                (Some(2009), 6, 25),
                BusinessWire,
            ),
            (
                "OSLO, Norway, March 3, 2024 (GLOBE NEWSWIRE) -- The",
                "Oslo, Norway",
                (Some(2024), 3, 3),
                GlobeNewswire,
            ),
            (
                "Brussels, 31 October 2015",
                "Brussels",
                (Some(2015), 10, 31),
                EuCommission,
            ),
            (
                "DAR ES SALAAM, 2 March 2025 – The",
                "Dar es Salaam",
                (Some(2025), 3, 2),
                UnClassic,
            ),
        ];
        for (text, places, date, style) in cases {
            let got = f(text);
            assert_eq!(
                (got.0.as_str(), got.1, got.2),
                (places, Some(date), style),
                "{text}"
            );
            if style != EuCommission {
                assert!(
                    got.3.starts_with("The") || got.3.starts_with("A") || got.3.starts_with("Un"),
                    "{text}: {}",
                    got.3
                );
            }
        }
        assert_eq!(f("WASHINGTON (AP) — The").1, Option::None);
        let two = f("Lyon, France and Torino, Italy, Tuesday, February 3rd, 2026. Press Release.");
        assert_eq!(
            (two.0.as_str(), two.1),
            ("Lyon, France/Torino, Italy", Some((Some(2026), 2, 3)))
        );
        let b = f("Brussels, 12 November 2026 The Commission");
        assert_eq!(
            (b.0.as_str(), b.2, b.3.as_str()),
            ("Brussels", EuCommission, "The Commission")
        );
        assert_eq!(
            f("WWW.SEEDS.EXAMPLE – April 7, 2026 – The").0,
            "www.seeds.example"
        );
        assert_eq!(
            place_line("PERTH").map(|p| p[0].city.clone()).as_deref(),
            Some("Perth")
        );
        assert_eq!(place_line("Perth"), Option::None);
        let w = f("http://www.lantern.example/ -- June 30, 2026 -- The Group");
        assert_eq!(
            (w.0.as_str(), w.3.as_str()),
            ("www.lantern.example", "The Group")
        );
        let t = f("Lakeside, MN —12 March 2026— The Foundation");
        assert_eq!(
            (t.0.as_str(), t.1),
            ("Lakeside, MN", Some((Some(2026), 3, 12)))
        );
        assert_eq!(
            f("FOREST HILL MD – 17 June 2008 – The").0,
            "Forest Hill, MD"
        );
        let d = f("May 4, 2026 (The INTERNET). The Quill Project");
        assert_eq!(
            (d.0.as_str(), d.3.as_str()),
            ("The INTERNET", "The Quill Project")
        );
        assert_eq!(f("BOSTON — The").1, Option::None);
        let bw = f("RICHMOND, Va.–(BUSINESS WIRE)– Pinfall Corp. today completed");
        assert_eq!(
            (bw.0.as_str(), bw.1, bw.2, bw.3.as_str()),
            (
                "Richmond, Va.",
                Option::None,
                BusinessWire,
                "Pinfall Corp. today completed"
            )
        );
        let bw = f("TAMPA, Fla.–(BUSINESS WIRE)–Jul. 21, 2026–Veridon today");
        assert_eq!(
            (bw.1, bw.3.as_str()),
            (Some((Some(2026), 7, 21)), "Veridon today")
        );
        let d = f("8th May 2026 - The Fund strongly condemns yet another attack");
        assert_eq!(
            (d.0.as_str(), d.1, d.3.as_str()),
            (
                "",
                Some((Some(2026), 5, 8)),
                "The Fund strongly condemns yet another attack"
            )
        );
        let d = f("May 30, 2026 – Ottawa, Ontario – Northern Parole Service");
        assert_eq!(
            (d.0.as_str(), d.1, d.3.as_str()),
            ("Ottawa, Ontario", Some((Some(2026), 5, 30)), "")
        );
        let tight = f("NEW YORK, 10 February 2026 –\"Excellencies, distinguished delegates,");
        assert_eq!(
            (tight.0.as_str(), tight.3.as_str()),
            ("New York", "\"Excellencies, distinguished delegates,")
        );
        let j = f("SAN FRANCISCO and BEAVERTON, Ore., January 22, 2026");
        assert_eq!(
            (j.0.as_str(), j.1),
            ("San Francisco/Beaverton, Ore.", Some((Some(2026), 1, 22)))
        );
        let g = f("AUSTIN, Texas – June 10, 2025 – The");
        assert_eq!(
            (g.0.as_str(), g.1, g.3.as_str()),
            ("Austin, Texas", Some((Some(2025), 6, 10)), "The")
        );
    }

    #[test]
    fn places_joined_by_and_et_y() {
        let cases = [
            (
                "WINCHESTER, Virginia and BOISE, Idaho, Nov 12, 2026, Nov. 12, 2026 (GLOBE NEWSWIRE) — The",
                "Winchester, Virginia/Boise, Idaho",
                (Some(2026), 11, 12),
            ),
            (
                "NEW YORK and GENEVA, 3 May 2026 – The",
                "New York/Geneva",
                (Some(2026), 5, 3),
            ),
            (
                "PARIS et BRUXELLES, 4 mai 2026 – La",
                "Paris/Bruxelles",
                (Some(2026), 5, 4),
            ),
            (
                "MADRID y BUENOS AIRES, 5 de mayo de 2026.- La",
                "Madrid/Buenos Aires",
                (Some(2026), 5, 5),
            ),
            (
                "Lyon, France and Torino, Italy, 3 February 2026 – The",
                "Lyon, France/Torino, Italy",
                (Some(2026), 2, 3),
            ),
            (
                "NAIROBI/GENEVA and NEW YORK, 6 May 2026 – The",
                "Nairobi/Geneva/New York",
                (Some(2026), 5, 6),
            ),
        ];
        for (text, places, date) in cases {
            let got = f(text);
            assert_eq!((got.0.as_str(), got.1), (places, Some(date)), "{text}");
        }
        // A joining word inside a name is not two places.
        assert_eq!(
            f("PORT OF SPAIN, Trinidad and Tobago, 7 May 2026 – The").0,
            "Port of Spain, Trinidad and Tobago"
        );
        assert_eq!(
            f("ST. JOHN'S, Antigua and Barbuda, 7 May 2026 – The").0,
            "St. John's, Antigua and Barbuda"
        );
        assert_eq!(
            split_joined("BOSNIA AND HERZEGOVINA"),
            ["BOSNIA AND HERZEGOVINA"]
        );
    }

    #[test]
    fn not_datelines() {
        for s in [
            "The expert (who spoke on 3 May 2025) said – nothing",
            "In 2025, 14 May – a day",
            "Acme launches a new product for schools",
            "Today, the Government announced – again – a plan",
            "Today – a new day",
            "UN – a new day",
        ] {
            assert_eq!(find(s), None, "{s}");
        }
    }

    #[test]
    fn distributor_names_and_times_inside_the_dateline() {
        let cases = [
            (
                "NAIROBI, Kenya, June 2, 2026/APO Group/ --",
                "Nairobi, Kenya",
                (Some(2026), 6, 2),
                "",
            ),
            (
                "OSLO and BERGEN, May 4, 2026 /EIN Presswire/ -- The fund",
                "Oslo/Bergen",
                (Some(2026), 5, 4),
                "The fund",
            ),
            (
                "DENVER, CO — May 5, 2026 — (PR NEWSWIRE HUB) — The city",
                "Denver, CO",
                (Some(2026), 5, 5),
                "The city",
            ),
            (
                "TULSA, OK / Press Karma / May 6, 2026 09:15",
                "Tulsa, OK",
                (Some(2026), 5, 6),
                "",
            ),
            (
                "Boise, ID (Wirely.ai) Friday May 8, 2026 @ 9:05 AM America/Boise — A new",
                "Boise, ID",
                (Some(2026), 5, 8),
                "A new",
            ),
            (
                "(CityNewsWire) - May 09, 2026 - RENO, May 9, 2026 — The clinic",
                "Reno",
                (Some(2026), 5, 9),
                "The clinic",
            ),
            (
                "LIMA, Peru - [Andes Media Newswire](https://wire.example/) - 10 May 2026 - Visitors",
                "Lima, Peru",
                (Some(2026), 5, 10),
                "Visitors",
            ),
            (
                "LIMA, Peru - Andes Media Newswire - 10 May 2026 - Visitors",
                "Lima, Peru",
                (Some(2026), 5, 10),
                "Visitors",
            ),
            (
                "3 de mayo de 2026.- Sevilla .- La fundación",
                "Sevilla",
                (Some(2026), 5, 3),
                "La fundación",
            ),
        ];
        for (text, places, date, rest) in cases {
            let got = f(text);
            assert_eq!(got.0, places, "{text}");
            assert_eq!(got.1, Some(date), "{text}");
            assert_eq!(got.3, rest, "{text}");
        }
        // A Spanish agency's day-only dateline: the date is the document's.
        let got = f("BILBAO, 14 (AGENCIA NORTE) - El ayuntamiento");
        assert_eq!(
            (got.0.as_str(), got.1, got.3.as_str()),
            ("Bilbao", None, "El ayuntamiento")
        );
        assert!(find("Bilbao, 14 (ver anexo) el ayuntamiento").is_none());
        // A place and the issuer's acronym, no date.
        let got = f("Lausanne (FIRH) – Les secours restent mobilisés dans la vallée.");
        assert_eq!(
            (got.0.as_str(), got.1, got.3.as_str()),
            (
                "Lausanne",
                None,
                "Les secours restent mobilisés dans la vallée."
            )
        );
        // Names between slashes that are places, and words in brackets that
        // name no distributor, are no marker.
        assert_eq!(f("GENEVA/NEW YORK, 5 May 2026 – The").0, "Geneva/New York");
        assert!(find("The group (Forest Friends) said on Monday that it would appeal.").is_none());
        assert!(find("Members (all 40 of them) – met in the hall").is_none());
        assert!(find("Background (FAQ) – see below").is_none());
        assert!(find("Jane Doe - Press officer - 4 May 2026 - with thanks").is_none());
    }

    #[test]
    fn issuer_in_brackets_bracketed_dateline_and_no_year() {
        assert_eq!(
            f("Ciudad de Panamá, 3 de mayo de 2026 (OSPA).- Las muertes bajaron."),
            (
                "Ciudad de Panamá".into(),
                Some((Some(2026), 5, 3)),
                DatelineStyle::UnClassic,
                "Las muertes bajaron.".into()
            )
        );
        assert_eq!(
            f("(New York, May 30, 2026) The government should act, the group said today."),
            (
                "New York".into(),
                Some((Some(2026), 5, 30)),
                DatelineStyle::Ap,
                "The government should act, the group said today.".into()
            )
        );
        let g = f("LONDON, England, June 5 -- The Trust posted the following news release:");
        assert_eq!(g.0, "London, England");
        assert_eq!(g.1, Some((None, 6, 5)));
        // A year-less date needs the place in capitals: `Today, June 5 –` is no dateline.
        assert!(comma_dash("Today, June 5 – the council met again.").is_none());
        // Brackets holding words, not a place and a date, open no dateline.
        assert!(paren_place_date("(Photo: Jane Doe, May 30, 2026) A crowd.").is_none());
    }

    #[test]
    fn place_alone_in_brackets_and_site_in_brackets() {
        let g =
            f("(Beirut) – Tessalian authorities changed the electoral law days before the vote.");
        assert_eq!(g.0, "Beirut");
        assert_eq!(g.1, None);
        // Not places: a photo credit, a wire.
        assert!(
            paren_place_date("(Photo) – A crowd gathers outside the court this morning.").is_none()
        );
        assert!(
            paren_place_date("(Reuters) – The company said on Monday it would cut jobs.").is_none()
        );
        let g = f("(Tucson, AZ) October 25, 2026");
        assert_eq!(g.0, "Tucson, AZ");
        assert_eq!(g.1, Some((Some(2026), 10, 25)));
        let g = f("San José, 01 ago (elpuerto.example) – La ministra de Salud aseguró hoy que todo sigue igual.");
        assert_eq!(g.0, "San José");
        assert_eq!(g.1, Some((None, 8, 1)));
        // A year-less date after a place in running case needs the issuer in brackets.
        assert!(
            comma_dash("San José, 01 ago – La ministra aseguró hoy que todo sigue igual.")
                .is_none()
        );
    }

    #[test]
    fn region_run_into_the_date() {
        let g =
            f("NEW YORK and BAKERSFIELD, Calif. September 13, 2026 -- The fund was set up today.");
        assert_eq!(g.0, "New York/Bakersfield, Calif.");
        assert_eq!(g.1, Some((Some(2026), 9, 13)));
    }

    #[test]
    fn one_word_place_line() {
        assert_eq!(
            place_word_line("Ginebra").map(|p| p[0].city.clone()),
            Some("Ginebra".into())
        );
        assert!(place_word_line("Jane Doe").is_none());
        assert!(place_word_line("Octubre").is_none());
    }
}
