//! The fast path against the naive, obviously-correct model, for every option combination.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::Options;

#[path = "../../tests/naive/mod.rs"]
mod naive;

fuzz_target!(|input: (Options, &str)| {
    let (options, text) = input;
    // Keep the limits in a range the model and the fast path both reach.
    let options = options
        .with_max_parts(options.max_parts % 64)
        .with_max_characters(options.max_characters % 4096)
        .with_warn_parts(options.warn_parts % 64);
    naive::check(text, &options);
});
