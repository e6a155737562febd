//! Extended grapheme cluster boundaries of the outgoing text, found without building it.

use unicode_segmentation::{GraphemeCursor, GraphemeIncomplete};

use crate::smart::outgoing::{Pieces, PiecesBefore};

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
        let text = core::str::from_utf8(&self.bytes[..self.len]);
        debug_assert!(text.is_ok(), "a bridge holds whole characters");
        text.unwrap_or("")
    }
}

/// Boundaries of extended grapheme clusters of the outgoing text, found by one cursor fed piece
/// by piece (see [`crate::smart::outgoing`]), in time linear in the text.
///
/// The cursor is never handed a chunk that starts exactly at its position: across the seam of
/// two pieces it gets a [`Bridge`] that starts one character earlier. (A chunk starting at the
/// cursor makes unicode-segmentation 1.13 ask for context it already counted, and it then
/// miscounts regional indicators.) When a rule looks further back (GB9c, GB11), the pieces
/// before are walked backward, never rescanned from the start.
#[derive(Clone, Debug)]
pub(super) struct Clusters<'a> {
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
    pub(super) fn new(input: &'a str, smart: bool, bytes: usize) -> Self {
        let mut pieces = Pieces::new(input, smart);
        // An empty text has no piece (and no cluster).
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
    pub(super) fn move_to(&mut self, offset: usize) {
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
    pub(super) fn next_boundary(&mut self) -> Option<usize> {
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
                    // The cursor knows the length of the text, so it asks for a next chunk
                    // only when there is one.
                    let next = self.piece.chars().next_back().zip(self.pieces.next());
                    debug_assert!(next.is_some(), "a next chunk exists");
                    let (previous, (piece, piece_input)) = next?;
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
                        // The cursor asks only for context that exists (before offset 0 there
                        // is none to ask for).
                        let piece = before.next();
                        debug_assert!(piece.is_some(), "context before {wanted_end} exists");
                        let piece = piece?;
                        let start = end - piece.len();
                        let chunk = &piece[..piece.len() - known];
                        let chunk_end = end - known;
                        end = start;
                        known = 0;
                        if chunk.is_empty() || chunk_end > wanted_end {
                            continue;
                        }
                        if chunk_end != wanted_end {
                            debug_assert!(false, "pieces tile the text");
                            return None;
                        }
                        self.cursor.provide_context(chunk, start);
                        break;
                    }
                    self.context = Some((before, end, 0));
                }
                Err(error) => {
                    debug_assert!(false, "the cursor is always given valid chunks: {error:?}");
                    return None;
                }
            }
        }
    }
}
