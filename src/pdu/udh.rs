//! The user data header (3GPP TS 23.040 §9.2.3.24): building and parsing.
//!
//! `TP-UD = UDHL | IE … IE | fill bits (7-bit only) | text`. septet writes the concatenation IE
//! first, then the national single shift IE (0x24), then the locking shift IE (0x25).

use core::fmt;

use super::PduError;
use crate::alphabet::{Alphabet, Language};

/// IE 0x00: concatenation with an 8-bit reference.
pub(crate) const IEI_CONCAT8: u8 = 0x00;
/// IE 0x08: concatenation with a 16-bit reference.
pub(crate) const IEI_CONCAT16: u8 = 0x08;
/// IE 0x24: national language single shift.
pub(crate) const IEI_SINGLE_SHIFT: u8 = 0x24;
/// IE 0x25: national language locking shift.
pub(crate) const IEI_LOCKING_SHIFT: u8 = 0x25;

/// The largest header septet wants to write: UDHL + concat16 (6) + two shift IEs (3 + 3).
pub const MAX_UDH_OCTETS: usize = 13;

/// The width of a concatenation reference: IE 0x00 (8 bits) or IE 0x08 (16 bits).
///
/// ```
/// assert_eq!(septet::ReferenceBits::Sixteen.bits(), 16);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReferenceBits {
    /// IE 0x00, `00 03 ref total seq`.
    Eight,
    /// IE 0x08, `08 04 ref_hi ref_lo total seq`.
    Sixteen,
}

impl ReferenceBits {
    /// 8 or 16.
    ///
    /// ```
    /// assert_eq!(septet::ReferenceBits::Eight.bits(), 8);
    /// ```
    pub const fn bits(self) -> u8 {
        match self {
            ReferenceBits::Eight => 8,
            ReferenceBits::Sixteen => 16,
        }
    }

    /// The number of distinct references: 256 or 65536.
    ///
    /// ```
    /// assert_eq!(septet::ReferenceBits::Eight.references(), 256);
    /// ```
    pub const fn references(self) -> u32 {
        1 << self.bits()
    }
}

/// A concatenation IE: which part of which message this is.
///
/// ```
/// use septet::{ConcatInfo, ReferenceBits};
/// let c = ConcatInfo { reference: 0xD0DE, total: 2, sequence: 1, bits: ReferenceBits::Sixteen };
/// assert!(c.is_valid());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConcatInfo {
    /// The reference shared by every part of the message (0–255 for 8 bits).
    pub reference: u16,
    /// Parts in the message (1–255).
    pub total: u8,
    /// This part's number, from 1.
    pub sequence: u8,
    /// The IE it is written in (and read from).
    pub bits: ReferenceBits,
}

impl ConcatInfo {
    /// Whether a receiver accepts it: total and sequence non-zero, sequence ≤ total, and the
    /// reference fits its width.
    ///
    /// ```
    /// use septet::{ConcatInfo, ReferenceBits};
    /// let c = ConcatInfo { reference: 7, total: 2, sequence: 3, bits: ReferenceBits::Eight };
    /// assert!(!c.is_valid());
    /// ```
    pub const fn is_valid(&self) -> bool {
        self.total != 0
            && self.sequence != 0
            && self.sequence <= self.total
            && (self.reference as u32) < self.bits.references()
    }
}

/// A user data header as septet writes it: an optional concatenation IE and the national
/// shift IEs of the part's alphabet.
///
/// ```
/// use septet::{Alphabet, Language, Udh};
///
/// let udh = Udh::new(None, Alphabet::new(None, Some(Language::Turkish)).unwrap());
/// let mut out = [0u8; 13];
/// assert_eq!(udh.write(&mut out), Ok(4));
/// assert_eq!(&out[..4], [0x03, 0x24, 0x01, 0x01]);
/// assert_eq!((udh.octets(), udh.fill_bits(), udh.septets()), (4, 3, 5));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Udh {
    /// The concatenation IE, for a message of more than one part.
    pub concat: Option<ConcatInfo>,
    /// IE 0x24 (national single shift): present when the single shift table is a national one.
    pub single_shift: Option<Language>,
    /// IE 0x25 (national locking shift): present when the locking table is a national one.
    pub locking_shift: Option<Language>,
}

