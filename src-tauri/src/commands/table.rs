// The command table: the one place an IPC command is declared, with its arguments as the UI sends
// them and what it returns. From it come the Tauri handlers (`commands/mod.rs`), the permission
// list (`build.rs` includes this file), and, written by `cargo test -p dateline-app --lib contract`,
// the capability, the typed TypeScript interface `ui/src/generated/commands.ts` and
// `src-tauri/COMMANDS.md`. Adding a command is one line here plus its function in the module named.
commands! {
    /// Releases (or the trash), most recently saved first; `query` matches the headline and text.
    library::list_releases(query: Option<String>, deleted: bool) -> Vec<ReleaseSummary>;
    /// A new release from the house style's template, dated today; returns its id.
    library::create_release(style: HouseStyleId) -> ReleaseId;
    /// A copy of the latest revision of `id` as a new release; returns the copy's id.
    library::duplicate_release(id: ReleaseId) -> ReleaseId;
    /// Moves `id` to the trash (restorable with `undelete_release`).
    library::delete_release(id: ReleaseId) -> ();
    /// Brings `id` back from the trash.
    library::undelete_release(id: ReleaseId) -> ();
    /// Why the database could not be opened at startup (`null` when it was).
    library::startup_error() -> Option<ApiError>;
    /// Opens `id` for editing: its unsaved edits if any, else its latest revision.
    revisions::open_release(id: ReleaseId) -> OpenRelease;
    /// Autosaves the working copy of `id` (not validated: drafts may be incomplete).
    revisions::save_working_copy(id: ReleaseId, release: Release) -> ();
    /// Drops the unsaved edits of `id` and opens its latest revision again.
    revisions::discard_working_copy(id: ReleaseId) -> OpenRelease;
    /// Saves `release` as the next revision of `id` (validated once, by the store); returns its number.
    revisions::save_revision(id: ReleaseId, release: Release, message: Option<String>, name: Option<String>) -> u32;
    /// The history of `id`, newest first.
    revisions::history(id: ReleaseId) -> Vec<RevisionInfo>;
    /// Revision `rev` of `id`, read-only.
    revisions::load_revision(id: ReleaseId, rev: u32) -> Release;
    /// Appends a new revision of `id` with the content of `rev`; returns the new number.
    revisions::restore_revision(id: ReleaseId, rev: u32) -> u32;
    /// Every validation problem of `release` (empty when valid), for display while editing.
    render::validate_release(release: Release) -> Vec<Problem>;
    /// The dateline as the house style prints it in `language` (`GENEVA (14 May 2025) –`).
    render::render_dateline(dateline: Dateline, language: Language) -> String;
    /// The live preview: the same standalone HTML as the html export (never fails on a draft).
    export::render_preview(release: Release) -> String;
    /// Exports a valid `release` as `format` through a save dialog; the path, or `null` if cancelled.
    export::export_release(release: Release, format: Format) -> Option<String>;
    /// Prints a valid `release` to PDF through the webview; the path, or `null` if cancelled.
    export::export_pdf(release: Release) -> Option<String>;
    /// Compares `from` (old) with `to` (new) of release `id`.
    compare::compare_revisions(id: ReleaseId, from: RevRef, to: RevRef) -> Comparison;
    /// Writes the redline of `from` → `to` as HTML; the path, or `null` if cancelled.
    compare::export_redline(id: ReleaseId, from: RevRef, to: RevRef) -> Option<String>;
    /// Imports `text` (format `from`, guessed when `null`) as a new release.
    import::import_release(text: String, from: Option<SourceFormat>) -> ImportResult;
}
