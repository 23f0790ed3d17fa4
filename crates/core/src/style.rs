//! House styles: the choices an organisation makes once for all its releases.
//!
//! A release names its house style; every renderer (plain text here, HTML and
//! print in `dateline-export`) asks the style for quote marks, the genre
//! suffix on the headline, the default end mark and dateline style. Fonts and
//! colours of the HTML output live with the HTML renderer, keyed by the same id.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dateline::DatelineStyle;
use crate::model::EndMark;

/// The house styles Dateline ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HouseStyleId {
    /// United Nations / OHCHR: `GENEVA (14 May 2025) –`, `ENDS`, `*The expert:` footnotes.
    #[default]
    UnOhchr,
    /// Wire service: AP dateline, `###` end mark, straight to the point.
    Wire,
    /// Plain corporate: classic dateline, `-ENDS-`, "About" boilerplate.
    Corporate,
}

impl HouseStyleId {
    /// Every style, in the order the UI offers them.
    pub const ALL: [HouseStyleId; 3] = [
        HouseStyleId::UnOhchr,
        HouseStyleId::Wire,
        HouseStyleId::Corporate,
    ];

    /// The full style for this id.
    pub fn style(self) -> HouseStyle {
        match self {
            HouseStyleId::UnOhchr => HouseStyle {
                id: self,
                name: "UN / OHCHR",
                dateline: DatelineStyle::UnOhchr,
                end_mark: EndMark::Ends,
                kind_after_headline: true,
                blank_lines_before_footnotes: 2,
            },
            HouseStyleId::Wire => HouseStyle {
                id: self,
                name: "Wire service",
                dateline: DatelineStyle::Ap,
                end_mark: EndMark::Hashes,
                kind_after_headline: false,
                blank_lines_before_footnotes: 1,
            },
            HouseStyleId::Corporate => HouseStyle {
                id: self,
                name: "Corporate",
                dateline: DatelineStyle::UnClassic,
                end_mark: EndMark::DashEnds,
                kind_after_headline: false,
                blank_lines_before_footnotes: 1,
            },
        }
    }
}

/// What a house style decides.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseStyle {
    pub id: HouseStyleId,
    /// Human name.
    pub name: &'static str,
    /// Dateline style new releases start with.
    pub dateline: DatelineStyle,
    /// End mark new releases start with.
    pub end_mark: EndMark,
    /// Print the genre after the headline: `… Khakimova (Press Release)`.
    pub kind_after_headline: bool,
    /// Blank lines between the end mark and the footnotes in plain text.
    pub blank_lines_before_footnotes: usize,
}

/// Opening and closing quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMarks {
    pub open: &'static str,
    pub close: &'static str,
}

impl HouseStyle {
    /// Quotation marks for a release in `lang` (BCP 47): “ ” for English and
    /// Spanish, « » (with narrow no-break spaces) for French.
    pub fn quote_marks(&self, lang: &crate::Language) -> QuoteMarks {
        match lang.primary() {
            "fr" => QuoteMarks {
                open: "«\u{202f}",
                close: "\u{202f}»",
            },
            _ => QuoteMarks {
                open: "“",
                close: "”",
            },
        }
    }
}
