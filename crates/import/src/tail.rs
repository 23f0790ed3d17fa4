//! What follows the body: the end mark, footnotes, "About …" boilerplate and
//! notes to editors, media contacts, and the actions/links footer. Section
//! headings are recognised in English, French and Spanish.

use dateline_core::EndMark;

/// Reads a line as an end mark (`ENDS`, `-ENDS-`, `###`, `-30-`, `-end-`, `* *** *`, …).
pub fn end_mark(line: &str) -> Option<EndMark> {
    let t = line.trim();
    match t {
        "ENDS" => return Some(EndMark::Ends),
        "-ENDS-" => return Some(EndMark::DashEnds),
        "###" => return Some(EndMark::Hashes),
        "-30-" => return Some(EndMark::Thirty),
        "-end-" => return Some(EndMark::End),
        _ => {}
    }
    let n = t.chars().count();
    if n == 0 || n > 14 {
        return None;
    }
    let symbols = t.chars().all(|c| matches!(c, '#' | '*' | ' '))
        // `= = =`: spaced equals signs.
        || (t.contains(' ') && t.chars().all(|c| matches!(c, '=' | ' ')));
    if symbols && t.chars().filter(|c| *c != ' ').count() >= 3 {
        return Some(EndMark::Custom(t.to_string()));
    }
    let core: String = t
        .chars()
        .filter(|c| !matches!(c, '-' | '–' | '—' | ' ' | '(' | ')' | '.' | '[' | ']'))
        .collect::<String>()
        .to_lowercase();
    if matches!(
        core.as_str(),
        "ends" | "end" | "fin" | "30" | "0" | "ooo" | "o0o"
    ) && t != "End"
    {
        return Some(EndMark::Custom(t.to_string()));
    }
    None
}

const SUPERSCRIPTS: &str = "¹²³⁴⁵⁶⁷⁸⁹⁰";

/// A footnote line: its marker and the text after it (`*The expert: …` → `*`, `The expert: …`).
pub fn footnote_start(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let stars = t.chars().take_while(|c| *c == '*').count();
    let marker: String = if (1..=4).contains(&stars) {
        "*".repeat(stars)
    } else if let Some(n) = bracket_number(t).or_else(|| paren_number(t)) {
        n
    } else if let Some(c) = t
        .chars()
        .next()
        .filter(|c| matches!(c, '†' | '‡' | '§') || SUPERSCRIPTS.contains(*c))
    {
        c.to_string()
    } else {
        return None;
    };
    // `[^1]: …`, a Markdown footnote: its label is the marker.
    let written = if t.starts_with("[^") {
        t.find("]:").map_or(marker.len(), |i| i + 2)
    } else {
        marker.len()
    };
    let rest = t.get(written..)?.trim_start();
    let first = rest.chars().next()?;
    (first.is_alphanumeric() || first == '“').then(|| (marker, rest.to_string()))
}

/// `[1]` … `[99]` at the start of `t`; a Markdown footnote's `[^1]` gives its label, `1`.
fn bracket_number(t: &str) -> Option<String> {
    if let Some(inner) = t.strip_prefix("[^") {
        let label = inner.get(..inner.find(']')?)?;
        let ok = !label.is_empty()
            && label.chars().count() <= 12
            && label.chars().all(|c| c.is_alphanumeric() || c == '-');
        return ok.then(|| label.to_string());
    }
    let inner = t.strip_prefix('[')?;
    let close = inner.find(']')?;
    let digits = inner.get(..close)?;
    (!digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("[{digits}]"))
}

/// `(1)` … `(99)` at the start of `t`, as French releases mark their notes.
fn paren_number(t: &str) -> Option<String> {
    let inner = t.strip_prefix('(')?;
    let close = inner.find(')')?;
    let digits = inner.get(..close)?;
    (!digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("({digits})"))
}

/// A heading over footnotes: `Notes`, `Références`, `Notas`.
pub fn notes_heading(line: &str) -> bool {
    let t = line.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        t.as_str(),
        "notes" | "note" | "notas" | "nota" | "references" | "références" | "referencias"
    )
}

