//! macOS: WKWebView's `createPDF` on a hidden window, the bytes written to the file.
//! Compiled on macOS only; not exercised by this repository's Linux CI.
#![allow(unsafe_code)] // Objective-C calls into WebKit

use std::path::PathBuf;

use block2::RcBlock;
use objc2_foundation::{NSData, NSError};
use objc2_web_kit::WKWebView;
use tauri::{AppHandle, Runtime};

use crate::error::ApiResult;

pub async fn print<R: Runtime>(app: &AppHandle<R>, html: String, out: PathBuf) -> ApiResult<()> {
    super::hidden::print_in_hidden_window(app, html, out, |window, out, tx| {
        let _ = window.with_webview(move |wv| {
            // SAFETY: `inner()` is the window's live WKWebView, used on the main thread.
            let view: &WKWebView = unsafe { &*wv.inner().cast() };
            let handler = RcBlock::new(move |data: *mut NSData, error: *mut NSError| {
                // SAFETY: WebKit passes either valid data or a valid error.
                let result = match unsafe { (data.as_ref(), error.as_ref()) } {
                    (Some(data), _) => {
                        std::fs::write(&out, data.to_vec()).map_err(|e| e.to_string())
                    }
                    (None, Some(err)) => Err(err.localizedDescription().to_string()),
                    (None, None) => Err("WebKit returned no PDF".to_string()),
                };
                let _ = tx.send(result);
            });
            // SAFETY: the block outlives the call (WebKit copies it).
            unsafe { view.createPDFWithConfiguration_completionHandler(None, &handler) };
        });
    })
    .await
}
