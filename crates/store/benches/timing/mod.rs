//! Percentiles and reports shared by the store's benchmarks.

use std::time::Duration;

/// The `p` percentile (0–1) of `sorted`.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

/// Prints p50, p95 and the largest of `lat` in milliseconds.
#[allow(dead_code)]
pub fn report_ms(name: &str, mut lat: Vec<Duration>) {
    lat.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name:<52} p50 {:>7.2} ms   p95 {:>7.2} ms   max {:>7.2} ms   (n = {})",
        ms(percentile(&lat, 0.5)),
        ms(percentile(&lat, 0.95)),
        ms(lat.last().copied().unwrap_or_default()),
        lat.len()
    );
}
