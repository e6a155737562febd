//! Properties of the byte layer: packing against a bit-by-bit model, encode → decode →
//! reassemble round trips under every option combination, part counts equal to the analysis.
#![cfg(feature = "alloc")]

use proptest::prelude::*;
use septet::{
    analyze_with, decode_tpdu, decode_user_data, encode, encode_part_into, pack_septets,
    packed_octets, unpack_septets, Address, Alphabet, Charset, Concat, ConcatInfo, EncodeOptions,
    EncodingRequest, Language, MessageEncoder, Options, PartBytes, PartCoding, PreparedMessage,
    Reassembler, ReassemblyEvent, ReassemblyLimits, ReferenceBits, SmppPacking, SplitMode, Table,
};

/// The packing rule read literally: septet i fills stream bits fill+7i … fill+7i+6, LSB first;
/// octet k holds bits 8k … 8k+7.
fn naive_pack(septets: &[u8], fill: u8) -> Vec<u8> {
    let mut bits = vec![false; usize::from(fill)];
    for &s in septets {
        for b in 0..7 {
            bits.push((s >> b) & 1 == 1);
        }
    }
    bits.chunks(8)
        .map(|octet| {
            octet
                .iter()
                .enumerate()
                .map(|(i, &b)| u8::from(b) << i)
                .sum()
        })
        .collect()
}

fn naive_unpack(packed: &[u8], fill: u8, count: usize) -> Vec<u8> {
    let bit = |i: usize| (packed[i / 8] >> (i % 8)) & 1;
    (0..count)
        .map(|s| {
            (0..7)
                .map(|b| bit(usize::from(fill) + 7 * s + b) << b)
                .sum()
        })
        .collect()
}

fn language(nli: u8) -> Option<Language> {
    Language::from_nli(nli)
}

/// A pair of tables and text written only in them.
fn alphabet_and_text() -> impl Strategy<Value = (Alphabet, String)> {
    (0u8..14, 0u8..14)
        .prop_filter_map("Spanish has no locking table", |(l, s)| {
            Alphabet::new(language(l), language(s))
        })
        .prop_flat_map(|alphabet| {
            let mut chars: Vec<char> = Table::single(alphabet.single())
                .entries()
                .map(|(_, c)| c)
                .collect();
            chars.extend(alphabet.locking_table().entries().map(|(_, c)| c));
            (
                Just(alphabet),
                proptest::collection::vec(proptest::sample::select(chars), 0..200),
            )
        })
        .prop_map(|(alphabet, chars)| (alphabet, chars.into_iter().collect()))
}

/// Cuts `text` into parts that fit `alphabet` with a concat IE and its shift IEs, never between
/// ESC and its code (a model of splitting, independent of the core's).
fn cut(text: &str, alphabet: Alphabet, bits: ReferenceBits) -> Vec<String> {
    let concat = ConcatInfo {
        reference: 0,
        total: 2,
        sequence: 1,
        bits,
    };
    let multi = septet::Udh::new(Some(concat), alphabet).septets();
    let single = septet::Udh::new(None, alphabet).septets();
    let total: usize = text.chars().map(|c| alphabet.cost(c).unwrap()).sum();
    if total <= 160 - single {
        return vec![text.to_owned()];
    }
    let capacity = 160 - multi;
    let mut parts = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let cost = alphabet.cost(c).unwrap();
        if used + cost > capacity {
            parts.push(String::new());
            used = 0;
        }
        parts.last_mut().unwrap().push(c);
        used += cost;
    }
    parts
}

