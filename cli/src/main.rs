//! `septet`: what an SMS will cost before you send it.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand};
use septet::{Charset, EncodingRequest, SenderType, SplitMode};
use septet_cli::batch::input::Format;
use septet_cli::batch::{self, Analyse, BatchConfig, Progress};
use septet_cli::human_report;
use septet_cli::wire::{human_decoded, human_encoded, Decode, Encode};
use septet_report::{report, ErrorLine, Rate, Settings};

/// Exit code: the message (or some batch line) was rejected or malformed.
const REJECTED: u8 = 1;
/// Exit code: usage or I/O error.
const FAILURE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "septet",
    version,
    about = "SMS encoding, segment counts, parts and cost, before you send",
    long_about = "Shows how a text message goes out: GSM-7 or UCS-2, how many billed parts, where \
                  they are cut, what smart encoding replaces, what it costs, and whether the provider \
                  would reject it.\n\nThe message is one argument (quote it), or --file PATH, or \
                  standard input (one trailing newline is dropped). `septet batch` reads JSON \
                  Lines, plain lines or CSV.\n\nExit codes: 0 success, 1 the message was \
                  rejected, 2 usage or I/O error.",
    after_help = "Examples:\n  septet \"Don’t miss our sale — 50% off!\"\n  septet -- \"-50% \
                  today only\"      (a message that starts with -)\n  septet --file message.txt \
                  --json\n  septet batch --summary messages.jsonl > results.jsonl",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// The message, quoted as one argument (standard input when absent). Put `--` before a
    /// message that starts with `-` or is the word `batch`.
    #[arg(value_name = "TEXT")]
    text: Vec<String>,

    /// Read the message from a file (UTF-8; a leading byte-order mark and one trailing newline are dropped).
    #[arg(long, value_name = "PATH", conflicts_with = "text")]
    file: Option<PathBuf>,

    /// Print one JSON object instead of the report.
    #[arg(long)]
    json: bool,

    #[command(flatten)]
    common: Common,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Many messages in, one JSON line out per message, in order, streamed.
    ///
    /// JSON Lines by default: each input line is {"id"?: any, "text": str, "encoding"?:
    /// "auto"|"gsm7"|"ucs2", "smart_encoding"?: bool, "sender"?: str, "charset"?: str, "split"?:
    /// "units"|"graphemes"}; the flags set the defaults, and any other field is an error line.
    /// With --lines each line is a message (its id is the line number); with --csv the text is
    /// in a named column and an `id` column is echoed. Blank lines are skipped.
    ///
    /// Exit codes: 0 every line gave a result, 1 some line was rejected or malformed (the output
    /// is still complete), 2 usage or I/O error.
    Batch(BatchArgs),
    /// The bytes on the wire: each part's user data header, TP-UD (packed septets or UTF-16),
    /// TP-UDL, TP-DCS, SMPP fields, and with --to the whole SMS-SUBMIT TPDU for a modem.
    Encode(EncodeArgs),
    /// Hex in, text out: TP-UD with --dcs, --udl and --udhi, or a whole SMS-DELIVER/SUBMIT TPDU
    /// (with or without the SMSC address first, as AT+CMGL prints it).
    Decode(DecodeArgs),
    /// JSON Lines of parts in ({"id"?, "sender"?, "user_data", "dcs", "udhi", "udl"} or
    /// {"id"?, "sender"?, "pdu"}), one line per completed message out as soon as its last part
    /// arrives: {"ids", "sender", "text", "parts"}. At the end, one error line per incomplete
    /// message with the sequence numbers missing. Duplicates are dropped and reported on
    /// standard error.
    ///
    /// Exit codes: 0 every message completed, 1 some line was malformed or a message
    /// incomplete, 2 usage or I/O error.
    Reassemble(ReassembleArgs),
}

#[derive(Args, Debug)]
struct EncodeArgs {
    /// The message, quoted as one argument (standard input when absent).
    #[arg(value_name = "TEXT")]
    text: Vec<String>,

