//! Very large inputs: 100 MB of text and a single grapheme of a million combining marks. Time
//! grows linearly (checked as a ratio with generous bounds, the best of three runs each, so a busy
//! machine does not make it flaky) and memory stays bounded (analysis never allocates; see
//! `no_alloc.rs`).

use std::time::{Duration, Instant};

use septet::{analyze_with, Encoding, Options, SplitMode};

fn best_of_three(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn unlimited() -> Options {
    Options::default().with_limits(septet::Limits::NONE)
}

/// Asserts that 10× the input takes at most `bound`× the time (linear: 10×, quadratic: 100×).
fn assert_linear(make: impl Fn(usize) -> String, small: usize, options: &Options, bound: f64) {
    let small_text = make(small);
    let large_text = make(small * 10);
    let t_small = best_of_three(|| {
        analyze_with(&small_text, options).unwrap();
    });
    let t_large = best_of_three(|| {
        analyze_with(&large_text, options).unwrap();
    });
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
    assert!(
        ratio < bound,
        "10x input took {ratio:.1}x the time ({t_small:?} -> {t_large:?})"
    );
}

#[test]
fn hundred_megabytes_of_text() {
    let unit = "The quick brown fox jumps over the lazy dog {€} ";
    let text = unit.repeat(100_000_000 / unit.len());
    let a = analyze_with(&text, &unlimited()).unwrap();
    assert_eq!(a.encoding, Encoding::Gsm7);
    assert_eq!(a.characters, text.chars().count());
    assert_linear(|n| unit.repeat(n), 200_000, &unlimited(), 40.0);
    let smart = unlimited()
        .with_smart_encoding(true)
        .with_split(SplitMode::Graphemes);
    assert_linear(|n| "Don’t “quote” me… 😀 ".repeat(n), 20_000, &smart, 40.0);
}

#[test]
fn a_million_combining_marks_in_one_grapheme() {
    let graphemes = unlimited().with_split(SplitMode::Graphemes);
    let text = format!("x{}", "\u{301}".repeat(1_000_000));
    let a = analyze_with(&text, &graphemes).unwrap();
    assert_eq!((a.encoding, a.units), (Encoding::Ucs2, 1_000_001));
    assert_eq!(a.parts, 1_000_001usize.div_ceil(67));
    assert_linear(
        |n| format!("x{}", "\u{301}".repeat(n)),
        100_000,
        &graphemes,
        40.0,
    );
    let smart = graphemes.with_smart_encoding(true);
    assert_linear(
        |n| format!("😀{}\u{200D}😀", "\u{301}\u{200B}".repeat(n)),
        50_000,
        &smart,
        40.0,
    );
}
