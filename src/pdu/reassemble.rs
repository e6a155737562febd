//! Reassembly of concatenated messages (`alloc`), with bounded memory.

use alloc::collections::{BTreeMap, VecDeque};
use alloc::string::String;
use alloc::vec::Vec;

use super::decode::{units_to_text, DecodeWarning, DecodedUserData};
use super::udh::ReferenceBits;

/// What groups parts into one message: the sender (as the caller names it), the reference,
/// the total and the reference width.
///
/// ```
/// use septet::{PartKey, ReferenceBits};
/// let key = PartKey { sender: "alice", reference: 7, total: 2, bits: ReferenceBits::Eight };
/// assert_eq!(key.total, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartKey<S> {
    /// The sender, as the caller names it.
    pub sender: S,
    /// The concatenation reference.
    pub reference: u16,
    /// Parts in the message.
    pub total: u8,
    /// 8- or 16-bit reference.
    pub bits: ReferenceBits,
}

/// Bounds on what a [`Reassembler`] keeps.
///
/// ```
/// let limits = septet::ReassemblyLimits::default();
/// assert!(limits.max_pending >= 1000);
/// assert_eq!(limits.max_age, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReassemblyLimits {
    /// Most incomplete messages kept; one more expires the oldest (default 4096).
    pub max_pending: usize,
    /// Age (in the caller's clock units, from a message's first part) after which an
    /// incomplete message expires; `None`: never by age (default).
    pub max_age: Option<u64>,
    /// Completed messages remembered to recognise late duplicates (default 4096).
    pub remembered_completed: usize,
}

impl Default for ReassemblyLimits {
    fn default() -> Self {
        ReassemblyLimits {
            max_pending: 4096,
            max_age: None,
            remembered_completed: 4096,
        }
    }
}

/// A message whose parts have all arrived.
///
/// ```
/// # use septet::*;
/// let mut r = Reassembler::new(ReassemblyLimits::default());
/// let part = decode_user_data(&[0xC8, 0x32, 0x9B, 0xFD, 0x06], 0, false, 5)?;
/// let events = r.push("bob", 1, &part, 0);
/// let ReassemblyEvent::Completed(done) = &events[0] else { panic!() };
/// assert_eq!((done.text.as_deref(), done.ids.as_slice(), done.parts), (Some("Hello"), &[1][..], 1));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Completed<S, I> {
    /// The caller's ids of the parts, in sequence order.
    pub ids: Vec<I>,
    /// The sender.
    pub sender: S,
    /// The whole text (`None` when every part is 8-bit data).
    pub text: Option<String>,
    /// The whole 8-bit payload (`None` for text).
    pub data: Option<Vec<u8>>,
    /// Parts joined.
    pub parts: usize,
    /// The grouping key; `None` for a message that was not concatenated.
    pub key: Option<PartKey<S>>,
    /// Warnings of the parts and of the joining.
    pub warnings: Vec<DecodeWarning>,
}

/// A message that expired (or was still pending at the end) without all its parts.
///
/// ```
/// # use septet::*;
/// let mut r = Reassembler::new(ReassemblyLimits::default());
/// let ud = [0x05, 0x00, 0x03, 0x09, 0x03, 0x02, 0xD0, 0x65, 0x36, 0xFB, 0x0D];
/// let part = decode_user_data(&ud, 0, true, 12)?;
/// assert!(r.push("bob", "b", &part, 0).is_empty());
/// let left = r.finish();
/// assert_eq!((left[0].key.reference, left[0].missing.as_slice()), (9, &[1, 3][..]));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Incomplete<S, I> {
    /// The caller's ids of the parts that arrived, in sequence order.
    pub ids: Vec<I>,
    /// The grouping key (sender, reference, total, bits).
    pub key: PartKey<S>,
    /// Sequence numbers still missing, ascending.
    pub missing: Vec<u8>,
}

