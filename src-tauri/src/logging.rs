//! Structured logs (`tracing`) to a daily-rotated file in the app's log folder.
//!
//! Every command logs its name, duration and outcome at debug level (see
//! `commands::traced`); nothing logs release text at info level or above. The
//! level is `info` for libraries and `debug` for the app unless `DATELINE_LOG`
//! (an `EnvFilter` such as `debug` or `warn`) says otherwise. Seven days of logs
//! are kept. Help → Open Log Folder shows the folder in the file manager.

use std::path::PathBuf;
use std::sync::OnceLock;

use tauri::{AppHandle, Runtime};
use tracing_appender::non_blocking::WorkerGuard;
use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::EnvFilter;

/// Where the logs go, once known.
static FOLDER: OnceLock<PathBuf> = OnceLock::new();
/// Keeps the background writer alive (and flushing) for the life of the app.
static GUARD: OnceLock<WorkerGuard> = OnceLock::new();

/// Starts logging to `<log dir>/dateline.<date>.log`; without a folder, or if it
/// cannot be created, logs go nowhere and the app runs on.
pub fn init(folder: Option<PathBuf>) {
    let Some(folder) = folder else { return };
    if std::fs::create_dir_all(&folder).is_err() {
        return;
    }
    let Ok(appender) = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("dateline")
        .filename_suffix("log")
        .max_log_files(7)
        .build(&folder)
    else {
        return;
    };
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("DATELINE_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,dateline_app=debug"));
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .is_ok();
    if installed {
        let _ = GUARD.set(guard);
        let _ = FOLDER.set(folder);
        tracing::info!(version = env!("CARGO_PKG_VERSION"), "Dateline started");
    }
}

/// The log folder, if logging started.
pub fn folder() -> Option<&'static PathBuf> {
    FOLDER.get()
}

/// Opens the log folder in the system's file manager.
pub fn open_folder<R: Runtime>(app: &AppHandle<R>) {
    use tauri_plugin_opener::OpenerExt;
    let Some(dir) = folder() else {
        tracing::warn!("no log folder to open");
        return;
    };
    if let Err(e) = app
        .opener()
        .open_path(dir.to_string_lossy().to_string(), None::<&str>)
    {
        tracing::warn!(error = %e, "could not open the log folder");
    }
}
