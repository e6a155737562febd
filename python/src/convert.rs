//! Conversions between Rust values and Python objects.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// `decimal.Decimal`.
pub(crate) fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CLASS.import(py, "decimal", "Decimal")
}

/// A `decimal.Decimal` with exactly the digits of `value`.
pub(crate) fn decimal<'py>(
    py: Python<'py>,
    value: &impl std::fmt::Display,
) -> PyResult<Bound<'py, PyAny>> {
    decimal_class(py)?.call1((value.to_string(),))
}

/// `value` as the Python object `json.loads` gives for the JSON the CLI prints: the same
/// types, and dicts with the fields in the CLI's order (a `serde_json::Value` would sort them).
pub(crate) fn to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let json = serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    LOADS.import(py, "json", "loads")?.call1((json,))
}
