//! An explicit `ammonia` allow-list: no script, event handlers, remote loads
//! or links other than http(s), mailto and in-page fragments.
//!
//! The redline's body passes through it. The release markup of the preview
//! and the exports ([`crate::html`]) does not need to: it is safe as written,
//! in the very form this pass gives back, which the tests check on hostile
//! and random input (the pass would change nothing).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Elements allowed in a document body.
pub const TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "blockquote",
    "br",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "header",
    "hr",
    "i",
    "ins",
    "li",
    "main",
    "mark",
    "nav",
    "ol",
    "p",
    "s",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
];

/// Attributes allowed on every element.
const GENERIC_ATTRS: &[&str] = &["class", "id", "lang", "dir", "title", "role", "aria-label"];

/// Keeps a relative URL only when it is a fragment (`#fn-1`).
fn fragment_only(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    url.starts_with('#')
        .then_some(std::borrow::Cow::Borrowed(url))
}

/// The allow-list, built once: every preview, export and redline goes through it.
fn builder() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let tags: HashSet<&str> = TAGS.iter().copied().collect();
        let generic: HashSet<&str> = GENERIC_ATTRS.iter().copied().collect();
        let mut tag_attrs: HashMap<&str, HashSet<&str>> = HashMap::new();
        tag_attrs.insert("a", ["href"].into_iter().collect());
        tag_attrs.insert("time", ["datetime"].into_iter().collect());
        tag_attrs.insert("td", ["colspan", "rowspan"].into_iter().collect());
        tag_attrs.insert("th", ["colspan", "rowspan", "scope"].into_iter().collect());
        tag_attrs.insert("ol", ["start"].into_iter().collect());
        let mut builder = ammonia::Builder::empty();
        builder
            .tags(tags)
            .generic_attributes(generic)
            .tag_attributes(tag_attrs)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            // Relative URLs are only in-page links (footnotes and back-links).
            .url_relative(ammonia::UrlRelative::Custom(Box::new(fragment_only)))
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true);
        builder
    })
}

/// Sanitizes an HTML fragment (the inside of `<body>`).
pub fn sanitize_fragment(html: &str) -> String {
    builder().clean(html).to_string()
}