/// What pushing a part (or the clock) produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReassemblyEvent<S, I> {
    /// A message is complete.
    Completed(Completed<S, I>),
    /// A part was dropped: the same part (same sequence, same content) had already arrived,
    /// for a message still pending or recently completed.
    Duplicate {
        /// The dropped part's id.
        id: I,
        /// Its key.
        key: PartKey<S>,
        /// Its sequence number.
        sequence: u8,
    },
    /// A message expired by age or to make room, with what is missing.
    Expired(Incomplete<S, I>),
}

#[derive(Clone, Debug)]
enum Content {
    Units(Vec<u16>),
    Bytes(Vec<u8>),
}

impl Content {
    fn of(part: &DecodedUserData) -> Content {
        match &part.data {
            Some(bytes) => Content::Bytes(bytes.clone()),
            None => Content::Units(part.units.clone()),
        }
    }

    /// FNV-1a over the content: recognises a late duplicate without keeping its text.
    fn fingerprint(&self) -> u64 {
        let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
        let mut eat = |b: u8| {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01B3);
        };
        match self {
            Content::Units(units) => {
                eat(0);
                units
                    .iter()
                    .flat_map(|u| u.to_le_bytes())
                    .for_each(&mut eat);
            }
            Content::Bytes(bytes) => {
                eat(1);
                bytes.iter().copied().for_each(&mut eat);
            }
        }
        hash
    }
}

struct Slot<I> {
    id: I,
    content: Content,
    fingerprint: u64,
    warnings: Vec<DecodeWarning>,
}

struct Pending<I> {
    slots: Vec<Option<Slot<I>>>,
    arrived: usize,
    first_seen: u64,
    order: u64,
}

/// Joins the parts of concatenated messages, arriving in any order, into whole messages.
///
/// Parts group by [`PartKey`]; a message completes when sequences 1…total have all arrived. A
/// part that arrives twice is dropped and reported, also after its message completed (as long
/// as the completed message is remembered). Memory is bounded by [`ReassemblyLimits`]: what
/// expires is returned with the sequence numbers still missing, never lost. The clock is the
/// caller's (`now` in any unit, non-decreasing).
///
/// Text is joined as UTF-16 units, so a surrogate pair split between parts is whole again.
///
/// ```
/// use septet::*;
/// let mut r = Reassembler::new(ReassemblyLimits::default());
/// // "😀" split between two UCS-2 parts: D83D | DE00.
/// let p2 = decode_user_data(&[0x05, 0x00, 0x03, 0x01, 0x02, 0x02, 0xDE, 0x00], 8, true, 8)?;
/// let p1 = decode_user_data(&[0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0xD8, 0x3D], 8, true, 8)?;
/// assert!(r.push("+1", 2, &p2, 0).is_empty());
/// let events = r.push("+1", 1, &p1, 0);
/// let ReassemblyEvent::Completed(done) = &events[0] else { panic!() };
/// assert_eq!((done.text.as_deref(), done.ids.as_slice()), (Some("😀"), &[1, 2][..]));
/// assert!(done.warnings.is_empty());
/// // The same part again: dropped and reported.
/// assert!(matches!(r.push("+1", 9, &p1, 1)[0], ReassemblyEvent::Duplicate { sequence: 1, .. }));
/// # Ok::<(), septet::PduError>(())
/// ```
pub struct Reassembler<S, I> {
    limits: ReassemblyLimits,
    pending: BTreeMap<PartKey<S>, Pending<I>>,
    /// (first_seen, order) → key: the oldest first.
    by_age: BTreeMap<(u64, u64), PartKey<S>>,
    /// Recently completed: key → fingerprints by sequence.
    completed: BTreeMap<PartKey<S>, Vec<u64>>,
    completed_order: VecDeque<PartKey<S>>,
    next_order: u64,
}

