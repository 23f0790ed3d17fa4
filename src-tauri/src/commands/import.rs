//! Import: pasted or dropped text (plain, Markdown, HTML) becomes a stored release.

use dateline_import::{ImportOptions, ImportReport, SourceFormat};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::blocking;
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::state::AppState;

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

/// Imports `text` (format `from`: "text", "markdown" or "html"; guessed when absent)
/// as a new release.
#[tauri::command]
pub async fn import_release(
    state: State<'_, AppState>,
    text: String,
    from: Option<String>,
) -> ApiResult<ImportResult> {
    input::import_text(&text)?;
    let format = match from.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(name) => Some(source_format(name)?),
    };
    let store = state.store()?;
    let meta = state.meta(Some("Imported".to_string()), None);
    blocking::run(move || {
        let opts = ImportOptions {
            format,
            ..ImportOptions::default()
        };
        let imported = dateline_import::import(text.as_bytes(), &opts)
            .map_err(|e| ApiError::new(e.code(), e.to_string()))?;
        let (id, _) = store.create(&imported.release, &meta)?;
        Ok(ImportResult {
            id,
            report: imported.report,
        })
    })
    .await
}

fn source_format(name: &str) -> ApiResult<SourceFormat> {
    match name.to_ascii_lowercase().as_str() {
        "text" | "txt" | "plain" => Ok(SourceFormat::Text),
        "markdown" | "md" => Ok(SourceFormat::Markdown),
        "html" | "htm" => Ok(SourceFormat::Html),
        _ => Err(ApiError::new(
            "unknown_format",
            format!("“{name}” is not an import format (text, markdown or html)"),
        )),
    }
}
