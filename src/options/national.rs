//! Which national language tables encoding may use (the `national_languages` option).

use core::fmt;
use core::str::FromStr;

use crate::alphabet::{Language, TableKind};

/// The national tables a message may be encoded with (decoding always knows every table).
/// Default: none, so only the GSM 7-bit default alphabet is used. National tables apply only to
/// the `gsm0338` charset.
///
/// Written as a comma-separated list: a language name enables every table that language has,
/// `turkish:single` or `turkish:locking` enables one table, `all` enables every table, and `""`
/// or `none` enables nothing. [`Display`](fmt::Display) writes the canonical form (languages in
/// NLI order; `all`, `none`).
///
/// ```
/// use septet::{Language, NationalLanguages, TableKind};
///
/// let enabled: NationalLanguages = "turkish:single,hindi".parse()?;
/// assert!(enabled.is_enabled(Language::Turkish, TableKind::Single));
/// assert!(!enabled.is_enabled(Language::Turkish, TableKind::Locking));
/// assert!(enabled.is_enabled(Language::Hindi, TableKind::Locking));
/// assert_eq!(enabled.to_string(), "turkish:single,hindi");
///
/// assert_eq!("".parse::<NationalLanguages>()?, NationalLanguages::NONE);
/// assert_eq!("all".parse::<NationalLanguages>()?.to_string(), "all");
/// assert!("spanish:locking".parse::<NationalLanguages>().is_err()); // Spanish has no locking table
/// # Ok::<(), septet::NationalLanguagesError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NationalLanguages {
    /// Bit `nli` set: that language's locking shift table is enabled.
    locking: u16,
    /// Bit `nli` set: that language's single shift table is enabled.
    single: u16,
}

/// Bits of every language that has a locking shift table.
const ALL_LOCKING: u16 = all_bits(true);
/// Bits of every language (all have a single shift table).
const ALL_SINGLE: u16 = all_bits(false);

const fn all_bits(locking_only: bool) -> u16 {
    let mut bits = 0u16;
    let mut i = 0;
    while i < Language::ALL.len() {
        let language = Language::ALL[i];
        if !locking_only || language.has_locking_table() {
            bits |= 1 << language.nli();
        }
        i += 1;
    }
    bits
}

impl NationalLanguages {
    /// No national table: the default alphabet only. The default.
    pub const NONE: NationalLanguages = NationalLanguages {
        locking: 0,
        single: 0,
    };

    /// Every national table (12 locking, 13 single shift).
    ///
    /// ```
    /// use septet::{Language, NationalLanguages};
    /// assert_eq!(NationalLanguages::ALL.locking_languages().count(), 12);
    /// assert_eq!(NationalLanguages::ALL.single_languages().count(), 13);
    /// ```
    pub const ALL: NationalLanguages = NationalLanguages {
        locking: ALL_LOCKING,
        single: ALL_SINGLE,
    };

