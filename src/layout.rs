//! What a part carries: its user data header (UDH), and the capacity that header leaves
//! (pdu-encoding contract, section 3).
//!
//! Capacities are never constants here: they follow from the header octets `H` (UDHL
//! included), as GSM-7 septets = 160 − ⌈8H/7⌉ and UCS-2 units = ⌊(140 − H)/2⌋
//! ([`Encoding::units_per_part`]).

use crate::alphabet::Alphabet;
use crate::encoding::Encoding;
use crate::options::Concat;

/// Octets of the concatenation IE with an 8-bit reference: `00 03 ref total seq`.
const CONCAT8_IE_OCTETS: usize = 5;
/// Octets of the concatenation IE with a 16-bit reference: `08 04 ref_hi ref_lo total seq`.
const CONCAT16_IE_OCTETS: usize = 6;
/// Octets of a national shift IE: `24 01 nli` or `25 01 nli`.
const SHIFT_IE_OCTETS: usize = 3;
/// The UDHL octet itself.
const UDHL_OCTETS: usize = 1;

/// The concatenation information element a part's UDH carries.
///
/// ```
/// use septet::ConcatIe;
/// assert_eq!(ConcatIe::Ref8.identifier(), 0x00);
/// assert_eq!(ConcatIe::Ref16.octets(), 6);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConcatIe {
    /// IE 0x00: `00 03 ref total seq`, an 8-bit reference.
    Ref8,
    /// IE 0x08: `08 04 ref_hi ref_lo total seq`, a 16-bit reference.
    Ref16,
}

impl ConcatIe {
    /// The information element identifier (IEI): 0x00 or 0x08.
    ///
    /// ```
    /// assert_eq!(septet::ConcatIe::Ref16.identifier(), 0x08);
    /// ```
    pub fn identifier(self) -> u8 {
        match self {
            ConcatIe::Ref8 => 0x00,
            ConcatIe::Ref16 => 0x08,
        }
    }

    /// Octets of the whole IE (identifier, length and data): 5 or 6.
    ///
    /// ```
    /// assert_eq!(septet::ConcatIe::Ref8.octets(), 5);
    /// ```
    pub fn octets(self) -> usize {
        match self {
            ConcatIe::Ref8 => CONCAT8_IE_OCTETS,
            ConcatIe::Ref16 => CONCAT16_IE_OCTETS,
        }
    }

    /// The width of the reference in bits: 8 or 16.
    ///
    /// ```
    /// assert_eq!(septet::ConcatIe::Ref16.reference_bits(), 16);
    /// ```
    pub fn reference_bits(self) -> u8 {
        match self {
            ConcatIe::Ref8 => 8,
            ConcatIe::Ref16 => 16,
        }
    }
}

/// The information elements of the UDH every part of a message carries, in the order septet
/// writes them: concatenation, then national single shift (IE 0x24), then national locking
/// shift (IE 0x25). Every part carries the same IEs; only the concatenation IE's sequence
/// number differs.
///
/// ```
/// use septet::{Alphabet, ConcatIe, Language, PartHeader};
///
/// let turkish = Alphabet::new(None, Some(Language::Turkish)).unwrap();
/// let header = PartHeader::new(Some(ConcatIe::Ref8), turkish);
/// assert_eq!(header.octets(), 9); // UDHL + 5 + 3
/// assert_eq!(PartHeader::NONE.octets(), 0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PartHeader {
    /// The concatenation IE, present when the message has more than one part and the
    /// [`Concat`] option puts it in the UDH (`udh8`, `udh16`).
    pub concat: Option<ConcatIe>,
    /// The national tables the parts use: IE 0x24 for a single shift table other than the
    /// default, IE 0x25 for a locking shift table other than the default.
    pub national_language: Alphabet,
}

impl PartHeader {
    /// No UDH at all.
    pub const NONE: PartHeader = PartHeader {
        concat: None,
        national_language: Alphabet::DEFAULT,
    };

    /// A header with these IEs.
    ///
    /// ```
    /// use septet::{Alphabet, ConcatIe, PartHeader};
    /// let h = PartHeader::new(Some(ConcatIe::Ref16), Alphabet::DEFAULT);
    /// assert_eq!(h.octets(), 7);
    /// ```
    pub fn new(concat: Option<ConcatIe>, national_language: Alphabet) -> Self {
        PartHeader {
            concat,
            national_language,
        }
    }

