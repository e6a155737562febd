//! Reference numbering for batches (contract 3.3).

use super::udh::ReferenceBits;

/// Consecutive concatenation references for a batch (contract 3.3): multi-part messages take
/// the next reference, wrapping at 256 (8-bit) or 65536; a message that names its own
/// reference, a single-part message and a rejected one take none from the counter.
///
/// ```
/// use septet::{ReferenceBits, References};
/// let mut refs = References::new(255);
/// assert_eq!(refs.take(2, None, ReferenceBits::Eight), Some(255));
/// assert_eq!(refs.take(1, None, ReferenceBits::Eight), None);
/// assert_eq!(refs.take(3, Some(9), ReferenceBits::Eight), Some(9));
/// assert_eq!(refs.take(2, None, ReferenceBits::Eight), Some(0));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct References {
    next: u32,
}

impl References {
    /// A counter starting at `start`.
    ///
    /// ```
    /// assert_eq!(septet::References::new(5).peek(), 5);
    /// ```
    pub const fn new(start: u16) -> Self {
        References { next: start as u32 }
    }

    /// The reference the next multi-part message would take.
    ///
    /// ```
    /// assert_eq!(septet::References::default().peek(), 0);
    /// ```
    pub const fn peek(&self) -> u16 {
        self.next as u16
    }

    /// The reference of a message of `parts` parts: `explicit` if given (the counter does not
    /// move), none for one part, else the counter's next value (wrapped to `bits`).
    ///
    /// ```
    /// let mut refs = septet::References::new(65535);
    /// assert_eq!(refs.take(2, None, septet::ReferenceBits::Sixteen), Some(65535));
    /// assert_eq!(refs.peek(), 0);
    /// ```
    pub fn take(
        &mut self,
        parts: usize,
        explicit: Option<u16>,
        bits: ReferenceBits,
    ) -> Option<u16> {
        if parts <= 1 {
            return None;
        }
        if explicit.is_some() {
            return explicit;
        }
        let reference = self.next % bits.references();
        self.next = (reference + 1) % bits.references();
        Some(reference as u16)
    }
}
