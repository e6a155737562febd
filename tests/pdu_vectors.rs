//! Every vector of the pdu-encoding contract's section 7, both ways.
#![cfg(feature = "alloc")]

use septet::{
    decode_hex, decode_tpdu, decode_user_data, encode_hex, Alphabet, ConcatInfo, EncodedPart,
    Language, MessageKind, PartCoding, ReferenceBits, SmppPacking,
};

struct Vector {
    text: &'static str,
    alphabet: Alphabet,
    concat: Option<ConcatInfo>,
    udh: &'static str,
    udl: u8,
    user_data: &'static str,
}

fn concat(reference: u16, total: u8, sequence: u8, bits: ReferenceBits) -> Option<ConcatInfo> {
    Some(ConcatInfo {
        reference,
        total,
        sequence,
        bits,
    })
}

fn alphabet(locking: Option<Language>, single: Option<Language>) -> Alphabet {
    Alphabet::new(locking, single).unwrap()
}

fn vectors() -> Vec<Vector> {
    let plain = |text, udl, user_data| Vector {
        text,
        alphabet: Alphabet::DEFAULT,
        concat: None,
        udh: "",
        udl,
        user_data,
    };
    vec![
        plain("hellohello", 10, "E8329BFD4697D9EC37"),
        plain("Hello", 5, "C8329BFD06"),
        plain("Hello, world!", 13, "C8329BFD6681EE6F399B1C02"),
        plain("Hello everyone!", 15, "C8329BFD0695ED6579FEED2E8700"),
        Vector {
            text: "hellohello",
            alphabet: Alphabet::DEFAULT,
            concat: concat(0, 2, 1, ReferenceBits::Eight),
            udh: "050003000201",
            udl: 17,
            user_data: "050003000201D06536FB8D2EB3D96F",
        },
        Vector {
            text: "hellohello",
            alphabet: Alphabet::DEFAULT,
            concat: concat(0xD0DE, 2, 1, ReferenceBits::Sixteen),
            udh: "060804D0DE0201",
            udl: 18,
            user_data: "060804D0DE0201E8329BFD4697D9EC37",
        },
        Vector {
            text: "Ğşa",
            alphabet: alphabet(None, Some(Language::Turkish)),
            concat: None,
            udh: "03240101",
            udl: 10,
            user_data: "03240101D81C37F330",
        },
        Vector {
            text: "नमस्ते",
            alphabet: alphabet(Some(Language::Hindi), None),
            concat: None,
            udh: "03250106",
            udl: 11,
            user_data: "03250106780999DF5316",
        },
        Vector {
            text: "Olá ê€",
            alphabet: alphabet(Some(Language::Portuguese), Some(Language::Portuguese)),
            concat: concat(42, 2, 1, ReferenceBits::Eight),
            udh: "0B00032A0201240103250103",
            udl: 20,
            user_data: "0B00032A02012401032501033CD90F100103",
        },
    ]
}

#[test]
fn section_7_encodes() {
    for v in vectors() {
        for packing in [SmppPacking::Unpacked, SmppPacking::Packed] {
            let part = EncodedPart::new(
                v.text,
                PartCoding::Gsm7(v.alphabet),
                v.concat,
                packing,
                None,
            )
            .unwrap();
            assert_eq!(encode_hex(&part.udh), v.udh, "{}", v.text);
            assert_eq!(part.udl, v.udl, "{}", v.text);
            assert_eq!(encode_hex(&part.user_data), v.user_data, "{}", v.text);
            assert_eq!((part.dcs, part.udhi), (0, !v.udh.is_empty()));
            assert_eq!(part.smpp.data_coding, 0);
            assert_eq!(part.smpp.esm_class, if v.udh.is_empty() { 0 } else { 0x40 });
            if packing == SmppPacking::Packed {
                assert_eq!(part.smpp.short_message, part.user_data);
            } else {
                // The header, then one octet per septet of the text.
                let sm = &part.smpp.short_message;
                assert_eq!(encode_hex(&sm[..part.udh.len()]), v.udh);
                let header_septets = (8 * part.udh.len()).div_ceil(7);
                assert_eq!(
                    sm.len() - part.udh.len(),
                    usize::from(v.udl) - header_septets
                );
                assert!(sm[part.udh.len()..].iter().all(|&s| s < 0x80));
            }
        }
    }
}

