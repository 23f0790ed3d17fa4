//! Running one compiled Vale rule over the fields of a release.

use std::collections::HashSet;
use std::ops::Range;

use regex::Regex;

use super::metric::{grade, sentence_ranges, stats, Condition, Formula};
use super::scope::Scope;
use crate::fields::{words, Field};
use crate::finding::{Edit, Finding, Fix, Severity, Span};

/// A compiled rule.
#[derive(Debug, Clone)]
pub(super) struct Rule {
    /// `Style.Rule`.
    pub id: String,
    pub message: String,
    pub level: Severity,
    pub scope: Scope,
    pub kind: Kind,
}

/// What `capitalization` expects.
#[derive(Debug, Clone)]
pub(super) enum Case {
    Title,
    Sentence,
    Lower,
    Upper,
    Pattern(Regex),
}

#[derive(Debug, Clone)]
pub(super) enum Kind {
    Existence {
        re: Regex,
        exceptions: Vec<String>,
        /// Vale `action`: name and first parameter.
        action: Option<(String, Option<String>)>,
    },
    Substitution {
        swaps: Vec<(Regex, String)>,
    },
    Occurrence {
        re: Regex,
        max: Option<usize>,
        min: Option<usize>,
    },
    Repetition {
        re: Regex,
        alpha: bool,
        ignorecase: bool,
    },
    Consistency {
        pairs: Vec<(Regex, Regex)>,
    },
    Conditional {
        first: Regex,
        second: Regex,
        exceptions: Vec<String>,
    },
    Capitalization {
        case: Case,
        exceptions: Vec<String>,
        indicators: Vec<String>,
        threshold: f64,
    },
    Metric {
        formula: Formula,
        condition: Condition,
    },
    Readability {
        metrics: Vec<String>,
        grade: f64,
    },
}

/// Vale's printf-style message: each `%s` takes the next argument.
fn format_message(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("%s") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// The text a match stands for: its first group when the pattern has one.
fn key<'t>(c: &regex::Captures<'t>) -> &'t str {
    c.get(1)
        .or_else(|| c.get(0))
        .map(|m| m.as_str())
        .unwrap_or("")
}

impl Rule {
    fn finding(
        &self,
        field: &Field,
        range: Option<Range<usize>>,
        message: String,
        fix: Option<Fix>,
    ) -> Finding {
        Finding {
            check: format!("vale.{}", self.id),
            severity: self.level,
            path: field.path.clone(),
            range: range.map(|r| Span::of(field.text, r)),
            message,
            fix,
        }
    }

    fn msg(&self, default: &str, args: &[&str]) -> String {
        let t = if self.message.trim().is_empty() {
            default
        } else {
            self.message.as_str()
        };
        format_message(t, args)
    }

    pub fn run(&self, fields: &[Field], lead: Option<usize>, out: &mut Vec<Finding>) {
        let scoped: Vec<&Field> = fields
            .iter()
            .enumerate()
            .filter(|(i, f)| self.scope.covers(f, Some(*i) == lead))
            .map(|(_, f)| f)
            .collect();
        match &self.kind {
            Kind::Consistency { pairs } => return self.consistency(&scoped, pairs, out),
            Kind::Conditional {
                first,
                second,
                exceptions,
            } => return self.conditional(&scoped, first, second, exceptions, out),
            _ => {}
        }
        for field in scoped {
            if self.scope.sentences {
                for r in sentence_ranges(field.text) {
                    self.run_unit(field, r, out);
                }
            } else {
                self.run_unit(field, 0..field.text.len(), out);
            }
        }
    }

