//! Rejections and warnings, with the provider's codes.

use core::fmt;

use crate::charset::Charset;
use crate::classify::NonGsmChar;

/// Why a message would be rejected. [`Error::code`] gives the provider's code.
///
/// ```
/// use septet::{analyze_with, EncodingRequest, Error, Options};
///
/// let err = analyze_with("", &Options::default()).unwrap_err();
/// assert_eq!(err.code(), 40316);
///
/// let gsm7 = Options::default().with_encoding(EncodingRequest::Gsm7);
/// let err = analyze_with("Hi 😀", &gsm7).unwrap_err();
/// assert!(matches!(err, Error::NotGsm7 { count: 1, .. }));
/// assert_eq!(err.code(), 400);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Error {
    /// 40316: no content. The input is empty, or smart encoding removed every character.
    NoContent {
        /// `true` when the input had characters and smart encoding removed them all.
        after_smart_encoding: bool,
    },
    /// 400: `encoding = gsm7` but characters cannot become GSM-7. [`non_gsm`](crate::non_gsm)
    /// lists every one of them with its position.
    NotGsm7 {
        /// How many characters cannot become GSM-7.
        count: usize,
        /// The first of them.
        first: NonGsmChar,
    },
    /// 40302: more parts than the maximum.
    TooManyParts {
        /// Parts the message needs.
        parts: usize,
        /// The maximum allowed ([`Limits::max_parts`](crate::Limits::max_parts)).
        max_parts: usize,
    },
    /// 400: the body has more characters than allowed (1,600 by default).
    TooManyCharacters {
        /// Characters in the body as given.
        characters: usize,
        /// The maximum allowed ([`Limits::max_characters`](crate::Limits::max_characters)).
        max_characters: usize,
    },
    /// 400 (a usage error): national language tables were enabled
    /// ([`Options::national_languages`](crate::Options::national_languages)) for a charset other
    /// than `gsm0338` (a short code sends ASCII 7-bit, whatever the charset option says).
    NationalLanguagesWithCharset {
        /// The effective charset.
        charset: Charset,
    },
    /// 400 (a usage error): [`part_ranges`](crate::part_ranges) was asked to apply smart
    /// encoding to a text that smart encoding would change; it cuts the text it is given, so pass
    /// the output of [`smart_encode`](crate::smart_encode), or use [`split`](crate::split).
    NotSmartEncoded {
        /// The first character smart encoding would replace.
        character: char,
        /// Its byte offset in the text.
        byte_offset: usize,
    },
}

impl Error {
    /// The provider's code: 40316, 40302, or 400 (an HTTP 400 without a finer code).
    ///
    /// ```
    /// let err = septet::Error::TooManyParts { parts: 11, max_parts: 10 };
    /// assert_eq!(err.code(), 40302);
    /// ```
    pub fn code(&self) -> u32 {
        match self {
            Error::NoContent { .. } => 40316,
            Error::TooManyParts { .. } => 40302,
            Error::NotGsm7 { .. }
            | Error::TooManyCharacters { .. }
            | Error::NationalLanguagesWithCharset { .. }
            | Error::NotSmartEncoded { .. } => 400,
        }
    }

    /// A short, stable machine name: `no_content`, `not_gsm7`, `too_many_parts`,
    /// `too_many_characters`, `national_languages_with_charset`, `not_smart_encoded`.
    ///
    /// ```
    /// let err = septet::Error::NoContent { after_smart_encoding: true };
    /// assert_eq!(err.kind(), "no_content");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NoContent { .. } => "no_content",
            Error::NotGsm7 { .. } => "not_gsm7",
            Error::TooManyParts { .. } => "too_many_parts",
            Error::TooManyCharacters { .. } => "too_many_characters",
            Error::NationalLanguagesWithCharset { .. } => "national_languages_with_charset",
            Error::NotSmartEncoded { .. } => "not_smart_encoded",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Error::NoContent { after_smart_encoding: false } => {
                f.write_str("no content: the message is empty")
            }
            Error::NoContent { after_smart_encoding: true } => {
                f.write_str("no content: the message is empty after smart encoding")
            }
            Error::NotGsm7 { count, first } => write!(
                f,
                "encoding gsm7 requested but {count} character{} cannot be sent in GSM-7 (first: U+{:04X} at character {})",
                if count == 1 { "" } else { "s" },
                u32::from(first.character),
                first.char_index
            ),
            Error::TooManyParts { parts, max_parts } => {
                write!(f, "message too large: {parts} parts, the maximum is {max_parts}")
            }
            Error::TooManyCharacters { characters, max_characters } => write!(
                f,
                "message too long: {characters} characters, the maximum is {max_characters}"
            ),
            Error::NationalLanguagesWithCharset { charset } => write!(
                f,
                "national language tables apply to the gsm0338 charset only, not {charset}"
            ),
            Error::NotSmartEncoded { character, byte_offset } => write!(
                f,
                "the text is not smart-encoded yet: U+{:04X} at byte {byte_offset} would be replaced; smart-encode it first",
                u32::from(character)
            ),
        }
    }
}

