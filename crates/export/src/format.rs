//! The export formats and paper sizes, by name (CLI) and as typed values (UI).

use std::str::FromStr;

use dateline_core::style::HouseStyleId;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ExportError;

/// An export format of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Format {
    /// Wire-ready plain text (the core renderer).
    Text,
    /// Clean Markdown of the whole release.
    Markdown,
    /// A standalone, self-contained HTML5 document (also the app's preview).
    Html,
    /// The same HTML with print CSS (paged, running footer), for PDF.
    Print,
    /// IPTC ninjs 3.x JSON.
    Ninjs,
    /// The release itself as JSON (the on-disk format).
    Json,
    /// schema.org `NewsArticle` JSON-LD alone.
    JsonLd,
}

impl Format {
    /// Every format, in the order menus offer them.
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Print,
        Format::Ninjs,
        Format::Json,
        Format::JsonLd,
    ];

    /// The CLI name (`jsonld`, `print`, …).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Print => "print",
            Format::Ninjs => "ninjs",
            Format::Json => "json",
            Format::JsonLd => "jsonld",
        }
    }

    /// The usual file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html | Format::Print => "html",
            Format::Ninjs => "ninjs.json",
            Format::Json => "json",
            Format::JsonLd => "jsonld",
        }
    }

    /// Human name for menus and save dialogs ("Plain text", "ninjs JSON").
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "Plain text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML document",
            Format::Print => "Print HTML document",
            Format::Ninjs => "ninjs JSON",
            Format::Json => "Dateline release JSON",
            Format::JsonLd => "JSON-LD",
        }
    }
}

impl FromStr for Format {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Format::Text,
            "markdown" | "md" => Format::Markdown,
            "html" => Format::Html,
            "print" | "pdf" => Format::Print,
            "ninjs" => Format::Ninjs,
            "json" => Format::Json,
            "jsonld" | "json-ld" => Format::JsonLd,
            _ => return Err(ExportError::UnknownFormat(s.to_string())),
        })
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The paper a print export is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The paper a house style prints on unless told otherwise: US wire copy on
    /// Letter, everything else on A4.
    pub fn for_style(style: HouseStyleId) -> Paper {
        match style {
            HouseStyleId::Wire => Paper::Letter,
            HouseStyleId::UnOhchr | HouseStyleId::Corporate => Paper::A4,
        }
    }

    /// The CSS `@page` size keyword.
    pub fn css_size(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// The page margins of the print export in millimetres, shared by the CSS
/// `@page` rule and by engines that take their margins from a print dialog's
/// page setup (WebKitGTK): the running footer sits in the bottom one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Top margin.
    pub top: f64,
    /// Right margin.
    pub right: f64,
    /// Bottom margin (holds the running footer).
    pub bottom: f64,
    /// Left margin.
    pub left: f64,
}

/// The margins of every printed page.
pub const PRINT_MARGINS_MM: Margins = Margins {
    top: 18.0,
    right: 20.0,
    bottom: 20.0,
    left: 20.0,
};

/// Size of the running footer's text, in points.
pub const FOOTER_SIZE_PT: f64 = 8.0;

/// Grey level of the running footer's text (`#666`: 0x66 / 0xff).
pub const FOOTER_GREY: f64 = 0.4;

/// Points per millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

impl Paper {
    /// Width and height of the sheet in PDF points (as Chromium and GTK write them).
    pub fn size_pt(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0 * PT_PER_MM, 297.0 * PT_PER_MM),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

impl FromStr for Paper {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" | "usletter" => Ok(Paper::Letter),
            _ => Err(ExportError::UnknownPaper(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_is_an_error() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().ok(), Some(f));
        }
        assert_eq!("JSON-LD".parse::<Format>().ok(), Some(Format::JsonLd));
        let err = "docx".parse::<Format>().err();
        assert_eq!(
            err.map(|e| e.code()),
            Some(dateline_core::ErrorCode::UnknownFormat)
        );
        assert_eq!("Letter".parse::<Paper>().ok(), Some(Paper::Letter));
        assert!("a5".parse::<Paper>().is_err());
    }
}
