//! Putting it together: find the dateline, read the head above it, the body
//! down to the end mark (or the first tail section), and the tail after it;
//! then pick language and house style, and check the result.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use dateline_core::style::HouseStyleId;
use dateline_core::{
    dateline::DatelineStyle, ActionItem, Actions, Boilerplate, Contact, Dateline, EndMark,
    Footnote, Kind, Meta, Release, ReleaseLine, Status,
};

use crate::body;
use crate::head::{self, HeadLine};
use crate::people::{Mention, People};
use crate::report::{Confidence, ImportOptions, ImportReport, SourceFormat};
use crate::source::{BlockKind, Link, Source, SrcBlock};
use crate::tail::{self, Section};
use crate::text_util::{guess_language, md};
use crate::{dateline, ImportError, Imported};

/// Validation problems listed in the report at most.
const MAX_PROBLEMS: usize = 50;

/// How many blocks from the top a dateline is looked for in.
const DATELINE_SCAN: usize = 20;

fn special(line: &str, early: bool) -> bool {
    tail::end_mark(line).is_some()
        || (line.split_whitespace().count() <= 6 && tail::section(line).is_some())
        || (early && head::classify(line).is_some_and(|h| !matches!(h, HeadLine::Furniture)))
        || (early
            && dateline::find(line)
                .is_some_and(|d| d.style != DatelineStyle::EuCommission || d.rest.is_empty()))
}

/// Splits multi-line blocks before and after lines that stand alone: end
/// marks, section headings and, near the top, release lines and datelines.
fn split_special(blocks: Vec<SrcBlock>) -> Vec<SrcBlock> {
    let mut out = Vec::with_capacity(blocks.len());
    for (n, b) in blocks.into_iter().enumerate() {
        if b.lines.len() < 2 || b.kind != BlockKind::Para {
            out.push(b);
            continue;
        }
        let early = n < DATELINE_SCAN;
        let mut cur: Vec<String> = Vec::new();
        for (i, line) in b.lines.iter().enumerate() {
            if i > 0 && special(line, early) {
                out.push(SrcBlock::new(b.kind, std::mem::take(&mut cur), b.wrapped));
            }
            cur.push(line.clone());
            if tail::end_mark(line).is_some() || (early && head::classify(line).is_some()) {
                out.push(SrcBlock::new(b.kind, std::mem::take(&mut cur), b.wrapped));
            }
        }
        if !cur.is_empty() {
            out.push(SrcBlock::new(b.kind, cur, b.wrapped));
        }
    }
    out.retain(|b| !b.lines.is_empty());
    out
}

fn first_text(b: &SrcBlock) -> String {
    if b.wrapped {
        b.joined()
    } else {
        b.lines.first().cloned().unwrap_or_default()
    }
}

struct Head {
    release_line: ReleaseLine,
    kind: Option<Kind>,
    date: Option<NaiveDate>,
    headline: String,
    subheadline: Vec<String>,
    /// Contact lines found above the headline (`Contact: Jane Smith, …`).
    contacts: Vec<String>,
}

/// Joins head lines into candidate blocks: a line starting in lower case
/// continues the previous one (a hard-wrapped headline); others stand alone.
fn head_groups(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        match out.last_mut() {
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
fn read_head(blocks: &[SrcBlock], report: &mut ImportReport, sub_ok: bool) -> Head {
    let mut h = Head {
        release_line: ReleaseLine::None,
        kind: None,
        date: None,
        headline: String::new(),
        subheadline: Vec::new(),
        contacts: Vec::new(),
    };
    let mut rest: Vec<(BlockKind, String)> = Vec::new();
    for b in blocks {
        let mut kept = Vec::new();
        for line in &b.lines {
            match head::classify(line) {
                Some(HeadLine::Release(r)) => {
                    report.found(
                        "releaseLine",
                        Confidence::High,
                        format!("release line “{line}”"),
                    );
                    h.release_line = r;
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
                    }
                    _ => kept.push(line.clone()),
                },
            }
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
            rest.iter()
                .position(|(_, t)| t.split_whitespace().count() >= 3)
        })
        .unwrap_or(0);
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
        h.headline = t;
    }
    for (_, t) in it {
        if sub_ok {
            h.subheadline.push(t);
        }
    }
    h
}

