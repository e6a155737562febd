//! The `national_languages` option: parsing, canonical display, typed errors, and where it may
//! be used.

use proptest::prelude::*;
use septet::{
    analyze_with, part_ranges, Charset, Error, Language, NationalLanguages, NationalLanguagesError,
    Options, SenderType, TableKind,
};

fn parse(s: &str) -> Result<NationalLanguages, NationalLanguagesError> {
    s.parse()
}

fn enabled(n: NationalLanguages) -> (Vec<Language>, Vec<Language>) {
    (
        n.locking_languages().collect(),
        n.single_languages().collect(),
    )
}

#[test]
fn the_forms_of_the_contract() {
    use Language::*;
    assert_eq!(
        enabled(parse("turkish:single,hindi").unwrap()),
        (vec![Hindi], vec![Turkish, Hindi])
    );
    assert_eq!(
        enabled(parse("turkish:locking").unwrap()),
        (vec![Turkish], vec![])
    );
    assert_eq!(
        enabled(parse("turkish").unwrap()),
        (vec![Turkish], vec![Turkish])
    );
    assert_eq!(enabled(parse("spanish").unwrap()), (vec![], vec![Spanish]));
    let all = parse("all").unwrap();
    assert_eq!(all, NationalLanguages::ALL);
    assert_eq!(all.locking_languages().count(), 12);
    assert!(!all.is_enabled(Spanish, TableKind::Locking));
    assert_eq!(all.single_languages().count(), 13);
    for none in ["", "none", "  "] {
        assert_eq!(parse(none).unwrap(), NationalLanguages::NONE);
        assert!(parse(none).unwrap().is_empty());
    }
    // Spaces around items are ignored; the order of items does not matter.
    assert_eq!(
        parse(" hindi , turkish:single ").unwrap(),
        parse("turkish:single,hindi").unwrap()
    );
    assert_eq!(NationalLanguages::default(), NationalLanguages::NONE);
}

#[test]
fn errors_name_what_is_wrong() {
    let err = parse("turkish,klingon").unwrap_err();
    match err {
        NationalLanguagesError::UnknownLanguage { name } => assert_eq!(name.as_str(), "klingon"),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("\"klingon\""), "{err}");
    assert!(err.to_string().contains("turkish, spanish"), "{err}");
    assert_eq!(
        parse("spanish:locking").unwrap_err(),
        NationalLanguagesError::NoSuchTable {
            language: Language::Spanish,
            table: TableKind::Locking
        }
    );
    match parse("hindi:shift").unwrap_err() {
        NationalLanguagesError::UnknownTable { language, table } => {
            assert_eq!((language, table.as_str()), (Language::Hindi, "shift"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        parse("turkish,").unwrap_err(),
        NationalLanguagesError::EmptyItem
    );
    assert_eq!(
        parse(",turkish").unwrap_err(),
        NationalLanguagesError::EmptyItem
    );
    // Names are exact: lower case, no "default".
    assert!(parse("Turkish").is_err());
    assert!(parse("default").is_err());
    // A long name is kept (truncated at a character boundary) without allocating.
    let long = format!("{}é", "x".repeat(31));
    match parse(&long).unwrap_err() {
        NationalLanguagesError::UnknownLanguage { name } => {
            assert_eq!(name.as_str(), "x".repeat(31));
            assert!(name.is_truncated());
            assert_eq!(name.to_string(), format!("{}…", "x".repeat(31)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn display_is_canonical() {
    for (given, canonical) in [
        ("", "none"),
        ("all", "all"),
        ("hindi,turkish:single", "turkish:single,hindi"),
        ("turkish:single,turkish:locking", "turkish"),
        ("spanish:single", "spanish"),
        ("urdu:locking,bengali", "bengali,urdu:locking"),
        ("all,turkish", "all"),
    ] {
        assert_eq!(parse(given).unwrap().to_string(), canonical, "{given}");
    }
}

/// Every table as (language, table), in NLI order.
fn tables() -> Vec<(Language, TableKind)> {
    let mut all = Vec::new();
    for l in Language::ALL {
        if l.has_locking_table() {
            all.push((l, TableKind::Locking));
        }
        all.push((l, TableKind::Single));
    }
    all
}

proptest! {
    #[test]
    fn display_parses_back(bits in any::<u32>()) {
        let mut n = NationalLanguages::NONE;
        for (i, (language, table)) in tables().into_iter().enumerate() {
            if bits & (1 << i) != 0 {
                n = n.with_table(language, table).unwrap();
            }
        }
        let shown = n.to_string();
        prop_assert_eq!(parse(&shown).unwrap(), n, "{}", shown);
        for (language, table) in tables() {
            let i = tables().iter().position(|t| *t == (language, table)).unwrap();
            prop_assert_eq!(n.is_enabled(language, table), bits & (1 << i) != 0);
        }
    }
}

#[test]
fn national_tables_need_gsm0338() {
    let turkish = parse("turkish").unwrap();
    for charset in [Charset::CarrierSafe, Charset::Ascii7] {
        let options = Options::default()
            .with_charset(charset)
            .with_national_languages(turkish);
        let err = analyze_with("hello", &options).unwrap_err();
        assert_eq!(err, Error::NationalLanguagesWithCharset { charset });
        assert_eq!(err.code(), 400);
        assert_eq!(err.kind(), "national_languages_with_charset");
        assert_eq!(part_ranges("hello", &options).unwrap_err(), err);
    }
    // A short code sends ASCII 7-bit whatever the charset option says.
    let options = Options::default()
        .with_sender(Some(SenderType::ShortCode))
        .with_national_languages(turkish);
    assert_eq!(
        analyze_with("hello", &options).unwrap_err(),
        Error::NationalLanguagesWithCharset {
            charset: Charset::Ascii7
        }
    );
    // With no national table enabled, every charset works as before.
    assert!(analyze_with("hello", &Options::default().with_charset(Charset::Ascii7)).is_ok());
}
