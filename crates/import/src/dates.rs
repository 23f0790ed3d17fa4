//! Dates as releases write them: `14 May 2025`, `1er mai 2025`, `14 de mayo de 2025`,
//! `Sept. 5, 2025`, `Jun. 25, 2009`, `7 July` (no year), `Tuesday, May 6, 2025`,
//! `2025-05-14`. Month names come from the public tables of `dateline_core::dateline`.

use chrono::NaiveDate;
use dateline_core::dateline::{
    ap_month_names, business_wire_month_names, month_names, DateLanguage,
};

/// Day before month (`14 May`) or month before day (`May 14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

/// A date as written; the year may be missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
    pub order: DateOrder,
    /// The language of the month name, when it tells (`mai` is French).
    pub language: Option<DateLanguage>,
}

impl PartialDate {
    /// The date with `year` filled in when missing; `None` for impossible dates.
    pub fn with_year(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.unwrap_or(year), self.month, self.day)
    }
}

fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ù' => 'u',
            'à' | 'â' => 'a',
            c => c,
        })
        .collect()
}

/// The month named by `word` (full or abbreviated, English, French or Spanish).
pub fn month(word: &str) -> Option<(u32, Option<DateLanguage>)> {
    let w = fold(word.trim_end_matches('.'));
    if w.is_empty() {
        return None;
    }
    for (lang, tag) in [
        (DateLanguage::English, None),
        (DateLanguage::French, Some(DateLanguage::French)),
        (DateLanguage::Spanish, Some(DateLanguage::Spanish)),
    ] {
        if let Some(i) = month_names(lang).iter().position(|m| fold(m) == w) {
            // "mayo" is Spanish only; "mars" French; English names say English.
            let tag = if lang == DateLanguage::English {
                Some(DateLanguage::English)
            } else {
                tag
            };
            return Some((i as u32 + 1, tag));
        }
    }
    let abbrev = ap_month_names()
        .iter()
        .chain(business_wire_month_names().iter())
        .position(|m| fold(m.trim_end_matches('.')) == w)
        .map(|i| (i % 12) as u32 + 1);
    if abbrev.is_some() {
        return abbrev.map(|m| (m, Some(DateLanguage::English)));
    }
    // Common further abbreviations: "Sept", "févr", "sept", "dic".
    let extra: [(&str, u32); 7] = [
        ("sept", 9),
        ("fevr", 2),
        ("janv", 1),
        ("avr", 4),
        ("juil", 7),
        ("juill", 7),
        ("setiembre", 9),
    ];
    if let Some((_, m)) = extra.iter().find(|(n, _)| *n == w) {
        return Some((*m, None));
    }
    // Spanish agencies' three letters: `01 ago`, `5 may`, `12 dic`.
    const SPANISH: [&str; 12] = [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
    ];
    if let Some(i) = SPANISH.iter().position(|m| *m == w) {
        return Some((i as u32 + 1, Some(DateLanguage::Spanish)));
    }
    (w == "set").then_some((9, Some(DateLanguage::Spanish)))
}

const WEEKDAYS: [&str; 21] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
];

/// Whether `word` names a day of the week (English, French or Spanish).
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&fold(word.trim_end_matches('.')).as_str())
}

