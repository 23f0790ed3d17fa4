//! The team workspace from the app: sign in to a Dateline server, sign out,
//! sync now, and the sync state the status bar shows. The app never needs the
//! server to edit, save or compare: a round that cannot reach it leaves the
//! local store as it was and says "offline". The server URL, the session
//! token (never a database credential) and the pull cursor are kept in the
//! local database, as the `dateline login` command keeps them.

use std::time::Duration;

use chrono::Utc;
use dateline_core::ErrorCode;
use dateline_store::SqliteStore;
use dateline_sync::{Client, SyncError};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;

use super::Cx;
use crate::blocking;
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::state::AppState;

/// Where the sync with the team server stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SyncState {
    /// Not signed in to a server: everything stays on this computer.
    SignedOut,
    /// Everything saved here is on the server.
    Synced,
    /// Revisions wait to be sent.
    Pending,
    /// The server cannot be reached; work goes on and is sent later.
    Offline,
    /// The server refused (e.g. the session expired).
    Error,
}

/// The status bar's sync state.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncStatus {
    /// The state.
    pub state: SyncState,
    /// The server, when signed in.
    pub url: Option<String>,
    /// The signed-in user.
    pub user: Option<String>,
    /// Revisions saved here and not yet acknowledged by the server.
    pub to_send: u32,
    /// When the last round succeeded.
    #[ts(type = "string | null")]
    pub last_sync: Option<chrono::DateTime<Utc>>,
    /// Why the last round failed.
    pub message: Option<String>,
}

/// How often the app syncs by itself while signed in.
pub const INTERVAL: Duration = Duration::from_secs(30);

fn sync_err(e: SyncError) -> (ApiError, bool) {
    let offline = e.is_transient();
    let code = match &e {
        SyncError::BadUrl(_) => ErrorCode::InvalidInput,
        SyncError::Store(s) => s.code(),
        SyncError::NotSignedIn => ErrorCode::NotSignedIn,
        SyncError::Refused { status: 401, .. } => ErrorCode::NotSignedIn,
        _ if offline => ErrorCode::Offline,
        _ => ErrorCode::ServerRefused,
    };
    (ApiError::new(code, e.to_string()), offline)
}

fn client(store: &SqliteStore) -> ApiResult<Option<Client>> {
    let url = store.sync_setting("url")?;
    let token = store.sync_setting("token")?;
    match (url, token) {
        (Some(url), Some(token)) => Ok(Some(
            Client::new(&url)
                .map_err(|e| sync_err(e).0)?
                .with_token(token),
        )),
        _ => Ok(None),
    }
}

/// The status from the local store and the last round.
fn status(state: &AppState) -> ApiResult<SyncStatus> {
    let store = state.sqlite()?;
    let progress = match state.sync.lock() {
        Ok(p) => p.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    let signed_in = store.sync_setting("token")?.is_some();
    let to_send = u32::try_from(store.sync_outbox(10_000)?.len()).unwrap_or(u32::MAX);
    let (state, message) = match (&progress.failure, signed_in) {
        (_, false) => (SyncState::SignedOut, None),
        (Some((e, true)), _) => (SyncState::Offline, Some(e.message.clone())),
        (Some((e, false)), _) => (SyncState::Error, Some(e.message.clone())),
        (None, true) if to_send > 0 => (SyncState::Pending, None),
        (None, true) => (SyncState::Synced, None),
    };
    Ok(SyncStatus {
        state,
        url: store.sync_setting("url")?,
        user: store.sync_setting("user")?,
        to_send,
        last_sync: progress.last_ok,
        message,
    })
}

/// One round (push, then pull) when signed in; records how it went. A round
/// already running makes this a no-op.
fn round(state: &AppState) -> ApiResult<SyncStatus> {
    let store = state.sqlite()?;
    {
        let mut p = state.sync.lock().unwrap_or_else(|p| p.into_inner());
        if p.running {
            drop(p);
            return status(state);
        }
        p.running = true;
    }
    let result = client(&store).and_then(|c| match c {
        None => Ok(()),
        Some(c) => dateline_sync::sync(&store, &c)
            .map(|report| {
                if report.applied > 0 || report.pushed > 0 {
                    tracing::info!(
                        pushed = report.pushed,
                        applied = report.applied,
                        "sync round"
                    );
                }
            })
            .map_err(|e| {
                let (err, offline) = sync_err(e);
                let mut p = state.sync.lock().unwrap_or_else(|p| p.into_inner());
                p.failure = Some((err.clone(), offline));
                err
            }),
    });
    {
        let mut p = state.sync.lock().unwrap_or_else(|p| p.into_inner());
        p.running = false;
        if result.is_ok() {
            p.failure = None;
            p.last_ok = Some(Utc::now());
        }
    }
    status(state)
}

/// Runs a round on the blocking pool and tells the window how it went.
async fn round_and_tell<R: Runtime>(app: &AppHandle<R>) -> ApiResult<SyncStatus> {
    let handle = app.clone();
    let s = blocking::run(move || round(&handle.state::<AppState>())).await?;
    let _ = app.emit("sync://status", &s);
    Ok(s)
}

/// Syncs every [`INTERVAL`] while the app runs (a no-op when signed out).
pub fn start_background<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new()
        .name("sync".into())
        .spawn(move || loop {
            std::thread::sleep(INTERVAL);
            if let Err(e) = tauri::async_runtime::block_on(round_and_tell(&app)) {
                tracing::debug!(code = %e.code, "background sync: {}", e.message);
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("background sync not started: {e}");
    }
}

pub async fn workspace_status<R: Runtime>(cx: &Cx<R>) -> ApiResult<SyncStatus> {
    let app = cx.app.clone();
    blocking::run(move || status(&app.state::<AppState>())).await
}

pub async fn sign_in<R: Runtime>(
    cx: &Cx<R>,
    url: String,
    user: String,
    password: String,
) -> ApiResult<SyncStatus> {
    input::short("server URL", Some(&url))?;
    input::short("user name", Some(&user))?;
    input::short("password", Some(&password))?;
    let store = cx.state().sqlite()?;
    blocking::run(move || {
        let mut client = Client::new(url.trim()).map_err(|e| sync_err(e).0)?;
        let session = client
            .login(user.trim(), &password)
            .map_err(|e| sync_err(e).0)?;
        store.set_sync_setting("url", Some(client.url()))?;
        store.set_sync_setting("token", Some(&session.token))?;
        store.set_sync_setting("user", Some(&session.user.name))?;
        Ok(())
    })
    .await?;
    round_and_tell(&cx.app).await
}

pub async fn sign_out<R: Runtime>(cx: &Cx<R>) -> ApiResult<SyncStatus> {
    let store = cx.state().sqlite()?;
    blocking::run(move || {
        // The server forgets the session when it can be reached; here it is forgotten anyway.
        if let Ok(Some(mut c)) = client(&store) {
            let _ = c.logout();
        }
        store.set_sync_setting("token", None)?;
        Ok(())
    })
    .await?;
    {
        let state = cx.state();
        let mut p = state.sync.lock().unwrap_or_else(|p| p.into_inner());
        p.failure = None;
    }
    let s = {
        let app = cx.app.clone();
        blocking::run(move || status(&app.state::<AppState>())).await?
    };
    let _ = cx.app.emit("sync://status", &s);
    Ok(s)
}

pub async fn sync_now<R: Runtime>(cx: &Cx<R>) -> ApiResult<SyncStatus> {
    round_and_tell(&cx.app).await
}
