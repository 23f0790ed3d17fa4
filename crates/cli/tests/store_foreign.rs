//! Another program's SQLite file given to `--db`: refused with one line, the
//! file and its folder left exactly as they were.

mod common;

use std::path::{Path, PathBuf};

use common::{dateline, err};
use rusqlite::Connection;

fn folder(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, sql) in [
        ("o.db", "CREATE TABLE notes(x)"),
        (
            "shop.db",
            "CREATE TABLE releases (id INTEGER PRIMARY KEY, sku TEXT, created TEXT);
             INSERT INTO releases (sku) VALUES ('A-1');",
        ),
    ] {
        let db = dir.path().join(name);
        Connection::open(&db)
            .and_then(|c| c.execute_batch(sql))
            .expect("a foreign database");
        let before = std::fs::read(&db).expect("read");
        let files = folder(dir.path());
        for args in [&["list"][..], &["list", "-q", "x"], &["log", "abcd"]] {
            let e = err(&dateline(&db, args));
            assert!(
                e.contains(name) && e.contains("not a Dateline database"),
                "{e}"
            );
            assert!(!e.contains("CREATE TABLE"), "no SQL in the message: {e}");
        }
        assert_eq!(
            std::fs::read(&db).expect("read"),
            before,
            "{name} unchanged"
        );
        assert_eq!(folder(dir.path()), files, "no WAL, no backup beside {name}");
    }
}
