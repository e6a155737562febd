//! One pass over the input: which encoding the outgoing text needs and how many units it
//! costs in each, with smart encoding applied on the fly.

use core::str::CharIndices;

use crate::charset::Charset;
use crate::options::Options;
use crate::tables::smart::{self, RowSet};

/// What one pass over the input learns.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Scan {
    /// Characters of the input.
    pub(crate) input_characters: usize,
    /// Characters of the outgoing text.
    pub(crate) characters: usize,
    /// Bytes (UTF-8) of the outgoing text.
    pub(crate) bytes: usize,
    /// Septets of the outgoing text, counting only characters in the charset.
    pub(crate) septets: usize,
    /// Outgoing characters that cost 2 septets (extension characters).
    pub(crate) double_septet_characters: usize,
    /// UTF-16 code units of the outgoing text.
    pub(crate) utf16_units: usize,
    /// Outgoing characters outside the BMP (2 UTF-16 code units each).
    pub(crate) astral_characters: usize,
    /// Input characters that are not in the charset and have no substitution.
    pub(crate) non_gsm: usize,
    /// The first of them.
    pub(crate) first_non_gsm: Option<NonGsmChar>,
    /// Input characters smart encoding replaced (every occurrence).
    pub(crate) replaced: usize,
    /// Distinct input characters smart encoding replaced.
    pub(crate) unique_replaced: usize,
}

/// Scans `text` as `charset` sees it, with smart encoding when `smart`.
pub(crate) fn scan(text: &str, charset: Charset, smart: bool) -> Scan {
    // One monomorphised loop per ASCII rule set, so the block test compiles to SIMD compares.
    match (charset, smart) {
        (Charset::Gsm0338, _) => scan_with::<false, true, true>(text, charset, smart),
        (Charset::CarrierSafe, _) => scan_with::<false, false, true>(text, charset, smart),
        (Charset::Ascii7, false) => scan_with::<true, false, false>(text, charset, smart),
        (Charset::Ascii7, true) => scan_with::<false, false, false>(text, charset, smart),
    }
}

/// Bytes the block test looks at together on long runs.
const BLOCK: usize = 64;

/// Runs shorter than this stay on the portable path (the vector path's dispatch costs a call).
const SIMD_MIN_BYTES: usize = 4 * crate::simd::BLOCK;

/// Bytes per vector lane group inside a block.
const LANES: usize = 16;

/// Tests a block of bytes for the common case: every byte is ASCII the charset takes as it is
/// (printable ASCII, LF, CR; the grave accent when `GRAVE`; form feed when `FF`) and smart
/// encoding leaves alone. Returns how many of them cost 2 septets (`[ \ ] ^ { | } ~` and form
/// feed, when `EXTENSION`), or `None` when a byte needs the general path.
///
/// Written without branches so that it compiles to a handful of vector compares per block.
#[inline(always)]
fn ascii_block<const N: usize, const GRAVE: bool, const FF: bool, const EXTENSION: bool>(
    block: &[u8; N],
) -> Option<usize> {
    // Lane-wise accumulators (one vector register each), reduced once per block.
    let mut bad = [0u8; LANES];
    let mut double = [0u8; LANES];
    for chunk in block.chunks_exact(LANES) {
        for ((&b, bad), double) in chunk.iter().zip(&mut bad).zip(&mut double) {
            let printable = (b.wrapping_sub(0x20) < 0x5F) & (GRAVE | (b != b'`'));
            let ok = printable | (b == b'\n') | (b == b'\r') | (FF & (b == 0x0C));
            *bad |= u8::from(!ok);
            if EXTENSION {
                let two = (b.wrapping_sub(b'[') < 4) | (b.wrapping_sub(b'{') < 4) | (b == 0x0C);
                *double += u8::from(two);
            }
        }
    }
    let bad = bad.iter().fold(0, |acc, &b| acc | b);
    (bad == 0).then(|| double.iter().map(|&d| usize::from(d)).sum())
}

