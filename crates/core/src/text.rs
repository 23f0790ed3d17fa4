//! Plain-text rendering: the wire-ready text of a release.
//!
//! This is the renderer the seed release is checked against byte for byte:
//! every piece comes from a structured field, laid out in the house style.

use chrono::TimeZone;

use crate::dateline::{self, DateLanguage};
use crate::markdown::to_plain;
use crate::model::{ActionItem, Block, Contact, Footnote, Person, Release, ReleaseLine};
use crate::quote::{quote_pieces, QuotePiece};
use crate::style::HouseStyle;
use crate::Language;

/// Renders `release` as plain text (blocks separated by a blank line, no final newline).
pub fn render_text(release: &Release) -> String {
    let style = release.style.style();
    let lang = &release.meta.language;
    let mut head: Vec<String> = Vec::new();

    if let Some(line) = release_line(&release.release_line, lang) {
        head.push(line);
    }
    head.push(headline(release, &style));
    if let Some(sub) = release
        .subheadline
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        head.push(to_plain(sub));
    }

    let mut body = body_paragraphs(release, &style);
    let dl = release
        .dateline
        .as_ref()
        .map(|d| dateline::render(d, lang))
        .unwrap_or_default();
    if !dl.is_empty() {
        let own = release
            .dateline
            .as_ref()
            .is_some_and(|d| d.style.own_line());
        if own || body.is_empty() {
            body.insert(0, dl);
        } else {
            body[0] = format!("{dl} {}", body[0]);
        }
    }
    head.extend(body);
    if let Some(mark) = release.end_mark.text() {
        head.push(mark.to_string());
    }
    let mut out = head.join("\n\n");

    let mut tail: Vec<String> = Vec::new();
    let notes: Vec<String> = release
        .footnotes
        .iter()
        .map(|f| footnote_text(f, &release.people))
        .collect();
    if !notes.is_empty() {
        let gap = "\n".repeat(style.blank_lines_before_footnotes + 1);
        out.push_str(&gap);
        out.push_str(&notes.join("\n\n"));
    }
    for b in &release.boilerplate {
        tail.push(to_plain(&b.title));
        tail.extend(b.paragraphs.iter().map(|p| to_plain(p)));
    }
    if !release.contacts.is_empty() {
        tail.push(contacts_heading(lang).to_string());
        tail.extend(release.contacts.iter().map(contact_text));
    }
    if let Some(t) = release.actions.title.as_deref().filter(|t| !t.is_empty()) {
        tail.push(t.to_string());
    }
    for item in &release.actions.items {
        tail.push(match item {
            ActionItem::Link { label, .. } => label.clone(),
            ActionItem::Line { text } => to_plain(text),
        });
    }
    if !tail.is_empty() {
        out.push_str("\n\n");
        out.push_str(&tail.join("\n\n"));
    }
    out
}

/// The headline as printed, with the genre suffix when the style wants it.
pub fn headline(release: &Release, style: &HouseStyle) -> String {
    let h = to_plain(release.headline.trim());
    if style.kind_after_headline {
        format!("{h} ({})", release.meta.kind.genre(&release.meta.language))
    } else {
        h
    }
}

/// The release line (`FOR IMMEDIATE RELEASE`, `EMBARGOED UNTIL …`) in `lang`, if any.
pub fn release_line(line: &ReleaseLine, lang: &Language) -> Option<String> {
    let words = lang.words();
    match line {
        ReleaseLine::None => None,
        ReleaseLine::Immediate => Some(
            match words {
                DateLanguage::French => "POUR DIFFUSION IMMÉDIATE",
                DateLanguage::Spanish => "PARA DIFUSIÓN INMEDIATA",
                DateLanguage::English => "FOR IMMEDIATE RELEASE",
            }
            .to_string(),
        ),
        ReleaseLine::Embargoed { until, zone } => {
            let abbrev = zone
                .parse::<chrono_tz::Tz>()
                .ok()
                .and_then(|tz| tz.from_local_datetime(until).earliest())
                .map(|dt| dt.format("%Z").to_string())
                .unwrap_or_else(|| zone.clone());
            let time = until.format("%H:%M");
            let date = dateline::long_date(until.date(), words, true);
            Some(match words {
                DateLanguage::French => format!("SOUS EMBARGO JUSQU’AU {date}, {time} {abbrev}"),
                DateLanguage::Spanish => format!("EMBARGADO HASTA EL {date}, {time} {abbrev}"),
                DateLanguage::English => format!("EMBARGOED UNTIL {time} {abbrev} {date}"),
            })
        }
    }
}

