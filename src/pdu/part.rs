//! The bytes of one part: TP-UD, TP-UDL, TP-DCS, TP-UDHI, SMPP fields and the SMS-SUBMIT TPDU,
//! written into the caller's buffers (no allocation).

use super::address::Address;
use super::pack::packed_octets;
use super::udh::{ConcatInfo, Udh};
use super::{DataCoding, PduError};
use crate::alphabet::{Alphabet, WriteStop};

/// Octets of TP-UD at most (and the buffer size [`encode_part_into`] needs at most).
pub const MAX_USER_DATA_OCTETS: usize = 140;
/// Octets of an SMPP `short_message` at most (unpacked GSM-7: the header octets plus one octet
/// per septet never exceed 160).
pub const MAX_SHORT_MESSAGE_OCTETS: usize = 160;
/// Octets of the SMS-SUBMIT TPDU at most, with its leading `00` (SMSC from the SIM): 1 + first
/// octet, TP-MR, TP-DA (2 + 10), TP-PID, TP-DCS, TP-UDL, 140 octets of TP-UD.
pub const MAX_SUBMIT_OCTETS: usize = 1 + 3 + 12 + 3 + MAX_USER_DATA_OCTETS;

/// How a part's text is written: GSM 7-bit in an alphabet, or UCS-2.
///
/// ```
/// use septet::{Alphabet, PartCoding, DataCoding};
/// assert_eq!(PartCoding::Gsm7(Alphabet::DEFAULT).data_coding(), DataCoding::Gsm7);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartCoding {
    /// GSM 7-bit with this pair of tables (national ones add shift IEs to the header).
    Gsm7(Alphabet),
    /// UTF-16 big-endian.
    Ucs2,
}

impl PartCoding {
    /// TP-DCS's alphabet.
    ///
    /// ```
    /// assert_eq!(septet::PartCoding::Ucs2.data_coding().dcs(), 8);
    /// ```
    pub const fn data_coding(self) -> DataCoding {
        match self {
            PartCoding::Gsm7(_) => DataCoding::Gsm7,
            PartCoding::Ucs2 => DataCoding::Ucs2,
        }
    }

    /// The header of a part with `concat` in this coding.
    ///
    /// ```
    /// assert!(septet::PartCoding::Ucs2.udh(None).is_empty());
    /// ```
    pub const fn udh(self, concat: Option<ConcatInfo>) -> Udh {
        match self {
            PartCoding::Gsm7(alphabet) => Udh::new(concat, alphabet),
            PartCoding::Ucs2 => Udh {
                concat,
                single_shift: None,
                locking_shift: None,
            },
        }
    }
}

/// What [`encode_part_into`] wrote, and the fields that go with it.
///
/// ```
/// use septet::{encode_part_into, Alphabet, PartCoding};
/// let mut ud = [0u8; 140];
/// let part = encode_part_into("Hello", PartCoding::Gsm7(Alphabet::DEFAULT), None, &mut ud)?;
/// assert_eq!((part.udl, part.dcs, part.udhi, part.user_data_octets), (5, 0, false, 5));
/// assert_eq!(&ud[..5], [0xC8, 0x32, 0x9B, 0xFD, 0x06]);
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartInfo {
    /// Octets of TP-UD written (header included).
    pub user_data_octets: usize,
    /// Octets of the header at the start of TP-UD, UDHL included (0 without one).
    pub udh_octets: usize,
    /// TP-UDL: septets (header and fill included) for GSM-7, octets for UCS-2.
    pub udl: u8,
    /// TP-DCS (and SMPP `data_coding`): 0x00 or 0x08.
    pub dcs: u8,
    /// TP-UDHI: whether TP-UD starts with a header (SMPP `esm_class` 0x40).
    pub udhi: bool,
    /// Septets (GSM-7) or UTF-16 units (UCS-2) of the text alone.
    pub text_units: usize,
}

