//! The result object: what the carrier will see and bill, field for field as `septet --json`,
//! each `septet batch` line and the wasm `analyze` give it.

use septet::{non_gsm, replacements, Analysis, NonGsmChar, Options, SmartEncodingMetadata};
use serde::Serialize;

use crate::cost::CostReport;

/// `U+XXXX` (at least four hex digits) for a character.
///
/// ```
/// assert_eq!(septet_report::code_point('€'), "U+20AC");
/// assert_eq!(septet_report::code_point('😀'), "U+1F600");
/// ```
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A character located in the input, in the three units front ends count in.
///
/// ```
/// let c = septet_report::Located::new(3, 3, 3, '😀');
/// assert_eq!(serde_json::to_string(&c).unwrap(),
///            r#"{"char_index":3,"byte_offset":3,"utf16_index":3,"char":"😀","code_point":"U+1F600"}"#);
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct Located {
    /// Index among the characters (Unicode scalar values) of the input.
    pub char_index: usize,
    /// Byte offset in the input (UTF-8).
    pub byte_offset: usize,
    /// Index in UTF-16 code units: what JavaScript's `String.prototype.slice` (and Java's
    /// `substring`) take, and the unit lone-surrogate positions are given in.
    pub utf16_index: usize,
    /// The character.
    #[serde(rename = "char")]
    pub character: char,
    /// `U+XXXX`.
    pub code_point: String,
}

impl Located {
    /// The character `character` at character index `char_index`, byte offset `byte_offset`
    /// and UTF-16 index `utf16_index`.
    ///
    /// ```
    /// assert_eq!(septet_report::Located::new(0, 0, 0, 'ç').code_point, "U+00E7");
    /// ```
    pub fn new(char_index: usize, byte_offset: usize, utf16_index: usize, character: char) -> Self {
        Located {
            char_index,
            byte_offset,
            utf16_index,
            character,
            code_point: code_point(character),
        }
    }

    /// Every character of `text` that cannot be sent in 7 bits under `options`, located.
    ///
    /// ```
    /// let gsm7 = septet::Options::default();
    /// let found = septet_report::Located::non_gsm("Hi 😀 ç", &gsm7);
    /// assert_eq!(found.len(), 2);
    /// assert_eq!((found[1].character, found[1].char_index), ('ç', 5));
    /// assert_eq!((found[1].byte_offset, found[1].utf16_index), (8, 6)); // 😀: 4 bytes, 2 units
    /// ```
    pub fn non_gsm(text: &str, options: &Options) -> Vec<Located> {
        let mut found = Vec::new();
        for_each_non_gsm(text, options, |c, utf16_index| {
            found.push(Located::new(
                c.char_index,
                c.byte_offset,
                utf16_index,
                c.character,
            ));
        });
        found
    }
}

/// Calls `f` with every character of `text` that cannot be sent in 7 bits under `options` and
/// its UTF-16 index, in order: what [`Located::non_gsm`] collects, without building the list
/// (the batch encoder writes it straight into its line).
pub(crate) fn for_each_non_gsm(
    text: &str,
    options: &Options,
    mut f: impl FnMut(NonGsmChar, usize),
) {
    let mut utf16 = Utf16Cursor::new(text);
    for c in non_gsm(text, options) {
        let utf16_index = utf16.index_at(c.byte_offset);
        f(c, utf16_index);
    }
}

/// Turns the byte offsets of one text, asked in increasing order, into UTF-16 indices in one pass
/// over the text overall.
struct Utf16Cursor<'a> {
    text: &'a str,
    byte_offset: usize,
    utf16_index: usize,
}

impl<'a> Utf16Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Cursor {
            text,
            byte_offset: 0,
            utf16_index: 0,
        }
    }

    /// The UTF-16 index of the character at `byte_offset` (a character boundary).
    fn index_at(&mut self, byte_offset: usize) -> usize {
        if byte_offset < self.byte_offset {
            // Asked backwards: count again from the start.
            *self = Utf16Cursor::new(self.text);
        }
        let gap = self.text.get(self.byte_offset..byte_offset).unwrap_or("");
        debug_assert_eq!(
            gap.len(),
            byte_offset - self.byte_offset,
            "not a char boundary"
        );
        self.utf16_index += utf16_units(gap.as_bytes());
        self.byte_offset = byte_offset;
        self.utf16_index
    }
}

/// The UTF-16 code units of valid UTF-8 `bytes`: one per character (every byte that does not
/// continue a character), and a second for each character beyond U+FFFF (a four-byte lead).
/// Counted byte by byte without decoding, which the compiler turns into wide compares.
fn utf16_units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// One substitution smart encoding made.
///
/// ```
/// let r = septet_report::ReplacementReport::of("😀’b");
/// assert_eq!((r[0].char_index, r[0].byte_offset, r[0].utf16_index), (1, 4, 2));
/// assert_eq!((r[0].from, r[0].to), ('’', "'"));
/// assert_eq!(r[0].code_point, "U+2019");
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReplacementReport {
    /// Index among the characters of the input.
    pub char_index: usize,
    /// Byte offset in the input.
    pub byte_offset: usize,
    /// Index in UTF-16 code units (what JavaScript's `String.prototype.slice` takes).
    pub utf16_index: usize,
    /// The character replaced.
    pub from: char,
    /// `U+XXXX` of the character replaced.
    pub code_point: String,
    /// What replaced it (empty: removed).
    pub to: &'static str,
}

