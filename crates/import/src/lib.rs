//! `dateline-import`: paste any press release — plain text, Markdown, HTML from a
//! web page or from Word — and get the structured [`Release`] of `dateline-core`,
//! with a report of what was recognised, what to check, and what was dropped.
//!
//! ```
//! let text = "Acme opens a plant (Press Release)\n\nGENEVA (14 May 2025) – Acme opened a plant today.\n\nENDS";
//! let out = dateline_import::import(text.as_bytes(), &Default::default()).unwrap();
//! assert_eq!(out.release.headline, "Acme opens a plant");
//! assert_eq!(dateline_core::render_text(&out.release), text);
//! ```
//!
//! # What the plain-text format carries
//! [`render_text`](dateline_core::render_text) prints, and the importer reads
//! back (the round-trip property test checks exactly this list):
//! - the release line (immediate, or embargo time, zone and date);
//! - the headline, and the subheadline when the release has a dateline (HTML
//!   and Markdown mark it up, so there it needs none);
//! - `meta.kind` and the UN/OHCHR house style, through the genre suffix
//!   `(Press Release)`; `meta.language` through localized month names, quote
//!   verbs and release lines (or [`ImportOptions::language`]);
//! - the dateline's places (with regions), date and style; the year of a UN
//!   Headquarters dateline comes from [`ImportOptions::document_date`] or a
//!   date line above the headline;
//! - body paragraphs, sub-headings (a short line without final punctuation
//!   between paragraphs), bullet lists, and quotes with their paragraphs,
//!   segments, lead-ins and attribution forms;
//! - the people quotes and footnotes name: name, and the title, pronoun and
//!   role noun as far as attributions print them;
//! - the end mark; footnotes (marker, label, people, text); boilerplate titles
//!   and paragraphs; contacts (name, role — role and organisation come back
//!   joined as one role — email, phone); the actions title and the text of
//!   each action item.
//!
//! It does not carry: `meta.id`, `organisation`, `status` (imports start as
//! drafts), `created`, `updated`, `tags`; which of the Wire and Corporate house
//! styles was used; person ids (made from surnames), pronouns and role nouns
//! no attribution uses, explicit surnames; inline Markdown; and the URLs of
//! action links (items come back as plain lines; HTML and Markdown input keep
//! their links).
//!
//! # Rich sources
//! Markdown and HTML keep their inline markup: emphasis, code and safe links
//! (`http`, `https`, `mailto`) stay in the body's paragraphs, headings and
//! lists as inline Markdown, when that Markdown reads back to the same words.
//!
//! # Review before it becomes a release
//! [`ImportReport::parts`] lists every part of the input in reading order:
//! its text, its input lines (for HTML, the lines of the markup where its
//! text starts and ends), what it became
//! ([`PartRole`]), how sure the importer is, the release field it went to, and
//! for quotes the speaker. The writer's corrections ("this paragraph is a
//! quote by …", "this line is the dateline") go back in as [`Override`]s to
//! [`import_with`], which runs the same import with those parts pinned.
//!
//! # Never loses text
//! Words the importer cannot place go into a paragraph or an untitled note;
//! words it leaves out on purpose (navigation, page furniture, field labels
//! such as `Tel:`, a dateline’s written form) are listed in the report’s
//! `dropped` list. Attributions the model cannot print as written
//! (`council member Rosa Jimenez said`, `Jane Doe added`, `— Jane Doe, CEO`)
//! are printed in the nearest standard form, listed in the report’s `unsure`
//! findings, and their words as written are listed as dropped.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod contacts;
pub mod dateline;
pub mod dates;
pub mod decode;
pub mod error;
pub mod head;
pub mod overrides;
pub mod people;
pub mod quote;
pub mod report;
pub mod source;
pub mod tail;
pub mod text_util;

mod assemble;
mod body;

use dateline_core::Release;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use decode::MAX_INPUT_BYTES;
pub use error::ImportError;
pub use overrides::Override;
pub use report::{
    Confidence, Dropped, Finding, ImportOptions, ImportReport, LineRange, Part, PartRole,
    SourceFormat,
};

/// The result of an import: the release and the report on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Imported {
    /// The release, structured.
    pub release: Release,
    /// What was recognised, what to check, what was dropped.
    pub report: ImportReport,
}

/// Imports a press release from `input` (UTF-8 text, Markdown or HTML).
///
/// Fails only on input that is not text at all (empty, binary, invalid UTF-8,
/// larger than [`MAX_INPUT_BYTES`]) or has nothing that could be a headline;
/// everything else imports, with doubts in the report.
pub fn import(input: &[u8], opts: &ImportOptions) -> Result<Imported, ImportError> {
    import_with(input, opts, &[])
}

/// Imports `input` again with the writer's corrections from the review
/// screen: each [`Override`] pins what one part (by its index in
/// `report.parts` of a previous import of the same input) is.
///
/// ```
/// use dateline_import::{import, import_with, Override, PartRole};
/// let text = "Acme opens a plant\n\nThe plant opened today.\n\nWe are proud of it, the team wrote.";
/// let first = import(text.as_bytes(), &Default::default()).unwrap();
/// let last = first.report.parts.last().unwrap().index;
/// let fixed = import_with(
///     text.as_bytes(),
///     &Default::default(),
///     &[Override::Quote { part: last, speaker: "Jane Doe".into(), title: None }],
/// )
/// .unwrap();
/// assert_eq!(fixed.report.parts[last].role, PartRole::Quote);
/// assert_eq!(fixed.release.people[0].name, "Jane Doe");
/// ```
///
/// Fails like [`import`], and with [`ImportError::BadOverride`] when a
/// correction names no part of the input or does not fit it (a dateline
/// override on a part with no place and date, a quote with no speaker name).
pub fn import_with(
    input: &[u8],
    opts: &ImportOptions,
    overrides: &[Override],
) -> Result<Imported, ImportError> {
    let text = decode::decode(input)?;
    let format = opts.format.unwrap_or_else(|| decode::sniff(&text));
    let source = match format {
        SourceFormat::Text => source::text::read(&text),
        SourceFormat::Markdown => source::markdown::read(&text),
        SourceFormat::Html => source::html::read(&text),
    };
    assemble::assemble(source, format, opts, overrides)
}
