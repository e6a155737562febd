//! `septet batch`: records in (JSON Lines, plain lines or CSV), one JSON line out per record, in
//! input order, streamed in bounded memory, on one core or many.
//!
//! The runner knows nothing about what is done to a record: a [`LineHandler`] turns each record
//! into its output object ([`Analyse`] here; encoders and decoders plug in the same way). The
//! runner reads ([`input`]), hands chunks of records to the handler on `jobs` threads, writes
//! the answers in input order, flushes whenever the input has nothing more waiting (so a
//! request/response client gets each answer at once), counts outcomes ([`summary`]) and shows
//! progress.
//!
//! ```
//! use std::sync::Arc;
//! use septet_cli::batch::{run, Analyse, BatchConfig, input::Format};
//! use septet_report::Settings;
//!
//! let input = "{\"id\": 1, \"text\": \"hello\"}\n\n{\"id\": 2, \"text\": \"\"}\n";
//! let mut output = Vec::new();
//! let handler = Arc::new(Analyse::new(Settings::default()));
//! let config = BatchConfig { format: Format::JsonLines, jobs: 2, progress: None };
//! let tally = run(Box::new(input.as_bytes()), &mut output, handler, config).unwrap();
//! let output = String::from_utf8(output).unwrap();
//! assert_eq!(output.lines().count(), 2); // the blank line is skipped
//! assert!(output.starts_with(r#"{"id":1,"encoding":"GSM-7","parts":1"#));
//! assert_eq!((tally.accepted, tally.rejected), (1, 1));
//! ```

pub mod input;
pub mod summary;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::value::RawValue;

use input::{parse_csv_record, Chunk, CsvColumns, Fill, Format, RecordKind, RecordReader};
use septet_report::{process_line, report, Error, ErrorLine, ResultLine, Settings};
use summary::{group, Outcome, Tally};

/// Records per chunk, at most.
pub const CHUNK_RECORDS: usize = 1024;
/// Bytes per chunk, at most (a single longer record makes a chunk of its own).
pub const CHUNK_BYTES: usize = 256 << 10;
/// The input buffer.
pub const INPUT_BUFFER: usize = 256 << 10;

/// What `septet batch` does to each record. Implementations append one JSON object (no line
/// ending) to `out` and say how it went; they must not panic.
pub trait LineHandler: Send + Sync + 'static {
    /// A JSON Lines request (the raw line, line ending removed). `line_number` is 1-based;
    /// `line_offset` is the line's byte offset in the input.
    fn request(
        &self,
        line: &[u8],
        line_number: u64,
        line_offset: u64,
        out: &mut Vec<u8>,
    ) -> Outcome;

    /// A bare message (from `--lines` or `--csv`) with the flags' options and the id to echo.
    fn message(
        &self,
        id: Option<&RawValue>,
        text: &str,
        line_number: u64,
        out: &mut Vec<u8>,
    ) -> Outcome;

    /// Handles every record of `chunk`, appending one output line per record to `out`.
    /// `index` is the chunk's place in the input (0, 1, 2, ... within one [`run`], each once,
    /// possibly on different threads and out of order): a handler whose lines depend on the
    /// lines before them (the reference numbering of `--encode`) uses it to take its turn.
    /// The default handles each record on its own ([`process_chunk`]).
    fn chunk(
        &self,
        kind: RecordKind,
        chunk: &Chunk,
        index: u64,
        out: &mut Vec<u8>,
        tally: &mut Tally,
    ) {
        let _ = index;
        process_chunk(self, kind, chunk, out, tally);
    }
}

/// The analysing handler: result objects as `septet --json` prints them.
#[derive(Clone, Debug, Default)]
pub struct Analyse {
    settings: Settings,
}

impl Analyse {
    /// A handler with these defaults.
    pub fn new(settings: Settings) -> Self {
        Analyse { settings }
    }
}

/// Appends an output line's JSON to `out` and returns its outcome (every handler's last step).
pub(crate) fn append(out: &mut Vec<u8>, line: septet_report::OutputLine) -> Outcome {
    out.extend_from_slice(line.json.as_bytes());
    line.outcome
}