fn day(tok: &str) -> Option<u32> {
    let t = tok.to_lowercase();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &t[digits.len()..];
    if digits.is_empty()
        || digits.len() > 2
        || !matches!(rest, "" | "er" | "st" | "nd" | "rd" | "th" | "º" | "°")
    {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(tok: &str) -> Option<i32> {
    (tok.len() == 4 && tok.chars().all(|c| c.is_ascii_digit()))
        .then(|| tok.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

/// Parses `s` when all of it is one date (surrounding spaces and commas allowed).
pub fn parse_date(s: &str) -> Option<PartialDate> {
    let s = s.trim().trim_end_matches([',', '.']).trim();
    if s.len() > 60 {
        return None;
    }
    if let Some(d) = iso(s) {
        return Some(d);
    }
    let mut toks: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    if toks
        .first()
        .is_some_and(|t| WEEKDAYS.contains(&fold(t.trim_end_matches('.')).as_str()))
    {
        toks.remove(0);
    }
    // `a 5 de abril de 2026` (Mexican official style: `Ciudad de México, a 5 de …`).
    if toks.len() >= 3 && toks.first() == Some(&"a") {
        toks.remove(0);
    }
    let toks: Vec<&str> = toks
        .into_iter()
        .filter(|t| {
            !matches!(
                t.to_lowercase().as_str(),
                "de" | "del" | "the" | "of" | "le" | "el"
            )
        })
        .collect();
    let pd = |day, (month, language): (u32, Option<DateLanguage>), year, order| PartialDate {
        day,
        month,
        year,
        order,
        language,
    };
    let d = match toks.as_slice() {
        [d, m] if day(d).is_some() => pd(day(d)?, month(m)?, None, DateOrder::DayFirst),
        [d, m, y] if day(d).is_some() => {
            pd(day(d)?, month(m)?, Some(year(y)?), DateOrder::DayFirst)
        }
        [m, d] => pd(day(d)?, month(m)?, None, DateOrder::MonthFirst),
        [m, d, y] => pd(day(d)?, month(m)?, Some(year(y)?), DateOrder::MonthFirst),
        _ => return None,
    };
    // Reject impossible dates (31 February) even without a year: 2024 is a leap year.
    NaiveDate::from_ymd_opt(d.year.unwrap_or(2024), d.month, d.day)?;
    Some(d)
}

/// A line that is only a date, as pages print them above or below the
/// headline: `08/10/2004` (day first unless that cannot be), `--19 May 2015--`,
/// `Thursday, 28 April 2016 - 9:25am |`, `Wed Mar  4 10:12:40 CET 2026`,
/// `March, 4th 2026`. Times, zones and framing punctuation are ignored; the
/// year is required.
pub fn parse_date_line(s: &str) -> Option<NaiveDate> {
    let t = s
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '|' | '*' | '_' | ' ' | '[' | ']'));
    if t.is_empty() || t.chars().count() > 60 {
        return None;
    }
    if let Some(d) = parse_date(t).and_then(|d| d.with_year(d.year?)) {
        return Some(d);
    }
    if let Some(d) = numeric(t) {
        return Some(d);
    }
    // Drop times (`9:25am`, `10:12:40`), zones (`CET`) and separators; a
    // label (`When:`) means the line says something else than its own date.
    if t.split_whitespace()
        .any(|w| w.ends_with(':') && !w.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let toks: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "-" | "–" | "—" | "at" | "à" | "a" | "las" | "h"))
        .filter(|w| !w.contains(':'))
        .filter(|w| {
            let bare = w.trim_end_matches('.').to_lowercase();
            let filler = matches!(
                bare.as_str(),
                "am" | "pm" | "a.m" | "p.m" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun"
                    // `18:00 hrs. Mayo 14 del 2026`, `10:30 horas`, `9 h.`: the word after a time.
                    | "hrs" | "hr" | "hs" | "horas" | "heures" | "uhr" | "hours"
            ) || is_weekday(w);
            // A time zone (`CET`, `EST`), not a month (`MAY`).
            let zone = (2..=4).contains(&w.len())
                && w.chars().all(|c| c.is_ascii_uppercase())
                && month(w).is_none();
            !filler && !zone
        })
        .collect();
    // `22-10-2026 - 13:25`: a numeric date and a time.
    // `2026-07-16 10:29:00`: an ISO date and a time.
    if let [one] = toks.as_slice() {
        return numeric(one).or_else(|| iso(one).and_then(|d| d.with_year(d.year?)));
    }
    // `Le vendredi 14 juin 2026, 12 h 10`: the article before the date, and
    // the time's numbers after its year, are no part of it.
    let year_at = toks
        .iter()
        .position(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    let toks: Vec<&str> = toks
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            !matches!(w.to_lowercase().as_str(), "le" | "el" | "the")
                && year_at.is_none_or(|y| *i <= y)
        })
        .map(|(_, w)| *w)
        .collect();
    if toks.len() < 2 || toks.len() > 5 {
        return None;
    }
    parse_date(&toks.join(" "))
        .and_then(|d| d.with_year(d.year?))
        .or_else(|| {
            toks.first()
                .and_then(|f| numeric(f))
                .filter(|_| toks.len() <= 2)
        })
}

