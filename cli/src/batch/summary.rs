//! What a batch run did: counts per outcome, parts per encoding, the total cost; as the JSON
//! object of `--summary` and as lines for people.
//!
//! ```
//! use septet_report::Rate;
//! use septet_cli::batch::summary::{Outcome, Tally};
//!
//! let mut tally = Tally::default();
//! tally.add(Outcome::Accepted { encoding: "GSM-7", parts: 2 });
//! tally.add(Outcome::Accepted { encoding: "UCS-2", parts: 3 });
//! tally.add(Outcome::Rejected);
//! tally.add(Outcome::Malformed);
//! let rate: Rate = "0.0051".parse().unwrap();
//! let json = tally.to_json(Some(rate), Some("USD"));
//! assert_eq!(
//!     json,
//!     r#"{"messages":4,"accepted":2,"rejected":1,"errors":1,"parts":5,"by_encoding":{"GSM-7":{"messages":1,"parts":2},"UCS-2":{"messages":1,"parts":3}},"cost":{"amount":"0.0255","rate":"0.0051","segments":5,"currency":"USD"}}"#
//! );
//! assert!(!tally.all_succeeded());
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use septet_report::Rate;
use serde::Serialize;

pub use septet_report::Outcome;

/// Messages and parts of one encoding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct EncodingTally {
    /// Accepted messages in this encoding.
    pub messages: u64,
    /// Their parts.
    pub parts: u64,
}

/// Running counts of a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Records read (blank lines excluded).
    pub messages: u64,
    /// Records that gave a result object.
    pub accepted: u64,
    /// Messages the provider would refuse.
    pub rejected: u64,
    /// Records that could not be read.
    pub errors: u64,
    /// Parts of the accepted messages.
    pub parts: u64,
    /// Accepted messages and parts per encoding.
    pub by_encoding: BTreeMap<&'static str, EncodingTally>,
}

/// The `cost` of the summary: total parts × rate, exact.
#[derive(Debug, Serialize)]
struct CostSummary<'a> {
    amount: String,
    rate: String,
    segments: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct SummaryJson<'a> {
    messages: u64,
    accepted: u64,
    rejected: u64,
    errors: u64,
    parts: u64,
    by_encoding: &'a BTreeMap<&'static str, EncodingTally>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost: Option<CostSummary<'a>>,
}

impl Tally {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: Outcome) {
        self.messages += 1;
        match outcome {
            Outcome::Accepted { encoding, parts } => {
                self.accepted += 1;
                self.parts += parts as u64;
                let e = self.by_encoding.entry(encoding).or_default();
                e.messages += 1;
                e.parts += parts as u64;
            }
            Outcome::Rejected => self.rejected += 1,
            Outcome::Malformed => self.errors += 1,
        }
    }

    /// Adds another tally's counts (of a later chunk) to this one.
    pub fn merge(&mut self, other: &Tally) {
        self.messages += other.messages;
        self.accepted += other.accepted;
        self.rejected += other.rejected;
        self.errors += other.errors;
        self.parts += other.parts;
        for (encoding, t) in &other.by_encoding {
            let e = self.by_encoding.entry(encoding).or_default();
            e.messages += t.messages;
            e.parts += t.parts;
        }
    }

    /// Whether every record gave a result object (exit code 0).
    pub fn all_succeeded(&self) -> bool {
        self.rejected == 0 && self.errors == 0
    }

    /// Total cost at `rate` per part, exact; `overflow` past the decimal's range.
    pub fn cost(&self, rate: Rate) -> String {
        rate.times(self.parts)
            .map_or_else(|| "overflow".to_string(), |c| c.to_string())
    }

    /// The `--summary` object, on one line.
    pub fn to_json(&self, rate: Option<Rate>, currency: Option<&str>) -> String {
        let summary = SummaryJson {
            messages: self.messages,
            accepted: self.accepted,
            rejected: self.rejected,
            errors: self.errors,
            parts: self.parts,
            by_encoding: &self.by_encoding,
            cost: rate.map(|rate| CostSummary {
                amount: self.cost(rate),
                rate: rate.to_string(),
                segments: self.parts,
                currency,
            }),
        };
        // Plain counts and strings: serialising cannot fail.
        serde_json::to_string(&summary).unwrap_or_default()
    }

    /// The summary for people, several lines.
    pub fn to_human(&self, rate: Option<Rate>, currency: Option<&str>) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} messages: {} accepted, {} rejected, {} unreadable",
            group(self.messages),
            group(self.accepted),
            group(self.rejected),
            group(self.errors)
        );
        let _ = write!(out, "{} parts", group(self.parts));
        for (encoding, t) in &self.by_encoding {
            let _ = write!(
                out,
                "; {encoding}: {} messages, {} parts",
                group(t.messages),
                group(t.parts)
            );
        }
        out.push('\n');
        if let Some(rate) = rate {
            let currency = currency.map(|c| format!(" {c}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "cost {} x {rate}{currency} = {}{currency}",
                group(self.parts),
                self.cost(rate)
            );
        }
        out
    }
}

/// `1234567` as `1,234,567`.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(12_345_678), "12,345,678");
    }

    #[test]
    fn merge_equals_adding_one_by_one() {
        let outcomes = [
            Outcome::Accepted {
                encoding: "GSM-7",
                parts: 1,
            },
            Outcome::Rejected,
            Outcome::Accepted {
                encoding: "UCS-2",
                parts: 4,
            },
            Outcome::Malformed,
            Outcome::Accepted {
                encoding: "GSM-7",
                parts: 3,
            },
        ];
        let mut whole = Tally::default();
        outcomes.iter().for_each(|&o| whole.add(o));
        let (mut a, mut b) = (Tally::default(), Tally::default());
        outcomes[..2].iter().for_each(|&o| a.add(o));
        outcomes[2..].iter().for_each(|&o| b.add(o));
        a.merge(&b);
        assert_eq!(a, whole);
        assert_eq!(whole.by_encoding["GSM-7"].parts, 4);
        assert_eq!(whole.messages, 5);
    }
}