impl PartInfo {
    /// SMPP `esm_class`: 0x40 (UDHI) with a header, else 0x00.
    ///
    /// ```
    /// use septet::{encode_part_into, PartCoding};
    /// let part = encode_part_into("hi", PartCoding::Ucs2, None, &mut [0u8; 140])?;
    /// assert_eq!(part.esm_class(), 0);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub const fn esm_class(&self) -> u8 {
        if self.udhi {
            0x40
        } else {
            0x00
        }
    }
}

/// Whether each of the eight bytes in `x` is a character whose default-alphabet septet is the
/// byte itself: 0x20–0x7A except `$` (0x24), `@` (0x40) and `[ \ ] ^ _` `` ` `` (0x5B–0x60).
/// (LF and CR are identities too, but rare enough to leave to the tables.) Byte-wise
/// comparisons by adding to each byte below 0x80 and reading its top bit; a byte of 0x80 or
/// more fails the test whatever its neighbours' sums carry.
#[inline(always)]
const fn is_default_identity(x: u64) -> bool {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let at_least_20 = x.wrapping_add(0x60 * L); // top bit: byte ≥ 0x20
    let at_least_7b = x.wrapping_add(0x05 * L); // byte ≥ 0x7B
    let not_24 = (x ^ (0x24 * L)).wrapping_add(0x7F * L); // byte ≠ 0x24
    let not_40 = (x ^ (0x40 * L)).wrapping_add(0x7F * L); // byte ≠ 0x40
    let at_least_5b = x.wrapping_add(0x25 * L); // byte ≥ 0x5B
    let at_least_61 = x.wrapping_add(0x1F * L); // byte ≥ 0x61
    let bad = x | !at_least_20 | at_least_7b | !not_24 | !not_40 | (at_least_5b & !at_least_61);
    bad & H == 0
}

/// Packs septets LSB first into `out` as they come: eight at a time from a `u64` of
/// septets (one per byte), or one by one.
struct Packer<'a> {
    out: &'a mut [u8],
    /// Octets written.
    at: usize,
    /// Bits pending for the next octets (fewer than 8 between calls).
    pending: u64,
    bits: u32,
}

impl<'a> Packer<'a> {
    /// A packer writing from `at` after `fill_bits` zero bits.
    fn new(out: &'a mut [u8], at: usize, fill_bits: u8) -> Self {
        Packer {
            out,
            at,
            pending: 0,
            bits: u32::from(fill_bits),
        }
    }

    /// Eight septets, one per byte of `septets` (little-endian), each below 0x80.
    #[inline(always)]
    fn push8(&mut self, septets: u64) -> Result<(), WriteStop> {
        let w = self.pending | (gather(septets) << self.bits);
        let Some(slot) = self.out.get_mut(self.at..self.at + 7) else {
            return Err(WriteStop::Full);
        };
        slot.copy_from_slice(&w.to_le_bytes()[..7]);
        self.at += 7;
        self.pending = w >> 56;
        Ok(())
    }

    #[inline]
    fn push(&mut self, septet: u8) -> Result<(), WriteStop> {
        self.pending |= u64::from(septet & 0x7F) << self.bits;
        self.bits += 7;
        if self.bits >= 8 {
            let Some(slot) = self.out.get_mut(self.at) else {
                return Err(WriteStop::Full);
            };
            *slot = self.pending as u8;
            self.at += 1;
            self.pending >>= 8;
            self.bits -= 8;
        }
        Ok(())
    }

    /// Writes the last partial octet; returns the octets written.
    fn finish(mut self) -> Result<usize, WriteStop> {
        if self.bits > 0 {
            let Some(slot) = self.out.get_mut(self.at) else {
                return Err(WriteStop::Full);
            };
            *slot = self.pending as u8;
            self.at += 1;
        }
        Ok(self.at)
    }
}

