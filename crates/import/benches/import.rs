//! Import speed: the seed release (target ≤ 2 ms) and a 20,000-word release,
//! as plain text and as HTML.
//!
//! `cargo bench -p dateline-import --bench import`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dateline_import::{import, ImportOptions};

const SEED: &str = include_str!("../../../examples/un-expert-khakimova.txt");

/// A long release: dateline, paragraphs, quotes, sub-headings, lists, tail; ~20,000 words.
fn long_release() -> String {
    let mut s =
        String::from("Council publishes review of the city water network (Press Release)\n\n");
    s.push_str(
        "GENEVA (14 May 2025) – The council today published a review of the water network.\n\n",
    );
    let para = "The review covers pipes, pumps and reservoirs in every district, and sets out the repairs needed over the next ten years.";
    let mut words = 0;
    let mut i = 0;
    while words < 20_000 {
        let block = match i % 7 {
            3 => format!("“We found leaks in {i} places, and we will fix them,” said Mary Lawlor, Director of Water Services. “The work starts this year.”"),
            5 => format!("Findings part {i}"),
            6 => "- pipes older than fifty years\n- pumps without backup power\n- reservoirs that need new covers".to_string(),
            _ => format!("{para} {para} Section {i}."),
        };
        words += block.split_whitespace().count();
        s.push_str(&block);
        s.push_str("\n\n");
        i += 1;
    }
    s.push_str("ENDS\n\n\n*The expert: Mary Lawlor, Director of Water Services.\n\nMedia contacts\n\nJane Doe, Press Officer\njane@example.org\n+41 22 917 0000");
    s
}

fn html_of(text: &str) -> String {
    let mut h = String::from("<html><body><main>");
    for (i, block) in text.split("\n\n").enumerate() {
        let tag = if i == 0 { "h1" } else { "p" };
        h.push_str(&format!("<{tag}>{}</{tag}>\n", block.replace('<', "&lt;")));
    }
    h.push_str("</main></body></html>");
    h
}

fn bench(c: &mut Criterion) {
    let opts = ImportOptions::default();
    let long = long_release();
    let long_html = html_of(&long);
    c.bench_function("import seed (text)", |b| {
        b.iter(|| import(black_box(SEED.as_bytes()), &opts))
    });
    c.bench_function("import 20,000 words (text)", |b| {
        b.iter(|| import(black_box(long.as_bytes()), &opts))
    });
    c.bench_function("import 20,000 words (HTML)", |b| {
        b.iter(|| import(black_box(long_html.as_bytes()), &opts))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
