//! The bytes of one part: TP-UD, TP-UDL, TP-DCS, TP-UDHI, SMPP fields and the SMS-SUBMIT TPDU,
//! written into the caller's buffers (no allocation).

use super::address::Address;
use super::pack::packed_octets;
use super::udh::{ConcatInfo, Udh, MAX_UDH_OCTETS};
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

/// Whether every byte of `block` is a character whose default-alphabet septet is the byte
/// itself: 0x20–0x7A except `$` (0x24), `@` (0x40) and `[ \ ] ^ _` `` ` `` (0x5B–0x60). (LF
/// and CR are identities too, but rare enough to leave to the tables.) Plain lane-wise
/// comparisons, which LLVM compiles to vector compares.
#[inline(always)]
fn is_default_identity<const N: usize>(block: &[u8; N]) -> bool {
    let mut all = true;
    for &b in block {
        all &=
            (b.wrapping_sub(0x20) < 0x5B) & (b != 0x24) & (b != 0x40) & (b.wrapping_sub(0x5B) >= 6);
    }
    all
}

/// Room for one part's septets, one per octet: 160 at most, a whole number of groups of eight.
const SEPTET_ROOM: usize = 160;

/// A GSM-7 part's text as septets, one per octet, and the header before it.
pub(crate) struct Gsm7Text {
    /// The header's octets, UDHL first: `header[..header_octets]`.
    header: [u8; MAX_UDH_OCTETS],
    /// Octets of the header (0 without one).
    header_octets: u8,
    /// Septets the header takes, fill bits included.
    header_septets: u8,
    /// Zero bits between the header and the text.
    fill_bits: u8,
    /// Septets of the text.
    count: usize,
    /// The septets: `septets[..count]`, zero after (to the packer, zero septets).
    septets: [u8; SEPTET_ROOM],
}

impl Gsm7Text {
    /// The septets of `text` in `udh`'s alphabet, with `udh` before them.
    pub(crate) fn new(text: &str, udh: Udh) -> Result<Gsm7Text, PduError> {
        let header_septets = udh.septets();
        let mut part = Gsm7Text {
            header: [0u8; MAX_UDH_OCTETS],
            header_octets: udh.octets() as u8,
            header_septets: header_septets as u8,
            fill_bits: udh.fill_bits(),
            count: 0,
            septets: [0u8; SEPTET_ROOM],
        };
        udh.write(&mut part.header)?;
        let alphabet = udh.alphabet();
        let capacity = SEPTET_ROOM - header_septets;
        part.count = match write_text_septets(text, alphabet, &mut part.septets[..capacity]) {
            Ok(count) => count,
            Err(WriteStop::NotEncodable(character)) => {
                return Err(PduError::NotEncodable { character })
            }
            Err(WriteStop::Full) => {
                // Count the whole text for the error (a character outside the alphabet counts 1).
                let needed = text.chars().map(|c| alphabet.cost(c).unwrap_or(1)).sum();
                return Err(PduError::PartTooLong { needed, capacity });
            }
        };
        Ok(part)
    }

    /// The septets of the text.
    pub(crate) fn septets(&self) -> &[u8] {
        &self.septets[..self.count]
    }

    /// The header's octets.
    pub(crate) fn header(&self) -> &[u8] {
        &self.header[..usize::from(self.header_octets)]
    }

    /// Octets of TP-UD: the header, fill bits and packed septets.
    pub(crate) fn user_data_octets(&self) -> usize {
        usize::from(self.header_octets) + packed_octets(self.fill_bits, self.count)
    }

    /// Octets of the unpacked form (SMPP `short_message`): the header, one octet per septet.
    pub(crate) fn unpacked_octets(&self) -> usize {
        usize::from(self.header_octets) + self.count
    }

    /// TP-UD's fields.
    pub(crate) fn info(&self) -> PartInfo {
        PartInfo {
            user_data_octets: self.user_data_octets(),
            udh_octets: usize::from(self.header_octets),
            udl: self.header_septets + self.count as u8,
            dcs: DataCoding::Gsm7.dcs(),
            udhi: self.header_octets > 0,
            text_units: self.count,
        }
    }

