//! The redline export: a standalone HTML document for legal or the expert.
//!
//! The change summary comes first, then the release as B prints it with
//! insertions underlined and deletions struck through (readable on a black and
//! white printout), moved blocks marked at both ends and linked to each other.
//! The body is passed through the export sanitizer; the page shell, with its
//! inline stylesheet and no script, is fixed here.
//!
//! A screen reader hears what the eye sees: each deletion and insertion is
//! announced ("[deleted: urges] [inserted: calls for]") by visually hidden text,
//! so the two words never run together; the field groups (Footnotes, People,
//! Actions…) are headings; and the interface's English words are marked
//! `lang="en"` so that inside a French release they are not read with French
//! pronunciation. The document's own language is the release's.

use dateline_core::Release;
use dateline_export::sanitize::sanitize_fragment;

use crate::model::{
    BlockDiff, BlockStatus, Comparison, FieldDiff, FieldGroup, FieldKey, FieldStatus, OpKind,
    WordDiff, WordOp,
};

const STYLE: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}\
header.summary{border:1px solid #444;padding:.5em 1em;margin-bottom:2em}\
header.summary h1{font-size:1.2em;margin:.2em 0}\
.summary-line{font-weight:bold}\
ins{text-decoration:underline;text-decoration-thickness:2px;background:#e3f6e3;color:#063}\
del{text-decoration:line-through;background:#fbe3e3;color:#800}\
mark{background:none;color:inherit;font-weight:bold;border-bottom:1px dotted #000}\
.moved,.moved-away{border-left:4px double #333;padding-left:.8em;margin-left:-1em}\
.moved-away{border-left-style:dashed}\
.moved-away del{text-decoration-style:double}\
.move-note{font-family:sans-serif;font-size:.8em;font-style:italic;margin:0}\
.trivial{outline:1px dotted #888}\
.field-label{font-family:sans-serif;font-size:.75em;font-weight:normal;color:#444;text-transform:uppercase;margin:1.5em 0 0}\
h2.headline{font-size:1.4em}\
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:pre}\
@media print{ins,del{background:none;color:#000}}";

/// Escapes text for HTML, turning line breaks into `<br>`.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        dateline_export::inline::escape_into(&mut out, line);
    }
    out
}

fn title_attr(o: &WordOp) -> &'static str {
    match o.trivial {
        Some(crate::model::Trivial::Whitespace) => " class=\"trivial\" title=\"whitespace only\"",
        Some(crate::model::Trivial::QuoteStyle) => {
            " class=\"trivial\" title=\"quotation marks only\""
        }
        None => "",
    }
}

/// Old (or new) side of a replaced word with the changed characters marked.
fn char_side(o: &WordOp, keep: OpKind) -> Option<String> {
    let chars = o.chars.as_ref()?;
    let mut s = String::new();
    for c in chars {
        if c.kind == OpKind::Equal {
            s.push_str(&esc(&c.text));
        } else if c.kind == keep {
            s.push_str(&format!("<mark>{}</mark>", esc(&c.text)));
        }
    }
    Some(s)
}

/// What a screen reader says before a deletion (the text itself is struck through).
const DELETED: &str = "<span class=\"vh\" lang=\"en\"> [deleted: </span>";
/// What a screen reader says before an insertion (the text itself is underlined).
const INSERTED: &str = "<span class=\"vh\" lang=\"en\"> [inserted: </span>";
/// Closes a spoken deletion or insertion, so that what follows is a new word.
const END: &str = "<span class=\"vh\">] </span>";

/// `<del>` around `html`, announced as a deletion.
fn del(attrs: &str, html: &str) -> String {
    format!("<del{attrs}>{DELETED}{html}{END}</del>")
}

/// `<ins>` around `html`, announced as an insertion.
fn ins(attrs: &str, html: &str) -> String {
    format!("<ins{attrs}>{INSERTED}{html}{END}</ins>")
}

/// Interface text (English) inside a release that may be in another language.
fn en(html: &str) -> String {
    format!("<span lang=\"en\">{html}</span>")
}

/// The inline HTML of word ops.
pub fn ops_html(d: &WordDiff) -> String {
    let mut s = String::new();
    for o in &d.ops {
        if o.hidden {
            s.push_str(&esc(&o.new));
            continue;
        }
        let t = title_attr(o);
        match o.kind {
            OpKind::Equal => s.push_str(&esc(&o.old)),
            OpKind::Delete => s.push_str(&del(t, &esc(&o.old))),
            OpKind::Insert => s.push_str(&ins(t, &esc(&o.new))),
            OpKind::Replace => {
                let old = char_side(o, OpKind::Delete).unwrap_or_else(|| esc(&o.old));
                let new = char_side(o, OpKind::Insert).unwrap_or_else(|| esc(&o.new));
                s.push_str(&del(t, &old));
                s.push_str(&ins(t, &new));
            }
        }
    }
    s
}

/// A field's content: its diff, or its text whole, inserted or deleted.
fn field_html(f: &FieldDiff) -> String {
    match (f.status, &f.diff) {
        (FieldStatus::Changed, Some(d)) => ops_html(d),
        (FieldStatus::Added, _) => ins("", &esc(f.new.as_deref().unwrap_or(""))),
        (FieldStatus::Removed, _) => del("", &esc(f.old.as_deref().unwrap_or(""))),
        _ => esc(f.new.as_deref().or(f.old.as_deref()).unwrap_or("")),
    }
}

fn block_html(e: &BlockDiff, blocks: &[BlockDiff]) -> String {
    let text = |t: &Option<String>| esc(t.as_deref().unwrap_or(""));
    let partner_pos = |f: fn(&BlockDiff) -> Option<u32>| {
        e.partner
            .and_then(|p| blocks.get(p as usize))
            .and_then(f)
            .map(|i| i + 1)
            .unwrap_or(0)
    };
    match e.status {
        BlockStatus::Unchanged => format!("<p>{}</p>", text(&e.new)),
        BlockStatus::Changed => match &e.diff {
            Some(d) => format!("<p class=\"changed\">{}</p>", ops_html(d)),
            None => format!(
                "<p class=\"changed\" title=\"formatting changed\">{}</p>",
                text(&e.new)
            ),
        },
        BlockStatus::Inserted => format!("<p class=\"inserted\">{}</p>", ins("", &text(&e.new))),
        BlockStatus::Deleted => format!("<p class=\"deleted\">{}</p>", del("", &text(&e.old))),
        BlockStatus::Moved => {
            let body = match &e.diff {
                Some(d) => ops_html(d),
                None => text(&e.new),
            };
            let from = e.old_index.map(|i| i + 1).unwrap_or(0);
            format!(
                "<div class=\"moved\" id=\"moved-to-{n}\"><p class=\"move-note\" lang=\"en\">⇄ {name} moved here from block {from} \
                 (<a href=\"#moved-from-{n}\">see where it was</a>){edited}</p><p>{body}</p></div>",
                n = e.entry,
                name = esc(&e.name),
                edited = if e.edited { ", and edited" } else { "" },
            )
        }
        BlockStatus::MovedAway => {
            let to = partner_pos(|p| p.new_index);
            let partner = e.partner.unwrap_or(e.entry);
            format!(
                "<div class=\"moved-away\" id=\"moved-from-{partner}\"><p class=\"move-note\" lang=\"en\">⇄ {name} moved from here to block {to} \
                 (<a href=\"#moved-to-{partner}\">see where it went</a>)</p><p>{}</p></div>",
                del("", &text(&e.old)),
                name = esc(&e.name),
            )
        }
    }
}

/// The redline of `a` → `b` as a standalone HTML document (no script).
pub fn redline_html(a: &Release, b: &Release, c: &Comparison) -> String {
    let mut body = String::new();
    // The summary is interface text: English, whatever the release's language.
    body.push_str("<header class=\"summary\" lang=\"en\"><h1>Redline</h1>");
    body.push_str(&format!(
        "<p class=\"summary-line\">{}</p>",
        esc(&c.summary)
    ));
    if !c.labels.is_empty() {
        body.push_str("<ul class=\"labels\">");
        for l in c.labels.iter().filter(|l| !l.hidden) {
            body.push_str(&format!("<li>{}</li>", esc(&l.text)));
        }
        body.push_str("</ul>");
    }
    let from = if a.headline.trim() == b.headline.trim() {
        String::new()
    } else {
        format!(
            "Earlier headline: “<span lang=\"{}\">{}</span>”. ",
            dateline_export::page::lang_attr(a.meta.language.as_str()),
            esc(a.headline.trim())
        )
    };
    body.push_str(&format!(
        "<p class=\"legend\">{from}<ins>Inserted</ins> · <del>deleted</del> · ⇄ moved</p></header>"
    ));

    body.push_str("<main class=\"release\">");
    let field = |key: FieldKey| c.fields.iter().find(|f| f.key == key);
    let present = |f: &FieldDiff| f.old.is_some() || f.new.is_some();
    if let Some(f) = field(FieldKey::ReleaseLine).filter(|f| present(f)) {
        body.push_str(&format!(
            "<p class=\"release-line\"><strong>{}</strong></p>",
            field_html(f)
        ));
    }
    if let Some(f) = field(FieldKey::Headline) {
        body.push_str(&format!("<h2 class=\"headline\">{}</h2>", field_html(f)));
    }
    if let Some(f) = field(FieldKey::Subheadline).filter(|f| present(f)) {
        body.push_str(&format!(
            "<p class=\"subheadline\"><em>{}</em></p>",
            field_html(f)
        ));
    }
    if let Some(f) = field(FieldKey::Dateline).filter(|f| present(f)) {
        body.push_str(&format!(
            "<p class=\"dateline\"><strong>{}</strong></p>",
            field_html(f)
        ));
    }
    for e in &c.blocks {
        body.push_str(&block_html(e, &c.blocks));
    }
    if let Some(f) = field(FieldKey::EndMark).filter(|f| present(f)) {
        body.push_str(&format!("<p class=\"end-mark\">{}</p>", field_html(f)));
    }
    let groups = [
        (FieldGroup::Footnotes, "Footnotes"),
        (FieldGroup::People, "People"),
        (FieldGroup::Boilerplate, "Boilerplate"),
        (FieldGroup::Contacts, "Media contacts"),
        (FieldGroup::Actions, "Actions"),
    ];
    for (group, title) in groups {
        let items: Vec<&FieldDiff> = c
            .fields
            .iter()
            .filter(|f| f.key.group() == group && present(f))
            .collect();
        if items.is_empty() {
            continue;
        }
        body.push_str(&format!(
            "<section><h2 class=\"field-label\" lang=\"en\">{title}</h2>"
        ));
        for f in items {
            body.push_str(&format!("<p>{}</p>", field_html(f)));
        }
        body.push_str("</section>");
    }
    let meta: Vec<&FieldDiff> = c
        .fields
        .iter()
        .filter(|f| {
            f.key.group() == FieldGroup::Meta
                && !f.bookkeeping
                && f.status != FieldStatus::Unchanged
        })
        .collect();
    if !meta.is_empty() {
        body.push_str("<section><h2 class=\"field-label\" lang=\"en\">Metadata</h2><ul>");
        for f in meta {
            let name = en(&format!("{}:", esc(&f.name)));
            body.push_str(&format!("<li>{name} {}</li>", field_html(f)));
        }
        body.push_str("</ul></section>");
    }
    body.push_str("</main>");

    let title = format!("Redline: {}", esc(b.headline.trim()));
    dateline_export::page::shell(&dateline_export::page::Shell {
        lang: &b.meta.language,
        title: &title,
        css: STYLE,
        head: "",
        body_class: "redline",
        body: &sanitize_fragment(&body),
    })
}
