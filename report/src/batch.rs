//! One line of `septet batch`: a JSON request in, a result or error line out. The streaming
//! runner around it (reading lines, writing output) belongs to the command.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::error::{Error, ErrorLine};
use crate::options::{skip, without_position, FieldSeed, Key, Naming, Options, Settings};
use crate::report;
use crate::result::Report;

/// One line of `septet batch` input: `{"id"?: any, "text": str, ...options}`, the options in
/// snake_case as [`Options`] declares them.
///
/// An unknown option or a bad value does not stop the reading, so that the error line can
/// still echo the `id`: it is kept in [`Request::invalid_option`].
///
/// ```
/// let r: septet_report::Request = serde_json::from_str(r#"{"id": 7, "text": "hi", "smart_encodng": true}"#).unwrap();
/// assert_eq!(r.id.unwrap().get(), "7");
/// assert_eq!(r.invalid_option.as_deref(), Some("unknown field `smart_encodng` (did you mean `smart_encoding`?)"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Request<'a> {
    /// Echoed as it is.
    pub id: Option<&'a RawValue>,
    /// The message body (`None`: the line has no `text`).
    pub text: Option<String>,
    /// The options the line gives (over the command's defaults).
    pub options: Options,
    /// The first unknown option or bad value, as a sentence naming the field.
    pub invalid_option: Option<String>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Request<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RequestVisitor)
    }
}

struct RequestVisitor;

impl<'de> Visitor<'de> for RequestVisitor {
    type Value = Request<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with `text`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Request<'de>, A::Error> {
        let (mut id, mut text) = (None, None);
        let mut options = Options::default();
        let mut invalid_option = None;
        let mut seen = [false; Options::FIELDS.len()];
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match &*key {
                "id" if id.is_some() => return Err(de::Error::duplicate_field("id")),
                "id" => id = Some(map.next_value::<&'de RawValue>()?),
                "text" if text.is_some() => return Err(de::Error::duplicate_field("text")),
                "text" => text = Some(map.next_value::<String>()?),
                _ if invalid_option.is_some() => skip(&mut map)?,
                _ => match Options::field_index_beside(&key, Naming::SnakeCase, &["id", "text"]) {
                    Err(unknown) => {
                        invalid_option = Some(unknown);
                        skip(&mut map)?;
                    }
                    Ok(index) if std::mem::replace(&mut seen[index], true) => {
                        invalid_option = Some(format!("duplicate field `{key}`"));
                        skip(&mut map)?;
                    }
                    Ok(index) => {
                        // Read as raw JSON first, so that a bad value leaves the line readable.
                        let raw = map.next_value::<&'de RawValue>()?;
                        let mut value = serde_json::Deserializer::from_str(raw.get());
                        let field = FieldSeed {
                            options: &mut options,
                            index,
                            name: &key,
                            naming: Naming::SnakeCase,
                        };
                        if let Err(e) = field.deserialize(&mut value) {
                            invalid_option = Some(without_position(&e.to_string()).to_string());
                        }
                    }
                },
            }
        }
        Ok(Request {
            id,
            text,
            options,
            invalid_option,
        })
    }
}

/// A result line: `{"id"?, ...the result object}`.
///
/// ```
/// use serde_json::value::RawValue;
/// let report = septet_report::report("hi", &Default::default()).unwrap();
/// let id = RawValue::from_string("7".into()).unwrap();
/// let line = septet_report::ResultLine { id: Some(&id), report: &report };
/// assert!(serde_json::to_string(&line).unwrap().starts_with(r#"{"id":7,"encoding":"GSM-7""#));
/// ```
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ResultLine<'a> {
    /// Echoed from the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a RawValue>,
    /// The result object.
    #[serde(flatten)]
    pub report: &'a Report,
}

/// How one line (or record) went, for a batch summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A result object.
    Accepted {
        /// `GSM-7` or `UCS-2`.
        encoding: &'static str,
        /// Billed parts.
        parts: usize,
    },
    /// The provider would refuse the message (too many parts or characters, empty, not GSM-7).
    Rejected,
    /// The record could not be read as a request (bad JSON, UTF-8, CSV, option or field).
    Malformed,
}