    /// Read the message from a file (UTF-8; a leading byte-order mark and one trailing newline are dropped).
    #[arg(long, value_name = "PATH", conflicts_with = "text")]
    file: Option<PathBuf>,

    /// Print one JSON object instead of the annotated view.
    #[arg(long)]
    json: bool,

    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug)]
struct DecodeArgs {
    /// Hex: the TP-UD (with --dcs and --udl) or a whole TPDU (standard input when absent).
    #[arg(value_name = "HEX")]
    hex: Option<String>,

    /// TP-DCS of the user data (decimal, or hex with 0x); without it the input is a whole TPDU.
    #[arg(long, value_name = "N", value_parser = byte_value, requires = "udl")]
    dcs: Option<u8>,

    /// TP-UDL of the user data: septets for GSM-7, octets otherwise.
    #[arg(long, value_name = "N", requires = "dcs")]
    udl: Option<usize>,

    /// TP-UDHI: the user data starts with a header.
    #[arg(long, requires = "dcs")]
    udhi: bool,

    /// Print one JSON object instead of the view.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ReassembleArgs {
    /// JSON Lines file (standard input when absent).
    file: Option<PathBuf>,

    /// Most incomplete messages kept at once; one more expires the oldest.
    #[arg(long, value_name = "N", value_parser = at_least_one, default_value_t = septet::ReassemblyLimits::default().max_pending)]
    max_pending: usize,

    /// Expire an incomplete message this many input lines after its first part.
    #[arg(long, value_name = "LINES")]
    max_age: Option<u64>,
}

/// An octet, decimal or `0x` hex.
fn byte_value(s: &str) -> Result<u8, String> {
    let parsed = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => u8::from_str_radix(hex, 16),
        None => s.parse::<u8>(),
    };
    parsed.map_err(|e| format!("{e} (an octet: 0-255 or 0x00-0xFF)"))
}

#[derive(Args, Debug)]
struct BatchArgs {
    /// Input file (standard input when absent).
    file: Option<PathBuf>,

    /// Plain text input: one message per line.
    #[arg(long, conflicts_with = "csv")]
    lines: bool,

    /// CSV input with a header row; the message is in the --column column.
    #[arg(long)]
    csv: bool,

    /// The CSV column holding the message.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "csv")]
    column: String,

    /// Threads analysing (or encoding, decoding) at once (default: the machine's cores). Output
    /// is identical for any N.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    jobs: Option<usize>,

    /// Write a summary to standard error at the end: one JSON object (messages, accepted,
    /// rejected, errors, parts, by_encoding, cost), and lines for people on a terminal.
    #[arg(long)]
    summary: bool,

    /// No progress line, even on a terminal.
    #[arg(long)]
    no_progress: bool,

    /// Encode each message (the objects of `septet encode --json`); multi-part messages take
    /// consecutive references from --reference, in input order (for any --jobs).
    #[arg(long, conflicts_with = "decode")]
    encode: bool,

    /// Decode each line: {"id"?, "user_data", "dcs", "udhi", "udl"} or {"id"?, "pdu"} (with
    /// --lines or --csv: a whole TPDU in hex per record).
    #[arg(long)]
    decode: bool,

    #[command(flatten)]
    common: Common,
}

