//! `encode` with the core's choices: national tables (least cost), concatenation forms, and the
//! part count of `analyze` under every combination.
#![cfg(feature = "alloc")]

use septet::{
    analyze_with, decode_user_data, encode, encode_hex, Concat, EncodeOptions, Language,
    NationalLanguages, Options, Reassembler, ReassemblyEvent,
};

fn turkish_single() -> Options {
    Options::default().with_national_languages(
        NationalLanguages::NONE
            .with_table(Language::Turkish, septet::TableKind::Single)
            .unwrap(),
    )
}

fn reassemble(e: &septet::Encoded) -> Option<String> {
    let mut r = Reassembler::new(Default::default());
    let mut text = None;
    for (id, p) in e.parts.iter().enumerate().rev() {
        let d = decode_user_data(&p.user_data, p.dcs, p.udhi, usize::from(p.udl)).unwrap();
        for event in r.push((), id, &d, 0) {
            if let ReassemblyEvent::Completed(c) = event {
                text = c.text;
            }
        }
    }
    text
}

#[test]
fn turkish_single_shift_from_the_contract() {
    let e = encode(
        "Şişli'de buluşalım",
        &turkish_single(),
        &EncodeOptions::default(),
    )
    .unwrap();
    assert_eq!(e.parts.len(), 1);
    assert_eq!(encode_hex(&e.parts[0].udh), "03240101");
    assert_eq!(reassemble(&e).as_deref(), Some("Şişli'de buluşalım"));
    // Android's counts: each ş 2 septets; 77 → 1 part, 78 → 2, 160 → 3 (74/74/12).
    for (letters, parts) in [(77, 1), (78, 2), (160, 3)] {
        let text = "ş".repeat(letters);
        let e = encode(&text, &turkish_single(), &EncodeOptions::default()).unwrap();
        assert_eq!(e.parts.len(), parts, "{letters}");
        assert_eq!(reassemble(&e).as_deref(), Some(text.as_str()));
        if parts > 1 {
            assert_eq!(e.parts[0].udh.len(), 9); // concat 8-bit + IE 0x24
        }
    }
}

#[test]
fn concat_forms() {
    let text = "a".repeat(200);
    for (concat, udh_octets) in [
        (Concat::Udh8, 6),
        (Concat::Udh16, 7),
        (Concat::Sar, 0),
        (Concat::Payload, 6),
    ] {
        let options = Options::default().with_concat(concat);
        let e = encode(
            &text,
            &options,
            &EncodeOptions {
                reference: 300 % 256,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            e.parts.len(),
            analyze_with(&text, &options).unwrap().parts,
            "{concat:?}"
        );
        assert_eq!(e.parts[0].udh.len(), udh_octets, "{concat:?}");
        if concat == Concat::Sar {
            assert_eq!(
                e.parts[1]
                    .smpp
                    .sar
                    .map(|s| (s.reference, s.total, s.sequence)),
                Some((44, 2, 2))
            );
        } else {
            assert_eq!(reassemble(&e).as_deref(), Some(text.as_str()));
        }
    }
}

#[test]
fn everything_enabled_round_trips() {
    let options = Options::default().with_national_languages(NationalLanguages::ALL);
    for text in [
        "a€€€€€€€€€€€€",
        "நன்றி Tamil",
        "नमस्ते दुनिया",
        "Olá, você está bem? ê€",
        "Ğüzel ş",
    ] {
        for concat in Concat::ALL {
            let options = options.with_concat(concat);
            let long = text.repeat(20);
            for t in [text, long.as_str()] {
                let e = encode(t, &options, &EncodeOptions::default()).unwrap();
                assert_eq!(e.parts.len(), analyze_with(t, &options).unwrap().parts);
                if concat != Concat::Sar {
                    assert_eq!(
                        reassemble(&e).as_deref(),
                        Some(e.text.as_str()),
                        "{t} {concat:?}"
                    );
                }
            }
        }
    }
}
