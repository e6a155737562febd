//! The objects of the bytes on the wire (the pdu contract, section 8): an encoded message and
//! its parts, a decoded part, and reassembled or incomplete messages; and the requests that
//! `septet batch --decode` and `septet reassemble` read.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use septet::Analysis;
use septet::{
    decode_hex, decode_tpdu, decode_user_data, encode_hex, encode_hex_into, Alphabet, Completed,
    ConcatInfo, DataCoding, DecodeWarning, DecodedUserData, EncodeError, Encoded, EncodedPart,
    HeaderNote, Incomplete, NonGsmChar, PartKey, PartView, PduError, PreparedMessage,
    ReferenceBits,
};

use std::borrow::Cow;

use septet::References;

use crate::batch::{error_line, to_json, Outcome, OutputLine, ReadRequest};
use crate::error::Error;
use crate::options::Settings;
use crate::result::Report;

/// `{"locking": "turkish" | null, "single": "turkish" | null}`: the national language tables a
/// GSM-7 message uses (both `null` for the default alphabet and for UCS-2).
///
/// ```
/// let n = septet_report::NationalLanguageReport::of(Some(septet::Alphabet::DEFAULT));
/// assert_eq!(serde_json::to_string(&n).unwrap(), r#"{"locking":null,"single":null}"#);
/// ```
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct NationalLanguageReport {
    /// The locking shift table's language, `null` for the default alphabet.
    pub locking: Option<&'static str>,
    /// The single shift table's language, `null` for the default extension table.
    pub single: Option<&'static str>,
}

impl NationalLanguageReport {
    /// The pair of `alphabet` (`None`: not GSM-7).
    pub fn of(alphabet: Option<Alphabet>) -> Self {
        alphabet.map_or_else(Self::default, |a| NationalLanguageReport {
            locking: a.locking().map(|l| l.name()),
            single: a.single().map(|l| l.name()),
        })
    }

    /// The alphabet these names stand for (the inverse of [`of`](Self::of) for a GSM-7
    /// message); `None` only for names that are not a language pair.
    ///
    /// ```
    /// use septet_report::NationalLanguageReport;
    /// let alphabet = septet::Alphabet::new(Some("turkish".parse()?), None).unwrap();
    /// assert_eq!(NationalLanguageReport::of(Some(alphabet)).alphabet(), Some(alphabet));
    /// assert_eq!(NationalLanguageReport::default().alphabet(), Some(septet::Alphabet::default()));
    /// # Ok::<(), septet::UnknownName>(())
    /// ```
    pub fn alphabet(&self) -> Option<septet::Alphabet> {
        let language = |name: Option<&str>| name.map(str::parse).transpose().ok();
        septet::Alphabet::new(language(self.locking)?, language(self.single)?)
    }

    /// The tables for people: `locking turkish, single shift default`; `None` when both are
    /// the default alphabet's.
    ///
    /// ```
    /// let n = septet_report::NationalLanguageReport { locking: None, single: Some("spanish") };
    /// assert_eq!(n.tables().as_deref(), Some("locking default, single shift spanish"));
    /// assert_eq!(septet_report::NationalLanguageReport::default().tables(), None);
    /// ```
    pub fn tables(&self) -> Option<String> {
        (self.locking.is_some() || self.single.is_some()).then(|| {
            format!(
                "locking {}, single shift {}",
                self.locking.unwrap_or("default"),
                self.single.unwrap_or("default")
            )
        })
    }
}

/// The SMPP `submit_sm` fields of one part.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SmppReport {
    /// `data_coding`: 0 (GSM-7, SMSC default alphabet) or 8 (UCS-2).
    pub data_coding: u8,
    /// `esm_class`: 64 (UDHI) with a header, else 0.
    pub esm_class: u8,
    /// `short_message`, upper-case hex.
    pub short_message: String,
    /// With `concat = sar`: the `sar_msg_ref_num` TLV (the 16-bit reference).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sar_msg_ref_num: Option<u16>,
    /// With `concat = sar`: the `sar_total_segments` TLV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sar_total_segments: Option<u8>,
    /// With `concat = sar`: the `sar_segment_seqnum` TLV.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sar_segment_seqnum: Option<u8>,
}

/// One part on the wire, as `septet encode --json` prints it.
///
/// ```
/// let e = septet::encode("Hello", &Default::default(), &Default::default()).unwrap();
/// let p = septet_report::EncodedPartReport::from(&e.parts[0]);
/// assert_eq!(serde_json::to_string(&p).unwrap(), concat!(
///     r#"{"udh":"","user_data":"C8329BFD06","udl":5,"dcs":0,"udhi":false,"#,
///     r#""smpp":{"data_coding":0,"esm_class":0,"short_message":"48656C6C6F"}}"#));
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct EncodedPartReport {
    /// The user data header, UDHL included, upper-case hex; `""` when none.
    pub udh: String,
    /// TP-UD (header, fill bits, text), upper-case hex.
    pub user_data: String,
    /// TP-UDL: septets (header and fill included) for GSM-7, octets for UCS-2.
    pub udl: u8,
    /// TP-DCS.
    pub dcs: u8,
    /// TP-UDHI.
    pub udhi: bool,
    /// The SMPP fields.
    pub smpp: SmppReport,
    /// The whole SMS-SUBMIT TPDU, upper-case hex, when a destination was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tpdu: Option<String>,
}

impl From<&EncodedPart> for EncodedPartReport {
    fn from(part: &EncodedPart) -> Self {
        EncodedPartReport {
            udh: encode_hex(&part.udh),
            user_data: encode_hex(&part.user_data),
            udl: part.udl,
            dcs: part.dcs,
            udhi: part.udhi,
            smpp: SmppReport {
                data_coding: part.smpp.data_coding,
                esm_class: part.smpp.esm_class,
                short_message: encode_hex(&part.smpp.short_message),
                sar_msg_ref_num: part.smpp.sar.map(|c| c.reference),
                sar_total_segments: part.smpp.sar.map(|c| c.total),
                sar_segment_seqnum: part.smpp.sar.map(|c| c.sequence),
            },
            tpdu: part.tpdu.as_deref().map(encode_hex),
        }
    }
}

/// An encoded message: the result object of the analysis, plus `reference` (`null` for one
/// part) and `encoded_parts`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct EncodedReport {
    /// The analysis, as `septet --json` prints it.
    #[serde(flatten)]
    pub report: Report,
    /// The national language tables the parts use (also in the analysis once it names them).
    #[serde(skip)]
    pub national_language: NationalLanguageReport,
    /// The concatenation reference; `null` for a message of one part.
    pub reference: Option<u16>,
    /// The parts, in order.
    pub encoded_parts: Vec<EncodedPartReport>,
}

