//! The JSON contract between the Dateline server and its clients.
//!
//! One set of types serves both sides: the server (built without the HTTP
//! client) deserialises what the app sends with the same structs the app
//! serialises, so the two cannot drift apart.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The most records one push may carry.
pub const MAX_PUSH_RECORDS: usize = 1000;
/// The most records one pull returns.
pub const MAX_PULL_RECORDS: u32 = 1000;
/// The most hashes one "which blobs are missing" question may ask about.
pub const MAX_BLOB_QUERY: usize = 10_000;
/// The longest author name, kind-specific string or user name accepted.
pub const MAX_NAME_LEN: usize = 200;
/// The most hashes one `POST /v1/blobs/batch` may ask for.
pub const MAX_BLOB_BATCH: usize = 5000;
/// The most blob bytes one `POST /v1/blobs/batch` answer carries; the blobs
/// left out are listed in [`BlobBatchResponse::later`], to ask for again.
pub const MAX_BLOB_BATCH_BYTES: usize = 2 * 1024 * 1024;

/// A role in the review workflow; each user has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Drafts and saves revisions.
    Writer,
    /// Edits and comments; may reopen an approved release.
    Editor,
    /// Reviews for legal problems; comments and suggests.
    Legal,
    /// Approves releases (and reopens them).
    Approver,
    /// Everything, including managing users.
    Admin,
}

impl Role {
    /// Every role, in workflow order.
    pub const ALL: [Role; 5] = [
        Role::Writer,
        Role::Editor,
        Role::Legal,
        Role::Approver,
        Role::Admin,
    ];

