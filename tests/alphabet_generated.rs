//! Generates `src/alphabet/generated.rs` from the 27 tables in `data/gsm/`, and fails when the
//! committed file differs from what the data gives.
//!
//! The national tables are committed generated code, not `build.rs` output: they are 27 tables
//! that change only when the standard does, so every downstream build would pay for a build
//! script that always produces the same file (the approach of `unicode-segmentation` and
//! `encoding_rs`). This test is the check that regeneration changes nothing. To regenerate after
//! changing `data/gsm/`:
//!
//! ```sh
//! SEPTET_REGENERATE=1 cargo test -p septet --test alphabet_generated
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Names by NLI (0 = the default alphabet).
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

/// Assigned cells per table, from the table of `gsm-tables/README.md` (ESC not counted);
/// `None` for Spanish locking, which the standard leaves void.
const LOCKING_ENTRIES: [Option<usize>; 14] = [
    Some(127),
    Some(127),
    None,
    Some(127),
    Some(114),
    Some(120),
    Some(127),
    Some(120),
    Some(120),
    Some(116),
    Some(110),
    Some(102),
    Some(120),
    Some(127),
];
const SINGLE_ENTRIES: [usize; 14] = [10, 17, 19, 37, 82, 70, 88, 73, 82, 75, 76, 77, 77, 90];

struct Table {
    /// code -> scalar value, in code order.
    cells: BTreeMap<u8, u16>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_table(path: &Path, single: bool) -> Table {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("septet_hex\tunicode_hex"),
        "{}: header",
        path.display()
    );
    let mut cells = BTreeMap::new();
    let mut seen: BTreeMap<u16, u8> = BTreeMap::new();
    for (index, line) in lines.enumerate() {
        let at = format!("{}:{}", path.display(), index + 2);
        let (code, scalar) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{at}: no tab"));
        assert!(
            code.len() == 2 && scalar.len() == 4,
            "{at}: fields of 2 and 4 hex digits"
        );
        assert!(
            code.bytes()
                .chain(scalar.bytes())
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)),
            "{at}: upper-case hex digits"
        );
        let code = u8::from_str_radix(code, 16).unwrap();
        let scalar = u16::from_str_radix(scalar, 16).unwrap();
        assert!(code < 0x80 && code != 0x1B, "{at}: code 00..7F, never ESC");
        assert!(!(single && code == 0x0D), "{at}: CR2 has no character");
        assert!(
            char::from_u32(u32::from(scalar)).is_some() && scalar != 0xFFFF,
            "{at}: a scalar value (and not the generated tables' empty-cell mark U+FFFF)"
        );
        assert!(
            cells.insert(code, scalar).is_none(),
            "{at}: code listed twice"
        );
        if let Some(first) = seen.insert(scalar, code) {
            // The only characters at two positions: `*` (0x0B, 0x18) and `¡` (0x13, 0x15)
            // in the Indic and Urdu single shift tables.
            assert!(
                single
                    && matches!(
                        (scalar, first, code),
                        (0x2A, 0x0B, 0x18) | (0xA1, 0x13, 0x15)
                    ),
                "{at}: U+{scalar:04X} already at 0x{first:02X}"
            );
        }
    }
    Table { cells }
}

struct Tables {
    locking: Vec<Option<Table>>,
    single: Vec<Table>,
}

fn read_all() -> Tables {
    let dir = root().join("data/gsm");
    let mut locking = Vec::new();
    let mut single = Vec::new();
    for (nli, name) in NAMES.iter().enumerate() {
        let path = dir.join(format!("{name}_locking.tsv"));
        let table = path.exists().then(|| read_table(&path, false));
        assert_eq!(
            table.as_ref().map(|t| t.cells.len()),
            LOCKING_ENTRIES[nli],
            "{name} locking entries"
        );
        locking.push(table);
        let table = read_table(&dir.join(format!("{name}_single.tsv")), true);
        assert_eq!(
            table.cells.len(),
            SINGLE_ENTRIES[nli],
            "{name} single entries"
        );
        single.push(table);
    }
    let files = fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, 27, "data/gsm holds exactly the 27 tables");
    Tables { locking, single }
}

fn chars_array(code: &mut String, table: Option<&Table>) {
    code.push_str("    [\n");
    for row in 0..16u8 {
        code.push_str("       ");
        for col in 0..8u8 {
            let septet = row * 8 + col;
            let value = table
                .and_then(|t| t.cells.get(&septet).copied())
                .unwrap_or(0xFFFF);
            write!(code, " 0x{value:04X},").unwrap();
        }
        code.push('\n');
    }
    code.push_str("    ],\n");
}

