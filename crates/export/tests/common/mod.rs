//! Shared helpers of the export tests: the example releases, a strict HTML
//! checker (tokenizer + open-element stack) and a safety checker that reads a
//! document the way a browser would and lists anything active or remote.
#![allow(dead_code)]

use std::collections::HashSet;

use dateline_core::Release;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// The example releases: (name, JSON).
pub const EXAMPLES: [(&str, &str); 3] = [
    (
        "seed",
        include_str!("../../../../examples/un-expert-khakimova.json"),
    ),
    (
        "wire",
        include_str!("../../../../examples/wire-harbor-ferries.json"),
    ),
    (
        "corporate",
        include_str!("../../../../examples/corporate-lumen-rapport.json"),
    ),
];

/// An example release by name.
pub fn example(name: &str) -> Release {
    let json = EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, j)| *j)
        .expect("known example");
    dateline_core::from_json(json).expect("example is valid")
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements that may not appear inside an open `<p>` (the parser would close
/// the paragraph implicitly: misnesting in our output).
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "figcaption",
];

/// One element or text event of a parsed document.
#[derive(Debug, Clone)]
pub enum Node {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        parents: Vec<String>,
    },
    Text {
        text: String,
        parents: Vec<String>,
    },
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Parses `html` strictly. Returns the nodes, or every structural error:
/// tokenizer errors, unclosed or misnested elements, stray end tags, blocks in
/// a paragraph, nested links, list items outside lists, duplicate ids.
pub fn strict_parse(html: &str, fragment: bool) -> Result<Vec<Node>, Vec<String>> {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut errors = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut nodes = Vec::new();
    let mut ids = HashSet::new();
    let mut seen_doctype = false;
    let mut seen_element = false;
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::Error(e) => errors.push(format!("tokenizer: {}", e.value)),
            Token::Doctype(d) => {
                if seen_element || seen_doctype {
                    errors.push("doctype not first".into());
                }
                if s(&d.name) != "html" {
                    errors.push(format!("doctype {}", s(&d.name)));
                }
                seen_doctype = true;
            }
            Token::StartTag(t) => {
                let name = s(&t.name);
                if !fragment && !seen_element && name != "html" {
                    errors.push(format!("first element is <{name}>, not <html>"));
                }
                seen_element = true;
                if stack.iter().any(|e| e == "p") && BLOCK.contains(&name.as_str()) {
                    errors.push(format!("<{name}> inside <p>"));
                }
                if name == "a" && stack.iter().any(|e| e == "a") {
                    errors.push("<a> inside <a>".into());
                }
                if name == "li" && !matches!(stack.last().map(String::as_str), Some("ul" | "ol")) {
                    errors.push("<li> outside a list".into());
                }
                let attrs: Vec<(String, String)> = t
                    .attributes
                    .iter()
                    .map(|(k, v)| (s(k), s(&v.value)))
                    .collect();
                for (k, v) in &attrs {
                    if k == "id" && !ids.insert(v.clone()) {
                        errors.push(format!("duplicate id {v}"));
                    }
                }
                nodes.push(Node::Start {
                    name: name.clone(),
                    attrs,
                    parents: stack.clone(),
                });
                if VOID.contains(&name.as_str()) {
                    continue;
                }
                if t.self_closing {
                    errors.push(format!("self-closing non-void <{name}/>"));
                    continue;
                }
                stack.push(name);
            }
            Token::EndTag(t) => {
                let name = s(&t.name);
                if VOID.contains(&name.as_str()) {
                    errors.push(format!("end tag of void </{name}>"));
                    continue;
                }
                match stack.last() {
                    Some(top) if *top == name => {
                        stack.pop();
                    }
                    Some(top) => {
                        errors.push(format!("misnested </{name}> while <{top}> is open"));
                        if let Some(pos) = stack.iter().rposition(|e| *e == name) {
                            stack.truncate(pos);
                        }
                    }
                    None => errors.push(format!("stray </{name}>")),
                }
            }
            Token::String(text) => nodes.push(Node::Text {
                text: s(&text.value),
                parents: stack.clone(),
            }),
            Token::Comment(_) => {}
        }
    }
    if !fragment && !seen_doctype {
        errors.push("no doctype".into());
    }
    for open in stack.iter().rev() {
        errors.push(format!("unclosed <{open}>"));
    }
    if errors.is_empty() {
        Ok(nodes)
    } else {
        Err(errors)
    }
}

