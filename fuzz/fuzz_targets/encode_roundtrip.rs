//! Encode → decode → reassemble under arbitrary options: every part septet writes decodes with
//! its own header and alphabet, its SMPP fields and TPDU agree with it, the part count is the
//! analysis's, and the parts, pushed in a scrambled order, reassemble to the outgoing text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::{
    analyze_with, decode_tpdu, decode_user_data, encode, Address, Concat, EncodeError,
    EncodeOptions, Limits, Options, PartCoding, ReassemblyEvent, Reassembler, SmppPacking,
};

fuzz_target!(|input: (Options, u16, bool, Option<u32>, &str)| {
    let (options, reference, packed, destination, text) = input;
    let limits = options.limits;
    let options = options.with_limits(
        Limits::NONE
            .with_max_parts(limits.max_parts % 300)
            .with_max_characters(limits.max_characters % 8192)
            .with_warn_parts(limits.warn_parts % 64),
    );
    let destination = destination.map(|n| Address::parse(&format!("+{n}")).expect("digits"));
    let encode_options = EncodeOptions {
        reference,
        smpp_packing: if packed { SmppPacking::Packed } else { SmppPacking::Unpacked },
        destination,
    };
    let analysis = analyze_with(text, &options);
    let encoded = match encode(text, &options, &encode_options) {
        Ok(encoded) => encoded,
        Err(EncodeError::Analysis(e)) => {
            assert_eq!(analysis, Err(e));
            return;
        }
        Err(EncodeError::Pdu(_)) => {
            // Refused bytes (a reference too wide, more than 255 parts, an ascii7 mismatch):
            // the analysis itself succeeded.
            assert!(analysis.is_ok());
            return;
        }
        Err(other) => panic!("{other:?}"),
    };
    let analysis = analysis.expect("encode succeeded, so the analysis did");
    assert_eq!(encoded.analysis, analysis);
    assert_eq!(encoded.parts.len(), analysis.parts, "count == encode");
    assert_eq!(encoded.reference.is_some(), analysis.parts > 1);

    let mut decoded_parts = Vec::new();
    for (index, part) in encoded.parts.iter().enumerate() {
        assert!(part.user_data.len() <= 140, "TP-UD over 140 octets");
        let mut decoded =
            decode_user_data(&part.user_data, part.dcs, part.udhi, usize::from(part.udl))
                .expect("septet's own part decodes");
        assert_eq!(decoded.header, part.udh);
        if let PartCoding::Gsm7(alphabet) = encoded.coding {
            assert_eq!(decoded.alphabet(), alphabet);
        }
        // SMPP: the same coding and indicator; packed GSM-7 and UCS-2 carry the TP-UD as is.
        assert_eq!(part.smpp.data_coding, part.dcs);
        assert_eq!(part.smpp.esm_class & 0x40 != 0, part.udhi);
        if packed || encoded.coding == PartCoding::Ucs2 {
            assert_eq!(part.smpp.short_message, part.user_data);
        }
        match options.concat {
            Concat::Sar => {
                assert!(decoded.udh.concat.is_none());
                decoded.udh.concat = part.smpp.sar;
            }
            _ => assert!(part.smpp.sar.is_none()),
        }
        if let Some(concat) = decoded.udh.concat {
            assert_eq!(usize::from(concat.sequence), index + 1);
            assert_eq!(usize::from(concat.total), analysis.parts);
            assert_eq!(Some(concat.reference), encoded.reference);
        }
        // The modem's TPDU carries the same user data to the same number.
        match (&part.tpdu, destination) {
            (Some(tpdu), Some(address)) => {
                let back = decode_tpdu(tpdu).expect("septet's own TPDU decodes");
                assert_eq!(back.user_data.text, decoded.text);
                let digits: String = address.digits().collect();
                assert_eq!(back.address, format!("+{digits}"));
            }
            (None, None) => {}
            other => panic!("TPDU {other:?}"),
        }
        decoded_parts.push(decoded);
    }

    // Reassembly, the parts pushed rotated (and reversed when packed).
    let n = decoded_parts.len();
    let mut order: Vec<usize> = (0..n).map(|i| (i + usize::from(reference)) % n).collect();
    if packed {
        order.reverse();
    }
    let mut reassembler = Reassembler::new(Default::default());
    let mut done = Vec::new();
    for &i in &order {
        for event in reassembler.push((), i, &decoded_parts[i], 0) {
            match event {
                ReassemblyEvent::Completed(c) => {
                    assert_eq!(c.ids, (0..n).collect::<Vec<_>>());
                    done.push(c.text)
                }
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!(done, [Some(encoded.text.clone())]);
    assert!(reassembler.finish().is_empty());
});