/// One line of `septet batch` output.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct OutputLine {
    /// The JSON object, without a line ending.
    pub json: String,
    /// Whether it is an error object.
    pub is_error: bool,
    /// How it went, for the summary.
    pub outcome: Outcome,
}

impl OutputLine {
    /// A result line (not an error) with its outcome.
    pub fn new(json: String, outcome: Outcome) -> Self {
        OutputLine {
            json,
            is_error: false,
            outcome,
        }
    }
}

/// Appends `value` as JSON to `out` (see [`to_json`]).
///
/// ```
/// let mut out = b"x".to_vec();
/// septet_report::write_json(&mut out, &septet_report::Error::NoContent { after_smart_encoding: false });
/// assert!(out.starts_with(br#"x{"code":40316"#));
/// ```
pub fn write_json<T: Serialize>(out: &mut Vec<u8>, value: &T) {
    let start = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(start);
        out.extend_from_slice(to_json(value).as_bytes());
    }
}

/// `value` as JSON. Serialising these plain objects cannot fail; should it ever, the line is an
/// `internal` error object (properly escaped) rather than a panic.
pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        debug_assert!(false, "serialising a result object failed: {e}");
        let error = Error::Internal {
            detail: e.to_string(),
        };
        // An error object of strings and numbers serialises.
        serde_json::to_string(&ErrorLine {
            id: None,
            error: &error,
        })
        .unwrap_or_else(|_| r#"{"error":{"code":500,"kind":"internal","detail":""}}"#.into())
    })
}

/// Handles one line of `septet batch` input (without its line ending) and returns the output
/// line (without its line ending). `line_number` is 1-based; `line_offset` is the byte offset
/// of the line in the input, for locating invalid UTF-8. Never panics.
///
/// ```
/// use septet_report::{process_line, Settings};
///
/// let settings = Settings::default();
/// let line = process_line(br#"{"id": 7, "text": "Price: $100 [USD]"}"#, 1, 0, &settings);
/// assert!(!line.is_error);
/// assert!(line.json.starts_with(r#"{"id":7,"encoding":"GSM-7","parts":1,"units":19,"characters":17"#));
///
/// let out = process_line(b"{\"text\": 5}", 3, 0, &settings);
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
    let request = match read_request(line, line_number, line_offset) {
        Ok(request) => request,
        Err(line) => return line,
    };
    // Most lines give no options: report with the defaults as they are.
    let settings = if request.options.is_empty() {
        Cow::Borrowed(settings)
    } else {
        Cow::Owned(request.options.apply(settings))
    };
    if let Err(e) = settings.check(Some(line_number)) {
        return error_line(request.id, e);
    }
    match report(&request.text, &settings) {
        Ok(report) => OutputLine {
            json: to_json(&ResultLine {
                id: request.id,
                report: &report,
            }),
            is_error: false,
            outcome: Outcome::Accepted {
                encoding: report.encoding,
                parts: report.parts,
            },
        },
        Err(e) => error_line(request.id, e),
    }
}

/// The error line of `error` for the line with `id`.
///
/// ```
/// let line = septet_report::error_line(None, septet_report::Error::NoContent { after_smart_encoding: false });
/// assert!(line.is_error && line.json.starts_with(r#"{"error":{"code":40316"#));
/// ```
pub fn error_line(id: Option<&RawValue>, error: Error) -> OutputLine {
    OutputLine {
        json: to_json(&ErrorLine { id, error: &error }),
        is_error: true,
        outcome: if error.is_rejection() {
            Outcome::Rejected
        } else {
            Outcome::Malformed
        },
    }
}

/// A batch line read as a request: its id, its text and the options it gives.
#[derive(Debug)]
#[non_exhaustive]
pub struct ReadRequest<'a> {
    /// Echoed as it is.
    pub id: Option<&'a RawValue>,
    /// The message body.
    pub text: String,
    /// The options the line gives (over the command's defaults).
    pub options: Options,
}

