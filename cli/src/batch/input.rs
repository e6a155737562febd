//! Reading `septet batch` input into chunks of records: JSON Lines, plain lines (`--lines`) or
//! CSV (`--csv`).
//!
//! The reader cuts the input at record boundaries only, skips blank lines, and ends a chunk early
//! whenever its buffer is empty, that is just before a read that may block: a request/response
//! client that writes one line and waits gets that line's answer before the reader waits for
//! more, while a file or a bulk pipe still goes through in large chunks.
//!
//! ```
//! use septet_cli::batch::input::{Chunk, Fill, Format, RecordReader};
//!
//! let input = &b"{\"text\": \"a\"}\n\n  \n{\"text\": \"b\"}\n"[..];
//! let mut reader = RecordReader::new(input, Format::JsonLines, 1 << 16).unwrap();
//! let mut chunk = Chunk::default();
//! // Everything was buffered by the first read: the chunk is answered before the next read.
//! assert_eq!(reader.fill(&mut chunk, 100, 1 << 20).unwrap(), Fill::WouldBlock);
//! assert_eq!(chunk.len(), 2); // the blank lines are skipped
//! assert_eq!(chunk.record(1).line_number, 4);
//! assert_eq!(chunk.bytes(1), b"{\"text\": \"b\"}");
//! ```

use std::io::{self, BufRead, BufReader, Read};

/// What each input record is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON request object per line.
    JsonLines,
    /// One message per line (the line is the text; its `id` is the line number).
    Lines,
    /// CSV with a header row: `column` holds the text; an `id` column is echoed when present.
    Csv {
        /// The name of the text column.
        column: String,
    },
}

/// Where a CSV file's fields are, found in its header row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvColumns {
    /// Index of the text column.
    pub text: usize,
    /// Index of the `id` column, when there is one.
    pub id: Option<usize>,
    /// Fields in the header.
    pub fields: usize,
}

/// How the records of a chunk are to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    /// A JSON request object.
    JsonLine,
    /// A bare message.
    Line,
    /// A CSV record.
    Csv(CsvColumns),
}

/// Where one record sits in its chunk and in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordPosition {
    /// Start of the record's bytes in [`Chunk::data`].
    pub start: usize,
    /// End (exclusive) of the record's bytes in [`Chunk::data`], line ending excluded.
    pub end: usize,
    /// 1-based number of the line the record starts on.
    pub line_number: u64,
    /// Byte offset of the record in the input.
    pub input_offset: u64,
}

/// A run of consecutive records, the unit of work of `--jobs`.
#[derive(Clone, Debug, Default)]
pub struct Chunk {
    /// The records' bytes, one after the other.
    pub data: Vec<u8>,
    /// Each record's position.
    pub records: Vec<RecordPosition>,
    /// Bytes of input consumed up to the end of this chunk (for progress).
    pub input_end: u64,
}

impl Chunk {
    /// Records in the chunk.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether the chunk holds no record.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Record `i`'s position.
    pub fn record(&self, i: usize) -> RecordPosition {
        self.records[i]
    }

    /// Record `i`'s bytes, without line ending.
    pub fn bytes(&self, i: usize) -> &[u8] {
        let r = self.records[i];
        &self.data[r.start..r.end]
    }
}

/// Why [`RecordReader::fill`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// The chunk reached its record or byte budget; more input is buffered.
    Full,
    /// The input buffer is empty: the next read may block, so the chunk should be answered (and
    /// the output flushed) now.
    WouldBlock,
    /// The input ended.
    End,
}

/// What [`RecordReader::next_record`] found.
enum Record {
    /// A record starting on this line, at this byte offset.
    At(u64, u64),
    /// A blank line, skipped.
    Blank,
    /// The end of input.
    End,
}

/// Splits the input into records, chunk by chunk.
#[derive(Debug)]
pub struct RecordReader<R> {
    input: BufReader<R>,
    kind: RecordKind,
    /// Lines consumed so far.
    line_number: u64,
    /// Bytes consumed so far.
    offset: u64,
    at_start: bool,
    last_line_had_cr: bool,
}