    /// The role's name as stored and sent (`writer`, `editor`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Writer => "writer",
            Role::Editor => "editor",
            Role::Legal => "legal",
            Role::Approver => "approver",
            Role::Admin => "admin",
        }
    }

    /// Whether this role may approve a release.
    pub fn may_approve(self) -> bool {
        matches!(self, Role::Approver | Role::Admin)
    }

    /// Whether this role may reopen an approved release.
    pub fn may_reopen(self) -> bool {
        matches!(self, Role::Editor | Role::Approver | Role::Admin)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is not one of [`Role::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role “{0}”; the roles are writer, editor, legal, approver and admin")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

/// What an append-only record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A saved revision of a release (its manifest of blob hashes in `blobs`).
    Revision,
    /// A comment on a release or one of its fields.
    Comment,
    /// A suggested change.
    Suggestion,
    /// An approval (only approvers and admins).
    Approval,
    /// A workflow state change: `body.state` is one of [`WorkflowState`].
    State,
    /// An entry of the audit trail.
    Audit,
    /// A review state change (a review [`ReviewBody`]).
    Transition,
    /// A review request (a review [`ReviewBody`]).
    ReviewRequest,
    /// An answer to a review request (a review [`ReviewBody`]).
    ReviewAnswer,
    /// A comment thread resolved or reopened (a review [`ReviewBody`]).
    CommentStatus,
    /// A suggestion accepted or rejected (a review [`ReviewBody`]).
    SuggestionDecision,
    /// An export of a revision, for the audit trail (a review [`ReviewBody`]).
    Export,
    /// Workspace: the roles a person holds (a review [`ReviewBody`]).
    Roles,
    /// Workspace: the review rules (a review [`ReviewBody`]).
    Rules,
}

impl RecordKind {
    /// The kind's name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Revision => "revision",
            RecordKind::Comment => "comment",
            RecordKind::Suggestion => "suggestion",
            RecordKind::Approval => "approval",
            RecordKind::State => "state",
            RecordKind::Audit => "audit",
            RecordKind::Transition => "transition",
            RecordKind::ReviewRequest => "review_request",
            RecordKind::ReviewAnswer => "review_answer",
            RecordKind::CommentStatus => "comment_status",
            RecordKind::SuggestionDecision => "suggestion_decision",
            RecordKind::Export => "export",
            RecordKind::Roles => "roles",
            RecordKind::Rules => "rules",
        }
    }

    /// The kind carrying the review workflow's entries of kind `entry_kind`
    /// (`comment`, `reviewRequest`…, as `dateline-review` names them).
    pub fn for_review(entry_kind: &str) -> Option<RecordKind> {
        Some(match entry_kind {
            "comment" => RecordKind::Comment,
            "suggestion" => RecordKind::Suggestion,
            "approval" => RecordKind::Approval,
            "transition" => RecordKind::Transition,
            "reviewRequest" => RecordKind::ReviewRequest,
            "reviewAnswer" => RecordKind::ReviewAnswer,
            "commentStatus" => RecordKind::CommentStatus,
            "suggestionDecision" => RecordKind::SuggestionDecision,
            "export" => RecordKind::Export,
            "roles" => RecordKind::Roles,
            "rules" => RecordKind::Rules,
            _ => return None,
        })
    }

    /// The review entry kind this kind carries, if it carries one.
    pub fn review_kind(self) -> Option<&'static str> {
        Some(match self {
            RecordKind::Comment => "comment",
            RecordKind::Suggestion => "suggestion",
            RecordKind::Approval => "approval",
            RecordKind::Transition => "transition",
            RecordKind::ReviewRequest => "reviewRequest",
            RecordKind::ReviewAnswer => "reviewAnswer",
            RecordKind::CommentStatus => "commentStatus",
            RecordKind::SuggestionDecision => "suggestionDecision",
            RecordKind::Export => "export",
            RecordKind::Roles => "roles",
            RecordKind::Rules => "rules",
            RecordKind::Revision | RecordKind::State | RecordKind::Audit => return None,
        })
    }

    /// Whether records of this kind must carry a [`ReviewBody`] (the kinds
    /// added for the review workflow; `comment`, `suggestion` and `approval`
    /// records may still carry the older free-form bodies).
    pub fn review_only(self) -> bool {
        self.review_kind().is_some()
            && !matches!(
                self,
                RecordKind::Comment | RecordKind::Suggestion | RecordKind::Approval
            )
    }

    /// Whether records of this kind are workspace-wide (their release id is
    /// [`workspace_release_id`]).
    pub fn workspace_wide(self) -> bool {
        matches!(self, RecordKind::Roles | RecordKind::Rules)
    }
}

/// The body of a record carrying a review workflow entry (`dateline-review`'s
/// `Entry`): the entry's own body, and the global id of the revision it refers
/// to (revision numbers are local to each machine's history).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    /// Marks the body as a review entry (always `1` for this version).
    pub review: u32,
    /// The entry's body, as `dateline-review` serialises it.
    pub entry: serde_json::Value,
    /// The record id of the revision the entry refers to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<Uuid>,
}

impl ReviewBody {
    /// The review body of a record, if it carries one.
    pub fn of(r: &Record) -> Option<ReviewBody> {
        r.kind.review_kind()?;
        if !r.body.get("review").is_some_and(|v| v == 1) {
            return None;
        }
        serde_json::from_value(r.body.clone()).ok()
    }
}

/// The release id under which a workspace's shared settings (roles, rules)
/// travel: derived from the workspace's name, the same on every machine.
pub fn workspace_release_id(workspace: &str) -> Uuid {
    let h = blake3::hash(format!("dateline workspace settings\0{workspace}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&h.as_bytes()[..16]);
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

impl FromStr for RecordKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        serde_json::from_value(serde_json::Value::String(s.to_string()))
            .map_err(|_| format!("unknown record kind “{s}”"))
    }
}

/// The states a `state` record may move a release to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkflowState {
    /// Being written.
    Draft,
    /// Sent to reviewers.
    InReview,
    /// Approved: no more revisions until reopened (approvers and admins only).
    Approved,
    /// Back to editing after an approval (editors, approvers and admins).
    Reopened,
    /// Published.
    Published,
}

/// One append-only record, as the app creates it (offline, with its own id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The record's id (a UUID v7 made by the client); pushes are idempotent by it.
    pub id: Uuid,
    /// The release it belongs to.
    pub release_id: Uuid,
    /// What it is.
    pub kind: RecordKind,
    /// Who wrote it, as the app shows it.
    pub author: String,
    /// When it was written, on the author's machine.
    pub created: DateTime<Utc>,
    /// For revisions, the author's local revision number; for other kinds the
    /// revision the record refers to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
    /// The kind-specific content.
    pub body: serde_json::Value,
    /// Hashes (blake3, 64 hex digits) of the content blocks the record refers
    /// to; each must have been uploaded before the record is pushed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blobs: Vec<String>,
}

/// A record as the server returns it: with its place in the workspace's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredRecord {
    /// Its position in the workspace (the pull cursor): increasing in pull
    /// order, with gaps.
    pub seq: i64,
    /// The signed-in user who pushed it (the server's word, not the client's).
    pub pushed_by: String,
    /// The record itself, exactly as pushed.
    pub record: Record,
}

/// `POST /v1/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginRequest {
    /// The user name.
    pub name: String,
    /// The password.
    pub password: String,
}

/// The signed-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// The user name.
    pub name: String,
    /// The user's role.
    pub role: Role,
    /// The workspace the user belongs to.
    pub workspace: String,
}

/// The answer to a login.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginResponse {
    /// The session token, sent as `Authorization: Bearer TOKEN`.
    pub token: String,
    /// When the session ends.
    pub expires: DateTime<Utc>,
    /// Who signed in.
    pub user: Me,
}

