//! Text changed by two people at once: the conflicts a merge left open on a
//! release's latest revision, and the user's choices that settle them.

use dateline_core::ReleaseId;
use dateline_store::{Choice, OpenConflict};
use serde::Deserialize;
use tauri::Runtime;
use ts_rs::TS;

use super::Cx;
use crate::blocking;
use crate::error::ApiResult;

/// What the user chose for the conflict at `path`.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConflictChoice {
    /// The conflict's path (`headline`, `body[3]`, …), as `merge_conflicts` gave it.
    pub path: String,
    /// One of its versions, or text the user wrote.
    pub choice: Choice,
}

pub async fn merge_conflicts<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
) -> ApiResult<Vec<OpenConflict>> {
    let store = cx.state().sqlite()?;
    blocking::run(move || Ok(dateline_sync::merge::conflicts(&store, id.as_str())?)).await
}

pub async fn resolve_conflicts<R: Runtime>(
    cx: &Cx<R>,
    id: ReleaseId,
    choices: Vec<ConflictChoice>,
) -> ApiResult<u32> {
    let store = cx.state().sqlite()?;
    let author = cx.state().author();
    blocking::run(move || {
        let choices: Vec<(String, Choice)> =
            choices.into_iter().map(|c| (c.path, c.choice)).collect();
        Ok(dateline_sync::merge::resolve(
            &store,
            id.as_str(),
            &choices,
            &author,
        )?)
    })
    .await
}