/// A GSM-7 part written both ways: the header then the text's septets one per octet (SMPP
/// unpacked `short_message`), and the packed TP-UD.
pub(crate) struct Gsm7Written {
    /// TP-UD's fields; `user_data_octets` of the packed buffer hold it.
    pub(crate) info: PartInfo,
    /// Octets of the unpacked form (header + one per septet).
    pub(crate) unpacked_octets: usize,
}

/// Writes a GSM-7 part's header and text into `unpacked` (one octet per septet after the
/// header) and `packed` (TP-UD with fill bits), in one pass over the text.
pub(crate) fn write_gsm7(
    text: &str,
    alphabet: Alphabet,
    concat: Option<ConcatInfo>,
    unpacked: &mut [u8; MAX_SHORT_MESSAGE_OCTETS],
    packed: &mut [u8; MAX_USER_DATA_OCTETS],
) -> Result<Gsm7Written, PduError> {
    let udh = Udh::new(concat, alphabet);
    let h = udh.write(&mut packed[..])?;
    unpacked[..h].copy_from_slice(&packed[..h]);
    let capacity = 160 - udh.septets();
    let count = match write_septets_packed(
        text,
        alphabet,
        &mut unpacked[h..h + capacity],
        Packer::new(&mut packed[..], h, udh.fill_bits()),
    ) {
        Ok((count, _)) => count,
        Err(WriteStop::NotEncodable(character)) => {
            return Err(PduError::NotEncodable { character })
        }
        Err(WriteStop::Full) => {
            // Count the whole text for the error (a character outside the alphabet counts 1).
            let needed = text.chars().map(|c| alphabet.cost(c).unwrap_or(1)).sum();
            return Err(PduError::PartTooLong { needed, capacity });
        }
    };
    Ok(Gsm7Written {
        info: PartInfo {
            user_data_octets: h + packed_octets(udh.fill_bits(), count),
            udh_octets: h,
            udl: (udh.septets() + count) as u8,
            dcs: DataCoding::Gsm7.dcs(),
            udhi: h > 0,
            text_units: count,
        },
        unpacked_octets: h + count,
    })
}

