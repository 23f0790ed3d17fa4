//! The review panel, the history's timeline, the library's states and the
//! workspace settings: each command runs one [`ReviewService`] operation as the
//! profile's person and answers with what the UI shows next.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dateline_core::{ErrorCode, Release, ReleaseId};
use dateline_diff::{ChangeLabel, CompareOptions};
use dateline_review::anchor::TextRange;
use dateline_review::fields::{label, FieldPath};
use dateline_review::{
    ApprovalView, ApproveTarget, AuditEntry, Packet, ReleaseReview, ReviewService, ReviewState,
    ReviewStatus, Role, RoleAssignment, Verdict, Via,
};
use dateline_store::Store;
use serde::Serialize;
use tauri::Runtime;
use ts_rs::TS;

use super::Cx;
use crate::blocking;
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::state::LocalProfile;

/// What the review panel shows: the release's review, who is looking, and
/// how the fields it names read to a person.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReviewPanel {
    /// The review of the latest revision.
    pub state: ReviewState,
    /// The person using the app.
    pub me: String,
    /// Their roles in the workspace.
    pub my_roles: Vec<Role>,
    /// Field path → label ("quote 2") for every field the review names.
    pub labels: BTreeMap<String, String>,
    /// Whether the release has unsaved edits (comments and suggestions apply to the latest revision).
    pub has_working_copy: bool,
}

/// One saved revision in the history, with what changed from the one before.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RevisionChanges {
    /// The revision.
    pub number: u32,
    /// Its changes from the revision before ("dateline date 14 May → 15 May").
    pub labels: Vec<ChangeLabel>,
}

/// The history's extra columns: the audit timeline, and change labels per revision.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Timeline {
    /// Everything that happened, oldest first (revisions included).
    pub audit: Vec<AuditEntry>,
    /// Change labels of each revision, newest first.
    pub changes: Vec<RevisionChanges>,
}

/// Who is working here, and who holds which roles.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WorkspaceSettings {
    /// The person using the app.
    pub name: String,
    /// Their email, if given.
    pub email: Option<String>,
    /// Their roles.
    pub my_roles: Vec<Role>,
    /// Everyone's roles (empty: nobody assigned yet, so everyone holds every role).
    pub roles: Vec<RoleAssignment>,
}

/// Runs `f` with a review service acting as the profile's person, on the
/// blocking pool. With a release `id`, the errors of its checks join the gates.
async fn with_service<R: Runtime, T: Send + 'static>(
    cx: &Cx<R>,
    f: impl FnOnce(&ReviewService<'_>, &dyn Store) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let store = cx.store()?;
    let me = cx.state().author();
    blocking::run(move || {
        let svc = ReviewService::new(store.as_ref(), me);
        f(&svc, store.as_ref())
    })
    .await
}

/// [`with_service`] for release `id`, with the errors of its checks in the gates.
async fn with_review<R: Runtime, T: Send + 'static>(
    cx: &Cx<R>,
    id: &ReleaseId,
    f: impl FnOnce(&ReviewService<'_>, &dyn Store) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let store = cx.store()?;
    let me = cx.state().author();
    let style = {
        let (store, id) = (store.clone(), id.clone());
        blocking::run(move || Ok(store.load(&id, None)?.style)).await?
    };
    let linter = cx.state().linter(style)?;
    blocking::run(move || {
        let svc = ReviewService::new(store.as_ref(), me).with_checks(&linter);
        f(&svc, store.as_ref())
    })
    .await
}

/// The panel of release `id`, as `svc`'s person sees it.
fn panel(svc: &ReviewService<'_>, store: &dyn Store, id: &str) -> ApiResult<ReviewPanel> {
    let state = svc.open(id)?;
    let workspace = svc.workspace()?;
    let current = store.load(id, Some(state.revision))?;
    let mut labels = BTreeMap::new();
    let mut name = |path: &str| {
        labels
            .entry(path.to_string())
            .or_insert_with(|| label(path, &current));
    };
    for c in &state.comments {
        name(&c.anchor.field);
        if let Some(f) = &c.current.field {
            name(f);
        }
    }
    for s in &state.suggestions {
        name(&s.field);
        if let Some(f) = &s.current_field {
            name(f);
        }
    }
    for b in &state.blockers {
        if let Some(f) = &b.field {
            name(f);
        }
    }
    let has_working_copy = store.working_copy(id)?.is_some();
    Ok(ReviewPanel {
        my_roles: workspace.roles_of(svc.actor()),
        me: svc.actor().to_string(),
        state,
        labels,
        has_working_copy,
    })
}

