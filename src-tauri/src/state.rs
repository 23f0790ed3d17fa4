//! What the commands share: the revision store (or why it could not be
//! opened), who is saving, and where tests want exports written.
//!
//! A database that cannot be opened (corrupt, from a newer Dateline, not a
//! database) does not crash the app: the error is kept, shown once in a native
//! dialog, returned by `startup_error` and by every command that needs the store.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use dateline_checks::{Linter, Profile as CheckProfile, ValeStyles};
use dateline_core::style::HouseStyleId;

use dateline_core::ErrorCode;
use dateline_store::{SaveMeta, SqliteStore, Store};

use crate::error::{ApiError, ApiResult};

/// The app's shared state, managed by Tauri.
pub struct AppState {
    store: Result<Arc<dyn Store>, ApiError>,
    /// Who is working: recorded on revisions and review records.
    profile: RwLock<LocalProfile>,
    /// Where the profile is kept (`profile.json` beside the database).
    profile_path: Option<PathBuf>,
    /// The workspace's own checks (`checks/` beside the database): a house
    /// profile `profile.toml` used for every release, and Vale styles in `vale/`.
    checks_dir: Option<PathBuf>,
    /// The same store as SQLite, for what only the local store does (the
    /// workspace's sync settings and outbox).
    sqlite: Option<Arc<SqliteStore>>,
    /// The team workspace's sync: last round, last error, whether one runs.
    pub sync: Mutex<SyncProgress>,
    /// One ready linter per house style, built at the first lint.
    linters: Mutex<HashMap<HouseStyleId, Arc<Linter>>>,
    /// `DATELINE_EXPORT_DIR`: exports go there without a dialog (e2e tests).
    pub export_dir: Option<PathBuf>,
    /// `DATELINE_IMPORT_FILE`: File → Import reads this file without a dialog (e2e tests).
    pub import_file: Option<PathBuf>,
    /// Set once the UI has saved what it had: the window may close now.
    pub may_close: std::sync::atomic::AtomicBool,
    /// Set when the UI answered the last close request (closing, or asking the user first).
    pub close_answered: std::sync::atomic::AtomicBool,
}

