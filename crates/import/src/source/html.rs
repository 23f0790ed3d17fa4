//! HTML from a web page or pasted from Word, read with `scraper` (html5ever).
//!
//! Only visible text is read: scripts, styles, forms and embedded objects are
//! skipped outright (no script ever reaches a release). When the page has a
//! `main` or `article`, text outside it is page furniture: dropped and listed.
//! Word's `MsoListParagraph` paragraphs are list items, `MsoTitle` a heading.

use scraper::{ElementRef, Html, Node, Selector};

use super::{safe_url, BlockKind, Line, Link, Source, SrcBlock};

/// Elements whose content is never text of the release.
const SKIP: [&str; 16] = [
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "head", "form", "button", "select", "textarea", "input", "math",
];
/// Elements that hold page furniture when they are outside the article.
const FURNITURE: [&str; 3] = ["nav", "menu", "dialog"];
/// Elements that start and end a block.
const BLOCKS: [&str; 31] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
    "caption",
    "body",
];
/// Nesting depth beyond which an element's text is taken flat.
const MAX_DEPTH: usize = 200;

/// Finds where the text of the page is in the markup, to tell the input
/// lines of each block: the text's ASCII letters and digits are looked up,
/// in reading order, among the markup's letters and digits outside tags,
/// comments, scripts, styles and character references.
struct Locator {
    /// The letters and digits of the markup's text.
    skel: Vec<u8>,
    /// The input line (1-based) of each of them.
    line_of: Vec<usize>,
    /// Where the next text is looked for.
    cursor: usize,
    /// Letters and digits the lookups may still compare against, so that
    /// text that is not found (made of character references) cannot make
    /// the reading quadratic; past it, blocks have no input lines.
    budget: usize,
}

/// Letters and digits a text lookup needs to find its place.
const PROBE: usize = 24;

impl Locator {
    fn new(html: &str) -> Locator {
        let b = html.as_bytes();
        let (mut skel, mut line_of) = (Vec::new(), Vec::new());
        let (mut i, mut line) = (0, 1);
        while let Some(&c) = b.get(i) {
            let skip = match c {
                b'<' => markup_len(b.get(i..).unwrap_or(&[])),
                b'&' => reference_len(b.get(i..).unwrap_or(&[])),
                _ => 0,
            };
            if skip > 0 {
                let end = (i + skip).min(b.len());
                line += b
                    .get(i..end)
                    .map_or(0, |s| s.iter().filter(|c| **c == b'\n').count());
                i = end;
                continue;
            }
            if c == b'\n' {
                line += 1;
            } else if c.is_ascii_alphanumeric() {
                skel.push(c);
                line_of.push(line);
            }
            i += 1;
        }
        let budget = skel.len().saturating_mul(8).saturating_add(1 << 20);
        Locator {
            skel,
            line_of,
            cursor: 0,
            budget,
        }
    }

    /// The input lines where `text` starts and ends, looked for from the end
    /// of the text found last (then from the top).
    fn locate(&mut self, text: &str) -> Option<(usize, usize)> {
        let key: Vec<u8> = text.bytes().filter(u8::is_ascii_alphanumeric).collect();
        let probe = key.get(..key.len().min(PROBE))?;
        if probe.is_empty() {
            return None;
        }
        let mut budget = self.budget;
        let mut find = |from: usize| {
            let hay = self.skel.get(from..)?;
            let found = hay
                .windows(probe.len())
                .take(budget)
                .position(|w| w == probe);
            budget = budget.saturating_sub(found.map_or(hay.len(), |p| p + 1));
            found.map(|p| p + from)
        };
        let at = find(self.cursor).or_else(|| find(0));
        self.budget = budget;
        let at = at?;
        let end = (at + key.len() - 1).min(self.skel.len().saturating_sub(1));
        self.cursor = end + 1;
        Some((*self.line_of.get(at)?, *self.line_of.get(end)?))
    }
}

