//! Every example of `sms-encoding.md`, checked against hand-computed expectations.

mod naive;

use septet::{analyze, analyze_with, Encoding, EncodingRequest, Error, Limits, Options, Warning};

fn unlimited() -> Options {
    Options::default().with_limits(septet::Limits::NONE)
}

fn parts(text: &str) -> usize {
    analyze_with(text, &unlimited()).unwrap().parts
}

#[test]
fn gsm7_capacities() {
    // 160 → 1, 161 → 2 (153 + 8), 306 → 2, 307 → 3, 1530 → 10.
    for (septets, expected) in [(160, 1), (161, 2), (306, 2), (307, 3), (1530, 10)] {
        let text = "a".repeat(septets);
        assert_eq!(parts(&text), expected, "{septets} septets");
        naive::check(&text, &unlimited());
    }
    let a = analyze(&"a".repeat(161)).unwrap();
    assert_eq!((a.units_per_part, a.units_remaining), (153, 153 - 8));
}

#[test]
fn ucs2_capacities() {
    // 70 → 1, 71 → 2 (67 + 4), 134 → 2, 135 → 3, 670 → 10.
    for (units, expected) in [(70, 1), (71, 2), (134, 2), (135, 3), (670, 10)] {
        let text = "ж".repeat(units);
        let a = analyze_with(&text, &unlimited()).unwrap();
        assert_eq!(a.encoding, Encoding::Ucs2);
        assert_eq!((a.units, a.parts), (units, expected), "{units} units");
    }
    let a = analyze(&"ж".repeat(71)).unwrap();
    assert_eq!((a.units_per_part, a.units_remaining), (67, 67 - 4));
}

#[test]
fn extension_characters_cost_two_septets() {
    // 155 basic characters plus 3 `|` = 161 septets = 2 segments.
    let text = format!("{}|||", "a".repeat(155));
    let a = analyze(&text).unwrap();
    assert_eq!(
        (a.encoding, a.characters, a.units, a.parts),
        (Encoding::Gsm7, 158, 161, 2)
    );
    for c in ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\u{c}'] {
        let a = analyze(&c.to_string()).unwrap();
        assert_eq!((a.encoding, a.units), (Encoding::Gsm7, 2), "{c:?}");
    }
}

#[test]
fn price_example_is_17_characters_and_19_septets() {
    let a = analyze("Price: $100 [USD]").unwrap();
    assert_eq!((a.characters, a.units, a.parts), (17, 19, 1));
}

#[test]
fn one_other_character_switches_the_whole_message() {
    let text = format!("{}ç", "a".repeat(100));
    let a = analyze(&text).unwrap();
    assert_eq!(
        (a.encoding, a.units, a.parts, a.non_gsm),
        (Encoding::Ucs2, 101, 2, 1)
    );
    // Ç is GSM-7, ç is not; $ and ¤ are basic; the grave accent is not GSM-7.
    assert_eq!(analyze("Ç$¤").unwrap().encoding, Encoding::Gsm7);
    assert_eq!(analyze("`").unwrap().encoding, Encoding::Ucs2);
    // A raw ESC is not a character of the message.
    assert_eq!(analyze("a\u{1B}b").unwrap().encoding, Encoding::Ucs2);
}

#[test]
fn astral_characters_cost_two_units() {
    let a = analyze("😀").unwrap();
    assert_eq!((a.encoding, a.units, a.characters), (Encoding::Ucs2, 2, 1));
}

#[test]
fn a_200_character_message_costs_2_3_or_2_segments() {
    // §4: 2 segments as GSM-7; 3 as UCS-2 because of one emoji or one curly quote; 2 again
    // with smart encoding.
    let gsm = "a".repeat(200);
    assert_eq!(analyze(&gsm).unwrap().parts, 2);
    let quote = format!("{}’", "a".repeat(199));
    assert_eq!(analyze(&quote).unwrap().parts, 3);
    let emoji = format!("{}😀", "a".repeat(198)); // 199 characters, 200 UTF-16 units
    assert_eq!(analyze(&emoji).unwrap().parts, 3);
    let smart = analyze_with(&quote, &Options::default().with_smart_encoding(true)).unwrap();
    assert_eq!((smart.encoding, smart.parts), (Encoding::Gsm7, 2));
}

#[cfg(feature = "alloc")]
#[test]
fn smart_encoding_replacements_may_grow_or_remove() {
    let smart = Options::default().with_smart_encoding(true);
    let a = analyze_with("a…b½c\td", &smart).unwrap();
    assert_eq!(septet::smart_encode("a…b½c\td"), "a...b1/2c       d");
    assert_eq!(a.characters, 17);
    let meta = a.smart_encoding.unwrap();
    assert_eq!((meta.replaced_character_count, meta.length_change), (3, 10));
    // Zero-width space, BOM, word joiner are removed.
    assert_eq!(septet::smart_encode("a\u{200B}b\u{FEFF}c\u{2060}"), "abc");
}

