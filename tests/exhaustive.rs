//! Exhaustive checks: every Unicode scalar value alone and between GSM text against the naive
//! model (smart encoding off and on); every extension character and every astral character at
//! every offset around the 67/70/134/153/160/306 edges.

mod naive;

use septet::{analyze_with, Charset, Encoding, EncodingRequest, Options, SplitMode};

/// Runs `check` on every scalar value, split across the machine's cores.
fn for_every_scalar(check: impl Fn(char) + Sync) {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let check = &check;
    std::thread::scope(|scope| {
        for t in 0..threads as u32 {
            scope.spawn(move || {
                for c in (t..=0x10FFFF).step_by(threads).filter_map(char::from_u32) {
                    check(c);
                }
            });
        }
    });
}

#[test]
fn every_scalar_value_alone_and_between_gsm_text() {
    let options = [
        Options::default(),
        Options::default().with_smart_encoding(true),
        Options::default()
            .with_smart_encoding(true)
            .with_charset(Charset::CarrierSafe),
        Options::default().with_encoding(EncodingRequest::Gsm7),
    ];
    for_every_scalar(|c| {
        let mut buf = [0u8; 4];
        let alone = c.encode_utf8(&mut buf);
        let between = format!("Hi {c} there");
        for o in &options {
            naive::check(alone, o);
            naive::check(&between, o);
        }
    });
}

/// Parts and units of the last part for a sequence of atom sizes, filled greedily: the rule,
/// written out once more by hand.
fn greedy(units: &[usize], single: usize, multi: usize) -> (usize, usize) {
    let total: usize = units.iter().sum();
    if total <= single {
        return (1, total);
    }
    let (mut parts, mut used) = (1, 0);
    for &u in units {
        if used + u > multi {
            parts += 1;
            used = 0;
        }
        used += u;
    }
    (parts, used)
}

#[test]
fn every_astral_character_at_every_offset_around_the_ucs2_edges() {
    let offsets: Vec<usize> = [64usize, 65, 66, 67, 68, 69, 70, 131, 132, 133, 134, 135].to_vec();
    let options = Options::default().with_limits(septet::Limits::NONE);
    for_every_scalar(|c| {
        if c.len_utf16() != 2 {
            return;
        }
        for &before in &offsets {
            let after = 3;
            let text = format!("{}{c}{}", "ж".repeat(before), "ж".repeat(after));
            let a = analyze_with(&text, &options).unwrap();
            let mut atoms = vec![1; before];
            atoms.push(2);
            atoms.extend([1; 3]);
            let (parts, last) = greedy(&atoms, 70, 67);
            assert_eq!(
                (a.encoding, a.units, a.parts),
                (Encoding::Ucs2, before + 5, parts),
                "{c:?} after {before}"
            );
            assert_eq!(
                a.units_remaining,
                a.units_per_part - last,
                "{c:?} after {before}"
            );
        }
    });
}

#[test]
fn every_astral_character_on_the_67_edge_in_graphemes_mode() {
    let options = Options::default()
        .with_split(SplitMode::Graphemes)
        .with_limits(septet::Limits::PROVIDER.with_max_parts(usize::MAX));
    for_every_scalar(|c| {
        if c.len_utf16() == 2 {
            for before in [65, 66] {
                naive::check(&format!("{}{c}{c}ж", "ж".repeat(before)), &options);
            }
        }
    });
}

#[test]
fn every_extension_character_at_every_offset_around_the_gsm_edges() {
    let options = naive::all_options();
    let mut offsets: Vec<usize> = (148..=161).collect();
    offsets.extend(302..=308);
    for c in ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\u{C}'] {
        assert_eq!(Charset::Gsm0338.septets(c), Some(2));
        for &before in &offsets {
            for after in [0, 1, 2, 160] {
                let text = format!("{}{c}{}", "a".repeat(before), "b".repeat(after));
                for o in &options {
                    naive::check(&text, o);
                }
                let mut atoms = vec![1; before];
                atoms.push(2);
                atoms.extend(vec![1; after]);
                let a = analyze_with(
                    &text,
                    &Options::default().with_limits(septet::Limits::PROVIDER.with_max_parts(99)),
                )
                .unwrap();
                let (parts, last) = greedy(&atoms, 160, 153);
                assert_eq!(
                    (a.units, a.parts, a.units_per_part - a.units_remaining),
                    (before + 2 + after, parts, last)
                );
            }
        }
    }
}

