//! The JSON result and error objects of `septet --json`, from the shared crate `septet-report`.

use pyo3::prelude::*;
use serde_json::{Map, Value};

use crate::convert::to_py;
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

/// The object `septet --json` prints for `text`, as Python objects in the CLI's field order
/// (`report` analyses again: the object is built only when asked for).
pub(crate) fn result_py<'py>(
    py: Python<'py>,
    text: &str,
    settings: &Settings,
) -> PyResult<Bound<'py, PyAny>> {
    match septet_report::report(text, settings) {
        Ok(report) => to_py(py, &report),
        Err(error) => to_py(py, &error),
    }
}

/// The error object of a rejected message, as Python objects in the CLI's field order.
pub(crate) fn error_py<'py>(
    py: Python<'py>,
    error: septet::Error,
    text: &str,
    options: &septet::Options,
) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &septet_report::Error::rejection(error, text, options))
}
