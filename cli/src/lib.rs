//! The logic of the `septet` command that is not argument parsing: turning a request into the
//! JSON result object, handling one line of `septet batch` input, streaming a whole batch, and
//! the human report. Everything about SMS itself comes from the `septet` crate.
//!
//! ```
//! use septet_cli::{process_line, Settings};
//!
//! let settings = Settings::default();
//! let line = process_line(br#"{"id": 7, "text": "Price: $100 [USD]"}"#, 1, 0, &settings);
//! assert!(!line.is_error);
//! assert!(line.json.starts_with(r#"{"id":7,"encoding":"GSM-7","parts":1,"units":19,"characters":17"#));
//! ```

use septet::{
    analyze_with, non_gsm, replacements, split, Decimal, EncodingRequest, Error, Options,
    SmartEncodingMetadata, SplitMode,
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

pub mod batch;
pub mod display;
mod human;

pub use human::{human_report, savings_hint};

use batch::summary::Outcome;

/// Defaults for every message: the analysis options, the rate, and what to include.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Options for messages that do not override them.
    pub options: Options,
    /// Per-segment rate; adds `cost` to results.
    pub rate: Option<Decimal>,
    /// Currency code printed with the cost.
    pub currency: Option<String>,
    /// Include the texts of the parts (`part_texts`).
    pub include_parts: bool,
}

/// One line of `septet batch` input. Unknown fields are an error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request<'a> {
    /// Echoed as it is.
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
    /// The message body.
    pub text: String,
    /// `auto`, `gsm7` or `ucs2`.
    #[serde(default)]
    pub encoding: Option<String>,
    /// The profile's smart-encoding flag.
    #[serde(default)]
    pub smart_encoding: Option<bool>,
    /// `long-code`, `toll-free`, `short-code` or `alphanumeric`.
    #[serde(default)]
    pub sender: Option<String>,
    /// `gsm0338`, `carrier-safe` or `ascii7`.
    #[serde(default)]
    pub charset: Option<String>,
    /// `units` or `graphemes`.
    #[serde(default)]
    pub split: Option<String>,
}

/// A character located in the input.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Located {
    /// Index among the characters (Unicode scalar values) of the input.
    pub char_index: usize,
    /// Byte offset in the input (UTF-8).
    pub byte_offset: usize,
    /// The character.
    #[serde(rename = "char")]
    pub character: char,
    /// `U+XXXX`.
    pub code_point: String,
}

impl Located {
    fn new(char_index: usize, byte_offset: usize, character: char) -> Self {
        Located {
            char_index,
            byte_offset,
            character,
            code_point: code_point(character),
        }
    }
}

/// `U+XXXX` for a character.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// One substitution smart encoding made.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ReplacementReport {
    /// Index among the characters of the input.
    pub char_index: usize,
    /// Byte offset in the input.
    pub byte_offset: usize,
    /// The character replaced.
    pub from: char,
    /// `U+XXXX` of the character replaced.
    pub code_point: String,
    /// What replaced it (empty: removed).
    pub to: &'static str,
}

/// The six smart-encoding fields, under the provider's names.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SmartReport {
    /// Whether any character was replaced.
    pub smart_encoding_applied: bool,
    /// `gsm7` or `ucs2`.
    pub final_encoding: &'static str,
    /// Segments after smart encoding.
    pub segment_count: usize,
    /// Characters after smart encoding.
    pub character_count: usize,
    /// Unique characters substituted.
    pub replaced_character_count: usize,
    /// Characters after minus before.
    pub length_change: isize,
}

impl From<SmartEncodingMetadata> for SmartReport {
    fn from(m: SmartEncodingMetadata) -> Self {
        SmartReport {
            smart_encoding_applied: m.smart_encoding_applied,
            final_encoding: m.final_encoding.metadata_name(),
            segment_count: m.segment_count,
            character_count: m.character_count,
            replaced_character_count: m.replaced_character_count,
            length_change: m.length_change,
        }
    }
}

