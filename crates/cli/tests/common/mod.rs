//! Helpers shared by the CLI's end-to-end tests: run `dateline` on a database,
//! and read its output or its one-line error.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The examples folder of the repository.
pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

/// Runs `dateline --db DB ARGS…` as "Test Officer".
pub fn dateline(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("DATELINE_AUTHOR", "Test Officer")
        .env_remove("DATELINE_DB")
        .output()
        .expect("the dateline binary runs")
}

pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "command failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

pub fn err(out: &Output) -> String {
    assert!(!out.status.success(), "command unexpectedly succeeded");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "one-line error: {stderr}"
    );
    stderr
}

pub fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write temp file");
    p
}
