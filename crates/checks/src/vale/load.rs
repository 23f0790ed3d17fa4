//! Reading Vale style folders and compiling their rules.

use std::collections::BTreeMap;
use std::path::Path;

use regex::Regex;
use serde::Deserialize;

use super::metric::Formula;
use super::rule::{Case, Kind, Rule};
use super::scope::Scope;
use super::SkippedRule;
use crate::fields::Field;
use crate::finding::{Finding, Severity};
use crate::CheckError;

/// One value or a list of them (Vale accepts both for `scope`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct Action {
    #[serde(default)]
    name: String,
    #[serde(default)]
    params: Vec<String>,
}

/// A rule file as Vale documents it (keys this engine does not use are ignored).
#[derive(Debug, Deserialize)]
struct RawRule {
    extends: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    scope: Option<OneOrMany>,
    #[serde(default)]
    ignorecase: bool,
    #[serde(default)]
    nonword: bool,
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    raw: Vec<String>,
    #[serde(default)]
    exceptions: Vec<String>,
    #[serde(default)]
    swap: BTreeMap<String, String>,
    #[serde(default)]
    either: BTreeMap<String, String>,
    #[serde(default)]
    max: Option<usize>,
    #[serde(default)]
    min: Option<usize>,
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    alpha: bool,
    #[serde(default)]
    first: Option<String>,
    #[serde(default)]
    second: Option<String>,
    #[serde(default, rename = "match")]
    match_: Option<String>,
    #[serde(default)]
    indicators: Vec<String>,
    #[serde(default)]
    threshold: Option<f64>,
    #[serde(default)]
    formula: Option<String>,
    #[serde(default)]
    condition: Option<String>,
    #[serde(default)]
    metrics: Vec<String>,
    #[serde(default)]
    grade: Option<f64>,
    #[serde(default)]
    action: Option<Action>,
}

/// Vale styles, loaded and compiled; run by [`crate::Linter::with_vale`].
#[derive(Debug, Clone, Default)]
pub struct ValeStyles {
    rules: Vec<Rule>,
    skipped: Vec<SkippedRule>,
}

impl ValeStyles {
    /// Loads `dir`: a style folder (holding `*.yml` rules, named after the
    /// folder), or a StylesPath whose subfolders are styles.
    pub fn load(dir: &Path) -> Result<ValeStyles, CheckError> {
        let io = |e: std::io::Error| CheckError::Io {
            path: dir.display().to_string(),
            message: e.to_string(),
        };
        let mut styles = ValeStyles::default();
        let own = rule_files(dir).map_err(io)?;
        if !own.is_empty() {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| "Vale".into());
            styles.add_files(&name, &own);
        } else {
            let mut subdirs: Vec<_> = std::fs::read_dir(dir)
                .map_err(io)?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            subdirs.sort();
            for sub in subdirs {
                let files = rule_files(&sub).map_err(io)?;
                let name = sub
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                styles.add_files(&name, &files);
            }
        }
        if styles.rules.is_empty() && styles.skipped.is_empty() {
            return Err(CheckError::NoValeRules(dir.display().to_string()));
        }
        Ok(styles)
    }

    fn add_files(&mut self, style: &str, files: &[std::path::PathBuf]) {
        for f in files {
            let name = f
                .file_stem()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            match std::fs::read_to_string(f) {
                Ok(text) => self.add_rule(style, &name, &text),
                Err(e) => self.skip(style, &name, format!("cannot read the file: {e}")),
            }
        }
    }

    /// Adds one rule from its YAML text (`style`/`name` give its id `Style.Name`).
    pub fn add_rule(&mut self, style: &str, name: &str, yaml: &str) {
        // The type first: an unsupported type is skipped for what it is, even
        // when its keys (a sequence's tag tokens) would not read as a portable rule.
        let value: serde_yaml_ng::Value = match serde_yaml_ng::from_str(yaml) {
            Ok(v) => v,
            Err(e) => return self.skip(style, name, format!("not a Vale rule: {e}")),
        };
        if let Some(kind) = value.get("extends").and_then(|v| v.as_str()) {
            if UNSUPPORTED.contains(&kind) {
                return self.skip(style, name, unsupported(kind));
            }
        }
        let raw: RawRule = match serde_yaml_ng::from_value(value) {
            Ok(r) => r,
            Err(e) => return self.skip(style, name, format!("not a Vale rule: {e}")),
        };
        match compile(style, name, raw) {
            Ok(rule) => self.rules.push(rule),
            Err(reason) => self.skip(style, name, reason),
        }
    }

    fn skip(&mut self, style: &str, name: &str, reason: String) {
        self.skipped.push(SkippedRule {
            rule: format!("{style}.{name}"),
            reason,
        });
    }

    /// Ids (`Style.Rule`) of the rules that run.
    pub fn rule_ids(&self) -> Vec<String> {
        self.rules.iter().map(|r| r.id.clone()).collect()
    }

    /// The rules that were not run, and why.
    pub fn skipped(&self) -> &[SkippedRule] {
        &self.skipped
    }

    /// Runs every rule over `fields`.
    pub(crate) fn run(&self, fields: &[Field], out: &mut Vec<Finding>) {
        let lead = fields
            .iter()
            .position(|f| f.kind == crate::fields::FieldKind::Paragraph);
        for rule in &self.rules {
            rule.run(fields, lead, out);
        }
    }
}

