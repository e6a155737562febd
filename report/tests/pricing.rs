//! Pricing: parts × rate in exact decimal arithmetic (the specification's example, the strict
//! grammar of a rate, digits kept as written, overflow), moved here from the core with pricing.

use septet_report::{report, ParseRateError, Pricing, Rate, Settings};

#[test]
fn cost_is_exact() {
    let rate: Rate = "0.0051".parse().unwrap();
    assert_eq!(rate.times(3).unwrap().to_string(), "0.0153");
    let settings = Settings::new(
        septet::Options::default(),
        Pricing::new(Some(rate), None),
        false,
    );
    let r = report(&"a".repeat(307), &settings).unwrap();
    assert_eq!(r.parts, 3);
    assert_eq!(r.cost.unwrap().amount, "0.0153");
    // 0.1 × 3 is 0.3 exactly (binary floating point gives 0.30000000000000004).
    let rate: Rate = "0.1".parse().unwrap();
    assert_eq!(rate.times(3).unwrap().to_string(), "0.3");
}

#[test]
fn rate_parsing_is_strict_and_exact() {
    for bad in [
        "", ".", "1.", ".5", "-1", "+1", "1e3", "1,5", " 1", "0x10", "1.2.3", "1_000",
    ] {
        assert!(bad.parse::<Rate>().is_err(), "{bad:?}");
    }
    assert_eq!(
        "0.0000000000000000001".parse::<Rate>(),
        Err(ParseRateError::TooManyFractionDigits)
    );
    assert_eq!(
        "9".repeat(40).parse::<Rate>(),
        Err(ParseRateError::Overflow)
    );
    let d: Rate = "123.450".parse().unwrap();
    assert_eq!(d.to_string(), "123.450");
    assert_eq!(d.times(1_000_000).unwrap().to_string(), "123450000.000");
    assert_eq!(
        "0.0001"
            .parse::<Rate>()
            .unwrap()
            .times(0)
            .unwrap()
            .to_string(),
        "0.0000"
    );
    assert_eq!("007".parse::<Rate>().unwrap().to_string(), "7");
    // Products that do not fit exactly are None (the result object says "overflow").
    let big: Rate = "79228162514264337593543950335".parse().unwrap();
    assert_eq!(big.times(2), None);
    let cost = Pricing::new(Some(big), None).cost(2).unwrap();
    assert_eq!(cost.amount, "overflow");
}