/// A count that must be at least 1.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// Apply smart encoding: replace curly quotes, dashes and the like with GSM-7 look-alikes
    /// (`--encoding gsm7` always applies it).
    #[arg(long)]
    smart_encoding: bool,

    /// Per-request encoding: auto, gsm7 (must end GSM-7) or ucs2 (forced, no smart encoding).
    #[arg(long, default_value = "auto", value_name = "MODE")]
    encoding: EncodingRequest,

    /// Sender type: long-code, toll-free, short-code (sends ASCII 7-bit) or alphanumeric.
    #[arg(long, value_name = "TYPE")]
    sender: Option<SenderType>,

    /// 7-bit charset of GSM routes: gsm0338, carrier-safe or ascii7.
    #[arg(long, default_value = "gsm0338")]
    charset: Charset,

    /// Where parts may be cut: units (any character) or graphemes (never inside a cluster).
    #[arg(long, default_value = "units", value_name = "MODE")]
    split: SplitMode,

    /// Most parts a message may have (error 40302 above); at least 1.
    #[arg(long, default_value_t = septet::Limits::PROVIDER.max_parts, value_name = "N", value_parser = at_least_one)]
    max_parts: usize,

    /// Warn (40328) above this many parts; at least 1.
    #[arg(long, default_value_t = septet::Limits::PROVIDER.warn_parts, value_name = "N", value_parser = at_least_one)]
    warn_parts: usize,

    /// Most characters a body may have; at least 1.
    #[arg(long, default_value_t = septet::Limits::PROVIDER.max_characters, value_name = "N", value_parser = at_least_one)]
    max_characters: usize,

    /// Per-segment rate, a decimal such as 0.0051; adds the cost.
    #[arg(long, value_name = "DECIMAL")]
    rate: Option<Rate>,

    /// Currency code printed with the cost (needs --rate).
    #[arg(long, value_name = "CODE", requires = "rate")]
    currency: Option<String>,

    /// Include the texts of the parts in JSON output.
    #[arg(long)]
    parts: bool,

    /// Encoding: the concatenation reference of a multi-part message (in a batch, the first of
    /// consecutive references).
    #[arg(long, value_name = "N")]
    reference: Option<u16>,

    /// Encoding: the destination number (E.164 with +, or national digits); adds each part's
    /// SMS-SUBMIT TPDU.
    #[arg(long, value_name = "NUMBER", value_parser = parse_address)]
    to: Option<septet::Address>,

    /// Encoding: GSM-7 in SMPP short_message unpacked (one octet per septet) or packed.
    #[arg(long, value_name = "MODE", value_parser = parse_packing)]
    smpp_packing: Option<septet::SmppPacking>,

    /// National language tables encoding may use, chosen by least cost: turkish:single,
    /// turkish:locking, a language (all its tables), a list (turkish:single,hindi), all, none.
    #[arg(long, value_name = "LIST", default_value = "none")]
    national_languages: septet::NationalLanguages,

    /// Concatenation: udh8 (8-bit reference IE), udh16 (16-bit), sar (SMPP SAR TLVs) or
    /// payload (one message_payload TLV).
    #[arg(long, value_name = "KIND", default_value = "udh8")]
    concat: septet::Concat,
}

fn parse_address(s: &str) -> Result<septet::Address, String> {
    septet::Address::parse(s).map_err(|e| e.to_string())
}

fn parse_packing(s: &str) -> Result<septet::SmppPacking, String> {
    match s {
        "unpacked" => Ok(septet::SmppPacking::Unpacked),
        "packed" => Ok(septet::SmppPacking::Packed),
        _ => Err("expected unpacked or packed".into()),
    }
}

impl Common {
    /// The flags as the one options schema: every field given (a flag's default when absent).
    fn options(&self) -> septet_report::Options {
        let mut o = septet_report::Options::default();
        o.smart_encoding = Some(self.smart_encoding);
        o.encoding = Some(self.encoding);
        o.sender = self.sender;
        o.charset = Some(self.charset);
        o.split = Some(self.split);
        o.max_parts = Some(self.max_parts);
        o.warn_parts = Some(self.warn_parts);
        o.max_characters = Some(self.max_characters);
        o.rate = self.rate;
        o.currency = self.currency.clone();
        o.parts = Some(self.parts);
        o.reference = self.reference;
        o.to = self.to;
        o.smpp_packing = self.smpp_packing;
        o.national_languages = Some(self.national_languages);
        o.concat = Some(self.concat);
        o
    }

