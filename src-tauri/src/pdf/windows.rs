//! Windows: WebView2's `PrintToPdf` (ICoreWebView2_7) on a hidden window.
//! Compiled on Windows only; not exercised by this repository's Linux CI.
#![allow(unsafe_code)] // COM calls into WebView2

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use webview2_com::Microsoft::Web::WebView2::Win32::ICoreWebView2_7;
use webview2_com::PrintToPdfCompletedHandler;
use windows_core::{Interface, HSTRING};

use crate::error::ApiResult;

pub async fn print<R: Runtime>(app: &AppHandle<R>, html: String, out: PathBuf) -> ApiResult<()> {
    super::hidden::print_in_hidden_window(app, html, out, |window, out, tx| {
        let _ = window.with_webview(move |wv| {
            let started = (|| -> windows_core::Result<()> {
                // SAFETY: the controller is valid for the life of the window, on its thread.
                let core = unsafe { wv.controller().CoreWebView2()? };
                let core7: ICoreWebView2_7 = core.cast()?;
                let done = tx.clone();
                let handler = PrintToPdfCompletedHandler::create(Box::new(move |hr, ok| {
                    let _ = done.send(match (hr, ok) {
                        (Ok(()), true) => Ok(()),
                        (Err(e), _) => Err(e.message().to_string()),
                        (Ok(()), false) => Err("WebView2 did not print".to_string()),
                    });
                    Ok(())
                }));
                let path = HSTRING::from(out.as_os_str());
                // SAFETY: arguments live until the call returns; the handler is ref-counted.
                unsafe { core7.PrintToPdf(&path, None, &handler) }
            })();
            if let Err(e) = started {
                let _ = tx.send(Err(e.message().to_string()));
            }
        });
    })
    .await
}
