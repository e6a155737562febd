//! Public types are thread-safe and unwind-safe, and the parse/display names round-trip.

use std::panic::{RefUnwindSafe, UnwindSafe};

use septet::*;

fn assert_traits<T: Send + Sync + UnwindSafe + RefUnwindSafe + Unpin>() {}

#[test]
fn public_types_are_send_sync_and_unwind_safe() {
    assert_traits::<Analysis>();
    assert_traits::<SmartEncodingMetadata>();
    assert_traits::<Options>();
    assert_traits::<Error>();
    assert_traits::<Warning>();
    assert_traits::<Decimal>();
    assert_traits::<NonGsmChar>();
    assert_traits::<NonGsm<'static>>();
    assert_traits::<Replacement>();
    assert_traits::<Replacements<'static>>();
    assert_traits::<PartRanges<'static>>();
    #[cfg(feature = "alloc")]
    assert_traits::<Split<'static>>();
}

#[test]
fn names_round_trip() {
    for c in Charset::ALL {
        assert_eq!(c.name().parse::<Charset>(), Ok(c));
        assert_eq!(c.to_string(), c.name());
    }
    for s in SenderType::ALL {
        assert_eq!(s.name().parse::<SenderType>(), Ok(s));
    }
    for e in EncodingRequest::ALL {
        assert_eq!(e.name().parse::<EncodingRequest>(), Ok(e));
    }
    for m in SplitMode::ALL {
        assert_eq!(m.name().parse::<SplitMode>(), Ok(m));
    }
    assert!("GSM0338".parse::<Charset>().is_err());
}

#[test]
fn decimal_parsing_is_strict_and_exact() {
    for bad in [
        "", ".", "1.", ".5", "-1", "+1", "1e3", "1,5", " 1", "0x10", "1.2.3",
    ] {
        assert!(bad.parse::<Decimal>().is_err(), "{bad:?}");
    }
    assert_eq!(
        "0.0000000000000000001".parse::<Decimal>(),
        Err(ParseDecimalError::TooManyFractionDigits)
    );
    assert_eq!(
        "9".repeat(40).parse::<Decimal>(),
        Err(ParseDecimalError::Overflow)
    );
    let d: Decimal = "123.450".parse().unwrap();
    assert_eq!(d.to_string(), "123.450");
    assert_eq!(
        d.checked_mul_count(1_000_000).unwrap().to_string(),
        "123450000.000"
    );
    assert_eq!(
        Decimal::new(u128::MAX, 0).unwrap().checked_mul_count(2),
        None
    );
    assert_eq!(
        "0.0001"
            .parse::<Decimal>()
            .unwrap()
            .checked_mul_count(0)
            .unwrap()
            .to_string(),
        "0.0000"
    );
}