/// The septets of `text` into `septets` (sized to the part's capacity) and, as they come,
/// into `packer`: runs of eight printable ASCII characters whose default-alphabet code is
/// their byte value (letters, digits, space and most punctuation) go straight through;
/// everything else through the alphabet's tables, eight bytes' worth at a time. Returns the
/// septets and the packed octets.
fn write_septets_packed(
    text: &str,
    alphabet: Alphabet,
    septets: &mut [u8],
    mut packer: Packer<'_>,
) -> Result<(usize, usize), WriteStop> {
    // A national locking table moves the letters: no identity runs there.
    let identity_runs = alphabet.locking().is_none();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < bytes.len() {
        if identity_runs {
            if let (Some(chunk), Some(slot)) = (bytes.get(i..i + 8), septets.get_mut(n..n + 8)) {
                let mut x = [0u8; 8];
                x.copy_from_slice(chunk);
                let x = u64::from_le_bytes(x);
                if is_default_identity(x) {
                    slot.copy_from_slice(chunk);
                    packer.push8(x)?;
                    i += 8;
                    n += 8;
                    continue;
                }
            }
        }
        // At least the next eight bytes (to a character boundary) through the tables.
        let mut end = if identity_runs { i + 8 } else { bytes.len() };
        end = end.min(bytes.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let written = alphabet.write_septets(&text[i..end], &mut septets[n..])?;
        let mut new = septets[n..n + written].chunks_exact(8);
        for eight in &mut new {
            let mut x = [0u8; 8];
            x.copy_from_slice(eight);
            packer.push8(u64::from_le_bytes(x))?;
        }
        for &septet in new.remainder() {
            packer.push(septet)?;
        }
        n += written;
        i = end;
    }
    Ok((n, packer.finish()?))
}

/// Gathers the low 7 bits of each of 8 bytes (little-endian in `x`, each below 0x80) into 56
/// bits.
/// Each step moves the upper field of every lane down onto the lower one by subtracting
/// the difference of its two positions (the fields never overlap, so nothing borrows).
#[inline(always)]
fn gather(x: u64) -> u64 {
    let x = x - ((x & 0x7F00_7F00_7F00_7F00) >> 1);
    let high = x & 0x3FFF_0000_3FFF_0000;
    let x = x - high + (high >> 2);
    let high = x & 0x0FFF_FFFF_0000_0000;
    x - high + (high >> 4)
}

/// Encodes one part — its header (`concat` and the alphabet's shift IEs) and `text` — as the
/// TP-UD of section 4 into the start of `out` (140 octets always suffice).
///
/// ```
/// use septet::{encode_part_into, Alphabet, ConcatInfo, Language, PartCoding, ReferenceBits};
///
/// let concat = ConcatInfo { reference: 0, total: 2, sequence: 1, bits: ReferenceBits::Eight };
/// let mut ud = [0u8; 140];
/// let part = encode_part_into("hellohello", PartCoding::Gsm7(Alphabet::DEFAULT), Some(concat), &mut ud)?;
/// assert_eq!(part.udl, 17);
/// assert_eq!(ud[..part.user_data_octets], [0x05, 0x00, 0x03, 0x00, 0x02, 0x01,
///     0xD0, 0x65, 0x36, 0xFB, 0x8D, 0x2E, 0xB3, 0xD9, 0x6F]);
///
/// let turkish = Alphabet::new(None, Some(Language::Turkish)).unwrap();
/// let part = encode_part_into("Ğşa", PartCoding::Gsm7(turkish), None, &mut ud)?;
/// assert_eq!(ud[..part.user_data_octets], [0x03, 0x24, 0x01, 0x01, 0xD8, 0x1C, 0x37, 0xF3, 0x30]);
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// [`PduError::NotEncodable`] for a character outside the alphabet (U+001B among them);
/// [`PduError::PartTooLong`] when the text exceeds the part's capacity (160 − ⌈8H/7⌉ septets or
/// 140 − H octets); [`PduError::BadConcat`] for an invalid concatenation IE;
/// [`PduError::BufferTooSmall`] when `out` is too short.
pub fn encode_part_into(
    text: &str,
    coding: PartCoding,
    concat: Option<ConcatInfo>,
    out: &mut [u8],
) -> Result<PartInfo, PduError> {
    let udh = coding.udh(concat);
    let alphabet = match coding {
        PartCoding::Gsm7(alphabet) => alphabet,
        PartCoding::Ucs2 => return encode_ucs2_into(text, &udh, out),
    };
    let mut unpacked = [0u8; MAX_SHORT_MESSAGE_OCTETS];
    let mut packed = [0u8; MAX_USER_DATA_OCTETS];
    let part = write_gsm7(text, alphabet, concat, &mut unpacked, &mut packed)?.info;
    let needed = part.user_data_octets;
    let Some(out) = out.get_mut(..needed) else {
        return Err(PduError::BufferTooSmall {
            needed,
            available: out.len(),
        });
    };
    out.copy_from_slice(&packed[..needed]);
    Ok(part)
}

fn encode_ucs2_into(text: &str, udh: &Udh, out: &mut [u8]) -> Result<PartInfo, PduError> {
    let mut user_data = [0u8; MAX_USER_DATA_OCTETS];
    let udh_octets = udh.write(&mut user_data)?;
    let capacity = (MAX_USER_DATA_OCTETS - udh_octets) / 2;
    let Some(units) = write_utf16be(text, &mut user_data[udh_octets..udh_octets + 2 * capacity])
    else {
        return Err(PduError::PartTooLong {
            needed: text.encode_utf16().count(),
            capacity,
        });
    };
    let needed = udh_octets + 2 * units;
    let Some(out) = out.get_mut(..needed) else {
        return Err(PduError::BufferTooSmall {
            needed,
            available: out.len(),
        });
    };
    out.copy_from_slice(&user_data[..needed]);
    Ok(PartInfo {
        user_data_octets: needed,
        udh_octets,
        udl: needed as u8,
        dcs: DataCoding::Ucs2.dcs(),
        udhi: udh_octets > 0,
        text_units: units,
    })
}

/// Writes `text` as UTF-16 big-endian into `out`, decoding its UTF-8 directly (one pass),
/// and returns the code units written; `None` when `out` is too short.
fn write_utf16be(text: &str, out: &mut [u8]) -> Option<usize> {
    let bytes = text.as_bytes();
    // The continuation byte `k` places after `i` (the text is valid UTF-8: always there).
    let low6 = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0x80) & 0x3F);
    let mut i = 0;
    let mut at = 0;
    while let Some(&lead) = bytes.get(i) {
        let (scalar, length) = match lead {
            0x00..=0x7F => (u32::from(lead), 1),
            0x80..=0xDF => ((u32::from(lead & 0x1F) << 6) | low6(i + 1), 2),
            0xE0..=0xEF => (
                (u32::from(lead & 0x0F) << 12) | (low6(i + 1) << 6) | low6(i + 2),
                3,
            ),
            _ => (
                (u32::from(lead & 0x07) << 18)
                    | (low6(i + 1) << 12)
                    | (low6(i + 2) << 6)
                    | low6(i + 3),
                4,
            ),
        };
        i += length;
        if scalar < 0x1_0000 {
            out.get_mut(at..at + 2)?
                .copy_from_slice(&(scalar as u16).to_be_bytes());
            at += 2;
        } else {
            let offset = scalar - 0x1_0000;
            let high = 0xD800 | (offset >> 10) as u16;
            let low = 0xDC00 | (offset & 0x3FF) as u16;
            let slot = out.get_mut(at..at + 4)?;
            slot[..2].copy_from_slice(&high.to_be_bytes());
            slot[2..].copy_from_slice(&low.to_be_bytes());
            at += 4;
        }
    }
    Some(at / 2)
}