    /// Runs a per-unit rule on `range` of `field` (the field, or one sentence).
    fn run_unit(&self, field: &Field, unit: Range<usize>, out: &mut Vec<Finding>) {
        let text = &field.text[unit.clone()];
        let at = |r: Range<usize>| unit.start + r.start..unit.start + r.end;
        match &self.kind {
            Kind::Existence {
                re,
                exceptions,
                action,
            } => {
                for m in re.find_iter(text) {
                    if m.as_str().is_empty()
                        || exceptions
                            .iter()
                            .any(|e| e.eq_ignore_ascii_case(m.as_str()))
                    {
                        continue;
                    }
                    let r = at(m.range());
                    let fix = match action.as_ref() {
                        Some((name, _)) if name == "remove" => Some(Fix::one(
                            format!("Remove “{}”", m.as_str()),
                            Edit::replace(&field.path, field.text, r.clone(), ""),
                        )),
                        Some((name, Some(with))) if name == "replace" => Some(Fix::one(
                            format!("Change to {with}"),
                            Edit::replace(&field.path, field.text, r.clone(), with.clone()),
                        )),
                        _ => None,
                    };
                    out.push(self.finding(field, Some(r), self.msg("“%s”", &[m.as_str()]), fix));
                }
            }
            Kind::Substitution { swaps } => {
                let mut taken: Vec<Range<usize>> = Vec::new();
                for (re, to) in swaps {
                    for m in re.find_iter(text) {
                        let r = at(m.range());
                        if m.as_str().is_empty()
                            || taken.iter().any(|t| t.start < r.end && r.start < t.end)
                        {
                            continue;
                        }
                        // An alternation in the replacement offers its first choice.
                        let with = to.split('|').next().unwrap_or(to).trim().to_string();
                        if m.as_str() == with {
                            continue;
                        }
                        taken.push(r.clone());
                        let fix = Fix::one(
                            format!("Change to {with}"),
                            Edit::replace(&field.path, field.text, r.clone(), with.clone()),
                        );
                        out.push(self.finding(
                            field,
                            Some(r),
                            self.msg("Use “%s” instead of “%s”.", &[&with, m.as_str()]),
                            Some(fix),
                        ));
                    }
                }
            }
            Kind::Occurrence { re, max, min } => {
                let n = re.find_iter(text).count();
                let over = max.is_some_and(|m| n > m);
                let under = min.is_some_and(|m| n < m);
                if over || under {
                    let count = n.to_string();
                    out.push(self.finding(
                        field,
                        Some(unit.clone()),
                        self.msg("%s occurrences", &[&count]),
                        None,
                    ));
                }
            }
            Kind::Repetition {
                re,
                alpha,
                ignorecase,
            } => {
                let mut prev: Option<regex::Match> = None;
                for m in re.find_iter(text) {
                    if let Some(p) = prev {
                        let gap = &text[p.end()..m.start()];
                        let same = if *ignorecase {
                            p.as_str().to_lowercase() == m.as_str().to_lowercase()
                        } else {
                            p.as_str() == m.as_str()
                        };
                        let wordy = !*alpha || m.as_str().chars().all(char::is_alphabetic);
                        if same
                            && wordy
                            && !gap.is_empty()
                            && gap.trim().is_empty()
                            && !m.as_str().trim().is_empty()
                        {
                            let r = at(p.start()..m.end());
                            let fix = Fix::one(
                                format!("Remove the second “{}”", m.as_str()),
                                Edit::replace(&field.path, field.text, at(p.end()..m.end()), ""),
                            );
                            out.push(self.finding(
                                field,
                                Some(r),
                                self.msg("“%s” is repeated", &[m.as_str()]),
                                Some(fix),
                            ));
                        }
                    }
                    prev = Some(m);
                }
            }
            Kind::Capitalization {
                case,
                exceptions,
                indicators,
                threshold,
            } => {
                if !capitalized(text, case, exceptions, indicators, *threshold) {
                    let what = match case {
                        Case::Title => "title case",
                        Case::Sentence => "sentence case",
                        Case::Lower => "lower case",
                        Case::Upper => "upper case",
                        Case::Pattern(_) => "the expected capitalization",
                    };
                    out.push(self.finding(
                        field,
                        Some(unit.clone()),
                        self.msg("“%s” should be in %s", &[text.trim(), what]),
                        None,
                    ));
                }
            }
            Kind::Metric { formula, condition } => {
                let s = stats(text);
                if s.words == 0.0 {
                    return;
                }
                let v = formula.eval(&s, field);
                if condition.holds(v) {
                    let shown = format!("{v:.2}");
                    out.push(self.finding(
                        field,
                        None,
                        self.msg("the metric is %s", &[&shown]),
                        None,
                    ));
                }
            }
            Kind::Readability {
                metrics,
                grade: limit,
            } => {
                let s = stats(text);
                if s.words < 10.0 {
                    return;
                }
                let g =
                    metrics.iter().map(|m| grade(m, &s)).sum::<f64>() / metrics.len().max(1) as f64;
                if g > *limit {
                    let shown = format!("{g:.2}");
                    out.push(self.finding(
                        field,
                        None,
                        self.msg("grade level %s is too high", &[&shown]),
                        None,
                    ));
                }
            }
            Kind::Consistency { .. } | Kind::Conditional { .. } => {}
        }
    }

