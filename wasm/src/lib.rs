//! # septet-wasm
//!
//! septet for JavaScript: a thin wasm-bindgen facade over the `septet` crate. Results are the
//! same objects, with the same field names, as the `septet` command's `--json` output (both are
//! built by `septet_report::report`).
//!
//! ```js
//! import init, { analyze, smartEncode, split } from "septet-wasm";
//! await init();
//! analyze("Don’t miss it…", { smartEncoding: true }).encoding;   // "GSM-7"
//! ```
//!
//! **Lone surrogates.** A JavaScript string may hold a UTF-16 surrogate that is not part of a
//! pair; no SMS encoding can carry it and a Rust string cannot hold it. Every function checks the
//! string first and throws an `Error` with `code` 400, `kind` `"lone_surrogate"` and the UTF-16
//! indices of every lone surrogate in `data.positions`, rather than replacing them silently.

use js_sys::{JsString, Reflect, JSON};
use septet::Charset;
use septet_report::{report, Error, Naming, Options, Scalar, Settings};
use wasm_bindgen::prelude::*;

// The `Options` interface is generated from the one options schema
// (`cargo run -p septet-report --example typescript`); a test checks it is exactly that text.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options; every field is optional and mirrors a flag of the `septet` command. */
export interface Options {
  /** Per-request encoding: `auto` (default), `gsm7` (smart encoding, must end GSM-7) or
   * `ucs2` (forced, no smart encoding). */
  encoding?: "auto" | "gsm7" | "ucs2";
  /** Smart encoding: replace curly quotes, dashes and other look-alikes with GSM-7 characters (the
   * provider's messaging-profile setting; default false; `encoding = gsm7` always applies it). */
  smartEncoding?: boolean;
  /** Sender type; `short-code` sends ASCII 7-bit. */
  sender?: "long-code" | "toll-free" | "short-code" | "alphanumeric";
  /** 7-bit charset of GSM routes (default `gsm0338`). */
  charset?: "gsm0338" | "carrier-safe" | "ascii7";
  /** Where parts may be cut (default `units`). */
  split?: "units" | "graphemes";
  /** Most parts allowed, at least 1 (default 10; error 40302 above). */
  maxParts?: number;
  /** Warn (40328) above this many parts, at least 1 (default 4). */
  warnParts?: number;
  /** Most characters in the body, at least 1 (default 1600). */
  maxCharacters?: number;
  /** Per-segment rate, e.g. "0.0051" (a string keeps its digits: "0.0050" gives amounts to 4
   * places) or 0.0051 (a number is taken as its shortest decimal form); adds `cost`. */
  rate?: string | number;
  /** Currency code printed with the cost (needs `rate`). */
  currency?: string;
  /** Include `part_texts` (the texts of the parts as sent) in the result. */
  parts?: boolean;
  /** National language tables encoding may use (GSM 03.38 charset only), chosen by least
   * cost: `turkish:single`, `turkish:locking`, a language name (all its tables), a list
   * (`turkish:single,hindi`), `all` or `none` (default). */
  nationalLanguages?: string;
  /** Concatenation: `udh8` (default, 8-bit reference IE), `udh16` (16-bit), `sar` (SMPP SAR
   * TLVs; counted as `udh16`) or `payload` (one message_payload; counted as `udh8`). */
  concat?: "udh8" | "udh16" | "sar" | "payload";
  /** Encoding: the concatenation reference of a multi-part message (0-255 for `udh8`); in a
   * batch, the first of consecutive references (a line's own does not advance them). */
  reference?: number;
  /** Encoding: build each part's SMS-SUBMIT TPDU for this destination (E.164 with `+`, or
   * national digits). */
  to?: string;
  /** Encoding: GSM-7 in SMPP `short_message` `unpacked` (one octet per septet, default) or
   * `packed` (the TP-UD as sent over the air). */
  smppPacking?: "unpacked" | "packed";
}

/** A character located in the input. Use `utf16_index` in JavaScript: it counts UTF-16 code
 * units, what `String.prototype.slice` takes (and the unit of lone-surrogate `positions`);
 * `char_index` counts Unicode scalar values (code points) and `byte_offset` UTF-8 bytes. */
export interface LocatedChar { char_index: number; byte_offset: number; utf16_index: number; char: string; code_point: string; }

/** One substitution made by smart encoding. */
export interface Replacement { char_index: number; byte_offset: number; utf16_index: number; from: string; code_point: string; to: string; }

/** The provider's six smart-encoding fields. */
export interface SmartEncoding {
  smart_encoding_applied: boolean;
  final_encoding: "gsm7" | "ucs2";
  segment_count: number;
  character_count: number;
  replaced_character_count: number;
  length_change: number;
}

/** What the carrier will see and bill; the same object as `septet --json`. */
/** One part on the wire (hex strings are upper case). */
export interface EncodedPart {
  udh: string;
  user_data: string;
  udl: number;
  dcs: number;
  udhi: boolean;
  smpp: { data_coding: number; esm_class: number; short_message: string; sar_msg_ref_num?: number; sar_total_segments?: number; sar_segment_seqnum?: number };
  /** The SMS-SUBMIT TPDU led by `00` (with the `to` option). */
  tpdu?: string;
}

/** `encode`'s result: the analysis plus the reference and the parts on the wire. */
export interface EncodeResult extends AnalysisResult {
  reference: number | null;
  encoded_parts: EncodedPart[];
}