/// Encodes `text` under `settings` (its analysis options, its pricing, and its encoder options:
/// reference, SMPP packing, destination) into the result object of `septet encode --json`.
///
/// ```
/// let mut settings = septet_report::Settings::default();
/// settings.encode.reference = 42;
/// let r = septet_report::encode_report(&"a".repeat(200), &settings).unwrap();
/// assert_eq!((r.report.parts, r.reference), (2, Some(42)));
/// assert_eq!(r.encoded_parts[1].udh, "0500032A0202");
/// ```
///
/// # Errors
///
/// The error object of a rejected message, or of text the bytes cannot carry.
pub fn encode_report(text: &str, settings: &Settings) -> Result<EncodedReport, Error> {
    let (report, encoded) = encode_message(text, settings)?;
    Ok(EncodedReport {
        report,
        national_language: NationalLanguageReport::of(encoded.alphabet()),
        reference: encoded.reference,
        encoded_parts: encoded.parts.iter().map(EncodedPartReport::from).collect(),
    })
}

/// The analysis report and the parts of `text`: what [`encode_report`] and [`encode_line`]
/// both start from.
fn encode_message(text: &str, settings: &Settings) -> Result<(Report, Encoded), Error> {
    settings.check(None)?;
    let encoded: Encoded = septet::encode(text, &settings.options, &settings.encode)
        .map_err(|e| encode_error(e, text, settings))?;
    Ok((encoded_report(text, settings, &encoded), encoded))
}

/// The error object of an encoding refused.
fn encode_error(e: EncodeError, text: &str, settings: &Settings) -> Error {
    match e {
        EncodeError::Analysis(e) => Error::rejection(e, text, &settings.options),
        EncodeError::Pdu(e) => Error::Pdu(e),
        other => Error::Internal {
            detail: other.to_string(),
        },
    }
}

/// The analysis report of an encoded message.
fn encoded_report(text: &str, settings: &Settings, encoded: &Encoded) -> Report {
    report_of(text, settings, &encoded.analysis, true)
}

/// The analysis report of an encoded message, its `non_gsm` list left empty unless asked for.
fn report_of(text: &str, settings: &Settings, analysis: &Analysis, non_gsm: bool) -> Report {
    let mut report = if non_gsm {
        Report::new(text, &settings.options, analysis)
    } else {
        Report::without_non_gsm(text, analysis)
    };
    report.cost = settings.pricing.cost(analysis.parts);
    if settings.include_parts {
        report.part_texts = Some(split_texts(text, settings));
    }
    report
}

fn split_texts(text: &str, settings: &Settings) -> Vec<String> {
    septet::split(text, &settings.options)
        .map(|s| s.parts().map(String::from).collect())
        .unwrap_or_default()
}

/// A result line of `septet batch --encode`: `{"id"?, ...the encoded message}`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct EncodedLine<'a> {
    /// Echoed from the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a RawValue>,
    /// The encoded message.
    #[serde(flatten)]
    pub encoded: &'a EncodedReport,
}

/// Encodes one batch request (read by [`read_request`](crate::read_request)) over the
/// command's `defaults`, numbering references as the pdu contract (3.3) says: multi-part
/// messages take consecutive references from `references`; a line that sets its own
/// `reference` uses it and does not advance the counter; single-part and rejected messages
/// take none.
///
/// ```
/// use septet_report::{encode_line, read_request, Settings};
/// let mut refs = septet::References::new(7);
/// let defaults = Settings::default();
/// let long = format!(r#"{{"id": 1, "text": "{}"}}"#, "a".repeat(200));
/// for expected in [7, 8] {
///     let line = encode_line(read_request(long.as_bytes(), 1, 0).unwrap(), &defaults, &mut refs);
///     assert!(line.json.contains(&format!(r#""reference":{expected},"#)));
/// }
/// let short = read_request(br#"{"text": "hi"}"#, 2, 0).unwrap();
/// assert!(encode_line(short, &defaults, &mut refs).json.contains(r#""reference":null"#));
/// assert_eq!(refs.peek(), 9);
/// ```
pub fn encode_line(
    request: ReadRequest<'_>,
    defaults: &Settings,
    references: &mut References,
) -> OutputLine {
    let mut json = Vec::new();
    let outcome = encode_line_into(request, defaults, references, &mut json);
    OutputLine {
        // Every piece written is UTF-8 (serde's output, the id as read, ASCII).
        json: String::from_utf8(json).unwrap_or_default(),
        is_error: !matches!(outcome, Outcome::Accepted { .. }),
        outcome,
    }
}

/// [`encode_line`] appending the line's JSON to `out` (no line ending) and returning how it
/// went: the form `septet batch --encode` runs, with no intermediate strings. The bytes are
/// those of [`EncodedLine`] (or of the error line) serialised; the hex of every part is
/// written in place.
///
/// ```
/// use septet_report::{encode_line_into, read_request, Outcome, Settings};
/// let mut refs = septet::References::new(0);
/// let mut out = Vec::new();
/// let request = read_request(br#"{"id": "a", "text": "Hello"}"#, 1, 0).unwrap();
/// let outcome = encode_line_into(request, &Settings::default(), &mut refs, &mut out);
/// assert_eq!(outcome, Outcome::Accepted { encoding: "GSM-7", parts: 1 });
/// let line = String::from_utf8(out).unwrap();
/// assert!(line.starts_with(r#"{"id":"a","encoding":"GSM-7","parts":1,"#));
/// assert!(line.ends_with(concat!(r#""reference":null,"encoded_parts":[{"udh":"","user_data":"C8329BFD06","#,
///     r#""udl":5,"dcs":0,"udhi":false,"smpp":{"data_coding":0,"esm_class":0,"short_message":"48656C6C6F"}}]}"#)));
/// ```
pub fn encode_line_into(
    request: ReadRequest<'_>,
    defaults: &Settings,
    references: &mut References,
    out: &mut Vec<u8>,
) -> Outcome {
    let mut line = prepare_line(&request, defaults);
    line.number(references);
    line.write(out)
}

