//! Subcommands over the revision store: new, save, log, show, restore, list,
//! delete/undelete, and the file-only `check`.

use std::path::PathBuf;

use clap::Args;
use dateline_core::terminal::escape;
use dateline_store::{ListFilter, SaveMeta, Store};

use super::read_release;
use crate::Ctx;

/// Who is saving: `--author`, else `$DATELINE_AUTHOR`, else the login name.
#[derive(Args)]
pub struct AuthorArg {
    /// Author recorded on the revision.
    #[arg(long)]
    author: Option<String>,
}

impl AuthorArg {
    fn name(&self) -> String {
        self.author
            .clone()
            .unwrap_or_else(dateline_store::default_author)
    }
}

#[derive(Args)]
pub struct NewArgs {
    /// Release JSON file.
    file: PathBuf,
    /// Message of the first revision.
    #[arg(short, long)]
    message: Option<String>,
    #[command(flatten)]
    author: AuthorArg,
}

#[derive(Args)]
pub struct SaveArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Release JSON file.
    file: PathBuf,
    /// What changed.
    #[arg(short, long)]
    message: Option<String>,
    /// Name this revision as a checkpoint ("sent to legal").
    #[arg(long)]
    name: Option<String>,
    #[command(flatten)]
    author: AuthorArg,
}

#[derive(Args)]
pub struct LogArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ShowArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Revision number (default: the latest).
    #[arg(long)]
    rev: Option<u32>,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Revision to restore; a new revision is created from it.
    #[arg(long)]
    rev: u32,
    #[command(flatten)]
    author: AuthorArg,
}

#[derive(Args)]
pub struct ListArgs {
    /// Only releases whose text contains this.
    #[arg(long, short)]
    query: Option<String>,
    /// List the trash instead.
    #[arg(long)]
    deleted: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct DeleteArgs {
    /// Release id (or a unique prefix of it).
    id: String,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Release JSON file.
    file: PathBuf,
}

pub fn new(ctx: &Ctx, a: &NewArgs) -> anyhow::Result<()> {
    let release = read_release(&a.file)?;
    let store = ctx.store()?;
    let meta = SaveMeta {
        author: a.author.name(),
        message: a.message.clone(),
        name: None,
    };
    let (id, _rev) = store.create(&release, &meta)?;
    outln!("{id}");
    Ok(())
}

pub fn save(ctx: &Ctx, a: &SaveArgs) -> anyhow::Result<()> {
    let release = read_release(&a.file)?;
    let store = ctx.store()?;
    let id = store.resolve(&a.id)?;
    let meta = SaveMeta {
        author: a.author.name(),
        message: a.message.clone(),
        name: a.name.clone(),
    };
    let rev = store.save(&id, &release, &meta)?;
    outln!("{rev}");
    Ok(())
}

pub fn log(ctx: &Ctx, a: &LogArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&a.id)?;
    let revs = store.log(&id)?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&revs)?);
        return Ok(());
    }
    // Authors, names and messages are free text: escaped so they cannot drive the terminal.
    for r in revs {
        let mut line = format!(
            "{:>4}  {}  {}",
            r.number,
            r.created.format("%Y-%m-%d %H:%M:%S"),
            escape(&r.author)
        );
        if let Some(n) = &r.name {
            line.push_str(&format!("  [{}]", escape(n)));
        }
        if let Some(from) = r.restored_from {
            line.push_str(&format!("  (restored from {from})"));
        }
        if let Some(m) = &r.message {
            line.push_str(&format!("  {}", escape(m)));
        }
        outln!("{line}");
    }
    Ok(())
}

pub fn show(ctx: &Ctx, a: &ShowArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&a.id)?;
    let release = store.load(&id, a.rev)?;
    outln!("{}", release.to_json());
    Ok(())
}

pub fn restore(ctx: &Ctx, a: &RestoreArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&a.id)?;
    let meta = SaveMeta {
        author: a.author.name(),
        message: Some(format!("Restored revision {}", a.rev)),
        name: None,
    };
    let rev = store.restore(&id, a.rev, &meta)?;
    outln!("{rev}");
    Ok(())
}

pub fn list(ctx: &Ctx, a: &ListArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let filter = ListFilter {
        query: a.query.clone(),
        deleted: a.deleted,
        ids: None,
    };
    let rows = store.list(&filter)?;
    if a.json {
        outln!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    for r in rows {
        outln!(
            "{}  {:<10}  {:<5}  {}  {}",
            r.id,
            r.status.label(),
            escape(&r.language),
            r.updated.format("%Y-%m-%d %H:%M"),
            escape(&r.headline)
        );
    }
    Ok(())
}

pub fn delete(ctx: &Ctx, a: &DeleteArgs, trash: bool) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&a.id)?;
    if trash {
        store.delete(&id)?;
    } else {
        store.undelete(&id)?;
    }
    Ok(())
}

pub fn check(a: &CheckArgs) -> anyhow::Result<()> {
    let json = std::fs::read_to_string(&a.file)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", a.file.display()))?;
    let release = dateline_core::parse_json(&json)
        .map_err(|e| anyhow::anyhow!("{}: {e}", a.file.display()))?;
    let problems = dateline_core::validate::problems(&release);
    if problems.is_empty() {
        outln!("{}: ok", a.file.display());
        return Ok(());
    }
    // A problem may quote the offending value: escaped, it cannot drive the terminal.
    for p in &problems {
        outln!("{}: {}", a.file.display(), escape(&p.to_string()));
    }
    anyhow::bail!("{} problem(s) in {}", problems.len(), a.file.display())
}
