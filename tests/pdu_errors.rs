//! Malformed input: a typed error for each kind, a warning for what can still be read, never a
//! panic. And the reassembler's bounds.
#![cfg(feature = "alloc")]

use septet::{
    decode_hex, decode_tpdu, decode_user_data, encode, encode_part_into, encode_parts,
    pack_septets, parse_udh, unpack_septets, Address, Alphabet, Charset, ConcatInfo, DecodeWarning,
    EncodeError, EncodeOptions, HeaderNote, Language, Options, PartCoding, PduError, Reassembler,
    ReassemblyEvent, ReassemblyLimits, ReferenceBits, SmppPacking,
};

fn gsm(text: &str) -> Vec<u8> {
    let mut ud = [0u8; 140];
    let info = encode_part_into(text, PartCoding::Gsm7(Alphabet::DEFAULT), None, &mut ud).unwrap();
    ud[..info.user_data_octets].to_vec()
}

#[test]
fn buffers_and_fill_bits() {
    assert_eq!(
        pack_septets(&[0; 8], 0, &mut [0; 6]),
        Err(PduError::BufferTooSmall {
            needed: 7,
            available: 6
        })
    );
    assert_eq!(
        unpack_septets(&[0; 7], 9, 8, &mut [0; 8]),
        Err(PduError::FillBits { fill_bits: 9 })
    );
    assert_eq!(
        unpack_septets(&[0; 7], 0, 8, &mut [0; 7]),
        Err(PduError::BufferTooSmall {
            needed: 8,
            available: 7
        })
    );
    assert_eq!(
        encode_part_into(
            "Hello",
            PartCoding::Gsm7(Alphabet::DEFAULT),
            None,
            &mut [0; 4]
        ),
        Err(PduError::BufferTooSmall {
            needed: 5,
            available: 4
        })
    );
}

#[test]
fn user_data_lengths() {
    let ud = gsm("Hello");
    // TP-UDL past the data.
    assert_eq!(
        decode_user_data(&ud, 0, false, 6),
        Err(PduError::UserDataTooShort {
            needed: 6,
            available: 5
        })
    );
    // Above the maximum.
    assert_eq!(
        decode_user_data(&[0; 141], 0, false, 161),
        Err(PduError::UserDataLength { udl: 161, max: 160 })
    );
    assert_eq!(
        decode_user_data(&[0; 141], 8, false, 141),
        Err(PduError::UserDataLength { udl: 141, max: 140 })
    );
    // Octets past TP-UDL are ignored.
    let mut longer = ud.clone();
    longer.push(0xFF);
    assert_eq!(
        decode_user_data(&longer, 0, false, 5)
            .unwrap()
            .text
            .as_deref(),
        Some("Hello")
    );
}

#[test]
fn headers() {
    // UDHL past the end.
    assert_eq!(
        decode_user_data(&[0x05, 0x00, 0x03, 0x01], 8, true, 4),
        Err(PduError::HeaderPastEnd {
            header_octets: 6,
            available: 4
        })
    );
    assert_eq!(
        parse_udh(&[0x07, 0x00]),
        Err(PduError::HeaderPastEnd {
            header_octets: 8,
            available: 2
        })
    );
    // An IE past the end of the header.
    assert_eq!(
        parse_udh(&[0x03, 0x00, 0x03, 0x01]),
        Err(PduError::ElementPastEnd { iei: 0, offset: 0 })
    );
    assert_eq!(
        parse_udh(&[0x01, 0x70]),
        Err(PduError::ElementPastEnd {
            iei: 0x70,
            offset: 0
        })
    );
    // TP-UDHI with no user data.
    assert_eq!(
        decode_user_data(&[], 0, true, 0),
        Err(PduError::MissingHeader)
    );
    // A GSM-7 header longer than TP-UDL's septets.
    assert!(matches!(
        decode_user_data(&[0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x00], 0, true, 6),
        Err(PduError::HeaderPastEnd {
            header_octets: 6,
            ..
        })
    ));
}

