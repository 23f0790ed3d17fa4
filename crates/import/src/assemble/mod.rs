//! Putting it together: find the dateline, read the head above it, the body
//! down to the end mark (or the first tail section), and the tail after it;
//! then pick language and house style, and check the result.

use std::collections::HashMap;

use chrono::Datelike;
use dateline_core::style::HouseStyleId;
use dateline_core::{dateline::DatelineStyle, Dateline, EndMark, Meta, Release, Status};

use crate::body::{self, Forced};
use crate::contacts;
use crate::head::{self, HeadLine};
use crate::overrides::Override;
use crate::people::Mention;
use crate::people::People;
use crate::report::{Confidence, ImportOptions, ImportReport, SourceFormat};
use crate::report::{LineRange, Part, PartRole};
use crate::source::{BlockKind, Source, SrcBlock};
use crate::tail::{self, Section};
use crate::text_util::{guess_language, md};
use crate::{dateline, ImportError, Imported};
use dateline_core::markdown::parse_inline;

mod head_read;
mod tail_read;

use head_read::{read_head, Head};
use tail_read::{finish, read_tail, State, Tail};

/// Validation problems listed in the report at most.
const MAX_PROBLEMS: usize = 50;

/// How many blocks from the top a dateline is looked for in.
const DATELINE_SCAN: usize = 20;

fn special(line: &str, early: bool, wrapped: bool) -> bool {
    tail::end_mark(line).is_some()
        || (line.split_whitespace().count() <= 6 && tail::section(line).is_some())
        // A line of its own that opens with the contacts (`For more information please call …`).
        || (!wrapped && matches!(tail::section(line), Some((Section::Contacts, Some(_)))))
        || (early && head::classify(line).is_some_and(|h| !matches!(h, HeadLine::Furniture)))
        || (early
            && dateline::find(line)
                .is_some_and(|d| d.style != DatelineStyle::EuCommission || d.rest.is_empty()))
}

/// Splits multi-line blocks before and after lines that stand alone: end
/// marks, section headings and, near the top, release lines and datelines.
fn split_special(blocks: Vec<SrcBlock>) -> Vec<SrcBlock> {
    let mut out = Vec::with_capacity(blocks.len());
    let blocks: Vec<SrcBlock> = blocks.into_iter().flat_map(split_contact_aside).collect();
    for (n, b) in blocks.into_iter().enumerate() {
        // `Communiqué de presse – Paris, le 12 mars 2026`: a genre line and a
        // dateline on one line, each a line of its own.
        let split = (n < DATELINE_SCAN && b.lines.len() == 1)
            .then(|| genre_then_dateline(&b.lines[0]))
            .flatten()
            .or_else(|| {
                (b.lines.len() == 1)
                    .then(|| mark_then_initials(&b.lines[0]))
                    .flatten()
            });
        if let Some((genre, dateline)) = split {
            for text in [genre, dateline] {
                let mut one = b.clone();
                one.rich = if b.rich.is_empty() {
                    Vec::new()
                } else {
                    vec![md(&text)]
                };
                one.lines = vec![text];
                out.push(one);
            }
            continue;
        }
        if b.lines.len() < 2 || b.kind != BlockKind::Para {
            out.push(b);
            continue;
        }
        let early = n < DATELINE_SCAN;
        let mut start = 0;
        for (i, line) in b.lines.iter().enumerate() {
            if i > start && special(line, early, b.wrapped) {
                out.push(b.slice(start..i));
                start = i;
            }
            if tail::end_mark(line).is_some() || (early && head::classify(line).is_some()) {
                out.push(b.slice(start..i + 1));
                start = i + 1;
            }
        }
        if start < b.lines.len() {
            out.push(b.slice(start..b.lines.len()));
        }
    }
    out.retain(|b| !b.lines.is_empty());
    out
}

/// `(FIN) RRC/RRC`: an agency's end mark and its editors' initials on one
/// line: (mark, initials).
fn mark_then_initials(line: &str) -> Option<(String, String)> {
    let (mark, initials) = line.trim().split_once(' ')?;
    let initials = initials.trim();
    let ok = tail::end_mark(mark).is_some()
        && tail::end_mark(line).is_none()
        && (2..=15).contains(&initials.chars().count())
        && initials
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, '/' | '-'));
    ok.then(|| (mark.to_string(), initials.to_string()))
}

/// A genre and a dateline standing alone on one line: (genre, dateline).
fn genre_then_dateline(line: &str) -> Option<(String, String)> {
    [" – ", " — ", " - ", " | "].iter().find_map(|sep| {
        let (genre, rest) = line.split_once(sep)?;
        let kind = matches!(head::classify(genre), Some(HeadLine::Kind(_)));
        let f = dateline::find(rest.trim())?;
        (kind && f.date.is_some() && f.rest.is_empty() && !f.places.is_empty())
            .then(|| (genre.trim().to_string(), rest.trim().to_string()))
    })
}

/// How many blocks at the top wrap a forwarded release: everything down to
/// the forwarding line (`----- Forwarded message -----`), the mail headers
/// after it, and a cover note (`Hi Dana,` … `Best regards` and the signature
/// under it). 0 when the input is no forwarded mail.
fn forwarded_wrapper(blocks: &[SrcBlock]) -> usize {
    const MARKERS: [&str; 6] = [
        "forwarded message",
        "begin forwarded message",
        "original message",
        "message transféré",
        "mensaje reenviado",
        "mensaje original",
    ];
    let is_marker = |l: &str| {
        let t = l.trim().trim_matches(['-', ' ']).to_lowercase();
        l.split_whitespace().count() <= 12 && MARKERS.iter().any(|m| t.starts_with(m))
    };
    let Some(marker) = blocks
        .iter()
        .take(DATELINE_SCAN)
        .position(|b| b.lines.iter().any(|l| is_marker(l)))
    else {
        return 0;
    };
    let mut end = marker + 1;
    // The headers of the forwarded mail.
    let header = |l: &str| {
        let lower = l.to_lowercase();
        [
            "from:",
            "date:",
            "to:",
            "cc:",
            "subject:",
            "sent:",
            "reply-to:",
            "objet :",
            "de :",
            "asunto:",
        ]
        .iter()
        .any(|h| lower.starts_with(h))
            || matches!(head::classify(l), Some(HeadLine::Furniture))
    };
    while blocks
        .get(end)
        .is_some_and(|b| b.lines.iter().all(|l| header(l)))
    {
        end += 1;
    }
    const GREETINGS: [&str; 8] = [
        "hi ",
        "hello ",
        "dear ",
        "bonjour",
        "hola",
        "estimad",
        "good morning",
        "good afternoon",
    ];
    const SIGNOFFS: [&str; 12] = [
        "best regards",
        "kind regards",
        "regards",
        "best",
        "thanks",
        "thank you",
        "many thanks",
        "cheers",
        "sincerely",
        "cordialement",
        "bien à vous",
        "saludos",
    ];
    let greets = blocks
        .get(end)
        .and_then(|b| b.lines.first())
        .is_some_and(|l| {
            let lower = l.to_lowercase();
            GREETINGS.iter().any(|g| lower.starts_with(g)) && l.split_whitespace().count() <= 6
        });
    if !greets {
        return end;
    }
    let signoff = blocks
        .iter()
        .enumerate()
        .skip(end + 1)
        .take(8)
        .find(|(_, b)| {
            b.lines.first().is_some_and(|l| {
                let t = l.trim().trim_end_matches([',', '.', '!']).to_lowercase();
                SIGNOFFS.contains(&t.as_str())
            })
        })
        .map(|(k, _)| k);
    let Some(signoff) = signoff else {
        return end;
    };
    // The signature: a block of short lines (name, company, address, phone).
    let signature = blocks.get(signoff + 1).is_some_and(|b| {
        b.lines.len() <= 6 && b.lines.iter().all(|l| l.split_whitespace().count() <= 6)
    });
    signoff + 1 + usize::from(signature)
}

