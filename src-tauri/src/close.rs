//! Closing the window without losing the last keystrokes.
//!
//! The UI autosaves its working copy at most 1.5 s after typing. When the user
//! closes the window (its close button, File → Quit, Ctrl+Q), Rust holds the
//! close, tells the UI ([`CLOSE_EVENT`]) to save what is pending, and the UI
//! answers with the `close_window` command: `proceed` lets the close through;
//! not proceeding keeps the window open (the save failed and the UI asks the
//! user first). A page that does not answer at all (hung, or still loading)
//! cannot keep the window open: after [`GRACE`] it closes anyway.

use std::sync::atomic::Ordering;
use std::time::Duration;

use tauri::{AppHandle, CloseRequestApi, Emitter, Manager, Runtime, Window};

use crate::state::AppState;

/// The event the UI hears when the window is asked to close.
pub const CLOSE_EVENT: &str = "app://close-requested";

/// How long the UI gets to save before the window closes anyway.
pub const GRACE: Duration = Duration::from_secs(5);

/// Holds a close of the main window until the UI has saved its edits.
pub fn on_close_requested<R: Runtime>(window: &Window<R>, api: &CloseRequestApi) {
    let Some(state) = window.try_state::<AppState>() else {
        return;
    };
    if window.label() != "main" || state.may_close.load(Ordering::SeqCst) {
        return;
    }
    api.prevent_close();
    state.close_answered.store(false, Ordering::SeqCst);
    let app = window.app_handle().clone();
    if window.emit(CLOSE_EVENT, ()).is_err() {
        allow_and_close(&app);
        return;
    }
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        if let Some(state) = app.try_state::<AppState>() {
            if !state.may_close.load(Ordering::SeqCst)
                && !state.close_answered.load(Ordering::SeqCst)
            {
                tracing::warn!("the page did not answer the close in time; closing anyway");
                allow_and_close(&app);
            }
        }
    });
}

/// The UI's answer to a close request: close now (`proceed`), or stay open.
pub fn answer<R: Runtime>(app: &AppHandle<R>, proceed: bool) {
    if let Some(state) = app.try_state::<AppState>() {
        state.close_answered.store(true, Ordering::SeqCst);
    }
    if proceed {
        allow_and_close(app);
    }
}

/// Lets the next close through and closes the main window.
pub fn allow_and_close<R: Runtime>(app: &AppHandle<R>) {
    if let Some(state) = app.try_state::<AppState>() {
        state.may_close.store(true, Ordering::SeqCst);
    }
    match app.get_webview_window("main") {
        Some(w) => {
            if let Err(e) = w.close() {
                tracing::warn!("closing the window failed: {e}");
                app.exit(0);
            }
        }
        None => app.exit(0),
    }
}
