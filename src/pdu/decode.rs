//! Decoding: TP-UD with TP-DCS, TP-UDHI and TP-UDL, and whole SMS-DELIVER / SMS-SUBMIT TPDUs.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::pack::unpack_septets;
use super::udh::{parse_udh, HeaderNote, Udh};
use super::{DataCoding, PduError};
use crate::alphabet::Alphabet;

const ESC: u8 = 0x1B;

/// Something decoded that is not quite what was sent; the decoding still succeeded.
///
/// ```
/// use septet::{decode_user_data, DecodeWarning};
/// // "A", then ESC + 0x0D (CR2): no character.
/// let d = decode_user_data(&[0xC1, 0x4D, 0x03], 0x00, false, 3)?;
/// assert_eq!(d.text.as_deref(), Some("A"));
/// assert_eq!(d.warnings, [DecodeWarning::Cr2]);
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeWarning {
    /// Something in the header was ignored or replaced (see [`HeaderNote`]).
    Header(HeaderNote),
    /// ESC + a code that neither the single shift nor the locking table has: U+FFFD.
    UnknownShiftCode {
        /// The code after ESC.
        code: u8,
    },
    /// A locking-table code with no character (a gap of a national table): U+FFFD.
    UnknownCode {
        /// The code.
        code: u8,
    },
    /// ESC 0x0D, CR2: a control code with no character; nothing is written for it.
    Cr2,
    /// ESC as the last septet, with nothing after it: dropped.
    TrailingEscape,
    /// Half a surrogate pair with no other half: U+FFFD.
    UnpairedSurrogate {
        /// The UTF-16 unit.
        unit: u16,
    },
    /// UCS-2 user data of an odd number of octets: the last octet is ignored.
    OddOctet,
    /// A reserved TP-DCS coding, read as the GSM 7 bit default alphabet (TS 23.038 §4).
    ReservedDataCoding {
        /// The TP-DCS octet.
        dcs: u8,
    },
}

impl fmt::Display for DecodeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DecodeWarning::Header(note) => note.fmt(f),
            DecodeWarning::UnknownShiftCode { code } => write!(
                f,
                "ESC 0x{code:02X} has no character in the single shift or locking table; decoded as U+FFFD"
            ),
            DecodeWarning::UnknownCode { code } => write!(
                f,
                "septet 0x{code:02X} has no character in the locking table; decoded as U+FFFD"
            ),
            DecodeWarning::Cr2 => f.write_str("CR2 (ESC 0x0D) has no character; skipped"),
            DecodeWarning::TrailingEscape => f.write_str("ESC at the end of the text; dropped"),
            DecodeWarning::UnpairedSurrogate { unit } => {
                write!(f, "unpaired surrogate U+{unit:04X}; decoded as U+FFFD")
            }
            DecodeWarning::ReservedDataCoding { dcs } => write!(
                f,
                "TP-DCS 0x{dcs:02X} is a reserved coding; read as the GSM 7 bit default alphabet"
            ),
            DecodeWarning::OddOctet => {
                f.write_str("UCS-2 user data of an odd length; last octet ignored")
            }
        }
    }
}

/// Decoded TP-UD: the header it carried, and its text (or bytes, for 8-bit data).
///
/// ```
/// use septet::decode_user_data;
/// let d = decode_user_data(&[0x05, 0x00, 0x03, 0x00, 0x02, 0x01,
///     0xD0, 0x65, 0x36, 0xFB, 0x8D, 0x2E, 0xB3, 0xD9, 0x6F], 0x00, true, 17)?;
/// assert_eq!(d.text.as_deref(), Some("hellohello"));
/// assert_eq!(d.udh.concat.map(|c| (c.total, c.sequence)), Some((2, 1)));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodedUserData {
    /// The alphabet TP-DCS names.
    pub coding: DataCoding,
    /// What the header selects (empty without one).
    pub udh: Udh,
    /// The header's octets (UDHL included), as received.
    pub header: Vec<u8>,
    /// The text (GSM-7, UCS-2); `None` for 8-bit data.
    pub text: Option<String>,
    /// The payload of 8-bit data; `None` for text.
    pub data: Option<Vec<u8>>,
    /// What was not quite right, in order.
    pub warnings: Vec<DecodeWarning>,
    /// The text as UTF-16 units, before lone surrogates are replaced (reassembly joins these).
    pub(crate) units: Vec<u16>,
}

