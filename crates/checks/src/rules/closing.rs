//! The parts after the body: one end mark, the house's boilerplate word for
//! word, a reachable contact, and links that work.

use dateline_core::{ActionItem, Block, EndMark, Status};

use super::{Cx, Sink};
use crate::fields::Field;
use crate::finding::{Edit, Fix};

/// End marks as writers type them.
const END_MARKS: &[&str] = &[
    "ENDS", "-ENDS-", "- ENDS -", "###", "#####", "-30-", "-end-", "* *** *", "END",
];

pub(super) fn check(cx: &Cx, sink: &mut Sink) {
    end_mark(cx, sink);
    boilerplate(cx, sink);
    contacts(cx, sink);
    links(cx, sink);
}

fn end_mark(cx: &Cx, sink: &mut Sink) {
    let house = cx.r.style.style().end_mark;
    let allowed = &cx.profile.closing.end_marks;
    match cx.r.end_mark.text() {
        None => sink.whole(
            "closing.end-mark",
            "endMark",
            "the release has no end mark after the body",
            Some(Fix::one(
                format!("Add “{}”", house.text().unwrap_or("ENDS")),
                Edit::Set {
                    path: "endMark".into(),
                    value: serde_json::to_value(&house).unwrap_or(serde_json::Value::Null),
                },
            )),
        ),
        Some(mark) if !allowed.is_empty() && !allowed.iter().any(|a| a == mark.trim()) => {
            let want = allowed
                .iter()
                .find(|a| Some(a.as_str()) == house.text())
                .or(allowed.first())
                .cloned()
                .unwrap_or_default();
            let value = end_mark_value(&want);
            sink.whole(
                "closing.end-mark-style",
                "endMark",
                format!(
                    "the house ends releases with {}, not “{mark}”",
                    allowed.join(" or ")
                ),
                Some(Fix::one(
                    format!("Use “{want}”"),
                    Edit::Set {
                        path: "endMark".into(),
                        value: serde_json::to_value(&value).unwrap_or(serde_json::Value::Null),
                    },
                )),
            );
        }
        Some(_) => {}
    }
    for (i, b) in cx.r.body.iter().enumerate() {
        if let Block::Paragraph { text } = b {
            let t = text.trim();
            if END_MARKS.iter().any(|m| m.eq_ignore_ascii_case(t)) {
                sink.whole(
                    "closing.end-mark-in-body",
                    format!("body[{i}]"),
                    format!(
                        "“{t}” is typed in the body; the release has one end mark, after the body"
                    ),
                    Some(Fix::one(
                        "Remove the paragraph",
                        Edit::Remove {
                            path: format!("body[{i}]"),
                        },
                    )),
                );
            }
        }
    }
}

