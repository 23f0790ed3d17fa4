//! `dateline lint` end to end: text and JSON output, exit codes, profiles
//! (built in and a workspace file), Vale styles, and stored releases by id.

mod common;

use common::{dateline, err, ok, write};

const SEED_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/un-expert-khakimova.json"
);
const VALE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../checks/tests/vale");

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// The seed with a final stop on the headline and no end mark.
fn broken(dir: &std::path::Path) -> std::path::PathBuf {
    let seed = std::fs::read_to_string(SEED_JSON).expect("seed");
    let edited = seed
        .replace(
            "Rukhshona Khakimova\",\n  \"dateline\"",
            "Rukhshona Khakimova.\",\n  \"dateline\"",
        )
        .replace(
            "\"endMark\": {\n    \"type\": \"ends\"\n  }",
            "\"endMark\": {\n    \"type\": \"none\"\n  }",
        );
    assert_ne!(seed, edited);
    write(dir, "broken.json", &edited)
}

#[test]
fn the_seed_passes_the_un_profile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.db");
    let text = ok(&dateline(&db, &["lint", SEED_JSON]));
    assert!(
        text.ends_with("0 errors, 1 warning, 0 suggestions (profile unOhchr)\n"),
        "{text}"
    );
    assert!(text.contains("contacts: warning:"), "{text}");
    let out = dateline(&db, &["lint", SEED_JSON, "-f", "json"]);
    let v = json(&out);
    assert!(out.status.success());
    assert_eq!(v["errors"], 0);
    assert_eq!(v["profile"], "unOhchr");
    assert_eq!(v["findings"][0]["check"], "closing.contact");
    assert!(!db.exists(), "a file needs no database");
}

#[test]
fn errors_exit_1_with_json_on_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.db");
    let file = broken(dir.path());
    let f = file.to_str().expect("path");
    let out = dateline(&db, &["lint", f, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("1 error"));
    let v = json(&out);
    let checks: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["check"].as_str())
        .collect();
    assert!(checks.contains(&"headline.final-stop"), "{checks:?}");
    assert!(checks.contains(&"closing.end-mark"), "{checks:?}");
    let end = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["check"] == "closing.end-mark")
        .expect("end mark");
    assert_eq!(end["severity"], "error");
    assert_eq!(end["fix"]["edits"][0]["value"]["type"], "ends");
    // The text output names the flagged words and the fix.
    let text = dateline(&db, &["lint", f]);
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout.contains(
            "headline: warning: a headline takes no final full stop [headline.final-stop] — “.”"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("    fix: Add “ENDS”"), "{stdout}");
}

#[test]
fn profiles_built_in_and_from_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.db");
    // The wire profile wants a contact (an error) and boilerplate.
    let out = dateline(&db, &["lint", SEED_JSON, "--profile", "wire", "-f", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["profile"], "wire");
    // A workspace's own profile: the UN profile with contacts turned off.
    let p = write(
        dir.path(),
        "house.toml",
        "id = \"house\"\nextends = \"unOhchr\"\n[severity]\n\"closing.contact\" = \"off\"\n",
    );
    let text = ok(&dateline(
        &db,
        &["lint", SEED_JSON, "--profile", p.to_str().expect("path")],
    ));
    assert!(
        text.ends_with("0 errors, 0 warnings, 0 suggestions (profile house)\n"),
        "{text}"
    );
    let bad = dateline(&db, &["lint", SEED_JSON, "--profile", "nope"]);
    assert!(err(&bad).contains("unOhchr, wire, corporate"));
    let bad_file = write(
        dir.path(),
        "bad.toml",
        "id = \"x\"\n[headline]\nmaximum = 3\n",
    );
    assert!(err(&dateline(
        &db,
        &[
            "lint",
            SEED_JSON,
            "--profile",
            bad_file.to_str().expect("path")
        ]
    ))
    .contains("bad.toml"));
}

#[test]
fn vale_styles_run_and_skipped_rules_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.db");
    let out = dateline(&db, &["lint", SEED_JSON, "--vale", VALE, "-f", "json"]);
    let v = json(&out);
    let checks: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["check"].as_str())
        .collect();
    assert!(checks.contains(&"vale.Newsroom.Hedging"), "{checks:?}");
    let skipped = v["skipped"].as_array().expect("skipped");
    assert_eq!(skipped.len(), 6);
    let text = ok(&dateline(&db, &["lint", SEED_JSON, "--vale", VALE]));
    assert!(
        text.contains("skipped Vale rule Extra.Words: the rule type “spelling” is not supported"),
        "{text}"
    );
    assert!(err(&dateline(
        &db,
        &[
            "lint",
            SEED_JSON,
            "--vale",
            dir.path().to_str().expect("path")
        ]
    ))
    .contains("no Vale rules"));
}

#[test]
fn a_stored_release_by_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let id = ok(&dateline(&db, &["new", SEED_JSON])).trim().to_string();
    let text = ok(&dateline(&db, &["lint", &id[..8]]));
    assert!(text.contains("0 errors"), "{text}");
    assert!(err(&dateline(&db, &["lint", "no-such-release"])).contains("no-such-release"));
    assert!(err(&dateline(&db, &["lint", SEED_JSON, "-f", "xml"])).contains("text or json"));
}
