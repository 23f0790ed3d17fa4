//! Build script of the desktop app: generates the Tauri context from the root
//! `tauri.conf.json` and declares every app command, so each gets its own
//! permission (`allow-<command>`) that the capability grants one by one.

const COMMANDS: &[&str] = &[
    "list_releases",
    "create_release",
    "duplicate_release",
    "delete_release",
    "undelete_release",
    "open_release",
    "save_working_copy",
    "save_revision",
    "history",
    "load_revision",
    "restore_revision",
    "validate_release",
    "render_preview",
    "render_dateline",
    "compare_revisions",
    "export_redline",
    "export_release",
    "export_pdf",
    "import_release",
    "list_templates",
    "startup_error",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build script failed");
}
