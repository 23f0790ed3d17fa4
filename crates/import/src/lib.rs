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
//! back: the release line; the headline and (when the release has a dateline)
//! the subheadline; `meta.kind` and the UN/OHCHR house style through the genre
//! suffix `(Press Release)`; the dateline's places, date and style (the year of
//! a UN Headquarters dateline comes from [`ImportOptions::document_date`]);
//! body paragraphs, sub-headings (a short line without final punctuation
//! between paragraphs), bullet lists and quotes with their segments and
//! attribution forms; the people named by quotes and footnotes with their
//! name, title, pronoun and role noun (as far as the attributions show them);
//! the end mark; footnotes (marker, label, people, text); boilerplate;
//! contacts (name, the role and organisation as one `role`, email, phone); the
//! actions title and the text of each action item.
//!
//! It does not carry: `meta.id`, `organisation`, `status` (imports start as
//! drafts), `created`, `updated`, `tags`; which house style other than
//! UN/OHCHR was used; person ids (made from surnames), unused pronouns and
//! explicit surnames; inline Markdown; and the URLs of action links (items
//! come back as plain lines — HTML and Markdown input keep their links).

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod contacts;
pub mod dateline;
pub mod dates;
pub mod decode;
pub mod error;
pub mod head;
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
pub use report::{Confidence, Dropped, Finding, ImportOptions, ImportReport, SourceFormat};

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
    let text = decode::decode(input)?;
    let format = opts.format.unwrap_or_else(|| decode::sniff(&text));
    let source = match format {
        SourceFormat::Text => source::text::read(&text),
        SourceFormat::Markdown => source::markdown::read(&text),
        SourceFormat::Html => source::html::read(&text),
    };
    assemble::assemble(source, format, opts)
}