#[inline(always)]
fn scan_with<const GRAVE: bool, const FF: bool, const EXTENSION: bool>(
    text: &str,
    charset: Charset,
    smart: bool,
) -> Scan {
    let table = charset.ascii_fast_path(smart);
    let latin1 = charset.latin1_septets();
    let bytes = text.as_bytes();
    let mut s = Scan {
        bytes: text.len(),
        ..Scan::default()
    };
    let mut rows = RowSet::default();
    // Input characters kept as they are and in the charset (each one character and one UTF-16
    // unit), with their septets: kept in locals on the hot paths, added to `s` at the end.
    let mut kept = 0usize;
    let mut septets = 0usize;
    let mut double = 0usize;
    let mut i = 0;
    // After a block fails the test, its bytes go through the paths below.
    let mut general_until = 0;
    while i < bytes.len() {
        // Fastest path: whole blocks of plain ASCII, with AVX2/SSE4.1 on long runs where the CPU
        // has them, then 64 bytes at a time, then 16.
        if i >= general_until {
            if bytes.len() - i >= SIMD_MIN_BYTES {
                let prefix = crate::simd::plain_ascii_prefix(
                    &bytes[i..],
                    const { &crate::simd::Rules::new(GRAVE, FF, EXTENSION) },
                );
                kept += prefix.bytes;
                septets += prefix.bytes + prefix.extension_characters;
                double += prefix.extension_characters;
                if prefix.bytes > 0 {
                    i += prefix.bytes;
                    continue;
                }
            }
            let mut block_bytes = 0;
            let mut block_double = None;
            if let Some(block) = bytes
                .get(i..i + BLOCK)
                .and_then(|b| <&[u8; BLOCK]>::try_from(b).ok())
            {
                block_bytes = BLOCK;
                block_double = ascii_block::<BLOCK, GRAVE, FF, EXTENSION>(block);
            } else if let Some(block) = bytes
                .get(i..i + LANES)
                .and_then(|b| <&[u8; LANES]>::try_from(b).ok())
            {
                block_bytes = LANES;
                block_double = ascii_block::<LANES, GRAVE, FF, EXTENSION>(block);
            }
            match block_double {
                Some(block_double) => {
                    kept += block_bytes;
                    septets += block_bytes + block_double;
                    double += block_double;
                    i += block_bytes;
                    continue;
                }
                None => general_until = i + block_bytes,
            }
        }
        // Fast path: one ASCII character in the charset.
        let b = bytes[i];
        if b < 0x80 {
            let cost = table[usize::from(b)];
            if cost != 0 {
                kept += 1;
                septets += usize::from(cost);
                double += usize::from(cost >> 1);
                i += 1;
                continue;
            }
        } else if b & 0xE0 == 0xC0 {
            // Fast path: a two-byte character in Latin-1 (the accented GSM letters), decoded by
            // hand. The input is valid UTF-8, so a continuation byte follows.
            debug_assert!(i + 1 < bytes.len(), "valid UTF-8");
            let next = bytes.get(i + 1).map_or(0, |c| c & 0x3F);
            let code = (usize::from(b & 0x1F) << 6) | usize::from(next);
            let cost = latin1.get(code).copied().unwrap_or(0);
            if cost != 0 {
                kept += 1;
                septets += usize::from(cost);
                double += usize::from(cost >> 1);
                i += 2;
                continue;
            }
        }
        // The general path: decode, then kept, replaced or non-GSM.
        let Some(c) = text[i..].chars().next() else {
            debug_assert!(false, "{i} is inside the text");
            break;
        };
        let len = c.len_utf8();
        let char_index = s.input_characters + kept;
        // No substitution key is in the default alphabet: look up only characters outside it.
        let substitution = if smart && !Charset::Gsm0338.contains(c) {
            smart::lookup(c)
        } else {
            None
        };
        let cost = charset.septets_or_zero(c);
        if let Some(sub) = substitution {
            s.input_characters += 1;
            s.replaced += 1;
            if rows.insert(sub.index) {
                s.unique_replaced += 1;
            }
            s.bytes = s.bytes - len + sub.replacement.len();
            for r in sub.replacement.chars() {
                let cost = charset.septets_or_zero(r);
                septets += usize::from(cost);
                double += usize::from(cost >> 1);
                s.utf16_units += r.len_utf16();
                s.characters += 1;
            }
        } else if cost != 0 {
            // Every charset character is in the BMP: one UTF-16 unit.
            kept += 1;
            septets += usize::from(cost);
            double += usize::from(cost >> 1);
        } else {
            if s.first_non_gsm.is_none() {
                s.first_non_gsm = Some(NonGsmChar {
                    character: c,
                    char_index,
                    byte_offset: i,
                });
            }
            s.input_characters += 1;
            s.non_gsm += 1;
            s.utf16_units += c.len_utf16();
            s.astral_characters += c.len_utf16() - 1;
            s.characters += 1;
        }
        i += len;
    }
    s.input_characters += kept;
    s.characters += kept;
    s.utf16_units += kept;
    s.septets += septets;
    s.double_septet_characters += double;
    s
}

/// A character that cannot be sent in 7 bits: it is outside the charset and smart encoding (if
/// it runs) has no substitution for it. One such character makes the whole message UCS-2.
///
/// ```
/// let c = septet::non_gsm("Hi 😀", &septet::Options::default()).next().unwrap();
/// assert_eq!((c.character, c.char_index, c.byte_offset), ('😀', 3, 3));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NonGsmChar {
    /// The character.
    pub character: char,
    /// Its index among the characters (Unicode scalar values) of the input.
    pub char_index: usize,
    /// Its byte offset in the input (UTF-8).
    pub byte_offset: usize,
}

/// Every character of `text` that cannot be sent in 7 bits under `options` (its effective
/// charset, and smart encoding when the options apply it), in order. Needs no allocation.
///
/// ```
/// use septet::{non_gsm, Options};
///
/// let found: Vec<char> = non_gsm("ça “va” 😀", &Options::default()).map(|c| c.character).collect();
/// assert_eq!(found, ['ç', '“', '”', '😀']);
///
/// // With smart encoding the curly quotes become '"'; ç and the emoji remain.
/// let smart = Options::default().with_smart_encoding(true);
/// let found: Vec<char> = non_gsm("ça “va” 😀", &smart).map(|c| c.character).collect();
/// assert_eq!(found, ['ç', '😀']);
/// ```
pub fn non_gsm<'a>(text: &'a str, options: &Options) -> NonGsm<'a> {
    NonGsm {
        chars: text.char_indices(),
        char_index: 0,
        charset: options.effective_charset(),
        smart: options.applies_smart_encoding(),
    }
}

/// Iterator over the characters that force UCS-2; see [`non_gsm`].
#[derive(Clone, Debug)]
pub struct NonGsm<'a> {
    chars: CharIndices<'a>,
    char_index: usize,
    charset: Charset,
    smart: bool,
}

impl Iterator for NonGsm<'_> {
    type Item = NonGsmChar;

    fn next(&mut self) -> Option<NonGsmChar> {
        for (byte_offset, c) in self.chars.by_ref() {
            let char_index = self.char_index;
            self.char_index += 1;
            let replaced = self.smart && smart::lookup(c).is_some();
            if !self.charset.contains(c) && !replaced {
                return Some(NonGsmChar {
                    character: c,
                    char_index,
                    byte_offset,
                });
            }
        }
        None
    }
}
