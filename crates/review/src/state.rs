//! The fold: a release's records and revisions → its [`ReviewState`].
//!
//! Pure logic over values already loaded (see [`crate::ReviewService::open`]
//! for the loading): the current state, who is asked, comments with their
//! anchors mapped to the current revision, suggestions with their diff,
//! approvals valid or stale, and the gates — what blocks the next gated
//! state. Failing checks join the gates through the `checks` argument.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use dateline_core::{Block, Release};
use dateline_diff::words::{diff_words, Budget};
use dateline_diff::{CompareOptions, WordDiff};
use dateline_store::Record;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::anchor::{MappedAnchor, Mapper};
use crate::entries::{Anchor, ApprovalScope, Entry};
use crate::fields::{quote_number, FieldPath};
use crate::model::{same_person, ReviewStatus, Role, Verdict, Via};
use crate::workspace::Workspace;
use crate::ReviewError;

/// What kind of thing blocks a gated state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BlockerKind {
    /// A comment thread not resolved.
    UnresolvedComment,
    /// A suggestion neither accepted nor rejected.
    OpenSuggestion,
    /// A required approval given for content that has changed since.
    StaleApproval,
    /// A required approval not given (or changes requested).
    MissingApproval,
    /// A failing check (from `dateline-checks`).
    FailingCheck,
}

/// One thing that blocks moving to a gated state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Blocker {
    /// What it is.
    pub kind: BlockerKind,
    /// The sentence shown ("unresolved comment by Ana on headline").
    pub message: String,
    /// The record concerned, if any (a comment, a suggestion, an approval).
    pub record: Option<String>,
    /// The field concerned, if any (current path).
    pub field: Option<String>,
}

/// A reply in a comment thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReplyView {
    /// Record id.
    pub id: String,
    /// Who replied.
    pub author: String,
    /// When.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// What they said.
    pub text: String,
}

/// A comment thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommentView {
    /// Record id of the first comment.
    pub id: String,
    /// Who wrote it.
    pub author: String,
    /// When.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// The revision it was made on.
    pub revision: Option<u32>,
    /// Where it pointed then, with the text it pointed at.
    pub anchor: Anchor,
    /// Where it points in the current revision (`outdated` when its text is gone).
    pub current: MappedAnchor,
    /// What it says.
    pub text: String,
    /// Resolved (a later record may reopen it).
    pub resolved: bool,
    /// Replies, oldest first.
    pub replies: Vec<ReplyView>,
}

/// Where a suggestion stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SuggestionStatus {
    /// Waiting for a decision.
    Open,
    /// Accepted: a revision was made from it.
    Accepted,
    /// Rejected, with a note.
    Rejected,
}

/// A suggestion (a reviewer's tracked change to one field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SuggestionView {
    /// Record id.
    pub id: String,
    /// Who suggested it.
    pub author: String,
    /// When.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// The revision it was made on.
    pub revision: Option<u32>,
    /// The field, as suggested.
    pub field: String,
    /// The field's path in the current revision (`None` when the field is gone).
    pub current_field: Option<String>,
    /// The field's text when suggested.
    pub old: String,
    /// The proposed text.
    pub new: String,
    /// The field's text now.
    pub current: Option<String>,
    /// The word diff from the current text to the proposed text (open suggestions).
    pub diff: Option<WordDiff>,
    /// Why it was suggested.
    pub note: Option<String>,
    /// Open, accepted or rejected.
    pub status: SuggestionStatus,
    /// Who decided, and why.
    pub decided_by: Option<String>,
    /// The decision's note.
    pub decision_note: Option<String>,
    /// The revision accepting it created.
    pub accepted_revision: Option<u32>,
}

/// An approval or sign-off, valid or stale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApprovalView {
    /// Record id.
    pub id: String,
    /// What it covers (as given).
    pub scope: ApprovalScope,
    /// For a quote sign-off: the quote's number in the current revision, if it is still there.
    pub quote: Option<u32>,
    /// Who approved.
    pub by: String,
    /// Who recorded it (differs from `by` for an answer recorded by hand).
    pub recorded_by: String,
    /// How it came.
    pub via: Via,
    /// Approve or request changes.
    pub verdict: Verdict,
    /// Their note.
    pub note: Option<String>,
    /// The revision approved.
    pub revision: Option<u32>,
    /// When.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// Content in its scope changed since the approved revision.
    pub stale: bool,
    /// Why it is stale.
    pub stale_reason: Option<String>,
    /// A later answer of the same person on the same scope replaces it.
    pub superseded: bool,
    /// Counts: an approval, not stale, not superseded.
    pub valid: bool,
}