fn text(what: &str, t: &Option<String>) -> ApiResult<()> {
    input::short(what, t.as_deref())
}

pub async fn review_state<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<ReviewPanel> {
    with_review(cx, &id.clone(), move |svc, store| panel(svc, store, &id)).await
}

pub async fn change_state<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    to: ReviewStatus,
    note: Option<String>,
    override_reason: Option<String>,
) -> ApiResult<ReviewPanel> {
    with_review(cx, &id.clone(), move |svc, store| {
        svc.transition(&id, to, note.as_deref(), override_reason.as_deref(), &[])?;
        panel(svc, store, &id)
    })
    .await
}

pub async fn request_review<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    reviewers: Vec<String>,
    role: Option<Role>,
    due: Option<String>,
    note: Option<String>,
) -> ApiResult<ReviewPanel> {
    for r in &reviewers {
        input::short("reviewer", Some(r))?;
    }
    let due = match due.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
            ApiError::new(
                ErrorCode::InvalidInput,
                format!(
                    "the due date “{}” is not a date like 2025-06-01",
                    d.chars().take(40).collect::<String>()
                ),
            )
        })?),
    };
    with_review(cx, &id.clone(), move |svc, store| {
        svc.request_review(&id, &reviewers, role, due, note.as_deref())?;
        panel(svc, store, &id)
    })
    .await
}

pub async fn answer_review<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    verdict: Verdict,
    note: Option<String>,
) -> ApiResult<ReviewPanel> {
    with_review(cx, &id.clone(), move |svc, store| {
        svc.answer_request(&id, None, verdict, note.as_deref())?;
        panel(svc, store, &id)
    })
    .await
}

/// Where a selection made in the editor falls in the latest revision's text of
/// the field: the editor shows the working copy, which may differ. The range
/// is kept when it still reads `quoted`; else the occurrence of `quoted`
/// nearest to it; else the comment is on the whole field.
fn place_range(whole: &str, range: Option<TextRange>, quoted: Option<&str>) -> Option<TextRange> {
    let range = range?;
    let Some(quoted) = quoted.filter(|q| !q.is_empty()) else {
        return range.slice(whole).map(|_| range);
    };
    if range.slice(whole).as_deref() == Some(quoted) {
        return Some(range);
    }
    let len = u32::try_from(quoted.chars().count()).ok()?;
    whole
        .match_indices(quoted)
        .filter_map(|(byte, _)| u32::try_from(whole[..byte].chars().count()).ok())
        .min_by_key(|start| start.abs_diff(range.start))
        .map(|start| TextRange {
            start,
            end: start + len,
        })
}

pub async fn add_comment<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    field: String,
    range: Option<TextRange>,
    quoted: Option<String>,
    text: String,
) -> ApiResult<ReviewPanel> {
    input::short("field", Some(&field))?;
    with_review(cx, &id.clone(), move |svc, store| {
        let current = store.load(&id, None)?;
        let (_, whole) = FieldPath::resolve(&field, &current)?;
        let range = place_range(&whole, range, quoted.as_deref());
        svc.comment(&id, &field, range, &text)?;
        panel(svc, store, &id)
    })
    .await
}

pub async fn reply_comment<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    comment: String,
    text: String,
) -> ApiResult<ReviewPanel> {
    input::short("comment id", Some(&comment))?;
    with_review(cx, &id.clone(), move |svc, store| {
        svc.reply(&comment, &text)?;
        panel(svc, store, &id)
    })
    .await
}

