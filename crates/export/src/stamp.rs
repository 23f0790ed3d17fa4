//! The running footer stamped on a printed PDF, for engines that ignore CSS
//! margin boxes (WebKitGTK, the app's print engine on Linux).
//!
//! [`stamp_footer`] writes on each page what the print export's `@page` rule
//! asks for: the footer label at the left and "Page N of M" (in the release's
//! language) at the right of the bottom margin, in 8 pt grey, at the same
//! place as Chromium draws its margin boxes. The text is set in Helvetica, one
//! of the standard PDF fonts (nothing is embedded), with WinAnsi encoding:
//! every Latin character of English, French and Spanish. A label with a
//! character outside WinAnsi (Greek, Cyrillic, Arabic, CJK, emoji…) is left
//! out rather than printed as wrong glyphs; the page numbers are always there.
//! What was on the page before is kept intact (it is wrapped in `q … Q`).

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use dateline_core::Release;

use crate::format::{FOOTER_GREY, FOOTER_SIZE_PT, PRINT_MARGINS_MM, PT_PER_MM};
use crate::labels::PageLabels;
use crate::ExportError;

/// The resource name of the footer's font on every page.
const FONT_NAME: &[u8] = b"DatelineFooterF1";

/// What the running footer says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footer {
    /// The left part: the organisation, else the headline (plain text).
    pub label: String,
    /// The words of the page numbers.
    pub pages: PageLabels,
}

impl Footer {
    /// The footer the print export of `r` asks for (same label, same language).
    pub fn for_release(r: &Release) -> Footer {
        Footer {
            label: crate::page::footer_label(r),
            pages: PageLabels::new(&r.meta.language),
        }
    }
}

/// `pdf` with the running footer on every page. Fails only on a file that is
/// not a PDF lopdf can read and write (e.g. encrypted).
pub fn stamp_footer(pdf: &[u8], footer: &Footer) -> Result<Vec<u8>, ExportError> {
    let mut doc = Document::load_mem(pdf).map_err(pdf_error)?;
    if doc.is_encrypted() {
        return Err(ExportError::Pdf("the PDF is encrypted".to_string()));
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let total = pages.len();
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let label = win_ansi(footer.label.trim());
    for (i, page) in pages.iter().enumerate() {
        let (x0, y0, x1, _) = page_box(&doc, *page)?;
        let numbers = win_ansi(&footer.pages.page_of(i + 1, total))
            .unwrap_or_else(|| format!("{} / {total}", i + 1).into_bytes());
        let left = x0 + PRINT_MARGINS_MM.left * PT_PER_MM;
        let right = x1 - PRINT_MARGINS_MM.right * PT_PER_MM;
        let numbers_width = width(&numbers);
        // Centred in the bottom margin, as a CSS margin box is.
        let baseline = y0 + PRINT_MARGINS_MM.bottom * PT_PER_MM / 2.0 - 0.3 * FOOTER_SIZE_PT;
        let mut text = Vec::new();
        if let Some(label) = &label {
            // The label never runs into the page numbers.
            let room = right - numbers_width - 4.0 * FOOTER_SIZE_PT - left;
            show(&mut text, left, baseline, &fit(label, room));
        }
        show(&mut text, right - numbers_width, baseline, &numbers);
        let mut ops = format!("Q\nq\n{FOOTER_GREY} g\n").into_bytes();
        ops.extend_from_slice(&text);
        ops.extend_from_slice(b"Q\n");
        wrap_page(&mut doc, *page, ops)?;
        add_font(&mut doc, *page, font)?;
    }
    let mut out = Vec::with_capacity(pdf.len() + 4096);
    doc.save_to(&mut out).map_err(pdf_error)?;
    Ok(out)
}

fn pdf_error(e: impl std::fmt::Display) -> ExportError {
    ExportError::Pdf(e.to_string())
}

/// One line of text at (`x`, `y`) in the footer's font.
fn show(out: &mut Vec<u8>, x: f64, y: f64, text: &[u8]) {
    out.extend_from_slice(
        format!(
            "BT\n/{} {FOOTER_SIZE_PT} Tf\n1 0 0 1 {x:.2} {y:.2} Tm\n(",
            String::from_utf8_lossy(FONT_NAME)
        )
        .as_bytes(),
    );
    for &b in text {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.extend_from_slice(b") Tj\nET\n");
}

/// The page's visible box (CropBox, else MediaBox, inherited from the page tree).
fn page_box(doc: &Document, page: ObjectId) -> Result<(f64, f64, f64, f64), ExportError> {
    for key in [b"CropBox".as_slice(), b"MediaBox"] {
        let mut node = doc.get_dictionary(page).map_err(pdf_error)?;
        for _ in 0..32 {
            if let Ok(obj) = node.get(key) {
                let (_, obj) = doc.dereference(obj).map_err(pdf_error)?;
                if let Ok(arr) = obj.as_array() {
                    let n: Vec<f64> = arr
                        .iter()
                        .filter_map(|o| doc.dereference(o).ok()?.1.as_float().ok())
                        .map(f64::from)
                        .collect();
                    if let [a, b, c, d] = n[..] {
                        return Ok((a.min(c), b.min(d), a.max(c), b.max(d)));
                    }
                }
            }
            match node.get(b"Parent").and_then(Object::as_reference) {
                Ok(parent) => node = doc.get_dictionary(parent).map_err(pdf_error)?,
                Err(_) => break,
            }
        }
    }
    Err(ExportError::Pdf("a page has no MediaBox".to_string()))
}

/// Puts the page's own content inside `q … Q` (whatever state it leaves, the
/// footer starts from the default one) and `footer` after it. `footer` starts
/// with the closing `Q`.
fn wrap_page(doc: &mut Document, page: ObjectId, footer: Vec<u8>) -> Result<(), ExportError> {
    let dict = doc.get_dictionary(page).map_err(pdf_error)?;
    let mut contents: Vec<Object> = match dict.get(b"Contents") {
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Array(arr)) => arr.clone(),
            _ => vec![Object::Reference(*id)],
        },
        Ok(Object::Array(arr)) => arr.clone(),
        _ => vec![],
    };
    let open = doc.add_object(Stream::new(dictionary! {}, b"q\n".to_vec()));
    let close = doc.add_object(Stream::new(dictionary! {}, footer));
    contents.insert(0, Object::Reference(open));
    contents.push(Object::Reference(close));
    doc.get_dictionary_mut(page)
        .map_err(pdf_error)?
        .set("Contents", contents);
    Ok(())
}