/// Openers of the contacts set in brackets at the end of a paragraph.
const CONTACT_ASIDES: [&str; 5] = [
    "(For more information:",
    "(For more information contact:",
    "(Pour plus d'informations :",
    "(Pour plus d’informations :",
    "(Para más información:",
];

/// `… by October. (For more information: Jane Roe – Tel.: …; John Doe – Tel.: …)`:
/// the contacts in brackets at the end of a paragraph become a line of their
/// own after it, where the tail reads them.
fn split_contact_aside(mut b: SrcBlock) -> Vec<SrcBlock> {
    let cut = |line: &str| -> Option<(String, String)> {
        let t = line.trim_end();
        let inner = t.strip_suffix(')')?;
        let i = CONTACT_ASIDES.iter().filter_map(|o| inner.rfind(o)).max()?;
        let aside = inner.get(i + 1..)?.trim().to_string();
        // The brackets close only at the end: no other `(` inside the aside
        // without its `)`.
        if aside.matches('(').count() != aside.matches(')').count() {
            return None;
        }
        Some((inner.get(..i)?.trim_end().to_string(), aside))
    };
    if b.kind != BlockKind::Para {
        return vec![b];
    }
    let Some((before, aside)) = b.lines.last().and_then(|l| cut(l)) else {
        return vec![b];
    };
    let last = b.lines.len() - 1;
    let at = b.first_line.map(|f| f + last);
    let mut aside_block = SrcBlock::new(BlockKind::Para, vec![aside], false).at_line(at);
    if let Some(span) = b.spans.get(last).copied() {
        aside_block.spans = vec![span];
    }
    if before.is_empty() {
        b.lines.pop();
        if b.rich.len() > last {
            b.rich.pop();
        }
        if b.spans.len() > last {
            b.spans.pop();
        }
    } else {
        b.lines[last] = before.clone();
        if let Some(r) = b.rich.get_mut(last) {
            *r = cut(r).map(|(rb, _)| rb).unwrap_or_else(|| md(&before));
        }
    }
    if b.lines.is_empty() {
        vec![aside_block]
    } else {
        vec![b, aside_block]
    }
}

/// `PORTLAND` alone on its line between the head and the lead: a dateline
/// whose date is the document's (a date line above, or the one given).
fn place_alone(blocks: &[SrcBlock], i: usize) -> Option<dateline::Found> {
    let b = blocks.get(i)?;
    let line = b.lines.first().filter(|_| b.lines.len() == 1)?;
    // `ENDS`, `CONTACTS`, `PRESS RELEASE`: marks and labels, not places.
    if tail::end_mark(line).is_some()
        || tail::section(line).is_some()
        || head::classify(line).is_some()
    {
        return None;
    }
    // `PRESIDENT`, `CHAIR`: a label line naming a role, no place.
    if line
        .split_whitespace()
        .all(|w| crate::quote::TITLE_WORDS.contains(&dateline::running_case(w).as_str()))
    {
        return None;
    }
    let places = dateline::place_line(line)?;
    let lead_follows = blocks.get(i + 1).is_some_and(|n| {
        n.kind == BlockKind::Para
            && n.joined().split_whitespace().count() >= 12
            && n.lines
                .first()
                .is_some_and(|l| tail::footnote_start(l).is_none())
    });
    // Above it the head only: a few short lines, hardly any sentence.
    let above = blocks.get(..i)?;
    let sentences = above
        .iter()
        .filter(|b| b.joined().ends_with(['.', '!', '?']))
        .count();
    // With only lines classified away above it (`5 June 2026`), a line in
    // capitals over the lead is the headline (`LIBRARY HOURS GROW`), no place.
    let headline_above = above
        .iter()
        .any(|b| b.lines.iter().any(|l| head::classify(l).is_none()));
    let head_above = i <= 6
        && headline_above
        && sentences <= 1
        && above
            .iter()
            .all(|b| b.joined().split_whitespace().count() <= 30);
    (lead_follows && head_above).then(|| dateline::Found {
        places,
        date: None,
        style: DatelineStyle::Ap,
        rest: String::new(),
        confidence: Confidence::Low,
        written: line.clone(),
    })
}

fn first_text(b: &SrcBlock) -> String {
    if b.wrapped {
        b.joined()
    } else {
        b.lines.first().cloned().unwrap_or_default()
    }
}

