//! [`ReviewService`]: every review operation over any [`Store`], for the CLI
//! and the app alike. It loads what the pure fold needs, checks the rules,
//! and appends records; it never edits or deletes one.

use std::collections::HashMap;

use chrono::NaiveDate;
use dateline_core::Release;
use dateline_store::{Record, SaveMeta, Store};

use crate::anchor::TextRange;
use crate::audit::{self, AuditEntry};
use crate::entries::{Anchor, ApprovalScope, Entry, WORKSPACE};
use crate::fields::{quote_block, FieldPath};
use crate::model::{same_person, Profile, ReviewStatus, Role, Rules, Verdict, Via};
use crate::packet::{self, Packet};
use crate::state::{fold, ApprovalView, Blocker, FoldInput, ReviewState, SuggestionStatus};
use crate::workspace::Workspace;
use crate::ReviewError;

/// Largest comment or reply, in bytes (UTF-8).
pub const MAX_COMMENT_BYTES: usize = 64 * 1024;
/// Largest note (on a transition, an answer, a decision), in bytes.
pub const MAX_NOTE_BYTES: usize = 16 * 1024;
/// Largest suggested text, in bytes (a field holds at most 200,000 characters).
pub const MAX_SUGGESTION_BYTES: usize = 800_000;
/// The text an anchor keeps of a whole field, in characters.
const ANCHOR_TEXT_CHARS: usize = 2_000;

/// What an approval covers, as asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApproveTarget {
    /// The whole release, for `role` (by default the first required role the person holds).
    Release {
        /// The role approving.
        role: Option<Role>,
    },
    /// Quote `number` (1-based): signed off by the person quoted, in the app
    /// (`via` [`Via::App`], by that person) or recorded by hand from their
    /// email or phone answer (`by` defaults to the person quoted).
    Quote {
        /// The quote's number.
        number: u32,
        /// Who answered (the person quoted when `None`).
        by: Option<String>,
        /// How.
        via: Via,
    },
}

/// The error findings of a check run, as blockers of the gates.
pub fn failing_checks(findings: &[dateline_checks::Finding], r: &Release) -> Vec<Blocker> {
    findings
        .iter()
        .filter(|f| f.severity == dateline_checks::Severity::Error)
        .map(|f| Blocker {
            kind: crate::state::BlockerKind::FailingCheck,
            message: format!(
                "check {} fails on {}: {}",
                f.check,
                crate::fields::label(&f.path, r),
                f.message
            ),
            record: None,
            field: Some(f.path.clone()),
        })
        .collect()
}

/// A release's place in the review, as the library lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseReview {
    /// The release.
    pub id: String,
    /// Its current state.
    pub status: ReviewStatus,
    /// The person asked is asked to review it and has not answered.
    pub waiting_for_me: bool,
    /// An approval the person gave (or recorded) went stale: the text changed since.
    pub my_approval_stale: bool,
    /// Who wrote it (the author of its first revision).
    pub writer: String,
}

/// The review operations of one person (`actor`) over a store.
pub struct ReviewService<'s> {
    store: &'s dyn Store,
    actor: String,
    /// When set, failing checks (errors) of the latest revision join the gates.
    linter: Option<&'s dateline_checks::Linter>,
}

/// A release loaded for the fold.
struct Loaded {
    id: String,
    records: Vec<Record>,
    workspace: Workspace,
    current: Release,
    revision: u32,
    revisions: HashMap<u32, Release>,
    writer: String,
}

fn check_text(what: &'static str, s: &str, max: usize) -> Result<(), ReviewError> {
    if s.trim().is_empty() {
        return Err(ReviewError::Empty(what));
    }
    if s.len() > max {
        return Err(ReviewError::TooLong {
            what,
            size: s.len(),
            max,
        });
    }
    Ok(())
}

fn check_note(n: Option<&str>) -> Result<Option<String>, ReviewError> {
    match n.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            check_text("note", n, MAX_NOTE_BYTES)?;
            Ok(Some(n.to_string()))
        }
        None => Ok(None),
    }
}

