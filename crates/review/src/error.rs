//! Errors of the review workflow: every refusal a person may see, with a
//! stable [`ReviewError::code`] for the UI and one sentence they can act on.

use dateline_core::ErrorCode;
use dateline_store::StoreError;

use crate::state::Blocker;

/// What can go wrong in the review workflow.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReviewError {
    /// The store failed (not found, busy, disk full…).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A field path that does not parse.
    #[error("“{0}” is not a field path (for example headline, dateline, body[2], body[3].paragraphs[0].segments[0], footnotes[0], contacts[1], actions.items[0])")]
    BadPath(String),
    /// A field path that parses but names nothing in the release.
    #[error("the release has no field “{0}”")]
    NoSuchField(String),
    /// A text range outside its field, or empty.
    #[error("the range {start}..{end} does not fit the field “{field}”, whose text has {len} characters (ranges count characters from 0 and hold at least one)")]
    BadRange {
        /// The field.
        field: String,
        /// First character of the range.
        start: u32,
        /// One past its last character.
        end: u32,
        /// Length of the field's text in characters.
        len: u32,
    },
    /// A text (comment, note, suggestion) above its size limit.
    #[error("the {what} is {size} bytes long; at most {max} bytes are accepted")]
    TooLong {
        /// "comment", "suggestion", "note"…
        what: &'static str,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// A text that must not be empty.
    #[error("the {0} is empty")]
    Empty(&'static str),
    /// The person lacks the role the action needs.
    #[error("{who} does not hold the role {needed} (roles held: {held})")]
    MissingRole {
        /// The person acting.
        who: String,
        /// The role(s) that would allow it.
        needed: String,
        /// The roles they hold.
        held: String,
    },
    /// A writer approving their own release, which the rules forbid.
    #[error("{0} wrote this release and cannot approve it (the workspace's rules forbid writers to approve their own releases)")]
    OwnRelease(String),
    /// A state change the rules do not allow.
    #[error("a release cannot move from {from} to {to}; from {from} it can move to: {allowed}")]
    Transition {
        /// The current state.
        from: String,
        /// The state asked for.
        to: String,
        /// The states allowed from here.
        allowed: String,
    },
    /// A gated state change refused because of what still blocks it.
    #[error("moving to {to} is blocked by {} open item(s): {}", .blockers.len(), list(.blockers))]
    Blocked {
        /// The state asked for.
        to: String,
        /// Everything that blocks it.
        blockers: Vec<Blocker>,
    },
    /// No record (comment, suggestion, request) with that id.
    #[error("no {what} has the id “{id}”")]
    NotFound {
        /// "comment", "suggestion"…
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// Any other request that does not make sense (quote 9 of a release with 3).
    #[error("{0}")]
    Invalid(String),
    /// A stored record whose body does not decode.
    #[error("the record {id} cannot be read ({why})")]
    BadRecord {
        /// The record's id.
        id: String,
        /// What was wrong.
        why: String,
    },
}

fn list(blockers: &[Blocker]) -> String {
    blockers
        .iter()
        .map(|b| b.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

impl ReviewError {
    /// Stable machine-readable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            ReviewError::Store(e) => e.code(),
            ReviewError::BadPath(_) => ErrorCode::BadPath,
            ReviewError::NoSuchField(_) => ErrorCode::NoSuchField,
            ReviewError::BadRange { .. } => ErrorCode::BadRange,
            ReviewError::TooLong { .. } => ErrorCode::TooLong,
            ReviewError::Empty(_) => ErrorCode::EmptyText,
            ReviewError::MissingRole { .. } => ErrorCode::MissingRole,
            ReviewError::OwnRelease(_) => ErrorCode::OwnRelease,
            ReviewError::Transition { .. } => ErrorCode::TransitionNotAllowed,
            ReviewError::Blocked { .. } => ErrorCode::Blocked,
            ReviewError::NotFound { .. } => ErrorCode::NotFound,
            ReviewError::Invalid(_) => ErrorCode::InvalidRequest,
            ReviewError::BadRecord { .. } => ErrorCode::BadRecord,
        }
    }
}
