//! The main entry points: analyse a message, and split it.

#[cfg(feature = "alloc")]
use alloc::borrow::Cow;

use crate::charset::Charset;
use crate::classify::{scan, Scan};
use crate::encoding::Encoding;
use crate::error::{Error, Warning};
use crate::options::{Options, SplitMode};
use crate::split::Layout;
#[cfg(feature = "alloc")]
use crate::split::PartRanges;

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
    /// Units each part may hold: 160 or 70 for a single segment, 153 or 67 for a multi-part
    /// message.
    pub units_per_part: usize,
    /// Units still free in the last part.
    pub units_remaining: usize,
    /// Characters (Unicode scalar values) of the outgoing text, after smart encoding.
    pub characters: usize,
    /// Characters of the input, before smart encoding.
    pub input_characters: usize,
    /// Input characters that cannot be sent in 7 bits; any makes the message UCS-2.
    /// [`non_gsm`](crate::non_gsm) lists them with their positions.
    pub non_gsm: usize,
    /// Characters smart encoding replaced or removed (every occurrence);
    /// [`replacements`](crate::replacements) lists them.
    pub replaced: usize,
    /// The provider's smart-encoding metadata, present whenever smart encoding ran.
    pub smart_encoding: Option<SmartEncodingMetadata>,
    /// A warning that does not stop the message.
    pub warning: Option<Warning>,
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
}

/// Analyses `text` with the default [`Options`]: encoding `auto`, no smart encoding, charset
/// `gsm0338`, at most 10 parts. Never allocates.
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
/// new text), chooses the encoding, counts units and the real number of parts, and checks the
/// limits. Never allocates.
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
/// In this order: [`Error::NoContent`] for an empty input; [`Error::TooManyCharacters`] when the
/// input has more characters than `max_characters`; [`Error::NotGsm7`] when `encoding` is `gsm7`
/// and a character cannot become GSM-7; [`Error::NoContent`] when smart encoding removed every
/// character; [`Error::TooManyParts`] when the message needs more than `max_parts` parts.
pub fn analyze_with(text: &str, options: &Options) -> Result<Analysis, Error> {
    if text.is_empty() {
        return Err(Error::NoContent {
            after_smart_encoding: false,
        });
    }
    let charset = options.effective_charset();
    let smart = options.applies_smart_encoding();
    let scan = scan(text, charset, smart);
    if scan.input_characters > options.max_characters {
        return Err(Error::TooManyCharacters {
            characters: scan.input_characters,
            max_characters: options.max_characters,
        });
    }
    let encoding = choose_encoding(&scan, options)?;
    if scan.characters == 0 {
        return Err(Error::NoContent {
            after_smart_encoding: true,
        });
    }
    let layout = layout(text, smart, encoding, charset, options.split, &scan);
    let (parts, last_part_units) = layout.count();
    if parts > options.max_parts {
        return Err(Error::TooManyParts {
            parts,
            max_parts: options.max_parts,
        });
    }
    let units_per_part = layout.capacity();
    let smart_encoding = smart.then(|| SmartEncodingMetadata {
        smart_encoding_applied: scan.replaced > 0,
        final_encoding: encoding,
        segment_count: parts,
        character_count: scan.characters,
        replaced_character_count: scan.unique_replaced,
        length_change: signed_difference(scan.characters, scan.input_characters),
    });
    Ok(Analysis {
        encoding,
        charset,
        units: layout.units,
        parts,
        units_per_part,
        units_remaining: units_per_part - last_part_units,
        characters: scan.characters,
        input_characters: scan.input_characters,
        non_gsm: scan.non_gsm,
        replaced: scan.replaced,
        smart_encoding,
        warning: (parts > options.warn_parts).then_some(Warning::ManyParts {
            parts,
            warn_parts: options.warn_parts,
        }),
        double_unit_characters: layout.double_unit_characters,
    })
}

fn signed_difference(after: usize, before: usize) -> isize {
    if after >= before {
        isize::try_from(after - before).unwrap_or(isize::MAX)
    } else {
        isize::try_from(before - after).map_or(isize::MIN, |d| -d)
    }
}

/// The encoding of the outgoing text, given what the request forces.
pub(crate) fn choose_encoding(scan: &Scan, options: &Options) -> Result<Encoding, Error> {
    match (options.forced_encoding(), scan.first_non_gsm) {
        (Some(Encoding::Gsm7), Some(first)) => Err(Error::NotGsm7 {
            count: scan.non_gsm,
            first,
        }),
        (Some(forced), _) => Ok(forced),
        (None, Some(_)) => Ok(Encoding::Ucs2),
        (None, None) => Ok(Encoding::Gsm7),
    }
}

