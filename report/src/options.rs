//! The one options schema ([`Options`]): every option a front end takes, under one name each
//! (`smart_encoding` in batch lines and Python, `smartEncoding` in JavaScript,
//! `--smart-encoding` on the command line), and what it resolves to ([`Settings`]).
//!
//! A field is declared once, in the `schema!` invocation below: its name, its type (which
//! decides the values it takes and its TypeScript type), its documentation and what it sets.

use core::fmt;
use std::borrow::Cow;

use septet::{Charset, EncodingRequest, SenderType, SplitMode};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use crate::cost::{Pricing, Rate};
use crate::error::Error;

/// Everything one message is reported with: how to measure and the limits (the core's
/// options), the pricing, and whether to include the texts of the parts.
///
/// ```
/// use septet_report::Settings;
/// let settings = Settings::default();
/// assert_eq!(settings.options, septet::Options::default());
/// assert!(settings.pricing.rate.is_none() && !settings.include_parts);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// How to measure, and the limits.
    pub options: septet::Options,
    /// The rate and currency; with a rate, results carry `cost`.
    pub pricing: Pricing,
    /// Include the texts of the parts (`part_texts`).
    pub include_parts: bool,
    /// How `septet encode` frames and delivers the parts: the concatenation reference, SMPP
    /// packing, the destination of the SMS-SUBMIT TPDU.
    pub encode: septet::EncodeOptions,
}

impl Settings {
    /// Settings from their three parts.
    ///
    /// ```
    /// use septet_report::{Pricing, Settings};
    /// let s = Settings::new(septet::Options::default().with_limits(septet::Limits::PROVIDER.with_max_parts(3)), Pricing::default(), true);
    /// assert_eq!(s.options.limits.max_parts, 3);
    /// ```
    pub fn new(options: septet::Options, pricing: Pricing, include_parts: bool) -> Self {
        Settings {
            options,
            pricing,
            include_parts,
            encode: septet::EncodeOptions::default(),
        }
    }

    /// Checks what no single option can: a `currency` needs a `rate` (the currency names the
    /// cost's unit, and there is no cost without a rate). `line` is the batch line's number.
    ///
    /// ```
    /// use septet_report::{Naming, Options, Settings};
    /// let priced = Options::from_json(r#"{"rate": "0.01", "currency": "EUR"}"#, Naming::SnakeCase).unwrap();
    /// assert!(priced.settings().check(None).is_ok());
    /// let unpriced = Options::from_json(r#"{"currency": "EUR"}"#, Naming::SnakeCase).unwrap();
    /// let err = unpriced.settings().check(Some(4)).unwrap_err();
    /// assert_eq!((err.kind(), err.to_string().as_str()), ("invalid_option", "line 4: option `currency` needs `rate`: there is no cost to name the currency of"));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) for a currency without a rate.
    pub fn check(&self, line: Option<u64>) -> Result<(), crate::Error> {
        if self.pricing.currency.is_some() && self.pricing.rate.is_none() {
            let detail = "option `currency` needs `rate`: there is no cost to name the currency of";
            return Err(crate::Error::InvalidOption {
                line,
                detail: match line {
                    Some(n) => format!("line {n}: {detail}"),
                    None => detail.to_string(),
                },
            });
        }
        Ok(())
    }
}

/// How a front end spells the option names.
///
/// ```
/// use septet_report::Naming;
/// assert_eq!(Naming::SnakeCase.name("max_parts"), "max_parts");
/// assert_eq!(Naming::CamelCase.name("max_parts"), "maxParts");
/// assert_eq!(Naming::KebabCase.name("max_parts"), "max-parts");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Naming {
    /// `smart_encoding`: batch lines, Python keyword arguments, Rust.
    #[default]
    SnakeCase,
    /// `smartEncoding`: JavaScript (the wasm options object). Only this spelling: one name per
    /// option, as the TypeScript types declare it.
    CamelCase,
    /// `smart-encoding`: command-line flags (`--smart-encoding`).
    KebabCase,
}

