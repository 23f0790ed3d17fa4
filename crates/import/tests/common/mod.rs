//! Helpers shared by the integration tests: the fields the plain-text format
//! carries, and the words of a release.
#![allow(dead_code)]

use dateline_core::{render_text, ActionItem, Release, Status};

/// `r` with everything the plain-text format does not carry reset (see the
/// crate documentation): ids, organisation, status, dates, tags, the house
/// style other than UN/OHCHR, action URLs (items compared by their text), and
/// person ids renumbered in order of appearance.
pub fn carried(r: &Release) -> Release {
    let mut r = r.clone();
    r.meta.id.clear();
    r.meta.organisation.clear();
    r.meta.status = Status::Draft;
    r.meta.created = None;
    r.meta.updated = None;
    r.meta.tags.clear();
    if r.style != dateline_core::style::HouseStyleId::UnOhchr {
        r.style = dateline_core::style::HouseStyleId::Corporate;
    }
    r.actions.items = r
        .actions
        .items
        .iter()
        .map(|i| match i {
            ActionItem::Link { label, .. } => ActionItem::Line {
                text: label.clone(),
            },
            ActionItem::Line { text } => ActionItem::Line { text: text.clone() },
        })
        .collect();
    let ids: Vec<String> = r.people.iter().map(|p| p.id.clone()).collect();
    let new_id = |id: &str| {
        ids.iter()
            .position(|x| x == id)
            .map(|i| format!("p{i}"))
            .unwrap_or_else(|| id.to_string())
    };
    for b in r.body.iter_mut() {
        if let dateline_core::Block::Quote(q) = b {
            q.speaker = new_id(&q.speaker);
        }
    }
    for f in r.footnotes.iter_mut() {
        f.people = f.people.iter().map(|p| new_id(p)).collect();
    }
    for p in r.people.iter_mut() {
        p.id = new_id(&p.id);
    }
    r
}

/// Lower-cased words (letters and digits) of `s`.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Every word the release holds: its strings and its rendered text.
pub fn release_words(r: &Release) -> std::collections::HashSet<String> {
    let mut set: std::collections::HashSet<String> = words(&render_text(r)).into_iter().collect();
    let json = serde_json::to_value(r).unwrap_or_default();
    let mut stack = vec![json];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => set.extend(words(&s)),
            serde_json::Value::Array(a) => stack.extend(a),
            serde_json::Value::Object(o) => stack.extend(o.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    set
}