/// `Notes to editors`, `Note aux rédactions`, `Notas para editores`: a
/// heading that may hold the notes the body's markers call.
pub fn notes_to_editors(line: &str) -> bool {
    let t = line.trim().trim_end_matches(':').trim().to_lowercase();
    notes_heading(&t)
        || [
            "notes to editors",
            "note to editors",
            "notes for editors",
            "notes aux rédactions",
            "note aux rédactions",
            "notes aux rédacteurs",
            "notas para editores",
            "nota para editores",
            "notas a los editores",
        ]
        .contains(&t.as_str())
}

/// The footnote markers used in `text`: runs of one to four `*`, `†‡§`,
/// superscript digits, and numbers in brackets (`[1]`).
pub fn markers_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .match_indices('[')
        .filter_map(|(i, _)| bracket_number(text.get(i..)?))
        .collect();
    // `(1)` set against the word or figure it notes (`manifestants (1).`).
    out.extend(
        text.match_indices('(')
            .filter(|(i, _)| *i > 0)
            .filter_map(|(i, _)| paren_number(text.get(i..)?)),
    );
    let mut stars = 0;
    // Stars opening the text (`**Secretary-General's Travels`, a briefing's
    // sub-heading) note no word before them.
    let mut at_start = true;
    for c in text.trim_start().chars().chain(std::iter::once(' ')) {
        if c == '*' {
            stars += 1;
            continue;
        }
        if (1..=4).contains(&stars) && !at_start {
            out.push("*".repeat(stars));
        }
        at_start = false;
        stars = 0;
        if matches!(c, '†' | '‡' | '§') || SUPERSCRIPTS.contains(c) {
            out.push(c.to_string());
        }
    }
    out
}

/// A section of the tail.
#[derive(Debug, Clone, PartialEq)]
pub enum Section {
    /// Boilerplate with its title (`About Acme`, `Notes to editors`).
    Boilerplate(String),
    /// Media contacts.
    Contacts,
    /// The actions/links footer, with its title.
    Actions(String),
}

const BOILERPLATE: [&str; 22] = [
    "about ",
    "notes to editors",
    "note to editors",
    "notes for editors",
    "note for editors",
    "editor's note",
    "editors' note",
    "editor’s note",
    "editors’ note",
    "background",
    "à propos",
    "a propos",
    "acerca de",
    "sobre ",
    "notes aux rédactions",
    "note aux rédactions",
    "note à la rédaction",
    "nota para los editores",
    "notas para los editores",
    "forward-looking statements",
    "safe harbor",
    "cautionary note",
];
const CONTACTS: [&str; 37] = [
    "renseignements",
    "adresse pour l'envoi de questions",
    "pour toute demande média",
    "pour toute demande presse",
    "contactez-nous",
    "persona de contacto",
    "personas de contacto",
    "pour toute information",
    "pour de plus amples informations",
    "para mayor información",
    "media contact",
    "press contact",
    "contacts",
    "contact:",
    "contact",
    "for more information",
    "for further information",
    "for media inquiries",
    "for media enquiries",
    "media inquiries",
    "media enquiries",
    "press inquiries",
    "press enquiries",
    "press office",
    "investor contact",
    "contact presse",
    "contacts presse",
    "contact médias",
    "contacts médias",
    "pour plus d",
    "contactos de prensa",
    "contacto de prensa",
    "para más información",
    "media relations",
    "contacto",
    "inquiries",
    "enquiries",
];
const ACTIONS: [&str; 6] = [
    "actions",
    "useful links",
    "related links",
    "links",
    "learn more",
    "resources",
];

