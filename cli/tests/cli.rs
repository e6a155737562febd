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
        out.contains("U+2014 — -> - at character 28 (byte 34)"),
        "{out}"
    );
    assert!(
        out.contains("cost         1 x 0.0051 USD = 0.0051 USD"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
}

/// The README's first use, `cargo run --release -- <args>` in "The two commands", prints exactly
/// the report the README shows under it.
#[test]
fn the_readme_first_use_prints_what_the_readme_shows() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let command = readme
        .lines()
        .find_map(|l| l.strip_prefix("cargo run --release -- "))
        .expect("the README's first use");
    let command = command.split("   #").next().unwrap().trim();
    // `--flag ... "quoted message"`: the flags, then the message between the outer quotes.
    let (flags, message) = command.split_once(" \"").unwrap();
    let message = message.strip_suffix('"').unwrap();
    let mut args: Vec<&str> = flags.split_whitespace().collect();
    args.push(message);
    let shown = readme
        .split_once("The first prints:\n\n```text\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .expect("the README's output block")
        .0;
    let o = septet(&args, b"");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), shown);
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
        out.contains("  😀  U+1F600 at character 300 (byte 300)"),
        "{out}"
    );
    assert!(
        out.contains("warning: the message splits into 5 parts"),
        "{out}"
    );
    assert!(out.contains("   5. \""), "{out}");
}

#[test]
fn human_report_names_the_two_septet_characters_and_the_national_tables() {
    // `{`, `}` and `€` are escapes to the single shift table: 15 characters, 18 septets.
    let out = stdout(&septet(&["Hello {world} €"], b""));
    assert!(out.contains("units        18 septets\n"), "{out}");
    assert!(
        out.contains("two-septet   3 characters (2 septets each): { } €\n"),
        "{out}"
    );
    // Counted in the outgoing text: smart encoding's `—` -> `-` costs one.
    let out = stdout(&septet(&["--smart-encoding", "a — b € €"], b""));
    assert!(
        out.contains("two-septet   2 characters (2 septets each): €\n"),
        "{out}"
    );
    // None in a plain message, in UCS-2, or under the ascii7 profile (every character one).
    for args in [
        &["Hello"][..],
        &["Привет {}"],
        &["--charset", "ascii7", "a{b}"],
    ] {
        assert!(!stdout(&septet(args, b"")).contains("two-septet"));
    }
    // With a national single shift table, `ç` is an escape too; the report names the tables.
    let out = stdout(&septet(
        &["--national-languages", "spanish", "Hola ç {x}"],
        b"",
    ));
    assert!(out.starts_with(
        "encoding     GSM-7 (charset gsm0338, locking default, single shift spanish)\n"
    ));
    assert!(
        out.contains("two-septet   3 characters (2 septets each): ç { }\n"),
        "{out}"
    );
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
    assert!(String::from_utf8_lossy(&o.stderr).contains("  😀  U+1F600 at character 3 (byte 3)"));
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
    assert_eq!(o.status.code(), Some(1)); // some lines failed
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 9); // the blank line 5 is skipped
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
    assert_eq!(lines[4]["id"], serde_json::json!({"k": [1]}));
    assert_eq!(lines[4]["error"]["kind"], "invalid_option");
    assert_eq!(lines[4]["error"]["line"], 6);
    assert_eq!(lines[5]["id"], 7);
    assert_eq!(lines[5]["error"]["code"], 400);
    assert_eq!(lines[5]["error"]["non_gsm"][0]["code_point"], "U+1F600");
    assert_eq!(lines[6]["error"]["code"], 40316);
    assert_eq!(lines[7]["error"]["kind"], "invalid_json"); // a raw NUL inside a JSON string
    assert_eq!(lines[8]["id"], 10);
    assert_eq!(lines[8]["units"], 1);
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
    assert_eq!(o.status.code(), Some(1)); // the empty messages are rejected
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
    assert_eq!(o.status.code(), Some(1));
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

// ---- batch for services and campaigns ----------------------------------------------------------