impl ReplacementReport {
    /// Every substitution smart encoding makes in `text`, in order.
    ///
    /// ```
    /// assert!(septet_report::ReplacementReport::of("plain").is_empty());
    /// ```
    pub fn of(text: &str) -> Vec<ReplacementReport> {
        let mut utf16 = Utf16Cursor::new(text);
        replacements(text)
            .map(|r| ReplacementReport {
                char_index: r.char_index,
                byte_offset: r.byte_offset,
                utf16_index: utf16.index_at(r.byte_offset),
                from: r.from,
                code_point: code_point(r.from),
                to: r.to,
            })
            .collect()
    }
}

/// The six smart-encoding fields, under the provider's names.
///
/// ```
/// use septet::{analyze_with, Options};
/// let a = analyze_with("“hi”", &Options::default().with_smart_encoding(true)).unwrap();
/// let meta = septet_report::SmartReport::from(a.smart_encoding.unwrap());
/// assert_eq!((meta.final_encoding, meta.replaced_character_count), ("gsm7", 2));
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[non_exhaustive]
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

/// A warning with its code: something worth knowing that does not stop the message.
///
/// ```
/// let w = septet_report::WarningReport::from(septet::Warning::ManyParts { parts: 6, warn_parts: 4 });
/// assert_eq!((w.code, w.kind), (40328, "many_parts"));
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct WarningReport {
    /// The provider's code (40328).
    pub code: u32,
    /// A stable machine name.
    pub kind: &'static str,
    /// A sentence for people.
    pub detail: String,
}

impl From<septet::Warning> for WarningReport {
    fn from(w: septet::Warning) -> Self {
        WarningReport {
            code: w.code(),
            kind: w.kind(),
            detail: w.to_string(),
        }
    }
}

/// The result object of one message: `septet --json`, each `septet batch` result line (after
/// its `id`), the wasm `analyze` result. Build it with [`report`](crate::report()).
///
/// ```
/// let r = septet_report::report("Price: $100 [USD]", &septet_report::Settings::default()).unwrap();
/// let json = serde_json::to_string(&r).unwrap();
/// assert!(json.starts_with(r#"{"encoding":"GSM-7","parts":1,"units":19,"characters":17"#));
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
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
    /// The national language tables of a GSM-7 message (`{"locking": null, "single": null}`
    /// for the default alphabet and for UCS-2).
    pub national_language: crate::wire::NationalLanguageReport,
    /// The concatenation in force: `udh8`, `udh16`, `sar` or `payload`.
    pub concat: &'static str,
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
    /// With `parts` (the texts of the parts as sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_texts: Option<Vec<String>>,
}

impl Report {
    /// The result object of `analysis`, the analysis of `text` under `options`.
    pub(crate) fn new(text: &str, options: &Options, analysis: &Analysis) -> Self {
        let mut report = Report::without_non_gsm(text, analysis);
        // A GSM-7 message has no character that forced UCS-2 (with national tables enabled,
        // the default alphabet's non_gsm list would name the ones the tables carry).
        if analysis.encoding != septet::Encoding::Gsm7 {
            report.non_gsm = Located::non_gsm(text, options);
        }
        report
    }

    /// The result object of `analysis` with an empty `non_gsm` list, for a writer that lists
    /// the characters itself ([`Report::new`] fills it for UCS-2).
    pub(crate) fn without_non_gsm(text: &str, analysis: &Analysis) -> Self {
        Report {
            encoding: analysis.encoding.name(),
            parts: analysis.parts,
            units: analysis.units,
            characters: analysis.characters,
            units_per_part: analysis.units_per_part,
            units_remaining: analysis.units_remaining,
            charset: analysis.charset.name(),
            national_language: crate::wire::NationalLanguageReport::of(
                (analysis.encoding == septet::Encoding::Gsm7).then_some(analysis.national_language),
            ),
            concat: analysis.concat.name(),
            smart_encoding: analysis.smart_encoding.map(SmartReport::from),
            replacements: if analysis.smart_encoding_ran() {
                ReplacementReport::of(text)
            } else {
                Vec::new()
            },
            non_gsm: Vec::new(),
            warnings: analysis.warnings.iter().map(WarningReport::from).collect(),
            cost: None,
            part_texts: None,
        }
    }
}

#[cfg(test)]
mod utf16_tests {
    #[test]
    fn utf16_units_agree_with_the_standard_library() {
        for text in [
            "",
            "a",
            "é",
            "€",
            "😀",
            "a😀é€\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
            "👩‍👩‍👧 नमस्ते 订单",
        ] {
            assert_eq!(
                super::utf16_units(text.as_bytes()),
                text.encode_utf16().count(),
                "{text}"
            );
        }
    }
}