impl<'a> ReadRequest<'a> {
    /// A request from its parts (for records that are not JSON lines: `--lines`, `--csv`).
    pub fn new(id: Option<&'a RawValue>, text: String, options: Options) -> Self {
        ReadRequest { id, text, options }
    }
}

/// Reads one line of `septet batch` input as a request (what [`process_line`] does before it
/// analyses), for handlers that do something else with the message (`septet batch --encode`).
///
/// ```
/// let r = septet_report::read_request(br#"{"id": 1, "text": "hi", "reference": 9}"#, 1, 0).unwrap();
/// assert_eq!((r.text.as_str(), r.options.reference), ("hi", Some(9)));
/// assert!(septet_report::read_request(b"{}", 1, 0).unwrap_err().is_error);
/// ```
///
/// # Errors
///
/// The error line (invalid UTF-8, invalid JSON, an invalid option, no `text`), echoing the id
/// whenever it can be read.
pub fn read_request(
    line: &[u8],
    line_number: u64,
    line_offset: u64,
) -> Result<ReadRequest<'_>, OutputLine> {
    let error = |id, e| Err(error_line(id, e));
    let text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(e) => {
            let invalid = Error::InvalidUtf8 {
                line: line_number,
                byte_offset: e.valid_up_to(),
                input_offset: line_offset + e.valid_up_to() as u64,
            };
            let id = id_of_bad_line(line).filter(|id| echoable_id(id).is_ok());
            return error(id, invalid);
        }
    };
    let invalid_json = |detail: String| Error::InvalidJson {
        line: line_number,
        detail: format!("line {line_number}: {detail}"),
    };
    // The id is echoed as written (see `echoable_id`).
    let echoable = echoable_id;
    if let Some((id, body)) = plain_request(text) {
        return Ok(ReadRequest {
            id,
            text: body.to_string(),
            options: Options::default(),
        });
    }
    let request: Request<'_> = match serde_json::from_str(text) {
        Ok(request) => request,
        Err(e) => {
            // A JSON object that is not a valid request (a mistyped `text`, say) still has its
            // id echoed, so the answer can be matched to the question.
            let id = id_of_bad_line(line).filter(|id| echoable(id).is_ok());
            return error(id, invalid_json(e.to_string()));
        }
    };
    if let Some(id) = request.id {
        if let Err(e) = echoable(id) {
            return error(None, invalid_json(format!("`id` cannot be echoed: {e}")));
        }
    }
    if let Some(detail) = request.invalid_option {
        let invalid = Error::InvalidOption {
            line: Some(line_number),
            detail: format!("line {line_number}: {detail}"),
        };
        return error(request.id, invalid);
    }
    let Some(text) = request.text else {
        return error(request.id, invalid_json("missing field `text`".into()));
    };
    Ok(ReadRequest {
        id: request.id,
        text,
        options: request.options,
    })
}

