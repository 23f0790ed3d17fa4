//! One module per group of subcommands.

/// Writes to stdout like `print!`, but returns the error (a closed pipe in
/// `dateline log ID | head -1`) instead of panicking; `main` treats a broken
/// pipe as a normal end.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// [`out!`] with a final newline, like `println!`.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}
pub mod diff;
pub mod import;
pub mod lint;
pub mod render;
pub mod review;
pub mod store;
pub mod sync;

use std::path::Path;

use anyhow::Context;
use dateline_core::Release;

/// Reads and validates a release JSON file, with the file name in every error.
pub fn read_release(path: &Path) -> anyhow::Result<Release> {
    let json =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    dateline_core::from_json(&json).with_context(|| format!("{}", path.display()))
}
