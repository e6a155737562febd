//! `septet.arrow.analyze`: a column of messages in, a struct column of results out, through the
//! Arrow C data interface (no Python object per row; the GIL released while Rust works).

use std::sync::Arc;

use arrow_array::builder::{Decimal128Builder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{Array, ArrayRef, LargeStringArray, StringArray, StringViewArray, StructArray};
use arrow_data::ArrayData;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::{DataType, Field, Fields};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::options::{parse, Settings};

/// The widest Arrow decimal: 38 digits.
const DECIMAL_PRECISION: u8 = 38;

/// The result fields, in order. `cost` has the scale of the rate (0 without one).
fn fields(cost_scale: u8) -> Fields {
    let int = |name: &str| Field::new(name, DataType::Int64, true);
    Fields::from(vec![
        Field::new("encoding", DataType::Utf8, true),
        int("parts"),
        int("units"),
        int("characters"),
        int("units_per_part"),
        int("units_remaining"),
        Field::new("charset", DataType::Utf8, true),
        Field::new(
            "cost",
            DataType::Decimal128(DECIMAL_PRECISION, cost_scale as i8),
            true,
        ),
        Field::new("warning_code", DataType::Int32, true),
        Field::new("error_code", DataType::Int32, true),
        Field::new("error_kind", DataType::Utf8, true),
    ])
}

fn cost_scale(settings: &Settings) -> u8 {
    settings
        .pricing
        .rate
        .map_or(0, |r| u8::try_from(r.decimal().scale()).unwrap_or(u8::MAX))
}

/// The pyarrow struct type `analyze_arrow` returns for these options.
#[pyfunction]
#[pyo3(signature = (**options))]
pub(crate) fn arrow_type<'py>(
    py: Python<'py>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let settings = parse(options)?;
    DataType::Struct(fields(cost_scale(&settings))).to_pyarrow(py)
}

/// Analyses every message of a pyarrow string, large_string or string_view array, the analysis
/// shared among `jobs` threads (default 1).
#[pyfunction]
#[pyo3(signature = (array, /, *, jobs = None, **options))]
pub(crate) fn analyze_arrow<'py>(
    py: Python<'py>,
    array: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let settings = parse(options)?;
    let data = ArrayData::from_pyarrow_bound(array)?;
    let threads = crate::parallel::threads(data.len(), jobs)?;
    let result = py.detach(|| match data.data_type() {
        DataType::Utf8 => Ok(analyze_column(&StringArray::from(data), &settings, threads)),
        DataType::LargeUtf8 => Ok(analyze_column(
            &LargeStringArray::from(data),
            &settings,
            threads,
        )),
        DataType::Utf8View => Ok(analyze_column(
            &StringViewArray::from(data),
            &settings,
            threads,
        )),
        other => Err(format!(
            "expected a string, large_string or string_view array, got {other}"
        )),
    });
    match result {
        Ok(Ok(out)) => out.into_data().to_pyarrow(py),
        Ok(Err(Overflow)) => Err(PyOverflowError::new_err(
            "a cost does not fit a decimal of 38 digits",
        )),
        Err(message) => Err(PyTypeError::new_err(message)),
    }
}

/// A cost beyond 38 digits.
struct Overflow;

/// Builders of the result columns.
struct Columns {
    encoding: StringBuilder,
    parts: Int64Builder,
    units: Int64Builder,
    characters: Int64Builder,
    units_per_part: Int64Builder,
    units_remaining: Int64Builder,
    charset: StringBuilder,
    cost: Decimal128Builder,
    warning_code: Int32Builder,
    error_code: Int32Builder,
    error_kind: StringBuilder,
}

impl Columns {
    fn new(rows: usize, cost_scale: u8) -> Self {
        Columns {
            encoding: StringBuilder::with_capacity(rows, rows * 5),
            parts: Int64Builder::with_capacity(rows),
            units: Int64Builder::with_capacity(rows),
            characters: Int64Builder::with_capacity(rows),
            units_per_part: Int64Builder::with_capacity(rows),
            units_remaining: Int64Builder::with_capacity(rows),
            charset: StringBuilder::with_capacity(rows, rows * 7),
            cost: Decimal128Builder::with_capacity(rows)
                .with_precision_and_scale(DECIMAL_PRECISION, cost_scale as i8)
                .expect("precision 38 and a scale of at most 18 are valid"),
            warning_code: Int32Builder::with_capacity(rows),
            error_code: Int32Builder::with_capacity(rows),
            error_kind: StringBuilder::new(),
        }
    }