    /// Whether no national table is enabled.
    ///
    /// ```
    /// assert!(septet::NationalLanguages::default().is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.locking == 0 && self.single == 0
    }

    /// Whether `language`'s `table` is enabled.
    ///
    /// ```
    /// use septet::{Language, NationalLanguages, TableKind};
    /// assert!(NationalLanguages::ALL.is_enabled(Language::Urdu, TableKind::Locking));
    /// ```
    pub const fn is_enabled(self, language: Language, table: TableKind) -> bool {
        let bits = match table {
            TableKind::Locking => self.locking,
            TableKind::Single => self.single,
        };
        bits & (1 << language.nli()) != 0
    }

    /// Enables every table `language` has.
    ///
    /// ```
    /// use septet::{Language, NationalLanguages, TableKind};
    /// let n = NationalLanguages::NONE.with_language(Language::Spanish);
    /// assert!(n.is_enabled(Language::Spanish, TableKind::Single));
    /// assert_eq!(n.to_string(), "spanish");
    /// ```
    #[must_use]
    pub const fn with_language(mut self, language: Language) -> Self {
        let bit = 1 << language.nli();
        self.single |= bit;
        if language.has_locking_table() {
            self.locking |= bit;
        }
        self
    }

    /// Enables one table of `language`.
    ///
    /// ```
    /// use septet::{Language, NationalLanguages, TableKind};
    /// let n = NationalLanguages::NONE.with_table(Language::Turkish, TableKind::Single)?;
    /// assert_eq!(n.to_string(), "turkish:single");
    /// assert!(NationalLanguages::NONE.with_table(Language::Spanish, TableKind::Locking).is_err());
    /// # Ok::<(), septet::NationalLanguagesError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`NationalLanguagesError::NoSuchTable`] for Spanish's locking table, which does not exist.
    pub const fn with_table(
        mut self,
        language: Language,
        table: TableKind,
    ) -> Result<Self, NationalLanguagesError> {
        let bit = 1 << language.nli();
        match table {
            TableKind::Locking if !language.has_locking_table() => {
                return Err(NationalLanguagesError::NoSuchTable { language, table })
            }
            TableKind::Locking => self.locking |= bit,
            TableKind::Single => self.single |= bit,
        }
        Ok(self)
    }

    /// The enabled locking shift tables as bits (bit NLI).
    pub(crate) const fn locking_mask(self) -> u16 {
        self.locking
    }

    /// The enabled single shift tables as bits (bit NLI).
    pub(crate) const fn single_mask(self) -> u16 {
        self.single
    }

    /// The languages whose locking shift table is enabled, in NLI order.
    ///
    /// ```
    /// use septet::{Language, NationalLanguages};
    /// let n: NationalLanguages = "hindi:locking,turkish".parse().unwrap();
    /// assert!(n.locking_languages().eq([Language::Turkish, Language::Hindi]));
    /// ```
    pub fn locking_languages(self) -> impl Iterator<Item = Language> + Clone {
        Language::ALL
            .into_iter()
            .filter(move |l| self.is_enabled(*l, TableKind::Locking))
    }

    /// The languages whose single shift table is enabled, in NLI order.
    ///
    /// ```
    /// use septet::{Language, NationalLanguages};
    /// let n: NationalLanguages = "hindi:locking,turkish".parse().unwrap();
    /// assert!(n.single_languages().eq([Language::Turkish]));
    /// ```
    pub fn single_languages(self) -> impl Iterator<Item = Language> + Clone {
        Language::ALL
            .into_iter()
            .filter(move |l| self.is_enabled(*l, TableKind::Single))
    }
}

impl fmt::Display for NationalLanguages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        if *self == NationalLanguages::ALL {
            return f.write_str("all");
        }
        let mut first = true;
        for language in Language::ALL {
            let locking = self.is_enabled(language, TableKind::Locking);
            let single = self.is_enabled(language, TableKind::Single);
            let table = match (locking, single) {
                (false, false) => continue,
                (true, true) => None,
                (false, true) if !language.has_locking_table() => None,
                (true, false) => Some(TableKind::Locking),
                (false, true) => Some(TableKind::Single),
            };
            if !first {
                f.write_str(",")?;
            }
            first = false;
            f.write_str(language.name())?;
            if let Some(table) = table {
                write!(f, ":{table}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for NationalLanguages {
    type Err = NationalLanguagesError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() || s == "none" {
            return Ok(NationalLanguages::NONE);
        }
        let mut enabled = NationalLanguages::NONE;
        for item in s.split(',') {
            let item = item.trim();
            if item.is_empty() {
                return Err(NationalLanguagesError::EmptyItem);
            }
            if item == "all" {
                enabled = NationalLanguages::ALL;
                continue;
            }
            let (name, table) = match item.split_once(':') {
                Some((name, table)) => (name.trim(), Some(table.trim())),
                None => (item, None),
            };
            let language =
                name.parse::<Language>()
                    .map_err(|_| NationalLanguagesError::UnknownLanguage {
                        name: GivenName::new(name),
                    })?;
            enabled = match table {
                None => enabled.with_language(language),
                Some("locking") => enabled.with_table(language, TableKind::Locking)?,
                Some("single") => enabled.with_table(language, TableKind::Single)?,
                Some(table) => {
                    return Err(NationalLanguagesError::UnknownTable {
                        language,
                        table: GivenName::new(table),
                    })
                }
            };
        }
        Ok(enabled)
    }
}

#[cfg(feature = "arbitrary")]
impl<'a> arbitrary::Arbitrary<'a> for NationalLanguages {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(NationalLanguages {
            locking: u16::arbitrary(u)? & ALL_LOCKING,
            single: u16::arbitrary(u)? & ALL_SINGLE,
        })
    }

    fn size_hint(depth: usize) -> (usize, Option<usize>) {
        <(u16, u16)>::size_hint(depth)
    }
}

