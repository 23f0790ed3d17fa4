//! The body: source blocks become paragraphs, sub-headings, bullet lists and
//! quotes. Hard-wrapped lines are re-joined; a quote running over several
//! paragraphs (each opening with a mark, only the last closing) becomes one
//! quote; a quote whose speaker cannot be told stays a paragraph, reported.

use std::collections::HashMap;

use dateline_core::{Block, Quote, QuoteParagraph, QuoteSegment};

use crate::people::{Mention, People};
use crate::quote::{self, QuotePara};
use crate::report::{Confidence, ImportReport, PartRole};
use crate::source::{BlockKind, SrcBlock};
use crate::text_util::md;

/// The most people an import creates.
pub const MAX_PEOPLE: usize = 100;

/// A body item before quotes are recognised.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Para(String),
    Heading(String),
    List(Vec<String>),
}

fn bullet(line: &str) -> Option<&str> {
    for b in [
        "- ",
        "* ",
        "• ",
        "· ",
        "– ",
        "▪ ",
        "◦ ",
        "o\u{a0}",
        "·\u{a0}",
        "•\u{a0}",
        "•\t",
        "·\t",
    ] {
        if let Some(rest) = line.strip_prefix(b) {
            return Some(rest.trim_start_matches([' ', '\u{a0}', '\t']));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = line.get(digits..)?;
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some(line);
        }
    }
    None
}

/// A body item and the parts of the input it came from.
pub type Placed = (Item, Vec<usize>);

/// What the writer said a part of the body is (see [`crate::Override`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Forced {
    /// A quote by this person.
    Quote(Mention),
    /// A plain paragraph, not a quote.
    Paragraph,
}

/// Expands source blocks into body items, each with the parts it came from.
pub fn placed(blocks: &[SrcBlock]) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        let here = vec![b.part];
        if dash_spoken(&out, b, blocks.get(k + 1)) {
            out.push((Item::Para(b.joined()), here));
            continue;
        }
        match b.kind {
            BlockKind::Heading(_) => out.push((Item::Heading(b.joined()), here)),
            BlockKind::ListItem => {
                let text = bullet(&b.joined())
                    .map(str::to_string)
                    .unwrap_or_else(|| b.joined());
                match out.last_mut() {
                    Some((Item::List(items), parts)) => {
                        items.push(text);
                        parts.push(b.part);
                    }
                    _ => out.push((Item::List(vec![text]), here)),
                }
            }
            BlockKind::Para | BlockKind::Rule => {
                // `2. At the outset, Minister Sawada said, "…"`: a numbered
                // paragraph that quotes someone is a quote, not a list item.
                let numbered_quote = b.lines.len() == 1
                    && b.lines[0].starts_with(|c: char| c.is_ascii_digit())
                    && quote::parse(&b.lines[0]).is_some_and(|q| {
                        q.lead_in.is_some() || q.segments.iter().any(|s| s.1.is_some())
                    });
                if numbered_quote {
                    out.push((Item::Para(b.lines[0].clone()), here));
                } else if b.lines.first().is_some_and(|l| bullet(l).is_some()) {
                    let mut items: Vec<String> = Vec::new();
                    for l in &b.lines {
                        match (bullet(l), items.last_mut()) {
                            (Some(t), _) => items.push(t.to_string()),
                            (None, Some(last)) => {
                                last.push(' ');
                                last.push_str(l);
                            }
                            (None, None) => items.push(l.clone()),
                        }
                    }
                    out.push((Item::List(items), here));
                } else if b.wrapped {
                    out.push((Item::Para(b.joined()), here));
                } else {
                    out.extend(
                        b.lines
                            .iter()
                            .map(|l| (Item::Para(l.clone()), vec![b.part])),
                    );
                }
            }
        }
    }
    // A short line without final punctuation between paragraphs is a sub-heading.
    let n = out.len();
    for i in 1..n.saturating_sub(1) {
        if let Some((Item::Para(t), _)) = out.get(i) {
            // `Dr Jane Doe, Mayor of X` over her words in quotation marks is
            // their label, not a sub-heading.
            let label = speaker_label(t)
                && matches!(out.get(i + 1), Some((Item::Para(n), _)) if n.starts_with(['“', '"', '«']));
            // `Camille Faure, cheffe du service` under her words in
            // quotation marks (after a `<br>` or on the next line): their
            // signature, not a sub-heading.
            let signs = matches!(out.get(i - 1), Some((Item::Para(p), _)) if signature_line(p, t).is_some());
            if heading_like(t)
                && !label
                && !signs
                && matches!(out.get(i + 1), Some((Item::Para(_) | Item::List(_), _)))
            {
                let t = t.clone();
                out[i].0 = Item::Heading(t);
            }
        }
    }
    out
}

/// `Jane Doe made the following statement:` then one long paragraph opened
/// by a dash (`– It is humbling …`): spoken words, not a one-item list.
fn dash_spoken(out: &[Placed], b: &SrcBlock, next: Option<&SrcBlock>) -> bool {
    let line = b.joined();
    let bulleted = |n: &SrcBlock| {
        n.kind == BlockKind::ListItem || n.lines.first().is_some_and(|l| bullet(l).is_some())
    };
    matches!(b.kind, BlockKind::Para | BlockKind::ListItem)
        && b.lines.len() == 1
        && line.starts_with(['–', '—'])
        && line.split_whitespace().count() >= 15
        && line.ends_with(['.', '!', '?'])
        && matches!(out.last(), Some((Item::Para(p), _)) if p.ends_with(':'))
        && !next.is_some_and(bulleted)
}

/// A short line that reads as a heading: no final punctuation, few words.
pub fn heading_like(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=12).contains(&words)
        && t.chars().count() < 100
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '”', '"', '»', ')', '…', ']'])
        && !t.contains(['“', '"', '«'])
}

/// Builds the body blocks, recognising quotes and their speakers.
/// `Rural Affairs Minister Tom Hale said:` alone, with the quote in the next
/// paragraph: the two are joined into one quote paragraph.
/// A signature paragraph under a quote (`— Daniel Roe, CTO`) joins the quote.
fn join_lead_ins(items: Vec<Placed>, forced: &HashMap<usize, Forced>) -> Vec<Placed> {
    let mut out: Vec<Placed> = Vec::with_capacity(items.len());
    for (item, parts) in items {
        let pinned = |p: &[usize]| p.iter().any(|x| forced.contains_key(x));
        if let (Some((Item::Para(prev), prev_parts)), Item::Para(next)) = (out.last_mut(), &item) {
            if pinned(prev_parts) || pinned(&parts) {
                out.push((item, parts));
                continue;
            }
            let opens = next.starts_with(['“', '"', '«', '”', '‘', '\'']);
            if opens && prev.ends_with(':') && quote::parse(&format!("{prev} {next}")).is_some() {
                prev.push(' ');
                prev.push_str(next);
                prev_parts.extend(parts);
                continue;
            }
            // `Dr Jane Doe, President of X` alone on a line (set in bold),
            // then her words in quotation marks with no attribution: a label.
            if opens && speaker_label(prev) {
                let joined = format!("{prev}: {next}");
                let bare = quote::parse(next).is_some_and(|q| {
                    q.lead_in.is_none() && q.segments.iter().all(|s| s.1.is_none())
                });
                if bare && quote::parse(&joined).is_some() {
                    *prev = joined;
                    prev_parts.extend(parts);
                    continue;
                }
            }
            // A quote alone, then its speaker's name and title on the next
            // line with no dash (a government page's "Quote" section).
            if let Some(sig) = signature_line(prev, next) {
                let joined = format!("{prev} — {sig}");
                if quote::parse(&joined).is_some() {
                    *prev = joined;
                    prev_parts.extend(parts);
                    continue;
                }
            }
            // `— Name, title`, or `--Name, title` with a typewriter's dash.
            let signed = (next.starts_with(['—', '–']) || next.starts_with("--"))
                && next.split_whitespace().count() <= 20
                && prev.ends_with(['”', '"', '»']);
            if signed {
                let joined = format!("{prev} {next}");
                let before = quote::parse(prev).is_some_and(|q| {
                    q.segments.last().is_some_and(|s| s.1.is_none()) && !q.open_end
                });
                if before && quote::parse(&joined).is_some() {
                    *prev = joined;
                    prev_parts.extend(parts);
                    continue;
                }
            }
        }
        out.push((item, parts));
    }
    out
}

/// `Dr Jane Doe, President of X`: a line that is only a person's name and
/// title (no sentence, no quotation).
fn speaker_label(line: &str) -> bool {
    !line.ends_with(['.', ':', '!', '?', ';'])
        && !line.contains(['“', '”', '"', '«', '»'])
        && (3..=16).contains(&line.split_whitespace().count())
        && quote::split_name_title(line)
            .is_some_and(|(name, title, _)| name.contains(' ') && title.is_some())
}

