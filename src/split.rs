//! Splitting the outgoing text into parts.
//!
//! The text is a sequence of *atoms* that are never cut: a character (so never between ESC and
//! its character, nor inside a surrogate pair) or, with [`SplitMode::Graphemes`], an extended
//! grapheme cluster. Parts are filled greedily: an atom that does not fit in the current part
//! starts the next one. A cluster longer than a whole part is fed character by character, so it
//! continues the current part and spills into the next.

use core::ops::Range;

use unicode_segmentation::{GraphemeCursor, GraphemeIncomplete};

use crate::charset::Charset;
use crate::classify::scan;
use crate::encoding::Encoding;
use crate::error::Error;
use crate::options::{Options, SplitMode};
use crate::outgoing::{OutgoingChars, Pieces, PiecesBefore};

/// How the outgoing text is read: the input, whether smart encoding maps it, and how units are
/// counted.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout<'a> {
    pub(crate) input: &'a str,
    pub(crate) smart: bool,
    pub(crate) encoding: Encoding,
    pub(crate) charset: Charset,
    pub(crate) split: SplitMode,
    /// Units of the whole outgoing text.
    pub(crate) units: usize,
    /// Bytes of the whole outgoing text.
    pub(crate) bytes: usize,
    /// Outgoing characters that cost 2 units.
    pub(crate) double_unit_characters: usize,
}

impl<'a> Layout<'a> {
    #[inline]
    fn units_of(&self, c: char) -> usize {
        match self.encoding {
            Encoding::Gsm7 => usize::from(self.charset.septets_or_zero(c)),
            Encoding::Ucs2 => c.len_utf16(),
        }
    }

    /// Units each part may hold.
    pub(crate) fn capacity(&self) -> usize {
        if self.units <= self.encoding.single_segment_units() {
            self.encoding.single_segment_units()
        } else {
            self.encoding.multipart_units()
        }
    }

    /// The number of parts and the units in the last one, without building the parts when the
    /// arithmetic is exact (no 2-unit character that could straddle a boundary, no clusters).
    pub(crate) fn count(&self) -> (usize, usize) {
        let capacity = self.capacity();
        if self.units == 0 {
            return (0, 0);
        }
        if self.units <= self.encoding.single_segment_units()
            || (self.split == SplitMode::Units && self.double_unit_characters == 0)
        {
            let parts = self.units.div_ceil(capacity);
            return (parts, self.units - (parts - 1) * capacity);
        }
        let mut ends = self.part_ends();
        let mut parts = 0;
        let mut last = 0;
        for (_, units) in ends.by_ref() {
            parts += 1;
            last = units;
        }
        (parts, last)
    }

    /// The parts as (end byte offset in the outgoing text, units in the part).
    pub(crate) fn part_ends(&self) -> PartEnds<'a> {
        let single = self.units <= self.encoding.single_segment_units();
        PartEnds {
            atoms: Atoms::new(*self),
            capacity: self.capacity(),
            single: single.then_some((self.bytes, self.units)),
            pending: None,
            end: 0,
        }
    }
}

/// Bytes a bridge chunk holds: the last character of one piece and the head of the next.
const BRIDGE_BYTES: usize = 36;

/// A chunk that spans the seam between two pieces: the last character of the previous piece
/// followed by the first characters of the current one.
#[derive(Clone, Copy, Debug)]
struct Bridge {
    bytes: [u8; BRIDGE_BYTES],
    len: usize,
    /// Outgoing offset of `bytes[0]`.
    start: usize,
    /// Bytes of the previous piece's last character at the front.
    previous: usize,
}

impl Bridge {
    fn new(previous: char, piece: &str, piece_start: usize) -> Self {
        let mut bridge = Bridge {
            bytes: [0; BRIDGE_BYTES],
            len: 0,
            start: piece_start,
            previous: 0,
        };
        bridge.push(previous);
        bridge.previous = bridge.len;
        bridge.start -= bridge.len;
        for c in piece.chars() {
            if bridge.len + c.len_utf8() > BRIDGE_BYTES {
                break;
            }
            bridge.push(c);
        }
        bridge
    }

    fn push(&mut self, c: char) {
        let len = c.len_utf8();
        c.encode_utf8(&mut self.bytes[self.len..self.len + len]);
        self.len += len;
    }