impl Naming {
    /// `field` (a snake_case schema name) spelt this way.
    pub fn name(self, field: &str) -> Cow<'_, str> {
        match self {
            Naming::SnakeCase => Cow::Borrowed(field),
            Naming::KebabCase => Cow::Owned(field.replace('_', "-")),
            Naming::CamelCase => {
                let mut out = String::with_capacity(field.len());
                let mut upper = false;
                for c in field.chars() {
                    if c == '_' {
                        upper = true;
                    } else if upper {
                        out.push(c.to_ascii_uppercase());
                        upper = false;
                    } else {
                        out.push(c);
                    }
                }
                Cow::Owned(out)
            }
        }
    }

    /// Whether `key` is `field` spelt this way (without allocating).
    fn matches(self, field: &str, key: &str) -> bool {
        match self {
            Naming::SnakeCase => field == key,
            _ => self.name(field) == key,
        }
    }

    /// What an option is called in messages: `field` in batch lines, `option` elsewhere.
    fn noun(self) -> &'static str {
        match self {
            Naming::SnakeCase => "field",
            _ => "option",
        }
    }
}

/// A type an option holds: how it is read (from any serde format) and its TypeScript type.
pub trait OptionValue: Sized {
    /// The TypeScript type of the value.
    fn typescript() -> Cow<'static, str>;
    /// Example values as JSON, for tests and documentation (every value, for a choice of names).
    fn examples() -> Vec<String>;
    /// Reads the value.
    ///
    /// # Errors
    ///
    /// The deserializer's error for a value of the wrong type or an unknown name.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
    /// Reads the value from a scalar, without serde (for the wasm facade, where serde's error
    /// paths would bring float formatting into the module).
    ///
    /// # Errors
    ///
    /// What the option takes, for a value of the wrong type or an unknown name.
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String>;
}

/// A value as a dynamic front end (JavaScript) holds it: [`Options::set_scalar`] reads an option
/// from it without serde.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar<'a> {
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(&'a str),
}

impl OptionValue for bool {
    fn typescript() -> Cow<'static, str> {
        "boolean".into()
    }
    fn examples() -> Vec<String> {
        vec!["true".into(), "false".into()]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        bool::deserialize(deserializer)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            Scalar::Bool(b) => Ok(b),
            _ => Err("expected a boolean".into()),
        }
    }
}

impl OptionValue for String {
    fn typescript() -> Cow<'static, str> {
        "string".into()
    }
    fn examples() -> Vec<String> {
        vec!["\"USD\"".into()]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            Scalar::Text(s) => Ok(s.to_string()),
            _ => Err("expected a string".into()),
        }
    }
}

/// A count (the limits `max_parts`, `warn_parts`, `max_characters`): a positive integer, as
/// the command's flags take (a limit of 0 refuses, or warns about, every message: a mistake);
/// one too large for `usize` (such as `1e30` from JavaScript) means no limit and saturates to
/// `usize::MAX`.
impl OptionValue for usize {
    fn typescript() -> Cow<'static, str> {
        "number".into()
    }
    fn examples() -> Vec<String> {
        vec!["20".into(), "1e30".into()]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Count;
        impl Visitor<'_> for Count {
            type Value = usize;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a positive integer (at least 1)")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<usize, E> {
                if n == 0 {
                    return Err(E::invalid_value(de::Unexpected::Unsigned(0), &self));
                }
                Ok(usize::try_from(n).unwrap_or(usize::MAX))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<usize, E> {
                u64::try_from(n)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
                    .and_then(|n| self.visit_u64(n))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<usize, E> {
                if n >= 1.0 && n.fract() == 0.0 {
                    // Integral and non-negative: the cast saturates, as documented.
                    Ok(n as usize)
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(n), &self))
                }
            }
        }
        deserializer.deserialize_any(Count)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            // Integral and non-negative: the cast saturates, as documented.
            Scalar::Number(n) if n >= 1.0 && n.fract() == 0.0 => Ok(n as usize),
            _ => Err("expected a positive integer (at least 1)".into()),
        }
    }
}

/// Reads a string and parses it with `FromStr`, the parse error becoming the message.
fn parse_str<'de, D: Deserializer<'de>, T: core::str::FromStr>(
    deserializer: D,
) -> Result<T, D::Error>
where
    T::Err: fmt::Display,
{
    let s = Cow::<str>::deserialize(deserializer)?;
    s.parse().map_err(de::Error::custom)
}