/// Bytes of a rejected name that a [`GivenName`] keeps.
const GIVEN_NAME_BYTES: usize = 32;

/// A name as the caller wrote it, kept in a [`NationalLanguagesError`] without allocating (its
/// first 32 bytes, cut at a character boundary).
///
/// ```
/// let err = "klingon".parse::<septet::NationalLanguages>().unwrap_err();
/// assert!(matches!(err, septet::NationalLanguagesError::UnknownLanguage { name } if name.as_str() == "klingon"));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct GivenName {
    bytes: [u8; GIVEN_NAME_BYTES],
    len: u8,
    truncated: bool,
}

impl GivenName {
    fn new(name: &str) -> Self {
        let mut len = name.len().min(GIVEN_NAME_BYTES);
        while !name.is_char_boundary(len) {
            len -= 1;
        }
        let mut bytes = [0; GIVEN_NAME_BYTES];
        bytes[..len].copy_from_slice(&name.as_bytes()[..len]);
        GivenName {
            bytes,
            // At most GIVEN_NAME_BYTES (32).
            len: len as u8,
            truncated: len < name.len(),
        }
    }

    /// The name (its first 32 bytes when it was longer; see [`GivenName::is_truncated`]).
    pub fn as_str(&self) -> &str {
        let kept = &self.bytes[..usize::from(self.len)];
        let name = core::str::from_utf8(kept);
        debug_assert!(name.is_ok(), "cut at a character boundary");
        name.unwrap_or("")
    }

    /// Whether the name was longer than what is kept.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }
}

impl fmt::Debug for GivenName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for GivenName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())?;
        if self.truncated {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// Why a `national_languages` value was rejected.
///
/// ```
/// use septet::{Language, NationalLanguages, NationalLanguagesError, TableKind};
///
/// let err = "spanish:locking".parse::<NationalLanguages>().unwrap_err();
/// assert_eq!(err, NationalLanguagesError::NoSuchTable { language: Language::Spanish, table: TableKind::Locking });
/// assert_eq!(err.to_string(), "spanish has no locking shift table");
///
/// let err = "turkish,klingon".parse::<NationalLanguages>().unwrap_err();
/// assert!(err.to_string().starts_with("unknown national language \"klingon\"; expected"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NationalLanguagesError {
    /// A name that is not a language of [`Language::NAMES`] (nor `all`/`none`).
    UnknownLanguage {
        /// The name as given.
        name: GivenName,
    },
    /// A table name after `:` other than `locking` or `single`.
    UnknownTable {
        /// The language before the `:`.
        language: Language,
        /// The table name as given.
        table: GivenName,
    },
    /// A table the language does not have (Spanish has no locking shift table).
    NoSuchTable {
        /// The language.
        language: Language,
        /// The table it lacks.
        table: TableKind,
    },
    /// An empty item in the list (`"turkish,,hindi"`, a trailing comma).
    EmptyItem,
}

impl fmt::Display for NationalLanguagesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NationalLanguagesError::UnknownLanguage { name } => {
                write!(
                    f,
                    "unknown national language \"{name}\"; expected all, none, or one of: "
                )?;
                for (i, name) in Language::NAMES.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(name)?;
                }
                Ok(())
            }
            NationalLanguagesError::UnknownTable { language, table } => write!(
                f,
                "unknown table \"{table}\" for {language}; expected locking or single"
            ),
            NationalLanguagesError::NoSuchTable { language, table } => {
                write!(f, "{language} has no {table} shift table")
            }
            NationalLanguagesError::EmptyItem => {
                f.write_str("empty item in the list of national languages")
            }
        }
    }
}

impl core::error::Error for NationalLanguagesError {}
