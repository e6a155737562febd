//! Reassembly of arbitrary part streams: any references, totals, sequences, senders, clocks and
//! contents, with small bounds. Never a panic; memory stays within the bounds; and every part
//! that decoded is accounted for exactly once (completed, dropped as a duplicate, expired, or
//! left incomplete at the end): nothing is silently lost.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use septet::{decode_user_data, ReassemblyEvent, ReassemblyLimits, Reassembler};

#[derive(Arbitrary, Debug)]
struct Part {
    sender: u8,
    reference: u16,
    sixteen_bits: bool,
    total: u8,
    sequence: u8,
    /// UTF-16 units (lone surrogates included) when `ucs2`, else octets of 8-bit data.
    ucs2: bool,
    payload: Vec<u16>,
    /// Clock step before this part.
    step: u8,
    /// Run `expire` before pushing.
    expire_first: bool,
}

#[derive(Arbitrary, Debug)]
struct Stream {
    max_pending: u8,
    max_age: Option<u8>,
    remembered_completed: u8,
    parts: Vec<Part>,
}

/// TP-UD with a concatenation IE (8- or 16-bit) and the payload; (user data, dcs, udl).
fn user_data(part: &Part) -> (Vec<u8>, u8, usize) {
    let mut ud = Vec::new();
    if part.sixteen_bits {
        let [hi, lo] = part.reference.to_be_bytes();
        ud.extend_from_slice(&[6, 0x08, 4, hi, lo, part.total, part.sequence]);
    } else {
        ud.extend_from_slice(&[5, 0x00, 3, part.reference as u8, part.total, part.sequence]);
    }
    let room = 140 - ud.len();
    if part.ucs2 {
        for unit in part.payload.iter().take(room / 2) {
            ud.extend_from_slice(&unit.to_be_bytes());
        }
        let udl = ud.len();
        (ud, 0x08, udl)
    } else {
        ud.extend(part.payload.iter().take(room).map(|&u| u as u8));
        let udl = ud.len();
        (ud, 0x04, udl)
    }
}

fuzz_target!(|stream: Stream| {
    let limits = ReassemblyLimits {
        max_pending: usize::from(stream.max_pending % 8),
        max_age: stream.max_age.map(u64::from),
        remembered_completed: usize::from(stream.remembered_completed % 8),
    };
    let mut reassembler = Reassembler::new(limits);
    let mut accounted = vec![0u32; stream.parts.len()];
    let mut decoded_ids = Vec::new();
    let mut now = 0u64;
    let account = |events: Vec<ReassemblyEvent<u8, usize>>, accounted: &mut Vec<u32>| {
        for event in events {
            match event {
                ReassemblyEvent::Completed(c) => {
                    assert_eq!(c.ids.len(), c.parts);
                    assert_eq!(c.text.is_some(), c.data.is_none());
                    c.ids.iter().for_each(|&id| accounted[id] += 1);
                }
                ReassemblyEvent::Duplicate { id, .. } => accounted[id] += 1,
                ReassemblyEvent::Expired(i) => {
                    assert_eq!(i.ids.len() + i.missing.len(), usize::from(i.key.total));
                    assert!(!i.missing.is_empty());
                    i.ids.iter().for_each(|&id| accounted[id] += 1);
                }
            }
        }
    };
    for (id, part) in stream.parts.iter().enumerate() {
        now += u64::from(part.step);
        if part.expire_first {
            account(reassembler.expire(now), &mut accounted);
        }
        let (ud, dcs, udl) = user_data(part);
        let Ok(decoded) = decode_user_data(&ud, dcs, true, udl) else {
            continue;
        };
        decoded_ids.push(id);
        account(reassembler.push(part.sender, id, &decoded, now), &mut accounted);
        assert!(reassembler.pending() <= limits.max_pending.max(1), "bounded memory");
    }
    for incomplete in reassembler.finish() {
        assert!(!incomplete.missing.is_empty());
        incomplete.ids.iter().for_each(|&id| accounted[id] += 1);
    }
    for (id, &count) in accounted.iter().enumerate() {
        let expected = u32::from(decoded_ids.contains(&id));
        assert_eq!(count, expected, "part {id} accounted {count} times");
    }
});