/// Drives `septet batch` as a long-lived child process: writes one request, waits (with a
/// timeout) for its answer, and only then writes the next, as a service would.
fn request_response(args: &[&str]) {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_septet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    let requests = [
        r#"{"id": 1, "text": "hello"}"#.to_string(),
        r#"{"id": "two", "text": "“smart”", "smart_encoding": true}"#.to_string(),
        r#"{"id": 3, "text": "Hi 😀", "encoding": "gsm7"}"#.to_string(),
        r#"{"id": 4, "txt": "typo"}"#.to_string(),
        format!(r#"{{"id": 5, "text": "{}"}}"#, "a".repeat(200)),
    ];
    for (i, request) in requests.iter().enumerate() {
        stdin.write_all(request.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
        if i == 1 {
            // A blank line gets no answer: the next answer is still the next request's.
            stdin.write_all(b"\n").unwrap();
        }
        let answer = rx
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("no answer to request {} within 10 s ({args:?})", i + 1));
        let v: Value = serde_json::from_str(&answer).unwrap();
        let expected_id: Value = serde_json::from_str::<Value>(request).unwrap()["id"].clone();
        assert_eq!(v["id"], expected_id, "{answer}");
        match i {
            0 => assert_eq!(v["parts"], 1),
            1 => assert_eq!(v["encoding"], "GSM-7"),
            2 => assert_eq!(v["error"]["kind"], "not_gsm7"),
            3 => assert!(v["error"]["detail"]
                .as_str()
                .unwrap()
                .contains("unknown field `txt` (did you mean `text`?)")),
            _ => assert_eq!(v["parts"], 2),
        }
    }
    drop(stdin);
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(status.code(), Some(1)); // two lines failed
}

#[test]
fn batch_answers_each_request_at_once() {
    request_response(&["batch", "--jobs", "1"]);
    request_response(&["batch", "--jobs", "2"]);
    request_response(&["batch", "--jobs", "4"]);
    request_response(&["batch"]);
    request_response(&["batch", "--encode", "--jobs", "1"]);
    request_response(&["batch", "--encode", "--jobs", "2"]);
}

#[test]
fn batch_unknown_fields_are_errors_that_keep_the_id() {
    let input = concat!(
        r#"{"id": "a", "text": "x", "smart_encodng": true}"#,
        "\n",
        r#"{"id": {"n": 2}, "message": "x"}"#,
        "\n",
        r#"{"id": 3, "text": 5}"#,
        "\n",
        r#"{"text": "no id", "Encoding": "gsm7"}"#,
        "\n",
        r#"{"id":"\ude00","text":"x","extra":1}"#,
        "\n",
    );
    let o = septet(&["batch"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("unknown field `smart_encodng` (did you mean `smart_encoding`?)"));
    assert_eq!(lines[1]["id"], serde_json::json!({"n": 2}));
    assert!(lines[1]["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("unknown field `message`; expected one of: id, text, encoding,"));
    assert_eq!(lines[2]["id"], 3); // a mistyped field keeps the id too
    assert_eq!(lines[2]["error"]["kind"], "invalid_json");
    assert!(lines[3].get("id").is_none());
    assert_eq!(lines[3]["error"]["line"], 4);
    assert!(lines[4].get("id").is_none()); // an id that cannot be echoed is still dropped
}

#[test]
fn batch_error_lines_keep_a_readable_id() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": 1, \"text\": \"caf\xe9\"}\n"); // Latin-1, not UTF-8
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"x\"} and more\n");
    input.extend_from_slice(b"{\"id\": 3, \"text\": \"x\",}\n");
    input.extend_from_slice(b"{\"id\": 4, \"text\": \"x\"\n"); // never closed
    input.extend_from_slice(b"{\"id\": 5, \"id\": 6, \"text\": \"x\"}\n"); // which one?
    input.extend_from_slice(b"{\"id\": \"\xff\", \"text\": \"x\"}\n"); // the id itself is bad
    input.extend_from_slice(b"{\"text\": \"\xff\", \"id\": 7}\n");
    let o = septet(&["batch"], &input);
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    let got: Vec<(Value, Value)> = lines
        .iter()
        .map(|l| {
            (
                l.get("id").cloned().unwrap_or(Value::Null),
                l["error"]["kind"].clone(),
            )
        })
        .collect();
    let expected = [
        (1.into(), "invalid_utf8"),
        ("b".into(), "invalid_json"),
        (3.into(), "invalid_json"),
        (4.into(), "invalid_json"),
        (Value::Null, "invalid_json"),
        (Value::Null, "invalid_utf8"),
        (7.into(), "invalid_utf8"),
    ]
    .map(|(id, kind): (Value, &str)| (id, Value::from(kind)));
    assert_eq!(got, expected);
    // The same for decoding lines.
    let o = septet(
        &["batch", "--decode"],
        b"{\"id\": 8, \"pdu\": \"00\xff\"}\n{\"id\": 9, \"pdu\": \"00\"} x\n",
    );
    let lines = json_lines(&o);
    assert_eq!(
        (lines[0]["id"].clone(), lines[1]["id"].clone()),
        (8.into(), 9.into())
    );
    assert_eq!(lines[0]["error"]["kind"], "invalid_utf8");
}

#[test]
fn batch_lines_take_the_values_the_flags_take() {
    // What the flags refuse (a zero limit, a currency without a rate), a line cannot give.
    let input = concat!(
        r#"{"id": 1, "text": "x", "max_parts": 0}"#,
        "\n",
        r#"{"id": 2, "text": "x", "warn_parts": 0}"#,
        "\n",
        r#"{"id": 3, "text": "x", "max_characters": 0}"#,
        "\n",
        r#"{"id": 4, "text": "x", "currency": "EUR"}"#,
        "\n",
        r#"{"id": 5, "text": "x", "currency": "EUR", "rate": "0.01"}"#,
        "\n",
        r#"{"id": 6, "text": "x", "max_parts": 1}"#,
        "\n",
    );
    let o = septet(&["batch"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    for line in &lines[..4] {
        assert_eq!(line["error"]["kind"], "invalid_option", "{line}");
    }
    assert!(lines[0]["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("at least 1"));
    assert_eq!(
        lines[3]["error"]["detail"],
        "line 4: option `currency` needs `rate`: there is no cost to name the currency of"
    );
    assert_eq!(lines[4]["cost"]["currency"], "EUR");
    assert_eq!(lines[5]["parts"], 1);
    // With the rate from the flags, a line may name its currency alone; encoding checks the same.
    let line = r#"{"id": 7, "text": "x", "currency": "EUR"}"#.to_string() + "\n";
    let o = septet(&["batch", "--rate", "0.01"], line.as_bytes());
    assert_eq!(json_lines(&o)[0]["cost"]["amount"], "0.01");
    let o = septet(&["batch", "--encode"], line.as_bytes());
    assert_eq!(json_lines(&o)[0]["id"], 7);
    assert_eq!(json_lines(&o)[0]["error"]["kind"], "invalid_option");
}

#[test]
fn batch_exit_codes() {
    let ok = "{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n";
    assert_eq!(septet(&["batch"], ok.as_bytes()).status.code(), Some(0));
    assert_eq!(septet(&["batch"], b"").status.code(), Some(0));
    assert_eq!(septet(&["batch"], b"\n \n\r\n").status.code(), Some(0));
    let rejected = "{\"text\": \"a\"}\n{\"text\": \"\"}\n";
    let o = septet(&["batch"], rejected.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_lines(&o).len(), 2, "the output is still complete");
    let malformed = "{\"text\": \"a\"}\nnope\n{\"text\": \"b\"}\n";
    let o = septet(&["batch"], malformed.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_lines(&o)[2]["parts"], 1);
    for args in [
        &["batch", "/nonexistent/file.jsonl"][..],
        &["batch", "--jobs", "0"],
        &["batch", "--max-parts", "0"],
        &["batch", "--currency", "EUR"],
        &["batch", "--column", "body"],
        &["batch", "--csv", "--lines"],
    ] {
        let o = septet(args, ok.as_bytes());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// A mixed input: every outcome, options, blank lines, CRLF, long lines, invalid UTF-8.
fn mixed_input(lines: usize) -> Vec<u8> {
    let texts = [
        "Your code is 483920.",
        "Don’t miss our “flash sale” — 50% off!",
        "Party 🎉 tonight 👩‍👩‍👧",
        "Prix: 12€ {promo} [ÉTÉ]",
        "नमस्ते दुनिया",
        "",
    ];
    let mut input = Vec::new();
    for i in 0..lines {
        let text = texts[i % texts.len()].repeat(1 + i % 23);
        let line = match i % 11 {
            0 => serde_json::json!({"id": i, "text": text, "smart_encoding": true}).to_string(),
            1 => serde_json::json!({"id": i, "text": text, "encoding": "gsm7"}).to_string(),
            2 => serde_json::json!({"id": i, "text": text, "split": "graphemes"}).to_string(),
            3 => serde_json::json!({"id": i, "text": text, "sender": "short-code"}).to_string(),
            4 => format!("{{\"id\": {i}, \"text\": 1}}"),
            5 => String::new(),
            6 => serde_json::json!({"id": i, "text": text, "unknown": 1}).to_string(),
            _ => serde_json::json!({"id": i, "text": text}).to_string(),
        };
        input.extend_from_slice(line.as_bytes());
        if i % 13 == 7 {
            input.extend_from_slice(b"\xff");
        }
        input.extend_from_slice(if i % 5 == 0 { b"\r\n" } else { b"\n" });
    }
    input
}

#[test]
fn batch_output_is_identical_for_any_jobs() {
    let input = mixed_input(30_000);
    let one = septet(&["batch", "--jobs", "1", "--rate", "0.0051"], &input);
    assert_eq!(one.status.code(), Some(1));
    let lines = json_lines(&one);
    assert!(lines.len() > 25_000);
    for jobs in ["2", "3", "8"] {
        let many = septet(&["batch", "--jobs", jobs, "--rate", "0.0051"], &input);
        assert_eq!(many.status.code(), Some(1));
        assert!(
            many.stdout == one.stdout,
            "--jobs {jobs} differs from --jobs 1"
        );
    }
    // The same through a file (no prompt flushes) and through --lines and --csv.
    let dir = std::env::temp_dir().join(format!("septet-jobs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("mixed.jsonl");
    std::fs::write(&file, &input).unwrap();
    let from_file = septet(
        &[
            "batch",
            "--jobs",
            "2",
            "--rate",
            "0.0051",
            file.to_str().unwrap(),
        ],
        b"",
    );
    assert!(from_file.stdout == one.stdout);
    let text: String = (0..20_000)
        .map(|i| format!("message {i} “{}”\n", "x".repeat(i % 300)))
        .collect();
    let lines_1 = septet(&["batch", "--lines", "--jobs", "1"], text.as_bytes());
    let lines_2 = septet(&["batch", "--lines", "--jobs", "2"], text.as_bytes());
    assert!(lines_1.stdout == lines_2.stdout);
    let csv: String = std::iter::once("id,text\n".to_string())
        .chain((0..20_000).map(|i| format!("{i},\"line one, “{i}”\nline \"\"two\"\"\"\n")))
        .collect();
    let csv_1 = septet(&["batch", "--csv", "--jobs", "1"], csv.as_bytes());
    let csv_2 = septet(&["batch", "--csv", "--jobs", "2"], csv.as_bytes());
    assert_eq!(json_lines(&csv_1).len(), 20_000);
    assert!(csv_1.stdout == csv_2.stdout);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn batch_summary_counts_what_the_output_says() {
    let input = mixed_input(5_000);
    let o = septet(
        &[
            "batch",
            "--summary",
            "--rate",
            "0.0051",
            "--currency",
            "USD",
        ],
        &input,
    );
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    let stderr = String::from_utf8(o.stderr.clone()).unwrap();
    let summary: Value = serde_json::from_str(stderr.trim_end()).unwrap();
    // Recount from the output lines, independently.
    let accepted: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_none()).collect();
    let malformed = lines
        .iter()
        .filter(|l| l["error"].get("line").is_some())
        .count();
    let rejected = lines.len() - accepted.len() - malformed;
    let parts: u64 = accepted.iter().map(|l| l["parts"].as_u64().unwrap()).sum();
    let parts_of = |e: &str| -> (u64, u64) {
        let these: Vec<_> = accepted.iter().filter(|l| l["encoding"] == e).collect();
        (
            these.len() as u64,
            these.iter().map(|l| l["parts"].as_u64().unwrap()).sum(),
        )
    };
    assert_eq!(summary["messages"], lines.len());
    assert_eq!(summary["accepted"], accepted.len());
    assert_eq!(summary["rejected"], rejected);
    assert_eq!(summary["errors"], malformed);
    assert!(rejected > 0 && malformed > 0);
    assert_eq!(summary["parts"], parts);
    for e in ["GSM-7", "UCS-2"] {
        let (m, p) = parts_of(e);
        assert_eq!(summary["by_encoding"][e]["messages"], m);
        assert_eq!(summary["by_encoding"][e]["parts"], p);
    }
    // 0.0051 × parts, exactly, in integer arithmetic.
    let ten_thousandths = parts * 51;
    let expected = format!(
        "{}.{:04}",
        ten_thousandths / 10_000,
        ten_thousandths % 10_000
    );
    let expected = expected.trim_end_matches('0').trim_end_matches('.');
    assert_eq!(summary["cost"]["amount"], expected);
    assert_eq!(summary["cost"]["currency"], "USD");
    // Without a rate there is no cost; without --summary, nothing on stderr.
    let o = septet(&["batch", "--summary"], b"{\"text\": \"hi\"}\n");
    let summary: Value = serde_json::from_str(String::from_utf8_lossy(&o.stderr).trim()).unwrap();
    assert_eq!(
        summary,
        serde_json::json!({"messages": 1, "accepted": 1, "rejected": 0, "errors": 0, "parts": 1,
            "by_encoding": {"GSM-7": {"messages": 1, "parts": 1}}})
    );
    assert!(septet(&["batch"], b"{\"text\": \"hi\"}\n")
        .stderr
        .is_empty());
}

#[test]
fn batch_lines_input() {
    let mut input = "hello\n\n“quoted”\r\nHi 😀\n".as_bytes().to_vec();
    input.extend_from_slice(b"\xff\n");
    input.extend_from_slice(b"bad \xff byte\n");
    let o = septet(&["batch", "--lines", "--smart-encoding"], &input);
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["characters"], 5);
    assert_eq!(lines[1]["id"], 3); // the id is the line number; blank line 2 is skipped
    assert_eq!(lines[1]["encoding"], "GSM-7");
    assert_eq!(lines[1]["characters"], 8); // the CR of CRLF is not part of the message
    assert_eq!(lines[2]["id"], 4);
    assert_eq!(lines[2]["encoding"], "UCS-2");
    assert_eq!(lines[3]["id"], 5);
    assert_eq!(lines[3]["error"]["kind"], "invalid_utf8");
    assert_eq!(lines[4]["error"]["byte_offset"], 4);
    let offset = input.windows(5).position(|w| w == b"bad \xff").unwrap() + 4;
    assert_eq!(lines[4]["error"]["input_offset"], offset);
    // A --lines result equals the JSON Lines result for the same text and id.
    let json = septet(
        &["batch", "--smart-encoding"],
        "{\"id\": 3, \"text\": \"“quoted”\"}\n".as_bytes(),
    );
    assert_eq!(json_lines(&json)[0], lines[1]);
}

#[test]
fn batch_csv_input() {
    let csv = concat!(
        "\u{feff}id,lang,body\r\n",
        "a1,en,\"Hello, world\"\r\n",
        "\r\n",
        "a2,en,\"Two\r\nlines with \"\"quotes\"\"\"\r\n",
        "a3,hi,नमस्ते\r\n",
        "a4,en\r\n",
        "a6,en,Hello, world,again\r\n",
        "a5,en,\"never closed\r\n",
    );
    let o = septet(&["batch", "--csv", "--column", "body"], csv.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[0]["characters"], 12);
    assert_eq!(lines[1]["id"], "a2");
    // "Two\r\nlines with \"quotes\"": the line break inside the quotes is kept as written.
    assert_eq!(lines[1]["characters"], 24);
    assert_eq!(lines[2]["id"], "a3");
    assert_eq!(lines[2]["encoding"], "UCS-2");
    // A record with fewer or more fields than the header (a missing field, an unquoted comma)
    // is refused with its id, not read from guessed columns.
    assert_eq!(lines[3]["id"], "a4");
    assert_eq!(lines[3]["error"]["kind"], "invalid_csv");
    assert_eq!(lines[3]["error"]["line"], 7);
    assert_eq!(
        lines[3]["error"]["detail"],
        "line 7: the record has 2 field(s), the header 3"
    );
    assert_eq!(lines[4]["id"], "a6");
    assert_eq!(lines[4]["error"]["kind"], "invalid_csv");
    assert_eq!(
        lines[4]["error"]["detail"],
        "line 8: the record has 5 field(s), the header 3"
    );
    assert_eq!(lines[5]["error"]["kind"], "invalid_csv");
    // The same results as JSON Lines requests with the same ids and texts.
    let json = [
        serde_json::json!({"id": "a1", "text": "Hello, world"}),
        serde_json::json!({"id": "a2", "text": "Two\r\nlines with \"quotes\""}),
        serde_json::json!({"id": "a3", "text": "नमस्ते"}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let expected = json_lines(&septet(&["batch"], json.as_bytes()));
    assert_eq!(&lines[..3], &expected[..]);
    // Default column `text`; no id column; a header without the column is a usage error.
    let o = septet(&["batch", "--csv"], b"text\nhi\n");
    assert_eq!(json_lines(&o)[0]["parts"], 1);
    assert!(json_lines(&o)[0].get("id").is_none());
    let o = septet(&["batch", "--csv"], b"id,body\n1,hi\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no column `text`"));
}

/// Runs `command` under a pseudo-terminal (util-linux `script`), returning what the terminal
/// showed, or `None` when `script` is not installed.
fn on_terminal(command: &str) -> Option<String> {
    let o = Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn batch_progress_and_human_summary_on_a_terminal() {
    let bin = env!("CARGO_BIN_EXE_septet");
    // A slow producer makes the job long; stdout goes to /dev/null, stderr to the terminal.
    let command = format!(
        "(echo '{{\"text\": \"hi\"}}'; sleep 1.5; echo '{{\"text\": \"there\"}}'; sleep 0.5) | \
         {bin} batch --summary --rate 0.01 >/dev/null"
    );
    let Some(shown) = on_terminal(&command) else {
        eprintln!("skipped: `script` is not installed");
        return;
    };
    assert!(shown.contains(" messages/s"), "{shown:?}"); // the progress line
    assert!(shown.contains("\r\x1b[K"), "{shown:?}");
    assert!(
        shown.contains("2 messages: 2 accepted, 0 rejected, 0 unreadable"),
        "{shown:?}"
    );
    assert!(shown.contains("cost 2 x 0.01 = 0.02"), "{shown:?}");
    assert!(shown.contains(r#""messages":2"#), "{shown:?}");
    // --no-progress: no progress line.
    let shown = on_terminal(&command.replace("--summary", "--summary --no-progress")).unwrap();
    assert!(!shown.contains(" messages/s"), "{shown:?}");
}

// ---- the command for one message --------------------------------------------------------------

#[test]
fn bare_septet_on_a_terminal_shows_usage() {
    let bin = env!("CARGO_BIN_EXE_septet");
    let Some(shown) = on_terminal(&format!("{bin}; echo exit=$?")) else {
        eprintln!("skipped: `script` is not installed");
        return;
    };
    assert!(shown.contains("Usage: septet"), "{shown:?}");
    assert!(shown.contains("exit=2"), "{shown:?}");
    assert!(!shown.contains("empty"), "{shown:?}");
    // Piped empty input is still an (empty) message.
    assert_eq!(septet(&[], b"").status.code(), Some(1));
}

#[test]
fn bare_batch_on_a_terminal_says_what_it_reads() {
    let bin = env!("CARGO_BIN_EXE_septet");
    let Some(shown) = on_terminal(&format!("{bin} batch; echo exit=$?")) else {
        eprintln!("skipped: `script` is not installed");
        return;
    };
    assert!(
        shown.contains(
            r#"septet batch: reading requests such as {"text": "Hello"} from the terminal"#
        ),
        "{shown:?}"
    );
    assert!(shown.contains("exit=0"), "{shown:?}");
    let shown = on_terminal(&format!("{bin} batch --lines")).unwrap();
    assert!(
        shown.contains("reading messages from the terminal"),
        "{shown:?}"
    );
    // Piped, as a service drives it: nothing but the answers.
    let o = septet(&["batch"], b"{\"text\": \"hi\"}\n");
    assert!(
        o.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn unquoted_and_dash_messages_get_helpful_errors() {
    let o = septet(&["Hello", "there"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("quote it: septet 'Hello there'"), "{err}");
    assert!(!err.contains("subcommand"), "{err}");
    let o = septet(&["-50% today"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("put `--` before it: septet -- '-50% today'"),
        "{err}"
    );
    let o = septet(&["--json", "-x"], b"");
    assert!(String::from_utf8_lossy(&o.stderr).contains("septet --json -- '-x'"));
    // A misspelt option still gets clap's suggestion, not the message hint.
    let o = septet(&["--jsn", "hi"], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--json") && !err.contains("put `--`"), "{err}");
    // With `--` the message goes through.
    let o = septet(&["--json", "--", "-50% today"], b"");
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["characters"], 10);

    // The advice is the whole command again, options kept, and running it works.
    for (args, advice, characters) in [
        (
            &["--json", "-50%", "off", "--rate", "0.01"][..],
            "put `--` before it: septet --json --rate 0.01 -- '-50% off'",
            8,
        ),
        (
            &["--json", "--", "-50%", "off"],
            "quote it: septet --json -- '-50% off'",
            8,
        ),
        (
            &["--json", "Big", "-50%", "sale"],
            "quote the message as one argument: septet --json 'Big -50% sale'",
            13,
        ),
        (
            &["--json", "--smart-encoding", "it's", "-", "ok"],
            "septet --json --smart-encoding 'it'\\''s - ok'",
            9,
        ),
        (
            &["encode", "--json", "-50%", "off"],
            "put `--` before it: septet encode --json -- '-50% off'",
            8,
        ),
    ] {
        let o = septet(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(advice), "{args:?}: {err}");
        let command = err.trim_end().rsplit_once(": septet ").unwrap().1;
        let o = Command::new("sh")
            .args([
                "-c",
                &format!("\"$0\" {command}"),
                env!("CARGO_BIN_EXE_septet"),
            ])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{command}: {o:?}");
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["characters"], characters, "{command}");
    }
}

#[test]
fn message_from_a_file() {
    let dir = std::env::temp_dir().join(format!("septet-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("message.txt");
    std::fs::write(&path, "Price: $100 [USD]\n").unwrap();
    let o = septet(&["--json", "--file", path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (v["characters"].clone(), v["units"].clone()),
        (17.into(), 19.into())
    );
    // A Windows editor's file: byte-order mark and CRLF, neither part of the message.
    std::fs::write(&path, "\u{feff}Price: $100 [USD]\r\n").unwrap();
    let o = septet(&["--json", "--file", path.to_str().unwrap()], b"");
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (v["encoding"].clone(), v["characters"].clone()),
        ("GSM-7".into(), 17.into())
    );
    // Only a leading one: elsewhere U+FEFF is a character of the message.
    let o = septet(&["--json"], "a\u{feff}".as_bytes());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        (v["encoding"].clone(), v["characters"].clone()),
        ("UCS-2".into(), 2.into())
    );
    std::fs::write(&path, b"bad \xff").unwrap();
    let o = septet(&["--file", path.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not valid UTF-8 at byte 4"));
    let o = septet(&["--file", "/nonexistent/message.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    let o = septet(&["--file", path.to_str().unwrap(), "text too"], b"");
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn limits_and_currency_are_checked() {
    for args in [
        &["--max-parts", "0", "x"][..],
        &["--warn-parts", "0", "x"],
        &["--max-characters", "0", "x"],
    ] {
        let o = septet(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("at least 1"));
    }
    let o = septet(&["--currency", "USD", "x"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--rate"));
    assert_eq!(
        septet(&["--max-parts", "1", "x"], b"").status.code(),
        Some(0)
    );
}

#[test]
fn human_report_shows_unicode_as_written() {
    let text = "नमस्ते, आपका कोड 4839 है। क्षमा करें";
    let o = septet(&[text], b"");
    let out = stdout(&o);
    assert!(out.contains(&format!("   1. \"{text}\"")), "{out}");
    assert!(!out.contains("\\u{"), "{out}");
    assert!(!out.contains("escapes"), "{out}");
    // A grapheme (क्ष: KA, VIRAMA, SSA) is one entry, with its code points.
    let out = stdout(&septet(&["क्षमा"], b""));
    assert!(
        out.contains("  क्ष  U+0915 U+094D U+0937 at character 0 (byte 0)"),
        "{out}"
    );
    // Invisible characters are escaped, and the report says so.
    let o = septet(&["--smart-encoding", "a\u{200B}b\u{A0}c\u{2028}d"], b"");
    let out = stdout(&o);
    assert!(out.contains("U+200B \\u{200B} -> (removed)"), "{out}");
    assert!(
        out.contains("invisible and control characters are shown as escapes"),
        "{out}"
    );
    let o = septet(&["tab\there"], b"");
    let out = stdout(&o);
    assert!(out.contains("   1. \"tab\\there\""), "{out}");
    assert!(out.contains("shown as escapes"), "{out}");
}

#[test]
fn forcing_characters_are_grouped_counted_and_capped() {
    // 🛍️ is U+1F6CD U+FE0F: one entry, not two; repeated ones are counted.
    let o = septet(&["Sale 🛍️ now 🛍️🛍️ ok"], b"");
    let out = stdout(&o);
    assert!(
        out.contains("non-GSM      6 characters force UCS-2:"),
        "{out}"
    );
    assert!(
        out.contains("  🛍️  U+1F6CD U+FE0F  ×3, first at character 5 (byte 5)"),
        "{out}"
    );
    assert_eq!(out.matches("U+1F6CD").count(), 1, "{out}");
    assert!(!out.contains("and "), "{out}");
    let out = stdout(&septet(&["ça"], b""));
    assert!(
        out.contains(
            "non-GSM      1 character forces UCS-2:\n  ç  U+00E7 at character 0 (byte 0)\n"
        ),
        "{out}"
    );
    // Many distinct ones: the first ten, then "and N more".
    let text: String = "Привет, как дела? Всё хорошо. Пока!".repeat(4);
    let distinct: std::collections::BTreeSet<char> =
        text.chars().filter(|c| !c.is_ascii()).collect();
    let o = septet(&["--max-characters", "5000", &text], b"");
    let out = stdout(&o);
    let listed = out.lines().filter(|l| l.contains(" U+0")).count();
    assert_eq!(listed, 10, "{out}");
    assert!(
        out.contains(&format!("  and {} more", distinct.len() - 10)),
        "{out}"
    );
    assert!(out.lines().count() < 25, "{out}");
}

#[test]
fn the_report_says_what_smart_encoding_would_save() {
    // 100 characters with curly quotes: UCS-2, 2 parts; smart encoding makes it GSM-7, 1 part.
    let text = format!("“{}”", "a".repeat(98));
    let o = septet(&[&text], b"");
    let out = stdout(&o);
    assert!(out.contains("parts        2 "), "{out}");
    assert!(
        out.contains(
            "smart encoding would make this GSM-7: 1 part instead of 2 (--smart-encoding)"
        ),
        "{out}"
    );
    // Already on, or no saving (an emoji stays UCS-2, a short message stays 1 part): no line.
    assert!(!stdout(&septet(&["--smart-encoding", &text], b"")).contains("would make"));
    assert!(!stdout(&septet(&[&format!("{text}😀")], b"")).contains("would make"));
    assert!(!stdout(&septet(&["“short”"], b"")).contains("would make"));
    // A message rejected for its parts is told too.
    let long = format!("“{}”", "a".repeat(700));
    let o = septet(&[&long], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("smart encoding would make this GSM-7: 5 parts instead of 11"));

    // The same for national tables. 173 characters, 8 of them Turkish letters outside the
    // default alphabet: UCS-2, 3 parts of 67; with the Turkish locking table (header 1 + 5 + 3
    // octets: 160 − ⌈72/7⌉ = 149 septets a part) GSM-7 in 2.
    let turkish = format!(
        "Şişli'de buluşalım, çok güzel olacak ğ ı ş {}",
        "a".repeat(130)
    );
    assert_eq!(turkish.chars().count(), 173);
    let out = stdout(&septet(&[&turkish], b""));
    assert!(out.contains("parts        3 "), "{out}");
    assert!(
        out.contains(
            "enabling turkish would make this GSM-7: 2 parts instead of 3 (--national-languages turkish)"
        ),
        "{out}"
    );
    let out = stdout(&septet(&["--national-languages", "turkish", &turkish], b""));
    assert!(
        out.contains("parts        2 (149 septets per part"),
        "{out}"
    );
    assert!(!out.contains("would make"), "{out}");
    // No saving (one part either way): no line.
    assert!(!stdout(&septet(&["Şişli'de buluşalım"], b"")).contains("would make"));
}
