//! Keyword arguments to analysis options.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};
use septet::{Decimal, Options};

use crate::convert::decimal_class;

/// Everything the keyword arguments set: the analysis options, and the pricing.
#[derive(Clone, Debug, Default)]
pub(crate) struct Settings {
    /// How to measure, and the limits.
    pub options: Options,
    /// The per-segment rate, for `cost`.
    pub rate: Option<Decimal>,
    /// The currency code printed with the cost.
    pub currency: Option<String>,
}

/// The keyword arguments every analysis function takes.
pub(crate) const NAMES: [&str; 10] = [
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

fn count(name: &str, value: &Bound<'_, PyAny>) -> PyResult<usize> {
    if value.is_instance_of::<PyBool>() || !value.is_instance_of::<PyInt>() {
        return Err(type_error(name, "an int", value));
    }
    value
        .extract::<usize>()
        .map_err(|_| PyValueError::new_err(format!("option `{name}`: expected a count >= 0")))
}

fn named<T: std::str::FromStr>(name: &str, value: &Bound<'_, PyAny>) -> PyResult<T>
where
    T::Err: std::fmt::Display,
{
    string(name, value)?
        .parse::<T>()
        .map_err(|e| PyValueError::new_err(format!("option `{name}`: {e}")))
}

/// Parses the keyword arguments (`None` values mean "the default").
pub(crate) fn parse(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Settings> {
    let mut settings = Settings::default();
    let Some(kwargs) = kwargs else {
        return Ok(settings);
    };
    let o = &mut settings.options;
    for (key, value) in kwargs.iter() {
        let name: String = key.extract()?;
        if value.is_none() && name != "smart_encoding" && NAMES.contains(&name.as_str()) {
            continue;
        }
        match name.as_str() {
            "smart_encoding" => {
                if !value.is_instance_of::<PyBool>() {
                    return Err(type_error(&name, "a bool", &value));
                }
                o.smart_encoding = value.extract()?;
            }
            "encoding" => o.encoding = named(&name, &value)?,
            "sender" => o.sender = Some(named(&name, &value)?),
            "charset" => o.charset = named(&name, &value)?,
            "split" => o.split = named(&name, &value)?,
            "max_parts" => o.max_parts = count(&name, &value)?,
            "warn_parts" => o.warn_parts = count(&name, &value)?,
            "max_characters" => o.max_characters = count(&name, &value)?,
            "rate" => settings.rate = Some(rate(&value)?),
            "currency" => settings.currency = Some(string(&name, &value)?),
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "unknown option `{name}`; expected one of {}",
                    NAMES.join(", ")
                )))
            }
        }
    }
    Ok(settings)
}

/// A rate from a `decimal.Decimal`, a `str` or an `int` (never a float: binary fractions are
/// not money).
fn rate(value: &Bound<'_, PyAny>) -> PyResult<Decimal> {
    let py = value.py();
    let exact = value.is_instance(decimal_class(py)?)?
        || value.is_instance_of::<PyString>()
        || (value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>());
    if !exact {
        return Err(type_error("rate", "a decimal.Decimal or str", value));
    }
    let text = value.str()?.to_string();
    text.trim()
        .parse::<Decimal>()
        .map_err(|e| PyValueError::new_err(format!("option `rate`: {e}: {text:?}")))
}
