//! The byte side of the command: `septet batch --encode` and `--decode` handlers, the
//! `septet reassemble` loop, and the human views of `septet encode` and `septet decode`.

use std::fmt::Write as _;
use std::io::{self, BufRead, Write};
use std::sync::{Condvar, Mutex, MutexGuard};

use serde_json::value::RawValue;

use septet::References;
use septet_report::{
    decode_line, prepare_line, read_request, DecodedReport, EncodedPartReport, EncodedReport,
    Outcome, PreparedLine, ReadRequest, Reassembly, Settings,
};

use crate::batch::input::{Chunk, RecordKind};
use crate::batch::{append, input_error, read_message, summary::Tally, LineHandler};

/// The encoding handler of `septet batch --encode`: each line's encoded message, references
/// numbered across the batch in input order (pdu contract 3.3), on any number of jobs.
///
/// A chunk is handled in three steps: its records are read, split and checked in parallel with
/// other chunks ([`prepare_line`]); then, in input order, chunk after chunk, each line takes
/// its reference from the batch's counter ([`PreparedLine::number`], a few instructions a
/// line); then the lines are encoded and written in parallel again. Whether a line takes a
/// reference (accepted, more than one part, no `reference` of its own) is known once it is
/// prepared, so the output is the same byte for byte whatever the jobs.
///
/// One `Encode` numbers one batch: [`run`](crate::batch::run) it once.
///
/// ```
/// use std::sync::Arc;
/// use septet_cli::batch::{run, input::Format, BatchConfig};
/// use septet_cli::wire::Encode;
///
/// let long = "a".repeat(200);
/// let input = format!("{{\"text\": \"{long}\"}}\n{{\"text\": \"hi\"}}\n{{\"text\": \"{long}\"}}\n");
/// let mut output = Vec::new();
/// let config = BatchConfig { format: Format::JsonLines, jobs: 2, progress: None };
/// let mut settings = septet_report::Settings::default();
/// settings.encode.reference = 255;
/// run(Box::new(std::io::Cursor::new(input)), &mut output, Arc::new(Encode::new(settings)), config).unwrap();
/// let output = String::from_utf8(output).unwrap();
/// let references: Vec<&str> = output.lines().map(|l| l.split(r#""reference":"#).nth(1).unwrap().split(',').next().unwrap()).collect();
/// assert_eq!(references, ["255", "null", "0"]); // 8-bit references wrap at 256
/// ```
#[derive(Debug)]
pub struct Encode {
    settings: Settings,
    numbering: Numbering,
}

/// The batch's reference counter, handed from chunk to chunk in input order.
#[derive(Debug)]
struct Numbering {
    state: Mutex<Turns>,
    turn: Condvar,
}

#[derive(Debug)]
struct Turns {
    /// The chunk whose turn it is.
    next_chunk: u64,
    /// The counter after the chunks before it.
    references: References,
    /// A chunk failed before its turn: the numbering cannot go on.
    broken: bool,
}

/// A chunk's place in the numbering. Dropped without taking its turn (a failure while the chunk
/// was prepared), it stops the numbering, so that later chunks fail instead of waiting forever.
struct Ticket<'a> {
    numbering: &'a Numbering,
    index: u64,
    taken: bool,
}

impl Numbering {
    fn lock(&self) -> MutexGuard<'_, Turns> {
        // A poisoned lock only means another chunk panicked; `broken` says what matters.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Ticket<'_> {
    /// Waits for the chunk's turn, runs `number` on the counter, and passes the turn on.
    fn take<T>(mut self, number: impl FnOnce(&mut References) -> T) -> T {
        let mut turns = self.numbering.lock();
        assert!(
            turns.next_chunk <= self.index,
            "chunk {} numbered twice: an Encode numbers one batch",
            self.index
        );
        while turns.next_chunk != self.index && !turns.broken {
            turns = self
                .numbering
                .turn
                .wait(turns)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        assert!(
            !turns.broken,
            "an earlier chunk failed before it was numbered"
        );
        let result = number(&mut turns.references);
        turns.next_chunk += 1;
        self.taken = true;
        drop(turns);
        self.numbering.turn.notify_all();
        result
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        if !self.taken {
            self.numbering.lock().broken = true;
            self.numbering.turn.notify_all();
        }
    }
}

impl Encode {
    /// A handler with these defaults; references start at `settings.encode.reference`.
    pub fn new(settings: Settings) -> Self {
        let numbering = Numbering {
            state: Mutex::new(Turns {
                next_chunk: 0,
                references: References::new(settings.encode.reference),
                broken: false,
            }),
            turn: Condvar::new(),
        };
        Encode {
            settings,
            numbering,
        }
    }

