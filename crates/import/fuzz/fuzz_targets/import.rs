//! Fuzz target: any bytes, in every format, must import or fail with an error
//! code, never panic; an imported release renders, and no field carries markup.
#![no_main]

use dateline_import::{import, ImportOptions, SourceFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in [None, Some(SourceFormat::Text), Some(SourceFormat::Markdown), Some(SourceFormat::Html)] {
        let opts = ImportOptions { format, ..ImportOptions::default() };
        if let Ok(out) = import(data, &opts) {
            let _ = dateline_core::render_text(&out.release);
            assert!(!out.release.headline.contains('<') || out.release.headline.contains("\\<"));
        }
    }
});
