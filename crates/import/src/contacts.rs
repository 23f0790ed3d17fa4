//! Media contacts from the lines of a contacts section: names, roles,
//! organisations, emails and phones, in stacked lines, one-line forms
//! (`Jane Doe, Acme, +1 555 0100, jane@acme.com`), UN sentences
//! (`… please contact: Jane Doe (+41 22 917 0000 / jdoe@un.org) or …`), and
//! two-column layouts (cells separated by tabs or wide spaces) flattened.

use dateline_core::Contact;

use crate::quote::name_ok;

/// Field labels dropped from contact lines ("Tel:", "Email:").
const LABELS: [&str; 26] = [
    // `Media: Jane Doe 301-555-0140`: the desk she answers for.
    "media",
    "press",
    "teléfono de contacto",
    "téléphone de contact",
    "email",
    "e-mail",
    "e",
    "mail",
    "tel",
    "tel.",
    "tél",
    "tél.",
    "phone",
    "telephone",
    "téléphone",
    "teléfono",
    "t",
    "m",
    "mobile",
    "mob",
    "cell",
    "ph",
    "p",
    "office",
    "courriel",
    "correo",
];

/// Splits two-column layouts into one column after the other.
pub fn flatten_columns(lines: &[String]) -> Vec<String> {
    let split = |l: &str| -> Vec<String> {
        let mut cells = Vec::new();
        let mut cur = String::new();
        let mut spaces = 0;
        for c in l.chars() {
            if c == '\t' || (c == ' ' && spaces >= 2) {
                if !cur.trim().is_empty() {
                    cells.push(cur.trim().to_string());
                }
                cur.clear();
                spaces = 0;
                continue;
            }
            spaces = if c == ' ' { spaces + 1 } else { 0 };
            cur.push(c);
        }
        if !cur.trim().is_empty() {
            cells.push(cur.trim().to_string());
        }
        cells
    };
    let rows: Vec<Vec<String>> = lines.iter().map(|l| split(l)).collect();
    let multi = rows.iter().filter(|r| r.len() >= 2).count();
    if multi * 2 < rows.len() || multi < 2 {
        return lines.to_vec();
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(1);
    let mut out = Vec::new();
    for col in 0..width {
        if col > 0 {
            out.push(String::new());
        }
        for row in &rows {
            if let Some(cell) = row.get(col) {
                out.push(cell.clone());
            }
        }
    }
    out
}

/// A web address in the line (`http…`, `www.`).
fn lower_has_link(t: &str) -> bool {
    let lower = t.to_lowercase();
    lower.contains("http://") || lower.contains("https://") || lower.contains("www.")
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((u, h)) => {
            !u.is_empty()
                && h.contains('.')
                && !h.starts_with('.')
                && !h.ends_with('.')
                && !h.contains('@')
                && s.chars()
                    .all(|c| c.is_alphanumeric() || "._%+-@'".contains(c))
        }
        None => false,
    }
}

/// Takes the emails out of `line`.
fn take_emails(line: &mut String) -> Vec<String> {
    let mut found = Vec::new();
    let tokens: Vec<String> = line
        .split(|c: char| c.is_whitespace() || "()<>[],;|/".contains(c))
        .map(|t| {
            t.trim_start_matches("mailto:")
                .trim_end_matches(['.', ':'])
                .to_string()
        })
        .filter(|t| is_email(t))
        .collect();
    for t in tokens {
        *line = line.replacen(&t, " ", 1);
        found.push(t);
    }
    *line = line.replace("mailto:", " ");
    found
}

/// A phone run without unmatched parentheses at its ends: `(951) 555-0134`
/// stays whole, `+32 2 295 62 98)` loses the `)` that closed a sentence.
fn balanced(mut run: &str) -> &str {
    loop {
        let open = run.matches('(').count();
        let close = run.matches(')').count();
        if run.len() > 2 && run.starts_with('(') && run.ends_with(')') && open == 1 {
            run = run[1..run.len() - 1].trim();
        } else if run.ends_with(')') && close > open {
            run = run[..run.len() - 1].trim_end();
        } else if (run.starts_with('(') && open > close) || run.starts_with(')') {
            run = run[1..].trim_start();
        } else {
            return run;
        }
    }
}

