//! Hostile shapes for grapheme splitting of smart-encoded text: long runs of regional
//! indicators, combining marks, emoji ZWJ chains and Indic conjuncts, each interleaved with
//! characters smart encoding removes, so that the outgoing text is made of many tiny pieces.
//! They must agree with the naive model, and stay linear (200,000 pieces finish in milliseconds;
//! a quadratic walk would not finish).

mod naive;

use septet::{analyze_with, Options, SplitMode};

const SHAPES: &[(&str, &str)] = &[
    ("x", "🇦\u{200B}"),
    ("x", "\u{301}\u{200B}"),
    ("😀", "\u{200B}\u{200D}😀"),
    ("x", "क\u{94D}\u{200B}"),
    ("x", "\u{FEFF}🇦"),
    ("👩", "\u{303}\u{200D}👩"),
];

#[test]
fn hostile_shapes_match_the_model() {
    for (head, unit) in SHAPES {
        for n in [1, 2, 3, 40, 41, 150, 333] {
            let text = format!("{head}{}", unit.repeat(n));
            for o in naive::all_options() {
                naive::check(&text, &o);
            }
        }
    }
}

#[cfg(feature = "alloc")]
#[test]
fn hostile_shapes_stay_linear() {
    let options = Options::default()
        .with_smart_encoding(true)
        .with_split(SplitMode::Graphemes)
        .with_limits(septet::Limits::NONE);
    for (head, unit) in SHAPES {
        let text = format!("{head}{}", unit.repeat(200_000));
        let a = analyze_with(&text, &options).unwrap();
        let split = septet::split(&text, &options).unwrap();
        assert_eq!(split.parts().count(), a.parts);
    }
}
