//! Errors of encoding to and decoding from bytes.

use core::fmt;

/// What went wrong building or reading SMS bytes. Every malformed input gives one of these;
/// nothing panics and nothing reads past the end of its input.
///
/// ```
/// use septet::{unpack_septets, PduError};
///
/// // 10 septets need 9 octets; 3 are present.
/// let err = unpack_septets(&[0xC8, 0x32, 0x9B], 0, 10, &mut [0u8; 10]).unwrap_err();
/// assert_eq!(err, PduError::UserDataTooShort { needed: 9, available: 3 });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PduError {
    /// An output buffer is too small for what must be written.
    BufferTooSmall {
        /// Octets needed.
        needed: usize,
        /// Octets available.
        available: usize,
    },
    /// Fill bits must be 0–7.
    FillBits {
        /// The value given.
        fill_bits: u8,
    },
    /// The user data (TP-UDL, or the header) needs more octets than are present.
    UserDataTooShort {
        /// Octets the TP-UDL (or header) needs.
        needed: usize,
        /// Octets present.
        available: usize,
    },
    /// The UDHL counts more octets than the user data holds.
    HeaderPastEnd {
        /// Octets of header the UDHL announces (UDHL + 1).
        header_octets: usize,
        /// Octets of user data present (or announced by TP-UDL, if fewer).
        available: usize,
    },
    /// An information element's length runs past the end of the header.
    ElementPastEnd {
        /// The information element identifier.
        iei: u8,
        /// Offset of the element in the header (after UDHL).
        offset: usize,
    },
    /// TP-UDHI is set but there is no user data to hold a header.
    MissingHeader,
    /// A TP-DCS value whose alphabet is reserved or compressed: the text cannot be read.
    UnsupportedDataCoding {
        /// The TP-DCS octet.
        dcs: u8,
    },
    /// TP-UDL is larger than the maximum for the alphabet (160 septets, 140 octets).
    UserDataLength {
        /// The TP-UDL given.
        udl: usize,
        /// The largest allowed.
        max: usize,
    },
    /// The TPDU ends before a field it must have.
    Truncated {
        /// The field that is missing or cut.
        field: &'static str,
    },
    /// The TPDU has octets left after its user data, under every reading tried.
    TrailingOctets {
        /// Octets left over (under the SMSC-less reading).
        extra: usize,
    },
    /// A TPDU type this decoder does not read (only SMS-DELIVER and SMS-SUBMIT).
    UnsupportedMessageType {
        /// The first octet of the TPDU.
        first_octet: u8,
    },
    /// An address field that is not a valid one.
    BadAddress {
        /// Why.
        reason: &'static str,
    },
    /// A character the chosen alphabet cannot write.
    NotEncodable {
        /// The character.
        character: char,
    },
    /// More text than one part can carry with its header.
    PartTooLong {
        /// Units (septets, or octets for UCS-2) the text needs.
        needed: usize,
        /// Units the part has room for.
        capacity: usize,
    },
    /// A concatenation reference or sequence that does not fit the chosen form.
    BadConcat {
        /// Why.
        reason: &'static str,
    },
    /// The charset profile counts a character differently from the GSM 03.38 bytes that would
    /// carry it (the `ascii7` profile's `{`, `` ` ``, ...): encoding would break the count.
    ProfileMismatch {
        /// The character.
        character: char,
    },
    /// Hex input with an odd length or a character that is not a hex digit.
    BadHex {
        /// Offset of the offending character (the length, for an odd length).
        offset: usize,
    },
}

impl fmt::Display for PduError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PduError::BufferTooSmall { needed, available } => write!(
                f,
                "output buffer too small: {needed} octets needed, {available} available"
            ),
            PduError::FillBits { fill_bits } => {
                write!(f, "fill bits must be 0 to 7, not {fill_bits}")
            }
            PduError::UserDataTooShort { needed, available } => write!(
                f,
                "user data too short: TP-UDL needs {needed} octets, {available} present"
            ),
            PduError::HeaderPastEnd {
                header_octets,
                available,
            } => write!(
                f,
                "UDHL announces {header_octets} header octets, only {available} octets of user data"
            ),
            PduError::ElementPastEnd { iei, offset } => write!(
                f,
                "information element 0x{iei:02X} at header offset {offset} runs past the end of the header"
            ),
            PduError::MissingHeader => {
                f.write_str("TP-UDHI is set but the user data is empty")
            }
            PduError::UnsupportedDataCoding { dcs } => write!(
                f,
                "TP-DCS 0x{dcs:02X}: reserved or compressed alphabet, cannot be decoded"
            ),
            PduError::UserDataLength { udl, max } => {
                write!(f, "TP-UDL {udl} exceeds the maximum {max}")
            }
            PduError::Truncated { field } => write!(f, "TPDU truncated: no complete {field}"),
            PduError::TrailingOctets { extra } => {
                write!(f, "{extra} octets after the user data")
            }
            PduError::UnsupportedMessageType { first_octet } => write!(
                f,
                "first octet 0x{first_octet:02X}: not an SMS-DELIVER or SMS-SUBMIT"
            ),
            PduError::BadAddress { reason } => write!(f, "bad address: {reason}"),
            PduError::NotEncodable { character } => write!(
                f,
                "U+{:04X} is not in the chosen GSM 7-bit tables",
                character as u32
            ),
            PduError::PartTooLong { needed, capacity } => write!(
                f,
                "part text needs {needed} units, the part holds {capacity}"
            ),
            PduError::BadConcat { reason } => write!(f, "bad concatenation: {reason}"),
            PduError::ProfileMismatch { character } => write!(
                f,
                "U+{:04X} counts one septet in the ascii7 profile but GSM 03.38 bytes write it otherwise",
                character as u32
            ),
            PduError::BadHex { offset } => write!(f, "not hex at offset {offset}"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for PduError {}
