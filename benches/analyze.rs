//! Criterion benchmarks of the core, with the physical-limit baselines (`str::is_ascii`,
//! `core::str::from_utf8`) and the naive model measured in the same run on the same bytes.
//!
//! `cargo bench --bench analyze` (all), or a filter such as `cargo bench --bench analyze -- typical`.
//! Workloads are generated here, deterministically; nothing is read from disk.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use septet::{analyze_with, Options, SplitMode};

#[path = "../tests/naive/mod.rs"]
mod naive;

/// Typical messages of at most 160 characters, one per kind.
const TYPICAL: &[(&str, &str)] = &[
    ("ascii", "Your code is 483920. It expires in 10 minutes. Do not share it with anyone. Reply STOP to opt out."),
    ("gsm_extension", "Prix: 12€ {promo} [code: ÉTÉ] - ok? Café à 3€ ~ à bientôt | Ñandú ¿sí? ¡Hola!"),
    ("smart_punctuation", "Don’t miss our “flash sale” — 50% off everything… today only! Use code ‘SAVE50’ at checkout."),
    ("ucs2_cjk", "您好，您的订单已发货，预计明天送达。如有问题请回复本短信。"),
    ("ucs2_cyrillic", "Здравствуйте! Ваш заказ отправлен и будет доставлен завтра. Код: 4839."),
    ("emoji_zwj", "Party tonight 🎉👩‍👩‍👧‍👦 bring snacks 🍕🍻 see you 👋🏽 🇫🇷"),
];

/// Repeats a kind's unit up to `bytes` bytes (whole characters).
fn long(kind: &str, bytes: usize) -> String {
    let unit = match kind {
        "ascii" => "The quick brown fox jumps over the lazy dog. 0123456789\n",
        "gsm" => "Café à 3€ {promo} [ÉTÉ] Ñandú ¿sí? ",
        "smart" => "Don’t “quote” me — ok… ",
        "ucs2" => "Здравствуйте 您好 ",
        _ => "Party 🎉👩‍👩‍👧‍👦 🇫🇷 👋🏽 ",
    };
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() + unit.len() <= bytes {
        s.push_str(unit);
    }
    s
}

fn unlimited() -> Options {
    Options::default().with_limits(septet::Limits::NONE)
}

fn bench_typical(c: &mut Criterion) {
    let mut group = c.benchmark_group("typical");
    let plain = Options::default();
    let smart = Options::default().with_smart_encoding(true);
    let graphemes = Options::default().with_split(SplitMode::Graphemes);
    for &(name, text) in TYPICAL {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("analyze", name), text, |b, t| {
            b.iter(|| analyze_with(black_box(t), &plain))
        });
        group.bench_with_input(BenchmarkId::new("analyze_smart", name), text, |b, t| {
            b.iter(|| analyze_with(black_box(t), &smart))
        });
        group.bench_with_input(BenchmarkId::new("analyze_graphemes", name), text, |b, t| {
            b.iter(|| analyze_with(black_box(t), &graphemes))
        });
        group.bench_with_input(BenchmarkId::new("split", name), text, |b, t| {
            b.iter(|| septet::split(black_box(t), &smart).map(|s| s.parts().count()))
        });
        group.bench_with_input(BenchmarkId::new("smart_encode", name), text, |b, t| {
            b.iter(|| septet::smart_encode(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("naive_model", name), text, |b, t| {
            b.iter(|| naive::model(black_box(t), &plain))
        });
        group.bench_with_input(BenchmarkId::new("is_ascii", name), text, |b, t| {
            b.iter(|| black_box(t).is_ascii())
        });
    }
    group.finish();
}

fn bench_long(c: &mut Criterion) {
    let mut group = c.benchmark_group("long");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(2));
    let options = unlimited();
    let graphemes = unlimited().with_split(SplitMode::Graphemes);
    for kind in ["ascii", "gsm", "smart", "ucs2", "emoji"] {
        for size in [1usize << 10, 1 << 16, 1 << 20, 1 << 24] {
            let text = long(kind, size);
            let id = format!("{kind}/{size}");
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new("analyze", &id), &text, |b, t| {
                b.iter(|| analyze_with(black_box(t), &options))
            });
            group.bench_with_input(BenchmarkId::new("analyze_graphemes", &id), &text, |b, t| {
                b.iter(|| analyze_with(black_box(t), &graphemes))
            });
            if kind == "ascii" {
                group.bench_with_input(BenchmarkId::new("is_ascii", &id), &text, |b, t| {
                    b.iter(|| black_box(t).is_ascii())
                });
                group.bench_with_input(BenchmarkId::new("from_utf8", &id), &text, |b, t| {
                    b.iter(|| std::str::from_utf8(black_box(t.as_bytes())).is_ok())
                });
            }
            if size <= 1 << 16 {
                group.bench_with_input(BenchmarkId::new("naive_model", &id), &text, |b, t| {
                    b.iter(|| naive::model(black_box(t), &options))
                });
            }
        }
    }
    group.finish();
}

criterion_group!(benches, bench_typical, bench_long);
criterion_main!(benches);