fn write_json<T: serde::Serialize>(out: &mut Vec<u8>, value: &T) {
    septet_report::write_json(out, value);
}

impl LineHandler for Analyse {
    fn request(
        &self,
        line: &[u8],
        line_number: u64,
        line_offset: u64,
        out: &mut Vec<u8>,
    ) -> Outcome {
        append(
            out,
            process_line(line, line_number, line_offset, &self.settings),
        )
    }

    fn message(
        &self,
        id: Option<&RawValue>,
        text: &str,
        _line_number: u64,
        out: &mut Vec<u8>,
    ) -> Outcome {
        match report(text, &self.settings) {
            Ok(r) => {
                write_json(out, &ResultLine { id, report: &r });
                Outcome::Accepted {
                    encoding: r.encoding,
                    parts: r.parts,
                }
            }
            Err(e) => {
                write_json(out, &ErrorLine { id, error: &e });
                Outcome::Rejected
            }
        }
    }
}

/// How to run a batch.
#[derive(Debug)]
pub struct BatchConfig {
    /// What the input records are.
    pub format: Format,
    /// Threads analysing chunks (1: everything on the calling thread).
    pub jobs: usize,
    /// A progress line on standard error, when wanted.
    pub progress: Option<Progress>,
}

/// A progress line on standard error for long jobs: shown after a second, refreshed four times
/// a second, erased at the end.
#[derive(Debug)]
pub struct Progress {
    start: Instant,
    last: Option<Instant>,
    total_bytes: Option<u64>,
}

impl Progress {
    /// Progress for an input of `total_bytes` bytes (a file), or of unknown size.
    pub fn new(total_bytes: Option<u64>) -> Self {
        Progress {
            start: Instant::now(),
            last: None,
            total_bytes,
        }
    }

    /// Progress when standard error is a terminal, else `None`.
    pub fn on_terminal(total_bytes: Option<u64>) -> Option<Self> {
        io::stderr()
            .is_terminal()
            .then(|| Progress::new(total_bytes))
    }

    fn update(&mut self, tally: &Tally, bytes_read: u64) {
        let now = Instant::now();
        let elapsed = now - self.start;
        if elapsed < Duration::from_secs(1)
            || self
                .last
                .is_some_and(|t| now - t < Duration::from_millis(250))
        {
            return;
        }
        self.last = Some(now);
        let percent = self
            .total_bytes
            .filter(|&t| t > 0)
            .map(|t| format!(" ({:.0}%)", bytes_read as f64 * 100.0 / t as f64))
            .unwrap_or_default();
        let rate = tally.messages as f64 / elapsed.as_secs_f64();
        eprint!(
            "\r\x1b[K{} messages, {:.1} MB read{percent}, {} messages/s",
            group(tally.messages),
            bytes_read as f64 / 1e6,
            group(rate as u64)
        );
    }

    fn finish(&self) {
        if self.last.is_some() {
            eprint!("\r\x1b[K");
        }
    }
}

/// Handles every record of `chunk`, appending one output line per record to `out`.
pub fn process_chunk<H: LineHandler + ?Sized>(
    handler: &H,
    kind: RecordKind,
    chunk: &Chunk,
    out: &mut Vec<u8>,
    tally: &mut Tally,
) {
    for i in 0..chunk.len() {
        let position = chunk.record(i);
        let bytes = chunk.bytes(i);
        let outcome = match kind {
            RecordKind::JsonLine => {
                handler.request(bytes, position.line_number, position.input_offset, out)
            }
            RecordKind::Line | RecordKind::Csv(_) => {
                let (id, text) = read_message(kind, bytes, position);
                match text {
                    Ok(text) => handler.message(id.as_deref(), &text, position.line_number, out),
                    Err(error) => input_error(id.as_deref(), error, out),
                }
            }
        };
        out.push(b'\n');
        tally.add(outcome);
    }
}

