//! Vale's `metric` formulas and `readability` grades, computed per field.

use crate::fields::{words, Field, FieldKind};

/// Counts of a text that formulas refer to.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Stats {
    pub words: f64,
    pub sentences: f64,
    pub characters: f64,
    pub syllables: f64,
    pub complex_words: f64,
    pub long_words: f64,
    pub polysyllabic_words: f64,
}

/// English syllables, by vowel groups (a silent final e does not count).
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| "aeiouyàâäéèêëîïôöùûüáíóú".contains(c);
    let mut n = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    if n > 1 && w.ends_with(&['e']) && !w.ends_with(&['l', 'e']) {
        n -= 1;
    }
    n.max(1)
}

/// The counts of `text`.
pub fn stats(text: &str) -> Stats {
    let mut s = Stats::default();
    for (_, w) in words(text) {
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        s.words += 1.0;
        let letters = w.chars().filter(|c| c.is_alphanumeric()).count();
        s.characters += letters as f64;
        let syl = syllables(w);
        s.syllables += syl as f64;
        if syl >= 3 {
            s.complex_words += 1.0;
            s.polysyllabic_words += 1.0;
        }
        if letters > 6 {
            s.long_words += 1.0;
        }
    }
    s.sentences = sentence_ranges(text).len().max(1) as f64;
    s
}

/// Byte ranges of the sentences of `text`: ends at . ! ? followed by a space
/// and a capital, a quote mark, or the end.
pub fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let end = i + c.len_utf8();
        let rest = &text[end..];
        let rest_trim = rest.trim_start_matches(['”', '"', '’', ')', '»']);
        let closing = rest.len() - rest_trim.len();
        let next_start = rest_trim.trim_start();
        let spaced = next_start.len() < rest_trim.len();
        if rest_trim.is_empty()
            || (spaced
                && next_start
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_uppercase() || "“\"«¿¡".contains(n)))
        {
            let e = end + closing;
            if !text[start..e].trim().is_empty() {
                out.push(start..e);
            }
            start = e + (rest_trim.len() - next_start.len());
            while iter.peek().is_some_and(|(j, _)| *j < start) {
                iter.next();
            }
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

const READABILITY: [&str; 5] = [
    "Flesch-Kincaid",
    "Gunning Fog",
    "Coleman-Liau",
    "SMOG",
    "Automated Readability",
];

/// `Ok` when `name` is a readability metric this engine computes.
pub fn readability_known(name: &str) -> Result<(), String> {
    if READABILITY.contains(&name) {
        Ok(())
    } else {
        Err(format!(
            "unknown readability metric “{name}” (known: {})",
            READABILITY.join(", ")
        ))
    }
}

/// The grade of `s` under a readability metric.
pub fn grade(name: &str, s: &Stats) -> f64 {
    let w = s.words.max(1.0);
    let sn = s.sentences.max(1.0);
    match name {
        "Flesch-Kincaid" => 0.39 * (w / sn) + 11.8 * (s.syllables / w) - 15.59,
        "Gunning Fog" => 0.4 * ((w / sn) + 100.0 * (s.complex_words / w)),
        "Coleman-Liau" => {
            let l = s.characters / w * 100.0;
            let ss = sn / w * 100.0;
            0.0588 * l - 0.296 * ss - 15.8
        }
        "SMOG" => 1.0430 * (s.polysyllabic_words * (30.0 / sn)).sqrt() + 3.1291,
        _ => 4.71 * (s.characters / w) + 0.5 * (w / sn) - 21.43,
    }
}

/// A parsed arithmetic formula over the counts of a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Formula {
    Num(f64),
    Var(String),
    Bin(Box<Formula>, char, Box<Formula>),
    Neg(Box<Formula>),
}

const VARIABLES: &[&str] = &[
    "words",
    "sentences",
    "characters",
    "syllables",
    "complex_words",
    "long_words",
    "polysyllabic_words",
    "paragraphs",
    "blocks",
    "list",
    "blockquote",
    "pre",
    "heading_h1",
    "heading_h2",
    "heading_h3",
    "heading_h4",
    "heading_h5",
    "heading_h6",
];

impl Formula {
    /// Parses `+ - * /`, parentheses, numbers and Vale's variables.
    pub fn parse(src: &str) -> Result<Formula, String> {
        let tokens = tokenize(src)?;
        let mut p = Parser { t: &tokens, i: 0 };
        let f = p.expr()?;
        if p.i != tokens.len() {
            return Err(format!("the formula “{}” has extra text", src.trim()));
        }
        Ok(f)
    }

    /// The value for a field with counts `s`.
    pub fn eval(&self, s: &Stats, field: &Field) -> f64 {
        match self {
            Formula::Num(n) => *n,
            Formula::Neg(f) => -f.eval(s, field),
            Formula::Var(v) => variable(v, s, field),
            Formula::Bin(a, op, b) => {
                let (a, b) = (a.eval(s, field), b.eval(s, field));
                match op {
                    '+' => a + b,
                    '-' => a - b,
                    '*' => a * b,
                    _ => {
                        if b == 0.0 {
                            0.0
                        } else {
                            a / b
                        }
                    }
                }
            }
        }
    }
}

