//! Alphabets: the GSM 7-bit locking and single shift tables, named by their National Language
//! Identifier (3GPP TS 23.038 §6.2.1 and Annex A).
//!
//! An [`Alphabet`] is a pair of tables: a *locking* table (one septet per character, 0x1B is
//! ESC) and a *single shift* table (reached as ESC + code, two septets). The default alphabet is
//! the pair (default, default), written `None` wherever a table may be a national one. Every
//! position of every table is available both ways: [`Table::char_at`] (code → character) and
//! [`Table::code_of`] (character → code).
//!
//! The 27 tables are generated from `data/gsm/` (copies of the specification's
//! `gsm-tables/`) into committed code, `generated.rs`; the test `tests/alphabet_generated.rs`
//! fails when the data and the code disagree.

mod language;
#[rustfmt::skip]
mod generated;

pub use language::Language;

use generated::{LOCKING_CHARS, LOCKING_CODES, MASKS, SINGLE_CHARS, SINGLE_CODES};

/// The mark of an empty position in the generated `*_CHARS` arrays (a noncharacter, in no table).
const EMPTY: u16 = 0xFFFF;
/// The mark of "no code" in the ASCII fast-path arrays.
const NO_CODE: u8 = 0xFF;

/// The NLI of a table slot: 0 for the default table.
const fn nli_of(language: Option<Language>) -> usize {
    match language {
        Some(language) => language.nli() as usize,
        None => 0,
    }
}

/// ASCII → code arrays of 14 tables, built at compile time from the generated ones. Codes are
/// visited in ascending order, so a character at two positions keeps the last one.
const fn ascii_codes(chars: &[[u16; 128]; 14]) -> [[u8; 128]; 14] {
    let mut out = [[NO_CODE; 128]; 14];
    let mut nli = 0;
    while nli < 14 {
        let mut code = 0;
        while code < 128 {
            let unit = chars[nli][code];
            if unit < 128 {
                out[nli][unit as usize] = code as u8;
            }
            code += 1;
        }
        nli += 1;
    }
    out
}

static LOCKING_ASCII: [[u8; 128]; 14] = ascii_codes(&LOCKING_CHARS);
static SINGLE_ASCII: [[u8; 128]; 14] = ascii_codes(&SINGLE_CHARS);

/// Which tables hold a character, as bit masks by NLI (bit 0: the default table, bit 13: Urdu).
///
/// ```
/// use septet::{table_masks, Language};
///
/// let masks = table_masks('ş');
/// assert!(masks.in_single(Some(Language::Turkish)));
/// assert!(masks.in_locking(Some(Language::Turkish)));
/// assert!(!masks.in_locking(None));
/// assert_eq!(table_masks('€').single & 1, 1); // the default single shift table has €
/// assert_eq!(table_masks('😀'), septet::TableMasks::default());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TableMasks {
    /// Locking shift tables that have the character (1 septet), bit n for NLI n.
    pub locking: u16,
    /// Single shift tables that have the character (ESC + code, 2 septets), bit n for NLI n.
    pub single: u16,
}

impl TableMasks {
    /// Whether the locking table of `language` (`None`: the default one) holds the character.
    ///
    /// ```
    /// assert!(septet::table_masks('a').in_locking(None));
    /// ```
    #[inline]
    pub const fn in_locking(self, language: Option<Language>) -> bool {
        self.locking & (1 << nli_of(language)) != 0
    }

    /// Whether the single shift table of `language` (`None`: the default one) holds the
    /// character.
    ///
    /// ```
    /// assert!(septet::table_masks('{').in_single(None));
    /// ```
    #[inline]
    pub const fn in_single(self, language: Option<Language>) -> bool {
        self.single & (1 << nli_of(language)) != 0
    }
}

/// Built at compile time: the masks of U+0000..U+007F.
static ASCII_MASKS: [TableMasks; 128] = ascii_masks();

const fn ascii_masks() -> [TableMasks; 128] {
    let mut out = [TableMasks {
        locking: 0,
        single: 0,
    }; 128];
    let mut i = 0;
    while i < MASKS.len() {
        let (unit, locking, single) = MASKS[i];
        if unit < 128 {
            out[unit as usize] = TableMasks { locking, single };
        }
        i += 1;
    }
    out
}