    /// Both spellings of a pair in one release: the later-used one is reported.
    fn consistency(&self, fields: &[&Field], pairs: &[(Regex, Regex)], out: &mut Vec<Finding>) {
        for (a, b) in pairs {
            let first_a = fields
                .iter()
                .enumerate()
                .find_map(|(i, f)| a.find(f.text).map(|m| (i, m.start())));
            let first_b = fields
                .iter()
                .enumerate()
                .find_map(|(i, f)| b.find(f.text).map(|m| (i, m.start())));
            let (Some(fa), Some(fb)) = (first_a, first_b) else {
                continue;
            };
            let odd = if fa <= fb { b } else { a };
            for f in fields {
                for m in odd.find_iter(f.text) {
                    out.push(self.finding(
                        f,
                        Some(m.range()),
                        self.msg("Inconsistent spelling of “%s”.", &[m.as_str()]),
                        None,
                    ));
                }
            }
        }
    }

    /// Every `first` (e.g. an acronym) needs a matching `second` (its definition) somewhere.
    fn conditional(
        &self,
        fields: &[&Field],
        first: &Regex,
        second: &Regex,
        exceptions: &[String],
        out: &mut Vec<Finding>,
    ) {
        let defined: HashSet<&str> = fields
            .iter()
            .flat_map(|f| second.captures_iter(f.text).map(|c| key(&c)))
            .collect();
        for f in fields {
            for c in first.captures_iter(f.text) {
                let k = key(&c);
                if defined.contains(k) || exceptions.iter().any(|e| e == k) {
                    continue;
                }
                let Some(m) = c.get(0) else { continue };
                out.push(self.finding(
                    f,
                    Some(m.range()),
                    self.msg("“%s” has no definition", &[k]),
                    None,
                ));
            }
        }
    }
}

const SMALL: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into",
];

/// Whether `text` is in `case`; title and sentence case pass when at least
/// `threshold` of the words conform (names and acronyms make exact checks useless).
fn capitalized(
    text: &str,
    case: &Case,
    exceptions: &[String],
    indicators: &[String],
    threshold: f64,
) -> bool {
    let t = text.trim();
    match case {
        Case::Lower => return t == t.to_lowercase(),
        Case::Upper => return t == t.to_uppercase(),
        Case::Pattern(re) => return re.is_match(t),
        Case::Title | Case::Sentence => {}
    }
    let ws: Vec<&str> = words(t).map(|(_, w)| w).collect();
    let (mut total, mut ok) = (0.0, 0.0);
    let mut after_indicator = true;
    for (i, w) in ws.iter().enumerate() {
        let first_char = w.chars().next().unwrap_or(' ');
        let exempt = !first_char.is_alphabetic()
            || exceptions.iter().any(|e| e == w)
            || (w.len() > 1
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase));
        let start = std::mem::replace(
            &mut after_indicator,
            indicators.iter().any(|ind| w.ends_with(ind.as_str())),
        );
        if exempt {
            continue;
        }
        total += 1.0;
        let upper = first_char.is_uppercase();
        let good = match case {
            Case::Title => {
                let small = i > 0 && i + 1 < ws.len() && SMALL.contains(&w.to_lowercase().as_str());
                if small {
                    !upper
                } else {
                    upper
                }
            }
            _ => {
                if i == 0 || start {
                    upper
                } else {
                    !upper
                }
            }
        };
        if good {
            ok += 1.0;
        }
    }
    total == 0.0 || ok / total >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_take_arguments_in_order() {
        assert_eq!(
            format_message("Use '%s' instead of '%s'.", &["use", "utilize"]),
            "Use 'use' instead of 'utilize'."
        );
        assert_eq!(format_message("No args", &["x"]), "No args");
    }

    #[test]
    fn capitalization_cases() {
        assert!(capitalized(
            "UN Expert Calls for Release of Journalist",
            &Case::Title,
            &[],
            &[],
            0.8
        ));
        assert!(!capitalized(
            "UN expert calls for release of journalist",
            &Case::Title,
            &[],
            &[],
            0.8
        ));
        assert!(capitalized(
            "UN expert calls for release of journalist",
            &Case::Sentence,
            &[],
            &[],
            0.8
        ));
        assert!(capitalized("shouting", &Case::Lower, &[], &[], 0.8));
    }
}