/// Whether `id` can be echoed as written: JSON that strict parsers read back (serde_json
/// accepts a lone surrogate escape such as "\ude00" inside a skipped value, but not when it
/// decodes one; found by the batch_line fuzz target), on one line (JSON allows a line break,
/// `\r` included, between the parts of an array or object, and the output is one object per
/// line; found by the batch_line fuzz target: `[[\n]\n]`).
pub(crate) fn echoable_id(id: &RawValue) -> Result<(), String> {
    if plainly_echoable(id.get()) {
        return Ok(());
    }
    if id.get().contains(['\n', '\r']) {
        return Err("it spans lines".to_string());
    }
    serde_json::from_str::<serde_json::Value>(id.get())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The common request read without serde: `{"text": "..."}` or `{"id": ..., "text": "..."}`
/// (JSON whitespace anywhere between the tokens) whose text has no escape and whose id is a
/// short integer or a string without escapes. Such a line reads as serde reads it (the id as
/// written, the text as written, no options); anything else is `None`, for serde to read.
fn plain_request(line: &str) -> Option<(Option<&RawValue>, &str)> {
    let mut rest = line;
    let token = |rest: &mut &str, token: &str| -> Option<()> {
        *rest = rest
            .trim_start_matches([' ', '\t', '\n', '\r'])
            .strip_prefix(token)?;
        Some(())
    };
    // A string with no escape and no control character (which JSON forbids raw): its bytes.
    let string = |rest: &mut &str| -> Option<usize> {
        *rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
        let inner = rest.strip_prefix('"')?;
        let end = inner.find('"')?;
        // Without short cuts, so that the compiler compares many bytes at once.
        let escaped = inner.as_bytes()[..end]
            .iter()
            .fold(false, |escaped, &b| escaped | (b == b'\\') | (b < 0x20));
        (!escaped).then_some(end + 2)
    };
    token(&mut rest, "{")?;
    let mut id = None;
    token(&mut rest, "\"")?;
    if let Some(after) = rest.strip_prefix("id\"") {
        rest = after;
        token(&mut rest, ":")?;
        rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
        let length = match rest.as_bytes().first()? {
            b'"' => string(&mut rest)?,
            _ => {
                let digits = rest.strip_prefix('-').unwrap_or(rest);
                let count = digits.bytes().take_while(u8::is_ascii_digit).count();
                // JSON integers have no leading zero; long ones are left to serde.
                if count == 0 || count > 18 || (count > 1 && digits.starts_with('0')) {
                    return None;
                }
                rest.len() - digits.len() + count
            }
        };
        let raw: &RawValue = serde_json::from_str(&rest[..length]).ok()?;
        id = Some(raw);
        rest = &rest[length..];
        token(&mut rest, ",")?;
        token(&mut rest, "\"")?;
    }
    rest = rest.strip_prefix("text\"")?;
    token(&mut rest, ":")?;
    let length = string(&mut rest)?;
    let body = &rest[1..length - 1];
    rest = &rest[length..];
    token(&mut rest, "}")?;
    rest.trim_start_matches([' ', '\t', '\n', '\r'])
        .is_empty()
        .then_some((id, body))
}

/// Whether `raw`, a JSON value serde_json has read, is plainly one that strict parsers read back
/// on one line: a string without escapes (so without a lone surrogate escape, and a raw line
/// break cannot be inside a JSON string) or a short integer. Other ids are checked by parsing
/// them again; this spares the common ones that work.
fn plainly_echoable(raw: &str) -> bool {
    match raw.as_bytes() {
        [b'"', inner @ .., b'"'] => !inner.contains(&b'\\'),
        [b'-', digits @ ..] | digits => {
            !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit)
        }
    }
}

/// The `id` of a line that is not a valid request, to echo it in the error line: the value of
/// the object's `id` member as far as the line reads as JSON. What comes after it (a bad value,
/// invalid UTF-8 in the text, a trailing comma, characters after the object) does not hide
/// it; a line whose object has two `id` members, or whose `id` is not read in full, has none.
///
/// ```
/// use septet_report::id_of_bad_line;
/// assert_eq!(id_of_bad_line(b"{\"id\": 9, \"text\": \"x\"} trailing").unwrap().get(), "9");
/// assert_eq!(id_of_bad_line(b"{\"id\": \"a\", \"text\": \"\xff\"}").unwrap().get(), "\"a\"");
/// assert_eq!(id_of_bad_line(b"{\"id\": 1, \"text\": \"x\",}").unwrap().get(), "1");
/// assert!(id_of_bad_line(b"{\"id\": 1, \"id\": 2}").is_none());
/// assert!(id_of_bad_line(b"[{\"id\": 1}]").is_none());
/// assert!(id_of_bad_line(b"{\"id\": [1, ").is_none());
/// ```
pub fn id_of_bad_line(line: &[u8]) -> Option<&RawValue> {
    let mut id = IdFound::None;
    let mut json = serde_json::Deserializer::from_slice(line);
    // The error, if any, is the caller's to report: only what was read before it counts.
    let _ = json.deserialize_map(IdVisitor { id: &mut id });
    match id {
        IdFound::One(id) => Some(id),
        IdFound::None | IdFound::Several => None,
    }
}