#[test]
fn header_notes_and_precedence() {
    // Unknown IE skipped; an invalid concat ignored; the last valid occurrence wins.
    let header = [
        0x12, // UDHL = 18
        0x70, 0x01, 0xAA, // unknown
        0x00, 0x03, 0x01, 0x02, 0x01, // valid, ref 1
        0x00, 0x03, 0x02, 0x02, 0x01, // valid, ref 2: wins
        0x00, 0x03, 0x03, 0x00, 0x01, // total 0: ignored
    ];
    let parsed = parse_udh(&header).unwrap();
    assert_eq!(parsed.udh.concat.map(|c| c.reference), Some(2));
    let notes: Vec<_> = parsed.notes.iter().copied().collect();
    assert_eq!(
        notes,
        [
            HeaderNote::UnknownElement { iei: 0x70 },
            HeaderNote::InvalidConcat
        ]
    );
    // Sequence 0, sequence above total, wrong length.
    for bad in [
        [0x05, 0x00, 0x03, 0x01, 0x02, 0x00],
        [0x05, 0x00, 0x03, 0x01, 0x02, 0x03],
    ] {
        assert_eq!(parse_udh(&bad).unwrap().udh.concat, None);
    }
    assert_eq!(
        parse_udh(&[0x04, 0x00, 0x02, 0x01, 0x01])
            .unwrap()
            .notes
            .first(),
        Some(&HeaderNote::InvalidConcat)
    );
    // Reserved NLI and Spanish locking: default tables, noted.
    let parsed = parse_udh(&[0x06, 0x24, 0x01, 0x0E, 0x25, 0x01, 0x02]).unwrap();
    assert_eq!(parsed.udh.alphabet(), Alphabet::DEFAULT);
    let notes: Vec<_> = parsed.notes.iter().copied().collect();
    assert_eq!(
        notes,
        [
            HeaderNote::UnknownLanguage { iei: 0x24, nli: 14 },
            HeaderNote::UnknownLanguage { iei: 0x25, nli: 2 }
        ]
    );
    // A shift IE of the wrong length.
    assert_eq!(
        parse_udh(&[0x04, 0x24, 0x02, 0x01, 0x01])
            .unwrap()
            .notes
            .first(),
        Some(&HeaderNote::BadShiftElement { iei: 0x24 })
    );
}

/// Packs raw septets as TP-UD without a header.
fn septets(raw: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; septet::packed_octets(0, raw.len())];
    pack_septets(raw, 0, &mut out).unwrap();
    out
}

#[test]
fn seven_bit_escapes() {
    let decode = |raw: &[u8], header: Option<&[u8]>| {
        let (ud, udl) = match header {
            None => (septets(raw), raw.len()),
            Some(h) => {
                let fill_septets = (8 * h.len()).div_ceil(7);
                let mut stream = vec![0u8; fill_septets];
                stream.extend_from_slice(raw);
                let mut ud = septets(&stream);
                // Put the header over the leading zero septets.
                ud[..h.len()].copy_from_slice(h);
                (ud, stream.len())
            }
        };
        decode_user_data(&ud, 0, header.is_some(), udl).unwrap()
    };
    // ESC + a code not in the extension table: the default table's character.
    let d = decode(&[0x1B, 0x41], None);
    assert_eq!(
        (d.text.as_deref(), d.warnings.as_slice()),
        (Some("A"), &[][..])
    );
    // ESC ESC: a space.
    assert_eq!(decode(&[0x1B, 0x1B], None).text.as_deref(), Some(" "));
    // CR2: reported, no character.
    let d = decode(&[0x41, 0x1B, 0x0D, 0x42], None);
    assert_eq!(
        (d.text.as_deref(), d.warnings.as_slice()),
        (Some("AB"), &[DecodeWarning::Cr2][..])
    );
    // ESC at the end.
    let d = decode(&[0x41, 0x1B], None);
    assert_eq!(
        (d.text.as_deref(), d.warnings.as_slice()),
        (Some("A"), &[DecodeWarning::TrailingEscape][..])
    );
    // A code with no character in a national locking table (Bengali 0x0C), alone and after ESC.
    let bengali = [0x03, 0x25, 0x01, 0x04];
    assert_eq!(
        septet::Table::locking(Some(Language::Bengali))
            .unwrap()
            .char_at(0x0C),
        None
    );
    let d = decode(&[0x0C], Some(&bengali));
    assert_eq!(
        (d.text.as_deref(), d.warnings.as_slice()),
        (
            Some("\u{FFFD}"),
            &[DecodeWarning::UnknownCode { code: 0x0C }][..]
        )
    );
    assert_eq!(septet::Table::single(None).char_at(0x0C), None);
    let d = decode(&[0x1B, 0x0C], Some(&bengali));
    assert_eq!(d.warnings, [DecodeWarning::UnknownShiftCode { code: 0x0C }]);
}

