//! Cutting a message into the parts [`analyze_with`](crate::analyze_with) counted.

#[cfg(feature = "alloc")]
use alloc::borrow::Cow;

#[cfg(feature = "alloc")]
use super::analyze_with;
use super::choose::{choose, pair_costs, segmenter, Text};
use super::Analysis;
use crate::charset::Charset;
use crate::classify::scan;
use crate::encoding::Encoding;
use crate::error::Error;
use crate::options::Options;
use crate::options::SplitMode;
use crate::split::PartRanges;
use crate::split::UnitCosts;

/// Splits `text` **as it is sent** into parts, as byte ranges, without allocating.
///
/// The ranges are in `text` itself, so `text` must be the outgoing text: when `options` apply
/// smart encoding, pass the output of [`smart_encode`](crate::smart_encode) (smart encoding is
/// idempotent, so it then changes nothing), or use [`split`](crate::split), which does both. A
/// text that smart encoding would still change is refused, never cut as if it had been
/// encoded. The encoding, the national tables and the capacities are chosen as
/// [`analyze_with`](crate::analyze_with) chooses them, and the parts are the ones it counts.
/// Limits are not checked; an empty text has no parts.
///
/// # Errors
///
/// [`Error::NationalLanguagesWithCharset`] as [`analyze_with`](crate::analyze_with);
/// [`Error::NotSmartEncoded`] when `options` apply smart encoding and it would change `text`;
/// [`Error::NotGsm7`] when `options.encoding` is `gsm7` and no enabled tables encode the text.
///
/// ```
/// use septet::{part_ranges, Options};
///
/// let text = "€".repeat(80); // 160 septets: one segment
/// assert_eq!(part_ranges(&text, &Options::default())?.count(), 1);
///
/// // 306 septets: the quick formula says 2 parts, but ESC + € cannot straddle septets 153/154.
/// let text = format!("{}€{}", "a".repeat(152), "b".repeat(152));
/// let parts: Vec<_> = part_ranges(&text, &Options::default())?.map(|r| &text[r]).collect();
/// assert_eq!(parts, [&text[..152], &text[152..306], "b"]);
///
/// // With smart encoding on, the text must already be smart-encoded.
/// let smart = Options::default().with_smart_encoding(true);
/// assert!(part_ranges("“quoted”", &smart).is_err());
/// assert_eq!(part_ranges("\"quoted\"", &smart)?.count(), 1);
/// # Ok::<(), septet::Error>(())
/// ```
pub fn part_ranges<'a>(text: &'a str, options: &Options) -> Result<PartRanges<'a>, Error> {
    let charset = options.effective_charset();
    if !options.national_languages.is_empty() && charset != Charset::Gsm0338 {
        return Err(Error::NationalLanguagesWithCharset { charset });
    }
    let scan = scan(text, charset, options.applies_smart_encoding());
    if scan.replaced > 0 {
        let first = crate::smart::replacements(text).next();
        debug_assert!(first.is_some(), "the scan found a replacement");
        if let Some(first) = first {
            return Err(Error::NotSmartEncoded {
                character: first.from,
                byte_offset: first.byte_offset,
            });
        }
    }
    // Smart encoding changes nothing here: the outgoing text is `text`.
    let outgoing = Text {
        input: text,
        smart: false,
        split: options.split,
        concat: options.concat,
        bytes: text.len(),
    };
    let choice = choose(outgoing, &scan, charset, options)?;
    Ok(PartRanges::new(choice.segmenter))
}

/// The parts of `text`, the outgoing text `analysis` was made of (with `split` as the options
/// had it), found again without a second scan.
pub(crate) fn ranges_of<'a>(
    text: &'a str,
    analysis: &Analysis,
    split: SplitMode,
) -> PartRanges<'a> {
    let a = analysis;
    let outgoing = Text {
        input: text,
        smart: false,
        split,
        concat: a.concat,
        bytes: text.len(),
    };
    let costs = match a.encoding {
        Encoding::Gsm7 => pair_costs(a.charset, a.national_language),
        Encoding::Ucs2 => UnitCosts::Utf16,
    };
    PartRanges::new(segmenter(
        outgoing,
        a.encoding,
        a.national_language,
        costs,
        a.units,
        a.double_unit_characters,
    ))
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
        ranges_of(&self.text, &self.analysis, self.split)
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