/// What [`id_of_bad_line`] has found so far.
enum IdFound<'a> {
    None,
    One(&'a RawValue),
    Several,
}

/// Reads an object's members in order, keeping the `id`, until the end or the first error.
struct IdVisitor<'s, 'a> {
    id: &'s mut IdFound<'a>,
}

impl<'de> Visitor<'de> for IdVisitor<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if key == "id" {
                let value = map.next_value::<&'de RawValue>()?;
                *self.id = match self.id {
                    IdFound::None => IdFound::One(value),
                    _ => IdFound::Several,
                };
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{plain_request, plainly_echoable, read_request, Request};

    #[test]
    fn plain_requests_read_as_serde_reads_them() {
        let lines = [
            r#"{"id":0,"text":"and and Dr. $42.50 Monday Ñandú"}"#,
            r#"{"text":"hi"}"#,
            " { \"id\" : -7 ,\t\"text\" : \"😀 x\" } \r",
            r#"{"id":"a b","text":""}"#,
            r#"{"id":123456789012345678,"text":"x"}"#,
            // Not plain: serde reads (or refuses) these.
            r#"{"id":1234567890123456789,"text":"x"}"#,
            r#"{"id":01,"text":"x"}"#,
            r#"{"id":1.5,"text":"x"}"#,
            r#"{"id":1e3,"text":"x"}"#,
            r#"{"id":"a\"b","text":"x"}"#,
            r#"{"id":1,"text":"a\u00e9"}"#,
            r#"{"id":1,"text":"x","smart_encoding":true}"#,
            r#"{"text":"x","id":1}"#,
            r#"{"id":1,"text":"x"} x"#,
            r#"{"id":1,"text":"x""#,
            r#"{"id":1,"text":1}"#,
            r#"{"id":-,"text":"x"}"#,
            r#"{"id":[1],"text":"x"}"#,
            r#"{"id":null,"text":"x"}"#,
            "{\"text\":\"a\tb\"}",
            r#"{"id":1,"text":"x"}}"#,
            r#"{"text":"x",}"#,
            "",
            "{",
        ];
        let mut plain = 0;
        for line in lines {
            let Some((id, text)) = plain_request(line) else {
                continue;
            };
            plain += 1;
            let request: Request<'_> = serde_json::from_str(line).unwrap();
            assert_eq!(id.map(|r| r.get()), request.id.map(|r| r.get()), "{line}");
            assert_eq!(Some(text), request.text.as_deref(), "{line}");
            assert!(request.options.is_empty() && request.invalid_option.is_none());
            let read = read_request(line.as_bytes(), 1, 0).unwrap();
            assert_eq!(
                (read.id.map(|r| r.get()), read.text.as_str()),
                (id.map(|r| r.get()), text)
            );
        }
        assert_eq!(plain, 5, "the first five lines are plain, the rest not");
    }

    #[test]
    fn plain_ids_are_recognised_and_the_rest_left_to_the_parser() {
        for plain in [
            r#""""#,
            r#""abc""#,
            r#""😀 x""#,
            "0",
            "7",
            "-12",
            "123456789012345678",
        ] {
            assert!(plainly_echoable(plain), "{plain}");
        }
        // Escapes, long numbers (1e400 and 20-digit integers are for the parser to judge),
        // fractions, arrays, objects, literals and whitespace: not plain.
        for other in [
            r#""\ud800""#,
            r#""a\"b""#,
            "1234567890123456789",
            "1e400",
            "1.5",
            "-",
            "",
            "[1]",
            "{}",
            "true",
            "null",
            " 1",
        ] {
            assert!(!plainly_echoable(other), "{other}");
        }
    }
}