/** One piece of a user data header, from `udhElements`: the UDHL, then each information
 * element with its octets (hex, upper case) and what a receiver reads in it. `offset` counts
 * octets from the UDHL (octet 0). */
export type UdhElement =
  | { kind: "udhl"; offset: 0; octets: string; /** Octets of IEs that follow. */ length: number }
  | { kind: "concatenation"; offset: number; octets: string; iei: 0 | 8; reference: number; total: number; sequence: number; bits: 8 | 16 }
  | { kind: "single_shift" | "locking_shift"; offset: number; octets: string; iei: 36 | 37; nli: number;
      /** The table's language; null for NLI 0 (the default table) or an NLI with no such table. */
      language: string | null }
  | { kind: "ignored"; offset: number; octets: string; iei: number; /** Why a receiver skips it. */ note: string };

/** What `decode` takes: TP-UD in hex with its DCS, UDHI and UDL, or a whole TPDU in hex. */
export type DecodeInput = { userData: string; dcs: number; udl: number; udhi?: boolean } | { pdu: string };

/** A decoded part. */
export interface DecodeResult {
  text: string | null;
  data?: string;
  encoding: "GSM-7" | "UCS-2" | "8-bit";
  national_language: { locking: string | null; single: string | null };
  concat: { reference: number; total: number; sequence: number; bits: 8 | 16 } | null;
  warnings: { kind: string; detail: string }[];
}

export interface AnalysisResult {
  encoding: "GSM-7" | "UCS-2";
  parts: number;
  units: number;
  characters: number;
  units_per_part: number;
  units_remaining: number;
  charset: "gsm0338" | "carrier-safe" | "ascii7";
  /** The national language tables of a GSM-7 message (both null: the default alphabet, or UCS-2). */
  national_language: { locking: string | null; single: string | null };
  /** The concatenation in force. */
  concat: "udh8" | "udh16" | "sar" | "payload";
  smart_encoding?: SmartEncoding;
  replacements: Replacement[];
  non_gsm: LocatedChar[];
  warnings: { code: number; kind: string; detail: string }[];
  cost?: { amount: string; rate: string; segments: number; currency?: string };
  part_texts?: string[];
}

/** Thrown for a rejected message or bad input: `code` is the provider's code (40302, 40316, 400). */
export interface SeptetError extends Error {
  code: number;
  kind: "no_content" | "not_gsm7" | "too_many_parts" | "too_many_characters" | "lone_surrogate" | "invalid_option";
  data: {
    code: number; kind: string; detail: string;
    parts?: number; max_parts?: number; characters?: number; max_characters?: number;
    non_gsm?: LocatedChar[];
    positions?: number[];
  };
}
"#;

/// The settings an options object describes, from its JSON (`JSON.stringify` of the object):
/// the one options schema of `septet-report`, with camelCase names. (The module itself reads
/// the object value by value; this is the same schema for native callers and tests.)
///
/// # Errors
///
/// The `invalid_option` error naming the option: unknown (with a "did you mean" hint), or a
/// value it does not take; or a currency without a rate.
pub fn settings_from_json(json: &str) -> Result<Settings, Error> {
    let settings = Options::from_json(json, Naming::CamelCase)?.settings();
    settings.check(None)?;
    Ok(settings)
}

/// JavaScript's `String(number)` of a non-negative finite number (the shortest decimal that
/// reads back as the number, with an exponent below 1e-6 and from 1e21) written out without the
/// exponent: the decimal text a numeric `rate` stands for. `None` when `js_text` is not of that
/// form. (The digits come from the JS engine: Rust's own float printing would add 20 KiB to the
/// module.)
///
/// ```
/// use septet_wasm::plain_decimal;
/// assert_eq!(plain_decimal("0.0051").as_deref(), Some("0.0051"));
/// assert_eq!(plain_decimal("1e-7").as_deref(), Some("0.0000001"));
/// assert_eq!(plain_decimal("1.25e-7").as_deref(), Some("0.000000125"));
/// assert_eq!(plain_decimal("1.5e+21").as_deref(), Some("1500000000000000000000"));
/// assert_eq!(plain_decimal("NaN"), None);
/// ```
pub fn plain_decimal(js_text: &str) -> Option<String> {
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (mantissa, exponent) = match js_text.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().ok()?),
        None => (js_text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !digits_only(whole) || !(fraction.is_empty() || digits_only(fraction)) {
        return None;
    }
    if exponent == 0 {
        return Some(mantissa.to_owned());
    }
    let digits = [whole, fraction].concat();
    // Where the point falls among `digits`.
    let point = i32::try_from(whole.len()).ok()?.checked_add(exponent)?;
    let width = i32::try_from(digits.len()).ok()?;
    let zeros = |n: i32| "0".repeat(usize::try_from(n).unwrap_or(0));
    Some(if point <= 0 {
        ["0.", &zeros(-point), &digits].concat()
    } else if point >= width {
        [digits.as_str(), &zeros(point - width)].concat()
    } else {
        let (left, right) = digits.split_at(usize::try_from(point).ok()?);
        [left, ".", right].concat()
    })
}

/// UTF-16 indices of the surrogates in `units` that are not half of a pair.
///
/// ```
/// assert_eq!(septet_wasm::lone_surrogates(&[0x61, 0xD83D, 0xDE00, 0xDC00, 0xD800]), [3, 4]);
/// ```
pub fn lone_surrogates(units: &[u16]) -> Vec<usize> {
    let mut lone = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let high = (0xD800..0xDC00).contains(&u);
        let low = (0xDC00..0xE000).contains(&u);
        if high
            && units
                .get(i + 1)
                .is_some_and(|n| (0xDC00..0xE000).contains(n))
        {
            i += 2;
            continue;
        }
        if high || low {
            lone.push(i);
        }
        i += 1;
    }
    lone
}

