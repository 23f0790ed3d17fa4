//! The release as semantic HTML: the markup that the preview, the HTML and
//! print exports and the ninjs body all share.
//!
//! Structure is visible in the markup and to assistive technology: a
//! `<header>` landmark with the release line and `<h1>`, a `<main>` landmark
//! with the dateline as `<time>`, quotes as `<figure>`/`<blockquote>` with the
//! attributions in `<cite>` and the end mark, and a `<footer>` landmark with
//! the footnotes (linked both ways, each link named: "Footnote 1", "Back to
//! reference 1", in the release's language), boilerplate, contacts and the
//! actions as a named `<nav>`. Every piece of text goes through
//! [`crate::inline`]: escaped, in the form the [`crate::sanitize`] allow-list
//! leaves unchanged, with links only to http, https, mailto and the page's own
//! footnotes. The markup is safe as written; no sanitizer pass follows.

use dateline_core::dateline;
use dateline_core::model::{ActionItem, Block, Contact, Footnote, Person, Release};
use dateline_core::quote::{quote_pieces, QuotePiece};
use dateline_core::style::HouseStyle;
use dateline_core::text::{contacts_heading, footnote_lead, person_label, release_line};

use crate::inline::{attr_into, inline_html, safe_url, text_into, FootnoteRefs, LINK_REL};
use crate::labels::A11yLabels;

/// The parts of the article, each an HTML fragment.
pub(crate) struct Parts {
    /// `<header>…</header>`.
    pub header: String,
    /// `<section class="body">…</section>`: dateline, blocks and end mark
    /// (what goes into `<main>`).
    pub body: String,
    /// `<footer>…</footer>` (empty when the release has nothing after the end mark).
    pub footer: String,
}

/// Renders the article parts of `r`.
pub(crate) fn parts(r: &Release) -> Parts {
    let style = r.style.style();
    let labels = A11yLabels::new(&r.meta.language);
    let mut refs = FootnoteRefs::new(r.footnotes.iter().map(|f| f.marker.as_str()), labels);
    let header = header(r, &style);
    let body = body(r, &style, &mut refs);
    let footer = footer(r, &refs, labels);
    Parts {
        header,
        body,
        footer,
    }
}

/// The article without its header (headline and release line): the body of a
/// ninjs item, whose headlines travel separately.
pub fn body_fragment(r: &Release) -> String {
    let p = parts(r);
    format!("{}{}", p.body, p.footer)
}

/// The whole release as the inside of `<body>` (safe as written, see the
/// module's documentation): `<header>`, `<main>` and `<footer>` side by side in
/// one `<div class="release">`, so that all three are landmarks (inside an
/// `<article>` a header or footer is not) and no text lies outside one.
pub fn release_body(r: &Release) -> String {
    let p = parts(r);
    let mut out = String::with_capacity(p.header.len() + p.body.len() + p.footer.len() + 64);
    out.push_str("<div class=\"release\">\n");
    out.push_str(&p.header);
    out.push_str("<main>\n");
    out.push_str(&p.body);
    out.push_str("</main>\n");
    out.push_str(&p.footer);
    out.push_str("</div>\n");
    out
}

fn header(r: &Release, style: &HouseStyle) -> String {
    let lang = &r.meta.language;
    let mut out = String::from("<header>\n");
    if let Some(line) = release_line(&r.release_line, lang) {
        let class = match r.release_line {
            dateline_core::ReleaseLine::Embargoed { .. } => "release-line embargo",
            _ => "release-line",
        };
        out.push_str(&format!("<p class=\"{class}\">"));
        text_into(&mut out, &line);
        out.push_str("</p>\n");
    }
    out.push_str("<h1 class=\"headline\">");
    inline_html(&mut out, r.headline.trim(), None);
    if style.kind_after_headline {
        out.push_str(" <span class=\"genre\">(");
        text_into(&mut out, r.meta.kind.genre(&r.meta.language));
        out.push_str(")</span>");
    }
    out.push_str("</h1>\n");
    if let Some(sub) = r.subheadline.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push_str("<p class=\"subheadline\">");
        inline_html(&mut out, sub, None);
        out.push_str("</p>\n");
    }
    out.push_str("</header>\n");
    out
}