    fn settings(&self) -> Settings {
        self.options().settings()
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            if matches!(e.kind(), ErrorKind::UnknownArgument) {
                if let Some(hint) = dash_message_hint(&args) {
                    eprintln!("septet: {hint}");
                    return ExitCode::from(FAILURE);
                }
            }
            e.exit();
        }
    };
    let result = match &cli.command {
        Some(Command::Batch(args)) => run_batch(args),
        Some(Command::Encode(args)) => run_encode(args),
        Some(Command::Decode(args)) => run_decode(args),
        Some(Command::Reassemble(args)) => run_reassemble(args),
        None => single(&cli),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("septet: {message}");
            ExitCode::from(FAILURE)
        }
    }
}

/// The long options the command knows (top level and every subcommand), each with whether it
/// takes a value.
fn known_long_options() -> Vec<(String, bool)> {
    let command = Cli::command();
    let mut options: Vec<(String, bool)> = vec![("help".into(), false), ("version".into(), false)];
    let mut add = |c: &clap::Command| {
        options.extend(c.get_arguments().filter_map(|a| {
            let takes_value = a.get_action().takes_values();
            a.get_long().map(|long| (long.to_string(), takes_value))
        }));
    };
    add(&command);
    command.get_subcommands().for_each(&mut add);
    options
}

/// The command line as the words clap was given, and what they are.
struct CommandLine {
    args: Vec<String>,
    known: Vec<(String, bool)>,
}

impl CommandLine {
    fn new(args: &[OsString]) -> Self {
        CommandLine {
            args: args
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect(),
            known: known_long_options(),
        }
    }

    /// Where the options and the message's words start: after `septet` or `septet encode`;
    /// `None` for the subcommands that take no message.
    fn first(&self) -> Option<usize> {
        match self.args.get(1).map(String::as_str) {
            Some("encode") => Some(2),
            Some(sub) if Cli::command().find_subcommand(sub).is_some() => None,
            _ => Some(1),
        }
    }

    fn known_long(&self, arg: &str) -> Option<bool> {
        let name = arg.strip_prefix("--")?.split('=').next().unwrap_or("");
        self.known
            .iter()
            .find(|(k, _)| k == name)
            .map(|&(_, takes_value)| takes_value && !arg.contains('='))
    }

    /// An option the command knows (not a message that happens to start with `-`).
    fn is_option(&self, arg: &str) -> bool {
        self.known_long(arg).is_some() || matches!(arg, "-h" | "-V")
    }

    /// A word starting with `-` that is no option, nor spelt like one (`--jsn` is a misspelt
    /// option, for clap to suggest the right one; `-50%` and `--%` are messages).
    fn looks_like_message(&self, arg: &str) -> bool {
        if let Some(long) = arg.strip_prefix("--") {
            let name = long.split('=').next().unwrap_or("");
            !self.is_option(arg)
                && !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        } else if let Some(short) = arg.strip_prefix('-') {
            !short.is_empty() && !self.is_option(arg)
        } else {
            false
        }
    }

    /// The command line split in two: `septet` with its subcommand and options as given, and
    /// the message (every word that is neither an option nor an option's value, joined by
    /// spaces).
    fn split_message(&self, first: usize) -> (String, String) {
        let mut command: Vec<String> = self.args[..first]
            .iter()
            .enumerate()
            .map(|(i, a)| {
                if i == 0 {
                    "septet".into()
                } else {
                    shell_word(a)
                }
            })
            .collect();
        let mut words: Vec<&str> = Vec::new();
        let mut after_dashes = false;
        let mut rest = self.args[first..].iter();
        while let Some(arg) = rest.next() {
            if after_dashes {
                words.push(arg);
            } else if arg == "--" {
                after_dashes = true;
            } else if arg.starts_with('-') && arg != "-" && !self.looks_like_message(arg) {
                command.push(shell_word(arg));
                if self.known_long(arg) == Some(true) {
                    command.extend(rest.next().map(|value| shell_word(value)));
                }
            } else {
                words.push(arg);
            }
        }
        (command.join(" "), words.join(" "))
    }
}

