//! PDF export through the platform webview, without a print dialog.
//!
//! The print renderer's HTML (from `dateline-export`) is laid out by the same
//! engine that shows the preview and printed to a PDF file: WebKitGTK's print
//! operation on Linux, WebView2's `PrintToPdf` on Windows and WKWebView's
//! `createPDF` on macOS. The page is loaded with JavaScript off and no IPC.

use dateline_core::ErrorCode;
use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

use crate::error::{ApiError, ApiResult};

#[cfg(any(windows, target_os = "macos"))]
mod hidden;
#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(windows)]
mod windows;

/// How long a print may take before it is reported as failed.
pub const PRINT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Prints `html` (a standalone page) to a PDF file at `out` on `paper`, with
/// `footer` as the running footer on every page where the engine does not
/// draw the page's CSS margin boxes itself (WebKitGTK).
pub async fn print_to_pdf<R: Runtime>(
    app: &AppHandle<R>,
    html: String,
    out: PathBuf,
    paper: dateline_export::Paper,
    footer: dateline_export::Footer,
) -> ApiResult<()> {
    #[cfg(target_os = "linux")]
    let result = linux::print(app, html, out.clone(), paper, footer).await;
    // WebView2 is Chromium: since version 131 it draws the @page margin boxes.
    #[cfg(windows)]
    let result = {
        let _ = (paper, footer); // the page's @page rule sets the paper and the footer
        windows::print(app, html, out.clone()).await
    };
    // WKWebView's createPDF draws the view as one PDF of the page's full height,
    // not a paged print: there are no pages to number until it prints through
    // a paged print operation (WebKit draws margin boxes since Safari 18.2).
    #[cfg(target_os = "macos")]
    let result = {
        let _ = (paper, footer); // the page's @page rule sets the paper
        macos::print(app, html, out.clone()).await
    };
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    let result: ApiResult<()> = {
        let _ = (app, html, paper, footer);
        Err(ApiError::new(
            ErrorCode::PdfFailed,
            "PDF export is not available on this system",
        ))
    };
    result?;
    // A print that "finished" without writing a file is a failure too.
    match std::fs::metadata(&out) {
        Ok(m) if m.len() > 0 => Ok(()),
        _ => Err(ApiError::new(
            ErrorCode::PdfFailed,
            format!("the PDF was not written to {}", out.display()),
        )),
    }
}

/// Waits on the blocking pool for the platform's "finished" signal.
#[allow(dead_code)] // not every platform module uses it
pub(crate) async fn wait(rx: std::sync::mpsc::Receiver<Result<(), String>>) -> ApiResult<()> {
    crate::blocking::run(move || match rx.recv_timeout(PRINT_TIMEOUT) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(message)) => Err(ApiError::new(
            ErrorCode::PdfFailed,
            format!("printing to PDF failed: {message}"),
        )),
        Err(_) => Err(ApiError::new(
            ErrorCode::PdfFailed,
            "printing to PDF did not finish in 30 seconds",
        )),
    })
    .await
}
