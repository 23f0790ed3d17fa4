//! What the `grammar` feature costs at run time: the first lint of the seed
//! (harper builds its dictionary and rules), then warm runs with one linter.
//!
//! `cargo run --release -p dateline-checks --features grammar --example grammar_cost`

use std::time::{Duration, Instant};

use dateline_checks::{Linter, Profile};

const SEED: &str = include_str!("../../../examples/un-expert-khakimova.json");

fn main() {
    let seed = dateline_core::from_json(SEED).expect("the seed loads");
    let today = chrono::NaiveDate::from_ymd_opt(2025, 5, 14).expect("date");
    let linter = Linter::new(Profile::for_style(seed.style)).with_today(today);

    let t = Instant::now();
    let report = linter.run(&seed);
    let cold = t.elapsed();

    let runs = 50;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(linter.run(&seed));
            t.elapsed()
        })
        .collect();
    times.sort();

    // A second linter (another house style in the app): the dictionary is
    // already built, its rules are not.
    let other = Linter::new(Profile::for_style(seed.style)).with_today(today);
    let t = Instant::now();
    other.run(&seed);
    let second = t.elapsed();

    let grammar = report
        .findings
        .iter()
        .filter(|f| f.check.starts_with("grammar."))
        .count();
    println!(
        "seed: {} findings, {grammar} from grammar",
        report.findings.len()
    );
    println!("cold (first lint, builds dictionary and rules): {cold:.2?}");
    println!("second linter, first lint (rules only):        {second:.2?}");
    println!(
        "warm, {runs} runs: median {:.2?}, min {:.2?}, max {:.2?}",
        times[runs / 2],
        times[0],
        times[runs - 1]
    );
}
