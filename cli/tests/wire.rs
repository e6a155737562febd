//! `septet encode`, `septet decode`, `septet batch --encode/--decode` and `septet reassemble`
//! end to end, against the vectors of the pdu contract (section 7) and round trips.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn septet(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_septet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn septet");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
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