/// An answer to a review request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AnswerView {
    /// Who answered.
    pub by: String,
    /// Approve, request changes or comment.
    pub verdict: Verdict,
    /// What they said.
    pub note: Option<String>,
    /// When.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
}

/// A review request and its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RequestView {
    /// Record id.
    pub id: String,
    /// Who asked.
    pub author: String,
    /// When.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// The revision to review.
    pub revision: Option<u32>,
    /// People asked.
    pub reviewers: Vec<String>,
    /// Role asked.
    pub role: Option<Role>,
    /// Due date.
    #[ts(type = "string | null")]
    pub due: Option<NaiveDate>,
    /// The note to reviewers.
    pub note: Option<String>,
    /// Answers so far.
    pub answers: Vec<AnswerView>,
    /// Who has not answered yet (names; `role:legal` for a role nobody answered for).
    pub waiting_on: Vec<String>,
}

/// A state change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TransitionView {
    /// Record id.
    pub id: String,
    /// Who.
    pub author: String,
    /// When.
    #[ts(type = "string")]
    pub created: DateTime<Utc>,
    /// The revision current then.
    pub revision: Option<u32>,
    /// From.
    pub from: ReviewStatus,
    /// To.
    pub to: ReviewStatus,
    /// Why.
    pub note: Option<String>,
    /// The admin's reason, when the gates were overridden.
    pub override_reason: Option<String>,
    /// What the override went past.
    pub overridden: Vec<Blocker>,
}

/// Everything the review panel shows about a release.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewState {
    /// The release.
    pub release_id: String,
    /// Its latest revision (what anchors are mapped to).
    pub revision: u32,
    /// The current state.
    pub status: ReviewStatus,
    /// The writer (author of revision 1).
    pub writer: String,
    /// States the rules allow from here (roles and gates aside).
    pub next: Vec<ReviewStatus>,
    /// Everyone asked who has not answered, over all requests.
    pub waiting_on: Vec<String>,
    /// Review requests, oldest first.
    pub requests: Vec<RequestView>,
    /// Comment threads, oldest first.
    pub comments: Vec<CommentView>,
    /// Suggestions, oldest first.
    pub suggestions: Vec<SuggestionView>,
    /// Approvals and sign-offs, oldest first.
    pub approvals: Vec<ApprovalView>,
    /// What blocks the gated states (approved, scheduled, released).
    pub blockers: Vec<Blocker>,
    /// State changes, oldest first.
    pub transitions: Vec<TransitionView>,
}

impl ReviewState {
    /// Open comment threads (not resolved).
    pub fn open_comments(&self) -> impl Iterator<Item = &CommentView> {
        self.comments.iter().filter(|c| !c.resolved)
    }

    /// Whether `person` is asked and has not answered.
    pub fn is_waiting_for(&self, person: &str, w: &Workspace) -> bool {
        self.waiting_on
            .iter()
            .any(|name| match name.strip_prefix("role:") {
                Some(role) => role
                    .parse::<Role>()
                    .is_ok_and(|r| w.has_role(person, r) && !same_person(&self.writer, person)),
                None => same_person(name, person),
            })
    }
}

/// What the fold reads.
pub struct FoldInput<'a> {
    /// The release's id.
    pub release_id: &'a str,
    /// Its records, oldest first.
    pub records: &'a [Record],
    /// The workspace settings.
    pub workspace: &'a Workspace,
    /// Its latest revision.
    pub current: &'a Release,
    /// The latest revision's number.
    pub revision: u32,
    /// The revisions records refer to, by number (missing ones count as gone).
    pub revisions: &'a HashMap<u32, Release>,
    /// The writer (author of revision 1).
    pub writer: &'a str,
    /// Failing checks, which block the gated states like everything else.
    pub checks: &'a [Blocker],
}

