//! `septet encode`, `septet decode`, `septet batch --encode/--decode` and `septet reassemble`
//! end to end, against the vectors of the pdu contract (section 7) and round trips.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

/// Runs `septet` with `input` on standard input (written from a thread, so that a large input
/// cannot block against a full output pipe); the exit code and standard output and error.
fn septet_bytes(args: &[&str], input: &[u8]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_septet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn septet");
    let mut stdin = child.stdin.take().unwrap();
    let bytes = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&bytes).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (out.status.code(), out.stdout, out.stderr)
}

fn septet(args: &[&str], stdin: &str) -> (i32, String, String) {
    let (code, out, err) = septet_bytes(args, stdin.as_bytes());
    (
        code.unwrap_or(-1),
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn encode_json_gives_the_contract_vectors() {
    // (text, extra flags, udh, udl, user data) from the contract's section 7.
    let cases: &[(&str, &[&str], &str, u64, &str)] = &[
        ("hellohello", &[], "", 10, "E8329BFD4697D9EC37"),
        ("Hello", &[], "", 5, "C8329BFD06"),
        ("Hello, world!", &[], "", 13, "C8329BFD6681EE6F399B1C02"),
        (
            "Hello everyone!",
            &[],
            "",
            15,
            "C8329BFD0695ED6579FEED2E8700",
        ),
    ];
    for (text, flags, udh, udl, ud) in cases {
        let mut args = vec!["encode", "--json"];
        args.extend_from_slice(flags);
        args.push(text);
        let (code, out, err) = septet(&args, "");
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        let part = &v["encoded_parts"][0];
        assert_eq!(part["udh"], *udh, "{text}");
        assert_eq!(part["udl"], *udl, "{text}");
        assert_eq!(part["user_data"], *ud, "{text}");
        assert_eq!(part["dcs"], 0);
        assert_eq!(part["udhi"], false);
        assert_eq!(part["smpp"]["data_coding"], 0);
        assert_eq!(part["smpp"]["esm_class"], 0);
        assert_eq!(v["reference"], Value::Null);
    }
}

#[test]
fn batch_encode_numbers_references_and_keeps_ids() {
    let input = [
        json!({"id": "a", "text": "x".repeat(200)}),
        json!({"id": "b", "text": "short"}),
        json!({"id": "c", "text": "y".repeat(200), "reference": 200}),
        json!({"id": "d", "text": "z".repeat(400)}),
        json!({"id": "e", "text": "oops", "referense": 1}),
        json!({"id": "f", "text": ""}),
        json!({"id": "g", "text": "w".repeat(170)}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let (code, out, _) = septet(&["batch", "--encode", "--reference", "254"], &input);
    assert_eq!(code, 1, "a rejected and a malformed line");
    let lines = json_lines(&out);
    let refs: Vec<&Value> = lines.iter().map(|l| &l["reference"]).collect();
    assert_eq!(refs[0], &json!(254));
    assert_eq!(refs[1], &Value::Null);
    assert_eq!(refs[2], &json!(200), "a line's own reference");
    assert_eq!(refs[3], &json!(255), "the counter did not move for c");
    assert_eq!(lines[4]["id"], "e");
    assert_eq!(lines[4]["error"]["kind"], "invalid_option");
    assert!(lines[4]["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("did you mean `reference`"));
    assert_eq!(lines[5]["error"]["code"], 40316);
    assert_eq!(refs[6], &json!(0), "wraps at 256; rejected lines take none");
    // Every part of d carries the same reference and its sequence.
    let d = &lines[3]["encoded_parts"];
    assert_eq!(d.as_array().unwrap().len(), 3);
    for (i, p) in d.as_array().unwrap().iter().enumerate() {
        assert_eq!(p["udh"], format!("050003FF03{:02X}", i + 1));
        assert_eq!(p["smpp"]["esm_class"], 64);
    }
}

#[test]
fn decode_reads_the_android_pdus_and_user_data() {
    let (code, out, err) = septet(&["decode", "--json", "07914151551512f2040B916105551511f100006080615131728A44D4F29C0E2AE3E96537B94C068DD16179784C2FCB41F4B0985D06B958ADD00FB0E94536AF974974DA6D281BA00E95E26D509B946FC3DBF87A25D56A04"], "");
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["text"],
        "Test extended character table .,-!?@~_\\/&\"';^|:()<{}>[]=%*+#"
    );
    assert_eq!(v["encoding"], "GSM-7");
    let (_, out, _) = septet(
        &[
            "decode",
            "--json",
            "--dcs",
            "0",
            "--udl",
            "11",
            "--udhi",
            "03250106780999DF5316",
        ],
        "",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["text"], "नमस्ते");
    assert_eq!(
        v["national_language"],
        json!({"locking": "hindi", "single": null})
    );
    // The human view names the tables.
    let (_, out, _) = septet(
        &[
            "decode",
            "--dcs",
            "0",
            "--udl",
            "10",
            "--udhi",
            "03240101D81C37F330",
        ],
        "",
    );
    assert!(
        out.contains("Ğşa") && out.contains("single shift turkish"),
        "{out}"
    );
}

#[test]
fn batch_decode_turns_bad_input_into_error_lines_and_goes_on() {
    let input = [
        r#"{"id": 1, "user_data": "ZZ", "dcs": 0, "udl": 1}"#,
        r#"{"id": 2, "user_data": "C8329BFD06", "dcs": 0, "udl": 9}"#,
        r#"{"id": 3, "user_data": "0A0003", "dcs": 0, "udhi": true, "udl": 3}"#,
        r#"{"id": 4, "pdu": "0011"}"#,
        r#"{"id": 5, "user_data": "C8329BFD06", "dcs": 0, "udl": 5, "extra": true}"#,
        r#"{"id": 6, "user_data": "C8329BFD06", "dcs": 0, "udl": 5}"#,
        "not json",
    ]
    .join("\n");
    let (code, out, _) = septet(&["batch", "--decode"], &input);
    assert_eq!(code, 1);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 7);
    let kinds: Vec<&str> = lines[..5]
        .iter()
        .map(|l| l["error"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds[0], "bad_hex");
    assert_eq!(kinds[1], "user_data_too_short");
    assert_eq!(kinds[2], "header_past_end");
    assert_eq!(kinds[4], "invalid_json");
    assert_eq!(lines[4]["id"], 5, "the id survives an unknown field");
    assert_eq!(lines[5]["text"], "Hello");
    assert_eq!(lines[6]["error"]["kind"], "invalid_json");
}

/// Encodes a corpus, shuffles and duplicates its parts, reassembles them: every message comes
/// back as its outgoing text, duplicates are reported, a missing part is an incomplete line.
#[test]
fn encode_then_reassemble_round_trips() {
    let texts: Vec<String> = vec![
        "Hello".into(),
        "a".repeat(152) + "€" + &"b".repeat(152),
        "😀".repeat(40),
        "Don’t miss our “flash sale” — 50% off!".repeat(5),
        "Ж".repeat(140),
        "x".repeat(1000),
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({"id": i, "text": t, "smart_encoding": true, "max_parts": 20}).to_string() + "\n"
        })
        .collect();
    let (code, out, err) = septet(&["batch", "--encode"], &input);
    assert_eq!(code, 0, "{err}");
    let encoded = json_lines(&out);
    let mut parts = Vec::new();
    for (i, e) in encoded.iter().enumerate() {
        for (j, p) in e["encoded_parts"].as_array().unwrap().iter().enumerate() {
            parts.push(
                json!({"id": format!("{i}.{j}"), "sender": format!("s{}", i % 2),
                "user_data": p["user_data"], "dcs": p["dcs"], "udhi": p["udhi"], "udl": p["udl"]}),
            );
        }
    }
    // A deterministic shuffle: reversed, odd positions first.
    parts.reverse();
    let (odd, even): (Vec<_>, Vec<_>) = parts.iter().enumerate().partition(|(i, _)| i % 2 == 1);
    let mut order: Vec<Value> = odd
        .into_iter()
        .chain(even)
        .map(|(_, p)| p.clone())
        .collect();
    order.push(order[0].clone()); // a duplicate
    let lines: String = order.iter().map(|p| p.to_string() + "\n").collect();
    let (code, out, err) = septet(&["reassemble"], &lines);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(r#""kind":"duplicate""#), "{err}");
    let done = json_lines(&out);
    assert_eq!(done.len(), texts.len());
    for d in &done {
        let first: String = d["ids"][0]
            .as_str()
            .unwrap()
            .split('.')
            .next()
            .unwrap()
            .into();
        let i: usize = first.parse().unwrap();
        let expected = septet::smart_encode(&texts[i]);
        assert_eq!(d["text"], *expected, "message {i}");
        assert_eq!(d["parts"], encoded[i]["parts"]);
        let ids: Vec<String> = (0..d["parts"].as_u64().unwrap())
            .map(|j| format!("{i}.{j}"))
            .collect();
        assert_eq!(d["ids"], json!(ids), "ids in sequence order");
    }
    // Without the last line's message part: incomplete, with what is missing.
    let missing_one: String = order[1..order.len() - 1]
        .iter()
        .map(|p| p.to_string() + "\n")
        .collect();
    let (code, out, _) = septet(&["reassemble"], &missing_one);
    assert_eq!(code, 1);
    let last = json_lines(&out).pop().unwrap();
    assert_eq!(last["error"]["kind"], "incomplete");
    assert_eq!(last["error"]["bits"], 8);
    assert_eq!(last["error"]["missing"].as_array().unwrap().len(), 1);
}

#[test]
fn to_adds_a_tpdu_that_decodes_back() {
    let (code, out, _) = septet(&["encode", "--json", "--to", "+4915112345678", "Hello"], "");
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let tpdu = v["encoded_parts"][0]["tpdu"].as_str().unwrap().to_string();
    let (code, out, _) = septet(&["decode", "--json", &tpdu], "");
    assert_eq!(code, 0);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["text"], "Hello");
    let (code, _, err) = septet(&["encode", "--to", "+49 151", "Hello"], "");
    assert_eq!(code, 2, "{err}");
}

#[test]
fn national_tables_choose_the_pair_and_write_its_shift_ies() {
    // Contract section 7: `Ğşa` with the Turkish single shift table, `नमस्ते` with Hindi locking.
    let cases = [
        (
            "Ğşa",
            "turkish:single",
            "03240101",
            10,
            "03240101D81C37F330",
            json!({"locking": null, "single": "turkish"}),
        ),
        (
            "नमस्ते",
            "hindi:locking",
            "03250106",
            11,
            "03250106780999DF5316",
            json!({"locking": "hindi", "single": null}),
        ),
    ];
    for (text, tables, udh, udl, ud, pair) in cases {
        let (code, out, err) = septet(
            &["encode", "--json", "--national-languages", tables, text],
            "",
        );
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["encoding"], "GSM-7");
        assert_eq!(v["national_language"], pair);
        let part = &v["encoded_parts"][0];
        assert_eq!(
            (
                part["udh"].as_str().unwrap(),
                part["udl"].as_u64().unwrap(),
                part["user_data"].as_str().unwrap()
            ),
            (udh, udl, ud)
        );
        // The analysis names the same pair.
        let (_, out, _) = septet(&["--json", "--national-languages", tables, text], "");
        let a: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(a["national_language"], pair);
        assert_eq!(a["non_gsm"], json!([]));
    }
    // Android: 78 Turkish letters with the single shift table are 2 parts of 149 septets.
    let text = "ş".repeat(78);
    let (_, out, _) = septet(
        &[
            "encode",
            "--json",
            "--national-languages",
            "turkish:single",
            &text,
        ],
        "",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["parts"].as_u64(), v["units_per_part"].as_u64()),
        (Some(2), Some(149))
    );
    assert_eq!(
        v["encoded_parts"][0]["udh"],
        "08000300020124 0101".replace(' ', "")
    );
    // Without the option the same text is UCS-2.
    let (_, out, _) = septet(&["--json", &text], "");
    let a: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["encoding"], "UCS-2");
    // An unknown language is a usage error naming it.
    let (code, _, err) = septet(&["--national-languages", "klingon", "hi"], "");
    assert_eq!(code, 2);
    assert!(err.contains("klingon"), "{err}");
}

#[test]
fn concat_udh16_and_sar_frame_the_parts() {
    let text = "a".repeat(200);
    let (_, out, _) = septet(
        &[
            "encode",
            "--json",
            "--concat",
            "udh16",
            "--reference",
            "53470",
            &text,
        ],
        "",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["units_per_part"], 152);
    assert_eq!(v["concat"], "udh16");
    assert_eq!(v["encoded_parts"][0]["udh"], "060804D0DE0201");
    // SAR: no concatenation IE in the header, counted with udh16 capacities.
    let (_, out, _) = septet(&["encode", "--json", "--concat", "sar", &text], "");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["units_per_part"], 152);
    assert_eq!(v["encoded_parts"][0]["udh"], "");
    assert_eq!(v["encoded_parts"][0]["udhi"], false);
    // A udh8 reference must fit 8 bits.
    let (code, out, _) = septet(&["encode", "--json", "--reference", "300", &text], "");
    assert_eq!(code, 1);
    assert!(out.contains("bad_concat"), "{out}");
}

