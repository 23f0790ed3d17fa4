//! "Never loses text": every word of the input's visible text appears in the
//! imported release (its fields or its rendered text), or in the list of
//! page furniture the importer dropped on purpose.

mod common;

use std::collections::HashSet;

use dateline_import::{import, ImportOptions, SourceFormat};

/// The visible words of an input, as a reader sees them.
fn visible_words(bytes: &[u8], format: SourceFormat) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    match format {
        SourceFormat::Text => common::words(&text),
        SourceFormat::Markdown => {
            let mut out = Vec::new();
            for ev in pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::ENABLE_TABLES)
            {
                if let pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) = ev {
                    out.extend(common::words(&t));
                }
            }
            out
        }
        SourceFormat::Html => {
            let doc = scraper::Html::parse_document(&text);
            let mut out = Vec::new();
            let body = scraper::Selector::parse("body").ok();
            let skip = ["script", "style", "head", "title", "noscript"];
            if let Some(body) = body.as_ref().and_then(|s| doc.select(s).next()) {
                for node in body.descendants() {
                    if let scraper::Node::Text(t) = node.value() {
                        let hidden = node.ancestors().any(|a| {
                            a.value()
                                .as_element()
                                .is_some_and(|e| skip.contains(&e.name()))
                        });
                        if !hidden {
                            out.extend(common::words(t));
                        }
                    }
                }
            }
            out
        }
    }
}

fn check(name: &str, bytes: &[u8]) {
    let imported = import(bytes, &ImportOptions::default()).expect("imports");
    let mut have: HashSet<String> = common::release_words(&imported.release);
    for d in &imported.report.dropped {
        have.extend(common::words(&d.text));
    }
    let lost: Vec<String> = visible_words(bytes, imported.report.format)
        .into_iter()
        .filter(|w| !have.contains(w))
        .collect();
    assert!(lost.is_empty(), "{name}: lost words {lost:?}");
}

#[test]
fn corpus_loses_no_word() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).expect("corpus").flatten() {
        let p = e.path();
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if name.ends_with(".json") {
            continue;
        }
        check(&name, &std::fs::read(&p).expect("fixture"));
        n += 1;
    }
    assert!(n >= 25);
}

#[test]
fn odd_inputs_lose_no_word() {
    for (name, text) in [
        ("one line", "Just one line of text"),
        ("headline and junk", "A headline here\n\n@@@ ### !!! ~~~\n\n12345 67890"),
        ("unclosed quote", "Headline of the day\n\n“This quote never closes, said nobody\n\nENDS\n\nStray text after the end."),
        ("contacts only", "Headline for contacts\n\nMedia contacts\n\nTel: +41 22 917 0000\nEmail: a@b.org\nSomeone Unknown"),
        ("markdown-ish text", "Title *with* stars\n\n<script>alert('x')</script>\n\n[link](javascript:alert(1))"),
    ] {
        check(name, text.as_bytes());
    }
}