/// Reads the options of one batch request over `defaults`, splits its text and checks that the
/// parts can be written: everything [`encode_line_into`] does before it needs the line's
/// reference. A batch on several threads prepares its lines in parallel, numbers them in input
/// order ([`PreparedLine::number`], cheap), then writes them in parallel
/// ([`PreparedLine::write`]); the bytes are those of [`encode_line_into`].
///
/// ```
/// use septet_report::{prepare_line, read_request, Settings};
/// let defaults = Settings::default();
/// let long = format!(r#"{{"id": 1, "text": "{}"}}"#, "a".repeat(200));
/// let requests = [
///     read_request(long.as_bytes(), 1, 0).unwrap(),
///     read_request(br#"{"id": 2, "text": "hi"}"#, 2, 0).unwrap(),
///     read_request(long.as_bytes(), 3, 0).unwrap(),
/// ];
/// let mut lines: Vec<_> = requests.iter().map(|r| prepare_line(r, &defaults)).collect();
/// let mut refs = septet::References::new(255);
/// for line in &mut lines {
///     line.number(&mut refs);
/// }
/// assert_eq!(lines.iter().map(|l| l.reference()).collect::<Vec<_>>(), [Some(255), None, Some(0)]);
/// let mut out = Vec::new();
/// lines[2].write(&mut out);
/// assert!(String::from_utf8(out).unwrap().contains(r#""reference":0,"#));
/// ```
pub fn prepare_line<'a>(request: &'a ReadRequest<'_>, defaults: &'a Settings) -> PreparedLine<'a> {
    let settings = if request.options.is_empty() {
        Cow::Borrowed(defaults)
    } else {
        Cow::Owned(request.options.apply(defaults))
    };
    let text = request.text.as_str();
    let prepared = settings.check(None).and_then(|()| {
        septet::split(text, &settings.options)
            .map_err(EncodeError::Analysis)
            .and_then(PreparedMessage::new)
            .map_err(|e| encode_error(e, text, &settings))
    });
    let bits = match settings.options.concat {
        septet::Concat::Udh8 | septet::Concat::Payload => ReferenceBits::Eight,
        _ => ReferenceBits::Sixteen,
    };
    let reference = settings.encode.reference;
    PreparedLine {
        id: request.id,
        text,
        explicit: request.options.reference,
        bits,
        reference,
        numbered: None,
        settings,
        prepared,
    }
}

/// One request of `septet batch --encode`, read, split and checked, waiting for its reference:
/// made by [`prepare_line`].
#[derive(Debug)]
pub struct PreparedLine<'a> {
    id: Option<&'a RawValue>,
    text: &'a str,
    settings: Cow<'a, Settings>,
    /// The line's own `reference`, which does not move the counter.
    explicit: Option<u16>,
    /// The width the counter wraps at for this line.
    bits: ReferenceBits,
    /// The reference the parts are written with.
    reference: u16,
    /// The concatenation reference, once numbered (`None`: one part, or refused).
    numbered: Option<u16>,
    prepared: Result<PreparedMessage<'a>, Error>,
}

