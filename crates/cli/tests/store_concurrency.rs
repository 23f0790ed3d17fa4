//! Several `dateline` processes opening one database at the same moment: the
//! first open of a missing file and the upgrade of an old database happen
//! exactly once, whoever wins, and nobody fails (issue 15, item 1).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use rusqlite::Connection;

const SEED_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/un-expert-khakimova.json"
);
const V1_SQL: &str = include_str!("../../store/migrations/0001_revisions.sql");

/// Processes started together in each round.
const PROCESSES: usize = 4;
/// Rounds per probe: each round is a fresh file, so the race is run this many times.
const ROUNDS: usize = 4;

fn spawn(db: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("DATELINE_AUTHOR", "Test Officer")
        .env_remove("DATELINE_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary starts")
}

/// Starts `PROCESSES` copies of `dateline --db DB ARGS…` at once; their outputs once all are done.
fn all_at_once(db: &Path, args: &[&str]) -> Vec<String> {
    let children: Vec<Child> = (0..PROCESSES).map(|_| spawn(db, args)).collect();
    children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "a concurrent `dateline {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).expect("utf-8")
        })
        .collect()
}

/// Files in `dir` whose name contains `part`.
fn files_with(dir: &Path, part: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(part))
        .collect()
}

fn pragma(db: &Path, name: &str) -> i64 {
    Connection::open(db)
        .and_then(|c| c.pragma_query_value(None, name, |r| r.get(0)))
        .expect("pragma")
}

#[test]
fn four_first_opens_of_a_missing_file_all_succeed() {
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("r.db");
        let ids: Vec<String> = all_at_once(&db, &["new", SEED_JSON])
            .iter()
            .map(|o| o.trim().to_string())
            .collect();
        let mut distinct = ids.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), PROCESSES, "round {round}: {ids:?}");
        let listed = common::ok(&common::dateline(&db, &["list"]));
        assert_eq!(listed.lines().count(), PROCESSES, "round {round}: {listed}");
        assert!(
            files_with(dir.path(), ".backup").is_empty(),
            "round {round}"
        );
        assert_eq!(
            pragma(&db, "user_version"),
            dateline_store::SqliteStore::schema_version()
        );
    }
}

#[test]
fn four_upgrades_of_a_schema_1_database_all_succeed_and_back_up_once() {
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("old.db");
        Connection::open(&db)
            .and_then(|c| c.execute_batch(&format!("{V1_SQL}\nPRAGMA user_version = 1;")))
            .expect("a schema-1 database");
        all_at_once(&db, &["list"]);
        let backups: Vec<PathBuf> = files_with(dir.path(), ".backup")
            .into_iter()
            .filter(|p| !p.to_string_lossy().ends_with("-wal"))
            .filter(|p| !p.to_string_lossy().ends_with("-shm"))
            .collect();
        assert_eq!(backups.len(), 1, "round {round}: one backup, {backups:?}");
        let name = backups[0].file_name().expect("name").to_string_lossy();
        assert!(name.starts_with("old.db.backup-v1-"), "{name}");
        assert_eq!(
            pragma(&backups[0], "user_version"),
            1,
            "the copy is the old file"
        );
        assert_eq!(
            pragma(&db, "user_version"),
            dateline_store::SqliteStore::schema_version()
        );
        // The upgraded database works for every command.
        let id = common::ok(&common::dateline(&db, &["new", SEED_JSON]));
        assert_eq!(id.trim().len(), 36);
    }
}
