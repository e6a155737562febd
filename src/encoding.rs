//! The two encodings a message goes out in, and their capacities.

use core::fmt;

/// Octets of user data (TP-UD) in one SMS part.
const USER_DATA_OCTETS: usize = 140;

/// The encoding a message is sent in.
///
/// GSM-7 counts septets (an extension character costs 2); UCS-2 counts UTF-16 code units (a
/// character outside the Basic Multilingual Plane costs 2).
///
/// ```
/// use septet::Encoding;
/// assert_eq!(Encoding::Gsm7.name(), "GSM-7");
/// assert_eq!(Encoding::Ucs2.metadata_name(), "ucs2");
/// assert_eq!(Encoding::Gsm7.single_segment_units(), 160);
/// assert_eq!(Encoding::Ucs2.multipart_units(), 67);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// 7-bit: the GSM 03.38 default alphabet (or the narrower charset of the route). Units are
    /// septets.
    Gsm7,
    /// UCS-2 / UTF-16. Units are UTF-16 code units.
    Ucs2,
}

impl Encoding {
    /// The name the provider's API reports: `"GSM-7"` or `"UCS-2"`.
    ///
    /// ```
    /// assert_eq!(septet::Encoding::Ucs2.name(), "UCS-2");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        }
    }

    /// The name smart-encoding metadata uses: `"gsm7"` or `"ucs2"`.
    ///
    /// ```
    /// assert_eq!(septet::Encoding::Gsm7.metadata_name(), "gsm7");
    /// ```
    pub fn metadata_name(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "gsm7",
            Encoding::Ucs2 => "ucs2",
        }
    }

    /// Units one part holds when its user data header takes `header_octets` octets (UDHL
    /// included; 0 for no header): GSM-7 septets = 160 − ⌈8H/7⌉, UCS-2 UTF-16 units =
    /// ⌊(140 − H)/2⌋ (pdu-encoding contract, section 3.2). A header longer than the 140 octets
    /// of user data leaves nothing.
    ///
    /// ```
    /// use septet::Encoding;
    /// assert_eq!(Encoding::Gsm7.units_per_part(0), 160);
    /// assert_eq!(Encoding::Gsm7.units_per_part(6), 153); // concat 8-bit
    /// assert_eq!(Encoding::Gsm7.units_per_part(9), 149); // concat 8-bit + one shift IE
    /// assert_eq!(Encoding::Ucs2.units_per_part(7), 66); // concat 16-bit
    /// ```
    pub const fn units_per_part(self, header_octets: usize) -> usize {
        match self {
            // The header and its fill bits take whole septets of the 160.
            Encoding::Gsm7 => {
                (USER_DATA_OCTETS * 8 / 7).saturating_sub((8 * header_octets).div_ceil(7))
            }
            Encoding::Ucs2 => USER_DATA_OCTETS.saturating_sub(header_octets) / 2,
        }
    }

    /// Units a message that fits in one segment may hold (no header): 160 septets or 70 UTF-16
    /// code units.
    ///
    /// ```
    /// assert_eq!(septet::Encoding::Ucs2.single_segment_units(), 70);
    /// ```
    pub const fn single_segment_units(self) -> usize {
        self.units_per_part(0)
    }

    /// Units each part of a multi-part message may hold with the default concatenation header
    /// (IE 0x00, 6 octets with UDHL) and no national shift tables: 153 septets or 67 UTF-16
    /// code units. [`PartLayout`](crate::PartLayout) gives the capacity of every other header.
    ///
    /// ```
    /// assert_eq!(septet::Encoding::Gsm7.multipart_units(), 153);
    /// ```
    pub const fn multipart_units(self) -> usize {
        self.units_per_part(6)
    }

    /// The unit this encoding counts in, for reports: `"septets"` or `"UTF-16 code units"`.
    ///
    /// ```
    /// assert_eq!(septet::Encoding::Gsm7.unit_name(), "septets");
    /// ```
    pub fn unit_name(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "septets",
            Encoding::Ucs2 => "UTF-16 code units",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