/// A warning with its code.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct WarningReport {
    /// The provider's code (40328).
    pub code: u32,
    /// A stable machine name.
    pub kind: &'static str,
    /// A sentence for people.
    pub detail: String,
}

/// The cost of a message.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct CostReport {
    /// Parts × rate, exact, as a decimal string.
    pub amount: String,
    /// The per-segment rate as given.
    pub rate: String,
    /// Parts billed.
    pub segments: usize,
    /// The currency code, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// The result object of `--json` and of each `batch` line.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// Echoed from the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a RawValue>,
    /// `GSM-7` or `UCS-2`.
    pub encoding: &'static str,
    /// Billed parts.
    pub parts: usize,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    /// Characters of the outgoing text.
    pub characters: usize,
    /// Units each part holds.
    pub units_per_part: usize,
    /// Units free in the last part.
    pub units_remaining: usize,
    /// The charset the message was classified against (`ascii7` for a short code).
    pub charset: &'static str,
    /// The six fields, whenever smart encoding ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smart_encoding: Option<SmartReport>,
    /// What smart encoding replaced (empty when it did not run).
    pub replacements: Vec<ReplacementReport>,
    /// Characters that forced UCS-2.
    pub non_gsm: Vec<Located>,
    /// Warnings.
    pub warnings: Vec<WarningReport>,
    /// With a rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<CostReport>,
    /// With `--parts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_texts: Option<Vec<String>>,
}

/// The body of an error object.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct ErrorBody {
    /// The provider's code (40302, 40316, 400).
    pub code: u32,
    /// A stable machine name.
    pub kind: &'static str,
    /// A sentence for people.
    pub detail: String,
    /// For `too_many_parts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<usize>,
    /// For `too_many_parts`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_parts: Option<usize>,
    /// For `too_many_characters`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub characters: Option<usize>,
    /// For `too_many_characters`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_characters: Option<usize>,
    /// For `not_gsm7`: every character that cannot become GSM-7.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_gsm: Option<Vec<Located>>,
    /// For input errors: the 1-based line number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// For `invalid_utf8`: the offset of the first bad byte in the line, and in the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_offset: Option<usize>,
    /// For `invalid_utf8`: the offset of the first bad byte from the start of the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_offset: Option<u64>,
    /// For `lone_surrogate` (JavaScript strings): the UTF-16 index of each lone surrogate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positions: Option<Vec<usize>>,
}

impl ErrorBody {
    /// The error object for a record that could not be read (code 400, with its line).
    pub fn input(kind: &'static str, detail: String, line: u64) -> Self {
        ErrorBody {
            code: 400,
            kind,
            detail,
            line: Some(line),
            ..ErrorBody::default()
        }
    }

    /// The error object for a rejected message.
    pub fn rejection(error: &Error, text: &str, options: &Options) -> Self {
        let mut body = ErrorBody {
            code: error.code(),
            kind: error.kind(),
            detail: error.to_string(),
            ..ErrorBody::default()
        };
        match *error {
            Error::TooManyParts { parts, max_parts } => {
                body.parts = Some(parts);
                body.max_parts = Some(max_parts);
            }
            Error::TooManyCharacters {
                characters,
                max_characters,
            } => {
                body.characters = Some(characters);
                body.max_characters = Some(max_characters);
            }
            Error::NotGsm7 { .. } => {
                body.non_gsm = Some(
                    non_gsm(text, options)
                        .map(|c| Located::new(c.char_index, c.byte_offset, c.character))
                        .collect(),
                );
            }
            _ => {}
        }
        body
    }
}

/// An error line: `{"id"?, "error": {...}}`.
#[derive(Debug, Serialize)]
pub struct ErrorReport<'a> {
    /// Echoed from the request, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a RawValue>,
    /// What went wrong.
    pub error: ErrorBody,
}

/// Per-message option overrides as names (`"gsm7"`, `"short-code"`, ...), shared by batch
/// lines and the wasm facade's options object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overrides<'a> {
    /// `auto`, `gsm7` or `ucs2`.
    pub encoding: Option<&'a str>,
    /// The profile's smart-encoding flag.
    pub smart_encoding: Option<bool>,
    /// `long-code`, `toll-free`, `short-code` or `alphanumeric`.
    pub sender: Option<&'a str>,
    /// `gsm0338`, `carrier-safe` or `ascii7`.
    pub charset: Option<&'a str>,
    /// `units` or `graphemes`.
    pub split: Option<&'a str>,
}