    /// One request encoded on its own, numbered from the counter as it stands (for single
    /// records handled outside a chunk).
    fn encode(&self, request: ReadRequest<'_>, out: &mut Vec<u8>) -> Outcome {
        let mut line = prepare_line(&request, &self.settings);
        line.number(&mut self.numbering.lock().references);
        line.write(out)
    }
}

/// A record of an `--encode` chunk after the first step.
// Nearly every record is a line; boxing them would cost an allocation each.
#[allow(clippy::large_enum_variant)]
enum Prepared<'a> {
    /// Encoded once numbered.
    Line(PreparedLine<'a>),
    /// An input error, its line already written.
    Written(&'a [u8], Outcome),
}

impl LineHandler for Encode {
    fn request(
        &self,
        line: &[u8],
        line_number: u64,
        line_offset: u64,
        out: &mut Vec<u8>,
    ) -> Outcome {
        match read_request(line, line_number, line_offset) {
            Ok(request) => self.encode(request, out),
            Err(line) => append(out, line),
        }
    }

    fn message(
        &self,
        id: Option<&RawValue>,
        text: &str,
        _line_number: u64,
        out: &mut Vec<u8>,
    ) -> Outcome {
        let request = ReadRequest::new(id, text.to_string(), Default::default());
        self.encode(request, out)
    }

    fn chunk(
        &self,
        kind: RecordKind,
        chunk: &Chunk,
        index: u64,
        out: &mut Vec<u8>,
        tally: &mut Tally,
    ) {
        let ticket = Ticket {
            numbering: &self.numbering,
            index,
            taken: false,
        };
        // Step 1, in parallel: read the records and prepare their messages.
        let mut ids = Vec::new();
        let mut texts = Vec::new();
        if kind != RecordKind::JsonLine {
            for i in 0..chunk.len() {
                let (id, text) = read_message(kind, chunk.bytes(i), chunk.record(i));
                ids.push(id);
                texts.push(Some(text));
            }
        }
        let requests: Vec<Result<ReadRequest<'_>, (Vec<u8>, Outcome)>> = (0..chunk.len())
            .map(|i| {
                let position = chunk.record(i);
                if kind == RecordKind::JsonLine {
                    return read_request(
                        chunk.bytes(i),
                        position.line_number,
                        position.input_offset,
                    )
                    .map_err(|line| (line.json.into_bytes(), line.outcome));
                }
                let id = ids[i].as_deref();
                match texts[i].take().unwrap_or_else(|| Ok(Default::default())) {
                    Ok(text) => Ok(ReadRequest::new(id, text.into_owned(), Default::default())),
                    Err(error) => {
                        let mut written = Vec::new();
                        let outcome = input_error(id, error, &mut written);
                        Err((written, outcome))
                    }
                }
            })
            .collect();
        let mut lines: Vec<Prepared<'_>> = requests
            .iter()
            .map(|request| match request {
                Ok(request) => Prepared::Line(prepare_line(request, &self.settings)),
                Err((written, outcome)) => Prepared::Written(written, *outcome),
            })
            .collect();
        // Step 2, in input order: number the lines.
        ticket.take(|references| {
            for line in &mut lines {
                if let Prepared::Line(line) = line {
                    line.number(references);
                }
            }
        });
        // Step 3, in parallel: encode and write.
        for line in &lines {
            let outcome = match line {
                Prepared::Line(line) => line.write(out),
                Prepared::Written(written, outcome) => {
                    out.extend_from_slice(written);
                    *outcome
                }
            };
            out.push(b'\n');
            tally.add(outcome);
        }
    }
}

/// The decoding handler of `septet batch --decode`: each line
/// `{"id"?, "user_data", "dcs", "udhi", "udl"}` or `{"id"?, "pdu"}` decoded.
#[derive(Clone, Copy, Debug, Default)]
pub struct Decode;

impl LineHandler for Decode {
    fn request(
        &self,
        line: &[u8],
        line_number: u64,
        line_offset: u64,
        out: &mut Vec<u8>,
    ) -> Outcome {
        let line = decode_line(line, line_number, line_offset);
        append(out, line)
    }

    fn message(
        &self,
        id: Option<&RawValue>,
        text: &str,
        line_number: u64,
        out: &mut Vec<u8>,
    ) -> Outcome {
        // A plain line or CSV field is a whole TPDU in hex.
        let mut request = serde_json::Map::new();
        if let Some(id) = id.and_then(|id| serde_json::from_str(id.get()).ok()) {
            request.insert("id".into(), id);
        }
        request.insert("pdu".into(), text.trim().into());
        let json = serde_json::Value::Object(request).to_string();
        let line = decode_line(json.as_bytes(), line_number, 0);
        append(out, line)
    }
}

/// Runs `septet reassemble`: JSON Lines from `input`, completed messages (and, at the end or
/// when a bound expires them, incomplete ones) to `output`, duplicates to `notices`. Each
/// completed message is flushed at once, so a service can feed it part by part.
///
/// ```
/// let input = concat!(
///     r#"{"id": 2, "user_data": "050003070202D06536FB0D", "dcs": 0, "udhi": true, "udl": 12}"#, "\n",
///     r#"{"id": 1, "user_data": "050003070201D06536FB0D", "dcs": 0, "udhi": true, "udl": 12}"#, "\n",
///     r#"{"id": 3, "user_data": "050003080201D06536FB0D", "dcs": 0, "udhi": true, "udl": 12}"#, "\n");
/// let (mut out, mut notices) = (Vec::new(), Vec::new());
/// let tally = septet_cli::wire::reassemble(input.as_bytes(), &mut out, &mut notices, Default::default()).unwrap();
/// let out = String::from_utf8(out).unwrap();
/// let lines: Vec<&str> = out.lines().collect();
/// assert_eq!(lines[0], r#"{"ids":[1,2],"sender":null,"text":"hellohello","parts":2}"#);
/// assert!(lines[1].contains(r#""error":{"kind":"incomplete","reference":8,"total":2,"bits":8,"missing":[2]}"#));
/// assert!(!tally.all_succeeded());
/// ```
///
/// # Errors
///
/// I/O errors of `input`, `output` or `notices`.
pub fn reassemble(
    mut input: impl BufRead,
    mut output: impl Write,
    mut notices: impl Write,
    limits: septet::ReassemblyLimits,
) -> io::Result<Tally> {
    let mut reassembly = Reassembly::new(limits);
    let mut tally = Tally::default();
    let mut line = Vec::new();
    let (mut line_number, mut offset) = (0u64, 0u64);
    loop {
        line.clear();
        let read = input.read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        line_number += 1;
        let line_offset = offset;
        offset += read as u64;
        let mut body = &line[..];
        if let Some(rest) = body.strip_suffix(b"\n") {
            body = rest.strip_suffix(b"\r").unwrap_or(rest);
        }
        if body.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let out = reassembly.push_line(body, line_number, line_offset);
        for notice in &out.duplicates {
            writeln!(notices, "{notice}")?;
        }
        for l in &out.lines {
            output.write_all(l.json.as_bytes())?;
            output.write_all(b"\n")?;
            tally.add(l.outcome);
        }
        if !out.lines.is_empty() {
            // One line per message (not per part): flushing each lets a service read its
            // answer at once, at little cost.
            output.flush()?;
        }
    }
    for l in reassembly.finish() {
        output.write_all(l.json.as_bytes())?;
        output.write_all(b"\n")?;
        tally.add(l.outcome);
    }
    output.flush()?;
    Ok(tally)
}

/// `septet encode` for people: each part's header (annotated), TP-UD, TP-UDL, TP-DCS and SMPP
/// fields.
///
/// ```
/// let settings = septet_report::Settings::default();
/// let e = septet_report::encode_report(&"a".repeat(200), &settings).unwrap();
/// let view = septet_cli::wire::human_encoded(&e);
/// assert!(view.contains("part 1 of 2"));
/// assert!(view.contains("concatenation, 8-bit reference 0, part 1 of 2"));
/// ```
pub fn human_encoded(e: &EncodedReport) -> String {
    let r = &e.report;
    let mut s = String::new();
    let tables = match e.national_language.tables() {
        Some(tables) => format!(" ({tables})"),
        None if r.encoding == "GSM-7" => " (default alphabet)".to_string(),
        None => String::new(),
    };
    let _ = writeln!(s, "encoding     {}{tables}", r.encoding);
    let _ = writeln!(
        s,
        "parts        {} ({} {} per part)",
        r.parts,
        r.units_per_part,
        if r.encoding == "GSM-7" {
            "septets"
        } else {
            "UTF-16 units"
        }
    );
    match e.reference {
        Some(reference) => {
            let _ = writeln!(s, "reference    {reference}");
        }
        None => {
            let _ = writeln!(s, "reference    none (one part)");
        }
    }
    let part_texts = r.part_texts.as_deref().unwrap_or_default();
    for (i, p) in e.encoded_parts.iter().enumerate() {
        let _ = writeln!(s, "\npart {} of {}", i + 1, e.encoded_parts.len());
        if let Some(text) = part_texts.get(i) {
            let (shown, escaped) = crate::display::readable(text);
            let _ = writeln!(s, "  text       \"{shown}\"");
            if escaped {
                let _ = writeln!(s, "             ({})", crate::display::ESCAPE_NOTE);
            }
        }
        if p.udh.is_empty() {
            let _ = writeln!(s, "  UDH        none");
        } else {
            let _ = writeln!(s, "  UDH        {}", rows(&p.udh));
            for note in describe_udh(&p.udh) {
                let _ = writeln!(s, "               {note}");
            }
        }
        let _ = writeln!(s, "  TP-DCS     0x{:02X}   TP-UDHI {}", p.dcs, p.udhi);
        let _ = writeln!(s, "  TP-UDL     {}", user_data_length(p));
        let _ = writeln!(s, "  TP-UD      {}", rows(&p.user_data));
        let _ = writeln!(
            s,
            "  SMPP       data_coding {}, esm_class 0x{:02X}, sm_length {}",
            p.smpp.data_coding,
            p.smpp.esm_class,
            p.smpp.short_message.len() / 2
        );
        let _ = writeln!(
            s,
            "  short_message\n             {}",
            rows(&p.smpp.short_message)
        );
        if let Some(tpdu) = &p.tpdu {
            let _ = writeln!(s, "  TPDU       {}", rows(tpdu));
            // The TPDU is led by 00 ("use the SIM's SMSC"), which AT+CMGS does not count.
            let _ = writeln!(
                s,
                "  modem      AT+CMGS={} then {tpdu}",
                (tpdu.len() / 2).saturating_sub(1)
            );
        }
    }
    s
}

/// `septet decode` for people: the text, the header and the tables.
///
/// ```
/// let r: septet_report::DecodeRequest = serde_json::from_str(r#"{"user_data": "03240101D81C37F330", "dcs": 0, "udhi": true, "udl": 10}"#).unwrap();
/// let d = septet_report::DecodedReport::from(&r.decode().unwrap());
/// let view = septet_cli::wire::human_decoded(&d);
/// assert!(view.contains("Ğşa") && view.contains("single shift turkish"));
/// ```
pub fn human_decoded(d: &DecodedReport) -> String {
    let mut s = String::new();
    match (&d.text, &d.data) {
        (Some(text), _) => {
            let (shown, escaped) = crate::display::readable(text);
            let _ = writeln!(s, "text         {shown}");
            if escaped {
                let _ = writeln!(s, "             ({})", crate::display::ESCAPE_NOTE);
            }
        }
        (None, Some(data)) => {
            let _ = writeln!(s, "data         {}", spaced(data));
        }
        (None, None) => {}
    }
    let _ = writeln!(s, "encoding     {}", d.encoding);
    if d.encoding == "GSM-7" {
        let tables = d.national_language.tables();
        let tables = tables
            .as_deref()
            .unwrap_or("locking default, single shift default");
        let _ = writeln!(s, "tables       {tables}");
    }
    match &d.concat {
        Some(c) => {
            let _ = writeln!(
                s,
                "concat       part {} of {}, {}-bit reference {}",
                c.sequence, c.total, c.bits, c.reference
            );
        }
        None => {
            let _ = writeln!(s, "concat       none");
        }
    }
    for w in &d.warnings {
        let _ = writeln!(s, "warning      {}", w.detail);
    }
    s
}

/// TP-UDL with what it counts: `160 septets (UDH 9 octets = 11 septets with 2 fill bits, text
/// 149 septets)`, or `140 octets (UDH 6 octets, text 134 octets = 67 UTF-16 units)`.
fn user_data_length(p: &EncodedPartReport) -> String {
    let header_octets = p.udh.len() / 2;
    if p.dcs == 0 {
        if header_octets == 0 {
            return format!("{} septets", p.udl);
        }
        let header_septets = (8 * header_octets).div_ceil(7);
        let fill_bits = 7 * header_septets - 8 * header_octets;
        format!(
            "{} septets (UDH {header_octets} octets = {header_septets} septets with {fill_bits} fill bit{}, text {} septets)",
            p.udl,
            if fill_bits == 1 { "" } else { "s" },
            usize::from(p.udl).saturating_sub(header_septets)
        )
    } else {
        let text_octets = usize::from(p.udl).saturating_sub(header_octets);
        let header = if header_octets == 0 {
            String::new()
        } else {
            format!("UDH {header_octets} octets, ")
        };
        format!(
            "{} octets ({header}text {text_octets} octets = {} UTF-16 units)",
            p.udl,
            text_octets / 2
        )
    }
}

/// Hex in pairs, 16 octets a row, the rows after the first indented to line up under it.
fn rows(hex: &str) -> String {
    const INDENT: &str = "\n             ";
    let mut out = String::with_capacity(hex.len() * 3 / 2 + hex.len() / 32 * INDENT.len());
    for (i, row) in hex.as_bytes().chunks(32).enumerate() {
        if i > 0 {
            out.push_str(INDENT);
        }
        out.push_str(&spaced(std::str::from_utf8(row).unwrap_or("??")));
    }
    out
}

/// Hex in pairs: `05 00 03 …`.
fn spaced(hex: &str) -> String {
    let mut out = String::with_capacity(hex.len() * 3 / 2);
    for (i, pair) in hex.as_bytes().chunks(2).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(std::str::from_utf8(pair).unwrap_or("??"));
    }
    out
}

/// A sentence per information element of a UDH given in hex.
fn describe_udh(hex: &str) -> Vec<String> {
    let Ok(bytes) = septet::decode_hex(hex) else {
        return Vec::new();
    };
    let mut notes = vec![format!(
        "UDHL {} octets",
        bytes.first().copied().unwrap_or(0)
    )];
    let mut i = 1;
    while i + 1 < bytes.len() {
        let (iei, len) = (bytes[i], usize::from(bytes[i + 1]));
        let data = bytes.get(i + 2..i + 2 + len).unwrap_or(&[]);
        let note = match (iei, data) {
            (0x00, [r, t, q]) => {
                format!("IE 00: concatenation, 8-bit reference {r}, part {q} of {t}")
            }
            (0x08, [hi, lo, t, q]) => format!(
                "IE 08: concatenation, 16-bit reference {}, part {q} of {t}",
                u16::from_be_bytes([*hi, *lo])
            ),
            (0x24, [nli]) => format!("IE 24: national single shift table {}", language(*nli)),
            (0x25, [nli]) => format!("IE 25: national locking shift table {}", language(*nli)),
            _ => format!("IE {iei:02X}: {len} octet(s)"),
        };
        notes.push(note);
        i += 2 + len;
    }
    notes
}

fn language(nli: u8) -> String {
    septet::Language::from_nli(nli).map_or_else(
        || format!("NLI {nli}"),
        |l| format!("{} (NLI {nli})", l.name()),
    )
}