/// Assembles the release from a source.
pub fn assemble(
    src: Source,
    format: SourceFormat,
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let mut report = ImportReport::new(format);
    for (t, why) in &src.dropped {
        report.drop_text(t, why);
    }
    let blocks = split_special(src.blocks);

    // The dateline, and with it the end of the head.
    let mut found: Option<(usize, dateline::Found)> = None;
    for (i, b) in blocks.iter().enumerate().take(DATELINE_SCAN).skip(1) {
        if b.kind == BlockKind::Heading(1) || b.kind == BlockKind::ListItem {
            continue;
        }
        if let Some(f) = dateline::find(&first_text(b)) {
            if f.style == DatelineStyle::EuCommission && (b.lines.len() > 1 && b.wrapped) {
                continue;
            }
            // A dateline without a date needs the document's date, given or above the headline.
            let dated_head = blocks
                .iter()
                .take(i)
                .flat_map(|b| b.lines.iter())
                .any(|l| matches!(head::classify(l), Some(HeadLine::Date(_))));
            if f.date.is_none() && opts.document_date.is_none() && !dated_head {
                continue;
            }
            found = Some((i, f));
            break;
        }
    }

    let (head, body_start, mut lead): (Head, usize, Vec<SrcBlock>) = match &found {
        Some((i, f)) => {
            let h = read_head(blocks.get(..*i).unwrap_or(&[]), &mut report, true);
            let b = &blocks[*i];
            let mut lead = Vec::new();
            if !f.rest.is_empty() {
                lead.push(SrcBlock::new(BlockKind::Para, vec![f.rest.clone()], true));
            }
            if !b.wrapped {
                for l in b.lines.iter().skip(1) {
                    lead.push(SrcBlock::new(BlockKind::Para, vec![l.clone()], true));
                }
            }
            (h, i + 1, lead)
        }
        None => {
            // Head: lines classified away, then the headline (an h1 if there is
            // one near the top), then headings of lower level as subheadline.
            let h1 = blocks
                .iter()
                .take(8)
                .position(|b| b.kind == BlockKind::Heading(1));
            let mut end = match h1 {
                Some(i) => i + 1,
                None => {
                    let mut e = 0;
                    while let Some(b) = blocks.get(e) {
                        let all_classified = b.lines.iter().all(|l| head::classify(l).is_some());
                        e += 1;
                        if !all_classified {
                            break;
                        }
                    }
                    e
                }
            };
            while blocks
                .get(end)
                .is_some_and(|b| matches!(b.kind, BlockKind::Heading(l) if l >= 2))
            {
                end += 1;
            }
            let h = read_head(blocks.get(..end).unwrap_or(&blocks), &mut report, true);
            report.unsure("dateline", "no dateline was found");
            (h, end, Vec::new())
        }
    };
    if head.headline.trim().is_empty() {
        return Err(ImportError::NoContent);
    }

    let mut region: Vec<SrcBlock> = std::mem::take(&mut lead);
    region.extend(blocks.into_iter().skip(body_start));

    // End of the body: the end mark, else the first tail section or footnote.
    // A strong tail heading (About …, contacts, notes to editors) before the
    // end mark ends the body there: wire copy puts `###` after the boilerplate.
    let mut mark_at: Option<(usize, EndMark)> = None;
    for (i, b) in region.iter().enumerate().skip(1) {
        if b.lines.len() == 1 || b.kind == BlockKind::Rule {
            if let Some(m) = b.lines.first().and_then(|l| tail::end_mark(l)) {
                mark_at = Some((i, m));
                break;
            }
        }
    }
    let mut section_at: Option<(usize, bool)> = None;
    // Footnote markers met so far in the body (`*`, `**`, `†`, …).
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (i, b) in region.iter().enumerate() {
        let first = b.lines.first().map(String::as_str).unwrap_or("");
        let footnote = tail::footnote_start(first).is_some_and(|(m, _)| seen.contains(&m));
        let section = (first.split_whitespace().count() <= 12)
            .then(|| tail::section(first))
            .flatten();
        if i > 0 && (footnote || section.is_some()) {
            let strong = match section {
                Some((Section::Contacts, _)) => true,
                Some((Section::Boilerplate(t), _)) => {
                    let t = t.to_lowercase();
                    [
                        "about",
                        "à propos",
                        "a propos",
                        "acerca",
                        "sobre",
                        "notes to editors",
                        "note to editors",
                        "notes aux",
                        "forward-looking",
                        "safe harbor",
                    ]
                    .iter()
                    .any(|p| t.starts_with(p))
                }
                _ => false,
            };
            section_at = Some((i, strong));
            break;
        }
        for line in &b.lines {
            seen.extend(tail::markers_in(line));
        }
    }
    let (end_mark, body_end, tail_start) = match (mark_at, section_at) {
        (Some((m, mark)), Some((s, true))) if s < m => (mark, s, s),
        (Some((m, mark)), _) => (mark, m, m + 1),
        (None, Some((s, _))) => (EndMark::None, s, s),
        (None, None) => (EndMark::None, region.len(), region.len()),
    };
    let tail_blocks: Vec<SrcBlock> = region.split_off(tail_start.min(region.len()));
    region.truncate(body_end);

    let mut people = People::default();
    let mut verbs = Vec::new();
    let items = body::items(&region);
    let body = body::build(items, &mut people, &mut report, &mut verbs);
    let texts: Vec<&str> = region
        .iter()
        .flat_map(|b| b.lines.iter().map(String::as_str))
        .collect();
    body::complete_names(&mut people, &texts);

    // In the tail, lines of unwrapped blocks (`<br>`, one paragraph per line) stand alone.
    // A line split off continues its block (`true`): contacts keep such lines together.
    let tail_blocks: Vec<(SrcBlock, bool)> = tail_blocks
        .into_iter()
        .flat_map(|b| {
            if b.wrapped || b.lines.len() < 2 {
                vec![(b, false)]
            } else {
                b.lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (SrcBlock::new(b.kind, vec![l.clone()], true), i > 0))
                    .collect()
            }
        })
        .collect();
    let mut t = Tail::default();
    if !head.contacts.is_empty() {
        let mut state = State::Contacts(head.contacts.clone());
        finish(&mut state, &mut t, &mut report);
    }
    read_tail(&tail_blocks, &src.links, &mut people, &mut report, &mut t);

    // Language: asked, else the dateline's month names, the quote verbs, common words.
    let sample: String = region
        .iter()
        .take(30)
        .map(SrcBlock::joined)
        .collect::<Vec<_>>()
        .join(" ");
    let month_lang = found
        .as_ref()
        .and_then(|(_, f)| f.date.and_then(|d| d.language))
        .and_then(|l| match l {
            dateline_core::dateline::DateLanguage::French => Some("fr"),
            dateline_core::dateline::DateLanguage::Spanish => Some("es"),
            dateline_core::dateline::DateLanguage::English => None,
        });
    let verb_lang = majority(&verbs);
    let language = opts
        .language
        .clone()
        .or(month_lang.map(str::to_string))
        .or(verb_lang.map(str::to_string))
        .or(guess_language(&format!("{} {sample}", head.headline)).map(str::to_string))
        .unwrap_or_else(|| "en".to_string());

    // Headline and genre suffix.
    let (headline, suffix_kind) = match head::genre_suffix(&head.headline) {
        Some((h, k)) => (h, Some(k)),
        None => (head.headline.clone(), None),
    };
    report.found(
        "headline",
        Confidence::High,
        format!("headline “{headline}”"),
    );

    // The dateline, with its year and date settled.
    let doc_date = opts.document_date.or(head.date);
    let dateline = found.as_ref().and_then(|(_, f)| {
        let year = f
            .date
            .and_then(|d| d.year)
            .or(doc_date.map(|d| d.year()))
            .or_else(|| year_in_text(&sample));
        let date = match f.date {
            Some(d) => match year {
                Some(y) => d.with_year(y),
                None => {
                    report.unsure(
                        "dateline.date",
                        "the dateline has no year; this year was assumed",
                    );
                    d.with_year(chrono::Utc::now().year())
                }
            },
            None => doc_date,
        }?;
        report.found(
            "dateline",
            f.confidence,
            format!("dateline in the {} style", f.style.label()),
        );
        Some(Dateline {
            places: f.places.clone(),
            date,
            style: f.style,
        })
    });
    if let Some((_, f)) = &found {
        // The written form gives way to the structured one: list it when it differs.
        let rendered = dateline
            .as_ref()
            .map(|d| dateline_core::dateline::render(d, &language))
            .unwrap_or_default();
        if rendered != f.written {
            report.drop_text(
                &f.written,
                "dateline as written (kept as places, date and style)",
            );
        }
    }
    if found.is_some() && dateline.is_none() {
        report.unsure(
            "dateline",
            "the dateline has no date and no document date was given; it was left out",
        );
    }

    let style = opts.style.unwrap_or(if suffix_kind.is_some() {
        HouseStyleId::UnOhchr
    } else if dateline.as_ref().is_some_and(|d| {
        matches!(
            d.style,
            DatelineStyle::Ap
                | DatelineStyle::PrNewswire
                | DatelineStyle::BusinessWire
                | DatelineStyle::GlobeNewswire
        )
    }) || matches!(end_mark, EndMark::Hashes | EndMark::Thirty)
    {
        HouseStyleId::Wire
    } else {
        HouseStyleId::Corporate
    });

    match end_mark.text() {
        Some(m) => report.found("endMark", Confidence::High, format!("end mark “{m}”")),
        None => report.unsure("endMark", "no end mark was found"),
    }
    if !head.subheadline.is_empty() {
        report.found(
            "subheadline",
            Confidence::Medium,
            "subheadline below the headline",
        );
    }
    for p in &people.list {
        let what = if p.title.is_empty() {
            "no title".to_string()
        } else {
            format!("title “{}”", p.title)
        };
        report.found(
            &format!("people.{}", p.id),
            Confidence::High,
            format!("{}, {what}", p.name),
        );
    }
    if !t.boilerplate.is_empty() {
        report.found(
            "boilerplate",
            Confidence::Medium,
            format!("{} section(s)", t.boilerplate.len()),
        );
    }
    if !t.actions.items.is_empty() {
        report.found(
            "actions",
            Confidence::Medium,
            format!("{} action item(s)", t.actions.items.len()),
        );
    }
    let subheadline = Some(
        head.subheadline
            .iter()
            .map(|s| md(s))
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .filter(|s| !s.is_empty());
    let release = Release {
        meta: Meta {
            id: String::new(),
            organisation: t.organisation.clone().unwrap_or_default(),
            language,
            status: Status::Draft,
            kind: suffix_kind.or(head.kind).unwrap_or_default(),
            created: None,
            updated: None,
            tags: t.tags.clone(),
        },
        style,
        release_line: head.release_line,
        headline: md(&headline),
        subheadline,
        dateline,
        body,
        people: people.list,
        end_mark,
        footnotes: t.footnotes,
        boilerplate: t.boilerplate,
        contacts: t.contacts,
        actions: t.actions,
    };
    if let Err(dateline_core::CoreError::Invalid(problems)) = release.check() {
        let n = problems.len();
        for p in problems.into_iter().take(MAX_PROBLEMS) {
            report.unsure(&p.path, p.message);
        }
        if n > MAX_PROBLEMS {
            report.unsure("", format!("and {} more problems", n - MAX_PROBLEMS));
        }
    }
    Ok(Imported { release, report })
}

