//! `diff`: compare two release files or two stored revisions (dateline-diff).

use clap::Args;

use crate::Ctx;

#[derive(Args)]
pub struct DiffArgs {
    /// Two release files, or a release id with --from/--to.
    args: Vec<String>,
}

pub fn run(_ctx: &Ctx, _a: &DiffArgs) -> anyhow::Result<()> {
    anyhow::bail!("diff is not available yet")
}
