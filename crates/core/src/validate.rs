//! Validation: the rules a release must satisfy to be loaded, saved or rendered.
//!
//! Every broken rule is reported with the path of the field and a sentence a
//! writer can act on; nothing here panics on any input.

use std::collections::HashSet;

use serde::Serialize;
use ts_rs::TS;

use crate::model::{ActionItem, Block, Release, ReleaseLine};

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Problem {
    /// Where: `headline`, `body[3].speaker`, `actions.items[0].url`.
    pub path: String,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Limits that keep a release a release (a 10 MB paste is refused, not stored).
pub const MAX_FIELD_CHARS: usize = 200_000;
/// At most this many body blocks.
pub const MAX_BLOCKS: usize = 5_000;

/// Checks `release` and returns every problem found (empty when valid).
pub fn problems(release: &Release) -> Vec<Problem> {
    let mut out = Vec::new();
    each_text(release, &mut |path, text| {
        if let Some((at, c)) = first_forbidden_control(text) {
            out.push(Problem {
                path: path(),
                message: format!(
                    "the text holds the control character U+{:04X} at character {}; remove it",
                    u32::from(c),
                    at + 1
                ),
            });
        }
    });
    let mut bad = |path: String, message: String| out.push(Problem { path, message });

    if !is_bcp47(&release.meta.language) {
        bad(
            "meta.language".into(),
            format!(
                "“{}” is not a BCP 47 language tag (for example en, fr-CH, es)",
                release.meta.language
            ),
        );
    }
    if release.headline.trim().is_empty() {
        bad("headline".into(), "the headline is empty".into());
    }
    check_len(&mut bad, "headline", &release.headline);
    if let ReleaseLine::Embargoed { zone, .. } = &release.release_line {
        if zone.parse::<chrono_tz::Tz>().is_err() {
            bad(
                "releaseLine.zone".into(),
                format!("“{zone}” is not a known time zone (for example Europe/Zurich, UTC)"),
            );
        }
    }
    if let Some(d) = &release.dateline {
        if d.style != crate::dateline::DatelineStyle::None
            && d.places.iter().all(|p| p.city.trim().is_empty())
        {
            bad(
                "dateline.places".into(),
                "the dateline has no place; add a city or choose “No dateline”".into(),
            );
        }
    }

    let mut ids = HashSet::new();
    for (i, p) in release.people.iter().enumerate() {
        if p.id.trim().is_empty() {
            bad(format!("people[{i}].id"), "a person has an empty id".into());
        } else if !ids.insert(p.id.as_str()) {
            bad(
                format!("people[{i}].id"),
                format!("two people share the id “{}”", p.id),
            );
        }
        if p.name.trim().is_empty() {
            bad(format!("people[{i}].name"), "a person has no name".into());
        }
    }

    if release.body.len() > MAX_BLOCKS {
        bad(
            "body".into(),
            format!(
                "the body has {} blocks; at most {MAX_BLOCKS} are allowed",
                release.body.len()
            ),
        );
    }
    for (i, block) in release.body.iter().enumerate() {
        match block {
            Block::Paragraph { text } | Block::Heading { text } => {
                check_len(&mut bad, &format!("body[{i}].text"), text)
            }
            Block::List { items } => {
                if items.is_empty() {
                    bad(format!("body[{i}].items"), "a list has no items".into());
                }
                for (j, it) in items.iter().enumerate() {
                    check_len(&mut bad, &format!("body[{i}].items[{j}]"), it);
                }
            }
            Block::Quote(q) => {
                if !ids.contains(q.speaker.as_str()) {
                    bad(
                        format!("body[{i}].speaker"),
                        format!(
                            "the quote’s speaker “{}” is not one of the release’s people",
                            q.speaker
                        ),
                    );
                }
                if q.paragraphs.is_empty() {
                    bad(
                        format!("body[{i}].paragraphs"),
                        "a quote has no paragraphs".into(),
                    );
                }
                for (j, para) in q.paragraphs.iter().enumerate() {
                    if para.segments.is_empty()
                        || para.segments.iter().all(|s| s.text.trim().is_empty())
                    {
                        bad(
                            format!("body[{i}].paragraphs[{j}]"),
                            "a quote paragraph has no words".into(),
                        );
                    }
                    for (k, s) in para.segments.iter().enumerate() {
                        check_len(
                            &mut bad,
                            &format!("body[{i}].paragraphs[{j}].segments[{k}]"),
                            &s.text,
                        );
                    }
                }
            }
        }
    }

    let mut markers = HashSet::new();
    for (i, f) in release.footnotes.iter().enumerate() {
        if f.marker.trim().is_empty() {
            bad(
                format!("footnotes[{i}].marker"),
                "a footnote has no marker".into(),
            );
        } else if !markers.insert(f.marker.as_str()) {
            bad(
                format!("footnotes[{i}].marker"),
                format!("two footnotes use the marker “{}”", f.marker),
            );
        }
        for id in &f.people {
            if !ids.contains(id.as_str()) {
                bad(
                    format!("footnotes[{i}].people"),
                    format!("the footnote names “{id}”, who is not one of the release’s people"),
                );
            }
        }
        if f.people.is_empty() && f.text.trim().is_empty() {
            bad(
                format!("footnotes[{i}]"),
                "a footnote has neither people nor text".into(),
            );
        }
    }

    for (i, c) in release.contacts.iter().enumerate() {
        if c.name.trim().is_empty() && c.email.is_none() && c.phone.is_none() {
            bad(
                format!("contacts[{i}]"),
                "a contact has no name, email or phone".into(),
            );
        }
        if let Some(e) = c.email.as_deref().filter(|e| !e.trim().is_empty()) {
            if !is_email(e.trim()) {
                bad(
                    format!("contacts[{i}].email"),
                    format!("“{e}” is not an email address"),
                );
            }
        }
    }

    for (i, item) in release.actions.items.iter().enumerate() {
        if let ActionItem::Link { label, url } = item {
            if label.trim().is_empty() {
                bad(
                    format!("actions.items[{i}].label"),
                    "a link has no label".into(),
                );
            }
            if let Err(why) = check_url(url) {
                bad(format!("actions.items[{i}].url"), why);
            }
        }
    }
    out
}

/// Whether a field may not hold `c`: the C0 control characters other than tab
/// and newline (NUL, BEL, ESC, carriage return, …). They are invisible in the
/// editor and in print, and turn into commands on a terminal.
pub fn is_forbidden_control(c: char) -> bool {
    c < ' ' && c != '\t' && c != '\n'
}

/// The first character of `text` that [`is_forbidden_control`] refuses, with
/// its index in characters. Every forbidden character is ASCII, and in UTF-8
/// no byte of a longer character is below 0x80, so the bytes are scanned,
/// eight at a time (the text of a long release is mostly read here);
/// characters are counted only when one is found.
fn first_forbidden_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let at = find_byte(
        bytes,
        |x| has_byte_below(x, b' '),
        |b| is_forbidden_control(char::from(b)),
    )?;
    Some((text.get(..at)?.chars().count(), char::from(*bytes.get(at)?)))
}