fn majority(v: &[&'static str]) -> Option<&'static str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in v {
        *counts.entry(l).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(l, n)| (*n, *l == "en"))
        .map(|(l, _)| l)
}

/// The most frequent plausible year (1990–2100) in `text`.
fn year_in_text(text: &str) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for w in text.split(|c: char| !c.is_ascii_digit()) {
        if w.len() == 4 {
            if let Ok(y) = w.parse::<i32>() {
                if (1990..=2100).contains(&y) {
                    *counts.entry(y).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

#[derive(Default)]
struct Tail {
    footnotes: Vec<Footnote>,
    boilerplate: Vec<Boilerplate>,
    contacts: Vec<Contact>,
    actions: Actions,
    organisation: Option<String>,
    tags: Vec<String>,
}

enum State {
    None,
    Footnotes,
    Boilerplate,
    Contacts(Vec<String>),
    Actions,
}

fn read_tail(
    blocks: &[(SrcBlock, bool)],
    links: &[Link],
    people: &mut People,
    report: &mut ImportReport,
    t: &mut Tail,
) {
    let mut state = State::Footnotes;
    let mut pending: Vec<(String, String)> = Vec::new();
    for (b, continued) in blocks {
        let first = b.lines.first().map(String::as_str).unwrap_or("");
        if b.lines.len() == 1 && tail::end_mark(first).is_some() {
            // The end mark, met after the boilerplate (recorded already).
            continue;
        }
        if matches!(state, State::Footnotes | State::None) && tail::footnote_start(first).is_some()
        {
            for line in &b.lines {
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
            continue;
        }
        let mut lines: Vec<String> = b.lines.clone();
        if let Some((sec, remainder)) =
            tail::section(first).filter(|_| b.kind != BlockKind::ListItem)
        {
            finish(&mut state, t, report);
            lines.remove(0);
            if matches!(sec, Section::Contacts) {
                report.drop_text(
                    first.split(':').next().unwrap_or(first),
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
            if lines.is_empty() {
                continue;
            }
        }
        let text = lines.join(" ");
        if lines.len() == 1 && tail::furniture(&text) {
            report.drop_text(&text, "page furniture");
            continue;
        }
        if let Some(org) = text.strip_prefix("SOURCE ").filter(|_| lines.len() == 1) {
            t.organisation = Some(org.trim().to_string());
            report.drop_text(
                "SOURCE",
                "wire source line (organisation kept as meta.organisation)",
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
            continue;
        }
        if lines.len() == 1 && (text.starts_with("Follow ") || text.starts_with("Subscribe")) {
            t.actions.items.push(action(&text, links));
            continue;
        }
        match &mut state {
            State::Contacts(acc) => {
                if !acc.is_empty() && !continued {
                    acc.push(String::new());
                }
                acc.extend(lines);
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
            }
        }
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

fn finish(state: &mut State, t: &mut Tail, report: &mut ImportReport) {
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
