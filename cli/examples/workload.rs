//! Writes the first N messages of the peer benchmark's workload as JSON Lines (default
//! 1,000,000), for timing `septet batch` end to end:
//!
//! ```sh
//! cargo run --release -p septet-cli --example workload -- 1000000 > target/workload.jsonl
//! time target/release/septet batch --jobs 1 target/workload.jsonl > /dev/null
//! time target/release/septet batch --jobs 2 target/workload.jsonl > /dev/null
//! ```

use std::io::Write;

#[path = "../benches/support/workload.rs"]
mod workload;

fn main() {
    let n = std::env::args()
        .nth(1)
        .map_or(1_000_000, |s| s.parse().expect("usage: workload [N]"));
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(workload::workload_jsonl(n).as_bytes())
        .expect("write");
}