/// Folds a release's records into its [`ReviewState`].
pub fn fold(input: &FoldInput<'_>) -> Result<ReviewState, ReviewError> {
    let entries: Vec<(&Record, Entry)> = input
        .records
        .iter()
        .map(|r| Entry::from_record(r).map(|e| e.map(|e| (r, e))))
        .filter_map(Result::transpose)
        .collect::<Result<_, _>>()?;

    // One mapper per revision referred to, to the current revision.
    let mut mappers: HashMap<u32, Mapper<'_>> = HashMap::new();
    for (rec, e) in &entries {
        let anchored = matches!(
            e,
            Entry::Comment { reply_to: None, .. }
                | Entry::Suggestion { .. }
                | Entry::Approval { .. }
        );
        let n = rec.revision.unwrap_or(input.revision);
        if !anchored {
            continue;
        }
        if mappers.contains_key(&n) {
            continue;
        }
        let old = if n == input.revision {
            Some(input.current)
        } else {
            input.revisions.get(&n)
        };
        if let Some(old) = old {
            mappers.insert(n, Mapper::new(old, input.current));
        }
    }
    let rev_of = |r: Option<u32>| r.unwrap_or(input.revision);

    let mut status = ReviewStatus::Draft;
    let mut transitions = Vec::new();
    let mut requests: Vec<RequestView> = Vec::new();
    let mut comments: Vec<CommentView> = Vec::new();
    let mut thread_of: HashMap<&str, usize> = HashMap::new();
    let mut suggestions: Vec<SuggestionView> = Vec::new();
    let mut approvals: Vec<(ApprovalView, Option<usize>)> = Vec::new();

    for (rec, e) in &entries {
        match e {
            Entry::Transition {
                from,
                to,
                note,
                override_reason,
                overridden,
            } => {
                status = *to;
                transitions.push(TransitionView {
                    id: rec.id.clone(),
                    author: rec.author.clone(),
                    created: rec.created,
                    revision: rec.revision,
                    from: *from,
                    to: *to,
                    note: note.clone(),
                    override_reason: override_reason.clone(),
                    overridden: overridden.clone(),
                });
            }
            Entry::ReviewRequest {
                reviewers,
                role,
                due,
                note,
            } => requests.push(RequestView {
                id: rec.id.clone(),
                author: rec.author.clone(),
                created: rec.created,
                revision: rec.revision,
                reviewers: reviewers.clone(),
                role: *role,
                due: *due,
                note: note.clone(),
                answers: Vec::new(),
                waiting_on: Vec::new(),
            }),
            Entry::ReviewAnswer {
                request,
                verdict,
                note,
            } => {
                if let Some(q) = requests.iter_mut().find(|q| &q.id == request) {
                    q.answers.push(AnswerView {
                        by: rec.author.clone(),
                        verdict: *verdict,
                        note: note.clone(),
                        created: rec.created,
                    });
                }
            }
            Entry::Comment {
                anchor,
                text,
                reply_to,
            } => {
                if let Some(parent) = reply_to {
                    let root = thread_of.get(parent.as_str()).copied();
                    if let Some(c) = root.and_then(|i| comments.get_mut(i)) {
                        c.replies.push(ReplyView {
                            id: rec.id.clone(),
                            author: rec.author.clone(),
                            created: rec.created,
                            text: text.clone(),
                        });
                        // A reply reopens nothing by itself; it belongs to the thread.
                        if let Some(i) = root {
                            thread_of.insert(rec.id.as_str(), i);
                        }
                        continue;
                    }
                }
                let current = match anchor.field.parse::<FieldPath>() {
                    Ok(p) => match mappers.get_mut(&rev_of(rec.revision)) {
                        Some(m) => m.map(p, anchor.range),
                        None => MappedAnchor {
                            field: None,
                            range: None,
                            outdated: true,
                        },
                    },
                    Err(_) => MappedAnchor {
                        field: None,
                        range: None,
                        outdated: true,
                    },
                };
                thread_of.insert(rec.id.as_str(), comments.len());
                comments.push(CommentView {
                    id: rec.id.clone(),
                    author: rec.author.clone(),
                    created: rec.created,
                    revision: rec.revision,
                    anchor: anchor.clone(),
                    current,
                    text: text.clone(),
                    resolved: false,
                    replies: Vec::new(),
                });
            }
            Entry::CommentStatus { comment, resolved } => {
                if let Some(c) = thread_of
                    .get(comment.as_str())
                    .and_then(|i| comments.get_mut(*i))
                {
                    c.resolved = *resolved;
                }
            }
            Entry::Suggestion {
                field,
                old,
                new,
                note,
            } => {
                let current_path = field
                    .parse::<FieldPath>()
                    .ok()
                    .and_then(|p| mappers.get(&rev_of(rec.revision)).and_then(|m| m.path(p)));
                suggestions.push(SuggestionView {
                    id: rec.id.clone(),
                    author: rec.author.clone(),
                    created: rec.created,
                    revision: rec.revision,
                    field: field.clone(),
                    current_field: current_path.map(|p| p.to_string()),
                    old: old.clone(),
                    new: new.clone(),
                    current: current_path.and_then(|p| p.text(input.current)),
                    diff: None,
                    note: note.clone(),
                    status: SuggestionStatus::Open,
                    decided_by: None,
                    decision_note: None,
                    accepted_revision: None,
                });
            }
            Entry::SuggestionDecision {
                suggestion,
                accepted,
                note,
                revision,
            } => {
                if let Some(s) = suggestions.iter_mut().find(|s| &s.id == suggestion) {
                    s.status = if *accepted {
                        SuggestionStatus::Accepted
                    } else {
                        SuggestionStatus::Rejected
                    };
                    s.decided_by = Some(rec.author.clone());
                    s.decision_note = note.clone();
                    s.accepted_revision = *revision;
                }
            }
            Entry::Approval {
                scope,
                verdict,
                by,
                via,
                note,
            } => {
                let (stale_reason, block) = staleness(
                    input,
                    mappers.get(&rev_of(rec.revision)),
                    rec.revision,
                    scope,
                );
                if let (ApprovalScope::Release { .. }, Verdict::Approve) = (scope, verdict) {
                    for q in requests.iter_mut() {
                        if !q.answers.iter().any(|a| same_person(&a.by, by)) {
                            q.answers.push(AnswerView {
                                by: by.clone(),
                                verdict: Verdict::Approve,
                                note: note.clone(),
                                created: rec.created,
                            });
                        }
                    }
                }
                approvals.push((
                    ApprovalView {
                        id: rec.id.clone(),
                        scope: scope.clone(),
                        quote: block.and_then(|b| quote_number(input.current, b)),
                        by: by.clone(),
                        recorded_by: rec.author.clone(),
                        via: *via,
                        verdict: *verdict,
                        note: note.clone(),
                        revision: rec.revision,
                        created: rec.created,
                        stale: stale_reason.is_some(),
                        stale_reason,
                        superseded: false,
                        valid: false,
                    },
                    block,
                ));
            }
            Entry::Roles { .. } | Entry::Profile(_) | Entry::Rules(_) | Entry::Export { .. } => {}
        }
    }

    // A later answer by the same person on the same scope supersedes earlier ones.
    let key = |a: &ApprovalView, block: Option<usize>| -> String {
        match &a.scope {
            ApprovalScope::Release { role } => format!("release:{role}:{}", a.by.to_lowercase()),
            ApprovalScope::Quote { speaker, .. } => match block {
                Some(b) => format!("quote:{b}:{speaker}"),
                None => format!("gone:{}", a.id),
            },
        }
    };
    let mut seen = HashSet::new();
    for (a, block) in approvals.iter_mut().rev() {
        if !seen.insert(key(a, *block)) {
            a.superseded = true;
        }
        a.valid = a.verdict == Verdict::Approve && !a.stale && !a.superseded;
    }

    let w = input.workspace;
    for q in requests.iter_mut() {
        let answered = |name: &str| q.answers.iter().any(|a| same_person(&a.by, name));
        let mut waiting: Vec<String> = q
            .reviewers
            .iter()
            .filter(|r| !answered(r))
            .cloned()
            .collect();
        if let Some(role) = q.role {
            let by_role = q.answers.iter().any(|a| w.has_role(&a.by, role));
            if !by_role {
                waiting.push(format!("role:{role}"));
            }
        }
        q.waiting_on = waiting;
    }

    let opts = CompareOptions::default();
    let mut budget = Budget::new(&opts);
    for s in suggestions
        .iter_mut()
        .filter(|s| s.status == SuggestionStatus::Open)
    {
        if let Some(cur) = &s.current {
            s.diff = Some(diff_words(cur, &s.new, &mut budget, &opts));
        }
    }

    let mut waiting_on: Vec<String> = Vec::new();
    for q in &requests {
        for name in &q.waiting_on {
            if !waiting_on.iter().any(|n| same_person(n, name)) {
                waiting_on.push(name.clone());
            }
        }
    }

    let approvals: Vec<(ApprovalView, Option<usize>)> = approvals;
    let blockers = gates(input, &comments, &suggestions, &approvals);
    Ok(ReviewState {
        release_id: input.release_id.to_string(),
        revision: input.revision,
        status,
        writer: input.writer.to_string(),
        next: w.rules.next(status),
        waiting_on,
        requests,
        comments,
        suggestions,
        approvals: approvals.into_iter().map(|(a, _)| a).collect(),
        blockers,
        transitions,
    })
}

