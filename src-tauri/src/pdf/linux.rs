//! Linux: WebKitGTK's print operation with the "Print to File" backend.
//!
//! An offscreen GTK window holds a fresh WebKit view (JavaScript off) that
//! loads the print HTML; when loading finishes, a `PrintOperation` prints it
//! to the output URI as PDF without any dialog. Everything GTK runs on the main
//! thread; the result comes back over a channel.
//!
//! WebKitGTK ignores the CSS `@page` margins and margin boxes: the margins are
//! set on the page setup instead, and the running footer (label, "Page N of
//! M") is stamped on the finished PDF by `dateline_export::stamp_footer`.

use dateline_core::ErrorCode;
use std::path::PathBuf;
use std::sync::mpsc;

use gtk::prelude::*;
use tauri::{AppHandle, Runtime};
use webkit2gtk::{LoadEvent, PrintOperationExt, SettingsExt, WebViewExt};

use crate::error::{ApiError, ApiResult};

pub async fn print<R: Runtime>(
    app: &AppHandle<R>,
    html: String,
    out: PathBuf,
    paper: dateline_export::Paper,
    footer: dateline_export::Footer,
) -> ApiResult<()> {
    let paper = match paper {
        dateline_export::Paper::A4 => "iso_a4",
        dateline_export::Paper::Letter => "na_letter",
    };
    let uri = webkit2gtk::glib::filename_to_uri(&out, None)
        .map_err(|e| ApiError::new(ErrorCode::PdfFailed, format!("bad output path: {e}")))?
        .to_string();
    let (tx, rx) = mpsc::channel::<Result<(), String>>();
    app.run_on_main_thread(move || start(html, uri, paper, tx))?;
    super::wait(rx).await?;
    crate::blocking::run(move || {
        let printed = std::fs::read(&out).map_err(|e| {
            ApiError::new(
                ErrorCode::PdfFailed,
                format!("the PDF was not written to {}: {e}", out.display()),
            )
        })?;
        let stamped = dateline_export::stamp_footer(&printed, &footer)?;
        // Beside the output, then renamed over it: the file is never half-stamped.
        let mut part = out.clone().into_os_string();
        part.push(".part");
        let part = PathBuf::from(part);
        let failed = |e: std::io::Error| ApiError::new(ErrorCode::PdfFailed, e.to_string());
        std::fs::write(&part, stamped).map_err(failed)?;
        std::fs::rename(&part, &out).map_err(|e| {
            let _ = std::fs::remove_file(&part);
            failed(e)
        })
    })
    .await
}

/// On the GTK main thread: build the offscreen view, load, print on load.
fn start(html: String, uri: String, paper: &'static str, tx: mpsc::Sender<Result<(), String>>) {
    let window = gtk::OffscreenWindow::new();
    window.set_default_size(794, 1123); // A4 at 96 dpi
    let view = webkit2gtk::WebView::new();
    if let Some(settings) = WebViewExt::settings(&view) {
        settings.set_enable_javascript(false);
        settings.set_print_backgrounds(true);
    }
    window.add(&view);
    window.show_all();

    let printed = std::cell::Cell::new(false);
    view.connect_load_changed(move |view, event| {
        if event != LoadEvent::Finished || printed.replace(true) {
            return;
        }
        let settings = gtk::PrintSettings::new();
        settings.set_printer("Print to File");
        settings.set("output-file-format", Some("pdf"));
        settings.set("output-uri", Some(&uri));
        let page = gtk::PageSetup::new();
        page.set_paper_size(&gtk::PaperSize::new(Some(paper)));
        let m = dateline_export::format::PRINT_MARGINS_MM;
        page.set_top_margin(m.top, gtk::Unit::Mm);
        page.set_right_margin(m.right, gtk::Unit::Mm);
        page.set_bottom_margin(m.bottom, gtk::Unit::Mm);
        page.set_left_margin(m.left, gtk::Unit::Mm);
        let op = webkit2gtk::PrintOperation::new(view);
        op.set_print_settings(&settings);
        op.set_page_setup(&page);
        let done = tx.clone();
        let keep = window_of(view);
        op.connect_finished(move |_| {
            let _ = done.send(Ok(()));
            if let Some(w) = &keep {
                w.close();
            }
        });
        let failed = tx.clone();
        let keep = window_of(view);
        op.connect_failed(move |_, err| {
            let _ = failed.send(Err(err.to_string()));
            if let Some(w) = &keep {
                w.close();
            }
        });
        op.print();
    });
    view.load_html(&html, Some("about:blank"));
}

/// The toplevel holding `view`, closed once the print has finished.
fn window_of(view: &webkit2gtk::WebView) -> Option<gtk::Window> {
    WidgetExt::toplevel(view).and_then(|w| w.downcast::<gtk::Window>().ok())
}
