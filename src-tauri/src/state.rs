//! What the commands share: the revision store (or why it could not be
//! opened), who is saving, and where tests want exports written.
//!
//! A database that cannot be opened (corrupt, from a newer Dateline, not a
//! database) does not crash the app: the error is kept, shown once in a native
//! dialog, returned by `startup_error` and by every command that needs the store.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use dateline_core::ErrorCode;
use dateline_store::{SaveMeta, SqliteStore, Store};

use crate::error::{ApiError, ApiResult};

/// The app's shared state, managed by Tauri.
pub struct AppState {
    store: Result<Arc<dyn Store>, ApiError>,
    /// Author recorded on revisions (`DATELINE_AUTHOR`, else the login name).
    pub author: String,
    /// `DATELINE_EXPORT_DIR`: exports go there without a dialog (e2e tests).
    pub export_dir: Option<PathBuf>,
}

impl AppState {
    /// Opens the SQLite store at `db`; a failure is kept, not raised.
    pub fn open(db: &Path) -> AppState {
        let store = SqliteStore::open(db)
            .map(|s| Arc::new(s) as Arc<dyn Store>)
            .map_err(ApiError::from);
        AppState::from_parts(store)
    }

    /// State whose store could not be opened, for the reason `e`.
    pub fn failed(e: ApiError) -> AppState {
        AppState::from_parts(Err(e))
    }

    /// State over an already opened store (tests, other backends).
    pub fn with_store(store: Arc<dyn Store>) -> AppState {
        AppState::from_parts(Ok(store))
    }

    fn from_parts(store: Result<Arc<dyn Store>, ApiError>) -> AppState {
        AppState {
            store,
            author: dateline_store::default_author(),
            export_dir: std::env::var_os("DATELINE_EXPORT_DIR")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
        }
    }

    /// The store, or the reason it could not be opened.
    pub fn store(&self) -> ApiResult<Arc<dyn Store>> {
        self.store.clone()
    }

    /// Why the database could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<ApiError> {
        self.store.as_ref().err().cloned()
    }

    /// Save metadata by the current author.
    pub fn meta(&self, message: Option<String>, name: Option<String>) -> SaveMeta {
        SaveMeta {
            author: self.author.clone(),
            message: message.filter(|m| !m.trim().is_empty()),
            name: name.filter(|n| !n.trim().is_empty()),
        }
    }
}

/// `$DATELINE_DB`, else `<app data dir>/dateline.db` (the folder is created).
pub fn db_path(app_data_dir: Option<PathBuf>) -> ApiResult<PathBuf> {
    if let Some(p) = std::env::var_os("DATELINE_DB").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dir = match app_data_dir {
        Some(d) => d,
        None => dateline_store::default_db_path()?
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    std::fs::create_dir_all(&dir).map_err(|e| {
        ApiError::new(
            ErrorCode::Io,
            format!("cannot create the data folder {}: {e}", dir.display()),
        )
    })?;
    Ok(dir.join("dateline.db"))
}
