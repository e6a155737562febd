//! The two encodings a message goes out in, and their capacities.

use core::fmt;

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

    /// Units a message that fits in one segment may hold: 160 septets or 70 UTF-16 code units.
    ///
    /// ```
    /// assert_eq!(septet::Encoding::Ucs2.single_segment_units(), 70);
    /// ```
    pub fn single_segment_units(self) -> usize {
        match self {
            Encoding::Gsm7 => 160,
            Encoding::Ucs2 => 70,
        }
    }

    /// Units each part of a multi-part message may hold (the concatenation header takes 6
    /// octets): 153 septets or 67 UTF-16 code units.
    ///
    /// ```
    /// assert_eq!(septet::Encoding::Gsm7.multipart_units(), 153);
    /// ```
    pub fn multipart_units(self) -> usize {
        match self {
            Encoding::Gsm7 => 153,
            Encoding::Ucs2 => 67,
        }
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
