//! `cargo bench -p dateline-diff --bench compare`
//!
//! Three comparisons, each beside the peer baseline `git diff --no-index
//! --word-diff` run on the plain texts of the same two releases (written to
//! temporary files; the git timing includes starting the process):
//!
//! - `seed`: two revisions of the seed release (target ≤ 1 ms);
//! - `20k_words`: a 20,000-word release with 5 % of its words changed and one
//!   paragraph moved (target ≤ 5 ms);
//! - `unrelated_200k`: two unrelated 200,000-word texts, in 2,000 paragraphs and
//!   as one pasted paragraph (target ≤ 250 ms; degrades to "replaced").
//!
//! After criterion's report, a median of a few runs of each pair is printed
//! with the ratio to git.

#[path = "../tests/common/gen.rs"]
mod gen;

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::Criterion;
use dateline_core::Release;
use dateline_diff::{compare, CompareOptions};

struct Case {
    name: &'static str,
    a: Release,
    b: Release,
    files: (PathBuf, PathBuf),
}

fn cases(dir: &std::path::Path) -> Vec<Case> {
    let seed = gen::seed();
    let fixture = |name: &str| {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let json = std::fs::read_to_string(path).unwrap_or_default();
        dateline_core::from_json(&json).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
    };
    // The seed pair: a moved and edited paragraph, a quote edit and a new date.
    let mut rev = fixture("moved-edited-paragraph");
    let edited = fixture("quote-edit");
    rev.body[5] = edited.body[5].clone();
    rev.dateline = fixture("date-change").dateline;

    let vocab = gen::vocabulary(3000);
    let p20 = gen::paragraphs(3, &vocab, 200, 100);
    let r20 = gen::revise(&p20, &vocab, 0.05, 20, 150);
    let ua = gen::paragraphs(1, &vocab, 2000, 100);
    let ub = gen::paragraphs(2, &vocab, 2000, 100);
    let one = |ps: &[Vec<String>]| vec![ps.iter().map(|p| p.join(" ")).collect::<Vec<_>>()];

    let pairs = vec![
        ("seed", seed.clone(), rev),
        (
            "20k_words",
            gen::release(&seed, &p20),
            gen::release(&seed, &r20),
        ),
        (
            "unrelated_200k_paragraphs",
            gen::release(&seed, &ua),
            gen::release(&seed, &ub),
        ),
        (
            "unrelated_200k_paste",
            gen::release(&seed, &one(&ua)),
            gen::release(&seed, &one(&ub)),
        ),
    ];
    pairs
        .into_iter()
        .map(|(name, a, b)| {
            let fa = dir.join(format!("{name}.a.txt"));
            let fb = dir.join(format!("{name}.b.txt"));
            std::fs::write(&fa, dateline_core::render_text(&a)).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&fb, dateline_core::render_text(&b)).unwrap_or_else(|e| panic!("{e}"));
            Case {
                name,
                a,
                b,
                files: (fa, fb),
            }
        })
        .collect()
}

fn git_word_diff(files: &(PathBuf, PathBuf)) -> usize {
    let out = Command::new("git")
        .args(["diff", "--no-index", "--word-diff=plain", "--no-color"])
        .arg(&files.0)
        .arg(&files.1)
        .output()
        .unwrap_or_else(|e| panic!("git: {e}"));
    out.stdout.len()
}

fn median(mut f: impl FnMut(), runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let cases = cases(dir.path());
    let opts = CompareOptions::default();
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    for case in &cases {
        let mut g = c.benchmark_group(case.name);
        g.bench_function("dateline_diff", |bch| {
            bch.iter(|| compare(black_box(&case.a), black_box(&case.b), &opts))
        });
        g.bench_function("git_word_diff", |bch| {
            bch.iter(|| git_word_diff(&case.files))
        });
        if case.name == "20k_words" {
            // Where the time goes: the body (block alignment and word diffs),
            // and for reference the raw word diff of `similar` over the two
            // whole plain texts.
            g.bench_function("body alignment only", |bch| {
                bch.iter(|| {
                    let mut budget = dateline_diff::words::Budget::new(&opts);
                    dateline_diff::blocks::align(&case.a, &case.b, &mut budget, &opts)
                })
            });
            let (ta, tb) = (
                dateline_core::render_text(&case.a),
                dateline_core::render_text(&case.b),
            );
            g.bench_function("similar word diff of the plain texts", |bch| {
                bch.iter(|| {
                    similar::TextDiff::from_words(black_box(&ta), black_box(&tb))
                        .ops()
                        .len()
                })
            });
        }
        g.finish();
    }
    c.final_summary();

    println!("\nmedians (9 runs) and ratio to git diff --no-index --word-diff:");
    println!(
        "{:<28} {:>12} {:>12} {:>8}  degraded",
        "case", "dateline", "git", "ratio"
    );
    for case in &cases {
        let ours = median(|| drop(black_box(compare(&case.a, &case.b, &opts))), 9);
        let git = median(
            || {
                black_box(git_word_diff(&case.files));
            },
            9,
        );
        let degraded = compare(&case.a, &case.b, &opts).degraded;
        println!(
            "{:<28} {:>10.3}ms {:>10.3}ms {:>7.3}x  {degraded}",
            case.name,
            ours.as_secs_f64() * 1e3,
            git.as_secs_f64() * 1e3,
            ours.as_secs_f64() / git.as_secs_f64().max(1e-9)
        );
    }
}