/// The error body for lone surrogates.
pub fn lone_surrogate_error(positions: &[usize]) -> String {
    body_json(&Error::lone_surrogates(positions))
}

/// The error body for bad options.
pub fn invalid_option_error(detail: &str) -> String {
    body_json(&Error::InvalidOption {
        line: None,
        detail: detail.into(),
    })
}

/// An error body as JSON.
fn body_json(error: &Error) -> String {
    septet_report::to_json(error)
}

/// The result object of one message as JSON, or the error body as JSON.
///
/// # Errors
///
/// The error body (JSON) of a rejected message.
pub fn analyze_to_json(text: &str, settings: &Settings) -> Result<String, String> {
    match report(text, settings) {
        Ok(r) => Ok(septet_report::to_json(&r)),
        Err(e) => Err(body_json(&e)),
    }
}

// ---- The JavaScript surface ----------------------------------------------------------------

/// A JS `Error` with `code`, `kind` and `data` (the error body) from an error body in JSON.
fn js_error(body_json: &str) -> JsValue {
    // Our own error bodies are JSON objects.
    let data = JSON::parse(body_json);
    debug_assert!(data.is_ok(), "an error body is not JSON: {body_json}");
    let data = data.unwrap_or(JsValue::NULL);
    let get =
        |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let detail = get("detail").as_string().unwrap_or_default();
    let error = js_sys::Error::new(&detail);
    error.set_name("SeptetError");
    let _ = Reflect::set(&error, &"code".into(), &get("code"));
    let _ = Reflect::set(&error, &"kind".into(), &get("kind"));
    let _ = Reflect::set(&error, &"data".into(), &data);
    error.into()
}

/// Whether `text` holds no lone surrogate: `String.prototype.isWellFormed` in one call where the
/// engine has it (Node 20, Chrome 111, Firefox 119, Safari 16.4), else js-sys's scan, which
/// crosses into JS once per code unit. (No `inline_js` snippet: the package's CommonJS glue
/// could not load one.)
fn well_formed(text: &JsString) -> bool {
    thread_local! {
        static NATIVE: bool = Reflect::has(
            &js_sys::Object::get_prototype_of(&JsValue::from_str("")),
            &JsValue::from_str("isWellFormed"),
        )
        .unwrap_or(false);
    }
    if NATIVE.with(|native| *native) {
        text.is_well_formed()
    } else {
        text.is_valid_utf16()
    }
}

/// The Rust string of a JS string, or the lone-surrogate error.
fn rust_string(text: &JsString) -> Result<String, JsValue> {
    if !well_formed(text) {
        let units: Vec<u16> = text.iter().collect();
        return Err(js_error(&lone_surrogate_error(&lone_surrogates(&units))));
    }
    Ok(String::from(text))
}

/// Reads the options object through the one options schema of `septet-report` (camelCase
/// names): unknown options are an error with a "did you mean" hint, `undefined` fields are
/// absent. Each value is read straight from the JS value ([`Scalar`]; no JSON round trip and no
/// serde, whose error paths would bring float formatting into the module). A fractional number
/// is read as its decimal text as JavaScript prints it (`String(n)`, see [`plain_decimal`]), so
/// a numeric `rate` keeps the digits the caller sees.
fn settings_from(options: JsValue) -> Result<Settings, JsValue> {
    let invalid = |detail: String| js_error(&invalid_option_error(&detail));
    if options.is_undefined() || options.is_null() {
        return Ok(Settings::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(invalid("options must be an object".into()));
    }
    let mut parsed = Options::default();
    let object: &js_sys::Object = options.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        // `Object.keys` gives strings.
        debug_assert!(key.is_string());
        let name = key.as_string().unwrap_or_default();
        // A getter that throws is an error, not an absent option.
        let value = Reflect::get(&options, &key)
            .map_err(|_| invalid(format!("option `{name}` cannot be read")))?;
        if value.is_undefined() {
            continue;
        }
        let index = Options::field_index(&name, Naming::CamelCase).map_err(invalid)?;
        let bad = |detail: &str| invalid(format!("option `{name}`: {detail}"));
        let text;
        let scalar = if let Some(b) = value.as_bool() {
            Scalar::Bool(b)
        } else if let Some(s) = value.as_string() {
            text = s;
            Scalar::Text(&text)
        } else if let Some(n) = value.as_f64() {
            if !n.is_finite() {
                return Err(bad("expected a finite number"));
            }
            if n.fract() == 0.0 {
                Scalar::Number(n)
            } else if n < 0.0 {
                return Err(bad("expected a non-negative number"));
            } else {
                text = js_sys::Number::from(n)
                    .to_string_with_radix(10)
                    .ok()
                    .map(String::from)
                    .and_then(|t| plain_decimal(&t))
                    .ok_or_else(|| bad("expected a finite number"))?;
                Scalar::Text(&text)
            }
        } else {
            return Err(bad("expected a string, a boolean or a number"));
        };
        parsed.set_scalar(index, scalar).map_err(|e| bad(&e))?;
    }
    let settings = parsed.settings();
    settings.check(None).map_err(|e| invalid(e.to_string()))?;
    Ok(settings)
}