/// A rate: a decimal string (its digits kept as written: `"0.0050"` prices to 4 places) or a
/// non-negative number (its shortest decimal form, the digits JavaScript's `String(rate)` prints).
impl OptionValue for Rate {
    fn typescript() -> Cow<'static, str> {
        "string | number".into()
    }
    fn examples() -> Vec<String> {
        vec![
            "\"0.0051\"".into(),
            "\"0.0050\"".into(),
            "0.0051".into(),
            "2".into(),
        ]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RateVisitor;
        impl Visitor<'_> for RateVisitor {
            type Value = Rate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal string like \"0.0051\" or a non-negative number")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Rate, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Rate, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Rate, E> {
                self.visit_str(&n.to_string())
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Rate, E> {
                // Rust prints the shortest decimal that reads back as `n`, without an exponent.
                self.visit_str(&n.to_string())
            }
        }
        deserializer.deserialize_any(RateVisitor)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            Scalar::Text(s) => s
                .parse()
                .map_err(|e: crate::cost::ParseRateError| e.to_string()),
            // An exact integer (a fractional number comes as its decimal text).
            Scalar::Number(n)
                if n >= 0.0 && n.fract() == 0.0 && n < 18_446_744_073_709_551_616.0 =>
            {
                Ok(Rate::from_integer(n as u64))
            }
            _ => Err("expected a decimal string like \"0.0051\" or a non-negative number".into()),
        }
    }
}

/// A 16-bit number (a concatenation reference).
impl OptionValue for u16 {
    fn typescript() -> Cow<'static, str> {
        "number".into()
    }
    fn examples() -> Vec<String> {
        vec!["0".into(), "42".into()]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u16::deserialize(deserializer)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            Scalar::Number(n) if (0.0..=65535.0).contains(&n) && n.fract() == 0.0 => Ok(n as u16),
            _ => Err("expected an integer from 0 to 65535".into()),
        }
    }
}

/// A destination number as a string: `+` and digits, or digits.
impl OptionValue for septet::Address {
    fn typescript() -> Cow<'static, str> {
        "string".into()
    }
    fn examples() -> Vec<String> {
        vec!["\"+4915112345678\"".into(), "\"01701234567\"".into()]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(deserializer)?;
        septet::Address::parse(&s).map_err(de::Error::custom)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            Scalar::Text(s) => septet::Address::parse(s).map_err(|e| e.to_string()),
            _ => Err("expected a number as a string, like \"+4915112345678\"".into()),
        }
    }
}

/// `"unpacked"` or `"packed"`.
impl OptionValue for septet::SmppPacking {
    fn typescript() -> Cow<'static, str> {
        "\"unpacked\" | \"packed\"".into()
    }
    fn examples() -> Vec<String> {
        vec!["\"unpacked\"".into(), "\"packed\"".into()]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(deserializer)?;
        smpp_packing(&s).map_err(de::Error::custom)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            Scalar::Text(s) => smpp_packing(s),
            _ => Err("expected \"unpacked\" or \"packed\"".into()),
        }
    }
}

fn smpp_packing(s: &str) -> Result<septet::SmppPacking, String> {
    match s {
        "unpacked" => Ok(septet::SmppPacking::Unpacked),
        "packed" => Ok(septet::SmppPacking::Packed),
        other => Err(format!(
            "unknown SMPP packing `{other}`; expected one of: unpacked, packed"
        )),
    }
}

/// A choice among the core's names (`NAMES`), as a string.
macro_rules! named_value {
    ($($ty:ty),* $(,)?) => {$(
        impl OptionValue for $ty {
            fn typescript() -> Cow<'static, str> {
                let names: Vec<String> = <$ty>::NAMES.iter().map(|n| format!("\"{n}\"")).collect();
                names.join(" | ").into()
            }
            fn examples() -> Vec<String> {
                <$ty>::NAMES.iter().map(|n| format!("\"{n}\"")).collect()
            }
            fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                parse_str(deserializer)
            }
            fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
                match value {
                    Scalar::Text(s) => s.parse().map_err(|e: septet::UnknownName| e.to_string()),
                    _ => Err("expected a string".into()),
                }
            }
        }
    )*};
}

named_value!(
    EncodingRequest,
    SenderType,
    Charset,
    SplitMode,
    septet::Concat
);

/// The national language tables encoding may use: `"turkish:single,hindi"`, `"all"`, `"none"`.
impl OptionValue for septet::NationalLanguages {
    fn typescript() -> Cow<'static, str> {
        "string".into()
    }
    fn examples() -> Vec<String> {
        vec![
            "\"turkish:single\"".into(),
            "\"turkish:single,hindi\"".into(),
            "\"all\"".into(),
            "\"none\"".into(),
        ]
    }
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parse_str(deserializer)
    }
    fn from_scalar(value: Scalar<'_>) -> Result<Self, String> {
        match value {
            Scalar::Text(s) => s
                .parse()
                .map_err(|e: septet::NationalLanguagesError| e.to_string()),
            _ => Err("expected a string like \"turkish:single,hindi\" or \"all\"".into()),
        }
    }
}