/// When an argument that clap could not place starts with `-` but is not an option, it is most
/// likely a message such as `-50% today`: say how to pass it, as the whole command to run again.
fn dash_message_hint(args: &[OsString]) -> Option<String> {
    let line = CommandLine::new(args);
    let first = line.first()?;
    let mut dash_word = None;
    for arg in &line.args[first..] {
        if arg == "--" {
            return None;
        }
        if line.looks_like_message(arg) {
            dash_word = Some(arg);
            break;
        }
    }
    let dash_word = dash_word?;
    let (usage, message) = line.split_message(first);
    let advice = if message.starts_with('-') {
        "If it is the message, put `--` before it"
    } else {
        "If it is part of the message, quote the message as one argument"
    };
    Some(format!(
        "`{dash_word}` starts with `-`, so it was read as an option. {advice}: {}",
        quoted_message_command(&usage, &message)
    ))
}

/// "the message must be one argument, but it came as N words; quote it: `<the command again>`".
fn unquoted_message_error(words: usize) -> String {
    let args: Vec<OsString> = std::env::args_os().collect();
    let line = CommandLine::new(&args);
    let (usage, message) = line.split_message(line.first().unwrap_or(1));
    format!(
        "the message must be one argument, but it came as {words} words; quote it: {}",
        quoted_message_command(&usage, &message)
    )
}

/// The command that passes `message` as one argument: `usage 'message'`, with `--` before a
/// message that starts with `-` (which would otherwise be read as an option).
fn quoted_message_command(usage: &str, message: &str) -> String {
    if message.starts_with('-') {
        format!("{usage} -- {}", shell_quote(message))
    } else {
        format!("{usage} {}", shell_quote(message))
    }
}

/// `s` as one shell word: unchanged when it needs no quoting.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        s.to_string()
    } else {
        shell_quote(s)
    }
}

/// `s` quoted for a POSIX shell.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn run_batch(args: &BatchArgs) -> Result<u8, String> {
    let settings = args.common.settings();
    let format = if args.lines {
        Format::Lines
    } else if args.csv {
        Format::Csv {
            column: args.column.clone(),
        }
    } else {
        Format::JsonLines
    };
    let (input, size): (Box<dyn Read + Send>, Option<u64>) = match &args.file {
        Some(path) => {
            let f = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
            (Box::new(f), size)
        }
        None => {
            if io::stdin().is_terminal() {
                // A bare `septet batch` on a terminal: say what it waits for, rather than seem
                // to hang.
                let what = match (&format, args.decode) {
                    (Format::JsonLines, false) => r#"requests such as {"text": "Hello"}"#,
                    (Format::JsonLines, true) => r#"parts such as {"pdu": "..."}"#,
                    (Format::Lines, _) => "messages",
                    (Format::Csv { .. }, _) => "CSV records, the header row first",
                };
                eprintln!(
                    "septet batch: reading {what} from the terminal, one per line; Ctrl-D ends \
                     (or give a FILE; --help for more)"
                );
            }
            (Box::new(io::stdin()), None)
        }
    };
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(usize::from)
            .unwrap_or(1)
    });
    let config = BatchConfig {
        format,
        jobs,
        // Output on the terminal shows its own progress; a progress line would garble it.
        progress: if args.no_progress || io::stdout().is_terminal() {
            None
        } else {
            Progress::on_terminal(size)
        },
    };
    let output = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = if args.encode {
        batch::run(
            input,
            output,
            Arc::new(Encode::new(settings.clone())),
            config,
        )
    } else if args.decode {
        batch::run(input, output, Arc::new(Decode), config)
    } else {
        batch::run(
            input,
            output,
            Arc::new(Analyse::new(settings.clone())),
            config,
        )
    };
    let tally = result.map_err(|e| match e.kind() {
        io::ErrorKind::InvalidInput => e.to_string(),
        _ => format!("batch: {e}"),
    })?;
    if args.summary {
        let (rate, currency) = (settings.pricing.rate, settings.pricing.currency.as_deref());
        let mut stderr = io::stderr().lock();
        let mut text = String::new();
        if stderr.is_terminal() {
            text.push_str(&tally.to_human(rate, currency));
        }
        text.push_str(&tally.to_json(rate, currency));
        text.push('\n');
        let _ = stderr.write_all(text.as_bytes());
    }
    Ok(if tally.all_succeeded() { 0 } else { REJECTED })
}