impl AppState {
    /// Opens the SQLite store at `db`; a failure is kept, not raised.
    pub fn open(db: &Path) -> AppState {
        let (store, sqlite) = match SqliteStore::open(db) {
            Ok(s) => {
                let s = Arc::new(s);
                (Ok(s.clone() as Arc<dyn Store>), Some(s))
            }
            Err(e) => (Err(ApiError::from(e)), None),
        };
        let mut state = AppState::from_parts(store);
        state.sqlite = sqlite;
        state.profile_path = Some(db.with_file_name("profile.json"));
        state.checks_dir = Some(db.with_file_name("checks"));
        state.profile = RwLock::new(LocalProfile::load(state.profile_path.as_deref()));
        state
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
            profile: RwLock::new(LocalProfile::load(None)),
            profile_path: None,
            checks_dir: None,
            sqlite: None,
            sync: Mutex::new(SyncProgress::default()),
            linters: Mutex::new(HashMap::new()),
            export_dir: std::env::var_os("DATELINE_EXPORT_DIR")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            import_file: std::env::var_os("DATELINE_IMPORT_FILE")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            may_close: std::sync::atomic::AtomicBool::new(false),
            close_answered: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// The store, or the reason it could not be opened.
    pub fn store(&self) -> ApiResult<Arc<dyn Store>> {
        self.store.clone()
    }

    /// The local SQLite store (sync settings and outbox), or why there is none.
    pub fn sqlite(&self) -> ApiResult<Arc<SqliteStore>> {
        match &self.sqlite {
            Some(s) => Ok(s.clone()),
            None => Err(self.store.clone().err().unwrap_or_else(|| {
                ApiError::new(
                    ErrorCode::DatabaseUnavailable,
                    "this store is not a local SQLite database",
                )
            })),
        }
    }

    /// Why the database could not be opened, if it could not.
    pub fn startup_error(&self) -> Option<ApiError> {
        self.store.as_ref().err().cloned()
    }

    /// Who is working now (the profile's name).
    pub fn author(&self) -> String {
        self.profile().name
    }

    /// The local profile.
    pub fn profile(&self) -> LocalProfile {
        match self.profile.read() {
            Ok(p) => p.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Changes the local profile and keeps it for the next start.
    pub fn set_profile(&self, profile: LocalProfile) -> ApiResult<()> {
        if let Some(path) = &self.profile_path {
            profile.save(path)?;
        }
        match self.profile.write() {
            Ok(mut p) => *p = profile,
            Err(poisoned) => *poisoned.into_inner() = profile,
        }
        Ok(())
    }

    /// The linter for releases of house style `style`: the workspace's own
    /// profile when it has one, else the style's, with the workspace's Vale
    /// styles. A broken workspace file is an error (said once per lint), not
    /// a silent fallback.
    pub fn linter(&self, style: HouseStyleId) -> ApiResult<Arc<Linter>> {
        let mut cache = match self.linters.lock() {
            Ok(c) => c,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(l) = cache.get(&style) {
            return Ok(l.clone());
        }
        let check_err = |e: dateline_checks::CheckError| ApiError::new(e.code(), e.to_string());
        let own = self.checks_dir.as_ref().map(|d| d.join("profile.toml"));
        let profile = match own.filter(|p| p.is_file()) {
            Some(p) => CheckProfile::from_file(&p).map_err(check_err)?,
            None => CheckProfile::for_style(style),
        };
        let mut linter = Linter::new(profile);
        if let Some(vale) = self
            .checks_dir
            .as_ref()
            .map(|d| d.join("vale"))
            .filter(|d| d.is_dir())
        {
            linter = linter.with_vale(ValeStyles::load(&vale).map_err(check_err)?);
        }
        let linter = Arc::new(linter);
        cache.insert(style, linter.clone());
        Ok(linter)
    }

    /// Save metadata by the current author.
    pub fn meta(&self, message: Option<String>, name: Option<String>) -> SaveMeta {
        SaveMeta {
            author: self.author(),
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

/// The person using this app: their name (recorded as the author of revisions
/// and review records) and email. `DATELINE_AUTHOR` wins over the saved name,
/// which wins over the login name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LocalProfile {
    /// The name recorded as author.
    pub name: String,
    /// Email, if given.
    #[serde(default)]
    pub email: Option<String>,
}

impl LocalProfile {
    /// The profile saved at `path`, else one from the environment and the login name.
    /// A missing or unreadable file falls back quietly: the name is not worth a failed start.
    fn load(path: Option<&Path>) -> LocalProfile {
        let saved = path
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str::<LocalProfile>(&t).ok())
            .filter(|p| !p.name.trim().is_empty());
        let from_env = std::env::var("DATELINE_AUTHOR")
            .ok()
            .filter(|a| !a.trim().is_empty());
        match (from_env, saved) {
            (Some(name), saved) => LocalProfile {
                name,
                email: saved.and_then(|s| s.email),
            },
            (None, Some(saved)) => saved,
            (None, None) => LocalProfile {
                name: dateline_store::default_author(),
                email: None,
            },
        }
    }

    /// Writes the profile to `path` (through a temporary file, so a full disk
    /// leaves the old one whole).
    fn save(&self, path: &Path) -> ApiResult<()> {
        let io = |e: std::io::Error| {
            ApiError::new(
                ErrorCode::Io,
                format!("the profile could not be saved to {}: {e}", path.display()),
            )
        };
        let json = serde_json::to_string_pretty(self)
            .map_err(|e| ApiError::new(ErrorCode::JsonFailed, format!("the profile: {e}")))?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, json).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}

/// Where the team workspace's sync stands (kept in memory; the server URL,
/// session and cursor are in the local database).
#[derive(Debug, Clone, Default)]
pub struct SyncProgress {
    /// When the last round finished without error.
    pub last_ok: Option<chrono::DateTime<chrono::Utc>>,
    /// The last round's failure, and whether it was the network (offline).
    pub failure: Option<(ApiError, bool)>,
    /// A round is running.
    pub running: bool,
    /// A round was asked for while one ran (a live event): the running round
    /// goes once more, so nothing announced is left unpulled.
    pub again: bool,
}