/// How GSM-7 text goes into SMPP `short_message`.
///
/// ```
/// assert_eq!(septet::SmppPacking::default(), septet::SmppPacking::Unpacked);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SmppPacking {
    /// One octet per septet after the header (what most SMSCs expect for `data_coding` 0).
    #[default]
    Unpacked,
    /// The TP-UD exactly as packed for the air interface.
    Packed,
}

impl SmppPacking {
    /// `"unpacked"` or `"packed"`.
    ///
    /// ```
    /// assert_eq!(septet::SmppPacking::Packed.name(), "packed");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            SmppPacking::Unpacked => "unpacked",
            SmppPacking::Packed => "packed",
        }
    }
}

/// Writes one part's SMPP `short_message` into the start of `out` (160 octets always suffice),
/// returning its length (`sm_length`). UCS-2 parts and packed GSM-7 are the TP-UD itself;
/// unpacked GSM-7 is the header, then one octet per septet.
///
/// ```
/// use septet::{short_message_into, Alphabet, PartCoding, SmppPacking};
/// let mut sm = [0u8; 160];
/// let n = short_message_into("Hi€", PartCoding::Gsm7(Alphabet::DEFAULT), None, SmppPacking::Unpacked, &mut sm)?;
/// assert_eq!(&sm[..n], [0x48, 0x69, 0x1B, 0x65]);
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// As [`encode_part_into`].
pub fn short_message_into(
    text: &str,
    coding: PartCoding,
    concat: Option<ConcatInfo>,
    packing: SmppPacking,
    out: &mut [u8],
) -> Result<usize, PduError> {
    match (coding, packing) {
        (PartCoding::Gsm7(alphabet), SmppPacking::Unpacked) => {
            let mut unpacked = [0u8; MAX_SHORT_MESSAGE_OCTETS];
            let mut packed = [0u8; MAX_USER_DATA_OCTETS];
            let needed =
                write_gsm7(text, alphabet, concat, &mut unpacked, &mut packed)?.unpacked_octets;
            let Some(out) = out.get_mut(..needed) else {
                return Err(PduError::BufferTooSmall {
                    needed,
                    available: out.len(),
                });
            };
            out.copy_from_slice(&unpacked[..needed]);
            Ok(needed)
        }
        _ => encode_part_into(text, coding, concat, out).map(|part| part.user_data_octets),
    }
}

