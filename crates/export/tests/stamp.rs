//! The running footer stamped on a PDF (what the app does after WebKitGTK,
//! which ignores CSS margin boxes, has printed): a generated 3-page PDF is
//! stamped and read back with poppler (`pdftotext`, poppler-utils).

use std::path::Path;
use std::process::Command;

use dateline_core::Language;
use dateline_export::format::{PRINT_MARGINS_MM, PT_PER_MM};
use dateline_export::labels::PageLabels;
use dateline_export::{stamp_footer, Footer, Paper};
use lopdf::{dictionary, Document, Object, Stream};

/// A PDF of `n` pages of `paper` with "Original text of page k" on each.
/// Pages inherit their MediaBox and fonts from the page tree, except page 2,
/// which has resources of its own and leaves a scaled, red graphics state
/// behind (as some producers do): the stamp must not inherit it.
fn pdf_with_pages(n: usize, paper: Paper) -> Vec<u8> {
    let (w, h) = paper.size_pt();
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = vec![];
    for k in 1..=n {
        let mut ops = String::new();
        if k == 2 {
            ops.push_str("1 0 0 rg 2 0 0 2 0 0 cm\n");
        }
        let y = if k == 2 { 350.0 } else { 700.0 };
        ops.push_str(&format!(
            "BT /F1 12 Tf 72 {y} Td (Original text of page {k}) Tj ET\n"
        ));
        let content = doc.add_object(Stream::new(dictionary! {}, ops.into_bytes()));
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        };
        if k == 2 {
            page.set(
                "Resources",
                dictionary! { "Font" => dictionary! { "F1" => font } },
            );
        }
        kids.push(Object::Reference(doc.add_object(page)));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => n as i64,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(w as f32), Object::Real(h as f32)],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write pdf");
    p
}

/// The text of page `page` (1-based).
fn page_text(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Words of page `page` with their boxes: (word, xMin, yMin, xMax, yMax), y from the top.
fn words(pdf: &Path, page: usize) -> Vec<(String, f64, f64, f64, f64)> {
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

fn footer(label: &str, lang: &str) -> Footer {
    Footer {
        label: label.to_string(),
        pages: PageLabels::new(&Language::new(lang)),
    }
}

#[test]
fn every_page_gets_its_number_and_the_label_and_keeps_its_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let original = pdf_with_pages(3, Paper::A4);
    let stamped = stamp_footer(&original, &footer("OHCHR", "en")).expect("stamped");
    let pdf = write(tmp.path(), "stamped.pdf", &stamped);
    for k in 1..=3 {
        let text = page_text(&pdf, k);
        assert!(
            text.contains(&format!("Original text of page {k}")),
            "page {k} lost its text:\n{text}"
        );
        assert!(
            text.contains(&format!("Page {k} of 3")),
            "page {k}:\n{text}"
        );
        assert!(text.contains("OHCHR"), "page {k}:\n{text}");
        for other in (1..=3).filter(|o| *o != k) {
            assert!(!text.contains(&format!("Page {other} of 3")), "page {k}");
        }
    }
    // Stamping the original did not change it: it still has no footer.
    let plain = write(tmp.path(), "plain.pdf", &original);
    assert!(!page_text(&plain, 1).contains("Page 1 of 3"));
}

#[test]
fn the_footer_sits_where_the_css_margin_boxes_put_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for paper in [Paper::A4, Paper::Letter] {
        let (w, h) = paper.size_pt();
        let stamped =
            stamp_footer(&pdf_with_pages(3, paper), &footer("OHCHR", "en")).expect("stamped");
        let pdf = write(tmp.path(), &format!("{paper:?}.pdf"), &stamped);
        for k in [1, 2] {
            let words = words(&pdf, k);
            let label = words.iter().find(|w| w.0 == "OHCHR").expect("label");
            let last = words.iter().find(|w| w.0 == "3").expect("page count");
            let left = PRINT_MARGINS_MM.left * PT_PER_MM;
            let right = w - PRINT_MARGINS_MM.right * PT_PER_MM;
            assert!(
                (label.1 - left).abs() < 0.5,
                "{paper:?} p{k}: label at {}",
                label.1
            );
            assert!(
                (last.3 - right).abs() < 1.0,
                "{paper:?} p{k}: numbers end at {}",
                last.3
            );
            // Vertically centred in the bottom margin, 8 pt tall (page 2 scaled
            // its own content by 2: the footer is not scaled).
            let middle = h - PRINT_MARGINS_MM.bottom * PT_PER_MM / 2.0;
            let centre = (label.2 + label.4) / 2.0;
            assert!(
                (centre - middle).abs() < 2.0,
                "{paper:?} p{k}: centre {centre}, want {middle}"
            );
            let height = label.4 - label.2;
            assert!(
                (6.0..11.0).contains(&height),
                "{paper:?} p{k}: height {height}"
            );
        }
    }
}

#[test]
fn page_numbers_speak_the_release_language() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (lang, want) in [("fr-CH", "Page 2 sur 3"), ("es", "Página 2 de 3")] {
        let stamped =
            stamp_footer(&pdf_with_pages(3, Paper::A4), &footer("ONU", lang)).expect("stamped");
        let pdf = write(tmp.path(), &format!("{lang}.pdf"), &stamped);
        let text = page_text(&pdf, 2);
        assert!(text.contains(want), "{lang}:\n{text}");
    }
}

#[test]
fn a_label_in_another_script_is_left_out_never_garbled() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let stamped = stamp_footer(
        &pdf_with_pages(3, Paper::A4),
        &footer("Управление ООН", "ru"),
    )
    .expect("stamped, not failed");
    let pdf = write(tmp.path(), "ru.pdf", &stamped);
    let text = page_text(&pdf, 1);
    assert!(text.contains("Page 1 of 3"), "{text}");
    let footer_line = text
        .lines()
        .find(|l| l.contains("Page 1 of 3"))
        .expect("footer line");
    assert_eq!(
        footer_line.trim(),
        "Page 1 of 3",
        "nothing else on the footer line"
    );
    // Latin punctuation of French and Spanish labels survives.
    let stamped = stamp_footer(
        &pdf_with_pages(1, Paper::A4),
        &footer("Haut-Commissariat aux droits de l’homme – Genève", "fr"),
    )
    .expect("stamped");
    let pdf = write(tmp.path(), "fr.pdf", &stamped);
    let text = page_text(&pdf, 1);
    assert!(
        text.contains("Haut-Commissariat aux droits de l’homme – Genève"),
        "{text}"
    );
    assert!(text.contains("Page 1 sur 1"), "{text}");
}

#[test]
fn a_long_label_is_shortened_before_the_page_numbers() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let label = "A very long headline used as the footer label because the release names no organisation at all, and then some more words";
    let stamped =
        stamp_footer(&pdf_with_pages(2, Paper::A4), &footer(label, "en")).expect("stamped");
    let pdf = write(tmp.path(), "long.pdf", &stamped);
    let words = words(&pdf, 1);
    let page = words
        .iter()
        .find(|w| w.0 == "Page" && w.2 > 700.0)
        .expect("Page");
    let label_end = words
        .iter()
        .filter(|w| w.2 > 700.0 && w.1 < page.1)
        .map(|w| w.3)
        .fold(0.0, f64::max);
    assert!(label_end > 200.0, "the label is printed");
    assert!(
        label_end < page.1 - 20.0,
        "label ends at {label_end}, numbers start at {}",
        page.1
    );
    assert!(page_text(&pdf, 1).contains('…'));
}
