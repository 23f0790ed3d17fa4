//! Windows and macOS: a hidden webview window loads the print HTML from a
//! temporary file; when the page has loaded, the platform module prints it.
//! The window has no capability (only `main` does), so its page cannot invoke
//! any command.

use dateline_core::ErrorCode;
use std::path::PathBuf;
use std::sync::mpsc;

use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::error::{ApiError, ApiResult};

/// Loads `html` in a hidden window and calls `print` on it once loaded.
pub async fn print_in_hidden_window<R, F>(
    app: &AppHandle<R>,
    html: String,
    out: PathBuf,
    print: F,
) -> ApiResult<()>
where
    R: Runtime,
    F: Fn(&WebviewWindow<R>, PathBuf, mpsc::Sender<Result<(), String>>) + Send + Sync + 'static,
{
    let dir = app
        .path()
        .app_cache_dir()
        .map_err(|e| ApiError::new(ErrorCode::PdfFailed, e.to_string()))?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| ApiError::new(ErrorCode::PdfFailed, e.to_string()))?;
    let page = dir.join("print.html");
    std::fs::write(&page, html).map_err(|e| ApiError::new(ErrorCode::PdfFailed, e.to_string()))?;
    let url = tauri::Url::from_file_path(&page)
        .map_err(|_| ApiError::new(ErrorCode::PdfFailed, "bad temporary path"))?;
    let (tx, rx) = mpsc::channel();
    let label = format!("print-{}", std::process::id());
    let done = tx.clone();
    let window = WebviewWindowBuilder::new(app, &label, WebviewUrl::External(url))
        .visible(false)
        .on_page_load(move |w, payload| {
            if payload.event() == PageLoadEvent::Finished {
                print(&w, out.clone(), done.clone());
            }
        })
        .build()?;
    let result = super::wait(rx).await;
    let _ = window.close();
    let _ = std::fs::remove_file(&page);
    drop(tx);
    result
}