impl<'s> ReviewService<'s> {
    /// The operations of `actor` (a profile name) over `store`.
    pub fn new(store: &'s dyn Store, actor: impl Into<String>) -> ReviewService<'s> {
        ReviewService {
            store,
            actor: actor.into().trim().to_string(),
            linter: None,
        }
    }

    /// The same operations, with the errors `linter` finds in the latest
    /// revision joining the gates (a release with a failing check cannot be
    /// approved or released).
    pub fn with_checks(mut self, linter: &'s dateline_checks::Linter) -> ReviewService<'s> {
        self.linter = Some(linter);
        self
    }

    /// Who is acting.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    fn append(
        &self,
        release: &str,
        e: &Entry,
        revision: Option<u32>,
    ) -> Result<String, ReviewError> {
        let r = e.to_record(release, &self.actor, revision);
        self.store.append_records(std::slice::from_ref(&r))?;
        Ok(r.id)
    }

    /// The workspace's settings (roles, rules, profiles).
    pub fn workspace(&self) -> Result<Workspace, ReviewError> {
        Workspace::from_records(&self.store.records(WORKSPACE)?)
    }

    /// Gives `person` exactly `roles`. Only an admin may, once someone holds
    /// the admin role (until then a new workspace has nobody to ask).
    pub fn set_roles(&self, person: &str, roles: &[Role]) -> Result<String, ReviewError> {
        let w = self.workspace()?;
        if w.roles.iter().any(|a| a.roles.contains(&Role::Admin)) {
            w.require(&self.actor, &[Role::Admin])?;
        }
        if person.trim().is_empty() {
            return Err(ReviewError::Empty("person's name"));
        }
        let mut roles = roles.to_vec();
        roles.sort();
        roles.dedup();
        self.append(
            WORKSPACE,
            &Entry::Roles {
                person: person.trim().to_string(),
                roles,
            },
            None,
        )
    }

    /// Replaces the review rules (admins only).
    pub fn set_rules(&self, rules: Rules) -> Result<String, ReviewError> {
        self.workspace()?.require(&self.actor, &[Role::Admin])?;
        self.append(WORKSPACE, &Entry::Rules(rules), None)
    }

    /// Records the actor's profile (name and email).
    pub fn set_profile(&self, email: Option<&str>) -> Result<String, ReviewError> {
        let p = Profile {
            name: self.actor.clone(),
            email: email
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(String::from),
        };
        self.append(WORKSPACE, &Entry::Profile(p), None)
    }

    fn load(&self, id: &str) -> Result<Loaded, ReviewError> {
        let id = self.store.resolve(id)?;
        let records = self.store.records(&id)?;
        let workspace = self.workspace()?;
        let log = self.store.log(&id)?;
        let revision = log.first().map(|v| v.number).unwrap_or(1);
        let writer = log.last().map(|v| v.author.clone()).unwrap_or_default();
        let current = self.store.load(&id, Some(revision))?;
        let mut revisions = HashMap::new();
        // Only what anchors or scopes refer to needs its revision's content.
        let anchored =
            |r: &&Record| matches!(r.kind.as_str(), "comment" | "suggestion" | "approval");
        for n in records.iter().filter(anchored).filter_map(|r| r.revision) {
            if n != revision && !revisions.contains_key(&n) {
                if let Ok(r) = self.store.load(&id, Some(n)) {
                    revisions.insert(n, r);
                }
            }
        }
        Ok(Loaded {
            id,
            records,
            workspace,
            current,
            revision,
            revisions,
            writer,
        })
    }

    fn fold(&self, l: &Loaded, checks: &[Blocker]) -> Result<ReviewState, ReviewError> {
        let mut all = checks.to_vec();
        if let Some(linter) = self.linter {
            all.extend(failing_checks(&linter.run(&l.current).findings, &l.current));
        }
        let checks = all.as_slice();
        fold(&FoldInput {
            release_id: &l.id,
            records: &l.records,
            workspace: &l.workspace,
            current: &l.current,
            revision: l.revision,
            revisions: &l.revisions,
            writer: &l.writer,
            checks,
        })
    }

    /// The review state of release `id` (id or unique prefix).
    pub fn open(&self, id: &str) -> Result<ReviewState, ReviewError> {
        self.open_with_checks(id, &[])
    }

    /// [`open`](Self::open), with failing checks joining the gates.
    pub fn open_with_checks(
        &self,
        id: &str,
        checks: &[Blocker],
    ) -> Result<ReviewState, ReviewError> {
        let l = self.load(id)?;
        self.fold(&l, checks)
    }

    /// Only the current state of release `id` (reads its records, no
    /// revision): what the release list shows.
    pub fn status(&self, id: &str) -> Result<ReviewStatus, ReviewError> {
        let id = self.store.resolve(id)?;
        let mut status = ReviewStatus::Draft;
        for r in self
            .store
            .records(&id)?
            .iter()
            .filter(|r| r.kind == "transition")
        {
            if let Some(Entry::Transition { to, .. }) = Entry::from_record(r)? {
                status = to;
            }
        }
        Ok(status)
    }

    /// Moves release `id` to `to`, if the rules allow the actor to and nothing
    /// blocks a gated state; an admin may pass the gates with `override_reason`,
    /// and what was overridden is recorded. Returns the record id.
    pub fn transition(
        &self,
        id: &str,
        to: ReviewStatus,
        note: Option<&str>,
        override_reason: Option<&str>,
        checks: &[Blocker],
    ) -> Result<String, ReviewError> {
        let note = check_note(note)?;
        let l = self.load(id)?;
        let state = self.fold(&l, checks)?;
        let rules = &l.workspace.rules;
        let from = state.status;
        crate::enforce::transition(
            &crate::enforce::Context {
                workspace: &l.workspace,
                status: from,
                writer: &state.writer,
            },
            &self.actor,
            to,
        )?;
        let mut overridden = Vec::new();
        let mut reason = None;
        if rules.gated.contains(&to) && !state.blockers.is_empty() {
            match override_reason.map(str::trim).filter(|r| !r.is_empty()) {
                Some(why) => {
                    l.workspace.require(&self.actor, &[Role::Admin])?;
                    check_text("override reason", why, MAX_NOTE_BYTES)?;
                    overridden = state.blockers.clone();
                    reason = Some(why.to_string());
                }
                None => {
                    return Err(ReviewError::Blocked {
                        to: to.to_string(),
                        blockers: state.blockers,
                    })
                }
            }
        }
        self.append(
            &l.id,
            &Entry::Transition {
                from,
                to,
                note,
                override_reason: reason,
                overridden,
            },
            Some(l.revision),
        )
    }

    /// Asks `reviewers` (names) and/or anyone holding `role` to review the latest revision.
    pub fn request_review(
        &self,
        id: &str,
        reviewers: &[String],
        role: Option<Role>,
        due: Option<NaiveDate>,
        note: Option<&str>,
    ) -> Result<String, ReviewError> {
        let note = check_note(note)?;
        let reviewers: Vec<String> = reviewers
            .iter()
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect();
        if reviewers.is_empty() && role.is_none() {
            return Err(ReviewError::Invalid(
                "name at least one reviewer or a role to ask".into(),
            ));
        }
        if let Some(r) = reviewers.iter().find(|r| r.len() > 200) {
            return Err(ReviewError::TooLong {
                what: "reviewer's name",
                size: r.len(),
                max: 200,
            });
        }
        let id = self.store.resolve(id)?;
        let revision = self.store.log(&id)?.first().map(|v| v.number);
        self.append(
            &id,
            &Entry::ReviewRequest {
                reviewers,
                role,
                due,
                note,
            },
            revision,
        )
    }

    /// Answers a review request of release `id` (`request`, or the latest one
    /// asking the actor).
    pub fn answer_request(
        &self,
        id: &str,
        request: Option<&str>,
        verdict: Verdict,
        note: Option<&str>,
    ) -> Result<String, ReviewError> {
        let note = check_note(note)?;
        let l = self.load(id)?;
        let state = self.fold(&l, &[])?;
        let req = match request {
            Some(r) => {
                let rec = self.store.record(r)?;
                state
                    .requests
                    .iter()
                    .find(|q| q.id == rec.id)
                    .ok_or_else(|| ReviewError::NotFound {
                        what: "review request of this release",
                        id: r.to_string(),
                    })?
            }
            None => state
                .requests
                .iter()
                .rev()
                .find(|q| {
                    q.reviewers.iter().any(|n| same_person(n, &self.actor))
                        || q.role.is_some_and(|r| l.workspace.has_role(&self.actor, r))
                })
                .ok_or_else(|| {
                    ReviewError::Invalid(format!(
                        "nobody asked {} to review this release",
                        self.actor
                    ))
                })?,
        };
        self.append(
            &l.id,
            &Entry::ReviewAnswer {
                request: req.id.clone(),
                verdict,
                note,
            },
            Some(l.revision),
        )
    }

    /// Comments on `field` of the latest revision of release `id`, or on
    /// characters `range` of its text. Returns the comment's id.
    pub fn comment(
        &self,
        id: &str,
        field: &str,
        range: Option<TextRange>,
        text: &str,
    ) -> Result<String, ReviewError> {
        check_text("comment", text, MAX_COMMENT_BYTES)?;
        let id = self.store.resolve(id)?;
        let revision = self.store.log(&id)?.first().map(|v| v.number).unwrap_or(1);
        let current = self.store.load(&id, Some(revision))?;
        let (path, whole) = FieldPath::resolve(field, &current)?;
        let quoted = match range {
            Some(r) => r.slice(&whole).ok_or_else(|| ReviewError::BadRange {
                field: path.to_string(),
                start: r.start,
                end: r.end,
                len: u32::try_from(whole.chars().count()).unwrap_or(u32::MAX),
            })?,
            None if whole.chars().count() > ANCHOR_TEXT_CHARS => {
                let mut t: String = whole.chars().take(ANCHOR_TEXT_CHARS).collect();
                t.push('…');
                t
            }
            None => whole,
        };
        self.append(
            &id,
            &Entry::Comment {
                anchor: Anchor {
                    field: path.to_string(),
                    range,
                    text: quoted,
                },
                text: text.trim().to_string(),
                reply_to: None,
            },
            Some(revision),
        )
    }

    /// The comment record `id` (or prefix), with its entry.
    fn comment_record(&self, id: &str) -> Result<(Record, Anchor, Option<String>), ReviewError> {
        let rec = self.store.record(id)?;
        match Entry::from_record(&rec)? {
            Some(Entry::Comment {
                anchor, reply_to, ..
            }) => Ok((rec, anchor, reply_to)),
            _ => Err(ReviewError::NotFound {
                what: "comment",
                id: id.to_string(),
            }),
        }
    }

    /// Replies in the thread of comment `comment`.
    pub fn reply(&self, comment: &str, text: &str) -> Result<String, ReviewError> {
        check_text("comment", text, MAX_COMMENT_BYTES)?;
        let (rec, anchor, reply_to) = self.comment_record(comment)?;
        let root = reply_to.unwrap_or(rec.id);
        self.append(
            &rec.release_id,
            &Entry::Comment {
                anchor,
                text: text.trim().to_string(),
                reply_to: Some(root),
            },
            rec.revision,
        )
    }

    /// Resolves (or, with `false`, reopens) the thread of comment `comment`.
    pub fn set_resolved(&self, comment: &str, resolved: bool) -> Result<String, ReviewError> {
        let (rec, _, reply_to) = self.comment_record(comment)?;
        let root = reply_to.unwrap_or(rec.id);
        let mut now = false;
        for r in self.store.records(&rec.release_id)? {
            if let Ok(Some(Entry::CommentStatus { comment, resolved })) = Entry::from_record(&r) {
                if comment == root {
                    now = resolved;
                }
            }
        }
        if now == resolved {
            return Err(ReviewError::Invalid(format!(
                "the comment {root} is already {}",
                if resolved { "resolved" } else { "open" }
            )));
        }
        self.append(
            &rec.release_id,
            &Entry::CommentStatus {
                comment: root,
                resolved,
            },
            None,
        )
    }

    /// Suggests `new` as the text of `field` of release `id`. Returns its id.
    pub fn suggest(
        &self,
        id: &str,
        field: &str,
        new: &str,
        note: Option<&str>,
    ) -> Result<String, ReviewError> {
        if new.len() > MAX_SUGGESTION_BYTES {
            return Err(ReviewError::TooLong {
                what: "suggestion",
                size: new.len(),
                max: MAX_SUGGESTION_BYTES,
            });
        }
        let note = check_note(note)?;
        let id = self.store.resolve(id)?;
        let revision = self.store.log(&id)?.first().map(|v| v.number).unwrap_or(1);
        let current = self.store.load(&id, Some(revision))?;
        let (path, _) = FieldPath::resolve(field, &current)?;
        let path = path.editable(&current)?;
        let old = path.text(&current).unwrap_or_default();
        if old == new {
            return Err(ReviewError::Invalid(format!(
                "the suggestion is the text {path} already has"
            )));
        }
        let mut probe = current.clone();
        path.set_text(&mut probe, new)?;
        if let Err(e) = probe.check() {
            return Err(ReviewError::Invalid(format!(
                "the suggested text would break the release: {e}"
            )));
        }
        self.append(
            &id,
            &Entry::Suggestion {
                field: path.to_string(),
                old,
                new: new.to_string(),
                note,
            },
            Some(revision),
        )
    }

    fn open_suggestion(
        &self,
        suggestion: &str,
    ) -> Result<(Loaded, crate::state::SuggestionView), ReviewError> {
        let rec = self.store.record(suggestion)?;
        if rec.kind != "suggestion" {
            return Err(ReviewError::NotFound {
                what: "suggestion",
                id: suggestion.to_string(),
            });
        }
        let l = self.load(&rec.release_id)?;
        l.workspace
            .require(&self.actor, &[Role::Writer, Role::Editor, Role::Admin])?;
        let state = self.fold(&l, &[])?;
        let view = state
            .suggestions
            .into_iter()
            .find(|s| s.id == rec.id)
            .ok_or_else(|| ReviewError::NotFound {
                what: "suggestion",
                id: suggestion.to_string(),
            })?;
        if view.status != SuggestionStatus::Open {
            return Err(ReviewError::Invalid(format!(
                "the suggestion {} is already {}",
                view.id,
                if view.status == SuggestionStatus::Accepted {
                    "accepted"
                } else {
                    "rejected"
                }
            )));
        }
        Ok((l, view))
    }

    /// Accepts suggestion `suggestion`: saves a revision with the suggested
    /// text whose author is the suggester, then records the decision. Returns
    /// the new revision's number.
    pub fn accept(&self, suggestion: &str, note: Option<&str>) -> Result<u32, ReviewError> {
        let note = check_note(note)?;
        let (l, s) = self.open_suggestion(suggestion)?;
        let path: FieldPath = s
            .current_field
            .as_deref()
            .ok_or_else(|| ReviewError::NoSuchField(s.field.clone()))?
            .parse()?;
        let mut next = l.current.clone();
        path.set_text(&mut next, &s.new)?;
        let short = &s.id[..s.id.len().min(13)];
        let meta = SaveMeta {
            author: s.author.clone(),
            message: Some(format!(
                "suggestion {short} by {} on {path}, accepted by {}",
                s.author, self.actor
            )),
            name: None,
        };
        let rev = self.store.save(&l.id, &next, &meta)?;
        self.append(
            &l.id,
            &Entry::SuggestionDecision {
                suggestion: s.id,
                accepted: true,
                note,
                revision: Some(rev),
            },
            Some(rev),
        )?;
        Ok(rev)
    }

    /// Rejects suggestion `suggestion` with a note.
    pub fn reject(&self, suggestion: &str, note: Option<&str>) -> Result<String, ReviewError> {
        let note = check_note(note)?;
        let (l, s) = self.open_suggestion(suggestion)?;
        self.append(
            &l.id,
            &Entry::SuggestionDecision {
                suggestion: s.id,
                accepted: false,
                note,
                revision: None,
            },
            Some(l.revision),
        )
    }

    /// Approves (or, with [`Verdict::RequestChanges`], refuses) the latest
    /// revision of release `id`, whole or one quote. Returns the record id.
    pub fn approve(
        &self,
        id: &str,
        target: ApproveTarget,
        verdict: Verdict,
        note: Option<&str>,
    ) -> Result<String, ReviewError> {
        let note = check_note(note)?;
        if verdict == Verdict::Comment {
            return Err(ReviewError::Invalid(
                "an approval approves or requests changes; use a comment to comment".into(),
            ));
        }
        let l = self.load(id)?;
        let w = &l.workspace;
        let (scope, by, via) = match target {
            ApproveTarget::Release { role } => {
                let approving = [Role::Editor, Role::Legal, Role::Approver, Role::Admin];
                let role =
                    match role {
                        Some(Role::Writer) => return Err(ReviewError::Invalid(
                            "writers do not approve; approve as editor, legal, approver or admin"
                                .into(),
                        )),
                        Some(r) => r,
                        None => w
                            .rules
                            .required_roles
                            .iter()
                            .chain(approving.iter())
                            .copied()
                            .find(|r| *r != Role::Writer && w.has_role(&self.actor, *r))
                            .ok_or_else(|| ReviewError::MissingRole {
                                who: self.actor.clone(),
                                needed: "editor, legal, approver or admin".into(),
                                held: "none of them".into(),
                            })?,
                    };
                crate::enforce::release_approval(
                    &crate::enforce::Context {
                        workspace: w,
                        status: ReviewStatus::Draft,
                        writer: &l.writer,
                    },
                    &self.actor,
                    role,
                )?;
                (
                    ApprovalScope::Release { role },
                    self.actor.clone(),
                    Via::App,
                )
            }
            ApproveTarget::Quote { number, by, via } => {
                let block = quote_block(&l.current, number)?;
                let Some(dateline_core::Block::Quote(q)) = l.current.body.get(block) else {
                    return Err(ReviewError::Invalid(format!("there is no quote {number}")));
                };
                let speaker = l
                    .current
                    .people
                    .iter()
                    .find(|p| p.id == q.speaker)
                    .map(|p| p.name.trim().to_string())
                    .unwrap_or_else(|| q.speaker.clone());
                let by = by
                    .map(|b| b.trim().to_string())
                    .filter(|b| !b.is_empty())
                    .unwrap_or_else(|| speaker.clone());
                if via == Via::App {
                    if !same_person(&self.actor, &speaker) || !same_person(&by, &speaker) {
                        return Err(ReviewError::Invalid(format!(
                            "only {speaker}, who is quoted, can sign off quote {number} in Dateline; record their answer with --via email or --via phone"
                        )));
                    }
                } else {
                    w.require(&self.actor, &Role::ALL)?;
                }
                (
                    ApprovalScope::Quote {
                        block: u32::try_from(block).unwrap_or(u32::MAX),
                        speaker: q.speaker.clone(),
                    },
                    by,
                    via,
                )
            }
        };
        self.append(
            &l.id,
            &Entry::Approval {
                scope,
                verdict,
                by,
                via,
                note,
            },
            Some(l.revision),
        )
    }

    /// Records an export of revision `revision` of release `id` (for the audit trail).
    pub fn record_export(
        &self,
        id: &str,
        revision: Option<u32>,
        format: &str,
        file: Option<&str>,
    ) -> Result<String, ReviewError> {
        let id = self.store.resolve(id)?;
        let revision = match revision {
            Some(n) => Some(n),
            None => self.store.log(&id)?.first().map(|v| v.number),
        };
        self.append(
            &id,
            &Entry::Export {
                format: format.to_string(),
                file: file.map(String::from),
            },
            revision,
        )
    }

    /// The audit timeline of release `id`: every record and every revision.
    pub fn audit(&self, id: &str) -> Result<Vec<AuditEntry>, ReviewError> {
        let id = self.store.resolve(id)?;
        let records = self.store.records(&id)?;
        let log = self.store.log(&id)?;
        // Each path is named as it was in the revision the record refers to.
        let mut at: HashMap<u32, Release> = HashMap::new();
        for n in records.iter().filter_map(|r| r.revision) {
            if let std::collections::hash_map::Entry::Vacant(slot) = at.entry(n) {
                if let Ok(r) = self.store.load(&id, Some(n)) {
                    slot.insert(r);
                }
            }
        }
        let name = |rev: Option<u32>, path: &str| match rev.and_then(|n| at.get(&n)) {
            Some(r) => crate::fields::label(path, r),
            None => path.to_string(),
        };
        Ok(audit::timeline(&records, &log, &name))
    }

    /// The approval packet of quote `quote` (1-based) of release `id`, at
    /// revision `rev` (the latest by default).
    pub fn packet(&self, id: &str, quote: u32, rev: Option<u32>) -> Result<Packet, ReviewError> {
        let id = self.store.resolve(id)?;
        let rev = match rev {
            Some(n) => n,
            None => self.store.log(&id)?.first().map(|v| v.number).unwrap_or(1),
        };
        let r = self.store.load(&id, Some(rev))?;
        packet::packet(&r, rev, quote)
    }

    /// Releases (not in the trash) where `person` is asked to review and has not answered.
    pub fn waiting_for(&self, person: &str) -> Result<Vec<String>, ReviewError> {
        Ok(self
            .overview(person)?
            .into_iter()
            .filter(|r| r.waiting_for_me)
            .map(|r| r.id)
            .collect())
    }

    /// Every release (not in the trash) with its state and whether `person`
    /// is asked to review it and has not answered: what the library shows.
    /// Only releases with a review request are folded; the rest read their
    /// state from their records alone.
    pub fn overview(&self, person: &str) -> Result<Vec<ReleaseReview>, ReviewError> {
        let w = self.workspace()?;
        // Three reads for the whole library (not two per release): the state
        // changes, review requests and approvals of every release, and who wrote
        // each release's first revision.
        let mut tracked: HashMap<String, Vec<Record>> = HashMap::new();
        for r in self
            .store
            .records_of_kinds(&["transition", "reviewRequest", "approval"])?
        {
            tracked.entry(r.release_id.clone()).or_default().push(r);
        }
        let mut writers = self.store.first_authors()?;
        let mut out = Vec::new();
        for s in self.store.list(&Default::default())? {
            let mine = tracked.get(&s.id).map(Vec::as_slice).unwrap_or_default();
            let mut status = ReviewStatus::Draft;
            for r in mine.iter().filter(|r| r.kind == "transition") {
                if let Some(Entry::Transition { to, .. }) = Entry::from_record(r)? {
                    status = to;
                }
            }
            let mut waiting_for_me = false;
            let mut my_approval_stale = false;
            let writer = writers.remove(&s.id).unwrap_or_default();
            if mine
                .iter()
                .any(|r| r.kind == "reviewRequest" || r.kind == "approval")
            {
                // Only these are folded, with all their records.
                let records = self.store.records(&s.id)?;
                let current = self.store.load(&s.id, None)?;
                let state = fold(&FoldInput {
                    release_id: &s.id,
                    records: &records,
                    workspace: &w,
                    current: &current,
                    revision: s.revisions,
                    revisions: &HashMap::new(),
                    writer: &writer,
                    checks: &[],
                })?;
                waiting_for_me = state.is_waiting_for(person, &w);
                my_approval_stale = state.approvals.iter().any(|a| {
                    a.stale
                        && !a.superseded
                        && (same_person(&a.by, person) || same_person(&a.recorded_by, person))
                });
            }
            out.push(ReleaseReview {
                id: s.id,
                status,
                waiting_for_me,
                my_approval_stale,
                writer,
            });
        }
        Ok(out)
    }

    /// The approvals that were valid at revision `from` and are stale at
    /// revision `to` (for the compare view: "this change made these stale").
    pub fn stale_between(
        &self,
        id: &str,
        from: u32,
        to: u32,
    ) -> Result<Vec<ApprovalView>, ReviewError> {
        let mut l = self.load(id)?;
        let at = |l: &mut Loaded, n: u32| -> Result<ReviewState, ReviewError> {
            let r = self.store.load(&l.id, Some(n))?;
            l.revisions.insert(n, r.clone());
            let records: Vec<Record> = l
                .records
                .iter()
                .filter(|r| r.revision.is_none_or(|v| v <= from))
                .cloned()
                .collect();
            fold(&FoldInput {
                release_id: &l.id,
                records: &records,
                workspace: &l.workspace,
                current: &r,
                revision: n,
                revisions: &l.revisions,
                writer: &l.writer,
                checks: &[],
            })
        };
        let before = at(&mut l, from)?;
        let after = at(&mut l, to)?;
        Ok(after
            .approvals
            .into_iter()
            .filter(|a| a.stale && before.approvals.iter().any(|b| b.id == a.id && b.valid))
            .collect())
    }
}