impl<S: Clone + Ord, I: Clone> Reassembler<S, I> {
    /// An empty reassembler.
    ///
    /// ```
    /// let r: septet::Reassembler<String, u32> = septet::Reassembler::new(Default::default());
    /// assert_eq!(r.pending(), 0);
    /// ```
    pub fn new(limits: ReassemblyLimits) -> Self {
        Reassembler {
            limits,
            pending: BTreeMap::new(),
            by_age: BTreeMap::new(),
            completed: BTreeMap::new(),
            completed_order: VecDeque::new(),
            next_order: 0,
        }
    }

    /// Incomplete messages held.
    ///
    /// ```
    /// let r: septet::Reassembler<u8, u8> = septet::Reassembler::new(Default::default());
    /// assert_eq!(r.pending(), 0);
    /// ```
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Takes one decoded part from `sender` with the caller's `id`, at time `now`. Returns what
    /// happened: the completed message, a dropped duplicate, and messages that expired.
    pub fn push(
        &mut self,
        sender: S,
        id: I,
        part: &DecodedUserData,
        now: u64,
    ) -> Vec<ReassemblyEvent<S, I>> {
        let mut events = self.expire(now);
        let Some(concat) = part.udh.concat else {
            let content = Content::of(part);
            let mut warnings: Vec<DecodeWarning> = part
                .warnings
                .iter()
                .copied()
                .filter(|w| !matches!(w, DecodeWarning::UnpairedSurrogate { .. }))
                .collect();
            let (text, data) = join(core::iter::once(&content), &mut warnings);
            events.push(ReassemblyEvent::Completed(Completed {
                ids: alloc::vec![id],
                sender,
                text,
                data,
                parts: 1,
                key: None,
                warnings,
            }));
            return events;
        };
        let key = PartKey {
            sender,
            reference: concat.reference,
            total: concat.total,
            bits: concat.bits,
        };
        let sequence = concat.sequence;
        let index = usize::from(sequence) - 1;
        let content = Content::of(part);
        let fingerprint = content.fingerprint();
        if !self.pending.contains_key(&key) {
            if let Some(prints) = self.completed.get(&key) {
                if prints.get(index) == Some(&fingerprint) {
                    events.push(ReassemblyEvent::Duplicate { id, key, sequence });
                    return events;
                }
            }
            if self.pending.len() >= self.limits.max_pending.max(1) {
                if let Some((_, oldest)) = self.by_age.pop_first() {
                    if let Some(incomplete) = self.take_incomplete(&oldest) {
                        events.push(ReassemblyEvent::Expired(incomplete));
                    }
                }
            }
            let order = self.next_order;
            self.next_order += 1;
            self.by_age.insert((now, order), key.clone());
            let mut slots = Vec::with_capacity(usize::from(concat.total));
            slots.resize_with(usize::from(concat.total), || None);
            self.pending.insert(
                key.clone(),
                Pending {
                    slots,
                    arrived: 0,
                    first_seen: now,
                    order,
                },
            );
        }
        let Some(pending) = self.pending.get_mut(&key) else {
            debug_assert!(false, "inserted above");
            return events;
        };
        if pending.slots[index].is_some() {
            events.push(ReassemblyEvent::Duplicate { id, key, sequence });
            return events;
        }
        pending.slots[index] = Some(Slot {
            id,
            content,
            fingerprint,
            // Lone surrogates are judged again once the parts are joined.
            warnings: part
                .warnings
                .iter()
                .copied()
                .filter(|w| !matches!(w, DecodeWarning::UnpairedSurrogate { .. }))
                .collect(),
        });
        pending.arrived += 1;
        if pending.arrived == pending.slots.len() {
            if let Some(pending) = self.pending.remove(&key) {
                self.by_age.remove(&(pending.first_seen, pending.order));
                events.push(ReassemblyEvent::Completed(self.complete(key, pending)));
            }
        }
        events
    }

