//! Generates septet's tables from the data files in `data/`.
//!
//! * `data/gsm/default_locking.tsv` and `data/gsm/default_single.tsv`: the GSM 03.38 default
//!   alphabet and its extension table (3GPP TS 23.038 §6.2.1 and §6.2.1.1).
//! * `data/smart-encoding.tsv`: the provider's smart-encoding substitution table, compiled into a
//!   `phf::Map<char, Substitution>`.
//!
//! Every row is validated; a malformed or inconsistent row fails the build with its line number.

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process;

/// The number of rows the provider documents; a different count means a lost or duplicated row.
const SMART_ROWS: usize = 310;

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let locking_path = root.join("data/gsm/default_locking.tsv");
    let single_path = root.join("data/gsm/default_single.tsv");
    let smart_path = root.join("data/smart-encoding.tsv");
    for path in [&locking_path, &single_path, &smart_path] {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    println!("cargo:rerun-if-changed=build.rs");

    let basic = read_gsm_table(&locking_path);
    let extension = read_gsm_table(&single_path);
    check_gsm_tables(&locking_path, &basic, &extension);
    let smart = read_smart_table(&smart_path, &basic, &extension);

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    fs::write(out.join("gsm_tables.rs"), gsm_code(&basic, &extension))
        .expect("write gsm_tables.rs");
    fs::write(out.join("smart_table.rs"), smart_code(&smart)).expect("write smart_table.rs");
}

fn fail(path: &Path, line: usize, message: &str) -> ! {
    eprintln!("error: {}:{}: {}", path.display(), line, message);
    println!("cargo:warning={}:{}: {}", path.display(), line, message);
    process::exit(1);
}

/// Reads a `septet_hex<TAB>unicode_hex` table into septet -> char.
fn read_gsm_table(path: &Path) -> BTreeMap<u8, char> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(path, 0, &e.to_string()));
    let mut table = BTreeMap::new();
    let mut seen_chars = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if index == 0 {
            if line != "septet_hex\tunicode_hex" {
                fail(
                    path,
                    line_no,
                    "expected the header `septet_hex<TAB>unicode_hex`",
                );
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 2 || fields[0].len() != 2 || fields[1].len() != 4 {
            fail(
                path,
                line_no,
                "expected two upper-case hex fields of 2 and 4 digits",
            );
        }
        let septet = u8::from_str_radix(fields[0], 16)
            .unwrap_or_else(|_| fail(path, line_no, "septet is not hex"));
        let scalar = u32::from_str_radix(fields[1], 16)
            .unwrap_or_else(|_| fail(path, line_no, "code point is not hex"));
        if fields[0] != fields[0].to_ascii_uppercase()
            || fields[1] != fields[1].to_ascii_uppercase()
        {
            fail(path, line_no, "hex digits must be upper case");
        }
        if septet > 0x7F || septet == 0x1B {
            fail(path, line_no, "septet must be 00..7F and never 1B (ESC)");
        }
        let c = char::from_u32(scalar).unwrap_or_else(|| fail(path, line_no, "not a scalar value"));
        if table.insert(septet, c).is_some() {
            fail(path, line_no, "septet listed twice");
        }
        if !seen_chars.insert(c) {
            fail(path, line_no, "character listed twice");
        }
    }
    table
}

fn check_gsm_tables(path: &Path, basic: &BTreeMap<u8, char>, extension: &BTreeMap<u8, char>) {
    if basic.len() != 127 {
        fail(
            path,
            0,
            "the default alphabet must have 127 characters besides ESC",
        );
    }
    if extension.len() != 10 {
        fail(
            path,
            0,
            "the default extension table must have 10 characters",
        );
    }
    for c in extension.values() {
        if basic.values().any(|b| b == c) {
            fail(
                path,
                0,
                &format!(
                    "U+{:04X} is in both the basic and the extension table",
                    *c as u32
                ),
            );
        }
    }
}

struct SmartRow {
    from: char,
    to: String,
    name: String,
}

fn read_smart_table(
    path: &Path,
    basic: &BTreeMap<u8, char>,
    extension: &BTreeMap<u8, char>,
) -> Vec<SmartRow> {
    let is_gsm = |c: char| basic.values().any(|&b| b == c) || extension.values().any(|&e| e == c);
    let text = fs::read_to_string(path).unwrap_or_else(|e| fail(path, 0, &e.to_string()));
    let mut rows: Vec<SmartRow> = Vec::new();
    let mut keys = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 3 {
            fail(
                path,
                line_no,
                "expected three tab-separated fields: codepoint, replacement, description",
            );
        }
        let code = fields[0];
        let hex = code
            .strip_prefix("U+")
            .unwrap_or_else(|| fail(path, line_no, "codepoint must be written U+XXXX"));
        if !(4..=6).contains(&hex.len())
            || !hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        {
            fail(
                path,
                line_no,
                "codepoint must be 4 to 6 upper-case hex digits",
            );
        }
        let scalar =
            u32::from_str_radix(hex, 16).unwrap_or_else(|_| fail(path, line_no, "bad hex"));
        let from = char::from_u32(scalar)
            .unwrap_or_else(|| fail(path, line_no, "not a Unicode scalar value"));
        if !keys.insert(from) {
            fail(path, line_no, &format!("{code} is listed twice"));
        }
        if is_gsm(from) {
            fail(
                path,
                line_no,
                &format!("{code} is already GSM-7 and must not be substituted"),
            );
        }
        let to = unescape(fields[1]).unwrap_or_else(|e| fail(path, line_no, e));
        if let Some(bad) = to.chars().find(|&c| !is_gsm(c)) {
            fail(
                path,
                line_no,
                &format!("replacement character U+{:04X} is not GSM-7", bad as u32),
            );
        }
        if from == '\t' && to != "       " {
            fail(path, line_no, "U+0009 must become seven spaces");
        }
        if fields[2].trim().is_empty() {
            fail(path, line_no, "description is empty");
        }
        rows.push(SmartRow {
            from,
            to,
            name: fields[2].trim().to_string(),
        });
    }
    if rows.len() != SMART_ROWS {
        fail(
            path,
            0,
            &format!("expected {SMART_ROWS} substitutions, found {}", rows.len()),
        );
    }
    rows
}