/// `POST /v1/records`: a batch stored all together or not at all.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    /// The records, in the order they were written.
    pub records: Vec<Record>,
    /// Content blocks carried inline (stored in the same transaction as the
    /// records, under their hash, unless already there), so a save needs one
    /// request. Older clients leave this out and upload blocks first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blobs: Vec<InlineBlob>,
}

/// A content block inside a request or answer: its hash and its bytes (base64).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InlineBlob {
    /// blake3 of the bytes, 64 lower-case hex digits.
    pub hash: String,
    /// The bytes, standard base64.
    pub data: String,
}

impl InlineBlob {
    /// The block `bytes` under its hash.
    pub fn new(bytes: &[u8]) -> Self {
        use base64::Engine as _;
        InlineBlob {
            hash: blob_hash(bytes),
            data: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    /// The bytes, if `data` is base64 and they hash to `hash`.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&self.data)
            .ok()?;
        (is_blob_hash(&self.hash) && blob_hash(&bytes) == self.hash).then_some(bytes)
    }
}

/// `POST /v1/blobs/batch`: many blobs in one request.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlobBatchRequest {
    /// The hashes wanted (at most [`MAX_BLOB_BATCH`]).
    pub hashes: Vec<String>,
}

/// The answer to `POST /v1/blobs/batch`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BlobBatchResponse {
    /// The blobs found, at most [`MAX_BLOB_BATCH_BYTES`] of content.
    pub blobs: Vec<InlineBlob>,
    /// Hashes the server holds but left out of this answer (over the byte
    /// budget): ask again.
    #[serde(default)]
    pub later: Vec<String>,
    /// Hashes this workspace does not hold.
    #[serde(default)]
    pub missing: Vec<String>,
}

/// The answer to a push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    /// Records stored by this push.
    pub accepted: u32,
    /// Records already stored (by an earlier push of the same ids).
    pub duplicates: u32,
    /// The highest position among the pushed records (positions increase
    /// but are not consecutive).
    pub cursor: i64,
}

/// The answer to `GET /v1/records?after=CURSOR&limit=N`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PullResponse {
    /// Records after the cursor, in order.
    pub records: Vec<StoredRecord>,
    /// The position to ask from next time.
    pub cursor: i64,
    /// Whether more records follow.
    pub more: bool,
}

/// `POST /v1/blobs/missing`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingRequest {
    /// Hashes the client holds.
    pub hashes: Vec<String>,
}

/// Which of the asked hashes the server lacks.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MissingResponse {
    /// The hashes to upload with `PUT /v1/blobs/HASH`.
    pub missing: Vec<String>,
}

/// A live notification (server-sent event `record`): ids only, never content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The record's position in the workspace.
    pub seq: i64,
    /// The record's id.
    pub id: Uuid,
    /// The release it belongs to.
    pub release_id: Uuid,
    /// Its kind.
    pub kind: RecordKind,
}

/// What someone does with a release they have open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PresenceMode {
    /// Has it open.
    Viewing,
    /// Has unsaved edits in it.
    Editing,
}

impl PresenceMode {
    /// The mode's name as stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            PresenceMode::Viewing => "viewing",
            PresenceMode::Editing => "editing",
        }
    }
}

/// `POST /v1/presence`: a heartbeat for one open release, or (with `mode`
/// absent) word that the user closed it. An entry not renewed expires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresenceRequest {
    /// The release the user has open.
    pub release_id: Uuid,
    /// Viewing or editing; `None` when the user closed the release.
    #[serde(default)]
    pub mode: Option<PresenceMode>,
}

/// One person who has a release open (`GET /v1/releases/{id}/presence`,
/// `GET /v1/presence`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceEntry {
    /// The release.
    pub release_id: Uuid,
    /// The user name.
    pub user: String,
    /// Viewing or editing.
    pub mode: PresenceMode,
    /// When the entry lapses unless renewed.
    pub expires: DateTime<Utc>,
}

/// A live notification (server-sent event `presence`): who is where changed
/// for this release; ask `GET /v1/releases/{id}/presence` for the people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceEvent {
    /// The release whose presence changed.
    pub release_id: Uuid,
}

/// Every refusal: a stable code to branch on and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Stable machine-readable code (`unauthorized`, `rate_limited`, …).
    pub code: String,
    /// What went wrong, in one sentence.
    pub message: String,
}

