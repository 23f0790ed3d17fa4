//! PDF from the real app (WebKitGTK's print operation, then the stamped
//! running footer): the seed on A4 (UN / OHCHR house style) and on Letter (the
//! same release in the wire house style, whose paper is Letter), read back with
//! poppler and compared as images with ImageMagick; and the app's A4 PDF
//! compared with headless Chromium's print of the same print HTML.
//!
//! Needs poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`), ImageMagick
//! (`convert`, `compare`) and, for the Chromium comparison, `/usr/bin/chromium`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use dateline_core::style::HouseStyleId;
use dateline_export::format::{PRINT_MARGINS_MM, PT_PER_MM};
use dateline_export::labels::PageLabels;
use dateline_export::Paper;
use dateline_store::{SaveMeta, SqliteStore, Store};
use thirtyfour::prelude::*;

use crate::harness::{output_dir, wait_for, Env};
use crate::ui::*;

const SEED: &str = include_str!("../../examples/un-expert-khakimova.json");
const CHROMIUM: &str = "/usr/bin/chromium";

/// The most a page-1 image of the seed on Letter may differ from the one on A4
/// (ImageMagick's normalised RMSE, 0–1, after both are scaled to 200 × 283
/// pixels and blurred by 5 pixels, so that lines of text become grey bands:
/// what is compared is the layout, not the glyphs). Measured on WebKitGTK's
/// pages here: A4 against Letter page 1 about 0.023 (the same blocks in the
/// same places; the wire style's serif face and Letter's wider, shorter sheet
/// move lines by a few pixels); A4 page 1 against A4 page 2, another layout of
/// the same style, about 0.057; against a blank page about 0.083. 0.04 sits
/// between the first and the others (the test prints the three numbers and
/// checks that the limit still refuses the last two).
const MAX_PAGE1_RMSE: f64 = 0.04;

