//! What a part carries and holds: every row of the capacity table of the pdu-encoding contract
//! (section 3.2), and the `concat` option's effect on counting and splitting.

use septet::{
    analyze_with, part_ranges, Alphabet, Concat, ConcatIe, Encoding, Language, Limits, Options,
    PartHeader, PartLayout,
};

const TURKISH: Option<Language> = Some(Language::Turkish);

/// The contract's table, row by row: (concatenation IE, shift IEs, H, fill bits, GSM-7 septets,
/// UCS-2 units where the row gives them).
type Row = (Option<ConcatIe>, usize, usize, usize, usize, Option<usize>);

const ROWS: &[Row] = &[
    (None, 0, 0, 0, 160, Some(70)),
    (Some(ConcatIe::Ref8), 0, 6, 1, 153, Some(67)),
    (Some(ConcatIe::Ref16), 0, 7, 0, 152, Some(66)),
    (None, 1, 4, 3, 155, None),
    (None, 2, 7, 0, 152, None),
    (Some(ConcatIe::Ref8), 1, 9, 5, 149, None),
    (Some(ConcatIe::Ref8), 2, 12, 2, 146, None),
    (Some(ConcatIe::Ref16), 1, 10, 4, 148, None),
    (Some(ConcatIe::Ref16), 2, 13, 1, 145, None),
];

fn pair(shift_ies: usize, locking_first: bool) -> Alphabet {
    let (locking, single) = match (shift_ies, locking_first) {
        (0, _) => (None, None),
        (1, true) => (TURKISH, None),
        (1, false) => (None, TURKISH),
        _ => (Some(Language::Portuguese), TURKISH),
    };
    Alphabet::new(locking, single).unwrap()
}

#[test]
fn every_row_of_the_capacity_table() {
    for &(concat, shift_ies, h, fill, septets, units) in ROWS {
        for locking_first in [true, false] {
            let header = PartHeader::new(concat, pair(shift_ies, locking_first));
            assert_eq!(header.octets(), h, "{header:?}");
            assert_eq!(header.is_empty(), h == 0);
            // The fill bits bring the header to a septet boundary.
            assert_eq!(7 * (8 * h).div_ceil(7) - 8 * h, fill, "H = {h}");
            assert_eq!(Encoding::Gsm7.units_per_part(h), septets, "H = {h}");
            if let Some(units) = units {
                assert_eq!(Encoding::Ucs2.units_per_part(h), units, "H = {h}");
            }
        }
    }
    // 8-bit octets would be 140 − H; UCS-2 of the rows the table leaves blank, by the formula.
    assert_eq!(Encoding::Ucs2.units_per_part(9), 65);
    assert_eq!(Encoding::Gsm7.units_per_part(140), 0);
    assert_eq!(Encoding::Gsm7.units_per_part(1000), 0);
}

#[test]
fn layouts_follow_the_concat_option() {
    // (concat, IE carried by a long message's parts, header octets counted, GSM-7, UCS-2)
    let expected = [
        (Concat::Udh8, Some(ConcatIe::Ref8), 6, 153, 67),
        (Concat::Udh16, Some(ConcatIe::Ref16), 7, 152, 66),
        (Concat::Sar, None, 7, 152, 66),
        (Concat::Payload, None, 6, 153, 67),
    ];
    for (concat, carried, counted, septets, units) in expected {
        let n = Alphabet::DEFAULT;
        let gsm = PartLayout::new(Encoding::Gsm7, concat, n, true);
        assert_eq!(gsm.header.concat, carried, "{concat}");
        assert_eq!(gsm.counted_header_octets, counted, "{concat}");
        assert_eq!(gsm.units_per_part, septets, "{concat}");
        assert_eq!(
            PartLayout::new(Encoding::Ucs2, concat, n, true).units_per_part,
            units
        );
        // One part: no concatenation information at all.
        let single = PartLayout::new(Encoding::Gsm7, concat, n, false);
        assert_eq!(single.header, PartHeader::NONE);
        assert_eq!(single.units_per_part, 160);
        assert_eq!(
            PartLayout::new(Encoding::Ucs2, concat, n, false).units_per_part,
            70
        );
    }
    // Shift IEs come on top: udh16 + Turkish single = 148, sar counts the same.
    let turkish = pair(1, false);
    for concat in [Concat::Udh16, Concat::Sar] {
        let l = PartLayout::new(Encoding::Gsm7, concat, turkish, true);
        assert_eq!(l.units_per_part, 148, "{concat}");
        assert_eq!(l.header.national_language, turkish);
    }
    assert_eq!(
        PartLayout::new(Encoding::Gsm7, Concat::Sar, turkish, true)
            .header
            .octets(),
        4
    );
}

