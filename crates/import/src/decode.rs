//! From bytes to text: size limit, encodings, binary junk, line endings, and
//! which source format (text, Markdown, HTML) the text is in.
//!
//! Everything after this module works on a clean `String` with `\n` line ends.

use crate::error::ImportError;
use crate::report::SourceFormat;

/// The largest input accepted, in bytes (10 MB).
pub const MAX_INPUT_BYTES: usize = 10 * 1024 * 1024;

/// Decodes `input` (UTF-8, or UTF-16 with a byte-order mark) into text with `\n` line ends.
pub fn decode(input: &[u8]) -> Result<String, ImportError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let text = if let Some(rest) = input.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest)?
    } else if let Some(rest) = input.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = input.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        utf8(input)?
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || controls * 100 > text.chars().count().max(1) {
        return Err(ImportError::Binary);
    }
    let text = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{c}', '\u{2028}', '\u{2029}'], "\n");
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(ImportError::InvalidUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(c) => out.push(c),
            Err(_) => return Err(ImportError::InvalidUtf8 { offset: i * 2 + 2 }),
        }
    }
    Ok(out)
}

/// Guesses the format of `text`: HTML when it has HTML structure, Markdown when
/// it uses Markdown headings, emphasis or links, plain text otherwise.
pub fn sniff(text: &str) -> SourceFormat {
    let head: String = text
        .chars()
        .take(20_000)
        .collect::<String>()
        .to_ascii_lowercase();
    let trimmed = head.trim_start();
    let html_tags = [
        "<p>", "<p ", "<div", "<br", "<h1", "<h2", "<table", "<span", "<li>", "<article",
    ];
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<body")
        || head.contains("xmlns:o=\"urn:schemas-microsoft-com")
        || html_tags.iter().filter(|t| head.contains(*t)).count() >= 2
    {
        return SourceFormat::Html;
    }
    let md_signals = head.lines().filter(|l| {
        let l = l.trim_start();
        (l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ")) && l.len() > 5
    });
    let links = head.matches("](http").count() + head.matches("](mailto:").count();
    // Bold within one line (`**Media contact:**`), not footnote markers (`experts**`).
    let strong = head
        .lines()
        .filter(|l| l.matches("**").count() >= 2 && !l.trim_start().starts_with("**the"))
        .count();
    if md_signals.count() > 0 || links > 0 || strong >= 1 {
        return SourceFormat::Markdown;
    }
    SourceFormat::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_junk() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert_eq!(decode(&big).unwrap_err().code(), "too_large");
        assert_eq!(decode(b"  \n\t ").unwrap_err().code(), "empty");
        assert_eq!(
            decode(&[0x66, 0xFF, 0x66]).unwrap_err().code(),
            "invalid_utf8"
        );
        assert_eq!(decode(b"ab\0cd").unwrap_err().code(), "binary");
    }

    #[test]
    fn encodings_and_line_ends() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
        let le: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode(&le).unwrap(), "hi");
    }

    #[test]
    fn sniffs_formats() {
        assert_eq!(
            sniff("<html><body><p>x</p></body></html>"),
            SourceFormat::Html
        );
        assert_eq!(sniff("# Title here\n\nBody"), SourceFormat::Markdown);
        assert_eq!(
            sniff("Title\n\nGENEVA (14 May 2025) – x"),
            SourceFormat::Text
        );
        assert_eq!(sniff("### \n"), SourceFormat::Text);
        assert_eq!(
            sniff("UN experts** today\n\n**The experts: A, B."),
            SourceFormat::Text
        );
        assert_eq!(sniff("**Media contact:** Jane"), SourceFormat::Markdown);
    }
}