/// Reads a line as a section heading; returns the section and any text after
/// the heading on the same line (`Media contact: Jane Doe, …`).
pub fn section(line: &str) -> Option<(Section, Option<String>)> {
    let t = line.trim().trim_matches(['*', '#', '_']).trim();
    let lower = t.to_lowercase();
    let words = t.split_whitespace().count();
    // The prefix must end a word ("contacts" and "contact:" but not "contact0@…").
    let starts = |p: &str| {
        let rest = lower.get(p.len()..).unwrap_or("");
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        lower.starts_with(p)
            && (p.ends_with([' ', ':'])
                || !rest
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '.'))
    };
    // `IMF COMMUNICATIONS DEPARTMENT`, `External Relations Department`: the
    // office whose desks are listed under it.
    if words <= 6
        && ["communications department", "relations department"]
            .iter()
            .any(|d| lower.trim_end_matches(':').ends_with(d))
    {
        return Some((Section::Contacts, None));
    }
    // `Source : Jane Doe, attachée de presse, …, jane@…`: a Canadian wire's
    // contact line (the `SOURCE Org` line above it names the issuer).
    if let Some(r) = ["source :", "source:"]
        .iter()
        .find_map(|p| {
            t.get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .and(t.get(p.len()..))
        })
        .filter(|r| r.contains('@'))
    {
        return Some((Section::Contacts, Some(r.trim().to_string())));
    }
    // `Americas: Sam Ortiz at +1 … / ortiz@…`: a region's contact.
    if let Some(r) = crate::contacts::labelled_reach(t) {
        return Some((Section::Contacts, Some(r)));
    }
    // `Contact DetailsBrittney Zeller`: a page's label run into the name.
    if let Some(r) = t
        .get(.."contact details".len())
        .filter(|h| h.eq_ignore_ascii_case("contact details"))
        .and(t.get("contact details".len()..))
        .filter(|r| r.starts_with(char::is_uppercase) && r.split_whitespace().count() <= 4)
    {
        return Some((Section::Contacts, Some(r.to_string())));
    }
    for p in CONTACTS {
        if starts(p) {
            let remainder = match t.find(':') {
                Some(i) => t
                    .get(i + 1..)
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_string),
                None if words > 6 => ["contact ", "call ", "email ", "write to "]
                    .iter()
                    .find_map(|w| lower.find(w).map(|i| i + w.len()))
                    .and_then(|i| t.get(i..))
                    .map(|r| r.trim().to_string()),
                None => None,
            };
            if words > 12 && remainder.is_none() {
                return None;
            }
            // "Contact" alone is a heading; "Contact the office for …" is a sentence.
            if matches!(p, "contact" | "contacto" | "inquiries" | "enquiries")
                && words > 1
                && !t.contains(':')
            {
                continue;
            }
            return Some((Section::Contacts, remainder.filter(|r| !r.is_empty())));
        }
    }
    if words > 10 || t.ends_with('.') {
        return None;
    }
    for p in BOILERPLATE {
        if starts(p) {
            if let Some((title, rest)) = t.split_once(": ") {
                return Some((
                    Section::Boilerplate(title.to_string()),
                    Some(rest.to_string()),
                ));
            }
            if p == "sobre " || p == "about " {
                // "About Acme" — a short title, not a sentence starting "About 40 people …".
                if words > 8 || t.chars().any(|c| c.is_ascii_digit()) {
                    return None;
                }
            }
            return Some((Section::Boilerplate(t.to_string()), None));
        }
    }
    let bare = lower.trim_end_matches(':');
    if ACTIONS.contains(&bare) {
        return Some((Section::Actions(t.to_string()), None));
    }
    None
}

/// Lines of page furniture that may follow a release on a web page.
pub fn furniture(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    const EXACT: [&str; 13] = [
        "share",
        "share this",
        "share this page",
        "print",
        "tweet",
        "back to top",
        "top of page",
        "read more",
        "related",
        "related news",
        "public document",
        "print this page",
        "email this page",
    ];
    EXACT.contains(&l.trim_end_matches(':'))
        || back_link(&l)
        || l.starts_with('©')
        || l.starts_with("copyright ")
        || l.starts_with("all rights reserved")
        || l.starts_with("skip to ")
        || l.contains("cookies")
        || l.starts_with("privacy policy")
        || l.starts_with("terms of use")
        // `Date modified: 2026-12-10`: a page's own record, not the release's.
        || ["date modified", "date de modification", "fecha de modificación"]
            .iter()
            .any(|p| l.starts_with(p) && l.split_whitespace().count() <= 5)
}