impl DecodedUserData {
    /// The alphabet the text was read with (the default for UCS-2 and 8-bit data).
    ///
    /// ```
    /// let d = septet::decode_user_data(&[0x03, 0x24, 0x01, 0x01, 0xD8, 0x1C, 0x37, 0xF3, 0x30], 0, true, 10)?;
    /// assert_eq!(d.alphabet().single(), Some(septet::Language::Turkish));
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn alphabet(&self) -> Alphabet {
        match self.coding {
            DataCoding::Gsm7 => self.udh.alphabet(),
            _ => Alphabet::DEFAULT,
        }
    }
}

/// UTF-16 units → text, lone surrogates replaced by U+FFFD and reported.
pub(crate) fn units_to_text(units: &[u16], warnings: &mut Vec<DecodeWarning>) -> String {
    let mut text = String::with_capacity(units.len());
    for result in char::decode_utf16(units.iter().copied()) {
        match result {
            Ok(c) => text.push(c),
            Err(e) => {
                warnings.push(DecodeWarning::UnpairedSurrogate {
                    unit: e.unpaired_surrogate(),
                });
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    text
}

/// GSM 7-bit septets → UTF-16 units (every table character is in the BMP).
fn septets_to_units(
    septets: &[u8],
    alphabet: Alphabet,
    warnings: &mut Vec<DecodeWarning>,
) -> Vec<u16> {
    let mut units = Vec::with_capacity(septets.len());
    let mut i = 0;
    while i < septets.len() {
        let code = septets[i];
        if code != ESC {
            match alphabet.decode(code) {
                Some(c) => units.push(c as u16),
                None => {
                    warnings.push(DecodeWarning::UnknownCode { code });
                    units.push(0xFFFD);
                }
            }
            i += 1;
            continue;
        }
        let Some(&code) = septets.get(i + 1) else {
            warnings.push(DecodeWarning::TrailingEscape);
            break;
        };
        i += 2;
        match code {
            ESC => units.push(u16::from(b' ')),
            0x0D if alphabet.single_table().char_at(0x0D).is_none() => {
                warnings.push(DecodeWarning::Cr2)
            }
            _ => match alphabet.decode_shifted(code) {
                Some(c) => units.push(c as u16),
                None => {
                    warnings.push(DecodeWarning::UnknownShiftCode { code });
                    units.push(0xFFFD);
                }
            },
        }
    }
    units
}

/// Decodes TP-UD given TP-DCS, TP-UDHI and TP-UDL (from an SMPP `deliver_sm` or a modem).
/// Octets past what TP-UDL covers are ignored.
///
/// ```
/// let d = septet::decode_user_data(&[0x00, 0x54, 0x00, 0x6F, 0xD8, 0x3D, 0xDE, 0x00], 0x08, false, 8)?;
/// assert_eq!(d.text.as_deref(), Some("To😀"));
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// [`PduError::UnsupportedDataCoding`], [`PduError::UserDataLength`] (TP-UDL above 160/140),
/// [`PduError::UserDataTooShort`] (TP-UDL needs more octets than present),
/// [`PduError::MissingHeader`], [`PduError::HeaderPastEnd`], [`PduError::ElementPastEnd`].
pub fn decode_user_data(
    user_data: &[u8],
    dcs: u8,
    udhi: bool,
    udl: usize,
) -> Result<DecodedUserData, PduError> {
    let coding = DataCoding::from_dcs(dcs)?;
    if udl > coding.max_udl() {
        return Err(PduError::UserDataLength {
            udl,
            max: coding.max_udl(),
        });
    }
    let needed = coding.user_data_octets(udl);
    let ud = user_data.get(..needed).ok_or(PduError::UserDataTooShort {
        needed,
        available: user_data.len(),
    })?;
    let mut warnings = Vec::new();
    if DataCoding::is_reserved(dcs) {
        warnings.push(DecodeWarning::ReservedDataCoding { dcs });
    }
    let (udh, header_octets) = if udhi {
        if ud.is_empty() {
            return Err(PduError::MissingHeader);
        }
        let parsed = parse_udh(ud)?;
        warnings.extend(parsed.notes.iter().map(|&n| DecodeWarning::Header(n)));
        (parsed.udh, parsed.octets)
    } else {
        (Udh::default(), 0)
    };
    let header = ud[..header_octets].to_vec();
    let mut decoded = DecodedUserData {
        coding,
        udh,
        header,
        text: None,
        data: None,
        warnings: Vec::new(),
        units: Vec::new(),
    };
    match coding {
        DataCoding::Gsm7 => {
            let header_septets = (8 * header_octets).div_ceil(7);
            if header_septets > udl {
                return Err(PduError::HeaderPastEnd {
                    header_octets,
                    available: udl * 7 / 8,
                });
            }
            let fill = (7 * header_septets - 8 * header_octets) as u8;
            let count = udl - header_septets;
            let mut septets = [0u8; 160];
            unpack_septets(&ud[header_octets..], fill, count, &mut septets)?;
            decoded.units = septets_to_units(&septets[..count], udh.alphabet(), &mut warnings);
            decoded.text = Some(
                decoded
                    .units
                    .iter()
                    .map(|&u| char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}'))
                    .collect(),
            );
        }
        DataCoding::Ucs2 => {
            let body = &ud[header_octets..];
            if body.len() % 2 == 1 {
                warnings.push(DecodeWarning::OddOctet);
            }
            decoded.units = body
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            decoded.text = Some(units_to_text(&decoded.units, &mut warnings));
        }
        DataCoding::EightBit => decoded.data = Some(ud[header_octets..].to_vec()),
    }
    decoded.warnings = warnings;
    Ok(decoded)
}

/// Which TPDU was decoded.
///
/// ```
/// assert_eq!(septet::MessageKind::Deliver.name(), "SMS-DELIVER");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// SMS-DELIVER (to the handset): the address is the originator.
    Deliver,
    /// SMS-SUBMIT (from the handset): the address is the destination.
    Submit,
}

impl MessageKind {
    /// `"SMS-DELIVER"` or `"SMS-SUBMIT"`.
    ///
    /// ```
    /// assert_eq!(septet::MessageKind::Submit.name(), "SMS-SUBMIT");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            MessageKind::Deliver => "SMS-DELIVER",
            MessageKind::Submit => "SMS-SUBMIT",
        }
    }
}

