//! `dateline render` and `dateline export` in every format, end to end.

mod common;

use common::{dateline, ok, EXAMPLES};

fn example(name: &str) -> String {
    format!("{EXAMPLES}/{name}")
}

#[test]
fn render_every_format_of_every_example() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.db");
    for file in [
        "un-expert-khakimova.json",
        "wire-harbor-ferries.json",
        "corporate-lumen-rapport.json",
    ] {
        for format in [
            "text", "markdown", "html", "print", "ninjs", "json", "jsonld",
        ] {
            let out = ok(&dateline(
                &db,
                &["render", &example(file), "--format", format],
            ));
            assert!(!out.trim().is_empty(), "{file} {format}");
        }
    }
    let html = ok(&dateline(
        &db,
        &[
            "render",
            &example("wire-harbor-ferries.json"),
            "-f",
            "print",
            "--paper",
            "a4",
        ],
    ));
    assert!(html.contains("size:A4"));
    let html = ok(&dateline(
        &db,
        &[
            "render",
            &example("wire-harbor-ferries.json"),
            "-f",
            "print",
        ],
    ));
    assert!(
        html.contains("size:letter"),
        "wire copy prints on Letter by default"
    );
    assert!(!db.exists());
}

#[test]
fn export_a_stored_release_to_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let id = ok(&dateline(
        &db,
        &["new", &example("un-expert-khakimova.json")],
    ))
    .trim()
    .to_string();
    let out = dir.path().join("seed.html");
    ok(&dateline(
        &db,
        &[
            "export",
            &id[..8],
            "--format",
            "html",
            "-o",
            out.to_str().expect("path"),
        ],
    ));
    let html = std::fs::read_to_string(&out).expect("exported file");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Rukhshona Khakimova"));
    let md = dir.path().join("seed.md");
    ok(&dateline(
        &db,
        &[
            "export",
            &id,
            "-f",
            "markdown",
            "-o",
            md.to_str().expect("path"),
        ],
    ));
    assert!(std::fs::read_to_string(&md)
        .expect("md")
        .starts_with("# Tajikistan"));
}

#[test]
fn bad_format_and_paper_are_one_line_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.db");
    let seed = example("un-expert-khakimova.json");
    for args in [
        vec!["render", seed.as_str(), "-f", "docx"],
        vec!["render", seed.as_str(), "-f", "print", "--paper", "a5"],
        vec!["render", seed.as_str(), "-f", "html", "--paper", "a4"],
    ] {
        let out = dateline(&db, &args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("dateline: "), "{stderr}");
    }
}