/// Whether an approval's scope changed between its revision and the current
/// one: the reason when stale, and (for a quote) the quote's current block.
fn staleness(
    input: &FoldInput<'_>,
    mapper: Option<&Mapper<'_>>,
    revision: Option<u32>,
    scope: &ApprovalScope,
) -> (Option<String>, Option<usize>) {
    let n = revision.unwrap_or(input.revision);
    let old = if n == input.revision {
        Some(input.current)
    } else {
        input.revisions.get(&n)
    };
    let Some(old) = old else {
        return (Some(format!("revision {n} cannot be read")), None);
    };
    match scope {
        ApprovalScope::Release { .. } => {
            let changed = n != input.revision && !same_content(old, input.current);
            (
                changed.then(|| format!("the release changed after revision {n}")),
                None,
            )
        }
        ApprovalScope::Quote { block, .. } => {
            let b = *block as usize;
            let now = mapper.and_then(|m| m.path(FieldPath::Block(b)));
            let Some(FieldPath::Block(nb)) = now else {
                return (
                    Some(format!("the quote was removed after revision {n}")),
                    None,
                );
            };
            let same = quote_scope(old, b).is_some()
                && quote_scope(old, b) == quote_scope(input.current, nb);
            let stale = (!same).then(|| {
                format!("the quote, its attribution or the speaker’s name or title changed after revision {n}")
            });
            (stale, Some(nb))
        }
    }
}

