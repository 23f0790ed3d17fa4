//! Every field outside the body, as printed, side by side: metadata, release
//! line, headline, dateline, people, end mark, footnotes, boilerplate, contacts
//! and the actions footer.
//!
//! Lists whose items have a natural key (people by id, footnotes by marker,
//! contacts by name, links by URL) are matched by that key, so reordering or
//! inserting one item does not show every later item as changed.

use std::collections::{HashMap, HashSet};

use dateline_core::markdown::to_plain;
use dateline_core::text::{contact_text, footnote_text, release_line};
use dateline_core::{ActionItem, Person, Release};

use crate::model::{CompareOptions, FieldDiff, FieldKey, FieldStatus};
use crate::words::{diff_words, Budget};

/// Builds one field entry, diffing its text when both sides have one.
pub fn field(
    key: FieldKey,
    name: String,
    old: Option<String>,
    new: Option<String>,
    bookkeeping: bool,
    budget: &mut Budget,
    opts: &CompareOptions,
) -> FieldDiff {
    let status = match (&old, &new) {
        (None, None) => FieldStatus::Unchanged,
        (None, Some(_)) => FieldStatus::Added,
        (Some(_), None) => FieldStatus::Removed,
        (Some(o), Some(n)) if o == n => FieldStatus::Unchanged,
        _ => FieldStatus::Changed,
    };
    let diff = match (&old, &new) {
        (Some(o), Some(n)) if o != n => Some(diff_words(o, n, budget, opts)),
        _ => None,
    };
    FieldDiff {
        path: key.path(),
        key,
        name,
        status,
        old,
        new,
        diff,
        bookkeeping,
    }
}

/// A person as one line: "Mary Lawlor, Special Rapporteur … (she; the expert)".
pub fn person_text(p: &Person) -> String {
    let mut s = p.name.trim().to_string();
    if !p.title.trim().is_empty() {
        s.push_str(", ");
        s.push_str(p.title.trim());
    }
    let mut extra = vec![p.pronoun.trim().to_string()];
    if let Some(r) = p.role_noun.as_deref().filter(|r| !r.trim().is_empty()) {
        extra.push(r.trim().to_string());
    }
    if let Some(sn) = p.surname.as_deref().filter(|r| !r.trim().is_empty()) {
        extra.push(format!("surname {}", sn.trim()));
    }
    format!("{s} ({})", extra.join("; "))
}

fn action_text(item: &ActionItem) -> String {
    match item {
        ActionItem::Link { label, url } => format!("{label} <{url}>"),
        ActionItem::Line { text } => to_plain(text),
    }
}

fn action_key(item: &ActionItem) -> String {
    match item {
        ActionItem::Link { url, .. } => format!("link {url}"),
        ActionItem::Line { text } => format!("line {text}"),
    }
}

/// Pairs items of two lists by key, in B's order; items only in A are placed
/// after the B item that follows their A predecessor's partner.
pub fn pair_by_key(a: &[String], b: &[String]) -> Vec<(Option<usize>, Option<usize>)> {
    let dedup = |keys: &[String]| -> Vec<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        keys.iter()
            .map(|k| {
                let n = seen.entry(k.as_str()).or_insert(0);
                *n += 1;
                format!("{k}\u{0}{n}")
            })
            .collect()
    };
    let (ka, kb) = (dedup(a), dedup(b));
    let in_b: HashSet<&str> = kb.iter().map(String::as_str).collect();
    let a_pos: HashMap<&str, usize> = ka
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut used = vec![false; ka.len()];
    let mut out = Vec::with_capacity(ka.len().max(kb.len()));
    let mut next_a = 0usize;
    for (j, k) in kb.iter().enumerate() {
        if let Some(&i) = a_pos.get(k.as_str()) {
            while next_a < i {
                if !used[next_a] && !in_b.contains(ka[next_a].as_str()) {
                    used[next_a] = true;
                    out.push((Some(next_a), None));
                }
                next_a += 1;
            }
            used[i] = true;
            out.push((Some(i), Some(j)));
        } else {
            out.push((None, Some(j)));
        }
    }
    for (i, u) in used.iter().enumerate() {
        if !u {
            out.push((Some(i), None));
        }
    }
    out
}