/// `The Honourable Jane Doe, Minister of X` under a paragraph that is a whole
/// quote with no attribution: the speaker's signature (without the style of
/// address), when it reads as a name and title.
fn signature_line<'a>(prev: &str, next: &'a str) -> Option<&'a str> {
    let whole = prev.starts_with(['“', '"', '«'])
        && prev.ends_with(['”', '"', '»'])
        && quote::parse(prev).is_some_and(|q| {
            q.lead_in.is_none()
                && !q.open_end
                && q.segments.len() == 1
                && q.segments.iter().all(|s| s.1.is_none())
        });
    if !whole
        || !next.starts_with(char::is_uppercase)
        || next.ends_with(['.', ':', '!', '?'])
        || next.contains(['“', '”', '"', '«', '»'])
        || !(2..=16).contains(&next.split_whitespace().count())
    {
        return None;
    }
    let sig = [
        "The Honourable ",
        "The Hon. ",
        "Hon. ",
        "L’honorable ",
        "L'honorable ",
    ]
    .iter()
    .find_map(|h| next.strip_prefix(h))
    .unwrap_or(next);
    let (name, title, _) = quote::split_name_title(sig)?;
    (name.contains(' ') && title.is_some()).then_some(sig)
}

/// `Rafael Okoye` and `WFA President`: a signature under a statement, the
/// name (two or three capitalised words) and a short title with a title word.
fn signature(name: &str, title: &str) -> Option<Mention> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let title_words: Vec<&str> = title.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        // `Okoye`, not `WFA`: an acronym belongs to the title.
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !quote::title_word(w)
    });
    let plain = |t: &str| {
        !t.ends_with(['.', ':', '!', '?', ';']) && !t.contains(['“', '”', '"', '«', '»', ','])
    };
    // `Chairman, Oakton Rowing Club`: a title and its organisation.
    let title_plain = match title.split_once(", ") {
        Some((role, org)) => plain(role) && plain(org),
        None => plain(title),
    };
    (capitalised
        && (2..=3).contains(&words.len())
        && quote::name_ok(name)
        && plain(name)
        && title_plain
        && (1..=8).contains(&title_words.len())
        && title_words.iter().any(|w| {
            let w = w.trim_end_matches(',');
            quote::title_word(w) || signature_title(w)
        }))
    .then(|| Mention {
        name: Some(name.trim().to_string()),
        title: Some(title.trim().to_string()),
        ..Mention::default()
    })
}

/// `Votre maire,` / `Your Mayor,` / `Tu alcaldesa,` over the name alone: a
/// letter's closing holding the signer's title, then the signer.
fn closing_signature(closing: &str, name: &str) -> Option<Mention> {
    const POSSESSIVES: [&str; 9] = [
        "votre", "ton", "ta", "your", "yours", "tu", "su", "vuestro", "vuestra",
    ];
    let c = closing.trim().strip_suffix(',')?;
    let words: Vec<&str> = c.split_whitespace().collect();
    let titled = (2..=5).contains(&words.len())
        && POSSESSIVES.contains(&words[0].to_lowercase().as_str())
        && words[1..]
            .iter()
            .any(|w| quote::title_word(&initial_capital(w)) || signature_title(w));
    let name = name.trim().trim_end_matches('.');
    let named = quote::name_ok(name)
        && (2..=4).contains(&name.split_whitespace().count())
        && !name.split_whitespace().any(quote::title_word);
    (titled && named).then(|| Mention {
        name: Some(name.to_string()),
        title: Some(words[1..].join(" ")),
        ..Mention::default()
    })
}

