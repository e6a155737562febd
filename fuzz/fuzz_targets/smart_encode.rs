//! Smart encoding is idempotent; no substitutable character survives; the six metadata fields
//! agree with the texts before and after; the replacement report rebuilds the output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::{analyze_with, replacements, smart_encode, substitution, Options};

fuzz_target!(|text: &str| {
    let once = smart_encode(text);
    assert_eq!(smart_encode(&once), once);
    assert!(once.chars().all(|c| substitution(c).is_none()));
    let mut rebuilt = String::new();
    let mut at = 0;
    let mut unique = Vec::new();
    for r in replacements(text) {
        assert_eq!(text[r.byte_offset..].chars().next(), Some(r.from));
        assert_eq!(text[..r.byte_offset].chars().count(), r.char_index);
        rebuilt.push_str(&text[at..r.byte_offset]);
        rebuilt.push_str(r.to);
        at = r.byte_offset + r.from.len_utf8();
        if !unique.contains(&r.from) {
            unique.push(r.from);
        }
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, once);
    let options = Options::default()
        .with_smart_encoding(true)
        .with_limits(septet::Limits::NONE);
    if let Ok(a) = analyze_with(text, &options) {
        let meta = a.smart_encoding.unwrap();
        assert_eq!(meta.smart_encoding_applied, !unique.is_empty());
        assert_eq!(meta.replaced_character_count, unique.len());
        assert_eq!(meta.character_count, once.chars().count());
        assert_eq!(
            meta.length_change,
            once.chars().count() as isize - text.chars().count() as isize
        );
        assert_eq!(meta.segment_count, a.parts);
        let plain = analyze_with(&once, &options.with_smart_encoding(false)).unwrap();
        assert_eq!(
            (plain.encoding, plain.units, plain.parts),
            (a.encoding, a.units, a.parts)
        );
    }
});
