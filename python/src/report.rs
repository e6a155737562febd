//! The JSON result and error objects of `septet --json`, as `serde_json` values.
//!
//! Interim: this mirrors the CLI's objects field for field (the pytest suite checks every field
//! against the CLI's output) until the shared crate `septet-report` lands; then it is replaced
//! by serialising that crate's `Report` and `Error`.

use septet::{non_gsm, replacements, Analysis, Error, Options};
use serde_json::{json, Map, Value};

use crate::options::Settings;

fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

fn located(text: &str, options: &Options) -> Vec<Value> {
    non_gsm(text, options)
        .map(|c| {
            json!({
                "char_index": c.char_index,
                "byte_offset": c.byte_offset,
                "char": c.character.to_string(),
                "code_point": code_point(c.character),
            })
        })
        .collect()
}

/// The result object of an accepted message.
pub(crate) fn result_object(text: &str, a: &Analysis, settings: &Settings) -> Map<String, Value> {
    let options = &settings.options;
    let mut m = Map::new();
    m.insert("encoding".into(), a.encoding.name().into());
    m.insert("parts".into(), a.parts.into());
    m.insert("units".into(), a.units.into());
    m.insert("characters".into(), a.characters.into());
    m.insert("units_per_part".into(), a.units_per_part.into());
    m.insert("units_remaining".into(), a.units_remaining.into());
    m.insert("charset".into(), a.charset.name().into());
    if let Some(s) = a.smart_encoding {
        m.insert(
            "smart_encoding".into(),
            json!({
                "smart_encoding_applied": s.smart_encoding_applied,
                "final_encoding": s.final_encoding.metadata_name(),
                "segment_count": s.segment_count,
                "character_count": s.character_count,
                "replaced_character_count": s.replaced_character_count,
                "length_change": s.length_change,
            }),
        );
    }
    let reps: Vec<Value> = if a.smart_encoding_ran() {
        replacements(text)
            .map(|r| {
                json!({
                    "char_index": r.char_index,
                    "byte_offset": r.byte_offset,
                    "from": r.from.to_string(),
                    "code_point": code_point(r.from),
                    "to": r.to,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    m.insert("replacements".into(), reps.into());
    m.insert("non_gsm".into(), located(text, options).into());
    let warnings: Vec<Value> = a
        .warning
        .iter()
        .map(|w| json!({"code": w.code(), "kind": w.kind(), "detail": w.to_string()}))
        .collect();
    m.insert("warnings".into(), warnings.into());
    if let Some(rate) = settings.rate {
        let mut cost = Map::new();
        let amount = a
            .cost(rate)
            .map_or_else(|| "overflow".to_string(), |c| c.to_string());
        cost.insert("amount".into(), amount.into());
        cost.insert("rate".into(), rate.to_string().into());
        cost.insert("segments".into(), a.parts.into());
        if let Some(currency) = &settings.currency {
            cost.insert("currency".into(), currency.clone().into());
        }
        m.insert("cost".into(), cost.into());
    }
    m
}

/// The error object (the value of `"error"`) of a rejected message.
pub(crate) fn error_object(error: &Error, text: &str, options: &Options) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("code".into(), error.code().into());
    m.insert("kind".into(), error.kind().into());
    m.insert("detail".into(), error.to_string().into());
    match *error {
        Error::TooManyParts { parts, max_parts } => {
            m.insert("parts".into(), parts.into());
            m.insert("max_parts".into(), max_parts.into());
        }
        Error::TooManyCharacters {
            characters,
            max_characters,
        } => {
            m.insert("characters".into(), characters.into());
            m.insert("max_characters".into(), max_characters.into());
        }
        Error::NotGsm7 { .. } => {
            m.insert("non_gsm".into(), located(text, options).into());
        }
        _ => {}
    }
    m
}
