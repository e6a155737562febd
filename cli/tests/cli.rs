//! The `septet` binary: human output, `--json`, `batch` (with bad lines and invalid UTF-8), and
//! exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn septet(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_septet"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn human_report_of_the_readme_message() {
    let o = septet(
        &[
            "--smart-encoding",
            "--rate",
            "0.0051",
            "--currency",
            "USD",
            "Don’t miss our “flash sale” — 50% off!",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("encoding     GSM-7"), "{out}");
    assert!(out.contains("units        38 septets"), "{out}");
    assert!(
        out.contains("parts        1 (160 septets per part, 122 left in the last)"),
        "{out}"
    );
    assert!(
        out.contains("U+2014 '—' -> \"-\" at character 28 (byte 34)"),
        "{out}"
    );
    assert!(
        out.contains("cost         1 x 0.0051 USD = 0.0051 USD"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn human_report_shows_parts_non_gsm_and_warnings() {
    let text = format!("{}😀", "a".repeat(300));
    let o = septet(&[&text], b"");
    let out = stdout(&o);
    assert!(out.contains("encoding     UCS-2"), "{out}");
    assert!(
        out.contains("parts        5 (67 UTF-16 code units per part, 33 left in the last)"),
        "{out}"
    );
    assert!(
        out.contains("U+1F600 '😀' at character 300 (byte 300)"),
        "{out}"
    );
    assert!(
        out.contains("warning: the message splits into 5 parts"),
        "{out}"
    );
    assert!(out.contains("   5. \""), "{out}");
}

#[test]
fn stdin_is_read_when_text_is_absent() {
    let o = septet(&["--json"], "Price: $100 [USD]\n".as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["characters"], 17); // the trailing newline is dropped
    assert_eq!(v["units"], 19);
    let o = septet(&[], b"\xffbad");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not valid UTF-8 at byte 0"));
}

#[test]
fn json_result_has_every_field() {
    let o = septet(
        &[
            "--json",
            "--smart-encoding",
            "--parts",
            "--rate",
            "0.0051",
            "--currency",
            "USD",
            &format!("“{}”", "a".repeat(305)),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["encoding"], "GSM-7");
    assert_eq!(v["parts"], 3);
    assert_eq!(v["units"], 307);
    assert_eq!(v["characters"], 307);
    assert_eq!(v["units_per_part"], 153);
    assert_eq!(v["units_remaining"], 152);
    assert_eq!(v["smart_encoding"]["smart_encoding_applied"], true);
    assert_eq!(v["smart_encoding"]["final_encoding"], "gsm7");
    assert_eq!(v["smart_encoding"]["segment_count"], 3);
    assert_eq!(v["smart_encoding"]["character_count"], 307);
    assert_eq!(v["smart_encoding"]["replaced_character_count"], 2);
    assert_eq!(v["smart_encoding"]["length_change"], 0);
    assert_eq!(v["replacements"][1]["char_index"], 306);
    assert_eq!(v["replacements"][1]["byte_offset"], 308);
    assert_eq!(v["replacements"][1]["to"], "\"");
    assert_eq!(v["non_gsm"], serde_json::json!([]));
    assert_eq!(v["warnings"], serde_json::json!([]));
    assert_eq!(v["cost"]["amount"], "0.0153");
    assert_eq!(v["cost"]["currency"], "USD");
    let parts: Vec<&str> = v["part_texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(parts.concat(), format!("\"{}\"", "a".repeat(305)));
    assert_eq!(parts.len(), 3);
}

#[test]
fn exit_codes() {
    assert_eq!(septet(&["hello"], b"").status.code(), Some(0));
    // Rejected: too many parts, empty, gsm7 with emoji, too many characters.
    let long = "a".repeat(1531);
    let o = septet(&["--max-characters", "5000", &long], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("11 parts, the maximum is 10 (40302)"));
    assert_eq!(
        septet(
            &["--max-parts", "11", "--max-characters", "5000", &long],
            b""
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(septet(&[""], b"").status.code(), Some(1));
    let o = septet(&["--encoding", "gsm7", "Hi 😀"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("U+1F600 '😀' at character 3 (byte 3)"));
    assert_eq!(septet(&[&"a".repeat(1601)], b"").status.code(), Some(1));
    let o = septet(&["--json", ""], b"");
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["error"]["code"], 40316);
    // Usage errors.
    assert_eq!(
        septet(&["--charset", "ebcdic", "x"], b"").status.code(),
        Some(2)
    );
    assert_eq!(septet(&["--rate", "1e3", "x"], b"").status.code(), Some(2));
    assert_eq!(
        septet(&["batch", "/nonexistent/file.jsonl"], b"")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn batch_one_line_out_per_line_in_with_errors_in_place() {
    let mut input = Vec::new();
    input.extend_from_slice(br#"{"id": 1, "text": "hello"}"#);
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        "{\"id\": \"q\", \"text\": \"“q”\", \"smart_encoding\": true}\r\n".as_bytes(),
    );
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"id\": 4, \"text\": \"ok\xff\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(br#"{"id": {"k": [1]}, "text": "x", "encoding": "latin1"}"#);
    input.extend_from_slice(b"\n");
    input.extend_from_slice(r#"{"id": 7, "text": "Hi 😀", "encoding": "gsm7"}"#.as_bytes());
    input.extend_from_slice(b"\n");
    input.extend_from_slice(br#"{"id": 8, "text": "\u0000\u200b", "smart_encoding": true}"#);
    input.extend_from_slice(b"\n{\"id\": 9, \"text\": \"x\0y\"}\n");
    input.extend_from_slice(br#"{"id": 10, "text": "a", "sender": "short-code", "charset": "carrier-safe", "split": "graphemes"}"#);
    let o = septet(&["batch"], &input);
    assert_eq!(o.status.code(), Some(0));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["parts"], 1);
    assert_eq!(lines[1]["id"], "q");
    assert_eq!(lines[1]["encoding"], "GSM-7");
    assert_eq!(lines[2]["error"]["kind"], "invalid_json");
    assert_eq!(lines[2]["error"]["line"], 3);
    assert_eq!(lines[3]["error"]["kind"], "invalid_utf8");
    assert_eq!(lines[3]["error"]["line"], 4);
    assert_eq!(lines[3]["error"]["byte_offset"], 21);
    let offset = input.iter().position(|&b| b == 0xff).unwrap();
    assert_eq!(lines[3]["error"]["input_offset"], offset as u64);
    assert_eq!(lines[4]["error"]["kind"], "invalid_json");
    assert_eq!(lines[5]["id"], serde_json::json!({"k": [1]}));
    assert_eq!(lines[5]["error"]["kind"], "invalid_option");
    assert_eq!(lines[6]["id"], 7);
    assert_eq!(lines[6]["error"]["code"], 400);
    assert_eq!(lines[6]["error"]["non_gsm"][0]["code_point"], "U+1F600");
    assert_eq!(lines[7]["error"]["code"], 40316);
    assert_eq!(lines[8]["error"]["kind"], "invalid_json"); // a raw NUL inside a JSON string
    assert_eq!(lines[9]["id"], 10);
    assert_eq!(lines[9]["units"], 1);
}

#[test]
fn batch_flags_set_defaults_and_lines_override_them() {
    let input = concat!(
        r#"{"text": "“x”"}"#,
        "\n",
        r#"{"text": "“x”", "smart_encoding": false}"#,
        "\n",
        r#"{"text": "“x”", "encoding": "ucs2"}"#,
        "\n",
    );
    let o = septet(
        &["batch", "--smart-encoding", "--parts", "--max-parts", "2"],
        input.as_bytes(),
    );
    let lines = json_lines(&o);
    assert_eq!(lines[0]["encoding"], "GSM-7");
    assert_eq!(lines[0]["part_texts"], serde_json::json!(["\"x\""]));
    assert_eq!(lines[1]["encoding"], "UCS-2");
    assert!(lines[1].get("smart_encoding").is_none());
    assert_eq!(lines[2]["encoding"], "UCS-2");
    let long = format!(r#"{{"text": "{}"}}"#, "a".repeat(400));
    let o = septet(&["batch", "--max-parts", "2"], long.as_bytes());
    assert_eq!(json_lines(&o)[0]["error"]["code"], 40302);
    assert_eq!(json_lines(&o)[0]["error"]["parts"], 3);
}

#[test]
fn batch_streams_many_lines_in_order() {
    let mut input = String::new();
    for i in 0..50_000 {
        input.push_str(&format!(
            "{{\"id\":{i},\"text\":\"{}\"}}\n",
            "a".repeat(i % 400)
        ));
    }
    let o = septet(&["batch", "--max-parts", "10"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let mut count = 0;
    for (i, line) in out.lines().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], i);
        let len = i % 400;
        if len == 0 {
            assert_eq!(v["error"]["code"], 40316);
        } else {
            let expected = if len <= 160 { 1 } else { len.div_ceil(153) };
            assert_eq!(v["parts"], expected);
        }
        count += 1;
    }
    assert_eq!(count, 50_000);
}

#[test]
fn batch_survives_garbage() {
    let mut input = Vec::new();
    input.extend_from_slice(b"\xff\xfe\xfd binary \x00\x01\x02\n"); // 1: invalid UTF-8
    input.extend_from_slice(b"{\"id\": 2, \"text\": \"trunc\n"); // 2: truncated JSON
    input.extend_from_slice(b"\0\0\0\0\n"); // 3: NUL bytes
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    binary.retain(|&b| b != b'\n');
    input.extend_from_slice(&binary); // 4: binary
    input.push(b'\n');
    input.extend_from_slice(b"{\"id\": 5, \"text\": \""); // 5: a 100 MB message
    input.extend(std::iter::repeat_n(b'a', 100 << 20));
    input.extend_from_slice(b"\"}\n");
    input.extend(std::iter::repeat_n(b'{', 100 << 20)); // 6: a 100 MB line of garbage
    input.push(b'\n');
    input.extend_from_slice(br#"{"id": 7, "text": "still here"}"#); // 7: no final newline
    let o = septet(&["batch"], &input);
    assert_eq!(o.status.code(), Some(0));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0]["error"]["kind"], "invalid_utf8");
    assert_eq!(lines[0]["error"]["byte_offset"], 0);
    assert_eq!(lines[1]["error"]["kind"], "invalid_json");
    assert_eq!(lines[2]["error"]["kind"], "invalid_json");
    assert!(
        lines[3]["error"]["kind"] == "invalid_utf8" || lines[3]["error"]["kind"] == "invalid_json"
    );
    assert_eq!(lines[4]["id"], 5);
    assert_eq!(lines[4]["error"]["kind"], "too_many_characters");
    assert_eq!(lines[4]["error"]["characters"], 100 << 20);
    assert_eq!(lines[5]["error"]["kind"], "invalid_json");
    assert_eq!(lines[5]["error"]["line"], 6);
    assert_eq!(lines[6]["id"], 7);
    assert_eq!(lines[6]["parts"], 1);
}

#[test]
fn an_id_that_cannot_be_echoed_is_an_error_line() {
    // Found by the batch_line fuzz target (minimised): a lone surrogate escape in `id` was echoed
    // as written, giving a line that strict JSON parsers (serde_json) reject.
    let input = concat!(
        r#"{"id":"\ude00","text":"x"}"#,
        "\n",
        r#"{"id":"\ud83d\ude00","text":"x"}"#,
        "\n"
    );
    let o = septet(&["batch"], input.as_bytes());
    let lines = json_lines(&o); // parses every line with serde_json
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["kind"], "invalid_json");
    assert!(lines[0]["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("`id` cannot be echoed"));
    assert!(lines[0].get("id").is_none());
    assert_eq!(lines[1]["id"], "😀"); // a proper pair is echoed
    assert_eq!(lines[1]["parts"], 1);
}
