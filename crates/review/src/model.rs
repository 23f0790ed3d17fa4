//! The vocabulary of review: roles, states, verdicts, the workspace's rules.
//!
//! These are settings and values, not behaviour: [`crate::state`] folds the
//! records into a state and [`crate::service`] applies the rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A role in the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Role {
    /// Drafts releases.
    Writer,
    /// Edits and approves for the newsroom.
    Editor,
    /// Approves for legal.
    Legal,
    /// Approves (a head of unit, a spokesperson).
    Approver,
    /// May override the gates, with a reason.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 5] = [
        Role::Writer,
        Role::Editor,
        Role::Legal,
        Role::Approver,
        Role::Admin,
    ];

    /// Lower-case name ("legal").
    pub fn name(self) -> &'static str {
        match self {
            Role::Writer => "writer",
            Role::Editor => "editor",
            Role::Legal => "legal",
            Role::Approver => "approver",
            Role::Admin => "admin",
        }
    }

    /// The role as the app shows it ("Legal").
    pub fn label(self) -> &'static str {
        match self {
            Role::Writer => "Writer",
            Role::Editor => "Editor",
            Role::Legal => "Legal",
            Role::Approver => "Approver",
            Role::Admin => "Admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.name() == t)
            .ok_or_else(|| format!("“{s}” is not a role (writer, editor, legal, approver, admin)"))
    }
}

/// Where a release stands in review.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReviewStatus {
    /// Being written.
    #[default]
    Draft,
    /// Sent to reviewers.
    InReview,
    /// A reviewer asked for changes.
    ChangesRequested,
    /// Every required approval is in.
    Approved,
    /// Approved and waiting for its embargo.
    Scheduled,
    /// Sent out.
    Released,
    /// Released, then corrected.
    Corrected,
    /// Released, then withdrawn.
    Withdrawn,
}

impl ReviewStatus {
    /// Every state, in workflow order.
    pub const ALL: [ReviewStatus; 8] = [
        ReviewStatus::Draft,
        ReviewStatus::InReview,
        ReviewStatus::ChangesRequested,
        ReviewStatus::Approved,
        ReviewStatus::Scheduled,
        ReviewStatus::Released,
        ReviewStatus::Corrected,
        ReviewStatus::Withdrawn,
    ];

    /// The name used on the command line ("changes-requested").
    pub fn name(self) -> &'static str {
        match self {
            ReviewStatus::Draft => "draft",
            ReviewStatus::InReview => "in-review",
            ReviewStatus::ChangesRequested => "changes-requested",
            ReviewStatus::Approved => "approved",
            ReviewStatus::Scheduled => "scheduled",
            ReviewStatus::Released => "released",
            ReviewStatus::Corrected => "corrected",
            ReviewStatus::Withdrawn => "withdrawn",
        }
    }

    /// The release's published status for exports (ninjs `pubStatus`):
    /// released and corrected releases are published, a withdrawn one is withdrawn.
    pub fn publication(self) -> dateline_core::Status {
        use dateline_core::Status;
        match self {
            ReviewStatus::Draft => Status::Draft,
            ReviewStatus::InReview | ReviewStatus::ChangesRequested => Status::InReview,
            ReviewStatus::Approved | ReviewStatus::Scheduled => Status::Approved,
            ReviewStatus::Released | ReviewStatus::Corrected => Status::Published,
            ReviewStatus::Withdrawn => Status::Withdrawn,
        }
    }

    /// The state as the app shows it ("Changes requested").
    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Draft => "Draft",
            ReviewStatus::InReview => "In review",
            ReviewStatus::ChangesRequested => "Changes requested",
            ReviewStatus::Approved => "Approved",
            ReviewStatus::Scheduled => "Scheduled",
            ReviewStatus::Released => "Released",
            ReviewStatus::Corrected => "Corrected",
            ReviewStatus::Withdrawn => "Withdrawn",
        }
    }
}

impl fmt::Display for ReviewStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ReviewStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t: String = s
            .trim()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        ReviewStatus::ALL
            .into_iter()
            .find(|st| st.name().replace('-', "") == t)
            .ok_or_else(|| {
                format!("“{s}” is not a state (draft, in-review, changes-requested, approved, scheduled, released, corrected, withdrawn)")
            })
    }
}

/// A reviewer's answer, or a recorded sign-off's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Verdict {
    /// Approved.
    Approve,
    /// Changes are needed.
    RequestChanges,
    /// Comments only.
    Comment,
}