/// One option of the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// Its name in snake_case (see [`Naming`] for the other spellings).
    pub name: &'static str,
    /// Its documentation, one sentence or a few.
    pub doc: &'static str,
}

impl Field {
    /// Its TypeScript type.
    ///
    /// ```
    /// let split = &septet_report::Options::FIELDS[4];
    /// assert_eq!((split.name, split.typescript().as_ref()), ("split", r#""units" | "graphemes""#));
    /// ```
    pub fn typescript(&self) -> Cow<'static, str> {
        Options::field_typescript(self.name)
    }

    /// Example values as JSON (every value, for a choice of names).
    ///
    /// ```
    /// let parts = &septet_report::Options::FIELDS[10];
    /// assert_eq!((parts.name, parts.examples()), ("parts", vec!["true".to_string(), "false".into()]));
    /// ```
    pub fn examples(&self) -> Vec<String> {
        Options::field_examples(self.name)
    }
}

/// Declares the schema: the `Options` struct, its field table, reading a field by name, and
/// applying a field to [`Settings`]. Each entry: doc comment, `name: Type`, and
/// `|settings, value| what it sets`.
macro_rules! schema {
    ($(
        $(#[doc = $doc:literal])+
        $name:ident : $ty:ty => |$settings:ident, $value:ident| $apply:expr;
    )*) => {
        /// The one options schema: every option a front end takes, each optional (absent:
        /// the default, or the command's flags for a batch line). Read it from batch lines and
        /// Python keyword arguments in snake_case ([`Deserialize`]), from the JavaScript
        /// options object in camelCase ([`Options::from_json`] with [`Naming::CamelCase`]);
        /// the command's flags are the same names in kebab-case. Unknown fields are an error,
        /// with a "did you mean" hint for a misspelt one.
        ///
        /// ```
        /// use septet_report::{Naming, Options};
        ///
        /// let options = Options::from_json(r#"{"smart_encoding": true, "max_parts": 20, "rate": "0.0051"}"#, Naming::SnakeCase).unwrap();
        /// let settings = options.settings();
        /// assert!(settings.options.smart_encoding);
        /// assert_eq!(settings.options.limits.max_parts, 20);
        /// assert_eq!(settings.pricing.rate.unwrap().to_string(), "0.0051");
        ///
        /// let js = Options::from_json(r#"{"smartEncoding": true, "maxParts": 20, "rate": "0.0051"}"#, Naming::CamelCase).unwrap();
        /// assert_eq!(js, options);
        ///
        /// let err = Options::from_json(r#"{"smart_encodng": true}"#, Naming::SnakeCase).unwrap_err();
        /// assert_eq!(err.to_string(), "unknown field `smart_encodng` (did you mean `smart_encoding`?)");
        /// let err = Options::from_json(r#"{"charset": "ebcdic"}"#, Naming::SnakeCase).unwrap_err();
        /// assert_eq!(err.kind(), "invalid_option");
        /// ```
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Options {
            $(
                $(#[doc = $doc])+
                pub $name: Option<$ty>,
            )*
        }

        impl Options {
            /// Every field of the schema, in order.
            pub const FIELDS: &'static [Field] = &[$(Field {
                name: stringify!($name),
                doc: concat!($($doc, "\n"),+),
            }),*];

            /// The TypeScript type of the field `name` (snake_case).
            fn field_typescript(name: &str) -> Cow<'static, str> {
                $(
                    if name == stringify!($name) {
                        return <$ty as OptionValue>::typescript();
                    }
                )*
                debug_assert!(false, "no field `{name}`");
                "never".into()
            }

            /// Example values of the field `name` (snake_case).
            fn field_examples(name: &str) -> Vec<String> {
                $(
                    if name == stringify!($name) {
                        return <$ty as OptionValue>::examples();
                    }
                )*
                debug_assert!(false, "no field `{name}`");
                Vec::new()
            }

            /// Reads field number `index` of [`Options::FIELDS`] (see [`Options::field_index`])
            /// from `deserializer`; `null` leaves it absent. For front ends that read values
            /// one by one (the wasm facade reads JS values without a JSON round trip).
            ///
            /// # Errors
            ///
            /// The deserializer's error for a value the field does not take.
            ///
            /// ```
            /// use septet_report::{Naming, Options};
            /// let mut o = Options::default();
            /// let index = Options::field_index("maxParts", Naming::CamelCase).unwrap();
            /// o.read_field(index, serde_json::json!(20)).unwrap();
            /// assert_eq!(o.max_parts, Some(20));
            /// ```
            pub fn read_field<'de, D: Deserializer<'de>>(
                &mut self,
                index: usize,
                deserializer: D,
            ) -> Result<(), D::Error> {
                struct Value<T>(T);
                impl<'de, T: OptionValue> Deserialize<'de> for Value<T> {
                    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                        T::read(d).map(Value)
                    }
                }
                let mut at = 0;
                $(
                    if index == at {
                        self.$name = Option::<Value<$ty>>::deserialize(deserializer)?.map(|v| v.0);
                        return Ok(());
                    }
                    at += 1;
                )*
                debug_assert!(false, "no field {index} among {at}");
                Err(de::Error::custom("no such field"))
            }

            /// Sets field number `index` of [`Options::FIELDS`] (see [`Options::field_index`])
            /// from a scalar, without serde.
            ///
            /// # Errors
            ///
            /// What the field takes, for a value it does not.
            ///
            /// ```
            /// use septet_report::{Naming, Options, Scalar};
            /// let mut o = Options::default();
            /// let index = Options::field_index("charset", Naming::CamelCase).unwrap();
            /// o.set_scalar(index, Scalar::Text("ascii7")).unwrap();
            /// assert_eq!(o.charset, Some(septet::Charset::Ascii7));
            /// assert!(o.set_scalar(index, Scalar::Bool(true)).is_err());
            /// ```
            pub fn set_scalar(&mut self, index: usize, value: Scalar<'_>) -> Result<(), String> {
                let mut at = 0;
                $(
                    if index == at {
                        self.$name = Some(<$ty as OptionValue>::from_scalar(value)?);
                        return Ok(());
                    }
                    at += 1;
                )*
                debug_assert!(false, "no field {index} among {at}");
                Err("no such field".into())
            }

            /// `settings` with these options applied over them.
            ///
            /// ```
            /// use septet_report::{Options, Settings};
            /// let mut o = Options::default();
            /// o.max_parts = Some(3);
            /// let s = o.apply(&Settings::default());
            /// assert_eq!((s.options.limits.max_parts, s.options.limits.warn_parts), (3, 4));
            /// ```
            pub fn apply(&self, settings: &Settings) -> Settings {
                let mut out = settings.clone();
                self.apply_to(&mut out);
                out
            }

            /// Applies these options over `settings`, in place.
            pub fn apply_to(&self, settings: &mut Settings) {
                $(
                    if let Some($value) = self.$name.clone() {
                        let $settings = &mut *settings;
                        $apply;
                    }
                )*
            }

            /// Whether any field is given.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$name.is_none())*
            }
        }
    };
}