/// The length of the tag, comment, script or style starting `b` (at a `<`);
/// 0 when the `<` is text.
fn markup_len(b: &[u8]) -> usize {
    let lower = |n: usize| {
        b.get(..n)
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default()
    };
    let find = |from: usize, pat: &[u8]| {
        b.get(from..)?
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map(|p| p + from)
    };
    if b.starts_with(b"<!--") {
        return find(4, b"-->").map_or(b.len(), |e| e + 3);
    }
    for (open, close) in [(&b"<script"[..], &b"</script"[..]), (b"<style", b"</style")] {
        if lower(open.len()) == open {
            return match find(open.len(), close) {
                Some(e) => find(e, b">").map_or(b.len(), |g| g + 1),
                None => b.len(),
            };
        }
    }
    if !b
        .get(1)
        .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?'))
    {
        return 0;
    }
    let mut quote = None;
    for (k, c) in b.iter().enumerate().skip(1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(*c),
            (Some(q), _) if *c == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    b.len()
}

/// The length of the character reference starting `b` (at a `&`), as in
/// `&amp;` or `&#233;`; 0 when the `&` is text.
fn reference_len(b: &[u8]) -> usize {
    let name = b
        .iter()
        .skip(1)
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    if name > 0 && b.get(name + 1) == Some(&b';') {
        name + 2
    } else {
        0
    }
}

struct Reader {
    out: Source,
    kind: BlockKind,
    lines: Vec<(String, String)>,
    line: Line,
    wrapped: bool,
    pre: usize,
    loc: Locator,
    /// The input lines of the line being read, as far as found.
    span: Option<(usize, usize)>,
    /// The input lines of each line in `lines`.
    spans: Vec<Option<(usize, usize)>>,
    /// Press-contact boxes outside the article, read after it, by their
    /// text (a box repeated on the page is read once).
    boxes: Vec<String>,
}

impl Reader {
    fn end_line(&mut self) {
        let l = std::mem::take(&mut self.line);
        let span = self.span.take();
        if !l.is_blank() {
            self.lines.push((l.plain, l.rich));
            self.spans.push(span);
        }
    }

    fn flush(&mut self) {
        self.end_line();
        let lines = std::mem::take(&mut self.lines);
        let spans = std::mem::take(&mut self.spans);
        if !lines.is_empty() {
            self.out
                .blocks
                .push(SrcBlock::new_rich(self.kind, lines, self.wrapped).with_spans(spans));
        }
        self.kind = BlockKind::Para;
        self.wrapped = true;
    }

    /// Notes where `t`, about to be read, is in the markup.
    fn locate(&mut self, t: &str) {
        if let Some((first, last)) = self.loc.locate(t) {
            self.span = Some(match self.span {
                Some((f, l)) => (f.min(first), l.max(last)),
                None => (first, last),
            });
        }
    }

    fn text(&mut self, t: &str) {
        if self.pre > 0 {
            let span = self.span;
            let mut first = true;
            for part in t.split('\n') {
                if !first {
                    self.end_line();
                    self.span = span;
                }
                first = false;
                self.line.text(part);
            }
            self.wrapped = false;
            return;
        }
        let mut buf = [0u8; 4];
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                if !self.line.plain.is_empty() && !self.line.plain.ends_with(' ') {
                    self.line.text(" ");
                }
            } else {
                self.line.text(c.encode_utf8(&mut buf));
            }
        }
    }

    /// A pull quote: a `<blockquote>` whose words carry no quotation marks,
    /// with the speaker's name and title in short paragraphs of their own
    /// under them. The markup is what says the words are quoted, so they are
    /// read as a quote in marks, then the speaker as its signature
    /// (`— Name, Title`). `false` (nothing read) for any other blockquote.
    fn pull_quote(&mut self, el: ElementRef<'_>) -> bool {
        let parts: Vec<String> = el
            .children()
            .filter_map(ElementRef::wrap)
            .map(|c| collapse(&c.text().collect::<Vec<_>>().join(" ")))
            .filter(|t| !t.is_empty())
            .collect();
        let short = |t: &str| {
            (1..=8).contains(&t.split_whitespace().count()) && !t.ends_with(['.', '!', '?', ':'])
        };
        let Some(split) = parts.iter().position(|t| short(t)) else {
            return false;
        };
        let (words, signature) = parts.split_at(split);
        let marks = ['“', '”', '"', '«', '»', '—', '–'];
        let quoted_ok = !words.is_empty()
            && words
                .iter()
                .all(|t| t.split_whitespace().count() >= 6 && !t.starts_with(marks));
        let signed = (1..=2).contains(&signature.len())
            && signature.iter().all(|t| short(t))
            && crate::quote::name_ok(&signature[0])
            && signature[0].contains(' ');
        if !quoted_ok || !signed {
            return false;
        }
        self.flush();
        let last = words.len() - 1;
        for (k, t) in words.iter().enumerate() {
            self.locate(t);
            let open = if k == 0 { "“" } else { "" };
            let close = if k == last { "”" } else { "" };
            self.text(&format!("{open}{t}{close}"));
            self.flush();
        }
        for t in signature {
            self.locate(t);
        }
        self.text(&format!("— {}", signature.join(", ")));
        self.flush();
        true
    }

    fn walk(&mut self, el: ElementRef<'_>, depth: usize, root: Option<ElementRef<'_>>) {
        let name = el.value().name();
        if SKIP.contains(&name) {
            return;
        }
        if let Some(root) = root {
            let inside = el.id() == root.id() || root.ancestors().any(|a| a.id() == el.id());
            let within = el.ancestors().any(|a| a.id() == root.id());
            if !inside && !within {
                let text = collapse(&el.text().collect::<Vec<_>>().join(" "));
                // A press-contact box beside the article: read after it (once).
                if press_box(el) && !self.boxes.contains(&text) {
                    self.boxes.push(text);
                    return;
                }
                if !text.is_empty() {
                    self.out
                        .dropped
                        .push((text, "page furniture outside the article"));
                }
                return;
            }
        }
        if FURNITURE.contains(&name) {
            let text = collapse(&el.text().collect::<Vec<_>>().join(" "));
            if !text.is_empty() {
                self.out.dropped.push((text, "navigation"));
            }
            return;
        }
        if name == "blockquote" && self.pull_quote(el) {
            return;
        }
        // A cell of several lines (`<br>`, paragraphs) is a block of its own;
        // a one-line cell stays on its row's line.
        let multi_line_cell = matches!(name, "td" | "th")
            && el.descendants().any(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "br" | "p" | "div" | "li"))
            });
        let block = BLOCKS.contains(&name) || multi_line_cell;
        if block {
            self.flush();
            let class = el.value().attr("class").unwrap_or("").to_ascii_lowercase();
            self.kind = match name {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    BlockKind::Heading(name[1..].parse().unwrap_or(2))
                }
                "li" => BlockKind::ListItem,
                "hr" => BlockKind::Rule,
                _ if class.contains("msolistparagraph") => BlockKind::ListItem,
                _ if class.contains("msotitle") => BlockKind::Heading(1),
                _ if class.contains("msosubtitle") => BlockKind::Heading(2),
                _ => BlockKind::Para,
            };
        }
        // Table cells stay on their row's line, separated by ` | `.
        if matches!(name, "td" | "th") && !multi_line_cell && !self.line.is_blank() {
            self.line.text(" | ");
        }
        if name == "br" {
            self.wrapped = false;
            self.end_line();
            return;
        }
        if name == "pre" {
            self.pre += 1;
        }
        let link_start = self.line.plain.len();
        let rich_start = self.line.rich.len();
        let link_block = self.out.blocks.len();
        let lines_before = self.lines.len();
        let emphasis = match name {
            "em" | "i" => "*",
            "strong" | "b" => "**",
            _ => "",
        };
        self.line.markup(emphasis);
        // `<q>…</q>`: the browser prints the quotation marks; so do we.
        if name == "q" {
            self.text("“");
        }
        if depth > MAX_DEPTH {
            let flat: String = el.text().collect();
            self.text(&flat);
        } else {
            for child in el.children() {
                match child.value() {
                    Node::Text(t) => {
                        self.locate(t);
                        self.text(t);
                    }
                    Node::Element(_) => {
                        if let Some(c) = ElementRef::wrap(child) {
                            self.walk(c, depth + 1, root);
                        }
                    }
                    _ => {}
                }
            }
        }
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        if name == "q" {
            self.text("”");
        }
        self.line.markup(emphasis);
        let same_line = self.out.blocks.len() == link_block && self.lines.len() == lines_before;
        if name == "a" && same_line {
            let label = self
                .line
                .plain
                .get(link_start..)
                .unwrap_or("")
                .trim()
                .to_string();
            if let Some(href) = el.value().attr("href").filter(|h| safe_url(h)) {
                if !label.is_empty() {
                    if self.line.rich.is_char_boundary(rich_start) {
                        self.line.rich.insert(rich_start, '[');
                        self.line.markup(&format!("]({})", href.trim()));
                    }
                    self.out.links.push(Link {
                        label,
                        url: href.trim().to_string(),
                    });
                }
            }
        }
        if block {
            self.flush();
        }
    }
}

