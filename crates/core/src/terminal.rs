//! Text bound for a terminal, made inert.
//!
//! A headline, a revision message or a diff may hold control characters (from
//! an old database, a pasted file, an argument): printed raw, ESC and BEL
//! sequences would recolour, retitle or rewrite the user's terminal. Every
//! command that prints stored or user-supplied text passes it through
//! [`escape`] first.

use std::borrow::Cow;

/// `text` with every control character other than tab and newline (C0, DEL
/// and C1, U+0080–U+009F) written out visibly as `\x1b` or `\u{9b}`; borrowed
/// unchanged when there is none, which is nearly always.
pub fn escape(text: &str) -> Cow<'_, str> {
    let inert = |c: char| !c.is_control() || c == '\t' || c == '\n';
    if text.chars().all(inert) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if inert(c) {
            out.push(c);
        } else if c.is_ascii() {
            out.push_str(&format!("\\x{:02x}", u32::from(c)));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bells_come_out_visible() {
        assert_eq!(escape("\x1b[31mred\x07"), "\\x1b[31mred\\x07");
        assert_eq!(escape("nul\0 del\x7f cr\r"), "nul\\x00 del\\x7f cr\\x0d");
        assert_eq!(escape("csi\u{9b}2J"), "csi\\u{9b}2J");
    }

    #[test]
    fn ordinary_text_tabs_and_newlines_are_borrowed_unchanged() {
        let text = "GENEVA (14 May 2025) –\tUN “expert”\nsecond line";
        assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
    }
}
