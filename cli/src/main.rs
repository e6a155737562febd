//! `septet`: what an SMS will cost before you send it.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use septet::{Charset, Decimal, EncodingRequest, Options, SenderType, SplitMode};
use septet_cli::{human_report, report, run_batch, Settings};

/// Exit code: the message was rejected.
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
                  would reject it.\n\nWith no TEXT, reads the message from standard input (one \
                  trailing newline is dropped). `septet batch` reads JSON Lines.\n\nExit codes: 0 \
                  success, 1 the message was rejected, 2 usage or I/O error.",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// The message (standard input when absent). Use `--` before a message that starts with `-`
    /// or is the word `batch`.
    text: Option<String>,

    /// Print one JSON object instead of the report.
    #[arg(long)]
    json: bool,

    #[command(flatten)]
    common: Common,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// JSON Lines in, JSON Lines out: one result (or error) line per input line, in order.
    ///
    /// Each input line is {"id"?: any, "text": str, "encoding"?: "auto"|"gsm7"|"ucs2",
    /// "smart_encoding"?: bool, "sender"?: str, "charset"?: str, "split"?: "units"|"graphemes"};
    /// the flags set the defaults.
    Batch {
        /// JSON Lines file (standard input when absent).
        file: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// Apply smart encoding (the profile flag; `--encoding gsm7` always applies it).
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

    /// Most parts a message may have (error 40302 above).
    #[arg(long, default_value_t = Options::DEFAULT_MAX_PARTS, value_name = "N")]
    max_parts: usize,

    /// Warn (40328) above this many parts.
    #[arg(long, default_value_t = Options::DEFAULT_WARN_PARTS, value_name = "N")]
    warn_parts: usize,

    /// Most characters a body may have.
    #[arg(long, default_value_t = Options::DEFAULT_MAX_CHARACTERS, value_name = "N")]
    max_characters: usize,

    /// Per-segment rate, a decimal such as 0.0051; adds the cost.
    #[arg(long, value_name = "DECIMAL")]
    rate: Option<Decimal>,

    /// Currency code printed with the cost.
    #[arg(long, value_name = "CODE")]
    currency: Option<String>,

    /// Include the texts of the parts in JSON output.
    #[arg(long)]
    parts: bool,
}

impl Common {
    fn settings(&self) -> Settings {
        Settings {
            options: Options::default()
                .with_smart_encoding(self.smart_encoding)
                .with_encoding(self.encoding)
                .with_sender(self.sender)
                .with_charset(self.charset)
                .with_split(self.split)
                .with_max_parts(self.max_parts)
                .with_warn_parts(self.warn_parts)
                .with_max_characters(self.max_characters),
            rate: self.rate,
            currency: self.currency.clone(),
            include_parts: self.parts,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Batch { file, common }) => batch(file.as_ref(), &common.settings()),
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

fn batch(file: Option<&PathBuf>, settings: &Settings) -> Result<u8, String> {
    let stdout = io::stdout().lock();
    let output = BufWriter::with_capacity(1 << 16, stdout);
    let summary = match file {
        Some(path) => {
            let f = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
            run_batch(BufReader::with_capacity(1 << 16, f), output, settings)
        }
        None => run_batch(io::stdin().lock(), output, settings),
    };
    summary.map(|_| 0).map_err(|e| format!("batch: {e}"))
}

fn single(cli: &Cli) -> Result<u8, String> {
    let settings = cli.common.settings();
    let text = match &cli.text {
        Some(text) => text.clone(),
        None => read_stdin()?,
    };
    let mut stdout = io::stdout().lock();
    let code = if cli.json {
        let (json, code) = match report(None, &text, &settings.options, &settings) {
            Ok(r) => (serde_json::to_string_pretty(&r), 0),
            Err(e) => (serde_json::to_string_pretty(&e), REJECTED),
        };
        let json = json.map_err(|e| e.to_string())?;
        writeln!(stdout, "{json}").map_err(|e| e.to_string())?;
        code
    } else {
        let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
        match human_report(&text, &settings.options, &settings, color) {
            Ok(out) => {
                stdout
                    .write_all(out.as_bytes())
                    .map_err(|e| e.to_string())?;
                0
            }
            Err(out) => {
                let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                let out = if color { out } else { strip_ansi(&out) };
                eprint!("{out}");
                REJECTED
            }
        }
    };
    Ok(code)
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: {e}"))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "standard input is not valid UTF-8 at byte {}",
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

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