schema! {
    /// Per-request encoding: `auto` (default), `gsm7` (smart encoding, must end GSM-7) or
    /// `ucs2` (forced, no smart encoding).
    encoding: EncodingRequest => |s, v| s.options.encoding = v;
    /// Smart encoding: replace curly quotes, dashes and other look-alikes with GSM-7 characters (the
    /// provider's messaging-profile setting; default false; `encoding = gsm7` always applies it).
    smart_encoding: bool => |s, v| s.options.smart_encoding = v;
    /// Sender type; `short-code` sends ASCII 7-bit.
    sender: SenderType => |s, v| s.options.sender = Some(v);
    /// 7-bit charset of GSM routes (default `gsm0338`).
    charset: Charset => |s, v| s.options.charset = v;
    /// Where parts may be cut (default `units`).
    split: SplitMode => |s, v| s.options.split = v;
    /// Most parts allowed, at least 1 (default 10; error 40302 above).
    max_parts: usize => |s, v| s.options.limits.max_parts = v;
    /// Warn (40328) above this many parts, at least 1 (default 4).
    warn_parts: usize => |s, v| s.options.limits.warn_parts = v;
    /// Most characters in the body, at least 1 (default 1600).
    max_characters: usize => |s, v| s.options.limits.max_characters = v;
    /// Per-segment rate, e.g. "0.0051" (a string keeps its digits: "0.0050" gives amounts to 4
    /// places) or 0.0051 (a number is taken as its shortest decimal form); adds `cost`.
    rate: Rate => |s, v| s.pricing.rate = Some(v);
    /// Currency code printed with the cost (needs `rate`).
    currency: String => |s, v| s.pricing.currency = Some(v);
    /// Include `part_texts` (the texts of the parts as sent) in the result.
    parts: bool => |s, v| s.include_parts = v;
    /// National language tables encoding may use (GSM 03.38 charset only), chosen by least
    /// cost: `turkish:single`, `turkish:locking`, a language name (all its tables), a list
    /// (`turkish:single,hindi`), `all` or `none` (default).
    national_languages: septet::NationalLanguages => |s, v| s.options.national_languages = v;
    /// Concatenation: `udh8` (default, 8-bit reference IE), `udh16` (16-bit), `sar` (SMPP SAR
    /// TLVs; counted as `udh16`) or `payload` (one message_payload; counted as `udh8`).
    concat: septet::Concat => |s, v| s.options.concat = v;
    /// Encoding: the concatenation reference of a multi-part message (0-255 for `udh8`); in a
    /// batch, the first of consecutive references (a line's own does not advance them).
    reference: u16 => |s, v| s.encode.reference = v;
    /// Encoding: build each part's SMS-SUBMIT TPDU for this destination (E.164 with `+`, or
    /// national digits).
    to: septet::Address => |s, v| s.encode.destination = Some(v);
    /// Encoding: GSM-7 in SMPP `short_message` `unpacked` (one octet per septet, default) or
    /// `packed` (the TP-UD as sent over the air).
    smpp_packing: septet::SmppPacking => |s, v| s.encode.smpp_packing = v;
}

