//! National language tables: the least-cost choice of section 2 of the pdu-encoding contract,
//! every Android case it quotes, counting and splitting with the chosen pair, and the naive
//! brute-force model compared with the fast code.

mod naive;

use proptest::prelude::*;
use septet::{
    analyze_with, part_ranges, Concat, ConcatIe, Encoding, EncodingRequest, Error, Language,
    Limits, NationalLanguages, Options, SplitMode,
};

use Language::*;

fn enabled(s: &str) -> Options {
    Options::default()
        .with_national_languages(s.parse().unwrap())
        .with_limits(Limits::NONE)
}

fn pair(a: &septet::Analysis) -> (Option<Language>, Option<Language>) {
    naive::pair_of(a)
}

/// Checks the count against the real split, and returns the texts of the parts.
fn parts<'a>(text: &'a str, options: &Options) -> Vec<&'a str> {
    let a = analyze_with(text, options).unwrap();
    let parts: Vec<&str> = part_ranges(text, options)
        .unwrap()
        .map(|r| &text[r])
        .collect();
    assert_eq!(parts.len(), a.parts, "{text:?}");
    parts
}

#[test]
fn turkish_single_shift_keeps_a_turkish_text_gsm7() {
    let text = "Şişli'de buluşalım";
    let a = analyze_with(text, &Options::default()).unwrap();
    assert_eq!(
        (a.encoding, a.units, a.parts, a.units_per_part),
        (Encoding::Ucs2, 18, 1, 70)
    );
    assert_eq!(pair(&a), (None, None));

    let a = analyze_with(text, &enabled("turkish:single")).unwrap();
    assert_eq!(a.encoding, Encoding::Gsm7);
    assert_eq!(pair(&a), (None, Some(Turkish)));
    // Ş ş ş ı cost 2 each (ESC + code): 14 + 4 × 2.
    assert_eq!((a.units, a.parts, a.units_per_part), (22, 1, 155));
    let layout = a.layout();
    assert_eq!(layout.header.concat, None);
    assert_eq!(layout.header.octets(), 4); // 03 24 01 01... UDHL + IE 0x24
                                           // With every table, the Turkish locking table takes them at one septet each.
    let a = analyze_with(text, &enabled("all")).unwrap();
    assert_eq!(pair(&a), (Some(Turkish), None));
    assert_eq!((a.units, a.units_remaining), (18, 155 - 18));
}

#[test]
fn android_turkish_letter_counts() {
    let options = enabled("turkish:single");
    for split in SplitMode::ALL {
        let options = options.with_split(split);
        // 77 letters = 154 septets: one part of 155.
        let text = "ş".repeat(77);
        let a = analyze_with(&text, &options).unwrap();
        assert_eq!(
            (a.parts, a.units, a.units_per_part, a.units_remaining),
            (1, 154, 155, 1)
        );
        assert_eq!(parts(&text, &options), [text.as_str()]);
        // 78 letters: two parts of 149, 74 letters (148 septets; a 75th would need 150) + 4.
        let text = "ş".repeat(78);
        let a = analyze_with(&text, &options).unwrap();
        assert_eq!((a.parts, a.units_per_part), (2, 149));
        let counts: Vec<usize> = parts(&text, &options)
            .iter()
            .map(|p| p.chars().count())
            .collect();
        assert_eq!(counts, [74, 4]);
        assert_eq!(a.units_remaining, 149 - 8);
        assert_eq!(a.layout().header.concat, Some(ConcatIe::Ref8));
        assert_eq!(a.layout().header.octets(), 9);
        // 160 letters: 74 / 74 / 12.
        let text = "ş".repeat(160);
        let counts: Vec<usize> = parts(&text, &options)
            .iter()
            .map(|p| p.chars().count())
            .collect();
        assert_eq!(counts, [74, 74, 12]);
    }
}

#[test]
fn euro_signs_pay_for_the_turkish_locking_ie() {
    let options = enabled("all");
    // Default alphabet: 1 + 2k septets, no header (160). Turkish locking (€ at 0x04): 1 + k
    // septets, IE 0x25 (155). Equal septets free at k = 5 (149 each): the lower locking NLI,
    // the default, wins; from k = 6 on, Turkish locking leaves more free.
    for (k, expected) in [
        (3, None),
        (5, None),
        (6, Some(Turkish)),
        (40, Some(Turkish)),
    ] {
        let text = format!("a{}", "€".repeat(k));
        let a = analyze_with(&text, &options).unwrap();
        assert_eq!(pair(&a), (expected, None), "k = {k}");
        let free = if expected.is_some() {
            155 - (1 + k)
        } else {
            160 - (1 + 2 * k)
        };
        assert_eq!(a.units_remaining, free, "k = {k}");
    }
    // Portuguese locking holds € at one septet too; it ties with Turkish and loses on NLI.
    let a = analyze_with(
        &format!("a{}", "€".repeat(40)),
        &enabled("portuguese,turkish"),
    )
    .unwrap();
    assert_eq!(pair(&a), (Some(Turkish), None));
    let a = analyze_with(&format!("a{}", "€".repeat(40)), &enabled("portuguese")).unwrap();
    assert_eq!(pair(&a), (Some(Portuguese), None));
}