impl FromStr for Verdict {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "approve" | "approved" => Ok(Verdict::Approve),
            "changes" | "request-changes" | "changes-requested" => Ok(Verdict::RequestChanges),
            "comment" => Ok(Verdict::Comment),
            _ => Err(format!(
                "“{s}” is not an answer (approve, changes, comment)"
            )),
        }
    }
}

/// How a sign-off reached Dateline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Via {
    /// Given in Dateline by the person themselves.
    #[default]
    App,
    /// Answered by email, recorded by hand.
    Email,
    /// Answered by phone, recorded by hand.
    Phone,
}

impl FromStr for Via {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "app" => Ok(Via::App),
            "email" | "e-mail" => Ok(Via::Email),
            "phone" => Ok(Via::Phone),
            _ => Err(format!("“{s}” is not a way of answering (email, phone)")),
        }
    }
}

/// One allowed state change and the roles that may make it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransitionRule {
    /// From this state…
    pub from: ReviewStatus,
    /// …to this one…
    pub to: ReviewStatus,
    /// …by someone holding one of these roles.
    pub roles: Vec<Role>,
}

/// The workspace's review rules (a setting; [`Rules::default`] is the house default).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct Rules {
    /// The allowed state changes.
    pub transitions: Vec<TransitionRule>,
    /// States that may only be entered when nothing blocks (see [`crate::gates`]).
    pub gated: Vec<ReviewStatus>,
    /// Whole-release approvals required before a gated state, one per role.
    pub required_roles: Vec<Role>,
    /// Every quote needs a valid sign-off by the person quoted.
    pub quote_signoffs_required: bool,
    /// Whether the writer (author of revision 1) may approve their own release.
    pub writer_may_approve: bool,
}

impl Default for Rules {
    /// draft → in review → changes requested / approved → scheduled → released →
    /// corrected / withdrawn; editors and legal approve, writers send for review,
    /// an editor's approval and every quote's sign-off are required, and a
    /// writer cannot approve their own release.
    fn default() -> Self {
        use ReviewStatus::*;
        use Role::*;
        let t = |from, to, roles: &[Role]| TransitionRule {
            from,
            to,
            roles: roles.to_vec(),
        };
        Rules {
            transitions: vec![
                t(Draft, InReview, &[Writer, Editor, Admin]),
                t(
                    InReview,
                    ChangesRequested,
                    &[Editor, Legal, Approver, Admin],
                ),
                t(InReview, Approved, &[Editor, Legal, Approver, Admin]),
                t(InReview, Draft, &[Writer, Editor, Admin]),
                t(ChangesRequested, InReview, &[Writer, Editor, Admin]),
                t(ChangesRequested, Draft, &[Writer, Editor, Admin]),
                t(Approved, InReview, &[Writer, Editor, Admin]),
                t(Approved, Scheduled, &[Editor, Admin]),
                t(Approved, Released, &[Editor, Admin]),
                t(Scheduled, Approved, &[Editor, Admin]),
                t(Scheduled, Released, &[Editor, Admin]),
                t(Released, Corrected, &[Editor, Admin]),
                t(Corrected, Corrected, &[Editor, Admin]),
                t(Released, Withdrawn, &[Editor, Legal, Admin]),
                t(Corrected, Withdrawn, &[Editor, Legal, Admin]),
            ],
            gated: vec![Approved, Scheduled, Released],
            required_roles: vec![Editor],
            quote_signoffs_required: true,
            writer_may_approve: false,
        }
    }
}

impl Rules {
    /// The rule for `from` → `to`, if the change is allowed at all.
    pub fn rule(&self, from: ReviewStatus, to: ReviewStatus) -> Option<&TransitionRule> {
        self.transitions
            .iter()
            .find(|r| r.from == from && r.to == to)
    }

    /// The states reachable from `from`.
    pub fn next(&self, from: ReviewStatus) -> Vec<ReviewStatus> {
        self.transitions
            .iter()
            .filter(|r| r.from == from)
            .map(|r| r.to)
            .collect()
    }
}

/// A local profile: who is acting (defaults from the login name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Profile {
    /// The name recorded as author.
    pub name: String,
    /// Email, if given.
    #[serde(default)]
    pub email: Option<String>,
}

/// Compares two people's names as the workflow does (trimmed, ignoring case).
pub fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}