/// Eight ones, one in each byte.
const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The top bit of each byte.
const TOPS: u64 = ONES << 7;

/// Whether one of the eight bytes of `x` is below `n` (at most 0x80), exactly.
pub(crate) fn has_byte_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(ONES * u64::from(n)) & !x & TOPS != 0
}

/// Whether one of the eight bytes of `x` is `b`, exactly.
pub(crate) fn has_byte(x: u64, b: u8) -> bool {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & TOPS != 0
}

/// Index of the first byte for which `byte` holds. Eight bytes at a time:
/// `word` sees them as one little-endian integer and must be true whenever
/// `byte` holds for one of them; only then are they looked at one by one.
pub(crate) fn find_byte(
    bytes: &[u8],
    word: impl Fn(u64) -> bool,
    byte: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let x = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
        if word(x) {
            if let Some(i) = w.iter().position(|&b| byte(b)) {
                return Some(at + i);
            }
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| byte(b))
        .map(|i| at + i)
}

/// Calls `f` with the path (built only when asked for) and the text of every
/// string a release holds.
fn each_text(r: &Release, f: &mut dyn FnMut(&dyn Fn() -> String, &str)) {
    let mut one = |path: &dyn Fn() -> String, text: &str| f(path, text);
    one(&|| "meta.id".into(), &r.meta.id);
    one(&|| "meta.organisation".into(), &r.meta.organisation);
    one(&|| "meta.language".into(), &r.meta.language);
    for (i, t) in r.meta.tags.iter().enumerate() {
        one(&|| format!("meta.tags[{i}]"), t);
    }
    if let ReleaseLine::Embargoed { zone, .. } = &r.release_line {
        one(&|| "releaseLine.zone".into(), zone);
    }
    one(&|| "headline".into(), &r.headline);
    if let Some(s) = &r.subheadline {
        one(&|| "subheadline".into(), s);
    }
    if let Some(d) = &r.dateline {
        for (i, p) in d.places.iter().enumerate() {
            one(&|| format!("dateline.places[{i}].city"), &p.city);
            if let Some(region) = &p.region {
                one(&|| format!("dateline.places[{i}].region"), region);
            }
        }
    }
    for (i, b) in r.body.iter().enumerate() {
        match b {
            Block::Paragraph { text } | Block::Heading { text } => {
                one(&|| format!("body[{i}].text"), text)
            }
            Block::List { items } => {
                for (j, it) in items.iter().enumerate() {
                    one(&|| format!("body[{i}].items[{j}]"), it);
                }
            }
            Block::Quote(q) => {
                one(&|| format!("body[{i}].speaker"), &q.speaker);
                for (j, p) in q.paragraphs.iter().enumerate() {
                    for (k, s) in p.segments.iter().enumerate() {
                        one(
                            &|| format!("body[{i}].paragraphs[{j}].segments[{k}]"),
                            &s.text,
                        );
                    }
                }
            }
        }
    }
    for (i, p) in r.people.iter().enumerate() {
        one(&|| format!("people[{i}].id"), &p.id);
        one(&|| format!("people[{i}].name"), &p.name);
        one(&|| format!("people[{i}].title"), &p.title);
        one(&|| format!("people[{i}].pronoun"), &p.pronoun);
        if let Some(s) = &p.surname {
            one(&|| format!("people[{i}].surname"), s);
        }
        if let Some(s) = &p.role_noun {
            one(&|| format!("people[{i}].roleNoun"), s);
        }
    }
    if let crate::model::EndMark::Custom(t) = &r.end_mark {
        one(&|| "endMark.text".into(), t);
    }
    for (i, n) in r.footnotes.iter().enumerate() {
        one(&|| format!("footnotes[{i}].marker"), &n.marker);
        for (j, p) in n.people.iter().enumerate() {
            one(&|| format!("footnotes[{i}].people[{j}]"), p);
        }
        if let Some(l) = &n.label {
            one(&|| format!("footnotes[{i}].label"), l);
        }
        one(&|| format!("footnotes[{i}].text"), &n.text);
    }
    for (i, b) in r.boilerplate.iter().enumerate() {
        one(&|| format!("boilerplate[{i}].title"), &b.title);
        for (j, p) in b.paragraphs.iter().enumerate() {
            one(&|| format!("boilerplate[{i}].paragraphs[{j}]"), p);
        }
    }
    for (i, c) in r.contacts.iter().enumerate() {
        one(&|| format!("contacts[{i}].name"), &c.name);
        let optional = [
            ("role", &c.role),
            ("organisation", &c.organisation),
            ("email", &c.email),
            ("phone", &c.phone),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                one(&|| format!("contacts[{i}].{key}"), v);
            }
        }
    }
    if let Some(t) = &r.actions.title {
        one(&|| "actions.title".into(), t);
    }
    for (i, a) in r.actions.items.iter().enumerate() {
        match a {
            ActionItem::Link { label, url } => {
                one(&|| format!("actions.items[{i}].label"), label);
                one(&|| format!("actions.items[{i}].url"), url);
            }
            ActionItem::Line { text } => one(&|| format!("actions.items[{i}].text"), text),
        }
    }
}

