//! Dateline styles: one structured dateline (places + date), many house renderings.
//!
//! Newsrooms argue about datelines more than about anything else: leading zeros,
//! month abbreviations, dashes, capitals. A release stores only places and a
//! date; the [`DatelineStyle`] decides how they read, in the release's language.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Dateline, Place};
use crate::Language;

/// The house styles a dateline can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DatelineStyle {
    /// UN / OHCHR: `GENEVA (14 May 2025) –`.
    #[default]
    UnOhchr,
    /// Older UN: `GENEVA, 13 June 2014 –`; several places give `KABUL/KATHMANDU, 12 May 2021 –`.
    UnClassic,
    /// UN Headquarters: `NEW YORK, 7 July (UN Headquarters) --`.
    UnHeadquarters,
    /// AP: `WASHINGTON, Sept. 5, 2025 —` (Jan. Feb. Aug. Sept. Oct. Nov. Dec.; March–July in full).
    Ap,
    /// PR Newswire: `TORONTO, Feb. 22, 2012 /PRNewswire/ --`.
    PrNewswire,
    /// Business Wire: `MINNEAPOLIS--(BUSINESS WIRE)--Jun. 25, 2009--`.
    BusinessWire,
    /// GlobeNewswire: `OSLO, Norway, March 3, 2024 (GLOBE NEWSWIRE) --`.
    GlobeNewswire,
    /// European Commission: `Brussels, 31 October 2015` on its own line.
    EuCommission,
    /// Keep the data but print no dateline.
    None,
}

impl DatelineStyle {
    /// Every style, in the order the UI offers them.
    pub const ALL: [DatelineStyle; 9] = [
        DatelineStyle::UnOhchr,
        DatelineStyle::UnClassic,
        DatelineStyle::UnHeadquarters,
        DatelineStyle::Ap,
        DatelineStyle::PrNewswire,
        DatelineStyle::BusinessWire,
        DatelineStyle::GlobeNewswire,
        DatelineStyle::EuCommission,
        DatelineStyle::None,
    ];

    /// Human name for menus.
    pub fn label(self) -> &'static str {
        match self {
            DatelineStyle::UnOhchr => "UN / OHCHR",
            DatelineStyle::UnClassic => "UN (classic)",
            DatelineStyle::UnHeadquarters => "UN Headquarters",
            DatelineStyle::Ap => "AP",
            DatelineStyle::PrNewswire => "PR Newswire",
            DatelineStyle::BusinessWire => "Business Wire",
            DatelineStyle::GlobeNewswire => "GlobeNewswire",
            DatelineStyle::EuCommission => "European Commission",
            DatelineStyle::None => "No dateline",
        }
    }

    /// Whether the dateline stands on its own line instead of opening the lead.
    pub fn own_line(self) -> bool {
        matches!(self, DatelineStyle::EuCommission)
    }
}

/// Languages with month names and date order; anything else falls back to English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLanguage {
    English,
    French,
    Spanish,
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
/// AP abbreviations: March–July are never abbreviated, September is "Sept.".
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
/// Business Wire's three-letter abbreviations.
const BW_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.",
];

/// Full month names of `lang`, index 0 = January.
pub const fn month_names(lang: DateLanguage) -> &'static [&'static str; 12] {
    match lang {
        DateLanguage::English => &EN_MONTHS,
        DateLanguage::French => &FR_MONTHS,
        DateLanguage::Spanish => &ES_MONTHS,
    }
}

/// AP month abbreviations (English), index 0 = January.
pub const fn ap_month_names() -> &'static [&'static str; 12] {
    &AP_MONTHS
}

/// Business Wire month abbreviations (English), index 0 = January.
pub fn business_wire_month_names() -> &'static [&'static str; 12] {
    &BW_MONTHS
}

fn month_index(date: NaiveDate) -> usize {
    date.month0() as usize
}

/// A day-first long date in `lang`: `14 May 2025`, `1er mai 2025`, `14 de mayo de 2025`.
pub fn long_date(date: NaiveDate, lang: DateLanguage, with_year: bool) -> String {
    let month = month_names(lang)[month_index(date)];
    let day = date.day();
    match lang {
        DateLanguage::English => {
            if with_year {
                format!("{day} {month} {}", date.year())
            } else {
                format!("{day} {month}")
            }
        }
        DateLanguage::French => {
            let d = if day == 1 {
                "1er".to_string()
            } else {
                day.to_string()
            };
            if with_year {
                format!("{d} {month} {}", date.year())
            } else {
                format!("{d} {month}")
            }
        }
        DateLanguage::Spanish => {
            if with_year {
                format!("{day} de {month} de {}", date.year())
            } else {
                format!("{day} de {month}")
            }
        }
    }
}

