//! `septet.analyze`, `septet.analyze_many` and the `Analysis` result class.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList};

use std::sync::Arc;

use serde_json::{Map, Value};

use crate::convert::{decimal, json_to_py};
use crate::errors::rejected;
use crate::options::{parse, Settings};
use crate::report::{error_object, result_object};

/// What the carrier will see and bill for one message (see `septet.analyze`).
///
/// The numbers are kept; the lists (`replacements`, `non_gsm`) and `to_dict()` are built from
/// the message when asked for, so that `analyze_many` stays cheap.
#[pyclass(frozen, module = "septet", name = "Analysis")]
pub struct Analysis {
    analysis: septet::Analysis,
    text: PyBackedStr,
    settings: Arc<Settings>,
}

impl Analysis {
    fn new(analysis: septet::Analysis, text: PyBackedStr, settings: Arc<Settings>) -> Self {
        Analysis {
            analysis,
            text,
            settings,
        }
    }

    /// The object `septet --json` prints.
    fn object(&self) -> Map<String, Value> {
        result_object(&self.text, &self.settings)
    }

    fn field<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, self.object().get(name).unwrap_or(&Value::Null))
    }
}

#[pymethods]
impl Analysis {
    /// `"GSM-7"` or `"UCS-2"`.
    #[getter]
    fn encoding(&self) -> &'static str {
        self.analysis.encoding.name()
    }

    /// Billed parts (segments).
    #[getter]
    fn parts(&self) -> usize {
        self.analysis.parts
    }

    /// Septets (GSM-7) or UTF-16 code units (UCS-2) of the outgoing text.
    #[getter]
    fn units(&self) -> usize {
        self.analysis.units
    }

    /// Characters of the outgoing text (after smart encoding).
    #[getter]
    fn characters(&self) -> usize {
        self.analysis.characters
    }

    /// Units each part holds: 160/153 (GSM-7) or 70/67 (UCS-2).
    #[getter]
    fn units_per_part(&self) -> usize {
        self.analysis.units_per_part
    }

    /// Units still free in the last part.
    #[getter]
    fn units_remaining(&self) -> usize {
        self.analysis.units_remaining
    }

    /// The charset the message was classified against.
    #[getter]
    fn charset(&self) -> &'static str {
        self.analysis.charset.name()
    }

    /// The national language tables of a GSM-7 message: a dict `{"locking": str | None,
    /// "single": str | None}` (both `None` for the default alphabet and for UCS-2).
    #[getter]
    fn national_language<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "national_language")
    }

    /// The concatenation in force: `"udh8"`, `"udh16"`, `"sar"` or `"payload"`.
    #[getter]
    fn concat(&self) -> &'static str {
        self.analysis.concat.name()
    }

    /// The provider's six smart-encoding fields (a dict) whenever smart encoding ran, else
    /// `None`.
    #[getter]
    fn smart_encoding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "smart_encoding")
    }

    /// What smart encoding replaced: dicts with `char_index`, `byte_offset`, `from`,
    /// `code_point`, `to`.
    #[getter]
    fn replacements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "replacements")
    }

    /// Characters that force UCS-2: dicts with `char_index`, `byte_offset`, `char`,
    /// `code_point`.
    #[getter]
    fn non_gsm<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "non_gsm")
    }

    /// Warnings: dicts with `code` (40328), `kind`, `detail`.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.field(py, "warnings")
    }

    /// The object `septet --json` prints for the same text and options, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &Value::Object(self.object()))
    }

    /// The per-segment rate as a `decimal.Decimal`, or `None`.
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.settings
            .pricing
            .rate
            .map(|r| decimal(py, &r))
            .transpose()
    }

    /// parts × rate as a `decimal.Decimal`, or `None` without a rate.
    #[getter]
    fn cost<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self
            .settings
            .pricing
            .rate
            .map(|r| r.times(self.analysis.parts as u64))
        {
            None => Ok(None),
            Some(Some(cost)) => decimal(py, &cost).map(Some),
            Some(None) => Err(pyo3::exceptions::PyOverflowError::new_err(
                "cost overflows a decimal",
            )),
        }
    }

    /// The currency code given with the rate, or `None`.
    #[getter]
    fn currency(&self) -> Option<&str> {
        self.settings.pricing.currency.as_deref()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Analysis>()
            .is_ok_and(|o| self.object() == o.get().object())
    }

    fn __repr__(&self) -> String {
        format!(
            "Analysis(encoding='{}', parts={}, units={}, characters={})",
            self.encoding(),
            self.parts(),
            self.units(),
            self.characters()
        )
    }
}

pub(crate) fn analyze_one<'py>(
    py: Python<'py>,
    text: PyBackedStr,
    result: Result<septet::Analysis, septet::Error>,
    settings: &Arc<Settings>,
) -> PyResult<Result<Analysis, Bound<'py, PyAny>>> {
    match result {
        Ok(a) => Ok(Ok(Analysis::new(a, text, Arc::clone(settings)))),
        Err(e) => {
            let details = json_to_py(
                py,
                &Value::Object(error_object(e, &text, &settings.options)),
            )?;
            Ok(Err(rejected(py, &e, details)?))
        }
    }
}

/// Analyses one message.
#[pyfunction]
#[pyo3(signature = (text, /, **options))]
pub(crate) fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Analysis> {
    let settings = Arc::new(parse(options)?);
    let text = extract_text(text, None)?;
    let result = septet::analyze_with(&text, &settings.options);
    analyze_one(py, text, result, &settings)?.map_err(PyErr::from_value)
}

pub(crate) fn extract_text(
    value: &Bound<'_, PyAny>,
    index: Option<usize>,
) -> PyResult<PyBackedStr> {
    value.extract::<PyBackedStr>().map_err(|e| {
        let what = index.map_or_else(|| "text".to_string(), |i| format!("texts[{i}]"));
        if value.is_instance_of::<pyo3::types::PyString>() {
            // A str that is not valid UTF-8: a lone surrogate.
            pyo3::exceptions::PyValueError::new_err(format!("{what}: {e}"))
        } else {
            let got = value
                .get_type()
                .name()
                .map_or_else(|_| "?".to_string(), |n| n.to_string());
            PyTypeError::new_err(format!("{what}: expected str, got {got}"))
        }
    })
}

/// Analyses many messages with the GIL released, the analysis shared among `jobs` threads
/// (default 1).
#[pyfunction]
#[pyo3(signature = (texts, /, *, jobs = None, **options))]
pub(crate) fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let settings = Arc::new(parse(options)?);
    let texts = texts
        .try_iter()?
        .enumerate()
        .map(|(i, t)| extract_text(&t?, Some(i)))
        .collect::<PyResult<Vec<PyBackedStr>>>()?;
    let threads = crate::parallel::threads(texts.len(), jobs)?;
    let opts = settings.options;
    let strs: Vec<&str> = texts.iter().map(|t| &**t).collect();
    let results: Vec<_> = py.detach(|| {
        crate::parallel::map_range(0..strs.len(), threads, |i| {
            septet::analyze_with(strs[i], &opts)
        })
    });
    let out = PyList::empty(py);
    for (text, result) in texts.into_iter().zip(results) {
        match analyze_one(py, text, result, &settings)? {
            Ok(a) => out.append(Bound::new(py, a)?)?,
            Err(e) => out.append(e)?,
        }
    }
    Ok(out)
}
