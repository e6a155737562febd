//! Smart encoding: replacing characters that have a GSM-7 look-alike, as the provider does.
//!
//! The substitution table itself is in [`crate::tables`] (generated from
//! `data/smart-encoding.tsv`). Since no key is GSM-7 and every replacement is, smart encoding is
//! idempotent and independent of the charset. [`outgoing`] views the smart-encoded text without
//! building it.

pub(crate) mod outgoing;

#[cfg(feature = "alloc")]
use alloc::{borrow::Cow, string::String};
use core::str::CharIndices;

use crate::tables::smart::{lookup, SUBSTITUTIONS, SUBSTITUTION_COUNT};

/// The replacement smart encoding makes for `c`, or `None` when `c` is kept as it is.
/// An empty replacement means `c` is removed.
///
/// ```
/// assert_eq!(septet::substitution('“'), Some("\""));
/// assert_eq!(septet::substitution('…'), Some("..."));
/// assert_eq!(septet::substitution('\u{200B}'), Some("")); // zero-width space is removed
/// assert_eq!(septet::substitution('a'), None);
/// assert_eq!(septet::substitution('😀'), None);
/// ```
#[inline]
pub fn substitution(c: char) -> Option<&'static str> {
    lookup(c).map(|s| s.replacement)
}

/// The description the substitution table gives for `c` (its Unicode name), or `None` when `c`
/// has no substitution.
///
/// ```
/// assert_eq!(septet::substitution_name('—'), Some("Em dash"));
/// assert_eq!(septet::substitution_name('a'), None);
/// ```
pub fn substitution_name(c: char) -> Option<&'static str> {
    lookup(c).map(|s| s.name)
}

/// Every row of the substitution table, in the order of `data/smart-encoding.tsv`: the character
/// and its replacement.
///
/// ```
/// assert_eq!(septet::substitutions().count(), 310);
/// assert!(septet::substitutions().any(|(from, to)| from == '\t' && to == "       "));
/// ```
pub fn substitutions() -> impl Iterator<Item = (char, &'static str)> {
    let mut rows = [('\0', ""); SUBSTITUTION_COUNT];
    for (&c, s) in SUBSTITUTIONS.entries() {
        rows[usize::from(s.index)] = (c, s.replacement);
    }
    rows.into_iter()
}

/// Applies smart encoding: every character with a substitution is replaced (or removed).
/// Borrows the input when nothing changes. Idempotent.
///
/// Available only with the `alloc` feature.
///
/// ```
/// use std::borrow::Cow;
/// assert_eq!(septet::smart_encode("Don’t “wait” — 50% off…"), "Don't \"wait\" - 50% off...");
/// assert!(matches!(septet::smart_encode("plain text"), Cow::Borrowed(_)));
/// assert_eq!(septet::smart_encode("🎉 ½ price"), "🎉 1/2 price"); // emoji has no substitution
/// ```
#[cfg(feature = "alloc")]
pub fn smart_encode(text: &str) -> Cow<'_, str> {
    let mut replacements = replacements(text);
    let Some(first) = replacements.next() else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first.byte_offset]);
    out.push_str(first.to);
    let mut copied_to = first.byte_offset + first.from.len_utf8();
    for r in replacements {
        out.push_str(&text[copied_to..r.byte_offset]);
        out.push_str(r.to);
        copied_to = r.byte_offset + r.from.len_utf8();
    }
    out.push_str(&text[copied_to..]);
    Cow::Owned(out)
}

/// One substitution smart encoding makes, located in the original text.
///
/// ```
/// let r = septet::replacements("a – b").next().unwrap();
/// assert_eq!((r.char_index, r.byte_offset, r.from, r.to), (2, 2, '–', "-"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Replacement {
    /// Index of the replaced character among the characters (Unicode scalar values) of the
    /// original text.
    pub char_index: usize,
    /// Byte offset of the replaced character in the original (UTF-8) text.
    pub byte_offset: usize,
    /// The character replaced.
    pub from: char,
    /// What replaces it; empty when the character is removed.
    pub to: &'static str,
}

/// Every substitution smart encoding makes in `text`, in order. Needs no allocation.
///
/// ```
/// let found: Vec<_> = septet::replacements("“Hi”\u{200B}!").map(|r| (r.char_index, r.to)).collect();
/// assert_eq!(found, [(0, "\""), (3, "\""), (4, "")]);
/// ```
pub fn replacements(text: &str) -> Replacements<'_> {
    Replacements {
        chars: text.char_indices(),
        char_index: 0,
    }
}

/// Iterator over the substitutions smart encoding makes; see [`replacements`].
#[derive(Clone, Debug)]
pub struct Replacements<'a> {
    chars: CharIndices<'a>,
    char_index: usize,
}

impl Iterator for Replacements<'_> {
    type Item = Replacement;

    fn next(&mut self) -> Option<Replacement> {
        for (byte_offset, c) in self.chars.by_ref() {
            let char_index = self.char_index;
            self.char_index += 1;
            if let Some(s) = lookup(c) {
                return Some(Replacement {
                    char_index,
                    byte_offset,
                    from: c,
                    to: s.replacement,
                });
            }
        }
        None
    }
}
