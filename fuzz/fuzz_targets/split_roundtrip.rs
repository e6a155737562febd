//! Parts joined give the outgoing text; every part fits; the count equals the analysis; no cut
//! inside a character (so never inside an escape pair or a surrogate pair) nor, in graphemes
//! mode, inside a cluster that fits in a part.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::{split, Options, SplitMode};
use unicode_segmentation::UnicodeSegmentation;

#[path = "../../tests/naive/mod.rs"]
mod naive;
use naive::analysis_units as units;

fuzz_target!(|input: (Options, &str)| {
    let (options, text) = input;
    let Ok(s) = split(text, &options) else { return };
    let a = *s.analysis();
    let parts: Vec<&str> = s.parts().collect();
    assert_eq!(parts.len(), a.parts);
    assert_eq!(parts.concat(), s.text());
    let mut total = 0;
    for part in &parts {
        assert!(!part.is_empty());
        let u = units(part, &a);
        assert!(u <= a.units_per_part);
        total += u;
    }
    assert_eq!(total, a.units);
    assert_eq!(
        a.units_remaining,
        a.units_per_part - units(parts[parts.len() - 1], &a)
    );
    assert_eq!(
        septet::part_ranges(s.text(), &options).unwrap().count(),
        a.parts
    );
    if options.split == SplitMode::Graphemes && parts.len() > 1 {
        let mut offset = 0;
        let cuts: Vec<usize> = parts[..parts.len() - 1]
            .iter()
            .map(|p| {
                offset += p.len();
                offset
            })
            .collect();
        let mut start = 0;
        for g in s.text().graphemes(true) {
            let end = start + g.len();
            if cuts.iter().any(|&c| start < c && c < end) {
                assert!(
                    units(g, &a) > a.units_per_part,
                    "cut inside {g:?}"
                );
            }
            start = end;
        }
    }
});