/// How the outgoing text of a scanned input is laid out in units.
pub(crate) fn layout<'a>(
    input: &'a str,
    smart: bool,
    encoding: Encoding,
    charset: Charset,
    split: SplitMode,
    scan: &Scan,
) -> Layout<'a> {
    let (units, double_unit_characters) = match encoding {
        Encoding::Gsm7 => (scan.septets, scan.double_septet_characters),
        Encoding::Ucs2 => (scan.utf16_units, scan.astral_characters),
    };
    Layout {
        input,
        smart,
        encoding,
        charset,
        split,
        units,
        bytes: scan.bytes,
        double_unit_characters,
    }
}

/// A message split into the parts it is sent as: the outgoing text (after smart encoding, when
/// it ran), its [`Analysis`], and the parts. Returned by [`split`].
///
/// Available only with the `alloc` feature.
///
/// ```
/// let options = septet::Options::default().with_smart_encoding(true);
/// let text = format!("{}—{}", "a".repeat(100), "b".repeat(100));
/// let split = septet::split(&text, &options)?;
/// assert_eq!(split.text(), format!("{}-{}", "a".repeat(100), "b".repeat(100)));
/// let parts: Vec<&str> = split.parts().collect();
/// assert_eq!(parts.len(), split.analysis().parts);
/// assert_eq!(parts.concat(), split.text());
/// assert_eq!(parts[0].len(), 153);
/// # Ok::<(), septet::Error>(())
/// ```
#[cfg(feature = "alloc")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    text: Cow<'a, str>,
    analysis: Analysis,
    split: SplitMode,
}

#[cfg(feature = "alloc")]
impl<'a> Split<'a> {
    /// The outgoing text: the input after smart encoding (borrowed when nothing changed).
    ///
    /// ```
    /// let split = septet::split("plain", &septet::Options::default())?;
    /// assert_eq!(split.text(), "plain");
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The outgoing text, owned or borrowed.
    ///
    /// ```
    /// let split = septet::split("plain", &septet::Options::default())?;
    /// assert!(matches!(split.into_text(), std::borrow::Cow::Borrowed("plain")));
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The analysis of the message.
    ///
    /// ```
    /// let split = septet::split("hello", &septet::Options::default())?;
    /// assert_eq!(split.analysis().units, 5);
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// The byte ranges of the parts in [`Split::text`].
    ///
    /// ```
    /// let text = "a".repeat(200);
    /// let split = septet::split(&text, &septet::Options::default())?;
    /// assert_eq!(split.ranges().collect::<Vec<_>>(), [0..153, 153..200]);
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn ranges(&self) -> PartRanges<'_> {
        let layout = Layout {
            input: &self.text,
            smart: false,
            encoding: self.analysis.encoding,
            charset: self.analysis.charset,
            split: self.split,
            units: self.analysis.units,
            bytes: self.text.len(),
            double_unit_characters: self.analysis.double_unit_characters,
        };
        PartRanges::new(layout)
    }

    /// The texts of the parts, in order; there are [`Analysis::parts`] of them and they join
    /// to [`Split::text`].
    ///
    /// ```
    /// let text = "😀".repeat(40);
    /// let split = septet::split(&text, &septet::Options::default())?;
    /// let parts: Vec<&str> = split.parts().collect();
    /// assert_eq!(parts.len(), 2); // 80 UTF-16 code units: 66 (a pair never straddles) + 14
    /// assert_eq!(parts[0].chars().count(), 33);
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn parts(&self) -> impl Iterator<Item = &str> + '_ {
        self.ranges().map(move |range| &self.text[range])
    }
}

/// Analyses and splits `text`: the outgoing text (smart-encoded when the options call for it),
/// its analysis and its parts.
///
/// Available only with the `alloc` feature.
///
/// ```
/// let text = format!("{}{{{}", "a".repeat(152), "b".repeat(10)); // 164 septets, { costs 2
/// let split = septet::split(&text, &septet::Options::default())?;
/// assert_eq!(split.parts().collect::<Vec<_>>(), [&text[..152], &text[152..]]);
/// # Ok::<(), septet::Error>(())
/// ```
///
/// # Errors
///
/// As [`analyze_with`].
#[cfg(feature = "alloc")]
pub fn split<'a>(text: &'a str, options: &Options) -> Result<Split<'a>, Error> {
    let analysis = analyze_with(text, options)?;
    let text = if options.applies_smart_encoding() {
        crate::smart::smart_encode(text)
    } else {
        Cow::Borrowed(text)
    };
    Ok(Split {
        text,
        analysis,
        split: options.split,
    })
}
