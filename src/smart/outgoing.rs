//! The outgoing text (the input after smart encoding) as a view over the input, without
//! building it.
//!
//! Smart encoding maps each character on its own, so the outgoing text is a concatenation of
//! *pieces*: runs of input kept as they are, and replacement strings. Both can be walked forward
//! and backward from any piece boundary, which is what the grapheme cursor needs for context.

use core::str::Chars;

use crate::tables::smart as table;

/// Whether smart encoding replaces `c` when it runs, and with what.
#[inline]
fn replaced(c: char, smart: bool) -> Option<&'static str> {
    if smart {
        table::lookup(c).map(|s| s.replacement)
    } else {
        None
    }
}

/// The characters of the outgoing text.
#[derive(Clone, Debug)]
pub(crate) struct OutgoingChars<'a> {
    input: Chars<'a>,
    pending: Chars<'static>,
    smart: bool,
}

impl<'a> OutgoingChars<'a> {
    pub(crate) fn new(input: &'a str, smart: bool) -> Self {
        OutgoingChars {
            input: input.chars(),
            pending: "".chars(),
            smart,
        }
    }
}

impl Iterator for OutgoingChars<'_> {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        loop {
            if let Some(c) = self.pending.next() {
                return Some(c);
            }
            let c = self.input.next()?;
            match replaced(c, self.smart) {
                Some(replacement) => self.pending = replacement.chars(),
                None => return Some(c),
            }
        }
    }
}

/// The non-empty pieces of the outgoing text, front to back, each with the input byte offset
/// where it starts (for a replacement: the offset of the replaced character).
#[derive(Clone, Debug)]
pub(crate) struct Pieces<'a> {
    input: &'a str,
    offset: usize,
    smart: bool,
}

impl<'a> Pieces<'a> {
    pub(crate) fn new(input: &'a str, smart: bool) -> Self {
        Pieces {
            input,
            offset: 0,
            smart,
        }
    }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<(&'a str, usize)> {
        loop {
            let rest = &self.input[self.offset..];
            if rest.is_empty() {
                return None;
            }
            let start = self.offset;
            let found = rest
                .char_indices()
                .find_map(|(i, c)| replaced(c, self.smart).map(|r| (i, c, r)));
            match found {
                None => {
                    self.offset = self.input.len();
                    return Some((rest, start));
                }
                Some((0, c, replacement)) => {
                    self.offset += c.len_utf8();
                    if !replacement.is_empty() {
                        return Some((replacement, start));
                    }
                }
                Some((i, _, _)) => {
                    self.offset += i;
                    return Some((&rest[..i], start));
                }
            }
        }
    }
}

/// The non-empty pieces of the outgoing text that come before a given input offset, back to
/// front.
#[derive(Clone, Debug)]
pub(crate) struct PiecesBefore<'a> {
    input: &'a str,
    smart: bool,
}

impl<'a> PiecesBefore<'a> {
    /// Pieces of the outgoing text of `input[..end]`; `end` must be a piece boundary.
    pub(crate) fn new(input: &'a str, end: usize, smart: bool) -> Self {
        debug_assert!(input.is_char_boundary(end), "{end} is a piece boundary");
        PiecesBefore {
            input: input.get(..end).unwrap_or(""),
            smart,
        }
    }
}

impl<'a> Iterator for PiecesBefore<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            let rest = self.input;
            let (last_start, last) = rest.char_indices().next_back()?;
            if let Some(replacement) = replaced(last, self.smart) {
                self.input = &rest[..last_start];
                if replacement.is_empty() {
                    continue;
                }
                return Some(replacement);
            }
            let start = rest
                .char_indices()
                .rev()
                .find(|&(_, c)| replaced(c, self.smart).is_some())
                .map_or(0, |(i, c)| i + c.len_utf8());
            self.input = &rest[..start];
            return Some(&rest[start..]);
        }
    }
}