impl Options {
    /// The TypeScript declaration of the options object (camelCase names, every field optional,
    /// each with its documentation and the type of the values it takes), generated from the
    /// schema. The wasm package's `.d.ts` carries exactly this (a test checks it).
    ///
    /// ```
    /// let ts = septet_report::Options::typescript();
    /// assert!(ts.starts_with("/** Options; every field is optional and mirrors a flag of the `septet` command. */\nexport interface Options {\n"));
    /// assert!(ts.contains("  maxParts?: number;\n"));
    /// assert!(ts.contains(r#"  split?: "units" | "graphemes";"#));
    /// ```
    pub fn typescript() -> String {
        let mut out = String::from(
            "/** Options; every field is optional and mirrors a flag of the `septet` command. */\nexport interface Options {\n",
        );
        for field in Options::FIELDS {
            let doc: Vec<&str> = field.doc.lines().map(str::trim).collect();
            out.push_str("  /** ");
            out.push_str(&doc.join("\n   * "));
            out.push_str(" */\n  ");
            out.push_str(&Naming::CamelCase.name(field.name));
            out.push_str("?: ");
            out.push_str(&field.typescript());
            out.push_str(";\n");
        }
        out.push_str("}\n");
        out
    }

    /// These options over the defaults.
    ///
    /// ```
    /// assert_eq!(septet_report::Options::default().settings(), septet_report::Settings::default());
    /// ```
    pub fn settings(&self) -> Settings {
        self.apply(&Settings::default())
    }

    /// Reads options from a JSON object whose names are spelt `naming`'s way.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOption`] naming the option: unknown (with a hint when it looks like a
    /// misspelling), a value of the wrong type or an unknown name; or not an object.
    pub fn from_json(json: &str, naming: Naming) -> Result<Options, Error> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let options = OptionsSeed { naming }
            .deserialize(&mut deserializer)
            .and_then(|o| deserializer.end().map(|()| o))
            .map_err(|e| Error::InvalidOption {
                line: None,
                detail: without_position(&e.to_string()).to_string(),
            })?;
        Ok(options)
    }

    /// The index in [`Options::FIELDS`] of the field `key` names under `naming`.
    ///
    /// # Errors
    ///
    /// The sentence for an unknown field, with a hint when `key` looks like a misspelling.
    pub fn field_index(key: &str, naming: Naming) -> Result<usize, String> {
        Options::field_index_beside(key, naming, &[])
    }

    /// As [`Options::field_index`], for options read beside fields of their own (a batch line's
    /// `id` and `text`): the hint and the list of names offer `others` too, so that a misspelt
    /// `txt` is told about `text`.
    ///
    /// ```
    /// use septet_report::{Naming, Options};
    /// let err = Options::field_index_beside("txt", Naming::SnakeCase, &["id", "text"]).unwrap_err();
    /// assert_eq!(err, "unknown field `txt` (did you mean `text`?)");
    /// ```
    ///
    /// # Errors
    ///
    /// The sentence for an unknown field, with a hint when `key` looks like a misspelling.
    pub fn field_index_beside(key: &str, naming: Naming, others: &[&str]) -> Result<usize, String> {
        Options::FIELDS
            .iter()
            .position(|f| naming.matches(f.name, key))
            .ok_or_else(|| unknown_field(key, naming, others))
    }
}

