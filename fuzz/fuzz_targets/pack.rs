//! Packing and unpacking septets against a bit-by-bit model: every fill-bit count (and the
//! invalid ones), every length, undersized buffers and truncated streams.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::{pack_septets, packed_octets, unpack_septets, PduError};

/// The model: septet k's bit i lands at bit `fill + 7k + i` of the stream, octets little-end
/// first (TS 23.038 §6.1.2.1.1).
fn model_pack(septets: &[u8], fill: u8) -> Vec<u8> {
    let bits = usize::from(fill) + 7 * septets.len();
    let mut out = vec![0u8; bits.div_ceil(8)];
    for (k, &s) in septets.iter().enumerate() {
        for i in 0..7 {
            if s >> i & 1 == 1 {
                let at = usize::from(fill) + 7 * k + i;
                out[at / 8] |= 1 << (at % 8);
            }
        }
    }
    out
}

fn model_unpack(packed: &[u8], fill: u8, count: usize) -> Vec<u8> {
    (0..count)
        .map(|k| {
            (0..7).fold(0u8, |s, i| {
                let at = usize::from(fill) + 7 * k + i;
                s | (packed[at / 8] >> (at % 8) & 1) << i
            })
        })
        .collect()
}

fuzz_target!(|input: (u8, u16, &[u8])| {
    let (fill, count, bytes) = input;
    let fill_ok = fill <= 7;

    // Pack: equals the model, sized exactly, and unpacks back.
    let septets: Vec<u8> = bytes.iter().map(|b| b & 0x7F).collect();
    let mut packed = vec![0xAAu8; septets.len() + 2];
    match pack_septets(&septets, fill, &mut packed) {
        Ok(written) => {
            assert!(fill_ok);
            let expected = model_pack(&septets, fill);
            assert_eq!(written, packed_octets(fill, septets.len()));
            assert_eq!(&packed[..written], &expected[..]);
            let mut back = vec![0u8; septets.len()];
            let read = unpack_septets(&packed[..written], fill, septets.len(), &mut back);
            assert_eq!(read, Ok(septets.len()));
            assert_eq!(back, septets);
        }
        Err(e) => assert!(!fill_ok && e == PduError::FillBits { fill_bits: fill }, "{e:?}"),
    }
    // An undersized buffer is refused, not overrun.
    if fill_ok && !septets.is_empty() {
        let needed = packed_octets(fill, septets.len());
        let mut small = vec![0u8; needed - 1];
        assert!(matches!(
            pack_septets(&septets, fill, &mut small),
            Err(PduError::BufferTooSmall { .. })
        ));
    }

    // Unpack arbitrary octets: the model's septets, or a typed error when they are too few.
    let count = usize::from(count) % 2048;
    let mut out = vec![0u8; count];
    match unpack_septets(bytes, fill, count, &mut out) {
        Ok(n) => {
            assert!(fill_ok && bytes.len() >= packed_octets(fill, count));
            assert_eq!(n, count);
            assert_eq!(out, model_unpack(bytes, fill, count));
        }
        Err(PduError::FillBits { .. }) => assert!(!fill_ok),
        Err(PduError::UserDataTooShort { .. }) => {
            assert!(fill_ok && bytes.len() < packed_octets(fill, count))
        }
        Err(e) => panic!("unexpected {e:?}"),
    }
});