/// Assembles the release from a source.
pub fn assemble(
    src: Source,
    format: SourceFormat,
    opts: &ImportOptions,
    overrides: &[Override],
) -> Result<Imported, ImportError> {
    let mut report = ImportReport::new(format);
    for (t, why) in &src.dropped {
        report.drop_text(t, why);
    }
    let mut blocks = split_special(src.blocks);
    for (i, b) in blocks.iter_mut().enumerate() {
        b.part = i;
    }
    report.parts = blocks
        .iter()
        .map(|b| Part {
            index: b.part,
            text: b.joined(),
            lines: b
                .line_range()
                .map(|(first, last)| LineRange { first, last }),
            role: PartRole::Paragraph,
            confidence: Confidence::Low,
            field: None,
            speaker: None,
        })
        .collect();
    let pins = Pins::read(overrides, &blocks)?;
    for b in blocks.iter().filter(|b| pins.dropped.contains(&b.part)) {
        report.drop_text(&b.joined(), "left out by the writer");
        report.part(b.part, PartRole::Furniture, Confidence::High, None);
    }
    blocks.retain(|b| !pins.dropped.contains(&b.part));
    // A release forwarded by mail: the list's lines, the forwarding header
    // and the sender's cover note stand above it.
    let forwarded = forwarded_wrapper(&blocks);
    for b in blocks.iter().take(forwarded) {
        report.drop_text(&b.joined(), "forwarded mail and its cover note");
        report.part(b.part, PartRole::Furniture, Confidence::Medium, None);
    }
    if forwarded > 0 {
        blocks.drain(..forwarded);
        report.found(
            "headline",
            Confidence::Medium,
            "a forwarded mail: its header and cover note were left out",
        );
    }

    // The dateline, and with it the end of the head.
    let mut found: Option<(usize, dateline::Found)> = None;
    let mut date_line_at: Option<usize> = None;
    if let Some(part) = pins.dateline {
        let i = blocks
            .iter()
            .position(|b| b.part == part)
            .ok_or_else(|| bad(part, "the part was also left out"))?;
        let b = &blocks[i];
        if let Some(f) = dateline::find(&first_text(b)).filter(|f| f.date.is_some()) {
            found = Some((i, f));
        } else if b
            .lines
            .iter()
            .any(|l| matches!(head::classify(l), Some(HeadLine::Date(_))))
        {
            date_line_at = Some(i);
        } else {
            return Err(bad(
                part,
                "no place and date (or date alone) was found in it",
            ));
        }
    }
    let scan = if pins.dateline.is_some() {
        0
    } else {
        DATELINE_SCAN
    };
    // `Geneva, Switzerland` over `24 February 2026` over the headline: place
    // and date on lines of their own above it, only page furniture higher up.
    if pins.dateline.is_none() {
        if let Some((k, f)) = place_then_date_above(&blocks) {
            report.part(
                blocks[k].part,
                PartRole::Dateline,
                Confidence::Medium,
                Some("dateline".into()),
            );
            blocks.remove(k);
            found = Some((k, f));
        }
    }
    for (i, b) in blocks
        .iter()
        .enumerate()
        .take(if found.is_some() { 0 } else { scan })
    {
        if b.kind == BlockKind::Heading(1) || b.kind == BlockKind::ListItem {
            continue;
        }
        // The first block is the headline, unless it is a dateline alone on its
        // line over the headline (`Paris, le 5 avril 2026`, then the genre line).
        let first_ok = |f: &dateline::Found| {
            f.style == DatelineStyle::EuCommission && dateline_above_headline(&blocks, 0, f)
        };
        if i == 0 && !dateline::find(&first_text(b)).is_some_and(|f| first_ok(&f)) {
            continue;
        }
        if let Some(f) = dateline::find(&first_text(b)).or_else(|| place_alone(&blocks, i)) {
            if f.style == DatelineStyle::EuCommission && (b.lines.len() > 1 && b.wrapped) {
                continue;
            }
            // Above a dateline stand a headline and a few short lines, not body
            // paragraphs: a place and date line after them is a sign-off.
            let longest = blocks
                .iter()
                .take(i)
                .map(|b| b.joined().split_whitespace().count())
                .max()
                .unwrap_or(0);
            let own_line = f.style == DatelineStyle::EuCommission;
            // Blocks above it other than the deck's bullets and lines classified away.
            let ahead = blocks
                .iter()
                .take(i)
                .filter(|b| {
                    b.kind != BlockKind::ListItem
                        && !b.lines.iter().all(|l| head::classify(l).is_some())
                })
                .count();
            if (own_line && (ahead > 4 || longest > 45)) || longest > 80 {
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

    // No dateline: a date line (`08/10/2004`, `--19 May 2015--`) under the
    // headline ends the head instead; a place alone above it (`PERTH`) makes
    // the two a dateline.
    if found.is_none() && pins.dateline.is_none() {
        if let Some(i) = date_line(&blocks) {
            let place = i
                .checked_sub(1)
                .and_then(|p| blocks.get(p))
                .filter(|b| b.lines.len() == 1)
                .and_then(|b| b.lines.first())
                // A genre line (`PRESS STATEMENT`) is no place.
                .filter(|l| head::classify(l).is_none())
                .and_then(|l| {
                    dateline::place_line(l)
                        .or_else(|| dateline::place_region_line(l))
                        // A one-word place under the headline (`Ginebra`).
                        .or_else(|| {
                            (i >= 2 && head::classify(l).is_none() && tail::section(l).is_none())
                                .then(|| dateline::place_word_line(l))
                                .flatten()
                        })
                });
            // `24.2.2026`, share links, then `La Moncloa, Madrid`: the place under the date.
            // With nothing above the date that could be a headline, a line under
            // it straight over the lead is the headline (`LIBRARY HOURS GROW`),
            // not a place.
            let headline_above = blocks
                .iter()
                .take(i)
                .any(|b| b.lines.iter().any(|l| head::classify(l).is_none()));
            let titled_after = |k: usize| {
                blocks.get(k + 1).is_some_and(|n| {
                    n.lines.len() == 1
                        && !n.lines[0].trim_end().ends_with(['.', ':', '!', '?'])
                        && n.lines[0].split_whitespace().count() <= 25
                })
            };
            let place_below = match place {
                Some(_) => None,
                None => blocks
                    .iter()
                    .enumerate()
                    .skip(i + 1)
                    .take(8)
                    .find(|(_, b)| b.kind != BlockKind::ListItem)
                    .filter(|(_, b)| b.lines.len() == 1)
                    .and_then(|(k, b)| Some((k, dateline::place_region_line(b.lines.first()?)?)))
                    .filter(|(k, _)| headline_above || titled_after(*k)),
            };
            let date = blocks
                .get(i)
                .and_then(|b| b.lines.first())
                .and_then(|l| head::classify(l))
                .and_then(|h| match h {
                    HeadLine::Date(d) => Some(d),
                    _ => None,
                });
            match (place, date) {
                (Some(places), Some(d)) if i >= 2 => {
                    let written = format!(
                        "{} {}",
                        blocks[i - 1].lines.join(" "),
                        blocks[i].lines.join(" ")
                    );
                    found = Some((
                        i,
                        dateline::Found {
                            places,
                            date: Some(crate::dates::PartialDate {
                                day: d.day(),
                                month: d.month(),
                                year: Some(d.year()),
                                order: crate::dates::DateOrder::DayFirst,
                                language: None,
                            }),
                            style: DatelineStyle::EuCommission,
                            rest: String::new(),
                            confidence: Confidence::Medium,
                            written,
                        },
                    ));
                    let place_part = blocks[i - 1].part;
                    report.part(
                        place_part,
                        PartRole::Dateline,
                        Confidence::Medium,
                        Some("dateline".into()),
                    );
                    blocks.remove(i - 1);
                    if let Some((at, _)) = found.as_mut() {
                        *at -= 1;
                    }
                }
                (None, Some(d)) if place_below.is_some() => {
                    let Some((k, places)) = place_below else {
                        unreachable!()
                    };
                    let written = format!("{} {}", blocks[i].joined(), blocks[k].joined());
                    found = Some((
                        i,
                        dateline::Found {
                            places,
                            date: Some(crate::dates::PartialDate {
                                day: d.day(),
                                month: d.month(),
                                year: Some(d.year()),
                                order: crate::dates::DateOrder::DayFirst,
                                language: None,
                            }),
                            style: DatelineStyle::EuCommission,
                            rest: String::new(),
                            confidence: Confidence::Medium,
                            written,
                        },
                    ));
                    report.part(
                        blocks[k].part,
                        PartRole::Dateline,
                        Confidence::Medium,
                        Some("dateline".into()),
                    );
                    blocks.remove(k);
                }
                _ => date_line_at = Some(i),
            }
        }
    }

    let (head, body_start, mut lead): (Head, usize, Vec<SrcBlock>) = match &found {
        Some((i, f)) if dateline_above_headline(&blocks, *i, f) => {
            // `Paris, le 12 mars 2026` above the headline: the headline (and
            // any sub-heading) follows the dateline, maybe under a genre line.
            let mut end = headline_under(&blocks, *i) + 1;
            while blocks
                .get(end)
                .is_some_and(|b| matches!(b.kind, BlockKind::Heading(l) if l >= 2))
            {
                end += 1;
            }
            let head_blocks: Vec<SrcBlock> = blocks
                .iter()
                .take(end)
                .enumerate()
                .filter(|(k, _)| k != i)
                .map(|(_, b)| b.clone())
                .collect();
            let h = read_head(&head_blocks, &mut report, true);
            (h, end, Vec::new())
        }
        Some((i, f)) => {
            let h = read_head(blocks.get(..*i).unwrap_or(&[]), &mut report, true);
            let b = &blocks[*i];
            let mut lead = Vec::new();
            if !f.rest.is_empty() {
                let first_rich = if b.wrapped {
                    b.joined_rich()
                } else {
                    b.rich.first().cloned()
                };
                let rich = first_rich
                    .and_then(|r| rich_suffix(&r, &f.rest))
                    .unwrap_or_else(|| f.rest.clone());
                let mut l = SrcBlock::new_rich(BlockKind::Para, vec![(f.rest.clone(), rich)], true)
                    .at_line(b.first_line);
                l.part = b.part;
                lead.push(l);
            }
            if !b.wrapped {
                for (k, l) in b.lines.iter().enumerate().skip(1) {
                    let r = b.rich.get(k).cloned().unwrap_or_else(|| md(l));
                    let mut l = SrcBlock::new_rich(BlockKind::Para, vec![(l.clone(), r)], true)
                        .at_line(b.first_line.map(|f| f + k));
                    l.part = b.part;
                    lead.push(l);
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
            let mut end = match (h1, date_line_at) {
                (Some(i), Some(d)) => i.max(d) + 1,
                (Some(i), None) => i + 1,
                (None, Some(d)) => {
                    // `CITY OF MAPLE HEIGHTS` / `NEWS RELEASE` / contact / date,
                    // then the headline: above the date only the issuer's
                    // name in capitals and lines classified away.
                    let issuer_only = blocks.iter().take(d).all(|b| {
                        b.lines.iter().all(|l| {
                            head::classify(l).is_some()
                                || tail::section(l).is_some()
                                || masthead(l)
                                || contacts::name_and_reach(l)
                                || contacts::box_line(l)
                                || (!l.chars().any(char::is_lowercase)
                                    && l.split_whitespace().count() <= 5)
                        })
                    });
                    let title = |n: &SrcBlock, lower: bool| {
                        n.lines.len() == 1
                            && (!lower || n.lines[0].chars().any(char::is_lowercase))
                            && (1..=25).contains(&n.lines[0].split_whitespace().count())
                            && (!lower || n.lines[0].split_whitespace().count() >= 3)
                            && !n.lines[0].ends_with(['.', ':'])
                            && head::classify(&n.lines[0]).is_none()
                    };
                    let titled = blocks.get(d + 1).is_some_and(|n| title(n, true))
                        && blocks.get(d + 2).is_some();
                    // `5 June 2026` / `LIBRARY HOURS GROW` / lead: a short headline
                    // in capitals under the date line is the headline; an
                    // organisation's name in capitals may stand over it.
                    let caps_titled = blocks.get(d + 1).is_some_and(|n| {
                        title(n, false) && !n.lines[0].chars().any(char::is_lowercase)
                    }) && blocks.get(d + 2).is_some();
                    let caps_over_title = caps_titled
                        && blocks.get(d + 2).is_some_and(|n| title(n, true))
                        && blocks.get(d + 3).is_some();
                    if issuer_only && caps_over_title {
                        d + 3
                    } else if issuer_only && (titled || caps_titled) {
                        d + 2
                    } else {
                        d + 1
                    }
                }
                (None, None) => {
                    // Furniture, then the headline: the first block of three words or more.
                    let mut e = 0;
                    // Under `Contact presse` alone: a press box (numbers, addresses).
                    let mut in_box = false;
                    while let Some(b) = blocks.get(e) {
                        let boxed = b.lines.len() == 1
                            && matches!(
                                tail::section(&b.lines[0]),
                                Some((Section::Contacts, None))
                            );
                        // `MEDIA CONTACT: Name, phone, email` above the headline goes
                        // to the contacts, like the lines classified away.
                        let boxing = in_box;
                        let head_line = |l: &String| {
                            head::classify(l).is_some()
                                || matches!(tail::section(l), Some((Section::Contacts, _)))
                                || masthead(l)
                                || (boxing && contacts::box_line(l))
                        };
                        // Category bullets above the headline (`• Justice and Home Affairs`).
                        let bullets = b
                            .lines
                            .iter()
                            .all(|l| l.trim_start().starts_with(['•', '·']));
                        let all_classified = b.lines.iter().all(head_line)
                            || head::issuer_block(&b.lines)
                            || (bullets && blocks.get(e + 1).is_some());
                        let words: usize = b
                            .lines
                            .iter()
                            .filter(|l| !head_line(l))
                            .map(|l| l.split_whitespace().count())
                            .sum();
                        // A short label over the headline (`NEWS`); straight over
                        // the lead, a short line is the headline (`PARK REOPENS`).
                        let lead_next = blocks.get(e + 1).is_some_and(|n| {
                            n.kind == BlockKind::Para
                                && n.joined().split_whitespace().count() >= 12
                                && n.joined()
                                    .trim_end()
                                    .ends_with(['.', '!', '?', '»', '”', '"'])
                        });
                        let titled_short = words >= 1
                            && lead_next
                            && e > 0
                            && blocks.iter().take(e).all(|p| p.lines.iter().all(head_line));
                        let label = words < 3 && blocks.get(e + 1).is_some() && !titled_short;
                        e += 1;
                        in_box = boxed || (in_box && all_classified);
                        if !all_classified && !label {
                            // An organisation's name in capitals over the headline.
                            let caps = b.lines.len() == 1
                                && words <= 5
                                && !b.lines[0].chars().any(char::is_lowercase)
                                && !b.lines[0].ends_with(['.', ':', '!', '?']);
                            // Past lines classified away (`("Acme", the "Company")`).
                            let skip = blocks
                                .iter()
                                .skip(e)
                                .take_while(|n| n.lines.iter().all(head_line))
                                .count();
                            let titled = blocks.get(e + skip).is_some_and(|n| {
                                n.lines.len() == 1
                                    && n.lines[0].chars().any(char::is_lowercase)
                                    && (2..=25).contains(&n.lines[0].split_whitespace().count())
                                    && !n.lines[0].ends_with(['.', ':'])
                            });
                            // `POLICÍA NACIONAL` / `DIRECCIÓN DE RELACIONES PÚBLICAS`,
                            // then `NOTA DE PRENSA No. 45`, then the headline (in
                            // capitals too): a masthead of short lines in capitals
                            // over a genre line.
                            let caps_block = b.lines.len() <= 4
                                && b.lines.iter().all(|l| {
                                    l.split_whitespace().count() <= 6
                                        && !l.chars().any(char::is_lowercase)
                                        && !l.ends_with(['.', ':', '!', '?'])
                                });
                            let genre_between = blocks.iter().skip(e).take(skip).any(|n| {
                                n.lines
                                    .iter()
                                    .any(|l| matches!(head::classify(l), Some(HeadLine::Kind(_))))
                            });
                            let headline_next = blocks.get(e + skip).is_some_and(|n| {
                                n.lines.len() <= 2
                                    && (3..=40).contains(&n.joined().split_whitespace().count())
                                    && !n.joined().ends_with(['.', ':'])
                            }) && blocks.get(e + skip + 1).is_some();
                            if (caps && titled) || (caps_block && genre_between && headline_next) {
                                e += skip + 1;
                            }
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
            if h.date.is_none() {
                report.unsure("dateline", "no dateline was found");
            }
            (h, end, Vec::new())
        }
    };
    let mut head = head;
    // What the head's parts became.
    let head_end = found
        .as_ref()
        .map_or(body_start, |(i, _)| (*i).max(body_start.saturating_sub(1)));
    let dateline_at = found.as_ref().map(|(i, _)| *i);
    for (k, b) in blocks.iter().enumerate().take(head_end.max(body_start)) {
        if Some(k) != dateline_at {
            mark_head_part(&mut report, b, &head);
        }
    }
    if let Some((i, f)) = &found {
        if let Some(b) = blocks.get(*i) {
            report.part(
                b.part,
                PartRole::Dateline,
                f.confidence,
                Some("dateline".into()),
            );
        }
    }
    if let Some(b) = date_line_at.and_then(|i| blocks.get(i)) {
        report.part(
            b.part,
            PartRole::Date,
            Confidence::Medium,
            Some("dateline.date".into()),
        );
    }
    // The writer's headline: the part leaves the body if it was there.
    if let Some(part) = pins.headline {
        let Some(b) = blocks.iter().find(|b| b.part == part) else {
            return Err(bad(part, "the part was also left out"));
        };
        let text = b.joined();
        if head.headline != text && !head.headline.is_empty() {
            report.drop_text(&head.headline, "not the headline, by the writer");
        }
        head.subheadline.retain(|s| *s != text);
        head.headline = text;
        report.part(
            part,
            PartRole::Headline,
            Confidence::High,
            Some("headline".into()),
        );
    }
    // No line above the lead passed for a headline: a text with paragraphs
    // still imports, under its first short line or its lead's first sentence.
    let mut body_start = body_start;
    if head.headline.trim().is_empty() {
        if let Some(b) = lead.first() {
            head.headline = first_sentence(&b.joined());
            report.unsure(
                "headline",
                "no line above the lead passed for a headline; check the one taken",
            );
        } else if let Some((k, b)) = blocks
            .iter()
            .enumerate()
            .skip(body_start)
            .find(|(_, b)| !b.joined().trim().is_empty())
        {
            let text = b.joined();
            let words = text.split_whitespace().count();
            if b.lines.len() == 1 && words <= 25 && !text.trim_end().ends_with(['.', ':']) {
                head.headline = text.trim().to_string();
                report.part(
                    b.part,
                    PartRole::Headline,
                    Confidence::Low,
                    Some("headline".into()),
                );
                body_start = k + 1;
            } else {
                head.headline = first_sentence(&text);
            }
            report.unsure(
                "headline",
                "no line above the lead passed for a headline; check the one taken",
            );
        }
    }
    if head.headline.trim().is_empty() {
        return Err(ImportError::NoContent);
    }

    let dateline_part = found
        .as_ref()
        .and_then(|(i, _)| blocks.get(*i))
        .map(|b| b.part);
    let mut region: Vec<SrcBlock> = std::mem::take(&mut lead);
    // The head's lines name people too (`Senator the Hon. Jane Doe` over her office).
    let head_lines: Vec<String> = blocks
        .iter()
        .take(body_start)
        .flat_map(|b| b.lines.clone())
        .collect();
    region.extend(blocks.into_iter().skip(body_start));
    region.retain(|b| Some(b.part) != pins.headline || Some(b.part) == dateline_part);
    // `… issued the following news release:` then `* * *`: a relay's separator
    // before the release it passes on, not its end.
    if let [first, sep, ..] = region.as_slice() {
        let separator = sep.lines.len() == 1
            && sep.lines[0].chars().all(|c| matches!(c, '*' | '#' | ' '))
            && tail::end_mark(&sep.lines[0]).is_some();
        if separator && first.joined().trim_end().ends_with(':') {
            report.drop_text(&sep.joined(), "separator under a relayed release's lead");
            report.part(sep.part, PartRole::Furniture, Confidence::Medium, None);
            region.remove(1);
            // The relayed release prints its headline again under the separator.
            if region.get(1).is_some_and(|b| {
                b.joined().trim().to_lowercase() == head.headline.trim().to_lowercase()
            }) {
                report.drop_text(&region[1].joined(), "the headline repeated");
                report.part(
                    region[1].part,
                    PartRole::Furniture,
                    Confidence::Medium,
                    None,
                );
                region.remove(1);
            }
        }
    }

    // `By: Jane Doe` / `Phone: …` / `Photos By: …` opening the body: the
    // writer's byline, a press contact when it gives a telephone or address.
    let byline = byline_blocks(&region);
    if byline > 0 {
        let lines: Vec<String> = region
            .drain(..byline)
            .flat_map(|b| {
                report.part(
                    b.part,
                    PartRole::Contacts,
                    Confidence::Medium,
                    Some("contacts".into()),
                );
                b.lines
            })
            .collect();
        for l in lines {
            let (label, value) = l.split_once(':').unwrap_or(("", l.as_str()));
            let label = label.trim().to_lowercase();
            if label.starts_with("photo") {
                report.drop_text(&l, "photo credit");
            } else if label.ends_with("by") {
                head.contacts.push(value.trim().to_string());
            } else {
                head.contacts.push(l.clone());
            }
        }
    }
    let (end_mark, body_end, tail_start) = body_bounds(&region);
    if let Some(b) = region.get(body_end).filter(|_| end_mark != EndMark::None) {
        report.part(
            b.part,
            PartRole::EndMark,
            Confidence::High,
            Some("endMark".into()),
        );
    }
    let tail_blocks: Vec<SrcBlock> = region.split_off(tail_start.min(region.len()));
    region.truncate(body_end);
    // `15 May 2026` alone closing a release with no dateline and no date
    // above: the date it was signed off.
    if found.is_none() && head.date.is_none() && region.len() > 1 {
        let signed =
            region.last().filter(|b| b.lines.len() == 1).and_then(|b| {
                match head::classify(&b.lines[0]) {
                    Some(HeadLine::Date(d)) => Some((b.part, d)),
                    _ => None,
                }
            });
        if let Some((part, d)) = signed {
            head.date = Some(d);
            report.part(
                part,
                PartRole::Date,
                Confidence::Medium,
                Some("dateline.date".into()),
            );
            region.pop();
        }
    }

    let mut people = People::default();
    let mut verbs = Vec::new();
    for b in &tail_blocks {
        if b.lines.len() == 1 && b.lines.first().is_some_and(|l| tail::end_mark(l).is_some()) {
            report.part(
                b.part,
                PartRole::EndMark,
                Confidence::High,
                Some("endMark".into()),
            );
        }
    }
    let items = body::placed(&region);
    let rich = rich_texts(&region);
    let body = body::build(
        items,
        &head.headline,
        &head.subheadline,
        &rich,
        &pins.body,
        &mut people,
        &mut report,
        &mut verbs,
    );
    let texts: Vec<&str> = region
        .iter()
        .flat_map(|b| b.lines.iter().map(String::as_str))
        .collect();
    body::complete_names(&mut people, &texts);
    let head_texts: Vec<&str> = head_lines.iter().map(String::as_str).collect();
    body::complete_surnames(&mut people, &head_texts);

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
                    .map(|(i, _)| {
                        let mut one = b.slice(i..i + 1);
                        one.wrapped = true;
                        (one, i > 0)
                    })
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
    t.contacts = merged_contacts(std::mem::take(&mut t.contacts));

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
        .map(|l| dateline_core::Language::new(&l))
        .unwrap_or_default();

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
    // A date with no place (a date line above or below the headline): kept,
    // printed as no dateline.
    let dateline = dateline.or_else(|| {
        let date = head.date.filter(|_| found.is_none())?;
        report.found(
            "dateline",
            Confidence::Medium,
            "a date line without a place (kept as the dateline's date, printed as no dateline)",
        );
        Some(Dateline {
            places: Vec::new(),
            date,
            style: DatelineStyle::None,
        })
    });
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

/// Whether the dateline found at `i` stands above the headline: alone on its
/// line, with nothing above it that could be a headline, and a short block
/// after it.
/// A place line and a date line, in that order, at the top of the page with a
/// headline right under them: (index of the place line, the dateline).
fn place_then_date_above(blocks: &[SrcBlock]) -> Option<(usize, dateline::Found)> {
    let one = |b: &SrcBlock| (b.lines.len() == 1).then(|| b.lines[0].clone());
    for k in 0..blocks.len().min(6) {
        let above_is_furniture = blocks.iter().take(k).all(|b| {
            b.kind == BlockKind::ListItem
                || b.lines
                    .iter()
                    .all(|l| head::classify(l).is_some() || l.split_whitespace().count() < 3)
        });
        if !above_is_furniture {
            return None;
        }
        let Some(place_text) = blocks.get(k).and_then(one) else {
            continue;
        };
        let Some(places) =
            dateline::place_region_line(&place_text).or_else(|| dateline::place_line(&place_text))
        else {
            continue;
        };
        let Some(Some(HeadLine::Date(d))) =
            blocks.get(k + 1).and_then(one).map(|l| head::classify(&l))
        else {
            continue;
        };
        let headline_after = blocks.get(k + 2).is_some_and(|b| {
            let words = b.joined().split_whitespace().count();
            (3..=40).contains(&words) && !b.joined().ends_with(['.', ':'])
        });
        if !headline_after {
            return None;
        }
        return Some((
            k,
            dateline::Found {
                places,
                date: Some(crate::dates::PartialDate {
                    day: d.day(),
                    month: d.month(),
                    year: Some(d.year()),
                    order: crate::dates::DateOrder::DayFirst,
                    language: None,
                }),
                style: DatelineStyle::EuCommission,
                rest: String::new(),
                confidence: Confidence::Medium,
                written: format!("{place_text} {}", blocks[k + 1].joined()),
            },
        ));
    }
    None
}

fn dateline_above_headline(blocks: &[SrcBlock], i: usize, f: &dateline::Found) -> bool {
    let nothing_above = blocks.iter().take(i).all(|b| {
        b.lines
            .iter()
            .all(|l| head::classify(l).is_some() || l.split_whitespace().count() < 3)
    });
    // `PRÉFET DE …` / `Cabinet du préfet` / `Bureau de la communication` /
    // `Communiqué de presse` over the dateline: the issuer's masthead and
    // offices, short lines with no sentence, closed by a genre line.
    let masthead_above = blocks.iter().take(i).flat_map(|b| b.lines.iter()).all(|l| {
        l.split_whitespace().count() <= 8 && !l.trim_end().ends_with(['.', '!', '?', ':'])
    }) && blocks.get(..i).and_then(|a| a.last()).is_some_and(|b| {
        b.lines
            .iter()
            .all(|l| matches!(head::classify(l), Some(HeadLine::Kind(_))))
    });
    let nothing_above = nothing_above || masthead_above;
    let headline_after = blocks.get(headline_under(blocks, i)).is_some_and(|b| {
        let words = b.joined().split_whitespace().count();
        (3..=40).contains(&words) && !b.joined().ends_with(['.', ':'])
    });
    f.rest.is_empty() && nothing_above && headline_after
}

/// The first block after `i` that is not only classified lines (a genre
/// line, a release line): where the headline stands under a dateline.
fn headline_under(blocks: &[SrcBlock], i: usize) -> usize {
    let mut k = i + 1;
    while blocks.get(k).is_some_and(|b| {
        b.lines.iter().all(|l| {
            matches!(
                head::classify(l),
                Some(HeadLine::Kind(_) | HeadLine::Release(_) | HeadLine::BadEmbargo)
            )
        })
    }) && k < i + 3
    {
        k += 1;
    }
    k
}

/// Records what a part of the head became.
fn mark_head_part(report: &mut ImportReport, b: &SrcBlock, head: &Head) {
    let joined = b.joined();
    let headline = !head.headline.is_empty()
        && (joined.contains(&head.headline) || head.headline.contains(&joined));
    let (role, conf, field) = if headline {
        (PartRole::Headline, Confidence::High, Some("headline"))
    } else if head
        .subheadline
        .iter()
        .any(|s| joined.contains(s.as_str()) || s.contains(&joined))
    {
        (
            PartRole::Subheadline,
            Confidence::Medium,
            Some("subheadline"),
        )
    } else {
        match b.lines.first().and_then(|l| head::classify(l)) {
            Some(HeadLine::Release(_)) => {
                (PartRole::ReleaseLine, Confidence::High, Some("releaseLine"))
            }
            Some(HeadLine::BadEmbargo) => {
                (PartRole::ReleaseLine, Confidence::Low, Some("releaseLine"))
            }
            Some(HeadLine::Kind(_)) => (PartRole::Genre, Confidence::High, Some("meta.kind")),
            Some(HeadLine::Date(_)) => (PartRole::Date, Confidence::Medium, Some("dateline.date")),
            Some(HeadLine::Furniture) => (PartRole::Furniture, Confidence::Medium, None),
            None if tail::section(&joined).is_some_and(|(s, _)| matches!(s, Section::Contacts)) => {
                (PartRole::Contacts, Confidence::Medium, Some("contacts"))
            }
            None => (PartRole::Furniture, Confidence::Low, None),
        }
    };
    report.part(b.part, role, conf, field.map(str::to_string));
}

/// The overrides, checked against the parts.
#[derive(Default)]
struct Pins {
    headline: Option<usize>,
    dateline: Option<usize>,
    dropped: Vec<usize>,
    body: HashMap<usize, Forced>,
}

fn bad(part: usize, message: &str) -> ImportError {
    ImportError::BadOverride {
        part,
        message: message.to_string(),
    }
}

impl Pins {
    fn read(overrides: &[Override], blocks: &[SrcBlock]) -> Result<Pins, ImportError> {
        let mut p = Pins::default();
        for o in overrides {
            let part = o.part();
            if part >= blocks.len() {
                return Err(bad(
                    part,
                    &format!("there is no such part (the input has {})", blocks.len()),
                ));
            }
            match o {
                Override::Headline { .. } => p.headline = Some(part),
                Override::Dateline { .. } => p.dateline = Some(part),
                Override::Drop { .. } => p.dropped.push(part),
                Override::Paragraph { .. } => {
                    p.body.insert(part, Forced::Paragraph);
                }
                Override::Quote { speaker, title, .. } => {
                    let name = speaker.trim();
                    if name.is_empty() || name.chars().count() > 100 {
                        return Err(bad(part, "a quote needs its speaker's name"));
                    }
                    let mention = Mention {
                        name: Some(name.to_string()),
                        title: title
                            .as_ref()
                            .map(|t| t.trim().to_string())
                            .filter(|t| !t.is_empty()),
                        ..Mention::default()
                    };
                    p.body.insert(part, Forced::Quote(mention));
                }
            }
        }
        Ok(p)
    }
}

/// The inline Markdown of each block's text and of each of its lines, keyed
/// by the plain text, where the source kept markup that reads back to exactly
/// that text.
fn rich_texts(blocks: &[SrcBlock]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut keep = |plain: &str, rich: &str| {
        if rich != plain && rich != md(plain) && visible(rich) == plain {
            out.insert(plain.to_string(), rich.to_string());
        }
    };
    for b in blocks {
        if let Some(r) = b.joined_rich() {
            keep(&b.joined(), &r);
        }
        for (l, r) in b.lines.iter().zip(&b.rich) {
            keep(l, r);
        }
    }
    out
}

/// The visible words of inline Markdown (link targets left out).
pub(crate) fn visible(rich: &str) -> String {
    use pulldown_cmark::Event;
    let mut out = String::new();
    for ev in parse_inline(rich) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            // Markup never passes into a field: such text is not kept rich.
            Event::InlineHtml(_) | Event::Html(_) => out.push('\u{0}'),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The end of the inline Markdown `rich` that reads as `plain` (the lead after
/// a dateline written in bold), tried at word starts.
pub(crate) fn rich_suffix(rich: &str, plain: &str) -> Option<String> {
    if rich.len() > 4000 {
        return None;
    }
    let starts = std::iter::once(0).chain(
        rich.char_indices()
            .filter(|(i, c)| {
                *i > 0 && !c.is_whitespace() && rich[..*i].ends_with(char::is_whitespace)
            })
            .map(|(i, _)| i),
    );
    for i in starts {
        let tail = rich.get(i..)?;
        if visible(tail) == plain {
            return Some(tail.to_string());
        }
    }
    None
}

/// How many blocks opening the body are a byline with a telephone or
/// address (`By: Jane Doe`, `Phone: …`, `Email: …`, `Photos By: …`), or 0.
fn byline_blocks(region: &[SrcBlock]) -> usize {
    const LABELS: [&str; 10] = [
        "by",
        "written by",
        "phone",
        "tel",
        "telephone",
        "email",
        "e-mail",
        "photos by",
        "photo by",
        "photo",
    ];
    let label = |l: &str| {
        l.split_once(':')
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
            .filter(|(k, v)| LABELS.contains(&k.as_str()) && !v.is_empty())
    };
    let n = region
        .iter()
        .take(6)
        .take_while(|b| b.lines.iter().all(|l| label(l).is_some()))
        .count();
    let labels: Vec<String> = region
        .iter()
        .take(n)
        .flat_map(|b| b.lines.iter().filter_map(|l| label(l).map(|x| x.0)))
        .collect();
    let by = labels
        .iter()
        .any(|k| k.ends_with("by") && !k.starts_with("photo"));
    let reach = labels.iter().any(|k| {
        matches!(
            k.as_str(),
            "phone" | "tel" | "telephone" | "email" | "e-mail"
        )
    });
    if by && reach {
        n
    } else {
        0
    }
}

/// The contacts with the same person given twice (above the headline and at
/// the end, or a page's contact box repeated) as one, what either says kept.
fn merged_contacts(list: Vec<dateline_core::Contact>) -> Vec<dateline_core::Contact> {
    let mut out: Vec<dateline_core::Contact> = Vec::with_capacity(list.len());
    for c in list {
        let same = out.iter_mut().find(|o| {
            let named = !c.name.is_empty()
                && o.name.eq_ignore_ascii_case(&c.name)
                && (o.email == c.email || o.email.is_none() || c.email.is_none());
            // A press box with no name and the closing contact line, one address.
            let mailed =
                c.email.is_some() && o.email == c.email && (o.name.is_empty() || c.name.is_empty());
            named || mailed
        });
        match same {
            Some(o) => {
                if o.name.is_empty() {
                    o.name = c.name;
                }
                o.email = o.email.take().or(c.email);
                o.phone = o.phone.take().or(c.phone);
                o.role = o.role.take().or(c.role);
                o.organisation = o.organisation.take().or(c.organisation);
            }
            None => out.push(c),
        }
    }
    out
}

/// An office's or a person's name alone on a line (`Office of the Press
/// Secretary`, `President Jane Doe`): above the headline, a masthead.
fn masthead(l: &str) -> bool {
    head::office_line(l) || head::issuer_name_line(l)
}

/// The first block near the top that is only a date line (or a release line
/// with a date), with a headline-like block before it and nothing long.
fn date_line(blocks: &[SrcBlock]) -> Option<usize> {
    // Sentences above it (a short release's body, more than a deck): the
    // date signs it off.
    let mut sentences = 0;
    for (i, b) in blocks.iter().enumerate().take(10) {
        let text = b.joined();
        let words = text.split_whitespace().count();
        if words >= 6 && text.ends_with(['.', '”', '"', '»', '!', '?']) {
            sentences += 1;
        }
        if words > 45 || sentences >= 2 {
            return None;
        }
        let dated = b.lines.len() <= 2
            && b.lines.iter().all(|l| head::classify(l).is_some())
            && b.lines.iter().any(|l| {
                matches!(head::classify(l), Some(HeadLine::Date(_)))
                    || head::release_date(l).is_some()
            });
        if dated {
            // `Programme - Tue, 03/17/2026 - 11:53` over `16 March 2026`: a
            // post's stamp over the release's own date; the head takes both.
            let mut i = i;
            // `MARCH 12, 2026` over `MEDIA RELEASE` or a label (`Statement From: …`):
            // the genre line and the furniture go with it.
            while blocks.get(i + 1).is_some_and(|n| {
                n.lines.len() == 1
                    && matches!(
                        head::classify(&n.lines[0]),
                        Some(HeadLine::Date(_) | HeadLine::Kind(_) | HeadLine::Furniture)
                    )
            }) {
                i += 1;
            }
            let headline_before = blocks.iter().take(i).any(|b| {
                !head::issuer_block(&b.lines)
                    && b.lines
                        .iter()
                        .any(|l| head::classify(l).is_none() && !masthead(l))
                    && b.joined().split_whitespace().count() >= 3
            });
            return headline_before.then_some(i);
        }
    }
    None
}

/// Where the body ends: (end mark, end of the body, start of the tail).
/// The end mark ends it, else the first tail section or footnote; a strong tail
/// heading (About …, contacts, notes to editors) before the end mark ends the
/// body there, since wire copy puts `###` after the boilerplate.
fn body_bounds(region: &[SrcBlock]) -> (EndMark, usize, usize) {
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
        // `*The decision will be put to the Board …` just above the contacts
        // (or last): a starred note whose mark the text does not repeat.
        let last_note = |m: &str, rest: &str| {
            m.starts_with('*')
                && b.lines.len() == 1
                && rest.chars().next().is_some_and(char::is_uppercase)
                && !first.trim_end().ends_with('*')
                && region
                    .get(i + 1)
                    .is_none_or(|n| n.lines.first().is_some_and(|l| tail::section(l).is_some()))
        };
        let footnote = tail::footnote_start(first)
            .is_some_and(|(m, rest)| seen.contains(&m) || last_note(&m, &rest));
        let section = tail::section(first).filter(|(sec, rest)| {
            first.split_whitespace().count() <= 12
                || (matches!(sec, Section::Contacts) && rest.is_some() && b.lines.len() == 1)
        });
        if i > 0 && (footnote || section.is_some()) {
            // `Notes` alone over the footnotes belongs to them.
            let i = if footnote
                && i >= 2
                && region
                    .get(i - 1)
                    .is_some_and(|p| p.lines.len() == 1 && tail::notes_heading(&p.lines[0]))
            {
                i - 1
            } else {
                i
            };
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
    let (mark, end, start) = match (mark_at, section_at) {
        (Some((m, mark)), Some((s, true))) if s < m => (mark, s, s),
        (Some((m, mark)), _) => (mark, m, m + 1),
        (None, Some((s, _))) => (EndMark::None, s, s),
        (None, None) => (EndMark::None, region.len(), region.len()),
    };
    // `Back to news`, `Share`, `Retour aux actualités` under the last
    // paragraph: the page's links, read with the tail (and dropped there).
    let mut end_links = end;
    while end == start
        && end_links > 1
        && region
            .get(end_links - 1)
            .is_some_and(|b| b.lines.len() == 1 && tail::furniture(&b.lines[0]))
    {
        end_links -= 1;
    }
    (mark, end_links, start.min(end_links))
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

/// A lead's first sentence, as a headline of last resort (at most 20 words).
fn first_sentence(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for w in text.split_whitespace() {
        out.push(w);
        if out.len() >= 20 || (out.len() >= 4 && w.ends_with(['.', '!', '?'])) {
            break;
        }
    }
    out.join(" ")
        .trim_end_matches(['.', ',', ';', ':'])
        .to_string()
}
