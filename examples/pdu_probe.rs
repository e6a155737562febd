//! Runs one operation on a typical one-part ASCII message a million times (or the count
//! given), for instruction counts that machine load does not disturb:
//!
//! ```sh
//! cargo build --release --example pdu_probe
//! valgrind --tool=callgrind ./target/release/examples/pdu_probe analyze 10000   # or part, encode, encoder
//! valgrind --tool=callgrind ./target/release/examples/pdu_probe none 10000      # the loop alone
//! ```
//!
//! `encoder` is the allocation-free whole-message path: `MessageEncoder::new` (the analysis and
//! framing), then every part written into one `PartBytes` (TP-UD, SMPP `short_message`).
//!
//! A third argument `cyrillic` runs the benchmark's UCS-2 message instead (`part` then encodes
//! UCS-2).

use std::hint::black_box;
fn main() {
    let which = std::env::args().nth(1).unwrap();
    let cyrillic = std::env::args().nth(3).as_deref() == Some("cyrillic");
    let (text, coding) = if cyrillic {
        (
            "Здравствуйте! Ваш заказ отправлен и будет доставлен завтра. Код: 4839.",
            septet::PartCoding::Ucs2,
        )
    } else {
        (
            "Your code is 483920. It expires in 10 minutes. Do not share it with anyone. Reply STOP to opt out.",
            septet::PartCoding::Gsm7(septet::Alphabet::DEFAULT),
        )
    };
    let options = septet::Options::default();
    let encode_options = septet::EncodeOptions::default();
    let mut ud = [0u8; 140];
    let mut part = septet::PartBytes::new();
    for _ in 0..std::env::args()
        .nth(2)
        .map_or(1_000_000, |n| n.parse().unwrap())
    {
        match which.as_str() {
            "analyze" => {
                black_box(septet::analyze_with(black_box(text), &options).unwrap());
            }
            "part" => {
                black_box(
                    septet::encode_part_into(black_box(text), coding, None, &mut ud).unwrap(),
                );
            }
            "encode" => {
                black_box(septet::encode(black_box(text), &options, &Default::default()).unwrap());
            }
            "encoder" => {
                let mut encoder =
                    septet::MessageEncoder::new(black_box(text), &options, &encode_options)
                        .unwrap();
                while let Some(index) = encoder.encode_next_into(&mut part).unwrap() {
                    black_box((index, &part));
                }
            }
            _ => {}
        }
    }
}