/// Analyses a message: encoding, units, parts, smart-encoding metadata, replacements, the
/// characters that force UCS-2, warnings, cost. Throws a `SeptetError` when the provider would
/// reject the message.
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "AnalysisResult")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsString,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = rust_string(&text)?;
    analysis_value(&text, &settings_from(options)?)
}

/// The result object of `text`, or the thrown error.
fn analysis_value(text: &str, settings: &Settings) -> Result<JsValue, JsValue> {
    match analyze_to_json(text, settings) {
        Ok(json) => JSON::parse(&json),
        Err(body) => Err(js_error(&body)),
    }
}

/// The parts of `text`, or the thrown error.
fn count_parts(text: &str, settings: &Settings) -> Result<usize, JsValue> {
    septet::analyze_with(text, &settings.options)
        .map(|a| a.parts)
        .map_err(|e| js_error(&rejection_body(&e, text, &settings.options)))
}

/// The number of parts (billed segments) only: the fast path for counting many messages, with
/// the name Twilio's calculator uses. Throws a `SeptetError` when the provider would reject the
/// message.
#[wasm_bindgen(js_name = segmentsCount)]
pub fn segments_count_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsString,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<usize, JsValue> {
    let text = rust_string(&text)?;
    count_parts(&text, &settings_from(options)?)
}

// ---- The fast input path ---------------------------------------------------------------
//
// Passing a JS string through wasm-bindgen's glue copies it one code unit at a time in JS
// (about 4 ns a character). The `septet.js` wrapper instead writes the string's UTF-8 into this
// buffer with `TextEncoder.encodeInto` (native code), then calls the `*Input` functions with the
// length; they return a number (see `count_code`), so no object crosses back either.

thread_local! {
    static INPUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes the input buffer hold at least `capacity` bytes and returns its address in linear
/// memory. Used by `septet.js`.
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(capacity: usize) -> *const u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        if input.len() < capacity {
            input.resize(capacity, 0);
        }
        input.as_ptr()
    })
}

/// The module's linear memory, for `septet.js` to write input into.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Runs `f` on the first `len` bytes of the input buffer as text.
fn with_input<T>(len: usize, f: impl FnOnce(&str) -> Result<T, JsValue>) -> Result<T, JsValue> {
    INPUT.with(|input| {
        let input = input.borrow();
        let bytes = input
            .get(..len)
            .ok_or_else(|| js_error(&invalid_option_error("input length out of range")))?;
        let text = std::str::from_utf8(bytes)
            .map_err(|e| js_error(&invalid_option_error(&e.to_string())))?;
        f(text)
    })
}

/// `segmentsCount` on the input buffer with the default options, without crossing into JS, as
/// [`count_code`] gives it (0: the general path must answer; `septet.js` then calls
/// `segmentsCount`).
#[wasm_bindgen(js_name = segmentsCountInputDefault)]
pub fn segments_count_input_default(len: usize) -> u32 {
    input_count(len, &septet::Options::default())
}

/// The number the counting fast paths return for a message: its parts times two, plus one when
/// it holds characters outside the charset; 0 when the general path must answer (the message
/// is rejected, and the general path throws the error). A number, not an object: nothing to
/// build or read on either side.
///
/// The odd bit is for lone surrogates. `TextEncoder` writes each one as U+FFFD, and U+FFFD is in
/// no charset and has no substitution, so text whose characters are all in the charset (or
/// replaced: `non_gsm == 0`) never held one; for the rest `septet.js` asks the string itself
/// (`isWellFormed()`, native code) before it takes the count.
///
/// ```
/// use septet_wasm::count_code;
/// let options = septet::Options::default();
/// let analysis = septet::analyze_with("hello €", &options).unwrap();
/// assert_eq!(count_code(Ok(analysis)), 2); // one part, GSM-7
/// let analysis = septet::analyze_with("привет", &options).unwrap();
/// assert_eq!(count_code(Ok(analysis)), 3); // one part, a character outside GSM-7
/// assert_eq!(count_code(septet::analyze_with("", &options)), 0); // rejected: no content
/// ```
pub fn count_code(analysis: Result<septet::Analysis, septet::Error>) -> u32 {
    analysis.map_or(0, |a| {
        (saturate(a.parts).min(u32::MAX >> 1) << 1) | u32::from(a.non_gsm > 0)
    })
}

/// [`count_code`] of the first `len` bytes of the input buffer under `options` (0 when they are
/// not UTF-8 text, which `encodeInto` never writes).
fn input_count(len: usize, options: &septet::Options) -> u32 {
    INPUT.with(|input| {
        let input = input.borrow();
        match input.get(..len).map(std::str::from_utf8) {
            Some(Ok(text)) => count_code(septet::analyze_with(text, options)),
            _ => 0,
        }
    })
}

// ---- Counters: options read once -------------------------------------------------------
//
// Reading an options object field by field costs more than analysing a short message (each
// field is a crossing into JS). A `Counter` reads them once, at construction, and keeps the
// settings here; its methods take only the text.

/// Options read once, for counting and analysing many messages with them: `new Counter(options)`
/// throws the same `SeptetError` (`invalid_option`) for bad options as `segmentsCount(text,
/// options)` would, then `counter.segmentsCount(text)`, `counter.analyze(text)` and
/// `counter.countMany(texts)` use them without reading the object again.
#[wasm_bindgen]
pub struct Counter {
    settings: Settings,
}

