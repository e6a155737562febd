//! The vector scan of long ASCII runs (AVX2, SSE4.1) against the portable model and a per-byte
//! statement of the rules, on arbitrary bytes under every combination of the rules.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The rule of one byte: `None` when it needs the general path, `Some(true)` for a counted
/// extension character.
fn rule(b: u8, grave: bool, form_feed: bool, count_extension: bool) -> Option<bool> {
    match b {
        b'\n' | b'\r' => Some(false),
        0x0C if form_feed => Some(count_extension),
        b'`' if !grave => None,
        b'[' | b'\\' | b']' | b'^' | b'{' | b'|' | b'}' | b'~' => Some(count_extension),
        0x20..=0x7E => Some(false),
        _ => None,
    }
}

fuzz_target!(|input: (u8, &[u8])| {
    let (switches, bytes) = input;
    let (grave, form_feed, count_extension) =
        (switches & 1 != 0, switches & 2 != 0, switches & 4 != 0);
    // Whole 64-byte blocks while every byte passes.
    let mut expected = (0, 0);
    'blocks: for block in bytes.chunks_exact(64) {
        let mut extension = 0;
        for &b in block {
            match rule(b, grave, form_feed, count_extension) {
                None => break 'blocks,
                Some(e) => extension += usize::from(e),
            }
        }
        expected = (expected.0 + 64, expected.1 + extension);
    }
    for (path, prefix, extension) in
        septet::fuzzing::plain_ascii_prefixes(bytes, grave, form_feed, count_extension)
    {
        assert_eq!((prefix, extension), expected, "{path}, switches {switches:#05b}");
    }
});
