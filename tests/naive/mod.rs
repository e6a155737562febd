//! A naive, obviously-correct model of the rules, independent of the crate's internals.
//!
//! It parses the data files itself (embedded with `include_str!`), builds the outgoing text as a
//! `String`, cuts it into atoms (characters, or grapheme clusters from `unicode-segmentation`),
//! and fills parts greedily. It shares no code with the fast path but the public option types.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::OnceLock;

use septet::{Charset, Concat, Encoding, EncodingRequest, Language, Options, SplitMode, TableKind};
use unicode_segmentation::UnicodeSegmentation;

// Included relative to this file, so the fuzz crate can use the model too.
const DEFAULT_LOCKING: &str = include_str!("../../data/gsm/default_locking.tsv");
const DEFAULT_SINGLE: &str = include_str!("../../data/gsm/default_single.tsv");
const SMART_TABLE: &str = include_str!("../../data/smart-encoding.tsv");

/// The national tables by NLI 1..=13: (name, locking table if any, single shift table).
const NATIONAL: [(&str, Option<&str>, &str); 13] = [
    (
        "turkish",
        Some(include_str!("../../data/gsm/turkish_locking.tsv")),
        include_str!("../../data/gsm/turkish_single.tsv"),
    ),
    (
        "spanish",
        None,
        include_str!("../../data/gsm/spanish_single.tsv"),
    ),
    (
        "portuguese",
        Some(include_str!("../../data/gsm/portuguese_locking.tsv")),
        include_str!("../../data/gsm/portuguese_single.tsv"),
    ),
    (
        "bengali",
        Some(include_str!("../../data/gsm/bengali_locking.tsv")),
        include_str!("../../data/gsm/bengali_single.tsv"),
    ),
    (
        "gujarati",
        Some(include_str!("../../data/gsm/gujarati_locking.tsv")),
        include_str!("../../data/gsm/gujarati_single.tsv"),
    ),
    (
        "hindi",
        Some(include_str!("../../data/gsm/hindi_locking.tsv")),
        include_str!("../../data/gsm/hindi_single.tsv"),
    ),
    (
        "kannada",
        Some(include_str!("../../data/gsm/kannada_locking.tsv")),
        include_str!("../../data/gsm/kannada_single.tsv"),
    ),
    (
        "malayalam",
        Some(include_str!("../../data/gsm/malayalam_locking.tsv")),
        include_str!("../../data/gsm/malayalam_single.tsv"),
    ),
    (
        "oriya",
        Some(include_str!("../../data/gsm/oriya_locking.tsv")),
        include_str!("../../data/gsm/oriya_single.tsv"),
    ),
    (
        "punjabi",
        Some(include_str!("../../data/gsm/punjabi_locking.tsv")),
        include_str!("../../data/gsm/punjabi_single.tsv"),
    ),
    (
        "tamil",
        Some(include_str!("../../data/gsm/tamil_locking.tsv")),
        include_str!("../../data/gsm/tamil_single.tsv"),
    ),
    (
        "telugu",
        Some(include_str!("../../data/gsm/telugu_locking.tsv")),
        include_str!("../../data/gsm/telugu_single.tsv"),
    ),
    (
        "urdu",
        Some(include_str!("../../data/gsm/urdu_locking.tsv")),
        include_str!("../../data/gsm/urdu_single.tsv"),
    ),
];

pub struct Tables {
    /// Default alphabet and extension table: character -> septets (1 or 2).
    pub gsm: HashMap<char, u8>,
    /// Characters of each locking table by NLI (0: default; empty for Spanish).
    pub locking: Vec<std::collections::HashSet<char>>,
    /// Characters of each single shift table by NLI (0: default).
    pub single: Vec<std::collections::HashSet<char>>,
    /// Smart-encoding rows in file order.
    pub smart_rows: Vec<(char, String)>,
    pub smart: HashMap<char, String>,
}