    /// Nulls in every field that describes an accepted message.
    fn append_no_analysis(&mut self) {
        self.encoding.append_null();
        self.parts.append_null();
        self.units.append_null();
        self.characters.append_null();
        self.units_per_part.append_null();
        self.units_remaining.append_null();
        self.charset.append_null();
        self.cost.append_null();
        self.warning_code.append_null();
    }

    /// A null input: null everywhere.
    fn append_null(&mut self) {
        self.append_no_analysis();
        self.error_code.append_null();
        self.error_kind.append_null();
    }

    fn append(
        &mut self,
        result: Result<septet::Analysis, septet::Error>,
        rate: Option<i128>,
    ) -> Result<(), Overflow> {
        let a = match result {
            Ok(a) => a,
            Err(e) => {
                self.append_no_analysis();
                self.error_code
                    .append_value(i32::try_from(e.code()).unwrap_or(i32::MAX));
                self.error_kind.append_value(e.kind());
                return Ok(());
            }
        };
        let as_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        self.encoding.append_value(a.encoding.name());
        self.parts.append_value(as_i64(a.parts));
        self.units.append_value(as_i64(a.units));
        self.characters.append_value(as_i64(a.characters));
        self.units_per_part.append_value(as_i64(a.units_per_part));
        self.units_remaining.append_value(as_i64(a.units_remaining));
        self.charset.append_value(a.charset.name());
        match rate {
            None => self.cost.append_null(),
            Some(rate) => {
                let cost = i128::try_from(a.parts)
                    .ok()
                    .and_then(|parts| rate.checked_mul(parts))
                    .filter(|c| *c < 10i128.pow(u32::from(DECIMAL_PRECISION)))
                    .ok_or(Overflow)?;
                self.cost.append_value(cost);
            }
        }
        self.warning_code.append_option(
            a.warnings
                .first()
                .map(|w| i32::try_from(w.code()).unwrap_or(i32::MAX)),
        );
        self.error_code.append_null();
        self.error_kind.append_null();
        Ok(())
    }

    fn finish(mut self, fields: Fields, nulls: Option<arrow_buffer::NullBuffer>) -> StructArray {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.encoding.finish()),
            Arc::new(self.parts.finish()),
            Arc::new(self.units.finish()),
            Arc::new(self.characters.finish()),
            Arc::new(self.units_per_part.finish()),
            Arc::new(self.units_remaining.finish()),
            Arc::new(self.charset.finish()),
            Arc::new(self.cost.finish()),
            Arc::new(self.warning_code.finish()),
            Arc::new(self.error_code.finish()),
            Arc::new(self.error_kind.finish()),
        ];
        StructArray::new(fields, columns, nulls)
    }
}

/// Analyses every row of a string column: block by block, each block's rows on `threads`
/// threads, then appended in order (so memory holds one block's results, not the column's).
fn analyze_column<'a, A>(
    array: &'a A,
    settings: &Settings,
    threads: usize,
) -> Result<StructArray, Overflow>
where
    &'a A: arrow_array::ArrayAccessor<Item = &'a str>,
    A: Array + Sync,
{
    let scale = cost_scale(settings);
    let rate = settings.pricing.rate.map(|r| r.decimal().mantissa());
    let mut columns = Columns::new(array.len(), scale);
    let options = &settings.options;
    for start in (0..array.len()).step_by(crate::parallel::BLOCK) {
        let end = (start + crate::parallel::BLOCK).min(array.len());
        let results = crate::parallel::map_range(start..end, threads, |row| {
            (!array.is_null(row)).then(|| {
                septet::analyze_with(arrow_array::ArrayAccessor::value(&array, row), options)
            })
        });
        for result in results {
            match result {
                None => columns.append_null(),
                Some(result) => columns.append(result, rate)?,
            }
        }
    }
    Ok(columns.finish(fields(scale), array.nulls().cloned()))
}
