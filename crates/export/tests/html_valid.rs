//! Every HTML output passes a strict parse (no tokenizer error, no unclosed or
//! misnested element) and contains nothing active — and the checker itself
//! catches broken markup.

mod common;

use common::{active_content, assert_clean_document, example, strict_parse, EXAMPLES};
use dateline_export::{preview_html, print_html, render, Format, Paper};

#[test]
fn every_html_output_of_every_example_is_strictly_valid() {
    for (name, _) in EXAMPLES {
        let r = example(name);
        assert_clean_document(&preview_html(&r), &format!("{name} html"));
        for paper in [Paper::A4, Paper::Letter] {
            assert_clean_document(&print_html(&r, paper), &format!("{name} print {paper:?}"));
        }
        assert_eq!(
            render(&r, Format::Html).ok(),
            Some(preview_html(&r)),
            "preview is the html export"
        );
    }
}

#[test]
fn the_checker_catches_broken_markup() {
    let doc = |body: &str| {
        format!("<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>")
    };
    assert!(strict_parse(&doc("<p>ok</p>"), false).is_ok());
    for broken in [
        "<p>unclosed",
        "<b><i>x</b></i>",
        "</div>",
        "<p><div>block in p</div></p>",
        "<a href=\"#a\"><a href=\"#b\">x</a></a>",
        "<li>no list</li>",
        "<p id=x>a</p><p id=x>b</p>",
        "<p class=\"a\" class=\"b\">dup attr</p>",
        "<br></br>",
        "<span/>",
        "<p a=\"x\"b>junk</p>",
    ] {
        assert!(
            strict_parse(&doc(broken), false).is_err(),
            "not caught: {broken}"
        );
    }
    assert!(
        strict_parse("<html><body></body></html>", false).is_err(),
        "missing doctype"
    );
}

#[test]
fn the_checker_catches_active_content() {
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x>",
        "<p onclick=\"x()\">a</p>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<a href=\"data:text/html,x\">a</a>",
        "<p style=\"color:red\">a</p>",
        "<svg></svg>",
        "<iframe></iframe>",
    ] {
        let doc =
            format!("<!DOCTYPE html><html><head><title>t</title></head><body>{bad}</body></html>");
        let nodes = strict_parse(&doc, false).expect("well-formed");
        assert!(!active_content(&nodes).is_empty(), "not caught: {bad}");
    }
}

#[test]
fn structure_is_visible_in_the_markup() {
    let html = preview_html(&example("seed"));
    for needle in [
        "<header>",
        "<h1 class=\"headline\">",
        "<time class=\"dateline\" datetime=\"2025-05-14\">GENEVA (14 May 2025) –</time>",
        "<figure class=\"quote\">",
        "<blockquote",
        "<cite class=\"attribution\">said Mary Lawlor, Special Rapporteur on the situation of human rights defenders.</cite>",
        "href=\"#fn-1\" id=\"fnref-1\"",
        "<p class=\"footnote\" id=\"fn-1\"><a class=\"backref\" href=\"#fnref-1\"",
        "<p class=\"end-mark\">ENDS</p>",
        "<nav class=\"actions\"",
        "href=\"mailto:hrd-sr@un.org\"",
        "\"@type\": \"NewsArticle\"",
        "\"genre\": \"PressRelease\"",
        "Content-Security-Policy",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    // French quotes in the corporate example, with narrow no-break spaces.
    let fr = preview_html(&example("corporate"));
    assert!(
        fr.contains("«\u{202f}</span>Nous avons"),
        "French quote marks"
    );
    assert!(fr.contains("<p class=\"release-line embargo\">SOUS EMBARGO"));
}