/// A decoded SMS-DELIVER or SMS-SUBMIT TPDU.
///
/// ```
/// let pdu = septet::decode_hex("0001000C9194711032547600000" .to_owned() + "5C8329BFD06")?;
/// let d = septet::decode_tpdu(&pdu)?;
/// assert_eq!((d.kind, d.address.as_str()), (septet::MessageKind::Submit, "+491701234567"));
/// assert_eq!(d.user_data.text.as_deref(), Some("Hello"));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodedTpdu {
    /// SMS-DELIVER or SMS-SUBMIT.
    pub kind: MessageKind,
    /// The SMSC address when the TPDU was led by one (`Some("")` for the `00` of "use the
    /// SIM's SMSC"); `None` when it was not.
    pub smsc: Option<String>,
    /// The originator (SMS-DELIVER) or destination (SMS-SUBMIT) address: digits with `+` when
    /// international, or the text of an alphanumeric address.
    pub address: String,
    /// TP-PID.
    pub pid: u8,
    /// TP-DCS.
    pub dcs: u8,
    /// TP-UDHI.
    pub udhi: bool,
    /// TP-UDL.
    pub udl: u8,
    /// TP-MR of an SMS-SUBMIT.
    pub message_reference: Option<u8>,
    /// TP-SCTS of an SMS-DELIVER, as its 7 semi-octet-swapped octets.
    pub timestamp: Option<[u8; 7]>,
    /// The decoded user data.
    pub user_data: DecodedUserData,
}

/// Reads hex (either case) into octets.
///
/// ```
/// assert_eq!(septet::decode_hex("0aFF")?, [0x0A, 0xFF]);
/// assert_eq!(septet::decode_hex("0g"), Err(septet::PduError::BadHex { offset: 1 }));
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// [`PduError::BadHex`] for an odd length or a character that is not a hex digit.
pub fn decode_hex(hex: impl AsRef<str>) -> Result<Vec<u8>, PduError> {
    let hex = hex.as_ref().as_bytes();
    let digit = |i: usize| -> Result<u8, PduError> {
        match hex[i] {
            b @ b'0'..=b'9' => Ok(b - b'0'),
            b @ b'a'..=b'f' => Ok(b - b'a' + 10),
            b @ b'A'..=b'F' => Ok(b - b'A' + 10),
            _ => Err(PduError::BadHex { offset: i }),
        }
    };
    let mut out = Vec::with_capacity(hex.len() / 2);
    for i in (0..hex.len() / 2).map(|k| 2 * k) {
        out.push(digit(i)? << 4 | digit(i + 1)?);
    }
    if hex.len() % 2 == 1 {
        digit(hex.len() - 1)?;
        return Err(PduError::BadHex { offset: hex.len() });
    }
    Ok(out)
}

