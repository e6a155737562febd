//! `process_line` on lines the batch runner can hand it: the output is always one JSON object on
//! one line, whatever the input.

use septet_report::{process_line, Settings};

fn line(input: &[u8]) -> (String, serde_json::Value) {
    let out = process_line(input, 1, 0, &Settings::default());
    assert!(
        !out.json.contains(['\n', '\r']),
        "output spans lines: {:?}",
        out.json
    );
    let value = serde_json::from_str(&out.json).expect("output is JSON");
    (out.json, value)
}

#[test]
fn an_id_with_a_line_break_inside_is_not_echoed() {
    // Found by the batch_line fuzz target: an array line whose first element spans lines was read
    // as `{"id": ...}` and the id echoed with its line break.
    let (_, v) = line(b"[[\n]\n]\n");
    assert_eq!(v["error"]["kind"], "invalid_json");
    assert!(v.get("id").is_none());

    // A carriage return is JSON whitespace too, and survives the runner's line splitting.
    let (_, v) = line(b"{\"id\":[1,\r2],\"text\":\"hi\"}");
    assert_eq!(v["error"]["kind"], "invalid_json");
    assert!(v["error"]["detail"]
        .as_str()
        .unwrap()
        .contains("`id` cannot be echoed: it spans lines"));
    assert!(v.get("id").is_none());

    // Spaces and tabs keep the id on its line and it is echoed as written.
    let (json, v) = line(b"{\"id\":[1,\t2],\"text\":\"hi\"}");
    assert_eq!(v["id"], serde_json::json!([1, 2]));
    assert!(json.starts_with("{\"id\":[1,\t2],"));
}

#[test]
fn only_an_object_line_has_its_id_echoed() {
    let (_, v) = line(br#"[7, "hi"]"#);
    assert_eq!(v["error"]["kind"], "invalid_json");
    assert!(v.get("id").is_none());
    let (_, v) = line(br#"{"id": 7, "text": 5}"#);
    assert_eq!(v["id"], 7);
}
