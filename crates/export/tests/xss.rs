//! Well-known XSS vectors pushed through every field of a release: no format
//! may come out with anything active (script, handler, dangerous URL, remote
//! load, style) — checked by reading each output the way its consumer would.

mod common;

use common::{assert_clean_document, assert_clean_fragment, example};
use dateline_core::model::*;
use dateline_export::html::{body_fragment, release_body};
use dateline_export::sanitize::sanitize_fragment;
use dateline_export::{preview_html, print_html, render_unchecked, Format, Paper};
use pulldown_cmark::{Event, Options, Parser, Tag};
use serde_json::Value;

const VECTORS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><script>alert(2)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "![x](https://evil.example/pixel.png)",
    "![x](javascript:alert(1))",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<p style=\"width:expression(alert(1))\">x</p>",
    "<style>@import 'https://evil.example/x.css'; body{background:url(https://evil.example/b.png)}</style>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x\">",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"https://evil.example/\">",
    "<form action=\"https://evil.example\"><input name=x><button>go</button></form>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</style><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<p <p onmouseover=alert(1)>broken",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<b><i>misnested</b></i><p><div>",
    "\u{1b}[2J\u{1b}]8;;https://evil.example\u{7}link\u{1b}]8;;\u{7}\u{0}",
    // Entity-encoded and obfuscated schemes (the parser decodes the entities).
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;vascript&#x3A;alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click][r]\n\n[r]: javascript:alert(1)",
    "<a href=\"&#106;avascript:alert(1)\">click</a>",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&amp;lt;script&amp;gt;",
    "[click](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[click](file:///etc/passwd)",
    "[click](//evil.example/x)",
    "[click](/relative/path)",
    // Quotes that would end an attribute, in URLs that are otherwise allowed.
    "[click](https://ok.example/\"onmouseover=\"alert(1))",
    "[click](<https://ok.example/\" onmouseover=\"alert(1)>)",
    "<https://ok.example/'onmouseover='alert(1)>",
    "[x\u{a0}](mailto:a@b.example?subject=\"><script>alert(1)</script>)",
    // Raw HTML blocks, as a Markdown block parser would see them.
    "<div>\n<script>alert(1)</script>\n</div>",
    "<table><tr><td onmouseover=\"alert(1)\">x</td></tr></table>",
    "<details open ontoggle=alert(1)>",
    "<!DOCTYPE html><html><body onload=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
];

/// The seed with `v` in every text field a user can type into.
fn poisoned(v: &str) -> Release {
    let mut r = example("seed");
    r.meta.id = v.into();
    r.meta.organisation = v.into();
    r.meta.language = v.into();
    r.meta.tags = vec![v.into()];
    r.release_line = ReleaseLine::Embargoed {
        until: chrono::NaiveDate::from_ymd_opt(2025, 5, 14)
            .and_then(|d| d.and_hms_opt(0, 1, 0))
            .expect("date"),
        zone: v.into(),
    };
    r.headline = v.into();
    r.subheadline = Some(v.into());
    if let Some(d) = r.dateline.as_mut() {
        d.places = vec![Place {
            city: v.into(),
            region: Some(v.into()),
        }];
    }
    r.body.push(Block::Heading { text: v.into() });
    r.body.push(Block::Paragraph {
        text: format!("before {v} after"),
    });
    r.body.push(Block::List {
        items: vec![v.into(), format!("* {v}")],
    });
    r.body.push(Block::Quote(Quote {
        speaker: "lawlor".into(),
        paragraphs: vec![QuoteParagraph {
            lead_in: Some(Attribution::NameSaidColon),
            segments: vec![QuoteSegment {
                text: v.into(),
                attribution: Some(Attribution::SaidNameTitle),
            }],
        }],
    }));
    r.body.push(Block::Quote(Quote {
        speaker: v.into(),
        paragraphs: vec![QuoteParagraph {
            lead_in: None,
            segments: vec![QuoteSegment {
                text: v.into(),
                attribution: Some(Attribution::RoleSaid),
            }],
        }],
    }));
    r.people.push(Person {
        id: "x".into(),
        name: v.into(),
        surname: Some(v.into()),
        title: v.into(),
        pronoun: v.into(),
        role_noun: Some(v.into()),
    });
    r.people[0].title = v.into();
    r.people[0].role_noun = Some(v.into());
    r.end_mark = EndMark::Custom(v.into());
    r.footnotes.push(Footnote {
        marker: v.into(),
        people: vec!["x".into(), v.into()],
        label: Some(v.into()),
        text: v.into(),
    });
    r.boilerplate.push(Boilerplate {
        title: v.into(),
        paragraphs: vec![v.into()],
    });
    r.contacts.push(Contact {
        name: v.into(),
        role: Some(v.into()),
        organisation: Some(v.into()),
        email: Some(v.into()),
        phone: Some(v.into()),
    });
    r.actions.title = Some(v.into());
    r.actions.items.push(ActionItem::Link {
        label: v.into(),
        url: v.into(),
    });
    r.actions.items.push(ActionItem::Link {
        label: v.into(),
        url: "javascript:alert(1)".into(),
    });
    r.actions.items.push(ActionItem::Line { text: v.into() });
    r
}

