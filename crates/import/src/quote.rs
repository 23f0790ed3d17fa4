//! Quote paragraphs: `“…,” said NAME, TITLE. “…”`, `NAME said: “…”`, a quote
//! split by `she said,`, straight or curly marks, French guillemets. A paragraph
//! is a quote only when everything outside the quotation marks is an
//! attribution the model can express; anything else stays a paragraph.

use dateline_core::Attribution;

use crate::people::Mention;

/// A paragraph cut at its quotation marks.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Words outside quotation marks.
    Narration(String),
    /// Words inside quotation marks; `closed` is false when the paragraph ends inside.
    Quoted { text: String, closed: bool },
}

const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// Cuts `text` at its quotation marks.
pub fn split(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut inside: Option<char> = None;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        match inside {
            None => {
                let opens = matches!(c, '“' | '«' | '„')
                    || (c == '"'
                        && prev.is_none_or(|p| {
                            p.is_whitespace() || matches!(p, '(' | '—' | '–' | ':')
                        }));
                if opens {
                    out.push(Piece::Narration(std::mem::take(&mut buf)));
                    inside = Some(c);
                } else {
                    buf.push(c);
                }
            }
            Some(open) => {
                let closes = match open {
                    '«' => c == '»',
                    '"' => c == '"' || c == '”',
                    _ => c == '”' || (c == '"' && open == '„') || c == '“' && open == '„',
                };
                if closes {
                    out.push(Piece::Quoted {
                        text: buf.trim_matches(SPACES).to_string(),
                        closed: true,
                    });
                    buf.clear();
                    inside = None;
                } else {
                    buf.push(c);
                }
            }
        }
        prev = Some(c);
    }
    if inside.is_some() {
        out.push(Piece::Quoted {
            text: buf.trim_matches(SPACES).to_string(),
            closed: false,
        });
    } else {
        out.push(Piece::Narration(buf));
    }
    out.retain(|p| !matches!(p, Piece::Narration(n) if n.trim_matches(SPACES).is_empty()));
    out
}

/// One attribution: its form and what it says about the speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Attr {
    pub form: Attribution,
    pub mention: Mention,
    /// The language of the verb (`en`, `fr`, `es`).
    pub lang: &'static str,
    /// The attribution was written in a form the model cannot print as is
    /// (`council member Rosa Jimenez said`): its words are kept as name and title.
    pub reworded: bool,
}

/// A paragraph read as a quote paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotePara {
    pub lead_in: Option<Attr>,
    /// Segment text and the attribution after it.
    pub segments: Vec<(String, Option<Attr>)>,
    /// The last segment is not closed: the quote continues in the next paragraph.
    pub open_end: bool,
}

/// Reads `text` as a quote paragraph, or `None` when it is not one.
pub fn parse(text: &str) -> Option<QuotePara> {
    let pieces = split(text.trim());
    let mut lead_in = None;
    let mut segments: Vec<(String, Option<Attr>)> = Vec::new();
    let mut open_end = false;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Narration(n) => {
                let n = n.trim_matches(SPACES);
                if i == 0 {
                    lead_in = Some(attribution(n, true)?);
                } else {
                    let last = segments.last_mut()?;
                    if last.1.is_some() {
                        return None;
                    }
                    last.1 = Some(attribution(n, false)?);
                }
            }
            Piece::Quoted { text, closed } => {
                if text.trim().is_empty() {
                    return None;
                }
                open_end = !closed;
                segments.push((text.clone(), None));
            }
        }
    }
    if segments.is_empty() {
        return None;
    }
    Some(QuotePara {
        lead_in,
        segments,
        open_end,
    })
}

const VERBS: [(&str, &str); 3] = [("said", "en"), ("a déclaré", "fr"), ("dijo", "es")];
const PRONOUNS: [&str; 11] = [
    "he", "she", "they", "il", "elle", "ils", "elles", "él", "ella", "ellos", "ellas",
];
const NAME_PARTICLES: [&str; 14] = [
    "de", "van", "von", "der", "den", "al", "bin", "da", "dos", "la", "le", "du", "del", "y",
];

