//! `septet.arrow.analyze`: a column of messages in, a struct column of results out, through the
//! Arrow C data interface (no Python object per row; the GIL released while Rust works).

use std::sync::Arc;

use arrow_array::{
    new_null_array, Array, ArrayRef, Decimal128Array, Int32Array, Int64Array, LargeStringArray,
    StringArray, StringViewArray, StructArray,
};
use arrow_buffer::{BooleanBufferBuilder, NullBuffer, OffsetBuffer};
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

/// The result columns as plain vectors, turned into Arrow arrays once at the end.
///
/// Every analysis field of a row is null together (a null or rejected message), so they share
/// one validity bitmap; the error and warning columns are null in most rows and are kept as
/// the list of rows that have one. (Arrow's per-column builders, each with its own null
/// bitmap, cost about as much again per row as a typical analysis.)
struct Columns {
    /// Whether each row was analysed and accepted: the validity of the analysis fields.
    accepted: BooleanBufferBuilder,
    encoding: Vec<Option<septet::Encoding>>,
    parts: Vec<i64>,
    units: Vec<i64>,
    characters: Vec<i64>,
    units_per_part: Vec<i64>,
    units_remaining: Vec<i64>,
    charset: Vec<Option<septet::Charset>>,
    /// parts × rate (the unscaled decimal), with a rate.
    cost: Option<Vec<i128>>,
    /// (row, code) of the rows with a warning.
    warnings: Vec<(usize, i32)>,
    /// (row, code, kind) of the rejected rows.
    errors: Vec<(usize, i32, &'static str)>,
}

impl Columns {
    fn new(rows: usize, priced: bool) -> Self {
        Columns {
            accepted: BooleanBufferBuilder::new(rows),
            encoding: Vec::with_capacity(rows),
            parts: Vec::with_capacity(rows),
            units: Vec::with_capacity(rows),
            characters: Vec::with_capacity(rows),
            units_per_part: Vec::with_capacity(rows),
            units_remaining: Vec::with_capacity(rows),
            charset: Vec::with_capacity(rows),
            cost: priced.then(|| Vec::with_capacity(rows)),
            warnings: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// A row without analysis (a null or rejected message): placeholders under a null.
    fn append_no_analysis(&mut self) {
        self.accepted.append(false);
        self.encoding.push(None);
        self.parts.push(0);
        self.units.push(0);
        self.characters.push(0);
        self.units_per_part.push(0);
        self.units_remaining.push(0);
        self.charset.push(None);
        if let Some(cost) = &mut self.cost {
            cost.push(0);
        }
    }

    /// A null input: null everywhere (no error either).
    fn append_null(&mut self) {
        self.append_no_analysis();
    }

    fn append(
        &mut self,
        result: Result<septet::Analysis, septet::Error>,
        rate: Option<i128>,
    ) -> Result<(), Overflow> {
        let a = match result {
            Ok(a) => a,
            Err(e) => {
                let row = self.parts.len();
                self.append_no_analysis();
                let code = i32::try_from(e.code()).unwrap_or(i32::MAX);
                self.errors.push((row, code, e.kind()));
                return Ok(());
            }
        };
        let as_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        if let Some(warning) = a.warnings.first() {
            let code = i32::try_from(warning.code()).unwrap_or(i32::MAX);
            self.warnings.push((self.parts.len(), code));
        }
        self.accepted.append(true);
        self.encoding.push(Some(a.encoding));
        self.parts.push(as_i64(a.parts));
        self.units.push(as_i64(a.units));
        self.characters.push(as_i64(a.characters));
        self.units_per_part.push(as_i64(a.units_per_part));
        self.units_remaining.push(as_i64(a.units_remaining));
        self.charset.push(Some(a.charset));
        if let (Some(cost), Some(rate)) = (&mut self.cost, rate) {
            let amount = i128::try_from(a.parts)
                .ok()
                .and_then(|parts| rate.checked_mul(parts))
                .filter(|c| *c < 10i128.pow(u32::from(DECIMAL_PRECISION)))
                .ok_or(Overflow)?;
            cost.push(amount);
        }
        Ok(())
    }

    fn finish(mut self, fields: Fields, nulls: Option<NullBuffer>) -> StructArray {
        let rows = self.parts.len();
        let accepted = Some(NullBuffer::new(self.accepted.finish()));
        let int64 = |values: Vec<i64>| -> ArrayRef {
            Arc::new(Int64Array::new(values.into(), accepted.clone()))
        };
        let cost_type = fields[7].data_type().clone();
        let cost: ArrayRef = match self.cost {
            Some(values) => Arc::new(
                Decimal128Array::new(values.into(), accepted.clone()).with_data_type(cost_type),
            ),
            None => new_null_array(&cost_type, rows),
        };
        let (warning_rows, warning_codes): (Vec<usize>, Vec<i32>) =
            self.warnings.iter().copied().unzip();
        let error_rows: Vec<usize> = self.errors.iter().map(|e| e.0).collect();
        let mut error_kind = vec![None; rows];
        for &(row, _, kind) in &self.errors {
            error_kind[row] = Some(kind);
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(strings(
                self.encoding.iter().map(|e| e.map(|e| e.name())),
                accepted.clone(),
            )),
            int64(self.parts),
            int64(self.units),
            int64(self.characters),
            int64(self.units_per_part),
            int64(self.units_remaining),
            Arc::new(strings(
                self.charset.iter().map(|c| c.map(|c| c.name())),
                accepted.clone(),
            )),
            cost,
            sparse_int32(rows, &warning_rows, &warning_codes),
            sparse_int32(
                rows,
                &error_rows,
                &self.errors.iter().map(|e| e.1).collect::<Vec<_>>(),
            ),
            if self.errors.is_empty() {
                new_null_array(&DataType::Utf8, rows)
            } else {
                Arc::new(strings(
                    error_kind.into_iter(),
                    Some(only_rows(rows, &error_rows)),
                ))
            },
        ];
        StructArray::new(fields, columns, nulls)
    }
}

/// A string column of `values` (`None`, empty, under the nulls).
fn strings<'a>(
    values: impl ExactSizeIterator<Item = Option<&'a str>>,
    nulls: Option<NullBuffer>,
) -> StringArray {
    let mut offsets = Vec::with_capacity(values.len() + 1);
    let mut bytes = Vec::with_capacity(values.len() * 6);
    offsets.push(0i32);
    for value in values {
        bytes.extend_from_slice(value.unwrap_or_default().as_bytes());
        // The names are a few bytes each: far from i32::MAX for any column Arrow can hold.
        offsets.push(i32::try_from(bytes.len()).unwrap_or(i32::MAX));
    }
    StringArray::new(OffsetBuffer::new(offsets.into()), bytes.into(), nulls)
}

/// Validity with only `rows` (ascending) set.
fn only_rows(len: usize, rows: &[usize]) -> NullBuffer {
    let mut valid = BooleanBufferBuilder::new(len);
    valid.append_n(len, false);
    for &row in rows {
        valid.set_bit(row, true);
    }
    NullBuffer::new(valid.finish())
}

/// An int32 column null except at `rows`, which hold `codes`.
fn sparse_int32(len: usize, rows: &[usize], codes: &[i32]) -> ArrayRef {
    if rows.is_empty() {
        return new_null_array(&DataType::Int32, len);
    }
    let mut values = vec![0i32; len];
    for (&row, &code) in rows.iter().zip(codes) {
        values[row] = code;
    }
    Arc::new(Int32Array::new(values.into(), Some(only_rows(len, rows))))
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
    let mut columns = Columns::new(array.len(), rate.is_some());
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
