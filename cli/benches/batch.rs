//! The CLI's batch path: per line (parse the JSON line, analyse, serialise the result object),
//! and whole batches of the peer workload through the streaming runner with `--jobs 1` and
//! `--jobs 2` (1,000,000 lines, generated in memory; output byte-identical, checked here).
//!
//! `cargo bench -p septet-cli --bench batch` (all), `... -- jobs` (the runner only)

use std::hint::black_box;

use std::sync::Arc;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use septet_cli::batch::{input::Format, run, Analyse, BatchConfig};
use septet_report::{process_line, Settings};

#[path = "support/workload.rs"]
mod workload;

fn bench_batch(c: &mut Criterion) {
    let lines: Vec<String> = [
        "Your code is 483920. It expires in 10 minutes. Reply STOP to opt out.",
        "Don’t miss our “flash sale” — 50% off everything… today only!",
        "Party tonight 🎉 bring snacks 🍕 see you 👋🏽",
        "Prix: 12€ {promo} [code: ÉTÉ] - Café à 3€",
    ]
    .iter()
    .enumerate()
    .map(|(id, text)| {
        serde_json::json!({ "id": id, "text": text, "smart_encoding": id % 2 == 1 }).to_string()
    })
    .collect();
    let bytes: usize = lines.iter().map(String::len).sum();
    let settings = Settings::default();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("process_line x4", |b| {
        b.iter(|| {
            for (n, line) in lines.iter().enumerate() {
                black_box(process_line(
                    black_box(line.as_bytes()),
                    n as u64 + 1,
                    0,
                    &settings,
                ));
            }
        })
    });
    group.finish();
}

/// Runs the whole batch in memory and returns the output.
fn run_batch(input: &'static [u8], jobs: usize) -> Vec<u8> {
    let mut output = Vec::with_capacity(input.len() * 4);
    let handler = Arc::new(Analyse::new(Settings::default()));
    let config = BatchConfig {
        format: Format::JsonLines,
        jobs,
        progress: None,
    };
    run(Box::new(input), &mut output, handler, config).expect("in-memory batch");
    output
}

fn bench_jobs(c: &mut Criterion) {
    const LINES: usize = 1_000_000;
    let input: &'static [u8] = workload::workload_jsonl(LINES).into_bytes().leak();
    assert!(
        run_batch(input, 1) == run_batch(input, 2),
        "--jobs 2 output differs from --jobs 1"
    );
    let mut group = c.benchmark_group("jobs");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Elements(LINES as u64));
    for jobs in [1, 2] {
        group.bench_with_input(
            BenchmarkId::new("batch_1m_lines", jobs),
            &jobs,
            |b, &jobs| b.iter(|| run_batch(black_box(input), jobs).len()),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_batch, bench_jobs);
criterion_main!(benches);