/// Words that open a title written before a name (`Mayor Jane Doe`).
const TITLE_WORDS: &[&str] = &[
    "Mayor",
    "Judge",
    "County",
    "City",
    "State",
    "Senator",
    "Sen",
    "Representative",
    "Rep",
    "Governor",
    "Gov",
    "President",
    "Vice",
    "Minister",
    "Prime",
    "Secretary",
    "Commissioner",
    "Director",
    "Chief",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Councilmember",
    "Councillor",
    "Council",
    "Member",
    "Professor",
    "Prof",
    "General",
    "Deputy",
    "Ambassador",
    "Executive",
    "Sheriff",
    "Superintendent",
    "High",
    "Special",
    "Envoy",
    "Rapporteur",
    "Head",
    "Officer",
];

/// Whether `s` reads as a person's name: one to five capitalised words.
pub fn name_ok(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && s.chars().count() <= 60
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '’' | '\''))
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w))
}

/// Reads an attribution (`said NAME, TITLE`, `she said`, `NAME said:` when `lead`).
fn attribution(n: &str, lead: bool) -> Option<Attr> {
    // Spanish and some house styles put the comma after the closing mark: `”, dijo …`.
    let n = n
        .trim_matches(SPACES)
        .trim_start_matches(',')
        .trim_matches(SPACES);
    let body = if lead {
        n.strip_suffix(':')?.trim_end()
    } else {
        n.strip_suffix(['.', ',']).unwrap_or(n).trim_end()
    };
    for (verb, lang) in VERBS {
        if lead {
            let Some(subject) = body.strip_suffix(verb).and_then(|r| r.strip_suffix(' ')) else {
                continue;
            };
            let subject = subject.trim_end_matches(',').trim_end();
            let (name, title, reworded) = split_name_title(subject)?;
            let single = !name.contains(' ');
            let mention = if single {
                Mention {
                    surname: Some(name),
                    title,
                    ..Mention::default()
                }
            } else {
                Mention {
                    name: Some(name),
                    title,
                    ..Mention::default()
                }
            };
            let form = if single && mention.title.is_none() {
                Attribution::SurnameSaidColon
            } else {
                Attribution::NameSaidColon
            };
            return Some(Attr {
                form,
                mention,
                lang,
                reworded,
            });
        }
        if let Some(rest) = body.strip_prefix(verb).and_then(|r| r.strip_prefix(' ')) {
            let (name, title, reworded) = split_name_title(rest)?;
            let single = !name.contains(' ');
            let (form, mention) = match (single, title) {
                (_, Some(t)) => (Attribution::SaidNameTitle, full(name, Some(t))),
                (false, None) => (Attribution::SaidName, full(name, None)),
                (true, None) => (Attribution::SaidSurname, surname(name)),
            };
            return Some(Attr {
                form,
                mention,
                lang,
                reworded,
            });
        }
        if let Some(subject) = body.strip_suffix(verb).and_then(|r| r.strip_suffix(' ')) {
            let subject = subject.trim_end_matches(',').trim_end();
            if PRONOUNS.contains(&subject) {
                let mention = Mention {
                    pronoun: Some(subject.to_string()),
                    ..Mention::default()
                };
                return Some(Attr {
                    form: Attribution::PronounSaid,
                    mention,
                    lang,
                    reworded: false,
                });
            }
            let article = [
                "the ", "l’", "l'", "la ", "le ", "el ", "los ", "las ", "les ",
            ]
            .iter()
            .any(|a| subject.starts_with(a));
            if !article {
                if let Some((name, Some(t), true)) = split_name_title(subject) {
                    return Some(Attr {
                        form: Attribution::NameTitleSaid,
                        mention: full(name, Some(t)),
                        lang,
                        reworded: true,
                    });
                }
            }
            if subject.chars().next().is_some_and(char::is_lowercase) {
                let words = subject.split_whitespace().count();
                if (2..=6).contains(&words) && !subject.contains([',', ';', '“', '"']) {
                    let mention = Mention {
                        role: Some(subject.to_string()),
                        ..Mention::default()
                    };
                    return Some(Attr {
                        form: Attribution::RoleSaid,
                        mention,
                        lang,
                        reworded: false,
                    });
                }
                return None;
            }
            let (name, title, reworded) = split_name_title(subject)?;
            let single = !name.contains(' ');
            let (form, mention) = match (single, title) {
                (_, Some(t)) => (Attribution::NameTitleSaid, full(name, Some(t))),
                (false, None) => (Attribution::NameSaid, full(name, None)),
                (true, None) => (Attribution::SurnameSaid, surname(name)),
            };
            return Some(Attr {
                form,
                mention,
                lang,
                reworded,
            });
        }
    }
    None
}

