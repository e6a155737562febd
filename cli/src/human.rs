//! The human report of `septet "message"`: encoding, counts, parts (as readable text), the
//! characters that force UCS-2 (one entry per grapheme cluster, counted, capped), smart-encoding
//! substitutions, cost, warnings, and what smart encoding would save when it is off.
//!
//! ```
//! use septet_cli::human_report;
//! use septet_report::Settings;
//!
//! let settings = Settings::default();
//! let out = human_report("Don’t “wait” — 50% off! 🛍️🛍️", &settings.options, &settings, false).unwrap();
//! assert!(out.contains("encoding     UCS-2"));
//! assert!(out.contains("  🛍️  U+1F6CD U+FE0F  ×2, first at character 24 (byte 32)"));
//! ```

use std::fmt::Write as _;

use septet::{analyze_with, Encoding, EncodingRequest, Options};

use crate::display::{clusters_at, readable, ESCAPE_NOTE};
use anstyle::{AnsiColor, Style};
use septet_report::{code_point, report, Located, Report, Settings};

/// The styles of the report.
const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED_BOLD: Style = BOLD.fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const GREEN_BOLD: Style = BOLD.fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const YELLOW_BOLD: Style = BOLD.fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const CYAN_BOLD: Style = BOLD.fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const YELLOW: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));