impl core::error::Error for Error {}

/// Something worth knowing before sending that does not stop the message.
///
/// ```
/// use septet::{analyze_with, Options, Warning};
///
/// let analysis = analyze_with(&"a".repeat(800), &Options::default())?;
/// assert_eq!(analysis.parts, 6);
/// assert!(analysis.warnings.iter().eq([Warning::ManyParts { parts: 6, warn_parts: 4 }]));
/// assert_eq!(analysis.warnings.first().unwrap().code(), 40328);
/// # Ok::<(), septet::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// 40328: the message splits into many parts (older handsets may not reassemble them);
    /// consider MMS.
    ManyParts {
        /// Parts the message needs.
        parts: usize,
        /// The threshold ([`Limits::warn_parts`](crate::Limits::warn_parts)).
        warn_parts: usize,
    },
}

impl Warning {
    /// The provider's code: 40328.
    ///
    /// ```
    /// assert_eq!(septet::Warning::ManyParts { parts: 5, warn_parts: 4 }.code(), 40328);
    /// ```
    pub fn code(&self) -> u32 {
        match self {
            Warning::ManyParts { .. } => 40328,
        }
    }

    /// A short, stable machine name: `many_parts`.
    ///
    /// ```
    /// assert_eq!(septet::Warning::ManyParts { parts: 5, warn_parts: 4 }.kind(), "many_parts");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::ManyParts { .. } => "many_parts",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Warning::ManyParts { parts, warn_parts } => write!(
                f,
                "the message splits into {parts} parts (more than {warn_parts}); older handsets may not reassemble it, consider MMS"
            ),
        }
    }
}

/// How many warnings one message can carry: one of each kind.
const WARNING_KINDS: usize = 1;

/// The warnings of one message, in the order they were found (each kind at most once). Needs no
/// allocation.
///
/// ```
/// use septet::{analyze, Warning};
///
/// assert!(analyze("hi")?.warnings.is_empty());
/// let warnings = analyze(&"a".repeat(900))?.warnings;
/// assert_eq!(warnings.len(), 1);
/// assert!(matches!(warnings.first(), Some(Warning::ManyParts { parts: 6, .. })));
/// for w in &warnings {
///     assert_eq!(w.kind(), "many_parts");
/// }
/// # Ok::<(), septet::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Warnings {
    items: [Option<Warning>; WARNING_KINDS],
}

impl Warnings {
    /// No warnings.
    pub const NONE: Warnings = Warnings {
        items: [None; WARNING_KINDS],
    };

    /// Adds a warning (one of each kind: a second warning of a kind already present replaces
    /// it).
    pub(crate) fn push(&mut self, warning: Warning) {
        let slot = self
            .items
            .iter()
            .position(|w| w.map_or(true, |w| w.kind() == warning.kind()));
        debug_assert!(slot.is_some(), "WARNING_KINDS is the number of kinds");
        if let Some(slot) = slot {
            self.items[slot] = Some(warning);
        }
    }

    /// The warnings, in order.
    pub fn iter(&self) -> <&Warnings as IntoIterator>::IntoIter {
        self.into_iter()
    }

    /// The first warning, if any.
    pub fn first(&self) -> Option<Warning> {
        self.items[0]
    }

    /// How many warnings there are.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.items[0].is_none()
    }
}

impl<'a> IntoIterator for &'a Warnings {
    type Item = Warning;
    type IntoIter = core::iter::MapWhile<
        core::slice::Iter<'a, Option<Warning>>,
        fn(&Option<Warning>) -> Option<Warning>,
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map_while(Option::clone)
    }
}
