//! `dateline login`, `whoami`, `sync`, `logout` without a server: every
//! failure is one clear line, and nothing is saved by a failed sign-in.
//! (With a real server and PostgreSQL, the same engine is tested in
//! `crates/server/tests/sync.rs`.)

mod common;

use common::{dateline, err};

#[test]
fn without_a_session_the_sync_commands_say_to_sign_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    for cmd in ["whoami", "sync", "logout"] {
        let e = err(&dateline(&db, &[cmd]));
        assert!(e.contains("not signed in"), "{cmd}: {e}");
    }
}

#[test]
fn a_bad_or_unreachable_server_is_refused_in_one_line_and_nothing_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let login = |url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["--db"])
            .arg(&db)
            .args(["login", url, "--user", "amira"])
            .env("DATELINE_PASSWORD", "correct horse battery")
            .output()
            .expect("runs")
    };
    let e = err(&login("ftp://example.org"));
    assert!(e.contains("is not a server URL"), "{e}");
    // Port 9 on loopback: nothing listens there.
    let e = err(&login("http://127.0.0.1:9"));
    assert!(e.contains("cannot reach the server"), "{e}");
    let e = err(&dateline(&db, &["whoami"]));
    assert!(e.contains("not signed in"), "{e}");
}