/// Every field outside the body, in document order.
pub fn fields(
    a: &Release,
    b: &Release,
    budget: &mut Budget,
    opts: &CompareOptions,
) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    let mut f = |key: FieldKey, name: &str, o: Option<String>, n: Option<String>, bk: bool| {
        out.push(field(key, name.into(), o, n, bk, budget, opts));
    };
    let (am, bm) = (&a.meta, &b.meta);
    f(
        FieldKey::Id,
        "id",
        Some(am.id.clone()),
        Some(bm.id.clone()),
        true,
    );
    f(
        FieldKey::Status,
        "status",
        Some(am.status.label().to_lowercase()),
        Some(bm.status.label().to_lowercase()),
        false,
    );
    f(
        FieldKey::Kind,
        "genre",
        Some(am.kind.genre(&am.language).into()),
        Some(bm.kind.genre(&bm.language).into()),
        false,
    );
    f(
        FieldKey::Language,
        "language",
        Some(am.language.to_string()),
        Some(bm.language.to_string()),
        false,
    );
    f(
        FieldKey::Organisation,
        "organisation",
        Some(am.organisation.clone()),
        Some(bm.organisation.clone()),
        false,
    );
    f(
        FieldKey::Tags,
        "tags",
        Some(am.tags.join(", ")),
        Some(bm.tags.join(", ")),
        false,
    );
    let ts = |t: &Option<chrono::DateTime<chrono::Utc>>| t.map(|t| t.to_rfc3339());
    f(
        FieldKey::Created,
        "created",
        ts(&am.created),
        ts(&bm.created),
        true,
    );
    f(
        FieldKey::Updated,
        "updated",
        ts(&am.updated),
        ts(&bm.updated),
        true,
    );
    f(
        FieldKey::Style,
        "house style",
        Some(a.style.style().name.into()),
        Some(b.style.style().name.into()),
        false,
    );
    f(
        FieldKey::ReleaseLine,
        "release line",
        release_line(&a.release_line, &am.language),
        release_line(&b.release_line, &bm.language),
        false,
    );
    f(
        FieldKey::Headline,
        "headline",
        Some(to_plain(a.headline.trim())),
        Some(to_plain(b.headline.trim())),
        false,
    );
    let sub = |r: &Release| {
        r.subheadline
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(to_plain)
    };
    f(FieldKey::Subheadline, "subheadline", sub(a), sub(b), false);
    let dl = |r: &Release| {
        r.dateline
            .as_ref()
            .map(|d| dateline_core::dateline::render(d, &r.meta.language))
    };
    f(FieldKey::Dateline, "dateline", dl(a), dl(b), false);

    let ids = |r: &Release| r.people.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    for (i, j) in pair_by_key(&ids(a), &ids(b)) {
        let pa = i.and_then(|i| a.people.get(i));
        let pb = j.and_then(|j| b.people.get(j));
        let id = pb.or(pa).map(|p| p.id.clone()).unwrap_or_default();
        let name = pb
            .or(pa)
            .map(|p| p.name.trim().to_string())
            .unwrap_or_default();
        f(
            FieldKey::Person { id },
            &name,
            pa.map(person_text),
            pb.map(person_text),
            false,
        );
    }

    f(
        FieldKey::EndMark,
        "end mark",
        a.end_mark.text().map(str::to_string),
        b.end_mark.text().map(str::to_string),
        false,
    );

    let markers = |r: &Release| {
        r.footnotes
            .iter()
            .map(|x| x.marker.clone())
            .collect::<Vec<_>>()
    };
    for (i, j) in pair_by_key(&markers(a), &markers(b)) {
        let fa = i.and_then(|i| a.footnotes.get(i));
        let fb = j.and_then(|j| b.footnotes.get(j));
        let marker = fb.or(fa).map(|x| x.marker.clone()).unwrap_or_default();
        let name = format!("footnote {marker}");
        f(
            FieldKey::Footnote { marker },
            &name,
            fa.map(|x| footnote_text(x, &a.people)),
            fb.map(|x| footnote_text(x, &b.people)),
            false,
        );
    }

    let titles = |r: &Release| {
        r.boilerplate
            .iter()
            .map(|x| x.title.clone())
            .collect::<Vec<_>>()
    };
    for (i, j) in pair_by_key(&titles(a), &titles(b)) {
        let ba = i.and_then(|i| a.boilerplate.get(i));
        let bb = j.and_then(|j| b.boilerplate.get(j));
        let title = bb.or(ba).map(|x| x.title.clone()).unwrap_or_default();
        let text = |x: &dateline_core::Boilerplate| {
            let mut v = vec![to_plain(&x.title)];
            v.extend(x.paragraphs.iter().map(|p| to_plain(p)));
            v.join("\n\n")
        };
        let idx = j.or(i).unwrap_or(0);
        f(
            FieldKey::Boilerplate { index: idx as u32 },
            &format!("“{title}”"),
            ba.map(text),
            bb.map(text),
            false,
        );
    }

    let names = |r: &Release| {
        r.contacts
            .iter()
            .map(|x| x.name.trim().to_string())
            .collect::<Vec<_>>()
    };
    for (i, j) in pair_by_key(&names(a), &names(b)) {
        let ca = i.and_then(|i| a.contacts.get(i));
        let cb = j.and_then(|j| b.contacts.get(j));
        let name = cb
            .or(ca)
            .map(|x| x.name.trim().to_string())
            .unwrap_or_default();
        let idx = j.or(i).unwrap_or(0);
        f(
            FieldKey::Contact { index: idx as u32 },
            &format!("contact {name}"),
            ca.map(contact_text),
            cb.map(contact_text),
            false,
        );
    }

    f(
        FieldKey::ActionsTitle,
        "actions title",
        a.actions.title.clone(),
        b.actions.title.clone(),
        false,
    );
    let akeys = |r: &Release| r.actions.items.iter().map(action_key).collect::<Vec<_>>();
    for (i, j) in pair_by_key(&akeys(a), &akeys(b)) {
        let ia = i.and_then(|i| a.actions.items.get(i));
        let ib = j.and_then(|j| b.actions.items.get(j));
        let label = match ib.or(ia) {
            Some(ActionItem::Link { label, .. }) => format!("action “{label}”"),
            Some(ActionItem::Line { text }) => format!("action “{}”", short(text)),
            None => "action".to_string(),
        };
        let idx = j.or(i).unwrap_or(0);
        f(
            FieldKey::Action { index: idx as u32 },
            &label,
            ia.map(action_text),
            ib.map(action_text),
            false,
        );
    }
    out
}

/// The first few words of a text, for names.
pub fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 6 {
        words.join(" ")
    } else {
        format!("{}…", words[..6].join(" "))
    }
}