#[test]
fn section_7_decodes() {
    for v in vectors() {
        let user_data = decode_hex(v.user_data).unwrap();
        let d = decode_user_data(&user_data, 0x00, !v.udh.is_empty(), usize::from(v.udl)).unwrap();
        assert_eq!(d.text.as_deref(), Some(v.text));
        assert_eq!(encode_hex(&d.header), v.udh);
        assert_eq!(d.udh.concat, v.concat);
        assert_eq!(d.alphabet(), v.alphabet);
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}

#[test]
fn android_whole_pdus() {
    let pdu = decode_hex("07914151551512f2040B916105551511f100006080615131728A44D4F29C0E2AE3E96537B94C068DD16179784C2FCB41F4B0985D06B958ADD00FB0E94536AF974974DA6D281BA00E95E26D509B946FC3DBF87A25D56A04").unwrap();
    let d = decode_tpdu(&pdu).unwrap();
    assert_eq!(d.kind, MessageKind::Deliver);
    assert_eq!(
        d.user_data.text.as_deref(),
        Some("Test extended character table .,-!?@~_\\/&\"';^|:()<{}>[]=%*+#")
    );
    assert_eq!(d.smsc.as_deref(), Some("+14155551212"));
    assert_eq!(d.address, "+16505551111");
    assert!(d.user_data.warnings.is_empty());

    let pdu = decode_hex(
        "07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F",
    )
    .unwrap();
    let d = decode_tpdu(&pdu).unwrap();
    assert_eq!((d.dcs, d.udl), (0x08, 16));
    assert_eq!(d.user_data.text.as_deref(), Some("™©®hello"));
    // Without the SMSC address, the same reading.
    let bare = decode_tpdu(&pdu[8..]).unwrap();
    assert_eq!(bare.smsc, None);
    assert_eq!(bare.user_data.text.as_deref(), Some("™©®hello"));
}

#[test]
fn submit_tpdu_round_trip() {
    let to = septet::Address::parse("+491701234567").unwrap();
    for v in vectors() {
        let part = EncodedPart::new(
            v.text,
            PartCoding::Gsm7(v.alphabet),
            v.concat,
            SmppPacking::Unpacked,
            Some(&to),
        )
        .unwrap();
        let tpdu = part.tpdu.unwrap();
        assert_eq!(tpdu[0], 0x00, "use the SIM's SMSC");
        assert_eq!(tpdu[1], if v.udh.is_empty() { 0x01 } else { 0x41 });
        assert_eq!(encode_hex(&tpdu[3..11]), "0C91947110325476");
        let d = decode_tpdu(&tpdu).unwrap();
        assert_eq!(d.kind, MessageKind::Submit);
        assert_eq!(d.smsc.as_deref(), Some(""));
        assert_eq!(d.address, "+491701234567");
        assert_eq!(d.user_data.text.as_deref(), Some(v.text));
        assert_eq!((d.udl, d.message_reference, d.pid), (v.udl, Some(0), 0));
    }
    // A national number: type 0x81, odd digit count padded with F.
    let to = septet::Address::parse("01701234567").unwrap();
    let part = EncodedPart::new(
        "Hi",
        PartCoding::Ucs2,
        None,
        SmppPacking::Unpacked,
        Some(&to),
    )
    .unwrap();
    assert_eq!(
        encode_hex(&part.tpdu.unwrap()),
        "0001000B811007214365F700080400480069"
    );
}