#[test]
fn tamil_with_a_latin_capital_takes_bengali_single_shift() {
    // Every Indic single shift table has A–Z at the same cost; Bengali has the lowest NLI.
    let text = "வணக்கம் Tamil";
    let a = analyze_with(text, &enabled("all")).unwrap();
    assert_eq!(a.encoding, Encoding::Gsm7);
    assert_eq!(pair(&a), (Some(Tamil), Some(Bengali)));
    // 7 Tamil + space + T (2) + amil: 14 septets; two shift IEs: 152.
    assert_eq!((a.units, a.parts, a.units_per_part), (14, 1, 152));
    assert_eq!(a.layout().header.octets(), 7);
    // Without a capital, no single shift table is needed.
    let a = analyze_with("வணக்கம் tamil", &enabled("all")).unwrap();
    assert_eq!(pair(&a), (Some(Tamil), None));
    // Only Tamil's own tables: (tamil, tamil).
    let a = analyze_with(text, &enabled("tamil")).unwrap();
    assert_eq!(pair(&a), (Some(Tamil), Some(Tamil)));
    // Tamil single shift alone cannot encode Tamil letters: UCS-2.
    let a = analyze_with(text, &enabled("tamil:single")).unwrap();
    assert_eq!((a.encoding, pair(&a)), (Encoding::Ucs2, (None, None)));
}

#[test]
fn escape_fails_every_pair() {
    let a = analyze_with("a\u{1B}b", &enabled("all")).unwrap();
    assert_eq!((a.encoding, pair(&a)), (Encoding::Ucs2, (None, None)));
    let err = analyze_with(
        "a\u{1B}b",
        &enabled("all").with_encoding(EncodingRequest::Gsm7),
    )
    .unwrap_err();
    assert!(matches!(err, Error::NotGsm7 { count: 1, .. }), "{err:?}");
}

/// National tables belong to the `gsm0338` profile (contract section 1): with any other charset,
/// or with a short-code sender (which forces `ascii7`), the request is a usage error, reported
/// before an empty text is, and the model agrees for every option combination.
#[test]
fn national_tables_with_another_charset_are_a_usage_error() {
    for options in naive::all_options() {
        let options = options.with_national_languages("turkish".parse().unwrap());
        for text in ["", "Şişli", "plain"] {
            naive::check(text, &options);
        }
    }
    let err = analyze_with(
        "",
        &enabled("turkish").with_charset(septet::Charset::CarrierSafe),
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::NationalLanguagesWithCharset {
            charset: septet::Charset::CarrierSafe
        }
    );
}

#[test]
fn requests_and_defaults() {
    // encoding=ucs2 skips the tables.
    let a = analyze_with("ş", &enabled("all").with_encoding(EncodingRequest::Ucs2)).unwrap();
    assert_eq!((a.encoding, pair(&a)), (Encoding::Ucs2, (None, None)));
    // encoding=gsm7 succeeds when an enabled pair encodes the text.
    let a = analyze_with(
        "ş",
        &enabled("turkish").with_encoding(EncodingRequest::Gsm7),
    )
    .unwrap();
    assert_eq!(a.encoding, Encoding::Gsm7);
    assert_eq!(a.non_gsm, 1); // outside the default alphabet, all the same
                              // A default-alphabet text stays on the default alphabet: no header to pay for.
    let a = analyze_with("Hello", &enabled("all")).unwrap();
    assert_eq!((pair(&a), a.units_per_part), ((None, None), 160));
    // No table enabled: the default path.
    let a = analyze_with("ş", &Options::default()).unwrap();
    assert_eq!(a.encoding, Encoding::Ucs2);
    // Smart encoding runs first.
    let smart = enabled("turkish:single").with_smart_encoding(true);
    let a = analyze_with("“Şişli”", &smart).unwrap();
    assert_eq!(
        (a.encoding, pair(&a), a.characters),
        (Encoding::Gsm7, (None, Some(Turkish)), 7)
    );
}

#[test]
fn concat_and_national_headers_add_up() {
    // udh16 + Turkish single shift: 148 per part; sar counts the same.
    for concat in [Concat::Udh16, Concat::Sar] {
        let options = enabled("turkish:single").with_concat(concat);
        let text = "ş".repeat(78); // 156 septets > 155
        let a = analyze_with(&text, &options).unwrap();
        assert_eq!((a.parts, a.units_per_part), (2, 148), "{concat}");
        let counts: Vec<usize> = parts(&text, &options)
            .iter()
            .map(|p| p.chars().count())
            .collect();
        assert_eq!(counts, [74, 4]);
    }
    // Two shift IEs with udh8: 146 per part.
    let options = enabled("tamil,bengali:single");
    let text = format!("{}T", "க".repeat(200));
    let a = analyze_with(&text, &options).unwrap();
    assert_eq!(pair(&a), (Some(Tamil), Some(Bengali)));
    assert_eq!((a.parts, a.units_per_part, a.units), (2, 146, 202));
}