#[cfg(feature = "alloc")]
#[test]
fn mixed_text_keeps_ucs2_but_gets_shorter() {
    let smart = Options::default().with_smart_encoding(true);
    let text = "“Hi” 😀 …";
    let plain = analyze(text).unwrap();
    let a = analyze_with(text, &smart).unwrap();
    assert_eq!(a.encoding, Encoding::Ucs2);
    assert_eq!(septet::split(text, &smart).unwrap().text(), "\"Hi\" 😀 ...");
    let meta = a.smart_encoding.unwrap();
    assert!(meta.smart_encoding_applied);
    assert_eq!(meta.final_encoding.metadata_name(), "ucs2");
    assert_eq!(meta.replaced_character_count, 3);
    assert_eq!(meta.length_change, 2);
    assert_eq!(plain.units, 9);
    assert_eq!(a.units, 11);
}

#[test]
fn precedence_table() {
    let text = "“quoted”";
    let profile = |smart: bool, encoding| {
        analyze_with(
            text,
            &Options::default()
                .with_smart_encoding(smart)
                .with_encoding(encoding),
        )
    };
    // true + auto: applied.
    let a = profile(true, EncodingRequest::Auto).unwrap();
    assert_eq!(
        (a.encoding, a.smart_encoding.is_some()),
        (Encoding::Gsm7, true)
    );
    // false + auto: not applied.
    let a = profile(false, EncodingRequest::Auto).unwrap();
    assert_eq!((a.encoding, a.smart_encoding), (Encoding::Ucs2, None));
    // gsm7: applied either way; must end GSM-7.
    for flag in [false, true] {
        let a = profile(flag, EncodingRequest::Gsm7).unwrap();
        assert_eq!(
            (a.encoding, a.smart_encoding.unwrap().smart_encoding_applied),
            (Encoding::Gsm7, true)
        );
        let err = analyze_with(
            "“ok” 😀 ç",
            &Options::default()
                .with_smart_encoding(flag)
                .with_encoding(EncodingRequest::Gsm7),
        )
        .unwrap_err();
        match err {
            Error::NotGsm7 { count, first } => {
                assert_eq!(count, 2);
                assert_eq!(
                    (first.character, first.char_index, first.byte_offset),
                    ('😀', 5, 9)
                );
            }
            other => panic!("{other:?}"),
        }
        let all: Vec<(char, usize)> = septet::non_gsm(
            "“ok” 😀 ç",
            &Options::default().with_encoding(EncodingRequest::Gsm7),
        )
        .map(|c| (c.character, c.char_index))
        .collect();
        assert_eq!(all, [('😀', 5), ('ç', 7)]);
    }
    // ucs2: skipped, forced UCS-2 even for plain text.
    for flag in [false, true] {
        let a = profile(flag, EncodingRequest::Ucs2).unwrap();
        assert_eq!(
            (a.encoding, a.smart_encoding, a.units),
            (Encoding::Ucs2, None, 8)
        );
        let a = analyze_with(
            "plain",
            &Options::default()
                .with_smart_encoding(flag)
                .with_encoding(EncodingRequest::Ucs2),
        )
        .unwrap();
        assert_eq!(a.encoding, Encoding::Ucs2);
    }
}

#[test]
fn empty_messages_are_rejected() {
    assert_eq!(
        analyze("").unwrap_err(),
        Error::NoContent {
            after_smart_encoding: false
        }
    );
    let smart = Options::default().with_smart_encoding(true);
    let err = analyze_with("\u{200B}\u{FEFF}", &smart).unwrap_err();
    assert_eq!(
        err,
        Error::NoContent {
            after_smart_encoding: true
        }
    );
    assert_eq!(err.code(), 40316);
    // Without smart encoding the zero-width space is content (UCS-2).
    assert_eq!(analyze("\u{200B}").unwrap().encoding, Encoding::Ucs2);
}

#[test]
fn limits() {
    // 10 parts is the maximum: 1530 septets pass, 1531 fail with 40302.
    assert_eq!(analyze(&"a".repeat(1530)).unwrap().parts, 10);
    let err = analyze_with(
        &"a".repeat(1531),
        &Options::default().with_limits(Limits::PROVIDER.with_max_characters(2000)),
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::TooManyParts {
            parts: 11,
            max_parts: 10
        }
    );
    assert_eq!(err.code(), 40302);
    // Body over 1,600 characters.
    let err = analyze(&"ж".repeat(1601)).unwrap_err();
    assert_eq!(
        err,
        Error::TooManyCharacters {
            characters: 1601,
            max_characters: 1600
        }
    );
    // Warning above 4 parts: 4 parts none, 5 parts 40328.
    assert!(analyze(&"a".repeat(612)).unwrap().warnings.is_empty());
    let a = analyze(&"a".repeat(613)).unwrap();
    assert!(a.warnings.iter().eq([Warning::ManyParts {
        parts: 5,
        warn_parts: 4
    }]));
    // Both limits can be lifted.
    let lifted = Options::default().with_limits(
        Limits::PROVIDER
            .with_max_parts(100)
            .with_max_characters(20_000),
    );
    assert_eq!(
        analyze_with(&"a".repeat(15_300), &lifted).unwrap().parts,
        100
    );
}

// Cost (spec: parts × rate, exact) is priced by septet-report: report/tests/pricing.rs.

#[test]
fn mms_fallback_body_then_urls() {
    // §5: body, then each media URL on its own line, counted like any SMS.
    let text = "See you there\nhttps://example.com/a.jpg\nhttps://example.com/b.png";
    let a = analyze(text).unwrap();
    assert_eq!(
        (a.encoding, a.units, a.parts),
        (Encoding::Gsm7, text.len(), 1)
    );
}
