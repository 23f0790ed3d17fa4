//! How WebKitGTK paints the page on Linux, and how much it caches.
//!
//! Since 2.46 WebKitGTK paints with Skia, on the GPU by default. On a machine
//! with no GPU (no DRM render node: a virtual machine, a remote desktop, a
//! headless display such as Xvfb) Mesa emulates one on the CPU (llvmpipe), and
//! painting through that emulation is both slower and heavier than Skia's own
//! CPU painting: measured with `scripts/measure-app.sh`, the app with the seed
//! and one compare open took about 455 MiB (PSS) against about 363 MiB, and a
//! keystroke reached the painted preview several times later. So, with no render
//! node, the app asks WebKit for CPU painting, unless the user already chose
//! (`WEBKIT_SKIA_ENABLE_CPU_RENDERING=0` keeps the GPU path). With a GPU,
//! WebKit's default is kept. Windows and macOS are not concerned.

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch to Skia's CPU painting (`1` turns it on).
pub const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Whether to ask for CPU painting: the user has not chosen, and `dri` (the
/// DRM device folder, `/dev/dri`) holds no render node.
pub fn wants_cpu_painting(chosen: Option<&OsStr>, dri: &Path) -> bool {
    chosen.is_none() && !has_render_node(dri)
}

/// Whether `dri` holds a DRM render node (`renderD128` …), i.e. a GPU that
/// WebKit can paint with.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Chooses the painting before any WebKit process starts (they inherit the
/// environment): call it first thing in `main`, before other threads exist.
pub fn choose() {
    if cfg!(target_os = "linux")
        && wants_cpu_painting(
            std::env::var_os(CPU_PAINTING).as_deref(),
            Path::new("/dev/dri"),
        )
    {
        std::env::set_var(CPU_PAINTING, "1");
    }
}

/// Linux: the window shows one page that never navigates away, so WebKit's
/// document-viewer cache model fits it: no back/forward page cache and the
/// smallest memory cache, instead of the web-browser model's, sized for tabs of
/// sites. Call it once the main window exists.
pub fn single_page_cache<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        let Some(window) = app.get_webview_window("main") else {
            return;
        };
        let done = window.with_webview(|wv| {
            use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
            if let Some(ctx) = wv.inner().context() {
                ctx.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = done {
            tracing::warn!("the cache model was not set: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_painting_only_without_a_render_node_and_without_a_choice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dri = dir.path().join("dri");
        // No /dev/dri at all (a virtual machine or a container).
        assert!(wants_cpu_painting(None, &dri));
        std::fs::create_dir(&dri).expect("dri");
        // A card for display only, no render node.
        std::fs::write(dri.join("card0"), b"").expect("card0");
        assert!(wants_cpu_painting(None, &dri));
        // A GPU: WebKit's default is kept.
        std::fs::write(dri.join("renderD128"), b"").expect("renderD128");
        assert!(!wants_cpu_painting(None, &dri));
        // The user's choice wins either way.
        std::fs::remove_file(dri.join("renderD128")).expect("rm");
        assert!(!wants_cpu_painting(Some(OsStr::new("0")), &dri));
    }
}
