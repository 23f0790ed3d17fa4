//! The library screen: list, search, create, duplicate, trash.

use dateline_core::style::HouseStyleId;
use dateline_core::ReleaseId;
use dateline_store::{ListFilter, ReleasePage};
use tauri::Runtime;

use super::Cx;
use crate::blocking;
use crate::error::{ApiError, ApiResult};
use crate::input;

/// Most rows one call returns: the library asks a window at a time.
const MAX_WINDOW: u32 = 500;
/// Most release ids a scope may name (the "Waiting for me" and "Mine" filters).
const MAX_IDS: usize = 100_000;

pub async fn list_releases<R: Runtime>(
    cx: &Cx<R>,
    query: Option<String>,
    deleted: bool,
    ids: Option<Vec<String>>,
    offset: u32,
    limit: u32,
) -> ApiResult<ReleasePage> {
    input::short("search", query.as_deref())?;
    if ids.as_ref().is_some_and(|v| v.len() > MAX_IDS) {
        return Err(ApiError::new(
            dateline_core::ErrorCode::InvalidInput,
            format!("a list names at most {MAX_IDS} releases"),
        ));
    }
    let store = cx.store()?;
    let filter = ListFilter {
        query: query.filter(|q| !q.trim().is_empty()),
        deleted,
        ids,
    };
    let limit = limit.min(MAX_WINDOW);
    blocking::run(move || Ok(store.list_page(&filter, offset, limit)?)).await
}

pub async fn create_release<R: Runtime>(cx: &Cx<R>, style: HouseStyleId) -> ApiResult<ReleaseId> {
    let store = cx.store()?;
    let meta = cx.state().meta(
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
        stored_id(id)
    })
    .await
}

pub async fn duplicate_release<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<ReleaseId> {
    let store = cx.store()?;
    let meta = cx.state().meta(Some(format!("Copy of release {id}")), None);
    blocking::run(move || {
        let mut release = store.load(&id, None)?;
        release.meta.id.clear();
        release.meta.created = None;
        release.meta.updated = None;
        let (copy, _) = store.create(&release, &meta)?;
        stored_id(copy)
    })
    .await
}

pub async fn delete_release<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<()> {
    let store = cx.store()?;
    blocking::run(move || Ok(store.delete(&id)?)).await
}

pub async fn undelete_release<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<()> {
    let store = cx.store()?;
    blocking::run(move || Ok(store.undelete(&id)?)).await
}

pub async fn startup_error<R: Runtime>(cx: &Cx<R>) -> ApiResult<Option<ApiError>> {
    Ok(cx.state().startup_error())
}

/// An id the store just assigned, as the typed id the UI gets back.
fn stored_id(id: String) -> ApiResult<ReleaseId> {
    ReleaseId::parse(&id).map_err(|e| {
        ApiError::new(
            dateline_core::ErrorCode::Internal,
            format!("the store assigned an unexpected id: {e}"),
        )
    })
}
