//! Above the lead: release lines (`FOR IMMEDIATE RELEASE`, embargoes with their
//! time and zone), genre lines (`PRESS RELEASE`), publication-date lines, page
//! furniture (breadcrumbs, site titles), the headline with its genre suffix,
//! and the subheadline.

use chrono::{NaiveDate, NaiveTime};
use dateline_core::{Kind, ReleaseLine};

use crate::dates::{parse_date, parse_date_line};

/// What one line above the headline turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadLine {
    /// A release line.
    Release(ReleaseLine),
    /// An embargo line whose time or date could not be read.
    BadEmbargo,
    /// A genre line (`PRESS RELEASE`).
    Kind(Kind),
    /// A publication date.
    Date(NaiveDate),
    /// Breadcrumbs, menus, share buttons.
    Furniture,
}

/// Classifies a line of the head; `None` for ordinary text.
pub fn classify(line: &str) -> Option<HeadLine> {
    let t = line.trim().trim_matches(['*', '_']).trim();
    // `• Print page`: a bullet before a link.
    let t = t.strip_prefix(['•', '·']).map_or(t, str::trim_start);
    let lower = t.to_lowercase();
    let bare = lower.trim_end_matches([':', '.']).trim();
    const IMMEDIATE: [&str; 7] = [
        "for immediate release",
        "immediate release",
        "for release immediately",
        "pour diffusion immédiate",
        "pour publication immédiate",
        "para difusión inmediata",
        "para publicación inmediata",
    ];
    if IMMEDIATE.contains(&bare) || release_date(t).is_some() {
        return Some(HeadLine::Release(ReleaseLine::Immediate));
    }
    const EMBARGO: [&str; 12] = [
        "embargoed until",
        "embargoed till",
        "embargo until",
        "under embargo until",
        "embargoed:",
        "embargo:",
        // `For release: 9.00am, Monday 3 March 2026`: a set time of release.
        "for release:",
        "for release at",
        "not for release before",
        "not for publication before",
        "sous embargo",
        "embargado hasta",
    ];
    if EMBARGO.iter().any(|e| lower.starts_with(e)) {
        return Some(embargo(t).map_or(HeadLine::BadEmbargo, HeadLine::Release));
    }
    // `Acme AG /` over the headline, `Processed and transmitted by …`, `The
    // issuer is solely responsible for the content of this announcement.`: a
    // financial wire's issuer line and notices.
    if (t.ends_with(" /") && t.split_whitespace().count() <= 6)
        || lower.starts_with("processed and transmitted by")
        || lower.starts_with("the issuer is solely responsible")
    {
        return Some(HeadLine::Furniture);
    }
    // `BASEL, SWITZERLAND--(Wirelink - October 06, 2026) -` alone on its
    // line: a wire's stamp, its date in the brackets.
    if let Some(d) = t
        .split_once("--(")
        .filter(|(place, _)| !place.chars().any(char::is_lowercase))
        .and_then(|(_, r)| r.trim_end_matches([' ', '-', '–', '—']).strip_suffix(')'))
        .and_then(|inner| inner.split_once(" - "))
        .and_then(|(_, date)| parse_date_line(date))
    {
        return Some(HeadLine::Date(d));
    }
    // `- Kalani County Police - https://www.kalanipolice.example -`: a
    // printed page's running head, the site's name and address.
    if t.starts_with("- ")
        && t.ends_with(" -")
        && (lower.contains("http") || lower.contains("www."))
    {
        return Some(HeadLine::Furniture);
    }
    // `Statement From: Commissioner Jane Doe`: a page's label restating
    // whose statement it is (the headline says it).
    if ["statement from:", "statement by:"]
        .iter()
        .any(|p| lower.starts_with(p))
        && t.split_whitespace().count() <= 12
    {
        return Some(HeadLine::Furniture);
    }
    const MAIL_HEADERS: [&str; 6] = ["subject:", "from:", "to:", "cc:", "sent:", "objet :"];
    if MAIL_HEADERS.iter().any(|h| lower.starts_with(h)) {
        return Some(HeadLine::Furniture);
    }
    // `Source: World Health Office (WHO) |`: a distributor's source line.
    const SOURCE: [&str; 4] = ["source:", "source :", "fuente:", "fuente :"];
    if SOURCE.iter().any(|h| lower.starts_with(h))
        && t.split_whitespace().count() <= 12
        && !t.ends_with('.')
    {
        return Some(HeadLine::Furniture);
    }
    // `Comunicado No. 123`, `Communiqué n° 45`, `Press release No. 12/2026`:
    // a genre and its number.
    let numbered = numbered_genre(bare);
    let bare = numbered.as_deref().unwrap_or(bare);
    let kind = match bare {
        "press release"
        | "joint media release"
        | "joint press release"
        | "communiqué de presse"
        | "comunicado de prensa"
        | "media release"
        | "press statement"
        | "media statement"
        | "nota de prensa"
        | "nota informativa"
        | "boletín de prensa"
        | "boletín informativo"
        // `Boletín No. 245`, `Bulletin n° 12`: a numbered bulletin.
        | "boletín"
        | "boletin"
        | "bulletin"
        | "communiqué"
        | "comunicado" => Some(Kind::PressRelease),
        "news release" | "news" | "daily news" => Some(Kind::NewsRelease),
        "media advisory" | "note to correspondents" | "avis aux médias" => {
            Some(Kind::MediaAdvisory)
        }
        "statement" | "déclaration" | "declaración" => Some(Kind::Statement),
        _ => None,
    };
    if let Some(k) = kind {
        return Some(HeadLine::Kind(k));
    }
    // `Communiqué de presse du 12.03.2026`, `Nota de prensa del 4 de mayo de
    // 2026`: a genre and the date it was issued.
    for of in [" du ", " del ", " of ", " de ", " - ", " – ", " | "] {
        if let Some((genre, date)) = bare.split_once(of) {
            if matches!(classify(genre), Some(HeadLine::Kind(_))) {
                if let Some(d) = parse_date_line(date.trim()) {
                    return Some(HeadLine::Date(d));
                }
            }
        }
    }
    // `05-04-2026 News Release 26/47`: a date, then the genre and its number.
    if let Some(d) = date_then_genre(t) {
        return Some(HeadLine::Date(d));
    }
    // `Text size A A A`: a page's text-size buttons.
    if t.ends_with(" A A A") && t.split_whitespace().count() <= 7 {
        return Some(HeadLine::Furniture);
    }
    // `(AGENCY) – dom 10 marzo 2026 ORG News Release`: a relay's line, its
    // agency in brackets, a date and the original's genre.
    if t.starts_with('(')
        && t.split_whitespace().count() <= 14
        && t.split_once(')').is_some_and(|(agency, rest)| {
            agency.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !agency.chars().any(char::is_lowercase)
                && rest.trim_start().starts_with(['–', '—', '-'])
                && rest.split_whitespace().any(|w| {
                    w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit())
                })
        })
    {
        return Some(HeadLine::Furniture);
    }
    // `("Acme", the "Company" or the "Group")`: the names a stock-market
    // announcement defines; and its notice that it holds inside information.
    if (t.starts_with('(') && t.ends_with(')') && t.contains(['"', '“']))
        || (lower.contains("inside information") && lower.contains("market abuse"))
    {
        return Some(HeadLine::Furniture);
    }
    // `Also available in: Español, Français`: the page's other languages.
    if [
        "available in:",
        "also available in:",
        "disponible en :",
        "disponible en:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && t.split_whitespace().count() <= 14
    {
        return Some(HeadLine::Furniture);
    }
    // `[this announcement is available online at https://… ]`: a note in brackets.
    if t.starts_with('[') && t.ends_with(']') && lower.contains("http") {
        return Some(HeadLine::Furniture);
    }
    // `Council Meeting · Press releases`: short labels around a middle dot.
    if t.contains(" · ")
        && !t.ends_with('.')
        && t.split(" · ").all(|p| p.split_whitespace().count() <= 4)
    {
        return Some(HeadLine::Furniture);
    }
    // `Archived page: may contain outdated information!`: an archive's notice.
    if [
        "archived page",
        "archived content",
        "this page has been archived",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && t.split_whitespace().count() <= 10
    {
        return Some(HeadLine::Furniture);
    }
    // `Posted by Jane Doe on 4 May 2026`, `Publié par X le 4 mai 2026`: a
    // blog's byline and date.
    const BYLINES: [(&str, &str); 6] = [
        ("posted by ", " on "),
        ("published by ", " on "),
        ("written by ", " on "),
        ("publié par ", " le "),
        ("publicado por ", " el "),
        ("by ", " on "),
    ];
    for (by, on) in BYLINES {
        if let Some(i) = lower
            .starts_with(by)
            .then(|| lower.rfind(on))
            .flatten()
            .filter(|_| t.split_whitespace().count() <= 14)
        {
            if let Some(d) = t.get(i + on.len()..).and_then(parse_date_line) {
                return Some(HeadLine::Date(d));
            }
        }
    }
    let date_text = [
        "date de publication",
        "last edited",
        "last updated",
        "last modified",
        "daily news",
        "dateline",
        "published",
        "posted",
        "date",
        "updated",
        "issued",
        "publié le",
        "mis à jour le",
        "créé le",
        "publicado",
        "actualizado",
        "creado",
        // `Fecha: 12/06/2026`.
        "fecha de publicación",
        "fecha",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| t.get(p.len()..)).flatten())
    .map(|r| {
        let r = r.trim_start_matches([':', ' ']);
        // `Posted On: 08 APR 2026 5:24PM by Press Bureau Delhi`.
        let r = ["on:", "on "]
            .iter()
            .find_map(|o| {
                r.get(..o.len())
                    .filter(|h| h.eq_ignore_ascii_case(o))
                    .and_then(|_| r.get(o.len()..))
            })
            .unwrap_or(r);
        let r = r.split(" by ").next().unwrap_or(r);
        r.trim_start_matches([':', ' ']).trim()
    })
    .unwrap_or(t);
    // `Publié le 02/09/2026 – Mis à jour le 04/09/2026`, `Published 3 May
    // 2026 | Updated 5 May 2026`: the first date, before the update's.
    let date_text = [" – ", " — ", " - ", " | ", " · ", "; ", ", "]
        .iter()
        .find_map(|sep| {
            let (d, later) = date_text.split_once(sep)?;
            let later = later.trim().to_lowercase();
            let update = [
                "updated",
                "last updated",
                "modified",
                "last modified",
                "mis à jour",
                "modifié",
                "actualizado",
                "modificado",
                "última actualización",
                "dernière mise à jour",
                "edited",
            ]
            .iter()
            .any(|u| later.starts_with(u));
            (update && parse_date_line(d).is_some()).then_some(d)
        })
        // `Publié le 5 mars 2026 Dernière mise à jour : 6 mars 2026`: two spans
        // of a page run together, the update's label with no separator before it.
        .or_else(|| {
            let lower = date_text.to_lowercase();
            if lower.len() != date_text.len() {
                return None;
            }
            [
                "last updated",
                "updated",
                "modified",
                "mis à jour",
                "modifié",
                "actualizado",
                "modificado",
                "última actualización",
                "dernière mise à jour",
            ]
            .iter()
            // After a space, or glued to the date's last figure.
            .filter_map(|u| {
                lower.match_indices(u).map(|(i, _)| i).find(|i| {
                    *i > 0
                        && lower[..*i]
                            .chars()
                            .next_back()
                            .is_some_and(|c| c == ' ' || c.is_ascii_digit())
                })
            })
            .min()
            .and_then(|i| date_text.get(..i))
            .map(|d| d.trim_end_matches([' ', ',', ';', '-', '–', '—', '|', '·']))
            .filter(|d| parse_date_line(d).is_some())
        })
        .unwrap_or(date_text);
    // `22 March 2026 at 9:00am`: the time after the date is not part of it.
    let date_text = [" at ", " à ", " a las "]
        .iter()
        .find_map(|sep| {
            let (d, time) = date_text.split_once(sep)?;
            time.starts_with(|c: char| c.is_ascii_digit()).then_some(d)
        })
        .unwrap_or(date_text);
    // `Daily News 12 / 07 / 2026`: a numeric date spaced out.
    let spaced = date_text.replace(" / ", "/");
    let date_text = spaced.as_str();
    if let Some(d) = parse_date(date_text)
        .and_then(|d| d.year.and_then(|y| d.with_year(y)))
        .or_else(|| parse_date_line(date_text))
    {
        return Some(HeadLine::Date(d));
    }
    // `December 3, 2025 • Press Release`: a date beside a genre or section
    // (`03/14/2026 | Press release | Distributed by Public on 03/14/2026 17:42`).
    // `23-05-2026 4:25 pm - (Press Release N°2026-60)`, `Programme - Tue,
    // 03/17/2026 - 11:53`: a date in figures beside a label, around hyphens.
    for sep in [" • ", " · ", " | ", " - "] {
        if t.contains(sep) {
            let parts: Vec<&str> = t.split(sep).collect();
            let figures = |p: &str| {
                sep != " - "
                    || p.split_whitespace().any(|w| {
                        w.chars().filter(|c| c.is_ascii_digit()).count() >= 6
                            && w.contains(['/', '-', '.'])
                    })
            };
            // `Committee news · Published Wednesday 18 March 2026`: a section,
            // then the date under its label.
            let labelled = |p: &str| {
                let p = p.trim();
                (sep != " - " && p.len() < t.trim().len())
                    .then(|| classify(p))
                    .flatten()
                    .and_then(|h| match h {
                        HeadLine::Date(d) => Some(d),
                        _ => None,
                    })
            };
            let dates: Vec<NaiveDate> = parts
                .iter()
                .filter(|p| figures(p))
                .filter_map(|p| parse_date_line(p).or_else(|| labelled(p)))
                .collect();
            let short = parts.iter().all(|p| p.split_whitespace().count() <= 8);
            if let (Some(d), true) = (dates.first(), short) {
                return Some(HeadLine::Date(*d));
            }
        }
    }
    // `Olympic Highlights 13/01/2026`, `Actualité 02.03.2026`: a section's
    // label of a few capitalised words and a date in figures.
    if let Some((label, date)) = t.rsplit_once(' ') {
        let words: Vec<&str> = label.split_whitespace().collect();
        let figures = date.chars().filter(|c| c.is_ascii_digit()).count() >= 6
            && date
                .chars()
                .filter(|c| matches!(c, '/' | '.' | '-'))
                .count()
                == 2
            && date
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-'));
        let labelled = (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && label.chars().all(|c| c.is_alphabetic() || c == ' ');
        if let Some(d) = (figures && labelled)
            .then(|| parse_date_line(date))
            .flatten()
        {
            return Some(HeadLine::Date(d));
        }
    }
    if reference(t) || meeting(&lower) || mail_sender(t) || organisation(t) {
        return Some(HeadLine::Furniture);
    }
    // `JCE Montpellier – 24 août 2026`: an issuer (an acronym and a name) and a date.
    for sep in [" – ", " — ", " - "] {
        let Some((label, date)) = t.split_once(sep) else {
            continue;
        };
        let words: Vec<&str> = label.split_whitespace().collect();
        let acronym = words
            .iter()
            .any(|w| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '&'));
        let mixed = words.iter().any(|w| w.chars().any(char::is_lowercase));
        if (2..=3).contains(&words.len())
            && acronym
            && mixed
            && !label.chars().any(|c| c.is_ascii_digit())
        {
            if let Some(d) = parse_date_line(date) {
                return Some(HeadLine::Date(d));
            }
        }
    }
    // `Prensa regional SSF, 18 de diciembre de 2026`: a label and a date.
    if let Some((label, date)) = t.rsplit_once(", ").and_then(|(l, d)| {
        let words = l.split_whitespace().count();
        let d = parse_date(d)
            .and_then(|d| d.year.and_then(|y| d.with_year(y)))
            .or_else(|| parse_date_line(d))?;
        ((1..=5).contains(&words) && !l.contains(['.', ':', ';', '“', '"'])).then_some((l, d))
    }) {
        // A place and a date (`Brussels, 31 October 2015`) is a dateline, read elsewhere.
        if label.chars().any(char::is_lowercase)
            && label
                .split_whitespace()
                .skip(1)
                .any(|w| w.chars().next().is_some_and(char::is_lowercase))
        {
            return Some(HeadLine::Date(date));
        }
    }
    // `Catégorie : Communiqué de presse`, `Category: News`: a label and a genre or section.
    if let Some((label, value)) = t.split_once(':') {
        if (1..=2).contains(&label.split_whitespace().count()) && !value.trim().is_empty() {
            match classify(value.trim()) {
                Some(HeadLine::Kind(k)) => return Some(HeadLine::Kind(k)),
                Some(HeadLine::Furniture) => return Some(HeadLine::Furniture),
                _ => {}
            }
            // `Valmérie : Communiqué de presse – Collectif X`: a blog's title
            // line, a label, a genre and the issuer.
            let genre_first = [" - ", " – ", " — "].iter().find_map(|sep| {
                let (genre, issuer) = value.trim().split_once(sep)?;
                (issuer.split_whitespace().count() <= 5).then_some(genre)
            });
            if genre_first.is_some_and(|g| matches!(classify(g), Some(HeadLine::Kind(_)))) {
                return Some(HeadLine::Furniture);
            }
        }
    }
    // `European Commission - Press release`: an organisation and a genre.
    for sep in [" - ", " – ", " | "] {
        if let Some((_, genre)) = bare.rsplit_once(sep) {
            if let Some(HeadLine::Kind(k)) = classify(genre) {
                return Some(HeadLine::Kind(k));
            }
        }
    }
    // `Press releases | Special Procedures`: short parts around a bar.
    if t.contains(" | ")
        && !t.ends_with('.')
        && t.split(" | ").all(|p| p.split_whitespace().count() <= 4)
    {
        return Some(HeadLine::Furniture);
    }
    let separators = [" | ", " > ", " › ", " » ", " / "];
    if separators.iter().any(|s| t.matches(s).count() >= 1)
        && !t.ends_with('.')
        && t.split_whitespace().count() <= 16
    {
        let seps = separators
            .iter()
            .map(|s| t.matches(s).count())
            .sum::<usize>();
        if seps >= 2 || lower.starts_with("home") {
            return Some(HeadLine::Furniture);
        }
    }
    // `Accueil - Services médias`: a breadcrumb from the home page, with hyphens.
    if ["home - ", "accueil - ", "inicio - "]
        .iter()
        .any(|h| lower.starts_with(h))
        && !t.ends_with('.')
        && t.split_whitespace().count() <= 10
    {
        return Some(HeadLine::Furniture);
    }
    const NAV: [&str; 43] = [
        "you are here",
        "vous êtes ici",
        "usted está aquí",
        "version imprimable",
        "printer friendly version",
        "centre de presse",
        "espace presse",
        "centro de prensa",
        "sala de prensa",
        "press centre",
        "press center",
        "send page",
        "print page",
        "pasar al contenido principal",
        "ir al contenido principal",
        "saltar al contenido principal",
        "aller au contenu principal",
        "publicada en",
        "publicado en",
        "publié dans",
        "posted in",
        "page contents",
        "share this page",
        "share",
        "contents",
        "home",
        "menu",
        "search",
        "skip to main content",
        "skip to content",
        "newsroom",
        "news and events",
        "press releases",
        "media centre",
        "media center",
        "latest news",
        "print",
        "print this document",
        "print this page",
        "imprimir",
        "imprimer",
        "imprimer la page",
        "return to this article at",
    ];
    // A site's section label: `Declaraciones Múltiples mecanismos`, `Statements and speeches`.
    const SECTIONS: [&str; 12] = [
        "statements",
        "speeches",
        "declaraciones",
        "discursos",
        "déclarations",
        "discours",
        "comunicados",
        "communiqués",
        "noticias",
        "actualités",
        "briefings",
        "releases",
    ];
    let first = bare.split_whitespace().next().unwrap_or("");
    if SECTIONS.contains(&first)
        && bare.split_whitespace().count() <= 4
        && !t.ends_with(['.', '!', '?'])
    {
        return Some(HeadLine::Furniture);
    }
    // `Media are free to use and reproduce our releases`: a page's notice.
    if [
        "free to use and reproduce",
        "libres d'utiliser et de reproduire",
        "libres d’utiliser et de reproduire",
    ]
    .iter()
    .any(|n| lower.contains(n))
        && t.split_whitespace().count() <= 16
    {
        return Some(HeadLine::Furniture);
    }
    if NAV.contains(&bare) || crate::tail::furniture(t) {
        return Some(HeadLine::Furniture);
    }
    None
}

