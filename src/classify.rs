//! One pass over the input: which encoding the outgoing text needs and how many units it
//! costs in each, with smart encoding applied on the fly.

use core::str::CharIndices;

use crate::charset;
use crate::charset::Charset;
use crate::options::Options;
use crate::swar;
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
        (Charset::Gsm0338, false) => scan_with::<false, true, true, false>(text, charset),
        (Charset::Gsm0338, true) => scan_with::<false, true, true, true>(text, charset),
        (Charset::CarrierSafe, false) => scan_with::<false, false, true, false>(text, charset),
        (Charset::CarrierSafe, true) => scan_with::<false, false, true, true>(text, charset),
        (Charset::Ascii7, false) => scan_with::<true, false, false, false>(text, charset),
        (Charset::Ascii7, true) => scan_with::<false, false, false, true>(text, charset),
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
    (bad == 0).then(|| swar::sum(&double))
}

/// Running totals of one scan, added up block by block; [`Totals::finish`] turns them into a
/// [`Scan`].
#[derive(Default)]
struct Totals {
    /// Input characters.
    input_characters: usize,
    /// Input characters outside the BMP (never in a charset, never replaced).
    astral: usize,
    /// Septets of the outgoing characters in the charset (kept or replacements).
    septets: usize,
    /// Outgoing characters in the charset that cost 2 septets.
    double: usize,
    non_gsm: usize,
    first_non_gsm: Option<NonGsmChar>,
    /// Input characters smart encoding replaced, and their bytes.
    replaced: usize,
    replaced_bytes: usize,
    unique_replaced: usize,
    /// What the replacements add: bytes, characters, UTF-16 units.
    replacement_bytes: usize,
    replacement_characters: usize,
    replacement_units: usize,
    rows: RowSet,
}

impl Totals {
    fn finish(self, input_bytes: usize) -> Scan {
        // Kept and non-GSM input characters go out as they are: one UTF-16 unit each, two for
        // the astral ones (none of which is replaced: every key is in the BMP).
        let kept = self.input_characters - self.replaced;
        Scan {
            input_characters: self.input_characters,
            characters: kept + self.replacement_characters,
            bytes: input_bytes - self.replaced_bytes + self.replacement_bytes,
            septets: self.septets,
            double_septet_characters: self.double,
            utf16_units: kept + self.astral + self.replacement_units,
            astral_characters: self.astral,
            non_gsm: self.non_gsm,
            first_non_gsm: self.first_non_gsm,
            replaced: self.replaced,
            unique_replaced: self.unique_replaced,
        }
    }
}

/// Per-lane counters of the block path (one vector register each), added into [`Totals`]
/// before any lane can overflow.
#[derive(Default)]
struct LaneCounts {
    characters: [u8; LANES],
    astral: [u8; LANES],
    septets: [u8; LANES],
    double: [u8; LANES],
    non_gsm: [u8; LANES],
    /// Blocks added since the last flush.
    blocks: usize,
}

impl LaneCounts {
    /// Blocks that may be added between flushes: a lane gains at most 2 per block.
    const MAX_BLOCKS: usize = 127;

    #[inline(always)]
    fn flush(&mut self, t: &mut Totals) {
        t.input_characters += swar::sum(&self.characters);
        t.astral += swar::sum(&self.astral);
        t.septets += swar::sum(&self.septets);
        t.double += swar::sum(&self.double);
        t.non_gsm += swar::sum(&self.non_gsm);
        *self = LaneCounts::default();
    }
}

/// The 16 bytes at `bytes[at..]`, if there are as many.
#[inline(always)]
fn block_at(bytes: &[u8], at: usize) -> Option<&[u8; LANES]> {
    bytes
        .get(at..at + LANES)
        .and_then(|b| <&[u8; LANES]>::try_from(b).ok())
}

/// The padding of a block past the end of the text: a continuation byte, which counts as
/// nothing (no character starts there).
const PADDING: u8 = 0x80;

