//! The tail of a release: footnotes, boilerplate, contacts and the actions
//! footer, read section by section after the body.

use dateline_core::{ActionItem, Actions, Boilerplate, Contact, Footnote};

use crate::people::{Mention, People};
use crate::report::{Confidence, ImportReport, PartRole};
use crate::source::{BlockKind, Link, SrcBlock};
use crate::tail::{self, Section};
use crate::text_util::md;

#[derive(Default)]
pub(super) struct Tail {
    pub(super) footnotes: Vec<Footnote>,
    pub(super) boilerplate: Vec<Boilerplate>,
    pub(super) contacts: Vec<Contact>,
    pub(super) actions: Actions,
    pub(super) organisation: Option<String>,
    pub(super) tags: Vec<String>,
}

pub(super) enum State {
    None,
    Footnotes,
    Boilerplate,
    Contacts(Vec<String>),
    Actions,
}

pub(super) fn read_tail(
    blocks: &[(SrcBlock, bool)],
    links: &[Link],
    people: &mut People,
    report: &mut ImportReport,
    t: &mut Tail,
) {
    let mut state = State::Footnotes;
    let mut pending: Vec<(String, String)> = Vec::new();
    for (k, (b, continued)) in blocks.iter().enumerate() {
        let first = b.lines.first().map(String::as_str).unwrap_or("");
        if b.lines.len() == 1 && tail::end_mark(first).is_some() {
            // The end mark, met after the boilerplate (recorded already).
            continue;
        }
        if matches!(state, State::Footnotes | State::None)
            && b.lines.len() == 1
            && tail::notes_heading(first)
        {
            report.drop_text(first, "footnotes heading");
            report.part(b.part, PartRole::Footnote, Confidence::Medium, None);
            continue;
        }
        // `Notes to editors` over `(1) …` `(2) …`: the notes the body's markers call.
        let noted = b
            .lines
            .get(1)
            .and_then(|l| tail::footnote_start(l))
            .filter(|(m, _)| {
                m.starts_with(['(', '[', '*'])
                    && b.lines.len() > 1
                    && tail::notes_to_editors(first)
                    && matches!(state, State::Footnotes | State::None)
            });
        if noted.is_some() {
            report.drop_text(first, "footnotes heading");
        }
        let notes = if noted.is_some() {
            b.lines.get(1..).unwrap_or(&[])
        } else {
            &b.lines[..]
        };
        if matches!(state, State::Footnotes | State::None)
            && notes
                .first()
                .and_then(|l| tail::footnote_start(l))
                .is_some()
        {
            for line in notes {
                match (tail::footnote_start(line), pending.last_mut()) {
                    (Some((m, rest)), _) => pending.push((m, rest)),
                    (None, Some(last)) => {
                        last.1.push(' ');
                        last.1.push_str(line);
                    }
                    (None, None) => {}
                }
            }
            state = State::Footnotes;
            report.part(
                b.part,
                PartRole::Footnote,
                Confidence::High,
                Some("footnotes".into()),
            );
            continue;
        }
        let mut lines: Vec<String> = b.lines.clone();
        // Under a contacts heading, `Media Relations` over a phone and an
        // email is the desk to call, not another heading.
        let lines_follow =
            b.lines.len() > 1 || blocks.get(k + 1).is_some_and(|(_, continues)| *continues);
        // After a first contact too, when the desk's lines are in its block.
        let desk = matches!(&state, State::Contacts(_))
            && lines_follow
            && matches!(tail::section(first), Some((Section::Contacts, None)));
        // A heading that is no tail section ends the contacts: what follows
        // is another part of the page (kept as an untitled note).
        if matches!(b.kind, BlockKind::Heading(_))
            && matches!(&state, State::Contacts(acc) if !acc.is_empty())
            && tail::section(first).is_none()
        {
            finish(&mut state, t, report);
            t.boilerplate.push(Boilerplate {
                title: md(first),
                paragraphs: Vec::new(),
            });
            report.unsure(
                &format!("boilerplate[{}]", t.boilerplate.len() - 1),
                "a heading after the contacts; kept as an untitled note",
            );
            state = State::Boilerplate;
            mark(report, b.part, &state, t);
            continue;
        }
        if let Some((sec, remainder)) = tail::section(first)
            .filter(|_| b.kind != BlockKind::ListItem)
            .filter(|_| !desk)
        {
            // `Notes to editors: Press office, 020 …, press@…`: a notes
            // heading over nothing but a contact line is the contacts.
            let contact_only = |r: &str| {
                r.contains('@') && r.split_whitespace().count() <= 12 && b.lines.len() == 1
            };
            let sec = match (&sec, remainder.as_deref()) {
                (Section::Boilerplate(_), Some(r)) if contact_only(r) => Section::Contacts,
                _ => sec,
            };
            finish(&mut state, t, report);
            lines.remove(0);
            if matches!(sec, Section::Contacts) {
                // The heading is what the remainder leaves (`Contact Details`
                // run into the name, `Americas:` before a contact).
                let heading = remainder
                    .as_deref()
                    .and_then(|r| first.find(r).and_then(|i| first.get(..i)))
                    .map(|h| h.trim().trim_end_matches(':').trim())
                    .filter(|h| !h.is_empty())
                    .unwrap_or_else(|| first.split(':').next().unwrap_or(first));
                report.drop_text(
                    heading,
                    "contacts heading (printed as the standard heading)",
                );
            }
            if let Some(r) = remainder {
                lines.insert(0, r);
            }
            state = match sec {
                Section::Boilerplate(title) => {
                    let title = title.trim_end_matches(':').to_string();
                    if t.organisation.is_none() {
                        if let Some(org) = title
                            .strip_prefix("About ")
                            .filter(|o| o.split_whitespace().count() <= 6)
                        {
                            t.organisation = Some(org.trim_start_matches("the ").to_string());
                        }
                    }
                    t.boilerplate.push(Boilerplate {
                        title: md(&title),
                        paragraphs: Vec::new(),
                    });
                    State::Boilerplate
                }
                Section::Contacts => State::Contacts(Vec::new()),
                Section::Actions(title) => {
                    t.actions.title = Some(title);
                    State::Actions
                }
            };
            mark(report, b.part, &state, t);
            if lines.is_empty() {
                continue;
            }
        }
        let text = lines.join(" ");
        if lines.len() == 1 && tail::furniture(&text) {
            report.drop_text(&text, "page furniture");
            report.part(b.part, PartRole::Furniture, Confidence::Medium, None);
            continue;
        }
        if let Some(org) = text.strip_prefix("SOURCE ").filter(|_| lines.len() == 1) {
            t.organisation = Some(org.trim().to_string());
            report.drop_text(
                "SOURCE",
                "wire source line (organisation kept as meta.organisation)",
            );
            report.part(
                b.part,
                PartRole::Furniture,
                Confidence::High,
                Some("meta.organisation".into()),
            );
            continue;
        }
        if let Some(tags) = text.strip_prefix("Tags:").filter(|_| lines.len() == 1) {
            t.tags.extend(
                tags.split([',', ';'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            );
            report.drop_text("Tags:", "tags line (kept as meta.tags)");
            report.part(
                b.part,
                PartRole::Furniture,
                Confidence::High,
                Some("meta.tags".into()),
            );
            continue;
        }
        if lines.len() == 1 && (text.starts_with("Follow ") || text.starts_with("Subscribe")) {
            t.actions.items.push(action(&text, links));
            report.part(
                b.part,
                PartRole::Actions,
                Confidence::Medium,
                Some("actions".into()),
            );
            continue;
        }
        match &mut state {
            State::Contacts(acc) => {
                if !acc.is_empty() && !continued {
                    acc.push(String::new());
                }
                // `<a href="mailto:jane@…">Jane Doe</a>`: the address behind a
                // name's link is hers.
                acc.extend(lines.into_iter().enumerate().map(|(k, l)| {
                    let hidden: Vec<&str> = b
                        .rich
                        .get(k)
                        .map(|r| {
                            r.split("](mailto:")
                                .skip(1)
                                .filter_map(|m| m.split(')').next())
                                .filter(|a| a.contains('@') && !l.contains(*a))
                                .collect()
                        })
                        .unwrap_or_default();
                    if hidden.is_empty() {
                        l
                    } else {
                        format!("{l} {}", hidden.join(" "))
                    }
                }));
            }
            State::Actions => {
                for l in lines {
                    t.actions.items.push(action(&l, links));
                }
            }
            State::Boilerplate => {
                if let Some(bp) = t.boilerplate.last_mut() {
                    let joined = if b.wrapped || lines.len() == 1 {
                        vec![text]
                    } else {
                        lines
                    };
                    bp.paragraphs.extend(joined.iter().map(|p| md(p)));
                }
            }
            State::None | State::Footnotes => {
                if text.starts_with("Follow ") || text.starts_with("Subscribe") {
                    t.actions.items.push(action(&text, links));
                    report.part(
                        b.part,
                        PartRole::Actions,
                        Confidence::Medium,
                        Some("actions".into()),
                    );
                    continue;
                }
                report.unsure(
                    &format!("boilerplate[{}]", t.boilerplate.len()),
                    "text after the body without a heading; kept as an untitled note",
                );
                t.boilerplate.push(Boilerplate {
                    title: String::new(),
                    paragraphs: vec![md(&text)],
                });
                state = State::Boilerplate;
                report.part(
                    b.part,
                    PartRole::Boilerplate,
                    Confidence::Low,
                    Some(format!("boilerplate[{}]", t.boilerplate.len() - 1)),
                );
                continue;
            }
        }
        mark(report, b.part, &state, t);
    }
    finish(&mut state, t, report);
    for (marker, text) in pending {
        t.footnotes.push(footnote(marker, &text, people));
    }
    if !t.footnotes.is_empty() {
        report.found(
            "footnotes",
            Confidence::High,
            format!("{} footnote(s)", t.footnotes.len()),
        );
    }
}

/// Records what a tail part became, from the section it is in.
fn mark(report: &mut ImportReport, part: usize, state: &State, t: &Tail) {
    let (role, field) = match state {
        State::Contacts(_) => (PartRole::Contacts, "contacts".to_string()),
        State::Actions => (PartRole::Actions, "actions".to_string()),
        State::Boilerplate => (
            PartRole::Boilerplate,
            format!("boilerplate[{}]", t.boilerplate.len().saturating_sub(1)),
        ),
        State::Footnotes => (PartRole::Footnote, "footnotes".to_string()),
        State::None => return,
    };
    report.part(part, role, Confidence::Medium, Some(field));
}

pub(super) fn finish(state: &mut State, t: &mut Tail, report: &mut ImportReport) {
    if let State::Contacts(lines) = state {
        let mut dropped = Vec::new();
        let (found, leftovers) = crate::contacts::parse(lines, &mut dropped);
        if !leftovers.is_empty() {
            report.unsure(
                &format!("boilerplate[{}]", t.boilerplate.len()),
                "sentences among the contacts; kept as an untitled note",
            );
            t.boilerplate.push(Boilerplate {
                title: String::new(),
                paragraphs: leftovers.iter().map(|l| md(l)).collect(),
            });
        }
        for d in dropped {
            report.drop_text(&d, "contact field label");
        }
        report.found(
            "contacts",
            Confidence::Medium,
            format!("{} contact(s)", found.len()),
        );
        t.contacts.extend(found);
    }
    *state = State::None;
}

fn action(line: &str, links: &[Link]) -> ActionItem {
    match links.iter().find(|l| l.label == line.trim()) {
        Some(l) => ActionItem::Link {
            label: l.label.clone(),
            url: l.url.clone(),
        },
        None => ActionItem::Line {
            text: md(line.trim()),
        },
    }
}

/// A footnote; `Label: NAME, TITLE[; NAME, TITLE].` ties it to people.
fn footnote(marker: String, text: &str, people: &mut People) -> Footnote {
    let plain = Footnote {
        marker: marker.clone(),
        people: Vec::new(),
        label: None,
        text: md(text.trim()),
    };
    let Some((label, rest)) = text.split_once(": ") else {
        return plain;
    };
    if label.split_whitespace().count() > 4
        || label.contains(',')
        || !label.chars().next().is_some_and(char::is_uppercase)
    {
        return plain;
    }
    let (names_part, extra) = match rest.split_once(". ") {
        Some((a, b)) => (a, b.trim()),
        None => (rest.trim().strip_suffix('.').unwrap_or(rest.trim()), ""),
    };
    let mut trial = people.clone();
    let mut ids = Vec::new();
    for part in names_part.split("; ") {
        let (name, title) = match part.split_once(", ") {
            Some((n, t)) => (n.trim(), Some(t.trim().to_string())),
            None => (part.trim(), None),
        };
        if !crate::quote::name_ok(name) || !name.contains(' ') {
            return plain;
        }
        let m = Mention {
            name: Some(name.to_string()),
            title: title.clone(),
            ..Mention::default()
        };
        let idx = trial.find(&m);
        if !trial.compatible(idx, &m) {
            return plain;
        }
        let i = trial.apply(&m);
        // The footnote prints the person's title: it must be exactly this one.
        let same = trial
            .list
            .get(i)
            .is_some_and(|p| title.as_deref().unwrap_or("") == p.title);
        if !same {
            return plain;
        }
        ids.push(trial.list.get(i).map(|p| p.id.clone()).unwrap_or_default());
    }
    let last = people.last;
    *people = trial;
    people.last = last;
    Footnote {
        marker,
        people: ids,
        label: Some(label.to_string()),
        text: md(extra),
    }
}
