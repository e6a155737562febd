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

/// The row of the table for `c`, if it has one.
#[inline]
pub(crate) fn lookup(c: char) -> Option<&'static Substitution> {
    // ASCII holds only a handful of keys (controls, tab, grave accent): skip hashing the rest.
    if (' '..='~').contains(&c) && c != '`' {
        return None;
    }
    SUBSTITUTIONS.get(&c)
}

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
