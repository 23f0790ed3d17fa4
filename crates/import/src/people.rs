//! The people of an imported release: one person per name, found in quote
//! attributions and footnotes, with titles, pronouns and role nouns taken from
//! the attributions that use them. Conflicting facts are refused, not merged,
//! so the caller can keep the text as written instead.

use dateline_core::Person;

/// The people found so far.
#[derive(Debug, Default, Clone)]
pub struct People {
    /// The people, in order of first mention.
    pub list: Vec<Person>,
    pronoun_set: Vec<bool>,
    /// The most recent quote speaker.
    pub last: Option<usize>,
}

/// A fact about a speaker taken from one attribution.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mention {
    /// Full name (two words or more) when the attribution gives it.
    pub name: Option<String>,
    /// A lone surname (`Lawlor said`).
    pub surname: Option<String>,
    /// The title after the name.
    pub title: Option<String>,
    /// `she`, `he`, `they`, `il`, `elle`, `ella`, ….
    pub pronoun: Option<String>,
    /// `the expert`.
    pub role: Option<String>,
}

fn slug(s: &str) -> String {
    let mut out: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "person".to_string()
    } else {
        out
    }
}

/// `The Mayor` → `mayor`, `l’adjointe` → `adjointe`: a role without its
/// article, lower-cased.
fn role_phrase(role: &str) -> String {
    let lower = role.trim().to_lowercase();
    let bare = [
        "the ", "le ", "la ", "les ", "el ", "los ", "las ", "l'", "l’",
    ]
    .iter()
    .find_map(|a| lower.strip_prefix(a))
    .unwrap_or(&lower);
    bare.trim().to_string()
}

fn last_word(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

impl People {
    /// Finds the person a mention names, without changing anything.
    pub fn find(&self, m: &Mention) -> Option<usize> {
        if let Some(name) = &m.name {
            if let Some(i) = self.list.iter().position(|p| p.name == *name) {
                return Some(i);
            }
            // A person first seen by surname only gets the full name later.
            return self
                .list
                .iter()
                .position(|p| !p.name.contains(' ') && p.name == last_word(name));
        }
        if let Some(s) = &m.surname {
            return self.list.iter().position(|p| {
                // `Pérez` for `Juan Pérez Gil`: a Spanish first surname.
                let words: Vec<&str> = p.name.split_whitespace().collect();
                p.surname() == s
                    || p.name == *s
                    || (words.len() >= 3 && words.get(1..).is_some_and(|w| w.contains(&s.as_str())))
            });
        }
        // `the mayor said` after two speakers: the one whose title or role
        // holds that role, when exactly one does.
        if let Some(role) = m.role.as_deref().map(role_phrase).filter(|r| !r.is_empty()) {
            let holds = |p: &Person| {
                let title = format!(" {} ", p.title.to_lowercase().replace(',', " "));
                title.contains(&format!(" {role} "))
                    || p.role_noun.as_deref().map(role_phrase).as_deref() == Some(role.as_str())
            };
            let mut holders = self.list.iter().enumerate().filter(|(_, p)| holds(p));
            if let (Some((i, _)), None) = (holders.next(), holders.next()) {
                return Some(i);
            }
        }
        // A pronoun, a role, or a verb with no subject (`dijo.`): the person last meant.
        if m.pronoun.is_some() || m.role.is_some() || m.name.is_none() {
            return self.last.or((self.list.len() == 1).then_some(0));
        }
        None
    }

    /// Whether the mention agrees with what is known of person `i` (or of a new person).
    pub fn compatible(&self, i: Option<usize>, m: &Mention) -> bool {
        let Some(p) = i.and_then(|i| self.list.get(i)) else {
            // A new person needs a name; a pronoun or role alone names nobody.
            return m.name.is_some() || m.surname.is_some();
        };
        let set = i
            .and_then(|i| self.pronoun_set.get(i).copied())
            .unwrap_or(false);
        m.title
            .as_ref()
            .is_none_or(|t| p.title.is_empty() || p.title == *t)
            && m.pronoun.as_ref().is_none_or(|x| !set || p.pronoun == *x)
            // A second role for the only person known (`el jefe comunal`, then
            // `el alcalde de Zapallar`) is theirs: a role alone names nobody new.
            && m.role.as_ref().is_none_or(|r| {
                p.role_noun.as_ref().is_none_or(|x| x == r) || self.list.len() == 1
            })
            && m.name
                .as_ref()
                .is_none_or(|n| p.name == *n || !p.name.contains(' '))
    }

    /// Applies a mention: finds or creates the person and records the facts. Returns the index.
    pub fn apply(&mut self, m: &Mention) -> usize {
        let i = match self.find(m) {
            Some(i) => i,
            None => {
                let name = m
                    .name
                    .clone()
                    .or_else(|| m.surname.clone())
                    .unwrap_or_default();
                let mut id = slug(last_word(&name));
                let base = id.clone();
                let mut n = 2;
                while self.list.iter().any(|p| p.id == id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                self.list.push(Person {
                    id,
                    name,
                    surname: None,
                    title: String::new(),
                    pronoun: "they".to_string(),
                    role_noun: None,
                });
                self.pronoun_set.push(false);
                self.list.len() - 1
            }
        };
        if let Some(p) = self.list.get_mut(i) {
            if let Some(n) = &m.name {
                p.name = n.clone();
            }
            if let Some(t) = m.title.as_ref().filter(|_| p.title.is_empty()) {
                p.title = t.clone();
            }
            if let Some(x) = &m.pronoun {
                p.pronoun = x.clone();
                if let Some(s) = self.pronoun_set.get_mut(i) {
                    *s = true;
                }
            }
            if let Some(r) = &m.role {
                p.role_noun = Some(r.clone());
            }
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_per_name() {
        let mut p = People::default();
        let full = Mention {
            name: Some("Mary Lawlor".into()),
            title: Some("Special Rapporteur".into()),
            ..Mention::default()
        };
        let a = p.apply(&full);
        let b = p.apply(&Mention {
            surname: Some("Lawlor".into()),
            ..Mention::default()
        });
        assert_eq!(a, b);
        assert_eq!(p.list.len(), 1);
        assert_eq!(p.list[0].id, "lawlor");
        let other = Mention {
            name: Some("Mary Lawlor".into()),
            title: Some("Someone else".into()),
            ..Mention::default()
        };
        assert!(!p.compatible(p.find(&other), &other));
        p.last = Some(0);
        let she = Mention {
            pronoun: Some("she".into()),
            ..Mention::default()
        };
        assert_eq!(p.find(&she), Some(0));
        p.apply(&she);
        let he = Mention {
            pronoun: Some("he".into()),
            ..Mention::default()
        };
        assert!(!p.compatible(Some(0), &he));
    }
}
