//! Every cell of the 27 tables of `data/gsm/`, read independently of the generated code and
//! checked both ways through the public API.

// NLIs index the name list and the tables alike.
#![allow(clippy::needless_range_loop)]

use std::collections::BTreeMap;
use std::fs;

use septet::{table_masks, Alphabet, Language, SeptetCode, Table, TableKind};

const NAMES: [&str; 14] = [
    "default",
    "turkish",
    "spanish",
    "portuguese",
    "bengali",
    "gujarati",
    "hindi",
    "kannada",
    "malayalam",
    "oriya",
    "punjabi",
    "tamil",
    "telugu",
    "urdu",
];

/// code -> char, straight from the TSV.
fn read(name: &str, kind: &str) -> Option<BTreeMap<u8, char>> {
    let path = format!("{}/data/gsm/{name}_{kind}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(path).ok()?;
    let mut cells = BTreeMap::new();
    for line in text.lines().skip(1) {
        let (code, scalar) = line.split_once('\t').unwrap();
        let code = u8::from_str_radix(code, 16).unwrap();
        let c = char::from_u32(u32::from_str_radix(scalar, 16).unwrap()).unwrap();
        assert!(cells.insert(code, c).is_none());
    }
    Some(cells)
}

fn language(nli: usize) -> Option<Language> {
    Language::from_nli(nli as u8)
}

/// Checks one table both ways: every position, and every character's code (the last position
/// when a character stands twice).
fn check(table: Table, cells: &BTreeMap<u8, char>) {
    for code in 0u8..128 {
        assert_eq!(
            table.char_at(code),
            cells.get(&code).copied(),
            "{table:?} 0x{code:02X}"
        );
    }
    let mut last: BTreeMap<char, u8> = BTreeMap::new();
    for (&code, &c) in cells {
        last.insert(c, code);
    }
    for (&c, &code) in &last {
        assert_eq!(table.code_of(c), Some(code), "{table:?} {c:?}");
    }
    assert_eq!(table.entries().collect::<BTreeMap<_, _>>(), *cells);
}

#[test]
fn every_cell_both_ways() {
    let mut tables = 0;
    for (nli, name) in NAMES.iter().enumerate() {
        let lang = language(nli);
        assert_eq!(lang.map_or("default", |l| l.name()), *name);
        match (read(name, "locking"), Table::locking(lang)) {
            (Some(cells), Some(table)) => {
                assert_eq!(
                    (table.kind(), table.nli() as usize),
                    (TableKind::Locking, nli)
                );
                check(table, &cells);
                tables += 1;
            }
            (None, None) => assert_eq!(*name, "spanish"),
            (file, table) => panic!("{name}: file {} table {table:?}", file.is_some()),
        }
        let cells = read(name, "single").unwrap();
        let table = Table::single(lang);
        assert_eq!(
            (table.kind(), table.nli() as usize),
            (TableKind::Single, nli)
        );
        check(table, &cells);
        tables += 1;
    }
    assert_eq!(tables, 27);
}

#[test]
fn characters_in_no_table_have_no_code() {
    for nli in 0..14 {
        let lang = language(nli);
        let locking = read(NAMES[nli], "locking").unwrap_or_default();
        let single = read(NAMES[nli], "single").unwrap();
        for c in (0..0x3100u32)
            .chain([0x20AC, 0xFFFD, 0x1F600])
            .filter_map(char::from_u32)
        {
            if !locking.values().any(|&x| x == c) {
                if let Some(table) = Table::locking(lang) {
                    assert_eq!(table.code_of(c), None, "{nli} {c:?}");
                }
            }
            if !single.values().any(|&x| x == c) {
                assert_eq!(Table::single(lang).code_of(c), None, "{nli} {c:?}");
            }
        }
    }
}

#[test]
fn every_pair_prefers_the_locking_table() {
    for l in (0..14).filter(|&n| n != 2) {
        for s in 0..14 {
            let alphabet = Alphabet::new(language(l), language(s)).unwrap();
            let locking = read(NAMES[l], "locking").unwrap();
            let single = read(NAMES[s], "single").unwrap();
            let mut expected: BTreeMap<char, SeptetCode> = BTreeMap::new();
            for (&code, &c) in &single {
                expected.insert(
                    c,
                    SeptetCode {
                        code,
                        shifted: true,
                    },
                );
            }
            for (&code, &c) in &locking {
                expected.insert(
                    c,
                    SeptetCode {
                        code,
                        shifted: false,
                    },
                );
            }
            for (&c, &code) in &expected {
                assert_eq!(alphabet.septets(c), Some(code), "({l}, {s}) {c:?}");
                assert_eq!(alphabet.cost(c), Some(code.septets()));
                let masks = table_masks(c);
                assert_eq!(
                    masks.in_locking(language(l)),
                    !code.shifted || locking.values().any(|&x| x == c)
                );
                assert!(masks.in_locking(language(l)) || masks.in_single(language(s)));
            }
            for code in 0u8..128 {
                assert_eq!(alphabet.decode(code), locking.get(&code).copied());
                let shifted = single.get(&code).or(locking.get(&code)).copied();
                assert_eq!(
                    alphabet.decode_shifted(code),
                    shifted,
                    "({l}, {s}) ESC 0x{code:02X}"
                );
            }
            assert_eq!(alphabet.septets('\u{1B}'), None);
        }
    }
}

#[test]
fn duplicates_encode_at_the_last_position_and_decode_at_both() {
    for lang in Language::ALL.into_iter().filter(|l| l.nli() >= 4) {
        let table = Table::single(Some(lang));
        assert_eq!(table.code_of('*'), Some(0x18), "{lang}");
        assert_eq!(table.code_of('¡'), Some(0x15), "{lang}");
        for code in [0x0B, 0x18] {
            assert_eq!(table.char_at(code), Some('*'));
        }
        for code in [0x13, 0x15] {
            assert_eq!(table.char_at(code), Some('¡'));
        }
    }
}

#[test]
fn languages_by_name_and_nli() {
    assert_eq!(Language::ALL.len(), 13);
    for (nli, name) in NAMES.iter().enumerate().skip(1) {
        let lang: Language = name.parse().unwrap();
        assert_eq!((lang.nli() as usize, lang.name()), (nli, *name));
        assert_eq!(Language::from_nli(nli as u8), Some(lang));
        assert_eq!(lang.to_string(), *name);
        assert_eq!(lang.has_locking_table(), *name != "spanish");
    }
    assert_eq!(Language::from_nli(0), None);
    assert_eq!(Language::from_nli(14), None);
    assert!("klingon".parse::<Language>().is_err());
    assert!("Turkish".parse::<Language>().is_err());
}

#[test]
fn spanish_has_no_locking_table() {
    assert_eq!(Table::locking(Some(Language::Spanish)), None);
    assert_eq!(Alphabet::new(Some(Language::Spanish), None), None);
    assert_eq!(table_masks('a').locking & (1 << 2), 0);
}

#[test]
fn the_readme_traps() {
    // Parentheses swapped in every Indic/Urdu locking table.
    for lang in Language::ALL.into_iter().filter(|l| l.nli() >= 4) {
        let table = Table::locking(Some(lang)).unwrap();
        assert_eq!(
            (table.char_at(0x28), table.char_at(0x29)),
            (Some(')'), Some('(')),
            "{lang}"
        );
        assert_eq!(table.code_of('A'), None);
        assert_eq!(Table::single(Some(lang)).code_of('A'), Some(0x41));
    }
    // FF at 0x0A of every single shift table; CR2 nowhere.
    for nli in 0..14 {
        assert_eq!(Table::single(language(nli)).char_at(0x0A), Some('\u{C}'));
        assert_eq!(Table::single(language(nli)).char_at(0x0D), None);
        assert_eq!(Table::single(language(nli)).char_at(0x1B), None);
    }
    // The deliberate absence and the corrected typos of disputes.tsv.
    assert_eq!(Table::single(Some(Language::Telugu)).char_at(0x65), None);
    assert_eq!(
        Table::locking(Some(Language::Kannada))
            .unwrap()
            .char_at(0x24),
        Some('\u{CA1}')
    );
    assert_eq!(
        Table::single(Some(Language::Tamil)).char_at(0x24),
        Some('\u{BEE}')
    );
}
