//! The error object: `{"code", "kind", "detail", ...}` with exactly the fields of its kind.

use core::fmt;

use septet::{NonGsmChar, Options};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::value::RawValue;

use crate::result::Located;

/// Why there is no result object: a message the provider would refuse, or input that cannot be
/// read. Serialises to `{"code", "kind", "detail", ...}`, the fields after `detail` being
/// exactly those of its kind (`parts` and `max_parts` for `too_many_parts`, ...).
///
/// ```
/// use septet_report::Error;
///
/// let e = Error::TooManyParts { parts: 11, max_parts: 10 };
/// assert_eq!((e.code(), e.kind()), (40302, "too_many_parts"));
/// assert_eq!(serde_json::to_string(&e).unwrap(), concat!(
///     r#"{"code":40302,"kind":"too_many_parts","#,
///     r#""detail":"message too large: 11 parts, the maximum is 10","parts":11,"max_parts":10}"#));
///
/// let e = Error::InvalidUtf8 { line: 4, byte_offset: 21, input_offset: 80 };
/// assert_eq!(serde_json::to_string(&e).unwrap(), concat!(
///     r#"{"code":400,"kind":"invalid_utf8","detail":"line 4 is not valid UTF-8 at byte 21","#,
///     r#""line":4,"byte_offset":21,"input_offset":80}"#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// 40316: the message is empty, or smart encoding removed every character.
    NoContent {
        /// Whether the input had characters and smart encoding removed them all.
        after_smart_encoding: bool,
    },
    /// 400: `encoding = gsm7` but characters cannot become GSM-7.
    NotGsm7 {
        /// How many characters cannot become GSM-7.
        count: usize,
        /// The first of them.
        first: NonGsmChar,
        /// Every one of them, located (`non_gsm`).
        non_gsm: Vec<Located>,
    },
    /// 40302: more parts than the maximum.
    TooManyParts {
        /// Parts the message needs.
        parts: usize,
        /// The maximum allowed.
        max_parts: usize,
    },
    /// 400: more characters in the body than allowed.
    TooManyCharacters {
        /// Characters in the body as given.
        characters: usize,
        /// The maximum allowed.
        max_characters: usize,
    },
    /// Another rejection of the core, with its code, kind and detail and no further fields.
    Rejected(septet::Error),
    /// 400: a batch line that is not a JSON object of the expected shape.
    InvalidJson {
        /// The 1-based line number.
        line: u64,
        /// What is wrong, for people (starts with `line N: `).
        detail: String,
    },
    /// 400: a batch line that is not UTF-8.
    InvalidUtf8 {
        /// The 1-based line number.
        line: u64,
        /// Offset of the first bad byte in the line.
        byte_offset: usize,
        /// Offset of the first bad byte from the start of the input.
        input_offset: u64,
    },
    /// 400: a field of a batch record that is not UTF-8 (the record's position in the input is
    /// not known once CSV quoting is removed).
    InvalidUtf8Field {
        /// The 1-based line number.
        line: u64,
        /// The field (`text`).
        field: &'static str,
        /// Offset of the first bad byte in the field.
        byte_offset: usize,
    },
    /// 400: a CSV record that cannot be read.
    InvalidCsv {
        /// The 1-based line number.
        line: u64,
        /// What is wrong, for people (starts with `line N: `).
        detail: String,
    },
    /// 400: an unknown option, or a value an option does not take.
    InvalidOption {
        /// The 1-based line number, for a batch line.
        line: Option<u64>,
        /// What is wrong, naming the option (and, for a batch line, starting with `line N: `).
        detail: String,
    },
    /// 400: a JavaScript string holding UTF-16 surrogates that are not half of a pair.
    LoneSurrogate {
        /// The UTF-16 index of each lone surrogate.
        positions: Vec<usize>,
    },
    /// 400: bytes that cannot be encoded or decoded (hex that is not hex, a TP-UDL past the
    /// data, a UDHL past the end, a truncated TPDU, ...); `kind` names the case
    /// (`bad_hex`, `user_data_too_short`, `header_past_end`, ...).
    Pdu(septet::PduError),
    /// 400: a decoding request that gives neither `user_data` nor `pdu`, or both, or lacks a
    /// field its form needs.
    InvalidRequest {
        /// What is wrong, for people.
        detail: String,
    },
    /// 500: a result that could not be produced (a bug; never expected).
    Internal {
        /// What failed.
        detail: String,
    },
}

