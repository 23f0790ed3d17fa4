//! Import: pasted or dropped text (plain, Markdown, HTML) becomes a stored release.

use std::path::Path;

use dateline_core::{ErrorCode, Release};
use dateline_import::{ImportOptions, ImportReport, Override, SourceFormat};
use serde::Serialize;
use tauri::Runtime;
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use super::Cx;
use crate::blocking;
use crate::error::{ApiError, ApiResult};
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

/// A file chosen for import: its name, its text and the format its extension says.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportFile {
    /// The file's name, without its folder (shown in the review screen).
    pub name: String,
    /// Its text (UTF-8, or UTF-16 with a byte-order mark, decoded).
    pub text: String,
    /// The format its extension says, or `null` to let the importer guess from the text.
    pub format: Option<SourceFormat>,
}

/// The importer's source format for a file name, or `None` to let it guess from the content.
pub fn format_of(name: &str) -> Option<SourceFormat> {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(SourceFormat::Text),
        "md" | "markdown" => Some(SourceFormat::Markdown),
        "html" | "htm" => Some(SourceFormat::Html),
        _ => None,
    }
}

/// Reads the file at `path` for import: refuses what is too large before reading it all,
/// and decodes it as the importer does (clear errors for binary or mis-encoded files).
pub fn read_import_file(path: &Path) -> ApiResult<ImportFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let io = |e: std::io::Error| ApiError::new(ErrorCode::Io, format!("cannot read {name}: {e}"));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > input::MAX_IMPORT_BYTES as u64 {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!(
                "{name} is too large to be a press release ({}, at most {})",
                input::human_size(size as usize),
                input::human_size(input::MAX_IMPORT_BYTES)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = dateline_import::decode::decode(&bytes)?;
    input::import_text(&text)?;
    Ok(ImportFile {
        format: format_of(&name),
        name,
        text,
    })
}

pub async fn open_import_file<R: Runtime>(cx: &Cx<R>) -> ApiResult<Option<ImportFile>> {
    let picked = match &cx.state().import_file {
        Some(path) => Some(path.clone()),
        None => {
            let builder = cx
                .app
                .dialog()
                .file()
                .set_title("Import a release")
                .add_filter("Press releases", &["txt", "md", "markdown", "html", "htm"]);
            // The dialog waits for the user on the blocking pool, never on the event loop.
            match blocking::run(move || Ok(builder.blocking_pick_file())).await? {
                None => None,
                Some(p) => Some(p.into_path().map_err(|e| {
                    ApiError::new(ErrorCode::Io, format!("that file cannot be read: {e}"))
                })?),
            }
        }
    };
    match picked {
        None => Ok(None),
        Some(path) => blocking::run(move || read_import_file(&path).map(Some)).await,
    }
}