/// char -> code, sorted by char; a character at two positions keeps the last one.
fn codes(table: &Table) -> BTreeMap<u16, u8> {
    let mut map = BTreeMap::new();
    for (&septet, &scalar) in &table.cells {
        map.insert(scalar, septet);
    }
    map
}

fn codes_slice(code: &mut String, name: &str, table: Option<&Table>) {
    let Some(table) = table else {
        writeln!(code, "    // {name}: none\n    &[],").unwrap();
        return;
    };
    writeln!(code, "    // {name}\n    &[").unwrap();
    // ASCII is looked up in arrays built from the `*_CHARS` tables (`code_of`): only the rest here.
    let pairs: Vec<(u16, u8)> = codes(table)
        .into_iter()
        .filter(|&(scalar, _)| scalar >= 0x80)
        .collect();
    for chunk in pairs.chunks(6) {
        code.push_str("       ");
        for (scalar, septet) in chunk {
            write!(code, " (0x{scalar:04X}, 0x{septet:02X}),").unwrap();
        }
        code.push('\n');
    }
    code.push_str("    ],\n");
}

fn generate(tables: &Tables) -> String {
    let mut code = String::new();
    code.push_str(
        "// @generated by tests/alphabet_generated.rs from data/gsm/*.tsv: do not edit.\n\
         // Regenerate with `SEPTET_REGENERATE=1 cargo test -p septet --test alphabet_generated`.\n\n",
    );
    code.push_str("/// Locking shift tables by NLI: code -> UTF-16 unit, 0xFFFF where the position is empty (always at\n/// 0x1B, ESC; everywhere for Spanish, which has no locking table).\npub(super) static LOCKING_CHARS: [[u16; 128]; 14] = [\n");
    for (nli, table) in tables.locking.iter().enumerate() {
        writeln!(code, "    // {}", NAMES[nli]).unwrap();
        chars_array(&mut code, table.as_ref());
    }
    code.push_str("];\n\n/// Single shift tables by NLI: code after ESC -> UTF-16 unit, 0xFFFF where empty (always at 0x0D,\n/// CR2, and 0x1B, SS2).\npub(super) static SINGLE_CHARS: [[u16; 128]; 14] = [\n");
    for (nli, table) in tables.single.iter().enumerate() {
        writeln!(code, "    // {}", NAMES[nli]).unwrap();
        chars_array(&mut code, Some(table));
    }
    code.push_str("];\n\n/// Locking shift tables by NLI: (UTF-16 unit, code) of the characters outside ASCII, sorted by unit.\npub(super) static LOCKING_CODES: [&[(u16, u8)]; 14] = [\n");
    for (nli, table) in tables.locking.iter().enumerate() {
        codes_slice(&mut code, NAMES[nli], table.as_ref());
    }
    code.push_str("];\n\n/// Single shift tables by NLI: (UTF-16 unit, code after ESC) of the characters outside ASCII, sorted\n/// by unit; a character at two positions has the last one.\npub(super) static SINGLE_CODES: [&[(u16, u8)]; 14] = [\n");
    for (nli, table) in tables.single.iter().enumerate() {
        codes_slice(&mut code, NAMES[nli], Some(table));
    }
    // Every character of every table with the tables that hold it (bit n: NLI n).
    let mut masks: BTreeMap<u16, (u16, u16)> = BTreeMap::new();
    for (nli, table) in tables.locking.iter().enumerate() {
        for &scalar in table.iter().flat_map(|t| t.cells.values()) {
            masks.entry(scalar).or_default().0 |= 1 << nli;
        }
    }
    for (nli, table) in tables.single.iter().enumerate() {
        for &scalar in table.cells.values() {
            masks.entry(scalar).or_default().1 |= 1 << nli;
        }
    }
    writeln!(
        code,
        "];\n\n/// Every character of any table: (UTF-16 unit, locking tables, single shift tables) with bit n\n/// for NLI n, sorted by unit ({} characters).\npub(super) static MASKS: [(u16, u16, u16); {}] = [",
        masks.len(),
        masks.len()
    )
    .unwrap();
    let rows: Vec<_> = masks.into_iter().collect();
    for chunk in rows.chunks(4) {
        code.push_str("   ");
        for (scalar, (locking, single)) in chunk {
            write!(code, " (0x{scalar:04X}, 0x{locking:04X}, 0x{single:04X}),").unwrap();
        }
        code.push('\n');
    }
    code.push_str("];\n");
    code
}

#[test]
fn generated_tables_are_current() {
    let generated = generate(&read_all());
    let path = root().join("src/alphabet/generated.rs");
    if std::env::var_os("SEPTET_REGENERATE").is_some() {
        fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "src/alphabet/generated.rs is not what data/gsm gives; regenerate with \
         `SEPTET_REGENERATE=1 cargo test -p septet --test alphabet_generated`"
    );
}
