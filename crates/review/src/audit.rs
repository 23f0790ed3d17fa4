//! The audit timeline of a release: every record (state changes, requests,
//! comments, suggestions, approvals, exports) and every saved revision, in
//! time order, exportable as CSV and JSON.

use chrono::{DateTime, Utc};
use dateline_store::{Record, RevisionInfo};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::entries::{ApprovalScope, Entry};
use crate::model::Verdict;

/// One event of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditEntry {
    /// When.
    #[ts(type = "string")]
    pub time: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// `revision`, or the record's kind (`comment`, `approval`, `export`…).
    pub kind: String,
    /// The revision concerned.
    pub revision: Option<u32>,
    /// One line saying what happened.
    pub summary: String,
    /// The record's id (empty for a revision).
    pub id: String,
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 80 {
        format!("{}…", one.chars().take(79).collect::<String>())
    } else {
        one
    }
}

fn summary(r: &Record, name: &dyn Fn(Option<u32>, &str) -> String) -> String {
    let e = match Entry::from_record(r) {
        Ok(Some(e)) => e,
        Ok(None) => return format!("{} (a record of a newer Dateline)", r.kind),
        Err(e) => return e.to_string(),
    };
    let note = |n: &Option<String>| {
        n.as_deref()
            .map(|n| format!(": {}", short(n)))
            .unwrap_or_default()
    };
    let verdict = |v: Verdict| match v {
        Verdict::Approve => "approved",
        Verdict::RequestChanges => "requested changes",
        Verdict::Comment => "commented",
    };
    match e {
        Entry::Roles { person, roles } => format!(
            "roles of {person}: {}",
            roles
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Entry::Profile(p) => format!("profile {}", p.name),
        Entry::Rules(_) => "review rules changed".into(),
        Entry::Transition {
            from,
            to,
            note: n,
            override_reason,
            ..
        } => match override_reason {
            Some(why) => format!(
                "{from} → {to}, gates overridden: {}{}",
                short(&why),
                note(&n)
            ),
            None => format!("{from} → {to}{}", note(&n)),
        },
        Entry::ReviewRequest {
            reviewers,
            role,
            due,
            note: n,
        } => {
            let mut who = reviewers.join(", ");
            if let Some(role) = role {
                if !who.is_empty() {
                    who.push_str(", ");
                }
                who.push_str(&format!("any {role}"));
            }
            let due = due.map(|d| format!(" by {d}")).unwrap_or_default();
            format!("review requested from {who}{due}{}", note(&n))
        }
        Entry::ReviewAnswer {
            verdict: v,
            note: n,
            ..
        } => format!("review answered: {}{}", verdict(v), note(&n)),
        Entry::Comment {
            anchor,
            text,
            reply_to,
        } => match reply_to {
            Some(_) => format!(
                "reply on {}: {}",
                name(r.revision, &anchor.field),
                short(&text)
            ),
            None => format!(
                "comment on {}: {}",
                name(r.revision, &anchor.field),
                short(&text)
            ),
        },
        Entry::CommentStatus { comment, resolved } => format!(
            "comment {} {}",
            &comment[..comment.len().min(13)],
            if resolved { "resolved" } else { "reopened" }
        ),
        Entry::Suggestion { field, new, .. } => {
            format!(
                "suggestion on {}: {}",
                name(r.revision, &field),
                short(&new)
            )
        }
        Entry::SuggestionDecision {
            suggestion,
            accepted,
            note: n,
            revision,
        } => {
            let what = if accepted { "accepted" } else { "rejected" };
            let rev = revision
                .map(|n| format!(" as revision {n}"))
                .unwrap_or_default();
            format!(
                "suggestion {} {what}{rev}{}",
                &suggestion[..suggestion.len().min(13)],
                note(&n)
            )
        }
        Entry::Approval {
            scope,
            verdict: v,
            by,
            via,
            note: n,
        } => {
            let what = match scope {
                ApprovalScope::Release { role } => format!("the release as {role}"),
                ApprovalScope::Quote { block, .. } => name(r.revision, &format!("body[{block}]")),
            };
            let how = match via {
                crate::model::Via::App => String::new(),
                crate::model::Via::Email => " (by email)".into(),
                crate::model::Via::Phone => " (by phone)".into(),
            };
            format!("{by} {} {what}{how}{}", verdict(v), note(&n))
        }
        Entry::Export { format, file } => match file {
            Some(f) => format!("exported as {format} to {f}"),
            None => format!("exported as {format}"),
        },
    }
}

/// The timeline of a release from its records and its history (any order).
///
/// `name(revision, path)` says how a field path of that revision reads
/// ("quote 2"); the paths are shown as they are without it.
pub fn timeline(
    records: &[Record],
    log: &[RevisionInfo],
    name: &dyn Fn(Option<u32>, &str) -> String,
) -> Vec<AuditEntry> {
    let mut out: Vec<AuditEntry> = records
        .iter()
        .map(|r| AuditEntry {
            time: r.created,
            actor: r.author.clone(),
            kind: r.kind.clone(),
            revision: r.revision,
            summary: summary(r, name),
            id: r.id.clone(),
        })
        .collect();
    out.extend(log.iter().map(|v| AuditEntry {
        time: v.created,
        actor: v.author.clone(),
        kind: "revision".into(),
        revision: Some(v.number),
        summary: match (&v.message, v.restored_from) {
            (_, Some(from)) => format!("revision {} restored from revision {from}", v.number),
            (Some(m), None) => format!("revision {} saved: {}", v.number, short(m)),
            (None, None) => format!("revision {} saved", v.number),
        },
        id: String::new(),
    }));
    out.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The timeline as CSV (RFC 4180, a header line; cells that a spreadsheet
/// would run as a formula are prefixed with `'`).
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let cell = |s: &str| {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    };
    let mut out = String::from("time,actor,kind,revision,summary,id\r\n");
    for e in entries {
        let row = [
            e.time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            cell(&e.actor),
            cell(&e.kind),
            e.revision.map(|n| n.to_string()).unwrap_or_default(),
            cell(&e.summary),
            cell(&e.id),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The timeline as pretty JSON (an array of [`AuditEntry`]).
pub fn to_json(entries: &[AuditEntry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_cells_and_defuses_formulas() {
        let e = AuditEntry {
            time: DateTime::from_timestamp(0, 0).expect("time"),
            actor: "=cmd()".into(),
            kind: "comment".into(),
            revision: Some(2),
            summary: "comment on headline: \"too long\", say".into(),
            id: "x".into(),
        };
        let csv = to_csv(&[e]);
        let line = csv.lines().nth(1).expect("row");
        assert_eq!(
            line,
            "1970-01-01T00:00:00.000000Z,'=cmd(),comment,2,\"comment on headline: \"\"too long\"\", say\",x"
        );
    }
}
