//! Pricing: a per-segment rate times the billed parts, in exact decimal arithmetic
//! (`rust_decimal`), never binary floating point.

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;
use serde::Serialize;

/// A per-segment rate: a non-negative decimal of the form `digits[.digits]` with at most
/// [`Rate::MAX_SCALE`] digits after the point, kept exactly with the digits as written (so
/// `"0.0050"` prints as `0.0050`).
///
/// ```
/// use septet_report::Rate;
///
/// let rate: Rate = "0.0051".parse().unwrap();
/// assert_eq!(rate.to_string(), "0.0051");
/// assert_eq!(rate.times(3).unwrap().to_string(), "0.0153");
/// assert_eq!("0.0050".parse::<Rate>().unwrap().times(10).unwrap().to_string(), "0.0500");
/// assert!("1e3".parse::<Rate>().is_err());
/// assert!("-1".parse::<Rate>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rate(Decimal);

impl Rate {
    /// The most digits allowed after the point.
    pub const MAX_SCALE: usize = 18;

    /// The rate times `parts`, exactly (same digits after the point); `None` when the product
    /// does not fit exactly.
    ///
    /// ```
    /// let rate: septet_report::Rate = "0.0075".parse().unwrap();
    /// assert_eq!(rate.times(10).unwrap().to_string(), "0.0750");
    /// let huge: septet_report::Rate = "79228162514264337593543950".parse().unwrap();
    /// assert_eq!(huge.times(100_000), None);
    /// ```
    pub fn times(self, parts: u64) -> Option<Decimal> {
        let scale = self.0.scale();
        if parts == 0 || self.0.is_zero() {
            // Zero with the rate's digits after the point ("0.0000").
            return Some(Decimal::new(0, scale));
        }
        let product = self.0.checked_mul(Decimal::from(parts))?;
        // rust_decimal drops digits after the point rather than fail when a product needs more
        // than 96 bits: that would no longer be exact.
        (product.scale() == scale).then_some(product)
    }

    /// A whole-number rate.
    ///
    /// ```
    /// assert_eq!(septet_report::Rate::from_integer(2).to_string(), "2");
    /// ```
    pub fn from_integer(n: u64) -> Rate {
        Rate(Decimal::from(n))
    }

    /// How many digits come after the point (at most [`Rate::MAX_SCALE`]).
    ///
    /// ```
    /// assert_eq!("0.0050".parse::<septet_report::Rate>().unwrap().scale(), 4);
    /// ```
    pub fn scale(self) -> u8 {
        let scale = self.0.scale();
        debug_assert!(scale as usize <= Self::MAX_SCALE);
        u8::try_from(scale).unwrap_or(u8::MAX)
    }

    /// The digits as an integer (the rate times 10^scale), for a decimal column.
    ///
    /// ```
    /// assert_eq!("1.25".parse::<septet_report::Rate>().unwrap().mantissa(), 125);
    /// ```
    pub fn mantissa(self) -> i128 {
        self.0.mantissa()
    }

    /// The rate as a `rust_decimal::Decimal`.
    ///
    /// ```
    /// let rate: septet_report::Rate = "1.25".parse().unwrap();
    /// assert_eq!((rate.decimal().mantissa(), rate.decimal().scale()), (125, 2));
    /// ```
    pub fn decimal(self) -> Decimal {
        self.0
    }
}

/// Why a string is not a [`Rate`].
///
/// ```
/// let err = "-1".parse::<septet_report::Rate>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid decimal: expected digits with an optional point, like 0.0051");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseRateError {
    /// Not of the form `digits[.digits]`.
    Syntax,
    /// More than [`Rate::MAX_SCALE`] digits after the point.
    TooManyFractionDigits,
    /// Too many digits to hold exactly.
    Overflow,
}

impl fmt::Display for ParseRateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseRateError::Syntax => {
                "invalid decimal: expected digits with an optional point, like 0.0051"
            }
            ParseRateError::TooManyFractionDigits => {
                "invalid decimal: at most 18 digits after the point"
            }
            ParseRateError::Overflow => "invalid decimal: too many digits",
        })
    }
}

impl std::error::Error for ParseRateError {}

impl FromStr for Rate {
    type Err = ParseRateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // The grammar is ours (rust_decimal also takes signs, underscores and exponents).
        let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || s.ends_with('.') {
            return Err(ParseRateError::Syntax);
        }
        if fraction.len() > Self::MAX_SCALE {
            return Err(ParseRateError::TooManyFractionDigits);
        }
        let decimal = Decimal::from_str_exact(s).map_err(|_| ParseRateError::Overflow)?;
        Ok(Rate(decimal))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// What a message costs: the rate and currency to price with, both optional (no rate, no cost).
///
/// ```
/// use septet_report::Pricing;
/// let pricing = Pricing { rate: Some("0.0051".parse().unwrap()), currency: Some("USD".into()) };
/// let cost = pricing.cost(3).unwrap();
/// assert_eq!((cost.amount.as_str(), cost.rate.as_str(), cost.segments), ("0.0153", "0.0051", 3));
/// assert_eq!(Pricing::default().cost(3), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pricing {
    /// Per-segment rate; adds `cost` to results.
    pub rate: Option<Rate>,
    /// Currency code printed with the cost.
    pub currency: Option<String>,
}

impl Pricing {
    /// Pricing at `rate` in `currency`.
    ///
    /// ```
    /// let p = septet_report::Pricing::new(Some("2".parse().unwrap()), None);
    /// assert_eq!(p.cost(4).unwrap().amount, "8");
    /// ```
    pub fn new(rate: Option<Rate>, currency: Option<String>) -> Self {
        Pricing { rate, currency }
    }

    /// The cost object of a message of `parts` billed parts; `None` without a rate. The amount
    /// is `"overflow"` when the product does not fit exactly.
    pub fn cost(&self, parts: usize) -> Option<CostReport> {
        let rate = self.rate?;
        Some(CostReport {
            amount: u64::try_from(parts)
                .ok()
                .and_then(|parts| rate.times(parts))
                .map_or_else(|| "overflow".to_string(), |c| c.to_string()),
            rate: rate.to_string(),
            segments: parts,
            currency: self.currency.clone(),
        })
    }
}

/// The cost of a message, as in the result object's `cost`.
///
/// ```
/// let rate: septet_report::Rate = "0.0051".parse().unwrap();
/// let cost = septet_report::Pricing::new(Some(rate), None).cost(3).unwrap();
/// assert_eq!(serde_json::to_string(&cost).unwrap(),
///            r#"{"amount":"0.0153","rate":"0.0051","segments":3}"#);
/// ```
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[non_exhaustive]
pub struct CostReport {
    /// Parts × rate, exact, as a decimal string (`"overflow"` when it does not fit).
    pub amount: String,
    /// The per-segment rate as given.
    pub rate: String,
    /// Parts billed.
    pub segments: usize,
    /// The currency code, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}