/// Writes octets as upper-case hex.
///
/// ```
/// assert_eq!(septet::encode_hex(&[0x0A, 0xFF]), "0AFF");
/// ```
pub fn encode_hex(octets: &[u8]) -> String {
    let mut out = Vec::with_capacity(2 * octets.len());
    encode_hex_into(octets, &mut out);
    // Every byte written is an ASCII hex digit.
    let hex = String::from_utf8(out);
    debug_assert!(hex.is_ok(), "hex digits are ASCII");
    hex.unwrap_or_default()
}

/// The two upper-case hex digits of every octet value.
static HEX_PAIRS: [[u8; 2]; 256] = {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut pairs = [[0u8; 2]; 256];
    let mut b = 0;
    while b < 256 {
        pairs[b] = [DIGITS[b >> 4], DIGITS[b & 0x0F]];
        b += 1;
    }
    pairs
};

/// Appends octets as upper-case hex (ASCII digits) to `out`: [`encode_hex`] without the
/// allocation, for writers that build a line of JSON or text in one buffer.
///
/// ```
/// let mut line = b"user_data=".to_vec();
/// septet::encode_hex_into(&[0xC8, 0x32, 0x9B], &mut line);
/// assert_eq!(line, b"user_data=C8329B");
/// ```
pub fn encode_hex_into(octets: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + 2 * octets.len(), 0);
    for (pair, &b) in out[start..].chunks_exact_mut(2).zip(octets) {
        pair.copy_from_slice(&HEX_PAIRS[usize::from(b)]);
    }
}

/// A cursor over TPDU octets that never reads past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn octet(&mut self, field: &'static str) -> Result<u8, PduError> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or(PduError::Truncated { field })?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], PduError> {
        let slice = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(PduError::Truncated { field })?;
        self.at += n;
        Ok(slice)
    }
}

/// Digits of swapped semi-octets (F pads the end).
fn semi_octets(octets: &[u8], digits: usize, out: &mut String) -> Result<(), PduError> {
    for i in 0..digits {
        let octet = octets[i / 2];
        let nibble = if i % 2 == 0 { octet & 0x0F } else { octet >> 4 };
        out.push(match nibble {
            0..=9 => char::from(b'0' + nibble),
            0xA => '*',
            0xB => '#',
            0xC => 'a',
            0xD => 'b',
            0xE => 'c',
            _ => {
                return Err(PduError::BadAddress {
                    reason: "filler F inside the digits",
                })
            }
        });
    }
    Ok(())
}

/// TP-OA / TP-DA: digit count, type of address, semi-octets (or packed GSM-7 when
/// alphanumeric).
fn read_address(reader: &mut Reader<'_>) -> Result<String, PduError> {
    let digits = usize::from(reader.octet("address length")?);
    let toa = reader.octet("type of address")?;
    let alphanumeric = (toa >> 4) & 0x07 == 0x05;
    if digits > if alphanumeric { 22 } else { 20 } {
        return Err(PduError::BadAddress {
            reason: "longer than 20 digits (11 characters alphanumeric)",
        });
    }
    let octets = reader.take(digits.div_ceil(2), "address")?;
    let mut out = String::new();
    if alphanumeric {
        let count = octets.len() * 8 / 7;
        let mut septets = [0u8; 12];
        unpack_septets(octets, 0, count, &mut septets)?;
        let mut warnings = Vec::new();
        let units = septets_to_units(&septets[..count], Alphabet::DEFAULT, &mut warnings);
        out.extend(units.iter().filter_map(|&u| char::from_u32(u32::from(u))));
        // A last septet made only of padding bits is '@' (0x00); drop it.
        if count * 7 > digits * 4 && out.ends_with('@') {
            out.pop();
        }
    } else {
        if toa & 0x70 == 0x10 {
            out.push('+');
        }
        semi_octets(octets, digits, &mut out)?;
    }
    Ok(out)
}

