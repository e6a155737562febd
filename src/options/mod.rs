//! What the caller asks for: how to measure a message (encoding mode, smart encoding, charset,
//! splitting, concatenation, national tables) and the limits it is checked against.

mod concat;
mod limits;
mod national;

pub use concat::Concat;
pub use limits::Limits;
pub use national::{GivenName, NationalLanguages, NationalLanguagesError};

use core::str::FromStr;

use crate::charset::{parse_name, Charset, SenderType, UnknownName};
use crate::encoding::Encoding;

/// The per-request `encoding` parameter.
///
/// | request | smart encoding | result |
/// |---------|----------------|--------|
/// | `Auto`  | as [`Options::smart_encoding`] says | GSM-7 when every character fits, else UCS-2 |
/// | `Gsm7`  | always applied | GSM-7, or [`Error::NotGsm7`](crate::Error::NotGsm7) |
/// | `Ucs2`  | never applied  | UCS-2 |
///
/// ```
/// use septet::EncodingRequest;
/// assert_eq!("gsm7".parse::<EncodingRequest>(), Ok(EncodingRequest::Gsm7));
/// assert_eq!(EncodingRequest::default(), EncodingRequest::Auto);
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EncodingRequest {
    /// Choose GSM-7 when possible, else UCS-2; smart encoding as the profile flag says.
    #[default]
    Auto,
    /// Apply smart encoding and require GSM-7; never drops a character silently.
    Gsm7,
    /// Skip smart encoding and send UCS-2.
    Ucs2,
}

impl EncodingRequest {
    /// Every request, in the order of [`EncodingRequest::NAMES`].
    pub const ALL: [EncodingRequest; 3] = [
        EncodingRequest::Auto,
        EncodingRequest::Gsm7,
        EncodingRequest::Ucs2,
    ];
    /// The names accepted by [`FromStr`]: `auto`, `gsm7`, `ucs2`.
    ///
    /// ```
    /// assert_eq!(septet::EncodingRequest::NAMES, ["auto", "gsm7", "ucs2"]);
    /// ```
    pub const NAMES: [&'static str; 3] = ["auto", "gsm7", "ucs2"];

    /// The name of this request, as accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(septet::EncodingRequest::Ucs2.name(), "ucs2");
    /// ```
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

impl FromStr for EncodingRequest {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_name(s, &Self::NAMES, &Self::ALL, "encoding")
    }
}

/// Where a multi-part message may be cut.
///
/// ```
/// use septet::SplitMode;
/// assert_eq!("graphemes".parse::<SplitMode>(), Ok(SplitMode::Graphemes));
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SplitMode {
    /// Between any two characters (never between ESC and its character, never inside a
    /// surrogate pair). This is what carriers do.
    #[default]
    Units,
    /// Between extended grapheme clusters (UAX #29), so an emoji ZWJ sequence, a flag or a letter
    /// with its combining marks stays in one part. A single cluster longer than a whole part is
    /// cut between characters, continuing the part it starts in; no part is ever empty or over
    /// capacity.
    Graphemes,
}

impl SplitMode {
    /// Every mode, in the order of [`SplitMode::NAMES`].
    pub const ALL: [SplitMode; 2] = [SplitMode::Units, SplitMode::Graphemes];
    /// The names accepted by [`FromStr`]: `units`, `graphemes`.
    ///
    /// ```
    /// assert_eq!(septet::SplitMode::NAMES, ["units", "graphemes"]);
    /// ```
    pub const NAMES: [&'static str; 2] = ["units", "graphemes"];

    /// The name of this mode, as accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(septet::SplitMode::Units.name(), "units");
    /// ```
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

impl FromStr for SplitMode {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_name(s, &Self::NAMES, &Self::ALL, "split mode")
    }
}

/// How to measure a message: encoding mode, smart encoding, charset, sender, splitting,
/// concatenation and national tables, plus the [`Limits`] it is checked against.
/// `Options::default()` is the provider's default: encoding `auto`, smart encoding off, charset
/// `gsm0338`, split between units, `udh8` concatenation, no national tables,
/// [`Limits::PROVIDER`].
///
/// ```
/// use septet::{Charset, Concat, EncodingRequest, Limits, Options, SenderType, SplitMode};
///
/// let options = Options::default()
///     .with_smart_encoding(true)
///     .with_encoding(EncodingRequest::Auto)
///     .with_sender(Some(SenderType::LongCode))
///     .with_charset(Charset::CarrierSafe)
///     .with_split(SplitMode::Graphemes)
///     .with_concat(Concat::Udh16)
///     .with_limits(Limits::PROVIDER.with_max_parts(20).with_warn_parts(6));
/// assert_eq!(options.effective_charset(), Charset::CarrierSafe);
/// assert!(options.applies_smart_encoding());
/// assert_eq!(options.limits.max_parts, 20);
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Options {
    /// The per-request encoding parameter.
    pub encoding: EncodingRequest,
    /// The profile's smart-encoding flag (used when `encoding` is `Auto`).
    pub smart_encoding: bool,
    /// The 7-bit charset of GSM routes.
    pub charset: Charset,
    /// The sender type; a short code sends [`Charset::Ascii7`] whatever `charset` says.
    pub sender: Option<SenderType>,
    /// Where parts may be cut.
    pub split: SplitMode,
    /// How the parts of a long message are tied together; it decides each part's capacity.
    pub concat: Concat,
    /// The national language tables encoding may choose from (least cost); `gsm0338` only.
    pub national_languages: NationalLanguages,
    /// The limits the message is checked against.
    pub limits: Limits,
}

impl Options {
    /// Sets the per-request encoding.
    ///
    /// ```
    /// let o = septet::Options::default().with_encoding(septet::EncodingRequest::Ucs2);
    /// assert!(!o.applies_smart_encoding());
    /// ```
    #[must_use]
    pub fn with_encoding(mut self, encoding: EncodingRequest) -> Self {
        self.encoding = encoding;
        self
    }