/// The scan of one charset's rules (see [`ascii_block`] for `GRAVE`, `FF`, `EXTENSION`), with
/// smart encoding when `SMART`. `EXTENSION` also says that the charset has Latin-1 letters and
/// `€` (GSM 03.38 and carrier-safe), `FF` that it has the Greek capitals (GSM 03.38 only).
#[inline(always)]
fn scan_with<const GRAVE: bool, const FF: bool, const EXTENSION: bool, const SMART: bool>(
    text: &str,
    charset: Charset,
) -> Scan {
    let bytes = text.as_bytes();
    let mut t = Totals::default();
    let mut lanes = LaneCounts::default();
    // The plain-ASCII paths count into locals (registers), added to `t` once at the end:
    // `t` lives in memory, and building the scan from fields just added to there stalls on
    // store forwarding.
    let (mut plain_characters, mut plain_double) = (0usize, 0usize);
    let mut i = 0;
    // After a block fails the plain-ASCII test, blocks are classified one by one until one is
    // plain ASCII again.
    let mut try_blocks = true;
    while i < bytes.len() {
        // Fastest path: whole blocks of plain ASCII, with AVX2/SSE4.1 on long runs where the CPU
        // has them, then 64 bytes at a time, then 16.
        if try_blocks {
            if bytes.len() - i >= SIMD_MIN_BYTES {
                let prefix = crate::simd::plain_ascii_prefix(
                    &bytes[i..],
                    const { &crate::simd::Rules::new(GRAVE, FF, EXTENSION) },
                );
                plain_characters += prefix.bytes;
                plain_double += prefix.extension_characters;
                if prefix.bytes > 0 {
                    i += prefix.bytes;
                    continue;
                }
            }
            let (block_bytes, block_double) = if let Some(block) = bytes
                .get(i..i + BLOCK)
                .and_then(|b| <&[u8; BLOCK]>::try_from(b).ok())
            {
                (BLOCK, ascii_block::<BLOCK, GRAVE, FF, EXTENSION>(block))
            } else if let Some(block) = block_at(bytes, i) {
                (LANES, ascii_block::<LANES, GRAVE, FF, EXTENSION>(block))
            } else {
                // The tail, padded with spaces (plain ASCII of 1 septet, never an extension
                // character).
                let block = swar::padded(bytes, i, b' ');
                (
                    bytes.len() - i,
                    ascii_block::<LANES, GRAVE, FF, EXTENSION>(&block),
                )
            };
            if let Some(block_double) = block_double {
                plain_characters += block_bytes;
                plain_double += block_double;
                i += block_bytes;
                continue;
            }
        }
        // The general path counts positions from `t`: the plain characters so far go there.
        if plain_characters != 0 {
            plain_into(&mut t, &mut plain_characters, &mut plain_double);
        }
        // The block and the same shifted by one and two bytes (for `€`), read in place where
        // the text is long enough, else padded with [`PADDING`].
        try_blocks = match (
            block_at(bytes, i),
            block_at(bytes, i + 1),
            block_at(bytes, i + 2),
        ) {
            (Some(block), Some(next), Some(after_next)) => {
                scan_block::<GRAVE, FF, EXTENSION, SMART>(
                    text,
                    i,
                    [block, next, after_next],
                    charset,
                    &mut lanes,
                    &mut t,
                )
            }
            _ => {
                let padded = |at: usize| match bytes.get(at) {
                    Some(_) => swar::padded(bytes, at, PADDING),
                    None => [PADDING; LANES],
                };
                let (block, next, after_next) = (padded(i), padded(i + 1), padded(i + 2));
                scan_block::<GRAVE, FF, EXTENSION, SMART>(
                    text,
                    i,
                    [&block, &next, &after_next],
                    charset,
                    &mut lanes,
                    &mut t,
                )
            }
        };
        i += LANES;
        if lanes.blocks == LaneCounts::MAX_BLOCKS {
            lanes.flush(&mut t);
        }
    }
    if lanes.blocks > 0 {
        lanes.flush(&mut t);
    }
    plain_into(&mut t, &mut plain_characters, &mut plain_double);
    t.finish(bytes.len())
}

/// Adds the plain ASCII characters counted in locals to `t` and resets the locals: each is one
/// character of 1 septet, 2 for the extension ones.
#[inline(always)]
fn plain_into(t: &mut Totals, characters: &mut usize, double: &mut usize) {
    t.input_characters += *characters;
    t.septets += *characters + *double;
    t.double += *double;
    (*characters, *double) = (0, 0);
}

