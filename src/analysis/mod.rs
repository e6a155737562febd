//! The top layer: the entry points. [`analyze_with`] decides and counts ([`choose`]), and
//! [`parts`] cuts the text into the parts it counted.

mod choose;
mod parts;

use crate::alphabet::Alphabet;
use crate::charset::Charset;
use crate::classify::scan;
use crate::encoding::Encoding;
use crate::error::{Error, Warning, Warnings};
use crate::layout::PartLayout;
use crate::options::{Concat, Options};
use choose::{choose, Text};
pub use parts::part_ranges;
pub(crate) use parts::ranges_of;
#[cfg(feature = "alloc")]
pub use parts::{split, Split};

/// What the carrier will see and bill for one message. Returned by [`analyze`] and
/// [`analyze_with`]; computing it never allocates.
///
/// ```
/// let a = septet::analyze("Price: $100 [USD]")?;
/// assert_eq!(a.encoding, septet::Encoding::Gsm7);
/// assert_eq!((a.characters, a.units, a.parts), (17, 19, 1)); // [ and ] cost 2 septets each
/// assert_eq!((a.units_per_part, a.units_remaining), (160, 141));
/// # Ok::<(), septet::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Analysis {
    /// The encoding the message goes out in.
    pub encoding: Encoding,
    /// The charset it was classified against (ASCII 7-bit for a short code).
    pub charset: Charset,
    /// Units of the outgoing text: septets in GSM-7 (an extension character counts 2), UTF-16
    /// code units in UCS-2 (a character outside the BMP counts 2).
    pub units: usize,
    /// Parts (billed segments). Splitting yields exactly this many.
    pub parts: usize,
    /// Units each part may hold, derived from the header each part carries
    /// ([`Analysis::layout`]): 160 or 70 for a single segment, 153 or 67 for each part of a
    /// multi-part message with the default `udh8` concatenation and no national tables.
    pub units_per_part: usize,
    /// Units still free in the last part.
    pub units_remaining: usize,
    /// Characters (Unicode scalar values) of the outgoing text, after smart encoding.
    pub characters: usize,
    /// Characters of the input, before smart encoding.
    pub input_characters: usize,
    /// Input characters that cannot be sent in 7 bits with the charset's default alphabet; any
    /// makes the message UCS-2 unless an enabled national table takes it.
    /// [`non_gsm`](crate::non_gsm) lists them with their positions.
    pub non_gsm: usize,
    /// Characters smart encoding replaced or removed (every occurrence);
    /// [`replacements`](crate::replacements) lists them.
    pub replaced: usize,
    /// The provider's smart-encoding metadata, present whenever smart encoding ran.
    pub smart_encoding: Option<SmartEncodingMetadata>,
    /// The pair of tables the message is encoded with (the default alphabet, and always for
    /// UCS-2: [`Alphabet::DEFAULT`]); result objects name it `"national_language"`. Chosen at
    /// least cost among the enabled
    /// [`Options::national_languages`](crate::Options::national_languages).
    ///
    /// ```
    /// use septet::{analyze_with, Encoding, Language, Options};
    ///
    /// let options = Options::default().with_national_languages("turkish:single".parse().unwrap());
    /// let a = analyze_with("Şişli'de buluşalım", &options)?;
    /// assert_eq!(a.encoding, Encoding::Gsm7); // UCS-2 without the Turkish table
    /// assert_eq!(a.national_language.single(), Some(Language::Turkish));
    /// assert_eq!(a.national_language.locking(), None);
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub national_language: Alphabet,
    /// The concatenation in force ([`Options::concat`](crate::Options::concat)).
    pub concat: Concat,
    /// Warnings that do not stop the message.
    pub warnings: Warnings,
    /// Outgoing characters that cost 2 units.
    double_unit_characters: usize,
}

/// The six fields the provider returns when smart encoding ran, under the provider's names.
///
/// ```
/// let options = septet::Options::default().with_smart_encoding(true);
/// let a = septet::analyze_with("“Hi” … “there”", &options)?;
/// let meta = a.smart_encoding.unwrap();
/// assert!(meta.smart_encoding_applied);
/// assert_eq!(meta.final_encoding, septet::Encoding::Gsm7);
/// assert_eq!(meta.segment_count, 1);
/// assert_eq!(meta.character_count, 16);
/// assert_eq!(meta.replaced_character_count, 3); // “ ” … : unique characters
/// assert_eq!(meta.length_change, 2);            // … became ...
/// # Ok::<(), septet::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SmartEncodingMetadata {
    /// Whether any character was replaced.
    pub smart_encoding_applied: bool,
    /// The encoding after the transformation (`"gsm7"`/`"ucs2"` via
    /// [`Encoding::metadata_name`]).
    pub final_encoding: Encoding,
    /// Segments after smart encoding (equals [`Analysis::parts`]).
    pub segment_count: usize,
    /// Characters after the transformation.
    pub character_count: usize,
    /// Number of **unique** characters that were substituted.
    pub replaced_character_count: usize,
    /// Characters after minus characters before (positive: the message grew).
    pub length_change: isize,
}

impl Analysis {
    /// Whether smart encoding ran for this message.
    ///
    /// ```
    /// assert!(!septet::analyze("hi")?.smart_encoding_ran());
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn smart_encoding_ran(&self) -> bool {
        self.smart_encoding.is_some()
    }

