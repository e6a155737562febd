//! Lane arrays to numbers with plain integer arithmetic ("SIMD within a register"): the sums
//! and bit masks the block classification of the scan needs, without a population-count or
//! move-mask instruction (neither is in x86-64's baseline nor portable).

/// The high bit of every byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight lanes `bytes[at..at + 8]` as a word, lane `k` in bits `8k..8k + 8`.
#[inline(always)]
fn word(bytes: &[u8; 16], at: usize) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// The sum of eight byte lanes, when it is at most 255.
#[cfg(test)]
fn lane_sum(word: u64) -> u64 {
    word.wrapping_mul(0x0101_0101_0101_0101) >> 56
}

/// The sum of 16 lanes (each at most 255).
#[inline(always)]
pub(crate) fn sum(lanes: &[u8; 16]) -> usize {
    // Pairs of lanes widened to 16 bits cannot overflow: four 16-bit sums per word, each at
    // most 2 * 255 + 2 * 255.
    let pairs = |w: u64| (w & 0x00FF_00FF_00FF_00FF) + ((w >> 8) & 0x00FF_00FF_00FF_00FF);
    let both = pairs(word(lanes, 0)) + pairs(word(lanes, 8));
    (both.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// Bit `k` set when the high bit of lane `k` is.
#[inline(always)]
pub(crate) fn mask(lanes: &[u8; 16]) -> u32 {
    // Bits 0, 8, .., 56, gathered into the top byte by one multiplication.
    let bits = |w: u64| (((w & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32;
    bits(word(lanes, 0)) | bits(word(lanes, 8)) << 8
}

/// The 16 bytes at `bytes[i..]`, lanes past the end set to `pad` (`i < bytes.len()`).
#[inline(always)]
pub(crate) fn padded(bytes: &[u8], i: usize, pad: u8) -> [u8; 16] {
    let len = bytes.len();
    debug_assert!(i < len);
    if let Some(lanes) = bytes
        .get(i..i + 16)
        .and_then(|b| <[u8; 16]>::try_from(b).ok())
    {
        return lanes;
    }
    let present = len - i;
    if let Some(last) = len.checked_sub(16).and_then(|start| bytes.get(start..)) {
        // The last 16 bytes shifted down so that lane 0 is `bytes[i]`, then the padding.
        let mut lanes = [0u8; 16];
        lanes.copy_from_slice(last);
        let shifted = u128::from_le_bytes(lanes) >> (8 * (16 - present));
        let padding = u128::from_le_bytes([pad; 16])
            .checked_shl(8 * present as u32)
            .unwrap_or(0);
        return (shifted | padding).to_le_bytes();
    }
    let mut lanes = [pad; 16];
    for (lane, &b) in lanes.iter_mut().zip(bytes.get(i..).unwrap_or_default()) {
        *lane = b;
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_masks() {
        let mut lanes = [0u8; 16];
        assert_eq!((sum(&lanes), mask(&lanes)), (0, 0));
        lanes = [255; 16];
        assert_eq!((sum(&lanes), mask(&lanes)), (16 * 255, 0xFFFF));
        for k in 0..16 {
            let mut lanes = [0x7Fu8; 16];
            lanes[k] = 0x80;
            assert_eq!(mask(&lanes), 1 << k);
            assert_eq!(sum(&lanes), 15 * 0x7F + 0x80);
        }
        let lanes: [u8; 16] = core::array::from_fn(|k| k as u8 * 17);
        assert_eq!(sum(&lanes), (0..16).map(|k| k * 17).sum::<usize>());
        assert_eq!(lane_sum(u64::from_le_bytes([1, 2, 3, 4, 5, 6, 7, 8])), 36);
    }

    #[test]
    fn padded_lanes() {
        let bytes: std::vec::Vec<u8> = (1..=40).collect();
        for len in 1..=40 {
            for i in 0..len {
                let expected: [u8; 16] =
                    core::array::from_fn(|k| bytes[..len].get(i + k).copied().unwrap_or(0xEE));
                assert_eq!(padded(&bytes[..len], i, 0xEE), expected, "{len} {i}");
            }
        }
    }
}