impl Udh {
    /// The header of a part with `concat` written in `alphabet`.
    ///
    /// ```
    /// assert!(septet::Udh::new(None, septet::Alphabet::DEFAULT).is_empty());
    /// ```
    pub const fn new(concat: Option<ConcatInfo>, alphabet: Alphabet) -> Udh {
        Udh {
            concat,
            single_shift: alphabet.single(),
            locking_shift: alphabet.locking(),
        }
    }

    /// Whether there is no IE at all (then there is no UDH and TP-UDHI is clear).
    ///
    /// ```
    /// assert!(septet::Udh::default().is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.concat.is_none() && self.single_shift.is_none() && self.locking_shift.is_none()
    }

    /// The alphabet the header selects (default tables where no shift IE is present; a Spanish
    /// locking IE, which names no table, selects the default locking table).
    ///
    /// ```
    /// assert_eq!(septet::Udh::default().alphabet(), septet::Alphabet::DEFAULT);
    /// ```
    pub const fn alphabet(&self) -> Alphabet {
        match Alphabet::new(self.locking_shift, self.single_shift) {
            Some(alphabet) => alphabet,
            None => match Alphabet::new(None, self.single_shift) {
                Some(alphabet) => alphabet,
                None => Alphabet::DEFAULT,
            },
        }
    }

    /// Octets of the header with its UDHL (H); 0 when empty.
    ///
    /// ```
    /// use septet::{ConcatInfo, ReferenceBits, Udh};
    /// let concat = ConcatInfo { reference: 0, total: 2, sequence: 1, bits: ReferenceBits::Eight };
    /// assert_eq!(Udh { concat: Some(concat), ..Udh::default() }.octets(), 6);
    /// ```
    pub const fn octets(&self) -> usize {
        if self.is_empty() {
            return 0;
        }
        let mut octets = 1;
        if let Some(concat) = self.concat {
            octets += match concat.bits {
                ReferenceBits::Eight => 5,
                ReferenceBits::Sixteen => 6,
            };
        }
        if self.single_shift.is_some() {
            octets += 3;
        }
        if self.locking_shift.is_some() {
            octets += 3;
        }
        octets
    }

    /// Septets the header and its fill bits take in a GSM-7 part: ⌈8H/7⌉.
    ///
    /// ```
    /// assert_eq!(septet::Udh::default().septets(), 0);
    /// ```
    pub const fn septets(&self) -> usize {
        (8 * self.octets()).div_ceil(7)
    }

    /// Zero bits between the header and the text of a GSM-7 part: 7·⌈8H/7⌉ − 8H.
    ///
    /// ```
    /// assert_eq!(septet::Udh::default().fill_bits(), 0);
    /// ```
    pub const fn fill_bits(&self) -> u8 {
        (7 * self.septets() - 8 * self.octets()) as u8
    }

    /// Writes the header (UDHL first; nothing when empty) to the start of `out`, returning the
    /// octets written.
    ///
    /// ```
    /// use septet::{ConcatInfo, ReferenceBits, Udh};
    /// let concat = ConcatInfo { reference: 0xD0DE, total: 2, sequence: 1, bits: ReferenceBits::Sixteen };
    /// let mut out = [0u8; 13];
    /// let n = Udh { concat: Some(concat), ..Udh::default() }.write(&mut out)?;
    /// assert_eq!(&out[..n], [0x06, 0x08, 0x04, 0xD0, 0xDE, 0x02, 0x01]);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PduError::BadConcat`] for a concatenation IE a receiver would ignore (see
    /// [`ConcatInfo::is_valid`]); [`PduError::BufferTooSmall`] when `out` is too short.
    pub fn write(&self, out: &mut [u8]) -> Result<usize, PduError> {
        let octets = self.octets();
        if out.len() < octets {
            return Err(PduError::BufferTooSmall {
                needed: octets,
                available: out.len(),
            });
        }
        if octets == 0 {
            return Ok(0);
        }
        out[0] = (octets - 1) as u8;
        let mut at = 1;
        if let Some(concat) = self.concat {
            if !concat.is_valid() {
                return Err(PduError::BadConcat {
                    reason: "total and sequence must be 1..=255 with sequence <= total, and the reference must fit its width",
                });
            }
            match concat.bits {
                ReferenceBits::Eight => {
                    out[at..at + 5].copy_from_slice(&[
                        IEI_CONCAT8,
                        3,
                        concat.reference as u8,
                        concat.total,
                        concat.sequence,
                    ]);
                    at += 5;
                }
                ReferenceBits::Sixteen => {
                    let [hi, lo] = concat.reference.to_be_bytes();
                    out[at..at + 6].copy_from_slice(&[
                        IEI_CONCAT16,
                        4,
                        hi,
                        lo,
                        concat.total,
                        concat.sequence,
                    ]);
                    at += 6;
                }
            }
        }
        if let Some(language) = self.single_shift {
            out[at..at + 3].copy_from_slice(&[IEI_SINGLE_SHIFT, 1, language.nli()]);
            at += 3;
        }
        if let Some(language) = self.locking_shift {
            out[at..at + 3].copy_from_slice(&[IEI_LOCKING_SHIFT, 1, language.nli()]);
            at += 3;
        }
        debug_assert_eq!(at, octets);
        Ok(at)
    }
}

