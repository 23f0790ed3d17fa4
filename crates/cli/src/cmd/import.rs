//! `import`: turn a pasted press release into structured fields (dateline-import).

use clap::Args;

use crate::Ctx;

#[derive(Args)]
pub struct ImportArgs {
    /// The file to import.
    file: std::path::PathBuf,
}

pub fn run(_ctx: &Ctx, _a: &ImportArgs) -> anyhow::Result<()> {
    anyhow::bail!("import is not available yet")
}