/// The tables (of all 27) that hold `c`. A table lookup for ASCII, a binary search over the
/// ~1,000 characters of all tables otherwise; no hashing.
///
/// ```
/// use septet::{table_masks, Language};
///
/// // Upper-case Latin is in every Indic single shift table, not in their locking tables.
/// let masks = table_masks('Q');
/// assert!(masks.in_single(Some(Language::Tamil)) && !masks.in_locking(Some(Language::Tamil)));
/// ```
#[inline]
pub fn table_masks(c: char) -> TableMasks {
    let scalar = c as u32;
    if scalar < 128 {
        return ASCII_MASKS[scalar as usize];
    }
    if scalar > 0xFFFF {
        return TableMasks::default();
    }
    match MASKS.binary_search_by_key(&(scalar as u16), |&(unit, _, _)| unit) {
        Ok(i) => TableMasks {
            locking: MASKS[i].1,
            single: MASKS[i].2,
        },
        Err(_) => TableMasks::default(),
    }
}

/// Whether a [`Table`] is a locking or a single shift table.
///
/// ```
/// assert_eq!(septet::TableKind::Locking.name(), "locking");
/// assert_eq!(septet::TableKind::Single.to_string(), "single");
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// A locking shift table: 128 positions, one septet per character (UDH IE 0x25).
    Locking,
    /// A single shift table: reached through ESC, two septets per character (UDH IE 0x24).
    Single,
}

impl TableKind {
    /// `"locking"` or `"single"`, as written after `:` in
    /// [`NationalLanguages`](crate::NationalLanguages).
    ///
    /// ```
    /// assert_eq!(septet::TableKind::Single.name(), "single");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            TableKind::Locking => "locking",
            TableKind::Single => "single",
        }
    }
}

impl core::fmt::Display for TableKind {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// One GSM 7-bit table: a locking or a single shift table of a language (or the default one).
///
/// ```
/// use septet::{Language, Table};
///
/// let hindi = Table::locking(Some(Language::Hindi)).unwrap();
/// assert_eq!(hindi.char_at(0x28), Some(')')); // parentheses are swapped in Indic tables
/// assert_eq!(hindi.code_of('('), Some(0x29));
/// assert!(Table::locking(Some(Language::Spanish)).is_none());
/// let spanish = Table::single(Some(Language::Spanish));
/// assert_eq!(spanish.code_of('á'), Some(0x61));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Table {
    kind: TableKind,
    language: Option<Language>,
}

impl Table {
    /// The locking shift table of `language` (`None`: the default alphabet); `None` for
    /// Spanish, which has none.
    ///
    /// ```
    /// assert_eq!(septet::Table::locking(None).unwrap().char_at(0), Some('@'));
    /// ```
    pub const fn locking(language: Option<Language>) -> Option<Table> {
        match language {
            Some(Language::Spanish) => None,
            _ => Some(Table {
                kind: TableKind::Locking,
                language,
            }),
        }
    }

    /// The single shift table of `language` (`None`: the default extension table).
    ///
    /// ```
    /// assert_eq!(septet::Table::single(None).char_at(0x65), Some('€'));
    /// ```
    pub const fn single(language: Option<Language>) -> Table {
        Table {
            kind: TableKind::Single,
            language,
        }
    }

    /// Locking or single shift.
    ///
    /// ```
    /// assert_eq!(septet::Table::single(None).kind(), septet::TableKind::Single);
    /// ```
    pub const fn kind(self) -> TableKind {
        self.kind
    }

    /// The table's language; `None` for the default tables.
    ///
    /// ```
    /// use septet::{Language, Table};
    /// assert_eq!(Table::single(Some(Language::Urdu)).language(), Some(Language::Urdu));
    /// ```
    pub const fn language(self) -> Option<Language> {
        self.language
    }