/// Elements of the document shell; the body may hold what the sanitizer allows.
const SHELL: &[&str] = &["html", "head", "meta", "title", "style", "script", "body"];

fn safe_href(v: &str) -> bool {
    let v = v.trim().to_ascii_lowercase();
    v.starts_with("https://")
        || v.starts_with("http://")
        || v.starts_with("mailto:")
        || v.starts_with('#')
}

/// Everything active or remote in a parsed document: unknown elements, event
/// handlers, inline styles, URLs outside http/https/mailto/#, scripts other
/// than our JSON-LD data block, meta tags other than ours, CSS that loads or
/// evaluates anything.
pub fn active_content(nodes: &[Node]) -> Vec<String> {
    let mut bad = Vec::new();
    for node in nodes {
        match node {
            Node::Start {
                name,
                attrs,
                parents,
            } => {
                if !SHELL.contains(&name.as_str())
                    && !dateline_export::sanitize::TAGS.contains(&name.as_str())
                {
                    bad.push(format!("element <{name}>"));
                }
                let in_head = parents.iter().any(|p| p == "head");
                if matches!(name.as_str(), "script" | "style" | "meta" | "title") && !in_head {
                    bad.push(format!("<{name}> outside <head>"));
                }
                for (k, v) in attrs {
                    let k = k.to_ascii_lowercase();
                    let ok = match k.as_str() {
                        "class" | "id" | "lang" | "dir" | "title" | "role" | "aria-label"
                        | "datetime" | "rel" | "charset" | "name" => true,
                        "href" => name == "a" && safe_href(v),
                        "type" => name == "script" && v == "application/ld+json",
                        "http-equiv" => v.eq_ignore_ascii_case("Content-Security-Policy"),
                        "content" => name == "meta",
                        _ => false,
                    };
                    if !ok {
                        bad.push(format!("<{name} {k}=\"{v}\">"));
                    }
                }
                if name == "script"
                    && !attrs
                        .iter()
                        .any(|(k, v)| k == "type" && v == "application/ld+json")
                {
                    bad.push("<script> that is not JSON-LD".into());
                }
                if name == "meta" {
                    let content = attrs
                        .iter()
                        .find(|(k, _)| k == "content")
                        .map(|(_, v)| v.to_ascii_lowercase());
                    if content
                        .as_deref()
                        .is_some_and(|c| c.contains("url") || c.contains("javascript"))
                    {
                        bad.push(format!("<meta content={content:?}>"));
                    }
                }
            }
            Node::Text { text, parents } => match parents.last().map(String::as_str) {
                Some("style") => {
                    let css = text.to_ascii_lowercase();
                    for needle in [
                        "url(",
                        "@import",
                        "expression(",
                        "javascript:",
                        "</",
                        "behavior:",
                        "-moz-binding",
                    ] {
                        if css.contains(needle) {
                            bad.push(format!("CSS contains {needle}"));
                        }
                    }
                }
                Some("script") => {
                    if text.contains("</") || text.contains("<!--") || text.contains('<') {
                        bad.push("JSON-LD contains markup".into());
                    }
                    if serde_json::from_str::<serde_json::Value>(text).is_err() {
                        bad.push("JSON-LD is not JSON".into());
                    }
                }
                _ => {}
            },
        }
    }
    bad
}

/// Parses a document strictly and lists active content; panics with every finding.
pub fn assert_clean_document(html: &str, what: &str) {
    let nodes =
        strict_parse(html, false).unwrap_or_else(|e| panic!("{what}: invalid HTML: {e:#?}"));
    let bad = active_content(&nodes);
    assert!(bad.is_empty(), "{what}: active content: {bad:#?}");
}

/// Same for a fragment (the ninjs HTML body).
pub fn assert_clean_fragment(html: &str, what: &str) {
    let nodes = strict_parse(html, true).unwrap_or_else(|e| panic!("{what}: invalid HTML: {e:#?}"));
    let bad = active_content(&nodes);
    assert!(bad.is_empty(), "{what}: active content: {bad:#?}");
}