    /// Sets the profile's smart-encoding flag.
    ///
    /// ```
    /// assert!(septet::Options::default().with_smart_encoding(true).applies_smart_encoding());
    /// ```
    #[must_use]
    pub fn with_smart_encoding(mut self, smart_encoding: bool) -> Self {
        self.smart_encoding = smart_encoding;
        self
    }

    /// Sets the charset of GSM routes.
    ///
    /// ```
    /// let o = septet::Options::default().with_charset(septet::Charset::Ascii7);
    /// assert_eq!(o.effective_charset(), septet::Charset::Ascii7);
    /// ```
    #[must_use]
    pub fn with_charset(mut self, charset: Charset) -> Self {
        self.charset = charset;
        self
    }

    /// Sets the sender type.
    ///
    /// ```
    /// use septet::{Charset, Options, SenderType};
    /// let o = Options::default().with_sender(Some(SenderType::ShortCode));
    /// assert_eq!(o.effective_charset(), Charset::Ascii7);
    /// ```
    #[must_use]
    pub fn with_sender(mut self, sender: Option<SenderType>) -> Self {
        self.sender = sender;
        self
    }

    /// Sets where parts may be cut.
    ///
    /// ```
    /// let o = septet::Options::default().with_split(septet::SplitMode::Graphemes);
    /// assert_eq!(o.split, septet::SplitMode::Graphemes);
    /// ```
    #[must_use]
    pub fn with_split(mut self, split: SplitMode) -> Self {
        self.split = split;
        self
    }

    /// Sets how long messages are concatenated.
    ///
    /// ```
    /// let o = septet::Options::default().with_concat(septet::Concat::Sar);
    /// assert_eq!(o.concat, septet::Concat::Sar);
    /// ```
    #[must_use]
    pub fn with_concat(mut self, concat: Concat) -> Self {
        self.concat = concat;
        self
    }

    /// Sets the national language tables encoding may use.
    ///
    /// ```
    /// use septet::{NationalLanguages, Options};
    /// let o = Options::default().with_national_languages(NationalLanguages::ALL);
    /// assert_eq!(o.national_languages.to_string(), "all");
    /// ```
    #[must_use]
    pub fn with_national_languages(mut self, national_languages: NationalLanguages) -> Self {
        self.national_languages = national_languages;
        self
    }

    /// Sets the limits ([`Limits::NONE`] for none).
    ///
    /// ```
    /// use septet::{Limits, Options};
    /// assert_eq!(Options::default().with_limits(Limits::NONE).limits, Limits::NONE);
    /// ```
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The charset the message is classified against: ASCII 7-bit for a short code, else
    /// [`Options::charset`].
    ///
    /// ```
    /// assert_eq!(septet::Options::default().effective_charset(), septet::Charset::Gsm0338);
    /// ```
    pub fn effective_charset(&self) -> Charset {
        match self.sender {
            Some(sender) => sender.charset(self.charset),
            None => self.charset,
        }
    }

    /// Whether smart encoding runs, by the precedence table of the specification: always for
    /// `gsm7`, never for `ucs2`, as the profile flag says for `auto`.
    ///
    /// ```
    /// use septet::{EncodingRequest, Options};
    /// assert!(Options::default().with_encoding(EncodingRequest::Gsm7).applies_smart_encoding());
    /// assert!(!Options::default().applies_smart_encoding());
    /// ```
    pub fn applies_smart_encoding(&self) -> bool {
        match self.encoding {
            EncodingRequest::Auto => self.smart_encoding,
            EncodingRequest::Gsm7 => true,
            EncodingRequest::Ucs2 => false,
        }
    }

    /// The encoding forced by the request, if any (`Auto` forces none).
    pub(crate) fn forced_encoding(&self) -> Option<Encoding> {
        match self.encoding {
            EncodingRequest::Auto => None,
            EncodingRequest::Gsm7 => Some(Encoding::Gsm7),
            EncodingRequest::Ucs2 => Some(Encoding::Ucs2),
        }
    }
}
