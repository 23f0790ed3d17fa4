//! The Dateline desktop app: a thin Tauri 2 shell over the Dateline libraries.
//!
//! The window is the UI in `ui/`; everything it does goes through the commands
//! declared once in the command table (`commands/table.rs`, documented in the
//! generated `src-tauri/COMMANDS.md`), which call the libraries on the blocking
//! pool and return `{code, message}` errors. [`contract`] writes the UI's typed
//! interface, the capability and COMMANDS.md from that table. The shell adds what only a desktop app has: native menus, native
//! save dialogs, a single instance, remembered window geometry and PDF printing
//! through the platform webview.

pub mod blocking;
pub mod close;
pub mod commands;
pub mod contract;
pub mod destination;
pub mod error;
pub mod input;
pub mod logging;
pub mod menu;
pub mod painting;
pub mod pdf;
pub mod state;
pub mod updates;

use tauri::{Builder, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// Registers the commands on `builder` (shared by the app and the mock-runtime tests).
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    commands::register(builder)
}

/// Starts the app; returns when the last window is closed (or the app could not start).
pub fn run() -> Result<(), tauri::Error> {
    let builder = Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let handle = app.handle();
            logging::init(handle.path().app_log_dir().ok());
            handle.set_menu(menu::build(handle)?)?;
            let state = match state::db_path(handle.path().app_data_dir().ok()) {
                Ok(db) => state::AppState::open(&db),
                Err(e) => state::AppState::failed(e),
            };
            if let Some(e) = state.startup_error() {
                // Shown once natively; the UI also gets it from `startup_error`.
                handle
                    .dialog()
                    .message(format!(
                        "{}\n\nDateline will start, but releases cannot be opened or saved until this is fixed.",
                        e.message
                    ))
                    .title("Dateline cannot open its database")
                    .kind(MessageDialogKind::Error)
                    .show(|_| {});
            }
            app.manage(state);
            painting::single_page_cache(handle);
            commands::workspace::start_background(handle.clone());
            Ok(())
        })
        .on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()))
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                close::on_close_requested(window, api);
            }
        });
    let mut context = tauri::generate_context!();
    // Off (not even registered) unless this build has an update URL and key.
    let builder = updates::register(builder, &mut context);
    with_commands(builder).run(context)
}