    /// What every part carries and holds: the encoding, the UDH information elements and the
    /// capacity they leave.
    ///
    /// ```
    /// use septet::{ConcatIe, Options};
    /// let a = septet::analyze_with(&"a".repeat(200), &Options::default())?;
    /// let layout = a.layout();
    /// assert_eq!(layout.header.concat, Some(ConcatIe::Ref8));
    /// assert_eq!((layout.header.octets(), layout.units_per_part), (6, a.units_per_part));
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn layout(&self) -> PartLayout {
        PartLayout::new(
            self.encoding,
            self.concat,
            self.national_language,
            self.parts > 1,
        )
    }
}

/// Analyses `text` with the default [`Options`]: encoding `auto`, no smart encoding, charset
/// `gsm0338`, `udh8` concatenation, no national tables, at most 10 parts. Never allocates.
///
/// ```
/// assert_eq!(septet::analyze(&"a".repeat(161))?.parts, 2);
/// assert_eq!(septet::analyze(&"😀".repeat(35))?.units, 70); // UCS-2, surrogate pairs
/// # Ok::<(), septet::Error>(())
/// ```
///
/// # Errors
///
/// See [`analyze_with`].
pub fn analyze(text: &str) -> Result<Analysis, Error> {
    analyze_with(text, &Options::default())
}

/// Analyses `text`: applies smart encoding when the options call for it (without building the
/// new text), chooses the encoding (and, with national tables enabled, the least-cost pair of
/// tables), counts units and the real number of parts with the capacities the parts' headers
/// leave, and checks the limits. Never allocates.
///
/// ```
/// use septet::{analyze_with, Encoding, Options};
///
/// let text = "Don’t miss our “flash sale” — 50% off!";
/// let plain = analyze_with(text, &Options::default())?;
/// assert_eq!((plain.encoding, plain.units), (Encoding::Ucs2, 38));
///
/// let smart = analyze_with(text, &Options::default().with_smart_encoding(true))?;
/// assert_eq!((smart.encoding, smart.units), (Encoding::Gsm7, 38));
/// # Ok::<(), septet::Error>(())
/// ```
///
/// # Errors
///
/// In this order: [`Error::NationalLanguagesWithCharset`] when national tables are enabled for
/// a charset other than `gsm0338`; [`Error::NoContent`] for an empty input;
/// [`Error::TooManyCharacters`] when the input has more characters than
/// [`Limits::max_characters`](crate::Limits::max_characters); [`Error::NotGsm7`] when `encoding`
/// is `gsm7` and no enabled tables encode the text (its count and first character are those
/// outside the default alphabet); [`Error::NoContent`] when smart encoding removed every
/// character; [`Error::TooManyParts`] when the message needs more than
/// [`Limits::max_parts`](crate::Limits::max_parts) parts.
pub fn analyze_with(text: &str, options: &Options) -> Result<Analysis, Error> {
    let charset = options.effective_charset();
    if !options.national_languages.is_empty() && charset != Charset::Gsm0338 {
        return Err(Error::NationalLanguagesWithCharset { charset });
    }
    if text.is_empty() {
        return Err(Error::NoContent {
            after_smart_encoding: false,
        });
    }
    let smart = options.applies_smart_encoding();
    let scan = scan(text, charset, smart);
    let limits = &options.limits;
    if scan.input_characters > limits.max_characters {
        return Err(Error::TooManyCharacters {
            characters: scan.input_characters,
            max_characters: limits.max_characters,
        });
    }
    let outgoing = Text {
        input: text,
        smart,
        split: options.split,
        concat: options.concat,
        bytes: scan.bytes,
    };
    let choice = choose(outgoing, &scan, charset, options)?;
    if scan.characters == 0 {
        return Err(Error::NoContent {
            after_smart_encoding: true,
        });
    }
    let parts = choice.parts;
    if parts > limits.max_parts {
        return Err(Error::TooManyParts {
            parts,
            max_parts: limits.max_parts,
        });
    }
    let encoding = choice.encoding;
    let units_per_part = choice.segmenter.capacity();
    let smart_encoding = smart.then(|| SmartEncodingMetadata {
        smart_encoding_applied: scan.replaced > 0,
        final_encoding: encoding,
        segment_count: parts,
        character_count: scan.characters,
        replaced_character_count: scan.unique_replaced,
        length_change: signed_difference(scan.characters, scan.input_characters),
    });
    let mut warnings = Warnings::NONE;
    if parts > limits.warn_parts {
        warnings.push(Warning::ManyParts {
            parts,
            warn_parts: limits.warn_parts,
        });
    }
    Ok(Analysis {
        encoding,
        charset,
        units: choice.segmenter.units,
        parts,
        units_per_part,
        units_remaining: units_per_part - choice.last_part_units,
        characters: scan.characters,
        input_characters: scan.input_characters,
        non_gsm: scan.non_gsm,
        replaced: scan.replaced,
        smart_encoding,
        national_language: choice.national_language,
        concat: options.concat,
        warnings,
        double_unit_characters: choice.segmenter.double_unit_characters,
    })
}

fn signed_difference(after: usize, before: usize) -> isize {
    if after >= before {
        isize::try_from(after - before).unwrap_or(isize::MAX)
    } else {
        isize::try_from(before - after).map_or(isize::MIN, |d| -d)
    }
}