#[test]
fn ucs2_and_eight_bit() {
    // Odd length: last octet ignored, reported.
    let d = decode_user_data(&[0x00, 0x41, 0x00], 0x08, false, 3).unwrap();
    assert_eq!(
        (d.text.as_deref(), d.warnings.as_slice()),
        (Some("A"), &[DecodeWarning::OddOctet][..])
    );
    // A lone surrogate.
    let d = decode_user_data(&[0xD8, 0x3D, 0x00, 0x41], 0x08, false, 4).unwrap();
    assert_eq!(d.text.as_deref(), Some("\u{FFFD}A"));
    assert_eq!(
        d.warnings,
        [DecodeWarning::UnpairedSurrogate { unit: 0xD83D }]
    );
    // 8-bit: bytes, not text (message class 1 in the 0xF0 group).
    let d = decode_user_data(
        &[0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0xDE, 0xAD],
        0xF5,
        true,
        8,
    )
    .unwrap();
    assert_eq!((d.text, d.data.as_deref()), (None, Some(&[0xDE, 0xAD][..])));
    // Compressed text (TS 23.042) is refused, in both groups that can carry the bit.
    for dcs in [0x20, 0x24, 0x28, 0x2C, 0x60, 0x7F] {
        assert_eq!(
            decode_user_data(&[0], dcs, false, 0),
            Err(PduError::UnsupportedDataCoding { dcs })
        );
    }
    // Reserved codings are read as the default alphabet (TS 23.038 §4), with a warning:
    // "Hello" packed (hand-checked: C8 32 9B FD 06).
    for dcs in [0x0C, 0x1C, 0x4C, 0x80, 0x9F, 0xB4] {
        let d = decode_user_data(&[0xC8, 0x32, 0x9B, 0xFD, 0x06], dcs, false, 5).unwrap();
        assert_eq!(d.text.as_deref(), Some("Hello"), "0x{dcs:02X}");
        assert_eq!(d.warnings, [DecodeWarning::ReservedDataCoding { dcs }]);
    }
}

#[test]
fn tpdus() {
    let pdu = decode_hex(
        "07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F",
    )
    .unwrap();
    // Every truncation is an error, never a panic.
    for n in 0..pdu.len() {
        assert!(decode_tpdu(&pdu[..n]).is_err(), "{n}");
    }
    // An extra octet under both readings.
    let mut extra = pdu.clone();
    extra.push(0);
    assert_eq!(
        decode_tpdu(&extra),
        Err(PduError::TrailingOctets { extra: 1 })
    );
    // An SMS-STATUS-REPORT.
    let mut status = pdu.clone();
    status[8] = 0x02;
    assert_eq!(
        decode_tpdu(&status),
        Err(PduError::UnsupportedMessageType { first_octet: 0x02 })
    );
    // F inside the digits.
    let mut bad = pdu.clone();
    bad[12] = 0xF1;
    assert_eq!(
        decode_tpdu(&bad),
        Err(PduError::BadAddress {
            reason: "filler F inside the digits"
        })
    );
    // An address longer than 20 digits.
    let mut long = pdu;
    long[9] = 0x16;
    assert!(matches!(
        decode_tpdu(&long),
        Err(PduError::BadAddress { .. })
    ));
    // Hex.
    assert_eq!(decode_hex("0"), Err(PduError::BadHex { offset: 1 }));
    assert_eq!(decode_hex("zz"), Err(PduError::BadHex { offset: 0 }));
}

#[test]
fn alphanumeric_originator() {
    // SMS-DELIVER from "Info" (alphanumeric, TOA 0xD0), no SMSC, text "Hi".
    let pdu = decode_hex("000407D049B7F90D00000000000000000002C834").unwrap();
    let d = decode_tpdu(&pdu).unwrap();
    assert_eq!(
        (d.address.as_str(), d.user_data.text.as_deref()),
        ("Info", Some("Hi"))
    );
}

