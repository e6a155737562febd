//! How the parts of a multi-part message are tied together (the `concat` option).

use core::fmt;
use core::str::FromStr;

use crate::charset::{parse_name, UnknownName};

/// How a multi-part message is concatenated, which decides what each part carries and so how
/// much text it holds (pdu-encoding contract, section 3.2).
///
/// | concat | each part of a long message carries | counted as | GSM-7 / UCS-2 per part |
/// |---|---|---|---|
/// | `udh8` (default) | IE 0x00, 8-bit reference | itself | 153 / 67 |
/// | `udh16` | IE 0x08, 16-bit reference | itself | 152 / 66 |
/// | `sar` | no concatenation IE (SMPP `sar_*` TLVs) | `udh16` (the SMSC may add IE 0x08) | 152 / 66 |
/// | `payload` | nothing: one SMPP `message_payload`, the SMSC splits | `udh8` | 153 / 67 |
///
/// A message that fits in one part carries no concatenation information whatever this says.
///
/// ```
/// use septet::{analyze_with, Concat, Options};
///
/// assert_eq!("udh16".parse::<Concat>(), Ok(Concat::Udh16));
/// let text = "a".repeat(161);
/// let a = analyze_with(&text, &Options::default().with_concat(Concat::Udh16))?;
/// assert_eq!((a.parts, a.units_per_part, a.concat), (2, 152, Concat::Udh16));
/// # Ok::<(), septet::Error>(())
/// ```
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Concat {
    /// UDH IE 0x00 with an 8-bit reference (6 octets of header with UDHL): what handsets send.
    #[default]
    Udh8,
    /// UDH IE 0x08 with a 16-bit reference (7 octets of header with UDHL).
    Udh16,
    /// SMPP `sar_msg_ref_num` / `sar_total_segments` / `sar_segment_seqnum` TLVs instead of a
    /// concatenation IE; counted with the `udh16` capacities.
    Sar,
    /// One SMPP `message_payload` TLV with the whole text; the SMSC splits it. Counted as `udh8`.
    Payload,
}

impl Concat {
    /// Every value, in the order of [`Concat::NAMES`].
    pub const ALL: [Concat; 4] = [Concat::Udh8, Concat::Udh16, Concat::Sar, Concat::Payload];

    /// The names accepted by [`FromStr`] and printed by [`Display`](fmt::Display).
    ///
    /// ```
    /// assert_eq!(septet::Concat::NAMES, ["udh8", "udh16", "sar", "payload"]);
    /// ```
    pub const NAMES: [&'static str; 4] = ["udh8", "udh16", "sar", "payload"];

    /// The name of this value, as accepted by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(septet::Concat::Sar.name(), "sar");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Concat::Udh8 => Self::NAMES[0],
            Concat::Udh16 => Self::NAMES[1],
            Concat::Sar => Self::NAMES[2],
            Concat::Payload => Self::NAMES[3],
        }
    }

    /// The width of the concatenation reference: 8 for `udh8`, 16 for `udh16` and `sar`, and
    /// `None` for `payload` (the sender gives no reference).
    ///
    /// ```
    /// use septet::Concat;
    /// assert_eq!(Concat::Sar.reference_bits(), Some(16));
    /// assert_eq!(Concat::Payload.reference_bits(), None);
    /// ```
    pub fn reference_bits(self) -> Option<u8> {
        match self {
            Concat::Udh8 => Some(8),
            Concat::Udh16 | Concat::Sar => Some(16),
            Concat::Payload => None,
        }
    }
}

impl fmt::Display for Concat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Concat {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_name(s, &Self::NAMES, &Self::ALL, "concat")
    }
}