/// `mayor` → `Mayor`: a word with its first letter in capitals.
fn initial_capital(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `Maire`, `Presidente`, `Fondatrice`: a French or Spanish title word in a
/// signature (`Marianne Leclerc` / `Maire de Valbrune`).
fn signature_title(w: &str) -> bool {
    const MORE: [&str; 24] = [
        "secrétaire",
        "trésorier",
        "trésorière",
        "fondateur",
        "fondatrice",
        "recteur",
        "rectrice",
        "doyen",
        "doyenne",
        "délégué",
        "déléguée",
        "coordinateur",
        "coordinatrice",
        "rector",
        "rectora",
        "decano",
        "decana",
        "gerente",
        "consejero",
        "consejera",
        "delegado",
        "delegada",
        "fundador",
        "fundadora",
    ];
    let w = w.to_lowercase();
    LOCAL_TITLES.contains(&w.as_str()) || MORE.contains(&w.as_str())
}

/// `Rafael Okoye WFA President`: a signature on one line; in capitals
/// (`DR. AMINA WEKESA CABINET SECRETARY`), read without its courtesy title
/// and with capitals only at the start of each word.
fn signed_name(t: &str) -> Option<Mention> {
    // `— Priya Natarajan, President, Eastgate Swimming Club`: after a dash,
    // the name before the first comma.
    let t = t.trim_start_matches(['—', '–', '-']).trim_start();
    if let Some(m) = t
        .split_once(", ")
        .and_then(|(name, title)| signature(name, title))
    {
        return Some(m);
    }
    let caps = t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    let titled;
    let t = if caps {
        // `DR.`, `ENG.`, `PROF.`: a short courtesy title with its point, first.
        let courtesy = |k: usize, w: &str| {
            quote::HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(w))
                || (k == 0 && w.ends_with('.') && w.chars().count() <= 5)
        };
        titled = t
            .split_whitespace()
            .enumerate()
            .filter(|(k, w)| !courtesy(*k, w))
            .map(|(_, w)| w)
            .map(|w| {
                let mut c = w.chars();
                c.next().map_or(String::new(), |f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        titled.as_str()
    } else {
        t
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    [3, 2]
        .iter()
        .find_map(|&k| signature(&words.get(..k)?.join(" "), &words.get(k..)?.join(" ")))
}

/// The one person a headline names (`The Fund's Director Jane Doe defends
/// …`): a run of two or three capitalised words inside it, no title word
/// among them, with lower-case words after it. `None` when it names no one or
/// several.
fn person_in_headline(headline: &str) -> Option<Mention> {
    let words: Vec<&str> = headline.split_whitespace().collect();
    let cap = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && !quote::TITLE_WORDS.contains(&w)
    };
    let mut found = Vec::new();
    // Names right after a title word (`Director-General Jane Doe welcomes …`).
    let mut titled = Vec::new();
    let mut k = 1;
    while k < words.len() {
        let run = words[k..].iter().take_while(|w| cap(w)).count();
        let after_lower = words
            .get(k + run)
            .is_none_or(|w| w.chars().next().is_some_and(char::is_lowercase));
        let before_lower = words[k - 1].chars().any(char::is_lowercase);
        if (2..=3).contains(&run) && after_lower && before_lower {
            // `du Fonds Hélène Marchetti`: after `of`, the first word is the organisation's.
            let of = ["du", "de", "del", "of", "des"].contains(&words[k - 1]);
            let from = if of && run == 3 { k + 1 } else { k };
            found.push(words[from..k + run].join(" "));
            if quote::title_word(words[k - 1]) {
                titled.push(words[from..k + run].join(" "));
            }
        }
        k += run.max(1);
    }
    let one = match (found.as_slice(), titled.as_slice()) {
        ([name], _) | (_, [name]) => Some(name),
        _ => None,
    };
    one.filter(|n| quote::name_ok(n)).map(|name| Mention {
        name: Some(name.clone()),
        ..Mention::default()
    })
}

/// Speech verbs after the subject of a paragraph that introduces a quote.
const SAYS: [&str; 14] = [
    " says ",
    " said ",
    " explains ",
    " explained ",
    " warns ",
    " warned ",
    " adds ",
    " déclare ",
    " explique ",
    " souligne ",
    " estime ",
    " afirma ",
    " explica ",
    " señala ",
];

/// The speaker a statement introduces: `Statement from Jane Doe:`, `Following
/// is a statement by Jane Doe, President of …, on …:`, or a headline
/// `Statement by Jane Doe on …`.
pub fn statement_speaker(text: &str) -> Option<Mention> {
    let t = text.trim();
    let lower = t.to_lowercase();
    const OPENERS: [&str; 12] = [
        "statement from ",
        "statement by ",
        "the following is a statement by ",
        "the following is a statement from ",
        "following is a statement by ",
        "following is a statement from ",
        "following is the statement by ",
        "déclaration de ",
        "déclaration du ",
        "declaración de ",
        "declaración del ",
        "joint statement by ",
    ];
    // `Jane Doe, President of …, issued the following statement today on …:`.
    const ISSUED: [&str; 8] = [
        " released the following statement",
        " issued the following statement",
        " made the following statement",
        " delivered the following statement",
        " a fait la déclaration suivante",
        " a publié la déclaration suivante",
        " emitió la siguiente declaración",
        " hizo la siguiente declaración",
    ];
    // `Jane Doe's opening statement at …`, `Jane Doe’s remarks to …`.
    const SPOKEN: [&str; 6] = [
        "statement",
        "remarks",
        "message",
        "address",
        "speech",
        "briefing",
    ];
    let who = if let Some(start) = OPENERS
        .iter()
        .find(|o| lower.starts_with(*o))
        .map(|o| o.len())
    {
        let rest = t.get(start..)?.trim_end_matches(':').trim();
        let mut who = rest;
        for cut in [
            ", on ",
            " on ",
            ", and ",
            " and ",
            ", sur ",
            " sur ",
            ", sobre ",
            " sobre ",
            " à l'occasion",
            " à l’occasion",
            " to mark ",
            " marking ",
            " con motivo ",
        ] {
            if let Some(i) = who.to_lowercase().find(cut) {
                who = who.get(..i)?;
            }
        }
        who
    } else if let Some(i) = ISSUED.iter().find_map(|v| lower.find(v)) {
        t.get(..i)?
    } else if let Some(i) = t
        .ends_with(':')
        .then(|| SAYS.iter().filter_map(|v| t.find(v)).min())
        .flatten()
    {
        // `Org's Advocacy Director Mere Tawhiri says the programme is on hold:`
        // over the quote: the speaker is the subject of the verb.
        t.get(..i)?
    } else {
        // The possessive right before the statement (`Children's Fund Director
        // Jane Doe's remarks`: the second one).
        t.match_indices("’s ")
            .chain(t.match_indices("'s "))
            .find_map(|(i, m)| {
                let after = t.get(i + m.len()..)?.to_lowercase();
                after
                    .split_whitespace()
                    .take(3)
                    .any(|w| SPOKEN.contains(&w.trim_end_matches([',', ':'])))
                    .then(|| t.get(..i))
                    .flatten()
            })?
    };
    let who = who.trim().trim_end_matches(',').trim();
    // `Suite au déroulé de la marche, Jane Doe, présidente de X, déclare :`:
    // the occasion before the speaker.
    let who = quote::without_occasion(who).unwrap_or(who);
    // `Statement by the Commissioner of …`: a role, not a person's name; but
    // `The Prime Minister, Jane Doe,` and `Le premier ministre Jean Roy` name
    // them after the role.
    if ["the ", "la ", "le ", "el ", "l’", "l'"]
        .iter()
        .any(|a| who.to_lowercase().starts_with(a))
    {
        let (name, title) = role_then_name(who)?;
        return Some(Mention {
            name: Some(name),
            title: Some(title),
            ..Mention::default()
        });
    }
    let (name, title) = match title_then_name(who) {
        Some(found) => found,
        None => quote::split_name_title(who).map(|(name, title, _)| (name, title))?,
    };
    // `Dr. Jane Park` after an opening clause: the name without the courtesy title.
    let name = quote::HONORIFICS
        .iter()
        .find_map(|h| name.strip_prefix(h).and_then(|r| r.strip_prefix(' ')))
        .filter(|bare| bare.contains(' '))
        .map_or(name.clone(), str::to_string);
    if !name.contains(' ') {
        return None;
    }
    Some(Mention {
        name: Some(name),
        title,
        ..Mention::default()
    })
}

/// A paragraph that says whose words follow: `This is a summary of what was
/// said by spokesperson Jane Doe – to whom quoted text may be attributed – …`
/// (their quoted paragraphs), or `The statement below is attributable to the
/// President, Jane Doe.` (all that follows): the speaker, and whether the
/// whole statement is theirs.
fn attributed_speaker(para: &str) -> Option<(Mention, bool)> {
    let lower = para.to_lowercase();
    const TO_WHOM: [&str; 6] = [
        "to whom quoted text may be attributed",
        "to whom quotes may be attributed",
        "à qui toute citation peut être attribuée",
        "à qui les citations peuvent être attribuées",
        "a quien pueden atribuirse las citas",
        "a quien puede atribuirse",
    ];
    // `Please attribute to Detective Inspector Jane Doe:`, `Quotes attributable
    // to …:`, `Propos à attribuer à … :`, `Declaraciones atribuibles a …:`: a
    // label over the statement, all of it theirs.
    const LABEL: [&str; 16] = [
        "attribute to ",
        "attributable to ",
        "attributed to ",
        "attribuer à ",
        "attribuer au ",
        "attribuable à ",
        "attribuable au ",
        "attribuables à ",
        "attribuables au ",
        "attribuées à ",
        "atribuir a ",
        "atribuir al ",
        "atribuible a ",
        "atribuible al ",
        "atribuibles a ",
        "atribuibles al ",
    ];
    let label = lower
        .trim_end()
        .ends_with(':')
        .then(|| {
            LABEL.iter().find_map(|m| {
                let i = lower.find(m)?;
                let before = lower.get(..i)?;
                (before.split_whitespace().count() <= 3 && !before.contains(['.', ',']))
                    .then(|| i + m.len())
            })
        })
        .flatten();
    let (who, all) = if let Some(start) = label {
        (para.get(start..)?.trim_end().trim_end_matches(':'), true)
    } else if let Some(end) = TO_WHOM.iter().find_map(|w| lower.find(w)) {
        let start = [
            "what was said by ",
            "said by ",
            "déclarations du ",
            "déclarations de ",
            "propos du ",
            "propos de ",
            "dicho por ",
            "declaraciones del ",
            "declaraciones de ",
        ]
        .iter()
        .find_map(|p| lower.find(p).map(|i| i + p.len()))
        .filter(|s| *s < end)?;
        (para.get(start..end)?, false)
    } else {
        // Only a statement attributed as such, not a cause (`the rise is attributable to …`).
        const STATEMENT: [&str; 8] = [
            "statement",
            "déclaration",
            "declaración",
            "following",
            "below",
            "ci-dessous",
            "suivante",
            "siguiente",
        ];
        if !STATEMENT.iter().any(|w| lower.contains(w)) {
            return None;
        }
        let start = [
            "is attributable to ",
            "est attribuable à ",
            "est attribuable au ",
            "es atribuible a ",
            "es atribuible al ",
            "son atribuibles a ",
            "son atribuibles al ",
        ]
        .iter()
        .find_map(|p| lower.find(p).map(|i| i + p.len()))?;
        (para.get(start..)?, true)
    };
    let who = who
        .trim()
        .trim_end_matches(['.', ',', '–', '—', '-', ' '])
        .trim();
    let (name, title, _) = quote::split_name_title(who)?;
    name.contains(' ').then(|| {
        (
            Mention {
                name: Some(name),
                title,
                ..Mention::default()
            },
            all,
        )
    })
}

/// `The Prime Minister, Jane Doe`, `Le premier ministre Jean Roy`: a role
/// with its article, then the name (after a comma, or after the role's last
/// word); the role without its article is the title.
fn role_then_name(who: &str) -> Option<(String, String)> {
    let bare = ["the ", "la ", "le ", "el ", "l’", "l'"]
        .iter()
        .find_map(|a| {
            who.get(..a.len())
                .filter(|h| h.eq_ignore_ascii_case(a))
                .and_then(|_| who.get(a.len()..))
        })?
        .trim();
    if let Some((role, name)) = bare.split_once(", ") {
        let name = name.split(", ").next().unwrap_or(name).trim();
        let role_ok = !quote::name_ok(role)
            || role
                .split_whitespace()
                .any(|w| quote::TITLE_WORDS.contains(&w.trim_end_matches('.')));
        return (quote::name_ok(name) && name.contains(' ') && role_ok)
            .then(|| (name.to_string(), role.to_string()));
    }
    let words: Vec<&str> = bare.split_whitespace().collect();
    let first_cap = words
        .iter()
        .position(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter(|k| *k > 0)?;
    let name = words.get(first_cap..)?.join(" ");
    (quote::name_ok(&name) && (2..=4).contains(&(words.len() - first_cap)))
        .then(|| (name, words[..first_cap].join(" ")))
}

/// `The talks ended today. “We are ready,” Mr Doe said.`: a sentence of
/// narration, then a quote with its attribution, in one paragraph. The model's
/// quote paragraphs hold only quoted words and attributions, so the two
/// become a paragraph and a quote paragraph (no words are lost).
fn split_narration(
    items: Vec<Placed>,
    forced: &HashMap<usize, Forced>,
    rich: &mut HashMap<String, String>,
) -> Vec<Placed> {
    let mut out = Vec::with_capacity(items.len());
    for (item, origin) in items {
        let pinned = origin.iter().any(|p| forced.contains_key(p));
        match &item {
            Item::Para(p) if !pinned && quote::parse(p).is_none() => {
                if let Some((narration, quoted)) = narration_then_quote(p) {
                    // The narration keeps its emphasis and links.
                    let kept = rich.get(p).and_then(|r| {
                        let tail = crate::assemble::rich_suffix(r, &quoted)?;
                        let head = r.get(..r.len() - tail.len())?.trim_end().to_string();
                        (crate::assemble::visible(&head) == narration).then_some((head, tail))
                    });
                    if let Some((head, tail)) = kept {
                        rich.insert(narration.clone(), head);
                        rich.insert(quoted.clone(), tail);
                    }
                    out.push((Item::Para(narration), origin.clone()));
                    out.push((Item::Para(quoted), origin));
                    continue;
                }
                out.push((item, origin));
            }
            _ => out.push((item, origin)),
        }
    }
    out
}

/// The narration and the quote of `Narration. “Quote,” Name said.` (or of
/// `Narration : « Quote », a-t-il souligné.`), when the quote part reads as a
/// closed quote paragraph with an attribution and no lead-in.
fn narration_then_quote(p: &str) -> Option<(String, String)> {
    let (i, _) = p.char_indices().find(|(i, c)| {
        (matches!(c, '“' | '«' | '"') || p.get(*i..).is_some_and(|r| r.starts_with("’’")))
            && p.get(..*i).is_some_and(|b| b.ends_with(' '))
    })?;
    let narration = p.get(..i)?.trim();
    let quoted = p.get(i..)?.trim();
    // `La guía será útil, ya que, tal y como informó Benavente, "…".`: the
    // quote, with the clause naming its speaker, ends the sentence.
    if narration.ends_with(',') && !narration.contains(['“', '”', '«', '»', '"']) {
        for c in quote::AS_CONNECTORS {
            let Some(at) = narration.rfind(&format!(", {c}")) else {
                continue;
            };
            let before = narration.get(..=at)?.trim();
            let lead = format!("{} {quoted}", narration.get(at + 2..)?.trim());
            let q = quote::parse(&lead)?;
            let named = q
                .lead_in
                .as_ref()
                .is_some_and(|a| a.mention.name.is_some() || a.mention.surname.is_some());
            return (named && !q.open_end && before.split_whitespace().count() >= 4)
                .then(|| (before.to_string(), lead));
        }
    }
    if narration.split_whitespace().count() < 4
        || !narration.ends_with(['.', '!', '?', ':'])
        || narration.contains(['“', '”', '«', '»', '"'])
    {
        return None;
    }
    let q = quote::parse(quoted)?;
    let attributed = q.segments.iter().any(|(_, a)| a.is_some());
    // `El concejal Jane Doe resaltó que …: “…”`: narration reporting
    // someone's words, then the words themselves with no attribution.
    // `X told reporters that …. “…”`: the same with a full stop.
    let reported =
        (narration.ends_with(':') || !attributed) && quote::reported_speaker(narration).is_some();
    (q.lead_in.is_none() && (attributed || reported) && !q.open_end)
        .then(|| (narration.to_string(), quoted.to_string()))
}

/// Titles written before a name in French and Spanish, lower-cased.
const LOCAL_TITLES: [&str; 27] = [
    // `Chef de Mission Lukas Brandl`, `Jefa de Misión …`.
    "chef",
    "jefe",
    "jefa",
    "comisionado",
    "comisionada",
    "ministro",
    "ministra",
    "presidente",
    "presidenta",
    "director",
    "directora",
    "secretario",
    "secretaria",
    "gobernador",
    "gobernadora",
    "alcalde",
    "alcaldesa",
    "portavoz",
    "ministre",
    "président",
    "présidente",
    "directeur",
    "directrice",
    "commissaire",
    "maire",
    "porte-parole",
    "rapporteur",
];

/// The person a paragraph of narration names in apposition, the last one
/// (`…, le Premier ministre, Didier Kouassi Ahoua, a exprimé …`): whom a
/// pronoun in the quote right after it means.
fn narrated(p: &str) -> Option<Mention> {
    // `El Alto Comisionado Tomás Aguirre marcó …`: a title word, then the name.

    let title = |w: &str| quote::title_word(w) || LOCAL_TITLES.contains(&w.to_lowercase().as_str());
    let words: Vec<&str> = p.split_whitespace().collect();
    // `Defence Minister Shri Jane Doe held talks with …`: the subject, a title
    // and a name opening the paragraph, is whom it is about.
    let subject = words.iter().take(3).position(|w| title(w)).and_then(|k| {
        let run = words
            .get(k + 1..)?
            .iter()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '.')
                    && !title(w)
            })
            .count();
        let next_lower = words
            .get(k + 1 + run)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        let name = without_honorific(&words.get(k + 1..k + 1 + run)?.join(" "));
        if (2..=3).contains(&name.split_whitespace().count()) && next_lower {
            return Some(name);
        }
        // `Chef de Mission Lukas Brandl, who …`: the title's complement, then
        // the name (its last two words), closed by a comma or a lower-case word.
        if !words
            .get(k + 1)
            .is_some_and(|w| ["de", "of", "for", "del", "du"].contains(w))
        {
            return None;
        }
        let mut run = 0;
        let mut closed = false;
        for w in words.get(k + 2..)? {
            let bare = w.trim_end_matches(',');
            if !(bare.chars().next().is_some_and(char::is_uppercase)
                && bare.chars().all(char::is_alphabetic)
                && !title(bare))
            {
                closed = w.chars().next().is_some_and(char::is_lowercase);
                break;
            }
            run += 1;
            if w.ends_with(',') {
                closed = true;
                break;
            }
        }
        let named = words.get(k + 2 + run - 2..k + 2 + run)?.join(" ");
        ((3..=5).contains(&run) && closed).then(|| named.trim_end_matches(',').to_string())
    });
    let subject = subject
        .or_else(|| role_noun_then_name(&words))
        .or_else(|| name_opening(p))
        .or_else(|| copula_then_name(&words));
    if let Some(name) = subject {
        return Some(Mention {
            name: Some(name),
            ..Mention::default()
        });
    }
    // The capitalised words from `from` that are no title, and whether a
    // lower-case word follows them.
    let capitals = |from: usize| -> Option<(usize, bool)> {
        let run = words
            .get(from..)?
            .iter()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic)
                    && !title(w)
            })
            .count();
        let next_lower = words
            .get(from + run)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        Some((run, next_lower))
    };
    let titled = words
        .iter()
        .enumerate()
        .filter(|(_, w)| title(w))
        .filter_map(|(k, _)| {
            let (run, next_lower) = capitals(k + 1)?;
            if (2..=3).contains(&run) && next_lower {
                return Some(words[k + 1..k + 1 + run].join(" "));
            }
            // `High Commissioner for Refugees Joseph Ankrah congratulated …`:
            // the title's complement, then the name (its last two words).
            const OF: [&str; 8] = ["for", "of", "on", "de", "del", "des", "du", "pour"];
            if !words.get(k + 1).is_some_and(|w| OF.contains(w)) {
                return None;
            }
            let (run, next_lower) = capitals(k + 2)?;
            ((3..=5).contains(&run) && next_lower)
                .then(|| words[k + 2 + run - 2..k + 2 + run].join(" "))
        })
        .next_back();
    let parts: Vec<String> = p.split(", ").map(without_honorific).collect();
    let apposed = parts
        .iter()
        .enumerate()
        .skip(1)
        .take(parts.len().saturating_sub(2))
        .filter(|(_, w)| {
            quote::name_ok(w)
                && (2..=4).contains(&w.split_whitespace().count())
                && !w
                    .split_whitespace()
                    .any(|x| quote::TITLE_WORDS.contains(&x))
        })
        .map(|(_, w)| Mention {
            name: Some(w.to_string()),
            ..Mention::default()
        })
        .next_back();
    apposed.or(titled.map(|name| Mention {
        name: Some(name),
        ..Mention::default()
    }))
}