/// Writes the SMS-SUBMIT TPDU of one part into the start of `out`, led by the octet `00` (use
/// the SIM's SMSC) exactly as a GSM modem takes it in PDU mode after `AT+CMGS=<n>`, where `n`
/// is the returned length minus one. Fields: first octet 0x01 (| 0x40 with a header), TP-MR 00,
/// TP-DA, TP-PID 00, TP-DCS, no validity period, TP-UDL, TP-UD.
///
/// ```
/// use septet::{encode_part_into, submit_tpdu_into, Address, Alphabet, PartCoding};
/// let mut ud = [0u8; 140];
/// let part = encode_part_into("Hello", PartCoding::Gsm7(Alphabet::DEFAULT), None, &mut ud)?;
/// let to = Address::parse("+491701234567")?;
/// let mut tpdu = [0u8; 160];
/// let n = submit_tpdu_into(&to, &part, &ud[..part.user_data_octets], &mut tpdu)?;
/// assert_eq!(&tpdu[..n], [0x00, 0x01, 0x00, 0x0C, 0x91, 0x94, 0x71, 0x10, 0x32, 0x54, 0x76,
///     0x00, 0x00, 0x05, 0xC8, 0x32, 0x9B, 0xFD, 0x06]);
/// # Ok::<(), septet::PduError>(())
/// ```
///
/// # Errors
///
/// [`PduError::BufferTooSmall`] when `out` is too short; [`PduError::UserDataTooShort`] when
/// `user_data` is shorter than `part` says.
pub fn submit_tpdu_into(
    destination: &Address,
    part: &PartInfo,
    user_data: &[u8],
    out: &mut [u8],
) -> Result<usize, PduError> {
    let user_data = user_data
        .get(..part.user_data_octets)
        .ok_or(PduError::UserDataTooShort {
            needed: part.user_data_octets,
            available: user_data.len(),
        })?;
    let mut address = [0u8; 12];
    let address_octets = destination.write(&mut address);
    let needed = 3 + address_octets + 3 + user_data.len();
    if out.len() < needed {
        return Err(PduError::BufferTooSmall {
            needed,
            available: out.len(),
        });
    }
    out[0] = 0x00; // no SMSC address: the modem uses the SIM's
    out[1] = 0x01 | if part.udhi { 0x40 } else { 0x00 }; // SMS-SUBMIT, no VP
    out[2] = 0x00; // TP-MR: the modem assigns it
    out[3..3 + address_octets].copy_from_slice(&address[..address_octets]);
    let at = 3 + address_octets;
    out[at] = 0x00; // TP-PID
    out[at + 1] = part.dcs;
    out[at + 2] = part.udl;
    out[at + 3..needed].copy_from_slice(user_data);
    Ok(needed)
}

#[cfg(test)]
mod identity_tests {
    use super::*;