/// Everything a quote sign-off covers: the quote (words, attributions,
/// speaker) and the speaker's name and title.
pub fn quote_scope(r: &Release, block: usize) -> Option<(&dateline_core::Quote, &str, &str)> {
    let Some(Block::Quote(q)) = r.body.get(block) else {
        return None;
    };
    let (name, title) = r
        .people
        .iter()
        .find(|p| p.id == q.speaker)
        .map(|p| (p.name.trim(), p.title.trim()))
        .unwrap_or(("", ""));
    Some((q, name, title))
}

/// Same content, bookkeeping (ids, times, status) aside: what a whole-release
/// approval covers.
pub fn same_content(a: &Release, b: &Release) -> bool {
    a.style == b.style
        && a.release_line == b.release_line
        && a.headline == b.headline
        && a.subheadline == b.subheadline
        && a.dateline == b.dateline
        && a.body == b.body
        && a.people == b.people
        && a.end_mark == b.end_mark
        && a.footnotes == b.footnotes
        && a.boilerplate == b.boilerplate
        && a.contacts == b.contacts
        && a.actions == b.actions
        && a.meta.language == b.meta.language
        && a.meta.organisation == b.meta.organisation
        && a.meta.kind == b.meta.kind
}

/// What blocks the gated states: unresolved comments, open suggestions,
/// stale or missing required approvals, and the failing checks given.
fn gates(
    input: &FoldInput<'_>,
    comments: &[CommentView],
    suggestions: &[SuggestionView],
    approvals: &[(ApprovalView, Option<usize>)],
) -> Vec<Blocker> {
    let rules = &input.workspace.rules;
    let mut out = Vec::new();
    for c in comments.iter().filter(|c| !c.resolved) {
        let place = c.current.field.as_deref().unwrap_or(&c.anchor.field);
        let outdated = if c.current.outdated {
            " (outdated)"
        } else {
            ""
        };
        out.push(Blocker {
            kind: BlockerKind::UnresolvedComment,
            message: format!(
                "unresolved comment by {} on {}{outdated}",
                c.author,
                crate::fields::label(place, input.current)
            ),
            record: Some(c.id.clone()),
            field: c.current.field.clone(),
        });
    }
    for s in suggestions
        .iter()
        .filter(|s| s.status == SuggestionStatus::Open)
    {
        out.push(Blocker {
            kind: BlockerKind::OpenSuggestion,
            message: format!(
                "open suggestion by {} on {}",
                s.author,
                crate::fields::label(
                    s.current_field.as_deref().unwrap_or(&s.field),
                    input.current
                )
            ),
            record: Some(s.id.clone()),
            field: s.current_field.clone(),
        });
    }
    let live = || approvals.iter().filter(|(a, _)| !a.superseded);
    for role in &rules.required_roles {
        let given = || {
            live().filter(
                move |(a, _)| matches!(&a.scope, ApprovalScope::Release { role: r } if r == role),
            )
        };
        if given().any(|(a, _)| a.valid) {
            continue;
        }
        let latest = given().next_back().map(|(a, _)| a);
        out.push(match latest {
            Some(a) if a.verdict == Verdict::Approve => Blocker {
                kind: BlockerKind::StaleApproval,
                message: format!(
                    "the {role} approval by {} is stale ({})",
                    a.by,
                    a.stale_reason.as_deref().unwrap_or("its content changed")
                ),
                record: Some(a.id.clone()),
                field: None,
            },
            Some(a) => Blocker {
                kind: BlockerKind::MissingApproval,
                message: format!("{} ({role}) requested changes", a.by),
                record: Some(a.id.clone()),
                field: None,
            },
            None => Blocker {
                kind: BlockerKind::MissingApproval,
                message: format!("no {role} approval yet"),
                record: None,
                field: None,
            },
        });
    }
    if rules.quote_signoffs_required {
        for (i, b) in input.current.body.iter().enumerate() {
            let Block::Quote(q) = b else { continue };
            let n = quote_number(input.current, i).unwrap_or(0);
            let speaker = input
                .current
                .people
                .iter()
                .find(|p| p.id == q.speaker)
                .map(|p| p.name.trim().to_string())
                .unwrap_or_else(|| q.speaker.clone());
            let field = Some(FieldPath::Block(i).to_string());
            let here = || {
                approvals.iter().filter(move |(a, block)| {
                    matches!(a.scope, ApprovalScope::Quote { .. }) && *block == Some(i)
                })
            };
            if here().any(|(a, _)| a.valid) {
                continue;
            }
            let latest = here().rfind(|(a, _)| !a.superseded).map(|(a, _)| a);
            out.push(match latest {
                Some(a) if a.verdict == Verdict::Approve => Blocker {
                    kind: BlockerKind::StaleApproval,
                    message: format!(
                        "the sign-off of quote {n} by {} is stale ({})",
                        a.by,
                        a.stale_reason.as_deref().unwrap_or("the quote changed")
                    ),
                    record: Some(a.id.clone()),
                    field,
                },
                Some(a) => Blocker {
                    kind: BlockerKind::MissingApproval,
                    message: format!("{} requested changes to quote {n}", a.by),
                    record: Some(a.id.clone()),
                    field,
                },
                None => Blocker {
                    kind: BlockerKind::MissingApproval,
                    message: format!("quote {n} has no sign-off from {speaker}, who is quoted"),
                    record: None,
                    field,
                },
            });
        }
    }
    out.extend(input.checks.iter().cloned());
    out
}
