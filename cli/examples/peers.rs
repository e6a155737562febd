//! The native side of the peer comparison (`benches/peers/peers.mjs`): analyses every message of
//! a JSON Lines workload in-process with default options, best of several rounds, and prints
//! one JSON object: messages per second, MB/s, total segments.
//!
//! `cargo run --release -p septet-cli --example peers -- workload.jsonl`

use std::time::Instant;

use septet::{analyze_with, Options};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: peers WORKLOAD.jsonl");
    let data = std::fs::read_to_string(&path).expect("read workload");
    let messages: Vec<String> = data
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("workload line");
            v["text"].as_str().expect("text").to_string()
        })
        .collect();
    let bytes: usize = messages.iter().map(String::len).sum();
    let options = Options::default().with_limits(septet::Limits::NONE);
    let mut best = f64::MAX;
    let mut segments = 0;
    for _ in 0..7 {
        let start = Instant::now();
        segments = 0;
        for m in &messages {
            segments += analyze_with(std::hint::black_box(m), &options).map_or(0, |a| a.parts);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{}",
        serde_json::json!({
            "messages": messages.len(),
            "seconds": best,
            "messages_per_second": messages.len() as f64 / best,
            "mb_per_second": bytes as f64 / best / 1e6,
            "segments": segments,
        })
    );
}
