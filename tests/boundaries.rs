//! Boundary cases: every kind of 2-unit or multi-character atom padded to every offset around
//! the 67/70/153/160 edges, checked against the naive model under every option combination, plus
//! hand-checked splits.

mod naive;

const EDGE_ITEMS: &[&str] = &[
    "€",                                // extension: ESC + 0x65
    "{",                                // extension, ASCII
    "\u{C}",                            // form feed: extension
    "😀",                               // surrogate pair
    "👩\u{200D}👩\u{200D}👧\u{200D}👦", // ZWJ family: one grapheme, 11 UTF-16 units
    "🇫🇷",                               // flag: two regional indicators
    "e\u{301}\u{302}\u{303}",           // combining marks (U+0303 is in the smart table)
    "\u{2764}\u{FE0F}",                 // VS16
    "…",                                // smart: becomes three characters
    "\t",                               // smart: becomes seven spaces
    "a\u{200B}\u{301}",                 // smart removal joins a mark to its base
    "\r\n",                             // one grapheme, two characters
    "🇫\u{200B}🇷",                       // smart removal joins two regional indicators
    "😀\u{303}\u{200D}😀",              // a replaced mark breaks an emoji ZWJ sequence
    "\u{1B}",                           // raw ESC: not a character of the message
];

fn edges() -> Vec<usize> {
    let mut offsets: Vec<usize> = Vec::new();
    for edge in [67usize, 70, 134, 153, 160, 306] {
        offsets.extend(edge.saturating_sub(12)..=edge + 2);
    }
    offsets.sort();
    offsets.dedup();
    offsets
}

#[test]
fn every_edge_item_at_every_offset_matches_the_model() {
    let options = naive::all_options();
    for filler in ["a", "ж", "é"] {
        for item in EDGE_ITEMS {
            for &before in &edges() {
                for after in [0, 1, 5, 80] {
                    let text = format!("{}{}{}", filler.repeat(before), item, filler.repeat(after));
                    for o in &options {
                        naive::check(&text, o);
                    }
                }
            }
        }
    }
}

#[test]
fn runs_of_two_unit_atoms_across_every_edge() {
    let options = naive::all_options();
    for item in ["€", "😀", "🇫🇷", "a\u{301}"] {
        for before in 0..4 {
            for count in [33, 34, 35, 66, 67, 76, 77, 80, 81, 153, 154] {
                let text = format!("{}{}", "b".repeat(before), item.repeat(count));
                for o in &options {
                    naive::check(&text, o);
                }
            }
        }
    }
}

#[cfg(feature = "alloc")]
#[test]
fn hand_checked_splits() {
    use septet::{split, Options, SplitMode};
    let units = Options::default();
    // An extension character on septets 153/154 moves to the next part: one part more.
    let text = format!("{}€{}", "a".repeat(152), "b".repeat(152));
    let s = split(&text, &units).unwrap();
    let parts: Vec<&str> = s.parts().collect();
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0], "a".repeat(152));
    assert_eq!(parts[1], format!("€{}", "b".repeat(151)));
    assert_eq!(parts[2], "b");

    // A surrogate pair on units 67/68 moves to the next part.
    let text = format!("{}😀{}", "ж".repeat(66), "ж".repeat(66));
    let s = split(&text, &units).unwrap();
    let parts: Vec<&str> = s.parts().collect();
    assert_eq!(s.analysis().parts, 3);
    assert_eq!(
        parts,
        [
            "ж".repeat(66),
            format!("😀{}", "ж".repeat(65)),
            "ж".to_string()
        ]
    );

    // Graphemes: the ZWJ family is never cut; in units mode it is.
    let family = "👩\u{200D}👩\u{200D}👧\u{200D}👦";
    let text = format!("{}{}", "ж".repeat(60), family);
    let by_units: Vec<String> = split(&text, &units)
        .unwrap()
        .parts()
        .map(String::from)
        .collect();
    assert_eq!(by_units.len(), 2);
    assert_eq!(
        by_units[0],
        format!("{}👩\u{200D}👩\u{200D}", "ж".repeat(60))
    );
    let graphemes = Options::default().with_split(SplitMode::Graphemes);
    let by_clusters: Vec<String> = split(&text, &graphemes)
        .unwrap()
        .parts()
        .map(String::from)
        .collect();
    assert_eq!(by_clusters, ["ж".repeat(60), family.to_string()]);

    // A cluster longer than a part (a letter with 80 combining marks, 81 units) is cut between
    // characters, continuing the current part.
    let long = format!("x{}", "\u{301}".repeat(80));
    let text = format!("{}{}", "ж".repeat(10), long);
    let parts: Vec<String> = split(&text, &graphemes)
        .unwrap()
        .parts()
        .map(String::from)
        .collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].encode_utf16().count(), 67);
    assert_eq!(parts[1].encode_utf16().count(), 24);
    assert_eq!(parts.concat(), text);
}
