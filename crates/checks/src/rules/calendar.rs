//! Dates written in running text: "Wednesday, 14 May 2025", "May 14th",
//! "mercredi 14 mai 2025", "14 de mayo de 2025". The date checks (weekday,
//! month style, ordinals, date order) all read the same [`DateMention`]s.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::Weekday;
use regex::Regex;

use dateline_core::dateline::{ap_month_names, month_names, DateLanguage};

/// English month names (the core's, which datelines print).
pub const EN_MONTHS: &[&str; 12] = month_names(DateLanguage::English);
/// AP's form of each month before a day: Jan. Feb. Aug. Sept. Oct. Nov. Dec.; March–July in full.
pub const AP_MONTHS: &[&str; 12] = ap_month_names();
const FR_MONTHS: &[&str; 12] = month_names(DateLanguage::French);
const ES_MONTHS: &[&str; 12] = month_names(DateLanguage::Spanish);

const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const FR_DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const ES_DAYS: [&str; 7] = [
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// Day-month or month-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    DayMonth,
    MonthDay,
}

/// A date written in a text.
#[derive(Debug, Clone)]
pub struct DateMention {
    /// From the weekday (or day/month) to the year (or the last part).
    pub range: Range<usize>,
    /// A weekday written before the date.
    pub weekday: Option<(Range<usize>, Weekday)>,
    /// Day of the month.
    pub day: u32,
    /// Where the day is written.
    pub day_range: Range<usize>,
    /// `th` in "14th".
    pub ordinal: Option<Range<usize>>,
    /// Month 1–12.
    pub month: u32,
    /// Where the month is written.
    pub month_range: Range<usize>,
    /// The year, when written.
    pub year: Option<i32>,
    /// The order it is written in.
    pub order: Order,
}

fn en_month_alternation() -> String {
    // Full names first; abbreviations take an optional dot and must end the word.
    let mut alts: Vec<String> = EN_MONTHS.iter().map(|m| m.to_string()).collect();
    for abbr in [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    ] {
        alts.push(format!(r"{abbr}(?:\.|\b)"));
    }
    alts.join("|")
}

static EN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = en_month_alternation();
    let wd = EN_DAYS.join("|");
    crate::pattern::compile(&format!(
        r"(?:\b(?P<wd>{wd}),?\s+(?:the\s+)?)?(?:\b(?P<d1>\d{{1,2}})(?P<o1>st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{m})(?:,?\s+(?P<y1>\d{{4}})\b)?|\b(?P<m2>{m})\s+(?P<d2>\d{{1,2}})(?P<o2>st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}})\b)?)"
    ))
    .expect("a static pattern compiles")
});

static FR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = FR_MONTHS.join("|");
    let wd = FR_DAYS.join("|");
    crate::pattern::compile(&format!(
        r"(?i)(?:\b(?P<wd>{wd})\s+)?\b(?P<d1>\d{{1,2}}|1er)\s+(?P<m1>{m})\b(?:\s+(?P<y1>\d{{4}})\b)?"
    ))
    .expect("a static pattern compiles")
});

static ES_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = ES_MONTHS.join("|");
    let wd = ES_DAYS.join("|");
    crate::pattern::compile(&format!(
        r"(?i)(?:\b(?P<wd>{wd}),?\s+)?\b(?P<d1>\d{{1,2}})\s+de\s+(?P<m1>{m})\b(?:\s+de\s+(?P<y1>\d{{4}})\b)?"
    ))
    .expect("a static pattern compiles")
});

fn month_index(lang: &str, name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_lowercase();
    let table: &[&str; 12] = match lang {
        "fr" => FR_MONTHS,
        "es" => ES_MONTHS,
        _ => EN_MONTHS,
    };
    table
        .iter()
        .position(|m| {
            let m = m.to_lowercase();
            m == lower || (lang == "en" && lower.len() >= 3 && m.starts_with(&lower))
        })
        .map(|i| i as u32 + 1)
}

