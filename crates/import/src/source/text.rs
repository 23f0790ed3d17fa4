//! Plain text: blocks are separated by blank lines. A block whose lines are all
//! short is one hard-wrapped paragraph (e-mail style); a block of long lines is
//! one paragraph per line (text copied from a web page).

use super::{BlockKind, Source, SrcBlock};

/// Longest line (in characters) still taken as part of a hard-wrapped paragraph.
const WRAP_WIDTH: usize = 100;

/// Reads plain text (front matter first, when the file has some).
pub fn read(text: &str) -> Source {
    if let Some((blocks, dropped, rest)) = super::front_matter(text) {
        let mut src = read_text(&rest);
        src.blocks.splice(0..0, blocks);
        src.dropped.splice(0..0, dropped);
        return src;
    }
    read_text(text)
}

fn read_text(text: &str) -> Source {
    let mut blocks = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut start = 1;
    for (n, line) in text.split('\n').enumerate() {
        if super::trim_line(line).is_empty() {
            flush(&mut blocks, &mut lines, start);
        } else {
            if lines.is_empty() {
                start = n + 1;
            }
            lines.push(line.trim_end().to_string());
        }
    }
    flush(&mut blocks, &mut lines, start);
    Source {
        blocks,
        ..Source::default()
    }
}

fn flush(blocks: &mut Vec<SrcBlock>, lines: &mut Vec<String>, start: usize) {
    if lines.is_empty() {
        return;
    }
    let taken = std::mem::take(lines);
    // `Lugar: …` / `Horario: …` / `Contact: …`: lines each opened by a label
    // are lines of their own, not one paragraph hard-wrapped.
    let labelled = taken.len() > 1 && taken.iter().all(|l| label_line(l));
    let wrapped =
        taken.len() > 1 && !labelled && taken.iter().all(|l| l.chars().count() <= WRAP_WIDTH);
    // A page copied with no blank lines between its paragraphs (several of
    // them longer than a wrapped line): every line a block of its own.
    let long = taken
        .iter()
        .filter(|l| l.chars().count() > WRAP_WIDTH)
        .count();
    if !wrapped && taken.len() >= 6 && long >= 2 {
        for (k, line) in taken.into_iter().enumerate() {
            blocks.push(SrcBlock::new(BlockKind::Para, vec![line], false).at_line(Some(start + k)));
        }
        return;
    }
    if !wrapped {
        blocks.push(SrcBlock::new(BlockKind::Para, taken, wrapped).at_line(Some(start)));
        return;
    }
    let mut from = 0;
    for to in paragraph_ends(&taken) {
        let part = taken.get(from..to).unwrap_or(&[]).to_vec();
        let wrapped = part.len() > 1;
        blocks.push(SrcBlock::new(BlockKind::Para, part, wrapped).at_line(Some(start + from)));
        from = to;
    }
}

/// `Horario: de 11:30 a 13:30 h`: a line opened by a label of one to three
/// words and a colon.
fn label_line(l: &str) -> bool {
    let Some((label, value)) = l.split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=3).contains(&words)
        && label.starts_with(char::is_uppercase)
        && !label.contains(['.', ',', '"', '“'])
        && !value.trim().is_empty()
}

/// Where the paragraphs of a hard-wrapped block with no blank lines between
/// them end (the last end is the block's length). A paragraph ends after a
/// line closing a sentence when the next line's first word would have fitted
/// on it: wrapping never leaves that room inside a paragraph. A line in
/// capitals (a sub-heading) stands alone. Short blocks are one paragraph.
fn paragraph_ends(lines: &[String]) -> Vec<usize> {
    // The wrapping width, past a stray long line (one in ten is let go).
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    let width = lengths.get(lines.len() / 10).copied().unwrap_or(0);
    if lines.len() < 6 || width < 40 {
        return vec![lines.len()];
    }
    let caps = |l: &str| {
        l.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !l.chars().any(char::is_lowercase)
            && l.split_whitespace().count() >= 2
    };
    let mut ends = Vec::new();
    for (i, pair) in lines.windows(2).enumerate() {
        let (line, next) = (pair[0].trim(), pair[1].trim());
        let first = next.split_whitespace().next().unwrap_or("");
        let room = line.chars().count() + 1 + first.chars().count() <= width;
        let sentence = line.ends_with(['.', '!', '?', '"', '”', '»'])
            && next.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '«'));
        if (room && sentence) || caps(line) != caps(next) {
            ends.push(i + 1);
        }
    }
    ends.push(lines.len());
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_and_unwrapped_blocks() {
        let s = read("Title\n\nline one of a\nwrapped paragraph\n\n\nx\n");
        assert_eq!(s.blocks.len(), 3);
        assert!(s.blocks[1].wrapped);
        assert_eq!(s.blocks[1].first_line, Some(3));
        assert_eq!(s.blocks[2].first_line, Some(7));
        assert_eq!(s.blocks[1].joined(), "line one of a wrapped paragraph");
        assert_eq!(
            read("a well-\nknown fact -\nyes").blocks[0].joined(),
            "a well-known fact - yes"
        );
        let fm = read("+++\ncity = \"Valdemora\"\ndate = \"2026-03-16T15:31:26+01:00\"\ndraft = false\ntitle = \"Prices climb past the mark\"\n+++\nPrices rose in February.\n");
        let got: Vec<(String, Option<usize>)> = fm
            .blocks
            .iter()
            .map(|b| (b.joined(), b.first_line))
            .collect();
        assert_eq!(
            got,
            [
                ("Prices climb past the mark".to_string(), Some(5)),
                ("Valdemora, 2026-03-16".to_string(), Some(3)),
                ("Prices rose in February.".to_string(), Some(7)),
            ]
        );
        assert_eq!(fm.blocks[0].kind, BlockKind::Heading(1));
        assert!(fm.dropped.iter().any(|d| d.0 == "draft: false"));
        let yaml = read("---\ntitle: Acme opens a plant\n---\nBody.");
        assert_eq!(yaml.blocks[0].joined(), "Acme opens a plant");
        // A rule at the top with no keys under it is not front matter.
        assert_eq!(
            read("---\nJust text\n---\n").blocks[0].lines,
            ["---", "Just text", "---"]
        );
        let long = "a ".repeat(80);
        let s = read(&format!("{long}\n{long}"));
        assert!(!s.blocks[0].wrapped);
    }
}