    /// Writes TP-UD (header, fill bits, packed septets) into the start of `out`.
    pub(crate) fn write_packed(&self, out: &mut [u8]) -> Result<PartInfo, PduError> {
        let info = self.info();
        let out = buffer(out, info.user_data_octets)?;
        let (header, text) = out.split_at_mut(info.udh_octets);
        if !header.is_empty() {
            header.copy_from_slice(self.header());
        }
        pack_groups(&self.septets, self.count, self.fill_bits, text);
        Ok(info)
    }

    /// Writes the unpacked form (the header, then one octet per septet) into the start of
    /// `out`, returning its length.
    pub(crate) fn write_unpacked(&self, out: &mut [u8]) -> Result<usize, PduError> {
        let needed = self.unpacked_octets();
        let out = buffer(out, needed)?;
        let (header, text) = out.split_at_mut(usize::from(self.header_octets));
        header.copy_from_slice(self.header());
        text.copy_from_slice(self.septets());
        Ok(needed)
    }
}

/// The first `needed` octets of `out`, or [`PduError::BufferTooSmall`].
#[inline]
fn buffer(out: &mut [u8], needed: usize) -> Result<&mut [u8], PduError> {
    let available = out.len();
    out.get_mut(..needed)
        .ok_or(PduError::BufferTooSmall { needed, available })
}

/// The septets of `text` into `septets` (sized to the part's capacity), returning how many:
/// runs of printable ASCII characters whose default-alphabet code is their byte value
/// (letters, digits, space and most punctuation) are copied 16 at a time (the last 1–15
/// bytes as one block padded with spaces); everything else goes through the alphabet's
/// tables, eight bytes' worth at a time.
fn write_text_septets(
    text: &str,
    alphabet: Alphabet,
    septets: &mut [u8],
) -> Result<usize, WriteStop> {
    // A national locking table moves the letters: no identity runs there.
    if alphabet.locking().is_some() {
        return alphabet.write_septets(text, septets);
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut n = 0;
    loop {
        let blocks = bytes[i..].chunks_exact(16);
        let slots = septets[n..].chunks_exact_mut(16);
        for (chunk, slot) in blocks.zip(slots) {
            let Ok(block) = <&[u8; 16]>::try_from(chunk) else {
                break;
            };
            if !is_default_identity(block) {
                break;
            }
            slot.copy_from_slice(block);
            i += 16;
            n += 16;
        }
        let rest = bytes.len() - i;
        if rest == 0 {
            return Ok(n);
        }
        if rest < 16 {
            if let Some(slot) = septets.get_mut(n..n + 16) {
                let block = crate::swar::padded(bytes, i, b' ');
                if is_default_identity(&block) {
                    // The padding goes in as zero septets (past the text, where zeros are).
                    let keep = u128::MAX >> (8 * (16 - rest));
                    slot.copy_from_slice(&(u128::from_le_bytes(block) & keep).to_le_bytes());
                    return Ok(n + rest);
                }
            }
        }
        // The next eight bytes (to a character boundary, at most the rest) through the tables.
        let mut end = (i + 8).min(bytes.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        n += alphabet.write_septets(&text[i..end], &mut septets[n..])?;
        i = end;
    }
}

/// Packs `septets[..count]` LSB first after `fill_bits` zero bits into `out`, which is exactly
/// [`packed_octets`]`(fill_bits, count)` long: eight septets (from a `u64`, the bytes after
/// `count` being zero) into seven octets per step, stored as one eight-octet write whose last
/// octet the next step completes.
#[inline]
fn pack_groups(septets: &[u8; SEPTET_ROOM], count: usize, fill_bits: u8, out: &mut [u8]) {
    debug_assert_eq!(out.len(), packed_octets(fill_bits, count));
    debug_assert!(septets[count..].iter().all(|&s| s == 0));
    let group = |k: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&septets[8 * k..8 * k + 8]);
        gather(u64::from_le_bytes(x)) << fill_bits
    };
    // Groups whose eight-octet store stays inside `out`; then the last, partial store.
    let groups = count.div_ceil(8).min(SEPTET_ROOM / 8);
    let whole = (out.len().saturating_sub(1) / 7).min(groups);
    let mut carry = 0u64;
    let mut k = 0;
    while k + 2 <= whole {
        // Two groups per step: independent gathers, which LLVM may run side by side.
        let (a, b) = (group(k), group(k + 1));
        let first = a | carry;
        let second = b | (first >> 56);
        if let Some(slot) = out.get_mut(7 * k..7 * k + 15) {
            slot[..8].copy_from_slice(&first.to_le_bytes());
            slot[7..].copy_from_slice(&second.to_le_bytes());
        }
        carry = second >> 56;
        k += 2;
    }
    if k < whole {
        let word = group(k) | carry;
        if let Some(slot) = out.get_mut(7 * k..7 * k + 8) {
            slot.copy_from_slice(&word.to_le_bytes());
        }
        carry = word >> 56;
    }
    if let Some(rest) = out.get_mut(7 * whole..) {
        let word = if whole < groups { group(whole) } else { 0 } | carry;
        for (slot, octet) in rest.iter_mut().zip(word.to_le_bytes()) {
            *slot = octet;
        }
    }
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
    match coding {
        PartCoding::Gsm7(_) => Gsm7Text::new(text, udh)?.write_packed(out),
        PartCoding::Ucs2 => encode_ucs2_into(text, &udh, out),
    }
}

