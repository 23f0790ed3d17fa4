//! Footnote checks: every marker in the story has a footnote and every
//! footnote's marker is in the story.
//!
//! Symbol markers (`*`, `**`, `†`) are found as runs written right after a
//! word (`expert*`); runs that pair up as Markdown emphasis (`*word*`) are not
//! markers. Other markers (`1`, `a`) are looked for as `[1]` or superscripts.

use std::ops::Range;

use super::{Cx, Sink};
use crate::fields::Field;

const SYMBOLS: &[char] = &['*', '†', '‡', '§', '¶', '#'];

/// Symbol-marker runs of `text` that are not emphasis, with their ranges.
fn marker_runs(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut runs: Vec<(Range<usize>, bool, bool)> = Vec::new(); // range, left-flanking, right-flanking
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if !SYMBOLS.contains(&c) {
            prev = Some(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d == c {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let next = text[end..].chars().next();
        let after_word = prev.is_some_and(|p| p.is_alphanumeric() || ".,;:)”’\"".contains(p));
        let before_word = next.is_some_and(|n| n.is_alphanumeric());
        runs.push((i..end, before_word, after_word));
        prev = text[..end].chars().next_back();
    }
    // Pair emphasis: an opening run (before a word, not after one) closes at the
    // next run of the same text that follows a word.
    let mut out = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    for (range, left, right) in &runs {
        let s = &text[range.clone()];
        if *left && !*right {
            open.push(s);
        } else if *right && open.last() == Some(&s) {
            open.pop();
        } else if *right && !*left && !s.starts_with('#') {
            out.push((range.clone(), s));
        } else if *right && !*left && s.starts_with('#') {
            // `#` is a marker only right after a word (`report#`), never a hashtag.
            out.push((range.clone(), s));
        }
    }
    out
}

fn is_symbolic(marker: &str) -> bool {
    !marker.is_empty() && marker.chars().all(|c| SYMBOLS.contains(&c))
}

fn superscript(marker: &str) -> String {
    marker
        .chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            other => other,
        })
        .collect()
}

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    let story: Vec<&Field> = cx.fields.iter().filter(|f| f.kind.in_story()).collect();
    let declared: Vec<&str> = cx.r.footnotes.iter().map(|f| f.marker.trim()).collect();
    // Markers in the story.
    let mut used: Vec<String> = Vec::new();
    for field in &story {
        for (range, run) in marker_runs(field.text) {
            if declared.contains(&run) {
                used.push(run.to_string());
            } else {
                sink.at(
                    "footnotes.orphan-marker",
                    field,
                    range,
                    format!("the marker “{run}” has no footnote"),
                    None,
                );
            }
        }
    }
    for (i, f) in cx.r.footnotes.iter().enumerate() {
        let m = f.marker.trim();
        if m.is_empty() {
            continue;
        }
        let found = if is_symbolic(m) {
            used.iter().any(|u| u == m)
        } else {
            let (bracket, sup) = (format!("[{m}]"), superscript(m));
            story
                .iter()
                .any(|s| s.text.contains(&bracket) || (sup != m && s.text.contains(&sup)))
        };
        if !found {
            sink.whole(
                "footnotes.unmarked",
                format!("footnotes[{i}].marker"),
                format!("the footnote “{m}” is not marked anywhere in the text"),
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::marker_runs;

    #[test]
    fn markers_not_emphasis() {
        let runs: Vec<&str> =
            marker_runs("A UN expert* said *very* clearly, and **bold** words; the others**.")
                .into_iter()
                .map(|(_, s)| s)
                .collect();
        assert_eq!(runs, vec!["*", "**"]);
    }
}