impl Overrides<'_> {
    /// `defaults` with these overrides applied.
    ///
    /// # Errors
    ///
    /// A sentence naming the field (`"{what} `charset`: ..."`) and the accepted values.
    pub fn apply(&self, defaults: &Options, what: &str) -> Result<Options, String> {
        fn parse<T: std::str::FromStr>(
            value: Option<&str>,
            what: &str,
            name: &str,
        ) -> Result<Option<T>, String>
        where
            T::Err: std::fmt::Display,
        {
            value
                .map(|v| v.parse::<T>().map_err(|e| format!("{what} `{name}`: {e}")))
                .transpose()
        }
        let mut options = *defaults;
        if let Some(encoding) = parse::<EncodingRequest>(self.encoding, what, "encoding")? {
            options.encoding = encoding;
        }
        if let Some(smart) = self.smart_encoding {
            options.smart_encoding = smart;
        }
        if let Some(sender) = parse(self.sender, what, "sender")? {
            options.sender = Some(sender);
        }
        if let Some(charset) = parse(self.charset, what, "charset")? {
            options.charset = charset;
        }
        if let Some(split) = parse::<SplitMode>(self.split, what, "split")? {
            options.split = split;
        }
        Ok(options)
    }
}

/// The options for one request: the settings' defaults overridden by the request's fields.
///
/// # Errors
///
/// A sentence naming the field and the accepted values.
pub fn request_options(request: &Request<'_>, defaults: &Options) -> Result<Options, String> {
    let overrides = Overrides {
        encoding: request.encoding.as_deref(),
        smart_encoding: request.smart_encoding,
        sender: request.sender.as_deref(),
        charset: request.charset.as_deref(),
        split: request.split.as_deref(),
    };
    overrides.apply(defaults, "field")
}

/// Analyses one message into its result object, or the rejection.
pub fn report<'a>(
    id: Option<&'a RawValue>,
    text: &str,
    options: &Options,
    settings: &Settings,
) -> Result<Report<'a>, Box<ErrorReport<'a>>> {
    let reject = |e: Error| {
        Box::new(ErrorReport {
            id,
            error: ErrorBody::rejection(&e, text, options),
        })
    };
    // With part texts, the split's own analysis is the one reported: analysed once either way.
    let (analysis, part_texts) = if settings.include_parts {
        let s = split(text, options).map_err(reject)?;
        let parts = s.parts().map(String::from).collect();
        (*s.analysis(), Some(parts))
    } else {
        (analyze_with(text, options).map_err(reject)?, None)
    };
    let smart_ran = analysis.smart_encoding_ran();
    let cost = settings.rate.map(|rate| CostReport {
        amount: analysis
            .cost(rate)
            .map_or_else(|| "overflow".to_string(), |c| c.to_string()),
        rate: rate.to_string(),
        segments: analysis.parts,
        currency: settings.currency.clone(),
    });
    Ok(Report {
        id,
        encoding: analysis.encoding.name(),
        parts: analysis.parts,
        units: analysis.units,
        characters: analysis.characters,
        units_per_part: analysis.units_per_part,
        units_remaining: analysis.units_remaining,
        charset: analysis.charset.name(),
        smart_encoding: analysis.smart_encoding.map(SmartReport::from),
        replacements: if smart_ran {
            replacements(text)
                .map(|r| ReplacementReport {
                    char_index: r.char_index,
                    byte_offset: r.byte_offset,
                    from: r.from,
                    code_point: code_point(r.from),
                    to: r.to,
                })
                .collect()
        } else {
            Vec::new()
        },
        non_gsm: non_gsm(text, options)
            .map(|c| Located::new(c.char_index, c.byte_offset, c.character))
            .collect(),
        warnings: analysis
            .warning
            .iter()
            .map(|w| WarningReport {
                code: w.code(),
                kind: w.kind(),
                detail: w.to_string(),
            })
            .collect(),
        cost,
        part_texts,
    })
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing these plain structs cannot fail.
    serde_json::to_string(value)
        .unwrap_or_else(|e| format!("{{\"error\":{{\"code\":500,\"detail\":\"{e}\"}}}}"))
}

