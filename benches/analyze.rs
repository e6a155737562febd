//! Criterion benchmarks of the core: typical messages and long inputs, with the physical-limit
//! baselines (`str::is_ascii`, `core::str::from_utf8`) measured in the same run on the same bytes.
//!
//! Run: `cargo bench --bench analyze`. Workloads are generated here, deterministically.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use septet::{analyze_with, Options, SplitMode};

/// Typical messages of at most 160 characters, one per kind.
fn typical() -> Vec<(&'static str, String)> {
    vec![
        ("ascii", "Your code is 483920. It expires in 10 minutes. Do not share it with anyone. Reply STOP to opt out.".to_string()),
        ("gsm_extension", "Prix: 12€ {promo} [code: ÉTÉ] — ok? Café à 3€ ~ à bientôt | Ñandú ¿sí? ¡Hola!".replace('—', "-")),
        ("smart_punctuation", "Don’t miss our “flash sale” — 50% off everything… today only! Use code ‘SAVE50’ at checkout.".to_string()),
        ("ucs2_cjk", "您好，您的订单已发货，预计明天送达。如有问题请回复本短信。".to_string()),
        ("emoji_zwj", "Party tonight 🎉👩‍👩‍👧‍👦 bring snacks 🍕🍻 see you 👋🏽 🇫🇷".to_string()),
    ]
}

fn long(kind: &str, bytes: usize) -> String {
    let unit = match kind {
        "ascii" => "The quick brown fox jumps over the lazy dog. 0123456789 ",
        "smart" => "Don’t “quote” me — ok… ",
        _ => "Ünïcödé ж 中文 😀 ",
    };
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn unlimited() -> Options {
    Options::default()
        .with_max_parts(usize::MAX)
        .with_max_characters(usize::MAX)
}

fn bench_typical(c: &mut Criterion) {
    let mut group = c.benchmark_group("typical");
    let plain = Options::default();
    let smart = Options::default().with_smart_encoding(true);
    let graphemes = Options::default().with_split(SplitMode::Graphemes);
    for (name, text) in typical() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("analyze", name), &text, |b, t| {
            b.iter(|| analyze_with(black_box(t), &plain))
        });
        group.bench_with_input(BenchmarkId::new("analyze_smart", name), &text, |b, t| {
            b.iter(|| analyze_with(black_box(t), &smart))
        });
        group.bench_with_input(
            BenchmarkId::new("analyze_graphemes", name),
            &text,
            |b, t| b.iter(|| analyze_with(black_box(t), &graphemes)),
        );
        group.bench_with_input(BenchmarkId::new("is_ascii", name), &text, |b, t| {
            b.iter(|| black_box(t).is_ascii())
        });
    }
    group.finish();
}

fn bench_long(c: &mut Criterion) {
    let mut group = c.benchmark_group("long");
    group.sample_size(20);
    let options = unlimited();
    for kind in ["ascii", "smart", "unicode"] {
        for size in [1 << 10, 1 << 16, 1 << 20] {
            let text = long(kind, size);
            let id = format!("{kind}/{size}");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new("analyze", &id), &text, |b, t| {
                b.iter(|| analyze_with(black_box(t), &options))
            });
            group.bench_with_input(BenchmarkId::new("is_ascii", &id), &text, |b, t| {
                b.iter(|| black_box(t).is_ascii())
            });
            group.bench_with_input(BenchmarkId::new("from_utf8", &id), &text, |b, t| {
                b.iter(|| std::str::from_utf8(black_box(t.as_bytes())).is_ok())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_typical, bench_long);
criterion_main!(benches);