/// `Jane Park, the mayor, said …`, `Jane Park said …`: a paragraph opening
/// with a name of two or three words, then an apposition between commas or
/// a speech verb.
fn name_opening(p: &str) -> Option<String> {
    let parts: Vec<&str> = p.split(", ").collect();
    let first = without_honorific(parts.first()?);
    let (name, apposed) = if parts.len() >= 3 {
        (first, true)
    } else {
        let words: Vec<&str> = first.split_whitespace().collect();
        let k = (2..=3).rev().find(|k| {
            words
                .get(*k)
                .is_some_and(|w| quote::speech_word(&w.to_lowercase()))
        })?;
        (words.get(..k)?.join(" "), false)
    };
    const OPENERS: [&str; 24] = [
        "On", "In", "At", "The", "After", "Before", "During", "Since", "En", "El", "La", "Le",
        "Los", "Las", "Les", "Por", "Para", "Pour", "Selon", "Según", "Tras", "Lors", "Durante",
        "Dans",
    ];
    let count = name.split_whitespace().count();
    let dated = name
        .split_whitespace()
        .any(|w| crate::dates::is_weekday(w) || crate::dates::month(w).is_some());
    let opener = name
        .split_whitespace()
        .next()
        .is_some_and(|w| OPENERS.contains(&w));
    let ok = !dated
        && !opener
        && quote::name_ok(&name)
        && (2..=3).contains(&count)
        && !name.split_whitespace().any(quote::title_word)
        && (!apposed
            || parts
                .get(1)
                .is_some_and(|t| t.split_whitespace().count() <= 8 && !quote::name_ok(t)));
    ok.then_some(name)
}

/// `La bibliothécaire Anne Roux, responsable …`, `The architect Paul Viret
/// drew …`: a paragraph opening with an article, one to three lower-case
/// words naming a role, then a name of two or three words closed by a comma
/// or followed by a lower-case word.
/// `The first patient to use it was retired postman Gordon Ellery, 71, from …`,
/// `La première à en profiter est l'institutrice Claire Moreau.`: a copula,
/// a few lower-case words of trade, then the name the paragraph introduces.
fn copula_then_name(words: &[&str]) -> Option<String> {
    const COPULAS: [&str; 10] = [
        "was", "is", "were", "are", "est", "était", "fut", "fue", "es", "era",
    ];
    let k = words.iter().position(|w| COPULAS.contains(w))?;
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let trade = words.get(k + 1..)?.iter().take_while(|w| lower(w)).count();
    if !(1..=3).contains(&trade) {
        return None;
    }
    let start = k + 1 + trade;
    let mut name = Vec::new();
    let mut closed = false;
    for w in words.get(start..)?.iter().take(4) {
        let bare = w.trim_end_matches([',', '.']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '-')
            && !quote::title_word(bare);
        if !capital {
            closed = lower(w);
            break;
        }
        name.push(bare);
        if w.ends_with([',', '.']) {
            closed = true;
            break;
        }
    }
    let name = name.join(" ");
    ((2..=3).contains(&name.split_whitespace().count()) && closed && quote::name_ok(&name))
        .then_some(name)
}