fn chars_of(text: &str) -> std::collections::HashSet<char> {
    let mut map = HashMap::new();
    parse_gsm(text, 1, &mut map);
    map.into_keys().collect()
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
        let mut locking = vec![chars_of(DEFAULT_LOCKING)];
        let mut single = vec![chars_of(DEFAULT_SINGLE)];
        for (name, l, s) in NATIONAL {
            assert_eq!(
                Some(name),
                Language::ALL
                    .iter()
                    .map(|l| l.name())
                    .nth(locking.len() - 1)
            );
            locking.push(l.map(chars_of).unwrap_or_default());
            single.push(chars_of(s));
        }
        Tables {
            gsm,
            locking,
            single,
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

/// The pair of tables an analysis names.
pub fn pair_of(a: &septet::Analysis) -> Pair {
    (a.national_language.locking(), a.national_language.single())
}

/// Units of a text as an analysis encodes it (its encoding, charset and tables).
pub fn analysis_units(text: &str, a: &septet::Analysis) -> usize {
    let pair = pair_of(a);
    if a.encoding == Encoding::Gsm7 && pair != (None, None) {
        text.chars().map(|c| pair_septets(pair, c).unwrap()).sum()
    } else {
        units(text, a.encoding, a.charset)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// National tables enabled with a charset profile other than `gsm0338` (pdu-encoding §1).
    NationalWithCharset(Charset),
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
    /// The tables chosen: (locking, single), `None` for a default table.
    pub pair: Pair,
}

/// A pair of tables: (locking, single), `None` for a default table.
pub type Pair = (Option<Language>, Option<Language>);

fn nli(l: Option<Language>) -> usize {
    l.map_or(0, |l| usize::from(l.nli()))
}

/// Septets of `c` with a pair of tables, by the contract's rule (1 if the locking table has it,
/// else 2 if the single shift table has it).
pub fn pair_septets(pair: Pair, c: char) -> Option<usize> {
    let t = tables();
    if t.locking[nli(pair.0)].contains(&c) {
        Some(1)
    } else if t.single[nli(pair.1)].contains(&c) {
        Some(2)
    } else {
        None
    }
}

/// Units each part holds, read from the contract's table (section 3.2) rather than computed:
/// (encoding, concatenation IE octets counted, shift IEs) -> units.
fn capacity(encoding: Encoding, concat_octets: usize, shift_ies: usize) -> usize {
    match (encoding, concat_octets, shift_ies) {
        (Encoding::Gsm7, 0, 0) => 160,
        (Encoding::Gsm7, 5, 0) => 153,
        (Encoding::Gsm7, 6, 0) => 152,
        (Encoding::Gsm7, 0, 1) => 155,
        (Encoding::Gsm7, 0, 2) => 152,
        (Encoding::Gsm7, 5, 1) => 149,
        (Encoding::Gsm7, 5, 2) => 146,
        (Encoding::Gsm7, 6, 1) => 148,
        (Encoding::Gsm7, 6, 2) => 145,
        (Encoding::Ucs2, 0, 0) => 70,
        (Encoding::Ucs2, 5, 0) => 67,
        (Encoding::Ucs2, 6, 0) => 66,
        other => panic!("no such row: {other:?}"),
    }
}

/// (one-part capacity, multi-part capacity) of a message.
fn capacities(encoding: Encoding, concat: Concat, pair: Pair) -> (usize, usize) {
    let shifts = usize::from(pair.0.is_some()) + usize::from(pair.1.is_some());
    let concat_octets = match concat {
        Concat::Udh16 | Concat::Sar => 6,
        _ => 5,
    };
    (
        capacity(encoding, 0, shifts),
        capacity(encoding, concat_octets, shifts),
    )
}

/// Splits the outgoing text greedily into atoms (characters, or clusters that fit a part).
fn split_greedy(
    outgoing: &str,
    split: SplitMode,
    units_of: &dyn Fn(&str) -> usize,
    (single, multi): (usize, usize),
) -> (Vec<String>, usize) {
    if units_of(outgoing) <= single {
        return (vec![outgoing.to_string()], single);
    }
    let mut atoms: Vec<&str> = Vec::new();
    let clusters: Vec<&str> = match split {
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
}

/// The order of candidates: parts, septets free in the last part (more is better), NLIs.
type Key = (usize, std::cmp::Reverse<usize>, usize, usize);

/// The least-cost pair by brute force: every pair of enabled tables (with the defaults), each
/// split for real; fewest parts, then most septets free in the last part, then lower locking
/// NLI, then lower single shift NLI. `None` when no pair encodes the text.
pub fn least_cost_pair(outgoing: &str, options: &Options) -> Option<(Pair, Vec<String>, usize)> {
    let n = options.national_languages;
    let lockings = std::iter::once(None).chain(
        Language::ALL
            .into_iter()
            .filter(|l| n.is_enabled(*l, TableKind::Locking))
            .map(Some),
    );
    let singles: Vec<Option<Language>> = std::iter::once(None)
        .chain(
            Language::ALL
                .into_iter()
                .filter(|l| n.is_enabled(*l, TableKind::Single))
                .map(Some),
        )
        .collect();
    let mut best: Option<(Key, Pair, Vec<String>, usize)> = None;
    for l in lockings {
        for &s in &singles {
            let pair = (l, s);
            if outgoing.chars().any(|c| pair_septets(pair, c).is_none()) {
                continue;
            }
            let units_of =
                |t: &str| -> usize { t.chars().map(|c| pair_septets(pair, c).unwrap()).sum() };
            let (parts, capacity) = split_greedy(
                outgoing,
                options.split,
                &units_of,
                capacities(Encoding::Gsm7, options.concat, pair),
            );
            let free = capacity - units_of(parts.last().unwrap());
            let key = (parts.len(), std::cmp::Reverse(free), nli(l), nli(s));
            if best.as_ref().map_or(true, |b| key < b.0) {
                best = Some((key, pair, parts, capacity));
            }
        }
    }
    best.map(|(_, pair, parts, capacity)| (pair, parts, capacity))
}

pub fn model(text: &str, options: &Options) -> Result<Model, ModelError> {
    let charset = match options.sender {
        Some(septet::SenderType::ShortCode) => Charset::Ascii7,
        _ => options.charset,
    };
    // National tables belong to the gsm0338 profile only: a usage error before anything else.
    if !options.national_languages.is_empty() && charset != Charset::Gsm0338 {
        return Err(ModelError::NationalWithCharset(charset));
    }
    if text.is_empty() {
        return Err(ModelError::NoContent);
    }
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
    if input_characters > options.limits.max_characters {
        return Err(ModelError::TooManyCharacters);
    }
    let national = if options.encoding != EncodingRequest::Ucs2
        && !options.national_languages.is_empty()
        && !outgoing.is_empty()
    {
        least_cost_pair(&outgoing, options)
    } else {
        None
    };
    let encoding = match options.encoding {
        _ if national.is_some() => Encoding::Gsm7,
        EncodingRequest::Gsm7 if !non_gsm.is_empty() => return Err(ModelError::NotGsm7(non_gsm)),
        EncodingRequest::Ucs2 => Encoding::Ucs2,
        _ if non_gsm.is_empty() => Encoding::Gsm7,
        _ => Encoding::Ucs2,
    };
    if outgoing.is_empty() {
        return Err(ModelError::NoContent);
    }
    let pair = national.as_ref().map_or((None, None), |n| n.0);
    let units_of = |s: &str| -> usize {
        match encoding {
            Encoding::Gsm7 if national.is_some() => {
                s.chars().map(|c| pair_septets(pair, c).unwrap()).sum()
            }
            Encoding::Gsm7 => s
                .chars()
                .map(|c| usize::from(septets(charset, c).unwrap()))
                .sum(),
            Encoding::Ucs2 => s.encode_utf16().count(),
        }
    };
    let units = units_of(&outgoing);
    let (parts, capacity) = match national {
        Some((_, parts, capacity)) => (parts, capacity),
        None => split_greedy(
            &outgoing,
            options.split,
            &units_of,
            capacities(encoding, options.concat, (None, None)),
        ),
    };
    if parts.len() > options.limits.max_parts {
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
        pair,
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
            assert_eq!(pair_of(a), m.pair, "tables: {}", ctx());
            let last_units = analysis_units(m.parts.last().unwrap(), a);
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
                (
                    ModelError::NationalWithCharset(m),
                    septet::Error::NationalLanguagesWithCharset { charset },
                ) => m == charset,
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
                                .with_limits(septet::Limits::NONE),
                        );
                    }
                }
            }
        }
    }
    all
}