    fn as_str(&self) -> &str {
        // Whole characters were pushed, so this always succeeds.
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// Boundaries of extended grapheme clusters of the outgoing text, found by one cursor fed piece
/// by piece (see [`crate::outgoing`]), in time linear in the text.
///
/// The cursor is never handed a chunk that starts exactly at its position: across the seam of
/// two pieces it gets a [`Bridge`] that starts one character earlier. (A chunk starting at the
/// cursor makes unicode-segmentation 1.13 ask for context it already counted, and it then
/// miscounts regional indicators.) When a rule looks further back (GB9c, GB11), the pieces
/// before are walked backward, never rescanned from the start.
#[derive(Clone, Debug)]
struct Clusters<'a> {
    input: &'a str,
    smart: bool,
    /// Bytes of the whole outgoing text.
    bytes: usize,
    cursor: GraphemeCursor,
    pieces: Pieces<'a>,
    /// The current piece, its outgoing offset and its input offset.
    piece: &'a str,
    piece_start: usize,
    piece_input: usize,
    /// The chunk is this bridge into `piece` rather than `piece` itself.
    bridge: Option<Bridge>,
    /// Context handed to the cursor so far: the walker over earlier pieces, the outgoing offset
    /// where its next piece ends, and how many bytes at that piece's end the cursor already has.
    context: Option<(PiecesBefore<'a>, usize, usize)>,
}

impl<'a> Clusters<'a> {
    fn new(input: &'a str, smart: bool, bytes: usize) -> Self {
        let mut pieces = Pieces::new(input, smart);
        let (piece, piece_input) = pieces.next().unwrap_or(("", 0));
        Clusters {
            input,
            smart,
            bytes,
            cursor: GraphemeCursor::new(0, bytes, true),
            pieces,
            piece,
            piece_start: 0,
            piece_input,
            bridge: None,
            context: None,
        }
    }

    /// Puts the cursor at `offset`, a cluster boundary at or after its position, with a fresh
    /// state (it asks for whatever context it needs).
    fn move_to(&mut self, offset: usize) {
        while self.piece_start + self.piece.len() <= offset {
            let Some((piece, piece_input)) = self.pieces.next() else {
                break;
            };
            self.piece_start += self.piece.len();
            self.piece = piece;
            self.piece_input = piece_input;
        }
        self.bridge = None;
        self.context = None;
        self.cursor = GraphemeCursor::new(offset, self.bytes, true);
    }

    /// The outgoing byte offset of the next cluster boundary.
    fn next_boundary(&mut self) -> Option<usize> {
        loop {
            let step = match &self.bridge {
                Some(bridge) => self.cursor.next_boundary(bridge.as_str(), bridge.start),
                None => self.cursor.next_boundary(self.piece, self.piece_start),
            };
            match step {
                Ok(boundary) => {
                    self.context = None;
                    return boundary;
                }
                Err(GraphemeIncomplete::NextChunk) => {
                    self.context = None;
                    if let Some(bridge) = self.bridge.take() {
                        if bridge.len - bridge.previous < self.piece.len() {
                            continue; // go on in the current piece itself
                        }
                    }
                    let previous = self.piece.chars().next_back()?;
                    let (piece, piece_input) = self.pieces.next()?;
                    self.piece_start += self.piece.len();
                    self.piece = piece;
                    self.piece_input = piece_input;
                    self.bridge = Some(Bridge::new(previous, piece, self.piece_start));
                }
                Err(GraphemeIncomplete::PreContext(wanted_end)) => {
                    let (mut before, mut end, mut known) = match self.context.take() {
                        Some(context) => context,
                        None => (
                            PiecesBefore::new(self.input, self.piece_input, self.smart),
                            self.piece_start,
                            self.bridge.map_or(0, |b| b.previous),
                        ),
                    };
                    loop {
                        let piece = before.next()?;
                        let start = end - piece.len();
                        let chunk = &piece[..piece.len() - known];
                        let chunk_end = end - known;
                        end = start;
                        known = 0;
                        if chunk.is_empty() || chunk_end > wanted_end {
                            continue;
                        }
                        if chunk_end != wanted_end {
                            return None; // cannot happen: pieces tile the text
                        }
                        self.cursor.provide_context(chunk, start);
                        break;
                    }
                    self.context = Some((before, end, 0));
                }
                Err(_) => return None,
            }
        }
    }
}

/// An atom: its length in outgoing bytes and its units.
type Atom = (usize, usize);

/// The atoms of the outgoing text.
#[derive(Clone, Debug)]
struct Atoms<'a> {
    layout: Layout<'a>,
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
    fn new(layout: Layout<'a>) -> Self {
        let clusters = (layout.split == SplitMode::Graphemes)
            .then(|| Clusters::new(layout.input, layout.smart, layout.bytes));
        Atoms {
            layout,
            chars: OutgoingChars::new(layout.input, layout.smart),
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
        Some((c.len_utf8(), self.layout.units_of(c)))
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
            return self.next_char();
        };
        let mut probe = self.chars.clone();
        let (mut offset, mut units) = (self.offset, 0);
        while offset < end {
            let Some(c) = probe.next() else { break };
            offset += c.len_utf8();
            units += self.layout.units_of(c);
        }
        if units <= self.layout.encoding.multipart_units() {
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

/// The parts of the outgoing text as (end offset, units), filled greedily.
#[derive(Clone, Debug)]
pub(crate) struct PartEnds<'a> {
    atoms: Atoms<'a>,
    capacity: usize,
    /// The whole text when it fits in one segment.
    single: Option<(usize, usize)>,
    pending: Option<Atom>,
    end: usize,
}

impl Iterator for PartEnds<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        if let Some(single) = self.single {
            if self.end == single.0 {
                return None;
            }
            self.end = single.0;
            return Some(single);
        }
        let (bytes, mut used) = self.pending.take().or_else(|| self.atoms.next())?;
        self.end += bytes;
        for (bytes, units) in self.atoms.by_ref() {
            if used + units > self.capacity {
                self.pending = Some((bytes, units));
                break;
            }
            used += units;
            self.end += bytes;
        }
        Some((self.end, used))
    }
}

/// Byte ranges of the parts of a text that is sent as it is (smart encoding already applied,
/// or not wanted). Needs no allocation; see [`part_ranges`].
#[derive(Clone, Debug)]
pub struct PartRanges<'a> {
    ends: PartEnds<'a>,
    start: usize,
}