#[test]
fn sar_parts_carry_the_tlv_values() {
    let (_, out, _) = septet(
        &[
            "encode",
            "--json",
            "--concat",
            "sar",
            "--reference",
            "700",
            &"a".repeat(200),
        ],
        "",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let smpp = &v["encoded_parts"][1]["smpp"];
    assert_eq!(
        (
            smpp["sar_msg_ref_num"].as_u64(),
            smpp["sar_total_segments"].as_u64(),
            smpp["sar_segment_seqnum"].as_u64()
        ),
        (Some(700), Some(2), Some(2))
    );
    assert_eq!(smpp["esm_class"], 0);
}

/// The TP-UD at the end of a whole TPDU given in hex, `octets` long.
fn tail(pdu: &str, octets: usize) -> &str {
    &pdu[pdu.len() - 2 * octets..]
}

/// Peers' expected bytes through `septet batch --encode`: python-messaging's SMS-SUBMIT PDUs
/// (messaging/test/test_sms.py), its three-part message "encoded with umts-tools" (reference
/// 136), python-smpplib's `make_parts` (smpplib/tests/test_gsm.py) and Android's Turkish
/// single shift fragments (GsmSmsTest.java testFragmentTurkishText).
#[test]
fn peer_vectors_through_batch_encode() {
    let kipling = "Or walk with Kings - nor lose the common touch, if neither foes nor loving \
        friends can hurt you, If all men count with you, but none too much; If you can fill the \
        unforgiving minute With sixty seconds' worth of distance run, Yours is the Earth and \
        everything thats in it, And - which is more - you will be a Man, my son";
    let kipling_pdus = [
        "005100098156355476F80000AAA00500038803019E72D03DCC5E83EE693A1AB44CBBCF73500BE47ECB41ECF7\
         BC0CA2A3CBA0F1BBDD7EBB41F4777D8C6681D26690BB9CA6A3CB7290F95D9E83DC6F3988FDB6A7DD6790599E\
         2EBBC973D038EC06A1EB723A28FFAEB340493328CC6683DA653768FCAEBBE9A07B9A8E06E5DF7516485CA783\
         DC6F7719447FBF41EDFA18BD0325CDA0FCBB0E1A87DD",
        "005100098156355476F80000AAA005000388030240E6349B0DA2A3CBA0BADBFC969FD3F6B4FB0C6AA7DD757A\
         19744DD3D1A0791A4FCF83E6E5F1DB4D9E9F40F7B79C8E06BDCD20727A4E0FBBC76590BCEE6681B2EFBA7C0E\
         4ACF41747419540CCBE96850D84D0695ED65799E8E4EBBCF203A3A4C9F83D26E509ACE0205DD64500B7447A7\
         C768507A0E6ABFE565500B947FD741F7349B0D129741",
        "005100098156355476F80000AA14050003880303C2A066D8CD02B5F3A0F9DB0D",
    ];
    let turkish = "ĞŞİğşı".repeat(13);
    let input = [
        json!({"id": "hola", "text": "hola", "to": "+34616585119"}),
        json!({"id": "barca", "text": "BÄRÇA äñ@", "to": "+34654123456"}),
        json!({"id": "ru", "text": "Русский"}),
        json!({"id": "kipling", "text": kipling, "reference": 136}),
        json!({"id": "at", "text": "@".repeat(306), "reference": 66}),
        json!({"id": "tr", "text": turkish, "national_languages": "turkish:single"}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let (code, out, err) = septet(&["batch", "--encode"], &input);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    let part = |i: usize, j: usize| &lines[i]["encoded_parts"][j];
    // Byte for byte python-messaging's PDUs (no SMSC, no validity period, TP-MR 0).
    assert_eq!(part(0, 0)["tpdu"], "0001000B914316565811F9000004E8373B0C");
    assert_eq!(
        part(1, 0)["tpdu"],
        "0001000B914356143254F6000009C2AD341104EDFB00"
    );
    assert_eq!(part(1, 0)["udl"], 9, "the final '@' counts");
    let ru = "001100098156355476F80008AA0E0420044304410441043A04380439";
    assert_eq!(part(2, 0)["user_data"], tail(ru, 14));
    assert_eq!(
        (part(2, 0)["dcs"].clone(), part(2, 0)["udl"].clone()),
        (json!(8), json!(14))
    );
    // The three parts of python-messaging's multipart message.
    assert_eq!(lines[3]["reference"], 136);
    let octets = [140, 140, 18];
    for (j, pdu) in kipling_pdus.iter().enumerate() {
        assert_eq!(
            part(3, j)["user_data"],
            tail(pdu, octets[j]),
            "part {}",
            j + 1
        );
        assert_eq!(part(3, j)["udh"], format!("0500038803{:02X}", j + 1));
        assert_eq!(part(3, j)["udhi"], true);
    }
    assert_eq!(part(3, 2)["udl"], 0x14);
    // smpplib: each short_message is the UDH and 153 unpacked septets, esm_class 0x40.
    for j in 0..2 {
        let sm = format!("0500034202{:02X}", j + 1) + &"00".repeat(153);
        assert_eq!(part(4, j)["smpp"]["short_message"], sm);
        assert_eq!(part(4, j)["smpp"]["esm_class"], 64);
        assert_eq!(part(4, j)["smpp"]["data_coding"], 0);
    }
    // Android: 78 Turkish letters, 2 septets each, are 74 + 4 letters; every part carries the
    // concatenation IE, then the single shift IE 0x24 (NLI 1).
    assert_eq!(
        lines[5]["national_language"],
        json!({"locking": null, "single": "turkish"})
    );
    let tr = lines[5]["encoded_parts"].as_array().unwrap();
    assert_eq!(tr.len(), 2);
    assert_eq!(tr[0]["udh"], "080003000201240101");
    assert_eq!(tr[0]["udl"], 11 + 148);
    assert_eq!(tr[1]["udh"], "080003000202240101");
    assert_eq!(tr[1]["udl"], 11 + 8);
}

/// Peers' PDUs through `septet batch --decode`: node-pdu (tests/parsing.test.ts),
/// python-messaging (test_sms.py) and Android (GsmSmsTest.java), with and without the SMSC.
#[test]
fn peer_pdus_through_batch_decode() {
    let cases = [
        (
            "07919730071111F1000B919746121611F10000811170021222230DC8329BFD6681EE6F399B1C02",
            "Hello, world!",
            "GSM-7",
        ),
        (
            "001100039199F90000FF1A4937BD2C7787E9E9B73BCC06C1D16F7719E4AEB7C56539",
            "International phone number",
            "GSM-7",
        ),
        (
            "07919730071111F1000B919746121611F100088111800212222318041F04400438043204350442002C0020043C043804400021",
            "Привет, мир!",
            "UCS-2",
        ),
        (
            "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07",
            "How are you?",
            "GSM-7",
        ),
        (
            "07914306073011F0040B914316709807F2000880604290224080084E2D5174901A8BAF",
            "中兴通讯",
            "UCS-2",
        ),
        (
            "07914151551512f2040B916105551511f100036060924180008A0DA8695DAC2E8FE9296A794E07",
            "(Subject)Test",
            "GSM-7",
        ),
        (
            "07912160130310F20404D0110041006060627171118A0120",
            " ",
            "GSM-7",
        ),
    ];
    let mut input: String = cases
        .iter()
        .enumerate()
        .map(|(i, (pdu, ..))| json!({"id": i, "pdu": pdu}).to_string() + "\n")
        .collect();
    // node-pdu's 16-bit concatenated part, and the same part as TP-UD with its fields.
    input.push_str(
        &(json!({"id": "p16", "pdu": "07919730071111F1400B919746121611F10000811170021222230E06080412340201C8329BFD6601"})
            .to_string()
            + "\n"),
    );
    input.push_str(
        &(json!({"id": "ud16", "user_data": "06080412340201C8329BFD6601", "dcs": 0, "udhi": true, "udl": 14})
            .to_string()
            + "\n"),
    );
    // 8-bit data (python-messaging test_encoding_8bit_message).
    input.push_str(
        &(json!({"id": "bin", "pdu": "07914400000000F001000B811000000000F000040B48692074686572652E2E2E"})
            .to_string()
            + "\n"),
    );
    let (code, out, err) = septet(&["batch", "--decode"], &input);
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    for (i, (pdu, text, encoding)) in cases.iter().enumerate() {
        assert_eq!(lines[i]["id"], i);
        assert_eq!(lines[i]["text"], *text, "{pdu}");
        assert_eq!(lines[i]["encoding"], *encoding, "{pdu}");
        assert_eq!(lines[i]["concat"], Value::Null);
        assert_eq!(lines[i]["warnings"], json!([]));
        assert_eq!(
            lines[i]["national_language"],
            json!({"locking": null, "single": null})
        );
    }
    let n = cases.len();
    for line in &lines[n..n + 2] {
        assert_eq!(line["text"], "Hello,");
        assert_eq!(
            line["concat"],
            json!({"reference": 0x1234, "total": 2, "sequence": 1, "bits": 16})
        );
    }
    assert_eq!(lines[n + 2]["text"], Value::Null);
    assert_eq!(lines[n + 2]["encoding"], "8-bit");
    assert_eq!(lines[n + 2]["data"], "48692074686572652E2E2E");
}

/// Peers' concatenated parts through `septet reassemble`, out of order and with a repeat:
/// node-pdu (tests/appending.test.ts), Android (GsmSmsTest.java testMultipart) and
/// python-messaging's German two-part message with a euro sign (test_sms.py).
#[test]
fn peer_parts_through_reassemble() {
    let node = |tail: &str| format!("07919730071111F1400B919746121611F100008111700212{tail}");
    let lines = [
        json!({"id": "up3", "pdu": node("42230D06080412340303A076D8FD03")}),
        json!({"id": "hakuna2", "pdu": "07919730071111F1400B919746121611F10000100161916233230E0500032E020240ED303D4C0F03"}),
        json!({"id": "up1", "pdu": node("22230E060804123403015774987E9A03")}),
        json!({"id": "de2", "pdu": "07919471227210244405852122F039F1015062712181804F050003190202E4E8309B5E7683DAFC319A5E76B340F73D9A5D7683A6E93268FD9ED3CB6EF67B0E5AD172B19B2C2693C9602E90355D6683A6F0B007946E8382F5393BEC26BB00"}),
        json!({"id": "up1again", "pdu": node("22230E060804123403015774987E9A03")}),
        json!({"id": "hakuna1", "pdu": "07919730071111F1400B919746121611F10000100161916223230D0500032E020190E175DD1D06"}),
        json!({"id": "de1", "pdu": "07919471227210244405852122F039F101506271217180A005000319020198E9B2B82C0759DFE4B0F9ED2EB7967537B9CC02B5D37450122D2FCB41EE303DFD7687D96537881A96A7CD6F383DFD7683F46134BBEC064DD36550DA0D22A7CBF3721BE42CD3F5A0198B56036DCA20B8FC0D6A0A4170767D0EAAE540433A082E7F83A6E5F93CFD76BB40D7B2DB0D9AA6CB2072BA3C2F83926EF31BE44E8FD17450BB8C9683CA"}),
        json!({"id": "up2", "pdu": node("32230C06080412340302A03A9C05")}),
        json!({"id": "one2", "sender": "+16502244137", "pdu": "07916163838408F6440B816105224431F700007060217185000A2305000300020262B1582C168BC96432994C2693C96432994C2693C96432990C"}),
        json!({"id": "hello1", "pdu": node("22230E06080412340201C8329BFD6601")}),
    ];
    let input: String = lines.iter().map(|v| v.to_string() + "\n").collect();
    let (code, out, err) = septet(&["reassemble"], &input);
    assert_eq!(code, 1, "two messages stay incomplete");
    assert!(
        err.contains(r#""id":"up1again""#) && err.contains(r#""kind":"duplicate""#),
        "{err}"
    );
    let out = json_lines(&out);
    let completed: Vec<&Value> = out.iter().filter(|l| l.get("text").is_some()).collect();
    assert_eq!(completed.len(), 3, "{out:?}");
    assert_eq!(
        *completed[0],
        json!({"ids": ["hakuna1", "hakuna2"], "sender": "+79642161111", "text": "Hakuna matata", "parts": 2})
    );
    assert_eq!(completed[1]["ids"], json!(["de1", "de2"]));
    assert_eq!(completed[1]["sender"], "12220");
    assert_eq!(
        completed[1]["text"],
        "Lieber Vodafone-Kunde, mit Ihrer nationalen Tarifoption zahlen Sie in diesem Netz \
         3,45 € pro MB plus 59 Ct pro Session. Wenn Sie diese Info nicht mehr erhalten möchten, \
         wählen Sie kostenlos +4917212220. Viel Spaß im Ausland."
    );
    assert_eq!(
        *completed[2],
        json!({"ids": ["up1", "up2", "up3"], "sender": "+79642161111", "text": "What's up, man?", "parts": 3})
    );
    // Android's second part alone, and node-pdu's "Hello," alone (reference 0x1234 but 2
    // parts: not the 3-part message of the same reference).
    let incomplete: Vec<&Value> = out.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(incomplete.len(), 2);
    assert_eq!(
        incomplete[0]["error"],
        json!({"kind": "incomplete", "reference": 0, "total": 2, "bits": 8, "missing": [1]})
    );
    assert_eq!(incomplete[0]["sender"], "+16502244137");
    assert_eq!(
        incomplete[1]["error"],
        json!({"kind": "incomplete", "reference": 0x1234, "total": 2, "bits": 16, "missing": [2]})
    );
}

#[test]
fn the_human_encode_view_shows_each_parts_text_and_what_tp_udl_counts() {
    let (code, out, _) = septet(&["encode", &"a".repeat(200)], "");
    assert_eq!(code, 0);
    // 6 header octets are 48 bits: 7 septets, 1 fill bit; 153 + 47 text septets.
    assert!(out.contains(&format!("  text       \"{}\"\n", "a".repeat(153))));
    assert!(out.contains(&format!("  text       \"{}\"\n", "a".repeat(47))));
    assert!(out.contains(
        "  TP-UDL     160 septets (UDH 6 octets = 7 septets with 1 fill bit, text 153 septets)\n"
    ));
    assert!(out.contains(
        "  TP-UDL     54 septets (UDH 6 octets = 7 septets with 1 fill bit, text 47 septets)\n"
    ));
    // 16 octets a row, the next row lined up under the first: the second part's TP-UD is the
    // header, then 47 'a' (0x61) septets packed after 1 fill bit: C2 (0x61 << 1), then 61 >> 7 ...
    let second = out.split("\npart 2 of 2\n").nth(1).unwrap();
    let tp_ud = second.lines().find(|l| l.starts_with("  TP-UD ")).unwrap();
    assert_eq!(
        tp_ud,
        "  TP-UD      05 00 03 00 02 02 C2 E1 70 38 1C 0E 87 C3 E1 70"
    );
    let next = second
        .lines()
        .skip_while(|l| !l.starts_with("  TP-UD "))
        .nth(1)
        .unwrap();
    assert!(next.starts_with("             38 1C 0E 87"), "{next}");

    // UCS-2: 40 emoji are 80 units; a part holds 67 but never half a pair, so 33 + 7 emoji.
    let (code, out, _) = septet(&["encode", &"😀".repeat(40)], "");
    assert_eq!(code, 0);
    assert!(
        out.contains("  TP-UDL     138 octets (UDH 6 octets, text 132 octets = 66 UTF-16 units)\n")
    );
    assert!(
        out.contains("  TP-UDL     34 octets (UDH 6 octets, text 28 octets = 14 UTF-16 units)\n")
    );
    let (_, out, _) = septet(&["encode", "hi"], "");
    assert!(out.contains("  TP-UDL     2 septets\n") && out.contains("  text       \"hi\"\n"));
    assert!(!out.contains("escapes"), "{out}");

    // Text as written (Hindi), invisible characters escaped, and the view says so; the decoded
    // view of the same part too.
    let (_, out, _) = septet(&["encode", "नमस्ते a\u{200B}b"], "");
    assert!(out.contains("  text       \"नमस्ते a\\u{200B}b\"\n"), "{out}");
    assert!(
        out.contains("(invisible and control characters are shown as escapes"),
        "{out}"
    );
    let (_, out, _) = septet(&["decode", "--dcs", "8", "--udl", "6", "0928200B0062"], "");
    assert!(out.starts_with("text         न\\u{200B}b\n"), "{out}");
    assert!(
        out.contains("(invisible and control characters are shown as escapes"),
        "{out}"
    );
}

/// A mixed `--encode` input: multi-part lines (8- and 16-bit references), lines with their own
/// reference (in and out of their width), single-part, rejected and malformed lines, blank
/// lines, invalid UTF-8.
fn mixed_encode_input(lines: usize) -> Vec<u8> {
    let texts = [
        "Your code is 483920.",
        "Don’t miss our “flash sale” — 50% off!",
        "Party 🎉 tonight 👩‍👩‍👧",
        "Prix: 12€ {promo} [ÉTÉ]",
        "Merhaba dünya, Şişli'de buluşalım",
        "a{b}",
        "",
    ];
    let mut input = Vec::new();
    for i in 0..lines {
        let text = texts[i % texts.len()].repeat(1 + i % 29);
        let line = match i % 13 {
            0 => json!({"id": i, "text": text, "reference": i % 300}).to_string(),
            1 => json!({"id": i, "text": text, "concat": "udh16"}).to_string(),
            2 => json!({"id": i, "text": text, "concat": "sar"}).to_string(),
            3 => json!({"id": i, "text": text, "smart_encoding": true}).to_string(),
            4 => json!({"id": i, "text": text, "encoding": "gsm7"}).to_string(),
            5 => json!({"id": i, "text": text, "national_languages": ["turkish"]}).to_string(),
            6 => format!("{{\"id\": {i}, \"text\": 1}}"),
            7 => String::new(),
            8 => json!({"id": i, "text": text, "charset": "ascii7"}).to_string(),
            9 => json!({"id": i, "text": text.repeat(9)}).to_string(),
            10 => json!({"id": i, "text": text, "concat": "payload", "reference": 5}).to_string(),
            _ => json!({"id": i, "text": text}).to_string(),
        };
        input.extend_from_slice(line.as_bytes());
        if i % 31 == 7 {
            input.extend_from_slice(b"\xff");
        }
        input.extend_from_slice(if i % 5 == 0 { b"\r\n" } else { b"\n" });
    }
    input
}

/// The references contract 3.3 gives each output line, worked out line by line from the
/// requests and the answers' part counts: the counter starts at `start`, a multi-part message
/// without its own reference takes the next one (wrapping at its width), and nothing else
/// moves it.
fn check_numbering(input: &[u8], output: &[Value], start: u32, default_width: u32) {
    let requests: Vec<Option<Value>> = input
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .map(|l| serde_json::from_slice(l).ok())
        .collect();
    assert_eq!(requests.len(), output.len());
    let mut counter = start;
    let mut taken = 0;
    for (request, answer) in requests.iter().zip(output) {
        if answer.get("error").is_some() {
            continue;
        }
        let request = request.as_ref().unwrap();
        let parts = answer["parts"].as_u64().unwrap();
        let width = match request.get("concat").and_then(Value::as_str) {
            Some("udh16" | "sar") => 65_536,
            Some(_) => 256,
            None => default_width,
        };
        let expected = match (parts, request.get("reference")) {
            (1, _) => Value::Null,
            (_, Some(own)) => own.clone(),
            _ => {
                let reference = counter % width;
                counter = (reference + 1) % width;
                taken += 1;
                json!(reference)
            }
        };
        assert_eq!(answer["reference"], expected, "{answer}");
    }
    assert!(taken > 100, "the input numbers many messages");
}

#[test]
fn batch_encode_output_is_identical_for_any_jobs() {
    let input = mixed_encode_input(6_000);
    let run = |args: &[&str]| {
        let (code, out, _) = septet_bytes(args, &input);
        (code, out)
    };
    for flags in [
        &["--reference", "250"][..],
        &["--concat", "udh16", "--reference", "65530"],
    ] {
        let one = run(&[&["batch", "--encode", "--jobs", "1"], flags].concat());
        assert_eq!(one.0, Some(1), "rejected and malformed lines");
        let lines = json_lines(std::str::from_utf8(&one.1).unwrap());
        assert!(lines.len() > 5_000);
        let start = flags[flags.len() - 1].parse().unwrap();
        let width = if flags.len() == 2 { 256 } else { 65_536 };
        check_numbering(&input, &lines, start, width);
        for jobs in ["2", "3"] {
            let many = run(&[&["batch", "--encode", "--jobs", jobs], flags].concat());
            assert_eq!(many.0, Some(1));
            assert!(
                many.1 == one.1,
                "--jobs {jobs} {flags:?} differs from --jobs 1"
            );
        }
    }
}

/// A reader that hands out at most a few bytes at a time, so that the batch's input buffer runs
/// dry after almost every line and chunks hold one or two records.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.step = self.step % 97 + 1;
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn batch_encode_numbers_across_tiny_chunks() {
    use septet_cli::batch::{input::Format, run, BatchConfig};
    use septet_cli::wire::Encode;
    use std::sync::Arc;

    let input: &'static [u8] = mixed_encode_input(3_000).leak();
    let encode = |jobs: usize, trickle: bool| {
        let mut settings = septet_report::Settings::default();
        settings.encode.reference = 200;
        let reader: Box<dyn std::io::Read + Send> = if trickle {
            Box::new(Trickle {
                data: input,
                step: 0,
            })
        } else {
            Box::new(input)
        };
        let mut output = Vec::new();
        let config = BatchConfig {
            format: Format::JsonLines,
            jobs,
            progress: None,
        };
        let tally = run(reader, &mut output, Arc::new(Encode::new(settings)), config).unwrap();
        (output, tally.messages)
    };
    let (whole, messages) = encode(1, false);
    let lines = json_lines(std::str::from_utf8(&whole).unwrap());
    assert_eq!(lines.len() as u64, messages);
    check_numbering(input, &lines, 200, 256);
    for (jobs, trickle) in [(1, true), (2, true), (3, true), (3, false)] {
        let (output, _) = encode(jobs, trickle);
        assert!(
            output == whole,
            "jobs {jobs}, trickle {trickle}: differs from one job over whole chunks"
        );
    }
}

#[test]
fn batch_encode_answers_each_request_at_once() {
    // A service writes one line and waits for its answer, on any number of jobs.
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_septet"))
            .args(["batch", "--encode", "--jobs", jobs, "--reference", "255"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout).lines() {
                if tx.send(line.unwrap()).is_err() {
                    return;
                }
            }
        });
        for (i, expected) in [json!(255), Value::Null, json!(0), json!(1)]
            .iter()
            .enumerate()
        {
            let text = if expected.is_null() {
                "hi".to_string()
            } else {
                "a".repeat(200)
            };
            writeln!(stdin, "{}", json!({"id": i, "text": text})).unwrap();
            stdin.flush().unwrap();
            let answer = rx
                .recv_timeout(std::time::Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("no answer to request {i} within 10 s (jobs {jobs})"));
            let v: Value = serde_json::from_str(&answer).unwrap();
            assert_eq!((&v["id"], &v["reference"]), (&json!(i), expected));
        }
        drop(stdin);
        assert!(child.wait().unwrap().success());
        reader.join().unwrap();
    }
}
