//! The decisions: which encoding the outgoing text needs, and with national tables enabled,
//! which pair of tables costs least (pdu-encoding contract, section 2).

use crate::alphabet::{table_masks, Alphabet, Language};
use crate::charset::Charset;
use crate::classify::Scan;
use crate::encoding::Encoding;
use crate::error::Error;
use crate::layout::PartLayout;
use crate::options::{Concat, NationalLanguages, Options, SplitMode};
use crate::smart::outgoing::OutgoingChars;
use crate::split::{Segmenter, UnitCosts};

/// Bit of the default table in table masks (NLI 0).
const DEFAULT_BIT: u16 = 1;

/// What was decided for one message: its encoding, its tables, how it is split, and the parts
/// that gives.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Choice<'a> {
    pub(crate) encoding: Encoding,
    pub(crate) national_language: Alphabet,
    pub(crate) segmenter: Segmenter<'a>,
    /// Parts of the message.
    pub(crate) parts: usize,
    /// Units in its last part.
    pub(crate) last_part_units: usize,
}

/// How the outgoing text of an input is measured, apart from the encoding-specific counts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Text<'a> {
    pub(crate) input: &'a str,
    /// Smart encoding maps the input to the outgoing text.
    pub(crate) smart: bool,
    pub(crate) split: SplitMode,
    pub(crate) concat: Concat,
    /// Bytes of the outgoing text.
    pub(crate) bytes: usize,
}

/// Decides the encoding and the tables of a scanned text, and counts its parts.
///
/// # Errors
///
/// [`Error::NotGsm7`] when `encoding` is `gsm7` and no enabled pair of tables encodes the text.
pub(crate) fn choose<'a>(
    text: Text<'a>,
    scan: &Scan,
    charset: Charset,
    options: &Options,
) -> Result<Choice<'a>, Error> {
    let forced = options.forced_encoding();
    // The common case first: GSM-7 in the default tables, in one part (the split mode and the
    // concatenation scheme do not matter to a message that needs no header).
    if forced != Some(Encoding::Ucs2)
        && options.national_languages.is_empty()
        && scan.first_non_gsm.is_none()
        && scan.septets <= Encoding::Gsm7.units_per_part(0)
        && scan.septets > 0
    {
        let segmenter = segmenter(
            text,
            Encoding::Gsm7,
            Alphabet::DEFAULT,
            UnitCosts::Septets(charset),
            scan.septets,
            scan.double_septet_characters,
        );
        debug_assert_eq!(segmenter.count(), (1, scan.septets));
        return Ok(Choice {
            encoding: Encoding::Gsm7,
            national_language: Alphabet::DEFAULT,
            segmenter,
            parts: 1,
            last_part_units: scan.septets,
        });
    }
    if forced != Some(Encoding::Ucs2) && !options.national_languages.is_empty() {
        debug_assert_eq!(charset, Charset::Gsm0338, "checked by the caller");
        if let Some(choice) = least_cost_pair(text, scan, options.national_languages) {
            return Ok(choice);
        }
    }
    let encoding = match (forced, scan.first_non_gsm) {
        (Some(Encoding::Gsm7), Some(first)) => {
            return Err(Error::NotGsm7 {
                count: scan.non_gsm,
                first,
            })
        }
        (Some(forced), _) => forced,
        (None, Some(_)) => Encoding::Ucs2,
        (None, None) => Encoding::Gsm7,
    };
    let (costs, units, double_unit_characters) = match encoding {
        Encoding::Gsm7 => (
            UnitCosts::Septets(charset),
            scan.septets,
            scan.double_septet_characters,
        ),
        Encoding::Ucs2 => (UnitCosts::Utf16, scan.utf16_units, scan.astral_characters),
    };
    let segmenter = segmenter(
        text,
        encoding,
        Alphabet::DEFAULT,
        costs,
        units,
        double_unit_characters,
    );
    let (parts, last_part_units) = segmenter.count();
    Ok(Choice {
        encoding,
        national_language: Alphabet::DEFAULT,
        segmenter,
        parts,
        last_part_units,
    })
}

/// The segmenter of a text in `encoding` with `national_language`, its part capacities taken
/// from the layouts of a one-part and a multi-part message.
pub(crate) fn segmenter<'a>(
    text: Text<'a>,
    encoding: Encoding,
    national_language: Alphabet,
    costs: UnitCosts,
    units: usize,
    double_unit_characters: usize,
) -> Segmenter<'a> {
    let layout = |multipart| PartLayout::new(encoding, text.concat, national_language, multipart);
    Segmenter {
        input: text.input,
        smart: text.smart,
        costs,
        split: text.split,
        units,
        bytes: text.bytes,
        double_unit_characters,
        single_part_units: layout(false).units_per_part,
        multipart_units: layout(true).units_per_part,
    }
}

