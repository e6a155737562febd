//! # septet
//!
//! Know, before sending, exactly what an SMS costs: which encoding the carrier will use, how many
//! billed parts it becomes, where they are cut, and whether the provider will refuse it.
//!
//! * **Classification.** A message is GSM-7 when every character is in the route's 7-bit
//!   [`Charset`]; one other character makes the whole message UCS-2.
//! * **Smart encoding.** The provider's 310-row table of look-alike substitutions (curly quotes,
//!   dashes, odd spaces, fullwidth forms, ...) compiled into a perfect hash map
//!   ([`smart_encode`], [`replacements`]), with the provider's six metadata fields.
//! * **Counting.** Units are septets (an extension character such as `€` or `{` counts 2) or UTF-16
//!   code units (an emoji outside the BMP counts 2). One segment holds 160/70 units; each part of a
//!   longer message 153/67.
//! * **Splitting.** Parts are real: never cut between ESC and its character nor inside a surrogate
//!   pair (and, on request, never inside a grapheme cluster), so the part count can exceed the
//!   quick formula by one. [`analyze`] reports exactly as many parts as [`split`] yields.
//!
//! ```
//! use septet::{analyze_with, Encoding, Options};
//!
//! let text = "Don’t miss our “flash sale” — 50% off!";
//! let a = analyze_with(text, &Options::default())?;
//! assert_eq!((a.encoding, a.parts), (Encoding::Ucs2, 1));
//!
//! let a = analyze_with(text, &Options::default().with_smart_encoding(true))?;
//! assert_eq!((a.encoding, a.units), (Encoding::Gsm7, 38));
//! assert_eq!(a.smart_encoding.unwrap().replaced_character_count, 4);
//! # Ok::<(), septet::Error>(())
//! ```
//!
//! ## Features
//!
//! * `std` (default): implies `alloc`; nothing else yet.
//! * `alloc`: [`smart_encode`] and [`split`], which return new text.
//!
//! Without either, the crate is `no_std` and allocation-free: [`analyze_with`], [`non_gsm`],
//! [`replacements`] and [`part_ranges`] need no allocator.
#![no_std]
#![deny(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(any(feature = "std", test))]
extern crate std;

mod alphabet;
mod analysis;
mod charset;
mod classify;
mod encoding;
mod error;
mod layout;
mod options;
mod pdu;
// The only unsafe code: the runtime-dispatched vector scan of long ASCII runs.
#[allow(unsafe_code)]
mod simd;
mod smart;
mod split;
mod swar;
mod tables;

pub use alphabet::{table_masks, Alphabet, Language, SeptetCode, Table, TableKind, TableMasks};
pub use analysis::{analyze, analyze_with, part_ranges, Analysis, SmartEncodingMetadata};
#[cfg(feature = "alloc")]
pub use analysis::{split, Split};
pub use charset::{Charset, SenderType, UnknownName};
pub use classify::{non_gsm, NonGsm, NonGsmChar};
pub use encoding::Encoding;
pub use error::{Error, Warning, Warnings};
pub use layout::{ConcatIe, PartHeader, PartLayout};
pub use options::{
    Concat, EncodingRequest, GivenName, Limits, NationalLanguages, NationalLanguagesError, Options,
    SplitMode,
};
pub use pdu::*;
#[cfg(feature = "alloc")]
pub use smart::smart_encode;
pub use smart::{
    replacements, substitution, substitution_name, substitutions, Replacement, Replacements,
};
pub use split::{PartRanges, PartUnits};

/// Internals that only the fuzz targets reach (built by cargo-fuzz with `--cfg fuzzing`).
#[cfg(all(fuzzing, feature = "alloc"))]
#[doc(hidden)]
pub use simd::fuzzing;

// The README's examples are compiled and run as doc tests.
#[cfg(all(doctest, feature = "std"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