/// A month-first date with the given month table: `Sept. 5, 2025`.
fn month_first(date: NaiveDate, months: &[&str; 12]) -> String {
    format!(
        "{} {}, {}",
        months[month_index(date)],
        date.day(),
        date.year()
    )
}

fn upper_places(places: &[Place]) -> String {
    places
        .iter()
        .map(|p| p.city.trim().to_uppercase())
        .collect::<Vec<_>>()
        .join("/")
}

/// Cities in capitals, each followed by its region as written (`SPRINGFIELD, Ill.`).
fn upper_places_with_region(places: &[Place]) -> String {
    places
        .iter()
        .map(|p| match &p.region {
            Some(r) if !r.trim().is_empty() => {
                format!("{}, {}", p.city.trim().to_uppercase(), r.trim())
            }
            _ => p.city.trim().to_uppercase(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Renders `dateline` in its style for a release in language `lang` (BCP 47).
///
/// Returns the dateline without trailing space, e.g. `GENEVA (14 May 2025) –`;
/// an empty string for [`DatelineStyle::None`] or a dateline without places.
pub fn render(dateline: &Dateline, lang: &Language) -> String {
    render_parts(&dateline.places, dateline.date, dateline.style, lang)
}

/// [`render`] over the parts of a dateline.
pub fn render_parts(
    places: &[Place],
    date: NaiveDate,
    style: DatelineStyle,
    lang: &Language,
) -> String {
    let lang = lang.words();
    let english = lang == DateLanguage::English;
    let non_empty: Vec<Place> = places
        .iter()
        .filter(|p| !p.city.trim().is_empty())
        .cloned()
        .collect();
    if non_empty.is_empty() || style == DatelineStyle::None {
        return String::new();
    }
    let places = &non_empty[..];
    match style {
        DatelineStyle::UnOhchr => {
            format!(
                "{} ({}) –",
                upper_places(places),
                long_date(date, lang, true)
            )
        }
        DatelineStyle::UnClassic => {
            format!(
                "{}, {} –",
                upper_places(places),
                long_date(date, lang, true)
            )
        }
        DatelineStyle::UnHeadquarters => {
            let hq = match lang {
                DateLanguage::English => "UN Headquarters",
                DateLanguage::French => "Siège de l’ONU",
                DateLanguage::Spanish => "Sede de la ONU",
            };
            format!(
                "{}, {} ({hq}) --",
                upper_places(places),
                long_date(date, lang, false)
            )
        }
        DatelineStyle::Ap => {
            let d = if english {
                month_first(date, &AP_MONTHS)
            } else {
                long_date(date, lang, true)
            };
            format!("{}, {d} —", upper_places_with_region(places))
        }
        DatelineStyle::PrNewswire => {
            let d = if english {
                month_first(date, &AP_MONTHS)
            } else {
                long_date(date, lang, true)
            };
            format!("{}, {d} /PRNewswire/ --", upper_places_with_region(places))
        }
        DatelineStyle::BusinessWire => {
            let d = if english {
                month_first(date, &BW_MONTHS)
            } else {
                long_date(date, lang, true)
            };
            format!(
                "{}--(BUSINESS WIRE)--{d}--",
                upper_places_with_region(places)
            )
        }
        DatelineStyle::GlobeNewswire => {
            let d = if english {
                month_first(date, &EN_MONTHS)
            } else {
                long_date(date, lang, true)
            };
            format!(
                "{}, {d} (GLOBE NEWSWIRE) --",
                upper_places_with_region(places)
            )
        }
        DatelineStyle::EuCommission => {
            let cities = places
                .iter()
                .map(|p| p.city.trim().to_string())
                .collect::<Vec<_>>()
                .join("/");
            format!("{cities}, {}", long_date(date, lang, true))
        }
        DatelineStyle::None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(cities: &[&str], y: i32, m: u32, d: u32, style: DatelineStyle) -> Dateline {
        Dateline {
            places: cities
                .iter()
                .map(|c| Place {
                    city: c.to_string(),
                    region: None,
                })
                .collect(),
            date: NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date"),
            style,
        }
    }

    #[test]
    fn un_ohchr_in_three_languages() {
        let d = dl(&["Geneva"], 2025, 5, 14, DatelineStyle::UnOhchr);
        assert_eq!(render(&d, &"en".into()), "GENEVA (14 May 2025) –");
        let d = dl(&["Ginebra"], 2025, 5, 14, DatelineStyle::UnOhchr);
        assert_eq!(render(&d, &"es".into()), "GINEBRA (14 de mayo de 2025) –");
        let d = dl(&["Genève"], 2025, 5, 1, DatelineStyle::UnOhchr);
        assert_eq!(render(&d, &"fr-CH".into()), "GENÈVE (1er mai 2025) –");
        let d = dl(&["Genève"], 2025, 8, 14, DatelineStyle::UnOhchr);
        assert_eq!(render(&d, &"fr".into()), "GENÈVE (14 août 2025) –");
    }

    #[test]
    fn un_classic_and_multi_city() {
        let d = dl(&["Geneva"], 2014, 6, 13, DatelineStyle::UnClassic);
        assert_eq!(render(&d, &"en".into()), "GENEVA, 13 June 2014 –");
        let d = dl(
            &["Kabul", "Kathmandu", "New York"],
            2021,
            5,
            12,
            DatelineStyle::UnClassic,
        );
        assert_eq!(
            render(&d, &"en".into()),
            "KABUL/KATHMANDU/NEW YORK, 12 May 2021 –"
        );
        let d = dl(&["Nueva York"], 2021, 12, 3, DatelineStyle::UnClassic);
        assert_eq!(
            render(&d, &"es".into()),
            "NUEVA YORK, 3 de diciembre de 2021 –"
        );
    }

    #[test]
    fn un_headquarters_has_no_year() {
        let d = dl(&["New York"], 2023, 7, 7, DatelineStyle::UnHeadquarters);
        assert_eq!(
            render(&d, &"en".into()),
            "NEW YORK, 7 July (UN Headquarters) --"
        );
    }

    #[test]
    fn ap_months_abbreviated_only_where_ap_says() {
        let cases = [
            (1, "Jan. 9, 2025"),
            (2, "Feb. 9, 2025"),
            (3, "March 9, 2025"),
            (4, "April 9, 2025"),
            (5, "May 9, 2025"),
            (6, "June 9, 2025"),
            (7, "July 9, 2025"),
            (8, "Aug. 9, 2025"),
            (9, "Sept. 9, 2025"),
            (10, "Oct. 9, 2025"),
            (11, "Nov. 9, 2025"),
            (12, "Dec. 9, 2025"),
        ];
        for (m, want) in cases {
            let d = dl(&["Washington"], 2025, m, 9, DatelineStyle::Ap);
            assert_eq!(render(&d, &"en".into()), format!("WASHINGTON, {want} —"));
        }
    }

    #[test]
    fn ap_no_leading_zero_and_region() {
        let mut d = dl(&["Springfield"], 2025, 3, 5, DatelineStyle::Ap);
        d.places[0].region = Some("Ill.".into());
        assert_eq!(
            render(&d, &"en".into()),
            "SPRINGFIELD, Ill., March 5, 2025 —"
        );
    }

    #[test]
    fn wires() {
        let d = dl(&["Toronto"], 2012, 2, 22, DatelineStyle::PrNewswire);
        assert_eq!(
            render(&d, &"en".into()),
            "TORONTO, Feb. 22, 2012 /PRNewswire/ --"
        );
        let d = dl(&["Minneapolis"], 2009, 6, 25, DatelineStyle::BusinessWire);
        assert_eq!(
            render(&d, &"en".into()),
            "MINNEAPOLIS--(BUSINESS WIRE)--Jun. 25, 2009--"
        );
        let mut d = dl(&["Oslo"], 2024, 3, 3, DatelineStyle::GlobeNewswire);
        d.places[0].region = Some("Norway".into());
        assert_eq!(
            render(&d, &"en".into()),
            "OSLO, Norway, March 3, 2024 (GLOBE NEWSWIRE) --"
        );
    }

    #[test]
    fn eu_commission_and_none() {
        let d = dl(&["Brussels"], 2015, 10, 31, DatelineStyle::EuCommission);
        assert_eq!(render(&d, &"en".into()), "Brussels, 31 October 2015");
        assert!(DatelineStyle::EuCommission.own_line());
        let d = dl(&["Bruxelles"], 2015, 10, 31, DatelineStyle::EuCommission);
        assert_eq!(render(&d, &"fr".into()), "Bruxelles, 31 octobre 2015");
        let d = dl(&["Brussels"], 2015, 10, 31, DatelineStyle::None);
        assert_eq!(render(&d, &"en".into()), "");
        let d = dl(&[], 2015, 10, 31, DatelineStyle::UnOhchr);
        assert_eq!(render(&d, &"en".into()), "");
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        let d = dl(&["Berlin"], 2025, 2, 3, DatelineStyle::UnOhchr);
        assert_eq!(render(&d, &"de-DE".into()), "BERLIN (3 February 2025) –");
    }
}