fn full(name: String, title: Option<String>) -> Mention {
    Mention {
        name: Some(name),
        title,
        ..Mention::default()
    }
}

fn surname(name: String) -> Mention {
    Mention {
        surname: Some(name),
        ..Mention::default()
    }
}

/// `Mary Lawlor, Special Rapporteur on …` → name and title; the name must read
/// as one. `Commissioner for Agriculture Johan Lindberg` (a title before the
/// name) gives the name and that title, flagged as reworded.
fn split_name_title(s: &str) -> Option<(String, Option<String>, bool)> {
    let (name, title) = match s.split_once(", ") {
        Some((n, t)) => (
            n.trim(),
            Some(t.trim().to_string()).filter(|t| !t.is_empty()),
        ),
        None => (s.trim(), None),
    };
    if name_ok(name) {
        // `County Judge Maria Alvarez`: leading title words are a title, not the name.
        let words: Vec<&str> = name.split_whitespace().collect();
        let lead = words
            .iter()
            .take_while(|w| {
                w.trim_end_matches('.')
                    .split('-')
                    .all(|part| TITLE_WORDS.contains(&part))
            })
            .count();
        if lead > 0 && words.len() >= lead + 2 {
            let (pre, rest) = words.split_at(lead);
            let title = match title {
                Some(t) => format!("{}, {t}", pre.join(" ")),
                None => pre.join(" "),
            };
            return Some((rest.join(" "), Some(title), true));
        }
        return Some((name.to_string(), title, false));
    }
    if title.is_some() {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    for take in [3, 2] {
        if words.len() > take && words.len() <= take + 6 {
            let (pre, tail) = words.split_at(words.len() - take);
            let candidate = tail.join(" ");
            let pre = pre.join(" ");
            if name_ok(&candidate) && !name_ok(&pre) && !pre.contains(['“', '"', '(', ',']) {
                return Some((candidate, Some(pre), true));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_paragraph() {
        let p = parse("“Rukhshona Khakimova’s trial appears to have fallen short,” said Mary Lawlor, Special Rapporteur on the situation of human rights defenders. “This raises serious concerns.”").unwrap();
        assert_eq!(p.segments.len(), 2);
        let a = p.segments[0].1.as_ref().unwrap();
        assert_eq!(a.form, Attribution::SaidNameTitle);
        assert_eq!(a.mention.name.as_deref(), Some("Mary Lawlor"));
        assert_eq!(
            a.mention.title.as_deref(),
            Some("Special Rapporteur on the situation of human rights defenders")
        );
        assert_eq!(p.segments[1].0, "This raises serious concerns.");
        assert!(!p.open_end);
    }

    #[test]
    fn forms() {
        let form = |s: &str| parse(s).and_then(|p| p.segments[0].1.as_ref().map(|a| a.form));
        assert_eq!(form("“A,” she said."), Some(Attribution::PronounSaid));
        assert_eq!(form("“A,” the expert said."), Some(Attribution::RoleSaid));
        assert_eq!(form("“A,” Lawlor said."), Some(Attribution::SurnameSaid));
        assert_eq!(form("\"A,\" said Jane Doe."), Some(Attribution::SaidName));
        assert_eq!(
            form("“A,” Jane Doe, CEO of Acme, said."),
            Some(Attribution::NameTitleSaid)
        );
        assert_eq!(
            form("«\u{202f}A,\u{202f}» a déclaré Marie Curie."),
            Some(Attribution::SaidName)
        );
        let lead = parse("Jane Doe said: “We are ready.”").unwrap();
        assert_eq!(lead.lead_in.unwrap().form, Attribution::NameSaidColon);
        assert!(parse("“We are ready.").unwrap().open_end);
        assert_eq!(parse("She called it “unacceptable” and left."), None);
        assert_eq!(parse("“A,” said the company in a statement."), None);
        assert_eq!(parse("No quotes here."), None);
    }
}