fn weekday_index(lang: &str, name: &str) -> Option<Weekday> {
    let lower = name.to_lowercase();
    let table: &[&str; 7] = match lang {
        "fr" => &FR_DAYS,
        "es" => &ES_DAYS,
        _ => &EN_DAYS,
    };
    let i = table.iter().position(|d| d.to_lowercase() == lower)?;
    Some(Weekday::try_from(i as u8).unwrap_or(Weekday::Mon))
}

/// The name of `day` in `lang`, in the case of `like`.
pub fn weekday_name(lang: &str, day: Weekday, like: &str) -> String {
    let table: &[&str; 7] = match lang {
        "fr" => &FR_DAYS,
        "es" => &ES_DAYS,
        _ => &EN_DAYS,
    };
    super::match_case(table[day.num_days_from_monday() as usize], like)
}

/// Every date written in `text`, in a language with a date pattern (en, fr, es).
pub fn dates(lang: &str, text: &str) -> Vec<DateMention> {
    let re: &Regex = match lang {
        "fr" => &FR_DATE,
        "es" => &ES_DATE,
        _ => &EN_DATE,
    };
    // Cheap exit: every date has a digit.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for caps in re.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let (d, o, m, y, order) = match caps.name("d1") {
            Some(d) => (
                d,
                caps.name("o1"),
                caps.name("m1"),
                caps.name("y1"),
                Order::DayMonth,
            ),
            None => match caps.name("d2") {
                Some(d) => (
                    d,
                    caps.name("o2"),
                    caps.name("m2"),
                    caps.name("y2"),
                    Order::MonthDay,
                ),
                None => continue,
            },
        };
        let Some(m) = m else { continue };
        let day = if d.as_str().eq_ignore_ascii_case("1er") {
            1
        } else {
            d.as_str().parse().unwrap_or(0)
        };
        let Some(month) = month_index(lang, m.as_str()) else {
            continue;
        };
        if !(1..=31).contains(&day) {
            continue;
        }
        let weekday = caps
            .name("wd")
            .and_then(|w| weekday_index(lang, w.as_str()).map(|d| (w.range(), d)));
        out.push(DateMention {
            range: whole.range(),
            weekday,
            day,
            day_range: d.range(),
            ordinal: o.map(|o| o.range()),
            month,
            month_range: m.range(),
            year: y.and_then(|y| y.as_str().parse().ok()),
            order,
        });
    }
    out
}

/// English weekdays right after a verb of saying ("said Friday"): in a wire
/// lead they name the dateline's day.
pub fn said_weekdays(text: &str) -> Vec<(Range<usize>, Weekday)> {
    static SAID: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(&format!(
            r"\b(?:said|says|announced|reported|stated|confirmed)\s+(?P<wd>{})\b",
            EN_DAYS.join("|")
        ))
        .expect("a static pattern compiles")
    });
    SAID.captures_iter(text)
        .filter_map(|c| {
            let w = c.name("wd")?;
            Some((w.range(), weekday_index("en", w.as_str())?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile_and_find_dates() {
        let d = dates(
            "en",
            "On Wednesday, 14th May 2025 and Sept. 5, 2025 and June 3.",
        );
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].weekday.as_ref().map(|w| w.1), Some(Weekday::Wed));
        assert_eq!((d[0].day, d[0].month, d[0].year), (14, 5, Some(2025)));
        assert!(d[0].ordinal.is_some());
        assert_eq!((d[1].day, d[1].month, d[1].order), (5, 9, Order::MonthDay));
        assert_eq!((d[2].day, d[2].month, d[2].year), (3, 6, None));
        let fr = dates("fr", "Le mercredi 14 mai 2025, puis le 1er juin.");
        assert_eq!(fr.len(), 2);
        assert_eq!(fr[1].day, 1);
        let es = dates("es", "El miércoles, 14 de mayo de 2025.");
        assert_eq!(es[0].year, Some(2025));
        assert!(es[0].weekday.is_some());
        assert_eq!(said_weekdays("The agency said Friday it").len(), 1);
    }
}
