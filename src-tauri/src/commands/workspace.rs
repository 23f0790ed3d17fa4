//! The team workspace from the app: sign in to a Dateline server, sign out,
//! sync now, and the sync state the status bar shows. The app never needs the
//! server to edit, save or compare: a round that cannot reach it leaves the
//! local store as it was and says "offline". The server URL, the session
//! token (never a database credential) and the pull cursor are kept in the
//! local database, as the `dateline login` command keeps them.
//!
//! Live: while signed in, a listener thread holds the server's event stream
//! (reconnecting with backoff) and wakes the sync thread, which pulls at once
//! and emits `sync://changed` (the releases that changed) after the pull, and
//! `presence://changed` when who has a release open changed. Presence: the
//! open release sends a heartbeat about every 15 seconds ([`presence_heartbeat`]),
//! viewing or editing; the server forgets a heartbeat not renewed in ~45 s.

use std::collections::BTreeSet;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use chrono::Utc;
use dateline_core::ErrorCode;
use dateline_store::SqliteStore;
use dateline_sync::wire::{PresenceEntry, PresenceMode};
use dateline_sync::{Client, Live, SyncError};
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
    /// Changes made here and not yet acknowledged by the server: revisions
    /// and review records (comments, approvals, state changes…).
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
    let to_send = u32::try_from(store.sync_pending()?.total()).unwrap_or(u32::MAX);
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
/// asked for while one runs makes the running one go again (so a live event
/// is never lost to a busy round) and returns at once with `None`; else
/// returns how many records the round pulled.
fn round(state: &AppState) -> ApiResult<(SyncStatus, Option<usize>)> {
    let store = state.sqlite()?;
    {
        let mut p = state.sync.lock().unwrap_or_else(|p| p.into_inner());
        if p.running {
            p.again = true;
            drop(p);
            return Ok((status(state)?, None));
        }
        p.running = true;
        p.again = false;
    }
    let mut pulled = 0;
    let result = loop {
        let result = client(&store).and_then(|c| match c {
            None => Ok(()),
            Some(c) => dateline_sync::sync(&store, &c)
                .map(|report| {
                    pulled += report.pulled;
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
        let mut p = state.sync.lock().unwrap_or_else(|p| p.into_inner());
        if result.is_ok() {
            p.failure = None;
            p.last_ok = Some(Utc::now());
        }
        if result.is_ok() && p.again {
            p.again = false;
            continue;
        }
        p.running = false;
        p.again = false;
        break result;
    };
    drop(result);
    Ok((status(state)?, Some(pulled)))
}

/// Runs a round on the blocking pool and tells the window how it went.
async fn round_and_tell<R: Runtime>(app: &AppHandle<R>) -> ApiResult<SyncStatus> {
    round_and_count(app).await.map(|(s, _)| s)
}

/// [`round_and_tell`]; whichever round pulls something (a live one, the
/// periodic one, or "sync now") tells the window what changed with
/// `sync://changed`, naming the releases the live events announced.
async fn round_and_count<R: Runtime>(app: &AppHandle<R>) -> ApiResult<(SyncStatus, Option<usize>)> {
    let handle = app.clone();
    let (s, pulled) = blocking::run(move || round(&handle.state::<AppState>())).await?;
    let _ = app.emit("sync://status", &s);
    match pulled {
        // Deferred to the running round, which takes the announced releases.
        None => {}
        Some(n) => {
            let (releases, all) = match app.try_state::<Background>() {
                Some(b) => {
                    let mut p = b.pending.lock().unwrap_or_else(|p| p.into_inner());
                    (std::mem::take(&mut p.0), std::mem::take(&mut p.1))
                }
                None => Default::default(),
            };
            if n > 0 {
                let changed = SyncChanged {
                    all: all || releases.is_empty(),
                    releases: releases.into_iter().collect(),
                };
                let _ = app.emit("sync://changed", &changed);
            }
        }
    }
    Ok((s, pulled))
}

/// The background sync of one app (managed state, set up by [`start_background`]).
#[derive(Default)]
struct Background {
    /// The live listener's generation (bumped at sign in and out, which starts a
    /// new listener; an old one stops at its next event) and the sync thread's inbox.
    live: Mutex<Option<(u64, Sender<Wake>)>>,
    /// Releases live events announced that no round has pulled yet, and whether
    /// any release may have changed (a reconnection or a `resync`).
    pending: Mutex<(BTreeSet<String>, bool)>,
}

impl Background {
    fn generation(&self) -> Option<u64> {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|l| l.0)
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, (BTreeSet<String>, bool)> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What `sync://changed` carries: colleagues' records were pulled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncChanged {
    /// The releases the pulled records belong to, as far as the live events
    /// said; empty with `all` set when any release may have changed.
    pub releases: Vec<String>,
    /// Any release may have changed (a periodic round, or notices missed).
    pub all: bool,
}

/// What `presence://changed` carries: who has this release open changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PresenceChanged {
    /// The release.
    pub release: String,
}

/// Someone else who has a release open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Presence {
    /// The release.
    pub release: String,
    /// Their user name on the server.
    pub user: String,
    /// They have unsaved edits in it (else they are viewing it).
    pub editing: bool,
}

/// What wakes the sync thread.
#[derive(Debug)]
enum Wake {
    /// The listener (re)subscribed: anything may have been missed meanwhile.
    Connected,
    /// A record of this release was pushed (by anyone).
    Record(String),
    /// Who has this release open changed.
    Presence(String),
    /// The server says notices may have been missed.
    Resync,
}

/// Longest wait between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// How long the sync thread waits for more events before pulling (a push of
/// many records arrives as many events; one pull covers them).
const GATHER: Duration = Duration::from_millis(30);

fn live_generation<R: Runtime>(app: &AppHandle<R>) -> Option<u64> {
    app.try_state::<Background>()?.generation()
}

/// Starts a listener for the current session (stopping the previous one).
fn restart_listener<R: Runtime>(app: &AppHandle<R>) {
    let Some(background) = app.try_state::<Background>() else {
        return;
    };
    let next = {
        let mut live = background.live.lock().unwrap_or_else(|p| p.into_inner());
        match live.as_mut() {
            Some((g, tx)) => {
                *g += 1;
                Some((*g, tx.clone()))
            }
            None => None,
        }
    };
    if let Some((g, tx)) = next {
        let app = app.clone();
        let spawned = std::thread::Builder::new()
            .name("sync-live".into())
            .spawn(move || listen(app, g, tx));
        if let Err(e) = spawned {
            tracing::warn!("live updates not started: {e}");
        }
    }
}

/// Holds the server's event stream while signed in and generation `g` is
/// current, reconnecting with backoff; passes what it hears to the sync thread.
fn listen<R: Runtime>(app: AppHandle<R>, g: u64, tx: Sender<Wake>) {
    let mut backoff = Duration::from_secs(1);
    while live_generation(&app) == Some(g) {
        let c = app
            .state::<AppState>()
            .sqlite()
            .ok()
            .and_then(|s| client(&s).ok().flatten());
        // Signed out: a sign-in starts a new listener.
        let Some(c) = c else { return };
        match c.events() {
            Ok(mut events) => {
                backoff = Duration::from_secs(1);
                if tx.send(Wake::Connected).is_err() {
                    return;
                }
                loop {
                    let next = events.next();
                    if live_generation(&app) != Some(g) {
                        return;
                    }
                    let wake = match next {
                        Ok(Some(Live::Record(e))) => Wake::Record(e.release_id.to_string()),
                        Ok(Some(Live::Presence(p))) => Wake::Presence(p.release_id.to_string()),
                        Ok(Some(Live::Resync)) => Wake::Resync,
                        Ok(None) => break,
                        Err(e) => {
                            tracing::debug!("live updates interrupted: {e}");
                            break;
                        }
                    };
                    if tx.send(wake).is_err() {
                        return;
                    }
                }
            }
            Err(e) => {
                tracing::debug!("live updates unavailable: {e}");
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// Syncs at once when the live stream announces something, and every
/// [`INTERVAL`] otherwise, while the app runs (a no-op when signed out).
pub fn start_background<R: Runtime>(app: AppHandle<R>) {
    let (tx, rx) = mpsc::channel::<Wake>();
    app.manage(Background::default());
    *app.state::<Background>()
        .live
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = Some((0, tx));
    restart_listener(&app);
    let spawned = std::thread::Builder::new()
        .name("sync".into())
        .spawn(move || loop {
            let first = match rx.recv_timeout(INTERVAL) {
                Ok(w) => Some(w),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let mut pull = first.is_none();
            let mut wake = first;
            let gathering = std::time::Instant::now();
            while let Some(w) = wake.take() {
                match w {
                    Wake::Record(r) => {
                        app.state::<Background>().pending().0.insert(r);
                        pull = true;
                    }
                    Wake::Connected | Wake::Resync => {
                        app.state::<Background>().pending().1 = true;
                        pull = true;
                    }
                    Wake::Presence(release) => {
                        let _ = app.emit("presence://changed", &PresenceChanged { release });
                    }
                }
                // A steady stream of events never holds the pull back for long.
                if gathering.elapsed() < GATHER * 10 {
                    wake = rx.recv_timeout(GATHER).ok();
                }
            }
            if !pull {
                continue;
            }
            if let Err(e) = tauri::async_runtime::block_on(round_and_count(&app)) {
                tracing::debug!(code = %e.code, "background sync: {}", e.message);
            }
        });
    if let Err(e) = spawned {
        tracing::warn!("background sync not started: {e}");
    }
}

/// The release id `release`, refused when it is not one.
fn release_id(release: &str) -> ApiResult<uuid::Uuid> {
    release
        .parse()
        .map_err(|_| ApiError::invalid_input("release", "is not a release id"))
}

/// Others' entries, for the UI; nothing when signed out or offline (presence
/// is a courtesy: it never gets in the way of work).
fn others(store: &SqliteStore, entries: Vec<PresenceEntry>) -> ApiResult<Vec<Presence>> {
    let me = store.sync_setting("user")?;
    Ok(entries
        .into_iter()
        .filter(|e| Some(&e.user) != me.as_ref())
        .map(|e| Presence {
            release: e.release_id.to_string(),
            user: e.user,
            editing: e.mode == PresenceMode::Editing,
        })
        .collect())
}

/// Runs `ask` with the signed-in client; empty when signed out or the server
/// cannot be reached, an error when it refuses.
fn ask_presence(
    store: &SqliteStore,
    ask: impl FnOnce(&Client) -> Result<Vec<PresenceEntry>, SyncError>,
) -> ApiResult<Vec<Presence>> {
    let Some(c) = client(store)? else {
        return Ok(Vec::new());
    };
    match ask(&c) {
        Ok(entries) => others(store, entries),
        Err(e) if e.is_transient() => Ok(Vec::new()),
        Err(e) => Err(sync_err(e).0),
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
    restart_listener(&cx.app);
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
    restart_listener(&cx.app);
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

pub async fn presence_heartbeat<R: Runtime>(
    cx: &Cx<R>,
    release: String,
    editing: bool,
) -> ApiResult<Vec<Presence>> {
    let id = release_id(&release)?;
    let store = cx.state().sqlite()?;
    let mode = if editing {
        PresenceMode::Editing
    } else {
        PresenceMode::Viewing
    };
    blocking::run(move || ask_presence(&store, |c| c.presence_heartbeat(id, Some(mode)))).await
}

pub async fn presence_leave<R: Runtime>(cx: &Cx<R>, release: String) -> ApiResult<()> {
    let id = release_id(&release)?;
    let store = cx.state().sqlite()?;
    blocking::run(move || ask_presence(&store, |c| c.presence_heartbeat(id, None)).map(|_| ()))
        .await
}

pub async fn release_presence<R: Runtime>(cx: &Cx<R>, release: String) -> ApiResult<Vec<Presence>> {
    let id = release_id(&release)?;
    let store = cx.state().sqlite()?;
    blocking::run(move || ask_presence(&store, |c| c.release_presence(&id.to_string()))).await
}

pub async fn workspace_presence<R: Runtime>(cx: &Cx<R>) -> ApiResult<Vec<Presence>> {
    let store = cx.state().sqlite()?;
    blocking::run(move || ask_presence(&store, Client::workspace_presence)).await
}