/// Markdown read as a Markdown viewer would (raw HTML enabled): no HTML, no
/// image, no link outside http, https and mailto.
fn assert_inert_markdown(md: &str, what: &str) {
    for ev in Parser::new_ext(md, Options::all()) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => panic!("{what}: raw HTML {h:?}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("{what}: image {dest_url}"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let u = dest_url.to_ascii_lowercase();
                assert!(
                    u.starts_with("https://")
                        || u.starts_with("http://")
                        || u.starts_with("mailto:"),
                    "{what}: link {dest_url}"
                );
            }
            _ => {}
        }
    }
}

/// JSON that is data only: parses, and has no `<` `>` `&` that a page could read as markup.
fn assert_inert_json(json: &str, what: &str) -> Value {
    for c in ['<', '>', '&'] {
        assert!(!json.contains(c), "{what}: raw {c:?}");
    }
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"))
}

#[test]
fn no_vector_survives_in_any_format() {
    for v in VECTORS {
        let r = poisoned(v);
        let what = |f: &str| format!("{f} of {v:?}");
        assert_clean_document(&preview_html(&r), &what("html"));
        assert_clean_document(&print_html(&r, Paper::A4), &what("print"));
        for f in Format::ALL {
            let out = render_unchecked(&r, f).unwrap_or_else(|e| panic!("{}: {e}", what(f.name())));
            match f {
                Format::Html | Format::Print => assert_clean_document(&out, &what(f.name())),
                Format::Markdown => assert_inert_markdown(&out, &what("markdown")),
                Format::Text => assert!(
                    !out.chars()
                        .any(|c| c.is_control() && c != '\n' && c != '\t'),
                    "{}: control characters",
                    what("text")
                ),
                Format::Json | Format::JsonLd => {
                    assert_inert_json(&out, &what(f.name()));
                }
                Format::Ninjs => {
                    let doc = assert_inert_json(&out, &what("ninjs"));
                    let bodies = doc["bodies"].as_array().cloned().unwrap_or_default();
                    let html = bodies
                        .iter()
                        .find(|b| b["contentType"] == "text/html")
                        .and_then(|b| b["value"].as_str())
                        .unwrap_or_else(|| panic!("{}: no HTML body", what("ninjs")));
                    assert_clean_fragment(html, &what("ninjs body"));
                }
            }
        }
    }
}

/// An element's name and its attributes, in order.
type ParsedTag = (String, Vec<(String, String)>);

