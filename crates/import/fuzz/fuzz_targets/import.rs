//! Fuzz target: any bytes, in every format, must import or fail with an error
//! code, never panic; an imported release renders, and no text field carries
//! HTML markup.
#![no_main]

use dateline_core::Block;
use dateline_import::{import, ImportOptions, SourceFormat};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::Event;

fn no_markup(text: &str) {
    let events = dateline_core::markdown::parse_inline(text);
    assert!(
        !events.iter().any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))),
        "markup in {text:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    for format in [None, Some(SourceFormat::Text), Some(SourceFormat::Markdown), Some(SourceFormat::Html)] {
        let opts = ImportOptions { format, ..ImportOptions::default() };
        if let Ok(out) = import(data, &opts) {
            let _ = dateline_core::render_text(&out.release);
            no_markup(&out.release.headline);
            for b in &out.release.body {
                if let Block::Paragraph { text } | Block::Heading { text } = b {
                    no_markup(text);
                }
            }
        }
    }
});