#[test]
fn every_ascii_byte_at_every_position_of_a_block() {
    // The scan tests 16-byte blocks of ASCII at once: put every ASCII character at every
    // position of the first blocks, under every charset with smart encoding off and on.
    let mut options = Vec::new();
    for charset in Charset::ALL {
        for smart in [false, true] {
            options.push(
                Options::default()
                    .with_charset(charset)
                    .with_smart_encoding(smart),
            );
        }
    }
    for b in 0u8..0x80 {
        for position in 0..40 {
            let text = format!(
                "{}{}{}",
                "a".repeat(position),
                b as char,
                "b".repeat(40 - position)
            );
            for o in &options {
                naive::check(&text, o);
            }
            let text = format!(
                "{}{}{}",
                "{".repeat(position),
                b as char,
                "]".repeat(40 - position)
            );
            naive::check(&text, &Options::default());
        }
    }
}

#[test]
fn characters_at_every_position_of_a_long_ascii_run() {
    // Runs of 256 bytes and more go through the vector path (AVX2 or SSE4.1 where the CPU has
    // them) in whole 64-byte blocks: put refused controls, the grave accent, DEL, extension
    // characters and non-ASCII characters at every position of the first 256-byte group, its
    // blocks and the tail, under every charset with smart encoding off and on.
    let run: String = "The {quick} [brown] fox\r\njumps ~ over | the \\ lazy ^ dog. 0123456789 "
        .chars()
        .cycle()
        .take(330)
        .collect();
    let mut options = Vec::new();
    for charset in Charset::ALL {
        for smart in [false, true] {
            options.push(
                Options::default()
                    .with_charset(charset)
                    .with_smart_encoding(smart)
                    .with_limits(septet::Limits::PROVIDER.with_max_parts(usize::MAX)),
            );
        }
    }
    // Extension characters only in the vector path's blocks: the part count depends on where
    // they fall (an escape pair never straddles a part boundary).
    for ext in ['{', '~', '\u{C}'] {
        for run in [255, 256, 320, 383] {
            let text = format!("a{}{}", ext.to_string().repeat(run), "b".repeat(100));
            naive::check(&text, &options[0]);
        }
    }
    for c in [
        '\0', '\t', '\u{C}', '\u{1B}', '`', '\u{7F}', '{', 'é', '€', '😀',
    ] {
        for position in 0..run.len() {
            let text = format!("{}{c}{}", &run[..position], &run[position + 1..]);
            for o in &options {
                naive::check(&text, o);
            }
        }
    }
}

#[test]
fn non_ascii_characters_at_every_lane_of_the_first_blocks() {
    // Mixed text goes through 16-byte blocks classified lane by lane (`€` recognised from the
    // lane and the two bytes after it, the leads C2 C3 CE looked up one by one, with smart
    // encoding the leads of the table's keys too): every two-byte character, every key, every
    // charset character and a sample of three- and four-byte characters at every offset of
    // the first two blocks, alone and after other non-ASCII text, under every charset with
    // smart encoding off and on, and with GSM-7 forced (the first refused character's index).
    let mut options = Vec::new();
    for charset in Charset::ALL {
        for smart in [false, true] {
            options.push(
                Options::default()
                    .with_charset(charset)
                    .with_smart_encoding(smart),
            );
        }
    }
    options.push(Options::default().with_encoding(EncodingRequest::Gsm7));
    let mut characters: Vec<char> = (0x80..0x800).filter_map(char::from_u32).collect();
    characters.extend(septet::substitutions().map(|(from, _)| from));
    characters.extend("€£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà".chars());
    characters.extend([
        '\u{800}', '\u{2000}', '\u{20AB}', '\u{20AD}', '\u{3000}', '您', '\u{FFFD}',
    ]);
    characters.extend(['\u{10000}', '😀', '\u{10FFFF}']);
    for &c in &characters {
        for position in 0..34 {
            for prefix in ["a", "é", "ж"] {
                let text = format!("{}{c}{}", prefix.repeat(position), "b€c".repeat(4));
                for o in &options {
                    naive::check(&text, o);
                }
            }
        }
    }
}
