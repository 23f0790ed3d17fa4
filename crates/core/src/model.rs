//! The release model: a press release as structured data.
//!
//! Everything a communications officer edits is a typed field here; nothing is
//! stored pre-rendered. Renderers (plain text in [`crate::text`], HTML and the
//! other exports in `dateline-export`) turn a [`Release`] into output according
//! to its house style. The types derive `serde` (the on-disk and IPC format,
//! camelCase) and `ts_rs::TS` (the TypeScript bindings the UI uses).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A press release, complete. This is the unit that is saved as a revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Release {
    /// Identity, language, status and bookkeeping.
    pub meta: Meta,
    /// The house style the release is rendered in (see [`crate::style::HouseStyle`]).
    #[serde(default)]
    pub style: crate::style::HouseStyleId,
    /// `FOR IMMEDIATE RELEASE`, an embargo, or nothing.
    #[serde(default)]
    pub release_line: ReleaseLine,
    /// The headline, without any genre suffix (the style adds e.g. "(Press Release)").
    pub headline: String,
    /// An optional subheadline (may be several sentences).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subheadline: Option<String>,
    /// Place(s) and date; `None` when the release carries no dateline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// The body, in order. The dateline prefixes the first block.
    #[serde(default)]
    pub body: Vec<Block>,
    /// The people of the release: quote speakers and footnote subjects refer to them by id.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The end mark placed after the body (`ENDS`, `###`, …).
    #[serde(default)]
    pub end_mark: EndMark,
    /// Footnotes after the end mark (`*The expert: …`).
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// "About …" sections and notes to editors.
    #[serde(default)]
    pub boilerplate: Vec<Boilerplate>,
    /// Media contacts.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// The actions footer: links and plain lines, in order.
    #[serde(default)]
    pub actions: Actions,
}

/// Identity and bookkeeping of a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Meta {
    /// Stable id of the release (assigned by the store; empty for a release not stored yet).
    #[serde(default)]
    pub id: String,
    /// The issuing organisation, e.g. "OHCHR".
    #[serde(default)]
    pub organisation: String,
    /// BCP 47 language tag, e.g. "en", "fr-CH", "es" (any case; kept canonical).
    pub language: crate::Language,
    /// Workflow status.
    #[serde(default)]
    pub status: Status,
    /// The genre of the document; some styles print it after the headline.
    #[serde(default)]
    pub kind: Kind,
    /// When the release was first created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub created: Option<DateTime<Utc>>,
    /// When the release was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "string | null")]
    pub updated: Option<DateTime<Utc>>,
    /// Free tags for search and filing.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Workflow status of a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Approved,
    Published,
    Withdrawn,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::InReview,
        Status::Approved,
        Status::Published,
        Status::Withdrawn,
    ];

    /// Human name, sentence case ("In review").
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::InReview => "In review",
            Status::Approved => "Approved",
            Status::Published => "Published",
            Status::Withdrawn => "Withdrawn",
        }
    }
}

/// Genre of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Kind {
    #[default]
    PressRelease,
    Statement,
    MediaAdvisory,
    NewsRelease,
}

impl Kind {
    /// Every genre, in the order the UI offers them.
    pub const ALL: [Kind; 4] = [
        Kind::PressRelease,
        Kind::Statement,
        Kind::MediaAdvisory,
        Kind::NewsRelease,
    ];

    /// Human name for menus, sentence case ("Press release").
    pub fn label(self) -> &'static str {
        match self {
            Kind::PressRelease => "Press release",
            Kind::Statement => "Statement",
            Kind::MediaAdvisory => "Media advisory",
            Kind::NewsRelease => "News release",
        }
    }

    /// The genre as printed after the headline in the release's language
    /// ("Press Release", "Communiqué de presse", "Comunicado de prensa").
    pub fn genre(self, lang: &crate::Language) -> &'static str {
        use crate::dateline::DateLanguage::{English, French, Spanish};
        match (self, lang.words()) {
            (Kind::PressRelease, English) => "Press Release",
            (Kind::PressRelease, French) => "Communiqué de presse",
            (Kind::PressRelease, Spanish) => "Comunicado de prensa",
            (Kind::Statement, English) => "Statement",
            (Kind::Statement, French) => "Déclaration",
            (Kind::Statement, Spanish) => "Declaración",
            (Kind::MediaAdvisory, English) => "Media Advisory",
            (Kind::MediaAdvisory, French) => "Avis aux médias",
            (Kind::MediaAdvisory, Spanish) => "Aviso a los medios",
            (Kind::NewsRelease, English) => "News Release",
            (Kind::NewsRelease, French) => "Communiqué",
            (Kind::NewsRelease, Spanish) => "Nota de prensa",
        }
    }
}

/// The release line printed above the headline.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub enum ReleaseLine {
    /// No release line.
    #[default]
    None,
    /// `FOR IMMEDIATE RELEASE`.
    Immediate,
    /// Embargoed until a local time in a named time zone.
    #[serde(rename_all = "camelCase")]
    Embargoed {
        /// Wall-clock time in `zone`, e.g. `2025-05-15T00:01:00`.
        #[ts(type = "string")]
        until: NaiveDateTime,
        /// IANA time zone name, e.g. "Europe/Zurich", or "UTC"/"GMT".
        zone: String,
    },
}

/// Place(s) and date at the head of the lead paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Dateline {
    /// One or more places, as written in running text ("Geneva", "New York").
    /// Styles decide the case (most print them in capitals).
    pub places: Vec<Place>,
    /// The date of the release.
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// How the dateline is rendered.
    pub style: crate::dateline::DatelineStyle,
}

