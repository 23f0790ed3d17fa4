//! Native menus. Help → Open Log Folder and File → Quit are handled here; the
//! other items emit `menu://…` events that the UI listens to (see
//! `src-tauri/COMMANDS.md`); the UI does the work, so the menu and the
//! toolbar can never disagree. Only New (Ctrl/Cmd+N), Save Revision (Ctrl/Cmd+S),
//! Export (Ctrl/Cmd+E) and Quit (Ctrl/Cmd+Q) have accelerators: others would
//! shadow the text editor's own keys (Ctrl+D, Ctrl+H, …).

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Menu item ids and the event each emits.
const EVENTS: &[(&str, &str)] = &[
    ("new", "menu://new"),
    ("import", "menu://import"),
    ("save-revision", "menu://save-revision"),
    ("export", "menu://export"),
    ("export-pdf", "menu://export-pdf"),
    ("library", "menu://library"),
    ("history", "menu://history"),
    ("compare", "menu://compare"),
];

/// The ids of the menu items that emit an event to the UI (`menu://<id>`).
pub fn event_ids() -> Vec<&'static str> {
    EVENTS.iter().map(|(id, _)| *id).collect()
}

/// The item of the Help menu handled in Rust: it opens the log folder.
const OPEN_LOG_FOLDER: &str = "open-log-folder";

/// File → Quit, handled in Rust: it closes the window the same way its close
/// button does, so unsaved edits are saved first (`crate::close`).
const QUIT: &str = "quit";

/// The app menu: File, Edit, View, Help.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str, accel: Option<&str>| {
        let b = MenuItemBuilder::with_id(id, text);
        match accel {
            Some(a) => b.accelerator(a).build(app),
            None => b.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new", "New Release", Some("CmdOrCtrl+N"))?)
        .item(&item("import", "Import…", None)?)
        .separator()
        .item(&item(
            "save-revision",
            "Save Revision…",
            Some("CmdOrCtrl+S"),
        )?)
        .separator()
        .item(&item("export", "Export…", Some("CmdOrCtrl+E"))?)
        .item(&item("export-pdf", "Export PDF…", None)?)
        .separator()
        .item(&item(QUIT, "Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item("library", "Library", None)?)
        .item(&item("history", "History", None)?)
        .item(&item("compare", "Compare", None)?)
        .separator()
        .fullscreen()
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item(OPEN_LOG_FOLDER, "Open Log Folder", None)?)
        .build()?;
    MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()
}

/// Forwards a menu click to the UI as its event.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == OPEN_LOG_FOLDER {
        crate::logging::open_folder(app);
        return;
    }
    if id == QUIT {
        // As the window's close button: the UI saves first (`crate::close`).
        match app.get_webview_window("main") {
            Some(w) => {
                if let Err(e) = w.close() {
                    tracing::warn!("closing the window failed: {e}");
                    app.exit(0);
                }
            }
            None => app.exit(0),
        }
        return;
    }
    if let Some((_, event)) = EVENTS.iter().find(|(item, _)| *item == id) {
        let _ = app.emit(event, ());
    }
}
