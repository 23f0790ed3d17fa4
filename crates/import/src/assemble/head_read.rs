//! The head of a release: what stands above the lead (release lines, genre and
//! date lines, furniture, contact lines), the headline and the subheadline.

use chrono::NaiveDate;
use dateline_core::{Kind, ReleaseLine};

use crate::contacts;
use crate::head::{self, HeadLine};
use crate::report::{Confidence, ImportReport};
use crate::source::{BlockKind, SrcBlock};
use crate::tail::{self, Section};

pub(super) struct Head {
    pub(super) release_line: ReleaseLine,
    pub(super) kind: Option<Kind>,
    pub(super) date: Option<NaiveDate>,
    pub(super) headline: String,
    pub(super) subheadline: Vec<String>,
    /// Contact lines found above the headline (`Contact: Jane Smith, …`).
    pub(super) contacts: Vec<String>,
}

/// Joins head lines into candidate blocks: a line starting in lower case
/// continues the previous one (a hard-wrapped headline); others stand alone.
fn head_groups(lines: Vec<String>) -> Vec<String> {
    let caps = |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        match out.last_mut() {
            // A headline in capitals, hard-wrapped, is one line.
            Some(last) if caps(last) && caps(&l) && !last.ends_with(['.', ':']) => {
                last.push(' ');
                last.push_str(&l);
            }
            Some(last)
                if l.chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c == '(') =>
            {
                last.push(' ');
                last.push_str(&l);
            }
            _ => out.push(l),
        }
    }
    out
}