/// Rule types this engine does not run.
const UNSUPPORTED: &[&str] = &["spelling", "sequence", "script", "invisible", "lint"];

fn unsupported(kind: &str) -> String {
    format!("the rule type “{kind}” is not supported (portable types only)")
}

fn rule_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    Ok(files)
}

fn regex(pattern: &str, ignorecase: bool) -> Result<Regex, String> {
    let p = if ignorecase {
        format!("(?i){pattern}")
    } else {
        pattern.to_string()
    };
    crate::pattern::compile(&p).map_err(|e| {
        let first = e
            .to_string()
            .lines()
            .last()
            .unwrap_or("")
            .trim()
            .to_string();
        format!("the pattern “{pattern}” is not supported here ({first})")
    })
}

fn word_alternation(tokens: &[String], nonword: bool) -> String {
    let alts = tokens.join("|");
    if nonword {
        format!("(?:{alts})")
    } else {
        format!(r"\b(?:{alts})\b")
    }
}

fn compile(style: &str, name: &str, raw: RawRule) -> Result<Rule, String> {
    let scopes = match raw.scope {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    };
    let scope = Scope::parse(&scopes)?;
    let level = match raw.level.as_deref().unwrap_or("suggestion") {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "suggestion" => Severity::Suggestion,
        other => return Err(format!("unknown level “{other}”")),
    };
    let ic = raw.ignorecase;
    let kind = match raw.extends.as_str() {
        "existence" => {
            let mut alts = Vec::new();
            if !raw.tokens.is_empty() {
                alts.push(word_alternation(&raw.tokens, raw.nonword));
            }
            if !raw.raw.is_empty() {
                alts.push(raw.raw.concat());
            }
            if alts.is_empty() {
                return Err("an existence rule without tokens or raw".into());
            }
            let remove = raw
                .action
                .as_ref()
                .map(|a| (a.name.clone(), a.params.first().cloned()));
            Kind::Existence {
                re: regex(&alts.join("|"), ic)?,
                exceptions: raw.exceptions,
                action: remove,
            }
        }
        "substitution" => {
            if raw.swap.is_empty() {
                return Err("a substitution rule without swap".into());
            }
            let mut swaps = Vec::new();
            for (from, to) in raw.swap {
                let p = if raw.nonword {
                    format!("(?:{from})")
                } else {
                    format!(r"\b(?:{from})\b")
                };
                swaps.push((regex(&p, ic)?, to));
            }
            Kind::Substitution { swaps }
        }
        "occurrence" => {
            let token = raw.token.ok_or("an occurrence rule without token")?;
            if raw.max.is_none() && raw.min.is_none() {
                return Err("an occurrence rule without max or min".into());
            }
            Kind::Occurrence {
                re: regex(&token, ic)?,
                max: raw.max,
                min: raw.min,
            }
        }
        "repetition" => {
            if raw.tokens.is_empty() {
                return Err("a repetition rule without tokens".into());
            }
            Kind::Repetition {
                re: regex(&format!("(?:{})", raw.tokens.join("|")), ic)?,
                alpha: raw.alpha,
                ignorecase: ic,
            }
        }
        "consistency" => {
            if raw.either.is_empty() {
                return Err("a consistency rule without either".into());
            }
            let mut pairs = Vec::new();
            for (a, b) in raw.either {
                let a = regex(&word_alternation(std::slice::from_ref(&a), raw.nonword), ic)?;
                let b = regex(&word_alternation(std::slice::from_ref(&b), raw.nonword), ic)?;
                pairs.push((a, b));
            }
            Kind::Consistency { pairs }
        }
        "conditional" => {
            let first = raw.first.ok_or("a conditional rule without first")?;
            let second = raw.second.ok_or("a conditional rule without second")?;
            Kind::Conditional {
                first: regex(&first, ic)?,
                second: regex(&second, ic)?,
                exceptions: raw.exceptions,
            }
        }
        "capitalization" => {
            let m = raw.match_.ok_or("a capitalization rule without match")?;
            let case = match m.as_str() {
                "$title" => Case::Title,
                "$sentence" => Case::Sentence,
                "$lower" => Case::Lower,
                "$upper" => Case::Upper,
                other => Case::Pattern(regex(&format!("^(?:{other})$"), false)?),
            };
            Kind::Capitalization {
                case,
                exceptions: raw.exceptions,
                indicators: raw.indicators,
                threshold: raw.threshold.unwrap_or(0.8),
            }
        }
        "metric" => {
            let f = raw.formula.ok_or("a metric rule without formula")?;
            let c = raw.condition.ok_or("a metric rule without condition")?;
            Kind::Metric {
                formula: Formula::parse(&f)?,
                condition: super::metric::Condition::parse(&c)?,
            }
        }
        "readability" => {
            if raw.metrics.is_empty() {
                return Err("a readability rule without metrics".into());
            }
            for m in &raw.metrics {
                super::metric::readability_known(m)?;
            }
            Kind::Readability {
                metrics: raw.metrics,
                grade: raw.grade.unwrap_or(8.0),
            }
        }
        kind if UNSUPPORTED.contains(&kind) => return Err(unsupported(kind)),
        other => return Err(format!("unknown rule type “{other}”")),
    };
    Ok(Rule {
        id: format!("{style}.{name}"),
        message: raw.message,
        level,
        scope,
        kind,
    })
}
