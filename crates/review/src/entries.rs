//! The typed review records and their envelope.
//!
//! Every action of the workflow is one [`Entry`] stored as a
//! [`dateline_store::Record`] (kind + JSON body): nothing is edited in place,
//! so resolving a comment is a new `commentStatus` record, accepting a
//! suggestion a `suggestionDecision`, and so on. Workspace-wide settings
//! (roles, rules, profiles) are records of the reserved release id
//! [`WORKSPACE`].

use chrono::NaiveDate;
use dateline_store::Record;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::anchor::TextRange;
use crate::model::{Profile, ReviewStatus, Role, Rules, Verdict, Via};
use crate::state::Blocker;
use crate::ReviewError;

/// The release id under which workspace-wide settings are recorded.
pub const WORKSPACE: &str = "workspace";

/// Where a comment points: a field, optionally a range of its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Anchor {
    /// Field path, as in validation problems: `headline`, `body[2]`, `footnotes[0]`.
    pub field: String,
    /// Characters `start..end` of the field's text; the whole field when `None`.
    #[serde(default)]
    pub range: Option<TextRange>,
    /// The text pointed at when the comment was made (the range, or the whole field).
    pub text: String,
}

/// What a whole approval covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum ApprovalScope {
    /// The whole release, approved for a role (editor, legal).
    #[serde(rename_all = "camelCase")]
    Release {
        /// The role approving.
        role: Role,
    },
    /// One quote, signed off by the person quoted: its text, its attributions,
    /// and the speaker's name and title.
    #[serde(rename_all = "camelCase")]
    Quote {
        /// Index of the quote's block in the body of the approved revision.
        block: u32,
        /// Id of the person quoted.
        speaker: String,
    },
}

/// One action of the review workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "body", rename_all = "camelCase")]
#[ts(export)]
pub enum Entry {
    /// Workspace: the roles a person holds (replaces their earlier roles).
    #[serde(rename_all = "camelCase")]
    Roles {
        /// The person's name.
        person: String,
        /// Their roles.
        roles: Vec<Role>,
    },
    /// Workspace: a local profile (name and email).
    Profile(Profile),
    /// Workspace: the review rules (replace the earlier rules).
    Rules(Rules),
    /// A state change, with its note; `override_reason` when an admin moved past the gates.
    #[serde(rename_all = "camelCase")]
    Transition {
        /// The state before.
        from: ReviewStatus,
        /// The state after.
        to: ReviewStatus,
        /// Why.
        #[serde(default)]
        note: Option<String>,
        /// An admin's reason for overriding the gates.
        #[serde(default)]
        override_reason: Option<String>,
        /// What blocked the change when it was overridden.
        #[serde(default)]
        overridden: Vec<Blocker>,
    },
    /// Named people and/or a role asked to review a revision.
    #[serde(rename_all = "camelCase")]
    ReviewRequest {
        /// People asked, by name.
        reviewers: Vec<String>,
        /// A role asked (anyone holding it may answer).
        #[serde(default)]
        role: Option<Role>,
        /// When the answer is due.
        #[serde(default)]
        #[ts(type = "string | null")]
        due: Option<NaiveDate>,
        /// A note to the reviewers.
        #[serde(default)]
        note: Option<String>,
    },
    /// An answer to a review request.
    #[serde(rename_all = "camelCase")]
    ReviewAnswer {
        /// The request's record id.
        request: String,
        /// Approve, request changes, or comment.
        verdict: Verdict,
        /// What the reviewer says.
        #[serde(default)]
        note: Option<String>,
    },
    /// A comment on a field (or a reply to another comment).
    #[serde(rename_all = "camelCase")]
    Comment {
        /// Where it points (a reply carries its thread's anchor).
        anchor: Anchor,
        /// What it says.
        text: String,
        /// The comment it answers, for a reply.
        #[serde(default)]
        reply_to: Option<String>,
    },
    /// A comment thread resolved (or reopened).
    #[serde(rename_all = "camelCase")]
    CommentStatus {
        /// The thread's first comment.
        comment: String,
        /// `true` resolves, `false` reopens.
        resolved: bool,
    },
    /// A proposed new value for one text field.
    #[serde(rename_all = "camelCase")]
    Suggestion {
        /// Field path.
        field: String,
        /// The field's text when suggested.
        old: String,
        /// The proposed text.
        new: String,
        /// Why.
        #[serde(default)]
        note: Option<String>,
    },
    /// A suggestion accepted (with the revision it created) or rejected.
    #[serde(rename_all = "camelCase")]
    SuggestionDecision {
        /// The suggestion's record id.
        suggestion: String,
        /// Accepted or rejected.
        accepted: bool,
        /// Why.
        #[serde(default)]
        note: Option<String>,
        /// The revision accepting created.
        #[serde(default)]
        revision: Option<u32>,
    },
    /// An approval (or a refusal) of a revision, whole or one quote.
    #[serde(rename_all = "camelCase")]
    Approval {
        /// What it covers.
        scope: ApprovalScope,
        /// Approved, or changes requested.
        verdict: Verdict,
        /// Who approved (the person quoted for a sign-off recorded by hand).
        by: String,
        /// How the answer came.
        #[serde(default)]
        via: Via,
        /// What they said.
        #[serde(default)]
        note: Option<String>,
    },
    /// An export of a revision.
    #[serde(rename_all = "camelCase")]
    Export {
        /// The format (`html`, `print`, `ninjs`…).
        format: String,
        /// The file written, if any.
        #[serde(default)]
        file: Option<String>,
    },
}

