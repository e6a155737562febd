//! The fast path against the naive, obviously-correct model, for every option combination.
#![no_main]

use libfuzzer_sys::fuzz_target;
use septet::Options;

#[path = "../../tests/naive/mod.rs"]
mod naive;

fuzz_target!(|input: (Options, &str)| {
    let (options, text) = input;
    // Keep the limits in a range the model and the fast path both reach.
    let limits = options.limits;
    let options = options.with_limits(
        septet::Limits::NONE
            .with_max_parts(limits.max_parts % 64)
            .with_max_characters(limits.max_characters % 4096)
            .with_warn_parts(limits.warn_parts % 64),
    );
    naive::check(text, &options);
});