/// A dateline place: a city and, for some styles, its region or country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Place {
    /// City as written in running text: "Geneva".
    pub city: String,
    /// Optional state/country printed by some styles (GlobeNewswire: "Oslo, Norway").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub enum Block {
    /// A paragraph of Markdown inline text.
    Paragraph { text: String },
    /// A quote of one or more paragraphs by a person of the release.
    Quote(Quote),
    /// A sub-heading inside the body.
    Heading { text: String },
    /// A bullet list; each item is Markdown inline text.
    List { items: Vec<String> },
}

/// A quote: what a person said, over one or more paragraphs, with its attribution(s).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Quote {
    /// Id of the [`Person`] speaking.
    pub speaker: String,
    /// The paragraphs of the quote; a quote running over several paragraphs opens each
    /// with a quotation mark and closes only the last.
    pub paragraphs: Vec<QuoteParagraph>,
}

/// One paragraph of a quote: quoted segments, each optionally followed by an attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct QuoteParagraph {
    /// Optional attribution printed before the first segment (`NAME said: “…”`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<Attribution>,
    /// The quoted segments in order.
    pub segments: Vec<QuoteSegment>,
}

/// A stretch of quoted words (verbatim, without the quotation marks) and the
/// attribution that follows it, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct QuoteSegment {
    /// The words inside the quotation marks, punctuation included (`…standards,`).
    pub text: String,
    /// The attribution after the closing quotation mark (`said Mary Lawlor, …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
}

/// How a quote is attributed to its speaker. The words come from the [`Person`]
/// (name, title, pronoun, role), so editing a title once changes every attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Attribution {
    /// `said Mary Lawlor, Special Rapporteur on ….`
    SaidNameTitle,
    /// `Mary Lawlor, Special Rapporteur on …, said.`
    NameTitleSaid,
    /// `said Mary Lawlor.`
    SaidName,
    /// `Mary Lawlor said.`
    NameSaid,
    /// `Lawlor said.`
    SurnameSaid,
    /// `said Lawlor.`
    SaidSurname,
    /// `she said.`
    PronounSaid,
    /// `the expert said.`
    RoleSaid,
    /// `Mary Lawlor said:` (before the quote, as a lead-in).
    NameSaidColon,
    /// `Lawlor said:` (before the quote, as a lead-in).
    SurnameSaidColon,
}

impl Attribution {
    /// Every form, in the order the UI offers them.
    pub const ALL: [Attribution; 10] = [
        Attribution::SaidNameTitle,
        Attribution::NameTitleSaid,
        Attribution::SaidName,
        Attribution::NameSaid,
        Attribution::SurnameSaid,
        Attribution::SaidSurname,
        Attribution::PronounSaid,
        Attribution::RoleSaid,
        Attribution::NameSaidColon,
        Attribution::SurnameSaidColon,
    ];
}

/// A person of the release: quote speaker and/or footnote subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Person {
    /// Id unique within the release, referenced by quotes and footnotes ("lawlor").
    pub id: String,
    /// Full name: "Mary Lawlor".
    pub name: String,
    /// Surname used in short attributions; defaults to the last word of `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Title or role: "Special Rapporteur on the situation of human rights defenders".
    #[serde(default)]
    pub title: String,
    /// Pronoun used in attributions ("she", "he", "they").
    #[serde(default = "default_pronoun")]
    pub pronoun: String,
    /// How the release refers to the person by role: "the expert".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_noun: Option<String>,
}

fn default_pronoun() -> String {
    "they".to_string()
}

impl Person {
    /// The surname used in short attributions.
    pub fn surname(&self) -> &str {
        match &self.surname {
            Some(s) if !s.trim().is_empty() => s,
            _ => self.name.split_whitespace().last().unwrap_or(&self.name),
        }
    }
}

/// The end mark after the body.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(
    tag = "type",
    content = "text",
    rename_all = "camelCase",
    deny_unknown_fields
)]
#[ts(export)]
pub enum EndMark {
    /// No end mark.
    #[default]
    None,
    /// `ENDS`
    Ends,
    /// `-ENDS-`
    DashEnds,
    /// `###`
    Hashes,
    /// `-30-`
    Thirty,
    /// `-end-`
    End,
    /// Anything else, verbatim (`* *** *`, `#####`).
    Custom(String),
}

impl EndMark {
    /// The mark as printed, or `None`.
    pub fn text(&self) -> Option<&str> {
        match self {
            EndMark::None => None,
            EndMark::Ends => Some("ENDS"),
            EndMark::DashEnds => Some("-ENDS-"),
            EndMark::Hashes => Some("###"),
            EndMark::Thirty => Some("-30-"),
            EndMark::End => Some("-end-"),
            EndMark::Custom(s) => Some(s),
        }
    }
}

/// A footnote after the end mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Footnote {
    /// The marker, also present in the body text: `*`, `**`, `†`.
    pub marker: String,
    /// People the footnote is about; their names and titles are printed from [`Person`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    /// Label before the people, e.g. "The expert" (printed as `*The expert: NAME, TITLE.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Free Markdown text; printed after the people, or alone when there are none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// An "About …" section or notes to editors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Boilerplate {
    /// Heading: "About OHCHR", "Notes to editors".
    pub title: String,
    /// Paragraphs of Markdown inline text.
    pub paragraphs: Vec<String>,
}

/// A media contact.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// The actions footer: an optional title and ordered items.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Actions {
    /// Title printed above the items ("Actions"); none when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default)]
    pub items: Vec<ActionItem>,
}

/// One item of the actions footer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub enum ActionItem {
    /// A link: label and http(s)/mailto URL.
    Link { label: String, url: String },
    /// A plain line of text.
    Line { text: String },
}
