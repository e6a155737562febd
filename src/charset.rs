//! Which characters a route accepts as 7-bit, and what each costs in septets.

use core::fmt;
use core::str::FromStr;

use crate::tables::gsm as tables;
use crate::tables::smart;

/// The set of characters a route sends in 7 bits. Anything outside it makes the message UCS-2.
///
/// ```
/// use septet::Charset;
///
/// assert_eq!(Charset::Gsm0338.septets('Ç'), Some(1));
/// assert_eq!(Charset::Gsm0338.septets('€'), Some(2)); // ESC + 0x65
/// assert_eq!(Charset::CarrierSafe.septets('Ç'), None);
/// assert_eq!(Charset::Ascii7.septets('{'), Some(1));
/// assert_eq!("carrier-safe".parse::<Charset>(), Ok(Charset::CarrierSafe));
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Charset {
    /// The full GSM 03.38 default alphabet plus its extension table (extension characters cost
    /// 2 septets). The default.
    #[default]
    Gsm0338,
    /// The narrower set the provider lists as safe on every carrier: A–Z a–z 0–9, ASCII
    /// punctuation except the grave accent, space, LF, CR, `_ £ ¥ è é ù ì ò Ø ø Å å Æ æ ß É ¡ Ä Ö
    /// Ñ Ü § ¿ ä ö ñ ü à` (1 septet) and `~ ^ | \ { } [ ] €` (2 septets). No `Ç`, `¤`, Greek
    /// capitals or form feed.
    CarrierSafe,
    /// ASCII 7-bit, the short-code default: U+0020–U+007E plus LF and CR, 1 septet each.
    Ascii7,
}

const CARRIER_SAFE_ASCII_SEPTETS_CONST: [u8; 128] = carrier_safe_ascii_septets();
const ASCII7_SEPTETS_CONST: [u8; 128] = ascii7_septets();

/// Septet costs of U+0000..U+00FF (ASCII and Latin-1, where most accented GSM letters live), per
/// charset in the order of [`Charset::ALL`]: one load instead of a `match` in the scan.
static LATIN1_SEPTETS: [[u8; 256]; 3] = [
    latin1_septets(Charset::Gsm0338),
    latin1_septets(Charset::CarrierSafe),
    latin1_septets(Charset::Ascii7),
];

/// Septets of the two-byte characters with lead `C2` (U+0080..U+00BF), `C3` (U+00C0..U+00FF)
/// and `CE` (U+0380..U+03BF, the Greek capitals), 64 per lead in that order (then 64 zeros), per
/// charset in the order of [`Charset::ALL`].
static TWO_BYTE_SEPTETS: [[u8; 256]; 3] = [
    two_byte_septets(Charset::Gsm0338),
    two_byte_septets(Charset::CarrierSafe),
    two_byte_septets(Charset::Ascii7),
];

const fn two_byte_septets(charset: Charset) -> [u8; 256] {
    // A fourth row of zeros, so that any row number in 0..4 indexes it.
    let mut table = [0u8; 256];
    let mut index = 0;
    while index < 192 {
        let base = [0x80, 0xC0, 0x380][index / 64];
        // Every value below 0x400 is a scalar value.
        if let Some(c) = char::from_u32(base + (index % 64) as u32) {
            table[index] = charset.septets_by_rule(c);
        }
        index += 1;
    }
    table
}

const fn latin1_septets(charset: Charset) -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut code = 0u32;
    while code < 256 {
        // Every value below 256 is a scalar value.
        if let Some(c) = char::from_u32(code) {
            table[code as usize] = charset.septets_by_rule(c);
        }
        code += 1;
    }
    table
}

const fn carrier_safe_ascii_septets() -> [u8; 128] {
    let mut table = tables::GSM0338_ASCII_SEPTETS;
    // Form feed is in the GSM extension table but not in the carrier-safe list.
    table[0x0C] = 0;
    table
}

const fn ascii7_septets() -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut b = 0x20;
    while b < 0x7F {
        table[b] = 1;
        b += 1;
    }
    table[b'\n' as usize] = 1;
    table[b'\r' as usize] = 1;
    table
}

impl Charset {
    /// Every charset, in the order of their names in [`Charset::NAMES`].
    pub const ALL: [Charset; 3] = [Charset::Gsm0338, Charset::CarrierSafe, Charset::Ascii7];