#[test]
fn encoding_errors() {
    assert_eq!(
        encode_part_into(
            "ş",
            PartCoding::Gsm7(Alphabet::DEFAULT),
            None,
            &mut [0; 140]
        ),
        Err(PduError::NotEncodable { character: 'ş' })
    );
    assert_eq!(
        encode_part_into(
            "\u{1B}",
            PartCoding::Gsm7(Alphabet::DEFAULT),
            None,
            &mut [0; 140]
        ),
        Err(PduError::NotEncodable {
            character: '\u{1B}'
        })
    );
    assert_eq!(
        encode_part_into(
            &"a".repeat(161),
            PartCoding::Gsm7(Alphabet::DEFAULT),
            None,
            &mut [0; 140]
        ),
        Err(PduError::PartTooLong {
            needed: 161,
            capacity: 160
        })
    );
    assert_eq!(
        encode_part_into(&"a".repeat(71), PartCoding::Ucs2, None, &mut [0; 140]),
        Err(PduError::PartTooLong {
            needed: 71,
            capacity: 70
        })
    );
    let bad = ConcatInfo {
        reference: 1,
        total: 2,
        sequence: 3,
        bits: ReferenceBits::Eight,
    };
    assert!(matches!(
        encode_part_into("a", PartCoding::Ucs2, Some(bad), &mut [0; 140]),
        Err(PduError::BadConcat { .. })
    ));
    assert!(matches!(
        encode_parts(
            &["a", "b"],
            PartCoding::Ucs2,
            ReferenceBits::Eight,
            256,
            SmppPacking::Unpacked,
            None
        ),
        Err(PduError::BadConcat { .. })
    ));
    let many = vec!["a"; 256];
    assert!(matches!(
        encode_parts(
            &many,
            PartCoding::Ucs2,
            ReferenceBits::Sixteen,
            0,
            SmppPacking::Unpacked,
            None
        ),
        Err(PduError::BadConcat { .. })
    ));
    for bad in ["", "+", "12a", "+123456789012345678901", "+ 1"] {
        assert!(
            matches!(Address::parse(bad), Err(PduError::BadAddress { .. })),
            "{bad}"
        );
    }
    let options = Options::default().with_charset(Charset::Ascii7);
    assert_eq!(
        encode("a{b", &options, &EncodeOptions::default()),
        Err(EncodeError::Pdu(PduError::ProfileMismatch {
            character: '{'
        }))
    );
}

fn part(reference: u8, total: u8, sequence: u8, text: &str) -> septet::DecodedUserData {
    let mut ud = [0u8; 140];
    let concat = ConcatInfo {
        reference: u16::from(reference),
        total,
        sequence,
        bits: ReferenceBits::Eight,
    };
    let info = encode_part_into(
        text,
        PartCoding::Gsm7(Alphabet::DEFAULT),
        Some(concat),
        &mut ud,
    )
    .unwrap();
    decode_user_data(&ud, 0, true, usize::from(info.udl)).unwrap()
}

#[test]
fn reassembly_duplicates_and_reuse() {
    let mut r = Reassembler::new(ReassemblyLimits::default());
    assert!(r.push("a", 1, &part(5, 2, 2, "lo"), 0).is_empty());
    // The same part again while pending: dropped.
    assert!(matches!(
        r.push("a", 2, &part(5, 2, 2, "lo"), 0)[..],
        [ReassemblyEvent::Duplicate {
            id: 2,
            sequence: 2,
            ..
        }]
    ));
    // Another sender with the same reference is another message.
    assert!(r.push("b", 3, &part(5, 2, 1, "xx"), 0).is_empty());
    let events = r.push("a", 4, &part(5, 2, 1, "hel"), 0);
    let [ReassemblyEvent::Completed(done)] = &events[..] else {
        panic!("{events:?}")
    };
    assert_eq!(
        (done.text.as_deref(), done.ids.as_slice()),
        (Some("hello"), &[4, 1][..])
    );
    // After completion: the same part is a duplicate ...
    assert!(matches!(
        r.push("a", 5, &part(5, 2, 1, "hel"), 0)[..],
        [ReassemblyEvent::Duplicate { id: 5, .. }]
    ));
    // ... a different part with the reused reference starts a new message.
    assert!(r.push("a", 6, &part(5, 2, 1, "new"), 0).is_empty());
    let left = r.finish();
    assert_eq!(left.len(), 2);
    assert_eq!(
        (
            left[0].key.sender,
            left[0].missing.as_slice(),
            left[0].ids.as_slice()
        ),
        ("b", &[2][..], &[3][..])
    );
    assert_eq!(
        (left[1].key.sender, left[1].missing.as_slice()),
        ("a", &[2][..])
    );
}

