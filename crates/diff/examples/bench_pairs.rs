//! Writes the comparison benchmark's pairs to a folder, as release JSON (for
//! `dateline diff`) and as plain text (for `git diff --no-index --word-diff`):
//! `seed.a.json`, `seed.b.json`, `seed.a.txt`, `seed.b.txt`, and the same for
//! `20k_words`. Used by `scripts/bench-diff-vs-git.sh`.
//!
//! `cargo run -p dateline-diff --example bench_pairs -- DIR`

#[path = "../tests/common/gen.rs"]
mod gen;

use std::path::Path;

use dateline_core::Release;

fn fixture(name: &str) -> Release {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    dateline_core::from_json(&json).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

fn write(dir: &Path, name: &str, a: &Release, b: &Release) {
    for (side, r) in [("a", a), ("b", b)] {
        let json = dir.join(format!("{name}.{side}.json"));
        std::fs::write(&json, r.to_json()).unwrap_or_else(|e| panic!("{}: {e}", json.display()));
        let txt = dir.join(format!("{name}.{side}.txt"));
        std::fs::write(&txt, dateline_core::render_text(r))
            .unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    // The same pairs as `benches/compare.rs`.
    let seed = gen::seed();
    let mut rev = fixture("moved-edited-paragraph");
    rev.body[5] = fixture("quote-edit").body[5].clone();
    rev.dateline = fixture("date-change").dateline;
    write(dir, "seed", &seed, &rev);

    let vocab = gen::vocabulary(3000);
    let p20 = gen::paragraphs(3, &vocab, 200, 100);
    let r20 = gen::revise(&p20, &vocab, 0.05, 20, 150);
    write(
        dir,
        "20k_words",
        &gen::release(&seed, &p20),
        &gen::release(&seed, &r20),
    );
}
