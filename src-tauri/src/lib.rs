//! The Dateline desktop app: a thin Tauri 2 shell over the Dateline libraries.
//!
//! The window is the UI in `ui/`; everything it does goes through the commands
//! in [`commands`] (listed in `src-tauri/COMMANDS.md`), which validate their
//! input, call the libraries on the blocking pool and return `{code, message}`
//! errors. The shell adds what only a desktop app has: native menus, native
//! save dialogs, a single instance, remembered window geometry and PDF printing
//! through the platform webview.

pub mod blocking;
pub mod commands;
pub mod error;
pub mod input;
pub mod menu;
pub mod pdf;

use tauri::{Builder, Runtime};

/// Registers the commands on `builder` (shared by the app and the mock-runtime tests).
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::render::list_templates,
        commands::render::validate_release,
        commands::render::render_dateline,
    ])
}

/// Starts the app; returns when the last window is closed.
pub fn run() {
    let builder = Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            use tauri::Manager;
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let handle = app.handle();
            handle.set_menu(menu::build(handle)?)?;
            Ok(())
        })
        .on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()));
    if let Err(e) = with_commands(builder).run(tauri::generate_context!()) {
        eprintln!("dateline-app: {e}");
        std::process::exit(1);
    }
}
