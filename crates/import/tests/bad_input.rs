//! Bad input: clear errors or a clean import, never a panic, never script in the result.

mod common;

use dateline_core::render_text;
use dateline_import::{import, ImportOptions, MAX_INPUT_BYTES};

fn code(bytes: &[u8]) -> &'static str {
    match import(bytes, &ImportOptions::default()) {
        Ok(_) => "ok",
        Err(e) => e.code().as_str(),
    }
}

#[test]
fn clear_errors() {
    assert_eq!(code(b""), "empty");
    assert_eq!(code(b" \n\n\t"), "empty");
    assert_eq!(code(&[0xC3, 0x28, 0x41]), "invalid_utf8");
    assert_eq!(
        code(&[0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]),
        "binary"
    );
    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    let err = import(&big, &ImportOptions::default()).expect_err("too large");
    assert_eq!(err.code(), "too_large");
    assert!(
        err.to_string().contains(&MAX_INPUT_BYTES.to_string()),
        "{err}"
    );
}

#[test]
fn a_large_paste_under_the_limit_imports() {
    let para = "The council approved the plan to plant trees in every district of the city. ";
    let text = format!(
        "Council approves tree plan\n\n{}",
        (para.repeat(20) + "\n\n").repeat(4000)
    );
    assert!(text.len() < MAX_INPUT_BYTES);
    let out = import(text.as_bytes(), &ImportOptions::default()).expect("imports");
    assert_eq!(out.release.headline, "Council approves tree plan");
    assert!(out.release.body.len() >= 4000);
}

#[test]
fn script_never_reaches_the_release() {
    let html = "<html><body><h1>Headline <script>alert(1)</script>here</h1>\
        <p onclick=\"steal()\">GENEVA (14 May 2025) – Body <img src=x onerror=alert(2)> text.</p>\
        <p><a href=\"javascript:alert(3)\">Click</a> <iframe src=\"https://evil.example\"></iframe></p>\
        <style>p{}</style><p>&lt;script&gt;alert(4)&lt;/script&gt;</p></body></html>";
    let out = import(html.as_bytes(), &ImportOptions::default()).expect("imports");
    // Escaped text (`\\<script>` in the JSON) is text, not markup: leave it out of the search.
    let json = out.release.to_json().replace("\\\\<", "");
    for bad in [
        "alert(1)",
        "alert(2)",
        "alert(3)",
        "steal",
        "onerror",
        "javascript:",
        "iframe",
        "<script",
    ] {
        assert!(!json.contains(bad), "{bad} in {json}");
    }
    // The visible text `<script>alert(4)</script>` stays text: escaped, never markup.
    assert!(render_text(&out.release).contains("<script>alert(4)</script>"));
    for b in &out.release.body {
        if let dateline_core::Block::Paragraph { text } = b {
            let events = dateline_core::markdown::parse_inline(text);
            assert!(
                !events.iter().any(|e| matches!(
                    e,
                    pulldown_cmark::Event::InlineHtml(_) | pulldown_cmark::Event::Html(_)
                )),
                "markup in {text}"
            );
        }
    }
}

#[test]
fn junk_never_panics() {
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    for n in 0..400 {
        let mut bytes = Vec::new();
        for _ in 0..(n % 97) * 7 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let pool = b"<>/\"'=-#*_[]()\n\n \t abcXYZ019:;,.\xe2\x80\x9c\xe2\x80\x9d\xc2\xa0";
            bytes.push(pool[(seed % pool.len() as u64) as usize]);
        }
        let _ = import(&bytes, &ImportOptions::default());
        let s = String::from_utf8_lossy(&bytes).to_string();
        let _ = import(format!("<p>{s}</p>").as_bytes(), &ImportOptions::default());
        let _ = import(
            format!("# {s}\n\n{s}").as_bytes(),
            &ImportOptions::default(),
        );
    }
}

/// A date line, a short headline in capitals, then the lead: the release was lost
/// (`NoContent`) when the headline was too short to pass for one. A text with
/// paragraphs never fails to import.
#[test]
fn a_date_line_over_a_short_capitals_headline_imports() {
    for text in [
        "5 June 2026\n\nLIBRARY HOURS GROW\n\nThe city library opens two more evenings a week from Monday, the council said.",
        "June 5, 2026\n\nPARK REOPENS\n\nThe riverside park reopens on Saturday after four months of works on its paths and benches.",
        "5 juin 2026\n\nLA PISCINE ROUVRE\n\nLa piscine municipale rouvre ses portes lundi après six mois de travaux.",
        "5 de junio de 2026\n\nNUEVO HORARIO\n\nLa biblioteca municipal abrirá también los sábados a partir del próximo mes.",
        "05/06/2026\n\nBUS FARES FROZEN\n\nBus fares will not rise this year, the transport authority announced on Friday.",
    ] {
        let out = import(text.as_bytes(), &ImportOptions::default())
            .unwrap_or_else(|e| panic!("{e} for {text:?}"));
        let first_body = text.split("\n\n").nth(1).unwrap_or_default();
        assert_eq!(out.release.headline, first_body, "{text:?}");
        assert!(
            render_text(&out.release).contains("two more evenings")
                || render_text(&out.release).contains("four months")
                || render_text(&out.release).contains("six mois")
                || render_text(&out.release).contains("sábados")
                || render_text(&out.release).contains("not rise"),
            "{text:?}"
        );
    }
    // Paragraphs only, none of them a headline: the first becomes it rather than fail.
    for text in [
        "5 June 2026\n\nThe city library opens two more evenings a week from Monday, the council said.",
        "LIBRARY HOURS GROW\n\nThe city library opens two more evenings a week from Monday.",
    ] {
        assert!(
            import(text.as_bytes(), &ImportOptions::default()).is_ok(),
            "{text:?}"
        );
    }
}
