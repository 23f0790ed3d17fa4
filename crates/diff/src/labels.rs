//! Semantic change labels, read from the structure of the two releases rather
//! than from their text: "dateline date 13 May 2025 → 14 May 2025", "quote 2:
//! speaker changed", "embargo lifted", "Mary Lawlor's title changed (affects
//! quote 1 and footnote *)", and the one-line summary built from them.

use std::collections::{HashMap, HashSet};

use dateline_core::dateline::{long_date, DateLanguage, DatelineStyle};
use dateline_core::{Attribution, Block, Person, Quote, Release, ReleaseLine};

use crate::model::{
    BlockDiff, BlockStatus, ChangeLabel, FieldDiff, FieldKey, FieldStatus, LabelKind, Trivial,
    WordDiff,
};

struct Labels {
    out: Vec<ChangeLabel>,
}

impl Labels {
    fn add(
        &mut self,
        kind: LabelKind,
        field: &str,
        text: String,
        path: Option<&str>,
        entry: Option<u32>,
    ) {
        self.out.push(ChangeLabel {
            kind,
            text,
            field: field.to_string(),
            path: path.map(str::to_string),
            entry,
            hidden: false,
        });
    }

    /// A label for a text edit, saying so when it is whitespace or quote style only.
    fn edit(
        &mut self,
        kind: LabelKind,
        field: &str,
        diff: Option<&WordDiff>,
        path: Option<&str>,
        entry: Option<u32>,
    ) {
        let (text, kind, hidden) = match trivial_of(diff) {
            Some((Trivial::Whitespace, hidden)) => (
                format!("{field}: whitespace only"),
                LabelKind::Whitespace,
                hidden,
            ),
            Some((Trivial::QuoteStyle, hidden)) => (
                format!("{field}: quotation marks only (curly ↔ straight)"),
                LabelKind::QuoteStyle,
                hidden,
            ),
            None => (format!("{field} edited"), kind, false),
        };
        self.add(kind, field, text, path, entry);
        if let Some(l) = self.out.last_mut() {
            l.hidden = hidden;
        }
    }
}

/// The trivial kind of a diff whose every change is trivial, and whether it is hidden.
fn trivial_of(diff: Option<&WordDiff>) -> Option<(Trivial, bool)> {
    let d = diff?;
    let hidden = d.visible_changes == 0;
    if d.whitespace_only {
        Some((Trivial::Whitespace, hidden))
    } else if d.quote_style_only {
        Some((Trivial::QuoteStyle, hidden))
    } else if hidden && d.ops.iter().any(|o| o.trivial.is_some()) {
        // A mix of hidden whitespace and quote-style changes.
        Some((Trivial::Whitespace, true))
    } else {
        None
    }
}

fn english_date(d: chrono::NaiveDate) -> String {
    long_date(d, DateLanguage::English, true)
}

fn find<'a>(fields: &'a [FieldDiff], key: &FieldKey) -> Option<&'a FieldDiff> {
    fields.iter().find(|f| &f.key == key)
}