#[wasm_bindgen]
impl Counter {
    /// Reads `options` (as `analyze` does); throws a `SeptetError` for a bad option.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    ) -> Result<Counter, JsValue> {
        Ok(Counter {
            settings: settings_from(options)?,
        })
    }

    /// `segmentsCount(text, options)` with the counter's options.
    #[wasm_bindgen(js_name = segmentsCount)]
    pub fn segments_count(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsString,
    ) -> Result<usize, JsValue> {
        count_parts(&rust_string(&text)?, &self.settings)
    }

    /// `analyze(text, options)` with the counter's options.
    #[wasm_bindgen(unchecked_return_type = "AnalysisResult")]
    pub fn analyze(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsString,
    ) -> Result<JsValue, JsValue> {
        analysis_value(&rust_string(&text)?, &self.settings)
    }

    /// [`count_code`] of the input buffer's first `len` bytes with the counter's options. Used
    /// by `septet.js`.
    #[wasm_bindgen(js_name = segmentsCountInput)]
    pub fn segments_count_input(&self, len: usize) -> u32 {
        input_count(len, &self.settings.options)
    }

    /// `analyze` on the input buffer's first `len` bytes. Used by `septet.js`.
    #[wasm_bindgen(js_name = analyzeInput, unchecked_return_type = "AnalysisResult")]
    pub fn analyze_input(&self, len: usize) -> Result<JsValue, JsValue> {
        with_input(len, |text| analysis_value(text, &self.settings))
    }

    /// Counts the `messages` messages of a batch (see [`batch_buffer`]) in one call. Used by
    /// `septet.js`.
    #[wasm_bindgen(js_name = countBatch)]
    pub fn count_batch(&self, messages: usize) {
        INPUT.with(|input| {
            BATCH.with(|batch| {
                count_batch(
                    &input.borrow(),
                    &mut batch.borrow_mut(),
                    messages,
                    &self.settings.options,
                );
            });
        });
    }
}

// ---- Batches: many messages in one call -------------------------------------------------
//
// `septet.js` writes the UTF-8 of each message, one after the other, into the input buffer, and
// a record of four `u32`s for each into the batch buffer, then makes one call; the results come
// back in the records. A record holds, in order: where the message's UTF-8 ends in the input
// buffer (it starts where the previous one ends, the first at 0), its segments, its units
// (septets in GSM-7, UTF-16 code units in UCS-2) and a `STATUS_*` value. JS writes the end and
// the status (`STATUS_SKIP` for an entry whose bytes it did not write, else 0); [`count_batch`]
// writes the rest.

thread_local! {
    static BATCH: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `u32`s in a batch record: end, segments, units, status.
pub const BATCH_RECORD: usize = 4;
/// Status of a counted GSM-7 message.
pub const STATUS_GSM7: u32 = 0;
/// Status of a counted UCS-2 message.
pub const STATUS_UCS2: u32 = 1;
/// Status of a message the provider would reject (or input that is not UTF-8 text); its
/// segments and units are 0.
pub const STATUS_REJECTED: u32 = 2;
/// Status JS writes for an entry that is not a string: left as it is, segments and units 0.
pub const STATUS_SKIP: u32 = 3;
/// Added to the status of a counted message that holds characters outside the charset: JS checks
/// that the string held no lone surrogate (which `TextEncoder` writes as U+FFFD); see
/// [`count_code`].
pub const STATUS_CHECK: u32 = 4;

/// Makes the batch buffer hold the records of `messages` messages and returns its address in
/// linear memory. Used by `septet.js`, before it makes views on the memory (allocating may move
/// the buffers and detach earlier views).
#[wasm_bindgen(js_name = batchBuffer)]
pub fn batch_buffer(messages: usize) -> *const u32 {
    BATCH.with(|batch| {
        let mut batch = batch.borrow_mut();
        let needed = messages.saturating_mul(BATCH_RECORD);
        if batch.len() < needed {
            batch.resize(needed, 0);
        }
        batch.as_ptr()
    })
}

/// Counts a batch: for each of the first `messages` records of `batch` not marked
/// [`STATUS_SKIP`], analyses the bytes of `input` from where the previous record's message ends
/// to where its own ends, and writes its segments, units and status.
///
/// ```
/// use septet_wasm::{
///     count_batch, STATUS_CHECK, STATUS_GSM7, STATUS_REJECTED, STATUS_SKIP, STATUS_UCS2,
/// };
/// let input = "hello€ 😀x".as_bytes();
/// // "hello€", "", " 😀x", then an entry JS skipped: end, segments, units, status each.
/// let mut batch = vec![8, 0, 0, 0, 8, 0, 0, 0, 14, 0, 0, 0, 14, 0, 0, STATUS_SKIP];
/// count_batch(input, &mut batch, 4, &septet::Options::default());
/// assert_eq!(&batch[..4], [8, 1, 7, STATUS_GSM7]); // € costs 2 septets
/// assert_eq!(&batch[4..8], [8, 0, 0, STATUS_REJECTED]); // no content
/// // 😀 is 2 UTF-16 units, and outside the charset: JS checks the string is well-formed.
/// assert_eq!(&batch[8..12], [14, 1, 4, STATUS_UCS2 | STATUS_CHECK]);
/// assert_eq!(&batch[12..], [14, 0, 0, STATUS_SKIP]);
/// ```
pub fn count_batch(input: &[u8], batch: &mut [u32], messages: usize, options: &septet::Options) {
    debug_assert!(
        batch.len() >= messages * BATCH_RECORD,
        "a short batch buffer"
    );
    let mut start = 0usize;
    for record in batch.chunks_exact_mut(BATCH_RECORD).take(messages) {
        let end = record[0] as usize;
        let text = input
            .get(start..end)
            .and_then(|bytes| std::str::from_utf8(bytes).ok());
        start = end;
        if record[3] == STATUS_SKIP {
            record[1..].copy_from_slice(&[0, 0, STATUS_SKIP]);
            continue;
        }
        let analysis = text.map(|text| septet::analyze_with(text, options));
        let (segments, units, status) = match analysis {
            Some(Ok(a)) => {
                let encoding = match a.encoding {
                    septet::Encoding::Gsm7 => STATUS_GSM7,
                    septet::Encoding::Ucs2 => STATUS_UCS2,
                };
                let check = if a.non_gsm > 0 { STATUS_CHECK } else { 0 };
                (saturate(a.parts), saturate(a.units), encoding | check)
            }
            _ => (0, 0, STATUS_REJECTED),
        };
        record[1..].copy_from_slice(&[segments, units, status]);
    }
}

/// A count as a `u32` (a message's parts and units are far below it: the limits cap them).
fn saturate(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// The text after smart encoding (the provider's substitution table).
#[wasm_bindgen(js_name = smartEncode)]
pub fn smart_encode_js(text: JsString) -> Result<String, JsValue> {
    let text = rust_string(&text)?;
    Ok(septet::smart_encode(&text).into_owned())
}

/// `septet::split`, a rejection becoming the thrown `SeptetError` (for `split` and `partUnits`).
fn split_or_throw<'a>(text: &'a str, settings: &Settings) -> Result<septet::Split<'a>, JsValue> {
    septet::split(text, &settings.options)
        .map_err(|e| js_error(&rejection_body(&e, text, &settings.options)))
}

