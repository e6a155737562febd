//! A naive, obviously-correct model of the rules, independent of the crate's internals.
//!
//! It parses the data files itself (embedded with `include_str!`), builds the outgoing text as a
//! `String`, cuts it into atoms (characters, or grapheme clusters from `unicode-segmentation`),
//! and fills parts greedily. It shares no code with the fast path but the public option types.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::OnceLock;

use septet::{Charset, Encoding, EncodingRequest, Options, SplitMode};
use unicode_segmentation::UnicodeSegmentation;

// Included relative to this file, so the fuzz crate can use the model too.
const DEFAULT_LOCKING: &str = include_str!("../../data/gsm/default_locking.tsv");
const DEFAULT_SINGLE: &str = include_str!("../../data/gsm/default_single.tsv");
const SMART_TABLE: &str = include_str!("../../data/smart-encoding.tsv");

pub struct Tables {
    /// Default alphabet and extension table: character -> septets (1 or 2).
    pub gsm: HashMap<char, u8>,
    /// Smart-encoding rows in file order.
    pub smart_rows: Vec<(char, String)>,
    pub smart: HashMap<char, String>,
}

fn parse_gsm(text: &str, septets: u8, into: &mut HashMap<char, u8>) {
    for line in text.lines().skip(1) {
        let (_, code) = line.split_once('\t').unwrap();
        let c = char::from_u32(u32::from_str_radix(code, 16).unwrap()).unwrap();
        into.insert(c, septets);
    }
}

pub fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut gsm = HashMap::new();
        parse_gsm(DEFAULT_LOCKING, 1, &mut gsm);
        parse_gsm(DEFAULT_SINGLE, 2, &mut gsm);
        let mut smart_rows = Vec::new();
        for line in SMART_TABLE.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let code = fields.next().unwrap().trim_start_matches("U+");
            let from = char::from_u32(u32::from_str_radix(code, 16).unwrap()).unwrap();
            let to = fields.next().unwrap().replace("\\\\", "\\");
            smart_rows.push((from, to));
        }
        let smart = smart_rows.iter().cloned().collect();
        Tables {
            gsm,
            smart_rows,
            smart,
        }
    })
}

/// The carrier-safe list, spelled out as the issue gives it.
pub const CARRIER_SAFE_EXTRA: &str = "_£¥èéùìòØøÅåÆæßÉ¡ÄÖÑÜ§¿äöñüà";
pub const CARRIER_SAFE_PUNCT: &str = "!\"#$%&'()*+,-./:;<=>?@ \n\r";
pub const CARRIER_SAFE_DOUBLE: &str = "~^|\\{}[]€";

pub fn septets(charset: Charset, c: char) -> Option<u8> {
    match charset {
        Charset::Gsm0338 => tables().gsm.get(&c).copied(),
        Charset::CarrierSafe => {
            if c.is_ascii_alphanumeric()
                || CARRIER_SAFE_PUNCT.contains(c)
                || CARRIER_SAFE_EXTRA.contains(c)
            {
                Some(1)
            } else if CARRIER_SAFE_DOUBLE.contains(c) {
                Some(2)
            } else {
                None
            }
        }
        Charset::Ascii7 => {
            (('\u{20}'..='\u{7E}').contains(&c) || c == '\n' || c == '\r').then_some(1)
        }
    }
}