/// The tags of escaped markup with their attributes, read without an HTML
/// parser: every `<` opens a tag (text and attribute values escape it), every
/// value is in double quotes (values escape them). `None` for a tag that does
/// not have that shape.
fn tags(html: &str) -> Vec<Option<ParsedTag>> {
    html.split('<')
        .skip(1)
        .map(|t| {
            let t = t.split('>').next()?;
            let (name, mut rest) = t.split_once(' ').unwrap_or((t, ""));
            let mut attrs = Vec::new();
            while !rest.is_empty() {
                let (k, v) = rest.split_once("=\"")?;
                let (v, after) = v.split_once('"')?;
                attrs.push((k.to_string(), v.to_string()));
                rest = after.strip_prefix(' ').unwrap_or(after);
                if !after.is_empty() && !after.starts_with(' ') {
                    return None;
                }
            }
            Some((name.trim_start_matches('/').to_string(), attrs))
        })
        .collect()
}

/// The release markup is safe as written: it is already exactly what the
/// sanitizer's allow-list gives back (nothing for it to remove or rewrite),
/// for every vector in every field and for every example; and read tag by
/// tag, it holds only allowed elements, no event handler, no style and links
/// only to http, https, mailto or the page itself.
#[test]
fn the_markup_is_what_the_sanitizer_would_leave() {
    let mut releases: Vec<(String, Release)> = VECTORS
        .iter()
        .map(|v| (format!("{v:?}"), poisoned(v)))
        .collect();
    for name in ["seed", "corporate", "wire"] {
        releases.push((name.to_string(), example(name)));
    }
    let allowed_attrs = [
        "class",
        "id",
        "lang",
        "title",
        "aria-label",
        "href",
        "rel",
        "datetime",
    ];
    let mut links = 0;
    for (what, r) in &releases {
        for body in [release_body(r), body_fragment(r)] {
            assert_eq!(sanitize_fragment(&body), body, "{what}");
            assert_clean_fragment(&body, what);
            for tag in tags(&body) {
                let (name, attrs) =
                    tag.unwrap_or_else(|| panic!("{what}: a malformed tag in {body}"));
                assert!(
                    dateline_export::sanitize::TAGS.contains(&name.as_str()),
                    "{what}: <{name}>"
                );
                for (k, v) in &attrs {
                    assert!(
                        allowed_attrs.contains(&k.as_str()),
                        "{what}: <{name} {k}=\"{v}\">"
                    );
                    if k == "href" {
                        let v = v.to_ascii_lowercase();
                        assert!(
                            ["http://", "https://", "mailto:", "#"]
                                .iter()
                                .any(|p| v.starts_with(p)),
                            "{what}: href=\"{v}\""
                        );
                        assert!(
                            !v.chars().any(|c| c.is_control() || c == '<'),
                            "{what}: {v:?}"
                        );
                        links += 1;
                    }
                }
                if name == "a" && !attrs.is_empty() {
                    assert_eq!(
                        attrs.last().map(|(k, v)| (k.as_str(), v.as_str())),
                        Some(("rel", "noopener noreferrer")),
                        "{what}"
                    );
                }
            }
        }
    }
    assert!(links > releases.len(), "the releases have links: {links}");
}

#[test]
fn the_words_survive_as_text() {
    // Safety must not eat the writer's words: a pasted tag is shown, not dropped.
    let r = poisoned("<script>alert(1)</script>");
    let html = preview_html(&r);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let md = render_unchecked(&r, Format::Markdown).expect("markdown");
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    let r = poisoned("[click](javascript:alert(1))");
    assert!(preview_html(&r).contains("before click after"));
}

#[test]
fn a_poisoned_release_is_refused_by_the_checked_export() {
    let r = poisoned("<a href=\"javascript:alert(1)\">x</a>");
    let err = dateline_export::render(&r, Format::Html)
        .err()
        .map(|e| e.code());
    assert_eq!(err, Some(dateline_core::ErrorCode::InvalidRelease));
}
