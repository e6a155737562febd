//! The atoms of the outgoing text: the pieces that are never cut.

use super::clusters::Clusters;
use super::Segmenter;
use crate::options::SplitMode;
use crate::smart::outgoing::OutgoingChars;

/// An atom: its length in outgoing bytes and its units.
pub(super) type Atom = (usize, usize);

/// The atoms of the outgoing text.
#[derive(Clone, Debug)]
pub(super) struct Atoms<'a> {
    segmenter: Segmenter<'a>,
    chars: OutgoingChars<'a>,
    clusters: Option<Clusters<'a>>,
    /// Outgoing offset of the next atom.
    offset: usize,
    /// While inside a cluster too long for a part: where it ends.
    oversized_until: usize,
    /// The cluster cursor is behind `offset` (ASCII went by without it).
    clusters_behind: bool,
}

impl<'a> Atoms<'a> {
    pub(super) fn new(segmenter: Segmenter<'a>) -> Self {
        let clusters = (segmenter.split == SplitMode::Graphemes)
            .then(|| Clusters::new(segmenter.input, segmenter.smart, segmenter.bytes));
        Atoms {
            segmenter,
            chars: OutgoingChars::new(segmenter.input, segmenter.smart),
            clusters,
            offset: 0,
            oversized_until: 0,
            clusters_behind: false,
        }
    }

    #[inline]
    fn next_char(&mut self) -> Option<Atom> {
        let c = self.chars.next()?;
        self.offset += c.len_utf8();
        Some((c.len_utf8(), self.segmenter.units_of(c)))
    }
}

impl Iterator for Atoms<'_> {
    type Item = Atom;

    fn next(&mut self) -> Option<Atom> {
        if self.offset < self.oversized_until {
            return self.next_char();
        }
        let Some(clusters) = self.clusters.as_mut() else {
            return self.next_char();
        };
        // Between two ASCII characters there is always a cluster boundary, except inside CR LF
        // (UAX #29: everything that joins is non-ASCII). Take such a character on its own
        // without the cursor, and bring the cursor up when the text leaves ASCII.
        let mut probe = self.chars.clone();
        if let Some(first) = probe.next().filter(char::is_ascii) {
            let alone = match probe.next() {
                None => true,
                Some(second) => second.is_ascii() && !(first == '\r' && second == '\n'),
            };
            if alone {
                self.clusters_behind = true;
                return self.next_char();
            }
        }
        if self.clusters_behind {
            clusters.move_to(self.offset);
            self.clusters_behind = false;
        }
        let Some(end) = clusters.next_boundary().filter(|&end| end > self.offset) else {
            // No further boundary (only possible at the end): whatever is left is characters.
            debug_assert_eq!(
                self.offset, self.segmenter.bytes,
                "a boundary before the end"
            );
            return self.next_char();
        };
        let mut probe = self.chars.clone();
        let (mut offset, mut units) = (self.offset, 0);
        while offset < end {
            let Some(c) = probe.next() else { break };
            offset += c.len_utf8();
            units += self.segmenter.units_of(c);
        }
        if units <= self.segmenter.multipart_units {
            let atom = (offset - self.offset, units);
            self.chars = probe;
            self.offset = offset;
            Some(atom)
        } else {
            self.oversized_until = end;
            self.next_char()
        }
    }
}