/// Decodes every part (TP-UD, SMPP short message, TPDU), feeds them to a reassembler in the
/// given order and returns the one completed text.
fn reassemble(parts: &[septet::EncodedPart], order: &[usize]) -> String {
    let mut r = Reassembler::new(ReassemblyLimits::default());
    let mut done = Vec::new();
    for &i in order {
        let p = &parts[i];
        let d = decode_user_data(&p.user_data, p.dcs, p.udhi, usize::from(p.udl)).unwrap();
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.header, p.udh);
        if let Some(tpdu) = &p.tpdu {
            let t = decode_tpdu(tpdu).unwrap();
            assert_eq!(t.user_data, d);
        }
        for event in r.push("sender", i, &d, 0) {
            match event {
                ReassemblyEvent::Completed(c) => {
                    assert_eq!(c.ids, (0..parts.len()).collect::<Vec<_>>());
                    done.push(c.text.unwrap());
                }
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!(done.len(), 1);
    assert!(r.finish().is_empty());
    done.pop().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn packing_matches_the_bit_model(septets in proptest::collection::vec(0u8..128, 0..400), fill in 0u8..8) {
        let mut out = vec![0xAAu8; packed_octets(fill, septets.len())];
        let n = pack_septets(&septets, fill, &mut out).unwrap();
        prop_assert_eq!(n, out.len());
        prop_assert_eq!(&out, &naive_pack(&septets, fill));
        let mut back = vec![0u8; septets.len()];
        unpack_septets(&out, fill, septets.len(), &mut back).unwrap();
        prop_assert_eq!(&back, &septets);
    }

    #[test]
    fn unpacking_matches_the_bit_model(packed in proptest::collection::vec(any::<u8>(), 0..400), fill in 0u8..8) {
        let count = (packed.len() * 8).saturating_sub(usize::from(fill)) / 7;
        prop_assume!(packed_octets(fill, count) <= packed.len()); // no octet at all, fill bits pending
        let mut out = vec![0u8; count];
        unpack_septets(&packed, fill, count, &mut out).unwrap();
        prop_assert_eq!(out, naive_unpack(&packed, fill, count));
        // One septet more than the octets hold is an error, never a read past the end.
        let mut more = vec![0u8; count + 1];
        prop_assert!(unpack_septets(&packed, fill, count + 1, &mut more).is_err());
    }

    #[test]
    fn every_alphabet_round_trips(
        (alphabet, text) in alphabet_and_text(),
        sixteen in any::<bool>(),
        reference in any::<u16>(),
        packing in prop_oneof![Just(SmppPacking::Unpacked), Just(SmppPacking::Packed)],
        to in proptest::option::of("\\+?[0-9]{1,20}"),
        seed in any::<u64>(),
    ) {
        prop_assume!(!text.is_empty());
        let bits = if sixteen { ReferenceBits::Sixteen } else { ReferenceBits::Eight };
        let reference = if sixteen { reference } else { reference & 0xFF };
        let texts = cut(&text, alphabet, bits);
        prop_assume!(texts.len() <= 255);
        let destination = to.map(|t| Address::parse(&t).unwrap());
        let parts = septet::encode_parts(&texts, PartCoding::Gsm7(alphabet), bits, reference, packing, destination.as_ref()).unwrap();
        for (p, t) in parts.iter().zip(&texts) {
            // The header names the pair; the UDL counts header septets plus text septets.
            let d = decode_user_data(&p.user_data, p.dcs, p.udhi, usize::from(p.udl)).unwrap();
            prop_assert_eq!(d.alphabet(), alphabet);
            let septets: usize = t.chars().map(|c| alphabet.cost(c).unwrap()).sum();
            prop_assert_eq!(usize::from(p.udl), (8 * p.udh.len()).div_ceil(7) + septets);
            if packing == SmppPacking::Unpacked {
                prop_assert_eq!(p.smpp.short_message.len(), p.udh.len() + septets);
            } else {
                prop_assert_eq!(&p.smpp.short_message, &p.user_data);
            }
        }
        // Any arrival order.
        let mut order: Vec<usize> = (0..parts.len()).collect();
        let mut state = seed;
        for i in (1..order.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(reassemble(&parts, &order), text);
    }

    #[test]
    fn encode_agrees_with_analyze_and_round_trips(
        text in "(\\PC|[€{}\\[\\]~^|\\\\😀\u{1F468}\u{200D}\u{1F469}ş]){0,400}",
        ucs2 in any::<bool>(),
        smart in any::<bool>(),
        charset in prop_oneof![Just(Charset::Gsm0338), Just(Charset::CarrierSafe), Just(Charset::Ascii7)],
        graphemes in any::<bool>(),
        packing in prop_oneof![Just(SmppPacking::Unpacked), Just(SmppPacking::Packed)],
        reference in any::<u8>(),
        to in any::<bool>(),
    ) {
        let options = Options::default()
            .with_encoding(if ucs2 { EncodingRequest::Ucs2 } else { EncodingRequest::Auto })
            .with_smart_encoding(smart)
            .with_charset(charset)
            .with_split(if graphemes { SplitMode::Graphemes } else { SplitMode::Units })
            .with_limits(septet::Limits::NONE);
        let encode_options = EncodeOptions {
            reference: u16::from(reference),
            smpp_packing: packing,
            destination: to.then(|| Address::parse("+447700900123").unwrap()),
        };
        let analysis = analyze_with(&text, &options);
        match encode(&text, &options, &encode_options) {
            Ok(e) => {
                let analysis = analysis.unwrap();
                prop_assert_eq!(e.parts.len(), analysis.parts);
                if e.parts.len() > 1 {
                    prop_assert_eq!(e.reference, Some(u16::from(reference)));
                }
                let order: Vec<usize> = (0..e.parts.len()).rev().collect();
                prop_assert_eq!(reassemble(&e.parts, &order), e.text);
            }
            Err(septet::EncodeError::Analysis(err)) => prop_assert_eq!(analysis, Err(err)),
            Err(septet::EncodeError::Pdu(septet::PduError::ProfileMismatch { character })) => {
                prop_assert_eq!(charset, Charset::Ascii7);
                prop_assert_ne!(Alphabet::DEFAULT.cost(character), Some(1));
            }
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }

    /// What a batch relies on to number references before it writes any bytes: once
    /// `PreparedMessage::new` accepts a split, the message encodes under every reference of its
    /// width, exactly as `encode` does; and when it refuses, `encode` refuses the same way.
    #[test]
    fn a_prepared_message_encodes_under_any_reference(
        text in "(\\PC|[€{}\\[\\]~^|\\\\😀ş]){0,400}",
        charset in prop_oneof![Just(Charset::Gsm0338), Just(Charset::CarrierSafe), Just(Charset::Ascii7)],
        concat in prop_oneof![Just(Concat::Udh8), Just(Concat::Udh16), Just(Concat::Sar), Just(Concat::Payload)],
        reference in any::<u16>(),
    ) {
        let options = Options::default()
            .with_charset(charset)
            .with_concat(concat)
            .with_limits(septet::Limits::NONE);
        let split = match septet::split(&text, &options) {
            Ok(split) => split,
            Err(err) => {
                let refused = encode(&text, &options, &EncodeOptions::default());
                prop_assert_eq!(refused, Err(septet::EncodeError::Analysis(err)));
                return Ok(());
            }
        };
        match PreparedMessage::new(split) {
            Ok(prepared) => {
                let width = prepared.reference_bits().references();
                let encode_options = EncodeOptions {
                    reference: (u32::from(reference) % width) as u16,
                    ..Default::default()
                };
                let encoded = prepared.encode(&encode_options);
                prop_assert!(encoded.is_ok(), "{:?}", encoded);
                let encoded = encoded.unwrap();
                prop_assert_eq!(encoded.parts.len(), prepared.parts());
                let expected_reference = (prepared.parts() > 1).then_some(encode_options.reference);
                prop_assert_eq!(encoded.reference, expected_reference);
                prop_assert_eq!(Ok(encoded), encode(&text, &options, &encode_options));
            }
            Err(err) => prop_assert_eq!(Err(err), encode(&text, &options, &EncodeOptions::default())),
        }
    }

    #[test]
    fn message_encoder_writes_the_split_parts_as_encode_and_the_models_do(
        text in "(\\PC|[€{}\\[\\]~^|\\\\😀\u{1F468}\u{200D}\u{1F469}ş’—]){0,400}",
        ucs2 in any::<bool>(),
        smart in any::<bool>(),
        concat in prop_oneof![Just(Concat::Udh8), Just(Concat::Udh16), Just(Concat::Sar), Just(Concat::Payload)],
        turkish in any::<bool>(),
        graphemes in any::<bool>(),
        packing in prop_oneof![Just(SmppPacking::Unpacked), Just(SmppPacking::Packed)],
        reference in any::<u8>(),
        to in any::<bool>(),
    ) {
        let options = Options::default()
            .with_encoding(if ucs2 { EncodingRequest::Ucs2 } else { EncodingRequest::Auto })
            .with_smart_encoding(smart)
            .with_concat(concat)
            .with_national_languages(if turkish { "turkish".parse().unwrap() } else { Default::default() })
            .with_split(if graphemes { SplitMode::Graphemes } else { SplitMode::Units })
            .with_limits(septet::Limits::NONE);
        let destination = to.then(|| Address::parse("+447700900123").unwrap());
        let encode_options = EncodeOptions { reference: u16::from(reference), smpp_packing: packing, destination };
        let Ok(split) = septet::split(&text, &options) else {
            prop_assert!(MessageEncoder::new(&text, &options, &encode_options).is_err());
            return Ok(());
        };
        // The encoder takes the outgoing text; the input itself only when smart encoding
        // leaves it as it is.
        if split.text() != text {
            let refused = MessageEncoder::new(&text, &options, &encode_options).is_err();
            prop_assert!(refused, "the input was encoded as if smart-encoded");
        }
        let Ok(mut encoder) = MessageEncoder::new(split.text(), &options, &encode_options) else {
            return Ok(()); // a part count past 255 or a reference too wide, as `encode` refuses
        };
        let encoded = encode(&text, &options, &encode_options).unwrap();
        let texts: Vec<&str> = split.parts().collect();
        prop_assert_eq!(encoder.parts(), split.analysis().parts);
        prop_assert_eq!(texts.len(), encoder.parts());
        prop_assert_eq!(encoded.parts.len(), encoder.parts());
        let total = texts.len();
        let mut part = PartBytes::new();
        let mut written = 0;
        while let Some(index) = encoder.encode_next_into(&mut part).unwrap() {
            prop_assert_eq!(index, written);
            written += 1;
            let concat = (total > 1).then_some(ConcatInfo {
                reference: u16::from(reference),
                total: total as u8,
                sequence: index as u8 + 1,
                bits: if concat == Concat::Udh8 || concat == Concat::Payload { ReferenceBits::Eight } else { ReferenceBits::Sixteen },
            });
            let in_header = concat.filter(|_| options.concat != Concat::Sar);
            // The one-part API on the split's part.
            let mut expected = septet::EncodedPart::new(texts[index], encoder.coding(), in_header, packing, destination.as_ref()).unwrap();
            expected.smpp.sar = concat.filter(|_| options.concat == Concat::Sar);
            prop_assert_eq!(&part.to_encoded_part(), &expected);
            prop_assert_eq!(&encoded.parts[index], &expected);
            // TP-UD from the models: the header, then the text's septets (each character's
            // code from the tables, ESC first when shifted) packed bit by bit, or UTF-16BE.
            let udh = encoder.coding().udh(in_header);
            let mut user_data = vec![0u8; udh.octets()];
            udh.write(&mut user_data).unwrap();
            match encoder.coding() {
                PartCoding::Gsm7(alphabet) => {
                    let septets: Vec<u8> = texts[index].chars().flat_map(|c| {
                        let code = alphabet.septets(c).unwrap();
                        if code.shifted { vec![0x1B, code.code] } else { vec![code.code] }
                    }).collect();
                    user_data.extend(naive_pack(&septets, udh.fill_bits()));
                    let mut unpacked = user_data[..udh.octets()].to_vec();
                    unpacked.extend(&septets);
                    if packing == SmppPacking::Unpacked {
                        prop_assert_eq!(part.short_message(), &unpacked[..]);
                    }
                }
                PartCoding::Ucs2 => {
                    user_data.extend(texts[index].encode_utf16().flat_map(u16::to_be_bytes));
                }
            }
            prop_assert_eq!(part.user_data(), &user_data[..]);
            prop_assert_eq!(part.udh(), &user_data[..udh.octets()]);
        }
        prop_assert_eq!(written, total);
        // Done stays done.
        prop_assert_eq!(encoder.encode_next_into(&mut part).unwrap(), None);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200), dcs in any::<u8>(), udhi in any::<bool>(), udl in 0usize..300) {
        let _ = decode_tpdu(&bytes);
        let _ = decode_user_data(&bytes, dcs, udhi, udl);
        let _ = septet::parse_udh(&bytes);
    }

    #[test]
    fn ucs2_parts_round_trip(text in "\\PC{1,70}") {
        let mut ud = [0u8; 140];
        let units = text.encode_utf16().count();
        match encode_part_into(&text, PartCoding::Ucs2, None, &mut ud) {
            Ok(info) => {
                prop_assert_eq!(usize::from(info.udl), 2 * units);
                let d = decode_user_data(&ud, 0x08, false, usize::from(info.udl)).unwrap();
                prop_assert_eq!(d.text.as_deref(), Some(text.as_str()));
            }
            Err(septet::PduError::PartTooLong { needed, capacity }) => {
                prop_assert_eq!((needed, capacity), (units, 70));
                prop_assert!(units > 70);
            }
            Err(e) => prop_assert!(false, "{e:?}"),
        }
    }
}
