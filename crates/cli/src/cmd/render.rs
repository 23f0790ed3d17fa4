//! `render` (a file, no database) and `export` (a stored release, to a file).
//! Owned by the export work: all formats come from `dateline-export`.

use std::path::PathBuf;

use clap::Args;

use super::read_release;
use crate::Ctx;

#[derive(Args)]
pub struct RenderArgs {
    /// Release JSON file.
    file: PathBuf,
    /// Output format.
    #[arg(long, short, default_value = "text")]
    format: String,
}

#[derive(Args)]
pub struct ExportArgs {
    /// Release id (or a unique prefix of it).
    id: String,
    /// Output format.
    #[arg(long, short, default_value = "html")]
    format: String,
    /// Output file.
    #[arg(short, long)]
    output: PathBuf,
}

pub fn render(a: &RenderArgs) -> anyhow::Result<()> {
    let release = read_release(&a.file)?;
    match a.format.as_str() {
        "text" => {
            print!("{}", dateline_core::render_text(&release));
            Ok(())
        }
        other => anyhow::bail!("unknown format “{other}” (try: text)"),
    }
}

pub fn export(_ctx: &Ctx, a: &ExportArgs) -> anyhow::Result<()> {
    anyhow::bail!("export to {} is not available yet", a.output.display())
}