/// Something in a received header that was not taken at face value.
///
/// ```
/// use septet::{parse_udh, HeaderNote};
/// let parsed = parse_udh(&[0x05, 0x00, 0x03, 0x2A, 0x02, 0x03])?; // seq 3 of 2
/// assert_eq!(parsed.udh.concat, None);
/// assert_eq!(parsed.notes.first(), Some(&HeaderNote::InvalidConcat));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HeaderNote {
    /// A concatenation IE with total 0, sequence 0, sequence above total, or a wrong length:
    /// ignored (an earlier valid one, if any, still counts).
    InvalidConcat,
    /// A shift IE naming an NLI with no such table (14–255, or Spanish locking): the default
    /// table is used.
    UnknownLanguage {
        /// IE 0x24 (single shift) or 0x25 (locking shift).
        iei: u8,
        /// The NLI given.
        nli: u8,
    },
    /// A shift IE whose length is not 1: ignored.
    BadShiftElement {
        /// IE 0x24 or 0x25.
        iei: u8,
    },
    /// An information element septet does not interpret: skipped by its length.
    UnknownElement {
        /// Its identifier.
        iei: u8,
    },
}

impl fmt::Display for HeaderNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            HeaderNote::InvalidConcat => f.write_str("invalid concatenation element ignored"),
            HeaderNote::UnknownLanguage { iei, nli } => write!(
                f,
                "IE 0x{iei:02X} names NLI {nli}, which has no table; the default table is used"
            ),
            HeaderNote::BadShiftElement { iei } => {
                write!(f, "IE 0x{iei:02X} with a length other than 1 ignored")
            }
            HeaderNote::UnknownElement { iei } => {
                write!(f, "unknown information element 0x{iei:02X} skipped")
            }
        }
    }
}

/// The most notes [`parse_udh`] keeps; a header of at most 139 octets rarely has more.
pub const MAX_HEADER_NOTES: usize = 8;