/// The texts of the parts the message is sent as (after smart encoding when the options apply
/// it). Throws a `SeptetError` when the provider would reject the message.
#[wasm_bindgen(js_name = split, unchecked_return_type = "string[]")]
pub fn split_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsString,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = rust_string(&text)?;
    let settings = settings_from(options)?;
    let split = split_or_throw(&text, &settings)?;
    let parts = js_sys::Array::new();
    for part in split.parts() {
        parts.push(&JsValue::from_str(part));
    }
    Ok(parts.into())
}

/// The bytes on the wire: the analysis object plus `reference` and `encoded_parts` (each part's
/// `udh`, `user_data`, `udl`, `dcs`, `udhi`, `smpp`, and `tpdu` with the `to` option), the same
/// object as `septet encode --json`. Throws a `SeptetError` when the provider would reject the
/// message or the bytes cannot carry it.
#[wasm_bindgen(js_name = encode, unchecked_return_type = "EncodeResult")]
pub fn encode_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsString,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = rust_string(&text)?;
    let settings = settings_from(options)?;
    match septet_report::encode_report(&text, &settings) {
        Ok(encoded) => JSON::parse(&septet_report::to_json(&encoded)),
        Err(e) => Err(js_error(&body_json(&e))),
    }
}

/// Decodes one part: `{ userData, dcs, udhi, udl }` (TP-UD in hex with its TP-DCS, TP-UDHI and
/// TP-UDL) or `{ pdu }` (a whole SMS-DELIVER/SUBMIT TPDU in hex, with or without the SMSC
/// address). Returns the same object as `septet decode --json`; throws a `SeptetError` naming
/// the kind (`bad_hex`, `user_data_too_short`, `header_past_end`, ...) for bytes that cannot be
/// read.
#[wasm_bindgen(js_name = decode, unchecked_return_type = "DecodeResult")]
pub fn decode_js(
    #[wasm_bindgen(unchecked_param_type = "DecodeInput")] part: JsValue,
) -> Result<JsValue, JsValue> {
    let invalid = |detail: &str| {
        js_error(&body_json(&Error::InvalidRequest {
            detail: detail.to_string(),
        }))
    };
    if !part.is_object() {
        return Err(invalid(
            "decode takes an object: { userData, dcs, udhi, udl } or { pdu }",
        ));
    }
    let get =
        |key: &str| Reflect::get(&part, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let object: &js_sys::Object = part.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !["userData", "dcs", "udhi", "udl", "pdu"].contains(&key.as_str()) {
            return Err(invalid(&format!(
                "unknown field `{key}`; expected userData, dcs, udhi, udl or pdu"
            )));
        }
    }
    let hex = |value: JsValue, name: &str| match value.as_string() {
        Some(s) => septet::decode_hex(&s).map_err(|e| js_error(&body_json(&Error::Pdu(e)))),
        None => Err(invalid(&format!("`{name}` must be a hex string"))),
    };
    // An octet's bound is printed as an integer: formatting an f64 would pull float printing
    // (14 KB) into the module for this one message.
    let octet = |value: &JsValue, name: &str, max: u8| match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (0.0..=f64::from(max)).contains(&n) => Ok(n as usize),
        _ => Err(invalid(&format!(
            "`{name}` must be an integer from 0 to {max}"
        ))),
    };
    let decoded = match (get("pdu"), get("userData")) {
        (pdu, data) if !pdu.is_undefined() && data.is_undefined() => {
            let bytes = hex(pdu, "pdu")?;
            septet::decode_tpdu(&bytes).map(|t| t.user_data)
        }
        (pdu, data) if pdu.is_undefined() && !data.is_undefined() => {
            let bytes = hex(data, "userData")?;
            let dcs = octet(&get("dcs"), "dcs", 255)?;
            let udl = octet(&get("udl"), "udl", 255)?;
            let udhi = get("udhi");
            let udhi = if udhi.is_undefined() {
                false
            } else {
                udhi.as_bool()
                    .ok_or_else(|| invalid("`udhi` must be a boolean"))?
            };
            septet::decode_user_data(&bytes, dcs as u8, udhi, udl)
        }
        _ => {
            return Err(invalid(
                "give either `pdu` or `userData` (with dcs and udl)",
            ))
        }
    };
    match decoded {
        Ok(d) => JSON::parse(&septet_report::to_json(
            &septet_report::DecodedReport::from(&d),
        )),
        Err(e) => Err(js_error(&body_json(&Error::Pdu(e)))),
    }
}