    /// The National Language Identifier of the table: 0 for the default tables.
    ///
    /// ```
    /// assert_eq!(septet::Table::single(Some(septet::Language::Urdu)).nli(), 13);
    /// ```
    pub const fn nli(self) -> u8 {
        nli_of(self.language) as u8
    }

    fn chars(self) -> &'static [u16; 128] {
        match self.kind {
            TableKind::Locking => &LOCKING_CHARS[nli_of(self.language)],
            TableKind::Single => &SINGLE_CHARS[nli_of(self.language)],
        }
    }

    /// The character at `code` (masked to 7 bits); `None` where the position is empty (ESC in a
    /// locking table; CR2 0x0D and SS2 0x1B in a single shift table; unassigned cells).
    ///
    /// ```
    /// use septet::{Language, Table};
    /// let turkish = Table::single(Some(Language::Turkish));
    /// assert_eq!(turkish.char_at(0x47), Some('Ğ'));
    /// assert_eq!(turkish.char_at(0x0D), None);
    /// ```
    #[inline]
    pub fn char_at(self, code: u8) -> Option<char> {
        match self.chars()[usize::from(code & 0x7F)] {
            EMPTY => None,
            unit => char::from_u32(u32::from(unit)),
        }
    }

    /// The code of `c` in this table, or `None`. A character at two positions (`*` and `¡` in
    /// the Indic and Urdu single shift tables) has the last one, as Android encodes it.
    ///
    /// ```
    /// use septet::{Language, Table};
    /// let bengali = Table::single(Some(Language::Bengali));
    /// assert_eq!(bengali.code_of('*'), Some(0x18));
    /// assert_eq!((bengali.char_at(0x0B), bengali.char_at(0x18)), (Some('*'), Some('*')));
    /// ```
    #[inline]
    pub fn code_of(self, c: char) -> Option<u8> {
        let nli = nli_of(self.language);
        let scalar = c as u32;
        if scalar < 128 {
            let code = match self.kind {
                TableKind::Locking => LOCKING_ASCII[nli][scalar as usize],
                TableKind::Single => SINGLE_ASCII[nli][scalar as usize],
            };
            return (code != NO_CODE).then_some(code);
        }
        if scalar > 0xFFFF {
            return None;
        }
        let codes = match self.kind {
            TableKind::Locking => LOCKING_CODES[nli],
            TableKind::Single => SINGLE_CODES[nli],
        };
        codes
            .binary_search_by_key(&(scalar as u16), |&(unit, _)| unit)
            .ok()
            .map(|i| codes[i].1)
    }

    /// Every assigned position, in code order: `(code, character)`.
    ///
    /// ```
    /// assert_eq!(septet::Table::single(None).entries().count(), 10);
    /// ```
    pub fn entries(self) -> impl Iterator<Item = (u8, char)> {
        (0u8..128).filter_map(move |code| self.char_at(code).map(|c| (code, c)))
    }
}

/// How a character is written in an [`Alphabet`]: its code, and whether ESC leads it.
///
/// ```
/// use septet::{Alphabet, SeptetCode};
/// assert_eq!(Alphabet::DEFAULT.septets('€'), Some(SeptetCode { code: 0x65, shifted: true }));
/// assert_eq!(Alphabet::DEFAULT.septets('€').unwrap().septets(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SeptetCode {
    /// The septet code (0x00..=0x7F) in the locking table, or after ESC in the single shift
    /// table.
    pub code: u8,
    /// `true` when the character is in the single shift table: written ESC (0x1B), `code`.
    pub shifted: bool,
}

impl SeptetCode {
    /// Septets the character takes: 1, or 2 when shifted.
    ///
    /// ```
    /// assert_eq!(septet::Alphabet::DEFAULT.septets('a').unwrap().septets(), 1);
    /// ```
    #[inline]
    pub const fn septets(self) -> usize {
        1 + self.shifted as usize
    }
}