#[test]
fn reassembly_is_bounded() {
    let limits = ReassemblyLimits {
        max_pending: 3,
        max_age: Some(100),
        remembered_completed: 2,
    };
    let mut r = Reassembler::new(limits);
    let mut expired = Vec::new();
    for reference in 0..10u8 {
        for event in r.push(
            "s",
            reference,
            &part(reference, 3, 2, "x"),
            u64::from(reference),
        ) {
            match event {
                ReassemblyEvent::Expired(i) => expired.push((i.key.reference, i.missing)),
                other => panic!("{other:?}"),
            }
        }
        assert!(r.pending() <= 3);
    }
    // The oldest seven made room, in arrival order, each missing 1 and 3.
    assert_eq!(expired, (0..7).map(|r| (r, vec![1, 3])).collect::<Vec<_>>());
    // Age: at time 108, reference 7 (first seen at 7) is 101 old.
    let events = r.expire(108);
    assert!(matches!(&events[..], [ReassemblyEvent::Expired(i)] if i.key.reference == 7));
    assert_eq!(r.pending(), 2);
}

#[test]
fn single_part_messages_complete_at_once() {
    let mut r = Reassembler::new(ReassemblyLimits::default());
    let d = decode_user_data(&gsm("Hi"), 0, false, 2).unwrap();
    let events = r.push("s", "id", &d, 0);
    assert!(
        matches!(&events[..], [ReassemblyEvent::Completed(c)] if c.text.as_deref() == Some("Hi") && c.key.is_none())
    );
    let _ = Language::Turkish;
}

#[test]
fn header_elements_one_by_one() {
    use septet::{udh_elements, ElementReading, InformationElement};
    let header = [
        0x0F, // UDHL = 15
        0x70, 0x01, 0xAA, // unknown
        0x08, 0x04, 0xD0, 0xDE, 0x02, 0x01, // concat, 16-bit reference 0xD0DE, part 1 of 2
        0x24, 0x01, 0x01, // single shift: Turkish
        0x25, 0x01, 0x02, // locking shift: Spanish, which has none
        0x99, // after the header: text
    ];
    let elements = udh_elements(&header).unwrap();
    assert_eq!(elements.octets(), 16);
    let elements: Vec<InformationElement> = elements.map(Result::unwrap).collect();
    let walked: Vec<(usize, u8, &[u8], ElementReading)> = elements
        .iter()
        .map(|e| (e.offset, e.iei, e.bytes(&header), e.reading()))
        .collect();
    assert_eq!(
        walked,
        [
            (
                1,
                0x70,
                &header[1..4],
                ElementReading::Ignored(HeaderNote::UnknownElement { iei: 0x70 })
            ),
            (
                4,
                0x08,
                &header[4..10],
                ElementReading::Concat(ConcatInfo {
                    reference: 0xD0DE,
                    total: 2,
                    sequence: 1,
                    bits: ReferenceBits::Sixteen
                })
            ),
            (
                10,
                0x24,
                &header[10..13],
                ElementReading::SingleShift {
                    nli: 1,
                    language: Some(Language::Turkish)
                }
            ),
            (
                13,
                0x25,
                &header[13..16],
                ElementReading::LockingShift {
                    nli: 2,
                    language: None
                }
            ),
        ]
    );
    assert_eq!(elements[1].data, [0xD0, 0xDE, 0x02, 0x01]);
    // A wrong-length shift IE is skipped.
    let bad_shift = udh_elements(&[0x04, 0x24, 0x02, 0x01, 0x01])
        .unwrap()
        .next();
    assert_eq!(
        bad_shift.unwrap().unwrap().reading(),
        ElementReading::Ignored(HeaderNote::BadShiftElement { iei: 0x24 })
    );
    // An element past the end: one error (offset after the UDHL, as parse_udh reports it), then
    // the walk ends.
    let mut walk = udh_elements(&[0x04, 0x24, 0x01, 0x01, 0x00]).unwrap();
    assert!(walk.next().unwrap().is_ok());
    assert_eq!(
        walk.next(),
        Some(Err(PduError::ElementPastEnd { iei: 0, offset: 3 }))
    );
    assert_eq!(walk.next(), None);
    assert!(matches!(udh_elements(&[]), Err(PduError::MissingHeader)));
    assert!(matches!(
        udh_elements(&[0x07, 0x00]),
        Err(PduError::HeaderPastEnd {
            header_octets: 8,
            available: 2
        })
    ));
}
