//! The database file: migrations, the copy made before migrating, refusals.

mod common;

use std::path::{Path, PathBuf};

use common::{by, content, edit_word, seed};
use dateline_store::{ListFilter, SqliteStore, Store};
use rusqlite::Connection;

fn user_version(path: &Path) -> i64 {
    let c = Connection::open(path).expect("open");
    c.pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version")
}

fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".backup-v"))
        .collect();
    v.sort();
    v
}

#[test]
fn a_new_file_is_migrated_to_the_latest_schema_in_wal_mode() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("new.db");
    let s = SqliteStore::open(&db).expect("open");
    let (id, _) = s.create(&seed(), &by("ana", None)).expect("create");
    drop(s);
    assert_eq!(user_version(&db), SqliteStore::schema_version());
    assert_eq!(SqliteStore::schema_version(), 10);
    let c = Connection::open(&db).expect("open");
    // A release's revision graph is read by index, not by scanning every release's.
    let plan: String = c
        .query_row(
            "EXPLAIN QUERY PLAN SELECT record_id FROM sync_graph WHERE release = 1",
            [],
            |r| r.get(3),
        )
        .expect("plan");
    assert!(plan.contains("sync_graph_release"), "{plan}");
    // A window of the library reads the releases newest first by index, without sorting them all.
    let plan: Vec<String> = c
        .prepare(
            "EXPLAIN QUERY PLAN SELECT r.uuid FROM releases r JOIN listing l ON l.release = r.id
              WHERE r.deleted = 0 ORDER BY l.updated DESC, l.release DESC LIMIT 60",
        )
        .and_then(|mut s| s.query_map([], |r| r.get(3))?.collect())
        .expect("plan");
    assert!(
        plan.iter().any(|p| p.contains("listing_recent")),
        "{plan:?}"
    );
    assert!(!plan.iter().any(|p| p.contains("TEMP B-TREE")), "{plan:?}");
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    for table in [
        "releases",
        "blobs",
        "revisions",
        "listing",
        "search",
        "working_copies",
    ] {
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .expect("schema");
        assert_eq!(n, 1, "table {table}");
    }
    assert!(
        backups(dir.path()).is_empty(),
        "nothing to back up in a new database"
    );
    // Reopening needs no migration and keeps the data.
    let s = SqliteStore::open(&db).expect("reopen");
    assert_eq!(s.log(&id).expect("log").len(), 1);
    assert!(backups(dir.path()).is_empty());
}

#[test]
fn the_database_refuses_to_rewrite_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("h.db");
    let s = SqliteStore::open(&db).expect("open");
    s.create(&seed(), &by("ana", None)).expect("create");
    drop(s);
    let c = Connection::open(&db).expect("open");
    assert!(c
        .execute("UPDATE revisions SET author = 'mallory'", [])
        .is_err());
    assert!(c.execute("DELETE FROM revisions", []).is_err());
    assert!(c.execute("DELETE FROM blobs", []).is_err());
}

/// Turns a current database back into a genuine schema-version-1 database.
fn downgrade_to_v1(db: &Path) {
    let c = Connection::open(db).expect("open");
    c.execute_batch(
        "DROP TABLE record_revision_ids; DROP TABLE conflict_resolutions; DROP TABLE conflicts;
         DROP TABLE sync_parents;
         DROP TABLE sync_graph; DROP TABLE search_index;
         DROP TABLE records; DROP TABLE sync_records; DROP TABLE sync_revisions; DROP TABLE sync_state;
         DROP TABLE listing; DROP TABLE search; DROP TABLE working_copies;
         ALTER TABLE releases DROP COLUMN deleted; PRAGMA user_version = 1;",
    )
    .expect("downgrade");
}

#[test]
fn upgrading_from_v1_copies_the_database_aside_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("old.db");
    let r = seed();
    let s = SqliteStore::open(&db).expect("open");
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    s.save(&id, &edit_word(&r, 0, "Second"), &by("ana", Some("two")))
        .expect("save");
    drop(s);
    downgrade_to_v1(&db);
    assert_eq!(user_version(&db), 1);

    let s = SqliteStore::open(&db).expect("open and migrate");
    let copies = backups(dir.path());
    let copy = copies
        .iter()
        .find(|p| !p.to_string_lossy().ends_with("-wal") && !p.to_string_lossy().ends_with("-shm"))
        .expect("a backup copy");
    let name = copy
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    assert!(name.starts_with("old.db.backup-v1-"), "{name}");
    // The copy is the old database, complete.
    assert_eq!(user_version(copy), 1);
    let c = Connection::open(copy).expect("open copy");
    let revs: i64 = c
        .query_row("SELECT count(*) FROM revisions", [], |r| r.get(0))
        .expect("count");
    assert_eq!(revs, 2);

    // The migrated database has everything, and the list was rebuilt.
    assert_eq!(user_version(&db), SqliteStore::schema_version());
    assert_eq!(
        content(s.load(&id, Some(1)).expect("load")),
        content(r.clone())
    );
    assert_eq!(s.log(&id).expect("log")[0].message.as_deref(), Some("two"));
    let list = s.list(&ListFilter::default()).expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].revisions, 2);
    assert_eq!(
        s.list(&ListFilter {
            query: Some("SECOND".into()),
            deleted: false,
            ids: None,
        })
        .expect("q")
        .len(),
        1
    );
}