/// A bare message record (`--lines`, `--csv`) read: the id to echo (the line number for
/// `--lines`, the `id` column for `--csv`) and the text, or the error object of a record that
/// is not valid (not UTF-8, bad CSV). A JSON line is not a bare message: it is read as
/// [`LineHandler::request`] reads it.
///
/// ```
/// use septet_cli::batch::input::{RecordKind, RecordPosition};
/// use septet_cli::batch::read_message;
/// let position = RecordPosition { start: 0, end: 5, line_number: 3, input_offset: 40 };
/// let (id, text) = read_message(RecordKind::Line, b"hello", position);
/// assert_eq!((id.unwrap().get(), text.unwrap().as_ref()), ("3", "hello"));
/// assert!(read_message(RecordKind::Line, b"\xff", position).1.is_err());
/// ```
pub fn read_message(
    kind: RecordKind,
    bytes: &[u8],
    position: input::RecordPosition,
) -> (Option<Box<RawValue>>, Result<Cow<'_, str>, Error>) {
    match kind {
        RecordKind::Csv(columns) => csv_message(columns, bytes, position),
        RecordKind::Line | RecordKind::JsonLine => {
            let id = RawValue::from_string(position.line_number.to_string()).ok();
            let text =
                std::str::from_utf8(bytes)
                    .map(Cow::Borrowed)
                    .map_err(|e| Error::InvalidUtf8 {
                        line: position.line_number,
                        byte_offset: e.valid_up_to(),
                        input_offset: position.input_offset + e.valid_up_to() as u64,
                    });
            (id, text)
        }
    }
}

/// Writes the error line of a record that could not be read; every such record is malformed.
pub(crate) fn input_error(id: Option<&RawValue>, error: Error, out: &mut Vec<u8>) -> Outcome {
    write_json(out, &ErrorLine { id, error: &error });
    Outcome::Malformed
}

fn csv_message(
    columns: CsvColumns,
    bytes: &[u8],
    position: input::RecordPosition,
) -> (Option<Box<RawValue>>, Result<Cow<'static, str>, Error>) {
    let line_number = position.line_number;
    let invalid_csv = |detail: String| Error::InvalidCsv {
        line: line_number,
        detail: format!("line {line_number}: {detail}"),
    };
    let fields = match parse_csv_record(bytes) {
        Ok(fields) => fields,
        Err(detail) => return (None, Err(invalid_csv(detail))),
    };
    // The id is echoed as a JSON string, when it is text.
    let id = columns
        .id
        .and_then(|i| fields.get(i))
        .and_then(|f| std::str::from_utf8(f).ok())
        .and_then(|s| serde_json::to_string(s).ok())
        .and_then(|json| RawValue::from_string(json).ok());
    // A record with more or fewer fields than the header is misaligned (a stray comma, a
    // missing quote): which field is the text, or the id, is then a guess. Refused, never guessed.
    if fields.len() != columns.fields {
        let detail = format!(
            "the record has {} field(s), the header {}",
            fields.len(),
            columns.fields
        );
        return (id, Err(invalid_csv(detail)));
    }
    let Some(text) = fields.into_iter().nth(columns.text) else {
        let detail = format!("the record has no field {}", columns.text + 1);
        return (id, Err(invalid_csv(detail)));
    };
    let text = String::from_utf8(text).map(Cow::Owned).map_err(|e| {
        // Where the bad byte is in the input is not known once quotes are removed.
        Error::InvalidUtf8Field {
            line: line_number,
            field: "text",
            byte_offset: e.utf8_error().valid_up_to(),
        }
    });
    (id, text)
}

