//! Small text helpers: turning plain text into the inline Markdown of text
//! fields without changing what it reads, and words for the language guess.

use dateline_core::markdown::to_plain;

/// `plain` as inline Markdown that renders back to exactly `plain`: Markdown
/// punctuation is escaped only when it would otherwise be read as markup, and
/// `<` always (no HTML ever passes through a field).
pub fn md(plain: &str) -> String {
    if !plain.contains('<') && to_plain(plain) == plain {
        return plain.to_string();
    }
    let mut out = String::with_capacity(plain.len() + 8);
    for c in plain.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '!' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Lower-cased words (letters and digits) of `s`.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// Guesses English, French or Spanish from common words; `None` when unclear.
pub fn guess_language(sample: &str) -> Option<&'static str> {
    let (mut en, mut fr, mut es) = (0, 0, 0);
    for w in words(sample).take(3000) {
        match w.as_str() {
            "the" | "and" | "of" | "to" | "is" | "that" | "with" | "said" => en += 1,
            "le" | "les" | "des" | "et" | "est" | "une" | "dans" | "qui" | "pour" | "sur"
            | "du" => fr += 1,
            "el" | "los" | "las" | "y" | "que" | "en" | "una" | "por" | "con" | "del" | "para" => {
                es += 1
            }
            _ => {}
        }
    }
    let best = en.max(fr).max(es);
    if best < 3 {
        None
    } else if best == en {
        Some("en")
    } else if best == fr {
        Some("fr")
    } else {
        Some("es")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_when_needed() {
        assert_eq!(md("A UN expert* today"), "A UN expert* today");
        for s in [
            "a *b* c",
            "x_y_z and _this_",
            "[link](http://x)",
            "<script>alert(1)</script>",
            "AT&amp;T",
            "`code`",
            "1. First",
            "# not",
        ] {
            assert_eq!(to_plain(&md(s)), s, "{s}");
        }
        assert!(!to_plain(&md("<b>x</b>")).is_empty());
    }

    #[test]
    fn languages() {
        assert_eq!(
            guess_language("The expert said that the law is a threat to the press and to"),
            Some("en")
        );
        assert_eq!(
            guess_language("Le rapporteur a déclaré que les droits des femmes et des filles"),
            Some("fr")
        );
        assert_eq!(
            guess_language("El experto dijo que los derechos de las mujeres y las niñas en"),
            Some("es")
        );
    }
}
