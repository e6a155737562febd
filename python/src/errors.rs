//! Rejections become `septet.RejectedError` instances (a class defined in Python, in
//! `septet/_errors.py`, so that instances pickle with their attributes).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// `septet._errors.RejectedError(code, message, kind, details)`: an instance, not raised.
pub(crate) fn rejected<'py>(
    py: Python<'py>,
    error: &septet::Error,
    details: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let class = CLASS.import(py, "septet._errors", "RejectedError")?;
    class.call1((error.code(), error.to_string(), error.kind(), details))
}