#[cfg(feature = "alloc")]
#[test]
fn split_agrees_with_analysis() {
    let options = enabled("all").with_split(SplitMode::Graphemes);
    for text in [
        "Şişli'de buluşalım ".repeat(20),
        "வணக்கம் Tamil ".repeat(30),
        format!("a{}", "€".repeat(300)),
    ] {
        let split = septet::split(&text, &options).unwrap();
        let a = *split.analysis();
        let parts: Vec<&str> = split.parts().collect();
        assert_eq!(parts.len(), a.parts);
        assert_eq!(parts.concat(), text);
        for part in &parts {
            assert!(naive::analysis_units(part, &a) <= a.units_per_part);
        }
        let last = naive::analysis_units(parts.last().unwrap(), &a);
        assert_eq!(a.units_remaining, a.units_per_part - last);
        // The split's own counts, part by part, are the naive model's under the chosen pair.
        let with_units: Vec<(&str, usize)> = split
            .ranges()
            .with_units()
            .map(|(range, units)| (&split.text()[range], units))
            .collect();
        let model: Vec<(&str, usize)> = parts
            .iter()
            .map(|part| (*part, naive::analysis_units(part, &a)))
            .collect();
        assert_eq!(with_units, model);
    }
}

/// Text drawn from the characters that make the choice interesting: Turkish, Portuguese and
/// Spanish letters, Indic letters, Latin capitals, extension characters, €, ESC, emoji.
fn national_text() -> impl Strategy<Value = String> {
    let pieces: Vec<&'static str> = vec![
        "a",
        "b",
        "A",
        "Q",
        " ",
        ".",
        "'",
        "(",
        "€",
        "{",
        "^",
        "|",
        "ş",
        "Ş",
        "ı",
        "İ",
        "ğ",
        "ç",
        "á",
        "ú",
        "ê",
        "õ",
        "Ç",
        "Õ",
        "க",
        "்",
        "ம",
        "ण",
        "न",
        "म",
        "्",
        "ক",
        "ખ",
        "ਕ",
        "ا",
        "ب",
        "۔",
        "ക",
        "ക്ക",
        "ತ",
        "ତ",
        "త",
        "\u{1B}",
        "😀",
        "ж",
        "\u{C}",
        "@",
        "¡",
        "*",
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 1..200).prop_map(|v| v.concat())
}

/// Text from one small pool per case, so that several pairs encode it at equal cost and the
/// tie-breaks decide.
fn tied_text() -> impl Strategy<Value = String> {
    let pools: Vec<Vec<&'static str>> = vec![
        vec!["a", "b", " ", "€", "A", ".", "{"],
        vec!["a", "Q", " ", "न", "म", "्", "("],
        vec!["a", "T", " ", "க", "ம", "்", "*"],
        vec!["a", "ş", "ı", "Ş", " ", "ç", "€"],
        vec!["a", "á", "ê", "õ", "Ç", " ", "^"],
    ];
    proptest::sample::select(pools).prop_flat_map(|pool| {
        proptest::collection::vec(proptest::sample::select(pool), 1..400).prop_map(|v| v.concat())
    })
}

fn national_options() -> impl Strategy<Value = Options> {
    let sets = vec![
        "all",
        "turkish",
        "turkish:single",
        "turkish:locking",
        "portuguese,spanish",
        "spanish",
        "tamil,bengali:single",
        "hindi,urdu",
        "bengali,gujarati,hindi,kannada,malayalam,oriya,punjabi,tamil,telugu,urdu",
        "turkish:single,portuguese:locking,tamil:single",
    ];
    (
        proptest::sample::select(sets),
        proptest::sample::select(SplitMode::ALL.to_vec()),
        proptest::sample::select(Concat::ALL.to_vec()),
        proptest::sample::select(EncodingRequest::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_map(|(set, split, concat, encoding, smart)| {
            Options::default()
                .with_national_languages(set.parse::<NationalLanguages>().unwrap())
                .with_split(split)
                .with_concat(concat)
                .with_encoding(encoding)
                .with_smart_encoding(smart)
                .with_limits(Limits::NONE)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    /// The fast choice equals brute force over every pair, each split the straightforward way.
    #[test]
    fn least_cost_choice_equals_brute_force(text in national_text(), options in national_options()) {
        naive::check(&text, &options);
    }

    #[test]
    fn tie_breaks_equal_brute_force(text in tied_text(), options in national_options()) {
        naive::check(&text, &options);
    }
}
