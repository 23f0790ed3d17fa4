//! Render speed: the seed to every format (target: HTML ≤ 1 ms) and a
//! generated 20,000-word release to HTML (target ≤ 5 ms), print and text.
//!
//! `cargo bench -p dateline-export --bench render`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dateline_core::model::*;
use dateline_export::{preview_html, render_unchecked, Format};

const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

/// A long release: 200 blocks of about 100 words each (paragraphs with
/// emphasis, links and footnote markers; every fifth block a quote).
fn long_release() -> Release {
    let mut r = dateline_core::from_json(SEED).expect("seed");
    let sentence = "The special rapporteur* noted that the **court** reportedly held the hearing \
                    behind closed doors, and [the report](https://example.org/report) says so. ";
    let words_per_sentence = sentence.split_whitespace().count();
    let mut body = Vec::new();
    let mut words = 0;
    let mut i = 0;
    while words < 20_000 {
        let text: String = sentence.repeat(100 / words_per_sentence);
        words += text.split_whitespace().count();
        if i % 5 == 4 {
            body.push(Block::Quote(Quote {
                speaker: "lawlor".into(),
                paragraphs: vec![QuoteParagraph {
                    lead_in: None,
                    segments: vec![QuoteSegment {
                        text,
                        attribution: Some(Attribution::SaidNameTitle),
                    }],
                }],
            }));
        } else {
            body.push(Block::Paragraph { text });
        }
        i += 1;
    }
    r.body = body;
    r
}

fn bench(c: &mut Criterion) {
    let seed = dateline_core::from_json(SEED).expect("seed");
    let mut g = c.benchmark_group("seed");
    for f in Format::ALL {
        g.bench_function(f.name(), |b| {
            b.iter(|| render_unchecked(black_box(&seed), f))
        });
    }
    g.bench_function("html (checked render)", |b| {
        b.iter(|| dateline_export::render(black_box(&seed), Format::Html))
    });
    g.finish();

    let long = long_release();
    let mut g = c.benchmark_group("20k-words");
    g.sample_size(20);
    g.bench_function("html", |b| b.iter(|| preview_html(black_box(&long))));
    // The HTML export is the markup (safe as written) in the document shell;
    // for comparison, what the sanitizer pass the markup no longer needs costs.
    let markup = dateline_export::html::release_body(&long);
    g.bench_function("html: markup only", |b| {
        b.iter(|| dateline_export::html::release_body(black_box(&long)))
    });
    g.bench_function("sanitizer pass (not on the export path)", |b| {
        b.iter(|| dateline_export::sanitize::sanitize_fragment(black_box(&markup)))
    });
    for f in [Format::Text, Format::Markdown, Format::Print, Format::Ninjs] {
        g.bench_function(f.name(), |b| {
            b.iter(|| render_unchecked(black_box(&long), f))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
