//! The CLI's batch path per line: parse the JSON line, analyse, serialise the result object.
//!
//! `cargo bench -p septet-cli --bench batch`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use septet_cli::{process_line, Settings};

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

criterion_group!(benches, bench_batch);
criterion_main!(benches);
