//! # septet-report
//!
//! What every front end of [`septet`] shares (the `septet` command, `septet-wasm`, the fuzz
//! targets, the Python package): the result object ([`Report`]) and the error object
//! ([`Error`]) with their JSON form, the settings a message is reported with ([`Settings`]),
//! exact-decimal pricing ([`Rate`], [`Pricing`]), and one line of `septet batch`
//! ([`process_line`]). Everything about SMS itself comes from the `septet` crate; dependencies
//! run one way: `septet` ← `septet-report` ← front ends.
//!
//! ```
//! use septet_report::{report, Pricing, Settings};
//!
//! let settings = Settings::new(
//!     septet::Options::default().with_smart_encoding(true),
//!     Pricing::new(Some("0.0051".parse().unwrap()), Some("USD".into())),
//!     true,
//! );
//! let r = report("Don’t miss it…", &settings).unwrap();
//! assert_eq!((r.encoding, r.parts), ("GSM-7", 1));
//! assert_eq!(r.cost.as_ref().unwrap().amount, "0.0051");
//! assert_eq!(r.part_texts.as_deref(), Some(&["Don't miss it...".to_string()][..]));
//!
//! let e = report("", &settings).unwrap_err();
//! assert_eq!((e.code(), e.kind()), (40316, "no_content"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod batch;
mod cost;
mod error;
mod options;
mod result;
mod wire;

pub use batch::{
    error_line, id_of_bad_line, process_line, read_request, to_json, write_json, Outcome,
    OutputLine, ReadRequest, Request, ResultLine,
};
pub use cost::{CostReport, ParseRateError, Pricing, Rate};
pub use error::{Error, ErrorLine};
pub use options::{Field, Naming, OptionValue, Options, OptionsSeed, Scalar, Settings};
pub use result::{code_point, Located, ReplacementReport, Report, SmartReport, WarningReport};
pub use rust_decimal;
pub use wire::{
    decode_line, encode_line, encode_line_into, encode_report, pdu_error_kind, prepare_line,
    read_decode_request, CompletedReport, ConcatReport, DecodeRequest, DecodeWarningReport,
    DecodedLine, DecodedReport, EncodedLine, EncodedPartReport, EncodedReport, IncompleteError,
    IncompleteReport, NationalLanguageReport, PreparedLine, Reassembly, ReassemblyOutput,
    SmppReport,
};

/// Analyses one message into its result object, or the error object of its rejection.
///
/// ```
/// let r = septet_report::report("hello", &septet_report::Settings::default()).unwrap();
/// assert_eq!((r.encoding, r.units, r.units_remaining), ("GSM-7", 5, 155));
/// ```
///
/// # Errors
///
/// The error object of a message the provider would refuse (no content, too many characters,
/// not GSM-7 under `encoding = gsm7`, too many parts), or of settings that do not go together
/// (a currency without a rate, [`Settings::check`]).
pub fn report(text: &str, settings: &Settings) -> Result<Report, Error> {
    settings.check(None)?;
    let options = &settings.options;
    let reject = |e: septet::Error| Error::rejection(e, text, options);
    // With part texts, the split's own analysis is the one reported: analysed once either way.
    let (analysis, part_texts) = if settings.include_parts {
        let split = septet::split(text, options).map_err(reject)?;
        let parts = split.parts().map(String::from).collect();
        (*split.analysis(), Some(parts))
    } else {
        (septet::analyze_with(text, options).map_err(reject)?, None)
    };
    let mut report = Report::new(text, options, &analysis);
    report.cost = settings.pricing.cost(analysis.parts);
    report.part_texts = part_texts;
    Ok(report)
}

// The crate README's example is compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
