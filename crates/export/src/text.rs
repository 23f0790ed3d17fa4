//! The plain-text export: the core's wire-ready renderer, with control
//! characters (terminal escape sequences, NULs) dropped so that printing an
//! export can never drive the terminal or the wire system that receives it.

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
