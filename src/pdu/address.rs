//! TP-DA / TP-OA addresses (3GPP TS 23.040 §9.1.2.5): digits as swapped semi-octets.

use core::fmt;

use super::PduError;

/// The most digits an address field holds (10 octets of semi-octets).
pub const MAX_ADDRESS_DIGITS: usize = 20;

/// A destination number: international (E.164 written with `+`, type of address 0x91) or
/// national/unknown digits (0x81).
///
/// ```
/// use septet::Address;
/// let a = Address::parse("+4915112345678")?;
/// assert!(a.is_international());
/// assert_eq!(a.to_string(), "+4915112345678");
/// assert_eq!(Address::parse("0170 123"), Err(septet::PduError::BadAddress { reason: "only digits after an optional +" }));
/// # Ok::<(), septet::PduError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Address {
    digits: [u8; MAX_ADDRESS_DIGITS],
    len: u8,
    international: bool,
}

impl Address {
    /// Reads `+` and digits (international) or digits alone (unknown type): 1 to 20 digits.
    ///
    /// ```
    /// assert_eq!(septet::Address::parse("01701234567")?.digits().count(), 11);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PduError::BadAddress`] when empty, too long, or not digits.
    pub fn parse(number: &str) -> Result<Address, PduError> {
        let (international, digits) = match number.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, number),
        };
        if digits.is_empty() {
            return Err(PduError::BadAddress {
                reason: "no digits",
            });
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PduError::BadAddress {
                reason: "only digits after an optional +",
            });
        }
        if digits.len() > MAX_ADDRESS_DIGITS {
            return Err(PduError::BadAddress {
                reason: "more than 20 digits",
            });
        }
        let mut address = Address {
            digits: [0; MAX_ADDRESS_DIGITS],
            len: digits.len() as u8,
            international,
        };
        for (slot, b) in address.digits.iter_mut().zip(digits.bytes()) {
            *slot = b - b'0';
        }
        Ok(address)
    }

    /// Whether the number is international (type of address 0x91).
    ///
    /// ```
    /// assert!(!septet::Address::parse("112")?.is_international());
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub const fn is_international(&self) -> bool {
        self.international
    }

    /// The type-of-address octet: 0x91 (international, ISDN) or 0x81 (unknown, ISDN).
    ///
    /// ```
    /// assert_eq!(septet::Address::parse("+1")?.type_of_address(), 0x91);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub const fn type_of_address(&self) -> u8 {
        if self.international {
            0x91
        } else {
            0x81
        }
    }

    /// The digits as ASCII characters.
    ///
    /// ```
    /// assert!(septet::Address::parse("+12")?.digits().eq("12".chars()));
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn digits(&self) -> impl Iterator<Item = char> + '_ {
        self.digits[..usize::from(self.len)]
            .iter()
            .map(|&d| char::from(b'0' + d))
    }

    /// Writes the address field (digit count, type of address, digits as swapped semi-octets
    /// padded with F) into `out`, returning its octets (3 to 12).
    ///
    /// ```
    /// let mut out = [0u8; 12];
    /// let n = septet::Address::parse("+12345")?.write(&mut out);
    /// assert_eq!(&out[..n], [0x05, 0x91, 0x21, 0x43, 0xF5]);
    /// # Ok::<(), septet::PduError>(())
    /// ```
    pub fn write(&self, out: &mut [u8; 12]) -> usize {
        let len = usize::from(self.len);
        out[0] = self.len;
        out[1] = self.type_of_address();
        let digits = &self.digits[..len];
        for (i, pair) in digits.chunks(2).enumerate() {
            let low = pair[0];
            let high = pair.get(1).copied().unwrap_or(0x0F);
            out[2 + i] = high << 4 | low;
        }
        2 + len.div_ceil(2)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.international {
            f.write_str("+")?;
        }
        for d in self.digits() {
            fmt::Write::write_char(f, d)?;
        }
        Ok(())
    }
}