    /// The names accepted by [`FromStr`] and printed by [`Display`](fmt::Display).
    ///
    /// ```
    /// assert_eq!(septet::Charset::NAMES, ["gsm0338", "carrier-safe", "ascii7"]);
    /// ```
    pub const NAMES: [&'static str; 3] = ["gsm0338", "carrier-safe", "ascii7"];

    /// The septets `c` costs in this charset: `Some(1)`, `Some(2)` for an extension character
    /// (sent as ESC + septet), or `None` when `c` is not in the charset.
    ///
    /// ```
    /// use septet::Charset;
    /// assert_eq!(Charset::Gsm0338.septets('a'), Some(1));
    /// assert_eq!(Charset::Gsm0338.septets('\u{1B}'), None); // a raw ESC is not a character
    /// assert_eq!(Charset::Gsm0338.septets('ç'), None);
    /// ```
    #[inline]
    pub fn septets(self, c: char) -> Option<u8> {
        match self.septets_or_zero(c) {
            0 => None,
            n => Some(n),
        }
    }

    /// Whether `c` is in this charset.
    ///
    /// ```
    /// assert!(septet::Charset::Ascii7.contains('~'));
    /// assert!(!septet::Charset::Ascii7.contains('£'));
    /// ```
    #[inline]
    pub fn contains(self, c: char) -> bool {
        self.septets_or_zero(c) != 0
    }

    /// The name of this charset, as accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(septet::Charset::Ascii7.name(), "ascii7");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Charset::Gsm0338 => Self::NAMES[0],
            Charset::CarrierSafe => Self::NAMES[1],
            Charset::Ascii7 => Self::NAMES[2],
        }
    }

    /// Septets of U+0000..U+00FF (0 when not in the charset).
    #[inline]
    pub(crate) fn latin1_septets(self) -> &'static [u8; 256] {
        &LATIN1_SEPTETS[self as usize]
    }

    /// Septets of the two-byte character with lead byte `C2`, `C3` or `CE` (other leads are
    /// read as one of these) and second byte `0x80 | low6`, 0 when it is not in the charset.
    #[inline(always)]
    pub(crate) fn two_byte_septets(self, lead: u8, low6: u8) -> u8 {
        // C2 -> 0, C3 -> 1, CE -> 2, without a branch.
        let row = (lead & 1) | ((lead >> 2) & 2);
        TWO_BYTE_SEPTETS[self as usize][usize::from((row << 6) | (low6 & 0x3F))]
    }

    /// Septets of `c`, 0 when it is not in the charset.
    #[inline]
    pub(crate) fn septets_or_zero(self, c: char) -> u8 {
        match self.latin1_septets().get(c as usize) {
            Some(&septets) => septets,
            None => self.septets_by_rule(c),
        }
    }

    /// Septets of `c` by the definition of the charset, 0 when it is not in it.
    pub(crate) const fn septets_by_rule(self, c: char) -> u8 {
        if c.is_ascii() {
            return match self {
                Charset::Gsm0338 => tables::GSM0338_ASCII_SEPTETS[c as usize],
                Charset::CarrierSafe => CARRIER_SAFE_ASCII_SEPTETS_CONST[c as usize],
                Charset::Ascii7 => ASCII7_SEPTETS_CONST[c as usize],
            };
        }
        match self {
            Charset::Gsm0338 => tables::non_ascii_septets(c),
            Charset::CarrierSafe => match c {
                '£' | '¥' | 'è' | 'é' | 'ù' | 'ì' | 'ò' | 'Ø' | 'ø' | 'Å' | 'å' | 'Æ' | 'æ'
                | 'ß' | 'É' | '¡' | 'Ä' | 'Ö' | 'Ñ' | 'Ü' | '§' | '¿' | 'ä' | 'ö' | 'ñ' | 'ü'
                | 'à' => 1,
                '€' => 2,
                _ => 0,
            },
            Charset::Ascii7 => 0,
        }
    }
}

impl fmt::Display for Charset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing an unknown name into a [`Charset`], [`SenderType`],
/// [`EncodingRequest`](crate::EncodingRequest) or [`SplitMode`](crate::SplitMode).
///
/// ```
/// let err = "ebcdic".parse::<septet::Charset>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown charset; expected one of: gsm0338, carrier-safe, ascii7");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownName {
    pub(crate) what: &'static str,
    pub(crate) expected: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {}; expected one of: ", self.what)?;
        for (i, name) in self.expected.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

impl core::error::Error for UnknownName {}

/// Looks `name` up in `names` and returns the matching value of `values`.
pub(crate) fn parse_name<T: Copy>(
    name: &str,
    names: &'static [&'static str],
    values: &[T],
    what: &'static str,
) -> Result<T, UnknownName> {
    names
        .iter()
        .position(|n| *n == name)
        .map(|i| values[i])
        .ok_or(UnknownName {
            what,
            expected: names,
        })
}

impl FromStr for Charset {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_name(s, &Self::NAMES, &Self::ALL, "charset")
    }
}

