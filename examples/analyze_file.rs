//! The native baseline of the Python package's benchmark (`python/bench/bench.py`): reads
//! messages separated by NUL bytes from a file, analyses them all with `analyze_with` in a loop
//! (best of several rounds) and prints the rate in messages per second.
//!
//! `cargo run --release --example analyze_file -- messages.bin [smart]`

use std::hint::black_box;
use std::time::Instant;

use septet::{analyze_with, Options};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: analyze_file FILE [smart]")?;
    let smart = args.next().as_deref() == Some("smart");
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{path}: {e}"))?;
    let messages: Vec<&str> = text.split('\0').collect();
    // No limits: every message is counted, as in the Python benchmark.
    let options = Options::default()
        .with_smart_encoding(smart)
        .with_limits(septet::Limits::NONE);
    let mut best = f64::INFINITY;
    let mut parts = 0;
    for _ in 0..7 {
        let start = Instant::now();
        parts = 0;
        for m in &messages {
            parts += analyze_with(black_box(m), &options).map_or(0, |a| a.parts);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{{\"messages\": {}, \"parts\": {parts}, \"seconds\": {best:.6}, \"rows_per_second\": {:.0}}}",
        messages.len(),
        messages.len() as f64 / best
    );
    Ok(())
}
