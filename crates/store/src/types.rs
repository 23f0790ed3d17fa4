//! The values the store hands to its callers (and, through the app, to the UI).
//!
//! They are plain serde types in camelCase, exported to TypeScript with ts-rs
//! like the core model, so the UI sees exactly what the library returns.

use chrono::{DateTime, Utc};
use dateline_core::style::HouseStyleId;
use dateline_core::{Release, Status};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Who saves a revision and why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveMeta {
    /// Author recorded on the revision.
    pub author: String,
    /// What changed, if said.
    #[serde(default)]
    pub message: Option<String>,
    /// Checkpoint name ("sent to legal"), if this revision is one.
    #[serde(default)]
    pub name: Option<String>,
}

/// One revision in a release's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RevisionInfo {
    /// 1 for the first save, then 2, 3, … without gaps.
    pub number: u32,
    /// Who saved it.
    pub author: String,
    /// When it was saved.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// What changed, if said.
    pub message: Option<String>,
    /// Checkpoint name, if any.
    pub name: Option<String>,
    /// The revision whose content this one restored, if it is a restore.
    pub restored_from: Option<u32>,
}

/// A release as shown in the release list (from its latest revision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseSummary {
    /// The release id.
    pub id: String,
    /// Headline of the latest revision.
    pub headline: String,
    /// Workflow status of the latest revision.
    pub status: Status,
    /// BCP 47 language tag.
    pub language: String,
    /// Issuing organisation.
    pub organisation: String,
    /// House style.
    pub style: HouseStyleId,
    /// Time of the first revision.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// Time of the latest revision.
    #[ts(type = "string")]
    pub updated: DateTime<Utc>,
    /// Number of revisions.
    pub revisions: u32,
    /// In the trash.
    pub deleted: bool,
    /// An autosaved working copy is waiting.
    pub has_working_copy: bool,
}

/// Which releases [`crate::Store::list`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ListFilter {
    /// Only releases whose headline or text contains this (case-insensitive).
    #[serde(default)]
    pub query: Option<String>,
    /// `true` lists the trash, `false` the releases not in it.
    #[serde(default)]
    pub deleted: bool,
    /// Only these releases (full ids), when set: the library's scopes ("Waiting
    /// for me", "Mine") name the releases the review overview found.
    #[serde(default)]
    pub ids: Option<Vec<String>>,
}

/// One window of the release list ([`crate::Store::list_page`]): the rows from
/// the offset asked, and how many releases the filter matches in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleasePage {
    /// Releases matching the filter, in all.
    pub total: u32,
    /// The rows of the window, in list order.
    pub rows: Vec<ReleaseSummary>,
}

/// The autosaved state of a release being edited, kept apart from its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WorkingCopy {
    /// The release as last autosaved.
    pub release: Release,
    /// When it was autosaved.
    #[ts(type = "string")]
    pub saved_at: DateTime<Utc>,
    /// The revision it was based on (the latest when it was first autosaved;
    /// later autosaves keep it, so a save can merge with revisions pulled since).
    pub base_revision: u32,
}

/// One append-only record about a release (a comment, an approval, a state
/// change, an export…): an envelope the store keeps as is, with a JSON body
/// whose meaning belongs to its `kind` (see `dateline-review`).
///
/// Records are never updated or deleted; storing a record whose `id` is
/// already stored does nothing, so a sync may send the same record twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Record {
    /// Unique id made by the writer (a UUID v7: time-ordered).
    pub id: String,
    /// The release the record is about (its full id).
    pub release_id: String,
    /// What the body is: `comment`, `approval`, `transition`…
    pub kind: String,
    /// Who made it.
    pub author: String,
    /// When it was made (UTC; stored to the microsecond).
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// The revision of the release it refers to, if any.
    pub revision: Option<u32>,
    /// The kind's data.
    #[ts(type = "unknown")]
    pub body: serde_json::Value,
}

impl Record {
    /// A new record made now, with a fresh UUID v7 id (time truncated to the
    /// microsecond, the precision stored, so a record reads back equal).
    pub fn new(
        release_id: &str,
        kind: &str,
        author: &str,
        revision: Option<u32>,
        body: serde_json::Value,
    ) -> Record {
        let now = Utc::now();
        let created = DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now);
        Record {
            id: uuid::Uuid::now_v7().hyphenated().to_string(),
            release_id: release_id.to_string(),
            kind: kind.to_string(),
            author: author.to_string(),
            created,
            revision,
            body,
        }
    }
}
