//! Septet packing, LSB first (3GPP TS 23.038 §6.1.2.1.1, TS 23.040 §9.2.3.24).
//!
//! Septet *i* of a stream fills bits 7i…7i+6; octet *k* holds bits 8k…8k+7. After a user data
//! header, 0–6 zero *fill bits* make the text start on a septet boundary: the text is the same
//! stream started `fill_bits` bits into the first octet after the header.
//!
//! The fast paths move eight septets (seven octets) per step through a `u64`.

use super::PduError;

/// Octets that `septets` septets take when packed after `fill_bits` fill bits:
/// ⌈(fill_bits + 7·septets) / 8⌉.
///
/// ```
/// assert_eq!(septet::packed_octets(0, 160), 140);
/// assert_eq!(septet::packed_octets(1, 3), 3);
/// ```
#[inline]
pub const fn packed_octets(fill_bits: u8, septets: usize) -> usize {
    (fill_bits as usize + 7 * septets).div_ceil(8)
}

/// Gathers the low 7 bits of each of 8 bytes (little-endian in `x`) into 56 bits, in three
/// steps of halving lanes (16-, 32-, then 64-bit).
#[inline(always)]
fn gather(x: u64) -> u64 {
    let x = x & 0x7F7F_7F7F_7F7F_7F7F;
    let x = (x & 0x007F_007F_007F_007F) | ((x & 0x7F00_7F00_7F00_7F00) >> 1);
    let x = (x & 0x0000_3FFF_0000_3FFF) | ((x & 0x3FFF_0000_3FFF_0000) >> 2);
    (x & 0x0FFF_FFFF) | ((x & 0x0FFF_FFFF_0000_0000) >> 4)
}

/// Spreads 56 bits into 8 bytes of 7 bits each (the inverse of [`gather`]).
#[inline(always)]
fn spread(v: u64) -> u64 {
    let v = (v & 0x0FFF_FFFF) | ((v & 0x00FF_FFFF_F000_0000) << 4);
    let v = (v & 0x0000_3FFF_0000_3FFF) | ((v & 0x0FFF_C000_0FFF_C000) << 2);
    (v & 0x007F_007F_007F_007F) | ((v & 0x3F80_3F80_3F80_3F80) << 1)
}

/// Packs `septets` (each masked to 7 bits) after `fill_bits` (0–7) zero bits into the start of
/// `out`, returning the octets written ([`packed_octets`]). Bits of the last octet past the
/// stream are zero.
///
/// ```
/// let mut out = [0u8; 9];
/// let septets: Vec<u8> = "hellohello".bytes().collect(); // ASCII letters: same codes in GSM-7
/// assert_eq!(septet::pack_septets(&septets, 0, &mut out), Ok(9));
/// assert_eq!(out, [0xE8, 0x32, 0x9B, 0xFD, 0x46, 0x97, 0xD9, 0xEC, 0x37]);
/// ```
///
/// # Errors
///
/// [`PduError::BufferTooSmall`] when `out` is shorter than the packed stream;
/// [`PduError::FillBits`] when `fill_bits` exceeds 7.
pub fn pack_septets(septets: &[u8], fill_bits: u8, out: &mut [u8]) -> Result<usize, PduError> {
    if fill_bits > 7 {
        return Err(PduError::FillBits { fill_bits });
    }
    let needed = packed_octets(fill_bits, septets.len());
    if out.len() < needed {
        return Err(PduError::BufferTooSmall {
            needed,
            available: out.len(),
        });
    }
    let shift = u32::from(fill_bits);
    let mut carry: u64 = 0; // the low `shift` bits pending for the next octet
    let mut at = 0;
    let mut chunks = septets.chunks_exact(8);
    let whole = septets.len() / 8;
    for (chunk, octets) in (&mut chunks).zip(out[..7 * whole].chunks_exact_mut(7)) {
        let mut x = [0u8; 8];
        x.copy_from_slice(chunk);
        let w = carry | (gather(u64::from_le_bytes(x)) << shift);
        octets.copy_from_slice(&w.to_le_bytes()[..7]);
        carry = w >> 56;
    }
    at += 7 * whole;
    // The tail: fewer than 8 septets, bit by bit through an accumulator.
    let mut acc = carry;
    let mut bits = shift;
    for &septet in chunks.remainder() {
        acc |= u64::from(septet & 0x7F) << bits;
        bits += 7;
        while bits >= 8 {
            out[at] = acc as u8;
            acc >>= 8;
            bits -= 8;
            at += 1;
        }
    }
    if bits > 0 {
        out[at] = acc as u8;
        at += 1;
    }
    debug_assert_eq!(at, needed);
    Ok(at)
}