/// Every label, in document order.
pub fn labels(
    a: &Release,
    b: &Release,
    fields: &[FieldDiff],
    blocks: &[BlockDiff],
) -> Vec<ChangeLabel> {
    let mut l = Labels { out: Vec::new() };
    if a.meta.status != b.meta.status {
        let t = format!(
            "status {} → {}",
            a.meta.status.label().to_lowercase(),
            b.meta.status.label().to_lowercase()
        );
        l.add(LabelKind::Status, "status", t, Some("meta.status"), None);
    }
    for (key, name) in [
        (FieldKey::Kind, "genre"),
        (FieldKey::Language, "language"),
        (FieldKey::Organisation, "organisation"),
    ] {
        if let Some(f) = find(fields, &key).filter(|f| f.status != FieldStatus::Unchanged) {
            let t = format!(
                "{name} {} → {}",
                f.old.as_deref().unwrap_or(""),
                f.new.as_deref().unwrap_or("")
            );
            l.add(LabelKind::Metadata, name, t, Some(&f.path), None);
        }
    }
    for t in b.meta.tags.iter().filter(|t| !a.meta.tags.contains(t)) {
        l.add(
            LabelKind::Metadata,
            "tags",
            format!("tag “{t}” added"),
            Some("meta.tags"),
            None,
        );
    }
    for t in a.meta.tags.iter().filter(|t| !b.meta.tags.contains(t)) {
        l.add(
            LabelKind::Metadata,
            "tags",
            format!("tag “{t}” removed"),
            Some("meta.tags"),
            None,
        );
    }
    if a.style != b.style {
        let t = format!(
            "house style {} → {}",
            a.style.style().name,
            b.style.style().name
        );
        l.add(LabelKind::Style, "house style", t, Some("style"), None);
    }
    release_line_labels(&mut l, &a.release_line, &b.release_line);
    text_field(&mut l, fields, &FieldKey::Headline, LabelKind::Headline);
    text_field(
        &mut l,
        fields,
        &FieldKey::Subheadline,
        LabelKind::Subheadline,
    );
    dateline_labels(&mut l, a, b);
    for e in blocks {
        block_labels(&mut l, a, b, e);
    }
    people_labels(&mut l, a, b);
    end_mark_labels(&mut l, fields);
    for f in fields.iter().filter(|f| f.status != FieldStatus::Unchanged) {
        match &f.key {
            FieldKey::Footnote { marker } => footnote_label(&mut l, a, b, f, marker),
            FieldKey::Boilerplate { .. } => listed(
                &mut l,
                LabelKind::Boilerplate,
                &format!("boilerplate {}", f.name),
                f,
            ),
            FieldKey::Contact { .. } => listed(&mut l, LabelKind::Contact, &f.name, f),
            FieldKey::ActionsTitle | FieldKey::Action { .. } => {
                listed(&mut l, LabelKind::Actions, &f.name, f)
            }
            _ => {}
        }
    }
    l.out
}

fn listed(l: &mut Labels, kind: LabelKind, name: &str, f: &FieldDiff) {
    match f.status {
        FieldStatus::Added => l.add(kind, name, format!("{name} added"), Some(&f.path), None),
        FieldStatus::Removed => l.add(kind, name, format!("{name} removed"), Some(&f.path), None),
        _ => l.edit(kind, name, f.diff.as_ref(), Some(&f.path), None),
    }
}

fn text_field(l: &mut Labels, fields: &[FieldDiff], key: &FieldKey, kind: LabelKind) {
    if let Some(f) = find(fields, key).filter(|f| f.status != FieldStatus::Unchanged) {
        listed(l, kind, &f.name, f);
    }
}

fn release_line_labels(l: &mut Labels, a: &ReleaseLine, b: &ReleaseLine) {
    if a == b {
        return;
    }
    let path = Some("releaseLine");
    let text = match (a, b) {
        (
            ReleaseLine::Embargoed {
                until: u1,
                zone: z1,
            },
            ReleaseLine::Embargoed {
                until: u2,
                zone: z2,
            },
        ) => {
            format!(
                "embargo moved {} {z1} → {} {z2}",
                u1.format("%Y-%m-%d %H:%M"),
                u2.format("%Y-%m-%d %H:%M")
            )
        }
        (_, ReleaseLine::Embargoed { until, zone }) => {
            format!(
                "embargo set until {} {zone}",
                until.format("%Y-%m-%d %H:%M")
            )
        }
        (ReleaseLine::Embargoed { .. }, ReleaseLine::Immediate) => {
            "embargo lifted (for immediate release)".into()
        }
        (ReleaseLine::Embargoed { .. }, _) => "embargo lifted".into(),
        (_, ReleaseLine::Immediate) => "“for immediate release” line added".into(),
        _ => "“for immediate release” line removed".into(),
    };
    let kind = if matches!(a, ReleaseLine::Embargoed { .. })
        || matches!(b, ReleaseLine::Embargoed { .. })
    {
        LabelKind::Embargo
    } else {
        LabelKind::ReleaseLine
    };
    let field = if kind == LabelKind::Embargo {
        "embargo"
    } else {
        "release line"
    };
    l.add(kind, field, text, path, None);
}