    #[test]
    fn identity_test_agrees_with_the_table_for_every_byte_at_every_position() {
        let identity = |b: u8| {
            b < 0x80
                && (0x20..=0x7A).contains(&b)
                && Alphabet::DEFAULT
                    .septets(char::from(b))
                    .map(|c| (c.code, c.shifted))
                    == Some((b, false))
        };
        // The rule the test encodes is exactly the default table's identities (bar LF, CR).
        for b in 0..=255u8 {
            let in_table = b < 0x80
                && Alphabet::DEFAULT
                    .septets(char::from(b))
                    .map(|c| (c.code, c.shifted))
                    == Some((b, false));
            assert_eq!(
                identity(b),
                in_table && !matches!(b, b'\n' | b'\r'),
                "{b:#04x}"
            );
        }
        for filler in [b'a', b' ', b'Z', b'0'] {
            for position in 0..8 {
                for b in 0..=255u8 {
                    let mut x = [filler; 8];
                    x[position] = b;
                    assert_eq!(
                        is_default_identity(u64::from_le_bytes(x)),
                        identity(b),
                        "{b:#04x} at {position}"
                    );
                }
            }
        }
        // High bytes beside others must not carry a neighbour into passing.
        for b in 0x80..=0xFFu8 {
            for c in 0..=0x7Fu8 {
                let x = [c, b, c, b, c, b, c, b];
                assert!(!is_default_identity(u64::from_le_bytes(x)));
            }
        }
    }

    #[test]
    fn septets_with_and_without_identity_runs_agree() {
        let texts = [
            "Your code is 483920. It expires in 10 minutes. Do not share it.",
            "Price: $100 [USD] @home_now {x} ~ ^ \\ | € é\nnew line\r\n",
            "abcdefgh$bcdefgh@bcdefghé",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        ];
        for text in texts {
            for fill_bits in 0..7u8 {
                let mut fast = [0u8; 160];
                let mut packed = [0u8; 141];
                let (n, octets) = write_septets_packed(
                    text,
                    Alphabet::DEFAULT,
                    &mut fast,
                    Packer::new(&mut packed, 1, fill_bits),
                )
                .unwrap();
                let mut table = [0u8; 160];
                let m = Alphabet::DEFAULT.write_septets(text, &mut table).unwrap();
                assert_eq!(fast[..n], table[..m], "{text}");
                // The packing as the reference packer does it.
                let mut expected = [0u8; 141];
                let k = crate::pack_septets(&table[..m], fill_bits, &mut expected[1..]).unwrap();
                assert_eq!(octets, 1 + k);
                assert_eq!(packed[..octets], expected[..1 + k], "{text} {fill_bits}");
            }
        }
        let long = "a".repeat(161);
        assert!(matches!(
            write_septets_packed(
                &long,
                Alphabet::DEFAULT,
                &mut [0u8; 160],
                Packer::new(&mut [0u8; 140], 0, 0)
            ),
            Err(WriteStop::Full)
        ));
        assert!(matches!(
            write_septets_packed(
                "abcdefghijkl\u{1B}",
                Alphabet::DEFAULT,
                &mut [0u8; 160],
                Packer::new(&mut [0u8; 140], 0, 0)
            ),
            Err(WriteStop::NotEncodable('\u{1B}'))
        ));
    }
}

#[cfg(test)]
mod utf16_tests {
    use super::*;
    use std::string::String;
    use std::vec::Vec;

    #[test]
    fn utf16be_agrees_with_the_standard_library() {
        let texts = [
            "",
            "Hi",
            "Здравствуйте! Код: 4839.",
            "€ 订单已发货 ™©®",
            "😀👍🏽 a 👩‍👩‍👧 \u{10FFFF} \u{FFFF} \u{800} \u{7FF} \u{80} \u{7F}",
        ];
        for text in texts {
            let expected: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let mut out = [0u8; 200];
            assert_eq!(
                write_utf16be(text, &mut out),
                Some(expected.len() / 2),
                "{text}"
            );
            assert_eq!(out[..expected.len()], expected[..], "{text}");
            if !expected.is_empty() {
                // One octet short: refused, never cut.
                assert_eq!(write_utf16be(text, &mut out[..expected.len() - 1]), None);
            }
        }
        // Every scalar value, in one text per plane-sized slice.
        let all: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let expected: Vec<u8> = all.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut out = std::vec![0u8; expected.len()];
        assert_eq!(write_utf16be(&all, &mut out), Some(expected.len() / 2));
        assert_eq!(out, expected);
    }
}