pub async fn resolve_comment<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    comment: String,
    resolved: bool,
) -> ApiResult<ReviewPanel> {
    input::short("comment id", Some(&comment))?;
    with_review(cx, &id.clone(), move |svc, store| {
        svc.set_resolved(&comment, resolved)?;
        panel(svc, store, &id)
    })
    .await
}

pub async fn suggest_change<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    field: String,
    text: String,
    note: Option<String>,
) -> ApiResult<ReviewPanel> {
    input::short("field", Some(&field))?;
    self::text("note", &note)?;
    with_review(cx, &id.clone(), move |svc, store| {
        svc.suggest(&id, &field, &text, note.as_deref())?;
        panel(svc, store, &id)
    })
    .await
}

/// Accepting makes a revision from the latest one; the same change is made to
/// the unsaved edits too, so saving them later does not undo it.
pub async fn decide_suggestion<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    suggestion: String,
    accept: bool,
    note: Option<String>,
) -> ApiResult<ReviewPanel> {
    input::short("suggestion id", Some(&suggestion))?;
    with_review(cx, &id.clone(), move |svc, store| {
        if !accept {
            svc.reject(&suggestion, note.as_deref())?;
            return panel(svc, store, &id);
        }
        let state = svc.open(&id)?;
        let s = state
            .suggestions
            .iter()
            .find(|s| s.id == suggestion || s.id.starts_with(&suggestion))
            .cloned();
        svc.accept(&suggestion, note.as_deref())?;
        if let (Some(s), Some(mut wc)) = (s, store.working_copy(&id)?) {
            if let Some(path) = s
                .current_field
                .as_deref()
                .and_then(|f| f.parse::<FieldPath>().ok())
            {
                if path.set_text(&mut wc.release, &s.new).is_ok() {
                    store.save_working_copy(&id, &wc.release)?;
                }
            }
        }
        panel(svc, store, &id)
    })
    .await
}

// One argument per field of the approval the UI sends (the command table's signature).
#[allow(clippy::too_many_arguments)]
pub async fn approve<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    quote: Option<u32>,
    role: Option<Role>,
    verdict: Verdict,
    by: Option<String>,
    via: Via,
    note: Option<String>,
) -> ApiResult<ReviewPanel> {
    input::short("name", by.as_deref())?;
    let target = match quote {
        Some(number) => ApproveTarget::Quote {
            number,
            by: by.filter(|b| !b.trim().is_empty()),
            via,
        },
        None => ApproveTarget::Release { role },
    };
    with_review(cx, &id.clone(), move |svc, store| {
        svc.approve(&id, target, verdict, note.as_deref())?;
        panel(svc, store, &id)
    })
    .await
}

pub async fn quote_packet<R: Runtime>(cx: &Cx<R>, id: ReleaseId, quote: u32) -> ApiResult<Packet> {
    with_service(cx, move |svc, _| Ok(svc.packet(&id, quote, None)?)).await
}

pub async fn timeline<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<Timeline> {
    with_service(cx, move |svc, store| {
        let audit = svc.audit(&id)?;
        let log = store.log(&id)?;
        let opts = CompareOptions::default();
        let mut changes = Vec::with_capacity(log.len());
        // Newest first: each revision against the one before it.
        let mut newer: Option<(u32, Release)> = None;
        for info in log.iter().take(200) {
            let release = store.load(&id, Some(info.number))?;
            if let Some((n, new)) = newer.take() {
                let c = dateline_diff::compare(&release, &new, &opts);
                changes.push(RevisionChanges {
                    number: n,
                    labels: c.labels,
                });
            }
            newer = Some((info.number, release));
        }
        if let Some((n, _)) = newer {
            changes.push(RevisionChanges {
                number: n,
                labels: Vec::new(),
            });
        }
        Ok(Timeline { audit, changes })
    })
    .await
}

/// The file formats of the audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AuditFormat {
    /// One row per event, for a spreadsheet.
    Csv,
    /// An array of events, for programs.
    Json,
}

