//! The national languages of 3GPP TS 23.038 and their identifiers.

use core::fmt;
use core::str::FromStr;

use crate::charset::{parse_name, UnknownName};

/// A national language of 3GPP TS 23.038 Annex A, named by its National Language Identifier
/// (NLI, the octet of UDH IEs 0x24 and 0x25). The default alphabet (NLI 0) is not a
/// `Language`: where a table may be the default one, septet uses `Option<Language>` with `None`
/// for the default.
///
/// Every language has a single shift table; every language but Spanish has a locking shift
/// table.
///
/// ```
/// use septet::Language;
///
/// assert_eq!(Language::Turkish.nli(), 1);
/// assert_eq!(Language::from_nli(11), Some(Language::Tamil));
/// assert_eq!(Language::from_nli(0), None); // the default alphabet
/// assert_eq!("urdu".parse::<Language>(), Ok(Language::Urdu));
/// assert!(!Language::Spanish.has_locking_table());
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum Language {
    /// NLI 1.
    Turkish = 1,
    /// NLI 2 (single shift table only; its locking table is "void").
    Spanish = 2,
    /// NLI 3.
    Portuguese = 3,
    /// NLI 4 (Bengali and Assamese).
    Bengali = 4,
    /// NLI 5.
    Gujarati = 5,
    /// NLI 6.
    Hindi = 6,
    /// NLI 7.
    Kannada = 7,
    /// NLI 8.
    Malayalam = 8,
    /// NLI 9.
    Oriya = 9,
    /// NLI 10.
    Punjabi = 10,
    /// NLI 11.
    Tamil = 11,
    /// NLI 12.
    Telugu = 12,
    /// NLI 13.
    Urdu = 13,
}

impl Language {
    /// Every language, in NLI order.
    pub const ALL: [Language; 13] = [
        Language::Turkish,
        Language::Spanish,
        Language::Portuguese,
        Language::Bengali,
        Language::Gujarati,
        Language::Hindi,
        Language::Kannada,
        Language::Malayalam,
        Language::Oriya,
        Language::Punjabi,
        Language::Tamil,
        Language::Telugu,
        Language::Urdu,
    ];

    /// The names accepted by [`FromStr`] and printed by [`Display`](fmt::Display), in NLI order.
    ///
    /// ```
    /// assert_eq!(septet::Language::NAMES[0], "turkish");
    /// ```
    pub const NAMES: [&'static str; 13] = [
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

    /// The National Language Identifier: 1 (Turkish) to 13 (Urdu).
    ///
    /// ```
    /// assert_eq!(septet::Language::Urdu.nli(), 13);
    /// ```
    pub const fn nli(self) -> u8 {
        self as u8
    }

    /// The language of an NLI; `None` for 0 (the default alphabet) and the reserved values
    /// 14–255.
    ///
    /// ```
    /// assert_eq!(septet::Language::from_nli(3), Some(septet::Language::Portuguese));
    /// assert_eq!(septet::Language::from_nli(14), None);
    /// ```
    pub const fn from_nli(nli: u8) -> Option<Language> {
        if nli >= 1 && nli as usize <= Self::ALL.len() {
            Some(Self::ALL[nli as usize - 1])
        } else {
            None
        }
    }

    /// The name of this language, as accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(septet::Language::Hindi.name(), "hindi");
    /// ```
    pub const fn name(self) -> &'static str {
        Self::NAMES[self as usize - 1]
    }

    /// Whether the language has a locking shift table (every one but Spanish).
    ///
    /// ```
    /// assert!(septet::Language::Portuguese.has_locking_table());
    /// ```
    pub const fn has_locking_table(self) -> bool {
        !matches!(self, Language::Spanish)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Language {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_name(s, &Self::NAMES, &Self::ALL, "national language")
    }
}
