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
    if !may_hold_control(text) || text.chars().all(inert) {
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

/// False when `text` surely holds no control character other than tab and
/// newline: no byte below 0x20 but those two, no DEL, and no 0xC2, the first
/// byte of every C1 character (U+0080–U+009F) in UTF-8. The bytes are read
/// eight at a time: a long diff is printed at the speed of memory.
fn may_hold_control(text: &str) -> bool {
    use crate::validate::{find_byte, has_byte, has_byte_below};
    find_byte(
        text.as_bytes(),
        |x| has_byte_below(x, 0x20) || has_byte(x, 0x7F) || has_byte(x, 0xC2),
        |b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7F || b == 0xC2,
    )
    .is_some()
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
    fn every_control_character_is_found_wherever_it_stands() {
        let long = "word ".repeat(40);
        for c in (0u32..0x20).chain(0x7F..0xA0).filter_map(char::from_u32) {
            if c == '\t' || c == '\n' {
                continue;
            }
            for at in [0, 63, 64, 130, long.len()] {
                let mut text = long.clone();
                text.insert(at, c);
                assert!(
                    matches!(escape(&text), Cow::Owned(_)),
                    "U+{:04X} at {at}",
                    u32::from(c)
                );
            }
        }
        // Characters whose UTF-8 starts with 0xC2 but are not controls.
        let text = format!("{long}\u{a0}«°»");
        assert!(matches!(escape(&text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn ordinary_text_tabs_and_newlines_are_borrowed_unchanged() {
        let text = "GENEVA (14 May 2025) –\tUN “expert”\nsecond line";
        assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
    }
}