fn check_len(bad: &mut impl FnMut(String, String), path: &str, text: &str) {
    // A text of no more bytes than the limit has no more characters either.
    if text.len() <= MAX_FIELD_CHARS {
        return;
    }
    let n = text.chars().count();
    if n > MAX_FIELD_CHARS {
        bad(
            path.to_string(),
            format!("the text is {n} characters long; a field holds at most {MAX_FIELD_CHARS}"),
        );
    }
}

/// Accepts only `http`, `https` and `mailto` URLs that parse.
pub fn check_url(url: &str) -> Result<(), String> {
    match url::Url::parse(url.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(()),
        Ok(u) if u.scheme() == "mailto" && is_email(u.path()) => Ok(()),
        Ok(u) => Err(format!(
            "“{url}” uses “{}:”; links must be http, https or mailto",
            u.scheme()
        )),
        Err(e) => Err(format!("“{url}” is not a valid URL ({e})")),
    }
}

fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(user), Some(host), None) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        }
        _ => false,
    }
}

/// A light BCP 47 check: `language[-script][-region][-variant…]`, ASCII alphanumerics.
pub fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(lang) = parts.next() else {
        return false;
    };
    if !(2..=8).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

    fn seed() -> Release {
        serde_json::from_str(SEED).expect("seed parses")
    }

    fn paths(r: &Release) -> Vec<String> {
        problems(r).into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn control_characters_are_refused_with_the_path_of_their_field() {
        assert!(problems(&seed()).is_empty());
        let mut r = seed();
        r.headline = "Breaking\x1b[2J\x07".into();
        r.meta.tags.push("a\0b".into());
        let tag = r.meta.tags.len() - 1;
        r.people[0].title = "Rapporteur\r".into();
        if let Some(Block::Paragraph { text }) = r.body.get_mut(1) {
            text.push('\x1b');
        }
        r.contacts.push(crate::model::Contact {
            name: "Press".into(),
            phone: Some("+41\x08".into()),
            ..Default::default()
        });
        r.actions.items.push(ActionItem::Line {
            text: "\x1b]0;title\x07".into(),
        });
        let got = paths(&r);
        for want in [
            "headline",
            &format!("meta.tags[{tag}]"),
            "people[0].title",
            "body[1].text",
            &format!("contacts[{}].phone", r.contacts.len() - 1),
            &format!("actions.items[{}].text", r.actions.items.len() - 1),
        ] {
            assert!(got.iter().any(|p| p == want), "{want} missing from {got:?}");
        }
        let headline = problems(&r)
            .into_iter()
            .find(|p| p.path == "headline")
            .expect("headline problem");
        assert!(headline.message.contains("U+001B"), "{}", headline.message);
        assert!(
            !headline.message.contains('\x1b'),
            "the message does not carry the character itself"
        );
    }

    #[test]
    fn tabs_and_newlines_are_allowed_and_every_other_c0_character_is_not() {
        let mut r = seed();
        r.headline = "Line one\n\tand two".into();
        assert!(problems(&r).is_empty());
        for c in (0u8..0x20)
            .map(char::from)
            .filter(|c| *c != '\t' && *c != '\n')
        {
            r.headline = format!("Head{c}line");
            assert_eq!(paths(&r), ["headline"], "U+{:04X}", u32::from(c));
        }
        r.headline = "Café – “quoted” \u{a0}".into();
        assert!(problems(&r).is_empty());
    }

    #[test]
    fn a_control_character_is_placed_by_characters_not_bytes() {
        let mut r = seed();
        r.headline = "Café “ä”\x07 end".into();
        let p = problems(&r);
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].message,
            "the text holds the control character U+0007 at character 9; remove it"
        );
    }

    #[test]
    fn word_tests_agree_with_byte_tests() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut w = [b'a'; 8];
                w[at] = b;
                let x = u64::from_le_bytes(w);
                for n in [1u8, 0x20, b'a'] {
                    assert_eq!(has_byte_below(x, n), b < n, "{b:#x} < {n:#x} at {at}");
                }
                assert_eq!(has_byte(x, 0x7F), b == 0x7F, "{b:#x} at {at}");
                assert_eq!(has_byte(x, 0xC2), b == 0xC2, "{b:#x} at {at}");
            }
        }
        let text = "ab\tcd\nef ghijklmnopq\x07r";
        let found = find_byte(
            text.as_bytes(),
            |x| has_byte_below(x, b' '),
            |b| is_forbidden_control(char::from(b)),
        );
        assert_eq!(found, text.find('\x07'));
    }

    #[test]
    fn the_length_limit_counts_characters_not_bytes() {
        let mut r = seed();
        r.headline = "é".repeat(MAX_FIELD_CHARS);
        assert!(problems(&r).is_empty(), "{} bytes", r.headline.len());
        r.headline.push('é');
        let p = problems(&r);
        assert_eq!(paths(&r), ["headline"]);
        assert!(
            p[0].message.contains("200001 characters"),
            "{}",
            p[0].message
        );
    }
}

