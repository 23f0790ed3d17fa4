//! The library screen: list, search, create, duplicate, trash.

use dateline_core::style::HouseStyleId;
use dateline_store::{ListFilter, ReleaseSummary};
use tauri::State;

use crate::blocking;
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::state::AppState;

/// Releases (or the trash), most recently saved first, filtered by `query`.
#[tauri::command]
pub async fn list_releases(
    state: State<'_, AppState>,
    query: Option<String>,
    deleted: bool,
) -> ApiResult<Vec<ReleaseSummary>> {
    input::short("search", query.as_deref())?;
    let store = state.store()?;
    let filter = ListFilter {
        query: query.filter(|q| !q.trim().is_empty()),
        deleted,
    };
    blocking::run(move || Ok(store.list(&filter)?)).await
}

/// A new release from the house style's template, dated today; returns its id.
#[tauri::command]
pub async fn create_release(state: State<'_, AppState>, style: HouseStyleId) -> ApiResult<String> {
    let store = state.store()?;
    let meta = state.meta(
        Some(format!(
            "New release from the {} template",
            style.style().name
        )),
        None,
    );
    blocking::run(move || {
        let today = chrono::Local::now().date_naive();
        let release = dateline_core::templates::template(style, today);
        let (id, _) = store.create(&release, &meta)?;
        Ok(id)
    })
    .await
}

/// A copy of the latest revision of `id` as a new release; returns the copy's id.
#[tauri::command]
pub async fn duplicate_release(state: State<'_, AppState>, id: String) -> ApiResult<String> {
    input::id(&id)?;
    let store = state.store()?;
    let meta = state.meta(Some(format!("Copy of release {id}")), None);
    blocking::run(move || {
        let mut release = store.load(&id, None)?;
        release.meta.id.clear();
        release.meta.created = None;
        release.meta.updated = None;
        let (copy, _) = store.create(&release, &meta)?;
        Ok(copy)
    })
    .await
}

/// Moves `id` to the trash (restorable with `undelete_release`).
#[tauri::command]
pub async fn delete_release(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    input::id(&id)?;
    let store = state.store()?;
    blocking::run(move || Ok(store.delete(&id)?)).await
}

/// Brings `id` back from the trash.
#[tauri::command]
pub async fn undelete_release(state: State<'_, AppState>, id: String) -> ApiResult<()> {
    input::id(&id)?;
    let store = state.store()?;
    blocking::run(move || Ok(store.undelete(&id)?)).await
}

/// Why the database could not be opened at startup (`null` when it was).
#[tauri::command]
pub fn startup_error(state: State<'_, AppState>) -> Option<ApiError> {
    state.startup_error()
}
