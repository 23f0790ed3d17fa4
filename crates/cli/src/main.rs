//! `dateline`: the command-line face of the Dateline library.
//!
//! Everything the desktop app does, headless: render, store revisions, compare,
//! import and export. Each subcommand lives in its own module under `cmd/`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// Draft, store, compare and export press releases as structured fields.
#[derive(Parser)]
#[command(name = "dateline", version, about, propagate_version = true)]
struct Cli {
    /// The revision database (default: dateline.db in the app's data directory).
    #[arg(long, global = true, env = "DATELINE_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a release file (no database needed).
    Render(cmd::render::RenderArgs),
    /// Export a stored release to a file.
    Export(cmd::render::ExportArgs),
    /// Store a release file as a new release; prints its id.
    New(cmd::store::NewArgs),
    /// Save a release file as a new revision; prints the revision number.
    Save(cmd::store::SaveArgs),
    /// A release's history, newest first.
    Log(cmd::store::LogArgs),
    /// A stored release as JSON.
    Show(cmd::store::ShowArgs),
    /// Restore an old revision as a new revision.
    Restore(cmd::store::RestoreArgs),
    /// The stored releases.
    List(cmd::store::ListArgs),
    /// Move a release to the trash (restorable with `undelete`).
    Delete(cmd::store::DeleteArgs),
    /// Bring a release back from the trash.
    Undelete(cmd::store::DeleteArgs),
    /// Check a release file: validation problems, one per line.
    Check(cmd::store::CheckArgs),
    /// Check a release's writing against a house profile (and Vale styles); exits 1 on errors.
    Lint(cmd::lint::LintArgs),
    /// Compare two release files or two revisions.
    Diff(cmd::diff::DiffArgs),
    /// Import a press release from text, Markdown or HTML.
    Import(cmd::import::ImportArgs),
}

/// Shared context of every subcommand.
pub struct Ctx {
    db: Option<PathBuf>,
}

impl Ctx {
    /// Opens the revision store (the default database unless `--db` was given).
    pub fn store(&self) -> anyhow::Result<dateline_store::SqliteStore> {
        let path = match &self.db {
            Some(p) => p.clone(),
            None => dateline_store::default_db_path()?,
        };
        Ok(dateline_store::SqliteStore::open(&path)?)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx { db: cli.db };
    let result = match cli.command {
        Command::Render(a) => cmd::render::render(&a),
        Command::Export(a) => cmd::render::export(&ctx, &a),
        Command::New(a) => cmd::store::new(&ctx, &a),
        Command::Save(a) => cmd::store::save(&ctx, &a),
        Command::Log(a) => cmd::store::log(&ctx, &a),
        Command::Show(a) => cmd::store::show(&ctx, &a),
        Command::Restore(a) => cmd::store::restore(&ctx, &a),
        Command::List(a) => cmd::store::list(&ctx, &a),
        Command::Delete(a) => cmd::store::delete(&ctx, &a, true),
        Command::Undelete(a) => cmd::store::delete(&ctx, &a, false),
        Command::Check(a) => cmd::store::check(&a),
        Command::Lint(a) => cmd::lint::run(&ctx, &a),
        Command::Diff(a) => cmd::diff::run(&ctx, &a),
        Command::Import(a) => cmd::import::run(&ctx, &a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // One line: the error and its causes.
            let mut msg = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(": ");
                    msg.push_str(&c);
                }
            }
            eprintln!("dateline: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// Whether the output was closed by the reader (`dateline log ID | head -1`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
