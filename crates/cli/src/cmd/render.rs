//! `render` (a file, no database) and `export` (a stored release, to a file).
//! Owned by the export work: all formats come from `dateline-export`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use dateline_core::Release;
use dateline_export::{Format, Paper};
use dateline_store::Store;

use super::read_release;
use crate::Ctx;

#[derive(Args)]
pub struct RenderArgs {
    /// Release JSON file.
    file: PathBuf,
    /// Output format: text, markdown, html, print, ninjs, json, jsonld.
    #[arg(long, short, default_value = "text")]
    format: String,
    /// Paper of the print format: a4 or letter (default: the house style's).
    #[arg(long)]
    paper: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Args)]
pub struct ExportArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Output format: text, markdown, html, print, ninjs, json, jsonld.
    #[arg(long, short, default_value = "html")]
    format: String,
    /// Paper of the print format: a4 or letter (default: the house style's).
    #[arg(long)]
    paper: Option<String>,
    /// Revision to export (default: the latest).
    #[arg(long)]
    rev: Option<u32>,
    /// Output file.
    #[arg(short, long)]
    output: PathBuf,
}

/// The release in the requested format and paper.
fn output(release: &Release, format: &str, paper: Option<&str>) -> anyhow::Result<String> {
    let format: Format = format.parse()?;
    match (format, paper) {
        (Format::Print, Some(p)) => {
            Ok(dateline_export::render_print(release, p.parse::<Paper>()?)?)
        }
        (_, Some(_)) => anyhow::bail!("--paper applies only to --format print"),
        (f, None) => Ok(dateline_export::render(release, f)?),
    }
}

fn write_file(path: &Path, content: &str) -> anyhow::Result<()> {
    std::fs::write(path, content).with_context(|| format!("cannot write {}", path.display()))
}

pub fn render(a: &RenderArgs) -> anyhow::Result<()> {
    let release = read_release(&a.file)?;
    let out = output(&release, &a.format, a.paper.as_deref())?;
    match &a.output {
        Some(path) => write_file(path, &out),
        None => {
            out!("{out}");
            Ok(())
        }
    }
}

pub fn export(ctx: &Ctx, a: &ExportArgs) -> anyhow::Result<()> {
    let store = ctx.store()?;
    let id = store.resolve(&a.id)?;
    let release = store.load(&id, a.rev)?;
    let out = if a.format.parse::<Format>()? == Format::Ninjs && a.paper.is_none() {
        // A stored release has a revision number: the ninjs item's version.
        let rev = match a.rev {
            Some(n) => Some(n),
            None => store.log(&id)?.first().map(|r| r.number),
        };
        dateline_export::render_ninjs(&release, rev)?
    } else {
        output(&release, &a.format, a.paper.as_deref())?
    };
    write_file(&a.output, &out)?;
    // Every export joins the release's audit trail (format, file, revision).
    let file = a.output.display().to_string();
    dateline_review::ReviewService::new(&store, dateline_store::default_author()).record_export(
        &id,
        a.rev,
        &a.format,
        Some(&file),
    )?;
    Ok(())
}