/// The seed twice: as it is (UN / OHCHR, A4) and in the wire style (Letter).
fn prepare(db: &Path) -> (String, String) {
    let store = SqliteStore::open(db).expect("store");
    let meta = SaveMeta {
        author: "e2e".into(),
        message: None,
        name: None,
    };
    let a4 = dateline_core::from_json(SEED).expect("seed");
    assert_eq!(Paper::for_style(a4.style), Paper::A4);
    let mut letter = a4.clone();
    letter.style = HouseStyleId::Wire;
    assert_eq!(Paper::for_style(letter.style), Paper::Letter);
    let a4_id = store.create(&a4, &meta).expect("create A4").0;
    let letter_id = store.create(&letter, &meta).expect("create Letter").0;
    (a4_id, letter_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_pdf_on_a4_and_letter() {
    let env = Env::new(10);
    let (a4_id, letter_id) = prepare(&env.db());
    let app = env.launch().await;
    let result = async {
        wait_attr(app.s(), "app", "data-view", |v| v == "library").await;
        export_pdf(app.s(), &env, &a4_id).await;
        export_pdf(app.s(), &env, &letter_id).await;
    };
    // Quit before asserting, whatever happened.
    let outcome = tokio::time::timeout(Duration::from_secs(120), result).await;
    app.quit().await;
    outcome.expect("both PDFs exported within two minutes");

    let out = output_dir().join("pdf");
    let _ = std::fs::create_dir_all(&out);
    let a4 = out.join("seed-a4.pdf");
    let letter = out.join("seed-letter.pdf");
    std::fs::copy(env.exports().join(format!("{a4_id}.pdf")), &a4).expect("A4 PDF");
    std::fs::copy(env.exports().join(format!("{letter_id}.pdf")), &letter).expect("Letter PDF");

    // Paper and pages.
    let (a4_pages, a4_size) = info(&a4);
    let (letter_pages, letter_size) = info(&letter);
    println!(
        "A4: {a4_pages} pages, {a4_size:?} pt; Letter: {letter_pages} pages, {letter_size:?} pt"
    );
    let near =
        |(w, h): (f64, f64), (ww, wh): (f64, f64)| (w - ww).abs() < 1.0 && (h - wh).abs() < 1.0;
    assert!(
        near(a4_size, Paper::A4.size_pt()),
        "A4 page size {a4_size:?}"
    );
    assert!(
        near(letter_size, Paper::Letter.size_pt()),
        "Letter page size {letter_size:?}"
    );
    assert_eq!(
        a4_pages, letter_pages,
        "the seed takes as many pages on A4 as on Letter"
    );
    assert!((1..=3).contains(&a4_pages), "{a4_pages} pages");

    // The running footer on every page, in the release's language, and the text.
    let seed = dateline_core::from_json(SEED).expect("seed");
    let words = PageLabels::new(&seed.meta.language);
    for (pdf, pages) in [(&a4, a4_pages), (&letter, letter_pages)] {
        for p in 1..=pages {
            let text = page_text(pdf, p);
            let footer = footer_line(&text)
                .unwrap_or_else(|| panic!("{}: page {p} has no footer:\n{text}", pdf.display()));
            assert!(
                footer.starts_with("OHCHR"),
                "{}: page {p}: {footer:?}",
                pdf.display()
            );
            assert!(
                footer.ends_with(&words.page_of(p, pages)),
                "{}: page {p}: {footer:?}",
                pdf.display()
            );
        }
        // Without whitespace: letter-spacing (the end mark) splits words in the text layer.
        let all = bare(&text_of(pdf, None));
        let headline = bare(&dateline_core::markdown::to_plain(seed.headline.trim()));
        assert!(
            all.contains(&headline),
            "{}: no headline in {all}",
            pdf.display()
        );
        assert!(all.contains("ENDS"), "{}: no end mark", pdf.display());
    }

    // The footer is in the bottom margin, below the text, at the CSS margin boxes' place.
    for (pdf, paper) in [(&a4, Paper::A4), (&letter, Paper::Letter)] {
        let (_, h) = paper.size_pt();
        let boxes = word_boxes(pdf, 1);
        let label = boxes
            .iter()
            .find(|b| b.0 == "OHCHR" && b.2 > h / 2.0)
            .expect("label box");
        let middle = h - PRINT_MARGINS_MM.bottom * PT_PER_MM / 2.0;
        assert!(
            ((label.2 + label.4) / 2.0 - middle).abs() < 2.0,
            "{}: label at {label:?}",
            pdf.display()
        );
        let lowest_text = boxes
            .iter()
            .filter(|b| b.2 < h - PRINT_MARGINS_MM.bottom * PT_PER_MM)
            .map(|b| b.4)
            .fold(0.0, f64::max);
        assert!(
            lowest_text < label.2,
            "{}: text runs into the footer",
            pdf.display()
        );
    }

    // Page 1 as images: A4 and Letter look alike once scaled to one size.
    let a4_png = render_page(&a4, 1, &out.join("a4"));
    let letter_png = render_page(&letter, 1, &out.join("letter"));
    let a4_p2 = render_page(&a4, 2.min(a4_pages), &out.join("a4-p2"));
    let blank = out.join("blank.png");
    let made = Command::new("convert")
        .args(["-size", "200x283", "xc:white"])
        .arg(&blank)
        .status()
        .expect("ImageMagick's convert runs");
    assert!(made.success());
    let same = rmse(&a4_png, &letter_png);
    let other_page = rmse(&a4_png, &a4_p2);
    let empty = rmse(&a4_png, &blank);
    println!(
        "page 1, A4 vs Letter: RMSE {same:.4}; A4 page 1 vs page 2: {other_page:.4}; vs a blank page: {empty:.4} (limit {MAX_PAGE1_RMSE})"
    );
    assert!(
        same <= MAX_PAGE1_RMSE,
        "A4 and Letter first pages differ: {same:.4}"
    );
    assert!(
        empty > MAX_PAGE1_RMSE,
        "the limit must refuse a blank page: {empty:.4}"
    );
    if a4_pages > 1 {
        assert!(
            other_page > MAX_PAGE1_RMSE,
            "the limit must refuse another page: {other_page:.4}"
        );
    }

    // The app's A4 PDF against Chromium's print of the same print HTML.
    if !Path::new(CHROMIUM).exists() {
        eprintln!("\n\n!!!!!! SKIPPED: {CHROMIUM} is missing, the app's PDF was NOT compared with Chromium's !!!!!!\n");
        return;
    }
    let html = out.join("seed-print.html");
    std::fs::write(&html, dateline_export::print_html(&seed, Paper::A4)).expect("html");
    let chromium = out.join("seed-a4-chromium.pdf");
    chromium_pdf(&html, &chromium, &env.dir.path().join("chromium-profile"));
    let (c_pages, c_size) = info(&chromium);
    println!("Chromium: {c_pages} pages, {c_size:?} pt");
    assert_eq!(
        c_pages, a4_pages,
        "WebKitGTK and Chromium lay the seed out on as many pages"
    );
    let mut app_words = vec![];
    let mut chromium_words = vec![];
    for p in 1..=a4_pages {
        let (a, c) = (page_text(&a4, p), page_text(&chromium, p));
        assert_eq!(
            footer_line(&a).map(flat),
            footer_line(&c).map(flat),
            "page {p}: the same footer"
        );
        let (a, c) = (body_text(&a), body_text(&c));
        println!(
            "page {p}: app starts {:?}, Chromium starts {:?}",
            a.chars().take(50).collect::<String>(),
            c.chars().take(50).collect::<String>()
        );
        app_words.push(a);
        chromium_words.push(c);
    }
    // Without whitespace: the engines wrap lines (and long addresses) differently.
    assert_eq!(
        bare(&app_words.concat()),
        bare(&chromium_words.concat()),
        "the same text in the same order"
    );
    assert_eq!(
        app_words[0].split_whitespace().take(12).collect::<Vec<_>>(),
        chromium_words[0]
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>(),
        "page 1 starts alike"
    );
}

/// Opens release `id` from the library, exports its PDF and waits for the file.
async fn export_pdf(s: &WebDriver, env: &Env, id: &str) {
    let row = s
        .query(By::Css(format!(
            "[data-testid=\"release-row\"][data-id=\"{id}\"]"
        )))
        .wait(Duration::from_secs(15), Duration::from_millis(100))
        .first()
        .await
        .expect("release row");
    row.click().await.expect("open the release");
    wait_attr(s, "app", "data-view", |v| v == "editor").await;
    wait_attr(s, "editor-view", "data-id", |v| v == id).await;
    click(s, "export-menu").await;
    click(s, "export-pdf").await;
    let path = env.exports().join(format!("{id}.pdf"));
    // The file appears when WebKitGTK starts writing; the stamped PDF then
    // replaces it in one rename: wait until it holds the footer.
    wait_for(
        Duration::from_secs(30),
        || path.exists() && page_text(&path, 1).contains("Page 1 "),
        &format!("{} to be printed and stamped", path.display()),
    );
    click(s, "back-to-library").await;
    wait_attr(s, "app", "data-view", |v| v == "library").await;
}

/// (pages, size of page 1 in points).
fn info(pdf: &Path) -> (usize, (f64, f64)) {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count: {info}"));
    // "Page size:       595 x 842 pts (A4)"
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .map(|s| {
            let n: Vec<f64> = s
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (n[0], n[1])
        })
        .unwrap_or_else(|| panic!("no page size: {info}"));
    (pages, size)
}

fn text_of(pdf: &Path, page: Option<usize>) -> String {
    let mut cmd = Command::new("pdftotext");
    cmd.arg("-layout");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext runs");
    // WebKitGTK keeps ligatures in the text layer; Chromium does not.
    String::from_utf8_lossy(&out.stdout)
        .replace('ﬀ', "ff")
        .replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .replace('ﬃ', "ffi")
        .replace('ﬄ', "ffl")
}

fn page_text(pdf: &Path, page: usize) -> String {
    text_of(pdf, Some(page))
}

/// The page's last non-empty line (the running footer).
fn footer_line(text: &str) -> Option<&str> {
    text.lines().map(str::trim).rfind(|l| !l.is_empty())
}

/// The page's text without its footer line.
fn body_text(text: &str) -> String {
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.pop();
    lines.join("\n")
}

/// `s` without any whitespace.
fn bare(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of a page with their boxes: (word, xMin, yMin, xMax, yMax), y from the top.
fn word_boxes(pdf: &Path, page: usize) -> Vec<(String, f64, f64, f64, f64)> {
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

/// Page `page` of `pdf` as a grey PNG scaled to 200 × 283 (A4's shape) and blurred.
fn render_page(pdf: &Path, page: usize, stem: &Path) -> PathBuf {
    let status = Command::new("pdftoppm")
        .args([
            "-png",
            "-r",
            "50",
            "-singlefile",
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
        ])
        .arg(pdf)
        .arg(stem)
        .status()
        .expect("pdftoppm (poppler-utils) runs");
    assert!(status.success(), "pdftoppm {}", pdf.display());
    let png = stem.with_extension("png");
    let small = PathBuf::from(format!("{}-small.png", stem.display()));
    let status = Command::new("convert")
        .arg(&png)
        .args(["-colorspace", "Gray", "-resize", "200x283!", "-blur", "0x5"])
        .arg(&small)
        .status()
        .expect("ImageMagick's convert runs");
    assert!(status.success(), "convert {}", png.display());
    small
}

/// ImageMagick's normalised RMSE between two images of one size (0 = same).
fn rmse(a: &Path, b: &Path) -> f64 {
    let out = Command::new("compare")
        .args(["-metric", "RMSE"])
        .arg(a)
        .arg(b)
        .arg("null:")
        .output()
        .expect("ImageMagick's compare runs");
    // "1234.5 (0.0188)" on stderr; exit 1 just means "different".
    let s = String::from_utf8_lossy(&out.stderr).into_owned();
    s.split('(')
        .nth(1)
        .and_then(|r| r.split(')').next())
        .and_then(|r| r.trim().parse().ok())
        .unwrap_or_else(|| panic!("compare said: {s}"))
}

fn chromium_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let out = Command::new(CHROMIUM)
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
        out.status.success() && pdf.exists(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