/// A parsed header: what it selects, and notes on what was ignored.
///
/// ```
/// let parsed = septet::parse_udh(&[0x03, 0x24, 0x01, 0x01])?;
/// assert_eq!(parsed.octets, 4);
/// assert_eq!(parsed.udh.single_shift, Some(septet::Language::Turkish));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUdh {
    /// The elements septet interprets (the last valid occurrence of each).
    pub udh: Udh,
    /// Octets of the header, UDHL included.
    pub octets: usize,
    /// Notes, in header order (at most [`MAX_HEADER_NOTES`]; `notes_dropped` counts the rest).
    pub notes: NoteList,
    /// Notes beyond [`MAX_HEADER_NOTES`], counted but not kept.
    pub notes_dropped: usize,
}

/// A fixed-capacity list of [`HeaderNote`]s (no allocation).
///
/// ```
/// assert!(septet::parse_udh(&[0x00])?.notes.is_empty());
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteList {
    notes: [Option<HeaderNote>; MAX_HEADER_NOTES],
    len: usize,
}

impl NoteList {
    fn push(&mut self, note: HeaderNote) -> bool {
        if self.len < MAX_HEADER_NOTES {
            self.notes[self.len] = Some(note);
            self.len += 1;
            true
        } else {
            false
        }
    }

    /// The notes in order.
    ///
    /// ```
    /// assert_eq!(septet::parse_udh(&[0x02, 0x70, 0x00])?.notes.iter().count(), 1);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &HeaderNote> + '_ {
        self.notes[..self.len].iter().flatten()
    }

    /// The first note.
    ///
    /// ```
    /// assert_eq!(septet::parse_udh(&[0x00])?.notes.first(), None);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn first(&self) -> Option<&HeaderNote> {
        self.iter().next()
    }

    /// How many notes are kept.
    ///
    /// ```
    /// assert_eq!(septet::parse_udh(&[0x00])?.notes.len(), 0);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no note is kept.
    ///
    /// ```
    /// assert!(septet::parse_udh(&[0x00])?.notes.is_empty());
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Parses the header at the start of `user_data` (UDHL first). Unknown IEs are skipped by their
/// length; when an IE occurs twice the last valid one counts.
///
/// ```
/// use septet::{parse_udh, ConcatInfo, ReferenceBits};
/// let parsed = parse_udh(&[0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0xAA])?;
/// assert_eq!(parsed.octets, 6);
/// assert_eq!(
///     parsed.udh.concat,
///     Some(ConcatInfo { reference: 42, total: 2, sequence: 1, bits: ReferenceBits::Eight })
/// );
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// [`PduError::MissingHeader`] for empty input; [`PduError::HeaderPastEnd`] when the UDHL
/// counts past the end; [`PduError::ElementPastEnd`] when an IE's length runs past the header.
pub fn parse_udh(user_data: &[u8]) -> Result<ParsedUdh, PduError> {
    let elements = udh_elements(user_data)?;
    let mut parsed = ParsedUdh {
        udh: Udh::default(),
        octets: elements.octets(),
        notes: NoteList::default(),
        notes_dropped: 0,
    };
    let note = |parsed: &mut ParsedUdh, n: HeaderNote| {
        if !parsed.notes.push(n) {
            parsed.notes_dropped += 1;
        }
    };
    for element in elements {
        match element?.reading() {
            ElementReading::Concat(concat) => parsed.udh.concat = Some(concat),
            ElementReading::SingleShift { nli, language } => {
                if language.is_none() && nli != 0 {
                    note(
                        &mut parsed,
                        HeaderNote::UnknownLanguage {
                            iei: IEI_SINGLE_SHIFT,
                            nli,
                        },
                    );
                }
                parsed.udh.single_shift = language;
            }
            ElementReading::LockingShift { nli, language } => {
                if language.is_none() && nli != 0 {
                    note(
                        &mut parsed,
                        HeaderNote::UnknownLanguage {
                            iei: IEI_LOCKING_SHIFT,
                            nli,
                        },
                    );
                }
                parsed.udh.locking_shift = language;
            }
            ElementReading::Ignored(why) => note(&mut parsed, why),
        }
    }
    Ok(parsed)
}