/// An element outside the article that holds the press contacts: a heading
/// naming them (`Contact presse`, `Media contacts`) and an email address.
fn press_box(el: ElementRef<'_>) -> bool {
    let Ok(headings) = Selector::parse("h2, h3, h4, h5, h6, strong") else {
        return false;
    };
    el.select(&headings).any(|h| {
        let t = collapse(&h.text().collect::<String>());
        matches!(
            crate::tail::section(&t),
            Some((crate::tail::Section::Contacts, None))
        )
    }) && el.text().any(|t| t.contains('@'))
        && el
            .text()
            .map(|t| t.split_whitespace().count())
            .sum::<usize>()
            <= 120
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let sel = Selector::parse(css).ok()?;
    doc.select(&sel).next()
}

/// Nesting (unclosed elements) beyond which the HTML parser would slow to a
/// crawl; such input is read by [`strip_tags`] instead.
const MAX_NESTING: usize = 400;

/// The deepest nesting of elements, counted cheaply from the tags.
fn nesting(text: &str) -> usize {
    const VOID: [&str; 16] = [
        "br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base", "source",
        "track", "embed", "param", "o:p", "!",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    for tag in text.split('<').skip(1) {
        let name: String = tag
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect::<String>()
            .to_ascii_lowercase();
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if !name.is_empty()
            && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && !VOID.contains(&name.as_str())
            && !tag.split('>').next().unwrap_or("").ends_with('/')
        {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Degenerate HTML as text: scripts and styles removed, tags dropped, blocks
/// at block-level tags.
fn strip_tags(text: &str) -> Source {
    let mut out = String::with_capacity(text.len());
    let lower = text.to_ascii_lowercase();
    let mut i = 0;
    while let Some(off) = lower.get(i..).and_then(|s| s.find('<')) {
        let start = i + off;
        out.push_str(text.get(i..start).unwrap_or(""));
        let rest = lower.get(start..).unwrap_or("");
        let skip_to = ["script", "style"].iter().find_map(|t| {
            rest.starts_with(&format!("<{t}")).then(|| {
                rest.find(&format!("</{t}"))
                    .map_or(lower.len(), |e| start + e + 2 + t.len())
            })
        });
        let end = match skip_to {
            Some(e) => e,
            None => start + rest.find('>').map_or(rest.len(), |e| e + 1),
        };
        let tag = rest.get(1..).unwrap_or("").trim_start_matches('/');
        if ["p", "div", "br", "h1", "h2", "h3", "li", "tr", "td"]
            .iter()
            .any(|t| tag.starts_with(t))
        {
            out.push_str("\n\n");
        }
        i = end.max(start + 1);
    }
    out.push_str(text.get(i..).unwrap_or(""));
    let mut src = super::text::read(&out);
    // Lines of the stripped text are not lines of the input.
    for b in &mut src.blocks {
        b.first_line = None;
    }
    src.dropped.push((
        "deeply nested markup".to_string(),
        "HTML too deeply nested, read as text",
    ));
    src
}

/// Reads HTML (a whole page or a fragment).
pub fn read(text: &str) -> Source {
    if nesting(text) > MAX_NESTING {
        return strip_tags(text);
    }
    let doc = Html::parse_document(text);
    let mut r = Reader {
        out: Source::default(),
        kind: BlockKind::Para,
        lines: Vec::new(),
        line: Line::default(),
        wrapped: true,
        pre: 0,
        loc: Locator::new(text),
        span: None,
        spans: Vec::new(),
        boxes: Vec::new(),
    };
    let root = first(&doc, "main")
        .or_else(|| first(&doc, "[role=main]"))
        .or_else(|| first(&doc, "article"));
    if let Some(root) = root {
        // A page may put its h1 outside the article: take it as the first block.
        let h1_inside =
            first(&doc, "h1").is_some_and(|h| h.ancestors().any(|a| a.id() == root.id()));
        if let Some(h1) = first(&doc, "h1").filter(|_| !h1_inside) {
            r.kind = BlockKind::Heading(1);
            let t = h1.text().collect::<String>();
            r.locate(&t);
            r.text(&t);
            r.flush();
        }
    }
    let body = first(&doc, "body").unwrap_or_else(|| doc.root_element());
    let h1_outside = root.is_some_and(|root| {
        first(&doc, "h1").is_some_and(|h| !h.ancestors().any(|a| a.id() == root.id()))
    });
    r.walk(body, 0, root);
    r.flush();
    for text in std::mem::take(&mut r.boxes) {
        let el = body
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| press_box(*e) && collapse(&e.text().collect::<Vec<_>>().join(" ")) == text);
        if let Some(el) = el {
            r.walk(el, 1, None);
            r.flush();
        }
    }
    if h1_outside {
        // The h1 was read first; drop its second reading from the furniture list.
        if let Some(h1) = first(&doc, "h1") {
            let t = collapse(&h1.text().collect::<String>());
            for d in r.out.dropped.iter_mut() {
                if d.0.contains(&t) {
                    d.0 = d.0.replacen(&t, "", 1).trim().to_string();
                }
            }
            r.out.dropped.retain(|d| !d.0.is_empty());
        }
    }
    r.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_visible_text_only() {
        let s = read(
            "<html><head><title>T</title><script>alert(1)</script></head><body>\
             <nav>Home | News</nav><h1>Head&nbsp;line</h1><p>One <b>two</b><br>three</p>\
             <p onclick=\"x()\">Four <a href=\"javascript:evil()\">bad</a> <a href=\"https://ok.org\">good</a></p>\
             <script>document.write('x')</script><ul><li>a</li><li>b</li></ul></body></html>",
        );
        let texts: Vec<String> = s.blocks.iter().map(|b| b.lines.join("|")).collect();
        assert_eq!(
            texts,
            ["Head\u{a0}line", "One two|three", "Four bad good", "a", "b"]
        );
        assert_eq!(s.links.len(), 1);
        assert_eq!(s.dropped[0].0, "Home | News");
        assert!(!texts.concat().contains("alert"));
    }

    #[test]
    fn article_root_drops_furniture() {
        let s = read("<body><header>Site name</header><h1>Title</h1><article><p>Body text.</p></article><footer>Copyright</footer></body>");
        let texts: Vec<String> = s.blocks.iter().map(|b| b.joined()).collect();
        assert_eq!(texts, ["Title", "Body text."]);
        let dropped: Vec<&str> = s.dropped.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(dropped, ["Site name", "Copyright"]);
    }

    #[test]
    fn blocks_know_their_input_lines() {
        let html = "<html>\n<head><title>Page title</title>\n<style>p { color: red }</style></head>\n<body>\n<h1>Acme opens\n  a plant</h1>\n<!-- a comment with Acme opens a plant -->\n<p class=\"lead\">GENEVA (14 May 2026) &ndash;\nAcme opened a plant <b>today</b>.</p>\n<p>Tom &amp; Jerry said it was &#233;asy.</p>\n<ul>\n<li>One</li>\n<li>Two<br>\nthree</li>\n</ul>\n</body>\n</html>";
        let s = read(html);
        let got: Vec<(String, Option<(usize, usize)>)> = s
            .blocks
            .iter()
            .map(|b| (b.joined(), b.line_range()))
            .collect();
        assert_eq!(
            got,
            [
                ("Acme opens a plant".to_string(), Some((5, 6))),
                (
                    "GENEVA (14 May 2026) – Acme opened a plant today.".to_string(),
                    Some((8, 9))
                ),
                ("Tom & Jerry said it was éasy.".to_string(), Some((10, 10))),
                ("One".to_string(), Some((12, 12))),
                ("Two three".to_string(), Some((13, 14))),
            ]
        );
        // Text made of character references is not found, and each miss
        // spends the lookup budget, which bounds the work.
        let mut loc = Locator::new("<p>Plain words here</p>\n<p>&#65;&#66;</p>");
        let before = loc.budget;
        assert_eq!(loc.locate("AB"), None);
        assert!(loc.budget < before);
        loc.budget = 0;
        assert_eq!(loc.locate("Plain words"), None);
        // A block's lines keep their own spans when the block is cut up.
        assert_eq!(s.blocks[4].slice(1..2).line_range(), Some((14, 14)));
        assert_eq!(s.blocks[4].first_line, Some(13));
    }

    #[test]
    fn a_press_contact_box_beside_the_article_is_read_once_after_it() {
        let box_html = "<aside><h3>Press room</h3><h4>Press contact</h4><p>+33 1 55 50 10 00</p><p>presse@org.example</p></aside>";
        let s = read(&format!(
            "<body><nav>Home</nav>{box_html}<main><h1>Title</h1><p>Body text.</p></main>{box_html}<aside><h4>Follow us</h4><p>Newsletter</p></aside></body>"
        ));
        let texts: Vec<String> = s.blocks.iter().map(|b| b.joined()).collect();
        assert_eq!(
            texts,
            [
                "Title",
                "Body text.",
                "Press room",
                "Press contact",
                "+33 1 55 50 10 00",
                "presse@org.example"
            ]
        );
        assert!(s.dropped.iter().any(|d| d.0.contains("Follow us")));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(50_000) + "deep<script>x()</script>" + &"</div>".repeat(50_000);
        let s = read(&html);
        assert!(s.blocks.iter().any(|b| b.joined().contains("deep")));
        assert!(!s.blocks.iter().any(|b| b.joined().contains("x()")));
        assert_eq!(nesting("<p>a<br>b</p><div><span>x</span></div>"), 2);
    }
}
