//! Splitting the outgoing text into parts, once the encoding, the alphabet and the part layout
//! are decided (the decisions are made by [`crate::analysis`]).
//!
//! The text is a sequence of *atoms* that are never cut: a character (so never between ESC and
//! its character, nor inside a surrogate pair) or, with [`SplitMode::Graphemes`], an extended
//! grapheme cluster. Parts are filled greedily: an atom that does not fit in the current part
//! starts the next one. A cluster longer than a whole part is fed character by character, so it
//! continues the current part and spills into the next.

mod atoms;
mod clusters;
mod lanes;

use core::ops::Range;

use crate::alphabet::table_masks;
use crate::charset::Charset;
use crate::options::SplitMode;
use crate::smart::outgoing::OutgoingChars;
use atoms::{Atom, Atoms};

/// What one character of the outgoing text costs in units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitCosts {
    /// Septets of a 7-bit charset with the default alphabet (1, or 2 for ESC + septet).
    Septets(Charset),
    /// Septets of GSM 0338 with a pair of tables, as table mask bits (bit NLI; bit 0 for the
    /// default table): 1 when the locking table has the character, else 2 when the single
    /// shift table has it.
    Pair {
        /// The locking shift table's bit.
        locking: u16,
        /// The single shift table's bit.
        single: u16,
    },
    /// UTF-16 code units (2 for a character outside the BMP).
    Utf16,
}

impl UnitCosts {
    /// Units of `c`; 0 for a character that cannot be sent (never the case once the encoding is
    /// chosen, since the chooser proved every character encodable).
    #[inline]
    pub(crate) fn of(self, c: char) -> usize {
        match self {
            UnitCosts::Septets(charset) => usize::from(charset.septets_or_zero(c)),
            UnitCosts::Pair { locking, single } => {
                let masks = table_masks(c);
                if masks.locking & locking != 0 {
                    1
                } else if masks.single & single != 0 {
                    2
                } else {
                    0
                }
            }
            UnitCosts::Utf16 => c.len_utf16(),
        }
    }
}

/// The outgoing text as splitting reads it: the input, whether smart encoding maps it, what each
/// character costs, and how many units a part holds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Segmenter<'a> {
    pub(crate) input: &'a str,
    pub(crate) smart: bool,
    pub(crate) costs: UnitCosts,
    pub(crate) split: SplitMode,
    /// Units of the whole outgoing text.
    pub(crate) units: usize,
    /// Bytes of the whole outgoing text.
    pub(crate) bytes: usize,
    /// Outgoing characters that cost 2 units.
    pub(crate) double_unit_characters: usize,
    /// Units the single part of a one-part message holds.
    pub(crate) single_part_units: usize,
    /// Units each part of a multi-part message holds.
    pub(crate) multipart_units: usize,
}

impl<'a> Segmenter<'a> {
    #[inline]
    pub(crate) fn units_of(&self, c: char) -> usize {
        let units = self.costs.of(c);
        debug_assert!(units != 0, "{c:?} has no cost under {:?}", self.costs);
        units
    }

    /// Whether the whole text fits in one part (without a concatenation header).
    #[inline]
    pub(crate) fn is_single_part(&self) -> bool {
        self.units <= self.single_part_units
    }

    /// Units each part may hold.
    pub(crate) fn capacity(&self) -> usize {
        if self.is_single_part() {
            self.single_part_units
        } else {
            self.multipart_units
        }
    }

    /// The number of parts and the units in the last one, without building the parts when the
    /// arithmetic is exact (no 2-unit character that could straddle a boundary, no clusters).
    pub(crate) fn count(&self) -> (usize, usize) {
        if self.units == 0 {
            return (0, 0);
        }
        let capacity = self.capacity();
        if self.is_single_part()
            || (self.split == SplitMode::Units && self.double_unit_characters == 0)
        {
            let parts = self.units.div_ceil(capacity);
            return (parts, self.units - (parts - 1) * capacity);
        }
        if self.split == SplitMode::Units {
            // The text as it is: the greedy fill over its bytes, 16 at a time where no part
            // can end.
            if let Some(costs) = lanes::LaneCosts::of(self.costs).filter(|_| !self.smart) {
                let counted = lanes::count_parts(self.input, capacity, costs);
                debug_assert_eq!(counted, self.count_by_atoms(), "{:?}", self.input);
                return counted;
            }
            return self.count_characters(capacity);
        }
        self.count_by_atoms()
    }

    /// [`Segmenter::count`] by walking the atoms of the outgoing text.
    fn count_by_atoms(&self) -> (usize, usize) {
        let mut parts = 0;
        let mut last = 0;
        for (_, units) in self.part_ends() {
            parts += 1;
            last = units;
        }
        (parts, last)
    }

    /// [`count`](Self::count) of a multi-part text split between characters: the greedy fill of
    /// [`part_ends`](Self::part_ends) (a character that does not fit starts the next part), in
    /// one loop over the outgoing characters without building atoms. Text sent as it is goes
    /// through [`lanes::count_parts`] instead; this is the path of smart encoding and national
    /// tables.
    fn count_characters(&self, capacity: usize) -> (usize, usize) {
        debug_assert!(capacity >= 2, "a part holds any character");
        let mut parts = 1;
        let mut used = 0;
        let mut add = |units: usize| {
            if used + units > capacity {
                parts += 1;
                used = 0;
            }
            used += units;
        };
        for c in OutgoingChars::new(self.input, self.smart) {
            add(self.units_of(c));
        }
        debug_assert_eq!((parts, used), self.count_by_atoms(), "{:?}", self.input);
        (parts, used)
    }

