//! The bottom layer: tables generated from the data files by `build.rs`, with no logic beyond
//! lookups.
//!
//! * [`gsm`]: the GSM 03.38 default alphabet and its extension table (per-character septet costs).
//! * [`smart`]: the smart-encoding substitution table.

pub(crate) mod gsm;
pub(crate) mod smart;
