//! schema.org `NewsArticle` JSON-LD: the release's metadata for search engines
//! and news aggregators (schema.org has no press-release type, so the genre
//! says `PressRelease`).

use dateline_core::dateline;
use dateline_core::markdown::to_plain;
use dateline_core::Release;
use serde_json::{json, Map, Value};

/// The JSON-LD object of `r`.
pub fn json_ld(r: &Release) -> Value {
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org"));
    o.insert("@type".into(), json!("NewsArticle"));
    o.insert("headline".into(), json!(to_plain(r.headline.trim())));
    if let Some(sub) = r.subheadline.as_deref().filter(|s| !s.trim().is_empty()) {
        o.insert("alternativeHeadline".into(), json!(to_plain(sub)));
    }
    o.insert("genre".into(), json!("PressRelease"));
    o.insert("inLanguage".into(), json!(r.meta.language));
    if let Some(d) = &r.dateline {
        let text = dateline::render(d, &r.meta.language);
        if !text.is_empty() {
            o.insert("dateline".into(), json!(text));
        }
        let places: Vec<Value> = d
            .places
            .iter()
            .filter(|p| !p.city.trim().is_empty())
            .map(|p| {
                let name = match p.region.as_deref().filter(|r| !r.trim().is_empty()) {
                    Some(region) => format!("{}, {}", p.city.trim(), region.trim()),
                    None => p.city.trim().to_string(),
                };
                json!({"@type": "Place", "name": name})
            })
            .collect();
        match places.len() {
            0 => {}
            1 => {
                o.insert(
                    "locationCreated".into(),
                    places.into_iter().next().unwrap_or_default(),
                );
            }
            _ => {
                o.insert("locationCreated".into(), Value::Array(places));
            }
        }
        o.insert(
            "datePublished".into(),
            json!(d.date.format("%Y-%m-%d").to_string()),
        );
    } else if let Some(c) = r.meta.created {
        o.insert("datePublished".into(), json!(c.to_rfc3339()));
    }
    if let Some(u) = r.meta.updated.or(r.meta.created) {
        o.insert("dateModified".into(), json!(u.to_rfc3339()));
    }
    let org = r.meta.organisation.trim();
    if !org.is_empty() {
        let party = json!({"@type": "Organization", "name": org});
        o.insert("author".into(), party.clone());
        o.insert("publisher".into(), party);
    }
    if !r.meta.tags.is_empty() {
        o.insert("keywords".into(), json!(r.meta.tags.join(", ")));
    }
    if !r.meta.id.is_empty() {
        o.insert("identifier".into(), json!(r.meta.id));
    }
    Value::Object(o)
}

/// The JSON-LD as the text of a `<script type="application/ld+json">` element:
/// `<`, `>` and `&` are written as JSON `\u` escapes so no field can close the
/// element or open a comment.
pub fn script_text(r: &Release) -> String {
    let json = serde_json::to_string_pretty(&json_ld(r)).unwrap_or_else(|_| "{}".into());
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c if crate::inline::is_unwanted_char(c) && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}
