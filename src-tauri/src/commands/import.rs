//! Import: pasted or dropped text (plain, Markdown, HTML) becomes a stored release.

use dateline_core::Release;
use dateline_import::{ImportOptions, ImportReport, Override, SourceFormat};
use serde::Serialize;
use tauri::Runtime;
use ts_rs::TS;

use super::Cx;
use crate::blocking;
use crate::error::ApiResult;
use crate::input;

/// What `import_release` returns: the new release's id and what the importer found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportResult {
    /// Id of the new release (revision 1 is the import).
    pub id: String,
    /// What was recognised, what to check, what was dropped.
    pub report: ImportReport,
}

/// What `preview_import` returns: the release as it would be imported, and
/// each part of the input with what it became and how sure the importer is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    /// The release the import would create (not stored).
    pub release: Release,
    /// What was recognised, what to check, what was dropped, and the parts.
    pub report: ImportReport,
}

fn options(from: Option<SourceFormat>) -> ImportOptions {
    ImportOptions {
        format: from,
        ..ImportOptions::default()
    }
}

pub async fn preview_import<R: Runtime>(
    _cx: &Cx<R>,
    text: String,
    from: Option<SourceFormat>,
    overrides: Vec<Override>,
) -> ApiResult<ImportPreview> {
    input::import_text(&text)?;
    blocking::run(move || {
        let imported = dateline_import::import_with(text.as_bytes(), &options(from), &overrides)?;
        Ok(ImportPreview {
            release: imported.release,
            report: imported.report,
        })
    })
    .await
}

pub async fn import_release<R: Runtime>(
    cx: &Cx<R>,
    text: String,
    from: Option<SourceFormat>,
    overrides: Vec<Override>,
) -> ApiResult<ImportResult> {
    input::import_text(&text)?;
    let store = cx.store()?;
    let meta = cx.state().meta(Some("Imported".to_string()), None);
    blocking::run(move || {
        let imported = dateline_import::import_with(text.as_bytes(), &options(from), &overrides)?;
        let (id, _) = store.create(&imported.release, &meta)?;
        Ok(ImportResult {
            id,
            report: imported.report,
        })
    })
    .await
}