/// Classifies the 16 bytes at `text[i..]` and counts the characters that start there into
/// `lanes` and `t`. `blocks` holds them, and the 16 bytes at `i + 1` and at `i + 2` (for `€`),
/// each padded with [`PADDING`] past the end. Returns whether they were all plain ASCII in the
/// charset.
///
/// The lanes are classified together, without branches (LLVM turns the lane loop into vector
/// compares): ASCII in the charset (1 or 2 septets), `€` (2 septets; recognised in place when
/// smart encoding is off), astral characters (2 UTF-16 units), and characters that are
/// certainly not in the charset (every other lead byte but a few). Only the rest, *special*
/// lanes, are looked at one by one: without smart encoding the leads `C2 C3 CE` (U+0080..U+00FF
/// and Greek, where the charsets' non-ASCII letters are), looked up by their second byte; with
/// smart encoding also the leads under which the substitution table has keys, and ASCII
/// outside the charset (the table's ASCII keys are controls and the grave accent).
#[inline(always)]
fn scan_block<const GRAVE: bool, const FF: bool, const EXTENSION: bool, const SMART: bool>(
    text: &str,
    i: usize,
    blocks: [&[u8; LANES]; 3],
    charset: Charset,
    lanes: &mut LaneCounts,
    t: &mut Totals,
) -> bool {
    let mut special = [0u8; LANES];
    let mut non_gsm = [0u8; LANES];
    let mut starts = [0u8; LANES];
    let mut plain = 0u8;
    let [block, next, after_next] = blocks;
    for k in 0..LANES {
        let b = block[k];
        let ascii = b < 0x80;
        let lead = b >= 0xC0;
        let printable = (b.wrapping_sub(0x20) < 0x5F) & (GRAVE | (b != b'`'));
        let ok = printable | (b == b'\n') | (b == b'\r') | (FF & (b == 0x0C));
        let extension = EXTENSION & ok & (((b & 0xDF).wrapping_sub(b'[') < 4) | (b == 0x0C));
        let astral = b >= 0xF0;
        let euro = EXTENSION & !SMART & (b == 0xE2) & (next[k] == 0x82) & (after_next[k] == 0xAC);
        let is_special = if SMART {
            // C2..CE (U+0080..U+03FF), E1..E3 (U+1000..U+3FFF), EA and EF: every lead of a
            // key, of a non-ASCII charset character and of € (`smart_leads_cover_every_key`).
            let leads = (b.wrapping_sub(0xC2) < 13)
                | (b.wrapping_sub(0xE1) < 3)
                | (b == 0xEA)
                | (b == 0xEF);
            (ascii & !ok) | leads
        } else {
            (EXTENSION & (b.wrapping_sub(0xC2) < 2)) | (FF & (b == 0xCE))
        };
        let outside = ((ascii & !ok) | (lead & !euro)) & !is_special;
        lanes.characters[k] += u8::from(ascii | lead);
        lanes.astral[k] += u8::from(astral);
        lanes.septets[k] += u8::from(ok) + u8::from(extension) + 2 * u8::from(euro);
        lanes.double[k] += u8::from(extension | euro);
        lanes.non_gsm[k] += u8::from(outside);
        special[k] = u8::from(is_special) << 7;
        non_gsm[k] = u8::from(outside) << 7;
        starts[k] = u8::from(ascii | lead) << 7;
        plain |= u8::from(!ok);
    }
    lanes.blocks += 1;
    let special = swar::mask(&special);
    let mut special_non_gsm = 0;
    if special != 0 {
        let mut rest = special;
        while rest != 0 {
            // A lane number, below 16: the masks keep the reads in bounds without a check.
            let lane = rest.trailing_zeros() as usize & (LANES - 1);
            rest &= rest - 1;
            // The character's first three bytes (a special lane starts a character of at
            // most three: ASCII, or a lead below F0).
            let bytes = [block[lane], next[lane], after_next[lane]];
            let in_charset = if SMART {
                smart_special(text, i + lane, charset, t)
            } else {
                two_byte_special(bytes, charset, t)
            };
            special_non_gsm |= u32::from(!in_charset) << lane;
        }
    }
    if t.first_non_gsm.is_none() {
        let non_gsm = swar::mask(&non_gsm) | special_non_gsm;
        if non_gsm != 0 {
            let characters_before = t.input_characters + swar::sum(&lanes.characters)
                - swar::mask(&starts).count_ones() as usize;
            first_non_gsm(text, i, non_gsm, characters_before, swar::mask(&starts), t);
        }
    }
    plain == 0
}

/// Without smart encoding, the two-byte character (lead `C2`, `C3` or `CE`) whose bytes start
/// `bytes`: its septets counted, or counted as not in the charset. Returns whether it is in the
/// charset.
#[inline(always)]
fn two_byte_special(bytes: [u8; 3], charset: Charset, t: &mut Totals) -> bool {
    let septets = usize::from(charset.two_byte_septets(bytes[0], bytes[1]));
    t.septets += septets;
    t.double += septets >> 1;
    t.non_gsm += usize::from(septets == 0);
    septets != 0
}

