//! Every table cell and every one of the 310 substitutions, read from the data files and checked
//! against the public API.

mod naive;

use septet::{analyze, analyze_with, Charset, Encoding, Options};

#[test]
fn every_cell_of_the_default_alphabet_and_extension_table() {
    let t = naive::tables();
    assert_eq!(t.gsm.len(), 127 + 10);
    for (&c, &septets) in &t.gsm {
        assert_eq!(Charset::Gsm0338.septets(c), Some(septets), "{c:?}");
        let a = analyze(&c.to_string()).unwrap();
        assert_eq!(
            (a.encoding, a.units),
            (Encoding::Gsm7, usize::from(septets)),
            "{c:?}"
        );
    }
    // Spot checks by hand from 3GPP TS 23.038.
    assert_eq!(t.gsm.get(&'Ç'), Some(&1));
    assert_eq!(t.gsm.get(&'ç'), None);
    assert_eq!(t.gsm.get(&'\u{C}'), Some(&2));
    assert_eq!(t.gsm.get(&'\u{1B}'), None);
}

#[test]
fn no_other_scalar_value_is_gsm7() {
    let t = naive::tables();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        for charset in Charset::ALL {
            assert_eq!(
                charset.septets(c),
                naive::septets(charset, c),
                "{charset} {c:?}"
            );
        }
        if !t.gsm.contains_key(&c) {
            assert_eq!(Charset::Gsm0338.septets(c), None, "{c:?}");
        }
    }
}

#[test]
fn charsets_are_nested() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if let Some(s) = Charset::CarrierSafe.septets(c) {
            assert_eq!(Charset::Gsm0338.septets(c), Some(s), "{c:?}");
        }
    }
    for c in ['Ç', '¤', 'Δ', 'Ω', '\u{C}'] {
        assert!(
            Charset::Gsm0338.contains(c) && !Charset::CarrierSafe.contains(c),
            "{c:?}"
        );
    }
    assert_eq!(Charset::Ascii7.septets('{'), Some(1));
    assert_eq!(Charset::Ascii7.septets('\t'), None);
    assert_eq!(Charset::Ascii7.septets('£'), None);
    let a = analyze_with("{curly}", &Options::default().with_charset(Charset::Ascii7)).unwrap();
    assert_eq!(a.units, 7);
}

#[test]
fn every_substitution_row() {
    let t = naive::tables();
    assert_eq!(t.smart_rows.len(), 310);
    let api: Vec<(char, &str)> = septet::substitutions().collect();
    assert_eq!(api.len(), 310);
    let smart = Options::default().with_smart_encoding(true);
    for ((from, to), (api_from, api_to)) in t.smart_rows.iter().zip(&api) {
        assert_eq!((from, to.as_str()), (api_from, *api_to));
        assert_eq!(septet::substitution(*from), Some(to.as_str()), "{from:?}");
        // Alone and between GSM text, through every public path.
        let text = format!("x{from}y");
        #[cfg(feature = "alloc")]
        assert_eq!(septet::smart_encode(&text), format!("x{to}y"));
        let a = analyze_with(&text, &smart).unwrap();
        assert_eq!(a.encoding, Encoding::Gsm7, "{from:?}");
        let meta = a.smart_encoding.unwrap();
        assert!(meta.smart_encoding_applied);
        assert_eq!(meta.replaced_character_count, 1);
        assert_eq!(meta.length_change, to.chars().count() as isize - 1);
        let r: Vec<_> = septet::replacements(&text).collect();
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].char_index, r[0].byte_offset, r[0].from, r[0].to),
            (1, 1, *from, to.as_str())
        );
        // Every replacement is in every charset, so smart encoding never forces UCS-2.
        for charset in Charset::ALL {
            assert!(
                to.chars().all(|c| charset.contains(c)),
                "{to:?} in {charset}"
            );
        }
    }
    // Characters outside the table are left alone.
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if !t.smart.contains_key(&c) {
            assert_eq!(septet::substitution(c), None, "{c:?}");
        }
    }
}

#[test]
fn repeated_substitutions_count_once_as_unique() {
    let smart = Options::default().with_smart_encoding(true);
    let a = analyze_with("“a” “b” “c”", &smart).unwrap();
    let meta = a.smart_encoding.unwrap();
    assert_eq!(meta.replaced_character_count, 2);
    assert_eq!(a.replaced, 6);
    assert_eq!(meta.length_change, 0);
}