    /// Whether the part carries a UDH (TP-UDHI set).
    ///
    /// ```
    /// assert!(septet::PartHeader::NONE.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.octets() == 0
    }

    /// Octets of the UDH including the UDHL octet (`H` of the contract); 0 when there is no
    /// UDH.
    ///
    /// ```
    /// use septet::{Alphabet, ConcatIe, PartHeader};
    /// assert_eq!(PartHeader::new(Some(ConcatIe::Ref8), Alphabet::DEFAULT).octets(), 6);
    /// ```
    pub fn octets(&self) -> usize {
        let elements = self.concat.map_or(0, ConcatIe::octets)
            + SHIFT_IE_OCTETS * usize::from(self.national_language.single().is_some())
            + SHIFT_IE_OCTETS * usize::from(self.national_language.locking().is_some());
        if elements == 0 {
            0
        } else {
            UDHL_OCTETS + elements
        }
    }
}

/// The layout every part of one message shares: its encoding, the header it carries, and the
/// units it holds.
///
/// `counted_header_octets` is what the capacity is computed from. It equals
/// `header.octets()` except with [`Concat::Sar`] (counted as if IE 0x08 were present, since the
/// SMSC may add it) and [`Concat::Payload`] (counted as if IE 0x00 were present).
///
/// ```
/// use septet::{Alphabet, Concat, ConcatIe, Encoding, PartLayout};
///
/// let long = PartLayout::new(Encoding::Gsm7, Concat::Udh8, Alphabet::DEFAULT, true);
/// assert_eq!(long.header.concat, Some(ConcatIe::Ref8));
/// assert_eq!((long.header.octets(), long.units_per_part), (6, 153));
///
/// let sar = PartLayout::new(Encoding::Ucs2, Concat::Sar, Alphabet::DEFAULT, true);
/// assert_eq!((sar.header.octets(), sar.counted_header_octets, sar.units_per_part), (0, 7, 66));
///
/// let single = PartLayout::new(Encoding::Gsm7, Concat::Udh16, Alphabet::DEFAULT, false);
/// assert_eq!((single.header.octets(), single.units_per_part), (0, 160));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PartLayout {
    /// The encoding of the parts.
    pub encoding: Encoding,
    /// The UDH each part carries.
    pub header: PartHeader,
    /// The header octets the capacity allows for.
    pub counted_header_octets: usize,
    /// Units each part holds: septets for GSM-7, UTF-16 code units for UCS-2.
    pub units_per_part: usize,
}

impl PartLayout {
    /// The layout of a message in `encoding` with the alphabet `national_language` (ignored
    /// for UCS-2, which has no shift tables), concatenated as `concat` says when `multipart`.
    ///
    /// ```
    /// use septet::{Alphabet, Concat, Encoding, Language, PartLayout};
    /// let turkish = Alphabet::new(None, Some(Language::Turkish)).unwrap();
    /// assert_eq!(PartLayout::new(Encoding::Gsm7, Concat::Udh8, turkish, false).units_per_part, 155);
    /// assert_eq!(PartLayout::new(Encoding::Gsm7, Concat::Udh8, turkish, true).units_per_part, 149);
    /// ```
    pub fn new(
        encoding: Encoding,
        concat: Concat,
        national_language: Alphabet,
        multipart: bool,
    ) -> Self {
        let national_language = match encoding {
            Encoding::Gsm7 => national_language,
            Encoding::Ucs2 => {
                debug_assert!(national_language.is_default(), "UCS-2 has no shift tables");
                Alphabet::DEFAULT
            }
        };
        let (carried, counted) = if multipart {
            match concat {
                Concat::Udh8 => (Some(ConcatIe::Ref8), Some(ConcatIe::Ref8)),
                Concat::Udh16 => (Some(ConcatIe::Ref16), Some(ConcatIe::Ref16)),
                Concat::Sar => (None, Some(ConcatIe::Ref16)),
                Concat::Payload => (None, Some(ConcatIe::Ref8)),
            }
        } else {
            (None, None)
        };
        let header = PartHeader::new(carried, national_language);
        let counted_header_octets = PartHeader::new(counted, national_language).octets();
        PartLayout {
            encoding,
            header,
            counted_header_octets,
            units_per_part: encoding.units_per_part(counted_header_octets),
        }
    }
}
