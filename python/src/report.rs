//! The JSON result and error objects of `septet --json`, from the shared crate `septet-report`.

use serde_json::{Map, Value};

use crate::options::Settings;

fn object<T: serde::Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        // The result and error objects are plain structs that serialise to JSON objects.
        other => {
            debug_assert!(false, "not an object: {other:?}");
            Map::new()
        }
    }
}

/// The result object of an accepted message (`report` analyses again: the object is built only
/// when asked for).
pub(crate) fn result_object(text: &str, settings: &Settings) -> Map<String, Value> {
    match septet_report::report(text, settings) {
        Ok(report) => object(&report),
        Err(error) => object(&error),
    }
}

/// The error object (the value of `"error"`) of a rejected message.
pub(crate) fn error_object(
    error: septet::Error,
    text: &str,
    options: &septet::Options,
) -> Map<String, Value> {
    object(&septet_report::Error::rejection(error, text, options))
}
