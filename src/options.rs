//! What the caller asks for: encoding mode, smart encoding, charset, splitting, limits.

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

/// How to analyse and split a message. `Options::default()` is the provider's default: encoding
/// `auto`, smart encoding off, charset `gsm0338`, split between units, at most 10 parts, a
/// warning above 4 parts, at most 1,600 characters.
///
/// ```
/// use septet::{Charset, EncodingRequest, Options, SenderType, SplitMode};
///
/// let options = Options::default()
///     .with_smart_encoding(true)
///     .with_encoding(EncodingRequest::Auto)
///     .with_sender(Some(SenderType::LongCode))
///     .with_charset(Charset::CarrierSafe)
///     .with_split(SplitMode::Graphemes)
///     .with_max_parts(20)
///     .with_warn_parts(6)
///     .with_max_characters(3_000);
/// assert_eq!(options.effective_charset(), Charset::CarrierSafe);
/// assert!(options.applies_smart_encoding());
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// More parts than this is [`Error::TooManyParts`](crate::Error::TooManyParts) (40302).
    pub max_parts: usize,
    /// More parts than this gives [`Warning::ManyParts`](crate::Warning::ManyParts) (40328).
    pub warn_parts: usize,
    /// More characters in the body (as given, before smart encoding) than this is
    /// [`Error::TooManyCharacters`](crate::Error::TooManyCharacters).
    pub max_characters: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            encoding: EncodingRequest::Auto,
            smart_encoding: false,
            charset: Charset::Gsm0338,
            sender: None,
            split: SplitMode::Units,
            max_parts: Options::DEFAULT_MAX_PARTS,
            warn_parts: Options::DEFAULT_WARN_PARTS,
            max_characters: Options::DEFAULT_MAX_CHARACTERS,
        }
    }
}

impl Options {
    /// The provider's maximum number of parts: 10.
    pub const DEFAULT_MAX_PARTS: usize = 10;
    /// Above this many parts a warning (40328) is given: 4.
    pub const DEFAULT_WARN_PARTS: usize = 4;
    /// The provider's maximum body length in characters: 1,600.
    pub const DEFAULT_MAX_CHARACTERS: usize = 1_600;

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

    /// Sets the maximum number of parts (`usize::MAX` for no limit).
    ///
    /// ```
    /// assert_eq!(septet::Options::default().with_max_parts(3).max_parts, 3);
    /// ```
    #[must_use]
    pub fn with_max_parts(mut self, max_parts: usize) -> Self {
        self.max_parts = max_parts;
        self
    }

    /// Sets the part count above which a warning is given (`usize::MAX` for never).
    ///
    /// ```
    /// assert_eq!(septet::Options::default().with_warn_parts(2).warn_parts, 2);
    /// ```
    #[must_use]
    pub fn with_warn_parts(mut self, warn_parts: usize) -> Self {
        self.warn_parts = warn_parts;
        self
    }

    /// Sets the maximum body length in characters (`usize::MAX` for no limit).
    ///
    /// ```
    /// assert_eq!(septet::Options::default().with_max_characters(10).max_characters, 10);
    /// ```
    #[must_use]
    pub fn with_max_characters(mut self, max_characters: usize) -> Self {
        self.max_characters = max_characters;
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