    fn complete(&mut self, key: PartKey<S>, pending: Pending<I>) -> Completed<S, I> {
        let slots: Vec<Slot<I>> = pending.slots.into_iter().flatten().collect();
        let mut warnings: Vec<DecodeWarning> = slots
            .iter()
            .flat_map(|s| s.warnings.iter().copied())
            .collect();
        let (text, data) = join(slots.iter().map(|s| &s.content), &mut warnings);
        let prints = slots.iter().map(|s| s.fingerprint).collect();
        if self.limits.remembered_completed > 0 {
            if self.completed.insert(key.clone(), prints).is_none() {
                self.completed_order.push_back(key.clone());
            }
            while self.completed_order.len() > self.limits.remembered_completed {
                if let Some(old) = self.completed_order.pop_front() {
                    self.completed.remove(&old);
                }
            }
        }
        Completed {
            ids: slots.into_iter().map(|s| s.id).collect(),
            sender: key.sender.clone(),
            text,
            data,
            parts: usize::from(key.total),
            key: Some(key),
            warnings,
        }
    }

    fn take_incomplete(&mut self, key: &PartKey<S>) -> Option<Incomplete<S, I>> {
        let pending = self.pending.remove(key)?;
        self.by_age.remove(&(pending.first_seen, pending.order));
        let missing = (1..=key.total)
            .filter(|&s| pending.slots[usize::from(s) - 1].is_none())
            .collect();
        Some(Incomplete {
            ids: pending.slots.into_iter().flatten().map(|s| s.id).collect(),
            key: key.clone(),
            missing,
        })
    }

    /// Expires every incomplete message older than `max_age` at time `now`, oldest first.
    ///
    /// ```
    /// # use septet::*;
    /// let limits = ReassemblyLimits { max_age: Some(10), ..Default::default() };
    /// let mut r = Reassembler::new(limits);
    /// let ud = [0x05, 0x00, 0x03, 0x09, 0x02, 0x02, 0xD0, 0x65, 0x36, 0xFB, 0x0D];
    /// r.push("bob", 1, &decode_user_data(&ud, 0, true, 12)?, 0);
    /// assert!(r.expire(10).is_empty());
    /// assert!(matches!(&r.expire(11)[0], ReassemblyEvent::Expired(i) if i.missing == [1]));
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn expire(&mut self, now: u64) -> Vec<ReassemblyEvent<S, I>> {
        let mut events = Vec::new();
        let Some(max_age) = self.limits.max_age else {
            return events;
        };
        while let Some((&(first_seen, _), _)) = self.by_age.first_key_value() {
            if now.saturating_sub(first_seen) <= max_age {
                break;
            }
            let Some((_, key)) = self.by_age.pop_first() else {
                break;
            };
            if let Some(incomplete) = self.take_incomplete(&key) {
                events.push(ReassemblyEvent::Expired(incomplete));
            }
        }
        events
    }

    /// Ends reassembly: every message still incomplete, in order of first arrival.
    ///
    /// ```
    /// let r: septet::Reassembler<u8, u8> = septet::Reassembler::new(Default::default());
    /// assert!(r.finish().is_empty());
    /// ```
    pub fn finish(mut self) -> Vec<Incomplete<S, I>> {
        let keys: Vec<PartKey<S>> = core::mem::take(&mut self.by_age).into_values().collect();
        keys.iter()
            .filter_map(|key| self.take_incomplete(key))
            .collect()
    }
}

/// Joins parts' contents: text from UTF-16 units (8-bit parts among text parts are read as
/// Latin-1), or bytes when every part is 8-bit data.
fn join<'a>(
    contents: impl Iterator<Item = &'a Content> + Clone,
    warnings: &mut Vec<DecodeWarning>,
) -> (Option<String>, Option<Vec<u8>>) {
    if contents.clone().all(|c| matches!(c, Content::Bytes(_))) {
        let mut data = Vec::new();
        for c in contents {
            if let Content::Bytes(bytes) = c {
                data.extend_from_slice(bytes);
            }
        }
        return (None, Some(data));
    }
    let mut units = Vec::new();
    for c in contents {
        match c {
            Content::Units(u) => units.extend_from_slice(u),
            Content::Bytes(bytes) => units.extend(bytes.iter().map(|&b| u16::from(b))),
        }
    }
    (Some(units_to_text(&units, warnings)), None)
}