fn role_noun_then_name(words: &[&str]) -> Option<String> {
    const ARTICLES: [&str; 7] = ["The", "Le", "La", "Les", "El", "Los", "Las"];
    let first = *words.first()?;
    // `L'écologue Paul Viret`: the article elided onto the role.
    let elided = ["L'", "L’"].iter().any(|a| {
        first
            .strip_prefix(a)
            .is_some_and(|r| r.starts_with(char::is_lowercase))
    });
    if !elided && !ARTICLES.contains(&first) {
        return None;
    }
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let roles = words.iter().skip(1).take_while(|w| lower(w)).count();
    // `La ministra de Política Territorial, …`: capitals after a
    // preposition name an organisation, not a person.
    const LINKS: [&str; 16] = [
        "de", "del", "du", "des", "of", "for", "at", "en", "à", "au", "aux", "y", "et", "and",
        "la", "le",
    ];
    let linked = words
        .iter()
        .skip(1)
        .take(roles)
        .any(|w| LINKS.contains(w) || w.starts_with("d'") || w.starts_with("d’"));
    if linked || !(usize::from(!elided)..=3).contains(&roles) {
        return None;
    }
    let start = 1 + roles;
    let mut name = Vec::new();
    let mut closed = false;
    for w in words.get(start..)?.iter().take(4) {
        let bare = w.trim_end_matches(',');
        let capital = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '-')
            && !quote::title_word(bare);
        if !capital {
            closed = lower(w);
            break;
        }
        name.push(bare);
        if w.ends_with(',') {
            closed = true;
            break;
        }
    }
    let name = name.join(" ");
    ((2..=3).contains(&name.split_whitespace().count()) && closed && quote::name_ok(&name))
        .then_some(name)
}

/// `Children's Fund Executive Director Mara Lindqvist`: an organisation and a
/// title before the name; the name is the capitalised words after the last
/// title word.
fn title_then_name(who: &str) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = who.split_whitespace().collect();
    let last_title = words
        .iter()
        .rposition(|w| quote::TITLE_WORDS.contains(&w.trim_end_matches('.')))?;
    let name = words.get(last_title + 1..)?.join(" ");
    let title = words.get(..=last_title)?.join(" ");
    (quote::name_ok(&name) && name.contains(' ') && words.len() - last_title - 1 <= 4)
        .then_some((name, Some(title)))
}

