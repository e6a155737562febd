//! The long-text fast path: how many whole 64-byte blocks at the start of a byte string are plain
//! ASCII that a charset takes as it is, tested 32 bytes at a time with AVX2 (16 with SSE4.1)
//! when the CPU has them, chosen once at run time.
//!
//! This module holds the crate's only `unsafe` code: calling a function compiled for a CPU
//! feature (allowed once the feature has been detected) and unaligned vector loads (each inside
//! a slice of exactly the loaded length). Everything else about it is safe, portable Rust.
//! Without the `std` feature (no feature detection) or on other targets,
//! [`plain_ascii_prefix`] finds nothing and the scan's portable path does the work.
//!
//! The test of one byte is two table lookups, by the byte's low and high four bits, ANDed
//! together (the nibble tables of [`Rules`]): a set bit among [`BAD`] means "needs the general
//! path" (not ASCII, a control other than LF, CR and perhaps form feed, DEL, perhaps the grave
//! accent), one among [`EXTENSION`] means "an extension character" (2 septets).

/// Bytes per block: [`plain_ascii_prefix`] reports whole blocks.
pub(crate) const BLOCK: usize = 64;

/// Bits of a byte's class that send it to the general path.
const BAD: u8 = BAD_ROW_0 | BAD_ROW | BAD_GRAVE | BAD_DEL;
/// Bits of a byte's class that mark an extension character.
const EXTENSION: u8 = EXTENSION_FORM_FEED | EXTENSION_PUNCTUATION;

/// Controls U+0000..U+000F other than LF, CR and (when allowed) form feed.
const BAD_ROW_0: u8 = 0x01;
/// Every byte of a high nibble that is wholly refused: controls U+0010..U+001F and every
/// non-ASCII byte (0x80..0xFF).
const BAD_ROW: u8 = 0x02;
/// The grave accent, when refused.
const BAD_GRAVE: u8 = 0x04;
/// DEL (U+007F).
const BAD_DEL: u8 = 0x08;
/// Form feed, an extension character.
const EXTENSION_FORM_FEED: u8 = 0x10;
/// `[ \ ] ^` and `{ | } ~`: high nibble 5 or 7, low nibble B to E.
const EXTENSION_PUNCTUATION: u8 = 0x20;

/// Which bytes count as plain ASCII: printable ASCII (U+0020..U+007E), LF and CR, and as
/// chosen the grave accent and form feed; and whether extension characters are counted.
/// The same rules as the scan's portable block test, as nibble tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rules {
    /// Class bits by low nibble.
    low: [u8; 16],
    /// Class bits by high nibble.
    high: [u8; 16],
}

impl Rules {
    /// The rules of a charset: `grave` when it takes the grave accent as it is, `form_feed` when
    /// it takes form feed, `count_extension` when `[ \ ] ^ { | } ~` and form feed cost 2 septets.
    pub(crate) const fn new(grave: bool, form_feed: bool, count_extension: bool) -> Rules {
        let mut low = [0u8; 16];
        let mut high = [0u8; 16];
        let mut nibble = 0;
        while nibble < 16 {
            let allowed_control = nibble == 0x0A || nibble == 0x0D || (form_feed && nibble == 0x0C);
            if !allowed_control {
                low[nibble] |= BAD_ROW_0;
            }
            low[nibble] |= BAD_ROW;
            if nibble == 0x0B || nibble == 0x0C || nibble == 0x0D || nibble == 0x0E {
                low[nibble] |= EXTENSION_PUNCTUATION;
            }
            if nibble >= 8 || nibble == 1 {
                high[nibble] |= BAD_ROW;
            }
            nibble += 1;
        }
        if !grave {
            low[0] |= BAD_GRAVE;
        }
        low[0x0F] |= BAD_DEL;
        low[0x0C] |= EXTENSION_FORM_FEED;
        high[0] |= BAD_ROW_0;
        high[6] |= BAD_GRAVE;
        high[7] |= BAD_DEL;
        if count_extension {
            high[0] |= EXTENSION_FORM_FEED;
            high[5] |= EXTENSION_PUNCTUATION;
            high[7] |= EXTENSION_PUNCTUATION;
        }
        Rules { low, high }
    }

