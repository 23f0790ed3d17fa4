//! The workflow rules as pure checks over one new entry: who may make a state
//! change, who may approve, who may change the workspace's settings, and
//! whether a release accepts new revisions in its state.
//!
//! [`crate::ReviewService`] applies them before appending a record; the team
//! server applies the same checks to every record pushed to it, against the
//! state the records it holds leave the release in. The gates (open comments,
//! stale approvals…) need the release's content and are the service's part.

use crate::entries::{ApprovalScope, Entry};
use crate::model::{same_person, ReviewStatus, Role};
use crate::workspace::Workspace;
use crate::ReviewError;

/// What the checks read about a release.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The workspace's roles and rules.
    pub workspace: &'a Workspace,
    /// The release's current state.
    pub status: ReviewStatus,
    /// Its writer (the author of its first revision).
    pub writer: &'a str,
}

/// Whether a release in `status` takes new revisions: not once approved,
/// scheduled, released or withdrawn (an approved release is moved back to
/// review to be edited; a released one is corrected).
pub fn accepts_revisions(status: ReviewStatus) -> bool {
    !matches!(
        status,
        ReviewStatus::Approved
            | ReviewStatus::Scheduled
            | ReviewStatus::Released
            | ReviewStatus::Withdrawn
    )
}

/// `Ok` when `actor` may move the release from `ctx.status` to `to` by the
/// rules (roles, and writers not approving their own release); the gates are
/// not checked here.
pub fn transition(ctx: &Context<'_>, actor: &str, to: ReviewStatus) -> Result<(), ReviewError> {
    let rules = &ctx.workspace.rules;
    let from = ctx.status;
    let Some(rule) = rules.rule(from, to) else {
        let allowed = rules.next(from);
        return Err(ReviewError::Transition {
            from: from.to_string(),
            to: to.to_string(),
            allowed: if allowed.is_empty() {
                "nothing".into()
            } else {
                allowed
                    .iter()
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        });
    };
    ctx.workspace.require(actor, &rule.roles)?;
    if to == ReviewStatus::Approved && !rules.writer_may_approve && same_person(actor, ctx.writer) {
        return Err(ReviewError::OwnRelease(actor.to_string()));
    }
    Ok(())
}

/// `Ok` when `actor` may approve the whole release for `role`.
pub fn release_approval(ctx: &Context<'_>, actor: &str, role: Role) -> Result<(), ReviewError> {
    if role == Role::Writer {
        return Err(ReviewError::Invalid(
            "writers do not approve; approve as editor, legal, approver or admin".into(),
        ));
    }
    ctx.workspace.require(actor, &[role])?;
    if !ctx.workspace.rules.writer_may_approve && same_person(actor, ctx.writer) {
        return Err(ReviewError::OwnRelease(actor.to_string()));
    }
    Ok(())
}

/// `Ok` when `author` may append `entry` to a release in the state `ctx`
/// describes (or, for roles and rules, to the workspace). What needs the
/// release's text (the gates, who a quote's speaker is) is not checked.
pub fn entry(ctx: &Context<'_>, author: &str, entry: &Entry) -> Result<(), ReviewError> {
    match entry {
        Entry::Roles { .. } | Entry::Rules(_) => ctx.workspace.require(author, &[Role::Admin]),
        Entry::Transition {
            from,
            to,
            override_reason,
            ..
        } => {
            if *from != ctx.status {
                return Err(ReviewError::Invalid(format!(
                    "this change starts from {from}, but the release is {} now (someone moved it meanwhile)",
                    ctx.status
                )));
            }
            transition(ctx, author, *to)?;
            if override_reason.is_some() {
                ctx.workspace.require(author, &[Role::Admin])?;
            }
            Ok(())
        }
        Entry::Approval { scope, by, via, .. } => match scope {
            ApprovalScope::Release { role } => {
                if !same_person(by, author) {
                    return Err(ReviewError::Invalid(format!(
                        "{author} cannot record an approval of the release on behalf of {by}"
                    )));
                }
                release_approval(ctx, author, *role)
            }
            ApprovalScope::Quote { .. } => {
                if *via == crate::model::Via::App && !same_person(by, author) {
                    return Err(ReviewError::Invalid(format!(
                        "only {by} can sign off their quote in Dateline; record their answer by email or phone"
                    )));
                }
                ctx.workspace.require(author, &Role::ALL)
            }
        },
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entries::ApprovalScope;
    use crate::model::{Verdict, Via};
    use crate::workspace::RoleAssignment;

    fn ws() -> Workspace {
        let a = |p: &str, r: Role| RoleAssignment {
            person: p.into(),
            roles: vec![r],
        };
        Workspace {
            roles: vec![
                a("wes", Role::Writer),
                a("eda", Role::Editor),
                a("adm", Role::Admin),
            ],
            ..Workspace::default()
        }
    }

    fn approval(by: &str, role: Role) -> Entry {
        Entry::Approval {
            scope: ApprovalScope::Release { role },
            verdict: Verdict::Approve,
            by: by.into(),
            via: Via::App,
            note: None,
        }
    }

    #[test]
    fn approvals_need_the_role_and_not_the_writer() {
        let w = ws();
        let ctx = Context {
            workspace: &w,
            status: ReviewStatus::InReview,
            writer: "wes",
        };
        let code = |r: Result<(), ReviewError>| r.map_err(|e| e.code().as_str());
        assert_eq!(
            code(entry(&ctx, "wes", &approval("wes", Role::Editor))),
            Err("missing_role")
        );
        assert_eq!(
            code(entry(&ctx, "eda", &approval("eda", Role::Editor))),
            Ok(())
        );
        assert_eq!(
            code(entry(&ctx, "eda", &approval("adm", Role::Editor))),
            Err("invalid_request")
        );
        let own = Context {
            writer: "eda",
            ..ctx
        };
        assert_eq!(
            code(entry(&own, "eda", &approval("eda", Role::Editor))),
            Err("own_release")
        );
    }

    #[test]
    fn transitions_follow_the_rules_from_the_current_state() {
        let w = ws();
        let ctx = Context {
            workspace: &w,
            status: ReviewStatus::Draft,
            writer: "wes",
        };
        let t = |from, to| Entry::Transition {
            from,
            to,
            note: None,
            override_reason: None,
            overridden: vec![],
        };
        use ReviewStatus::*;
        let code = |r: Result<(), ReviewError>| r.map_err(|e| e.code().as_str());
        assert_eq!(code(entry(&ctx, "wes", &t(Draft, InReview))), Ok(()));
        assert_eq!(
            code(entry(&ctx, "eda", &t(Draft, Released))),
            Err("transition_not_allowed")
        );
        assert_eq!(
            code(entry(&ctx, "eda", &t(InReview, Approved))),
            Err("invalid_request"),
            "a change from a state the release is not in"
        );
        let review = Context {
            status: InReview,
            ..ctx
        };
        assert_eq!(
            code(entry(&review, "wes", &t(InReview, Approved))),
            Err("missing_role")
        );
        assert_eq!(code(entry(&review, "eda", &t(InReview, Approved))), Ok(()));
        assert!(!accepts_revisions(Approved) && accepts_revisions(InReview));
        assert!(accepts_revisions(Corrected) && !accepts_revisions(Released));
    }
}
