//! French and Spanish typography: the no-break spaces of French punctuation
//! and guillemets, and the opening ¿ and ¡ of Spanish.

use super::{Cx, Sink};
use crate::fields::Field;
use crate::finding::{Edit, Fix};

const NBSP: &str = "\u{a0}";
const NNBSP: &str = "\u{202f}";

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    match cx.lang.as_str() {
        "fr" if sink.on("typography.fr-spacing") => cx.fields.iter().for_each(|f| french(f, sink)),
        "es" if sink.on("typography.es-inverted") => {
            cx.fields.iter().for_each(|f| spanish(f, sink))
        }
        _ => {}
    }
}

fn is_nbsp(c: char) -> bool {
    c == '\u{a0}' || c == '\u{202f}'
}

fn french(field: &Field, sink: &mut Sink) {
    let t = field.text;
    for (i, c) in t.char_indices() {
        let before = t[..i].chars().next_back();
        let after = t[i + c.len_utf8()..].chars().next();
        match c {
            ';' | ':' | '?' | '!' => {
                // Only sentence punctuation: followed by a space, the end or a closing mark
                // (not https:, 10:30 or a?b).
                let ends = after.is_none_or(|a| a.is_whitespace() || "»)\"”.,;:?!".contains(a));
                let space = if c == ':' { NBSP } else { NNBSP };
                match before {
                    Some(b) if is_nbsp(b) => {}
                    Some(' ') if ends => {
                        let s = i - 1;
                        sink.at(
                            "typography.fr-spacing",
                            field,
                            s..i + 1,
                            format!("in French, “{c}” takes a no-break space before it, not an ordinary space"),
                            Some(Fix::one("Use a no-break space", Edit::replace(&field.path, t, s..i, space))),
                        );
                    }
                    Some(b) if ends && (b.is_alphanumeric() || "»)”".contains(b)) => {
                        sink.at(
                            "typography.fr-spacing",
                            field,
                            i..i + 1,
                            format!("in French, “{c}” takes a no-break space before it"),
                            Some(Fix::one(
                                "Add a no-break space",
                                Edit::replace(&field.path, t, i..i, space),
                            )),
                        );
                    }
                    _ => {}
                }
            }
            '«' => match after {
                Some(a) if is_nbsp(a) => {}
                Some(' ') => {
                    let e = i + c.len_utf8();
                    sink.at(
                        "typography.fr-spacing",
                        field,
                        i..e + 1,
                        "in French, « is followed by a no-break space",
                        Some(Fix::one(
                            "Use a no-break space",
                            Edit::replace(&field.path, t, e..e + 1, NNBSP),
                        )),
                    );
                }
                Some(_) => {
                    let e = i + c.len_utf8();
                    sink.at(
                        "typography.fr-spacing",
                        field,
                        i..e,
                        "in French, « is followed by a no-break space",
                        Some(Fix::one(
                            "Add a no-break space",
                            Edit::replace(&field.path, t, e..e, NNBSP),
                        )),
                    );
                }
                None => {}
            },
            '»' => match before {
                Some(b) if is_nbsp(b) => {}
                Some(' ') => {
                    sink.at(
                        "typography.fr-spacing",
                        field,
                        i - 1..i + c.len_utf8(),
                        "in French, » is preceded by a no-break space",
                        Some(Fix::one(
                            "Use a no-break space",
                            Edit::replace(&field.path, t, i - 1..i, NNBSP),
                        )),
                    );
                }
                Some(_) => {
                    sink.at(
                        "typography.fr-spacing",
                        field,
                        i..i + c.len_utf8(),
                        "in French, » is preceded by a no-break space",
                        Some(Fix::one(
                            "Add a no-break space",
                            Edit::replace(&field.path, t, i..i, NNBSP),
                        )),
                    );
                }
                None => {}
            },
            _ => {}
        }
    }
}

fn spanish(field: &Field, sink: &mut Sink) {
    let t = field.text;
    // Open ¿ and ¡ not yet closed.
    let mut open_q: Vec<usize> = Vec::new();
    let mut open_e: Vec<usize> = Vec::new();
    for (i, c) in t.char_indices() {
        let (open, opener, closer) = match c {
            '¿' => {
                open_q.push(i);
                continue;
            }
            '¡' => {
                open_e.push(i);
                continue;
            }
            '?' => (&mut open_q, '¿', '?'),
            '!' => (&mut open_e, '¡', '!'),
            _ => continue,
        };
        // `?!` and URLs (`?a=b`) are not sentence ends.
        if t[i + 1..].starts_with(|n: char| n.is_alphanumeric() || n == '=')
            || t[..i].ends_with(['?', '!'])
        {
            continue;
        }
        if open.pop().is_none() {
            sink.at(
                "typography.es-inverted",
                field,
                i..i + 1,
                format!("in Spanish, a sentence ending in “{closer}” opens with “{opener}”"),
                None,
            );
        }
    }
    for (i, c) in open_q
        .iter()
        .map(|i| (*i, '¿'))
        .chain(open_e.iter().map(|i| (*i, '¡')))
    {
        let closer = if c == '¿' { '?' } else { '!' };
        sink.at(
            "typography.es-inverted",
            field,
            i..i + c.len_utf8(),
            format!("“{c}” opens a question or exclamation that never closes with “{closer}”"),
            None,
        );
    }
}