fn end_mark_value(text: &str) -> EndMark {
    for m in [
        EndMark::Ends,
        EndMark::DashEnds,
        EndMark::Hashes,
        EndMark::Thirty,
        EndMark::End,
    ] {
        if m.text() == Some(text) {
            return m;
        }
    }
    EndMark::Custom(text.to_string())
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn boilerplate(cx: &Cx, sink: &mut Sink) {
    let rules = &cx.profile.closing;
    if rules.require_boilerplate
        && cx
            .r
            .boilerplate
            .iter()
            .all(|b| b.paragraphs.iter().all(|p| p.trim().is_empty()))
    {
        sink.whole(
            "closing.boilerplate",
            "boilerplate",
            "the house’s releases carry boilerplate (About …); this one has none",
            None,
        );
    }
    for (i, b) in cx.r.boilerplate.iter().enumerate() {
        let Some(approved) = rules
            .boilerplate
            .iter()
            .find(|a| normalise(&a.title).eq_ignore_ascii_case(&normalise(&b.title)))
        else {
            continue;
        };
        let same = b.paragraphs.len() == approved.paragraphs.len()
            && b.paragraphs
                .iter()
                .zip(&approved.paragraphs)
                .all(|(x, y)| normalise(x) == normalise(y));
        if !same {
            sink.whole(
                "closing.boilerplate-drift",
                format!("boilerplate[{i}].paragraphs"),
                format!(
                    "“{}” differs from the house’s approved text",
                    b.title.trim()
                ),
                Some(Fix::one(
                    "Restore the approved text",
                    Edit::Set {
                        path: format!("boilerplate[{i}].paragraphs"),
                        value: serde_json::to_value(&approved.paragraphs)
                            .unwrap_or(serde_json::Value::Null),
                    },
                )),
            );
        }
    }
}

fn contacts(cx: &Cx, sink: &mut Sink) {
    let reachable = cx.r.contacts.iter().any(|c| {
        c.email.as_deref().is_some_and(|e| !e.trim().is_empty())
            || c.phone
                .as_deref()
                .is_some_and(|p| p.chars().filter(|c| c.is_ascii_digit()).count() >= 5)
    });
    if !reachable {
        sink.whole(
            "closing.contact",
            "contacts",
            "no media contact with an email address or a phone number",
            None,
        );
    }
}

/// Whether `host` is a placeholder no reader can visit.
fn placeholder_host(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = h.split('.').collect();
    h == "localhost"
        || h.ends_with(".localhost")
        || h.ends_with(".test")
        || h.ends_with(".invalid")
        || h.ends_with(".example")
        || labels.iter().rev().nth(1).is_some_and(|l| *l == "example")
        || h.starts_with("127.")
}

fn check_link(cx: &Cx, sink: &mut Sink, url: &str, at: LinkAt, mailto_ok: bool) {
    let approved = matches!(cx.r.meta.status, Status::Approved | Status::Published);
    let parsed = url::Url::parse(url.trim());
    let (bad_scheme, host) = match &parsed {
        Ok(u) => (
            !(matches!(u.scheme(), "http" | "https") || (mailto_ok && u.scheme() == "mailto")),
            u.host_str().map(str::to_string).or_else(|| {
                (u.scheme() == "mailto")
                    .then(|| u.path().rsplit('@').next().unwrap_or("").to_string())
            }),
        ),
        Err(_) => (true, None),
    };
    if bad_scheme {
        at.report(
            sink,
            "closing.link-scheme",
            format!("“{url}” is not an http or https link"),
        );
    } else if approved
        && (host.as_deref().is_some_and(placeholder_host)
            || url.contains("TODO")
            || url.trim_end_matches('/').ends_with('#'))
    {
        at.report(
            sink,
            "closing.placeholder-link",
            format!("“{url}” is a placeholder; an approved release links to real pages"),
        );
    }
}

/// Where a link was found: a whole field, or a stretch of a text field.
enum LinkAt<'a, 'f> {
    Path(String),
    Text(&'a Field<'f>, std::ops::Range<usize>),
}

impl LinkAt<'_, '_> {
    fn report(self, sink: &mut Sink, id: &str, message: String) {
        match self {
            LinkAt::Path(p) => sink.whole(id, p, message, None),
            LinkAt::Text(f, r) => sink.at(id, f, r, message, None),
        }
    }
}

fn links(cx: &Cx, sink: &mut Sink) {
    if !sink.on("closing.link-scheme") && !sink.on("closing.placeholder-link") {
        return;
    }
    for (i, item) in cx.r.actions.items.iter().enumerate() {
        if let ActionItem::Link { url, .. } = item {
            check_link(
                cx,
                sink,
                url,
                LinkAt::Path(format!("actions.items[{i}].url")),
                true,
            );
        }
    }
    for f in cx.fields {
        // Markdown links: [label](url).
        let mut rest = 0;
        while let Some(open) = f.text[rest..].find("](") {
            let start = rest + open + 2;
            let Some(close) = f.text[start..].find(')') else {
                break;
            };
            let url = &f.text[start..start + close];
            let url = url.split_whitespace().next().unwrap_or("");
            check_link(
                cx,
                sink,
                url,
                LinkAt::Text(f, start..start + url.len()),
                true,
            );
            rest = start + close;
        }
    }
}