fn variable(v: &str, s: &Stats, field: &Field) -> f64 {
    let is = |k: FieldKind| if field.kind == k { 1.0 } else { 0.0 };
    match v {
        "words" => s.words,
        "sentences" => s.sentences,
        "characters" => s.characters,
        "syllables" => s.syllables,
        "complex_words" => s.complex_words,
        "long_words" => s.long_words,
        "polysyllabic_words" => s.polysyllabic_words,
        "paragraphs" => is(FieldKind::Paragraph) + is(FieldKind::BoilerplateParagraph),
        "blocks" => 1.0,
        "list" => is(FieldKind::ListItem),
        "blockquote" => is(FieldKind::QuoteText),
        "heading_h1" => is(FieldKind::Headline),
        "heading_h2" => is(FieldKind::Subheadline) + is(FieldKind::Heading),
        _ => 0.0,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Id(String),
    Op(char),
}

fn tokenize(src: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() || c == '.' {
            let mut s = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit() || **d == '.') {
                s.push(d);
                chars.next();
            }
            out.push(Tok::Num(
                s.parse().map_err(|_| format!("bad number “{s}”"))?,
            ));
        } else if c.is_alphabetic() || c == '_' {
            let mut s = String::new();
            while let Some(&d) = chars
                .peek()
                .filter(|d| d.is_alphanumeric() || **d == '_' || **d == '.')
            {
                s.push(d);
                chars.next();
            }
            let s = s.replace('.', "_");
            if !VARIABLES.contains(&s.as_str()) {
                return Err(format!("unknown metric variable “{s}”"));
            }
            out.push(Tok::Id(s));
        } else if "+-*/()".contains(c) {
            out.push(Tok::Op(c));
            chars.next();
        } else {
            return Err(format!("unexpected “{c}” in the formula"));
        }
    }
    Ok(out)
}

struct Parser<'t> {
    t: &'t [Tok],
    i: usize,
}

impl Parser<'_> {
    fn peek_op(&self) -> Option<char> {
        match self.t.get(self.i) {
            Some(Tok::Op(c)) => Some(*c),
            _ => None,
        }
    }

    fn expr(&mut self) -> Result<Formula, String> {
        let mut left = self.term()?;
        while let Some(op @ ('+' | '-')) = self.peek_op() {
            self.i += 1;
            left = Formula::Bin(Box::new(left), op, Box::new(self.term()?));
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Formula, String> {
        let mut left = self.factor()?;
        while let Some(op @ ('*' | '/')) = self.peek_op() {
            self.i += 1;
            left = Formula::Bin(Box::new(left), op, Box::new(self.factor()?));
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Formula, String> {
        let tok = self.t.get(self.i).cloned();
        self.i += 1;
        match tok {
            Some(Tok::Num(n)) => Ok(Formula::Num(n)),
            Some(Tok::Id(v)) => Ok(Formula::Var(v)),
            Some(Tok::Op('-')) => Ok(Formula::Neg(Box::new(self.factor()?))),
            Some(Tok::Op('(')) => {
                let e = self.expr()?;
                if self.peek_op() != Some(')') {
                    return Err("a parenthesis is not closed".into());
                }
                self.i += 1;
                Ok(e)
            }
            _ => Err("the formula is incomplete".into()),
        }
    }
}

/// A metric's `condition`: `> 8`, `<= 0.5`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Condition {
    op: &'static str,
    value: f64,
}

impl Condition {
    /// Parses `OP NUMBER`.
    pub fn parse(src: &str) -> Result<Condition, String> {
        let s = src.trim();
        for op in [">=", "<=", "==", "!=", ">", "<"] {
            if let Some(rest) = s.strip_prefix(op) {
                let value = rest
                    .trim()
                    .parse()
                    .map_err(|_| format!("the condition “{s}” needs a number"))?;
                return Ok(Condition { op, value });
            }
        }
        Err(format!("the condition “{s}” needs one of > >= < <= == !="))
    }

    /// Whether `x` meets the condition (and so is reported).
    pub fn holds(&self, x: f64) -> bool {
        match self.op {
            ">=" => x >= self.value,
            "<=" => x <= self.value,
            "==" => (x - self.value).abs() < 1e-9,
            "!=" => (x - self.value).abs() >= 1e-9,
            ">" => x > self.value,
            _ => x < self.value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_and_counts() {
        let f =
            Formula::parse("(0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59")
                .expect("formula");
        let field = Field {
            path: "headline".into(),
            kind: FieldKind::Paragraph,
            text: "",
            block: None,
        };
        let s = stats("The cat sat. The dog ran away quickly.");
        assert_eq!((s.words, s.sentences), (8.0, 2.0));
        let v = f.eval(&s, &field);
        assert!((v - grade("Flesch-Kincaid", &s)).abs() < 1e-9);
        assert!(Formula::parse("words / bananas").is_err());
        assert!(Condition::parse("> 8").expect("cond").holds(9.0));
        assert_eq!(syllables("readability"), 5);
        assert_eq!(sentence_ranges("One. Two? “Three.” four").len(), 3);
    }
}