/// A usage problem with the input as a whole (exit code 2), such as a CSV header without the
/// text column.
fn usage(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

impl<R: Read> RecordReader<R> {
    /// A reader of `format` over `input` with an input buffer of `capacity` bytes. For CSV, reads
    /// the header row now.
    ///
    /// # Errors
    ///
    /// I/O errors; for CSV, an [`io::ErrorKind::InvalidInput`] error when the header is missing,
    /// is not UTF-8 or lacks the text column.
    pub fn new(input: R, format: Format, capacity: usize) -> io::Result<Self> {
        let mut reader = RecordReader {
            input: BufReader::with_capacity(capacity, input),
            kind: RecordKind::JsonLine,
            line_number: 0,
            offset: 0,
            at_start: true,
            last_line_had_cr: false,
        };
        reader.kind = match format {
            Format::JsonLines => RecordKind::JsonLine,
            Format::Lines => RecordKind::Line,
            Format::Csv { column } => {
                let mut header = Vec::new();
                loop {
                    match reader.next_record(&mut header, true)? {
                        Record::End => {
                            return Err(usage("CSV input is empty: it needs a header row".into()))
                        }
                        Record::Blank => {}
                        Record::At(..) => break,
                    }
                }
                let fields = parse_csv_record(&header)
                    .map_err(|e| usage(format!("CSV header (line 1): {e}")))?;
                let names = fields
                    .iter()
                    .map(|f| String::from_utf8(f.clone()))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|_| usage("CSV header is not valid UTF-8".into()))?;
                let find = |name: &str| names.iter().position(|n| n.trim() == name);
                let text = find(&column).ok_or_else(|| {
                    usage(format!(
                        "CSV header has no column `{column}` (it has {}); name the text column \
                         with --column",
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
                RecordKind::Csv(CsvColumns {
                    text,
                    id: find("id"),
                    fields: names.len(),
                })
            }
        };
        Ok(reader)
    }

    /// How this input's records are to be read.
    pub fn kind(&self) -> RecordKind {
        self.kind
    }

    /// Lines read so far.
    pub fn lines_read(&self) -> u64 {
        self.line_number
    }

    /// Appends records to `chunk` until it holds `max_records` records or `max_bytes` bytes, the
    /// input buffer runs dry (with at least one record in the chunk), or the input ends.
    ///
    /// # Errors
    ///
    /// I/O errors of the input.
    pub fn fill(
        &mut self,
        chunk: &mut Chunk,
        max_records: usize,
        max_bytes: usize,
    ) -> io::Result<Fill> {
        loop {
            if chunk.records.len() >= max_records || chunk.data.len() >= max_bytes {
                return Ok(Fill::Full);
            }
            if !chunk.is_empty() && self.input.buffer().is_empty() {
                return Ok(Fill::WouldBlock);
            }
            let start = chunk.data.len();
            let csv = matches!(self.kind, RecordKind::Csv(_));
            match self.next_record(&mut chunk.data, csv)? {
                Record::End => {
                    chunk.input_end = self.offset;
                    return Ok(Fill::End);
                }
                // Skipped; the loop checks again whether the input has more waiting.
                Record::Blank => {}
                Record::At(line_number, input_offset) => {
                    chunk.records.push(RecordPosition {
                        start,
                        end: chunk.data.len(),
                        line_number,
                        input_offset,
                    });
                    chunk.input_end = self.offset;
                }
            }
        }
    }

    /// Reads the next record into `out` (line ending removed): its first line number and byte
    /// offset in the input, [`Record::Blank`] for a blank line (nothing added), or the end of
    /// input. For CSV, a record runs on over line breaks inside quoted fields.
    fn next_record(&mut self, out: &mut Vec<u8>, csv: bool) -> io::Result<Record> {
        let start = out.len();
        let Some(offset) = self.read_line(out)? else {
            return Ok(Record::End);
        };
        let line_number = self.line_number;
        if csv {
            let mut state = CsvState::default();
            state.feed(&out[start..]);
            while state.in_quotes() {
                // The line ending inside a quoted field is part of the field, as written.
                if self.last_line_had_cr {
                    out.push(b'\r');
                }
                out.push(b'\n');
                let from = out.len();
                if self.read_line(out)?.is_none() {
                    break; // unterminated: the field parser reports it
                }
                state.feed(&out[from..]);
            }
        }
        if out[start..].iter().all(u8::is_ascii_whitespace) {
            out.truncate(start);
            return Ok(Record::Blank);
        }
        Ok(Record::At(line_number, offset))
    }

    /// Reads one line into `out` without its line ending (LF or CRLF); a UTF-8 byte order mark
    /// at the very start of the input is dropped. Returns the byte offset of the line's content
    /// in the input, or `None` at the end of input.
    fn read_line(&mut self, out: &mut Vec<u8>) -> io::Result<Option<u64>> {
        let start = out.len();
        let mut content_offset = self.offset;
        let mut read_any = false;
        loop {
            let available = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            read_any = true;
            match memchr::memchr(b'\n', available) {
                Some(i) => {
                    out.extend_from_slice(&available[..i]);
                    self.input.consume(i + 1);
                    self.offset += i as u64 + 1;
                    break;
                }
                None => {
                    let n = available.len();
                    out.extend_from_slice(available);
                    self.input.consume(n);
                    self.offset += n as u64;
                }
            }
        }
        if !read_any {
            return Ok(None);
        }
        self.line_number += 1;
        self.last_line_had_cr = out.len() > start && out.last() == Some(&b'\r');
        if self.last_line_had_cr {
            out.pop();
        }
        if self.at_start {
            self.at_start = false;
            if out[start..].starts_with(b"\xEF\xBB\xBF") {
                out.drain(start..start + 3);
                content_offset += 3;
            }
        }
        Ok(Some(content_offset))
    }
}

/// Tracks whether a CSV record is inside a quoted field, byte by byte (RFC 4180, read leniently:
/// a quote that does not open a field is an ordinary character).
#[derive(Clone, Copy, Debug)]
struct CsvState {
    at_field_start: bool,
    in_quotes: bool,
    quote_pending: bool,
}

impl Default for CsvState {
    fn default() -> Self {
        CsvState {
            at_field_start: true,
            in_quotes: false,
            quote_pending: false,
        }
    }
}

/// What one byte of a CSV record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CsvByte {
    /// Part of the current field's value.
    Value,
    /// Syntax: an opening, closing or escaping quote.
    Quote,
    /// The comma between fields.
    Separator,
}

impl CsvState {
    fn step(&mut self, b: u8) -> CsvByte {
        if self.in_quotes {
            if self.quote_pending {
                self.quote_pending = false;
                if b == b'"' {
                    return CsvByte::Value; // "" inside quotes: one quote
                }
                self.in_quotes = false; // the pending quote closed the field
            } else if b == b'"' {
                self.quote_pending = true;
                return CsvByte::Quote;
            } else {
                return CsvByte::Value;
            }
        }
        match b {
            b',' => {
                self.at_field_start = true;
                CsvByte::Separator
            }
            b'"' if self.at_field_start => {
                self.at_field_start = false;
                self.in_quotes = true;
                CsvByte::Quote
            }
            _ => {
                self.at_field_start = false;
                CsvByte::Value
            }
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.step(b);
        }
    }

    /// Inside a quoted field that has not been closed.
    fn in_quotes(&self) -> bool {
        self.in_quotes && !self.quote_pending
    }
}

/// Splits one CSV record (line ending removed; line breaks inside quoted fields kept) into its
/// fields, unquoting quoted fields (`""` is one quote).
///
/// # Errors
///
/// A quoted field that is never closed.
///
/// ```
/// use septet_cli::batch::input::parse_csv_record;
///
/// let fields = parse_csv_record(b"7,\"Hi, \"\"you\"\"\nbye\",x\"y").unwrap();
/// assert_eq!(fields, vec![b"7".to_vec(), b"Hi, \"you\"\nbye".to_vec(), b"x\"y".to_vec()]);
/// assert!(parse_csv_record(b"1,\"open").is_err());
/// ```
pub fn parse_csv_record(record: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let mut state = CsvState::default();
    let mut fields = Vec::new();
    let mut field = Vec::new();
    for &b in record {
        match state.step(b) {
            CsvByte::Value => field.push(b),
            CsvByte::Quote => {}
            CsvByte::Separator => fields.push(std::mem::take(&mut field)),
        }
    }
    if state.in_quotes() {
        return Err("a quoted field is never closed".into());
    }
    fields.push(field);
    Ok(fields)
}
