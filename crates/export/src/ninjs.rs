//! IPTC ninjs 3.x (News in JSON): the release as a news item for newsroom
//! systems. Typed structs with the specification's property names; optional
//! properties are left out when empty.

use dateline_core::markdown::to_plain;
use dateline_core::model::{Release, ReleaseLine, Status};
use dateline_core::text::headline;
use serde::Serialize;

use crate::inline::safe_url;

/// The version of ninjs written.
pub const NINJS_VERSION: &str = "3.1";
/// The schema URI of that version.
pub const NINJS_SCHEMA: &str = "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";

/// A ninjs news item.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ninjs {
    pub uri: String,
    pub standard: Standard,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embargoed_until: Option<String>,
    pub pub_status: String,
    pub language: String,
    pub headlines: Vec<TextObject>,
    pub bodies: Vec<Body>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub located: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Party>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Party>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    pub genres: Vec<Genre>,
}

/// The `standard` object: which standard and schema the item follows.
#[derive(Debug, Clone, Serialize)]
pub struct Standard {
    pub name: String,
    pub version: String,
    pub schema: String,
}

/// A headline: role, media type, value.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TextObject {
    pub role: String,
    pub content_type: String,
    pub value: String,
}

/// A body with its counts.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Body {
    pub role: String,
    pub content_type: String,
    pub char_count: u64,
    pub word_count: u64,
    pub value: String,
}

/// A person or an organisation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contact_info: Vec<ContactInfo>,
}

/// One way to reach a party.
#[derive(Debug, Clone, Serialize)]
pub struct ContactInfo {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub value: String,
}

/// A subject (the release's tags).
#[derive(Debug, Clone, Serialize)]
pub struct Subject {
    pub name: String,
}

/// A genre.
#[derive(Debug, Clone, Serialize)]
pub struct Genre {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// A stable URI for the release: its store id, or a content hash for a release
/// that has not been stored.
fn uri(r: &Release) -> String {
    if !r.meta.id.trim().is_empty() {
        let id: String = r
            .meta
            .id
            .trim()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-._~".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("urn:dateline:release:{id}")
    } else {
        let hash = blake3::hash(r.to_json().as_bytes());
        format!("urn:dateline:draft:{}", &hash.to_hex()[..32])
    }
}

fn words(s: &str) -> u64 {
    s.split_whitespace().count() as u64
}

/// The ninjs item of `r`; `body_html` is the article's safe markup.
pub fn to_ninjs(r: &Release, body_html: &str, body_text: &str) -> Ninjs {
    let style = r.style.style();
    let lang = r.meta.language.clone();
    let mut headlines = vec![TextObject {
        role: "main".into(),
        content_type: "text/plain".into(),
        value: headline(r, &style),
    }];
    if let Some(sub) = r.subheadline.as_deref().filter(|s| !s.trim().is_empty()) {
        headlines.push(TextObject {
            role: "sub".into(),
            content_type: "text/plain".into(),
            value: to_plain(sub),
        });
    }
    let embargoed_until = match &r.release_line {
        ReleaseLine::Embargoed { until, zone } => embargo_utc(until, zone),
        _ => None,
    };
    // Only a published release is usable; drafts and approved-but-unsent
    // releases are withheld, a withdrawn one is canceled.
    let pub_status = match r.meta.status {
        Status::Withdrawn => "canceled",
        Status::Published => "usable",
        _ => "withheld",
    };
    let located = r.dateline.as_ref().map(|d| {
        d.places
            .iter()
            .filter(|p| !p.city.trim().is_empty())
            .map(
                |p| match p.region.as_deref().filter(|x| !x.trim().is_empty()) {
                    Some(region) => format!("{}, {}", p.city.trim(), region.trim()),
                    None => p.city.trim().to_string(),
                },
            )
            .collect::<Vec<_>>()
            .join("/")
    });
    let org = r.meta.organisation.trim();
    let people = r
        .people
        .iter()
        .map(|p| Party {
            name: p.name.trim().to_string(),
            rel: Some(
                if r.body
                    .iter()
                    .any(|b| matches!(b, dateline_core::Block::Quote(q) if q.speaker == p.id))
                {
                    "quoted".into()
                } else {
                    "mentioned".into()
                },
            ),
            literal: (!p.title.trim().is_empty()).then(|| p.title.trim().to_string()),
            contact_info: vec![],
        })
        .collect();
    let mut contact_info = Vec::new();
    for c in &r.contacts {
        let mut who = c.name.trim().to_string();
        if let Some(role) = c.role.as_deref().filter(|x| !x.trim().is_empty()) {
            who.push_str(", ");
            who.push_str(role.trim());
        }
        let name = (!who.is_empty()).then_some(who);
        if let Some(e) = c
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| safe_url(&format!("mailto:{e}")))
        {
            contact_info.push(ContactInfo {
                kind: "email".into(),
                role: Some("media".into()),
                name: name.clone(),
                value: e.to_string(),
            });
        }
        if let Some(ph) = c.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            contact_info.push(ContactInfo {
                kind: "phone".into(),
                role: Some("media".into()),
                name: name.clone(),
                value: ph.to_string(),
            });
        }
    }
    let mut organisations = Vec::new();
    if !org.is_empty() || !contact_info.is_empty() {
        organisations.push(Party {
            name: if org.is_empty() {
                "Issuer".into()
            } else {
                org.to_string()
            },
            rel: Some("issuer".into()),
            literal: None,
            contact_info,
        });
    }
    let bodies = vec![
        Body {
            role: "main".into(),
            content_type: "text/html".into(),
            char_count: body_text.chars().count() as u64,
            word_count: words(body_text),
            value: body_html.to_string(),
        },
        Body {
            role: "main".into(),
            content_type: "text/plain".into(),
            char_count: body_text.chars().count() as u64,
            word_count: words(body_text),
            value: body_text.to_string(),
        },
    ];
    Ninjs {
        uri: uri(r),
        standard: Standard {
            name: "ninjs".into(),
            version: NINJS_VERSION.into(),
            schema: NINJS_SCHEMA.into(),
        },
        kind: "text".into(),
        version: None,
        first_created: r.meta.created.map(|d| d.to_rfc3339()),
        version_created: r.meta.updated.or(r.meta.created).map(|d| d.to_rfc3339()),
        embargoed_until,
        pub_status: pub_status.into(),
        language: lang.to_string(),
        headlines,
        bodies,
        located: located.filter(|l| !l.is_empty()),
        by: (!org.is_empty()).then(|| org.to_string()),
        people,
        organisations,
        subjects: r
            .meta
            .tags
            .iter()
            .map(|t| Subject { name: t.clone() })
            .collect(),
        genres: vec![Genre {
            name: "Press Release".into(),
            uri: None,
        }],
    }
}

/// The embargo as an RFC 3339 UTC instant, when the zone is known.
fn embargo_utc(until: &chrono::NaiveDateTime, zone: &str) -> Option<String> {
    use chrono::TimeZone;
    let tz: chrono_tz::Tz = zone.parse().ok()?;
    let local = tz.from_local_datetime(until).earliest()?;
    Some(
        local
            .with_timezone(&chrono::Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    )
}