/// `<time class="dateline" datetime="2025-05-14">GENEVA (14 May 2025) –</time>`, or empty.
fn dateline_html(r: &Release) -> String {
    let Some(d) = &r.dateline else {
        return String::new();
    };
    let text = dateline::render(d, &r.meta.language);
    if text.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<time class=\"dateline\" datetime=\"{}\">",
        d.date.format("%Y-%m-%d")
    );
    text_into(&mut out, &text);
    out.push_str("</time>");
    out
}

fn body(r: &Release, style: &HouseStyle, refs: &mut FootnoteRefs) -> String {
    let lang = &r.meta.language;
    let marks = style.quote_marks(lang);
    let mut out = String::from("<section class=\"body\">\n");
    let mut dl = dateline_html(r);
    let own_line = r.dateline.as_ref().is_some_and(|d| d.style.own_line());
    let inline_ok = matches!(
        r.body.first(),
        Some(Block::Paragraph { .. } | Block::Quote(_))
    );
    if !dl.is_empty() && (own_line || !inline_ok) {
        out.push_str(&format!("<p class=\"dateline-line\">{dl}</p>\n"));
        dl.clear();
    }
    for (i, block) in r.body.iter().enumerate() {
        // The dateline opens the first paragraph (of a quote, too).
        let mut prefix = |out: &mut String| {
            if !dl.is_empty() {
                out.push_str(&dl);
                out.push(' ');
                dl.clear();
            }
        };
        match block {
            Block::Paragraph { text } => {
                out.push_str(if i == 0 { "<p class=\"lead\">" } else { "<p>" });
                prefix(&mut out);
                inline_html(&mut out, text, Some(refs));
                out.push_str("</p>\n");
            }
            Block::Heading { text } => {
                out.push_str("<h2>");
                inline_html(&mut out, text, Some(refs));
                out.push_str("</h2>\n");
            }
            Block::List { items } => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str("<li>");
                    inline_html(&mut out, item, Some(refs));
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Block::Quote(q) => {
                let speaker = r.people.iter().find(|p| p.id == q.speaker);
                out.push_str("<figure class=\"quote\">\n<blockquote");
                if let Some(p) = speaker {
                    out.push_str(" title=\"");
                    attr_into(&mut out, &person_label(p));
                    out.push('"');
                }
                out.push_str(">\n");
                for para in quote_pieces(q, &r.people, marks, lang) {
                    out.push_str("<p>");
                    prefix(&mut out);
                    pieces_html(&mut out, &para, refs);
                    out.push_str("</p>\n");
                }
                out.push_str("</blockquote>\n</figure>\n");
            }
        }
    }
    if !dl.is_empty() {
        out.push_str(&format!("<p class=\"dateline-line\">{dl}</p>\n"));
    }
    if let Some(mark) = r.end_mark.text() {
        out.push_str("<p class=\"end-mark\">");
        text_into(&mut out, mark);
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
    out
}

fn pieces_html(out: &mut String, pieces: &[QuotePiece], refs: &mut FootnoteRefs) {
    for piece in pieces {
        match piece {
            QuotePiece::Open(m) => {
                out.push_str("<span class=\"qm\">");
                text_into(out, m);
                out.push_str("</span>");
            }
            QuotePiece::Close(m) => {
                out.push_str("<span class=\"qm\">");
                text_into(out, m);
                out.push_str("</span>");
            }
            QuotePiece::Words(w) => inline_html(out, w, Some(refs)),
            QuotePiece::Attribution(a) => {
                out.push_str("<cite class=\"attribution\">");
                text_into(out, a);
                out.push_str("</cite>");
            }
            QuotePiece::Space => out.push(' '),
        }
    }
}

fn footer(r: &Release, refs: &FootnoteRefs, labels: A11yLabels) -> String {
    let lang = &r.meta.language;
    let mut out = String::new();
    if !r.footnotes.is_empty() {
        out.push_str("<section class=\"footnotes\" aria-label=\"");
        attr_into(&mut out, labels.footnotes());
        out.push_str("\">\n");
        for (i, f) in r.footnotes.iter().enumerate() {
            let n = i + 1;
            let back = refs.is_referenced(n).then(|| labels.back_to_reference(n));
            footnote_html(&mut out, f, n, back.as_deref(), &r.people);
        }
        out.push_str("</section>\n");
    }
    for b in &r.boilerplate {
        out.push_str("<section class=\"boilerplate\">\n<h2>");
        inline_html(&mut out, &b.title, None);
        out.push_str("</h2>\n");
        for p in &b.paragraphs {
            out.push_str("<p>");
            inline_html(&mut out, p, None);
            out.push_str("</p>\n");
        }
        out.push_str("</section>\n");
    }
    if !r.contacts.is_empty() {
        out.push_str("<section class=\"contacts\">\n<h2>");
        text_into(&mut out, contacts_heading(lang));
        out.push_str("</h2>\n<ul>\n");
        for c in &r.contacts {
            contact_html(&mut out, c);
        }
        out.push_str("</ul>\n</section>\n");
    }
    let title = r.actions.title.as_deref().filter(|t| !t.is_empty());
    if title.is_some() || !r.actions.items.is_empty() {
        // Every navigation landmark is named: by its title, or as "Links".
        out.push_str("<nav class=\"actions\" aria-label=\"");
        attr_into(&mut out, title.unwrap_or(labels.links()));
        out.push_str("\">\n");
        if let Some(t) = title {
            out.push_str("<h2>");
            text_into(&mut out, t);
            out.push_str("</h2>\n");
        }
        if !r.actions.items.is_empty() {
            out.push_str("<ul>\n");
            for item in &r.actions.items {
                match item {
                    ActionItem::Link { label, url } if safe_url(url) => {
                        out.push_str("<li class=\"action-link\"><a class=\"show-url\" href=\"");
                        attr_into(&mut out, url.trim());
                        out.push('"');
                        out.push_str(LINK_REL);
                        out.push('>');
                        text_into(&mut out, label);
                        out.push_str("</a><span class=\"url\"> (");
                        text_into(
                            &mut out,
                            url.trim().strip_prefix("mailto:").unwrap_or(url.trim()),
                        );
                        out.push_str(")</span></li>\n");
                    }
                    ActionItem::Link { label, .. } => {
                        out.push_str("<li class=\"action-link\">");
                        text_into(&mut out, label);
                        out.push_str("</li>\n");
                    }
                    ActionItem::Line { text } => {
                        out.push_str("<li class=\"action-line\">");
                        inline_html(&mut out, text, None);
                        out.push_str("</li>\n");
                    }
                }
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</nav>\n");
    }
    if out.is_empty() {
        return out;
    }
    format!("<footer>\n{out}</footer>\n")
}

/// Footnote `n`; its marker links back to the text when `back` (the link's name) is given.
fn footnote_html(out: &mut String, f: &Footnote, n: usize, back: Option<&str>, people: &[Person]) {
    out.push_str(&format!("<p class=\"footnote\" id=\"fn-{n}\">"));
    if let Some(name) = back {
        out.push_str(&format!(
            "<a class=\"backref\" href=\"#fnref-{n}\" aria-label=\""
        ));
        attr_into(out, name);
        out.push('"');
        out.push_str(LINK_REL);
        out.push('>');
        text_into(out, &f.marker);
        out.push_str("</a>");
    } else {
        text_into(out, &f.marker);
    }
    if let Some(lead) = footnote_lead(f, people) {
        text_into(out, &lead);
        if !f.text.trim().is_empty() {
            out.push(' ');
        }
    }
    inline_html(out, f.text.trim(), None);
    out.push_str("</p>\n");
}

fn contact_html(out: &mut String, c: &Contact) {
    out.push_str("<li class=\"contact\"><span class=\"contact-name\">");
    text_into(out, c.name.trim());
    out.push_str("</span>");
    for part in [&c.role, &c.organisation].into_iter().flatten() {
        if !part.trim().is_empty() {
            out.push_str(", ");
            text_into(out, part.trim());
        }
    }
    if let Some(e) = c.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        out.push_str("<br>");
        let url = format!("mailto:{e}");
        if safe_url(&url) {
            out.push_str("<a href=\"");
            attr_into(out, &url);
            out.push('"');
            out.push_str(LINK_REL);
            out.push('>');
            text_into(out, e);
            out.push_str("</a>");
        } else {
            text_into(out, e);
        }
    }
    if let Some(p) = c.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        out.push_str("<br><span class=\"phone\">");
        text_into(out, p);
        out.push_str("</span>");
    }
    out.push_str("</li>\n");
}
