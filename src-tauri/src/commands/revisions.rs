//! The editor and the history: open, autosave, discard, save revisions, load and restore.

use dateline_core::{Release, ReleaseId};
use dateline_store::{OpenRelease, RevisionInfo};
use tauri::Runtime;

use super::Cx;
use crate::blocking;
use crate::error::ApiResult;
use crate::input;

pub async fn open_release<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<OpenRelease> {
    let store = cx.store()?;
    blocking::run(move || Ok(dateline_store::open_release(store.as_ref(), &id)?)).await
}

pub async fn save_working_copy<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    release: Release,
) -> ApiResult<()> {
    input::release(&release)?;
    let store = cx.store()?;
    blocking::run(move || Ok(store.save_working_copy(&id, &release)?)).await
}

pub async fn discard_working_copy<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<OpenRelease> {
    let store = cx.store()?;
    blocking::run(move || {
        store.discard_working_copy(&id)?;
        Ok(dateline_store::open_release(store.as_ref(), &id)?)
    })
    .await
}

pub async fn save_revision<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    release: Release,
    message: Option<String>,
    name: Option<String>,
) -> ApiResult<u32> {
    input::release(&release)?;
    input::short("message", message.as_deref())?;
    input::short("name", name.as_deref())?;
    let store = cx.store()?;
    let meta = cx.state().meta(message, name);
    // The store validates (once) and refuses an invalid release with its problems.
    blocking::run(move || Ok(store.save(&id, &release, &meta)?)).await
}

pub async fn history<R: Runtime>(cx: &Cx<R>, id: ReleaseId) -> ApiResult<Vec<RevisionInfo>> {
    let store = cx.store()?;
    blocking::run(move || Ok(store.log(&id)?)).await
}

pub async fn load_revision<R: Runtime>(cx: &Cx<R>, id: ReleaseId, rev: u32) -> ApiResult<Release> {
    let store = cx.store()?;
    blocking::run(move || Ok(store.load(&id, Some(rev))?)).await
}

pub async fn restore_revision<R: Runtime>(cx: &Cx<R>, id: ReleaseId, rev: u32) -> ApiResult<u32> {
    let store = cx.store()?;
    let meta = cx
        .state()
        .meta(Some(format!("Restored revision {rev}")), None);
    blocking::run(move || Ok(store.restore(&id, rev, &meta)?)).await
}
