//! `septet._septet`: the compiled half of the `septet` Python package.
//!
//! A thin facade over the core `septet` crate: option parsing, the `Analysis` result class, the
//! batch call that releases the GIL, and the Arrow entry point. The pure-Python package
//! (`python/septet/`) re-exports it and adds the pandas/Polars/Spark conveniences.
#![deny(unsafe_code)]
#![deny(missing_docs)]

use pyo3::prelude::*;

mod analysis;
mod arrow;
mod convert;
mod errors;
mod options;
mod parallel;
mod report;
mod wire;

/// The module `septet._septet`.
#[pymodule]
fn _septet(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<analysis::Analysis>()?;
    m.add_function(wrap_pyfunction!(analysis::analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analysis::analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::analyze_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::arrow_type, m)?)?;
    m.add_class::<wire::Decoded>()?;
    m.add_class::<wire::Reassembler>()?;
    m.add_function(wrap_pyfunction!(wire::encode_object, m)?)?;
    m.add_function(wrap_pyfunction!(wire::decode, m)?)?;
    m.add_function(wrap_pyfunction!(wire::decode_pdu, m)?)?;
    Ok(())
}
