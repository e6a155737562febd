//! Exact decimal money: a per-segment rate times a number of parts, never binary floating point.

use core::fmt;
use core::str::FromStr;

/// A non-negative decimal number with up to 18 digits after the point, stored exactly as an
/// integer and a scale. Parsing keeps the digits as written, so `"0.0050"` prints as `0.0050`.
///
/// ```
/// use septet::Decimal;
///
/// let rate: Decimal = "0.0051".parse().unwrap();
/// assert_eq!(rate.checked_mul_count(3).unwrap().to_string(), "0.0153");
/// assert_eq!("12".parse::<Decimal>().unwrap().to_string(), "12");
/// assert!("0.1e3".parse::<Decimal>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    /// The digits as an integer.
    mantissa: u128,
    /// How many of them come after the point.
    scale: u8,
}

impl Decimal {
    /// The most digits allowed after the point.
    pub const MAX_SCALE: u8 = 18;

    /// `mantissa / 10^scale`; `None` when `scale` exceeds [`Decimal::MAX_SCALE`].
    ///
    /// ```
    /// let d = septet::Decimal::new(153, 4).unwrap();
    /// assert_eq!(d.to_string(), "0.0153");
    /// ```
    pub fn new(mantissa: u128, scale: u8) -> Option<Decimal> {
        (scale <= Self::MAX_SCALE).then_some(Decimal { mantissa, scale })
    }

    /// The value times `count`, exactly (same scale); `None` on overflow.
    ///
    /// ```
    /// let rate: septet::Decimal = "0.0075".parse().unwrap();
    /// assert_eq!(rate.checked_mul_count(10).unwrap().to_string(), "0.0750");
    /// ```
    pub fn checked_mul_count(self, count: u64) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(u128::from(count))?;
        Some(Decimal {
            mantissa,
            scale: self.scale,
        })
    }

    /// The digits as an integer (the value times 10^scale).
    ///
    /// ```
    /// assert_eq!("1.25".parse::<septet::Decimal>().unwrap().mantissa(), 125);
    /// ```
    pub fn mantissa(self) -> u128 {
        self.mantissa
    }

    /// How many digits come after the point.
    ///
    /// ```
    /// assert_eq!("1.25".parse::<septet::Decimal>().unwrap().scale(), 2);
    /// ```
    pub fn scale(self) -> u8 {
        self.scale
    }
}

/// Why a string is not a [`Decimal`].
///
/// ```
/// let err = "-1".parse::<septet::Decimal>().unwrap_err();
/// assert_eq!(err.to_string(), "invalid decimal: expected digits with an optional point, like 0.0051");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseDecimalError {
    /// Not of the form `digits[.digits]`.
    Syntax,
    /// More than [`Decimal::MAX_SCALE`] digits after the point.
    TooManyFractionDigits,
    /// Too many digits to hold.
    Overflow,
}

impl fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseDecimalError::Syntax => {
                "invalid decimal: expected digits with an optional point, like 0.0051"
            }
            ParseDecimalError::TooManyFractionDigits => {
                "invalid decimal: at most 18 digits after the point"
            }
            ParseDecimalError::Overflow => "invalid decimal: too many digits",
        })
    }
}

impl core::error::Error for ParseDecimalError {}

impl FromStr for Decimal {
    type Err = ParseDecimalError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (whole, fraction) = match s.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (s, ""),
        };
        let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || s.ends_with('.') {
            return Err(ParseDecimalError::Syntax);
        }
        if fraction.len() > usize::from(Self::MAX_SCALE) {
            return Err(ParseDecimalError::TooManyFractionDigits);
        }
        let mut mantissa: u128 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(b - b'0')))
                .ok_or(ParseDecimalError::Overflow)?;
        }
        Ok(Decimal {
            mantissa,
            scale: fraction.len() as u8,
        })
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let divisor = 10u128.pow(u32::from(self.scale));
        write!(f, "{}", self.mantissa / divisor)?;
        if self.scale > 0 {
            write!(
                f,
                ".{:0width$}",
                self.mantissa % divisor,
                width = usize::from(self.scale)
            )?;
        }
        Ok(())
    }
}
