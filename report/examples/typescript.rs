//! Prints the TypeScript declaration of the options object, generated from the one options
//! schema: `cargo run -p septet-report --example typescript`. The wasm package's types carry
//! exactly this text (`wasm/src/lib.rs`, checked by its tests).

fn main() {
    print!("{}", septet_report::Options::typescript());
}