/// A message without serde_json's ` at line N column M` suffix (options are one object; the
/// position says nothing the field name does not).
pub(crate) fn without_position(message: &str) -> &str {
    let Some(at) = message.rfind(" at line ") else {
        return message;
    };
    let tail = &message[at + " at line ".len()..];
    let is_position = tail.split_once(" column ").is_some_and(|(line, column)| {
        !line.is_empty()
            && !column.is_empty()
            && line.bytes().all(|b| b.is_ascii_digit())
            && column.bytes().all(|b| b.is_ascii_digit())
    });
    if is_position {
        &message[..at]
    } else {
        message
    }
}

/// "unknown field `x` (did you mean `y`?)", or the list of names when nothing is close. A name
/// is close when at most two edits away and the edits change less than half of `key` (so a
/// short, unrelated `foo` is not offered `to`).
fn unknown_field(key: &str, naming: Naming, others: &[&str]) -> String {
    let noun = naming.noun();
    let names = others
        .iter()
        .map(|&name| Cow::Borrowed(name))
        .chain(Options::FIELDS.iter().map(|f| naming.name(f.name)));
    let normalized = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let key_normal = normalized(key);
    let best = names
        .clone()
        .map(|name| {
            let distance = if normalized(&name) == key_normal {
                0
            } else {
                edit_distance(&key_normal, &normalized(&name))
            };
            (distance, name)
        })
        .min_by_key(|(distance, _)| *distance);
    match best {
        Some((distance, name)) if distance <= 2 && 2 * distance < key_normal.chars().count() => {
            format!("unknown {noun} `{key}` (did you mean `{name}`?)")
        }
        _ => {
            let list: Vec<String> = names.map(|n| n.into_owned()).collect();
            format!(
                "unknown {noun} `{key}`; expected one of: {}",
                list.join(", ")
            )
        }
    }
}

/// Levenshtein distance between `a` and `b`, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// Reads [`Options`] from any serde format, with names spelt `naming`'s way.
///
/// ```
/// use serde::de::DeserializeSeed;
/// use septet_report::{Naming, OptionsSeed};
/// let mut json = serde_json::Deserializer::from_str(r#"{"maxParts": 3}"#);
/// let o = OptionsSeed { naming: Naming::CamelCase }.deserialize(&mut json).unwrap();
/// assert_eq!(o.max_parts, Some(3));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct OptionsSeed {
    /// How the names are spelt.
    pub naming: Naming,
}

impl<'de> DeserializeSeed<'de> for OptionsSeed {
    type Value = Options;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Options, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OptionsSeed {
    type Value = Options;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of options")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Options, A::Error> {
        let mut options = Options::default();
        let mut seen = vec![false; Options::FIELDS.len()];
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let index = Options::field_index(&key.0, self.naming).map_err(de::Error::custom)?;
            if std::mem::replace(&mut seen[index], true) {
                return Err(de::Error::custom(format_args!(
                    "duplicate {} `{}`",
                    self.naming.noun(),
                    key.0
                )));
            }
            map.next_value_seed(FieldSeed {
                options: &mut options,
                index,
                name: &key.0,
                naming: self.naming,
            })?;
        }
        Ok(options)
    }
}

/// Snake_case names, as batch lines and Python keyword arguments spell them.
impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        OptionsSeed::default().deserialize(deserializer)
    }
}

/// A map key, borrowed when the input allows.
pub(crate) struct Key<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads one field's value into the options; its errors name the field.
pub(crate) struct FieldSeed<'o, 'k> {
    pub(crate) options: &'o mut Options,
    pub(crate) index: usize,
    pub(crate) name: &'k str,
    pub(crate) naming: Naming,
}

impl<'de> DeserializeSeed<'de> for FieldSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let (noun, name) = (self.naming.noun(), self.name);
        self.options
            .read_field(self.index, deserializer)
            .map_err(|e| {
                let message = e.to_string();
                de::Error::custom(format_args!(
                    "{noun} `{name}`: {}",
                    without_position(&message)
                ))
            })
    }
}

