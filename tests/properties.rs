//! Properties over generated messages (4096 cases each): the parts join to the outgoing text,
//! fit their capacity and are as many as the analysis says; no part boundary falls inside an
//! escape pair, a surrogate pair or (graphemes mode) a cluster; smart encoding is idempotent;
//! and the fast path equals the naive model.

mod naive;

use proptest::prelude::*;
use septet::{analyze_with, Charset, Concat, EncodingRequest, Options, SenderType, SplitMode};

/// Pieces that exercise every rule, weighted towards plain GSM text so that messages get long.
fn token() -> impl Strategy<Value = String> {
    let pieces: Vec<&'static str> = vec![
        "€",
        "{",
        "}",
        "[",
        "]",
        "~",
        "^",
        "|",
        "\\",
        "\u{C}",
        "é",
        "Ç",
        "Δ",
        "¤",
        "ç",
        "ж",
        "中",
        "😀",
        "👍🏽",
        "🇫🇷",
        "🇦",
        "\u{200D}",
        "\u{FE0F}",
        "\u{301}",
        "\u{303}",
        "\u{200B}",
        "\u{FEFF}",
        "“",
        "”",
        "’",
        "—",
        "…",
        "½",
        "\t",
        "`",
        "\u{A0}",
        "Ａ",
        "\r\n",
        "\n",
        "\r",
        "\u{1B}",
        "\0",
        "👩\u{200D}💻",
        "ᄀ",
        "ᅡ",
        "ᆨ",
        "क्",
        "ष",
    ];
    prop_oneof![
        8 => "[a-zA-Z0-9 .,!?]{1,12}".prop_map(String::from),
        3 => proptest::sample::select(pieces).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn message() -> impl Strategy<Value = String> {
    proptest::collection::vec(token(), 0..120).prop_map(|t| t.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (
        proptest::sample::select(EncodingRequest::ALL.to_vec()),
        any::<bool>(),
        proptest::sample::select(Charset::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(SenderType::ALL.to_vec())),
        proptest::sample::select(SplitMode::ALL.to_vec()),
        proptest::sample::select(Concat::ALL.to_vec()),
    )
        .prop_map(|(encoding, smart, charset, sender, split, concat)| {
            Options::default()
                .with_encoding(encoding)
                .with_smart_encoding(smart)
                .with_charset(charset)
                .with_sender(sender)
                .with_split(split)
                .with_concat(concat)
                .with_limits(septet::Limits::NONE)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[cfg(feature = "alloc")]
    #[test]
    fn parts_join_fit_and_agree_with_the_count(text in message(), options in options()) {
        use unicode_segmentation::UnicodeSegmentation;
        let Ok(s) = septet::split(&text, &options) else { return Ok(()) };
        let a = *s.analysis();
        let parts: Vec<&str> = s.parts().collect();
        prop_assert_eq!(parts.len(), a.parts);
        prop_assert_eq!(parts.concat(), s.text());
        let mut total = 0;
        for part in &parts {
            prop_assert!(!part.is_empty());
            let u = naive::units(part, a.encoding, a.charset);
            prop_assert!(u <= a.units_per_part, "part of {} units over {}", u, a.units_per_part);
            total += u;
        }
        prop_assert_eq!(total, a.units);
        prop_assert_eq!(a.units_per_part - naive::units(parts[parts.len() - 1], a.encoding, a.charset), a.units_remaining);
        // The split's own per-part counts are the naive model's.
        let with_units: Vec<(&str, usize)> =
            s.ranges().with_units().map(|(range, units)| (&s.text()[range], units)).collect();
        let model: Vec<(&str, usize)> =
            parts.iter().map(|part| (*part, naive::units(part, a.encoding, a.charset))).collect();
        prop_assert_eq!(with_units, model);
        // Cutting between characters of &str never splits an escape pair or a surrogate pair:
        // each character is whole in its part, and its units are counted whole above.
        if options.split == SplitMode::Graphemes {
            let boundaries: std::collections::HashSet<usize> =
                s.text().grapheme_indices(true).map(|(i, _)| i).collect();
            let mut offset = 0;
            for part in &parts[..parts.len() - 1] {
                offset += part.len();
                if !boundaries.contains(&offset) {
                    // Only a cluster longer than a whole part may be cut.
                    let cluster = s.text().graphemes(true)
                        .scan(0, |start, g| { let r = (*start, g); *start += g.len(); Some(r) })
                        .find(|(start, g)| *start < offset && offset < start + g.len())
                        .unwrap().1;
                    prop_assert!(naive::units(cluster, a.encoding, a.charset) > a.units_per_part);
                }
            }
        }
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn smart_encoding_is_idempotent(text in message()) {
        let once = septet::smart_encode(&text);
        let twice = septet::smart_encode(&once);
        prop_assert_eq!(&once, &twice);
        prop_assert!(septet::replacements(&once).next().is_none());
        // The replacement report rebuilds the output from the input.
        let mut rebuilt = String::new();
        let mut at = 0;
        for r in septet::replacements(&text) {
            rebuilt.push_str(&text[at..r.byte_offset]);
            rebuilt.push_str(r.to);
            at = r.byte_offset + r.from.len_utf8();
        }
        rebuilt.push_str(&text[at..]);
        prop_assert_eq!(rebuilt, once.as_ref());
    }

    #[test]
    fn fast_path_equals_the_naive_model(text in message(), options in options()) {
        naive::check(&text, &options);
    }

    #[test]
    fn limits_match_the_model(text in message(), max_parts in 1usize..12, max_characters in 1usize..400) {
        let options = Options::default().with_limits(septet::Limits::PROVIDER.with_max_parts(max_parts).with_max_characters(max_characters)).with_smart_encoding(true);
        naive::check(&text, &options);
        if let Ok(a) = analyze_with(&text, &options) {
            prop_assert!(a.parts <= max_parts);
        }
    }
}