/// The kind of number a message is sent from. Short codes send ASCII 7-bit; the others use the
/// chosen GSM charset.
///
/// ```
/// use septet::{Charset, SenderType};
/// assert_eq!(SenderType::ShortCode.charset(Charset::Gsm0338), Charset::Ascii7);
/// assert_eq!(SenderType::TollFree.charset(Charset::CarrierSafe), Charset::CarrierSafe);
/// assert_eq!("short-code".parse::<SenderType>(), Ok(SenderType::ShortCode));
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SenderType {
    /// A long code (an ordinary phone number): GSM 7-bit.
    LongCode,
    /// A toll-free number: GSM 7-bit.
    TollFree,
    /// A short code: ASCII 7-bit.
    ShortCode,
    /// An alphanumeric sender ID: GSM 7-bit.
    Alphanumeric,
}

impl SenderType {
    /// Every sender type, in the order of [`SenderType::NAMES`].
    pub const ALL: [SenderType; 4] = [
        SenderType::LongCode,
        SenderType::TollFree,
        SenderType::ShortCode,
        SenderType::Alphanumeric,
    ];

    /// The names accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(septet::SenderType::NAMES[2], "short-code");
    /// ```
    pub const NAMES: [&'static str; 4] = ["long-code", "toll-free", "short-code", "alphanumeric"];

    /// The charset a message from this sender is sent in, given the charset chosen for GSM routes.
    ///
    /// ```
    /// use septet::{Charset, SenderType};
    /// assert_eq!(SenderType::LongCode.charset(Charset::Gsm0338), Charset::Gsm0338);
    /// ```
    pub fn charset(self, gsm_charset: Charset) -> Charset {
        match self {
            SenderType::ShortCode => Charset::Ascii7,
            _ => gsm_charset,
        }
    }

    /// The name of this sender type, as accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(septet::SenderType::TollFree.name(), "toll-free");
    /// ```
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

impl fmt::Display for SenderType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SenderType {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_name(s, &Self::NAMES, &Self::ALL, "sender type")
    }
}

/// What a row's replacement adds to the outgoing text, per charset in the order of
/// [`Charset::ALL`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ReplacementCost {
    /// Characters (each one UTF-16 unit: every replacement is GSM-7, in the BMP).
    pub(crate) characters: u8,
    /// Septets of the characters in the charset (0 for those outside it).
    pub(crate) septets: [u8; 3],
    /// Characters that cost 2 septets in the charset.
    pub(crate) double: [u8; 3],
}

/// The cost of row `index`'s replacement.
#[inline]
pub(crate) fn replacement_cost(index: u16) -> ReplacementCost {
    let cost = REPLACEMENT_COSTS.get(usize::from(index)).copied();
    debug_assert!(cost.is_some(), "row {index} is a row of the table");
    cost.unwrap_or_default()
}

/// [`ReplacementCost`] of every row, computed at compile time.
static REPLACEMENT_COSTS: [ReplacementCost; smart::SUBSTITUTION_COUNT] = {
    let mut costs = [ReplacementCost {
        characters: 0,
        septets: [0; 3],
        double: [0; 3],
    }; smart::SUBSTITUTION_COUNT];
    let mut row = 0;
    while row < smart::SUBSTITUTION_COUNT {
        let bytes = smart::SUBSTITUTION_TABLE[row].replacement.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // UTF-8 decoding of a valid string.
            let lead = bytes[i] as u32;
            let (code, len) = if lead < 0x80 {
                (lead, 1)
            } else if lead < 0xE0 {
                (((lead & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F), 2)
            } else {
                assert!(lead < 0xF0, "every replacement is in the BMP");
                let high = ((lead & 0x0F) << 12) | ((bytes[i + 1] as u32 & 0x3F) << 6);
                (high | (bytes[i + 2] as u32 & 0x3F), 3)
            };
            let Some(c) = char::from_u32(code) else {
                panic!("a replacement is valid UTF-8")
            };
            costs[row].characters += 1;
            let mut charset = 0;
            while charset < 3 {
                let septets = Charset::ALL[charset].septets_by_rule(c);
                costs[row].septets[charset] += septets;
                costs[row].double[charset] += septets >> 1;
                charset += 1;
            }
            i += len;
        }
        row += 1;
    }
    costs
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacement_costs_are_those_of_the_replacements() {
        for (i, row) in smart::SUBSTITUTION_ROWS.iter().enumerate() {
            let cost = replacement_cost(row.index);
            assert_eq!(usize::from(row.index), i);
            assert_eq!(
                usize::from(cost.characters),
                row.replacement.chars().count()
            );
            assert_eq!(
                usize::from(cost.characters),
                row.replacement.encode_utf16().count()
            );
            for (k, charset) in Charset::ALL.into_iter().enumerate() {
                let septets = row
                    .replacement
                    .chars()
                    .map(|c| charset.septets(c).unwrap_or(0));
                let (total, double) =
                    septets.fold((0, 0), |(t, d), s| (t + s, d + u8::from(s == 2)));
                assert_eq!((cost.septets[k], cost.double[k]), (total, double), "{i}");
            }
        }
    }
}
