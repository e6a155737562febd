//! The GSM 03.38 default alphabet and extension table, generated from `data/gsm/`.
//!
//! The data files are the verified tables of 3GPP TS 23.038 §6.2.1 (default alphabet) and
//! §6.2.1.1 (default extension table). `build.rs` validates them and emits the arrays below.

include!(concat!(env!("OUT_DIR"), "/gsm_tables.rs"));

/// Per-byte septet costs of the default alphabet for U+0000..U+007F: 0 = not GSM-7, 1 = basic
/// table, 2 = extension table (ESC + septet).
pub(crate) static GSM0338_ASCII_SEPTETS: [u8; 128] = gsm0338_ascii_septets();

const fn gsm0338_ascii_septets() -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut septet = 0;
    while septet < 128 {
        if let Some(c) = BASIC[septet] {
            if (c as u32) < 128 {
                table[c as usize] = 1;
            }
        }
        septet += 1;
    }
    let mut i = 0;
    while i < EXTENSION.len() {
        let c = EXTENSION[i].1;
        if (c as u32) < 128 {
            table[c as usize] = 2;
        }
        i += 1;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_position_is_empty() {
        assert_eq!(BASIC[0x1B], None);
        assert_eq!(BASIC.iter().filter(|c| c.is_some()).count(), 127);
    }

    #[test]
    fn non_ascii_matches_the_tables() {
        for c in BASIC.iter().flatten() {
            let c = *c;
            {
                if !c.is_ascii() {
                    assert_eq!(non_ascii_septets(c), 1, "{c:?}");
                }
            }
        }
        assert_eq!(non_ascii_septets('€'), 2);
        assert_eq!(non_ascii_septets('ç'), 0);
    }
}