fn rejection_body(error: &septet::Error, text: &str, options: &septet::Options) -> String {
    body_json(&Error::rejection(*error, text, options))
}

/// The smart-encoding substitution for one character (`undefined` when it is kept).
#[wasm_bindgen(js_name = substitution)]
pub fn substitution_js(character: char) -> Option<String> {
    septet::substitution(character).map(String::from)
}

/// The septets a character costs in a charset (`"gsm0338"` when absent) and, when given, under
/// a pair of national tables (an analysis result's `national_language`, which applies to
/// `gsm0338` only): 1, 2 for an extension or single shift character, or `undefined` when it is
/// not in the charset (or the pair). The page uses it to mark 2-septet characters.
#[wasm_bindgen(js_name = septets)]
pub fn septets_js(
    character: char,
    charset: Option<String>,
    #[wasm_bindgen(
        unchecked_param_type = "{ locking: string | null; single: string | null } | null"
    )]
    national_language: Option<js_sys::Object>,
) -> Result<Option<u8>, JsValue> {
    let invalid = |detail: String| js_error(&invalid_option_error(&detail));
    let charset = match charset.as_deref() {
        Some(name) => name
            .parse::<Charset>()
            .map_err(|e| invalid(format!("option `charset`: {e}")))?,
        None => Charset::Gsm0338,
    };
    let table = |field: &str| -> Result<Option<septet::Language>, JsValue> {
        let value = national_language
            .as_ref()
            .map(|pair| Reflect::get(pair, &JsValue::from_str(field)))
            .transpose()?
            .unwrap_or(JsValue::NULL);
        match value.as_string() {
            Some(name) => name
                .parse()
                .map(Some)
                .map_err(|e| invalid(format!("national_language.{field}: {e}"))),
            None if value.is_null() || value.is_undefined() => Ok(None),
            None => Err(invalid(format!(
                "national_language.{field} must be a language name or null"
            ))),
        }
    };
    let pair = septet::Alphabet::new(table("locking")?, table("single")?)
        .ok_or_else(|| invalid("national_language: spanish has no locking table".into()))?;
    if pair.is_default() {
        return Ok(charset.septets(character));
    }
    if charset != Charset::Gsm0338 {
        // The error `analyze` throws for the same combination.
        let error = septet::Error::NationalLanguagesWithCharset { charset };
        return Err(js_error(&body_json(&Error::Rejected(error))));
    }
    Ok(pair.cost(character).map(|septets| septets as u8))
}

/// The units each part's text takes, in order: septets for GSM-7 (an extension or single shift
/// character counts 2), UTF-16 code units for UCS-2; the header is not counted. They are the
/// counts the split made (they sum to the analysis's `units`); the parts are `split`'s (and
/// `analyze`'s `part_texts`). Throws a `SeptetError` when the provider would reject the message.
#[wasm_bindgen(js_name = partUnits, unchecked_return_type = "number[]")]
pub fn part_units_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsString,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = rust_string(&text)?;
    let settings = settings_from(options)?;
    let split = split_or_throw(&text, &settings)?;
    let units = js_sys::Array::new();
    for (_, part_units) in split.ranges().with_units() {
        units.push(&JsValue::from(part_units as u32));
    }
    Ok(units.into())
}

/// The octets of a user data header (`encode`'s `udh`, or one read from a received part) as its
/// information elements, annotated: first the UDHL, then each IE with its octets in hex and
/// what a receiver reads in it (the engine's header parser). `""` gives `[]`. Throws a
/// `SeptetError` (`bad_hex`, `header_past_end`, `element_past_end`) for octets that are not a
/// header.
#[wasm_bindgen(js_name = udhElements, unchecked_return_type = "UdhElement[]")]
pub fn udh_elements_js(udh: String) -> Result<JsValue, JsValue> {
    let pdu_error = |e| js_error(&body_json(&Error::Pdu(e)));
    let bytes = septet::decode_hex(&udh).map_err(pdu_error)?;
    let list = js_sys::Array::new();
    if bytes.is_empty() {
        return Ok(list.into());
    }
    let elements = septet::udh_elements(&bytes).map_err(pdu_error)?;
    let entry = |kind: &str, offset: usize, octets: &[u8]| {
        let entry = js_sys::Object::new();
        set(&entry, "kind", kind);
        set(&entry, "offset", offset as u32);
        set(&entry, "octets", septet::encode_hex(octets));
        entry
    };
    let udhl = entry("udhl", 0, &bytes[..1]);
    set(&udhl, "length", u32::from(bytes[0]));
    list.push(&udhl);
    for element in elements {
        let element = element.map_err(pdu_error)?;
        let reading = element.reading();
        let kind = match reading {
            septet::ElementReading::Concat(_) => "concatenation",
            septet::ElementReading::SingleShift { .. } => "single_shift",
            septet::ElementReading::LockingShift { .. } => "locking_shift",
            _ => "ignored",
        };
        let out = entry(kind, element.offset, element.bytes(&bytes));
        set(&out, "iei", element.iei);
        match reading {
            septet::ElementReading::Concat(c) => {
                set(&out, "reference", c.reference);
                set(&out, "total", c.total);
                set(&out, "sequence", c.sequence);
                set(&out, "bits", c.bits.bits());
            }
            septet::ElementReading::SingleShift { nli, language }
            | septet::ElementReading::LockingShift { nli, language } => {
                set(&out, "nli", nli);
                let name = language.map_or(JsValue::NULL, |l| l.name().into());
                set(&out, "language", name);
            }
            septet::ElementReading::Ignored(note) => set(&out, "note", note.to_string()),
            _ => set(&out, "note", "not read"),
        }
        list.push(&out);
    }
    Ok(list.into())
}

