//! A fixed workload for instruction-level profiles (callgrind), since wall-clock timers are noisy:
//!
//! `cargo build --release --example profile && valgrind --tool=callgrind --branch-sim=yes
//!  target/release/examples/profile gsm`
//!
//! Kinds: `ascii` (1 MiB of ASCII, 20 times), `gsm` (a typical GSM message with accented letters
//! and extension characters, a million times), `smart` (a typical message with smart punctuation,
//! smart encoding on, a million times).

use std::hint::black_box;

use septet::{analyze_with, Options};

fn main() {
    let kind = std::env::args().nth(1).unwrap_or_else(|| "gsm".into());
    let unlimited = Options::default()
        .with_max_parts(usize::MAX)
        .with_max_characters(usize::MAX);
    let (text, options, rounds) = match kind.as_str() {
        "ascii" => (
            "The quick brown fox jumps over the lazy dog. 0123456789\n".repeat(1 << 20 >> 6),
            unlimited,
            20,
        ),
        "smart" => (
            "Don’t miss our “flash sale” — 50% off everything… today only! Use code ‘SAVE50’."
                .to_string(),
            unlimited.with_smart_encoding(true),
            1_000_000,
        ),
        _ => (
            "Prix: 12€ {promo} [code: ÉTÉ] - ok? Café à 3€ ~ à bientôt | Ñandú ¿sí? ¡Hola!"
                .to_string(),
            unlimited,
            1_000_000,
        ),
    };
    let mut parts = 0;
    for _ in 0..rounds {
        parts += analyze_with(black_box(&text), &options).map_or(0, |a| a.parts);
    }
    println!(
        "{kind}: {parts} parts over {rounds} rounds of {} bytes",
        text.len()
    );
}