/// The characters of a GSM-7 message that cost two septets each (an escape to the single shift
/// table, then the code: `€ { } [ ] ~ \\ ^ |` in the default alphabet), distinct, in order of first
/// appearance in the outgoing text (the result's `part_texts`): `two-septet   3 characters (2
/// septets each): { } €`. `None` when there are none, or the message is UCS-2, or the `ascii7`
/// profile counts everything one, or the result has no part texts.
///
/// ```
/// use septet_report::{report, Settings};
/// let settings = Settings::new(Default::default(), Default::default(), true); // with part texts
/// let line = septet_cli::two_septet_line(&report("Hello {world} €", &settings).unwrap()).unwrap();
/// assert_eq!(line, "two-septet   3 characters (2 septets each): { } €");
/// assert_eq!(septet_cli::two_septet_line(&report("Hello", &settings).unwrap()), None);
/// ```
pub fn two_septet_line(r: &Report) -> Option<String> {
    if r.encoding != Encoding::Gsm7.name() || r.charset == septet::Charset::Ascii7.name() {
        return None;
    }
    let alphabet = r.national_language.alphabet()?;
    let (mut count, mut distinct) = (0usize, Vec::<char>::new());
    let outgoing = r
        .part_texts
        .as_deref()?
        .iter()
        .flat_map(|part| part.chars());
    for c in outgoing.filter(|&c| alphabet.cost(c) == Some(2)) {
        count += 1;
        if !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    if count == 0 {
        return None;
    }
    let mut shown: Vec<String> = distinct
        .iter()
        .take(LISTED)
        .map(|&c| readable(&c.to_string()).0)
        .collect();
    if distinct.len() > LISTED {
        shown.push(format!("and {} more", distinct.len() - LISTED));
    }
    Some(format!(
        "two-septet   {} (2 septets each): {}",
        plural(count, "character", "characters"),
        shown.join(" ")
    ))
}

/// Distinct clusters (or substitutions) listed before "and N more".
pub const LISTED: usize = 10;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The lines listing the clusters that hold `located` characters, deduplicated and capped.
fn cluster_lines(text: &str, located: &[Located], paint: &dyn Fn(Style, &str) -> String) -> String {
    let offsets: Vec<usize> = located.iter().map(|c| c.byte_offset).collect();
    let clusters = clusters_at(text, &offsets);
    let mut out = String::new();
    let mut escaped = false;
    for c in clusters.iter().take(LISTED) {
        let (shown, e) = readable(&c.cluster);
        escaped |= e;
        let times = if c.count > 1 {
            format!("  ×{}, first", c.count)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {shown}  {}{times} at character {} (byte {})",
            paint(YELLOW, &c.code_points()),
            c.first_char_index,
            c.first_byte_offset
        );
    }
    if clusters.len() > LISTED {
        let _ = writeln!(out, "  and {} more", clusters.len() - LISTED);
    }
    if escaped {
        let _ = writeln!(out, "  ({ESCAPE_NOTE})");
    }
    out
}

/// Parts without limits, for comparing what other options would give.
fn unlimited_parts(text: &str, options: Options) -> Option<(Encoding, usize)> {
    analyze_with(text, &options.with_limits(septet::Limits::NONE))
        .ok()
        .map(|a| (a.encoding, a.parts))
}

/// "smart encoding would make this GSM-7: N parts instead of M", when smart encoding is off,
/// the message goes out (or would go out) as UCS-2, and turning smart encoding on makes it GSM-7
/// in fewer parts.
///
/// Failing that, "enabling turkish would make this GSM-7: N parts instead of M", when no
/// national table is enabled, the route is `gsm0338`, and enabling one language's tables makes
/// the message GSM-7 in fewer parts (the language giving the fewest parts is named).
///
/// ```
/// use septet::Options;
/// let hint = septet_cli::savings_hint(&"ş".repeat(100), &Options::default()).unwrap();
/// assert_eq!(hint, "enabling turkish would make this GSM-7: 1 part instead of 2 (--national-languages turkish)");
/// ```
pub fn savings_hint(text: &str, options: &Options) -> Option<String> {
    smart_hint(text, options).or_else(|| national_hint(text, options))
}

fn national_hint(text: &str, options: &Options) -> Option<String> {
    if !options.national_languages.is_empty()
        || options.encoding != EncodingRequest::Auto
        || options.effective_charset() != septet::Charset::Gsm0338
    {
        return None;
    }
    let (encoding, parts) = unlimited_parts(text, *options)?;
    if encoding != Encoding::Ucs2 {
        return None;
    }
    let best = septet::Language::ALL
        .iter()
        .filter_map(|&language| {
            let enabled = septet::NationalLanguages::NONE.with_language(language);
            let (encoding, parts) =
                unlimited_parts(text, options.with_national_languages(enabled))?;
            (encoding == Encoding::Gsm7).then_some((parts, language))
        })
        .min_by_key(|&(parts, language)| (parts, language.nli()))?;
    (best.0 < parts).then(|| {
        let name = best.1.name();
        format!(
            "enabling {name} would make this GSM-7: {} instead of {parts} (--national-languages {name})",
            plural(best.0, "part", "parts")
        )
    })
}

fn smart_hint(text: &str, options: &Options) -> Option<String> {
    if options.smart_encoding || options.encoding != EncodingRequest::Auto {
        return None;
    }
    let (encoding, parts) = unlimited_parts(text, *options)?;
    if encoding != Encoding::Ucs2 {
        return None;
    }
    let (smart_encoding, smart_parts) = unlimited_parts(text, options.with_smart_encoding(true))?;
    (smart_encoding == Encoding::Gsm7 && smart_parts < parts).then(|| {
        format!(
            "smart encoding would make this GSM-7: {} instead of {parts} (--smart-encoding)",
            plural(smart_parts, "part", "parts")
        )
    })
}

/// The human report for one message. With `color`, it carries ANSI styles (`anstyle`); print it
/// through `anstream`, which drops them where the output is not a terminal or `NO_COLOR` is set.
///
/// # Errors
///
/// The rejection, as lines for standard error.
pub fn human_report(
    text: &str,
    options: &Options,
    settings: &Settings,
    color: bool,
) -> Result<String, String> {
    let paint = |style: Style, s: &str| {
        if color {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    };
    let with_parts = Settings::new(*options, settings.pricing.clone(), true);
    let result = report(text, &with_parts);
    let mut out = String::new();
    let r = match result {
        Err(e) => {
            let mut msg = format!("{} {e} ({})\n", paint(RED_BOLD, "rejected:"), e.code());
            let chars = e.non_gsm();
            if !chars.is_empty() {
                let _ = writeln!(
                    msg,
                    "{} cannot become GSM-7:",
                    plural(chars.len(), "character", "characters")
                );
                msg.push_str(&cluster_lines(text, chars, &paint));
            }
            if let Some(hint) = savings_hint(text, options) {
                let _ = writeln!(msg, "{} {hint}", paint(CYAN_BOLD, "tip:"));
            }
            return Err(msg);
        }
        Ok(r) => r,
    };
    let gsm = r.encoding == Encoding::Gsm7.name();
    let unit = if gsm { "septets" } else { "UTF-16 code units" };
    let enc = paint(if gsm { GREEN_BOLD } else { YELLOW_BOLD }, r.encoding);
    let tables = (r.national_language.tables())
        .map(|t| format!(", {t}"))
        .unwrap_or_default();
    let _ = writeln!(out, "encoding     {enc} (charset {}{tables})", r.charset);
    let _ = writeln!(out, "characters   {}", r.characters);
    let _ = writeln!(out, "units        {} {unit}", r.units);
    if let Some(line) = two_septet_line(&r) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "parts        {} ({} {unit} per part, {} left in the last)",
        paint(BOLD, &r.parts.to_string()),
        r.units_per_part,
        r.units_remaining
    );
    let mut escaped = false;
    for (i, part) in r.part_texts.iter().flatten().enumerate() {
        let (shown, e) = readable(part);
        escaped |= e;
        let _ = writeln!(
            out,
            "  {:>2}. {}",
            i + 1,
            paint(DIM, &format!("\"{shown}\""))
        );
    }
    if escaped {
        let _ = writeln!(out, "      ({ESCAPE_NOTE})");
    }
    if r.non_gsm.is_empty() {
        let _ = writeln!(out, "non-GSM      none");
    } else {
        let _ = writeln!(
            out,
            "non-GSM      {} UCS-2:",
            plural(r.non_gsm.len(), "character forces", "characters force")
        );
        out.push_str(&cluster_lines(text, &r.non_gsm, &paint));
    }
    if let Some(m) = &r.smart_encoding {
        let _ = writeln!(
            out,
            "smart        applied: {}, {} replacement(s), {} unique, length change {:+}",
            m.smart_encoding_applied,
            r.replacements.len(),
            m.replaced_character_count,
            m.length_change
        );
        // One line per substituted character, counted, in order of first occurrence.
        let mut seen: Vec<(char, &str, usize, usize, usize)> = Vec::new();
        for rep in &r.replacements {
            match seen.iter_mut().find(|s| s.0 == rep.from) {
                Some(s) => s.2 += 1,
                None => seen.push((rep.from, rep.to, 1, rep.char_index, rep.byte_offset)),
            }
        }
        let mut escaped = false;
        for &(from, to, count, char_index, byte_offset) in seen.iter().take(LISTED) {
            let (from_shown, e1) = readable(&from.to_string());
            let (to_shown, e2) = readable(to);
            escaped |= e1 || e2;
            let to_shown = if to.is_empty() {
                "(removed)".to_string()
            } else {
                to_shown
            };
            let times = if count > 1 {
                format!("  ×{count}, first")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {} {from_shown} -> {to_shown}{times} at character {char_index} (byte {byte_offset})",
                code_point(from)
            );
        }
        if seen.len() > LISTED {
            let _ = writeln!(out, "  and {} more", seen.len() - LISTED);
        }
        if escaped {
            let _ = writeln!(out, "  ({ESCAPE_NOTE})");
        }
    } else {
        let _ = writeln!(out, "smart        off");
    }
    if let Some(c) = &r.cost {
        let currency = c
            .currency
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "cost         {} x {}{currency} = {}{currency}",
            c.segments,
            c.rate,
            paint(BOLD, &c.amount)
        );
    }
    if let Some(hint) = savings_hint(text, options) {
        let _ = writeln!(out, "{} {hint}", paint(CYAN_BOLD, "tip:"));
    }
    for w in &r.warnings {
        let _ = writeln!(
            out,
            "{} {} ({})",
            paint(YELLOW_BOLD, "warning:"),
            w.detail,
            w.code
        );
    }
    Ok(out)
}