    /// The class bits of one byte.
    #[inline(always)]
    fn class(&self, byte: u8) -> u8 {
        self.low[usize::from(byte & 0x0F)] & self.high[usize::from(byte >> 4)]
    }
}

/// The plain-ASCII prefix of a byte string: whole blocks only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Prefix {
    /// Bytes of the prefix, a multiple of [`BLOCK`].
    pub(crate) bytes: usize,
    /// Extension characters among them (each costs 2 septets), when the rules count them.
    pub(crate) extension_characters: usize,
}

/// The longest prefix of `bytes` made of whole [`BLOCK`]s of plain ASCII under `rules`, with
/// the AVX2 or SSE4.1 path where the CPU has it; an empty prefix where no vector path exists
/// (then the caller's portable path handles the bytes).
#[inline]
pub(crate) fn plain_ascii_prefix(bytes: &[u8], rules: &Rules) -> Prefix {
    #[cfg(all(feature = "std", any(target_arch = "x86", target_arch = "x86_64")))]
    if bytes.len() >= BLOCK {
        return x86::plain_ascii_prefix(bytes, rules);
    }
    let _ = (bytes, rules);
    Prefix::default()
}

/// The same prefix by a byte-at-a-time loop over the nibble tables: the model the vector paths
/// are checked against (tests and the `simd` fuzz target).
#[cfg_attr(not(any(test, fuzzing)), allow(dead_code))]
pub(crate) fn plain_ascii_prefix_portable(bytes: &[u8], rules: &Rules) -> Prefix {
    let mut prefix = Prefix::default();
    for block in bytes.chunks_exact(BLOCK) {
        let mut bad = 0;
        let mut extension_characters = 0;
        for &b in block {
            let class = rules.class(b);
            bad |= class & BAD;
            extension_characters += usize::from(class & EXTENSION != 0);
        }
        if bad != 0 {
            break;
        }
        prefix.bytes += BLOCK;
        prefix.extension_characters += extension_characters;
    }
    prefix
}

