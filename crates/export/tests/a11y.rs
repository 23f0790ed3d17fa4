//! What assistive technology needs from the HTML and print exports, pinned in
//! the markup (the axe-core run in tests/a11y checks the same documents in a
//! real browser): the document's language and title, landmarks with nothing
//! outside them, headings in order, and footnote links and navigation named in
//! the release's language.

mod common;

use common::{example, EXAMPLES};
use dateline_export::{preview_html, print_html, Paper};

/// The html export and both print papers of every example.
fn documents() -> Vec<(String, String, dateline_core::Release)> {
    let mut out = Vec::new();
    for (name, _) in EXAMPLES {
        let r = example(name);
        out.push((format!("{name} html"), preview_html(&r), r.clone()));
        for paper in [Paper::A4, Paper::Letter] {
            out.push((
                format!("{name} print {paper:?}"),
                print_html(&r, paper),
                r.clone(),
            ));
        }
    }
    out
}

/// Every opening tag `<name …>` of `html`, whole.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(i, _)| {
            html[i + open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == '>' || c == ' ')
        })
        .filter_map(|(i, _)| html[i..].find('>').map(|end| &html[i..=i + end]))
        .collect()
}

/// Heading levels in document order.
fn heading_levels(html: &str) -> Vec<u32> {
    html.match_indices("<h")
        .filter_map(|(i, _)| {
            let rest = html.get(i + 2..i + 4)?;
            let level = rest.chars().next()?.to_digit(10)?;
            matches!(rest.chars().nth(1), Some('>' | ' ')).then_some(level)
        })
        .collect()
}

#[test]
fn language_and_title_come_from_the_release() {
    for (what, html, r) in documents() {
        let lang = format!("<html lang=\"{}\">", r.meta.language.as_str());
        assert!(html.contains(&lang), "{what}: no {lang}");
        let title = dateline_core::markdown::to_plain(r.headline.trim());
        assert!(
            html.contains(&format!("<title>{}</title>", title.replace('\'', "&#39;"))),
            "{what}: title"
        );
    }
    // A draft without a headline still has a title: its kind, in its language.
    let mut draft = example("corporate");
    draft.headline.clear();
    assert!(preview_html(&draft).contains("<title>Communiqué de presse</title>"));
}

#[test]
fn header_main_and_footer_are_landmarks_with_everything_inside() {
    for (what, html, _) in documents() {
        let body = &html[html.find("<body").expect("body")..];
        assert!(
            !body.contains("<article"),
            "{what}: header/footer in <article> are not landmarks"
        );
        assert_eq!(tags(body, "main").len(), 1, "{what}: one <main>");
        // The body holds one wrapper; inside it only the three landmarks.
        let inner = body
            .split_once("<div class=\"release\">\n")
            .and_then(|(_, rest)| rest.rsplit_once("</div>\n</body>"))
            .map(|(inner, _)| inner)
            .unwrap_or_else(|| panic!("{what}: the release wrapper"));
        assert!(
            inner.starts_with("<header>\n"),
            "{what}: starts with the header"
        );
        let after_header = inner.split_once("</header>\n").expect("header closes").1;
        assert!(
            after_header.starts_with("<main>\n"),
            "{what}: main follows the header"
        );
        let after_main = after_header.split_once("</main>\n").expect("main closes").1;
        assert!(
            after_main.is_empty()
                || (after_main.starts_with("<footer>\n") && after_main.ends_with("</footer>\n")),
            "{what}: only the footer after main: {after_main}"
        );
    }
}

#[test]
fn headings_start_at_one_and_never_skip_a_level() {
    for (what, html, _) in documents() {
        let levels = heading_levels(&html);
        assert_eq!(levels.first(), Some(&1), "{what}: {levels:?}");
        assert_eq!(
            levels.iter().filter(|l| **l == 1).count(),
            1,
            "{what}: one h1"
        );
        for pair in levels.windows(2) {
            assert!(pair[1] <= pair[0] + 1, "{what}: skips a level: {levels:?}");
        }
    }
}

#[test]
fn footnote_links_and_navigation_are_named() {
    for (what, html, _) in documents() {
        let links: Vec<&str> = tags(&html, "a")
            .into_iter()
            .filter(|t| t.contains("class=\"fnref\"") || t.contains("class=\"backref\""))
            .collect();
        for link in &links {
            assert!(link.contains(" aria-label=\""), "{what}: unnamed {link}");
        }
        for nav in tags(&html, "nav") {
            assert!(nav.contains(" aria-label=\""), "{what}: unnamed {nav}");
        }
    }
    let seed = preview_html(&example("seed"));
    assert!(seed.contains("href=\"#fn-1\" id=\"fnref-1\" aria-label=\"Footnote 1\""));
    assert!(
        seed.contains("<a class=\"backref\" href=\"#fnref-1\" aria-label=\"Back to reference 1\"")
    );
    assert!(seed.contains("<section class=\"footnotes\" aria-label=\"Footnotes\">"));
    // The wire example's actions have no title: the nav is still named.
    assert!(preview_html(&example("wire")).contains("<nav class=\"actions\" aria-label=\"Links\">"));
}

#[test]
fn a_french_release_names_its_links_in_french() {
    let html = preview_html(&example("corporate"));
    assert!(html.contains("<html lang=\"fr-CH\">"));
    assert!(html.contains("id=\"fnref-1\" aria-label=\"Note 1\""));
    assert!(html.contains("href=\"#fnref-1\" aria-label=\"Retour à l’appel de note 1\""));
    assert!(html.contains("<section class=\"footnotes\" aria-label=\"Notes\">"));
    for english in ["Footnote", "Back to", "\"Links\""] {
        assert!(
            !html.contains(english),
            "English {english} in a French release"
        );
    }
    let mut es = example("corporate");
    es.meta.language = dateline_core::Language::new("es-MX");
    es.actions.items.push(dateline_core::ActionItem::Link {
        label: "Informe".into(),
        url: "https://lumen.example.ch/informe".into(),
    });
    let html = preview_html(&es);
    assert!(html.contains("id=\"fnref-1\" aria-label=\"Nota 1\""));
    assert!(html.contains("href=\"#fnref-1\" aria-label=\"Volver a la llamada 1\""));
    assert!(html.contains("<nav class=\"actions\" aria-label=\"Enlaces\">"));
}