/// Takes the phone numbers out of `line` (runs of digits, spaces, `+()-./` with 7+ digits).
fn take_phones(line: &mut String) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '+' || chars[i] == '(' || chars[i].is_ascii_digit() {
            let start = i;
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_ascii_digit() || " +()-.\u{a0}".contains(chars[j]))
            {
                j += 1;
            }
            let run: String = chars[start..j].iter().collect();
            let run = balanced(run.trim().trim_end_matches(['(', '.', '-', ' ']));
            let digits = run.chars().filter(char::is_ascii_digit).count();
            if (7..=16).contains(&digits) {
                found.push(run.trim().to_string());
                spans.push(run.trim().to_string());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    for s in spans {
        *line = line.replacen(&s, " ", 1);
    }
    if !found.is_empty() {
        // `☎`, `📞`, `✆` before a number go with it.
        *line = line.replace(['☎', '✆', '📞', '☏'], " ");
    }
    found
}

/// Parses the contacts of `lines` (an empty line separates contacts). Labels
/// dropped go to `dropped`.
/// Sentences that are no contact (more than eight words, no email or phone)
/// come back as leftovers.
pub fn parse(lines: &[String], dropped: &mut Vec<String>) -> (Vec<Contact>, Vec<String>) {
    let mut leftovers = Vec::new();
    let mut out: Vec<Contact> = Vec::new();
    let mut cur = Contact::default();
    let started = |c: &Contact| {
        !c.name.is_empty() || c.email.is_some() || c.phone.is_some() || c.role.is_some()
    };
    let mut pending_break = false;
    let mut ruled = false;
    for raw in flatten_columns(lines) {
        if raw.trim().is_empty() {
            pending_break = true;
            continue;
        }
        let t = raw.trim();
        // A rule (`---`) ends the contacts: what follows is the page's, not theirs.
        if ruled || (t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_'))) {
            ruled = true;
            leftovers.push(t.to_string());
            continue;
        }
        let mut probe = t.to_string();
        // `View source version on wire.example: https://…`: a sentence
        // pointing to a page, no one to call.
        let words = t.split_whitespace().count();
        if (words > 8 || (lower_has_link(t) && words >= 5))
            && take_emails(&mut probe).is_empty()
            && take_phones(&mut probe).is_empty()
        {
            leftovers.push(t.to_string());
            continue;
        }
        let lower = t.to_lowercase();
        // `SOURCE: Acme Robotics`, `Fuente: Ayuntamiento de X`: the wire's line
        // naming the issuer, with no one to call on it.
        let words_after = |p: &str| {
            lower
                .strip_prefix(p)
                .map(|r| r.trim_start_matches([':', ' ']))
        };
        if ["source", "fuente", "sources"]
            .iter()
            .filter_map(|p| words_after(p).filter(|_| lower.len() > p.len()))
            .any(|r| {
                lower.starts_with(|c: char| c.is_alphabetic())
                    && lower[..lower.len() - r.len()].trim_end().ends_with(':')
                    && !r.is_empty()
                    && !r.contains('@')
                    && !r.chars().any(|c| c.is_ascii_digit())
            })
        {
            leftovers.push(t.to_string());
            continue;
        }
        // `General public inquiries: Europe Direct …`: a service, not a press contact.
        if [
            "general public inquiries",
            "general public enquiries",
            "general enquiries",
            "general inquiries",
            "public inquiries",
            "consumer:",
            "consumers:",
            "consumer inquiries",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
        {
            leftovers.push(t.to_string());
            continue;
        }
        // `Directorate, Commission I E-mail: … I Web Site: … I Addis Ababa`
        // under a press officer: the organisation's address footer.
        if [
            "web site:",
            "website:",
            // `Company Websitehttps://…`: a page's label run into the address.
            "websitehttp",
            "site web",
            "sitio web",
            "página web",
        ]
        .iter()
        .any(|p| lower.contains(p))
            && (started(&cur) || !out.is_empty())
        {
            // The organisation's footer ends the contacts: what follows is the page's.
            ruled = true;
            leftovers.push(t.to_string());
            continue;
        }
        if table_header(t) {
            dropped.push(t.to_string());
            continue;
        }
        if t.ends_with(':') && t.split_whitespace().count() <= 4 && !t.contains('@') {
            // A group label ("Investor Relations:"), not a contact.
            dropped.push(t.to_string());
            continue;
        }
        if raw.contains(" or ") {
            dropped.push("or".to_string());
        }
        // `Luis Orduña y/o Maribel Escartín`: two people for the same call.
        let raw = raw.replace(" y/o ", "; ").replace(" and/or ", "; ");
        for (n, sub) in raw.split(" or ").flat_map(|s| s.split("; ")).enumerate() {
            // The second of two names on one line is another contact.
            if n > 0 && !cur.name.is_empty() && name_ok(sub.trim()) && sub.trim().contains(' ') {
                out.push(std::mem::take(&mut cur));
            }
            let mut line = sub.to_string();
            let emails = take_emails(&mut line);
            let phones = take_phones(&mut line);
            let one_line = !emails.is_empty() || !phones.is_empty();
            let parts: Vec<String> = if one_line {
                line.split(|c: char| ",|;()/–—:".contains(c))
                    .map(|p| p.trim().trim_matches(['-', '.', ' ']).to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            } else {
                vec![line.trim().to_string()]
            };
            // `Acme – Service presse – 01 … – presse@…`: the organisation, then
            // its press desk, which is whom to call.
            const DESKS: [&str; 8] = [
                "service presse",
                "service de presse",
                "press office",
                "press desk",
                "media relations",
                "relations médias",
                "oficina de prensa",
                "gabinete de prensa",
            ];
            let parts: Vec<String> = match parts.as_slice() {
                [org, desk, more @ ..]
                    if one_line
                        && cur.name.is_empty()
                        && DESKS.contains(&desk.to_lowercase().as_str()) =>
                {
                    cur.organisation = Some(org.clone());
                    std::iter::once(desk.clone())
                        .chain(more.iter().cloned())
                        .collect()
                }
                _ => parts,
            };
            for part in parts {
                let label = part.trim_end_matches(':').trim().to_lowercase();
                if LABELS.contains(&label.as_str()) || label == "at" {
                    dropped.push(part.clone());
                    continue;
                }
                let part = strip_label(&part, dropped);
                if part.is_empty() {
                    continue;
                }
                // `In Geneva, Boris Kessler, …`: where the contact sits, not a name.
                // `Contact Orla: …`: a label naming whose contact follows.
                let label_of = part.to_lowercase().starts_with("contact")
                    && part.split_whitespace().count() <= 4;
                if one_line && (location(&part) || label_of) {
                    dropped.push(part);
                    continue;
                }
                // `Simon Vink - Managing Director`: a name and a title joined by a hyphen.
                let (part, titled) = match part.split_once(" - ") {
                    Some((n, r)) if name_ok(n.trim()) && n.trim().contains(' ') => {
                        (n.trim().to_string(), Some(r.trim().to_string()))
                    }
                    _ => (part, None),
                };
                let has_reach = cur.email.is_some() || cur.phone.is_some();
                let head = part.split(", ").next().unwrap_or(&part);
                let named = name_ok(head) && head.contains(' ');
                // `(soir & week-end)` after a phone is a note on it, no new contact.
                let remark = part.chars().next().is_some_and(char::is_lowercase);
                if pending_break && started(&cur) && ((has_reach && !remark) || named) {
                    out.push(std::mem::take(&mut cur));
                }
                pending_break = false;
                if cur.name.is_empty() && cur.email.is_none() && cur.phone.is_none() {
                    match part.split_once(", ") {
                        Some((n, r)) if !one_line => {
                            cur.name = n.trim().to_string();
                            cur.role = Some(r.trim().to_string());
                        }
                        _ => {
                            // `Tom Reed in the press office on`: the name, then words about them.
                            let (name, about) = sentence_name(&part);
                            if name.chars().next().is_some_and(char::is_lowercase) {
                                // `the press office on`: a desk, no person's name.
                                let desk = name
                                    .trim_end_matches(" on")
                                    .trim_end_matches(" at")
                                    .trim_end_matches(" or")
                                    .to_string();
                                cur.role = Some(desk).filter(|d| !d.is_empty());
                            } else {
                                cur.name = name;
                                if let Some(a) = about.or(titled) {
                                    cur.role = Some(a);
                                }
                            }
                        }
                    }
                } else if (cur.email.is_some() || cur.phone.is_some())
                    && name_ok(&part)
                    && part.contains(' ')
                {
                    out.push(std::mem::take(&mut cur));
                    cur.name = part;
                } else if cur.role.is_none()
                    && cur.email.is_none()
                    && cur.phone.is_none()
                    && cur.organisation.is_none()
                    && organisation_name(&cur.name)
                    && name_ok(&part)
                    && part.contains(' ')
                    && !organisation_name(&part)
                {
                    // `Acme Biotech` over `Jane Doe`: the block opens with the
                    // organisation, the person comes under it.
                    cur.organisation = Some(std::mem::replace(&mut cur.name, part));
                } else if cur.role.is_none() {
                    cur.role = Some(part);
                } else if let Some(org) = cur.organisation.as_mut() {
                    org.push_str(", ");
                    org.push_str(&part);
                } else {
                    cur.organisation = Some(part);
                }
            }
            for e in emails {
                if cur.email.is_some() {
                    out.push(std::mem::take(&mut cur));
                }
                cur.email = Some(e);
            }
            for p in phones {
                match cur.phone.as_mut() {
                    Some(ph) => {
                        ph.push_str(" / ");
                        ph.push_str(&p);
                    }
                    None => cur.phone = Some(p),
                }
            }
        }
    }
    if started(&cur) {
        out.push(cur);
    }
    (firms_over_people(out), leftovers)
}

/// An organisation's name rather than a person's: a word of a firm, an
/// office or a body (`Acme Biotech`, `Relations presse – Agence X`), or a dash
/// joining two parts.
fn organisation_name(n: &str) -> bool {
    const WORDS: [&str; 71] = [
        "biotech",
        "pharma",
        "therapeutics",
        "technologies",
        "labs",
        "group",
        "groupe",
        "grupo",
        "agency",
        "agence",
        "agencia",
        "foundation",
        "fondation",
        "fundación",
        "university",
        "université",
        "universidad",
        "institute",
        "institut",
        "instituto",
        "council",
        "conseil",
        "ministry",
        "ministère",
        "ministerio",
        "office",
        "bureau",
        "company",
        "corporation",
        "inc",
        "inc.",
        "ltd",
        "plc",
        "llc",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "s.a.",
        "relations",
        "press",
        "presse",
        "prensa",
        "media",
        "médias",
        "communications",
        "communication",
        "comunicación",
        "association",
        "asociación",
        "society",
        "société",
        "bank",
        "banque",
        "banco",
        "hospital",
        "hôpital",
        "partners",
        "holdings",
        "investisseurs",
        "service",
        "services",
        "department",
        "division",
        "unit",
        "team",
        "desk",
        "centre",
        "center",
        "servicio",
        "équipe",
    ];
    n.contains(" – ")
        || n.contains(" — ")
        || n.contains(" | ")
        || n.split_whitespace()
            .any(|w| WORDS.contains(&w.trim_matches([',', '(', ')']).to_lowercase().as_str()))
}

/// `Acme Plc` over `Jane Doe, Chief Executive  +44 …`: a line with a name
/// alone over a contact that can be reached is the organisation that
/// contact speaks for, not a contact of its own.
fn firms_over_people(list: Vec<Contact>) -> Vec<Contact> {
    const FIRMS: [&str; 12] = [
        "plc",
        "ltd",
        "limited",
        "inc",
        "inc.",
        "llc",
        "llp",
        "gmbh",
        "ag",
        "sa",
        "s.a.",
        "securities",
    ];
    // A firm's name, not a person's (`Jane Doe` is one, `Acme Plc` the other).
    let firm_name = |n: &str| {
        n.split_whitespace().count() >= 4
            || n.contains('(')
            || n.split_whitespace()
                .any(|w| FIRMS.contains(&w.to_lowercase().as_str()))
    };
    let bare = |c: &Contact| {
        firm_name(&c.name)
            && !c.name.is_empty()
            && c.email.is_none()
            && c.phone.is_none()
            && c.role.is_none()
            && c.organisation.is_none()
    };
    let mut out: Vec<Contact> = Vec::with_capacity(list.len());
    let mut firm: Option<String> = None;
    let n = list.len();
    for (i, mut c) in list.into_iter().enumerate() {
        if bare(&c) && i + 1 < n {
            firm = Some(c.name);
            continue;
        }
        if let Some(f) = firm.take() {
            if c.email.is_some() || c.phone.is_some() {
                c.organisation = c.organisation.or(Some(f));
            } else {
                out.push(Contact {
                    name: f,
                    ..Contact::default()
                });
            }
        }
        out.push(c);
    }
    out
}

/// `Harriet Olumide: 202-555-0142`, `Jane Doe (202) 555-1842`: a person's
/// name and a telephone number or e-mail address, nothing else on the line.
pub fn name_and_reach(line: &str) -> bool {
    let mut rest = line.to_string();
    let reach = take_emails(&mut rest).len() + take_phones(&mut rest).len();
    let name = rest.trim_matches(|c: char| c.is_whitespace() || ":,;()–—-".contains(c));
    reach > 0
        && !name.contains(['(', ')', ':', ','])
        && (2..=4).contains(&name.split_whitespace().count())
        && name_ok(name)
}

/// `Americas: Sam Ortiz at +1 (855) 555-8036 / ortiz@acme.example`: a
/// region's (or desk's) label, then one person and how to reach them; the
/// line without its label, `at` made a comma.
pub fn labelled_reach(line: &str) -> Option<String> {
    let (label, rest) = line.trim().split_once(": ")?;
    let label_ok = (1..=3).contains(&label.split_whitespace().count())
        && label.starts_with(char::is_uppercase)
        && !label.chars().any(|c| c.is_ascii_digit() || c == '@');
    if !label_ok || !rest.contains('@') {
        return None;
    }
    let rest = rest.replacen(" at ", ", ", 1);
    let mut probe = rest.clone();
    let reach = take_emails(&mut probe).len() + take_phones(&mut probe).len();
    let name = probe.trim_matches(|c: char| c.is_whitespace() || ":,;/()–—-".contains(c));
    (reach > 0 && (2..=4).contains(&name.split_whitespace().count()) && name_ok(name))
        .then_some(rest)
}

/// A line of a press box set above the headline, under a contacts heading:
/// telephone numbers or addresses, or the sentence inviting calls (ending in
/// a colon).
pub fn box_line(line: &str) -> bool {
    let mut rest = line.to_string();
    let reach = take_emails(&mut rest).len() + take_phones(&mut rest).len();
    (reach > 0 && rest.split_whitespace().count() <= 6)
        || (line.trim_end().ends_with(':') && line.split_whitespace().count() <= 20)
}

/// A line of a postal address: `7, place de Fontenoy`, `275 rue Notre-Dame
/// Est`, `75352 PARIS 07 SP, France`, `1200 Main Street`.
pub fn postal_line(line: &str) -> bool {
    const STREETS: [&str; 16] = [
        "rue",
        "place",
        "avenue",
        "av.",
        "boulevard",
        "bd",
        "chemin",
        "route",
        "quai",
        "calle",
        "avenida",
        "paseo",
        "plaza",
        "street",
        "road",
        "st.",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let number = first.trim_end_matches(',');
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) || words.len() > 10 {
        return false;
    }
    let second = words.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
    // A street number and the kind of street.
    let street = number.len() <= 5 && STREETS.contains(&second.as_str());
    // A postcode and a town in capitals.
    let postcode = (4..=5).contains(&number.len())
        && !first.ends_with(',')
        && words.get(1).is_some_and(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        });
    street || postcode
}

/// `In Geneva`, `À Dakar`, `En Bogotá`: a place the contact is in.
pub fn location(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    matches!(words.first(), Some(&("In" | "À" | "En" | "Au")))
        && (2..=4).contains(&words.len())
        && words[1..]
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A name at the start of a sentence part: `Tom Reed in the press office on`
/// → (`Tom Reed`, `in the press office`); anything else stays whole.
fn sentence_name(part: &str) -> (String, Option<String>) {
    let words: Vec<&str> = part.split_whitespace().collect();
    if name_ok(part) || words.len() < 4 {
        return (part.to_string(), None);
    }
    for take in [3, 2] {
        let (Some(name), Some(next)) = (words.get(..take), words.get(take)) else {
            continue;
        };
        let name = name.join(" ");
        if name_ok(&name) && matches!(*next, "in" | "at" | "on" | "from" | "of") {
            let about = words
                .get(take..)
                .unwrap_or(&[])
                .join(" ")
                .trim_end_matches(" on")
                .trim_end_matches(" at")
                .to_string();
            return (name, Some(about).filter(|a| !a.is_empty()));
        }
    }
    (part.to_string(), None)
}

/// A table's header row (`Name | Phone | Email`): every cell a column label.
fn table_header(t: &str) -> bool {
    const HEADERS: [&str; 24] = [
        "name",
        "nom",
        "nombre",
        "organisation",
        "organization",
        "organización",
        "role",
        "title",
        "position",
        "fonction",
        "cargo",
        "email",
        "e-mail",
        "courriel",
        "correo",
        "phone",
        "telephone",
        "téléphone",
        "teléfono",
        "tel",
        "mobile",
        "contact",
        "office",
        "city",
    ];
    t.contains('|')
        && t.split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .all(|c| HEADERS.contains(&c.to_lowercase().trim_end_matches(':')))
}

/// Drops a leading label (`Tel: `, `Email: `) from a part.
fn strip_label(part: &str, dropped: &mut Vec<String>) -> String {
    if let Some((label, rest)) = part.split_once(':') {
        if LABELS.contains(&label.trim().to_lowercase().as_str()) {
            dropped.push(format!("{}:", label.trim()));
            return rest.trim().to_string();
        }
    }
    part.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn stacked_and_one_line() {
        let mut d = Vec::new();
        let (c, _) = parse(&lines("Jane Doe, Head of Communications\njane.doe@acme.com\n+1 555 010 0100\n\nJohn Roe\nTel: +44 20 7946 0000\nEmail: john@roe.org"), &mut d);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].name, "Jane Doe");
        assert_eq!(c[0].role.as_deref(), Some("Head of Communications"));
        assert_eq!(c[0].email.as_deref(), Some("jane.doe@acme.com"));
        assert_eq!(c[0].phone.as_deref(), Some("+1 555 010 0100"));
        assert_eq!(c[1].phone.as_deref(), Some("+44 20 7946 0000"));
        assert_eq!(c[1].email.as_deref(), Some("john@roe.org"));
        let (c, _) = parse(
            &lines("Jane Doe (+41 22 917 0000 / jdoe@un.org) or John Roe (jroe@un.org)"),
            &mut d,
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].name, "John Roe");
        assert_eq!(c[1].email.as_deref(), Some("jroe@un.org"));
        let (c, _) = parse(
            &lines("the press office on 020 7555 0100 or email media@fund.example"),
            &mut d,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].name, "");
        assert_eq!(c[0].role.as_deref(), Some("the press office"));
        assert_eq!(c[0].email.as_deref(), Some("media@fund.example"));
        let (c, _) = parse(
            &lines(
                "+33 1 55 50 10 00\n\n+33 6 55 50 20 00 (soir & week-end)\n\npresse@org.example",
            ),
            &mut d,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].email.as_deref(), Some("presse@org.example"));
        let (c, _) = parse(
            &lines("Media Relations\nNorthern Parole Service\n613-555-0111\nmedia@nps.example"),
            &mut d,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].name, "Media Relations");
        assert_eq!(c[0].role.as_deref(), Some("Northern Parole Service"));
        assert_eq!(balanced("(+32 2 295 62 98)"), "+32 2 295 62 98");
        assert_eq!(balanced("(951) 555-0134"), "(951) 555-0134");
        assert_eq!(balanced("+41 22 917 0000)"), "+41 22 917 0000");
    }

    #[test]
    fn two_columns() {
        let mut d = Vec::new();
        let (c, _) = parse(&lines("Jane Doe              John Roe\nAcme Corp             Roe Partners\njane@acme.com         john@roe.org"), &mut d);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].email.as_deref(), Some("jane@acme.com"));
        assert_eq!(c[1].name, "John Roe");
        assert_eq!(c[1].role.as_deref(), Some("Roe Partners"));
    }

    #[test]
    fn places_titles_and_rules() {
        let mut d = Vec::new();
        let (c, _) = parse(
            &lines("In Nairobi, Ruth Wanjiku, wanjiku@agency.example, +254 700 555 010"),
            &mut d,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].name, "Ruth Wanjiku");
        assert_eq!(c[0].email.as_deref(), Some("wanjiku@agency.example"));
        assert!(d.contains(&"In Nairobi".to_string()));
        let (c, _) = parse(
            &lines("Contact Orla: Pieter Smit - Head of Sales: sales@orla.example"),
            &mut d,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].name, "Pieter Smit");
        assert_eq!(c[0].role.as_deref(), Some("Head of Sales"));
        let (c, left) = parse(
            &lines(
                "Ana Ruiz\nana@fund.example\n---\nOriginal Press Release\nPickup - news.example",
            ),
            &mut d,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(left.len(), 3, "{left:?}");
    }
}