#[cfg(test)]
mod unknown_keys {
    //! Unknown keys are refused at every level of the release, with their path.

    const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

    /// The seed with `"surprise": 1` added to the object at `pointer`.
    fn with_unknown_key(pointer: &str) -> String {
        let mut v: serde_json::Value = serde_json::from_str(SEED).expect("seed");
        let target = v
            .pointer_mut(pointer)
            .and_then(serde_json::Value::as_object_mut)
            .unwrap_or_else(|| panic!("{pointer} is an object of the seed"));
        target.insert("surprise".into(), 1.into());
        v.to_string()
    }

    #[test]
    fn every_level_refuses_an_unknown_key_and_names_its_path() {
        let mut v: serde_json::Value = serde_json::from_str(SEED).expect("seed");
        v["releaseLine"] =
            serde_json::json!({"type": "embargoed", "until": "2025-05-15T00:01:00", "zone": "UTC"});
        v["endMark"] = serde_json::json!({"type": "custom", "text": "###"});
        v["boilerplate"] = serde_json::json!([{"title": "About", "paragraphs": ["Who we are."]}]);
        v["contacts"] = serde_json::json!([{"name": "Press desk", "email": "press@example.org"}]);
        let base = v.to_string();
        assert!(crate::from_json(&base).is_ok());
        let cases = [
            ("", "."),
            ("/meta", "meta"),
            ("/releaseLine", "releaseLine"),
            ("/dateline", "dateline"),
            ("/dateline/places/0", "dateline.places[0]"),
            ("/body/0", "body[0]"),
            ("/people/0", "people[0]"),
            ("/endMark", "endMark"),
            ("/footnotes/0", "footnotes[0]"),
            ("/boilerplate/0", "boilerplate[0]"),
            ("/contacts/0", "contacts[0]"),
            ("/actions", "actions"),
            ("/actions/items/0", "actions.items[0]"),
        ];
        for (pointer, path) in cases {
            let mut v: serde_json::Value = serde_json::from_str(&base).expect("base");
            v.pointer_mut(pointer)
                .and_then(serde_json::Value::as_object_mut)
                .unwrap_or_else(|| panic!("{pointer} is an object"))
                .insert("surprise".into(), 1.into());
            let err = crate::from_json(&v.to_string()).expect_err(pointer);
            let msg = err.to_string();
            assert_eq!(err.code(), "invalid_json", "{msg}");
            // (`unknown field`; for the end mark, "expected `type` or `text`")
            assert!(msg.contains("surprise"), "{pointer}: {msg}");
            // The path leads to the object holding the key (or to the key itself).
            if path != "." {
                assert!(msg.contains(&format!(": {path}")), "{pointer}: {msg}");
            }
        }
    }

    #[test]
    fn a_quote_block_refuses_unknown_keys_inside_its_paragraphs() {
        let v: serde_json::Value = serde_json::from_str(SEED).expect("seed");
        let quote = v["body"]
            .as_array()
            .and_then(|b| b.iter().position(|x| x["type"] == "quote"))
            .expect("the seed has a quote");
        for pointer in [
            format!("/body/{quote}"),
            format!("/body/{quote}/paragraphs/0"),
            format!("/body/{quote}/paragraphs/0/segments/0"),
        ] {
            let err = crate::from_json(&with_unknown_key(&pointer)).expect_err(&pointer);
            assert!(
                err.to_string().contains("unknown field `surprise`"),
                "{pointer}: {err}"
            );
        }
    }
}