fn count(text: &str, encoding: Encoding, concat: Concat) -> (usize, usize, usize) {
    let options = Options::default()
        .with_concat(concat)
        .with_limits(Limits::NONE);
    let a = analyze_with(text, &options).unwrap();
    assert_eq!(a.encoding, encoding);
    assert_eq!(a.concat, concat);
    let ranges: Vec<_> = part_ranges(text, &options).unwrap().collect();
    assert_eq!(ranges.len(), a.parts, "{concat} {text:?}");
    assert_eq!(a.layout().units_per_part, a.units_per_part);
    (a.parts, a.units_per_part, a.units_remaining)
}

#[test]
fn concat_changes_counting() {
    let a = |n: usize| "a".repeat(n);
    let zh = |n: usize| "ж".repeat(n);
    for concat in [Concat::Udh16, Concat::Sar] {
        // GSM-7 160 → 1; 161 → 2 (152 + 9); 304 → 2; 305 → 3.
        assert_eq!(count(&a(160), Encoding::Gsm7, concat), (1, 160, 0));
        assert_eq!(count(&a(161), Encoding::Gsm7, concat), (2, 152, 152 - 9));
        assert_eq!(count(&a(304), Encoding::Gsm7, concat), (2, 152, 0));
        assert_eq!(count(&a(305), Encoding::Gsm7, concat), (3, 152, 151));
        assert_eq!(count(&a(1520), Encoding::Gsm7, concat).0, 10);
        // UCS-2 70 → 1; 71 → 2 (66 + 5); 132 → 2; 133 → 3.
        assert_eq!(count(&zh(70), Encoding::Ucs2, concat), (1, 70, 0));
        assert_eq!(count(&zh(71), Encoding::Ucs2, concat), (2, 66, 66 - 5));
        assert_eq!(count(&zh(132), Encoding::Ucs2, concat), (2, 66, 0));
        assert_eq!(count(&zh(133), Encoding::Ucs2, concat), (3, 66, 65));
    }
    for concat in [Concat::Udh8, Concat::Payload] {
        assert_eq!(count(&a(161), Encoding::Gsm7, concat), (2, 153, 153 - 8));
        assert_eq!(count(&a(306), Encoding::Gsm7, concat), (2, 153, 0));
        assert_eq!(count(&a(307), Encoding::Gsm7, concat), (3, 153, 152));
        assert_eq!(count(&zh(71), Encoding::Ucs2, concat), (2, 67, 63));
        assert_eq!(count(&zh(135), Encoding::Ucs2, concat), (3, 67, 66));
    }
}

#[test]
fn udh16_splits_at_152_and_never_inside_an_escape() {
    let options = Options::default().with_concat(Concat::Udh16);
    // ESC + € would straddle septets 152/153: it moves to the next part.
    let text = format!("{}€{}", "a".repeat(151), "b".repeat(100));
    let parts: Vec<_> = part_ranges(&text, &options)
        .unwrap()
        .map(|r| &text[r])
        .collect();
    assert_eq!(parts, [&text[..151], &text[151..]]);
    let a = analyze_with(&text, &options).unwrap();
    assert_eq!((a.parts, a.units, a.units_remaining), (2, 253, 152 - 102));
    // Surrogate pairs: 66 units hold 33 emoji.
    let text = "😀".repeat(40);
    let parts: Vec<_> = part_ranges(&text, &options)
        .unwrap()
        .map(|r| text[r].chars().count())
        .collect();
    assert_eq!(parts, [33, 7]);
}

#[test]
fn analysis_names_the_layout() {
    let options = Options::default().with_concat(Concat::Udh16);
    let long = analyze_with(&"a".repeat(200), &options).unwrap();
    let layout = long.layout();
    assert_eq!(layout.encoding, Encoding::Gsm7);
    assert_eq!(layout.header.concat, Some(ConcatIe::Ref16));
    assert_eq!(layout.header.octets(), 7);
    assert_eq!(long.national_language, Alphabet::DEFAULT);
    let short = analyze_with("hi", &options).unwrap();
    assert_eq!(short.layout().header, PartHeader::NONE);
    let sar = analyze_with(&"a".repeat(200), &options.with_concat(Concat::Sar)).unwrap();
    assert_eq!(sar.layout().header, PartHeader::NONE);
    assert_eq!(sar.layout().counted_header_octets, 7);
}
