//! Import: pasted or dropped text (plain, Markdown, HTML) becomes a stored release.

use dateline_import::{ImportOptions, ImportReport, SourceFormat};
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

pub async fn import_release<R: Runtime>(
    cx: &Cx<R>,
    text: String,
    from: Option<SourceFormat>,
) -> ApiResult<ImportResult> {
    input::import_text(&text)?;
    let store = cx.store()?;
    let meta = cx.state().meta(Some("Imported".to_string()), None);
    blocking::run(move || {
        let opts = ImportOptions {
            format: from,
            ..ImportOptions::default()
        };
        let imported = dateline_import::import(text.as_bytes(), &opts)?;
        let (id, _) = store.create(&imported.release, &meta)?;
        Ok(ImportResult {
            id,
            report: imported.report,
        })
    })
    .await
}