pub async fn export_audit<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    format: AuditFormat,
) -> ApiResult<Option<String>> {
    let (headline, content) = {
        let id = id.clone();
        with_service(cx, move |svc, store| {
            let entries = svc.audit(&id)?;
            let headline = store.load(&id, None)?.headline;
            let content = match format {
                AuditFormat::Csv => dateline_review::audit::to_csv(&entries),
                AuditFormat::Json => dateline_review::audit::to_json(&entries),
            };
            Ok((headline, content))
        })
        .await?
    };
    let stem = format!("{id}-audit");
    let target = crate::destination::Target {
        stem: &stem,
        suggested: format!("{}-audit", crate::destination::slug(&headline)),
        extension: match format {
            AuditFormat::Csv => "csv",
            AuditFormat::Json => "json",
        },
        kind: match format {
            AuditFormat::Csv => "CSV table",
            AuditFormat::Json => "JSON document",
        },
    };
    let Some(path) = crate::destination::choose(&cx.app, &cx.state(), target).await? else {
        return Ok(None);
    };
    crate::destination::write(path.clone(), content.into_bytes()).await?;
    Ok(Some(path.display().to_string()))
}

pub async fn stale_approvals<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    from: u32,
    to: u32,
) -> ApiResult<Vec<ApprovalView>> {
    with_service(cx, move |svc, _| Ok(svc.stale_between(&id, from, to)?)).await
}

pub async fn review_overview<R: Runtime>(cx: &Cx<R>) -> ApiResult<Vec<ReleaseReview>> {
    with_service(cx, move |svc, _| Ok(svc.overview(svc.actor())?)).await
}

fn settings(svc: &ReviewService<'_>, email: Option<String>) -> ApiResult<WorkspaceSettings> {
    let w = svc.workspace()?;
    Ok(WorkspaceSettings {
        name: svc.actor().to_string(),
        email,
        my_roles: w.roles_of(svc.actor()),
        roles: w.roles,
    })
}

pub async fn workspace_settings<R: Runtime>(cx: &Cx<R>) -> ApiResult<WorkspaceSettings> {
    let email = cx.state().profile().email;
    with_service(cx, move |svc, _| settings(svc, email)).await
}

pub async fn save_profile<R: Runtime>(
    cx: &Cx<R>,
    name: String,
    email: Option<String>,
) -> ApiResult<WorkspaceSettings> {
    input::short("name", Some(&name))?;
    input::short("email", email.as_deref())?;
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(ApiError::new(
            ErrorCode::EmptyText,
            "the name is empty; it is recorded on every revision and comment",
        ));
    }
    let email = email
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty());
    cx.state().set_profile(LocalProfile {
        name,
        email: email.clone(),
    })?;
    with_service(cx, move |svc, _| {
        svc.set_profile(email.as_deref())?;
        settings(svc, email)
    })
    .await
}

pub async fn set_roles<R: Runtime>(
    cx: &Cx<R>,
    person: String,
    roles: Vec<Role>,
) -> ApiResult<WorkspaceSettings> {
    input::short("name", Some(&person))?;
    let email = cx.state().profile().email;
    with_service(cx, move |svc, _| {
        svc.set_roles(&person, &roles)?;
        settings(svc, email)
    })
    .await
}

impl From<dateline_review::ReviewError> for ApiError {
    fn from(e: dateline_review::ReviewError) -> Self {
        match e {
            dateline_review::ReviewError::Store(s) => ApiError::from(s),
            e => ApiError::new(e.code(), e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_placed_where_its_text_is_now() {
        let r = |start, end| Some(TextRange { start, end });
        // Unchanged: kept.
        assert_eq!(place_range("one two three", r(4, 7), Some("two")), r(4, 7));
        // Text moved by an unsaved edit: the nearest occurrence.
        assert_eq!(
            place_range("zero one two two", r(4, 7), Some("two")),
            r(9, 12)
        );
        // Gone: the whole field.
        assert_eq!(place_range("one three", r(4, 7), Some("two")), None);
        // Non-ASCII counts characters.
        assert_eq!(place_range("«é» two", r(0, 3), Some("two")), r(4, 7));
        // Out of range without a quote: the whole field.
        assert_eq!(place_range("ab", r(1, 9), None), None);
    }
}
