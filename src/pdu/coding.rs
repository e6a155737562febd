//! TP-DCS: the data coding scheme octet (3GPP TS 23.038 §4), read for its alphabet.

use core::fmt;

use super::PduError;

/// The alphabet of a part's user data.
///
/// ```
/// use septet::DataCoding;
/// assert_eq!(DataCoding::from_dcs(0xF2), Ok(DataCoding::Gsm7)); // class 2, GSM 7-bit
/// assert_eq!(DataCoding::from_dcs(0x18), Ok(DataCoding::Ucs2)); // class 0, UCS-2
/// assert_eq!(DataCoding::Ucs2.dcs(), 0x08);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataCoding {
    /// GSM 7-bit, packed: TP-UDL counts septets.
    Gsm7,
    /// 8-bit data: TP-UDL counts octets; returned as bytes, not text.
    EightBit,
    /// UCS-2 (read as UTF-16BE): TP-UDL counts octets.
    Ucs2,
}

impl DataCoding {
    /// The plain TP-DCS septet writes (and SMPP `data_coding`): 0x00, 0x04 or 0x08.
    ///
    /// ```
    /// assert_eq!(septet::DataCoding::Gsm7.dcs(), 0x00);
    /// ```
    pub const fn dcs(self) -> u8 {
        match self {
            DataCoding::Gsm7 => 0x00,
            DataCoding::EightBit => 0x04,
            DataCoding::Ucs2 => 0x08,
        }
    }

    /// The name result objects use: `"GSM-7"`, `"8-bit"` or `"UCS-2"`.
    ///
    /// ```
    /// assert_eq!(septet::DataCoding::EightBit.name(), "8-bit");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            DataCoding::Gsm7 => "GSM-7",
            DataCoding::EightBit => "8-bit",
            DataCoding::Ucs2 => "UCS-2",
        }
    }

    /// The alphabet of a TP-DCS octet. Groups read: general data coding 00xx and automatic
    /// deletion 01xx (bits 3–2; compressed text is refused), message waiting 1100/1101 (GSM-7)
    /// and 1110 (UCS-2), and data coding/message class 1111 (bit 2). Reserved codings (the
    /// alphabet value 11 of groups 00xx/01xx, and the groups 1000–1011) are read as the GSM 7
    /// bit default alphabet, as TS 23.038 §4 tells a receiver to;
    /// [`is_reserved`](DataCoding::is_reserved) tells them apart, and decoding reports them
    /// ([`DecodeWarning::ReservedDataCoding`](crate::DecodeWarning::ReservedDataCoding)).
    ///
    /// ```
    /// use septet::{DataCoding, PduError};
    /// assert_eq!(DataCoding::from_dcs(0x04), Ok(DataCoding::EightBit));
    /// assert_eq!(DataCoding::from_dcs(0xE0), Ok(DataCoding::Ucs2));
    /// assert_eq!(DataCoding::from_dcs(0x0C), Ok(DataCoding::Gsm7)); // reserved: the default
    /// assert_eq!(DataCoding::from_dcs(0x20), Err(PduError::UnsupportedDataCoding { dcs: 0x20 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`PduError::UnsupportedDataCoding`] for compressed text (TS 23.042), which septet does
    /// not decompress.
    pub const fn from_dcs(dcs: u8) -> Result<DataCoding, PduError> {
        match dcs >> 4 {
            0x0..=0x7 => {
                if dcs & 0x20 != 0 {
                    return Err(PduError::UnsupportedDataCoding { dcs });
                }
                match (dcs >> 2) & 0x03 {
                    1 => Ok(DataCoding::EightBit),
                    2 => Ok(DataCoding::Ucs2),
                    // 0, and the reserved 3 (TS 23.038 §4: assume the default alphabet).
                    _ => Ok(DataCoding::Gsm7),
                }
            }
            0xE => Ok(DataCoding::Ucs2),
            0xF if dcs & 0x04 != 0 => Ok(DataCoding::EightBit),
            // Message waiting 1100/1101, group 1111 with bit 2 clear, and the reserved groups
            // 1000-1011 (assumed to be the default alphabet).
            _ => Ok(DataCoding::Gsm7),
        }
    }

    /// Whether a TP-DCS octet is a reserved coding: the alphabet value 11 of the general and
    /// automatic-deletion groups, or one of the reserved groups 1000–1011. Uncompressed
    /// reserved codings are read as GSM 7-bit (see [`from_dcs`](DataCoding::from_dcs)).
    ///
    /// ```
    /// use septet::DataCoding;
    /// assert!(DataCoding::is_reserved(0x0C) && DataCoding::is_reserved(0x80));
    /// assert!(!DataCoding::is_reserved(0x08) && !DataCoding::is_reserved(0xF0));
    /// ```
    pub const fn is_reserved(dcs: u8) -> bool {
        match dcs >> 4 {
            0x0..=0x7 => (dcs >> 2) & 0x03 == 3,
            0x8..=0xB => true,
            _ => false,
        }
    }

    /// The largest TP-UDL: 160 septets, or 140 octets.
    ///
    /// ```
    /// assert_eq!(septet::DataCoding::Ucs2.max_udl(), 140);
    /// ```
    pub const fn max_udl(self) -> usize {
        match self {
            DataCoding::Gsm7 => 160,
            _ => 140,
        }
    }

    /// Octets of TP-UD that a TP-UDL of `udl` occupies: ⌈7·udl/8⌉ for GSM-7, `udl` otherwise.
    ///
    /// ```
    /// assert_eq!(septet::DataCoding::Gsm7.user_data_octets(160), 140);
    /// ```
    pub const fn user_data_octets(self, udl: usize) -> usize {
        match self {
            DataCoding::Gsm7 => (7 * udl).div_ceil(8),
            _ => udl,
        }
    }
}

impl fmt::Display for DataCoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dcs_value() {
        for dcs in 0..=255u8 {
            let expected = match dcs {
                0x00..=0x7F if dcs & 0x20 != 0 => None,
                // Alphabet 11 is reserved: read as the default alphabet (TS 23.038 §4).
                0x00..=0x7F => [
                    Some(DataCoding::Gsm7),
                    Some(DataCoding::EightBit),
                    Some(DataCoding::Ucs2),
                    Some(DataCoding::Gsm7),
                ][usize::from((dcs >> 2) & 3)],
                // The reserved groups 1000-1011: the default alphabet too.
                0x80..=0xBF => Some(DataCoding::Gsm7),
                0xC0..=0xDF => Some(DataCoding::Gsm7),
                0xE0..=0xEF => Some(DataCoding::Ucs2),
                _ if dcs & 4 == 0 => Some(DataCoding::Gsm7),
                _ => Some(DataCoding::EightBit),
            };
            assert_eq!(DataCoding::from_dcs(dcs).ok(), expected, "0x{dcs:02X}");
            let reserved = match dcs {
                0x00..=0x7F => (dcs >> 2) & 3 == 3,
                0x80..=0xBF => true,
                _ => false,
            };
            assert_eq!(DataCoding::is_reserved(dcs), reserved, "0x{dcs:02X}");
        }
    }
}
