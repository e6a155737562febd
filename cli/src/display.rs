//! Text as people read it in the human report: every visible character as itself (Hindi,
//! emoji, accents), and only what cannot be seen (controls, zero-width and format characters,
//! spaces other than U+0020, variation selectors outside an emoji) written as an escape.
//!
//! ```
//! use septet_cli::display::readable;
//!
//! assert_eq!(readable("नमस्ते 🛍️"), ("नमस्ते 🛍️".to_string(), false));
//! assert_eq!(readable("a\u{200B}b\n"), ("a\\u{200B}b\\n".to_string(), true));
//! ```

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

/// The note printed under text that has escapes in it.
pub const ESCAPE_NOTE: &str =
    "invisible and control characters are shown as escapes: \\n, \\r, \\t, \\u{XXXX}";

/// Whether `c` is invisible when printed: a control (Cc), a format character (Cf), a line or
/// paragraph separator, a space other than U+0020, or another default-ignorable code point
/// (variation selectors, Hangul fillers, tag characters).
pub fn is_invisible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00..=0x1F
            | 0x7F..=0xA0
            | 0xAD
            | 0x34F
            | 0x61C
            | 0x600..=0x605
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x115F..=0x1160
            | 0x1680
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x2000..=0x200F
            | 0x2028..=0x202F
            | 0x205F..=0x206F
            | 0x3000
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        _ => out.push_str(&format!("\\u{{{:04X}}}", u32::from(c))),
    }
}

/// `text` with invisible characters escaped, and whether any was. Grapheme clusters that start
/// with a visible character are kept whole, so a zero-width joiner or variation selector inside
/// an emoji (👩‍👩‍👧, 🛍️) or a virama in Devanagari stays as written; a cluster that starts with
/// an invisible character is escaped character by character.
pub fn readable(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut escaped = false;
    for cluster in text.graphemes(true) {
        let first = cluster.chars().next().unwrap_or(' ');
        if is_invisible(first) {
            escaped = true;
            cluster.chars().for_each(|c| push_escaped(&mut out, c));
        } else {
            out.push_str(cluster);
        }
    }
    (out, escaped)
}

/// One grapheme cluster that holds characters forcing UCS-2, with how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterCount {
    /// The cluster as written (`🛍️` is U+1F6CD U+FE0F).
    pub cluster: String,
    /// Occurrences in the text.
    pub count: usize,
    /// Character index of the first occurrence.
    pub first_char_index: usize,
    /// Byte offset of the first occurrence.
    pub first_byte_offset: usize,
}

impl ClusterCount {
    /// `U+1F6CD U+FE0F`.
    pub fn code_points(&self) -> String {
        self.cluster
            .chars()
            .map(septet_report::code_point)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The grapheme clusters of `text` that contain one of the characters at `byte_offsets`
/// (sorted), deduplicated, in order of first occurrence, with counts.
///
/// ```
/// use septet_cli::display::clusters_at;
///
/// let text = "Sale 🛍️ now 🛍️ and “more”";
/// let offsets: Vec<usize> = text.char_indices()
///     .filter(|&(_, c)| c == '🛍' || c == '\u{FE0F}' || c == '“' || c == '”')
///     .map(|(i, _)| i)
///     .collect();
/// let clusters = clusters_at(text, &offsets);
/// assert_eq!(clusters.len(), 3);
/// assert_eq!((clusters[0].cluster.as_str(), clusters[0].count), ("🛍️", 2));
/// assert_eq!(clusters[0].code_points(), "U+1F6CD U+FE0F");
/// assert_eq!(clusters[1].cluster, "“");
/// ```
pub fn clusters_at(text: &str, byte_offsets: &[usize]) -> Vec<ClusterCount> {
    let mut found: Vec<ClusterCount> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut next = byte_offsets.iter().copied().peekable();
    let mut char_index = 0;
    for (start, cluster) in text.grapheme_indices(true) {
        let end = start + cluster.len();
        let mut hit = false;
        while next.peek().is_some_and(|&o| o < end) {
            hit |= next.next().is_some_and(|o| o >= start);
        }
        if hit {
            match index.get(cluster) {
                Some(&i) => found[i].count += 1,
                None => {
                    index.insert(cluster, found.len());
                    found.push(ClusterCount {
                        cluster: cluster.to_string(),
                        count: 1,
                        first_char_index: char_index,
                        first_byte_offset: start,
                    });
                }
            }
        }
        char_index += cluster.chars().count();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_scripts_stay_as_written() {
        for text in [
            "हिन्दी क्षत्रिय",
            "Привет",
            "您好",
            "é e\u{301}",
            "👩\u{200D}👩\u{200D}👧 🇫🇷 👍🏽",
        ] {
            assert_eq!(readable(text), (text.to_string(), false), "{text:?}");
        }
    }

    #[test]
    fn invisible_characters_are_escaped() {
        assert_eq!(readable("\u{FEFF}x").0, "\\u{FEFF}x");
        assert_eq!(readable("a\u{A0}b").0, "a\\u{00A0}b");
        assert_eq!(readable("a\tb\r\n").0, "a\\tb\\r\\n");
        assert_eq!(readable("\u{1B}").0, "\\u{001B}");
        assert_eq!(readable("x\u{2028}").0, "x\\u{2028}");
        // A lone joiner or selector at the start is its own cluster.
        assert_eq!(readable("\u{200D}").0, "\\u{200D}");
    }

    #[test]
    fn clusters_are_counted_once_each() {
        let text = "€ 😀😀 e\u{301} 😀";
        let offsets: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| c == '😀' || c == '\u{301}')
            .map(|(i, _)| i)
            .collect();
        let c = clusters_at(text, &offsets);
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].cluster.as_str(), c[0].count, c[0].first_char_index),
            ("😀", 3, 2)
        );
        assert_eq!((c[1].cluster.as_str(), c[1].count), ("e\u{301}", 1));
        assert_eq!(c[1].code_points(), "U+0065 U+0301");
    }
}