/// A pair of tables a message is written with: a locking table and a single shift table, each
/// the default one (`None`) or a national one.
///
/// ```
/// use septet::{Alphabet, Language, SeptetCode};
///
/// let turkish_single = Alphabet::new(None, Some(Language::Turkish)).unwrap();
/// assert_eq!(turkish_single.septets('ş'), Some(SeptetCode { code: 0x73, shifted: true }));
/// assert_eq!(turkish_single.septets('a'), Some(SeptetCode { code: 0x61, shifted: false }));
/// assert_eq!(Alphabet::DEFAULT.septets('ş'), None);
/// assert!(Alphabet::new(Some(Language::Spanish), None).is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Alphabet {
    locking: Option<Language>,
    single: Option<Language>,
}

impl Alphabet {
    /// The GSM 7-bit default alphabet and its extension table.
    pub const DEFAULT: Alphabet = Alphabet {
        locking: None,
        single: None,
    };

    /// The pair (`locking`, `single`), `None` standing for a default table; `None` when
    /// `locking` is Spanish, which has no locking table.
    ///
    /// ```
    /// use septet::{Alphabet, Language};
    /// assert_eq!(Alphabet::new(None, None), Some(Alphabet::DEFAULT));
    /// ```
    pub const fn new(locking: Option<Language>, single: Option<Language>) -> Option<Alphabet> {
        match locking {
            Some(Language::Spanish) => None,
            _ => Some(Alphabet { locking, single }),
        }
    }

    /// Whether both tables are the default ones.
    ///
    /// ```
    /// use septet::{Alphabet, Language};
    /// assert!(Alphabet::DEFAULT.is_default());
    /// assert!(!Alphabet::new(None, Some(Language::Turkish)).unwrap().is_default());
    /// ```
    pub const fn is_default(self) -> bool {
        self.locking.is_none() && self.single.is_none()
    }

    /// The locking table's language (`None`: default).
    ///
    /// ```
    /// assert_eq!(septet::Alphabet::DEFAULT.locking(), None);
    /// ```
    pub const fn locking(self) -> Option<Language> {
        self.locking
    }

    /// The single shift table's language (`None`: default).
    ///
    /// ```
    /// assert_eq!(septet::Alphabet::DEFAULT.single(), None);
    /// ```
    pub const fn single(self) -> Option<Language> {
        self.single
    }

    /// The locking table.
    ///
    /// ```
    /// assert_eq!(septet::Alphabet::DEFAULT.locking_table().nli(), 0);
    /// ```
    pub const fn locking_table(self) -> Table {
        Table {
            kind: TableKind::Locking,
            language: self.locking,
        }
    }

    /// The single shift table.
    ///
    /// ```
    /// assert_eq!(septet::Alphabet::DEFAULT.single_table().nli(), 0);
    /// ```
    pub const fn single_table(self) -> Table {
        Table::single(self.single)
    }

    /// How `c` is written: its code in the locking table (1 septet) if it has one, else its code
    /// in the single shift table (ESC + code, 2 septets); `None` when neither table has it.
    /// U+001B (ESC itself) is in no table.
    ///
    /// ```
    /// use septet::{Alphabet, Language};
    /// let tamil = Alphabet::new(Some(Language::Tamil), Some(Language::Bengali)).unwrap();
    /// assert_eq!(tamil.septets('க').unwrap().septets(), 1);
    /// assert_eq!(tamil.septets('T').unwrap().septets(), 2);
    /// ```
    #[inline]
    pub fn septets(self, c: char) -> Option<SeptetCode> {
        if let Some(code) = self.locking_table().code_of(c) {
            return Some(SeptetCode {
                code,
                shifted: false,
            });
        }
        self.single_table().code_of(c).map(|code| SeptetCode {
            code,
            shifted: true,
        })
    }

    /// Septets `c` costs: `Some(1)`, `Some(2)` (ESC + code) or `None`.
    ///
    /// ```
    /// assert_eq!(septet::Alphabet::DEFAULT.cost('^'), Some(2));
    /// ```
    #[inline]
    pub fn cost(self, c: char) -> Option<usize> {
        self.septets(c).map(SeptetCode::septets)
    }

    /// The character a septet stands for in the locking table (`None` at ESC and empty cells).
    ///
    /// ```
    /// assert_eq!(septet::Alphabet::DEFAULT.decode(0x00), Some('@'));
    /// ```
    #[inline]
    pub fn decode(self, code: u8) -> Option<char> {
        self.locking_table().char_at(code)
    }

