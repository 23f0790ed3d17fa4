//! Whose database a file is: Dateline's (by application id or, for files
//! written before the id, by its tables), a new one, or another program's,
//! which is refused untouched. Partial backups left by a killed process, and
//! databases opened read-only.

mod common;

use std::path::{Path, PathBuf};

use common::{by, content, edit_word, seed};
use dateline_store::{ListFilter, SqliteStore, Store};
use rusqlite::Connection;

const DATELINE_ID: i64 = 0x4474_6C6E;

fn pragma(path: &Path, name: &str) -> i64 {
    Connection::open(path)
        .and_then(|c| c.pragma_query_value(None, name, |r| r.get(0)))
        .expect("pragma")
}

/// Every file in `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

/// Creates an SQLite file with `sql` in rollback-journal mode, as another program would.
fn foreign(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let db = dir.join(name);
    Connection::open(&db)
        .and_then(|c| c.execute_batch(sql))
        .expect("foreign database");
    db
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            "notes.db",
            "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);",
        ),
        // Its own `releases` table, even at a Dateline-like version.
        (
            "shop.db",
            "CREATE TABLE releases (id INTEGER PRIMARY KEY, title TEXT); PRAGMA user_version = 1;",
        ),
        // Another program's application id on an otherwise empty file.
        (
            "app.db",
            "PRAGMA application_id = 1234; PRAGMA user_version = 0;",
        ),
        // Only a version, no table.
        ("versioned.db", "PRAGMA user_version = 3;"),
    ];
    for (name, sql) in cases {
        let db = foreign(dir.path(), name, sql);
        let before = std::fs::read(&db).expect("read");
        let listing = files(dir.path());
        for _ in 0..2 {
            let err = SqliteStore::open(&db).err().expect("refused");
            assert_eq!(err.code(), "not_a_database", "{name}: {err}");
            let msg = err.to_string();
            assert!(
                msg.contains(name) && msg.contains("another program"),
                "{msg}"
            );
            assert_eq!(msg.lines().count(), 1, "{msg}");
        }
        assert_eq!(
            std::fs::read(&db).expect("read"),
            before,
            "{name} unchanged"
        );
        assert_eq!(files(dir.path()), listing, "{name}: no WAL, no backup");
    }
}

#[test]
fn a_dateline_database_from_before_the_application_id_is_recognised_and_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("legacy.db");
    let s = SqliteStore::open(&db).expect("open");
    let (id, _) = s.create(&seed(), &by("ana", None)).expect("create");
    drop(s);
    assert_eq!(pragma(&db, "application_id"), DATELINE_ID);
    Connection::open(&db)
        .and_then(|c| c.pragma_update(None, "application_id", 0))
        .expect("as written before the id");
    let s = SqliteStore::open(&db).expect("recognised by its tables");
    assert_eq!(content(s.load(&id, None).expect("load")), content(seed()));
    drop(s);
    assert_eq!(pragma(&db, "application_id"), DATELINE_ID);
    assert!(
        !files(dir.path())
            .iter()
            .any(|p| p.to_string_lossy().contains(".backup")),
        "no migration, no backup"
    );
}

#[test]
fn partial_backups_of_a_killed_upgrade_are_removed_and_the_upgrade_backs_up_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("old.db");
    Connection::open(&db)
        .and_then(|c| {
            c.execute_batch(concat!(
                include_str!("../migrations/0001_revisions.sql"),
                "\nPRAGMA user_version = 1;"
            ))
        })
        .expect("schema 1");
    let litter = [
        "old.db.backup-partial",
        "old.db.backup-partial-journal",
        // Left by versions that wrote the copy under its final name.
        "old.db.backup-v1-20250101T000000Z",
        "old.db.backup-v1-20250101T000000Z-journal",
    ];
    for name in litter {
        std::fs::write(dir.path().join(name), b"").expect("litter");
    }
    // A complete older backup is kept.
    let kept = dir.path().join("old.db.backup-v1-20240101T000000Z");
    std::fs::copy(&db, &kept).expect("older backup");

    let s = SqliteStore::open(&db).expect("open and migrate");
    drop(s);
    let names: Vec<String> = files(dir.path())
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().to_string())
        .collect();
    for name in litter {
        assert!(
            !names.iter().any(|n| n == name),
            "{name} removed: {names:?}"
        );
    }
    assert!(kept.exists(), "a complete backup is kept");
    let backups: Vec<&String> = names
        .iter()
        .filter(|n| {
            n.starts_with("old.db.backup-v1-") && **n != "old.db.backup-v1-20240101T000000Z"
        })
        .collect();
    assert_eq!(backups.len(), 1, "{names:?}");
    assert_eq!(pragma(&dir.path().join(backups[0]), "user_version"), 1);
    assert_eq!(pragma(&db, "user_version"), SqliteStore::schema_version());

    // A partial copy beside an up-to-date database is removed on the next open.
    let partial = dir.path().join("old.db.backup-partial");
    std::fs::write(&partial, b"half a copy").expect("partial");
    drop(SqliteStore::open(&db).expect("open"));
    assert!(!partial.exists());
}

#[test]
fn a_read_only_store_reads_and_searches_but_refuses_every_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("ro.db");
    let r = seed();
    let s = SqliteStore::open(&db).expect("open");
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    // Saved after the last search: its search row is out of date.
    s.save(&id, &edit_word(&r, 0, "Zanzibar"), &by("ana", None))
        .expect("save");
    drop(s);
    let before = std::fs::read(&db).expect("read");

    let ro = SqliteStore::open_read_only(&db).expect("open read-only");
    assert!(ro.is_read_only());
    assert_eq!(ro.log(&id).expect("log").len(), 2);
    assert_eq!(ro.load(&id, Some(1)).expect("load").headline, r.headline);
    let found = ro
        .list(&ListFilter {
            query: Some("zanzibar".into()),
            deleted: false,
            ids: None,
        })
        .expect("search");
    assert_eq!(found.len(), 1);
    let none = ro
        .list(&ListFilter {
            query: Some("no such words anywhere".into()),
            deleted: false,
            ids: None,
        })
        .expect("search");
    assert!(none.is_empty());
    assert!(!ro.open_release(&id).expect("open").from_working_copy);

    let refused = [
        ro.save(&id, &r, &by("ana", None)).err(),
        ro.create(&r, &by("ana", None)).err(),
        ro.restore(&id, 1, &by("ana", None)).err(),
        ro.delete(&id).err(),
        ro.save_working_copy(&id, &r).err(),
        ro.discard_working_copy(&id).err(),
    ];
    for e in refused {
        let e = e.expect("a write is refused");
        assert_eq!(e.code(), "read_only");
        assert!(e.to_string().contains("folder cannot be written"), "{e}");
    }
    drop(ro);
    assert_eq!(std::fs::read(&db).expect("read"), before, "nothing written");
}