fn single(cli: &Cli) -> Result<u8, String> {
    let settings = cli.common.settings();
    if cli.text.len() > 1 {
        return Err(unquoted_message_error(cli.text.len()));
    }
    let text = match (&cli.file, cli.text.first()) {
        (Some(path), _) => read_file(path)?,
        (None, Some(text)) => text.clone(),
        (None, None) => {
            if io::stdin().is_terminal() {
                // A bare `septet` on a terminal: show how to use it rather than wait for input.
                let _ = Cli::command().write_help(&mut io::stderr());
                return Ok(FAILURE);
            }
            read_stdin()?
        }
    };
    let code = if cli.json {
        let (json, code) = match report(&text, &settings) {
            Ok(r) => (serde_json::to_string_pretty(&r), 0),
            Err(e) => (
                serde_json::to_string_pretty(&ErrorLine {
                    id: None,
                    error: &e,
                }),
                REJECTED,
            ),
        };
        let json = json.map_err(|e| e.to_string())?;
        writeln!(io::stdout().lock(), "{json}").map_err(|e| e.to_string())?;
        code
    } else {
        // anstream drops the styles unless the stream is a terminal and NO_COLOR is unset.
        match human_report(&text, &settings.options, &settings, true) {
            Ok(out) => {
                anstream::stdout()
                    .lock()
                    .write_all(out.as_bytes())
                    .map_err(|e| e.to_string())?;
                0
            }
            Err(out) => {
                anstream::eprint!("{out}");
                REJECTED
            }
        }
    };
    Ok(code)
}