/// Unpacks `count` septets that start `fill_bits` (0–7) bits into `packed`, one per octet of
/// `out` (values 0x00–0x7F), returning `count`.
///
/// ```
/// let packed = [0xC8, 0x32, 0x9B, 0xFD, 0x06];
/// let mut out = [0u8; 5];
/// assert_eq!(septet::unpack_septets(&packed, 0, 5, &mut out), Ok(5));
/// assert_eq!(&out, b"Hello");
/// ```
///
/// # Errors
///
/// [`PduError::UserDataTooShort`] when `packed` holds fewer than `count` septets after the fill
/// bits; [`PduError::BufferTooSmall`] when `out` is shorter than `count`;
/// [`PduError::FillBits`] when `fill_bits` exceeds 7.
pub fn unpack_septets(
    packed: &[u8],
    fill_bits: u8,
    count: usize,
    out: &mut [u8],
) -> Result<usize, PduError> {
    if fill_bits > 7 {
        return Err(PduError::FillBits { fill_bits });
    }
    let needed = packed_octets(fill_bits, count);
    if packed.len() < needed {
        return Err(PduError::UserDataTooShort {
            needed,
            available: packed.len(),
        });
    }
    if out.len() < count {
        return Err(PduError::BufferTooSmall {
            needed: count,
            available: out.len(),
        });
    }
    let shift = u32::from(fill_bits);
    let out = &mut out[..count];
    let mut from = 0;
    let mut done = 0;
    // Eight septets per step while eight octets can be read (the eighth belongs to the next
    // step, or is the last octet of the stream).
    let steps = (count / 8).min(packed.len().saturating_sub(1) / 7);
    for (octets, septets) in packed
        .windows(8)
        .step_by(7)
        .zip(out[..8 * steps].chunks_exact_mut(8))
    {
        let mut x = [0u8; 8];
        x.copy_from_slice(octets);
        septets.copy_from_slice(&spread(u64::from_le_bytes(x) >> shift).to_le_bytes());
    }
    from += 7 * steps;
    done += 8 * steps;
    // The tail, bit by bit.
    let mut bit = from * 8 + shift as usize;
    for slot in &mut out[done..] {
        let octet = bit / 8;
        let offset = bit % 8;
        let low = u16::from(packed[octet]);
        let high = packed.get(octet + 1).map_or(0, |&b| u16::from(b));
        *slot = (((high << 8 | low) >> offset) & 0x7F) as u8;
        bit += 7;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_bits_shift_the_stream() {
        // "hellohello" after the 6-octet concatenation header: 1 fill bit.
        let septets: [u8; 10] = *b"hellohello";
        let mut out = [0u8; 10];
        assert_eq!(pack_septets(&septets, 1, &mut out), Ok(9));
        assert_eq!(
            out[..9],
            [0xD0, 0x65, 0x36, 0xFB, 0x8D, 0x2E, 0xB3, 0xD9, 0x6F]
        );
        let mut back = [0u8; 10];
        assert_eq!(unpack_septets(&out[..9], 1, 10, &mut back), Ok(10));
        assert_eq!(back, septets);
    }

    #[test]
    fn errors() {
        assert_eq!(
            pack_septets(b"abc", 0, &mut [0u8; 2]),
            Err(PduError::BufferTooSmall {
                needed: 3,
                available: 2
            })
        );
        assert_eq!(
            unpack_septets(&[0u8; 2], 0, 3, &mut [0u8; 3]),
            Err(PduError::UserDataTooShort {
                needed: 3,
                available: 2
            })
        );
        assert_eq!(
            pack_septets(b"a", 8, &mut [0u8; 2]),
            Err(PduError::FillBits { fill_bits: 8 })
        );
    }
}