/// Adds the footer's font to the page's resources (its own, or a copy of the
/// inherited ones; a shared font dictionary is copied, never changed).
fn add_font(doc: &mut Document, page: ObjectId, font: ObjectId) -> Result<(), ExportError> {
    let inherited = {
        let dict = doc.get_dictionary(page).map_err(pdf_error)?;
        if dict.has(b"Resources") {
            None
        } else {
            let (own, ids) = doc.get_page_resources(page).map_err(pdf_error)?;
            match (own, ids.first()) {
                (Some(d), _) => Some(d.clone()),
                (None, Some(id)) => Some(doc.get_dictionary(*id).map_err(pdf_error)?.clone()),
                (None, None) => Some(lopdf::Dictionary::new()),
            }
        }
    };
    if let Some(res) = inherited {
        doc.get_dictionary_mut(page)
            .map_err(pdf_error)?
            .set("Resources", res);
    }
    // The resources dictionary: inline in the page, or an object of its own.
    let res_id = match doc
        .get_dictionary(page)
        .map_err(pdf_error)?
        .get(b"Resources")
    {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    let fonts = {
        let res = match res_id {
            Some(id) => doc.get_dictionary(id).map_err(pdf_error)?,
            None => doc
                .get_dictionary(page)
                .map_err(pdf_error)?
                .get(b"Resources")
                .and_then(Object::as_dict)
                .map_err(pdf_error)?,
        };
        match res.get(b"Font") {
            Ok(obj) => doc
                .dereference(obj)
                .map_err(pdf_error)?
                .1
                .as_dict()
                .cloned()
                .unwrap_or_default(),
            Err(_) => lopdf::Dictionary::new(),
        }
    };
    let mut fonts = fonts;
    fonts.set(FONT_NAME, Object::Reference(font));
    let res = match res_id {
        Some(id) => doc.get_dictionary_mut(id).map_err(pdf_error)?,
        None => doc
            .get_dictionary_mut(page)
            .map_err(pdf_error)?
            .get_mut(b"Resources")
            .and_then(Object::as_dict_mut)
            .map_err(pdf_error)?,
    };
    res.set("Font", fonts);
    Ok(())
}

/// `s` in WinAnsi (Windows-1252), or `None` when a character has no code there.
pub fn win_ansi(s: &str) -> Option<Vec<u8>> {
    s.chars()
        .map(|c| match c {
            ' '..='~' | '\u{a0}'..='\u{ff}' => Some(c as u8),
            '€' => Some(0x80),
            '‚' => Some(0x82),
            'ƒ' => Some(0x83),
            '„' => Some(0x84),
            '…' => Some(0x85),
            '†' => Some(0x86),
            '‡' => Some(0x87),
            'ˆ' => Some(0x88),
            '‰' => Some(0x89),
            'Š' => Some(0x8a),
            '‹' => Some(0x8b),
            'Œ' => Some(0x8c),
            'Ž' => Some(0x8e),
            '‘' => Some(0x91),
            '’' => Some(0x92),
            '“' => Some(0x93),
            '”' => Some(0x94),
            '•' => Some(0x95),
            '–' => Some(0x96),
            '—' => Some(0x97),
            '˜' => Some(0x98),
            '™' => Some(0x99),
            'š' => Some(0x9a),
            '›' => Some(0x9b),
            'œ' => Some(0x9c),
            'ž' => Some(0x9e),
            'Ÿ' => Some(0x9f),
            // Line breaks and tabs in a label print as spaces.
            '\t' | '\n' | '\r' => Some(b' '),
            _ => None,
        })
        .collect()
}

/// Helvetica's advance widths (thousandths of the size) of ASCII ' '..='~'.
const HELVETICA_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// Width in points of WinAnsi `text` in the footer's font. Outside ASCII the
/// width of a lower-case letter (accented letters have their base's width;
/// dashes and quotes are narrower, so a label is at most slightly shortened).
fn width(text: &[u8]) -> f64 {
    let units: u32 = text
        .iter()
        .map(|&b| match b {
            b' '..=b'~' => u32::from(HELVETICA_ASCII[usize::from(b - b' ')]),
            _ => 556,
        })
        .sum();
    f64::from(units) * FOOTER_SIZE_PT / 1000.0
}

/// `text` cut with an ellipsis so that it is at most `room` points wide.
fn fit(text: &[u8], room: f64) -> Vec<u8> {
    if width(text) <= room {
        return text.to_vec();
    }
    let mut cut = text.to_vec();
    while !cut.is_empty() && width(&cut) + width(&[0x85]) > room {
        cut.pop();
    }
    while cut.last() == Some(&b' ') {
        cut.pop();
    }
    cut.push(0x85);
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::Language;

    #[test]
    fn win_ansi_takes_latin_text_and_refuses_other_scripts() {
        assert_eq!(
            win_ansi("Página “sí” – €"),
            Some(vec![
                b'P', b'\xe1', b'g', b'i', b'n', b'a', b' ', 0x93, b's', 0xed, 0x94, b' ', 0x96,
                b' ', 0x80
            ])
        );
        assert_eq!(win_ansi("Œuvre"), Some(vec![0x8c, b'u', b'v', b'r', b'e']));
        assert_eq!(win_ansi("ООН"), None);
        assert_eq!(win_ansi("国連"), None);
        assert_eq!(win_ansi("UN 🙂"), None);
    }

    #[test]
    fn widths_are_helvetica_and_long_labels_are_cut() {
        // "Page 1 of 3": P 667, a 556, g 556, e 556, space 278, digits 556, o 556, f 278.
        let w = width(b"Page 1 of 3");
        let units = 667 + 556 * 3 + 278 * 3 + 556 * 2 + 556 + 278;
        assert!((w - f64::from(units) * 8.0 / 1000.0).abs() < 1e-9, "{w}");
        let long = vec![b'W'; 200];
        let cut = fit(&long, 100.0);
        assert!(width(&cut) <= 100.0);
        assert_eq!(cut.last(), Some(&0x85));
        assert_eq!(fit(b"OHCHR", 100.0), b"OHCHR".to_vec());
    }

    #[test]
    fn not_a_pdf_is_an_error_not_a_panic() {
        let footer = Footer {
            label: "OHCHR".into(),
            pages: PageLabels::new(&Language::new("en")),
        };
        let err = stamp_footer(b"<html>not a pdf</html>", &footer).err();
        assert_eq!(
            err.map(|e| e.code()),
            Some(dateline_core::ErrorCode::PdfFailed)
        );
        assert!(stamp_footer(b"", &footer).is_err());
    }
}