fn dateline_labels(l: &mut Labels, a: &Release, b: &Release) {
    let p = Some("dateline");
    match (&a.dateline, &b.dateline) {
        (None, Some(_)) => l.add(
            LabelKind::Dateline,
            "dateline",
            "dateline added".into(),
            p,
            None,
        ),
        (Some(_), None) => l.add(
            LabelKind::Dateline,
            "dateline",
            "dateline removed".into(),
            p,
            None,
        ),
        (Some(x), Some(y)) => {
            if x.date != y.date {
                let t = format!(
                    "dateline date {} → {}",
                    english_date(x.date),
                    english_date(y.date)
                );
                l.add(LabelKind::DatelineDate, "dateline", t, p, None);
            }
            if x.places != y.places {
                let names = |d: &dateline_core::Dateline| {
                    d.places
                        .iter()
                        .map(|p| p.city.trim().to_string())
                        .collect::<Vec<_>>()
                        .join("/")
                };
                let t = format!("dateline place {} → {}", names(x), names(y));
                l.add(LabelKind::DatelinePlace, "dateline", t, p, None);
            }
            if x.style != y.style {
                let name = |s: DatelineStyle| s.label();
                let t = format!("dateline style {} → {}", name(x.style), name(y.style));
                l.add(LabelKind::DatelineStyle, "dateline", t, p, None);
            }
        }
        (None, None) => {}
    }
}

fn speaker_name(r: &Release, id: &str) -> String {
    r.people
        .iter()
        .find(|p| p.id == id)
        .map(|p| p.name.trim().to_string())
        .unwrap_or_else(|| id.to_string())
}

fn forms(q: &Quote) -> Vec<Option<Attribution>> {
    let mut out = Vec::new();
    for p in &q.paragraphs {
        out.push(p.lead_in);
        out.extend(p.segments.iter().map(|s| s.attribution));
    }
    out
}

fn words(q: &Quote) -> Vec<&str> {
    q.paragraphs
        .iter()
        .flat_map(|p| p.segments.iter().map(|s| s.text.as_str()))
        .collect()
}

fn block_labels(l: &mut Labels, a: &Release, b: &Release, e: &BlockDiff) {
    let name = e.name.as_str();
    let entry = Some(e.entry);
    let old = e.old_index.and_then(|i| a.body.get(i as usize));
    let new = e.new_index.and_then(|i| b.body.get(i as usize));
    let kind = if e.kind == "quote" {
        LabelKind::Quote
    } else {
        LabelKind::Paragraph
    };
    match e.status {
        BlockStatus::Unchanged | BlockStatus::MovedAway => {}
        BlockStatus::Inserted => l.add(kind, name, format!("{name} added"), None, entry),
        BlockStatus::Deleted => l.add(kind, name, format!("{name} removed"), None, entry),
        BlockStatus::Moved => {
            let from = e.old_index.map(|i| i + 1).unwrap_or(0);
            let to = e.new_index.map(|i| i + 1).unwrap_or(0);
            let edited = if e.edited && trivial_of(e.diff.as_ref()).is_none() {
                " and edited"
            } else {
                ""
            };
            let t = format!("{name} moved{edited} (block {from} → {to})");
            l.add(LabelKind::Moved, name, t, None, entry);
            if let (Some(Block::Quote(x)), Some(Block::Quote(y))) = (old, new) {
                quote_structure(l, a, b, x, y, name, entry);
            }
        }
        BlockStatus::Changed => match (old, new) {
            (Some(Block::Quote(x)), Some(Block::Quote(y))) => {
                let structural = quote_structure(l, a, b, x, y, name, entry);
                if words(x) != words(y) {
                    l.edit(LabelKind::Quote, name, e.diff.as_ref(), None, entry);
                } else if !structural && x != y {
                    let t = format!("{name}: paragraphs regrouped");
                    l.add(LabelKind::Quote, name, t, None, entry);
                }
                // Same quote printed differently: a person changed (labelled there).
            }
            (Some(x), Some(y)) if x != y && e.old == e.new => {
                l.add(
                    kind,
                    name,
                    format!("{name}: formatting changed"),
                    None,
                    entry,
                );
            }
            _ => l.edit(kind, name, e.diff.as_ref(), None, entry),
        },
    }
}