/// Runs a whole batch: reads `input` as `config.format`, writes one line per record to `output`
/// in input order, and returns the counts. With `jobs` > 1, a reader thread, `jobs` worker
/// threads and the calling thread (the writer) work at once; at most `4 × jobs` chunks are in
/// flight, so memory stays bounded. The output is the same byte for byte whatever `jobs` is.
///
/// # Errors
///
/// I/O errors of `input` or `output`; for CSV, a header without the text column
/// ([`io::ErrorKind::InvalidInput`]).
pub fn run<H: LineHandler>(
    input: Box<dyn Read + Send>,
    mut output: impl Write,
    handler: Arc<H>,
    config: BatchConfig,
) -> io::Result<Tally> {
    let reader = RecordReader::new(input, config.format, INPUT_BUFFER)?;
    let mut progress = config.progress;
    let result = if config.jobs <= 1 {
        run_inline(reader, &mut output, &*handler, progress.as_mut())
    } else {
        run_parallel(reader, &mut output, handler, config.jobs, progress.as_mut())
    };
    if let Some(p) = &progress {
        p.finish();
    }
    result
}

fn run_inline<H: LineHandler + ?Sized>(
    mut reader: RecordReader<Box<dyn Read + Send>>,
    output: &mut impl Write,
    handler: &H,
    mut progress: Option<&mut Progress>,
) -> io::Result<Tally> {
    let kind = reader.kind();
    let mut tally = Tally::default();
    let mut chunk = Chunk::default();
    let mut out = Vec::new();
    let mut index = 0;
    loop {
        chunk.data.clear();
        chunk.records.clear();
        let fill = reader.fill(&mut chunk, CHUNK_RECORDS, CHUNK_BYTES)?;
        out.clear();
        handler.chunk(kind, &chunk, index, &mut out, &mut tally);
        index += 1;
        output.write_all(&out)?;
        if fill != Fill::Full {
            output.flush()?;
        }
        if let Some(p) = progress.as_deref_mut() {
            p.update(&tally, chunk.input_end);
        }
        if fill == Fill::End {
            return Ok(tally);
        }
        // Do not keep a huge buffer alive after one huge record.
        if chunk.data.capacity() > 4 * CHUNK_BYTES {
            chunk.data = Vec::new();
        }
        if out.capacity() > 16 * CHUNK_BYTES {
            out = Vec::new();
        }
    }
}

/// Emptied buffers waiting to be used again (at most `capacity` of them).
struct Spares<T> {
    items: Mutex<Vec<T>>,
    capacity: usize,
}

/// A buffer that can be emptied for reuse.
trait Reusable: Default {
    fn empty(&mut self);
}

impl Reusable for Vec<u8> {
    fn empty(&mut self) {
        self.clear();
    }
}

impl Reusable for Chunk {
    fn empty(&mut self) {
        self.data.clear();
        self.records.clear();
        self.input_end = 0;
    }
}

impl<T: Reusable> Spares<T> {
    fn new(capacity: usize) -> Self {
        Spares {
            items: Mutex::new(Vec::with_capacity(capacity)),
            capacity,
        }
    }

    /// An empty buffer: a spare one, or a new one.
    fn take(&self) -> T {
        let spare = self.items.lock().unwrap_or_else(|e| e.into_inner()).pop();
        spare.unwrap_or_default()
    }

    /// Keeps `item`, emptied, for a later [`Spares::take`] (drops it when enough are kept).
    fn put(&self, mut item: T) {
        item.empty();
        let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
        if items.len() < self.capacity {
            items.push(item);
        }
    }
}

/// A chunk's answer, from a worker to the writer.
struct Answer {
    seq: u64,
    out: Vec<u8>,
    tally: Tally,
    flush: bool,
    input_end: u64,
}

enum Message {
    Answer(Answer),
    /// The reader has dispatched `chunks` chunks and stopped (at the end, or on an error).
    ReaderDone {
        chunks: u64,
        error: Option<io::Error>,
    },
    WorkerPanicked,
}