/// Records the first character not in the charset: the lowest lane of `non_gsm` (not 0) in the
/// block at `i`, whose lanes `starts` start characters, after `characters_before` characters.
#[cold]
#[inline(never)]
fn first_non_gsm(
    text: &str,
    i: usize,
    non_gsm: u32,
    characters_before: usize,
    starts: u32,
    t: &mut Totals,
) {
    let lane = non_gsm.trailing_zeros();
    let byte_offset = i + lane as usize;
    let character = text.get(byte_offset..).and_then(|t| t.chars().next());
    debug_assert!(character.is_some(), "lane {lane} starts a character");
    t.first_non_gsm = character.map(|character| NonGsmChar {
        character,
        char_index: characters_before + (starts & ((1 << lane) - 1)).count_ones() as usize,
        byte_offset,
    });
}

/// The character whose UTF-8 encoding starts at `bytes[at]` (`bytes` is valid UTF-8 and `at` a
/// character boundary).
#[inline(always)]
fn decode_at(bytes: &[u8], at: usize) -> Option<char> {
    let lead = u32::from(*bytes.get(at)?);
    if lead < 0x80 {
        return char::from_u32(lead);
    }
    let continuation = |k: usize| bytes.get(at + k).map(|&b| u32::from(b & 0x3F));
    let second = continuation(1)?;
    if lead < 0xE0 {
        return char::from_u32(((lead & 0x1F) << 6) | second);
    }
    let third = continuation(2)?;
    if lead < 0xF0 {
        return char::from_u32(((lead & 0x0F) << 12) | (second << 6) | third);
    }
    let fourth = continuation(3)?;
    char::from_u32(((lead & 0x07) << 18) | (second << 12) | (third << 6) | fourth)
}

/// With smart encoding on, the character starting at `text[at]`: replaced (its replacement's
/// septets, units and characters added), kept, or not in the charset (counted). Returns whether
/// it is in the charset or replaced.
#[inline(always)]
fn smart_special(text: &str, at: usize, charset: Charset, t: &mut Totals) -> bool {
    let Some(c) = decode_at(text.as_bytes(), at) else {
        debug_assert!(false, "{at} starts a character");
        return true;
    };
    if let Some(sub) = smart::lookup(c) {
        t.replaced += 1;
        t.replaced_bytes += c.len_utf8();
        if t.rows.insert(sub.index) {
            t.unique_replaced += 1;
        }
        t.replacement_bytes += sub.replacement.len();
        let cost = charset::replacement_cost(sub.index);
        t.septets += usize::from(cost.septets[charset as usize]);
        t.double += usize::from(cost.double[charset as usize]);
        t.replacement_units += usize::from(cost.characters);
        t.replacement_characters += usize::from(cost.characters);
        return true;
    }
    let septets = charset.septets_or_zero(c);
    t.septets += usize::from(septets);
    t.double += usize::from(septets >> 1);
    t.non_gsm += usize::from(septets == 0);
    septets != 0
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::smart::SUBSTITUTION_KEYS;

    fn scan_of(c: char, charset: Charset, smart: bool) -> Scan {
        let mut buf = [0u8; 4];
        scan(c.encode_utf8(&mut buf), charset, smart)
    }

    #[test]
    fn decode_at_reads_every_scalar_value() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let text = std::format!("a{c}b");
            assert_eq!(decode_at(text.as_bytes(), 1), Some(c));
        }
    }

    #[test]
    fn smart_leads_cover_every_key() {
        // The block path looks at a lane one by one only when its lead byte is among the smart
        // leads: every key must be there, or it would be counted as not in the charset.
        for charset in Charset::ALL {
            for &key in &SUBSTITUTION_KEYS {
                let s = scan_of(key, charset, true);
                assert_eq!((s.replaced, s.non_gsm), (1, 0), "{key:?} in {charset}");
            }
        }
    }

    #[test]
    fn every_scalar_value_costs_what_the_charset_says() {
        for charset in Charset::ALL {
            for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
                for smart in [false, true] {
                    let s = scan_of(c, charset, smart);
                    let replaced = smart && smart::lookup(c).is_some();
                    let septets = charset.septets_or_zero(c);
                    assert_eq!(s.replaced, usize::from(replaced), "{c:?}");
                    if !replaced {
                        assert_eq!(s.septets, usize::from(septets), "{c:?} {charset}");
                        assert_eq!(s.non_gsm, usize::from(septets == 0), "{c:?} {charset}");
                        assert_eq!(s.utf16_units, c.len_utf16(), "{c:?}");
                        assert_eq!(s.astral_characters, c.len_utf16() - 1, "{c:?}");
                    }
                    assert_eq!(s.input_characters, 1);
                }
            }
        }
    }
}