impl<'a> PartRanges<'a> {
    pub(crate) fn new(layout: Layout<'a>) -> Self {
        PartRanges {
            ends: layout.part_ends(),
            start: 0,
        }
    }
}

impl Iterator for PartRanges<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let (end, _) = self.ends.next()?;
        let range = self.start..end;
        self.start = end;
        Some(range)
    }
}

impl core::iter::FusedIterator for PartRanges<'_> {}

/// Splits `text` **as it is sent** into parts, as byte ranges, without allocating.
///
/// Smart encoding is not applied here, whatever `options` says: pass the output of
/// [`smart_encode`](crate::smart_encode) when it runs, or use [`split`](crate::split), which
/// does both. The encoding is chosen as [`analyze`](crate::analyze) chooses it (`options.encoding`,
/// the effective charset), and the parts are the ones `analyze` counts. Limits are not checked.
///
/// # Errors
///
/// [`Error::NotGsm7`] when `options.encoding` is `gsm7` and a character is outside the charset.
///
/// ```
/// use septet::{part_ranges, Options};
///
/// let text = "€".repeat(80); // 160 septets: one segment
/// assert_eq!(part_ranges(&text, &Options::default())?.count(), 1);
///
/// // 306 septets: the quick formula says 2 parts, but ESC + € cannot straddle septets 153/154.
/// let text = format!("{}€{}", "a".repeat(152), "b".repeat(152));
/// let parts: Vec<_> = part_ranges(&text, &Options::default())?.map(|r| &text[r]).collect();
/// assert_eq!(parts, [&text[..152], &text[152..306], "b"]);
/// # Ok::<(), septet::Error>(())
/// ```
pub fn part_ranges<'a>(text: &'a str, options: &Options) -> Result<PartRanges<'a>, Error> {
    let charset = options.effective_charset();
    let scan = scan(text, charset, false);
    let encoding = crate::analysis::choose_encoding(&scan, options)?;
    let layout = crate::analysis::layout(text, false, encoding, charset, options.split, &scan);
    Ok(PartRanges::new(layout))
}