/// The information elements of the header at the start of `user_data` (UDHL first), in order,
/// each with its octets and what a receiver reads in it: the walk [`parse_udh`] makes, one
/// element at a time, for showing a header octet by octet.
///
/// ```
/// use septet::{udh_elements, ConcatInfo, ElementReading, Language, ReferenceBits};
/// let header = [0x08, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x24, 0x01, 0x01];
/// let elements = udh_elements(&header)?;
/// assert_eq!(elements.octets(), 9);
/// let elements = elements.collect::<Result<Vec<_>, _>>()?;
/// assert_eq!((elements[0].offset, elements[0].iei, elements[0].data), (1, 0x00, &[0x2A, 0x02, 0x01][..]));
/// assert_eq!(
///     elements[0].reading(),
///     ElementReading::Concat(ConcatInfo { reference: 42, total: 2, sequence: 1, bits: ReferenceBits::Eight })
/// );
/// assert_eq!(elements[1].bytes(&header), [0x24, 0x01, 0x01]);
/// assert_eq!(elements[1].reading(), ElementReading::SingleShift { nli: 1, language: Some(Language::Turkish) });
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// [`PduError::MissingHeader`] for empty input and [`PduError::HeaderPastEnd`] when the UDHL
/// counts past the end (from this function); [`PduError::ElementPastEnd`] from the iterator,
/// once, when an IE's length runs past the header (the iteration ends there).
pub fn udh_elements(user_data: &[u8]) -> Result<UdhElements<'_>, PduError> {
    let Some(&udhl) = user_data.first() else {
        return Err(PduError::MissingHeader);
    };
    let octets = usize::from(udhl) + 1;
    if octets > user_data.len() {
        return Err(PduError::HeaderPastEnd {
            header_octets: octets,
            available: user_data.len(),
        });
    }
    Ok(UdhElements {
        header: &user_data[..octets],
        at: 1,
    })
}

/// The information elements of a header, from [`udh_elements`].
///
/// ```
/// assert_eq!(septet::udh_elements(&[0x00])?.count(), 0);
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug)]
pub struct UdhElements<'a> {
    /// The header, UDHL included.
    header: &'a [u8],
    /// Where the next element starts in `header` (past the end when done).
    at: usize,
}

impl UdhElements<'_> {
    /// Octets of the whole header, UDHL included (UDHL + 1).
    ///
    /// ```
    /// assert_eq!(septet::udh_elements(&[0x03, 0x24, 0x01, 0x01, 0xD8])?.octets(), 4);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn octets(&self) -> usize {
        self.header.len()
    }
}

impl<'a> Iterator for UdhElements<'a> {
    type Item = Result<InformationElement<'a>, PduError>;

    fn next(&mut self) -> Option<Self::Item> {
        let offset = self.at;
        let iei = *self.header.get(offset)?;
        let element = self.header.get(offset + 1).and_then(|&length| {
            self.header
                .get(offset + 2..offset + 2 + usize::from(length))
        });
        let Some(data) = element else {
            self.at = self.header.len();
            // Offsets in the error count from the first octet after the UDHL.
            return Some(Err(PduError::ElementPastEnd {
                iei,
                offset: offset - 1,
            }));
        };
        self.at = offset + 2 + data.len();
        Some(Ok(InformationElement { offset, iei, data }))
    }
}

impl core::iter::FusedIterator for UdhElements<'_> {}

/// One information element of a header: `IEI | IEDL | data`.
///
/// ```
/// let header = [0x03, 0x25, 0x01, 0x06];
/// let element = septet::udh_elements(&header)?.next().unwrap()?;
/// assert_eq!((element.offset, element.iei, element.octets()), (1, 0x25, 3));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InformationElement<'a> {
    /// Where it starts in the header, in octets (the UDHL is octet 0, so the first IE is at 1).
    pub offset: usize,
    /// The information element identifier.
    pub iei: u8,
    /// Its data (IEDL octets).
    pub data: &'a [u8],
}

