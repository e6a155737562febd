//! Arbitrary bytes as a line of `septet batch` input: a result or an error object, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet_report::{process_line, Settings};

fuzz_target!(|line: &[u8]| {
    let out = process_line(line, 1, 0, &Settings::default());
    let value: serde_json::Value = serde_json::from_str(&out.json).expect("output is JSON");
    let object = value.as_object().expect("output is an object");
    assert_eq!(out.is_error, object.contains_key("error"));
    assert!(out.is_error || object.contains_key("encoding"));
    assert!(!out.json.contains('\n'));
});