fn body_paragraphs(release: &Release, style: &HouseStyle) -> Vec<String> {
    let lang = &release.meta.language;
    let marks = style.quote_marks(lang);
    let mut out = Vec::new();
    for block in &release.body {
        match block {
            Block::Paragraph { text } | Block::Heading { text } => out.push(to_plain(text)),
            Block::List { items } => out.push(
                items
                    .iter()
                    .map(|i| format!("- {}", to_plain(i)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Quote(q) => {
                for para in quote_pieces(q, &release.people, marks, lang) {
                    out.push(pieces_text(&para));
                }
            }
        }
    }
    out
}

/// Joins quote pieces as plain text.
pub fn pieces_text(pieces: &[QuotePiece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            QuotePiece::Open(m) | QuotePiece::Close(m) => s.push_str(m),
            QuotePiece::Words(w) => s.push_str(&to_plain(w)),
            QuotePiece::Attribution(a) => s.push_str(a),
            QuotePiece::Space => s.push(' '),
        }
    }
    s
}

/// `*The expert: Mary Lawlor, Special Rapporteur on ….`
pub fn footnote_text(f: &Footnote, people: &[Person]) -> String {
    let mut s = f.marker.clone();
    if let Some(lead) = footnote_lead(f, people) {
        s.push_str(&lead);
        if !f.text.trim().is_empty() {
            s.push(' ');
        }
    }
    s.push_str(&to_plain(f.text.trim()));
    s
}

/// The part of a footnote printed from its people, without the marker:
/// `The expert: Mary Lawlor, Special Rapporteur on ….`; `None` when it names nobody.
pub fn footnote_lead(f: &Footnote, people: &[Person]) -> Option<String> {
    if f.people.is_empty() {
        return None;
    }
    let names: Vec<String> = f
        .people
        .iter()
        .map(|id| match people.iter().find(|p| &p.id == id) {
            Some(p) => person_label(p),
            None => "[unknown person]".to_string(),
        })
        .collect();
    let mut s = String::new();
    if let Some(label) = f.label.as_deref().filter(|l| !l.is_empty()) {
        s.push_str(label);
        s.push_str(": ");
    }
    s.push_str(&names.join("; "));
    if !s.ends_with('.') {
        s.push('.');
    }
    Some(s)
}

/// A person as named in footnotes and captions: `Mary Lawlor, Special Rapporteur …`.
pub fn person_label(p: &Person) -> String {
    if p.title.trim().is_empty() {
        p.name.trim().to_string()
    } else {
        format!("{}, {}", p.name.trim(), p.title.trim())
    }
}

/// "Media contacts" in the release's language.
pub fn contacts_heading(lang: &Language) -> &'static str {
    match lang.words() {
        DateLanguage::French => "Contacts presse",
        DateLanguage::Spanish => "Contactos de prensa",
        DateLanguage::English => "Media contacts",
    }
}

/// A contact as lines: name and role, then email and phone.
pub fn contact_text(c: &Contact) -> String {
    let mut first = c.name.trim().to_string();
    for part in [&c.role, &c.organisation].into_iter().flatten() {
        if !part.trim().is_empty() {
            first.push_str(", ");
            first.push_str(part.trim());
        }
    }
    let mut lines = vec![first];
    for part in [&c.email, &c.phone].into_iter().flatten() {
        if !part.trim().is_empty() {
            lines.push(part.trim().to_string());
        }
    }
    lines.join("\n")
}