/// `\\` is a backslash; any other backslash sequence is a transcription error.
fn unescape(field: &str) -> Result<String, &'static str> {
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\\') => out.push('\\'),
                _ => return Err("a backslash in a replacement must be written \\\\"),
            }
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn gsm_code(basic: &BTreeMap<u8, char>, extension: &BTreeMap<u8, char>) -> String {
    let mut code = String::from("// @generated by build.rs from data/gsm/default_*.tsv\n\n");
    code.push_str("/// The GSM 03.38 default alphabet by septet (`None` at 0x1B, the escape to the extension table).\npub(crate) static BASIC: [Option<char>; 128] = [\n");
    for septet in 0u8..128 {
        match basic.get(&septet) {
            Some(c) => writeln!(code, "    Some('\\u{{{:04X}}}'),", *c as u32).unwrap(),
            None => code.push_str("    None,\n"),
        }
    }
    code.push_str("];\n\n/// The GSM 03.38 default extension table as (septet after ESC, character).\npub(crate) static EXTENSION: [(u8, char); 10] = [\n");
    for (septet, c) in extension {
        writeln!(code, "    (0x{septet:02X}, '\\u{{{:04X}}}'),", *c as u32).unwrap();
    }
    code.push_str("];\n\n/// Septets a character above U+007F costs in the default alphabet: 0 (not GSM-7), 1 or 2.\n#[inline]\npub(crate) const fn non_ascii_septets(c: char) -> u8 {\n    match c {\n");
    let mut ones: Vec<char> = basic.values().copied().filter(|c| !c.is_ascii()).collect();
    let mut twos: Vec<char> = extension
        .values()
        .copied()
        .filter(|c| !c.is_ascii())
        .collect();
    ones.sort();
    twos.sort();
    for (list, cost) in [(ones, 1), (twos, 2)] {
        if list.is_empty() {
            continue;
        }
        let arms: Vec<String> = list
            .iter()
            .map(|c| format!("'\\u{{{:04X}}}'", *c as u32))
            .collect();
        writeln!(code, "        {} => {cost},", arms.join(" | ")).unwrap();
    }
    code.push_str("        _ => 0,\n    }\n}\n");
    code
}

fn smart_code(rows: &[SmartRow]) -> String {
    let mut map = phf_codegen::Map::new();
    map.phf_path("phf");
    for (index, row) in rows.iter().enumerate() {
        map.entry(
            row.from,
            format!(
                "Substitution {{ index: {index}, replacement: {:?}, name: {:?} }}",
                row.to, row.name
            ),
        );
    }
    let mut code = String::from("// @generated by build.rs from data/smart-encoding.tsv\n\n");
    writeln!(code, "/// Number of rows in the substitution table.\npub(crate) const SUBSTITUTION_COUNT: usize = {};\n", rows.len()).unwrap();
    let substitutions: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            format!(
                "    Substitution {{ index: {index}, replacement: {:?}, name: {:?} }},\n",
                row.to, row.name
            )
        })
        .collect();
    writeln!(
        code,
        "/// The rows of the table, in its order.\npub(crate) const SUBSTITUTION_TABLE: [Substitution; {}] = [\n{}];\n\n/// The rows of the table, in its order.\npub(crate) static SUBSTITUTION_ROWS: [Substitution; {0}] = SUBSTITUTION_TABLE;\n",
        rows.len(),
        substitutions.concat()
    )
    .unwrap();
    let keys: Vec<String> = rows
        .iter()
        .map(|row| format!("'\\u{{{:04X}}}'", row.from as u32))
        .collect();
    writeln!(
        code,
        "/// The characters the table replaces, in its order.\npub(crate) const SUBSTITUTION_KEYS: [char; {}] = [{}];\n",
        rows.len(),
        keys.join(", ")
    )
    .unwrap();
    writeln!(
        code,
        "/// The substitution table, keyed by the character to replace.\npub(crate) static SUBSTITUTIONS: phf::Map<char, Substitution> = {};",
        map.build()
    )
    .unwrap();
    code
}