impl Entry {
    /// Every record kind this version knows, as [`Entry::kind`] names them.
    pub const KINDS: [&'static str; 12] = [
        "roles",
        "profile",
        "rules",
        "transition",
        "reviewRequest",
        "reviewAnswer",
        "comment",
        "commentStatus",
        "suggestion",
        "suggestionDecision",
        "approval",
        "export",
    ];

    /// Kinds that stay on this machine (a local profile): never sent to a team server.
    pub const LOCAL_KINDS: [&'static str; 1] = ["profile"];

    /// The record kind (`comment`, `approval`…).
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::Roles { .. } => "roles",
            Entry::Profile(_) => "profile",
            Entry::Rules(_) => "rules",
            Entry::Transition { .. } => "transition",
            Entry::ReviewRequest { .. } => "reviewRequest",
            Entry::ReviewAnswer { .. } => "reviewAnswer",
            Entry::Comment { .. } => "comment",
            Entry::CommentStatus { .. } => "commentStatus",
            Entry::Suggestion { .. } => "suggestion",
            Entry::SuggestionDecision { .. } => "suggestionDecision",
            Entry::Approval { .. } => "approval",
            Entry::Export { .. } => "export",
        }
    }

    /// The envelope of this entry, made now by `author`.
    pub fn to_record(&self, release_id: &str, author: &str, revision: Option<u32>) -> Record {
        let body = match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut m)) => m.remove("body"),
            _ => None,
        }
        .unwrap_or(serde_json::Value::Null);
        Record::new(release_id, self.kind(), author, revision, body)
    }

    /// The entry in `r`; `Ok(None)` for a kind this version does not know
    /// (written by a newer Dateline: kept, shown in the audit, otherwise ignored).
    pub fn from_record(r: &Record) -> Result<Option<Entry>, ReviewError> {
        let known = Entry::KINDS;
        if !known.contains(&r.kind.as_str()) {
            return Ok(None);
        }
        let v = serde_json::json!({ "kind": r.kind, "body": r.body });
        serde_json::from_value(v)
            .map(Some)
            .map_err(|e| ReviewError::BadRecord {
                id: r.id.clone(),
                why: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_goes_through_its_envelope_unchanged() {
        let e = Entry::Comment {
            anchor: Anchor {
                field: "headline".into(),
                range: Some(TextRange { start: 0, end: 3 }),
                text: "The".into(),
            },
            text: "Shorter?".into(),
            reply_to: None,
        };
        let r = e.to_record("rel", "ana", Some(2));
        assert_eq!(r.kind, "comment");
        assert_eq!(r.body["anchor"]["field"], "headline");
        assert_eq!(Entry::from_record(&r).expect("decodes"), Some(e));
        let unknown = Record::new("rel", "reaction", "ana", None, serde_json::json!({}));
        assert_eq!(Entry::from_record(&unknown).expect("skipped"), None);
        let broken = Record::new("rel", "comment", "ana", None, serde_json::json!({"x": 1}));
        assert_eq!(
            Entry::from_record(&broken).map_err(|e| e.code().as_str()),
            Err("bad_record")
        );
    }
}