/// Handles one line of `septet batch` input (without its line ending) and returns the output
/// line (without its line ending). `line_number` is 1-based; `line_offset` is the byte offset
/// of the line in the input, for locating invalid UTF-8. Never panics.
///
/// ```
/// use septet_cli::{process_line, Settings};
/// let out = process_line(b"{\"text\": 5}", 3, 0, &Settings::default());
/// assert!(out.is_error);
/// assert!(out.json.starts_with(r#"{"error":{"code":400,"kind":"invalid_json""#));
/// assert!(out.json.contains(r#""line":3"#));
/// ```
pub fn process_line(
    line: &[u8],
    line_number: u64,
    line_offset: u64,
    settings: &Settings,
) -> OutputLine {
    let error = |report: &ErrorReport<'_>| OutputLine {
        json: to_json(report),
        is_error: true,
        outcome: if report.error.line.is_some() {
            Outcome::Malformed
        } else {
            Outcome::Rejected
        },
    };
    let text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(e) => {
            let mut body = ErrorBody::input(
                "invalid_utf8",
                format!(
                    "line {line_number} is not valid UTF-8 at byte {}",
                    e.valid_up_to()
                ),
                line_number,
            );
            body.byte_offset = Some(e.valid_up_to());
            body.input_offset = Some(line_offset + e.valid_up_to() as u64);
            return error(&ErrorReport {
                id: None,
                error: body,
            });
        }
    };
    // The id is echoed as written, so it must be JSON that strict parsers read back: serde_json
    // accepts a lone surrogate escape such as "\ude00" inside a skipped value, but not when it
    // decodes one (found by the batch_line fuzz target).
    let echoable = |id: &RawValue| serde_json::from_str::<serde_json::Value>(id.get()).map(|_| ());
    let request: Request<'_> = match serde_json::from_str(text) {
        Ok(request) => request,
        Err(e) => {
            // A JSON object that is not a valid request (an unknown or mistyped field, no
            // `text`) still has its id echoed, so the answer can be matched to the question.
            let id = serde_json::from_str::<IdOnly<'_>>(text)
                .ok()
                .and_then(|r| r.id)
                .filter(|id| echoable(id).is_ok());
            let body = ErrorBody::input(
                "invalid_json",
                format!("line {line_number}: {e}"),
                line_number,
            );
            return error(&ErrorReport { id, error: body });
        }
    };
    if let Some(id) = request.id {
        if let Err(e) = echoable(id) {
            let detail = format!("line {line_number}: `id` cannot be echoed: {e}");
            return error(&ErrorReport {
                id: None,
                error: ErrorBody::input("invalid_json", detail, line_number),
            });
        }
    }
    let options = match request_options(&request, &settings.options) {
        Ok(options) => options,
        Err(detail) => {
            let body = ErrorBody::input(
                "invalid_option",
                format!("line {line_number}: {detail}"),
                line_number,
            );
            return error(&ErrorReport {
                id: request.id,
                error: body,
            });
        }
    };
    match report(request.id, &request.text, &options, settings) {
        Ok(report) => OutputLine {
            json: to_json(&report),
            is_error: false,
            outcome: Outcome::Accepted {
                encoding: report.encoding,
                parts: report.parts,
            },
        },
        Err(rejection) => error(&rejection),
    }
}

/// One line of `septet batch` output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputLine {
    /// The JSON object, without a line ending.
    pub json: String,
    /// Whether it is an error object.
    pub is_error: bool,
    /// How it went, for the batch summary.
    pub outcome: Outcome,
}

/// Just the `id` of a line that is not a valid request, to echo it in the error line.
#[derive(Deserialize)]
struct IdOnly<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
}