    /// The parts as (end byte offset in the outgoing text, units in the part).
    pub(crate) fn part_ends(&self) -> PartEnds<'a> {
        // Every character one unit, nothing joined, the text as it goes out: a part is the
        // next `capacity` characters (the shortcut `count` takes too).
        let one_unit_each = self.split == SplitMode::Units
            && self.double_unit_characters == 0
            && !self.smart
            && self.bytes == self.input.len();
        PartEnds {
            atoms: Atoms::new(*self),
            capacity: self.capacity(),
            single: self.is_single_part().then_some((self.bytes, self.units)),
            pending: None,
            end: 0,
            one_unit_each: one_unit_each.then_some(self.input),
        }
    }
}

/// The parts of the outgoing text as (end offset, units), filled greedily.
#[derive(Clone, Debug)]
pub(crate) struct PartEnds<'a> {
    atoms: Atoms<'a>,
    capacity: usize,
    /// The whole text when it fits in one segment.
    single: Option<(usize, usize)>,
    pending: Option<Atom>,
    end: usize,
    /// The outgoing text when every character costs one unit and nothing joins: parts are
    /// cut by counting characters, without the atoms.
    one_unit_each: Option<&'a str>,
}

impl Iterator for PartEnds<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        if let Some(single) = self.single {
            if self.end == single.0 {
                return None;
            }
            self.end = single.0;
            return Some(single);
        }
        if let Some(text) = self.one_unit_each {
            return self.next_counting_characters(text);
        }
        let (bytes, mut used) = self.pending.take().or_else(|| self.atoms.next())?;
        self.end += bytes;
        for (bytes, units) in self.atoms.by_ref() {
            if used + units > self.capacity {
                self.pending = Some((bytes, units));
                break;
            }
            used += units;
            self.end += bytes;
        }
        Some((self.end, used))
    }
}

impl PartEnds<'_> {
    /// The next part when every character is one unit: `capacity` characters, or the rest.
    fn next_counting_characters(&mut self, text: &str) -> Option<(usize, usize)> {
        let rest = text.get(self.end..).filter(|rest| !rest.is_empty())?;
        let (bytes, characters) = match rest.as_bytes().get(..self.capacity) {
            // The next `capacity` bytes are as many characters when they are ASCII.
            Some(window) if window.is_ascii() => (self.capacity, self.capacity),
            Some(_) => match rest.char_indices().nth(self.capacity) {
                Some((bytes, _)) => (bytes, self.capacity),
                None => (rest.len(), rest.chars().count()),
            },
            // Fewer bytes than the capacity: the rest is the last part.
            None => (rest.len(), rest.chars().count()),
        };
        self.end += bytes;
        Some((self.end, characters))
    }
}

/// Byte ranges of the parts of a text that is sent as it is (smart encoding already applied,
/// or not wanted). Needs no allocation; see [`part_ranges`](crate::part_ranges).
#[derive(Clone, Debug)]
pub struct PartRanges<'a> {
    ends: PartEnds<'a>,
    start: usize,
}

impl<'a> PartRanges<'a> {
    pub(crate) fn new(segmenter: Segmenter<'a>) -> Self {
        PartRanges {
            ends: segmenter.part_ends(),
            start: 0,
        }
    }
}

impl<'a> PartRanges<'a> {
    /// The same parts, each with the units its text takes: septets in GSM-7 (an ESC pair
    /// counts 2), UTF-16 code units in UCS-2; the header is not counted. These are the counts
    /// the split itself made (they sum to [`Analysis::units`](crate::Analysis::units)).
    ///
    /// ```
    /// let text = format!("{}€{}", "a".repeat(152), "b".repeat(10)); // € costs 2: not in part 1
    /// let parts: Vec<_> = septet::part_ranges(&text, &septet::Options::default())?.with_units().collect();
    /// assert_eq!(parts, [(0..152, 152), (152..165, 12)]);
    /// # Ok::<(), septet::Error>(())
    /// ```
    pub fn with_units(self) -> PartUnits<'a> {
        PartUnits(self)
    }

    fn next_with_units(&mut self) -> Option<(Range<usize>, usize)> {
        let (end, units) = self.ends.next()?;
        let range = self.start..end;
        self.start = end;
        Some((range, units))
    }
}

impl Iterator for PartRanges<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        self.next_with_units().map(|(range, _)| range)
    }
}

impl core::iter::FusedIterator for PartRanges<'_> {}

/// The parts' byte ranges with their units, from [`PartRanges::with_units`].
///
/// ```
/// let units: Vec<usize> = septet::part_ranges(&"😀".repeat(40), &septet::Options::default())?
///     .with_units()
///     .map(|(_, units)| units)
///     .collect();
/// assert_eq!(units, [66, 14]); // UTF-16 units: a surrogate pair never straddles two parts
/// # Ok::<(), septet::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PartUnits<'a>(PartRanges<'a>);

impl Iterator for PartUnits<'_> {
    type Item = (Range<usize>, usize);

    fn next(&mut self) -> Option<(Range<usize>, usize)> {
        self.0.next_with_units()
    }
}

impl core::iter::FusedIterator for PartUnits<'_> {}
