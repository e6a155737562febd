//! The byte layer on arbitrary input: decoding never panics nor reads past the end; packing
//! round trips; text encoded and decoded part by part reassembles to the outgoing text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::{
    decode_tpdu, decode_user_data, encode, pack_septets, packed_octets, parse_udh,
    unpack_septets, EncodeOptions, Options, ReassemblyEvent, Reassembler, SmppPacking,
};

fuzz_target!(|input: (u8, bool, u8, &[u8])| {
    let (dcs, udhi, udl, bytes) = input;

    // Arbitrary bytes as a TPDU, as TP-UD, as a header: a value or a typed error.
    let _ = decode_tpdu(bytes);
    let _ = decode_user_data(bytes, dcs, udhi, usize::from(udl));
    let _ = parse_udh(bytes);

    // Packing: the septets come back.
    let fill = dcs & 7;
    let septets: Vec<u8> = bytes.iter().map(|b| b & 0x7F).collect();
    let mut packed = vec![0u8; packed_octets(fill, septets.len())];
    pack_septets(&septets, fill, &mut packed).expect("sized buffer");
    let mut back = vec![0u8; septets.len()];
    unpack_septets(&packed, fill, septets.len(), &mut back).expect("packed stream");
    assert_eq!(back, septets);

    // Encode → decode → reassemble (parts pushed last first).
    let text = String::from_utf8_lossy(bytes);
    let options = Options::default().with_smart_encoding(udhi);
    let encode_options = EncodeOptions {
        reference: u16::from(udl),
        smpp_packing: if dcs & 8 != 0 { SmppPacking::Packed } else { SmppPacking::Unpacked },
        destination: None,
    };
    let Ok(encoded) = encode(&text, &options, &encode_options) else {
        return;
    };
    let mut reassembler = Reassembler::new(Default::default());
    let mut done = Vec::new();
    for (id, part) in encoded.parts.iter().enumerate().rev() {
        let decoded =
            decode_user_data(&part.user_data, part.dcs, part.udhi, usize::from(part.udl))
                .expect("septet's own part decodes");
        for event in reassembler.push((), id, &decoded, 0) {
            match event {
                ReassemblyEvent::Completed(c) => done.push(c.text),
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!(done, [Some(encoded.text.clone())]);
});