/// `Back to news`, `Return to top`, `Retour aux actualités`, `Volver a
/// noticias`, `Partager`, `Compartir`: a web page's links under a release
/// (lower-cased), short and naming a page or list, not a sentence.
fn back_link(l: &str) -> bool {
    let l = l
        .trim_start_matches(['←', '‹', '«', '<', '↑', '-', ' '])
        .trim_end_matches(['→', '›', '»', '>', '↑', ' ']);
    const ALONE: [&str; 14] = [
        "back",
        "return",
        "retour",
        "volver",
        "regresar",
        "partager",
        "imprimer",
        "compartir",
        "imprimir",
        "share this article",
        "share this story",
        "partager cet article",
        "compartir esta noticia",
        "haut de page",
    ];
    const OPENERS: [&str; 9] = [
        "back to ",
        "return to ",
        "go back to ",
        "retour à ",
        "retour aux ",
        "retour au ",
        "retour vers ",
        "volver a ",
        "regresar a ",
    ];
    const PAGES: [&str; 24] = [
        "news",
        "press",
        "media",
        "releases",
        "list",
        "top",
        "home",
        "overview",
        "all",
        "newsroom",
        "articles",
        "stories",
        "actualités",
        "actualites",
        "communiqués",
        "presse",
        "liste",
        "haut",
        "accueil",
        "noticias",
        "prensa",
        "comunicados",
        "inicio",
        "arriba",
    ];
    ALONE.contains(&l)
        || (OPENERS.iter().any(|o| l.starts_with(o))
            && l.split_whitespace().count() <= 6
            && !l.ends_with(['.', '!', '?'])
            && l.split_whitespace().skip(2).any(|w| PAGES.contains(&w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_marks() {
        assert_eq!(end_mark("ENDS"), Some(EndMark::Ends));
        assert_eq!(end_mark(" ### "), Some(EndMark::Hashes));
        assert_eq!(end_mark("* *** *"), Some(EndMark::Custom("* *** *".into())));
        assert_eq!(end_mark("#####"), Some(EndMark::Custom("#####".into())));
        assert_eq!(
            end_mark("- ENDS -"),
            Some(EndMark::Custom("- ENDS -".into()))
        );
        assert_eq!(end_mark("Ends here."), None);
        assert_eq!(end_mark("**"), None);
        assert_eq!(end_mark("---"), None);
    }

    #[test]
    fn footnotes_and_sections() {
        assert_eq!(
            footnote_start("*The expert: Mary"),
            Some(("*".into(), "The expert: Mary".into()))
        );
        assert_eq!(
            footnote_start("** Second"),
            Some(("**".into(), "Second".into()))
        );
        assert_eq!(footnote_start("* *** *"), None);
        assert_eq!(
            footnote_start("[1] Selon le classement publié en 2025."),
            Some(("[1]".into(), "Selon le classement publié en 2025.".into()))
        );
        assert_eq!(footnote_start("[Link] text"), None);
        assert_eq!(
            footnote_start("(2) Discours prononcé le 3 mai."),
            Some(("(2)".into(), "Discours prononcé le 3 mai.".into()))
        );
        assert_eq!(footnote_start("(a) first point"), None);
        assert_eq!(
            markers_in("tirent sur la foule (1). Puis (2)."),
            ["(1)", "(2)"]
        );
        assert_eq!(
            markers_in("la banque la plus polluante [1], mise en demeure [2]."),
            ["[1]", "[2]"]
        );
        assert!(notes_heading("Notes"));
        assert_eq!(
            section("About Acme").map(|s| s.0),
            Some(Section::Boilerplate("About Acme".into()))
        );
        assert_eq!(section("About 40 people attended."), None);
        assert_eq!(section("Media contacts"), Some((Section::Contacts, None)));
        assert_eq!(
            section("Media contact: Jane Doe, jane@acme.com"),
            Some((Section::Contacts, Some("Jane Doe, jane@acme.com".into())))
        );
        assert_eq!(
            section("Actions").map(|s| s.0),
            Some(Section::Actions("Actions".into()))
        );
        assert_eq!(section("Contact the office for tickets"), None);
    }

    #[test]
    fn links_under_a_release_are_furniture() {
        for l in [
            "Back to news",
            "← Back to all news",
            "Return to top",
            "Retour aux actualités",
            "Retour à la liste",
            "Volver a noticias",
            "Partager",
            "Compartir",
        ] {
            assert!(furniture(l), "{l}");
        }
        for l in [
            "Back to school",
            "Back to the drawing board for the council",
            "Return to the news that matters.",
            "Volver a empezar",
        ] {
            assert!(!furniture(l), "{l}");
        }
    }

    #[test]
    fn zero_for_o_in_the_closing_ornament() {
        assert_eq!(
            end_mark("---o0o---"),
            Some(EndMark::Custom("---o0o---".into()))
        );
    }

    #[test]
    fn stars_opening_a_line_note_nothing() {
        assert!(markers_in("**Secretary-General's Travels").is_empty());
        assert_eq!(markers_in("The expert** said"), vec!["**".to_string()]);
    }
}