fn encode_ucs2_into(text: &str, udh: &Udh, out: &mut [u8]) -> Result<PartInfo, PduError> {
    let udh_octets = udh.octets();
    let capacity = (MAX_USER_DATA_OCTETS - udh_octets) / 2;
    let room = udh_octets + 2 * capacity;
    if out.len() < room {
        // Too short for a full part: through a full-size buffer, to tell a part too long
        // from a buffer too small.
        let mut user_data = [0u8; MAX_USER_DATA_OCTETS];
        let part = encode_ucs2_into(text, udh, &mut user_data)?;
        let needed = part.user_data_octets;
        buffer(out, needed)?.copy_from_slice(&user_data[..needed]);
        return Ok(part);
    }
    udh.write(out)?;
    let Some(units) = write_utf16be(text, &mut out[udh_octets..room]) else {
        return Err(PduError::PartTooLong {
            needed: text.encode_utf16().count(),
            capacity,
        });
    };
    let needed = udh_octets + 2 * units;
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
/// and returns the code units written; `None` when `out` is too short. Eight ASCII bytes, or
/// four two-byte sequences (Cyrillic, Greek, Hebrew, Arabic...), go through a `u64` at a time.
fn write_utf16be(text: &str, out: &mut [u8]) -> Option<usize> {
    const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
    let bytes = text.as_bytes();
    // The continuation byte `k` places after `i` (the text is valid UTF-8: always there).
    let low6 = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0x80) & 0x3F);
    let mut i = 0;
    let mut at = 0;
    while i < bytes.len() {
        if let (Some(chunk), Some(slot)) = (bytes.get(i..i + 8), out.get_mut(at..at + 16)) {
            let mut x = [0u8; 8];
            x.copy_from_slice(chunk);
            let x = u64::from_le_bytes(x);
            if x & 0x8080_8080_8080_8080 == 0 {
                // Eight ASCII bytes: each behind a zero octet.
                let spread = |half: u64| {
                    let half = (half | (half << 16)) & 0x0000_FFFF_0000_FFFF;
                    ((half | (half << 8)) & LOW_BYTES) << 8
                };
                slot[..8].copy_from_slice(&spread(x & 0xFFFF_FFFF).to_le_bytes());
                slot[8..].copy_from_slice(&spread(x >> 32).to_le_bytes());
                i += 8;
                at += 16;
                continue;
            }
            if x & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 {
                // Four two-byte sequences (lead 110xxxxx, then 10xxxxxx): 11 bits each, written
                // high octet first.
                let units = ((x & 0x001F_001F_001F_001F) << 6) | ((x >> 8) & 0x003F_003F_003F_003F);
                let swapped = ((units >> 8) & LOW_BYTES) | ((units & LOW_BYTES) << 8);
                slot[..8].copy_from_slice(&swapped.to_le_bytes());
                i += 8;
                at += 8;
                continue;
            }
        }
        // The characters that start in the next eight bytes, one by one.
        let stop = (i + 8).min(bytes.len());
        while i < stop {
            let lead = bytes[i];
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
            Gsm7Text::new(text, Udh::new(concat, alphabet))?.write_unpacked(out)
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
            for position in 0..16 {
                for b in 0..=255u8 {
                    let mut x = [filler; 16];
                    x[position] = b;
                    assert_eq!(
                        is_default_identity(&x),
                        identity(b),
                        "{b:#04x} at {position}"
                    );
                    if position < 8 {
                        let mut y = [filler; 8];
                        y[position] = b;
                        assert_eq!(
                            is_default_identity(&y),
                            identity(b),
                            "{b:#04x} at {position}"
                        );
                    }
                }
            }
        }
        // High bytes beside others never pass.
        for b in 0x80..=0xFFu8 {
            for c in 0..=0x7Fu8 {
                let x = [c, b, c, b, c, b, c, b];
                assert!(!is_default_identity(&x));
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
            let mut fast = [0u8; 160];
            let n = write_text_septets(text, Alphabet::DEFAULT, &mut fast).unwrap();
            let mut table = [0u8; 160];
            let m = Alphabet::DEFAULT.write_septets(text, &mut table).unwrap();
            assert_eq!(fast[..n], table[..m], "{text}");
            assert!(fast[n..].iter().all(|&s| s == 0));
            // The packing as the reference packer does it, after every fill.
            for fill_bits in 0..8u8 {
                let octets = packed_octets(fill_bits, n);
                let mut packed = [0xAAu8; 142];
                pack_groups(&fast, n, fill_bits, &mut packed[1..1 + octets]);
                let mut expected = [0xAAu8; 142];
                let k = crate::pack_septets(&table[..m], fill_bits, &mut expected[1..]).unwrap();
                assert_eq!(octets, k);
                // Nothing written past the stream.
                assert_eq!(packed, expected, "{text} {fill_bits}");
            }
        }
        let long = "a".repeat(161);
        assert_eq!(
            write_text_septets(&long, Alphabet::DEFAULT, &mut [0u8; 160]),
            Err(WriteStop::Full)
        );
        assert_eq!(
            write_text_septets("abcdefghijkl\u{1B}", Alphabet::DEFAULT, &mut [0u8; 160]),
            Err(WriteStop::NotEncodable('\u{1B}'))
        );
    }

    #[test]
    fn every_length_and_fill_packs_as_the_reference_packer() {
        // Lengths 0..=160 of mixed text (identity runs, table characters, ESC pairs), after
        // every fill: the groups of eight end anywhere, and the last octet is partial or not.
        let source = "Hello, {world}! 12345678 @$ abcdefgh€ ÄÖÜ xyz ";
        for length in 0..=160usize {
            let mut septets = [0u8; 160];
            let mut n = 0;
            for c in source.chars().cycle() {
                let code = Alphabet::DEFAULT.septets(c).unwrap();
                let needed = if code.shifted { 2 } else { 1 };
                if n + needed > length {
                    break;
                }
                if code.shifted {
                    septets[n] = 0x1B;
                    n += 1;
                }
                septets[n] = code.code;
                n += 1;
            }
            for fill_bits in 0..8u8 {
                let octets = packed_octets(fill_bits, n);
                let mut packed = [0x55u8; 150];
                pack_groups(&septets, n, fill_bits, &mut packed[3..3 + octets]);
                let mut expected = [0x55u8; 150];
                crate::pack_septets(&septets[..n], fill_bits, &mut expected[3..]).unwrap();
                assert_eq!(packed, expected, "{n} {fill_bits}");
            }
        }
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
