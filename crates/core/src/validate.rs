//! Validation: the rules a release must satisfy to be loaded, saved or rendered.
//!
//! Every broken rule is reported with the path of the field and a sentence a
//! writer can act on; nothing here panics on any input.

use std::collections::HashSet;

use serde::Serialize;
use ts_rs::TS;

use crate::model::{ActionItem, Block, Release, ReleaseLine};

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Problem {
    /// Where: `headline`, `body[3].speaker`, `actions.items[0].url`.
    pub path: String,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Limits that keep a release a release (a 10 MB paste is refused, not stored).
pub const MAX_FIELD_CHARS: usize = 200_000;
/// At most this many body blocks.
pub const MAX_BLOCKS: usize = 5_000;

/// Checks `release` and returns every problem found (empty when valid).
pub fn problems(release: &Release) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut bad = |path: String, message: String| out.push(Problem { path, message });

    if !is_bcp47(&release.meta.language) {
        bad(
            "meta.language".into(),
            format!(
                "“{}” is not a BCP 47 language tag (for example en, fr-CH, es)",
                release.meta.language
            ),
        );
    }
    if release.headline.trim().is_empty() {
        bad("headline".into(), "the headline is empty".into());
    }
    check_len(&mut bad, "headline", &release.headline);
    if let ReleaseLine::Embargoed { zone, .. } = &release.release_line {
        if zone.parse::<chrono_tz::Tz>().is_err() {
            bad(
                "releaseLine.zone".into(),
                format!("“{zone}” is not a known time zone (for example Europe/Zurich, UTC)"),
            );
        }
    }
    if let Some(d) = &release.dateline {
        if d.style != crate::dateline::DatelineStyle::None
            && d.places.iter().all(|p| p.city.trim().is_empty())
        {
            bad(
                "dateline.places".into(),
                "the dateline has no place; add a city or choose “No dateline”".into(),
            );
        }
    }

    let mut ids = HashSet::new();
    for (i, p) in release.people.iter().enumerate() {
        if p.id.trim().is_empty() {
            bad(format!("people[{i}].id"), "a person has an empty id".into());
        } else if !ids.insert(p.id.as_str()) {
            bad(
                format!("people[{i}].id"),
                format!("two people share the id “{}”", p.id),
            );
        }
        if p.name.trim().is_empty() {
            bad(format!("people[{i}].name"), "a person has no name".into());
        }
    }

    if release.body.len() > MAX_BLOCKS {
        bad(
            "body".into(),
            format!(
                "the body has {} blocks; at most {MAX_BLOCKS} are allowed",
                release.body.len()
            ),
        );
    }
    for (i, block) in release.body.iter().enumerate() {
        match block {
            Block::Paragraph { text } | Block::Heading { text } => {
                check_len(&mut bad, &format!("body[{i}].text"), text)
            }
            Block::List { items } => {
                if items.is_empty() {
                    bad(format!("body[{i}].items"), "a list has no items".into());
                }
                for (j, it) in items.iter().enumerate() {
                    check_len(&mut bad, &format!("body[{i}].items[{j}]"), it);
                }
            }
            Block::Quote(q) => {
                if !ids.contains(q.speaker.as_str()) {
                    bad(
                        format!("body[{i}].speaker"),
                        format!(
                            "the quote’s speaker “{}” is not one of the release’s people",
                            q.speaker
                        ),
                    );
                }
                if q.paragraphs.is_empty() {
                    bad(
                        format!("body[{i}].paragraphs"),
                        "a quote has no paragraphs".into(),
                    );
                }
                for (j, para) in q.paragraphs.iter().enumerate() {
                    if para.segments.is_empty()
                        || para.segments.iter().all(|s| s.text.trim().is_empty())
                    {
                        bad(
                            format!("body[{i}].paragraphs[{j}]"),
                            "a quote paragraph has no words".into(),
                        );
                    }
                    for (k, s) in para.segments.iter().enumerate() {
                        check_len(
                            &mut bad,
                            &format!("body[{i}].paragraphs[{j}].segments[{k}]"),
                            &s.text,
                        );
                    }
                }
            }
        }
    }

    let mut markers = HashSet::new();
    for (i, f) in release.footnotes.iter().enumerate() {
        if f.marker.trim().is_empty() {
            bad(
                format!("footnotes[{i}].marker"),
                "a footnote has no marker".into(),
            );
        } else if !markers.insert(f.marker.as_str()) {
            bad(
                format!("footnotes[{i}].marker"),
                format!("two footnotes use the marker “{}”", f.marker),
            );
        }
        for id in &f.people {
            if !ids.contains(id.as_str()) {
                bad(
                    format!("footnotes[{i}].people"),
                    format!("the footnote names “{id}”, who is not one of the release’s people"),
                );
            }
        }
        if f.people.is_empty() && f.text.trim().is_empty() {
            bad(
                format!("footnotes[{i}]"),
                "a footnote has neither people nor text".into(),
            );
        }
    }

    for (i, c) in release.contacts.iter().enumerate() {
        if c.name.trim().is_empty() && c.email.is_none() && c.phone.is_none() {
            bad(
                format!("contacts[{i}]"),
                "a contact has no name, email or phone".into(),
            );
        }
        if let Some(e) = c.email.as_deref().filter(|e| !e.trim().is_empty()) {
            if !is_email(e.trim()) {
                bad(
                    format!("contacts[{i}].email"),
                    format!("“{e}” is not an email address"),
                );
            }
        }
    }

    for (i, item) in release.actions.items.iter().enumerate() {
        if let ActionItem::Link { label, url } = item {
            if label.trim().is_empty() {
                bad(
                    format!("actions.items[{i}].label"),
                    "a link has no label".into(),
                );
            }
            if let Err(why) = check_url(url) {
                bad(format!("actions.items[{i}].url"), why);
            }
        }
    }
    out
}

fn check_len(bad: &mut impl FnMut(String, String), path: &str, text: &str) {
    let n = text.chars().count();
    if n > MAX_FIELD_CHARS {
        bad(
            path.to_string(),
            format!("the text is {n} characters long; a field holds at most {MAX_FIELD_CHARS}"),
        );
    }
}

/// Accepts only `http`, `https` and `mailto` URLs that parse.
pub fn check_url(url: &str) -> Result<(), String> {
    match url::Url::parse(url.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(()),
        Ok(u) if u.scheme() == "mailto" && is_email(u.path()) => Ok(()),
        Ok(u) => Err(format!(
            "“{url}” uses “{}:”; links must be http, https or mailto",
            u.scheme()
        )),
        Err(e) => Err(format!("“{url}” is not a valid URL ({e})")),
    }
}

fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(user), Some(host), None) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        }
        _ => false,
    }
}

/// A light BCP 47 check: `language[-script][-region][-variant…]`, ASCII alphanumerics.
pub fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(lang) = parts.next() else {
        return false;
    };
    if !(2..=8).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}