/// `Office of the Press Secretary`, `The Executive Office`, `Ministry of
/// Defence`: an office's name alone on a line (above the headline, a masthead).
pub fn office_line(t: &str) -> bool {
    const OFFICES: [&str; 20] = [
        "office of the ",
        "republic of ",
        "république du ",
        "república de ",
        "comisaría ",
        "jefatura ",
        "préfecture ",
        "the executive office",
        "ministry of ",
        "department of ",
        "government of ",
        "press office",
        "press information",
        "ministerio de ",
        "ministère de ",
        "ministère des ",
        "ministère du ",
        "secretaría de ",
        "gobierno de ",
        "gouvernement du ",
    ];
    // `KALANI COUNTY POLICE DEPARTMENT`: a force's name.
    const FORCES: [&str; 3] = [" police department", " police service", " police force"];
    let lower = t.to_lowercase();
    t.split_whitespace().count() <= 7
        && !t.ends_with(['.', ':', '!', '?'])
        && !t.contains(['“', '"', '«'])
        && (OFFICES.iter().any(|o| lower.starts_with(o))
            || FORCES.iter().any(|f| lower.ends_with(f)))
}

/// `President Dana Holloway`, `Ministra Laura Etcheverry`: a title and a name
/// alone on a line (above the headline: whose release it is, not its headline).
pub fn issuer_name_line(t: &str) -> bool {
    const LOCAL: [&str; 12] = [
        "Ministra",
        "Ministro",
        "Ministre",
        "Presidenta",
        "Presidente",
        "Président",
        "Présidente",
        "Secretaria",
        "Secretario",
        "Senador",
        "Senadora",
        "Alcalde",
    ];
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    (3..=5).contains(&words.len())
        && (crate::quote::TITLE_WORDS.contains(first) || LOCAL.contains(first))
        && !t.ends_with(['.', ':', '!', '?'])
        && crate::quote::name_ok(&words[words.len() - 2..].join(" "))
        && words[1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// `05-04-2026 News Release 26/47`, `12-12-2026 News Release`: a numeric
/// date first, then a genre line (its number after it).
fn date_then_genre(t: &str) -> Option<NaiveDate> {
    let (date, rest) = t.split_once(' ')?;
    if !date
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
    {
        return None;
    }
    let d = parse_date_line(date)?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let genre = match words.last() {
        Some(n) if n.chars().any(|c| c.is_ascii_digit()) => words.get(..words.len() - 1)?.join(" "),
        _ => words.join(" "),
    };
    matches!(classify(&genre), Some(HeadLine::Kind(_))).then_some(d)
}

/// `comunicado no. 123` → `comunicado`: a genre followed by its number.
fn numbered_genre(bare: &str) -> Option<String> {
    const NUMBER_WORDS: [&str; 12] = [
        "no.", "no", "n°", "nº", "núm.", "núm", "number", "n.º", "n.°", "nro.", "número", "numéro",
    ];
    let words: Vec<&str> = bare.split_whitespace().collect();
    let k = words.iter().position(|w| NUMBER_WORDS.contains(w))?;
    let number = words.get(k + 1..)?;
    // `No. 045`, `No. 12/2026`, `No. 045 – 2026` (the year after a spaced dash).
    let figures = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
            && w.chars().any(|c| c.is_ascii_digit())
    };
    let numeric = match number {
        [n] => figures(n),
        [n, dash, year] => figures(n) && matches!(*dash, "-" | "–" | "—" | "/") && figures(year),
        _ => false,
    };
    (k > 0 && numeric).then(|| words[..k].join(" "))
}

/// `Hon Aroha Tane` over `Minister of Conservation`: a minister's name and
/// office set above a media release (the issuer, not the headline).
pub fn issuer_block(lines: &[String]) -> bool {
    const HON: [&str; 9] = [
        "Hon ",
        "The Hon ",
        "Rt Hon ",
        "The Rt Hon ",
        "Hon. ",
        "The Hon. ",
        "The Rt Hon. ",
        "Senator the Hon ",
        "Senator the Hon. ",
    ];
    let Some(first) = lines.first() else {
        return false;
    };
    let named = HON.iter().any(|h| first.trim().starts_with(h))
        && (2..=7).contains(&first.split_whitespace().count());
    named
        && lines.len() <= 3
        && lines.iter().all(|l| {
            l.split_whitespace().count() <= 8 && !l.trim_end().ends_with(['.', ':', '!', '?'])
        })
}

/// The date of `FOR IMMEDIATE RELEASE: TUESDAY 15 FEBRUARY 2005`.
pub fn release_date(line: &str) -> Option<NaiveDate> {
    let t = line.trim().trim_matches(['*', '_']).trim();
    let lower = t.to_lowercase();
    for p in [
        "for immediate release",
        "immediate release",
        "pour diffusion immédiate",
        "para difusión inmediata",
    ] {
        if let Some(rest) = lower.starts_with(p).then(|| t.get(p.len()..)).flatten() {
            let rest = rest.trim_start_matches([':', ' ', '-', '–', '—', ',']);
            if let Some(d) = parse_date_line(rest) {
                return Some(d);
            }
        }
    }
    None
}

/// A document reference alone on its line: `SC/8215`, `PR/26/014`, `OBV/1099-PI/2030`.
fn reference(t: &str) -> bool {
    !t.contains(' ')
        && t.contains('/')
        && t.chars().count() <= 30
        && t.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
}

/// `UNOG - United Nations Office at Geneva`, `ONUG - Office des Nations Unies
/// à Genève`: an acronym and the name it stands for.
fn organisation(t: &str) -> bool {
    let Some((acronym, name)) = [" - ", " – ", " — "]
        .iter()
        .find_map(|sep| t.split_once(sep))
    else {
        return false;
    };
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    acronym.chars().count() >= 2
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && initials == acronym
}

/// `Release – Acme opens a plant`, `CP / …`, `Communiqué de presse : …`: the
/// headline without a genre written before it, and that genre.
pub fn genre_prefix(headline: &str) -> Option<(String, Kind)> {
    let t = headline.trim();
    let lower = t.to_lowercase();
    const PREFIXES: [(&str, Kind); 13] = [
        ("press release", Kind::PressRelease),
        ("media advisory", Kind::MediaAdvisory),
        ("avis aux médias", Kind::MediaAdvisory),
        ("aviso a los medios", Kind::MediaAdvisory),
        ("news release", Kind::NewsRelease),
        ("release", Kind::PressRelease),
        ("communiqué de presse", Kind::PressRelease),
        ("communiqué", Kind::PressRelease),
        ("cp", Kind::PressRelease),
        ("comunicado de prensa", Kind::PressRelease),
        ("comunicado", Kind::PressRelease),
        ("nota de prensa", Kind::PressRelease),
        ("statement", Kind::Statement),
    ];
    for (p, kind) in PREFIXES {
        let Some(rest) = lower.strip_prefix(p) else {
            continue;
        };
        for sep in [" – ", " — ", " - ", " / ", " : ", ": ", " | "] {
            if rest.starts_with(sep) {
                let h = t.get(p.len() + sep.len()..)?.trim();
                if h.split_whitespace().count() >= 3 {
                    return Some((h.to_string(), kind));
                }
            }
        }
    }
    None
}

/// `SENEGAL-SANTE / Kaffrine : …` → (`SENEGAL-SANTE / `, `Kaffrine : …`): a
/// news agency's topic slug (country and subject in capitals, joined by a
/// hyphen) written before the headline.
pub fn wire_slug(headline: &str) -> Option<(&str, &str)> {
    let (slug, rest) = headline.split_once(" / ")?;
    let ok = slug.contains('-')
        && !slug.contains(' ')
        && slug.chars().filter(|c| c.is_alphabetic()).count() >= 5
        && slug
            .chars()
            .all(|c| c == '-' || (c.is_alphabetic() && !c.is_lowercase()));
    let rest = rest.trim();
    (ok && rest.split_whitespace().count() >= 3)
        .then(|| (headline.get(..slug.len() + 3).unwrap_or(slug), rest))
}

/// `9701st Meeting (AM)`, `Séance du matin`: a meeting number line.
fn meeting(lower: &str) -> bool {
    let first = lower.split_whitespace().next().unwrap_or("");
    let numbered = first.chars().next().is_some_and(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th", "e", "ª", "a"]
            .iter()
            .any(|s| first.ends_with(s));
    let session = lower.split_whitespace().count() <= 8
        && (lower.ends_with("meeting (am)") || lower.ends_with("meeting (pm)"));
    session
        || (numbered
            && (lower.contains("meeting") || lower.contains("séance") || lower.contains("sesión")))
        || matches!(
            lower,
            "séance du matin" | "séance de l’après-midi" | "séance de l'après-midi"
        )
}

/// A mailing-list sender line: `Anna Berg anna at example.org` or `Name <a@b.org>`.
fn mail_sender(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (words.len() <= 6
        && words.windows(3).any(|w| {
            w[1] == "at"
                && !w[0].is_empty()
                && w[0].chars().all(|c| c.is_lowercase() || c == '.')
                && w[2].contains('.')
        }))
        || (words.len() <= 6 && t.ends_with('>') && t.contains('<') && t.contains('@'))
}

/// Zone abbreviations as IANA names (CET/CEST are taken as Geneva's).
const ZONES: [(&str, &str); 22] = [
    ("GMT", "GMT"),
    ("UTC", "UTC"),
    ("BST", "Europe/London"),
    ("CET", "Europe/Zurich"),
    ("CEST", "Europe/Zurich"),
    ("EET", "Europe/Athens"),
    ("EEST", "Europe/Athens"),
    ("EST", "America/New_York"),
    ("EDT", "America/New_York"),
    ("ET", "America/New_York"),
    ("CST", "America/Chicago"),
    ("CDT", "America/Chicago"),
    ("CT", "America/Chicago"),
    ("MST", "America/Denver"),
    ("MDT", "America/Denver"),
    ("PST", "America/Los_Angeles"),
    ("PDT", "America/Los_Angeles"),
    ("PT", "America/Los_Angeles"),
    ("JST", "Asia/Tokyo"),
    ("EAT", "Africa/Nairobi"),
    ("AEST", "Australia/Sydney"),
    ("IST", "Asia/Kolkata"),
];

/// Reads an embargo line: time, zone and date in any order.
fn embargo(t: &str) -> Option<ReleaseLine> {
    let mut time: Option<NaiveTime> = None;
    let mut zone: Option<String> = None;
    let mut date_words: Vec<&str> = Vec::new();
    let tokens: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut pm = false;
    let mut am = false;
    for (k, tok) in tokens.iter().enumerate() {
        // `12 h`, `17 h 30`, `12h`: the French hour.
        let hour_mark = |w: Option<&&str>| w.is_some_and(|w| matches!(*w, "h" | "heures"));
        if let Ok(h) = tok.trim_end_matches('h').parse::<u32>() {
            let minutes = tokens.get(k + 2).and_then(|m| m.parse::<u32>().ok());
            if tok.ends_with('h') || hour_mark(tokens.get(k + 1)) {
                time = NaiveTime::from_hms_opt(h, 0, 0);
                if let (Some(m), true) = (minutes, hour_mark(tokens.get(k + 1))) {
                    time = NaiveTime::from_hms_opt(h, m, 0);
                }
                continue;
            }
            if k >= 2 && hour_mark(tokens.get(k - 1)) && time.is_some() {
                continue;
            }
        }
        let bare = tok
            .trim_end_matches(['.', ':', ')'])
            .trim_start_matches('(');
        let mut lower = bare.to_lowercase();
        // `9.00am`, `2:30pm`: the half of the day written onto the time.
        let mut bare = bare;
        for (half, flag) in [("am", &mut am), ("pm", &mut pm)] {
            if lower.len() > 2
                && lower.ends_with(half)
                && lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                *flag = true;
                bare = bare.get(..bare.len() - 2).unwrap_or(bare);
                lower.truncate(lower.len() - 2);
            }
        }
        if let Some((h, m)) = bare.split_once([':', 'h', '.']) {
            if let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>()) {
                time = NaiveTime::from_hms_opt(h, m, 0);
                continue;
            }
        }
        if lower == "p.m" || lower == "pm" {
            pm = true;
            continue;
        }
        if lower == "a.m" || lower == "am" {
            am = true;
            continue;
        }
        if let Some((_, iana)) = ZONES.iter().find(|(a, _)| *a == bare) {
            zone = Some(iana.to_string());
            continue;
        }
        if bare.contains('/') && bare.parse::<chrono_tz::Tz>().is_ok() {
            zone = Some(bare.to_string());
            continue;
        }
        if bare.chars().any(|c| c.is_ascii_digit())
            || crate::dates::month(bare).is_some()
            || matches!(lower.as_str(), "de" | "del")
        {
            date_words.push(bare);
        }
    }
    // "Embargoed until 15 May 2025": the start of that day.
    let mut time = time.or(NaiveTime::from_hms_opt(0, 0, 0))?;
    if pm && time < NaiveTime::from_hms_opt(12, 0, 0)? {
        time += chrono::Duration::hours(12);
    }
    if am && time >= NaiveTime::from_hms_opt(12, 0, 0)? {
        time -= chrono::Duration::hours(12);
    }
    let date = parse_date(&date_words.join(" "))?;
    let date = date.with_year(date.year?)?;
    Some(ReleaseLine::Embargoed {
        until: date.and_time(time),
        zone: zone.unwrap_or_else(|| "UTC".to_string()),
    })
}

