//! The print export through a real browser: headless Chromium prints each
//! example to PDF on A4 and US Letter, and poppler reads the result back.
//! The seed fits on two A4 pages; the text layer holds the headline, the end
//! mark and the running footer.
//!
//! Needs `/usr/bin/chromium` and poppler-utils (CI installs both); without
//! Chromium the test says so loudly and passes. Set `DATELINE_PDF_DIR` to keep
//! the PDFs for a look (`pdftoppm -png`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{example, EXAMPLES};
use dateline_core::text::headline;
use dateline_export::format::{PRINT_MARGINS_MM, PT_PER_MM};
use dateline_export::labels::PageLabels;
use dateline_export::{print_html, Paper};

const CHROMIUM: &str = "/usr/bin/chromium";

fn print_to_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let status = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(
        status.status.success() && pdf.exists(),
        "chromium failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn pdf_pages(pdf: &Path) -> (u32, String) {
    let info = pdf_info(pdf);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or("")
        .to_string();
    (pages, size)
}

/// What `pdfinfo` says about `pdf`.
fn pdf_info(pdf: &Path) -> String {
    let info = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    String::from_utf8_lossy(&info.stdout).into_owned()
}

/// The value of `field` in `pdfinfo`'s answer.
fn info_field(info: &str, field: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .unwrap_or("")
        .trim()
        .to_string()
}

fn pdf_text(pdf: &Path) -> String {
    page_text(pdf, None)
}

/// The text layer of one page (1-based), or of the whole document.
fn page_text(pdf: &Path, page: Option<u32>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-layout");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Words of `s` in order, whitespace-insensitive (the PDF breaks lines anywhere).
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn print_export_makes_a_good_pdf() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("\n\n!!!!!! SKIPPED: {CHROMIUM} is missing, the PDF of the print export was NOT checked (apt-get install chromium poppler-utils) !!!!!!\n");
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let keep: Option<PathBuf> = std::env::var_os("DATELINE_PDF_DIR").map(PathBuf::from);
    for (name, _) in EXAMPLES {
        let r = example(name);
        for paper in [Paper::A4, Paper::Letter] {
            let stem = format!("{name}-{paper:?}");
            let html = tmp.path().join(format!("{stem}.html"));
            let pdf = tmp.path().join(format!("{stem}.pdf"));
            std::fs::write(&html, print_html(&r, paper)).expect("write html");
            print_to_pdf(&html, &pdf, &tmp.path().join(format!("profile-{stem}")));
            if let Some(dir) = &keep {
                let _ = std::fs::create_dir_all(dir);
                let _ = std::fs::copy(&pdf, dir.join(format!("{stem}.pdf")));
            }
            let (pages, size) = pdf_pages(&pdf);
            let text = flat(&pdf_text(&pdf));
            let want_size = match paper {
                Paper::A4 => "(A4)",
                Paper::Letter => "(letter)",
            };
            assert!(size.contains(want_size), "{stem}: {size}");
            assert!(
                text.contains(&flat(&headline(&r, &r.style.style()))),
                "{stem}: headline missing in {text}"
            );
            let mark = r.end_mark.text().expect("examples have an end mark");
            assert!(text.contains(mark), "{stem}: end mark missing");
            for p in 1..=pages {
                let page = flat(&page_text(&pdf, Some(p)));
                let number = PageLabels::new(&r.meta.language).page_of(p as usize, pages as usize);
                assert!(
                    page.contains(&number),
                    "{stem}: page {p} lacks its number: {page}"
                );
            }
            assert!(pages <= 3, "{stem}: {pages} pages");
            // The document's title is the headline, and Chromium tags the PDF
            // (structure from the HTML: H1, H2, P, lists, links). WebKitGTK, the
            // app's print path on Linux, does not tag its PDFs.
            let info = pdf_info(&pdf);
            assert_eq!(
                info_field(&info, "Title"),
                dateline_core::markdown::to_plain(r.headline.trim()),
                "{stem}"
            );
            assert_eq!(info_field(&info, "Tagged"), "yes", "{stem}");
            if name == "seed" && paper == Paper::A4 {
                assert!(pages <= 2, "seed on A4 takes {pages} pages");
                assert!(text.contains("ENDS"));
                // Links are printed with their address.
                assert!(text.contains("(hrd-sr@un.org)"), "mailto address printed");
            }
        }
    }
}

#[test]
fn the_end_mark_never_starts_a_page_alone() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!(
            "\n\n!!!!!! SKIPPED: {CHROMIUM} is missing, page breaks were NOT checked !!!!!!\n"
        );
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut page_counts = Vec::new();
    // One-line paragraphs around the capacity of an A4 page, so that for one of
    // the lengths the end mark falls at the top of page 2 without the rule.
    for n in 24..=36 {
        let mut r = example("seed");
        r.body = (1..=n)
            .map(|i| dateline_core::Block::Paragraph {
                text: format!("Paragraph {i} of the release."),
            })
            .collect();
        r.footnotes.clear();
        r.actions = Default::default();
        let html = tmp.path().join(format!("end-{n}.html"));
        let pdf = tmp.path().join(format!("end-{n}.pdf"));
        std::fs::write(&html, print_html(&r, Paper::A4)).expect("write html");
        print_to_pdf(&html, &pdf, &tmp.path().join(format!("profile-end-{n}")));
        let (pages, _) = pdf_pages(&pdf);
        page_counts.push(pages);
        let with_mark = (1..=pages)
            .find(|p| {
                page_text(&pdf, Some(*p))
                    .lines()
                    .any(|l| l.trim() == "ENDS")
            })
            .unwrap_or_else(|| panic!("{n} paragraphs: no ENDS"));
        let text = page_text(&pdf, Some(with_mark));
        assert!(
            text.contains(&format!("Paragraph {n} of the release.")),
            "{n} paragraphs: ENDS is on page {with_mark} without the last paragraph"
        );
    }
    assert!(
        page_counts.first() != page_counts.last(),
        "the lengths must cross a page boundary: {page_counts:?}"
    );
}

