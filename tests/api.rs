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
