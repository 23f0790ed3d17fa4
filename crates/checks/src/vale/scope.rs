//! Vale scopes as release fields.
//!
//! | Vale scope | fields |
//! | --- | --- |
//! | `text`, `raw` (default) | every text field |
//! | `heading` | headline, subheadline, body headings, boilerplate titles |
//! | `heading.h1`, `title` | headline |
//! | `heading.h2` | subheadline and body headings |
//! | `heading.h3` … `heading.h6` | body headings |
//! | `paragraph` | body paragraphs, boilerplate paragraphs, footnote text |
//! | `sentence` | every text field, one sentence at a time |
//! | `list` | list items |
//! | `blockquote` | the words of quotes |
//! | `summary` | the subheadline and the lead paragraph |
//!
//! `~scope` excludes; several scopes add up. Other scopes (`code`, `table`,
//! `alt`, `comment`, …) have no field in a release.

use crate::fields::{Field, FieldKind};

/// The fields a set of Vale scopes covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    include: Vec<Part>,
    exclude: Vec<Part>,
    /// Whether the rule sees sentences rather than whole fields.
    pub sentences: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Kind(FieldKind),
    Lead,
}

fn parts(scope: &str) -> Option<Vec<Part>> {
    use FieldKind::*;
    let k = |ks: &[FieldKind]| Some(ks.iter().map(|k| Part::Kind(*k)).collect());
    match scope {
        "text" | "raw" | "sentence" => k(&[
            Headline,
            Subheadline,
            Paragraph,
            Heading,
            ListItem,
            QuoteText,
            FootnoteText,
            BoilerplateTitle,
            BoilerplateParagraph,
        ]),
        "heading" => k(&[Headline, Subheadline, Heading, BoilerplateTitle]),
        "heading.h1" | "title" => k(&[Headline]),
        "heading.h2" => k(&[Subheadline, Heading]),
        "heading.h3" | "heading.h4" | "heading.h5" | "heading.h6" => k(&[Heading]),
        "paragraph" => k(&[Paragraph, BoilerplateParagraph, FootnoteText]),
        "list" => k(&[ListItem]),
        "blockquote" => k(&[QuoteText]),
        "summary" => Some(vec![Part::Kind(Subheadline), Part::Lead]),
        _ => None,
    }
}

impl Scope {
    /// The scope of a rule's `scope` values; `Err` names the scopes no field has.
    pub fn parse(scopes: &[String]) -> Result<Scope, String> {
        let mut s = Scope {
            include: Vec::new(),
            exclude: Vec::new(),
            sentences: false,
        };
        let mut unknown = Vec::new();
        let list: Vec<&str> = if scopes.is_empty() {
            vec!["text"]
        } else {
            scopes.iter().map(|s| s.trim()).collect()
        };
        for raw in list {
            let (neg, name) = match raw.strip_prefix('~') {
                Some(n) => (true, n),
                None => (false, raw),
            };
            match parts(name) {
                Some(p) if neg => s.exclude.extend(p),
                Some(p) => {
                    s.sentences |= name == "sentence";
                    s.include.extend(p);
                }
                None if neg => {}
                None => unknown.push(name.to_string()),
            }
        }
        if s.include.is_empty() && !s.exclude.is_empty() {
            s.include = parts("text").unwrap_or_default();
        }
        if s.include.is_empty() {
            return Err(format!(
                "scope {} has no field in a release",
                unknown.join(", ")
            ));
        }
        Ok(s)
    }

    /// Whether the scope covers `field`; `lead` says whether it is the lead paragraph.
    pub fn covers(&self, field: &Field, lead: bool) -> bool {
        let hit = |parts: &[Part]| {
            parts.iter().any(|p| match p {
                Part::Kind(k) => *k == field.kind,
                Part::Lead => lead,
            })
        };
        hit(&self.include) && !hit(&self.exclude)
    }
}
