//! The floor of the app's start and memory: the same Tauri webview, built the
//! same way, showing an empty page (one paragraph) instead of the Dateline UI.
//! `scripts/measure-app.sh` measures it with the same code as the app (start to
//! page ready, PSS over the process and its WebKit processes), so the app's cost
//! over what any Tauri window costs is printed as a ratio.
//!
//! Build: `cargo build --release -p dateline-app --features tauri/custom-protocol --example floor`
//! (the features `tauri build` uses, so the release build of the app is reused).

use tauri::http::Response;
use tauri::{WebviewUrl, WebviewWindowBuilder};

/// The page: the ready marker the measurement waits for, and a text field whose
/// every keystroke is copied into a paragraph (stamped `data-seq`, as the app's
/// preview is): the floor of "keystroke → change painted".
const PAGE: &str =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Floor</title></head>\
<body><p data-testid=\"floor-ready\">ready</p>\
<textarea data-testid=\"floor-input\" aria-label=\"Text\"></textarea>\
<p data-testid=\"floor-echo\" data-seq=\"0\"></p>\
<script>const i = document.querySelector('textarea'), e = i.nextElementSibling;\
i.addEventListener('input', () => { e.textContent = i.value; e.dataset.seq = String(Number(e.dataset.seq) + 1); });\
</script></body></html>";

fn main() -> anyhow::Result<()> {
    // The same painting as the app.
    dateline_app::painting::choose();
    let mut context = tauri::generate_context!();
    // Not the app's window on the app's UI: one window on the empty page.
    context.config_mut().app.windows.clear();
    let url = "floor://localhost/".parse()?;
    tauri::Builder::default()
        .register_uri_scheme_protocol("floor", |_ctx, _request| {
            Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(PAGE.as_bytes().to_vec())
                .unwrap_or_default()
        })
        .setup(move |app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::CustomProtocol(url))
                .title("Floor")
                .inner_size(1280.0, 820.0)
                .build()?;
            Ok(())
        })
        .run(context)?;
    Ok(())
}