/// `08/10/2004`, `14.05.2025`, `14-05-2025`: day first, unless the first
/// number cannot be a day's month partner (`05/31/2025` is month first).
fn numeric(t: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    // `01-May-2026`: the month by name between day and year.
    if let (Some((m, _)), 4) = (month(b), y.len()) {
        let (d, y): (u32, i32) = (a.parse().ok()?, y.parse().ok()?);
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    if !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) || y.len() != 4 {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, b, a).or_else(|| NaiveDate::from_ymd_opt(y, a, b))
}

/// `21.9.2026`, `21.09.2026`: a date written with dots, day first, as Swiss
/// and German-speaking pages print it.
pub fn dotted(s: &str) -> Option<PartialDate> {
    let t = s.trim();
    if t.matches('.').count() != 2 || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let [d, m, y] = t.split('.').collect::<Vec<_>>()[..] else {
        return None;
    };
    if !(1..=2).contains(&d.len()) || !(1..=2).contains(&m.len()) || y.len() != 4 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    use chrono::Datelike;
    Some(PartialDate {
        day: date.day(),
        month: date.month(),
        year: Some(date.year()),
        order: DateOrder::DayFirst,
        language: None,
    })
}

/// A publication date given by the user: `2025-05-14`, `14 May 2025`, `May 14, 2025`.
pub fn parse_document_date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s)
        .and_then(|d| d.with_year(d.year?))
        .ok_or_else(|| format!("“{s}” is not a date with a year (for example 2025-05-14)"))
}

fn iso(s: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if y.len() == 4 && m.len() == 2 && d.len() == 2 {
            let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            use chrono::Datelike;
            return Some(PartialDate {
                day: date.day(),
                month: date.month(),
                year: Some(date.year()),
                order: DateOrder::DayFirst,
                language: None,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Option<(Option<i32>, u32, u32)> {
        parse_date(s).map(|d| (d.year, d.month, d.day))
    }

    #[test]
    fn forms() {
        assert_eq!(ymd("14 May 2025"), Some((Some(2025), 5, 14)));
        assert_eq!(ymd("1er mai 2025"), Some((Some(2025), 5, 1)));
        assert_eq!(ymd("14 de mayo de 2025"), Some((Some(2025), 5, 14)));
        assert_eq!(ymd("Sept. 5, 2025"), Some((Some(2025), 9, 5)));
        assert_eq!(ymd("Jun. 25, 2009"), Some((Some(2009), 6, 25)));
        assert_eq!(ymd("7 July"), Some((None, 7, 7)));
        assert_eq!(ymd("Tuesday, May 6, 2025"), Some((Some(2025), 5, 6)));
        assert_eq!(ymd("2025-05-14"), Some((Some(2025), 5, 14)));
        assert_eq!(ymd("14 août 2025"), Some((Some(2025), 8, 14)));
        assert_eq!(ymd("31 February 2025"), None);
        assert_eq!(ymd("the people of Geneva"), None);
        assert_eq!(ymd("May"), None);
        let line = |s: &str| parse_date_line(s).map(|d| d.to_string());
        assert_eq!(line("08/10/2004").as_deref(), Some("2004-10-08"));
        assert_eq!(line("05/31/2025").as_deref(), Some("2025-05-31"));
        assert_eq!(line("--19 May 2015--").as_deref(), Some("2015-05-19"));
        assert_eq!(
            line("Thursday, 28 April 2016 - 9:25am |").as_deref(),
            Some("2016-04-28")
        );
        assert_eq!(
            line("Wed Mar  4 10:12:40 CET 2026").as_deref(),
            Some("2026-03-04")
        );
        assert_eq!(line("March, 4th 2026").as_deref(), Some("2026-03-04"));
        assert_eq!(line("The plan for 2026"), None);
        assert_eq!(line("14 May"), None);
        assert_eq!(line("When: Friday, 20 June 2025, 10:00"), None);
    }

    #[test]
    fn mexican_a_and_numeric_date_with_time() {
        assert_eq!(ymd("a 5 de abril de 2026"), Some((Some(2026), 4, 5)));
        assert_eq!(
            parse_date_line("22-10-2026 - 13:25"),
            NaiveDate::from_ymd_opt(2026, 10, 22)
        );
        assert_eq!(parse_date_line("13:25"), None);
    }

    #[test]
    fn spanish_three_letter_months() {
        assert_eq!(ymd("01 ago"), Some((None, 8, 1)));
        assert_eq!(ymd("12 dic 2026"), Some((Some(2026), 12, 12)));
        assert_eq!(ymd("3 set"), Some((None, 9, 3)));
    }
}
