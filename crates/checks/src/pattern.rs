//! Regular expressions with ASCII word boundaries.
//!
//! Vale's patterns are Go regular expressions, whose `\b` is an ASCII word
//! boundary; the Rust engine's Unicode `\b` also keeps its fast automata from
//! running on any text with a curly quote or an accent, which made linting a
//! long release several times slower. Every pattern here goes through
//! [`compile`], which writes `\b` and `\B` (outside character classes) as
//! `(?-u:\b)` and `(?-u:\B)`.

use regex::Regex;

/// `pattern` with ASCII word boundaries.
pub fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if class_depth == 0 => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Compiles `pattern` with ASCII word boundaries.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&ascii_boundaries(pattern))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_become_ascii_outside_classes() {
        assert_eq!(
            ascii_boundaries(r"\bfoo\B[\b]\\b"),
            r"(?-u:\b)foo(?-u:\B)[\b]\\b"
        );
        let re = compile(r"(?i)\bcafe\b").expect("compiles");
        assert!(re.is_match("“Cafe” au lait"));
    }
}