/// Builds the body blocks, recognising quotes and their speakers; `headline`
/// may introduce a statement (`Statement by Jane Doe on …`) whose quoted
/// paragraphs are hers.
#[allow(clippy::too_many_arguments)]
pub fn build(
    items: Vec<Placed>,
    headline: &str,
    deck: &[String],
    rich: &HashMap<String, String>,
    forced: &HashMap<usize, Forced>,
    people: &mut People,
    report: &mut ImportReport,
    verbs: &mut Vec<&'static str>,
) -> Vec<Block> {
    let mut rich = rich.clone();
    let placed = split_narration(join_lead_ins(items, forced), forced, &mut rich);
    let rich = &rich;
    let (items, origins): (Vec<Item>, Vec<Vec<usize>>) = placed.into_iter().unzip();
    // Records what the parts of items `from..to` became: body block `n`.
    let mark = |report: &mut ImportReport,
                from: usize,
                to: usize,
                n: usize,
                role,
                conf,
                who: Option<String>| {
        for parts in origins.get(from..to).unwrap_or(&[]) {
            for p in parts {
                report.part(*p, role, conf, Some(format!("body[{n}]")));
                report.part_speaker(*p, who.clone());
            }
        }
    };
    let force = |i: usize| {
        origins
            .get(i)
            .and_then(|parts| parts.iter().find_map(|p| forced.get(p)))
    };
    // The source's inline Markdown where it kept some, else the text escaped.
    let text = |t: &str| rich.get(t).cloned().unwrap_or_else(|| md(t));
    let mut out = Vec::new();
    let mut prev_speaker: Option<usize> = None;
    // The speaker a statement introduced, until a quote uses them.
    let mut pending: Option<Mention> = statement_speaker(headline);
    // The speaker a statement is attributed to as a whole (`The statement below
    // is attributable to …`): their unquoted paragraphs that follow are theirs.
    let mut whole: Option<Mention> = None;
    // A deck line under the headline may say it: `La déclaration ci-dessous est
    // attribuable à la présidente, Jane Doe.`
    for line in deck {
        if let Some((m, all)) = attributed_speaker(line) {
            if all {
                whole = Some(m.clone());
            }
            pending = Some(m);
        }
    }
    // A statement in the first person with no quotation marks, signed at its
    // end (`Rafael Okoye` / `WFA President`): the signer's words.
    // Bullets inside the statement do not end it.
    let plain_run = items
        .iter()
        .position(|it| {
            !matches!(it, Item::Para(p) if !p.contains(['“', '”', '"', '«', '»']))
                && !matches!(it, Item::List(_))
        })
        .unwrap_or(items.len());
    let signed: Option<(usize, Mention)> = (plain_run.saturating_sub(2)..=plain_run)
        .filter(|k| *k >= 1)
        .find_map(|k| {
            // The name on a line of its own (or read as a sub-heading), the
            // title under it; or both on the statement's last line.
            let pair = match (items.get(k), items.get(k + 1)) {
                (Some(Item::Para(n)), Some(Item::Para(t))) if k + 2 == plain_run => Some((n, t)),
                (Some(Item::Heading(n)), Some(Item::Para(t))) if k == plain_run => Some((n, t)),
                _ => None,
            };
            let by_pair = pair.and_then(|(n, t)| signature(n, t));
            let one = match items.get(k) {
                Some(Item::Para(p)) if k + 1 == plain_run => signed_name(p),
                _ => None,
            };
            // `Votre maire,` over the name alone: the title in the closing.
            let closing = match (items.get(k), items.get(k + 1)) {
                (Some(Item::Para(c)), Some(Item::Para(n))) if k + 2 == plain_run => {
                    closing_signature(c, n)
                }
                (Some(Item::Para(c)), Some(Item::Heading(n))) if k + 1 == plain_run => {
                    closing_signature(c, n)
                }
                _ => None,
            };
            by_pair.or(one).or(closing).map(|m| (k, m))
        })
        .filter(|(s, _)| {
            items
                .iter()
                .take(*s)
                .any(|it| matches!(it, Item::Para(p) if first_person(p) || speaks_as_i(p)))
        });
    // The person a plain paragraph names (see `narrated`), with its item.
    let mut narrated_by: Option<(usize, Mention)> = None;
    let mut i = 0;
    while i < items.len() {
        let Some(item) = items.get(i) else { break };
        let narrated_here = match item {
            Item::Para(p) => narrated(p),
            _ => None,
        };
        match item {
            Item::Heading(t) => {
                mark(
                    report,
                    i,
                    i + 1,
                    out.len(),
                    PartRole::Heading,
                    Confidence::Medium,
                    None,
                );
                out.push(Block::Heading { text: text(t) });
                prev_speaker = None;
            }
            Item::List(list) => {
                mark(
                    report,
                    i,
                    i + 1,
                    out.len(),
                    PartRole::List,
                    Confidence::High,
                    None,
                );
                out.push(Block::List {
                    items: list.iter().map(|t| text(t)).collect(),
                });
                prev_speaker = None;
            }
            Item::Para(para) => {
                let para = para.as_str();
                if let Some(Forced::Quote(m)) = force(i) {
                    let idx = people.apply(m);
                    let id = people
                        .list
                        .get(idx)
                        .map(|p| p.id.clone())
                        .unwrap_or_default();
                    report.found(
                        &format!("body[{}]", out.len()),
                        Confidence::High,
                        format!(
                            "quote by {} (as the writer said)",
                            m.name.as_deref().unwrap_or("?")
                        ),
                    );
                    mark(
                        report,
                        i,
                        i + 1,
                        out.len(),
                        PartRole::Quote,
                        Confidence::High,
                        Some(id.clone()),
                    );
                    out.push(Block::Quote(forced_quote(para, id, &text)));
                    prev_speaker = Some(idx);
                    people.last = Some(idx);
                    pending = None;
                    i += 1;
                    continue;
                }
                let unquoted = |t: &str| !t.contains(['“', '”', '"', '«', '»', '„']);
                // `– It is humbling …` after `Jane Doe made the following
                // statement:`: a dash opens the words of the person announced.
                let dashed = |t: &str| t.starts_with(['–', '—']) && unquoted(t);
                // `Statement by President Jane Doe on …` over first-person
                // paragraphs with no quotation marks: the whole statement is hers.
                if out.is_empty() && whole.is_none() && unquoted(para) {
                    whole = statement_speaker(headline)
                        .filter(|_| pending.is_some() && (first_person(para) || salutation(para)))
                        .or_else(|| signed.as_ref().map(|(_, m)| m.clone()));
                }
                let signature_at = signed.as_ref().map_or(usize::MAX, |(s, _)| *s);
                let statement = whole
                    .take()
                    .filter(|_| force(i).is_none() && unquoted(para))
                    .map(|m| (m, false))
                    .or_else(|| {
                        pending
                            .clone()
                            .filter(|_| force(i).is_none() && dashed(para))
                            .map(|m| (m, true))
                    })
                    .or_else(|| {
                        // `Jane Doe, présidente de X, déclare :` over her words
                        // in the first person, with no opening mark.
                        let introduced = i > 0
                            && matches!(items.get(i - 1), Some(Item::Para(p)) if p.trim_end().ends_with(':'));
                        pending
                            .clone()
                            .filter(|_| {
                                force(i).is_none()
                                    && introduced
                                    && unquoted(para)
                                    && first_person(para)
                            })
                            .map(|m| (m, false))
                    });
                // `… faire entendre leur voix sur le sujet."`: a closing mark
                // with no opening one ends the statement.
                let stray_close = |t: &str| {
                    let marks = t.matches(['“', '”', '"', '«', '»', '„']).count();
                    marks == 1 && t.trim_end().ends_with(['"', '”', '»'])
                };
                if let Some((m, dash)) = statement {
                    let mut j = i;
                    let mut paragraphs = Vec::new();
                    while let Some(Item::Para(t)) = items.get(j) {
                        let stray = !dash && j > i && stray_close(t);
                        if force(j).is_some()
                            || !(unquoted(t) || stray)
                            || (dash && !dashed(t))
                            || j >= signature_at
                        {
                            break;
                        }
                        let words = if dash {
                            t.trim_start_matches(['–', '—']).trim_start()
                        } else if stray {
                            t.trim_end().trim_end_matches(['"', '”', '»']).trim_end()
                        } else {
                            t.as_str()
                        };
                        paragraphs.push(QuoteParagraph {
                            lead_in: None,
                            segments: vec![QuoteSegment {
                                text: text(words),
                                attribution: None,
                            }],
                        });
                        j += 1;
                        if stray {
                            break;
                        }
                    }
                    let trial = people.clone();
                    let found = trial.find(&m);
                    if trial.compatible(found, &m) && trial.list.len() < MAX_PEOPLE {
                        *people = trial;
                        let idx = people.apply(&m);
                        let id = people
                            .list
                            .get(idx)
                            .map(|p| p.id.clone())
                            .unwrap_or_default();
                        report.found(
                            &format!("body[{}]", out.len()),
                            Confidence::Medium,
                            format!(
                                "a statement attributed to {}, without quotation marks",
                                m.name.as_deref().unwrap_or("?")
                            ),
                        );
                        mark(
                            report,
                            i,
                            j,
                            out.len(),
                            PartRole::Quote,
                            Confidence::Medium,
                            Some(id.clone()),
                        );
                        out.push(Block::Quote(Quote {
                            speaker: id,
                            paragraphs,
                        }));
                        prev_speaker = Some(idx);
                        people.last = Some(idx);
                        pending = None;
                        i = j;
                        continue;
                    }
                }
                let parsed = match force(i) {
                    Some(Forced::Paragraph) => None,
                    _ => quote::parse(para),
                };
                if let Some(first) = parsed {
                    let mut group = vec![first];
                    let mut j = i + 1;
                    while group.last().is_some_and(|q| q.open_end) {
                        match items.get(j).filter(|_| force(j).is_none()) {
                            Some(Item::Para(t)) => match quote::parse(t) {
                                Some(q) if q.lead_in.is_none() => {
                                    group.push(q);
                                    j += 1;
                                }
                                _ => break,
                            },
                            _ => break,
                        }
                    }
                    // A statement whose whole text is one quote, over several
                    // paragraphs, under a headline naming one person: theirs.
                    // Above it, at most a label (`Statement of the Director-General`).
                    let label_only = out.iter().all(|b| {
                        matches!(b, Block::Paragraph { text } | Block::Heading { text }
                            if text.split_whitespace().count() <= 10
                                && !text.trim_end().ends_with(['.', ':', '!', '?']))
                    });
                    let headline_person = (pending.is_none()
                        && label_only
                        && group.len() >= 2
                        && !group.last().is_some_and(|q| q.open_end)
                        && mentions(&group).is_empty())
                    .then(|| person_in_headline(headline))
                    .flatten();
                    let pending_here = pending.clone().or(headline_person);
                    let speaker = match (prev_speaker, &pending_here) {
                        (None, Some(m)) if mentions(&group).is_empty() => {
                            let mut trial = people.clone();
                            let found = trial.find(m);
                            trial
                                .compatible(found, m)
                                .then(|| trial.apply(m))
                                .map(|i| (i, trial))
                        }
                        _ => None,
                    };
                    // `… le Premier ministre, Jean Roy, a dit : « … », a-t-il
                    // souligné.`: a pronoun or role right after narration
                    // naming someone, with nobody quoted yet, means them.
                    let unnamed = {
                        let m = mentions(&group);
                        !m.is_empty()
                            && m.iter()
                                .all(|a| a.mention.name.is_none() && a.mention.surname.is_none())
                    };
                    // Someone quoted before, but the paragraph right above
                    // names another person by name (`UN High Commissioner X
                    // congratulated the athletes.` over `“…,” he said.`): them.
                    let named_just_above = narrated_by
                        .as_ref()
                        .is_some_and(|(at, m)| *at + 1 == i && m.name.is_some());
                    let speaker = speaker.or_else(|| {
                        if !(unnamed
                            && prev_speaker.is_none()
                            && (people.last.is_none() || named_just_above))
                        {
                            return None;
                        }
                        // Nobody named in the narration: the one person the
                        // headline names (`Mayor Jane Park opens …`).
                        let m = narrated_by
                            .as_ref()
                            .filter(|(at, _)| *at < i)
                            .map(|(_, m)| m.clone())
                            .or_else(|| person_in_headline(headline))?;
                        let m = &m;
                        let mut trial = people.clone();
                        let found = trial.find(m);
                        if !trial.compatible(found, m) {
                            return None;
                        }
                        let i = trial.apply(m);
                        trial.last = Some(i);
                        Some((i, trial))
                    });
                    // `Jane Doe stressed that …` over quoted words with no
                    // attribution, nobody quoted yet: hers.
                    let speaker = speaker.or_else(|| {
                        let reporter = match items.get(i.checked_sub(1)?) {
                            Some(Item::Para(p)) if mentions(&group).is_empty() => {
                                quote::reported_speaker(p)?
                            }
                            _ => return None,
                        };
                        if prev_speaker.is_some() || pending_here.is_some() {
                            return None;
                        }
                        let mut trial = people.clone();
                        let found = trial.find(&reporter);
                        if !trial.compatible(found, &reporter) {
                            return None;
                        }
                        let i = trial.apply(&reporter);
                        trial.last = Some(i);
                        Some((i, trial))
                    });
                    let prev = match speaker {
                        Some((i, trial)) if people.list.len() < MAX_PEOPLE => {
                            *people = trial;
                            Some(i)
                        }
                        _ => prev_speaker,
                    };
                    if let Some((q, idx)) = resolve(&group, people, prev, verbs, report, out.len())
                    {
                        pending = None;
                        report.found(
                            &format!("body[{}]", out.len()),
                            Confidence::High,
                            format!(
                                "quote by {}",
                                people.list.get(idx).map(|p| p.name.as_str()).unwrap_or("?")
                            ),
                        );
                        let id = people.list.get(idx).map(|p| p.id.clone());
                        mark(
                            report,
                            i,
                            j,
                            out.len(),
                            PartRole::Quote,
                            Confidence::High,
                            id,
                        );
                        out.push(Block::Quote(q));
                        prev_speaker = Some(idx);
                        i = j;
                        continue;
                    }
                    report.unsure(
                        &format!("body[{}]", out.len()),
                        "quoted words whose speaker could not be told; kept as a paragraph",
                    );
                }
                let conf = if para.contains(['“', '"', '«', '”']) {
                    Confidence::Low
                } else {
                    Confidence::High
                };
                mark(report, i, i + 1, out.len(), PartRole::Paragraph, conf, None);
                out.push(Block::Paragraph { text: text(para) });
                prev_speaker = None;
                if narrated_here.is_some() {
                    narrated_by = narrated_here.map(|m| (i, m));
                }
                let introduces =
                    para.ends_with(':') || para.to_lowercase().contains(" the following statement");
                if let Some(m) = introduces.then(|| statement_speaker(para)).flatten() {
                    pending = Some(m);
                }
                if let Some((m, all)) = attributed_speaker(para) {
                    if all {
                        whole = Some(m.clone());
                    }
                    pending = Some(m);
                }
            }
        }
        i += 1;
    }
    out
}

