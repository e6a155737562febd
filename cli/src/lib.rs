//! The logic of the `septet` command that is not argument parsing: the batch runner (JSON Lines,
//! plain lines, CSV; jobs, progress, summary) and the human report. The result and error
//! objects, the options, the pricing and one batch line come from `septet-report`; everything
//! about SMS itself from the `septet` crate.
//!
//! ```
//! use septet_cli::human_report;
//! use septet_report::Settings;
//!
//! let settings = Settings::default();
//! let report = human_report("Price: $100 [USD]", &settings.options, &settings, false).unwrap();
//! assert!(report.starts_with("encoding     GSM-7"));
//! ```

pub mod batch;
pub mod display;
mod human;
pub mod wire;

pub use human::{human_report, savings_hint, two_septet_line};
