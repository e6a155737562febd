//! The provider's smart-encoding substitution table, generated from `data/smart-encoding.tsv`.
//!
//! The table has 310 rows; `build.rs` checks that every key is unique and not GSM-7 and that every
//! replacement is GSM-7, and generates a `phf::Map`.

/// One row of the substitution table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Substitution {
    /// The row's position in the table, used to count unique replaced characters.
    pub(crate) index: u16,
    /// The GSM-7 text that replaces the character (may be empty or longer than one character).
    pub(crate) replacement: &'static str,
    /// The character's description in the table (its Unicode name, as transcribed).
    pub(crate) name: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/smart_table.rs"));

/// The row of the table for `c`, if it has one: a bit test, then the key's rank among the keys
/// (a minimal perfect hash built at compile time), without hashing.
#[inline]
pub(crate) fn lookup(c: char) -> Option<&'static Substitution> {
    let code = c as u32;
    let word = usize::from(
        *KEY_INDEX
            .words_of_blocks
            .get((code / BLOCK_BITS) as usize)?,
    );
    let bits = KEY_INDEX.bits[word];
    let bit = code % BLOCK_BITS;
    if bits >> bit & 1 == 0 {
        return None;
    }
    let rank =
        usize::from(KEY_INDEX.keys_before[word]) + (bits & ((1 << bit) - 1)).count_ones() as usize;
    SUBSTITUTION_ROWS.get(usize::from(KEY_INDEX.row_of_rank[rank]))
}

/// Code points per bit-set word (one 64-code-point block each).
const BLOCK_BITS: u32 = 64;

/// Blocks of 64 code points in the BMP (every key is in the BMP).
const BMP_BLOCKS: usize = 0x1_0000 / BLOCK_BITS as usize;

/// Bit-set words: word 0 is empty, then one per block that holds a key.
const KEY_WORDS: usize = 64;

/// The keys of the table as bit sets, with what turns a key's bit into its row.
struct KeyIndex {
    /// For each BMP block, its word in `bits` (0: none).
    words_of_blocks: [u8; BMP_BLOCKS],
    /// The keys: bit `code % 64` of the word of the block `code / 64`.
    bits: [u64; KEY_WORDS],
    /// Keys in the words before each word.
    keys_before: [u16; KEY_WORDS],
    /// The row (table order) of the key of each rank (order of word, then bit).
    row_of_rank: [u16; SUBSTITUTION_COUNT],
}

/// The key index, built from the table's keys at compile time.
static KEY_INDEX: KeyIndex = {
    let mut words_of_blocks = [0u8; BMP_BLOCKS];
    let mut bits = [0u64; KEY_WORDS];
    let mut used = 1;
    let mut k = 0;
    while k < SUBSTITUTION_KEYS.len() {
        let code = SUBSTITUTION_KEYS[k] as u32;
        assert!(code < 0x1_0000, "every key is in the BMP (one UTF-16 unit)");
        let block = (code / BLOCK_BITS) as usize;
        if words_of_blocks[block] == 0 {
            assert!(used < KEY_WORDS, "KEY_WORDS holds every block with a key");
            words_of_blocks[block] = used as u8;
            used += 1;
        }
        bits[words_of_blocks[block] as usize] |= 1 << (code % BLOCK_BITS);
        k += 1;
    }
    let mut keys_before = [0u16; KEY_WORDS];
    let mut word = 1;
    while word < KEY_WORDS {
        keys_before[word] = keys_before[word - 1] + bits[word - 1].count_ones() as u16;
        word += 1;
    }
    let mut row_of_rank = [0u16; SUBSTITUTION_COUNT];
    let mut row = 0;
    while row < SUBSTITUTION_KEYS.len() {
        let code = SUBSTITUTION_KEYS[row] as u32;
        let word = words_of_blocks[(code / BLOCK_BITS) as usize] as usize;
        let below = bits[word] & ((1 << (code % BLOCK_BITS)) - 1);
        row_of_rank[keys_before[word] as usize + below.count_ones() as usize] = row as u16;
        row += 1;
    }
    KeyIndex {
        words_of_blocks,
        bits,
        keys_before,
        row_of_rank,
    }
};

/// A bit set over the rows of the substitution table, to count unique replaced characters
/// without allocating.
#[derive(Clone, Copy, Default)]
pub(crate) struct RowSet {
    words: [u64; SUBSTITUTION_COUNT.div_ceil(64)],
}

impl RowSet {
    /// Adds a row; returns `true` when it was not in the set.
    #[inline]
    pub(crate) fn insert(&mut self, index: u16) -> bool {
        let (word, bit) = (usize::from(index) / 64, index % 64);
        let fresh = self.words[word] & (1 << bit) == 0;
        self.words[word] |= 1 << bit;
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_is_exactly_the_hash_map() {
        for code in 0..=0x10_FFFF {
            if let Some(c) = char::from_u32(code) {
                let row = lookup(c).map(|s| (s.index, s.replacement, s.name));
                let expected = SUBSTITUTIONS
                    .get(&c)
                    .map(|s| (s.index, s.replacement, s.name));
                assert_eq!(row, expected, "{c:?}");
            }
        }
        assert_eq!(SUBSTITUTION_KEYS.len(), SUBSTITUTIONS.len());
        assert_eq!(SUBSTITUTION_ROWS.len(), SUBSTITUTIONS.len());
    }
}
