//! Where an export is written. Paths never come from the webview: Rust opens
//! the native save dialog (tauri-plugin-dialog's Rust API) or, when
//! `DATELINE_EXPORT_DIR` is set (end-to-end tests), uses that folder without asking.

use dateline_core::ErrorCode;
use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// What is being saved, to name the file and filter the dialog.
pub struct Target<'a> {
    /// File name without extension when `DATELINE_EXPORT_DIR` is used (the release id).
    pub stem: &'a str,
    /// Suggested name in the dialog, without extension (from the headline).
    pub suggested: String,
    /// Extension without the dot (`html`, `pdf`, `ninjs.json`).
    pub extension: &'a str,
    /// Filter name shown in the dialog ("HTML document").
    pub kind: &'a str,
}

/// The chosen path, or `None` when the user cancelled the dialog.
pub async fn choose<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    target: Target<'_>,
) -> ApiResult<Option<PathBuf>> {
    if let Some(dir) = &state.export_dir {
        return Ok(Some(
            dir.join(format!("{}.{}", target.stem, target.extension)),
        ));
    }
    let last = target
        .extension
        .rsplit('.')
        .next()
        .unwrap_or(target.extension);
    let builder = app
        .dialog()
        .file()
        .set_title("Export")
        .set_file_name(format!("{}.{}", target.suggested, target.extension))
        .add_filter(target.kind, &[last]);
    // The blocking call waits for the user on the blocking pool, never on the event loop.
    let picked = crate::blocking::run(move || Ok(builder.blocking_save_file())).await?;
    match picked {
        None => Ok(None),
        Some(p) => p.into_path().map(Some).map_err(|e| {
            ApiError::new(
                ErrorCode::ExportFailed,
                format!("this location cannot be written: {e}"),
            )
        }),
    }
}

/// Writes `content` to `path` on the blocking pool.
pub async fn write(path: PathBuf, content: Vec<u8>) -> ApiResult<()> {
    crate::blocking::run(move || {
        std::fs::write(&path, content).map_err(|e| {
            ApiError::new(
                ErrorCode::ExportFailed,
                format!("cannot write {}: {e}", path.display()),
            )
        })
    })
    .await
}

/// A file-name-safe slug of a headline ("UN expert: free her" → "un-expert-free-her").
pub fn slug(headline: &str) -> String {
    let mut out = String::new();
    for c in headline.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "release".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("UN expert: free her now!"), "un-expert-free-her-now");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("  "), "release");
        assert_eq!(slug("Ginebra — ¿qué pasó?"), "ginebra-qué-pasó");
        assert!(slug(&"word ".repeat(100)).chars().count() <= 60);
    }
}
