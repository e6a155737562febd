//! Any UTF-8 text and any options: no panic, and the analysis is internally consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::{analyze_with, non_gsm, replacements, Encoding, Options, PartLayout};

fuzz_target!(|input: (Options, &str)| {
    let (options, text) = input;
    let Ok(a) = analyze_with(text, &options) else {
        return;
    };
    let layout = |multipart| {
        PartLayout::new(a.encoding, options.concat, a.national_language, multipart).units_per_part
    };
    let (single, multi) = (layout(false), layout(true));
    assert_eq!(a.layout().units_per_part, a.units_per_part);
    assert_eq!(a.concat, options.concat);
    assert!(a.parts >= 1 && a.parts <= options.limits.max_parts);
    assert!(a.units >= 1 && a.characters >= 1 && a.input_characters <= options.limits.max_characters);
    if a.units <= single {
        assert_eq!(
            (a.parts, a.units_per_part, a.units_remaining),
            (1, single, single - a.units)
        );
    } else {
        assert_eq!(a.units_per_part, multi);
        assert!(a.parts >= a.units.div_ceil(multi));
        assert!(a.units_remaining < multi);
    }
    // Units bound characters: 1 or 2 units each.
    assert!(a.characters <= a.units && a.units <= 2 * a.characters);
    assert_eq!(a.non_gsm, non_gsm(text, &options).count());
    let default_alphabet = a.non_gsm == 0 && options.encoding != septet::EncodingRequest::Ucs2;
    if options.national_languages.is_empty() {
        assert_eq!(a.encoding == Encoding::Gsm7, default_alphabet);
        assert!(a.national_language.is_default());
    } else if default_alphabet {
        // National tables are only ever a further choice.
        assert_eq!(a.encoding, Encoding::Gsm7);
    }
    if a.encoding == Encoding::Ucs2 {
        assert!(a.national_language.is_default());
    }
    assert_eq!(!a.warnings.is_empty(), a.parts > options.limits.warn_parts);
    match a.smart_encoding {
        Some(meta) => {
            assert!(options.applies_smart_encoding());
            assert_eq!(a.replaced, replacements(text).count());
            assert_eq!(meta.smart_encoding_applied, a.replaced > 0);
            assert_eq!(
                (
                    meta.segment_count,
                    meta.character_count,
                    meta.final_encoding
                ),
                (a.parts, a.characters, a.encoding)
            );
            assert!(meta.replaced_character_count <= a.replaced);
            assert_eq!(
                meta.length_change,
                a.characters as isize - a.input_characters as isize
            );
        }
        None => {
            assert!(!options.applies_smart_encoding());
            assert_eq!((a.replaced, a.characters), (0, a.input_characters));
        }
    }
});
