//! Lint speed: the seed (target ≤ 2 ms) and a generated 20,000-word release
//! (target ≤ 50 ms), under the UN profile, with and without a Vale style.
//!
//! `cargo bench -p dateline-checks --bench lint`; with `--features grammar`,
//! also `lint_grammar`: the seed through the English grammar engine.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dateline_checks::{Linter, Profile, ValeStyles};
use dateline_core::model::*;

const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

/// 200 blocks of about 100 words (dates, figures, emphasis, links, markers);
/// every fifth block a quote.
fn long_release() -> Release {
    let mut r = dateline_core::from_json(SEED).expect("seed");
    let sentence = "On Wednesday, 14 May 2025 the expert* noted that 3 courts had **reportedly** \
                    held hearings behind closed doors, and [the report](https://www.ohchr.org/report) says so. ";
    let per = sentence.split_whitespace().count();
    let mut body = Vec::new();
    let (mut words, mut i) = (0, 0);
    while words < 20_000 {
        let text = sentence.repeat(100 / per);
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

fn vale_style() -> ValeStyles {
    let mut v = ValeStyles::default();
    v.add_rule("Bench", "Hedging", "extends: existence\nmessage: \"Avoid '%s'.\"\nignorecase: true\ntokens:\n  - reportedly\n  - allegedly\n  - appears to\n");
    v.add_rule("Bench", "Plain", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  utilize: use\n  in order to: to\n");
    v.add_rule("Bench", "Grade", "extends: readability\nmessage: \"Grade %s.\"\nmetrics:\n  - Flesch-Kincaid\n  - Gunning Fog\ngrade: 12\n");
    v
}

fn bench(c: &mut Criterion) {
    let seed = dateline_core::from_json(SEED).expect("seed");
    let long = long_release();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date");
    let linter = Linter::new(Profile::for_style(seed.style)).with_today(today);
    let with_vale = linter.clone().with_vale(vale_style());
    let mut g = c.benchmark_group("lint");
    g.bench_function("seed", |b| b.iter(|| linter.run(black_box(&seed))));
    g.bench_function("seed + vale", |b| {
        b.iter(|| with_vale.run(black_box(&seed)))
    });
    g.bench_function("seed (new linter each time)", |b| {
        b.iter(|| dateline_checks::lint(black_box(&seed), &Profile::for_style(seed.style)))
    });
    g.bench_function("20k words", |b| b.iter(|| linter.run(black_box(&long))));
    g.bench_function("20k words + vale", |b| {
        b.iter(|| with_vale.run(black_box(&long)))
    });
    g.finish();
}

/// The English grammar engine on the seed, warm (the engine is built before
/// timing starts; the cold cost is in `examples/grammar_cost.rs`).
/// `cargo bench -p dateline-checks --features grammar --bench lint -- lint_grammar`
#[cfg(feature = "grammar")]
fn lint_grammar(c: &mut Criterion) {
    let seed = dateline_core::from_json(SEED).expect("seed");
    let today = chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date");
    let linter = Linter::new(Profile::for_style(seed.style)).with_today(today);
    linter.run(&seed);
    let mut g = c.benchmark_group("lint_grammar");
    g.bench_function("seed", |b| b.iter(|| linter.run(black_box(&seed))));
    // Lint as you type: one paragraph changed, the rest cached by harper.
    let mut edited = seed.clone();
    let mut n = 0u32;
    g.bench_function("seed, one paragraph edited", |b| {
        b.iter(|| {
            n += 1;
            edited.body[0] = Block::Paragraph {
                text: format!("The expert spoke {n} times today about the case."),
            };
            linter.run(black_box(&edited))
        })
    });
    g.finish();
}

#[cfg(feature = "grammar")]
criterion_group!(benches, bench, lint_grammar);
#[cfg(not(feature = "grammar"))]
criterion_group!(benches, bench);
criterion_main!(benches);
