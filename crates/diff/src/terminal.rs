//! The terminal redline: the summary, the labels, then every changed field
//! and block with its word changes, `[-deleted-]{+inserted+}` like
//! `git diff --word-diff`, or in colour (struck red, underlined green) when the
//! caller knows it writes to a terminal. Compared text is escaped
//! ([`dateline_core::terminal::escape`]) so that it never drives the terminal.

use dateline_core::terminal::escape;

use crate::model::{
    BlockStatus, Comparison, FieldDiff, FieldGroup, FieldKey, FieldStatus, OpKind, WordDiff,
};

const RED: &str = "\x1b[31;9m";
const GREEN: &str = "\x1b[32;4m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

fn del(s: &str, color: bool) -> String {
    let s = escape(s);
    if color {
        format!("{RED}{s}{RESET}")
    } else {
        format!("[-{s}-]")
    }
}

fn ins(s: &str, color: bool) -> String {
    let s = escape(s);
    if color {
        format!("{GREEN}{s}{RESET}")
    } else {
        format!("{{+{s}+}}")
    }
}

/// Word ops as one line of redline text.
pub fn ops_text(d: &WordDiff, color: bool) -> String {
    let mut s = String::new();
    for o in &d.ops {
        if o.hidden {
            s.push_str(&escape(&o.new));
            continue;
        }
        match o.kind {
            OpKind::Equal => s.push_str(&escape(&o.old)),
            OpKind::Delete => s.push_str(&del(&o.old, color)),
            OpKind::Insert => s.push_str(&ins(&o.new, color)),
            OpKind::Replace => {
                s.push_str(&del(&o.old, color));
                s.push_str(&ins(&o.new, color));
            }
        }
    }
    s
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The comparison as terminal text; `color` adds ANSI styles.
pub fn redline_text(c: &Comparison, color: bool) -> String {
    let mut out = Vec::new();
    let head = if color {
        format!("{BOLD}{}{RESET}", escape(&c.summary))
    } else {
        escape(&c.summary).into_owned()
    };
    out.push(head);
    for l in c.labels.iter().filter(|l| !l.hidden) {
        out.push(format!("  • {}", escape(&l.text)));
    }
    let head = |k: &FieldKey| matches!(k.group(), FieldGroup::Meta | FieldGroup::Head);
    let (before, after): (Vec<&FieldDiff>, Vec<&FieldDiff>) = c
        .fields
        .iter()
        .filter(|f| !f.bookkeeping)
        .partition(|f| head(&f.key));
    fields_text(&mut out, &before, color);
    blocks_text(&mut out, c, color);
    fields_text(&mut out, &after, color);
    out.join("\n") + "\n"
}

fn fields_text(out: &mut Vec<String>, fields: &[&FieldDiff], color: bool) {
    for f in fields {
        let body = match (f.status, &f.diff) {
            (FieldStatus::Unchanged, _) => continue,
            (FieldStatus::Changed, Some(d)) if d.visible_changes == 0 => continue,
            (FieldStatus::Changed, Some(d)) => ops_text(d, color),
            (FieldStatus::Added, _) => ins(f.new.as_deref().unwrap_or(""), color),
            (FieldStatus::Removed, _) => del(f.old.as_deref().unwrap_or(""), color),
            _ => continue,
        };
        out.push(String::new());
        out.push(format!("{} ({}):", f.name, f.path));
        out.push(indent(&body));
    }
}

fn blocks_text(out: &mut Vec<String>, c: &Comparison, color: bool) {
    for e in &c.blocks {
        let (what, body) = match e.status {
            BlockStatus::Unchanged => continue,
            BlockStatus::Changed => match &e.diff {
                Some(d) if d.visible_changes == 0 => continue,
                Some(d) => ("edited".to_string(), ops_text(d, color)),
                None => (
                    "formatting changed".to_string(),
                    escape(e.new.as_deref().unwrap_or_default()).into_owned(),
                ),
            },
            BlockStatus::Inserted => (
                "added".to_string(),
                ins(e.new.as_deref().unwrap_or(""), color),
            ),
            BlockStatus::Deleted => (
                "removed".to_string(),
                del(e.old.as_deref().unwrap_or(""), color),
            ),
            BlockStatus::Moved => {
                let from = e.old_index.map(|i| i + 1).unwrap_or(0);
                let to = e.new_index.map(|i| i + 1).unwrap_or(0);
                let body = match &e.diff {
                    Some(d) => ops_text(d, color),
                    None => escape(e.new.as_deref().unwrap_or_default()).into_owned(),
                };
                let edited = if e.edited { " and edited" } else { "" };
                (
                    format!("moved here from block {from} to block {to}{edited}"),
                    body,
                )
            }
            BlockStatus::MovedAway => {
                let to = e.new_index.map(|i| i + 1).unwrap_or(0);
                out.push(String::new());
                out.push(format!("{}: moved away from here (now block {to})", e.name));
                continue;
            }
        };
        out.push(String::new());
        out.push(format!("{} ({what}):", e.name));
        out.push(indent(&body));
    }
}