/// Sets `object[key] = value` (a plain new object: cannot fail).
fn set(object: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

/// The name the substitution table gives a character (`undefined` when it has no substitution).
#[wasm_bindgen(js_name = substitutionName)]
pub fn substitution_name_js(character: char) -> Option<String> {
    septet::substitution_name(character).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use septet::{EncodingRequest, SplitMode};

    #[test]
    fn options_map_onto_settings() {
        let json = r#"{"encoding":"gsm7","smartEncoding":true,"sender":"short-code","charset":"carrier-safe","split":"graphemes","maxParts":20,"warnParts":6,"maxCharacters":3000,"rate":"0.0051","currency":"USD","parts":true}"#;
        let s = settings_from_json(json).unwrap();
        assert_eq!(s.options.encoding, EncodingRequest::Gsm7);
        assert_eq!(s.options.effective_charset(), Charset::Ascii7);
        assert_eq!(s.options.split, SplitMode::Graphemes);
        assert_eq!(
            (
                s.options.limits.max_parts,
                s.options.limits.warn_parts,
                s.options.limits.max_characters
            ),
            (20, 6, 3000)
        );
        assert_eq!(s.pricing.rate.unwrap().to_string(), "0.0051");
        assert!(s.include_parts);
        let bad = settings_from_json(r#"{"charset":"ebcdic"}"#).unwrap_err();
        assert!(bad.to_string().contains("option `charset`"), "{bad}");
        let snake = settings_from_json(r#"{"smart_encoding":true}"#).unwrap_err();
        assert_eq!(
            snake.to_string(),
            "unknown option `smart_encoding` (did you mean `smartEncoding`?)"
        );
    }

    #[test]
    fn results_are_the_cli_objects() {
        let settings = settings_from_json(r#"{"smartEncoding":true}"#).unwrap();
        let json = analyze_to_json("Price: “$100” [USD]", &settings).unwrap();
        assert!(
            json.starts_with(r#"{"encoding":"GSM-7","parts":1,"units":21,"characters":19"#),
            "{json}"
        );
        let err = analyze_to_json("", &settings).unwrap_err();
        assert!(err.contains(r#""code":40316"#));
    }

    #[test]
    fn the_options_type_is_the_generated_one() {
        // TYPES is consumed by the wasm_bindgen attribute: read it in the source.
        let source = include_str!("lib.rs");
        let generated = Options::typescript();
        assert!(
            source.contains(&generated),
            "the Options interface in TYPES differs from the schema's; replace it with:\n{generated}"
        );
    }

    #[test]
    fn replacement_character_is_outside_every_charset() {
        // `count_code` and `count_batch` rely on it: text whose characters are all in the
        // charset (or replaced) holds no U+FFFD, so it never held a lone surrogate.
        let mut analysed = 0;
        for charset in ["gsm0338", "carrier-safe", "ascii7"] {
            for smart in [false, true] {
                for national in ["none", "all"] {
                    let json = format!(
                        r#"{{"charset":"{charset}","smartEncoding":{smart},"nationalLanguages":"{national}"}}"#
                    );
                    let Ok(settings) = settings_from_json(&json) else {
                        continue;
                    };
                    for text in ["\u{FFFD}", "ab\u{FFFD}", "\u{FFFD}€"] {
                        match septet::analyze_with(text, &settings.options) {
                            Ok(a) => {
                                assert!(a.non_gsm > 0, "{json} {text:?}");
                                analysed += 1;
                            }
                            Err(e) => assert!(
                                matches!(e, septet::Error::NationalLanguagesWithCharset { .. }),
                                "{json} {text:?}: {e}"
                            ),
                        }
                    }
                }
            }
        }
        assert!(analysed >= 3 * 8, "{analysed} analysed");
        assert_eq!(septet::substitution('\u{FFFD}'), None);
    }

    #[test]
    fn lone_surrogates_are_found() {
        assert!(lone_surrogates(&[0x61, 0xD83D, 0xDE00]).is_empty());
        assert_eq!(lone_surrogates(&[0xDE00, 0xD83D]), [0, 1]);
        assert_eq!(lone_surrogates(&[0xD83D, 0xD83D, 0xDE00]), [0]);
        assert!(lone_surrogate_error(&[3]).contains(r#""positions":[3]"#));
    }
}