impl Error {
    /// The error object of a message the core rejected. `text` and `options` are the ones
    /// analysed, to locate every character for `not_gsm7`.
    ///
    /// ```
    /// use septet::{analyze_with, EncodingRequest, Options};
    /// let gsm7 = Options::default().with_encoding(EncodingRequest::Gsm7);
    /// let core = analyze_with("Hi 😀 ç", &gsm7).unwrap_err();
    /// let e = septet_report::Error::rejection(core, "Hi 😀 ç", &gsm7);
    /// assert_eq!(e.kind(), "not_gsm7");
    /// assert!(serde_json::to_string(&e).unwrap().contains(r#""non_gsm":[{"char_index":3"#));
    /// ```
    pub fn rejection(error: septet::Error, text: &str, options: &Options) -> Self {
        match error {
            septet::Error::NoContent {
                after_smart_encoding,
            } => Error::NoContent {
                after_smart_encoding,
            },
            septet::Error::NotGsm7 { count, first } => Error::NotGsm7 {
                count,
                first,
                non_gsm: Located::non_gsm(text, options),
            },
            septet::Error::TooManyParts { parts, max_parts } => {
                Error::TooManyParts { parts, max_parts }
            }
            septet::Error::TooManyCharacters {
                characters,
                max_characters,
            } => Error::TooManyCharacters {
                characters,
                max_characters,
            },
            other => Error::Rejected(other),
        }
    }

    /// The error object for lone surrogates at `positions` (UTF-16 indices).
    ///
    /// ```
    /// let e = septet_report::Error::lone_surrogates(&[3]);
    /// assert!(serde_json::to_string(&e).unwrap().ends_with(r#","positions":[3]}"#));
    /// ```
    pub fn lone_surrogates(positions: &[usize]) -> Self {
        debug_assert!(!positions.is_empty(), "no lone surrogate to report");
        Error::LoneSurrogate {
            positions: positions.to_vec(),
        }
    }

    /// The core error this error object stands for, when it is a rejection of the core.
    fn core(&self) -> Option<septet::Error> {
        Some(match *self {
            Error::NoContent {
                after_smart_encoding,
            } => septet::Error::NoContent {
                after_smart_encoding,
            },
            Error::NotGsm7 { count, first, .. } => septet::Error::NotGsm7 { count, first },
            Error::TooManyParts { parts, max_parts } => {
                septet::Error::TooManyParts { parts, max_parts }
            }
            Error::TooManyCharacters {
                characters,
                max_characters,
            } => septet::Error::TooManyCharacters {
                characters,
                max_characters,
            },
            Error::Rejected(error) => error,
            _ => return None,
        })
    }

    /// The provider's code: 40316, 40302, 400 (an HTTP 400 without a finer code), or 500.
    ///
    /// ```
    /// assert_eq!(septet_report::Error::NoContent { after_smart_encoding: false }.code(), 40316);
    /// ```
    pub fn code(&self) -> u32 {
        if let Some(core) = self.core() {
            return core.code();
        }
        match self {
            Error::Internal { .. } => 500,
            _ => 400,
        }
    }

    /// A short, stable machine name: `no_content`, `not_gsm7`, `too_many_parts`,
    /// `too_many_characters`, `invalid_json`, `invalid_utf8`, `invalid_option`,
    /// `invalid_csv`, `lone_surrogate`, `internal`.
    ///
    /// ```
    /// let e = septet_report::Error::InvalidOption { line: None, detail: "x".into() };
    /// assert_eq!(e.kind(), "invalid_option");
    /// ```
    pub fn kind(&self) -> &'static str {
        if let Some(core) = self.core() {
            return core.kind();
        }
        match self {
            Error::InvalidJson { .. } => "invalid_json",
            Error::InvalidUtf8 { .. } | Error::InvalidUtf8Field { .. } => "invalid_utf8",
            Error::InvalidCsv { .. } => "invalid_csv",
            Error::InvalidOption { .. } => "invalid_option",
            Error::LoneSurrogate { .. } => "lone_surrogate",
            Error::Pdu(e) => crate::wire::pdu_error_kind(e),
            Error::InvalidRequest { .. } => "invalid_request",
            _ => "internal",
        }
    }

    /// Whether this is a message the provider would refuse (rather than input that cannot be
    /// read).
    ///
    /// ```
    /// assert!(septet_report::Error::TooManyParts { parts: 11, max_parts: 10 }.is_rejection());
    /// assert!(!septet_report::Error::InvalidOption { line: None, detail: "x".into() }.is_rejection());
    /// ```
    pub fn is_rejection(&self) -> bool {
        self.core().is_some()
    }

    /// The characters that cannot become GSM-7, for `not_gsm7`.
    ///
    /// ```
    /// assert!(septet_report::Error::TooManyParts { parts: 11, max_parts: 10 }.non_gsm().is_empty());
    /// ```
    pub fn non_gsm(&self) -> &[Located] {
        match self {
            Error::NotGsm7 { non_gsm, .. } => non_gsm,
            _ => &[],
        }
    }
}

