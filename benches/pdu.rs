//! Criterion benchmarks of the byte layer: packing and unpacking 1 MiB of septets, and encoding
//! a typical one-part message beside analysing it (the contract's target: encoding costs at most
//! twice the analysis), both with `encode` (owned parts) and with `MessageEncoder` (no
//! allocation), plus decoding it back.
//!
//! `cargo bench --bench pdu` (all), or a filter such as `cargo bench --bench pdu -- pack`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use septet::{
    analyze_with, decode_user_data, encode, encode_part_into, pack_septets, packed_octets,
    unpack_septets, Alphabet, EncodeOptions, MessageEncoder, Options, PartBytes, PartCoding,
};

const MIB: usize = 1 << 20;

fn packing(c: &mut Criterion) {
    // Deterministic septets (a linear congruential sequence, masked to 7 bits).
    let mut state = 1u32;
    let septets: Vec<u8> = (0..MIB)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 24) as u8 & 0x7F
        })
        .collect();
    let mut packed = vec![0u8; packed_octets(1, MIB)];
    let mut group = c.benchmark_group("septets_1MiB");
    group.throughput(Throughput::Bytes(MIB as u64));
    for fill in [0u8, 1] {
        group.bench_function(format!("pack_fill{fill}"), |b| {
            b.iter(|| pack_septets(black_box(&septets), fill, &mut packed).unwrap())
        });
        pack_septets(&septets, fill, &mut packed).unwrap();
        let mut out = vec![0u8; MIB];
        group.bench_function(format!("unpack_fill{fill}"), |b| {
            b.iter(|| unpack_septets(black_box(&packed), fill, MIB, &mut out).unwrap())
        });
    }
    group.finish();
}

fn one_part(c: &mut Criterion) {
    let options = Options::default();
    let encode_options = EncodeOptions::default();
    let mut group = c.benchmark_group("one_part");
    for (kind, text) in [
        (
            "ascii",
            "Your code is 483920. It expires in 10 minutes. Do not share it with anyone. Reply STOP to opt out.",
        ),
        (
            "ucs2_cyrillic",
            "Здравствуйте! Ваш заказ отправлен и будет доставлен завтра. Код: 4839.",
        ),
    ] {
        group.bench_function(format!("{kind}/analyze"), |b| {
            b.iter(|| analyze_with(black_box(text), &options).unwrap())
        });
        group.bench_function(format!("{kind}/encode"), |b| {
            b.iter(|| encode(black_box(text), &options, &encode_options).unwrap())
        });
        // The allocation-free whole message: analysis, framing, and every part's TP-UD and
        // SMPP short_message written into one caller-owned `PartBytes`.
        let mut part = PartBytes::new();
        group.bench_function(format!("{kind}/message_encoder"), |b| {
            b.iter(|| {
                let mut encoder =
                    MessageEncoder::new(black_box(text), &options, &encode_options).unwrap();
                while let Some(index) = encoder.encode_next_into(&mut part).unwrap() {
                    black_box((index, &part));
                }
            })
        });
        let coding = if kind == "ascii" {
            PartCoding::Gsm7(Alphabet::DEFAULT)
        } else {
            PartCoding::Ucs2
        };
        let mut ud = [0u8; 140];
        group.bench_function(format!("{kind}/encode_part_into"), |b| {
            b.iter(|| encode_part_into(black_box(text), coding, None, &mut ud).unwrap())
        });
        let info = encode_part_into(text, coding, None, &mut ud).unwrap();
        group.bench_function(format!("{kind}/decode_user_data"), |b| {
            b.iter(|| {
                decode_user_data(black_box(&ud), info.dcs, false, usize::from(info.udl)).unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, packing, one_part);
criterion_main!(benches);