#[test]
fn a_newer_database_is_refused_without_writing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("future.db");
    let s = SqliteStore::open(&db).expect("open");
    s.create(&seed(), &by("ana", None)).expect("create");
    drop(s);
    {
        let c = Connection::open(&db).expect("open");
        c.pragma_update(None, "user_version", 99)
            .expect("set version");
        c.pragma_update(None, "journal_mode", "DELETE")
            .expect("leave wal");
    }
    let before = std::fs::read(&db).expect("read");
    let err = SqliteStore::open(&db).err().expect("refused");
    assert_eq!(err.code(), "newer_database");
    assert!(
        err.to_string().contains("newer version of Dateline"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "the file is unchanged"
    );
    assert_eq!(user_version(&db), 99);
    assert!(backups(dir.path()).is_empty());
    let wal = dir.path().join("future.db-wal");
    assert!(!wal.exists(), "not even switched to WAL");
}

#[test]
fn a_newer_database_in_wal_mode_is_refused_without_writing_either() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("future-wal.db");
    let s = SqliteStore::open(&db).expect("open");
    s.create(&seed(), &by("ana", None)).expect("create");
    drop(s);
    Connection::open(&db)
        .and_then(|c| c.pragma_update(None, "user_version", SqliteStore::schema_version() + 1))
        .expect("set version");
    let before = std::fs::read(&db).expect("read");
    for _ in 0..2 {
        let err = SqliteStore::open(&db).err().expect("refused");
        assert_eq!(err.code(), "newer_database");
    }
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "the file is unchanged"
    );
    assert!(backups(dir.path()).is_empty());
}

#[test]
fn a_file_of_random_bytes_is_not_a_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("noise.db");
    // Deterministic noise (an LCG), 8 KiB.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 56) as u8
        })
        .collect();
    std::fs::write(&db, &bytes).expect("write");
    let err = SqliteStore::open(&db).err().expect("refused");
    assert_eq!(err.code(), "not_a_database");
    assert!(err.to_string().contains("noise.db"), "{err}");
    assert_eq!(
        std::fs::read(&db).expect("read"),
        bytes,
        "the file is unchanged"
    );

    // A text file too.
    std::fs::write(&db, "{\"not\": \"sqlite\"}").expect("write");
    assert_eq!(
        SqliteStore::open(&db).err().expect("refused").code(),
        "not_a_database"
    );
    // A folder is not a database either.
    assert_eq!(
        SqliteStore::open(dir.path()).err().expect("refused").code(),
        "not_a_database"
    );
}

#[test]
fn a_truncated_database_is_reported_corrupt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("cut.db");
    let s = SqliteStore::open(&db).expect("open");
    let r = seed();
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    for i in 0..50 {
        s.save(&id, &edit_word(&r, 0, &format!("w{i}")), &by("ana", None))
            .expect("save");
    }
    drop(s); // checkpoints and removes the WAL
    let full = std::fs::read(&db).expect("read");
    assert!(full.len() > 4 * 4096, "{} bytes", full.len());

    for cut in [full.len() / 2, 4096 + 100, 60] {
        std::fs::write(&db, &full[..cut]).expect("truncate");
        let err = SqliteStore::open(&db).err().expect("refused");
        assert_eq!(err.code(), "corrupt_database", "cut at {cut}");
        assert!(err.to_string().contains("damaged"), "{err}");
    }
}

#[test]
fn damage_inside_the_file_is_reported_corrupt_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("damaged.db");
    let s = SqliteStore::open(&db).expect("open");
    let (id, _) = s.create(&seed(), &by("ana", None)).expect("create");
    drop(s);
    // Overwrite every page but the first with garbage of the right length.
    let mut bytes = std::fs::read(&db).expect("read");
    for b in bytes.iter_mut().skip(4096) {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).expect("write");
    let result = SqliteStore::open(&db).and_then(|s| s.load(&id, None).map(|_| ()));
    let err = result.expect_err("damaged");
    assert_eq!(err.code(), "corrupt_database", "{err}");
}

#[test]
fn a_missing_folder_is_a_clear_io_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("no").join("such").join("folder.db");
    let err = SqliteStore::open(&db).err().expect("refused");
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("folder.db"), "{err}");
    assert!(!db.exists());
}
