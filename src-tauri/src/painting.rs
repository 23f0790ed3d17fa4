//! How WebKitGTK paints the page on Linux, and how much it caches.
//!
//! Since 2.46 WebKitGTK paints with Skia, on the GPU by default, and composites
//! the page's layers with GL. On a machine with no GPU (no DRM render node: a
//! virtual machine, a remote desktop, a headless display such as Xvfb) Mesa
//! emulates that GPU on the CPU (llvmpipe), which is both slower and heavier than
//! painting on the CPU directly. Measured with `scripts/measure-app.sh` (1,000
//! releases, the seed and one compare open):
//!
//! - the GPU path through the emulation: about 455 MiB (PSS), keystroke → painted
//!   preview p95 about 315 ms;
//! - Skia's CPU painting, layers still composited with GL: about 355 MiB, 61–98 ms;
//! - CPU painting without compositing: about 276 MiB and a lower keystroke latency
//!   in every back-to-back pair measured, since no layer is uploaded to the
//!   emulated GPU and composited there.
//!
//! So, with no render node, the app asks WebKit for CPU painting and no
//! compositing. Each variable the user already set wins (`0` keeps WebKit's
//! default for it). With a GPU, WebKit's defaults are kept. Windows and macOS are
//! not concerned.

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch to Skia's CPU painting (`1` turns it on).
pub const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
/// WebKitGTK's switch that turns layer compositing off (`1`; `0` keeps it on).
pub const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
/// What the app sets with no GPU render node, unless the user set it first.
pub const WITHOUT_GPU: [&str; 2] = [CPU_PAINTING, NO_COMPOSITING];

/// Whether to set one of [`WITHOUT_GPU`]: the user has not set it (`chosen`),
/// and `dri` (the DRM device folder, `/dev/dri`) holds no render node.
pub fn wants_software_default(chosen: Option<&OsStr>, dri: &Path) -> bool {
    chosen.is_none() && !has_render_node(dri)
}

/// Whether the variable `name` is on for WebKit: set and not `0` (how WebKit
/// reads both switches), or about to be set by [`choose`].
pub fn is_on(name: &str) -> bool {
    match std::env::var_os(name) {
        Some(v) => v != "0",
        None => wants_software_default(None, Path::new("/dev/dri")),
    }
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
    if !cfg!(target_os = "linux") {
        return;
    }
    for name in WITHOUT_GPU {
        if wants_software_default(std::env::var_os(name).as_deref(), Path::new("/dev/dri")) {
            std::env::set_var(name, "1");
        }
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
    fn software_painting_only_without_a_render_node_and_without_a_choice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dri = dir.path().join("dri");
        // No /dev/dri at all (a virtual machine or a container).
        assert!(wants_software_default(None, &dri));
        std::fs::create_dir(&dri).expect("dri");
        // A card for display only, no render node.
        std::fs::write(dri.join("card0"), b"").expect("card0");
        assert!(wants_software_default(None, &dri));
        // A GPU: WebKit's default is kept.
        std::fs::write(dri.join("renderD128"), b"").expect("renderD128");
        assert!(!wants_software_default(None, &dri));
        // The user's choice wins either way.
        std::fs::remove_file(dri.join("renderD128")).expect("rm");
        assert!(!wants_software_default(Some(OsStr::new("0")), &dri));
    }
}
