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

fn del_into(out: &mut String, s: &str, color: bool) {
    let (open, close) = if color { (RED, RESET) } else { ("[-", "-]") };
    out.push_str(open);
    out.push_str(&escape(s));
    out.push_str(close);
}

fn ins_into(out: &mut String, s: &str, color: bool) {
    let (open, close) = if color { (GREEN, RESET) } else { ("{+", "+}") };
    out.push_str(open);
    out.push_str(&escape(s));
    out.push_str(close);
}

/// Word ops as one line of redline text.
pub fn ops_text(d: &WordDiff, color: bool) -> String {
    let mut s = String::new();
    ops_into(&mut s, d, color);
    s
}

fn ops_into(s: &mut String, d: &WordDiff, color: bool) {
    for o in &d.ops {
        if o.hidden {
            s.push_str(&escape(&o.new));
            continue;
        }
        match o.kind {
            OpKind::Equal => s.push_str(&escape(&o.old)),
            OpKind::Delete => del_into(s, &o.old, color),
            OpKind::Insert => ins_into(s, &o.new, color),
            OpKind::Replace => {
                del_into(s, &o.old, color);
                ins_into(s, &o.new, color);
            }
        }
    }
}

/// Appends every line of `s` indented by four spaces (lines as [`str::lines`]
/// gives them), each followed by a newline; an empty line when `s` has none.
fn indented_into(out: &mut String, s: &str) {
    let mut any = false;
    for l in s.lines() {
        out.push_str("    ");
        out.push_str(l);
        out.push('\n');
        any = true;
    }
    if !any {
        out.push('\n');
    }
}

/// The comparison as terminal text; `color` adds ANSI styles.
pub fn redline_text(c: &Comparison, color: bool) -> String {
    let mut out = String::new();
    if color {
        out.push_str(BOLD);
        out.push_str(&escape(&c.summary));
        out.push_str(RESET);
    } else {
        out.push_str(&escape(&c.summary));
    }
    out.push('\n');
    for l in c.labels.iter().filter(|l| !l.hidden) {
        out.push_str("  • ");
        out.push_str(&escape(&l.text));
        out.push('\n');
    }
    let head = |k: &FieldKey| matches!(k.group(), FieldGroup::Meta | FieldGroup::Head);
    let (before, after): (Vec<&FieldDiff>, Vec<&FieldDiff>) = c
        .fields
        .iter()
        .filter(|f| !f.bookkeeping)
        .partition(|f| head(&f.key));
    let mut body = String::new();
    fields_text(&mut out, &mut body, &before, color);
    blocks_text(&mut out, &mut body, c, color);
    fields_text(&mut out, &mut body, &after, color);
    out
}

/// Appends one changed entry: a blank line, its heading, then `body` indented.
fn section(out: &mut String, heading: std::fmt::Arguments<'_>, body: &str) {
    use std::fmt::Write as _;
    out.push('\n');
    let _ = out.write_fmt(heading);
    out.push('\n');
    indented_into(out, body);
}

fn fields_text(out: &mut String, body: &mut String, fields: &[&FieldDiff], color: bool) {
    for f in fields {
        body.clear();
        match (f.status, &f.diff) {
            (FieldStatus::Unchanged, _) => continue,
            (FieldStatus::Changed, Some(d)) if d.visible_changes == 0 => continue,
            (FieldStatus::Changed, Some(d)) => ops_into(body, d, color),
            (FieldStatus::Added, _) => ins_into(body, f.new.as_deref().unwrap_or(""), color),
            (FieldStatus::Removed, _) => del_into(body, f.old.as_deref().unwrap_or(""), color),
            _ => continue,
        }
        section(out, format_args!("{} ({}):", f.name, f.path), body);
    }
}

fn blocks_text(out: &mut String, body: &mut String, c: &Comparison, color: bool) {
    for e in &c.blocks {
        body.clear();
        let moved;
        let what = match e.status {
            BlockStatus::Unchanged => continue,
            BlockStatus::Changed => match &e.diff {
                Some(d) if d.visible_changes == 0 => continue,
                Some(d) => {
                    ops_into(body, d, color);
                    "edited"
                }
                None => {
                    body.push_str(&escape(e.new.as_deref().unwrap_or_default()));
                    "formatting changed"
                }
            },
            BlockStatus::Inserted => {
                ins_into(body, e.new.as_deref().unwrap_or(""), color);
                "added"
            }
            BlockStatus::Deleted => {
                del_into(body, e.old.as_deref().unwrap_or(""), color);
                "removed"
            }
            BlockStatus::Moved => {
                let from = e.old_index.map(|i| i + 1).unwrap_or(0);
                let to = e.new_index.map(|i| i + 1).unwrap_or(0);
                match &e.diff {
                    Some(d) => ops_into(body, d, color),
                    None => body.push_str(&escape(e.new.as_deref().unwrap_or_default())),
                }
                let edited = if e.edited { " and edited" } else { "" };
                moved = format!("moved here from block {from} to block {to}{edited}");
                &moved
            }
            BlockStatus::MovedAway => {
                let to = e.new_index.map(|i| i + 1).unwrap_or(0);
                out.push('\n');
                out.push_str(&format!(
                    "{}: moved away from here (now block {to})\n",
                    e.name
                ));
                continue;
            }
        };
        section(out, format_args!("{} ({what}):", e.name), body);
    }
}