/// The unit costs of GSM-7 with `national_language` over the `gsm0338` tables.
pub(crate) fn pair_costs(charset: Charset, national_language: Alphabet) -> UnitCosts {
    if national_language.is_default() {
        UnitCosts::Septets(charset)
    } else {
        UnitCosts::Pair {
            locking: bit(national_language.locking()),
            single: bit(national_language.single()),
        }
    }
}

/// The mask bit of a table: bit NLI, bit 0 for the default.
fn bit(language: Option<Language>) -> u16 {
    1 << language.map_or(0, Language::nli)
}

/// The language of mask bit `index` (0: the default table).
fn language_of(index: u32) -> Option<Language> {
    let language = u8::try_from(index).ok().and_then(Language::from_nli);
    debug_assert!(index == 0 || language.is_some(), "bit {index} is an NLI");
    language
}

/// Table bits an NLI can take (0..=13).
const TABLES: usize = 14;

/// The least-cost pair of tables among the enabled ones, or `None` when no pair encodes the
/// text. Per the contract: every pair (L, S) of L ∈ {default} ∪ enabled locking tables and
/// S ∈ {default} ∪ enabled single shift tables; a character costs 1 septet if L has it, else 2
/// if S has it, else the pair fails; each encodable pair is split for real with its own header;
/// the fewest parts win, then the most septets free in the last part, then the lower locking
/// NLI, then the lower single shift NLI.
///
/// Pairs that share L have the same per-character costs, and every S other than the default
/// gives the same header, so only two splits per L are needed: with the default single shift
/// table, and with the enabled single shift table of lowest NLI that encodes the text (the
/// others can only tie with it and lose on NLI).
fn least_cost_pair<'a>(
    text: Text<'a>,
    scan: &Scan,
    enabled: NationalLanguages,
) -> Option<Choice<'a>> {
    let locking_enabled = DEFAULT_BIT | enabled.locking_mask();
    let single_enabled = DEFAULT_BIT | enabled.single_mask();
    // Per locking table L: outgoing characters it lacks (each then costs 2 septets), and the
    // single shift tables that lack one of those.
    let mut missing = [0usize; TABLES];
    let mut failing_single = [0u16; TABLES];
    let mut characters = 0usize;
    for c in OutgoingChars::new(text.input, text.smart) {
        characters += 1;
        let masks = table_masks(c);
        let mut lacking = locking_enabled & !masks.locking;
        while lacking != 0 {
            let l = lacking.trailing_zeros() as usize;
            lacking &= lacking - 1;
            missing[l] += 1;
            failing_single[l] |= single_enabled & !masks.single;
        }
    }
    debug_assert_eq!(characters, scan.characters);
    let mut best: Option<(Choice<'a>, usize)> = None;
    let mut locking_left = locking_enabled;
    while locking_left != 0 {
        let l = locking_left.trailing_zeros();
        locking_left &= locking_left - 1;
        let encoding_singles = single_enabled & !failing_single[l as usize];
        let national_singles = encoding_singles & !DEFAULT_BIT;
        let candidates = [
            (encoding_singles & DEFAULT_BIT != 0).then_some(0),
            (national_singles != 0).then(|| national_singles.trailing_zeros()),
        ];
        for s in candidates.into_iter().flatten() {
            // Spanish, the one language without a locking table, is never an enabled locking
            // table.
            let national_language = Alphabet::new(language_of(l), language_of(s));
            debug_assert!(national_language.is_some(), "bit {l} is a locking table");
            let Some(national_language) = national_language else {
                continue;
            };
            let double = missing[l as usize];
            let segmenter = segmenter(
                text,
                Encoding::Gsm7,
                national_language,
                pair_costs(Charset::Gsm0338, national_language),
                characters + double,
                double,
            );
            let (parts, last_part_units) = segmenter.count();
            let free = segmenter.capacity() - last_part_units;
            // Candidates come in increasing (L, S) order, so only a strictly better count wins.
            let better = best.as_ref().map_or(true, |(b, b_free)| {
                (parts, core::cmp::Reverse(free)) < (b.parts, core::cmp::Reverse(*b_free))
            });
            if better {
                let choice = Choice {
                    encoding: Encoding::Gsm7,
                    national_language,
                    segmenter,
                    parts,
                    last_part_units,
                };
                best = Some((choice, free));
            }
        }
    }
    best.map(|(choice, _)| choice)
}
