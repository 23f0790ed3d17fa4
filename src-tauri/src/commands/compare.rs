//! The compare view: two revisions (or a revision and the working copy) through
//! `dateline-diff`, and the redline exported as a standalone HTML file.

use dateline_core::Release;
use dateline_diff::{CompareOptions, Comparison};
use dateline_store::Store;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::blocking;
use crate::destination::{self, Target};
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::state::AppState;

/// One side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(export)]
pub enum RevRef {
    /// A saved revision.
    Revision { number: u32 },
    /// The autosaved working copy (unsaved edits).
    WorkingCopy,
}

/// Compares `from` (old) with `to` (new) of release `id`.
#[tauri::command]
pub async fn compare_revisions(
    state: State<'_, AppState>,
    id: String,
    from: RevRef,
    to: RevRef,
) -> ApiResult<Comparison> {
    input::id(&id)?;
    let store = state.store()?;
    blocking::run(move || {
        let (a, b) = sides(store.as_ref(), &id, from, to)?;
        Ok(dateline_diff::compare(&a, &b, &CompareOptions::default()))
    })
    .await
}

/// Writes the redline of `from` → `to` as HTML; returns the path, or `None` if cancelled.
#[tauri::command]
pub async fn export_redline<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
    from: RevRef,
    to: RevRef,
) -> ApiResult<Option<String>> {
    input::id(&id)?;
    let store = state.store()?;
    let stem_id = id.clone();
    let (headline, html) = blocking::run(move || {
        let (a, b) = sides(store.as_ref(), &id, from, to)?;
        let c = dateline_diff::compare(&a, &b, &CompareOptions::default());
        Ok((b.headline.clone(), dateline_diff::redline_html(&a, &b, &c)))
    })
    .await?;
    let stem = format!("{stem_id}-redline");
    let target = Target {
        stem: &stem,
        suggested: format!("{}-redline", destination::slug(&headline)),
        extension: "html",
        kind: "HTML document",
    };
    let Some(path) = destination::choose(&app, &state, target).await? else {
        return Ok(None);
    };
    destination::write(path.clone(), html.into_bytes()).await?;
    Ok(Some(path.display().to_string()))
}

fn sides(store: &dyn Store, id: &str, from: RevRef, to: RevRef) -> ApiResult<(Release, Release)> {
    Ok((side(store, id, from)?, side(store, id, to)?))
}

fn side(store: &dyn Store, id: &str, r: RevRef) -> ApiResult<Release> {
    match r {
        RevRef::Revision { number } => Ok(store.load(id, Some(number))?),
        RevRef::WorkingCopy => match store.working_copy(id)? {
            Some(wc) => Ok(wc.release),
            None => Err(ApiError::new(
                "no_working_copy",
                "this release has no unsaved changes to compare",
            )),
        },
    }
}
