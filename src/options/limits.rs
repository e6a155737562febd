//! The provider's limits: how many parts and characters a message may have, and when to warn.

/// The limits a message is checked against, kept apart from how it is measured
/// ([`Options`](crate::Options)): the provider's defaults, or [`Limits::NONE`].
///
/// ```
/// use septet::{analyze_with, Limits, Options};
///
/// assert_eq!(Limits::default().max_parts, 10);
/// let long = "a".repeat(2_000);
/// assert!(analyze_with(&long, &Options::default()).is_err()); // over 1,600 characters
/// let a = analyze_with(&long, &Options::default().with_limits(Limits::NONE))?;
/// assert_eq!(a.parts, 14);
/// assert!(a.warnings.is_empty());
/// # Ok::<(), septet::Error>(())
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// More parts than this is [`Error::TooManyParts`](crate::Error::TooManyParts) (40302).
    pub max_parts: usize,
    /// More parts than this gives [`Warning::ManyParts`](crate::Warning::ManyParts) (40328).
    pub warn_parts: usize,
    /// More characters in the body (as given, before smart encoding) than this is
    /// [`Error::TooManyCharacters`](crate::Error::TooManyCharacters).
    pub max_characters: usize,
}

impl Limits {
    /// The provider's limits: at most 10 parts, a warning above 4 parts, at most 1,600
    /// characters.
    ///
    /// ```
    /// assert_eq!(septet::Limits::PROVIDER, septet::Limits::default());
    /// assert_eq!(septet::Limits::PROVIDER.warn_parts, 4);
    /// ```
    pub const PROVIDER: Limits = Limits {
        max_parts: 10,
        warn_parts: 4,
        max_characters: 1_600,
    };

    /// No limits and no warnings: every count is allowed.
    ///
    /// ```
    /// assert_eq!(septet::Limits::NONE.max_parts, usize::MAX);
    /// ```
    pub const NONE: Limits = Limits {
        max_parts: usize::MAX,
        warn_parts: usize::MAX,
        max_characters: usize::MAX,
    };

    /// Sets the maximum number of parts (`usize::MAX` for no limit).
    ///
    /// ```
    /// assert_eq!(septet::Limits::default().with_max_parts(3).max_parts, 3);
    /// ```
    #[must_use]
    pub const fn with_max_parts(mut self, max_parts: usize) -> Self {
        self.max_parts = max_parts;
        self
    }

    /// Sets the part count above which a warning is given (`usize::MAX` for never).
    ///
    /// ```
    /// assert_eq!(septet::Limits::default().with_warn_parts(2).warn_parts, 2);
    /// ```
    #[must_use]
    pub const fn with_warn_parts(mut self, warn_parts: usize) -> Self {
        self.warn_parts = warn_parts;
        self
    }

    /// Sets the maximum body length in characters (`usize::MAX` for no limit).
    ///
    /// ```
    /// assert_eq!(septet::Limits::NONE.with_max_characters(10).max_characters, 10);
    /// ```
    #[must_use]
    pub const fn with_max_characters(mut self, max_characters: usize) -> Self {
        self.max_characters = max_characters;
        self
    }
}

impl Default for Limits {
    /// [`Limits::PROVIDER`].
    fn default() -> Self {
        Limits::PROVIDER
    }
}