/// Speaker and attribution labels of a quote; true when any was added.
fn quote_structure(
    l: &mut Labels,
    a: &Release,
    b: &Release,
    x: &Quote,
    y: &Quote,
    name: &str,
    entry: Option<u32>,
) -> bool {
    let mut any = false;
    if x.speaker != y.speaker {
        let t = format!(
            "{name}: speaker changed ({} → {})",
            speaker_name(a, &x.speaker),
            speaker_name(b, &y.speaker)
        );
        l.add(LabelKind::QuoteSpeaker, name, t, None, entry);
        any = true;
    }
    if forms(x) != forms(y) {
        l.add(
            LabelKind::Attribution,
            name,
            format!("{name}: attribution changed"),
            None,
            entry,
        );
        any = true;
    }
    any
}

/// Which attribute of a person an attribution form prints.
fn prints(form: Attribution, p: &Person, attr: &str) -> bool {
    use Attribution::*;
    let by_name = matches!(
        form,
        SaidNameTitle | NameTitleSaid | SaidName | NameSaid | NameSaidColon
    );
    let by_surname = matches!(form, SurnameSaid | SaidSurname | SurnameSaidColon);
    match attr {
        "name" => {
            by_name
                || (by_surname && p.surname.as_deref().is_none_or(|s| s.trim().is_empty()))
                || (form == RoleSaid && p.role_noun.as_deref().is_none_or(|s| s.trim().is_empty()))
        }
        "title" => matches!(form, SaidNameTitle | NameTitleSaid),
        "surname" => by_surname,
        "pronoun" => form == PronounSaid,
        "role" => form == RoleSaid,
        _ => false,
    }
}

