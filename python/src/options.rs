//! Keyword arguments to analysis options.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};
use septet_report::{Naming, Options, Scalar};

use crate::convert::decimal_class;

/// Everything the keyword arguments set: the shared settings of `septet-report`.
pub(crate) type Settings = septet_report::Settings;

/// The keyword arguments every analysis function takes: the shared options schema, less
/// `parts` (part texts are not part of the Python results) and the encoder's fields.
pub(crate) const NAMES: &[&str] = NAMES_WITH_ENCODING.as_slice().split_at(12).0;

/// The keyword arguments of `septet.encode`: the analysis options, then the encoder's.
pub(crate) const NAMES_WITH_ENCODING: [&str; 15] = [
    "smart_encoding",
    "encoding",
    "sender",
    "charset",
    "split",
    "max_parts",
    "warn_parts",
    "max_characters",
    "rate",
    "currency",
    "national_languages",
    "concat",
    "reference",
    "to",
    "smpp_packing",
];

fn type_error(name: &str, expected: &str, value: &Bound<'_, PyAny>) -> PyErr {
    let got = value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string());
    PyTypeError::new_err(format!("option `{name}`: expected {expected}, got {got}"))
}

fn string(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if value.is_instance_of::<PyString>() {
        value.extract()
    } else {
        Err(type_error(name, "a str", value))
    }
}

/// An `int` option: `reference` may be 0, the limits (`max_parts`, `warn_parts`,
/// `max_characters`) must be at least 1, as the CLI's flags.
fn count(name: &str, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(type_error(name, "an int", value));
    }
    let least = if name == "reference" { 0 } else { 1 };
    match value.extract::<usize>() {
        Ok(n) if n >= least => Ok(n),
        // Negative, or too large for the platform's counts.
        _ if value.lt(least)? || value.lt(0)? => Err(PyValueError::new_err(format!(
            "option `{name}`: must be at least {least}"
        ))),
        _ => Err(PyValueError::new_err(format!("option `{name}`: too large"))),
    }
}

/// Parses the keyword arguments (`None` values mean "the default") through the shared options
/// schema: an unknown or misspelt name is a `TypeError` with the schema's "did you mean" hint, a
/// value of the wrong Python type a `TypeError`, a bad value a `ValueError`.
pub(crate) fn parse(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Settings> {
    parse_names(kwargs, NAMES, "septet.analyze")
}

/// As [`parse`], for `septet.encode`: the encoder's options (`reference`, `to`,
/// `smpp_packing`) too.
pub(crate) fn parse_encode(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Settings> {
    parse_names(kwargs, &NAMES_WITH_ENCODING, "septet.encode")
}

fn parse_names(
    kwargs: Option<&Bound<'_, PyDict>>,
    names: &[&str],
    function: &str,
) -> PyResult<Settings> {
    let mut schema = Options::default();
    let Some(kwargs) = kwargs else {
        return Ok(schema.settings());
    };
    for (key, value) in kwargs.iter() {
        let name: String = key.extract()?;
        let index = Options::field_index(&name, Naming::SnakeCase)
            .ok()
            .filter(|_| names.contains(&name.as_str()))
            .ok_or_else(|| {
                // The schema's sentence ("unknown field `x` (did you mean `y`?)") without its
                // own list of fields: the list that follows is this function's.
                let hint = Options::field_index(&name, Naming::SnakeCase)
                    .err()
                    .map(|hint| match hint.split_once("; expected one of") {
                        Some((sentence, _)) => sentence.to_string(),
                        None => hint,
                    })
                    .unwrap_or_else(|| format!("`{name}` is not an option of {function}"));
                PyTypeError::new_err(format!("{hint}; the options are {}", names.join(", ")))
            })?;
        if value.is_none() {
            continue;
        }
        let text;
        let scalar = match name.as_str() {
            "smart_encoding" => {
                if !value.is_instance_of::<PyBool>() {
                    return Err(type_error(&name, "a bool", &value));
                }
                Scalar::Bool(value.extract()?)
            }
            "max_parts" | "warn_parts" | "max_characters" | "reference" => {
                Scalar::Number(count(&name, &value)? as f64)
            }
            "rate" => {
                text = rate_text(&value)?;
                Scalar::Text(&text)
            }
            "national_languages" => {
                // The CLI's string (`"turkish:single,hindi"`, `"all"`) or a list of its items.
                text = if value.is_instance_of::<PyString>() {
                    value.extract()?
                } else if let Ok(items) = value.extract::<Vec<String>>() {
                    items.join(",")
                } else {
                    return Err(type_error(&name, "a str or a list of str", &value));
                };
                Scalar::Text(&text)
            }
            _ => {
                text = string(&name, &value)?;
                Scalar::Text(&text)
            }
        };
        schema
            .set_scalar(index, scalar)
            .map_err(|e| PyValueError::new_err(format!("option `{name}`: {e}")))?;
    }
    let settings = schema.settings();
    // A currency without a rate: refused here, as the command's flags refuse it.
    settings
        .check(None)
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(settings)
}

/// The text of a rate given as a `decimal.Decimal`, a `str` or an `int` (never a float: binary
/// fractions are not money).
fn rate_text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = value.py();
    let exact = value.is_instance(decimal_class(py)?)?
        || value.is_instance_of::<PyString>()
        || (value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>());
    if !exact {
        return Err(type_error("rate", "a decimal.Decimal or str", value));
    }
    // A Decimal in positional notation: `str(Decimal("0.00000001"))` is "1E-8", which the
    // schema (digits with an optional point) would refuse; format "f" keeps the exponent's
    // scale ("0.00000001", and "100" for Decimal("1E+2")).
    let text = if value.is_instance_of::<PyString>() || value.is_instance_of::<PyInt>() {
        value.str()?
    } else {
        value.call_method1("__format__", ("f",))?.str()?
    };
    Ok(text.to_string().trim().to_string())
}