/// The `detail` sentence.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(core) = self.core() {
            return fmt::Display::fmt(&core, f);
        }
        match self {
            Error::InvalidUtf8 {
                line, byte_offset, ..
            } => write!(f, "line {line} is not valid UTF-8 at byte {byte_offset}"),
            Error::InvalidUtf8Field {
                line,
                field,
                byte_offset,
            } => write!(
                f,
                "line {line}: the {field} field is not valid UTF-8 at byte {byte_offset}"
            ),
            Error::LoneSurrogate { positions } => write!(
                f,
                "the text holds {} lone UTF-16 surrogate(s), which no SMS encoding can carry (first at UTF-16 index {})",
                positions.len(),
                positions.first().copied().unwrap_or(0)
            ),
            Error::InvalidJson { detail, .. }
            | Error::InvalidCsv { detail, .. }
            | Error::InvalidOption { detail, .. }
            | Error::InvalidRequest { detail }
            | Error::Internal { detail } => f.write_str(detail),
            Error::Pdu(e) => fmt::Display::fmt(e, f),
            // Every core variant returned above.
            _ => {
                debug_assert!(false, "no detail for {self:?}");
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let extra = match self {
            Error::NotGsm7 { .. } | Error::LoneSurrogate { .. } => 1,
            Error::TooManyParts { .. } | Error::TooManyCharacters { .. } => 2,
            Error::InvalidJson { .. } | Error::InvalidCsv { .. } => 1,
            Error::InvalidUtf8 { .. } => 3,
            Error::InvalidUtf8Field { .. } => 2,
            Error::InvalidOption { line, .. } => usize::from(line.is_some()),
            _ => 0,
        };
        let mut s = serializer.serialize_struct("Error", 3 + extra)?;
        s.serialize_field("code", &self.code())?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("detail", &self.to_string())?;
        match self {
            Error::NotGsm7 { non_gsm, .. } => s.serialize_field("non_gsm", non_gsm)?,
            Error::TooManyParts { parts, max_parts } => {
                s.serialize_field("parts", parts)?;
                s.serialize_field("max_parts", max_parts)?;
            }
            Error::TooManyCharacters {
                characters,
                max_characters,
            } => {
                s.serialize_field("characters", characters)?;
                s.serialize_field("max_characters", max_characters)?;
            }
            Error::InvalidJson { line, .. } | Error::InvalidCsv { line, .. } => {
                s.serialize_field("line", line)?;
            }
            Error::InvalidUtf8Field {
                line, byte_offset, ..
            } => {
                s.serialize_field("line", line)?;
                s.serialize_field("byte_offset", byte_offset)?;
            }
            Error::InvalidUtf8 {
                line,
                byte_offset,
                input_offset,
            } => {
                s.serialize_field("line", line)?;
                s.serialize_field("byte_offset", byte_offset)?;
                s.serialize_field("input_offset", input_offset)?;
            }
            Error::InvalidOption {
                line: Some(line), ..
            } => s.serialize_field("line", line)?,
            Error::LoneSurrogate { positions } => s.serialize_field("positions", positions)?,
            _ => {}
        }
        s.end()
    }
}

/// An error line: `{"id"?, "error": {...}}`, as `septet --json` prints a rejection and
/// `septet batch` writes a failed line.
///
/// ```
/// let e = septet_report::Error::NoContent { after_smart_encoding: false };
/// let line = septet_report::ErrorLine { id: None, error: &e };
/// assert!(serde_json::to_string(&line).unwrap().starts_with(r#"{"error":{"code":40316,"#));
/// ```
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct ErrorLine<'a> {
    /// Echoed from the request, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a RawValue>,
    /// What went wrong.
    pub error: &'a Error,
}
