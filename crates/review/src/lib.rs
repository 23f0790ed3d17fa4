//! `dateline-review`: the review workflow of a release — states, reviewers,
//! comments anchored to fields, suggestions, approvals that go stale when
//! their text changes, and the gates that keep a release from going out
//! before it is ready.
//!
//! Everything is an append-only record in the store ([`dateline_store::Record`]),
//! so the team workspace can sync it unchanged; nothing here depends on Tauri.
//!
//! - [`model`]: roles, states, verdicts, the workspace's [`Rules`];
//! - [`entries`]: the typed records ([`Entry`]) and their envelope;
//! - [`fields`]: field paths (`headline`, `body[2]`…), their text;
//! - [`anchor`]: mapping a field and a text range through later edits;
//! - [`state`]: the fold of records into a [`ReviewState`], and the gates;
//! - [`enforce`]: the rules every new record must pass (the app and the server);
//! - [`workspace`]: roles and rules folded from the workspace's records;
//! - [`packet`]: one quote in context for the person quoted (HTML and text);
//! - [`audit`]: the timeline, as CSV and JSON;
//! - [`service`]: [`ReviewService`], every operation over any `&dyn Store`.

pub mod anchor;
pub mod audit;
pub mod enforce;
pub mod entries;
pub mod error;
pub mod fields;
pub mod model;
pub mod packet;
pub mod service;
pub mod state;
pub mod workspace;

pub use anchor::{map_anchors, MappedAnchor, Mapper, TextRange};
pub use audit::AuditEntry;
pub use entries::{Anchor, ApprovalScope, Entry, WORKSPACE};
pub use error::ReviewError;
pub use fields::FieldPath;
pub use model::{Profile, ReviewStatus, Role, Rules, TransitionRule, Verdict, Via};
pub use packet::Packet;
pub use service::{ApproveTarget, ReleaseReview, ReviewService};
pub use state::{
    fold, ApprovalView, Blocker, BlockerKind, CommentView, FoldInput, ReviewState, SuggestionView,
};
pub use workspace::{RoleAssignment, Workspace};