impl PreparedLine<'_> {
    /// Takes the line's reference as the pdu contract (3.3) numbers a batch: a multi-part
    /// message takes the counter's next reference (wrapping at its width), unless it sets its
    /// own `reference`, which does not move the counter; a single-part or refused message
    /// takes none. Call it once per line, in input order.
    ///
    /// ```
    /// let defaults = septet_report::Settings::default();
    /// let request = septet_report::read_request(br#"{"text": "hi"}"#, 1, 0).unwrap();
    /// let mut line = septet_report::prepare_line(&request, &defaults);
    /// let mut refs = septet::References::new(3);
    /// line.number(&mut refs);
    /// assert_eq!((line.reference(), refs.peek()), (None, 3)); // one part takes none
    /// ```
    pub fn number(&mut self, references: &mut References) {
        let Ok(prepared) = &self.prepared else {
            return;
        };
        if self.explicit.is_none() {
            self.reference = (u32::from(references.peek()) % self.bits.references()) as u16;
        }
        self.numbered = references.take(prepared.parts(), self.explicit, self.bits);
    }

    /// The concatenation reference the line was numbered with (`None` before
    /// [`PreparedLine::number`], for one part, and for a refused message).
    ///
    /// ```
    /// let defaults = septet_report::Settings::default();
    /// let line = format!(r#"{{"text": "{}", "reference": 77}}"#, "a".repeat(200));
    /// let request = septet_report::read_request(line.as_bytes(), 1, 0).unwrap();
    /// let mut line = septet_report::prepare_line(&request, &defaults);
    /// line.number(&mut septet::References::new(0));
    /// assert_eq!(line.reference(), Some(77));
    /// ```
    pub fn reference(&self) -> Option<u16> {
        self.numbered
    }

    /// Appends the line's JSON to `out` (no line ending) and returns how it went: the bytes
    /// [`encode_line_into`] writes for the request under the reference it was numbered with.
    ///
    /// ```
    /// let defaults = septet_report::Settings::default();
    /// let request = septet_report::read_request(br#"{"id": 4, "text": ""}"#, 1, 0).unwrap();
    /// let line = septet_report::prepare_line(&request, &defaults);
    /// let mut out = Vec::new();
    /// assert_eq!(line.write(&mut out), septet_report::Outcome::Rejected);
    /// assert!(String::from_utf8(out).unwrap().starts_with(r#"{"id":4,"error":"#));
    /// ```
    pub fn write(&self, out: &mut Vec<u8>) -> Outcome {
        let prepared = match &self.prepared {
            Ok(prepared) => prepared,
            Err(e) => return write_error_line(out, self.id, e.clone()),
        };
        let encode_options = septet::EncodeOptions {
            reference: self.reference,
            ..self.settings.encode
        };
        let start = out.len();
        let analysis = prepared.analysis();
        let mut report = report_of(self.text, &self.settings, analysis, false);
        let outcome = Outcome::Accepted {
            encoding: report.encoding,
            parts: report.parts,
        };
        let non_gsm = (analysis.encoding != septet::Encoding::Gsm7)
            .then_some((self.text, &self.settings.options));
        if !write_line_head(out, self.id, &mut report, non_gsm) {
            return outcome;
        }
        out.extend_from_slice(br#","reference":"#);
        match (analysis.parts > 1).then_some(self.reference) {
            Some(reference) => write_number(out, reference.into()),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(br#","encoded_parts":["#);
        let mut first = true;
        let written = prepared.encode_each(&encode_options, |part| {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            write_part(out, &part);
        });
        match written {
            Ok(_) => {
                out.extend_from_slice(b"]}");
                outcome
            }
            Err(e) => {
                // Nothing is left of the line: the error line replaces it.
                out.truncate(start);
                write_error_line(out, self.id, encode_error(e, self.text, &self.settings))
            }
        }
    }
}

/// Appends the error line of `error` and returns its outcome.
fn write_error_line(out: &mut Vec<u8>, id: Option<&RawValue>, error: Error) -> Outcome {
    let line = error_line(id, error);
    out.extend_from_slice(line.json.as_bytes());
    line.outcome
}

/// Appends `{"id"?, ...report` (no closing brace): byte for byte what serialising
/// [`EncodedLine`] gives up to `reference`. With `non_gsm` (the text and options of a UCS-2
/// message), the report's `non_gsm` list is still to be made: it is written straight from the
/// text, or filled in for serde. Returns `false` if the report did not serialise (it does not;
/// the line then says so and is complete).
fn write_line_head(
    out: &mut Vec<u8>,
    id: Option<&RawValue>,
    report: &mut Report,
    non_gsm: Option<(&str, &septet::Options)>,
) -> bool {
    out.push(b'{');
    if let Some(id) = id {
        out.extend_from_slice(br#""id":"#);
        out.extend_from_slice(id.get().as_bytes());
        out.push(b',');
    }
    if !write_plain_report_fields(out, report, non_gsm) {
        if let Some((text, options)) = non_gsm {
            report.non_gsm = crate::result::Located::non_gsm(text, options);
        }
        // The report's fields through serde, without the braces of its own object.
        let start = out.len();
        crate::batch::write_json(out, report);
        if out.len() - start < 2 || out[start] != b'{' || out.last() != Some(&b'}') {
            // Serialising a report does not fail; if it ever did, say so rather than write
            // half an object.
            out.truncate(start);
            out.extend_from_slice(
                br#""error":{"code":500,"kind":"internal","detail":"the report did not serialise"}}"#,
            );
            return false;
        }
        out.remove(start);
        out.pop();
    }
    true
}

/// Appends the fields of the common report (no smart encoding, replacements, warnings,
/// cost or part texts) as serde writes them, and returns `true`; returns `false`, having
/// written nothing, for any other report.
fn write_plain_report_fields(
    out: &mut Vec<u8>,
    report: &Report,
    non_gsm: Option<(&str, &septet::Options)>,
) -> bool {
    if report.smart_encoding.is_some()
        || !report.replacements.is_empty()
        || !report.warnings.is_empty()
        || report.cost.is_some()
        || report.part_texts.is_some()
    {
        return false;
    }
    let string = |out: &mut Vec<u8>, value: Option<&str>| match value {
        // The names written here (encodings, charsets, languages, concatenations) are
        // lower-case ASCII words, digits and dashes: nothing to escape.
        Some(value) => {
            out.push(b'"');
            out.extend_from_slice(value.as_bytes());
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    };
    out.extend_from_slice(br#""encoding":"#);
    string(out, Some(report.encoding));
    for (key, value) in [
        (br#","parts":"#.as_slice(), report.parts),
        (br#","units":"#, report.units),
        (br#","characters":"#, report.characters),
        (br#","units_per_part":"#, report.units_per_part),
        (br#","units_remaining":"#, report.units_remaining),
    ] {
        out.extend_from_slice(key);
        write_usize(out, value);
    }
    out.extend_from_slice(br#","charset":"#);
    string(out, Some(report.charset));
    out.extend_from_slice(br#","national_language":{"locking":"#);
    string(out, report.national_language.locking);
    out.extend_from_slice(br#","single":"#);
    string(out, report.national_language.single);
    out.extend_from_slice(br#"},"concat":"#);
    string(out, Some(report.concat));
    out.extend_from_slice(br#","replacements":[],"non_gsm":["#);
    let mut first = true;
    let mut entry = |out: &mut Vec<u8>, c: NonGsmChar, utf16_index: usize| {
        if !std::mem::take(&mut first) {
            out.push(b',');
        }
        write_non_gsm_entry(out, c, utf16_index);
    };
    match non_gsm {
        Some((text, options)) => {
            crate::result::for_each_non_gsm(text, options, |c, utf16_index| {
                entry(out, c, utf16_index)
            });
        }
        None => {
            for located in &report.non_gsm {
                let c = NonGsmChar {
                    char_index: located.char_index,
                    byte_offset: located.byte_offset,
                    character: located.character,
                };
                entry(out, c, located.utf16_index);
            }
        }
    }
    out.extend_from_slice(br#"],"warnings":[]"#);
    true
}

/// Appends one `non_gsm` object exactly as [`Located`](crate::Located) serialises.
fn write_non_gsm_entry(out: &mut Vec<u8>, c: NonGsmChar, utf16_index: usize) {
    out.extend_from_slice(br#"{"char_index":"#);
    write_usize(out, c.char_index);
    out.extend_from_slice(br#","byte_offset":"#);
    write_usize(out, c.byte_offset);
    out.extend_from_slice(br#","utf16_index":"#);
    write_usize(out, utf16_index);
    out.extend_from_slice(br#","char":"#);
    let character = c.character;
    if character >= ' ' && character != '"' && character != '\\' {
        // serde_json escapes only control characters, the quote and the backslash.
        out.push(b'"');
        let mut utf8 = [0u8; 4];
        out.extend_from_slice(character.encode_utf8(&mut utf8).as_bytes());
        out.push(b'"');
    } else {
        crate::batch::write_json(out, &character);
    }
    // `code_point`: "U+" and at least four upper-case hex digits, as `code_point` formats it.
    out.extend_from_slice(br#","code_point":"U+"#);
    let value = u32::from(character);
    let digits = (32 - value.leading_zeros()).div_ceil(4).max(4);
    for shift in (0..digits).rev() {
        out.push(b"0123456789ABCDEF"[((value >> (4 * shift)) & 0xF) as usize]);
    }
    out.extend_from_slice(br#""}"#);
}

/// Appends `n` in decimal.
fn write_usize(out: &mut Vec<u8>, mut n: usize) {
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    if n < 100 {
        out.extend_from_slice(&[b'0' + (n / 10) as u8, b'0' + (n % 10) as u8]);
        return;
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends one part's object exactly as [`EncodedPartReport`] serialises.
fn write_part(out: &mut Vec<u8>, part: &PartView<'_>) {
    out.extend_from_slice(br#"{"udh":""#);
    encode_hex_into(part.udh, out);
    out.extend_from_slice(br#"","user_data":""#);
    encode_hex_into(part.user_data, out);
    out.extend_from_slice(br#"","udl":"#);
    write_number(out, part.udl.into());
    out.extend_from_slice(br#","dcs":"#);
    write_number(out, part.dcs.into());
    out.extend_from_slice(if part.udhi {
        br#","udhi":true,"smpp":{"data_coding":"#.as_slice()
    } else {
        br#","udhi":false,"smpp":{"data_coding":"#.as_slice()
    });
    write_number(out, part.data_coding.into());
    out.extend_from_slice(br#","esm_class":"#);
    write_number(out, part.esm_class.into());
    out.extend_from_slice(br#","short_message":""#);
    encode_hex_into(part.short_message, out);
    out.push(b'"');
    if let Some(sar) = part.sar {
        out.extend_from_slice(br#","sar_msg_ref_num":"#);
        write_number(out, sar.reference.into());
        out.extend_from_slice(br#","sar_total_segments":"#);
        write_number(out, sar.total.into());
        out.extend_from_slice(br#","sar_segment_seqnum":"#);
        write_number(out, sar.sequence.into());
    }
    out.push(b'}');
    if let Some(tpdu) = part.tpdu {
        out.extend_from_slice(br#","tpdu":""#);
        encode_hex_into(tpdu, out);
        out.push(b'"');
    }
    out.push(b'}');
}

/// Appends `n` in decimal.
fn write_number(out: &mut Vec<u8>, n: u32) {
    write_usize(out, n as usize);
}

/// A result line of `septet batch --decode`: `{"id"?, ...the decoded part}`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct DecodedLine<'a> {
    /// Echoed from the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a RawValue>,
    /// The decoded part.
    #[serde(flatten)]
    pub decoded: &'a DecodedReport,
}

/// Reads one line of `septet batch --decode` / `septet reassemble` input as a
/// [`DecodeRequest`].
///
/// # Errors
///
/// The error line (invalid UTF-8, invalid JSON, an unknown field), echoing the id whenever it
/// can be read.
pub fn read_decode_request(
    line: &[u8],
    line_number: u64,
    line_offset: u64,
) -> Result<DecodeRequest<'_>, OutputLine> {
    // Echoed as written: JSON that strict parsers read back, on one line.
    let echoable = |id: &RawValue| crate::batch::echoable_id(id).is_ok();
    let text = std::str::from_utf8(line).map_err(|e| {
        error_line(
            crate::id_of_bad_line(line).filter(|id| echoable(id)),
            Error::InvalidUtf8 {
                line: line_number,
                byte_offset: e.valid_up_to(),
                input_offset: line_offset + e.valid_up_to() as u64,
            },
        )
    })?;
    let request: DecodeRequest<'_> = serde_json::from_str(text).map_err(|e| {
        let id = crate::id_of_bad_line(line).filter(|id| echoable(id));
        error_line(
            id,
            Error::InvalidJson {
                line: line_number,
                detail: format!("line {line_number}: {e}"),
            },
        )
    })?;
    if let Some(id) = request.id.filter(|id| !echoable(id)) {
        let _ = id;
        return Err(error_line(
            None,
            Error::InvalidJson {
                line: line_number,
                detail: format!("line {line_number}: `id` cannot be echoed"),
            },
        ));
    }
    Ok(request)
}

/// Decodes one line of `septet batch --decode` input into its output line.
///
/// ```
/// let line = septet_report::decode_line(br#"{"id": "a", "user_data": "C8329BFD06", "dcs": 0, "udhi": false, "udl": 5}"#, 1, 0);
/// assert!(line.json.starts_with(r#"{"id":"a","text":"Hello","encoding":"GSM-7""#));
/// let bad = septet_report::decode_line(br#"{"id": "b", "user_data": "XY", "dcs": 0, "udl": 1}"#, 2, 0);
/// assert!(bad.json.starts_with(r#"{"id":"b","error":{"code":400,"kind":"bad_hex""#));
/// ```
pub fn decode_line(line: &[u8], line_number: u64, line_offset: u64) -> OutputLine {
    let request = match read_decode_request(line, line_number, line_offset) {
        Ok(request) => request,
        Err(line) => return line,
    };
    match request.decode() {
        Ok(decoded) => {
            let report = DecodedReport::from(&decoded);
            OutputLine::new(
                to_json(&DecodedLine {
                    id: request.id,
                    decoded: &report,
                }),
                Outcome::Accepted {
                    encoding: report.encoding,
                    parts: 1,
                },
            )
        }
        Err(e) => error_line(request.id, e),
    }
}

/// `{"reference", "total", "sequence", "bits": 8 | 16}` of a concatenated part.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
pub struct ConcatReport {
    /// The concatenation reference.
    pub reference: u16,
    /// Parts in the message.
    pub total: u8,
    /// This part's number, from 1.
    pub sequence: u8,
    /// 8 or 16: the width of the reference.
    pub bits: u8,
}

impl From<ConcatInfo> for ConcatReport {
    fn from(c: ConcatInfo) -> Self {
        ConcatReport {
            reference: c.reference,
            total: c.total,
            sequence: c.sequence,
            bits: reference_bits(c.bits),
        }
    }
}

fn reference_bits(bits: ReferenceBits) -> u8 {
    match bits {
        ReferenceBits::Eight => 8,
        ReferenceBits::Sixteen => 16,
    }
}

/// A decoding warning: `{"kind", "detail"}`.
///
/// ```
/// let w = septet_report::DecodeWarningReport::from(septet::DecodeWarning::Cr2);
/// assert_eq!(w.kind, "cr2");
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct DecodeWarningReport {
    /// A stable machine name: `invalid_concat`, `unknown_language`, `bad_shift_element`,
    /// `unknown_element`, `unknown_shift_code`, `unknown_code`, `cr2`, `trailing_escape`,
    /// `unpaired_surrogate`, `odd_octet`, `reserved_data_coding`, `duplicate`.
    pub kind: &'static str,
    /// A sentence for people.
    pub detail: String,
}

impl From<DecodeWarning> for DecodeWarningReport {
    fn from(w: DecodeWarning) -> Self {
        let kind = match w {
            DecodeWarning::Header(HeaderNote::InvalidConcat) => "invalid_concat",
            DecodeWarning::Header(HeaderNote::UnknownLanguage { .. }) => "unknown_language",
            DecodeWarning::Header(HeaderNote::BadShiftElement { .. }) => "bad_shift_element",
            DecodeWarning::Header(HeaderNote::UnknownElement { .. }) => "unknown_element",
            DecodeWarning::Header(_) => "header",
            DecodeWarning::UnknownShiftCode { .. } => "unknown_shift_code",
            DecodeWarning::UnknownCode { .. } => "unknown_code",
            DecodeWarning::Cr2 => "cr2",
            DecodeWarning::TrailingEscape => "trailing_escape",
            DecodeWarning::UnpairedSurrogate { .. } => "unpaired_surrogate",
            DecodeWarning::OddOctet => "odd_octet",
            DecodeWarning::ReservedDataCoding { .. } => "reserved_data_coding",
            _ => "warning",
        };
        DecodeWarningReport {
            kind,
            detail: w.to_string(),
        }
    }
}

/// One decoded part, as `septet decode --json` and `septet batch --decode` print it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct DecodedReport {
    /// The text; `null` for 8-bit data.
    pub text: Option<String>,
    /// 8-bit data, upper-case hex (absent for text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// `GSM-7`, `UCS-2` or `8-bit`.
    pub encoding: &'static str,
    /// The national language tables the header selects (GSM-7 only).
    pub national_language: NationalLanguageReport,
    /// The concatenation IE, or `null`.
    pub concat: Option<ConcatReport>,
    /// What was not quite right.
    pub warnings: Vec<DecodeWarningReport>,
}

impl From<&DecodedUserData> for DecodedReport {
    fn from(d: &DecodedUserData) -> Self {
        DecodedReport {
            text: d.text.clone(),
            data: d.data.as_deref().map(encode_hex),
            encoding: d.coding.name(),
            national_language: NationalLanguageReport::of(
                (d.coding == DataCoding::Gsm7).then(|| d.alphabet()),
            ),
            concat: d.udh.concat.map(ConcatReport::from),
            warnings: d
                .warnings
                .iter()
                .map(|&w| DecodeWarningReport::from(w))
                .collect(),
        }
    }
}

/// A line of `septet batch --decode` or `septet reassemble`: either the user data with its
/// TP-DCS, TP-UDHI and TP-UDL (from SMPP `deliver_sm`), or a whole TPDU in hex (`pdu`, with or
/// without the SMSC address first). `sender` groups parts for reassembly.
///
/// ```
/// let r: septet_report::DecodeRequest = serde_json::from_str(
///     r#"{"id": 1, "user_data": "C8329BFD06", "dcs": 0, "udhi": false, "udl": 5}"#).unwrap();
/// assert_eq!(r.decode().unwrap().text.as_deref(), Some("Hello"));
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecodeRequest<'a> {
    /// Echoed as it is.
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
    /// TP-UD in hex.
    #[serde(default)]
    pub user_data: Option<String>,
    /// TP-DCS.
    #[serde(default)]
    pub dcs: Option<u8>,
    /// TP-UDHI.
    #[serde(default)]
    pub udhi: Option<bool>,
    /// TP-UDL (septets for GSM-7, octets otherwise).
    #[serde(default)]
    pub udl: Option<usize>,
    /// A whole SMS-DELIVER or SMS-SUBMIT TPDU in hex.
    #[serde(default)]
    pub pdu: Option<String>,
    /// Who sent it (reassembly groups by it).
    #[serde(default)]
    pub sender: Option<String>,
}

impl DecodeRequest<'_> {
    /// Decodes the part the request describes. With `pdu`, the TPDU's own address is the
    /// sender when the request names none ([`DecodeRequest::decode_with_address`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a request that gives neither form or both, or misses a
    /// field; [`Error::Pdu`] for bytes that cannot be decoded.
    pub fn decode(&self) -> Result<DecodedUserData, Error> {
        self.decode_with_address().map(|(d, _)| d)
    }

    /// As [`DecodeRequest::decode`], with the TPDU's address (originator of an SMS-DELIVER,
    /// destination of an SMS-SUBMIT) when the input was a whole TPDU.
    ///
    /// # Errors
    ///
    /// As [`DecodeRequest::decode`].
    pub fn decode_with_address(&self) -> Result<(DecodedUserData, Option<String>), Error> {
        let invalid = |detail: &str| Error::InvalidRequest {
            detail: detail.to_string(),
        };
        match (&self.pdu, &self.user_data) {
            (Some(_), Some(_)) => Err(invalid("give either `pdu` or `user_data`, not both")),
            (None, None) => Err(invalid("missing field `user_data` (or `pdu`)")),
            (Some(pdu), None) => {
                if self.dcs.is_some() || self.udhi.is_some() || self.udl.is_some() {
                    return Err(invalid(
                        "`dcs`, `udhi` and `udl` come from the TPDU itself; give them only with `user_data`",
                    ));
                }
                let bytes = decode_hex(pdu).map_err(Error::Pdu)?;
                let tpdu = decode_tpdu(&bytes).map_err(Error::Pdu)?;
                Ok((tpdu.user_data, Some(tpdu.address)))
            }
            (None, Some(user_data)) => {
                let dcs = self.dcs.ok_or_else(|| invalid("missing field `dcs`"))?;
                let udl = self.udl.ok_or_else(|| invalid("missing field `udl`"))?;
                let udhi = self.udhi.unwrap_or(false);
                let bytes = decode_hex(user_data).map_err(Error::Pdu)?;
                let decoded = decode_user_data(&bytes, dcs, udhi, udl).map_err(Error::Pdu)?;
                Ok((decoded, None))
            }
        }
    }
}

/// A message whose parts have all arrived: `{"ids", "sender", "text", "parts"}` (plus `data`
/// for 8-bit payloads and `warnings` when there are any).
#[derive(Clone, Debug, Serialize)]
pub struct CompletedReport {
    /// The ids of the parts, in sequence order.
    pub ids: Vec<Box<RawValue>>,
    /// The sender as the lines named it (`null` when they did not).
    pub sender: Option<String>,
    /// The whole text (`null` for 8-bit data).
    pub text: Option<String>,
    /// The whole 8-bit payload, upper-case hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Parts joined.
    pub parts: usize,
    /// Warnings of the parts and of the joining, and duplicates dropped.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<DecodeWarningReport>,
}

impl From<Completed<Option<String>, Box<RawValue>>> for CompletedReport {
    fn from(c: Completed<Option<String>, Box<RawValue>>) -> Self {
        CompletedReport {
            ids: c.ids,
            sender: c.sender,
            text: c.text,
            data: c.data.as_deref().map(encode_hex),
            parts: c.parts,
            warnings: c
                .warnings
                .into_iter()
                .map(DecodeWarningReport::from)
                .collect(),
        }
    }
}

/// The error of a message that never completed.
#[derive(Clone, Debug, Serialize)]
pub struct IncompleteError {
    /// Always `incomplete`.
    pub kind: &'static str,
    /// The concatenation reference.
    pub reference: u16,
    /// Parts the message has.
    pub total: u8,
    /// 8 or 16.
    pub bits: u8,
    /// Sequence numbers that never arrived, ascending.
    pub missing: Vec<u8>,
}

/// `{"ids", "sender", "error": {"kind": "incomplete", "reference", "total", "bits", "missing"}}`.
#[derive(Clone, Debug, Serialize)]
pub struct IncompleteReport {
    /// The ids of the parts that arrived, in sequence order.
    pub ids: Vec<Box<RawValue>>,
    /// The sender.
    pub sender: Option<String>,
    /// What is missing.
    pub error: IncompleteError,
}

impl From<Incomplete<Option<String>, Box<RawValue>>> for IncompleteReport {
    fn from(i: Incomplete<Option<String>, Box<RawValue>>) -> Self {
        let PartKey {
            sender,
            reference,
            total,
            bits,
        } = i.key;
        IncompleteReport {
            ids: i.ids,
            sender,
            error: IncompleteError {
                kind: "incomplete",
                reference,
                total,
                bits: reference_bits(bits),
                missing: i.missing,
            },
        }
    }
}

/// `septet reassemble`: decoding request lines in, one line per completed message out (as soon
/// as its last part arrives), and at the end one error line per message still incomplete.
/// Memory is bounded by the core [`Reassembler`](septet::Reassembler)'s limits; the clock is the
/// line number, so `max_age` counts lines.
///
/// ```
/// use septet_report::Reassembly;
/// let mut r = Reassembly::new(septet::ReassemblyLimits::default());
/// let p2 = br#"{"id": "b", "sender": "+1", "user_data": "050003070202D06536FB0D", "dcs": 0, "udhi": true, "udl": 12}"#;
/// let p1 = br#"{"id": "a", "sender": "+1", "user_data": "050003070201D06536FB0D", "dcs": 0, "udhi": true, "udl": 12}"#;
/// assert!(r.push_line(p2, 1, 0).lines.is_empty());
/// let out = r.push_line(p1, 2, 0);
/// assert_eq!(out.lines[0].json, r#"{"ids":["a","b"],"sender":"+1","text":"hellohello","parts":2}"#);
/// assert!(r.finish().is_empty());
/// ```
pub struct Reassembly {
    reassembler: septet::Reassembler<Option<String>, Box<RawValue>>,
}

impl std::fmt::Debug for Reassembly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reassembly")
            .field("pending", &self.reassembler.pending())
            .finish()
    }
}

/// What one line of `septet reassemble` produced.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct ReassemblyOutput {
    /// Output lines: completed messages, expired ones, or the line's own error.
    pub lines: Vec<OutputLine>,
    /// Parts dropped as duplicates, as JSON objects for standard error:
    /// `{"id", "sender", "warning": {"kind": "duplicate", "reference", "total", "bits", "sequence"}}`.
    pub duplicates: Vec<String>,
}

#[derive(Serialize)]
struct DuplicateWarning {
    kind: &'static str,
    detail: String,
    reference: u16,
    total: u8,
    bits: u8,
    sequence: u8,
}

#[derive(Serialize)]
struct DuplicateLine<'a> {
    id: &'a RawValue,
    sender: &'a Option<String>,
    warning: DuplicateWarning,
}

impl Reassembly {
    /// An empty reassembly with these bounds.
    pub fn new(limits: septet::ReassemblyLimits) -> Self {
        Reassembly {
            reassembler: septet::Reassembler::new(limits),
        }
    }

    /// Takes one input line (1-based `line_number`, byte offset `line_offset`). A line without
    /// `id` is known by its line number; a whole TPDU without `sender` is grouped by its own
    /// address.
    pub fn push_line(
        &mut self,
        line: &[u8],
        line_number: u64,
        line_offset: u64,
    ) -> ReassemblyOutput {
        let mut out = ReassemblyOutput::default();
        let request = match read_decode_request(line, line_number, line_offset) {
            Ok(request) => request,
            Err(line) => {
                out.lines.push(line);
                return out;
            }
        };
        let (decoded, address) = match request.decode_with_address() {
            Ok(decoded) => decoded,
            Err(e) => {
                out.lines.push(error_line(request.id, e));
                return out;
            }
        };
        let id = match request.id {
            Some(id) => id.to_owned(),
            None => number_id(line_number),
        };
        let sender = request.sender.clone().or(address);
        let events = self.reassembler.push(sender, id, &decoded, line_number);
        self.take_events(events, &mut out);
        out
    }

    fn take_events(
        &mut self,
        events: Vec<septet::ReassemblyEvent<Option<String>, Box<RawValue>>>,
        out: &mut ReassemblyOutput,
    ) {
        for event in events {
            match event {
                septet::ReassemblyEvent::Completed(done) => {
                    let report = CompletedReport::from(done);
                    let parts = report.parts;
                    out.lines.push(OutputLine::new(
                        to_json(&report),
                        Outcome::Accepted {
                            encoding: "reassembled",
                            parts,
                        },
                    ));
                }
                septet::ReassemblyEvent::Duplicate { id, key, sequence } => {
                    let warning = DuplicateWarning {
                        kind: "duplicate",
                        detail: format!(
                            "part {sequence} of {} (reference {}) arrived again; dropped",
                            key.total, key.reference
                        ),
                        reference: key.reference,
                        total: key.total,
                        bits: reference_bits(key.bits),
                        sequence,
                    };
                    out.duplicates.push(to_json(&DuplicateLine {
                        id: &id,
                        sender: &key.sender,
                        warning,
                    }));
                }
                septet::ReassemblyEvent::Expired(incomplete) => {
                    out.lines.push(incomplete_line(incomplete));
                }
                #[allow(unreachable_patterns)]
                _ => {}
            }
        }
    }

    /// Ends the input: one error line per message still incomplete, in order of first arrival.
    pub fn finish(self) -> Vec<OutputLine> {
        self.reassembler
            .finish()
            .into_iter()
            .map(incomplete_line)
            .collect()
    }
}

fn incomplete_line(incomplete: Incomplete<Option<String>, Box<RawValue>>) -> OutputLine {
    let report = IncompleteReport::from(incomplete);
    OutputLine {
        json: to_json(&report),
        is_error: true,
        outcome: Outcome::Malformed,
    }
}

fn number_id(line_number: u64) -> Box<RawValue> {
    RawValue::from_string(line_number.to_string()).unwrap_or_else(|_| {
        debug_assert!(false, "a number is valid JSON");
        Box::<RawValue>::default()
    })
}

/// The machine name of a [`PduError`], for error objects.
///
/// ```
/// assert_eq!(septet_report::pdu_error_kind(&septet::PduError::BadHex { offset: 1 }), "bad_hex");
/// ```
pub fn pdu_error_kind(e: &PduError) -> &'static str {
    match e {
        PduError::BufferTooSmall { .. } => "buffer_too_small",
        PduError::FillBits { .. } => "fill_bits",
        PduError::UserDataTooShort { .. } => "user_data_too_short",
        PduError::HeaderPastEnd { .. } => "header_past_end",
        PduError::ElementPastEnd { .. } => "element_past_end",
        PduError::MissingHeader => "missing_header",
        PduError::UnsupportedDataCoding { .. } => "unsupported_data_coding",
        PduError::UserDataLength { .. } => "user_data_length",
        PduError::Truncated { .. } => "truncated",
        PduError::TrailingOctets { .. } => "trailing_octets",
        PduError::UnsupportedMessageType { .. } => "unsupported_message_type",
        PduError::BadAddress { .. } => "bad_address",
        PduError::NotEncodable { .. } => "not_encodable",
        PduError::PartTooLong { .. } => "part_too_long",
        PduError::BadConcat { .. } => "bad_concat",
        PduError::ProfileMismatch { .. } => "profile_mismatch",
        PduError::BadHex { .. } => "bad_hex",
        _ => "invalid_pdu",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_json(line: &str) -> String {
        let r: DecodeRequest = serde_json::from_str(line).unwrap();
        serde_json::to_string(&DecodedReport::from(&r.decode().unwrap())).unwrap()
    }

    #[test]
    fn spec_vectors_decode_to_the_spec_objects() {
        assert_eq!(
            decode_json(
                r#"{"user_data": "050003000201D06536FB8D2EB3D96F", "dcs": 0, "udhi": true, "udl": 17}"#
            ),
            r#"{"text":"hellohello","encoding":"GSM-7","national_language":{"locking":null,"single":null},"concat":{"reference":0,"total":2,"sequence":1,"bits":8},"warnings":[]}"#
        );
        assert_eq!(
            decode_json(
                r#"{"user_data": "03240101D81C37F330", "dcs": 0, "udhi": true, "udl": 10}"#
            ),
            r#"{"text":"Ğşa","encoding":"GSM-7","national_language":{"locking":null,"single":"turkish"},"concat":null,"warnings":[]}"#
        );
        assert_eq!(
            decode_json(
                r#"{"pdu": "07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F"}"#
            ),
            r#"{"text":"™©®hello","encoding":"UCS-2","national_language":{"locking":null,"single":null},"concat":null,"warnings":[]}"#
        );
    }

    #[test]
    fn bad_requests_are_typed_errors() {
        for (line, kind) in [
            (
                r#"{"user_data": "C8329BFD0", "dcs": 0, "udl": 5}"#,
                "bad_hex",
            ),
            (
                r#"{"user_data": "C8329BFD06", "dcs": 0, "udl": 50}"#,
                "user_data_too_short",
            ),
            (
                r#"{"user_data": "C8329BFD06", "udl": 5}"#,
                "invalid_request",
            ),
            (r#"{"dcs": 0}"#, "invalid_request"),
            (r#"{"pdu": "00", "user_data": "00"}"#, "invalid_request"),
            (
                r#"{"user_data": "0A000301", "dcs": 0, "udhi": true, "udl": 4}"#,
                "header_past_end",
            ),
        ] {
            let r: DecodeRequest = serde_json::from_str(line).unwrap();
            let e = r.decode().unwrap_err();
            assert_eq!(e.kind(), kind, "{line}");
            assert_eq!(e.code(), 400);
        }
        assert!(serde_json::from_str::<DecodeRequest>(r#"{"user_dat": "00"}"#).is_err());
    }

    #[test]
    fn encode_report_matches_the_spec_vectors() {
        let mut settings = Settings::default();
        let r = encode_report("hellohello", &settings).unwrap();
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains(r#""reference":null,"encoded_parts":[{"udh":"","user_data":"E8329BFD4697D9EC37","udl":10,"dcs":0,"udhi":false"#), "{json}");
        settings.encode.destination = Some(septet::Address::parse("+4915112345678").unwrap());
        let r = encode_report("Hello", &settings).unwrap();
        let tpdu = r.encoded_parts[0].tpdu.clone().unwrap();
        // The TPDU decodes back to the text and the destination.
        let d = decode_tpdu(&decode_hex(&tpdu).unwrap()).unwrap();
        assert_eq!(
            (d.user_data.text.as_deref(), d.address.as_str()),
            (Some("Hello"), "+4915112345678")
        );
    }
}

#[cfg(test)]
mod encoded_line_tests {
    use super::*;

    /// The line `serde` gives for a request: the reference for the hand-written writer.
    fn serde_line(line: &[u8], references: &mut References) -> String {
        let request = crate::read_request(line, 1, 0).unwrap();
        let explicit = request.options.reference;
        let mut settings = request.options.apply(&Settings::default());
        let bits = match settings.options.concat {
            septet::Concat::Udh8 | septet::Concat::Payload => ReferenceBits::Eight,
            _ => ReferenceBits::Sixteen,
        };
        if explicit.is_none() {
            settings.encode.reference = (u32::from(references.peek()) % bits.references()) as u16;
        }
        match encode_report(&request.text, &settings) {
            Ok(encoded) => {
                references.take(encoded.report.parts, explicit, bits);
                to_json(&EncodedLine {
                    id: request.id,
                    encoded: &encoded,
                })
            }
            Err(e) => error_line(request.id, e).json,
        }
    }

    #[test]
    fn the_written_line_is_the_serialised_line() {
        let long = "a".repeat(400);
        let long_ucs2 = "Привет, мир! ".repeat(12);
        let texts = [
            "Hello",
            long.as_str(),
            long_ucs2.as_str(),
            "Şişli'de buluşalım",
            "“quoted” — €10 {promo}",
            "😀 emoji 👍🏽",
            "",
            "a\u{1B}b",
            "tab\there ☺ \u{7} \u{7F} ¤ 😀",
            "😀 \"q\" \\ back\u{0}\u{1F}\u{FFFF}\u{10FFFF}ж",
        ];
        let options = [
            r#""#,
            r#","to":"+491701234567""#,
            r#","to":"0170123","smpp_packing":"packed","concat":"udh16""#,
            r#","concat":"sar","reference":65535"#,
            r#","concat":"payload","parts":true,"rate":"0.05""#,
            r#","national_languages":"all","smart_encoding":true"#,
            r#","charset":"ascii7""#,
            r#","reference":3"#,
        ];
        let mut serde_refs = References::new(250);
        let mut written_refs = References::new(250);
        for (i, text) in texts.iter().enumerate() {
            for (j, option) in options.iter().enumerate() {
                let id = match (i + j) % 3 {
                    0 => String::new(),
                    1 => format!(r#""id":{},"#, i * 10 + j),
                    _ => r#""id":{"k":["x\"y"]},"#.to_string(),
                };
                let line = format!(
                    r#"{{{id}"text":{}{option}}}"#,
                    serde_json::to_string(text).unwrap()
                );
                let expected = serde_line(line.as_bytes(), &mut serde_refs);
                let request = crate::read_request(line.as_bytes(), 1, 0).unwrap();
                let mut written = Vec::new();
                let outcome = encode_line_into(
                    request,
                    &Settings::default(),
                    &mut written_refs,
                    &mut written,
                );
                assert_eq!(String::from_utf8(written).unwrap(), expected, "{line}");
                assert_eq!(
                    matches!(outcome, Outcome::Accepted { .. }),
                    !expected.contains(r#""error":"#),
                    "{line}"
                );
            }
        }
        assert_eq!(serde_refs.peek(), written_refs.peek());
    }
}