/// `H.E. Jane Doe` → `Jane Doe`: a name without its courtesy title.
fn without_honorific(s: &str) -> String {
    quote::HONORIFICS
        .iter()
        .find_map(|h| s.strip_prefix(h).and_then(|r| r.strip_prefix(' ')))
        .unwrap_or(s)
        .to_string()
}

/// Whether a paragraph speaks in the first person (`I welcome …`, `We …`,
/// `Je salue …`, `Hoy quiero …` is not caught): a first-person pronoun among
/// its first words.
fn first_person(p: &str) -> bool {
    const PRONOUNS: [&str; 8] = ["I", "We", "My", "Our", "Je", "Nous", "Yo", "Nosotros"];
    p.split_whitespace()
        .take(4)
        .any(|w| PRONOUNS.contains(&w.trim_end_matches([',', '’', '\''])))
}

/// Whether a paragraph speaks in the first person anywhere in it: `I`, `my`,
/// `we`, `our`; `je`, `nous`, `notre`; `nuestro`, `hemos`, `quiero` (Spanish
/// drops the pronoun).
fn speaks_as_i(p: &str) -> bool {
    if [" I ", " I’", " I'"].iter().any(|w| p.contains(w)) {
        return true;
    }
    const WORDS: [&str; 27] = [
        "my", "we", "our", "us", "je", "j", "nous", "notre", "nos", "mon", "ma", "mes", "m", "yo",
        "nosotros", "nosotras", "nuestro", "nuestra", "nuestros", "nuestras", "mi", "mis", "me",
        "hemos", "quiero", "queremos", "estamos",
    ];
    p.to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .any(|w| WORDS.contains(&w))
}

/// A salutation opening a letter: `Dear supporters,`, `Chers habitants,`,
/// `Queridos socios:`.
fn salutation(p: &str) -> bool {
    const OPENERS: [&str; 10] = [
        "Dear ",
        "Cher ",
        "Chère ",
        "Chers ",
        "Chères ",
        "Querido ",
        "Querida ",
        "Queridos ",
        "Queridas ",
        "Estimados ",
    ];
    OPENERS.iter().any(|o| p.starts_with(o))
        && p.ends_with([',', ':'])
        && p.split_whitespace().count() <= 8
}

/// A quote the writer named the speaker of: its marks and attributions as
/// read when it parses as a quote, else the whole paragraph as quoted words.
fn forced_quote(para: &str, speaker: String, text: &dyn Fn(&str) -> String) -> Quote {
    let paragraph = match quote::parse(para) {
        Some(q) => QuoteParagraph {
            lead_in: q.lead_in.as_ref().map(|a| a.form),
            segments: q
                .segments
                .iter()
                .map(|(t, a)| QuoteSegment {
                    text: md(t),
                    attribution: a.as_ref().map(|a| a.form),
                })
                .collect(),
        },
        None => {
            let bare = para
                .trim()
                .trim_start_matches(['“', '"', '«', '”', '„'])
                .trim_end_matches(['”', '"', '»', '“'])
                .trim();
            QuoteParagraph {
                lead_in: None,
                segments: vec![QuoteSegment {
                    text: text(bare),
                    attribution: None,
                }],
            }
        }
    };
    Quote {
        speaker,
        paragraphs: vec![paragraph],
    }
}

/// People known only by surname get the full name the text gives them
/// (`Dana Whitfield has been named …` for `Whitfield said`).
pub fn complete_names(people: &mut People, texts: &[&str]) {
    complete(people, texts, true);
}

/// Lone surnames (`Minister Bramwell`) given their full name by `texts`
/// (the head's lines), never a two-word name taken for a double surname.
pub fn complete_surnames(people: &mut People, texts: &[&str]) {
    complete(people, texts, false);
}

fn complete(people: &mut People, texts: &[&str], doubles: bool) {
    let taken: Vec<String> = people.list.iter().map(|p| p.name.clone()).collect();
    for p in people.list.iter_mut() {
        // A lone surname, or an honorific and a surname (`Minister Lyle said`).
        let (surname, double) = match p.name.split_whitespace().collect::<Vec<_>>().as_slice() {
            [s] => (s.to_string(), false),
            [h, s] if honorific(h) => (s.to_string(), false),
            // `Caballero Ruiz` for `Inés Caballero Ruiz`: a double surname.
            [a, b] if doubles => (format!("{a} {b}"), true),
            _ => continue,
        };
        'texts: for t in texts {
            // `(AGENCY)—Jane Doe announced`: a dash tight against the name parts it.
            let words: Vec<&str> = t
                .split(|c: char| c.is_whitespace() || c == '—')
                .filter(|w| !w.is_empty())
                .collect();
            for (i, w) in words.iter().enumerate() {
                let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                let bare = if double {
                    match (i > 0).then(|| words.get(i - 1)).flatten() {
                        Some(prev) if !prev.ends_with(|c: char| !c.is_alphanumeric()) => {
                            format!("{prev} {bare}")
                        }
                        _ => continue,
                    }
                } else {
                    bare.to_string()
                };
                if bare != surname || i < 1 + usize::from(double) {
                    continue;
                }
                let i = i - usize::from(double);
                // The first name is the one capitalised word before the surname.
                const NOT_NAMES: [&str; 16] = [
                    "The", "A", "An", "This", "That", "Mr.", "Ms.", "Mrs.", "Dr.", "But", "And",
                    "In", "On", "At", "When", "If",
                ];
                let Some(first) = i.checked_sub(1).and_then(|k| words.get(k)) else {
                    continue;
                };
                // A first name proper before a double surname (`Inés`, not `ORG` or `Acme's`).
                const NOT_GIVEN: [&str; 12] = [
                    "said",
                    "says",
                    "added",
                    "adds",
                    "dijo",
                    "afirmó",
                    "señaló",
                    "today",
                    "meanwhile",
                    "also",
                    "however",
                    "según",
                ];
                // `Con Ana Gil …`, `Pour Claire Dubois, …`: a word opening the
                // sentence before a two-word name is no given name.
                const PREPOSITIONS: [&str; 12] = [
                    "por", "con", "sin", "para", "pour", "avec", "sans", "par", "for", "with",
                    "by", "from",
                ];
                // `Envoy for Sport Tomas Lindqvist`: a title's complement
                // (`for Sport`) before a two-word name is no given name.
                let complement = i
                    .checked_sub(2)
                    .and_then(|k| words.get(k))
                    .is_some_and(|w| ["for", "of", "on", "de", "del", "des", "du"].contains(w));
                let given = !double
                    || (!complement
                        && first.chars().skip(1).all(char::is_lowercase)
                        && first.chars().count() >= 2
                        && !NOT_GIVEN.contains(&first.to_lowercase().as_str())
                        && !quote::speech_word(&first.to_lowercase())
                        && !PREPOSITIONS.contains(&first.to_lowercase().as_str())
                        && !quote::TITLE_WORDS.contains(&first.trim_end_matches('.'))
                        && !quote::HONORIFICS.contains(first)
                        && !LOCAL_TITLES.contains(&first.to_lowercase().as_str()));
                if !quote::name_ok(first)
                    || !given
                    || NOT_NAMES.contains(first)
                    || honorific(first)
                    || first.ends_with(['.', ',', ':'])
                {
                    continue;
                }
                let mut full = format!("{first} {bare}");
                // `Carmen Ruiz Soto, …` for `Ruiz`: a Spanish second surname
                // closing the name right after the first.
                if let Some(second) = words
                    .get(i + 1 + usize::from(double))
                    .and_then(|w| second_surname(w))
                {
                    full = format!("{full} {second}");
                }
                if quote::name_ok(&full) && !taken.contains(&full) {
                    p.name = full;
                    break 'texts;
                }
            }
        }
    }
}

/// `Soto,` or `Osuna.` after a surname: a capitalised name word closing the
/// name (a comma or a stop tight against it), not a month, a day or a title.
fn second_surname(w: &str) -> Option<&str> {
    const NOT_SURNAMES: [&str; 5] = ["Jr", "Sr", "Junior", "PhD", "MP"];
    let bare = w.strip_suffix([',', '.', ';', ')'])?;
    let ok = bare.chars().count() >= 2
        && bare.chars().next().is_some_and(char::is_uppercase)
        && bare.chars().skip(1).all(char::is_lowercase)
        && !NOT_SURNAMES.contains(&bare)
        && crate::dates::month(bare).is_none()
        && !crate::dates::is_weekday(bare)
        && !quote::title_word(bare)
        && !LOCAL_TITLES.contains(&bare.to_lowercase().as_str());
    ok.then_some(bare)
}

