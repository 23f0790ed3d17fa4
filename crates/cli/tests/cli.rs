//! The `dateline` command end to end, on a temporary database.

mod common;

use std::process::Command;

use common::{dateline, err, ok, write};

const SEED_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/un-expert-khakimova.json"
);
const SEED_TEXT: &str = include_str!("../../../examples/un-expert-khakimova.txt");

#[test]
fn render_text_reproduces_the_seed_without_a_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("never-created.db");
    let out = ok(&dateline(&db, &["render", SEED_JSON, "--format", "text"]));
    assert_eq!(out, SEED_TEXT);
    assert!(!db.exists(), "render needs no database");
}

#[test]
fn new_save_log_show_restore_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let id = ok(&dateline(&db, &["new", SEED_JSON])).trim().to_string();
    assert!(!id.is_empty());

    // Edit the dateline date and save a named revision.
    let seed = std::fs::read_to_string(SEED_JSON).expect("seed");
    let edited = seed.replace("\"date\": \"2025-05-14\"", "\"date\": \"2025-05-15\"");
    assert_ne!(seed, edited);
    let file = write(dir.path(), "edited.json", &edited);
    let f = file.to_str().expect("path");
    let rev = ok(&dateline(
        &db,
        &[
            "save",
            &id,
            f,
            "-m",
            "date moved",
            "--name",
            "sent to legal",
        ],
    ));
    assert_eq!(rev.trim(), "2");

    // `--db` is accepted after the subcommand too.
    let log = ok(&Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["log", &id, "--db"])
        .arg(&db)
        .output()
        .expect("runs"));
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(
        lines[0].trim_start().starts_with('2'),
        "newest first: {log}"
    );
    assert!(
        lines[0].contains("sent to legal") && lines[0].contains("date moved"),
        "{log}"
    );
    assert!(lines[0].contains("Test Officer"), "{log}");

    // show round-trips through new/save.
    let shown = ok(&dateline(&db, &["show", &id]));
    assert!(shown.contains("2025-05-15"));
    let shown_v1 = ok(&dateline(&db, &["show", &id, "--rev", "1"]));
    assert!(shown_v1.contains("2025-05-14"));
    let again = write(dir.path(), "again.json", &shown_v1);
    let id2 = ok(&dateline(&db, &["new", again.to_str().expect("path")]))
        .trim()
        .to_string();
    let text = ok(&dateline(&db, &["show", &id2]));
    let rendered_file = write(dir.path(), "shown2.json", &text);
    assert_eq!(
        ok(&dateline(
            &db,
            &["render", rendered_file.to_str().expect("path")]
        )),
        SEED_TEXT
    );

    // restore creates a new revision equal to the old one.
    let rev = ok(&dateline(&db, &["restore", &id, "--rev", "1"]));
    assert_eq!(rev.trim(), "3");
    let latest = ok(&dateline(&db, &["show", &id]));
    assert!(latest.contains("2025-05-14"));
    assert_eq!(ok(&dateline(&db, &["log", &id])).lines().count(), 3);

    // list, search, trash.
    let list = ok(&dateline(&db, &["list"]));
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(list.contains("Tajikistan"));
    ok(&dateline(&db, &["delete", &id2]));
    assert_eq!(ok(&dateline(&db, &["list"])).lines().count(), 1);
    assert_eq!(
        ok(&dateline(&db, &["list", "--deleted"])).lines().count(),
        1
    );
    ok(&dateline(&db, &["undelete", &id2]));
    assert_eq!(
        ok(&dateline(&db, &["list", "-q", "Khakimova"]))
            .lines()
            .count(),
        2
    );
    assert_eq!(
        ok(&dateline(&db, &["list", "-q", "no such words"]))
            .lines()
            .count(),
        0
    );
}

#[test]
fn clear_one_line_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");

    let e = err(&dateline(&db, &["render", "/no/such/file.json"]));
    assert!(e.contains("cannot read /no/such/file.json"), "{e}");

    let bad = write(dir.path(), "bad.json", "{ \"headline\": ");
    let e = err(&dateline(&db, &["new", bad.to_str().expect("path")]));
    assert!(e.contains("invalid release JSON"), "{e}");

    let seed = std::fs::read_to_string(SEED_JSON).expect("seed");
    let broken = seed.replace("\"speaker\": \"lawlor\"", "\"speaker\": \"nobody\"");
    let broken = write(dir.path(), "broken.json", &broken);
    let e = err(&dateline(&db, &["new", broken.to_str().expect("path")]));
    assert!(e.contains("speaker “nobody”"), "{e}");

    let e = err(&dateline(&db, &["log", "0000000000"]));
    assert!(e.to_lowercase().contains("no release"), "{e}");

    let corrupt = write(dir.path(), "corrupt.db", &"garbage ".repeat(2000));
    let e = err(&dateline(&corrupt, &["list"]));
    assert!(e.contains("database"), "{e}");
}

#[test]
fn check_reports_every_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    ok(&dateline(&db, &["check", SEED_JSON]));
    let seed = std::fs::read_to_string(SEED_JSON).expect("seed");
    let broken = seed
        .replace("\"speaker\": \"lawlor\"", "\"speaker\": \"nobody\"")
        .replace("mailto:hrd-sr@un.org", "javascript:alert(1)");
    let f = write(dir.path(), "broken.json", &broken);
    let out = dateline(&db, &["check", f.to_str().expect("path")]);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("body[3].speaker"), "{stdout}");
    assert!(stdout.contains("actions.items[4].url"), "{stdout}");
}

#[test]
fn import_the_seed_text_and_store_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let seed_txt = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/un-expert-khakimova.txt"
    );

    // Imported JSON renders back to the seed.
    let json = ok(&dateline(&db, &["import", seed_txt]));
    let file = write(dir.path(), "imported.json", &json);
    let text = ok(&dateline(&db, &["render", file.to_str().expect("path")]));
    assert_eq!(text, SEED_TEXT);

    // --save stores it as a new release with its first revision.
    let id = ok(&dateline(&db, &["import", seed_txt, "--save"]))
        .trim()
        .to_string();
    let log = ok(&dateline(&db, &["log", &id]));
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(
        log.contains("Test Officer") && log.contains("Imported from"),
        "{log}"
    );

    // Junk is a clear error, not a panic.
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 0, 1, 2]).expect("write");
    let e = err(&dateline(&db, &["import", junk.to_str().expect("path")]));
    assert!(e.contains("junk.bin"), "{e}");
}