/// Reads the head blocks; `sub_ok` allows a subheadline (set off by a dateline or markup).
pub(super) fn read_head(blocks: &[SrcBlock], report: &mut ImportReport, sub_ok: bool) -> Head {
    let mut h = Head {
        release_line: ReleaseLine::None,
        kind: None,
        date: None,
        headline: String::new(),
        subheadline: Vec::new(),
        contacts: Vec::new(),
    };
    let mut rest: Vec<(BlockKind, String)> = Vec::new();
    // Where in `rest` the last genre line stood (`COMUNICADO`): an issuer's
    // name may stand above it, the headline comes under it.
    let mut genre_at: Option<usize> = None;
    // Under `Contact presse` alone above the headline: a press box.
    let mut in_box = false;
    // `Avis aux médias` / `Calendrier des événements` / `Version imprimable`:
    // a short line between menu entries and labels is an entry too.
    let menu_line = |b: Option<&SrcBlock>| {
        b.is_some_and(|b| {
            b.lines.len() == 1
                && matches!(
                    head::classify(&b.lines[0]),
                    Some(HeadLine::Furniture | HeadLine::Kind(_))
                )
        })
    };
    let menu_entry = |k: usize| {
        let b = &blocks[k];
        b.lines.len() == 1
            && head::classify(&b.lines[0]).is_none()
            && b.lines[0].split_whitespace().count() <= 3
            && !b.lines[0].ends_with(['.', '!', '?', ':'])
            && k > 0
            && menu_line(blocks.get(k - 1))
            && menu_line(blocks.get(k + 1))
    };
    for (k, b) in blocks.iter().enumerate() {
        if menu_entry(k) {
            report.drop_text(&b.lines[0], "page furniture");
            continue;
        }
        if b.lines.len() == 1
            && matches!(tail::section(&b.lines[0]), Some((Section::Contacts, None)))
        {
            report.drop_text(
                &b.lines[0],
                "contacts heading (printed as the standard heading)",
            );
            in_box = true;
            continue;
        }
        if in_box && b.lines.iter().all(|l| contacts::box_line(l)) {
            for l in &b.lines {
                if l.trim_end().ends_with(':') {
                    report.drop_text(l, "the press box's invitation to call");
                } else {
                    h.contacts.push(l.clone());
                }
            }
            continue;
        }
        in_box = false;
        if head::issuer_block(&b.lines) {
            report.drop_text(
                &b.joined(),
                "the issuer's name and office above the headline",
            );
            continue;
        }
        // `Ana Pérez` / `Headquarters, Port Ellery` / `555-0190` /
        // `ana.perez@…` above the headline, with no label: a press contact
        // as space agencies' and ministries' mailing lists print them.
        if let Some((name, rest)) = b.lines.split_first() {
            let reach = |l: &String| contacts::box_line(l) && !l.trim_end().ends_with(':');
            let place = |l: &String| {
                !l.chars().any(|c| c.is_ascii_digit() || c == '@')
                    && (1..=6).contains(&l.split_whitespace().count())
                    && !l.trim_end().ends_with(':')
                    && head::classify(l).is_none()
            };
            let person = !rest.is_empty()
                && head::classify(name).is_none()
                && name.chars().any(char::is_lowercase)
                && (2..=4).contains(&name.split_whitespace().count())
                && crate::quote::name_ok(name.trim())
                && rest.iter().any(reach)
                && rest.iter().all(|l| reach(l) || place(l));
            if person {
                h.contacts.push(name.clone());
                for l in rest {
                    if reach(l) {
                        h.contacts.push(l.clone());
                    } else {
                        report.drop_text(l, "where the press contact sits");
                    }
                }
                continue;
            }
        }
        let mut kept = Vec::new();
        let mut in_contacts = false;
        for (k, line) in b.lines.iter().enumerate() {
            // The lines after `Contact: Jane Doe` in the same block are hers.
            if in_contacts {
                h.contacts.push(line.clone());
                continue;
            }
            // `Jane Doe: 202-555-0142` above the lead: a press contact; `In
            // Washington DC` over such lines says where they sit.
            let reach_below = b
                .lines
                .get(k + 1)
                .is_some_and(|n| contacts::name_and_reach(n));
            // Not a mail's sender over its date (`Jane Doe (jane@…)` / `Wed, 30 Jun 2026 …`).
            let mail_header = b
                .lines
                .iter()
                .any(|l| matches!(head::classify(l), Some(HeadLine::Date(_))));
            let unclassified = head::classify(line).is_none() && !mail_header;
            if unclassified && contacts::name_and_reach(line) {
                h.contacts.push(line.clone());
                continue;
            }
            if unclassified && reach_below && contacts::location(line) {
                report.drop_text(line, "where the press contacts sit");
                continue;
            }
            match head::classify(line) {
                Some(HeadLine::Release(r)) => {
                    report.found(
                        "releaseLine",
                        Confidence::High,
                        format!("release line “{line}”"),
                    );
                    // `For release: 9.00am, Monday 3 March 2026`: the day set for
                    // release is the release's date unless a date line says otherwise.
                    let set_release = ["for release", "not for release", "not for publication"]
                        .iter()
                        .any(|p| line.trim().to_lowercase().starts_with(p));
                    if let (dateline_core::ReleaseLine::Embargoed { until, .. }, true) =
                        (&r, set_release)
                    {
                        h.date = h.date.or(Some(until.date()));
                    }
                    h.release_line = r;
                    if let Some(d) = head::release_date(line) {
                        h.date = Some(d);
                        report.drop_text(
                            line,
                            "release line with a date (kept as the release line and the date)",
                        );
                    }
                }
                Some(HeadLine::BadEmbargo) => {
                    report.unsure(
                        "releaseLine",
                        format!("embargo line “{line}” could not be read; set the embargo by hand"),
                    );
                    report.drop_text(line, "embargo line not understood");
                }
                Some(HeadLine::Kind(k)) => {
                    h.kind = Some(k);
                    genre_at = Some(rest.len() + usize::from(!kept.is_empty()));
                    report.drop_text(line, "genre line (kept as meta.kind)");
                }
                Some(HeadLine::Date(d)) => {
                    h.date = Some(d);
                    report.drop_text(line, "publication date line");
                }
                Some(HeadLine::Furniture) => report.drop_text(line, "page furniture"),
                None => match tail::section(line) {
                    Some((Section::Contacts, Some(r))) => {
                        report.drop_text(
                            line.split(':').next().unwrap_or(line),
                            "contacts heading (printed as the standard heading)",
                        );
                        h.contacts.push(r);
                        in_contacts = true;
                    }
                    _ => kept.push(line.clone()),
                },
            }
        }
        // `Accueil - Services médias` / `Communiqués de presse` / `Avis aux
        // médias` / `Calendrier des événements`: in a block of menu entries,
        // the short lines left are entries too.
        let classified = b.lines.len() - kept.len();
        if b.lines.len() >= 3 && classified >= 2 {
            kept.retain(|l| {
                let entry = l.split_whitespace().count() <= 4 && !l.ends_with(['.', '!', '?']);
                if entry {
                    report.drop_text(l, "page furniture");
                }
                !entry
            });
        }
        if kept.is_empty() {
            continue;
        }
        if b.kind == BlockKind::Para && kept.len() > 1 {
            rest.extend(head_groups(kept).into_iter().map(|l| (b.kind, l)));
        } else {
            rest.push((b.kind, kept.join(" ")));
        }
    }
    let pick = rest
        .iter()
        .position(|(k, _)| *k == BlockKind::Heading(1))
        .or_else(|| {
            rest.iter()
                .position(|(_, t)| head::genre_suffix(t).is_some())
        })
        .or_else(|| {
            // A headline has a few words and starts with a capital; a
            // category label above it (`oficina en el mundo`) is lower-case.
            let capital = |t: &str| t.chars().next().is_some_and(|c| !c.is_lowercase());
            // An organisation's name in capitals over the headline
            // (`MÉDICOS DEL MUNDO UNIDO`): a short line of capitals, with a
            // headline under it.
            let name_line = |t: &str| {
                t.split_whitespace().count() <= 5
                    && !t.chars().any(char::is_lowercase)
                    && !t.ends_with(['.', '!', '?', ':'])
            };
            // A bullet never opens a headline (`• Justice and Home Affairs`),
            // nor does a postal address (`7, place de Fontenoy`).
            let headline = |t: &str| {
                t.split_whitespace().count() >= 3
                    && capital(t)
                    && !t.starts_with(['•', '·'])
                    && !contacts::postal_line(t)
            };
            // An office's or a person's name over the headline (`Office of the
            // Press Secretary`, `Ministra Laura Etcheverry`) is a masthead; so
            // is a line the page prints twice (the issuer's name).
            let masthead = |t: &str| {
                head::office_line(t)
                    || head::issuer_name_line(t)
                    || rest.iter().filter(|(_, r)| r == t).count() > 1
            };
            let first = rest
                .iter()
                .position(|(_, t)| headline(t) && !masthead(t))
                .or_else(|| rest.iter().position(|(_, t)| headline(t)));
            // `Universidad X` / `COMUNICADO` / headline: under a genre line,
            // a headline below it is the release's.
            let first = match (first, genre_at) {
                (Some(k), Some(g)) if k < g => rest
                    .iter()
                    .skip(g)
                    .position(|(_, t)| headline(t) && !masthead(t))
                    .map(|j| g + j)
                    .or(first),
                _ => first,
            };
            first
                .filter(|k| !name_line(&rest[*k].1))
                .or_else(|| {
                    first.and_then(|k| {
                        // Under a company's name, a short title (`Interim Results`).
                        let short = |t: &str| {
                            t.split_whitespace().count() == 2 && capital(t) && !t.ends_with(':')
                        };
                        rest.iter()
                            .skip(k + 1)
                            .position(|(_, t)| {
                                (headline(t) || short(t))
                                    && t.chars().any(char::is_lowercase)
                                    && !masthead(t)
                            })
                            .map(|j| k + 1 + j)
                    })
                })
                .or(first)
                .or_else(|| {
                    rest.iter()
                        .position(|(_, t)| t.split_whitespace().count() >= 3)
                })
        })
        .unwrap_or(0);
    // `FOUNDATION NEWS: The Group Incorporates …` (a mail's subject) over the
    // release's own headline, the same words in capitals: the headline is the latter.
    let norm = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let pick = rest
        .get(pick)
        .and_then(|(_, t)| t.split_once(": "))
        .and_then(|(_, subject)| {
            let subject = norm(subject);
            rest.iter()
                .enumerate()
                .skip(pick + 1)
                // Or the headline the subject was cut from (`…, advierte experto de la ONU`).
                .find(|(_, (_, t))| {
                    norm(t) == subject
                        || (subject.split_whitespace().count() >= 5
                            && norm(t).starts_with(&subject))
                })
                .map(|(k, _)| k)
        })
        .unwrap_or(pick);
    for (_, t) in rest.iter().take(pick) {
        report.drop_text(t, "text above the headline");
    }
    let candidates = rest
        .iter()
        .filter(|(_, t)| t.split_whitespace().count() >= 3)
        .count();
    if candidates > 2 && !rest.iter().any(|(k, _)| *k == BlockKind::Heading(1)) {
        report.unsure(
            "headline",
            format!("{candidates} lines above the lead could be the headline; the first was taken"),
        );
    }
    let mut it = rest.into_iter().skip(pick);
    if let Some((_, t)) = it.next() {
        // `[OCA PR][EN] Headline`: a mailing list's subject tags.
        let mut headline = t.as_str();
        let mut tags = String::new();
        while let Some(after) = headline.strip_prefix('[').and_then(|r| r.split_once(']')) {
            if after.0.chars().count() > 20 || after.1.trim().is_empty() {
                break;
            }
            tags.push_str(&format!("[{}]", after.0));
            headline = after.1.trim_start();
        }
        if !tags.is_empty() {
            report.drop_text(&tags, "mailing list subject tags");
        }
        h.headline = headline.to_string();
        if let Some((bare, kind)) = head::genre_prefix(&h.headline) {
            if let Some(genre) = h.headline.strip_suffix(bare.as_str()) {
                report.drop_text(
                    genre,
                    "genre written before the headline (kept as meta.kind)",
                );
            }
            h.kind = h.kind.or(Some(kind));
            h.headline = bare;
        }
        if let Some((slug, bare)) = head::wire_slug(&h.headline) {
            report.drop_text(slug, "the news agency's topic slug before the headline");
            h.headline = bare.to_string();
        }
    }
    for (_, t) in it {
        if t == h.headline {
            report.drop_text(&t, "the headline repeated");
        } else if sub_ok {
            h.subheadline.push(t);
        }
    }
    h
}
