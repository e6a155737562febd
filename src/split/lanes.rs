//! Counting parts byte by byte, 16 bytes at a time where no part can end, for the common case:
//! the text goes out as it is (no smart encoding), split by characters, and each character's
//! units follow from its UTF-8 bytes alone.
//!
//! Every byte gets a *lane cost*: 0 for a continuation byte, and for the first byte of a
//! character that character's units. Under UTF-16 a character costs 1 unit, 2 when its lead
//! is `F0..F4` (outside the BMP). Under the septets of a charset whose text is all in the
//! charset (GSM-7 was chosen, so every character is), a character costs 1 septet, 2 for the
//! ASCII extension characters `[ \ ] ^ { | } ~` and form feed, and 2 for `€`, the only
//! character with the lead `E2` in any charset (`lane_costs_are_the_characters_units` checks
//! both claims against every scalar value). The greedy fill of [`super::PartEnds`] is then
//! the same walk over lane costs, and whole blocks whose costs cannot reach the end of the part
//! are added at once (plain lane arithmetic that compiles to vector compares).

use crate::charset::Charset;
use crate::split::UnitCosts;

/// Bytes looked at together.
const LANES: usize = 16;

/// The most units one block can add: 2 a byte (a 2-unit ASCII character).
const MAX_BLOCK_UNITS: usize = 2 * LANES;

/// How a byte's lane cost is computed (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LaneCosts {
    /// UTF-16 code units.
    Utf16,
    /// Septets of a charset with the extension characters (GSM 03.38, carrier-safe).
    SeptetsWithExtension,
    /// Septets of a charset where every character costs 1 (ASCII 7-bit).
    OneSeptetEach,
}

impl LaneCosts {
    /// The lane costs for `costs`, when they can be read from the bytes.
    pub(super) fn of(costs: UnitCosts) -> Option<LaneCosts> {
        match costs {
            UnitCosts::Utf16 => Some(LaneCosts::Utf16),
            UnitCosts::Septets(Charset::Gsm0338 | Charset::CarrierSafe) => {
                Some(LaneCosts::SeptetsWithExtension)
            }
            UnitCosts::Septets(Charset::Ascii7) => Some(LaneCosts::OneSeptetEach),
            UnitCosts::Pair { .. } => None,
        }
    }
}

/// The lane cost of byte `b` (see the module documentation).
#[inline(always)]
fn lane_cost<const UTF16: bool, const EXTENSION: bool>(b: u8) -> u8 {
    // ASCII or a lead byte (not a continuation byte, 0x80..0xC0, which is -128..-64 as i8):
    // a character starts here.
    let starts = b as i8 >= -0x40;
    let double = if UTF16 {
        b >= 0xF0
    } else if EXTENSION {
        // `(b & 0xDF)` maps `{ | } ~` onto `[ \ ] ^`; no byte of 0x80 and above lands there.
        ((b & 0xDF).wrapping_sub(b'[') < 4) | (b == 0x0C) | (b == 0xE2)
    } else {
        false
    };
    u8::from(starts) + u8::from(double)
}

/// The units of the 16 bytes of `block`.
#[inline(always)]
fn block_units<const UTF16: bool, const EXTENSION: bool>(block: &[u8; LANES]) -> usize {
    let mut lanes = [0u8; LANES];
    for (lane, &b) in lanes.iter_mut().zip(block) {
        *lane = lane_cost::<UTF16, EXTENSION>(b);
    }
    crate::swar::sum(&lanes)
}

/// Parts of `text` and the units in the last one, when each part holds `capacity` units and a
/// character that does not fit starts the next part. `text` is not empty.
pub(super) fn count_parts(text: &str, capacity: usize, costs: LaneCosts) -> (usize, usize) {
    match costs {
        LaneCosts::Utf16 => count_parts_with::<true, false>(text.as_bytes(), capacity),
        LaneCosts::SeptetsWithExtension => {
            count_parts_with::<false, true>(text.as_bytes(), capacity)
        }
        LaneCosts::OneSeptetEach => count_parts_with::<false, false>(text.as_bytes(), capacity),
    }
}

#[inline(always)]
fn count_parts_with<const UTF16: bool, const EXTENSION: bool>(
    bytes: &[u8],
    capacity: usize,
) -> (usize, usize) {
    let mut parts = 1;
    let mut used = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Whole blocks while no character in them can overflow the part.
        if used + MAX_BLOCK_UNITS <= capacity {
            if let Some(block) = bytes
                .get(i..i + LANES)
                .and_then(|b| <&[u8; LANES]>::try_from(b).ok())
            {
                used += block_units::<UTF16, EXTENSION>(block);
                i += LANES;
                continue;
            }
        }
        // Near the end of the part (or of the text): byte by byte. A continuation byte costs 0
        // and never starts a part; a character that does not fit does.
        let units = usize::from(lane_cost::<UTF16, EXTENSION>(bytes[i]));
        if used + units > capacity {
            parts += 1;
            used = 0;
        }
        used += units;
        i += 1;
    }
    (parts, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane_sum(c: char, costs: LaneCosts) -> usize {
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf)
            .bytes()
            .map(|b| {
                usize::from(match costs {
                    LaneCosts::Utf16 => lane_cost::<true, false>(b),
                    LaneCosts::SeptetsWithExtension => lane_cost::<false, true>(b),
                    LaneCosts::OneSeptetEach => lane_cost::<false, false>(b),
                })
            })
            .sum()
    }

    #[test]
    fn lane_costs_are_the_characters_units() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(lane_sum(c, LaneCosts::Utf16), c.len_utf16(), "{c:?}");
            for charset in Charset::ALL {
                let septets = charset.septets_or_zero(c);
                if septets == 0 {
                    continue;
                }
                let costs = LaneCosts::of(UnitCosts::Septets(charset)).unwrap();
                assert_eq!(lane_sum(c, costs), usize::from(septets), "{c:?} {charset}");
            }
        }
    }

    /// The greedy fill, character by character.
    fn naive(text: &str, capacity: usize, units: impl Fn(char) -> usize) -> (usize, usize) {
        let (mut parts, mut used) = (1, 0);
        for c in text.chars() {
            let u = units(c);
            if used + u > capacity {
                parts += 1;
                used = 0;
            }
            used += u;
        }
        (parts, used)
    }

    #[test]
    fn counts_parts_like_the_character_walk() {
        // 2-unit characters at every offset around every block and part boundary.
        let fillers = ["a", "é", "€", "{", "😀", "中", "\u{C}"];
        for capacity in [3, 31, 32, 33, 67, 70, 153, 160] {
            for double in ["€", "{", "~", "😀", "\u{C}"] {
                for filler in fillers {
                    for at in 0..80 {
                        let text = std::format!("{}{double}{}", filler.repeat(at), "b".repeat(90));
                        let utf16 = naive(&text, capacity, char::len_utf16);
                        assert_eq!(count_parts(&text, capacity, LaneCosts::Utf16), utf16);
                        let charset = Charset::Gsm0338;
                        if text.chars().all(|c| charset.contains(c)) {
                            let septets = |c| usize::from(charset.septets_or_zero(c));
                            assert_eq!(
                                count_parts(&text, capacity, LaneCosts::SeptetsWithExtension),
                                naive(&text, capacity, septets),
                                "{text:?} {capacity}"
                            );
                        }
                    }
                }
            }
        }
    }
}