/// Skips a value (for a batch line whose fields are already known to be in error).
pub(crate) fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_stripped_only_when_they_are_positions() {
        assert_eq!(without_position("bad at line 1 column 20"), "bad");
        assert_eq!(without_position("stop at line 5"), "stop at line 5");
        assert_eq!(
            without_position("x at line a column 2"),
            "x at line a column 2"
        );
    }

    #[test]
    fn rates_are_strings_or_numbers_with_their_digits() {
        let rate = |json: &str| {
            Options::from_json(&format!(r#"{{"rate": {json}}}"#), Naming::SnakeCase)
                .map(|o| o.rate.unwrap().to_string())
                .map_err(|e| e.to_string())
        };
        assert_eq!(rate(r#""0.0050""#).unwrap(), "0.0050");
        assert_eq!(rate("0.0051").unwrap(), "0.0051");
        assert_eq!(rate("2").unwrap(), "2");
        assert_eq!(rate("1e-7").unwrap(), "0.0000001");
        assert!(rate("-1")
            .unwrap_err()
            .starts_with("field `rate`: invalid decimal"));
        assert!(rate(r#""1e3""#).is_err());
        assert!(rate("true")
            .unwrap_err()
            .starts_with("field `rate`: invalid type: boolean"));
    }

    #[test]
    fn counts_saturate_and_refuse_negatives_and_fractions() {
        let count = |json: &str| {
            Options::from_json(&format!(r#"{{"max_parts": {json}}}"#), Naming::SnakeCase)
                .map(|o| o.max_parts.unwrap())
                .map_err(|e| e.to_string())
        };
        assert_eq!(count("20"), Ok(20));
        assert_eq!(count("20.0"), Ok(20));
        assert_eq!(count("1e30"), Ok(usize::MAX));
        assert!(count("-1").is_err());
        // A limit of 0 is refused, as the command's flags refuse it.
        assert!(count("0").unwrap_err().contains("at least 1"));
        assert!(count("0.0").is_err());
        assert_eq!(count("1"), Ok(1));
        assert!(count("1.5").is_err());
        assert!(count(r#""20""#).is_err());
        assert_eq!(
            Options::from_json(r#"{"max_parts": null}"#, Naming::SnakeCase).unwrap(),
            Options::default()
        );
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn hints_name_the_closest_field_in_the_caller_s_spelling() {
        let hint = |key, naming| Options::field_index(key, naming).unwrap_err();
        assert_eq!(
            hint("maxparts", Naming::SnakeCase),
            "unknown field `maxparts` (did you mean `max_parts`?)"
        );
        assert_eq!(
            hint("smartEncoding", Naming::SnakeCase),
            "unknown field `smartEncoding` (did you mean `smart_encoding`?)"
        );
        assert_eq!(
            hint("smart_encoding", Naming::CamelCase),
            "unknown option `smart_encoding` (did you mean `smartEncoding`?)"
        );
        assert_eq!(
            hint("smartEncodign", Naming::CamelCase),
            "unknown option `smartEncodign` (did you mean `smartEncoding`?)"
        );
        assert!(hint("colour", Naming::SnakeCase).starts_with(
            "unknown field `colour`; expected one of: encoding, smart_encoding, sender,"
        ));
        assert_eq!(Options::field_index("maxParts", Naming::CamelCase), Ok(5));
        assert_eq!(
            hint("spilt", Naming::SnakeCase),
            "unknown field `spilt` (did you mean `split`?)"
        );
        // Two edits in three letters is no misspelling: `foo` is not offered `to`.
        assert!(hint("foo", Naming::SnakeCase).starts_with("unknown field `foo`; expected one of:"));
        // A batch line's own fields are offered beside the options, and listed first.
        let beside = |key| Options::field_index_beside(key, Naming::SnakeCase, &["id", "text"]);
        assert_eq!(
            beside("txt").unwrap_err(),
            "unknown field `txt` (did you mean `text`?)"
        );
        assert_eq!(
            beside("ID").unwrap_err(),
            "unknown field `ID` (did you mean `id`?)"
        );
        assert_eq!(
            beside("smart_encodng").unwrap_err(),
            "unknown field `smart_encodng` (did you mean `smart_encoding`?)"
        );
        assert!(beside("message")
            .unwrap_err()
            .starts_with("unknown field `message`; expected one of: id, text, encoding,"));
        assert_eq!(
            beside("rate"),
            Options::field_index("rate", Naming::SnakeCase)
        );
    }
}
