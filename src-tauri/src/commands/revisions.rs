//! The editor and the history: open, autosave, save revisions, load and restore.

use dateline_core::Release;
use dateline_store::{OpenRelease, RevisionInfo};
use tauri::State;

use crate::blocking;
use crate::error::ApiResult;
use crate::input;
use crate::state::AppState;

/// Opens `id` for editing: its unsaved edits if any, else its latest revision.
#[tauri::command]
pub async fn open_release(state: State<'_, AppState>, id: String) -> ApiResult<OpenRelease> {
    input::id(&id)?;
    let store = state.store()?;
    blocking::run(move || Ok(dateline_store::open_release(store.as_ref(), &id)?)).await
}

/// Autosaves the working copy of `id` (not validated: drafts may be incomplete).
#[tauri::command]
pub async fn save_working_copy(
    state: State<'_, AppState>,
    id: String,
    release: Release,
) -> ApiResult<()> {
    input::id(&id)?;
    input::release(&release)?;
    let store = state.store()?;
    blocking::run(move || Ok(store.save_working_copy(&id, &release)?)).await
}

/// Validates `release` and saves it as the next revision of `id`; returns its number.
#[tauri::command]
pub async fn save_revision(
    state: State<'_, AppState>,
    id: String,
    release: Release,
    message: Option<String>,
    name: Option<String>,
) -> ApiResult<u32> {
    input::id(&id)?;
    input::release(&release)?;
    input::short("message", message.as_deref())?;
    input::short("name", name.as_deref())?;
    let store = state.store()?;
    let meta = state.meta(message, name);
    blocking::run(move || {
        release.check()?;
        Ok(store.save(&id, &release, &meta)?)
    })
    .await
}

/// The history of `id`, newest first.
#[tauri::command]
pub async fn history(state: State<'_, AppState>, id: String) -> ApiResult<Vec<RevisionInfo>> {
    input::id(&id)?;
    let store = state.store()?;
    blocking::run(move || Ok(store.log(&id)?)).await
}

/// Revision `rev` of `id`, read-only.
#[tauri::command]
pub async fn load_revision(state: State<'_, AppState>, id: String, rev: u32) -> ApiResult<Release> {
    input::id(&id)?;
    let store = state.store()?;
    blocking::run(move || Ok(store.load(&id, Some(rev))?)).await
}

/// Appends a new revision with the content of `rev`; returns the new number.
#[tauri::command]
pub async fn restore_revision(state: State<'_, AppState>, id: String, rev: u32) -> ApiResult<u32> {
    input::id(&id)?;
    let store = state.store()?;
    let meta = state.meta(Some(format!("Restored revision {rev}")), None);
    blocking::run(move || Ok(store.restore(&id, rev, &meta)?)).await
}
