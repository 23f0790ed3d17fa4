//! Hostile input through the CLI: control characters are refused in fields
//! (with the path) and escaped in every terminal output; unknown keys are
//! refused at every level (with the path).

mod common;

use common::{dateline, err, ok, write};
use dateline_core::Block;

const SEED_JSON: &str = include_str!("../../../examples/un-expert-khakimova.json");

fn seed_value() -> serde_json::Value {
    serde_json::from_str(SEED_JSON).expect("seed")
}

#[test]
fn check_and_new_refuse_control_characters_with_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let mut v = seed_value();
    v["headline"] = "Calm \u{1b}]0;pwned\u{7} headline".into();
    v["body"][0]["text"] = "NUL\u{0} inside".into();
    let file = write(dir.path(), "hostile.json", &v.to_string());
    let f = file.to_str().expect("path");

    let out = dateline(&db, &["check", f]);
    assert!(!out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        stdout.contains("headline: the text holds the control character U+001B"),
        "{stdout}"
    );
    assert!(
        stdout.contains("body[0].text: the text holds the control character U+0000"),
        "{stdout}"
    );
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );

    let e = err(&dateline(&db, &["new", f]));
    assert!(e.contains("headline"), "{e}");
    assert!(!e.contains('\u{1b}'), "{e:?}");
    assert!(
        !db.exists() || ok(&dateline(&db, &["list"])).is_empty(),
        "nothing stored"
    );
}

#[test]
fn problems_quoting_a_value_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut v = seed_value();
    v["meta"]["language"] = "en\u{1b}[2J".into();
    let file = write(dir.path(), "lang.json", &v.to_string());
    let out = dateline(
        &dir.path().join("d.db"),
        &["check", file.to_str().expect("path")],
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(stdout.contains("meta.language"), "{stdout}");
    assert!(stdout.contains("\\x1b[2"), "shown, inert: {stdout:?}");
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
}

#[test]
fn log_escapes_messages_authors_and_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let seed = write(dir.path(), "seed.json", SEED_JSON);
    let s = seed.to_str().expect("path");
    let id = ok(&dateline(&db, &["new", s, "-m", "\u{1b}[31mred\u{7}"]));
    let id = id.trim();
    ok(&dateline(
        &db,
        &[
            "save",
            id,
            s,
            "--name",
            "\u{1b}]0;title\u{7}",
            "--author",
            "Eve\u{1b}[8m",
        ],
    ));
    let log = ok(&dateline(&db, &["log", id]));
    assert!(!log.contains('\u{1b}') && !log.contains('\u{7}'), "{log:?}");
    assert!(log.contains("\\x1b[31mred\\x07"), "{log}");
    assert!(log.contains("[\\x1b]0;title\\x07]"), "{log}");
    assert!(log.contains("Eve\\x1b[8m"), "{log}");
    // JSON output keeps the text exactly, escaped the JSON way.
    let json = ok(&dateline(&db, &["log", id, "--json"]));
    assert!(json.contains("\\u001b[31mred\\u0007"), "{json}");
}

#[test]
fn the_terminal_redline_escapes_compared_text() {
    // Text stored before control characters were refused can still be compared.
    let old = dateline_core::from_json(SEED_JSON).expect("seed");
    let mut new = old.clone();
    new.headline = format!("{} \u{1b}[2J\u{7}", old.headline);
    if let Some(Block::Paragraph { text }) = new.body.get_mut(0) {
        text.push_str(" \u{1b}]0;x\u{7}");
    }
    let c = dateline_diff::compare(&old, &new, &Default::default());
    for colour in [false, true] {
        let text = dateline_diff::redline_text(&c, colour);
        assert!(text.contains("\\x1b[2J\\x07"), "{text}");
        assert!(!text.contains('\u{7}'), "{text:?}");
        if !colour {
            assert!(!text.contains('\u{1b}'), "{text:?}");
        }
    }
}

#[test]
fn unknown_keys_are_refused_at_every_level_with_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let mut base = seed_value();
    base["releaseLine"] =
        serde_json::json!({"type": "embargoed", "until": "2025-05-15T00:01:00", "zone": "UTC"});
    let quote = base["body"]
        .as_array()
        .and_then(|b| b.iter().position(|x| x["type"] == "quote"))
        .expect("the seed has a quote");
    let cases = [
        ("".to_string(), "surprise"),
        ("/meta".into(), "meta.surprise"),
        ("/releaseLine".into(), "releaseLine"),
        ("/dateline".into(), "dateline.surprise"),
        ("/body/0".into(), "body[0]"),
        (format!("/body/{quote}"), &format!("body[{quote}]")),
        ("/people/0".into(), "people[0].surprise"),
        ("/footnotes/0".into(), "footnotes[0].surprise"),
        ("/actions".into(), "actions.surprise"),
        ("/actions/items/0".into(), "actions.items[0]"),
    ];
    for (pointer, path) in cases {
        let mut v = base.clone();
        v.pointer_mut(&pointer)
            .and_then(serde_json::Value::as_object_mut)
            .unwrap_or_else(|| panic!("{pointer} is an object of the seed"))
            .insert("surprise".into(), true.into());
        let file = write(dir.path(), "unknown.json", &v.to_string());
        let f = file.to_str().expect("path");
        for cmd in ["check", "new"] {
            let e = err(&dateline(&db, &[cmd, f]));
            assert!(
                e.contains("unknown field `surprise`"),
                "{cmd} {pointer}: {e}"
            );
            assert!(e.contains(&format!(": {path}")), "{cmd} {pointer}: {e}");
        }
    }
}