/// Whether `s` is a blob hash: 64 lower-case hex digits.
pub fn is_blob_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The hash a blob is stored under: blake3 of its bytes, in hex.
pub fn blob_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_unknown_roles_are_refused() {
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>(), Ok(r));
            assert_eq!(
                serde_json::to_string(&r).ok(),
                Some(format!("\"{}\"", r.as_str()))
            );
        }
        assert!("root".parse::<Role>().is_err());
        assert!(Role::Approver.may_approve() && !Role::Legal.may_approve());
    }

    #[test]
    fn a_record_with_an_unknown_field_or_kind_is_refused() {
        let ok = r#"{"id":"0190a0a0-0000-7000-8000-000000000001","release_id":"0190a0a0-0000-7000-8000-000000000002","kind":"comment","author":"a","created":"2025-05-14T10:00:00Z","body":{}}"#;
        assert!(serde_json::from_str::<Record>(ok).is_ok());
        let extra = ok.replace("\"body\"", "\"admin\":true,\"body\"");
        assert!(serde_json::from_str::<Record>(&extra).is_err());
        let kind = ok.replace("comment", "drop_table");
        assert!(serde_json::from_str::<Record>(&kind).is_err());
    }

    #[test]
    fn review_kinds_round_trip_and_old_kinds_stay_valid() {
        let entries = [
            "comment",
            "suggestion",
            "approval",
            "transition",
            "reviewRequest",
            "reviewAnswer",
            "commentStatus",
            "suggestionDecision",
            "export",
            "roles",
            "rules",
        ];
        for e in entries {
            let k = RecordKind::for_review(e).expect(e);
            assert_eq!(k.review_kind(), Some(e));
            assert_eq!(k.as_str().parse::<RecordKind>(), Ok(k));
        }
        assert_eq!(
            RecordKind::for_review("profile"),
            None,
            "profiles stay local"
        );
        for old in ["revision", "state", "audit"] {
            let k: RecordKind = old.parse().expect(old);
            assert_eq!(k.review_kind(), None);
        }
        assert!(RecordKind::Transition.review_only() && !RecordKind::Comment.review_only());
        assert!(RecordKind::Rules.workspace_wide() && !RecordKind::Approval.workspace_wide());
    }

    #[test]
    fn a_review_body_is_recognised_only_in_its_shape() {
        let ok = r#"{"id":"0190a0a0-0000-7000-8000-000000000001","release_id":"0190a0a0-0000-7000-8000-000000000002","kind":"comment","author":"a","created":"2025-05-14T10:00:00Z","body":{"review":1,"entry":{"text":"x"}}}"#;
        let r: Record = serde_json::from_str(ok).expect("record");
        assert_eq!(ReviewBody::of(&r).map(|b| b.on), Some(None));
        let legacy: Record =
            serde_json::from_str(&ok.replace(r#""review":1,"#, "")).expect("record");
        assert_eq!(ReviewBody::of(&legacy), None);
        let extra: Record =
            serde_json::from_str(&ok.replace(r#""review":1,"#, r#""review":1,"x":2,"#))
                .expect("record");
        assert_eq!(ReviewBody::of(&extra), None);
        let revision: Record =
            serde_json::from_str(&ok.replace("comment", "revision")).expect("record");
        assert_eq!(ReviewBody::of(&revision), None);
    }

    #[test]
    fn the_workspace_settings_id_is_the_same_everywhere_and_differs_by_workspace() {
        assert_eq!(
            workspace_release_id("geneva"),
            workspace_release_id("geneva")
        );
        assert_ne!(
            workspace_release_id("geneva"),
            workspace_release_id("nairobi")
        );
    }

    #[test]
    fn an_inline_blob_round_trips_and_a_forged_one_is_refused() {
        let b = InlineBlob::new(b"{\"text\":\"GENEVA\"}");
        assert_eq!(b.bytes().as_deref(), Some(&b"{\"text\":\"GENEVA\"}"[..]));
        let forged = InlineBlob {
            data: InlineBlob::new(b"other").data,
            ..b.clone()
        };
        assert_eq!(forged.bytes(), None);
        let garbled = InlineBlob {
            data: "not base64!".into(),
            ..b
        };
        assert_eq!(garbled.bytes(), None);
    }

    #[test]
    fn blob_hashes_are_64_lower_case_hex_digits() {
        let h = blob_hash(b"GENEVA");
        assert!(is_blob_hash(&h));
        assert!(!is_blob_hash(&h.to_uppercase()));
        assert!(!is_blob_hash("'; DROP TABLE blobs; --"));
    }
}