/// Strips a genre suffix, as printed in English, French or Spanish, from a headline:
/// `… (Press Release)`, `… (Communiqué de presse)` → (`…`, kind).
pub fn genre_suffix(headline: &str) -> Option<(String, Kind)> {
    let t = headline.trim();
    for lang in ["en", "fr", "es"].map(dateline_core::Language::new) {
        for kind in Kind::ALL {
            let suffix = format!("({})", kind.genre(&lang));
            if let Some(h) = t.strip_suffix(&suffix) {
                let h = h.trim_end();
                if !h.is_empty() {
                    return Some((h.to_string(), kind));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_lines() {
        assert_eq!(
            classify("FOR IMMEDIATE RELEASE"),
            Some(HeadLine::Release(ReleaseLine::Immediate))
        );
        let until = NaiveDate::from_ymd_opt(2025, 5, 15)
            .unwrap()
            .and_hms_opt(0, 1, 0)
            .unwrap();
        assert_eq!(
            classify("EMBARGOED UNTIL 00:01 GMT 15 May 2025"),
            Some(HeadLine::Release(ReleaseLine::Embargoed {
                until,
                zone: "GMT".into()
            }))
        );
        assert_eq!(
            classify("SOUS EMBARGO JUSQU’AU 15 mai 2025, 00:01 CEST"),
            Some(HeadLine::Release(ReleaseLine::Embargoed {
                until,
                zone: "Europe/Zurich".into()
            }))
        );
        let until9 = NaiveDate::from_ymd_opt(2025, 5, 6)
            .unwrap()
            .and_hms_opt(21, 0, 0)
            .unwrap();
        assert_eq!(
            classify("Embargoed until 9:00 p.m. ET, Tuesday, May 6, 2025"),
            Some(HeadLine::Release(ReleaseLine::Embargoed {
                until: until9,
                zone: "America/New_York".into()
            }))
        );
        assert_eq!(
            classify("PRESS RELEASE"),
            Some(HeadLine::Kind(Kind::PressRelease))
        );
        assert_eq!(
            classify("Published: 14 May 2025"),
            Some(HeadLine::Date(
                NaiveDate::from_ymd_opt(2025, 5, 14).unwrap()
            ))
        );
        assert_eq!(
            classify("Home > News > Press releases"),
            Some(HeadLine::Furniture)
        );
        assert_eq!(classify("Acme opens a new plant in Ohio"), None);
        for furniture in [
            "SC/8215",
            "PR/26/014",
            "9120th Meeting (AM)",
            "Jane Roe jane at example.org",
        ] {
            assert_eq!(
                classify(furniture),
                Some(HeadLine::Furniture),
                "{furniture}"
            );
        }
        assert_eq!(
            classify("FOR IMMEDIATE RELEASE: TUESDAY 15 FEBRUARY 2005"),
            Some(HeadLine::Release(ReleaseLine::Immediate))
        );
        assert_eq!(
            release_date("FOR IMMEDIATE RELEASE: TUESDAY 15 FEBRUARY 2005"),
            NaiveDate::from_ymd_opt(2005, 2, 15)
        );
        assert_eq!(
            classify("Thursday, 28 April 2016 - 9:25am |"),
            Some(HeadLine::Date(
                NaiveDate::from_ymd_opt(2016, 4, 28).unwrap()
            ))
        );
        for (line, date) in [
            (
                "Prensa regional SSF, 18 de diciembre de 2026",
                (2026, 12, 18),
            ),
            (
                "03/14/2026 | Press release | Distributed by Public on 03/14/2026 17:42",
                (2026, 3, 14),
            ),
        ] {
            assert_eq!(
                classify(line),
                NaiveDate::from_ymd_opt(date.0, date.1, date.2).map(HeadLine::Date),
                "{line}"
            );
        }
        assert_eq!(classify("Brussels, 31 October 2015"), None);
        assert_eq!(
            classify("Catégorie : Communiqué de presse"),
            Some(HeadLine::Kind(Kind::PressRelease))
        );
        for furniture in [
            "UNOG - United Nations Office at Geneva",
            "ONUG - Office des Nations Unies à Genève",
        ] {
            assert_eq!(
                classify(furniture),
                Some(HeadLine::Furniture),
                "{furniture}"
            );
        }
        assert_eq!(classify("ACME - A new plant opens in Ohio"), None);
        assert_eq!(
            genre_prefix("Release – Pinfall Corp. Completes Sale-Leaseback"),
            Some((
                "Pinfall Corp. Completes Sale-Leaseback".into(),
                Kind::PressRelease
            ))
        );
        assert_eq!(
            genre_prefix("CP / La banque Sorel visée par un contentieux"),
            Some((
                "La banque Sorel visée par un contentieux".into(),
                Kind::PressRelease
            ))
        );
        assert_eq!(genre_prefix("Releases of new data show growth"), None);
        assert_eq!(genre_prefix("Statement: short"), None);
        assert_eq!(
            genre_suffix("X calls for Y (Press Release)"),
            Some(("X calls for Y".into(), Kind::PressRelease))
        );
    }

    #[test]
    fn source_lines_blog_titles_and_digest_labels() {
        assert_eq!(
            classify("Source: Regional Health Office (RHO) |"),
            Some(HeadLine::Furniture)
        );
        assert_eq!(
            classify("Océanie : Communiqué de presse – Réseau Littoral"),
            Some(HeadLine::Furniture)
        );
        assert_eq!(
            classify("Harbour Council – Daily News"),
            Some(HeadLine::Kind(Kind::NewsRelease))
        );
        assert_eq!(
            classify("Daily News 03 / 11 / 2026"),
            Some(HeadLine::Date(
                NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()
            ))
        );
        assert_eq!(
            classify("CCI Lyon – 3 juin 2026"),
            Some(HeadLine::Date(NaiveDate::from_ymd_opt(2026, 6, 3).unwrap()))
        );
        // A long label before the date is a headline's.
        assert_eq!(classify("Open day at the CCI museum – 3 juin 2026"), None);
        // A headline that starts with a source is still a headline.
        assert_eq!(
            classify("Source of the river polluted by mine waste, inquiry finds."),
            None
        );
    }

    #[test]
    fn numbered_genres_page_dates_and_set_release_times() {
        assert_eq!(
            classify("Comunicado No. 123"),
            Some(HeadLine::Kind(Kind::PressRelease))
        );
        assert_eq!(
            classify("Nota de prensa"),
            Some(HeadLine::Kind(Kind::PressRelease))
        );
        assert_eq!(classify("Comunicado No. 123 de la Secretaría"), None);
        assert_eq!(
            classify("NOTA DE PRENSA No. 112 – 2026"),
            Some(HeadLine::Kind(Kind::PressRelease))
        );
        let d = NaiveDate::from_ymd_opt(2026, 10, 22).unwrap();
        assert_eq!(
            classify("Mis à jour le : 22-10-2026 - 13:25"),
            Some(HeadLine::Date(d))
        );
        assert_eq!(
            classify("Créé le : 22-10-2026 - 12:02"),
            Some(HeadLine::Date(d))
        );
        let until = NaiveDate::from_ymd_opt(2026, 3, 3)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        assert_eq!(
            classify("For release: 9.00am, Monday 3 March 2026"),
            Some(HeadLine::Release(ReleaseLine::Embargoed {
                until,
                zone: "UTC".into()
            }))
        );
        let until = NaiveDate::from_ymd_opt(2026, 3, 3)
            .unwrap()
            .and_hms_opt(14, 30, 0)
            .unwrap();
        assert_eq!(
            classify("Not for release before 2.30pm GMT, 3 March 2026"),
            Some(HeadLine::Release(ReleaseLine::Embargoed {
                until,
                zone: "GMT".into()
            }))
        );
    }

    #[test]
    fn minister_name_and_office_above_the_release() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(issuer_block(&lines(&[
            "Hon Aroha Tane",
            "Minister of Conservation"
        ])));
        assert!(issuer_block(&lines(&["The Hon Jane Doe MP"])));
        assert!(!issuer_block(&lines(&[
            "Hon Aroha Tane opens the new visitor centre in Nelson today."
        ])));
        assert!(!issuer_block(&lines(&["Minister of Conservation"])));
    }
}