/// Reads one TPDU (no SMSC address) that must end exactly at the end of `bytes`.
fn read_tpdu(bytes: &[u8], smsc: Option<String>) -> Result<DecodedTpdu, PduError> {
    let mut r = Reader { bytes, at: 0 };
    let first = r.octet("first octet")?;
    let udhi = first & 0x40 != 0;
    let (kind, message_reference, address) = match first & 0x03 {
        0x00 => (MessageKind::Deliver, None, read_address(&mut r)?),
        0x01 => {
            let mr = r.octet("TP-MR")?;
            (MessageKind::Submit, Some(mr), read_address(&mut r)?)
        }
        _ => return Err(PduError::UnsupportedMessageType { first_octet: first }),
    };
    let pid = r.octet("TP-PID")?;
    let dcs = r.octet("TP-DCS")?;
    let timestamp = match kind {
        MessageKind::Deliver => {
            let mut scts = [0u8; 7];
            scts.copy_from_slice(r.take(7, "TP-SCTS")?);
            Some(scts)
        }
        MessageKind::Submit => {
            let vp = match (first >> 3) & 0x03 {
                0b00 => 0,
                0b10 => 1,
                _ => 7,
            };
            r.take(vp, "TP-VP")?;
            None
        }
    };
    let udl = r.octet("TP-UDL")?;
    let coding = DataCoding::from_dcs(dcs)?;
    let octets = coding.user_data_octets(usize::from(udl));
    let rest = &bytes[r.at..];
    if rest.len() < octets {
        return Err(PduError::UserDataTooShort {
            needed: octets,
            available: rest.len(),
        });
    }
    if rest.len() > octets {
        return Err(PduError::TrailingOctets {
            extra: rest.len() - octets,
        });
    }
    let user_data = decode_user_data(rest, dcs, udhi, usize::from(udl))?;
    Ok(DecodedTpdu {
        kind,
        smsc,
        address,
        pid,
        dcs,
        udhi,
        udl,
        message_reference,
        timestamp,
        user_data,
    })
}

/// The SMSC address that may lead a TPDU: its length in octets, then type and semi-octets.
fn read_smsc(bytes: &[u8]) -> Result<(String, usize), PduError> {
    let mut r = Reader { bytes, at: 0 };
    let octets = usize::from(r.octet("SMSC length")?);
    let mut out = String::new();
    if octets == 0 {
        return Ok((out, 1));
    }
    let toa = r.octet("SMSC type of address")?;
    let digits = r.take(octets - 1, "SMSC address")?;
    if toa & 0x70 == 0x10 {
        out.push('+');
    }
    let mut count = 2 * digits.len();
    if digits.last().is_some_and(|&b| b >> 4 == 0x0F) {
        count -= 1;
    }
    semi_octets(digits, count, &mut out)?;
    Ok((out, 1 + octets))
}

/// Decodes a whole SMS-DELIVER or SMS-SUBMIT TPDU, with or without the SMSC address that modems
/// print first: the SMSC-led reading is tried first, and the reading that consumes every octet
/// exactly is taken.
///
/// ```
/// let pdu = septet::decode_hex("07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F")?;
/// let d = septet::decode_tpdu(&pdu)?;
/// assert_eq!(d.user_data.text.as_deref(), Some("™©®hello"));
/// assert_eq!(d.smsc.as_deref(), Some("+12063130004"));
/// assert_eq!(d.address, "+14154255486");
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// When neither reading works, the SMSC-led reading's error, unless it ran out of octets or met
/// a bad address before the user data while the bare reading got that far: then the bare
/// reading's. The errors: [`PduError::Truncated`],
/// [`PduError::TrailingOctets`], [`PduError::UnsupportedMessageType`], [`PduError::BadAddress`]
/// and those of [`decode_user_data`].
///
/// ```
/// // An SMS-DELIVER without SMSC address whose TP-UDL (8) runs past its one octet of text.
/// let pdu = septet::decode_hex("040491361900005150713220052308C8")?;
/// assert!(matches!(septet::decode_tpdu(&pdu), Err(septet::PduError::UserDataTooShort { .. })));
/// # Ok::<(), septet::PduError>(())
/// ```
pub fn decode_tpdu(bytes: &[u8]) -> Result<DecodedTpdu, PduError> {
    let led = read_smsc(bytes).and_then(|(smsc, octets)| read_tpdu(&bytes[octets..], Some(smsc)));
    match led {
        Ok(decoded) => Ok(decoded),
        Err(led_error) => read_tpdu(bytes, None).map_err(|bare_error| {
            // A led reading that ran out of octets or met a malformed address in the header
            // fields was probably the wrong reading; if the bare one got as far as the user
            // data, its error says what is wrong. (A led reading that found a TPDU type it
            // does not read, a status report say, keeps its error.)
            let led_stumbled = matches!(
                led_error,
                PduError::Truncated { .. } | PduError::BadAddress { .. }
            );
            if led_stumbled && reached_user_data(&bare_error) {
                bare_error
            } else {
                led_error
            }
        }),
    }
}

/// Whether a reading that failed with `error` had parsed every field before the user data.
fn reached_user_data(error: &PduError) -> bool {
    !matches!(
        error,
        PduError::Truncated { .. }
            | PduError::UnsupportedMessageType { .. }
            | PduError::BadAddress { .. }
    )
}