/// The message of a command: one argument, `--file`, or standard input.
fn message_of(text: &[String], file: Option<&Path>, usage: &str) -> Result<String, String> {
    if text.len() > 1 {
        return Err(unquoted_message_error(text.len()));
    }
    match (file, text.first()) {
        (Some(path), _) => read_file(path),
        (None, Some(text)) => Ok(text.clone()),
        (None, None) if io::stdin().is_terminal() => Err(format!(
            "no message: give it as an argument ({usage} \"Hello\"), with --file, or on standard input"
        )),
        (None, None) => read_stdin(),
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let json = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    writeln!(io::stdout().lock(), "{json}").map_err(|e| e.to_string())
}

fn run_encode(args: &EncodeArgs) -> Result<u8, String> {
    let mut settings = args.common.settings();
    // The human view shows each part's text beside its bytes.
    settings.include_parts |= !args.json;
    let text = message_of(&args.text, args.file.as_deref(), "septet encode")?;
    match septet_report::encode_report(&text, &settings) {
        Ok(encoded) if args.json => print_json(&encoded).map(|()| 0),
        Ok(encoded) => {
            let view = human_encoded(&encoded);
            io::stdout()
                .lock()
                .write_all(view.as_bytes())
                .map_err(|e| e.to_string())?;
            Ok(0)
        }
        Err(e) if args.json => print_json(&ErrorLine {
            id: None,
            error: &e,
        })
        .map(|()| REJECTED),
        Err(e) => {
            eprintln!("septet: rejected ({} {}): {e}", e.code(), e.kind());
            Ok(REJECTED)
        }
    }
}

fn run_decode(args: &DecodeArgs) -> Result<u8, String> {
    let hex = match &args.hex {
        Some(hex) => hex.clone(),
        None if io::stdin().is_terminal() => {
            return Err("no input: give the hex as an argument or on standard input".into())
        }
        None => read_stdin()?,
    };
    let hex: String = hex.chars().filter(|c| !c.is_whitespace()).collect();
    let request = match (args.dcs, args.udl) {
        (Some(dcs), Some(udl)) => {
            serde_json::json!({"user_data": hex, "dcs": dcs, "udl": udl, "udhi": args.udhi})
        }
        _ => serde_json::json!({"pdu": hex}),
    };
    let request_json = request.to_string();
    let request: septet_report::DecodeRequest<'_> =
        serde_json::from_str(&request_json).map_err(|e| e.to_string())?;
    match request.decode() {
        Ok(decoded) => {
            let report = septet_report::DecodedReport::from(&decoded);
            if args.json {
                print_json(&report)?;
            } else {
                io::stdout()
                    .lock()
                    .write_all(human_decoded(&report).as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            Ok(0)
        }
        Err(e) if args.json => print_json(&ErrorLine {
            id: None,
            error: &e,
        })
        .map(|()| REJECTED),
        Err(e) => {
            eprintln!("septet: cannot decode ({}): {e}", e.kind());
            Ok(REJECTED)
        }
    }
}

fn run_reassemble(args: &ReassembleArgs) -> Result<u8, String> {
    let input: Box<dyn io::BufRead> = match &args.file {
        Some(path) => Box::new(io::BufReader::new(
            File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => Box::new(io::stdin().lock()),
    };
    let limits = septet::ReassemblyLimits {
        max_pending: args.max_pending,
        max_age: args.max_age,
        ..Default::default()
    };
    let output = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let tally = septet_cli::wire::reassemble(input, output, io::stderr().lock(), limits)
        .map_err(|e| format!("reassemble: {e}"))?;
    Ok(if tally.all_succeeded() { 0 } else { REJECTED })
}

/// A message from bytes: UTF-8, a leading byte-order mark and one trailing newline (LF or CRLF) dropped.
fn message_from(mut bytes: Vec<u8>, what: &str) -> Result<String, String> {
    // A UTF-8 byte-order mark (Windows editors write one) marks the file's encoding and is no
    // part of the message: as in `septet batch`, it is dropped.
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{what} is not valid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}

fn read_file(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    message_from(bytes, &path.display().to_string())
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: {e}"))?;
    message_from(bytes, "standard input")
}

/// The command's flags against the one options schema of `septet-report`: batch lines (snake
/// case), the wasm options object (camel case) and the flags (kebab case) take the same names
/// and values, and an unknown name is an error in each.
#[cfg(test)]
mod schema {
    use super::*;
    use septet_report::{process_line, Naming, Options as Schema};
    use serde_json::Value;

    /// The shared flags alone.
    #[derive(Parser, Debug)]
    struct Flags {
        #[command(flatten)]
        common: Common,
    }

    fn long_flags(command: &clap::Command) -> Vec<String> {
        command
            .get_arguments()
            .filter_map(|a| a.get_long().map(String::from))
            .collect()
    }

    #[test]
    fn the_flags_are_the_schema_fields() {
        let fields: Vec<String> = Schema::FIELDS
            .iter()
            .map(|f| Naming::KebabCase.name(f.name).into_owned())
            .collect();
        let mut shared = long_flags(&Flags::command());
        shared.sort();
        let mut expected = fields.clone();
        expected.sort();
        assert_eq!(
            shared, expected,
            "the shared flags are exactly the schema's fields"
        );
        let cli = Cli::command();
        let batch = cli.find_subcommand("batch").expect("batch subcommand");
        for (command, flags) in [("septet", long_flags(&cli)), ("batch", long_flags(batch))] {
            for field in &fields {
                assert!(flags.contains(field), "`{command}` lacks --{field}");
            }
        }
    }

    /// The value as a command-line argument: `None` for a flag (`true`), or not expressible
    /// as a flag (`false` is the flag's absence; a number with an exponent is JSON's).
    fn as_argument(json: &str) -> Option<Option<String>> {
        match serde_json::from_str::<Value>(json).unwrap() {
            Value::Bool(true) => Some(None),
            Value::String(s) => Some(Some(s)),
            Value::Number(_) if !json.contains(['e', 'E']) => Some(Some(json.to_string())),
            _ => None,
        }
    }

    #[test]
    fn the_same_names_and_values_everywhere() {
        let defaults = Flags::try_parse_from(["septet"]).unwrap().common.settings();
        let mut checked = 0;
        for field in Schema::FIELDS {
            for value in field.examples() {
                // `--currency` needs `--rate`: give both a rate.
                let (extra_json, extra_flags) = if field.name == "currency" {
                    (r#", "rate": "1""#, vec!["--rate", "1"])
                } else {
                    ("", vec![])
                };
                let snake = format!(r#"{{"{}": {value}{extra_json}}}"#, field.name);
                let camel = format!(
                    r#"{{"{}": {value}{extra_json}}}"#,
                    Naming::CamelCase.name(field.name)
                );
                let from_line = Schema::from_json(&snake, Naming::SnakeCase)
                    .unwrap_or_else(|e| panic!("batch line {snake}: {e}"));
                let from_js = Schema::from_json(&camel, Naming::CamelCase)
                    .unwrap_or_else(|e| panic!("wasm options {camel}: {e}"));
                assert_eq!(from_line, from_js, "{snake} vs {camel}");
                // A whole batch line with the field gives a result, not an error.
                let line = format!(
                    r#"{{"id": 1, "text": "hi", "{}": {value}{extra_json}}}"#,
                    field.name
                );
                let out = process_line(line.as_bytes(), 1, 0, &Settings::default());
                assert!(!out.is_error, "{line} -> {}", out.json);
                if let Some(argument) = as_argument(&value) {
                    let flag = format!("--{}", Naming::KebabCase.name(field.name));
                    let mut args = vec!["septet", flag.as_str()];
                    args.extend(argument.as_deref());
                    args.extend(extra_flags.iter().copied());
                    let flags =
                        Flags::try_parse_from(&args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
                    assert_eq!(
                        flags.common.settings(),
                        from_line.apply(&defaults),
                        "{args:?} vs {snake}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(
            checked >= Schema::FIELDS.len(),
            "every field checked on the command line"
        );
    }

    #[test]
    fn an_unknown_name_is_an_error_everywhere() {
        // Command line.
        let err = Flags::try_parse_from(["septet", "--smart-encodng"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownArgument);
        // Batch line: an error line that keeps the id, with a hint.
        let out = process_line(
            br#"{"id": "a-1", "text": "hi", "smart_encodng": true}"#,
            3,
            0,
            &Settings::default(),
        );
        let v: Value = serde_json::from_str(&out.json).unwrap();
        assert!(out.is_error);
        assert_eq!(v["id"], "a-1");
        assert_eq!(v["error"]["kind"], "invalid_option");
        assert_eq!(
            v["error"]["detail"],
            "line 3: unknown field `smart_encodng` (did you mean `smart_encoding`?)"
        );
        // The wasm options object (camelCase; snake_case is not its spelling).
        for (json, detail) in [
            (
                r#"{"smartEncodng": true}"#,
                "unknown option `smartEncodng` (did you mean `smartEncoding`?)",
            ),
            (
                r#"{"max_parts": 3}"#,
                "unknown option `max_parts` (did you mean `maxParts`?)",
            ),
        ] {
            let err = Schema::from_json(json, Naming::CamelCase).unwrap_err();
            assert_eq!(
                (err.kind(), err.to_string().as_str()),
                ("invalid_option", detail)
            );
        }
        // And camelCase in a batch line.
        let err = Schema::from_json(r#"{"maxParts": 3}"#, Naming::SnakeCase).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown field `maxParts` (did you mean `max_parts`?)"
        );
    }
}