/// "quote 1 and footnote *": where a change to `attr` of person `p` shows in `r`.
fn affected(r: &Release, p: &Person, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut n = 0;
    for block in &r.body {
        if let Block::Quote(q) = block {
            n += 1;
            if q.speaker == p.id && forms(q).into_iter().flatten().any(|f| prints(f, p, attr)) {
                out.push(format!("quote {n}"));
            }
        }
    }
    if attr == "name" || attr == "title" {
        for f in r.footnotes.iter().filter(|f| f.people.contains(&p.id)) {
            out.push(format!("footnote {}", f.marker));
        }
    }
    out
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn people_labels(l: &mut Labels, a: &Release, b: &Release) {
    let in_a: HashMap<&str, &Person> = a.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let in_b: HashSet<&str> = b.people.iter().map(|p| p.id.as_str()).collect();
    for pb in &b.people {
        let path = format!("people[{}]", pb.id);
        let Some(pa) = in_a.get(pb.id.as_str()).copied() else {
            l.add(
                LabelKind::Person,
                pb.name.trim(),
                format!("person {} added", pb.name.trim()),
                Some(&path),
                None,
            );
            continue;
        };
        let who = pa.name.trim();
        let changes: [(&str, bool, String); 5] = [
            (
                "name",
                pa.name.trim() != pb.name.trim(),
                format!("{who} renamed {}", pb.name.trim()),
            ),
            (
                "title",
                pa.title.trim() != pb.title.trim(),
                format!("{who}'s title changed"),
            ),
            (
                "surname",
                pa.surname != pb.surname,
                format!("{who}'s surname changed"),
            ),
            (
                "pronoun",
                pa.pronoun.trim() != pb.pronoun.trim(),
                format!(
                    "{who}'s pronoun {} → {}",
                    pa.pronoun.trim(),
                    pb.pronoun.trim()
                ),
            ),
            (
                "role",
                pa.role_noun != pb.role_noun,
                format!("{who}'s role noun changed"),
            ),
        ];
        for (attr, changed, text) in changes {
            if !changed {
                continue;
            }
            let hits = affected(b, pb, attr);
            let text = if hits.is_empty() {
                text
            } else {
                format!("{text} (affects {})", join_and(&hits))
            };
            l.add(LabelKind::Person, who, text, Some(&path), None);
        }
    }
    for pa in a.people.iter().filter(|pa| !in_b.contains(pa.id.as_str())) {
        let path = format!("people[{}]", pa.id);
        l.add(
            LabelKind::Person,
            pa.name.trim(),
            format!("person {} removed", pa.name.trim()),
            Some(&path),
            None,
        );
    }
}

fn end_mark_labels(l: &mut Labels, fields: &[FieldDiff]) {
    let Some(f) = find(fields, &FieldKey::EndMark).filter(|f| f.status != FieldStatus::Unchanged)
    else {
        return;
    };
    let text = match (&f.old, &f.new) {
        (Some(o), Some(n)) => format!("end mark {o} → {n}"),
        (None, Some(n)) => format!("end mark {n} added"),
        _ => "end mark removed".to_string(),
    };
    l.add(LabelKind::EndMark, "end mark", text, Some("endMark"), None);
}

fn footnote_label(l: &mut Labels, a: &Release, b: &Release, f: &FieldDiff, marker: &str) {
    if f.status == FieldStatus::Changed {
        let fa = a.footnotes.iter().find(|x| x.marker == marker);
        let fb = b.footnotes.iter().find(|x| x.marker == marker);
        if fa.is_some() && fa == fb {
            // Printed differently only because a person changed: labelled there.
            return;
        }
        if let (Some(x), Some(y)) = (fa, fb) {
            if x.people != y.people && x.text == y.text && x.label == y.label {
                let t = format!("{}: people changed", f.name);
                l.add(LabelKind::Footnote, &f.name, t, Some(&f.path), None);
                return;
            }
        }
    }
    listed(l, LabelKind::Footnote, &f.name, f);
}

/// "4 changes in 3 fields: headline, quote 2, footnote *".
pub fn summary(labels: &[ChangeLabel], degraded: bool) -> String {
    let visible: Vec<&ChangeLabel> = labels.iter().filter(|l| !l.hidden).collect();
    let hidden = labels.len() - visible.len();
    let mut fields: Vec<&str> = Vec::new();
    for l in &visible {
        if !fields.contains(&l.field.as_str()) {
            fields.push(&l.field);
        }
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut s = if visible.is_empty() {
        "no changes".to_string()
    } else {
        let shown: Vec<&str> = fields.iter().take(6).copied().collect();
        let mut list = shown.join(", ");
        if fields.len() > shown.len() {
            list.push_str(&format!(" and {} more", fields.len() - shown.len()));
        }
        format!(
            "{} in {}: {list}",
            plural(visible.len(), "change", "changes"),
            plural(fields.len(), "field", "fields")
        )
    };
    if hidden > 0 {
        s.push_str(&format!(
            " ({} hidden)",
            plural(
                hidden,
                "whitespace or quote-style change",
                "whitespace or quote-style changes"
            )
        ));
    }
    if degraded {
        s.push_str("; time budget reached, some texts shown as replaced");
    }
    s
}
