// The command table: the one place an IPC command is declared, with its arguments as the UI sends
// them and what it returns. From it come the Tauri handlers (`commands/mod.rs`), the permission
// list (`build.rs` includes this file), and, written by `cargo test -p dateline-app --lib contract`,
// the capability, the typed TypeScript interface `ui/src/generated/commands.ts` and
// `src-tauri/COMMANDS.md`. Adding a command is one line here plus its function in the module named.
commands! {
    /// A window of the releases (or the trash), most recently saved first: at most `limit` rows (500) from row `offset`, and how many match in all; `query` matches the headline and text, `ids` (when set) names the only releases to list.
    library::list_releases(query: Option<String>, deleted: bool, ids: Option<Vec<String>>, offset: u32, limit: u32) -> ReleasePage;
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
    /// Answers a close of the window (`app://close-requested`) once the edits are saved: `proceed` closes it, else it stays open.
    window::close_window(proceed: bool) -> ();
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
    /// What importing `text` (format `from`, guessed when `null`) would give, with the writer's `overrides`; nothing is stored.
    import::preview_import(text: String, from: Option<SourceFormat>, overrides: Vec<Override>) -> ImportPreview;
    /// Imports `text` (format `from`, guessed when `null`) with the writer's `overrides` as a new release.
    import::import_release(text: String, from: Option<SourceFormat>, overrides: Vec<Override>) -> ImportResult;
    /// The places two people changed differently that are still open on the latest revision of `id` (text kept: the version saved last).
    conflicts::merge_conflicts(id: ReleaseId) -> Vec<OpenConflict>;
    /// Settles conflicts of `id` with the user's `choices` as a new revision that records them; returns its number.
    conflicts::resolve_conflicts(id: ReleaseId, choices: Vec<ConflictChoice>) -> u32;
    /// Asks for a file to import in the native open dialog and reads it (`null` if cancelled); nothing is stored yet.
    import::open_import_file() -> Option<ImportFile>;
    /// The review of `id`: its state, who is asked, comments, suggestions, approvals, what blocks.
    review::review_state(id: ReleaseId) -> ReviewPanel;
    /// Moves `id` to state `to` through the rules and gates; an admin may override with a reason.
    review::change_state(id: ReleaseId, to: ReviewStatus, note: Option<String>, override_reason: Option<String>) -> ReviewPanel;
    /// Asks `reviewers` (names) or a `role` to review the latest revision, by `due` (YYYY-MM-DD).
    review::request_review(id: ReleaseId, reviewers: Vec<String>, role: Option<Role>, due: Option<String>, note: Option<String>) -> ReviewPanel;
    /// Answers the review request addressed to you: approve, request changes or comment.
    review::answer_review(id: ReleaseId, verdict: Verdict, note: Option<String>) -> ReviewPanel;
    /// Comments on a field, or on `range` of it (`quoted` is the selected text, placed in the latest revision).
    review::add_comment(id: ReleaseId, field: String, range: Option<TextRange>, quoted: Option<String>, text: String) -> ReviewPanel;
    /// Replies in the thread of `comment`.
    review::reply_comment(id: ReleaseId, comment: String, text: String) -> ReviewPanel;
    /// Resolves (or reopens) the thread of `comment`.
    review::resolve_comment(id: ReleaseId, comment: String, resolved: bool) -> ReviewPanel;
    /// Suggests `text` as the new value of `field` (a tracked change).
    review::suggest_change(id: ReleaseId, field: String, text: String, note: Option<String>) -> ReviewPanel;
    /// Accepts (a new revision naming the suggester) or rejects a suggestion.
    review::decide_suggestion(id: ReleaseId, suggestion: String, accept: bool, note: Option<String>) -> ReviewPanel;
    /// Approves (or requests changes to) the release for a role, or signs off quote `quote` (recorded by hand with `by` and `via`).
    review::approve(id: ReleaseId, quote: Option<u32>, role: Option<Role>, verdict: Verdict, by: Option<String>, via: Via, note: Option<String>) -> ReviewPanel;
    /// Quote `quote` of the latest revision in context, as HTML and as text for an email.
    review::quote_packet(id: ReleaseId, quote: u32) -> Packet;
    /// The audit timeline of `id` and the change labels of each revision.
    review::timeline(id: ReleaseId) -> Timeline;
    /// Writes the audit trail of `id` as CSV or JSON through a save dialog; the path, or `null` if cancelled.
    review::export_audit(id: ReleaseId, format: AuditFormat) -> Option<String>;
    /// The approvals that were valid at revision `from` and are stale at revision `to`.
    review::stale_approvals(id: ReleaseId, from: u32, to: u32) -> Vec<ApprovalView>;
    /// Every release's review state, and whether you are asked to review it.
    review::review_overview() -> Vec<ReleaseReview>;
    /// Your profile and everyone's roles.
    review::workspace_settings() -> WorkspaceSettings;
    /// Changes your name (recorded on revisions and comments) and email.
    review::save_profile(name: String, email: Option<String>) -> WorkspaceSettings;
    /// Gives `person` the `roles` (an admin's setting once anyone is an admin).
    review::set_roles(person: String, roles: Vec<Role>) -> WorkspaceSettings;
    /// The checks of the house profile (and the workspace's own rules) over `release`.
    checks::lint_release(release: Release) -> LintReport;
    /// `release` with a check's quick fix applied (refused when the field changed since the lint).
    checks::apply_fix(release: Release, fix: LintFix) -> Release;
    /// Turns the spellchecker to the language of `release`, with its names never flagged.
    spell::set_spelling(release: Release) -> SpellSetup;
    /// Where the sync with the team server stands (signed out, synced, N to send, offline, error).
    workspace::workspace_status() -> SyncStatus;
    /// Signs in to the team server at `url` and syncs; the session (never a database credential) is kept locally.
    workspace::sign_in(url: String, user: String, password: String) -> SyncStatus;
    /// Signs out of the team server (local work stays).
    workspace::sign_out() -> SyncStatus;
    /// Sends what waits and pulls colleagues' revisions now.
    workspace::sync_now() -> SyncStatus;
    /// Says you have `release` open (editing: with unsaved edits); repeat about every 15 s. Returns who else has it open (nobody when signed out or offline).
    workspace::presence_heartbeat(release: String, editing: bool) -> Vec<Presence>;
    /// Says you closed `release`.
    workspace::presence_leave(release: String) -> ();
    /// Who else has `release` open.
    workspace::release_presence(release: String) -> Vec<Presence>;
    /// Every release others have open, with who (the library's markers).
    workspace::workspace_presence() -> Vec<Presence>;
}
