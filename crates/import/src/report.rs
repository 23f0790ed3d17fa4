//! What the importer tells the writer besides the release: the options it ran
//! with, what it recognised (with a confidence), what it is unsure about, and
//! the page furniture it dropped on purpose. The desktop app shows the unsure
//! findings as "check these".

use chrono::NaiveDate;
use dateline_core::style::HouseStyleId;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The format of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SourceFormat {
    /// Plain text (wire copy, e-mail, a `.txt` file).
    Text,
    /// Markdown.
    Markdown,
    /// HTML from a web page or pasted from Word.
    Html,
}

impl SourceFormat {
    /// Every input format, in the order menus offer them.
    pub const ALL: [SourceFormat; 3] = [
        SourceFormat::Text,
        SourceFormat::Markdown,
        SourceFormat::Html,
    ];

    /// The CLI name (`text`, `markdown`, `html`).
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
        }
    }

    /// Human name for menus.
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Text => "Plain text",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Html => "HTML (web page or Word)",
        }
    }
}

impl std::str::FromStr for SourceFormat {
    type Err = crate::ImportError;

    /// A format by name or usual extension, any case (`txt`, `md`, `htm`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(SourceFormat::Text),
            "markdown" | "md" => Ok(SourceFormat::Markdown),
            "html" | "htm" => Ok(SourceFormat::Html),
            _ => Err(crate::ImportError::UnknownFormat(s.trim().to_string())),
        }
    }
}

impl std::fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportOptions {
    /// The input format; `None` guesses it from the content.
    #[serde(default)]
    pub format: Option<SourceFormat>,
    /// The house style of the result; `None` picks it from the text
    /// (`(Press Release)` after the headline means UN / OHCHR, wire datelines
    /// and `###` mean Wire, anything else Corporate).
    #[serde(default)]
    pub style: Option<HouseStyleId>,
    /// BCP 47 language of the release; `None` detects English, French or Spanish.
    #[serde(default)]
    pub language: Option<String>,
    /// The date the document was published, used for datelines without a year
    /// (`NEW YORK, 7 July (UN Headquarters) --`) and datelines without a date.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub document_date: Option<NaiveDate>,
}

/// How sure the importer is about a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Confidence {
    /// A guess: check it.
    Low,
    /// Probably right.
    Medium,
    /// A standard form, recognised exactly.
    High,
}

/// One thing the importer recognised (or doubts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Finding {
    /// The field, as a path of the release: `headline`, `dateline`, `body[3]`, `contacts`.
    pub field: String,
    /// How sure the importer is.
    pub confidence: Confidence,
    /// What was found or what to check, as a sentence.
    pub note: String,
}

/// Text the importer left out on purpose (page furniture, labels).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dropped {
    /// The text dropped, verbatim.
    pub text: String,
    /// Why: "navigation", "publication date line", "contact field label", ….
    pub reason: String,
}

/// What a part of the input was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PartRole {
    /// Page furniture, navigation or a label: left out (see `dropped`).
    Furniture,
    /// The release line (`FOR IMMEDIATE RELEASE`, an embargo).
    ReleaseLine,
    /// A genre line (`PRESS RELEASE`), kept as `meta.kind`.
    Genre,
    /// A date line above or below the headline.
    Date,
    /// The headline.
    Headline,
    /// The subheadline.
    Subheadline,
    /// The dateline (with the lead after it, when on the same line).
    Dateline,
    /// A body paragraph.
    Paragraph,
    /// A body sub-heading.
    Heading,
    /// A bullet or numbered list (or one item of it).
    List,
    /// A quote (or one paragraph of it); `speaker` says whose.
    Quote,
    /// The end mark.
    EndMark,
    /// A footnote.
    Footnote,
    /// Boilerplate: "About …", notes to editors, an untitled note.
    Boilerplate,
    /// Media contacts.
    Contacts,
    /// The actions footer (follow, subscribe, links).
    Actions,
}

/// Lines of the input, 1-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LineRange {
    /// The first line.
    pub first: usize,
    /// The last line.
    pub last: usize,
}

/// One part of the input (a paragraph, a line standing alone, a heading), as
/// the import read it: what it became and how sure the importer is. The
/// review screen shows these in order with confidence colours; an
/// [`crate::Override`] names a part by its `index`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Part {
    /// The part's number, from 0 in reading order; stable for the same input.
    pub index: usize,
    /// Its text, as read (lines joined).
    pub text: String,
    /// Where it is in the input: its lines in plain text and Markdown; in
    /// HTML, the lines of the markup where its text starts and ends (`None`
    /// when the text could not be found there, e.g. text made by entities only).
    pub lines: Option<LineRange>,
    /// What it became.
    pub role: PartRole,
    /// How sure the importer is.
    pub confidence: Confidence,
    /// The field of the release it went to (`headline`, `body[3]`,
    /// `boilerplate[0]`, `contacts`), when it went to one.
    pub field: Option<String>,
    /// For a quote, the id of its speaker in `release.people`.
    pub speaker: Option<String>,
}

/// The import report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    /// The format the input was read as.
    pub format: SourceFormat,
    /// What was recognised, with a confidence.
    pub recognised: Vec<Finding>,
    /// What to check: guesses, ambiguities, text placed in a fallback field.
    pub unsure: Vec<Finding>,
    /// Page furniture and labels dropped on purpose.
    pub dropped: Vec<Dropped>,
    /// Every part of the input in reading order, with what it became.
    pub parts: Vec<Part>,
}

impl ImportReport {
    pub(crate) fn new(format: SourceFormat) -> ImportReport {
        ImportReport {
            format,
            recognised: Vec::new(),
            unsure: Vec::new(),
            dropped: Vec::new(),
            parts: Vec::new(),
        }
    }

    /// Records what part `index` became (the last word wins: assembly refines,
    /// except that a dateline stays one).
    pub(crate) fn part(
        &mut self,
        index: usize,
        role: PartRole,
        confidence: Confidence,
        field: Option<String>,
    ) {
        if let Some(p) = self.parts.get_mut(index) {
            // A dateline keeps its role when the lead after it on the same line is read.
            if p.role == PartRole::Dateline && role == PartRole::Paragraph {
                return;
            }
            p.role = role;
            p.confidence = confidence;
            p.field = field;
        }
    }

    /// Records a finding; `Low` confidence findings go to `unsure` as well.
    pub(crate) fn found(&mut self, field: &str, confidence: Confidence, note: impl Into<String>) {
        let f = Finding {
            field: field.to_string(),
            confidence,
            note: note.into(),
        };
        if confidence == Confidence::Low {
            self.unsure.push(f.clone());
        }
        self.recognised.push(f);
    }

    /// Records the speaker of the quote part `index` became.
    pub(crate) fn part_speaker(&mut self, index: usize, speaker: Option<String>) {
        if let Some(p) = self.parts.get_mut(index) {
            p.speaker = speaker;
        }
    }

    /// Records a doubt the writer should check.
    pub(crate) fn unsure(&mut self, field: &str, note: impl Into<String>) {
        self.unsure.push(Finding {
            field: field.to_string(),
            confidence: Confidence::Low,
            note: note.into(),
        });
    }

    /// Records dropped text (kept whole: the "never loses text" check relies on it).
    pub(crate) fn drop_text(&mut self, text: &str, reason: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.dropped.push(Dropped {
            text: text.to_string(),
            reason: reason.to_string(),
        });
    }
}
