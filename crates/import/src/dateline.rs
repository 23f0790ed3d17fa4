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
    let mut f = wire(text)
        .or_else(|| ohchr(text))
        .or_else(|| comma_dash(text))
        .or_else(|| place_dash_date(text))
        .or_else(|| own_line(text))
        .or_else(|| comma_no_dash(text))
        .or_else(|| date_first(text))
        .or_else(|| date_dash(text))
        .or_else(|| place_only(text))?;
    f.written = text
        .strip_suffix(f.rest.as_str())
        .unwrap_or(text)
        .trim()
        .to_string();
    Some(f)
}

/// After a dateline: a dash (`--`, `—`, `–`, `-`) and the lead. `None` when no dash.
fn after_dash(s: &str) -> Option<&str> {
    let s = s.trim_start_matches([' ', '\u{a0}']);
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
        let Some((places, date)) = places_date(text.get(..i)?.trim()) else {
            continue;
        };
        if date.year.is_none() {
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
    for sep in [" — ", " – ", " -- ", "—"] {
        let Some(i) = text.find(sep).filter(|i| *i < 60) else {
            continue;
        };
        let head = text.get(..i)?.trim();
        let city = head.split(',').next()?;
        // Capitals only: "Today –" or "Meanwhile —" are not places.
        if city.chars().any(char::is_lowercase)
            || city.chars().filter(|c| c.is_alphabetic()).count() < 3
        {
            return None;
        }
        let places = places(head, true)?;
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
        let Some((places, date)) = places_date_any_case(head.trim()) else {
            continue;
        };
        if date.year.is_none() || !rest.chars().next().is_some_and(char::is_uppercase) {
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
    let date = parse_date(text.get(..i)?)?;
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
        if let Some(date) = parse_date(d) {
            let p = p.trim();
            // A date written twice (`CITY, State, Nov 10, 2026, Nov. 10, 2026`),
            // as reprints of wire copy often have it: the first one goes.
            let p = without_same_date(p, &date).unwrap_or(p);
            return Some((places(p, caps)?, date));
        }
    }
    None
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

const PARTICLES: [&str; 16] = [
    "de", "du", "des", "la", "le", "les", "el", "es", "of", "upon", "sur", "am", "al", "y", "and",
    "et",
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
        let (city, region) = match part.split_once(',') {
            Some((c, r)) => (c.trim(), Some(r.trim())),
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
}
