//! One module per group of subcommands.
pub mod diff;
pub mod import;
pub mod render;
pub mod store;

use std::path::Path;

use anyhow::Context;
use dateline_core::Release;

/// Reads and validates a release JSON file, with the file name in every error.
pub fn read_release(path: &Path) -> anyhow::Result<Release> {
    let json = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    dateline_core::from_json(&json).with_context(|| format!("{}", path.display()))
}