fn run_parallel<H: LineHandler>(
    mut reader: RecordReader<Box<dyn Read + Send>>,
    output: &mut impl Write,
    handler: Arc<H>,
    jobs: usize,
    mut progress: Option<&mut Progress>,
) -> io::Result<Tally> {
    let kind = reader.kind();
    let in_flight = 4 * jobs;
    let (work_tx, work_rx) = sync_channel::<(u64, Chunk, bool)>(in_flight);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = channel::<Message>();
    // One token per chunk in flight: the reader takes one before dispatching a chunk, the writer
    // returns it once the chunk is written, so neither the queues nor the reorder buffer grow.
    let (token_tx, token_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = token_tx.send(());
    }
    // Buffers go round instead of being allocated for every chunk: fresh megabyte buffers are
    // fresh pages, and faulting them in cost more CPU than the encoding of the chunk's lines.
    let spare_chunks = Arc::new(Spares::<Chunk>::new(in_flight));
    let spare_outputs = Arc::new(Spares::<Vec<u8>>::new(in_flight));
    for _ in 0..jobs {
        let work_rx = Arc::clone(&work_rx);
        let done_tx = done_tx.clone();
        let handler = Arc::clone(&handler);
        let spare_chunks = Arc::clone(&spare_chunks);
        let spare_outputs = Arc::clone(&spare_outputs);
        // Detached: if the writer fails, the process exits without waiting for them.
        std::thread::spawn(move || loop {
            let job = work_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
            let Ok((seq, chunk, flush)) = job else { return };
            let answered = catch_unwind(AssertUnwindSafe(|| {
                let mut out = spare_outputs.take();
                out.reserve(chunk.data.len() * 3 + 64);
                let mut tally = Tally::default();
                handler.chunk(kind, &chunk, seq, &mut out, &mut tally);
                (out, tally)
            }));
            let input_end = chunk.input_end;
            if chunk.data.capacity() <= 4 * CHUNK_BYTES {
                spare_chunks.put(chunk);
            }
            let message = match answered {
                Ok((out, tally)) => Message::Answer(Answer {
                    seq,
                    out,
                    tally,
                    flush,
                    input_end,
                }),
                Err(_) => Message::WorkerPanicked,
            };
            if done_tx.send(message).is_err() {
                return;
            }
        });
    }
    std::thread::spawn(move || {
        let mut seq = 0;
        loop {
            let mut chunk = spare_chunks.take();
            let fill = match reader.fill(&mut chunk, CHUNK_RECORDS, CHUNK_BYTES) {
                Ok(fill) => fill,
                Err(error) => {
                    let _ = done_tx.send(Message::ReaderDone {
                        chunks: seq,
                        error: Some(error),
                    });
                    return;
                }
            };
            if !chunk.is_empty() {
                if token_rx.recv().is_err() {
                    return;
                }
                if work_tx.send((seq, chunk, fill != Fill::Full)).is_err() {
                    return;
                }
                seq += 1;
            }
            if fill == Fill::End {
                let _ = done_tx.send(Message::ReaderDone {
                    chunks: seq,
                    error: None,
                });
                return;
            }
        }
    });

    let mut tally = Tally::default();
    let mut pending: BTreeMap<u64, Answer> = BTreeMap::new();
    let mut next = 0;
    let mut reader_done: Option<(u64, Option<io::Error>)> = None;
    loop {
        if let Some((chunks, _)) = &reader_done {
            if next == *chunks {
                break;
            }
        }
        match done_rx.recv() {
            Ok(Message::Answer(answer)) => {
                pending.insert(answer.seq, answer);
            }
            Ok(Message::ReaderDone { chunks, error }) => reader_done = Some((chunks, error)),
            Ok(Message::WorkerPanicked) | Err(_) => {
                return Err(io::Error::other("a worker thread failed"));
            }
        }
        while let Some(answer) = pending.remove(&next) {
            output.write_all(&answer.out)?;
            if answer.flush {
                output.flush()?;
            }
            tally.merge(&answer.tally);
            if answer.out.capacity() <= 16 * CHUNK_BYTES {
                spare_outputs.put(answer.out);
            }
            let _ = token_tx.send(());
            next += 1;
            if let Some(p) = progress.as_deref_mut() {
                p.update(&tally, answer.input_end);
            }
        }
    }
    output.flush()?;
    match reader_done {
        Some((_, Some(error))) => Err(error),
        _ => Ok(tally),
    }
}
