//! Decoding arbitrary bytes: a TPDU (with or without the SMSC prefix), TP-UD under every DCS,
//! UDHI and UDL, a header, and hex text. Each gives a value or a typed error, never a panic; and
//! what decodes is consistent with itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::{decode_hex, decode_tpdu, decode_user_data, encode_hex, parse_udh, DataCoding};

fuzz_target!(|input: (u8, bool, u8, &[u8])| {
    let (dcs, udhi, udl, bytes) = input;

    if let Ok(tpdu) = decode_tpdu(bytes) {
        // The TPDU's fields agree with its user data decoded on its own terms.
        let ud = &tpdu.user_data;
        assert_eq!(ud.text.is_some(), ud.coding != DataCoding::EightBit);
        if !tpdu.udhi {
            assert!(ud.header.is_empty());
        }
    }

    if let Ok(decoded) = decode_user_data(bytes, dcs, udhi, usize::from(udl)) {
        // Text or data, never both; the header is a prefix of the user data.
        assert_ne!(decoded.text.is_some(), decoded.data.is_some());
        assert!(bytes.starts_with(&decoded.header));
        if !udhi {
            assert!(decoded.header.is_empty() && decoded.udh.is_empty());
        }
        if let Some(concat) = decoded.udh.concat {
            assert!(concat.sequence >= 1 && concat.sequence <= concat.total);
        }
    }

    if let Ok(parsed) = parse_udh(bytes) {
        assert!(parsed.octets <= bytes.len());
        assert!(parsed.notes.len() <= septet::MAX_HEADER_NOTES);
    }

    // Hex: what decodes re-encodes to the same digits (upper case, no separators).
    if let Ok(text) = core::str::from_utf8(bytes) {
        if let Ok(octets) = decode_hex(text) {
            let back = encode_hex(&octets);
            assert_eq!(decode_hex(&back).as_deref(), Ok(&octets[..]));
        }
    }
});