    /// The character ESC + `code` stands for: the single shift table's, else (TS 23.038) the
    /// locking table's at the same code. `None` when neither has one: CR2 (0x0D), SS2 (0x1B,
    /// which receivers show as a space) and cells empty in both.
    ///
    /// ```
    /// use septet::Alphabet;
    /// assert_eq!(Alphabet::DEFAULT.decode_shifted(0x65), Some('€'));
    /// assert_eq!(Alphabet::DEFAULT.decode_shifted(0x41), Some('A')); // not in the extension table
    /// assert_eq!(Alphabet::DEFAULT.decode_shifted(0x0D), Some('\r')); // CR2 falls back too
    /// ```
    #[inline]
    pub fn decode_shifted(self, code: u8) -> Option<char> {
        self.single_table()
            .char_at(code)
            .or_else(|| self.locking_table().char_at(code))
    }
}

/// Why [`Alphabet::write_septets`] stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WriteStop {
    /// A character neither table has.
    NotEncodable(char),
    /// `out` is full; the septets written so far are in it.
    Full,
}

impl Alphabet {
    /// Writes the septets of `text` (ESC + code for single shift characters) into `out`,
    /// returning how many. ASCII goes through the two tables' ASCII arrays directly.
    #[inline]
    pub(crate) fn write_septets(self, text: &str, out: &mut [u8]) -> Result<usize, WriteStop> {
        const ESC: u8 = 0x1B;
        let locking = &LOCKING_ASCII[nli_of(self.locking)];
        let single = &SINGLE_ASCII[nli_of(self.single)];
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut n = 0;
        while i < bytes.len() {
            // Eight ASCII characters that all have a locking code: one 8-octet copy.
            if let (Some(chunk), Some(slot)) = (bytes.get(i..i + 8), out.get_mut(n..n + 8)) {
                let mut x = [0u8; 8];
                x.copy_from_slice(chunk);
                if u64::from_le_bytes(x) & 0x8080_8080_8080_8080 == 0 {
                    let codes = x.map(|b| locking[usize::from(b & 0x7F)]);
                    if u64::from_le_bytes(codes) & 0x8080_8080_8080_8080 == 0 {
                        slot.copy_from_slice(&codes);
                        i += 8;
                        n += 8;
                        continue;
                    }
                }
            }
            let b = bytes[i];
            let (code, shifted) = if b < 0x80 {
                i += 1;
                match locking[usize::from(b)] {
                    NO_CODE => match single[usize::from(b)] {
                        NO_CODE => return Err(WriteStop::NotEncodable(char::from(b))),
                        code => (code, true),
                    },
                    code => (code, false),
                }
            } else {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                match self.septets(c) {
                    Some(code) => (code.code, code.shifted),
                    None => return Err(WriteStop::NotEncodable(c)),
                }
            };
            if shifted {
                let Some(slot) = out.get_mut(n..n + 2) else {
                    return Err(WriteStop::Full);
                };
                slot[0] = ESC;
                slot[1] = code;
                n += 2;
            } else {
                let Some(slot) = out.get_mut(n) else {
                    return Err(WriteStop::Full);
                };
                *slot = code;
                n += 1;
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_agree_with_tables() {
        for c in MASKS
            .iter()
            .map(|m| char::from_u32(u32::from(m.0)).unwrap())
        {
            let masks = table_masks(c);
            for nli in 0..14u8 {
                let language = Language::from_nli(nli);
                let locking = Table::locking(language)
                    .and_then(|t| t.code_of(c))
                    .is_some();
                let single = Table::single(language).code_of(c).is_some();
                assert_eq!(masks.in_locking(language), locking, "{c:?} {nli}");
                assert_eq!(masks.in_single(language), single, "{c:?} {nli}");
            }
        }
    }

    #[test]
    fn default_agrees_with_the_charset_tables() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let cost = crate::charset::Charset::Gsm0338.septets(c).map(usize::from);
            assert_eq!(Alphabet::DEFAULT.cost(c), cost, "{c:?}");
        }
    }
}
