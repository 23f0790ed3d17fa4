//! The plain-text export: the core's wire-ready renderer, with control
//! characters (terminal escape sequences, NULs) dropped so that printing an
//! export can never drive the terminal or the wire system that receives it.

use dateline_core::markdown::to_plain;
use dateline_core::text::{headline, release_line};
use dateline_core::{render_text, Release};

/// The plain-text export of `r` (byte-identical to the core renderer for any
/// release without control characters, such as the seed).
pub fn render_plain(r: &Release) -> String {
    let text = render_text(r);
    if !text.chars().any(is_unwanted) {
        return text;
    }
    text.chars().filter(|c| !is_unwanted(*c)).collect()
}

fn is_unwanted(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The plain text without its head (release line, headline, subheadline): the
/// text body of a ninjs item, whose headlines travel separately.
pub fn body_text(r: &Release) -> String {
    let text = render_plain(r);
    let style = r.style.style();
    let mut head: Vec<String> = Vec::new();
    head.extend(release_line(&r.release_line, &r.meta.language));
    head.push(headline(r, &style));
    if let Some(sub) = r.subheadline.as_deref().filter(|s| !s.trim().is_empty()) {
        head.push(to_plain(sub));
    }
    let prefix = format!("{}\n\n", head.join("\n\n"));
    match text.strip_prefix(&prefix) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}