/// A vector path by name, as a safe function (for tests and fuzzing).
#[cfg(any(test, fuzzing))]
type Path = (&'static str, fn(&[u8], &Rules) -> Prefix);

/// The vector paths a program can use on this CPU, best first (for tests and fuzzing).
#[cfg(any(test, fuzzing))]
fn available_paths() -> impl Iterator<Item = Path> {
    #[cfg(all(feature = "std", any(target_arch = "x86", target_arch = "x86_64")))]
    let paths = x86::available_paths();
    #[cfg(not(all(feature = "std", any(target_arch = "x86", target_arch = "x86_64"))))]
    let paths: [Option<Path>; 0] = [];
    paths.into_iter().flatten()
}

/// Internals for the `simd` fuzz target, compiled only by cargo-fuzz (`--cfg fuzzing`).
#[cfg(all(fuzzing, feature = "alloc"))]
pub mod fuzzing {
    use alloc::vec::Vec;

    use super::*;

    /// The plain-ASCII prefix of `bytes` under the rules (grave accent allowed, form feed
    /// allowed, extension characters counted) as (path, bytes, extension characters) by every
    /// path: the portable model, the dispatched call, and each vector path this CPU runs.
    pub fn plain_ascii_prefixes(
        bytes: &[u8],
        grave: bool,
        form_feed: bool,
        count_extension: bool,
    ) -> Vec<(&'static str, usize, usize)> {
        let rules = Rules::new(grave, form_feed, count_extension);
        let mut out = Vec::new();
        let mut push = |name, p: Prefix| out.push((name, p.bytes, p.extension_characters));
        push("portable", plain_ascii_prefix_portable(bytes, &rules));
        push("dispatched", plain_ascii_prefix(bytes, &rules));
        for (name, path) in available_paths() {
            push(name, path(bytes, &rules));
        }
        out
    }
}

#[cfg(all(feature = "std", any(target_arch = "x86", target_arch = "x86_64")))]
mod x86 {
    #[cfg(target_arch = "x86")]
    use core::arch::x86::*;
    #[cfg(target_arch = "x86_64")]
    use core::arch::x86_64::*;
    use core::sync::atomic::{AtomicU8, Ordering};
    use std::is_x86_feature_detected;

    use super::{Prefix, Rules, BAD, BLOCK, EXTENSION};

    /// Bytes tested between two branches on the fast path (then block by block once a group
    /// fails). At most 255 / (CHUNK / 16) additions reach one 8-bit lane of the counter.
    const CHUNK: usize = 4 * BLOCK;

    /// The best path this CPU has: unknown until first asked, then cached.
    static LEVEL: AtomicU8 = AtomicU8::new(UNKNOWN);
    const UNKNOWN: u8 = 0;
    const NONE: u8 = 1;
    const SSE41: u8 = 2;
    const AVX2: u8 = 3;

    /// Detects the CPU's features once (`is_x86_feature_detected!` reads CPUID the first time).
    #[inline]
    fn level() -> u8 {
        let level = LEVEL.load(Ordering::Relaxed);
        if level != UNKNOWN {
            return level;
        }
        let level = if is_x86_feature_detected!("avx2") {
            AVX2
        } else if is_x86_feature_detected!("sse4.1") && is_x86_feature_detected!("ssse3") {
            SSE41
        } else {
            NONE
        };
        // Racing threads store the same value.
        LEVEL.store(level, Ordering::Relaxed);
        level
    }

    pub(super) fn plain_ascii_prefix(bytes: &[u8], rules: &Rules) -> Prefix {
        match level() {
            // SAFETY: `level()` returns AVX2 only when the CPU reports AVX2.
            AVX2 => unsafe { prefix_avx2(bytes, rules) },
            // SAFETY: `level()` returns SSE41 only when the CPU reports SSE4.1 and SSSE3.
            SSE41 => unsafe { prefix_sse41(bytes, rules) },
            _ => Prefix::default(),
        }
    }

    /// The paths this CPU can run, as safe function pointers (for tests and fuzzing).
    #[cfg(any(test, fuzzing))]
    pub(super) fn available_paths() -> [Option<super::Path>; 2] {
        fn avx2(bytes: &[u8], rules: &Rules) -> Prefix {
            assert!(is_x86_feature_detected!("avx2"));
            // SAFETY: the CPU reports AVX2 (asserted above).
            unsafe { prefix_avx2(bytes, rules) }
        }
        fn sse41(bytes: &[u8], rules: &Rules) -> Prefix {
            assert!(is_x86_feature_detected!("sse4.1") && is_x86_feature_detected!("ssse3"));
            // SAFETY: the CPU reports SSE4.1 and SSSE3 (asserted above).
            unsafe { prefix_sse41(bytes, rules) }
        }
        let avx2_path: super::Path = ("avx2", avx2);
        let sse41_path: super::Path = ("sse4.1", sse41);
        [
            is_x86_feature_detected!("avx2").then_some(avx2_path),
            (is_x86_feature_detected!("sse4.1") && is_x86_feature_detected!("ssse3"))
                .then_some(sse41_path),
        ]
    }

    /// [`super::plain_ascii_prefix`] with 32-byte vectors.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2.
    #[target_feature(enable = "avx2")]
    unsafe fn prefix_avx2(bytes: &[u8], rules: &Rules) -> Prefix {
        /// Reads 32 bytes.
        ///
        /// # Safety
        ///
        /// `v` holds at least 32 bytes, and the CPU supports AVX2.
        #[inline]
        #[target_feature(enable = "avx2")]
        unsafe fn load(v: &[u8]) -> __m256i {
            debug_assert!(v.len() >= 32);
            // SAFETY: `v` holds at least 32 bytes (the caller's contract), so the read stays
            // inside it; `loadu` has no alignment requirement.
            unsafe { _mm256_loadu_si256(v.as_ptr().cast()) }
        }
        // The nibble tables in both 128-bit lanes (the shuffle looks up within each lane).
        let table = |t: &[u8; 16]| {
            // SAFETY: `t` holds exactly 16 bytes; `loadu` has no alignment requirement.
            let t = unsafe { _mm_loadu_si128(t.as_ptr().cast()) };
            _mm256_broadcastsi128_si256(t)
        };
        let low_table = table(&rules.low);
        let high_table = table(&rules.high);
        let nibble = _mm256_set1_epi8(0x0F);
        let bad = _mm256_set1_epi8(BAD as i8);
        let extension = _mm256_set1_epi8(EXTENSION as i8);
        let one = _mm256_set1_epi8(1);
        let zero = _mm256_setzero_si256();
        // Tests `group` (a multiple of 32 bytes): whether every byte is plain, and its
        // extension characters.
        let test = |group: &[u8]| -> Option<__m256i> {
            let mut classes = zero;
            let mut extensions = zero;
            for v in group.chunks_exact(32) {
                // SAFETY: `chunks_exact(32)` yields slices of exactly 32 bytes; AVX2 is
                // enabled for this function (the caller's contract).
                let v = unsafe { load(v) };
                let low = _mm256_shuffle_epi8(low_table, _mm256_and_si256(v, nibble));
                let high = _mm256_shuffle_epi8(
                    high_table,
                    _mm256_and_si256(_mm256_srli_epi16::<4>(v), nibble),
                );
                let class = _mm256_and_si256(low, high);
                classes = _mm256_or_si256(classes, class);
                // 1 in the lanes of extension characters (at most one extension bit is set).
                let is_extension = _mm256_min_epu8(_mm256_and_si256(class, extension), one);
                extensions = _mm256_add_epi8(extensions, is_extension);
            }
            (_mm256_testz_si256(classes, bad) == 1).then(|| _mm256_sad_epu8(extensions, zero))
        };
        let sum = |counts: __m256i| -> usize {
            let mut lanes = [0u64; 4];
            // SAFETY: `lanes` is 32 bytes long; `storeu` has no alignment requirement.
            unsafe { _mm256_storeu_si256(lanes.as_mut_ptr().cast(), counts) };
            lanes.iter().map(|&n| n as usize).sum()
        };
        let mut done = 0;
        // 64-bit lane sums of the extension characters of the accepted bytes.
        let mut counts = zero;
        for group in bytes.chunks_exact(CHUNK) {
            match test(group) {
                Some(c) => counts = _mm256_add_epi64(counts, c),
                None => break,
            }
            done += CHUNK;
        }
        for block in bytes[done..].chunks_exact(BLOCK) {
            match test(block) {
                Some(c) => counts = _mm256_add_epi64(counts, c),
                None => break,
            }
            done += BLOCK;
        }
        Prefix {
            bytes: done,
            extension_characters: sum(counts),
        }
    }

    /// [`super::plain_ascii_prefix`] with 16-byte vectors.
    ///
    /// # Safety
    ///
    /// The CPU must support SSE4.1 and SSSE3.
    #[target_feature(enable = "sse4.1,ssse3")]
    unsafe fn prefix_sse41(bytes: &[u8], rules: &Rules) -> Prefix {
        /// Reads 16 bytes.
        ///
        /// # Safety
        ///
        /// `v` holds at least 16 bytes, and the CPU supports SSE4.1.
        #[inline]
        #[target_feature(enable = "sse4.1,ssse3")]
        unsafe fn load(v: &[u8]) -> __m128i {
            debug_assert!(v.len() >= 16);
            // SAFETY: `v` holds at least 16 bytes (the caller's contract), so the read stays
            // inside it; `loadu` has no alignment requirement.
            unsafe { _mm_loadu_si128(v.as_ptr().cast()) }
        }
        // SAFETY (both): the tables hold exactly 16 bytes; SSE4.1 is enabled for this function.
        let low_table = unsafe { load(&rules.low) };
        let high_table = unsafe { load(&rules.high) };
        let nibble = _mm_set1_epi8(0x0F);
        let bad = _mm_set1_epi8(BAD as i8);
        let extension = _mm_set1_epi8(EXTENSION as i8);
        let one = _mm_set1_epi8(1);
        let zero = _mm_setzero_si128();
        let test = |group: &[u8]| -> Option<__m128i> {
            let mut classes = zero;
            let mut extensions = zero;
            for v in group.chunks_exact(16) {
                // SAFETY: `chunks_exact(16)` yields slices of exactly 16 bytes; SSE4.1 is
                // enabled for this function (the caller's contract).
                let v = unsafe { load(v) };
                let low = _mm_shuffle_epi8(low_table, _mm_and_si128(v, nibble));
                let high =
                    _mm_shuffle_epi8(high_table, _mm_and_si128(_mm_srli_epi16::<4>(v), nibble));
                let class = _mm_and_si128(low, high);
                classes = _mm_or_si128(classes, class);
                let is_extension = _mm_min_epu8(_mm_and_si128(class, extension), one);
                extensions = _mm_add_epi8(extensions, is_extension);
            }
            (_mm_testz_si128(classes, bad) == 1).then(|| _mm_sad_epu8(extensions, zero))
        };
        let mut done = 0;
        let mut counts = zero;
        for group in bytes.chunks_exact(CHUNK) {
            match test(group) {
                Some(c) => counts = _mm_add_epi64(counts, c),
                None => break,
            }
            done += CHUNK;
        }
        for block in bytes[done..].chunks_exact(BLOCK) {
            match test(block) {
                Some(c) => counts = _mm_add_epi64(counts, c),
                None => break,
            }
            done += BLOCK;
        }
        let mut lanes = [0u64; 2];
        // SAFETY: `lanes` is 16 bytes long; `storeu` has no alignment requirement.
        unsafe { _mm_storeu_si128(lanes.as_mut_ptr().cast(), counts) };
        Prefix {
            bytes: done,
            extension_characters: lanes.iter().map(|&n| n as usize).sum(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::vec::Vec;

    use proptest::prelude::*;

    use super::*;

    /// Every combination of the three rule switches: (grave, form feed, count extension).
    const SWITCHES: [(bool, bool, bool); 8] = [
        (false, false, false),
        (false, false, true),
        (false, true, false),
        (false, true, true),
        (true, false, false),
        (true, false, true),
        (true, true, false),
        (true, true, true),
    ];

    /// The rule of one byte written out plainly: `None` when it needs the general path,
    /// `Some(true)` for a counted extension character.
    fn naive_byte(b: u8, (grave, form_feed, count_extension): (bool, bool, bool)) -> Option<bool> {
        match b {
            b'\n' | b'\r' => Some(false),
            0x0C if form_feed => Some(count_extension),
            b'`' if !grave => None,
            b'[' | b'\\' | b']' | b'^' | b'{' | b'|' | b'}' | b'~' => Some(count_extension),
            0x20..=0x7E => Some(false),
            _ => None,
        }
    }

    /// The naive model of the prefix: whole blocks while every byte passes.
    fn naive_prefix(bytes: &[u8], switches: (bool, bool, bool)) -> Prefix {
        let verdicts: [Option<bool>; 256] = core::array::from_fn(|b| naive_byte(b as u8, switches));
        naive_prefix_by(bytes, &verdicts)
    }

    /// [`naive_prefix`] with the verdict of every byte value worked out beforehand.
    fn naive_prefix_by(bytes: &[u8], verdicts: &[Option<bool>; 256]) -> Prefix {
        let mut prefix = Prefix::default();
        'blocks: for block in bytes.chunks_exact(BLOCK) {
            let mut extension_characters = 0;
            for &b in block {
                match verdicts[usize::from(b)] {
                    None => break 'blocks,
                    Some(extension) => extension_characters += usize::from(extension),
                }
            }
            prefix.bytes += BLOCK;
            prefix.extension_characters += extension_characters;
        }
        prefix
    }

    fn rules((grave, form_feed, count_extension): (bool, bool, bool)) -> Rules {
        Rules::new(grave, form_feed, count_extension)
    }

    /// What the dispatched call returns: the model's prefix where a vector path exists, else
    /// nothing (the scan's portable path takes the bytes).
    fn dispatched(expected: Prefix) -> Prefix {
        if cfg!(all(
            feature = "std",
            any(target_arch = "x86", target_arch = "x86_64")
        )) && available_paths().next().is_some()
        {
            expected
        } else {
            Prefix::default()
        }
    }

    /// Checks every path against the naive model on `bytes`.
    fn check(bytes: &[u8], switches: (bool, bool, bool)) {
        let expected = naive_prefix(bytes, switches);
        let rules = rules(switches);
        assert_eq!(
            plain_ascii_prefix_portable(bytes, &rules),
            expected,
            "portable, {switches:?}, {bytes:?}"
        );
        assert_eq!(
            plain_ascii_prefix(bytes, &rules),
            dispatched(expected),
            "dispatched, {switches:?}, {bytes:?}"
        );
        for (name, path) in available_paths() {
            assert_eq!(
                path(bytes, &rules),
                expected,
                "{name}, {switches:?}, {bytes:?}"
            );
        }
    }

    #[test]
    fn the_nibble_tables_are_the_rules_of_each_byte() {
        for switches in SWITCHES {
            let rules = rules(switches);
            for b in 0..=255u8 {
                let class = rules.class(b);
                let verdict = (class & BAD == 0).then_some(class & EXTENSION != 0);
                assert_eq!(verdict, naive_byte(b, switches), "{b:#04x} {switches:?}");
            }
        }
    }

    #[test]
    fn this_machine_runs_its_vector_paths() {
        #[cfg(all(feature = "std", target_arch = "x86_64"))]
        {
            let names: Vec<&str> = available_paths().map(|(name, _)| name).collect();
            if std::is_x86_feature_detected!("avx2") {
                assert!(names.contains(&"avx2"));
            }
            if std::is_x86_feature_detected!("sse4.1") {
                assert!(names.contains(&"sse4.1"));
            }
        }
    }

    /// Plain text for the background, extension characters included, cycling so that every
    /// block position sees several kinds of byte.
    fn background(len: usize, switches: (bool, bool, bool)) -> Vec<u8> {
        let plain: &[u8] = if switches.1 {
            b"The {quick} [brown] fox\r\n jumps ~ over | the \\ lazy ^ dog\x0c 0123456789 @$_!"
        } else {
            b"The {quick} [brown] fox\r\n jumps ~ over | the \\ lazy ^ dog. 0123456789 @$_!"
        };
        plain.iter().copied().cycle().take(len).collect()
    }

    #[test]
    fn every_byte_value_at_every_position_of_every_length_up_to_200() {
        // The vector paths and the dispatch against the naive model (the portable model is
        // checked byte by byte above and on generated inputs below).
        for switches in SWITCHES {
            let verdicts: [Option<bool>; 256] =
                core::array::from_fn(|b| naive_byte(b as u8, switches));
            let rules = rules(switches);
            let paths: Vec<_> = available_paths().collect();
            for len in 0..=200 {
                let mut bytes = background(len, switches);
                check(&bytes, switches);
                for position in 0..len {
                    let kept = bytes[position];
                    for b in 0..=255u8 {
                        bytes[position] = b;
                        let expected = naive_prefix_by(&bytes, &verdicts);
                        assert_eq!(
                            plain_ascii_prefix(&bytes, &rules),
                            dispatched(expected),
                            "{bytes:?}"
                        );
                        for (name, path) in &paths {
                            assert_eq!(path(&bytes, &rules), expected, "{name} {bytes:?}");
                        }
                    }
                    bytes[position] = kept;
                }
            }
        }
    }

    #[test]
    fn long_inputs_and_every_chunk_boundary() {
        // Past the 256-byte groups: a bad byte in each group and each block of a 4 KiB text,
        // and the extension counts of long plain text.
        for switches in [
            (false, true, true),
            (true, false, false),
            (false, false, true),
        ] {
            let mut bytes = background(4096 + 63, switches);
            check(&bytes, switches);
            for position in (0..bytes.len()).step_by(61) {
                let kept = bytes[position];
                bytes[position] = 0x80;
                check(&bytes, switches);
                bytes[position] = kept;
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn vector_paths_equal_the_model(
            plain in proptest::collection::vec(
                proptest::sample::select(b"ab {}[]~|\\^\n\r\x0c`xyz".to_vec()),
                0..3000,
            ),
            others in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4),
            switches in proptest::sample::select(SWITCHES.to_vec()),
        ) {
            // Mostly plain text, so that long prefixes occur, with a few bytes of any value.
            let mut bytes = plain;
            for (position, b) in others {
                if !bytes.is_empty() {
                    let position = position % bytes.len();
                    bytes[position] = b;
                }
            }
            check(&bytes, switches);
        }
    }
}
