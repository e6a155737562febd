//! A fixed workload for instruction-level profiles (callgrind, `perf stat`), since wall-clock
//! timers are noisy on a shared machine:
//!
//! `cargo build --release --example profile && valgrind --tool=callgrind --branch-sim=yes
//!  target/release/examples/profile gsm`
//!
//! Kinds: `long_ascii` (1 MiB of ASCII, 20 times), and one typical message per kind of the
//! benchmark (`benches/analyze.rs`), a million times each: `ascii`, `gsm` (accented letters and
//! extension characters), `smart` (smart punctuation, smart encoding on), `smart_plain` (the
//! same message without smart encoding: UCS-2), `cjk`, `cyrillic`, `emoji`. An optional second
//! argument sets the rounds. Divide callgrind's instruction and misprediction counts by the
//! rounds for per-call figures.

use std::hint::black_box;

use septet::{analyze_with, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_else(|| "gsm".into());
    let unlimited = Options::default().with_limits(septet::Limits::NONE);
    let smart = unlimited.with_smart_encoding(true);
    let message = |text: &str, options| (text.to_string(), options, 1_000_000);
    let (text, options, mut rounds) = match kind.as_str() {
        "long_ascii" => (
            "The quick brown fox jumps over the lazy dog. 0123456789\n".repeat(1 << 20 >> 6),
            unlimited,
            20,
        ),
        "ascii" => message("Your code is 483920. It expires in 10 minutes. Do not share it with anyone. Reply STOP to opt out.", unlimited),
        "gsm" => message("Prix: 12€ {promo} [code: ÉTÉ] - ok? Café à 3€ ~ à bientôt | Ñandú ¿sí? ¡Hola!", unlimited),
        "smart" => message("Don’t miss our “flash sale” — 50% off everything… today only! Use code ‘SAVE50’ at checkout.", smart),
        "smart_plain" => message("Don’t miss our “flash sale” — 50% off everything… today only! Use code ‘SAVE50’ at checkout.", unlimited),
        "cjk" => message("您好，您的订单已发货，预计明天送达。如有问题请回复本短信。", unlimited),
        "cyrillic" => message("Здравствуйте! Ваш заказ отправлен и будет доставлен завтра. Код: 4839.", unlimited),
        "emoji" => message("Party tonight 🎉👩‍👩‍👧‍👦 bring snacks 🍕🍻 see you 👋🏽 🇫🇷", unlimited),
        other => {
            eprintln!("unknown kind {other:?}; expected long_ascii, ascii, gsm, smart, smart_plain, cjk, cyrillic or emoji");
            std::process::exit(2);
        }
    };
    if let Some(n) = args.next() {
        rounds = n.parse().expect("rounds must be a number");
    }
    let mut parts = 0;
    for _ in 0..rounds {
        parts += analyze_with(black_box(&text), &options).map_or(0, |a| a.parts);
    }
    println!(
        "{kind}: {parts} parts over {rounds} rounds of {} bytes",
        text.len()
    );
}
