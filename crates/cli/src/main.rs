//! `dateline`: the command-line face of the Dateline library.
//!
//! Everything the desktop app does, headless: render, store revisions, compare,
//! import and export. Each subcommand lives in its own module under `cmd/`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod heap;

/// Draft, store, compare and export press releases as structured fields.
#[derive(Parser)]
#[command(name = "dateline", version, about, propagate_version = true)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

/// The options of every subcommand.
#[derive(clap::Args)]
struct Global {
    /// The revision database (default: dateline.db in the app's data directory).
    #[arg(long, global = true, env = "DATELINE_DB", value_name = "PATH")]
    db: Option<PathBuf>,
}

/// `dateline diff` alone: the same arguments as in [`Cli`], without the
/// parsers of every other subcommand (see [`parse`]).
#[derive(Parser)]
#[command(name = "dateline")]
struct DiffOnly {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: DiffCommand,
}

#[derive(Subcommand)]
enum DiffCommand {
    Diff(cmd::diff::DiffArgs),
}

/// The command line. clap builds the parser of every subcommand before it
/// reads an argument, which is a good part of a short command's time; `dateline
/// diff A B`, which scripts run over and over, is read by a parser of that
/// subcommand alone. Anything else, and anything that parser refuses or that
/// asks for help or the version, goes to the full parser, so every message
/// stays the same.
fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let plain_diff = args.get(1).is_some_and(|a| a == "diff")
        && !args
            .iter()
            .any(|a| a == "-h" || a == "--help" || a == "-V" || a == "--version");
    if plain_diff {
        if let Ok(d) = DiffOnly::try_parse_from(&args) {
            let DiffCommand::Diff(a) = d.command;
            return Cli {
                global: d.global,
                command: Command::Diff(a),
            };
        }
    }
    Cli::parse_from(args)
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
    /// A release's review state, or move it to another state (--to).
    Status(cmd::review::StatusArgs),
    /// Review requests and answers, and the workspace's roles.
    Review(cmd::review::ReviewArgs),
    /// Comment on a field (or a range of its text); prints the comment's id.
    Comment(cmd::review::CommentArgs),
    /// A release's comment threads.
    Comments(cmd::review::CommentsArgs),
    /// Resolve (or reopen) a comment thread.
    Resolve(cmd::review::ResolveArgs),
    /// Suggest a new text for one field; prints the suggestion's id.
    Suggest(cmd::review::SuggestArgs),
    /// Accept a suggestion: a new revision by the suggester; prints its number.
    Accept(cmd::review::DecideArgs),
    /// Reject a suggestion.
    Reject(cmd::review::DecideArgs),
    /// Approve a release for a role, or record a quote's sign-off.
    Approve(cmd::review::ApproveArgs),
    /// A release's audit timeline (text, CSV or JSON).
    Audit(cmd::review::AuditArgs),
    /// One quote in context for the person quoted (HTML or text).
    Packet(cmd::review::PacketArgs),
    /// Sign in to a team server.
    Login(cmd::sync::LoginArgs),
    /// Who the saved session belongs to.
    Whoami,
    /// Send unsent revisions to the team server and receive new ones.
    Sync,
    /// Sign out of the team server.
    Logout,
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

/// Logs to `<data dir>/org.dateline.app/logs/dateline-cli.<date>.log` (daily files,
/// seven kept) when `DATELINE_LOG` sets a filter (`debug` logs every command with
/// its duration). Without it nothing is set up: the command only logs at debug
/// level, so at the old default (`info`) the log stayed empty while every run paid
/// for a folder, a file and a writer thread. Without a writable data folder the
/// command runs unlogged. The guard flushes the log when dropped.
fn start_logging() -> Option<tracing_appender::non_blocking::WorkerGuard> {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DATELINE_LOG").ok()?;
    let dir = directories::BaseDirs::new()?
        .data_dir()
        .join(dateline_store::APP_IDENTIFIER)
        .join("logs");
    std::fs::create_dir_all(&dir).ok()?;
    let files = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("dateline-cli")
        .filename_suffix("log")
        .max_log_files(7)
        .build(&dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(files);
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(guard)
}

fn main() -> ExitCode {
    let _log = start_logging();
    let cli = parse();
    let ctx = Ctx { db: cli.global.db };
    let name = subcommand_name();
    let started = std::time::Instant::now();
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
        Command::Status(a) => cmd::review::status(&ctx, &a),
        Command::Review(a) => cmd::review::review(&ctx, &a),
        Command::Comment(a) => cmd::review::comment(&ctx, &a),
        Command::Comments(a) => cmd::review::comments(&ctx, &a),
        Command::Resolve(a) => cmd::review::resolve(&ctx, &a),
        Command::Suggest(a) => cmd::review::suggest(&ctx, &a),
        Command::Accept(a) => cmd::review::decide(&ctx, &a, true),
        Command::Reject(a) => cmd::review::decide(&ctx, &a, false),
        Command::Approve(a) => cmd::review::approve(&ctx, &a),
        Command::Audit(a) => cmd::review::audit(&ctx, &a),
        Command::Packet(a) => cmd::review::packet(&ctx, &a),
        Command::Login(a) => cmd::sync::login(&ctx, &a),
        Command::Whoami => cmd::sync::whoami(&ctx),
        Command::Sync => cmd::sync::sync(&ctx),
        Command::Logout => cmd::sync::logout(&ctx),
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match &result {
        Ok(()) => tracing::debug!(command = %name, ms, "ok"),
        Err(e) => tracing::debug!(command = %name, ms, error = %e, "failed"),
    }
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
            // Errors may quote file content: escaped, they cannot drive the terminal.
            eprintln!("dateline: {}", dateline_core::terminal::escape(&msg));
            ExitCode::FAILURE
        }
    }
}

/// The subcommand as typed (for the log): the first argument that is neither an
/// option nor the value of `--db`.
fn subcommand_name() -> String {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            args.next();
        } else if !a.starts_with('-') {
            return a;
        }
    }
    String::new()
}

/// Whether the output was closed by the reader (`dateline log ID | head -1`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
