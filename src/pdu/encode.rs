//! A message's parts as owned bytes (`alloc`): the object of the contract's section 8.

use alloc::vec::Vec;

use super::address::Address;
use super::part::{
    encode_part_into, submit_tpdu_into, write_gsm7, PartCoding, SmppPacking,
    MAX_SHORT_MESSAGE_OCTETS, MAX_SUBMIT_OCTETS, MAX_USER_DATA_OCTETS,
};
use super::udh::{ConcatInfo, ReferenceBits};
use super::PduError;

/// SMPP `submit_sm` fields of one part.
///
/// ```
/// use septet::{encode_parts, Alphabet, PartCoding, SmppPacking};
/// let parts = encode_parts(&["Hello"], PartCoding::Gsm7(Alphabet::DEFAULT), ReferenceBits::Eight, 0, SmppPacking::Unpacked, None)?;
/// # use septet::ReferenceBits;
/// assert_eq!(parts[0].smpp.short_message, b"Hello");
/// assert_eq!((parts[0].smpp.data_coding, parts[0].smpp.esm_class), (0, 0));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Smpp {
    /// `data_coding`: 0x00 (SMSC default alphabet) or 0x08 (UCS-2).
    pub data_coding: u8,
    /// `esm_class`: 0x40 (UDHI) with a header, else 0x00.
    pub esm_class: u8,
    /// `short_message` (its length is `sm_length`).
    pub short_message: Vec<u8>,
    /// With the `sar` concatenation: `sar_msg_ref_num` (`reference`), `sar_total_segments`
    /// (`total`) and `sar_segment_seqnum` (`sequence`), sent as TLVs instead of a header IE;
    /// `None` otherwise.
    pub sar: Option<ConcatInfo>,
}

/// One encoded part: the fields of the contract's `encoded_parts` objects.
///
/// ```
/// use septet::{encode_hex, encode_parts, Alphabet, PartCoding, ReferenceBits, SmppPacking};
/// let parts = encode_parts(&["hello", "hello"], PartCoding::Gsm7(Alphabet::DEFAULT),
///     ReferenceBits::Eight, 0, SmppPacking::Unpacked, None)?;
/// assert_eq!(encode_hex(&parts[0].udh), "050003000201");
/// assert_eq!((parts[0].udl, parts[0].dcs, parts[0].udhi), (12, 0, true));
/// assert_eq!(parts[1].udh, [0x05, 0x00, 0x03, 0x00, 0x02, 0x02]);
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EncodedPart {
    /// The header octets, UDHL included; empty when none.
    pub udh: Vec<u8>,
    /// TP-UD (header, fill bits, text) as section 4 builds it.
    pub user_data: Vec<u8>,
    /// TP-UDL: septets for GSM-7 (header included), octets for UCS-2.
    pub udl: u8,
    /// TP-DCS.
    pub dcs: u8,
    /// TP-UDHI.
    pub udhi: bool,
    /// SMPP fields.
    pub smpp: Smpp,
    /// The SMS-SUBMIT TPDU led by `00`, when a destination was given.
    pub tpdu: Option<Vec<u8>>,
}

impl EncodedPart {
    /// Encodes one part (see [`encode_part_into`]) and its SMPP and TPDU forms.
    ///
    /// ```
    /// use septet::{EncodedPart, PartCoding, SmppPacking};
    /// let part = EncodedPart::new("Hi", PartCoding::Ucs2, None, SmppPacking::Unpacked, None)?;
    /// assert_eq!(part.user_data, [0x00, 0x48, 0x00, 0x69]);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`encode_part_into`].
    pub fn new(
        text: &str,
        coding: PartCoding,
        concat: Option<ConcatInfo>,
        packing: SmppPacking,
        destination: Option<&Address>,
    ) -> Result<EncodedPart, PduError> {
        let mut buffer = [0u8; MAX_USER_DATA_OCTETS];
        let (info, short_message) = match coding {
            PartCoding::Gsm7(alphabet) => {
                let mut unpacked = [0u8; MAX_SHORT_MESSAGE_OCTETS];
                let part = write_gsm7(text, alphabet, concat, &mut unpacked, &mut buffer)?;
                let short_message = match packing {
                    SmppPacking::Unpacked => unpacked[..part.unpacked_octets].to_vec(),
                    SmppPacking::Packed => buffer[..part.info.user_data_octets].to_vec(),
                };
                (part.info, short_message)
            }
            PartCoding::Ucs2 => {
                let info = encode_part_into(text, coding, concat, &mut buffer)?;
                (info, buffer[..info.user_data_octets].to_vec())
            }
        };
        let user_data = &buffer[..info.user_data_octets];
        let tpdu = match destination {
            Some(address) => {
                let mut tpdu = [0u8; MAX_SUBMIT_OCTETS];
                let n = submit_tpdu_into(address, &info, user_data, &mut tpdu)?;
                Some(tpdu[..n].to_vec())
            }
            None => None,
        };
        Ok(EncodedPart {
            udh: user_data[..info.udh_octets].to_vec(),
            user_data: user_data.to_vec(),
            udl: info.udl,
            dcs: info.dcs,
            udhi: info.udhi,
            smpp: Smpp {
                data_coding: info.dcs,
                esm_class: info.esm_class(),
                short_message,
                sar: None,
            },
            tpdu,
        })
    }
}

/// Encodes a message already cut into parts: every part in `coding`, with a concatenation IE
/// of `bits` and `reference` when there is more than one part.
///
/// ```
/// use septet::{encode_parts, Alphabet, PartCoding, ReferenceBits, SmppPacking};
/// let parts = encode_parts(&["hellohello"], PartCoding::Gsm7(Alphabet::DEFAULT),
///     ReferenceBits::Eight, 0, SmppPacking::Packed, None)?;
/// assert_eq!(parts[0].user_data, [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37]);
/// assert!(!parts[0].udhi);
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// As [`encode_part_into`]; [`PduError::BadConcat`] for more than 255 parts or a reference that
/// does not fit `bits`.
pub fn encode_parts<S: AsRef<str>>(
    parts: &[S],
    coding: PartCoding,
    bits: ReferenceBits,
    reference: u16,
    packing: SmppPacking,
    destination: Option<&Address>,
) -> Result<Vec<EncodedPart>, PduError> {
    let total = parts.len();
    if total > 255 {
        return Err(PduError::BadConcat {
            reason: "more than 255 parts",
        });
    }
    if u32::from(reference) >= bits.references() {
        return Err(PduError::BadConcat {
            reason: "reference does not fit an 8-bit concatenation IE",
        });
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let concat = (total > 1).then_some(ConcatInfo {
                reference,
                total: total as u8,
                sequence: i as u8 + 1,
                bits,
            });
            EncodedPart::new(text.as_ref(), coding, concat, packing, destination)
        })
        .collect()
}