/// Units of a text in an encoding, counted the obvious way.
pub fn units(text: &str, encoding: Encoding, charset: Charset) -> usize {
    match encoding {
        Encoding::Gsm7 => text
            .chars()
            .map(|c| usize::from(septets(charset, c).unwrap()))
            .sum(),
        Encoding::Ucs2 => text.encode_utf16().count(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    NoContent,
    TooManyCharacters,
    NotGsm7(Vec<(usize, char)>),
    TooManyParts(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub outgoing: String,
    pub encoding: Encoding,
    pub units: usize,
    pub parts: Vec<String>,
    pub capacity: usize,
    pub characters: usize,
    pub input_characters: usize,
    pub smart_ran: bool,
    /// (char index, byte offset, from, to)
    pub replacements: Vec<(usize, usize, char, String)>,
    pub unique_replaced: usize,
    /// (char index, character)
    pub non_gsm: Vec<(usize, char)>,
}

pub fn model(text: &str, options: &Options) -> Result<Model, ModelError> {
    if text.is_empty() {
        return Err(ModelError::NoContent);
    }
    let charset = match options.sender {
        Some(septet::SenderType::ShortCode) => Charset::Ascii7,
        _ => options.charset,
    };
    let smart_ran = match options.encoding {
        EncodingRequest::Auto => options.smart_encoding,
        EncodingRequest::Gsm7 => true,
        EncodingRequest::Ucs2 => false,
    };
    let mut outgoing = String::new();
    let mut replacements = Vec::new();
    let mut non_gsm = Vec::new();
    for (index, (offset, c)) in text.char_indices().enumerate() {
        match tables().smart.get(&c).filter(|_| smart_ran) {
            Some(to) => {
                outgoing.push_str(to);
                replacements.push((index, offset, c, to.clone()));
            }
            None => {
                if septets(charset, c).is_none() {
                    non_gsm.push((index, c));
                }
                outgoing.push(c);
            }
        }
    }
    let input_characters = text.chars().count();
    if input_characters > options.max_characters {
        return Err(ModelError::TooManyCharacters);
    }
    let encoding = match options.encoding {
        EncodingRequest::Gsm7 if !non_gsm.is_empty() => return Err(ModelError::NotGsm7(non_gsm)),
        EncodingRequest::Ucs2 => Encoding::Ucs2,
        _ if non_gsm.is_empty() => Encoding::Gsm7,
        _ => Encoding::Ucs2,
    };
    if outgoing.is_empty() {
        return Err(ModelError::NoContent);
    }
    let units_of = |s: &str| -> usize {
        match encoding {
            Encoding::Gsm7 => s
                .chars()
                .map(|c| usize::from(septets(charset, c).unwrap()))
                .sum(),
            Encoding::Ucs2 => s.encode_utf16().count(),
        }
    };
    let units = units_of(&outgoing);
    let (single, multi) = match encoding {
        Encoding::Gsm7 => (160, 153),
        Encoding::Ucs2 => (70, 67),
    };
    let (parts, capacity) = if units <= single {
        (vec![outgoing.clone()], single)
    } else {
        let mut atoms: Vec<&str> = Vec::new();
        let clusters: Vec<&str> = match options.split {
            SplitMode::Graphemes => outgoing.graphemes(true).collect(),
            _ => outgoing
                .char_indices()
                .map(|(i, c)| &outgoing[i..i + c.len_utf8()])
                .collect(),
        };
        for cluster in clusters {
            if units_of(cluster) <= multi {
                atoms.push(cluster);
            } else {
                atoms.extend(
                    cluster
                        .char_indices()
                        .map(|(i, c)| &cluster[i..i + c.len_utf8()]),
                );
            }
        }
        let mut parts = vec![String::new()];
        let mut used = 0;
        for atom in atoms {
            let atom_units = units_of(atom);
            if used + atom_units > multi {
                parts.push(atom.to_string());
                used = atom_units;
            } else {
                parts.last_mut().unwrap().push_str(atom);
                used += atom_units;
            }
        }
        (parts, multi)
    };
    if parts.len() > options.max_parts {
        return Err(ModelError::TooManyParts(parts.len()));
    }
    let mut unique: Vec<char> = replacements.iter().map(|r| r.2).collect();
    unique.sort();
    unique.dedup();
    Ok(Model {
        characters: outgoing.chars().count(),
        outgoing,
        encoding,
        units,
        parts,
        capacity,
        input_characters,
        smart_ran,
        replacements,
        unique_replaced: unique.len(),
        non_gsm,
    })
}

/// Asserts that the crate agrees with the model on `text` under `options`, field by field.
pub fn check(text: &str, options: &Options) {
    let expected = model(text, options);
    let actual = septet::analyze_with(text, options);
    match (&expected, &actual) {
        (Ok(m), Ok(a)) => {
            let ctx = || format!("text {text:?} options {options:?}");
            assert_eq!(a.encoding, m.encoding, "encoding: {}", ctx());
            assert_eq!(a.units, m.units, "units: {}", ctx());
            assert_eq!(a.parts, m.parts.len(), "parts: {}", ctx());
            assert_eq!(a.units_per_part, m.capacity, "capacity: {}", ctx());
            let last_units = match m.encoding {
                Encoding::Gsm7 => m
                    .parts
                    .last()
                    .unwrap()
                    .chars()
                    .map(|c| usize::from(septets(a.charset, c).unwrap()))
                    .sum::<usize>(),
                _ => m.parts.last().unwrap().encode_utf16().count(),
            };
            assert_eq!(
                a.units_remaining,
                m.capacity - last_units,
                "remaining: {}",
                ctx()
            );
            assert_eq!(a.characters, m.characters, "characters: {}", ctx());
            assert_eq!(
                a.input_characters,
                m.input_characters,
                "input characters: {}",
                ctx()
            );
            assert_eq!(a.non_gsm, m.non_gsm.len(), "non_gsm: {}", ctx());
            let listed: Vec<(usize, char)> = septet::non_gsm(text, options)
                .map(|c| (c.char_index, c.character))
                .collect();
            assert_eq!(listed, m.non_gsm, "non_gsm list: {}", ctx());
            if m.smart_ran {
                let meta = a.smart_encoding.expect("metadata when smart encoding ran");
                assert_eq!(
                    meta.smart_encoding_applied,
                    !m.replacements.is_empty(),
                    "{}",
                    ctx()
                );
                assert_eq!(meta.final_encoding, m.encoding);
                assert_eq!(meta.segment_count, m.parts.len());
                assert_eq!(meta.character_count, m.characters);
                assert_eq!(
                    meta.replaced_character_count,
                    m.unique_replaced,
                    "{}",
                    ctx()
                );
                assert_eq!(
                    meta.length_change,
                    m.characters as isize - m.input_characters as isize
                );
                let listed: Vec<_> = septet::replacements(text)
                    .map(|r| (r.char_index, r.byte_offset, r.from, r.to.to_string()))
                    .collect();
                assert_eq!(listed, m.replacements, "replacements: {}", ctx());
                assert_eq!(a.replaced, m.replacements.len());
            } else {
                assert_eq!(a.smart_encoding, None);
                assert_eq!(a.replaced, 0);
            }
            #[cfg(feature = "alloc")]
            {
                let split = septet::split(text, options).unwrap();
                assert_eq!(split.text(), m.outgoing, "outgoing: {}", ctx());
                let parts: Vec<&str> = split.parts().collect();
                assert_eq!(parts, m.parts, "parts: {}", ctx());
            }
            // Splitting the outgoing text as it is sent gives the same parts.
            let ranges: Vec<&str> = septet::part_ranges(&m.outgoing, options)
                .unwrap()
                .map(|r| &m.outgoing[r])
                .collect();
            assert_eq!(ranges, m.parts, "part_ranges: {}", ctx());
        }
        (Err(e), Err(a)) => {
            let same = match (e, a) {
                (ModelError::NoContent, septet::Error::NoContent { .. }) => true,
                (ModelError::TooManyCharacters, septet::Error::TooManyCharacters { .. }) => true,
                (ModelError::NotGsm7(list), septet::Error::NotGsm7 { count, first }) => {
                    list.len() == *count && list[0] == (first.char_index, first.character)
                }
                (ModelError::TooManyParts(n), septet::Error::TooManyParts { parts, .. }) => {
                    n == parts
                }
                _ => false,
            };
            assert!(
                same,
                "errors differ for {text:?} {options:?}: model {e:?}, septet {a:?}"
            );
        }
        _ => panic!("model {expected:?} but septet {actual:?} for {text:?} {options:?}"),
    }
}

/// Every combination of the options that change behaviour.
pub fn all_options() -> Vec<Options> {
    let mut all = Vec::new();
    for encoding in EncodingRequest::ALL {
        for smart in [false, true] {
            for charset in Charset::ALL {
                for sender in [None, Some(septet::SenderType::ShortCode)] {
                    for split in SplitMode::ALL {
                        all.push(
                            Options::default()
                                .with_encoding(encoding)
                                .with_smart_encoding(smart)
                                .with_charset(charset)
                                .with_sender(sender)
                                .with_split(split)
                                .with_max_parts(usize::MAX)
                                .with_max_characters(usize::MAX),
                        );
                    }
                }
            }
        }
    }
    all
}
