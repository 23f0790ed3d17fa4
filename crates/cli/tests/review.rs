//! The review workflow through the `dateline` command, end to end.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{dateline, err, ok, write};

const SEED_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/un-expert-khakimova.json"
);

fn as_(db: &std::path::Path, who: &str, args: &[&str]) -> std::process::Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--author", who]);
    dateline(db, &all)
}

/// A database with the seed (written by "Test Officer") and the newsroom's roles.
fn newsroom(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let db = dir.join("r.db");
    let id = ok(&dateline(&db, &["new", SEED_JSON])).trim().to_string();
    ok(&dateline(
        &db,
        &[
            "review",
            "roles",
            "Test Officer",
            "--role",
            "writer",
            "--role",
            "admin",
        ],
    ));
    ok(&dateline(
        &db,
        &["review", "roles", "Ed Itor", "--role", "editor"],
    ));
    ok(&dateline(
        &db,
        &["review", "roles", "Lee Gal", "--role", "legal"],
    ));
    (db, id)
}

#[test]
fn review_request_comment_suggest_accept_approve_release() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, id) = newsroom(dir.path());

    let s = ok(&dateline(&db, &["status", &id]));
    assert!(s.starts_with("state: draft (revision 1)"), "{s}");
    assert!(
        s.contains("quote 1 has no sign-off from Mary Lawlor"),
        "{s}"
    );
    assert_eq!(
        ok(&dateline(
            &db,
            &["status", &id, "--to", "in-review", "-m", "ready"]
        ))
        .trim(),
        "draft → in-review"
    );
    ok(&dateline(
        &db,
        &[
            "review",
            "request",
            &id,
            "--reviewer",
            "Ed Itor",
            "--due",
            "2025-06-01",
        ],
    ));
    assert!(ok(&dateline(&db, &["status", &id])).contains("waiting for: Ed Itor"));

    let c = ok(&as_(
        &db,
        "Ed Itor",
        &[
            "comment",
            &id,
            "--field",
            "headline",
            "--range",
            "0..2",
            "Name the country?",
        ],
    ))
    .trim()
    .to_string();
    let list = ok(&dateline(&db, &["comments", &id, "--open"]));
    assert!(
        list.contains(&c) && list.contains("open") && list.contains("headline 0..2"),
        "{list}"
    );
    assert!(list.contains("on “Ta”"), "{list}");

    // Quote 1's sign-off by email, then a suggestion on its words, accepted.
    ok(&dateline(
        &db,
        &[
            "approve", &id, "--quote", "1", "--via", "email", "-m", "fine",
        ],
    ));
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["--db"])
        .arg(&db)
        .args([
            "suggest",
            &id,
            "--field",
            "body[3].paragraphs[0].segments[0]",
            "-",
            "--author",
            "Lee Gal",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"A shorter quote, as agreed,\n")
        .expect("write");
    let sug = ok(&child.wait_with_output().expect("suggest"))
        .trim()
        .to_string();
    assert_eq!(ok(&dateline(&db, &["accept", &sug])).trim(), "2");
    let log = ok(&dateline(&db, &["log", &id, "--json"]));
    let log: serde_json::Value = serde_json::from_str(&log).expect("json");
    assert_eq!(
        log[0]["author"], "Lee Gal",
        "the revision names the suggester"
    );
    let e = err(&dateline(&db, &["accept", &sug]));
    assert!(e.contains("already accepted"), "{e}");

    let s = ok(&dateline(&db, &["status", &id]));
    assert!(
        s.contains("the sign-off of quote 1 by Mary Lawlor is stale"),
        "{s}"
    );
    let e = err(&as_(&db, "Ed Itor", &["status", &id, "--to", "approved"]));
    assert!(e.contains("moving to approved is blocked by"), "{e}");
    assert!(
        e.contains("unresolved comment by Ed Itor on headline"),
        "{e}"
    );

    assert_eq!(
        ok(&as_(&db, "Ed Itor", &["resolve", &c])).trim(),
        "resolved"
    );
    ok(&as_(&db, "Ed Itor", &["approve", &id]));
    for n in ["1", "2", "3", "4"] {
        ok(&dateline(
            &db,
            &[
                "approve",
                &id,
                "--quote",
                n,
                "--via",
                "phone",
                "--by",
                "Mary Lawlor",
            ],
        ));
    }
    let s = ok(&dateline(&db, &["status", &id]));
    assert!(s.contains("nothing blocks"), "{s}");
    assert!(
        !s.contains("waiting for"),
        "the editor's approval answers the request: {s}"
    );
    assert_eq!(
        ok(&as_(
            &db,
            "Ed Itor",
            &["status", &id, "--to", "approved", "-m", "clear"]
        ))
        .trim(),
        "in-review → approved"
    );
    ok(&as_(&db, "Ed Itor", &["status", &id, "--to", "released"]));
    assert!(ok(&dateline(&db, &["status", &id])).starts_with("state: released"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&dateline(&db, &["status", &id, "--json"]))).expect("json");
    assert_eq!(json["status"], "released");
    assert_eq!(json["approvals"].as_array().map(Vec::len), Some(6));

    // The packet, as a file and as text; both exports are in the audit.
    let out = dir.path().join("quote1.html");
    ok(&dateline(
        &db,
        &[
            "packet",
            &id,
            "--quote",
            "1",
            "-f",
            "html",
            "-o",
            out.to_str().expect("path"),
        ],
    ));
    let html = std::fs::read_to_string(&out).expect("packet");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("A shorter quote, as agreed,"));
    let text = ok(&dateline(
        &db,
        &["packet", &id, "--quote", "1", "-f", "text"],
    ));
    assert!(
        text.contains("Mary Lawlor") && text.contains("A shorter quote, as agreed,"),
        "{text}"
    );

    let exported = dir.path().join("release.txt");
    ok(&dateline(
        &db,
        &[
            "export",
            &id,
            "-f",
            "text",
            "-o",
            exported.to_str().expect("path"),
        ],
    ));
    let csv = ok(&dateline(&db, &["audit", &id, "-f", "csv"]));
    assert!(csv.contains(",export,2,exported as text to "), "{csv}");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("time,actor,kind,revision,summary,id"));
    for want in [
        "draft → in-review: ready",
        "review requested from Ed Itor by 2025-06-01",
        "comment on headline: Name the country?",
        "suggestion on quote 1:",
        "accepted as revision 2",
        "Ed Itor approved the release as editor",
        "exported as packet-html to",
        "revision 2 saved",
    ] {
        assert!(csv.contains(want), "{want} in {csv}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&dateline(&db, &["audit", &id, "-f", "json"]))).expect("json");
    assert!(json.as_array().is_some_and(|a| a.len() >= 15), "{json}");
}

#[test]
fn bad_input_is_refused_in_one_clear_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, id) = newsroom(dir.path());
    let e = err(&dateline(
        &db,
        &["comment", &id, "--field", "footnotes[9]", "Which?"],
    ));
    assert_eq!(
        e.trim(),
        "dateline: the release has no field “footnotes[9]”"
    );
    let e = err(&dateline(&db, &["comment", &id, "--field", "byline", "x"]));
    assert!(e.contains("is not a field path"), "{e}");

    let big = write(dir.path(), "big.txt", &"word ".repeat(200_000));
    let child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--db")
        .arg(&db)
        .args(["comment", &id, "--field", "headline", "-"])
        .stdin(std::fs::File::open(&big).expect("open"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let e = err(&child.wait_with_output().expect("output"));
    assert!(
        e.contains("the comment is 1000000 bytes long; at most 65536 bytes are accepted"),
        "{e}"
    );

    let e = err(&as_(&db, "Lee Gal", &["approve", &id, "--as", "editor"]));
    assert!(
        e.contains("Lee Gal does not hold the role editor (roles held: legal)"),
        "{e}"
    );
    let e = err(&dateline(&db, &["approve", &id, "--as", "editor"]));
    assert!(e.contains("does not hold the role editor"), "{e}");
    let e = err(&as_(&db, "Ed Itor", &["approve", &id, "--quote", "1"]));
    assert!(e.contains("only Mary Lawlor, who is quoted"), "{e}");
    let e = err(&dateline(&db, &["status", &id, "--to", "released"]));
    assert!(e.contains("cannot move from draft to released"), "{e}");
    let e = err(&dateline(&db, &["resolve", "0123456789"]));
    assert!(e.contains("no record has the id"), "{e}");
    let e = err(&dateline(
        &db,
        &["packet", &id, "--quote", "7", "-f", "text"],
    ));
    assert!(e.contains("there is no quote 7"), "{e}");
}

/// Kill -9 the CLI at random moments while it saves comments, for a few
/// seconds: every comment whose id was printed (acknowledged) is stored, and
/// the database opens cleanly afterwards.
#[test]
fn kill_9_during_comment_saves_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("k.db");
    let id = ok(&dateline(&db, &["new", SEED_JSON])).trim().to_string();
    let mut acknowledged = Vec::new();
    let (mut killed, mut i) = (0u32, 0u64);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        i += 1;
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("--db")
            .arg(&db)
            .args([
                "comment",
                &id,
                "--field",
                "headline",
                &format!("comment {i}"),
            ])
            .env("DATELINE_AUTHOR", "Test Officer")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // Every other run is killed after a varying few milliseconds.
        if i % 2 == 0 {
            std::thread::sleep(Duration::from_micros((i * 2_300) % 40_000));
            if child.kill().is_ok() {
                killed += 1;
            }
        }
        let out = child.wait_with_output().expect("wait");
        let printed = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && printed.len() == 36 {
            acknowledged.push(printed);
        }
    }
    eprintln!(
        "{i} runs, {killed} killed, {} acknowledged",
        acknowledged.len()
    );
    assert!(
        killed > 0 && !acknowledged.is_empty(),
        "{killed} killed, {} saved",
        acknowledged.len()
    );
    let json = ok(&dateline(&db, &["comments", &id, "--json"]));
    let stored: serde_json::Value = serde_json::from_str(&json).expect("json");
    let ids: Vec<&str> = stored
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    for a in &acknowledged {
        assert!(
            ids.contains(&a.as_str()),
            "acknowledged comment {a} was lost"
        );
    }
    ok(&dateline(&db, &["log", &id]));
}