/// Words of page `page` with their boxes: (word, xMin, yMin, xMax, yMax), y from the top.
fn words(pdf: &Path, page: u32) -> Vec<(String, f64, f64, f64, f64)> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |line: &str, name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let end = start + line[start..].find('"').expect("quote");
        line[start..end].parse().expect("number")
    };
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let text = l[l.find('>').expect(">") + 1..l.rfind("</word>").expect("end")].to_string();
            (
                text,
                attr(l, "xMin"),
                attr(l, "yMin"),
                attr(l, "xMax"),
                attr(l, "yMax"),
            )
        })
        .collect()
}

/// Chromium draws the margin boxes where the app's stamp (`dateline_export::stamp`)
/// writes the footer on WebKitGTK's PDFs: both follow `PRINT_MARGINS_MM`, and
/// `tests/stamp.rs` checks the stamp against the same numbers.
#[test]
fn the_running_footer_sits_in_the_bottom_margin() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("\n\n!!!!!! SKIPPED: {CHROMIUM} is missing, the footer's place was NOT checked !!!!!!\n");
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let r = example("seed");
    for paper in [Paper::A4, Paper::Letter] {
        let html = tmp.path().join(format!("{paper:?}.html"));
        let pdf = tmp.path().join(format!("{paper:?}.pdf"));
        std::fs::write(&html, print_html(&r, paper)).expect("write html");
        print_to_pdf(&html, &pdf, &tmp.path().join(format!("profile-{paper:?}")));
        let (w, h) = paper.size_pt();
        let words = words(&pdf, 1);
        let bottom = h - PRINT_MARGINS_MM.bottom * PT_PER_MM;
        let footer: Vec<_> = words.iter().filter(|w| w.2 > bottom).collect();
        let label = footer
            .iter()
            .find(|w| w.0 == "OHCHR")
            .expect("footer label");
        let last = footer.last().expect("footer words");
        assert!(
            footer.iter().any(|w| w.0 == "Page"),
            "{paper:?}: {footer:?}"
        );
        let left = PRINT_MARGINS_MM.left * PT_PER_MM;
        let right = w - PRINT_MARGINS_MM.right * PT_PER_MM;
        assert!(
            (label.1 - left).abs() < 1.0,
            "{paper:?}: label at {}",
            label.1
        );
        assert!(
            (last.3 - right).abs() < 2.0,
            "{paper:?}: numbers end at {}",
            last.3
        );
        let middle = h - PRINT_MARGINS_MM.bottom * PT_PER_MM / 2.0;
        let centre = (label.2 + label.4) / 2.0;
        assert!(
            (centre - middle).abs() < 2.0,
            "{paper:?}: centre {centre}, want {middle}"
        );
    }
}

/// A heading is never the last line of a page: one-line paragraphs push a
/// sub-heading through the foot of page 2 (each length one line further).
#[test]
fn a_heading_never_ends_a_page() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("\n\n!!!!!! SKIPPED: {CHROMIUM} is missing, headings were NOT checked !!!!!!\n");
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut pages_of_heading = Vec::new();
    for n in 44..=58 {
        let mut r = example("seed");
        let mut body: Vec<_> = (1..=n)
            .map(|i| dateline_core::Block::Paragraph {
                text: format!("Paragraph {i} of the release."),
            })
            .collect();
        body.push(dateline_core::Block::Heading {
            text: "Background of the case".into(),
        });
        body.push(dateline_core::Block::Paragraph {
            text: "The first paragraph under the heading.".into(),
        });
        body.push(dateline_core::Block::Paragraph {
            text: "The second paragraph under the heading.".into(),
        });
        r.body = body;
        let html = tmp.path().join(format!("h-{n}.html"));
        let pdf = tmp.path().join(format!("h-{n}.pdf"));
        std::fs::write(&html, print_html(&r, Paper::A4)).expect("write html");
        print_to_pdf(&html, &pdf, &tmp.path().join(format!("profile-h-{n}")));
        let (pages, _) = pdf_pages(&pdf);
        let on = (1..=pages)
            .find(|p| page_text(&pdf, Some(*p)).contains("Background of the case"))
            .unwrap_or_else(|| panic!("{n}: no heading"));
        let text = page_text(&pdf, Some(on));
        let body_lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("OHCHR"))
            .collect();
        let at = body_lines
            .iter()
            .position(|l| l.contains("Background of the case"))
            .expect("heading line");
        assert!(
            body_lines
                .get(at + 1)
                .is_some_and(|l| l.contains("The first paragraph under the heading.")),
            "{n} paragraphs: the heading ends page {on}: {body_lines:?}"
        );
        pages_of_heading.push(on);
    }
    assert!(
        pages_of_heading.first() != pages_of_heading.last(),
        "the lengths must push the heading across a page boundary: {pages_of_heading:?}"
    );
}
