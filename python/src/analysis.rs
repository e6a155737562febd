//! `septet.analyze`, `septet.analyze_many` and the `Analysis` result class.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList};

use std::sync::Arc;

use serde_json::{Map, Value};

use crate::convert::decimal;
use crate::errors::rejected;
use crate::options::{parse, Settings};
use crate::report::{error_py, result_object, result_py};

/// What the carrier will see and bill for one message (see `septet.analyze`). Immutable;
/// equal when `to_dict()` is.
///
/// Attributes are named like the fields of `septet --json`: `encoding`, `parts`, `units`,
/// `characters`, `units_per_part`, `units_remaining`, `charset`, `national_language`,
/// `concat`, `smart_encoding`, `replacements`, `non_gsm`, `warnings`; `cost` and `rate` are
/// `decimal.Decimal` (or `None` without a rate), `currency` a `str` or `None`.
///
/// ```python
/// >>> import septet
/// >>> a = septet.analyze("Olá — 10€ {promo}", rate="0.0075", currency="EUR")
/// >>> a.encoding, a.characters, a.units, a.parts, a.units_remaining
/// ('UCS-2', 17, 17, 1, 53)
/// >>> [(c["char"], c["char_index"]) for c in a.non_gsm]           # what forces UCS-2
/// [('á', 2), ('—', 4)]
/// >>> a.cost, a.currency, a.to_dict()["cost"]
/// (Decimal('0.0075'), 'EUR', {'amount': '0.0075', 'rate': '0.0075', 'segments': 1, 'currency': 'EUR'})
///
/// ```
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
        let object = result_py(py, &self.text, &self.settings)?;
        match object.cast::<PyDict>()?.get_item(name)? {
            Some(value) => Ok(value),
            None => Ok(py.None().into_bound(py)),
        }
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
        result_py(py, &self.text, &self.settings)
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
            let details = error_py(py, e, &text, &settings.options)?;
            Ok(Err(rejected(py, &e, details)?))
        }
    }
}

/// Analyses one message: the encoding the carrier uses, the billed parts, the units, what
/// smart encoding replaces, the cost; raises `septet.RejectedError` when the provider would
/// reject the message.
///
/// The options are the CLI's, with its defaults (`None` means the default):
/// `smart_encoding` (bool), `encoding` (`"auto"`, `"gsm7"`, `"ucs2"`), `sender`
/// (`"long-code"`, `"toll-free"`, `"short-code"`, `"alphanumeric"`), `charset` (`"gsm0338"`,
/// `"carrier-safe"`, `"ascii7"`), `split` (`"units"`, `"graphemes"`), `max_parts`,
/// `warn_parts`, `max_characters` (ints, at least 1), `rate` (`decimal.Decimal` or `str`,
/// never a float), `currency` (with `rate`), `national_languages` (the CLI's string, such as
/// `"turkish:single,hindi"` or `"all"`, or a list of its items) and `concat` (`"udh8"`,
/// `"udh16"`, `"sar"`, `"payload"`). A bad value raises `ValueError`, a wrong type or an
/// unknown name `TypeError`, each naming the option.
///
/// ```python
/// >>> import septet
/// >>> septet.analyze("Price: $100 [USD]").units             # [ and ] are 2 septets each
/// 19
/// >>> a = septet.analyze("Don’t stop — 2 “deals”", smart_encoding=True)
/// >>> a.encoding, a.smart_encoding["replaced_character_count"]
/// ('GSM-7', 4)
/// >>> septet.analyze("Şule ğ", national_languages="turkish:single").national_language
/// {'locking': None, 'single': 'turkish'}
/// >>> septet.analyze("a" * 161, rate="0.0051").cost
/// Decimal('0.0102')
/// >>> septet.analyze("😀" * 40, max_parts=1)
/// Traceback (most recent call last):
///   ...
/// septet.RejectedError: message too large: 2 parts, the maximum is 1 (40302)
/// >>> septet.analyze("hi", rate=0.01)
/// Traceback (most recent call last):
///   ...
/// TypeError: option `rate`: expected a decimal.Decimal or str, got float
///
/// ```
#[pyfunction]
#[pyo3(
    signature = (text, /, **options),
    text_signature = "(text, /, *, smart_encoding=False, encoding='auto', sender=None, \
        charset='gsm0338', split='units', max_parts=10, warn_parts=4, max_characters=1600, \
        rate=None, currency=None, national_languages=None, concat='udh8')"
)]
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

/// Analyses many messages with the GIL released: a list with, in order, an `Analysis` or a
/// `septet.RejectedError` instance (returned, not raised) per message.
///
/// `texts` is any iterable of `str` (a single `str` is refused); the options are those of
/// `septet.analyze`. `jobs` shares the analysis among that many threads (default 1; the
/// results are the same for every `jobs`).
///
/// ```python
/// >>> import septet
/// >>> out = septet.analyze_many(["hi", "", "a" * 161, "😀"], rate="0.01")
/// >>> [(r.encoding, r.parts, r.cost) if isinstance(r, septet.Analysis) else r.code for r in out]
/// [('GSM-7', 1, Decimal('0.01')), 40316, ('GSM-7', 2, Decimal('0.02')), ('UCS-2', 1, Decimal('0.01'))]
/// >>> out[1].kind, out[1].message
/// ('no_content', 'no content: the message is empty')
///
/// ```
#[pyfunction]
#[pyo3(
    signature = (texts, /, *, jobs = None, **options),
    text_signature = "(texts, /, *, jobs=None, smart_encoding=False, encoding='auto', \
        sender=None, charset='gsm0338', split='units', max_parts=10, warn_parts=4, \
        max_characters=1600, rate=None, currency=None, national_languages=None, \
        concat='udh8')"
)]
pub(crate) fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let settings = Arc::new(parse(options)?);
    if texts.is_instance_of::<pyo3::types::PyString>() {
        // Iterating it would analyse each character as a message.
        return Err(PyTypeError::new_err(
            "texts: expected an iterable of str, got a single str (use septet.analyze)",
        ));
    }
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