impl InformationElement<'_> {
    /// Octets of the element: IEI, IEDL and data.
    ///
    /// ```
    /// let element = septet::udh_elements(&[0x02, 0x70, 0x00])?.next().unwrap()?;
    /// assert_eq!(element.octets(), 2);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn octets(&self) -> usize {
        2 + self.data.len()
    }

    /// The element's octets in `header`, the header it was read from.
    ///
    /// ```
    /// let header = [0x03, 0x24, 0x01, 0x01];
    /// let element = septet::udh_elements(&header)?.next().unwrap()?;
    /// assert_eq!(element.bytes(&header), [0x24, 0x01, 0x01]);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn bytes<'h>(&self, header: &'h [u8]) -> &'h [u8] {
        header
            .get(self.offset..self.offset + self.octets())
            .unwrap_or_default()
    }

    /// What a receiver reads in it (TS 23.040, as septet decodes it).
    ///
    /// ```
    /// use septet::{ElementReading, HeaderNote};
    /// let element = septet::udh_elements(&[0x05, 0x00, 0x03, 0x2A, 0x02, 0x03])?.next().unwrap()?;
    /// assert_eq!(element.reading(), ElementReading::Ignored(HeaderNote::InvalidConcat)); // seq 3 of 2
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn reading(&self) -> ElementReading {
        match (self.iei, self.data) {
            (IEI_CONCAT8 | IEI_CONCAT16, data) => {
                let concat = match (self.iei, data) {
                    (IEI_CONCAT8, &[reference, total, sequence]) => Some(ConcatInfo {
                        reference: u16::from(reference),
                        total,
                        sequence,
                        bits: ReferenceBits::Eight,
                    }),
                    (IEI_CONCAT16, &[hi, lo, total, sequence]) => Some(ConcatInfo {
                        reference: u16::from_be_bytes([hi, lo]),
                        total,
                        sequence,
                        bits: ReferenceBits::Sixteen,
                    }),
                    _ => None,
                };
                match concat {
                    Some(concat) if concat.is_valid() => ElementReading::Concat(concat),
                    _ => ElementReading::Ignored(HeaderNote::InvalidConcat),
                }
            }
            (IEI_SINGLE_SHIFT, &[nli]) => ElementReading::SingleShift {
                nli,
                language: Language::from_nli(nli),
            },
            (IEI_LOCKING_SHIFT, &[nli]) => ElementReading::LockingShift {
                nli,
                language: Language::from_nli(nli).filter(|l| l.has_locking_table()),
            },
            (IEI_SINGLE_SHIFT | IEI_LOCKING_SHIFT, _) => {
                ElementReading::Ignored(HeaderNote::BadShiftElement { iei: self.iei })
            }
            (iei, _) => ElementReading::Ignored(HeaderNote::UnknownElement { iei }),
        }
    }
}

/// What an information element says, as [`InformationElement::reading`] reads it.
///
/// ```
/// let element = septet::udh_elements(&[0x03, 0x24, 0x01, 0x0E])?.next().unwrap()?;
/// assert_eq!(element.reading(), septet::ElementReading::SingleShift { nli: 14, language: None });
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ElementReading {
    /// IE 0x00 or 0x08 that a receiver accepts.
    Concat(ConcatInfo),
    /// IE 0x24: the national single shift table (`language` is `None` for NLI 0, the default
    /// table, and for an NLI with no table, which selects the default table).
    SingleShift {
        /// The NLI given.
        nli: u8,
        /// Its table.
        language: Option<Language>,
    },
    /// IE 0x25: the national locking shift table (`language` is `None` for NLI 0, for Spanish,
    /// which has no locking table, and for an NLI with no table: the default table is used).
    LockingShift {
        /// The NLI given.
        nli: u8,
        /// Its table.
        language: Option<Language>,
    },
    /// An element a receiver skips, and why.
    Ignored(HeaderNote),
}