/// Words written before a surname in place of a first name: `Minister Lyle`,
/// `Senator Holt`, `the Hon Gareth Lyle`.
fn honorific(word: &str) -> bool {
    const HONORIFICS: [&str; 38] = [
        "chief",
        "speaker",
        "honourable",
        "honorable",
        "minister",
        "senator",
        "sen",
        "commissioner",
        "president",
        "ambassador",
        "governor",
        "gov",
        "mayor",
        "professor",
        "prof",
        "judge",
        "councillor",
        "councilor",
        "premier",
        "representative",
        "rep",
        "dr",
        "mr",
        "ms",
        "mrs",
        "hon",
        "sir",
        "dame",
        "chancellor",
        "secretary",
        "ministre",
        "ministra",
        "ministro",
        "senador",
        "senadora",
        "alcalde",
        "alcaldesa",
        "sénateur",
    ];
    let w = word.trim_end_matches('.').to_lowercase();
    HONORIFICS.contains(&w.as_str())
}

fn mentions(group: &[QuotePara]) -> Vec<&quote::Attr> {
    let mut out = Vec::new();
    for p in group {
        out.extend(p.lead_in.iter());
        out.extend(p.segments.iter().filter_map(|s| s.1.as_ref()));
    }
    out
}

/// Finds the one speaker of a quote group and records what the attributions
/// say about them; `None` (and no change) when they disagree or name nobody.
fn resolve(
    group: &[QuotePara],
    people: &mut People,
    prev: Option<usize>,
    verbs: &mut Vec<&'static str>,
    report: &mut ImportReport,
    at: usize,
) -> Option<(Quote, usize)> {
    let attrs = mentions(group);
    // A release has a handful of speakers; past the cap new names stay in paragraphs
    // (this also bounds the work on hostile input).
    let new_person = attrs.iter().any(|a| {
        (a.mention.name.is_some() || a.mention.surname.is_some())
            && people.find(&a.mention).is_none()
    });
    if new_person && people.list.len() >= MAX_PEOPLE {
        return None;
    }
    let mut trial = people.clone();
    let named: Vec<&Mention> = attrs
        .iter()
        .map(|a| &a.mention)
        .filter(|m| m.name.is_some() || m.surname.is_some())
        .collect();
    let mut speaker: Option<usize> = None;
    let mut other_titles: Vec<String> = Vec::new();
    for m in &named {
        let found = trial.find(m);
        // A second wording of a known person's title: the first one is kept.
        let relaxed;
        let m = match (found.and_then(|i| trial.list.get(i)), &m.title) {
            (Some(p), Some(t)) if !p.title.is_empty() && p.title != *t => {
                other_titles.push(t.clone());
                relaxed = Mention {
                    title: None,
                    ..(*m).clone()
                };
                &relaxed
            }
            _ => *m,
        };
        if !trial.compatible(found, m) {
            return None;
        }
        let idx = trial.apply(m);
        if speaker.is_some_and(|s| s != idx) {
            return None;
        }
        speaker = Some(idx);
        trial.last = Some(idx);
    }
    if speaker.is_none() {
        speaker = if attrs.is_empty() {
            prev
        } else {
            // `the mayor said`: whoever holds that title, else the person last meant.
            attrs
                .iter()
                .find(|a| a.mention.role.is_some())
                .and_then(|a| trial.find(&a.mention))
                .or(trial.last)
                .or((trial.list.len() == 1).then_some(0))
        };
    }
    let idx = speaker?;
    for a in &attrs {
        if a.mention.name.is_none() && a.mention.surname.is_none() {
            if !trial.compatible(Some(idx), &a.mention) {
                return None;
            }
            trial.last = Some(idx);
            trial.apply(&a.mention);
        }
    }
    let id = trial.list.get(idx)?.id.clone();
    if attrs.iter().any(|a| a.reworded) {
        report.unsure(
            &format!("body[{at}]"),
            "the attribution was reworded to a standard form (verb, courtesy title or signature as written are listed as dropped)",
        );
        for a in attrs.iter().filter(|a| a.reworded) {
            report.drop_text(
                &a.written,
                "attribution as written (printed in the standard form)",
            );
        }
    }
    for t in &other_titles {
        report.drop_text(
            t,
            "another wording of the speaker’s title (the first is kept)",
        );
    }
    trial.last = Some(idx);
    *people = trial;
    verbs.extend(attrs.iter().map(|a| a.lang));
    let paragraphs = group
        .iter()
        .map(|p| QuoteParagraph {
            lead_in: p.lead_in.as_ref().map(|a| a.form),
            segments: p
                .segments
                .iter()
                .map(|(t, a)| QuoteSegment {
                    text: md(t),
                    attribution: a.as_ref().map(|a| a.form),
                })
                .collect(),
        })
        .collect();
    Some((
        Quote {
            speaker: id,
            paragraphs,
        },
        idx,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::SourceFormat;

    #[test]
    fn statements_name_their_speaker() {
        let name = |s: &str| statement_speaker(s).and_then(|m| m.name);
        for (text, want) in [
            (
                "Statement By Children's Fund Executive Director Mara Lindqvist On School Attacks In Morrow",
                "Mara Lindqvist",
            ),
            (
                "Children's Fund Executive Director Mara Lindqvist's opening statement at the first regular session",
                "Mara Lindqvist",
            ),
            (
                "Common Ground Foundation President and CEO Teodor Vance released the following statement today on the announcement.",
                "Teodor Vance",
            ),
            (
                "Anne Kowalski, Commissioner of the Northern Parole Service (NPS), issued the following statement today on the findings:",
                "Anne Kowalski",
            ),
            ("Statement from Rowan Hale:", "Rowan Hale"),
        ] {
            assert_eq!(name(text).as_deref(), Some(want), "{text}");
        }
        for not in [
            "Acme's new plant opens in Ohio",
            "The board's statement on the merger",
            "Statement by the Commissioner of the Northern Parole Service on the board of investigation",
        ] {
            assert_eq!(name(not), None, "{not}");
        }
    }

    #[test]
    fn quotes_lists_headings() {
        let blocks = vec![
            SrcBlock::new(
                BlockKind::Para,
                vec!["“We are ready,” said Jane Doe, CEO of Acme. “Really.”".into()],
                true,
            ),
            SrcBlock::new(
                BlockKind::Para,
                vec!["“It starts now,” she said.".into()],
                true,
            ),
            SrcBlock::new(BlockKind::Para, vec!["Next steps".into()], true),
            SrcBlock::new(
                BlockKind::Para,
                vec!["- one".into(), "- two".into(), "continued".into()],
                true,
            ),
            SrcBlock::new(BlockKind::Para, vec!["Doe said: “First.".into()], true),
            SrcBlock::new(BlockKind::Para, vec!["“Second.”".into()], true),
        ];
        let mut known = People::default();
        known.apply(&Mention {
            surname: Some("Whitfield".into()),
            ..Mention::default()
        });
        complete_names(
            &mut known,
            &["Today Dana Whitfield joined. The Whitfield plan."],
        );
        assert_eq!(known.list[0].name, "Dana Whitfield");
        let its = placed(&blocks);
        assert_eq!(its[2].0, Item::Heading("Next steps".into()));
        assert_eq!(
            its[3].0,
            Item::List(vec!["one".into(), "two continued".into()])
        );
        let mut people = People::default();
        let mut report = ImportReport::new(SourceFormat::Text);
        let mut verbs = Vec::new();
        let body = build(
            its,
            "",
            &[],
            &HashMap::new(),
            &HashMap::new(),
            &mut people,
            &mut report,
            &mut verbs,
        );
        assert_eq!(body.len(), 5);
        assert_eq!(people.list.len(), 1);
        assert_eq!(people.list[0].pronoun, "she");
        assert_eq!(people.list[0].title, "CEO of Acme");
        match &body[4] {
            Block::Quote(q) => assert_eq!(q.paragraphs.len(), 2),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn statements_attributed_to_one_person() {
        let who = |s: &str| attributed_speaker(s).map(|(m, all)| (m.name.unwrap_or_default(), all));
        assert_eq!(
            who("The statement below is attributable to the Chair of the Board, Nadia Rahman."),
            Some(("Nadia Rahman".to_string(), true))
        );
        assert_eq!(
            who("This is a summary of what was said by spokesperson Omar Haddad – to whom quoted text may be attributed – at today’s briefing."),
            Some(("Omar Haddad".to_string(), false))
        );
        // A cause, not a speaker.
        assert_eq!(
            who("The fall in prices is attributable to President Jane Doe."),
            None
        );
        // A label over the statement.
        for label in [
            "Please attribute to Senior Sergeant Hemi Walker:",
            "Quotes attributable to Hemi Walker, Fire Chief:",
            "Propos à attribuer à Hemi Walker, commandant :",
            "Declaraciones atribuibles a Hemi Walker, jefe de bomberos:",
        ] {
            assert_eq!(
                who(label),
                Some(("Hemi Walker".to_string(), true)),
                "{label}"
            );
        }
    }

    #[test]
    fn subject_of_says_introducing_the_quote() {
        let name = |s: &str| statement_speaker(s).and_then(|m| m.name);
        assert_eq!(
            name("Kiwi Relief's Advocacy Director Mere Tawhiri says the programme has put projects on hold:"),
            Some("Mere Tawhiri".into())
        );
        // Only over a quote (a colon ends it), and only a person's name.
        assert_eq!(
            name("Kiwi Relief's Advocacy Director Mere Tawhiri says the programme is on hold."),
            None
        );
        assert_eq!(name("The report says three things:"), None);
    }
}
