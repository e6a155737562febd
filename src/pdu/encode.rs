//! A message's parts as owned bytes (`alloc`): the object of the contract's section 8.

use alloc::vec::Vec;

use super::address::Address;
use super::part::{
    encode_part_into, submit_tpdu_into, Gsm7Text, PartCoding, SmppPacking,
    MAX_SHORT_MESSAGE_OCTETS, MAX_SUBMIT_OCTETS, MAX_USER_DATA_OCTETS,
};
use super::udh::{ConcatInfo, ReferenceBits, Udh};
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
        with_part(text, coding, concat, packing, destination, |part| {
            part.to_encoded_part()
        })
    }
}

/// One encoded part in borrowed buffers: the fields of [`EncodedPart`] without owning them,
/// for writers that copy the bytes straight into their output
/// ([`PreparedMessage::encode_each`](crate::PreparedMessage::encode_each)).
///
/// ```
/// let text = "a".repeat(200);
/// let prepared = septet::PreparedMessage::new(septet::split(&text, &Default::default())?)?;
/// let mut headers = Vec::new();
/// prepared.encode_each(&Default::default(), |part| headers.push(septet::encode_hex(part.udh)))?;
/// assert_eq!(headers, ["050003000201", "050003000202"]);
/// # Ok::<(), septet::EncodeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartView<'a> {
    /// The header octets, UDHL included; empty when none.
    pub udh: &'a [u8],
    /// TP-UD (header, fill bits, text).
    pub user_data: &'a [u8],
    /// TP-UDL.
    pub udl: u8,
    /// TP-DCS.
    pub dcs: u8,
    /// TP-UDHI.
    pub udhi: bool,
    /// SMPP `data_coding`.
    pub data_coding: u8,
    /// SMPP `esm_class`.
    pub esm_class: u8,
    /// SMPP `short_message`.
    pub short_message: &'a [u8],
    /// SMPP SAR TLV values (the `sar` concatenation), else `None`.
    pub sar: Option<ConcatInfo>,
    /// The SMS-SUBMIT TPDU led by `00`, when a destination was given.
    pub tpdu: Option<&'a [u8]>,
}

impl PartView<'_> {
    /// The part as owned bytes.
    ///
    /// ```
    /// let prepared = septet::PreparedMessage::new(septet::split("Hello", &Default::default())?)?;
    /// let mut parts = Vec::new();
    /// prepared.encode_each(&Default::default(), |part| parts.push(part.to_encoded_part()))?;
    /// assert_eq!(parts, septet::encode("Hello", &Default::default(), &Default::default())?.parts);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn to_encoded_part(&self) -> EncodedPart {
        EncodedPart {
            udh: self.udh.to_vec(),
            user_data: self.user_data.to_vec(),
            udl: self.udl,
            dcs: self.dcs,
            udhi: self.udhi,
            smpp: Smpp {
                data_coding: self.data_coding,
                esm_class: self.esm_class,
                short_message: self.short_message.to_vec(),
                sar: self.sar,
            },
            tpdu: self.tpdu.map(<[u8]>::to_vec),
        }
    }
}

/// Encodes one part into buffers on the stack and hands it to `f` (what [`EncodedPart::new`]
/// owns, borrowed).
pub(crate) fn with_part<R>(
    text: &str,
    coding: PartCoding,
    concat: Option<ConcatInfo>,
    packing: SmppPacking,
    destination: Option<&Address>,
    f: impl FnOnce(PartView<'_>) -> R,
) -> Result<R, PduError> {
    let mut buffer = [0u8; MAX_USER_DATA_OCTETS];
    let mut unpacked = [0u8; MAX_SHORT_MESSAGE_OCTETS];
    let (info, short_message_octets, short_message_unpacked) = match coding {
        PartCoding::Gsm7(alphabet) => {
            let part = Gsm7Text::new(text, Udh::new(concat, alphabet))?;
            let info = part.write_packed(&mut buffer)?;
            match packing {
                SmppPacking::Unpacked => (info, part.write_unpacked(&mut unpacked)?, true),
                SmppPacking::Packed => (info, info.user_data_octets, false),
            }
        }
        PartCoding::Ucs2 => {
            let info = encode_part_into(text, coding, concat, &mut buffer)?;
            (info, info.user_data_octets, false)
        }
    };
    let user_data = &buffer[..info.user_data_octets];
    let short_message = if short_message_unpacked {
        &unpacked[..short_message_octets]
    } else {
        &buffer[..short_message_octets]
    };
    let mut tpdu_buffer = [0u8; MAX_SUBMIT_OCTETS];
    let tpdu = match destination {
        Some(address) => {
            let n = submit_tpdu_into(address, &info, user_data, &mut tpdu_buffer)?;
            Some(&tpdu_buffer[..n])
        }
        None => None,
    };
    Ok(f(PartView {
        udh: &user_data[..info.udh_octets],
        user_data,
        udl: info.udl,
        dcs: info.dcs,
        udhi: info.udhi,
        data_coding: info.dcs,
        esm_class: info.esm_class(),
        short_message,
        sar: None,
        tpdu,
    }))
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
