//! Text to parts on the wire: the analysis's outgoing text and part ranges, encoded (`alloc`).

use alloc::string::String;
use alloc::vec::Vec;

use super::encode::{with_part, EncodedPart, PartView};
use super::part::PartCoding;
use super::udh::{ConcatInfo, ReferenceBits};
use super::writer::{EncodeError, EncodeOptions};
use super::PduError;
use crate::alphabet::Alphabet;
use crate::{Analysis, Charset, Concat, Encoding, Options, Split};

/// A message encoded: its analysis, the outgoing text, and its parts.
///
/// ```
/// let e = septet::encode("Hello", &Default::default(), &Default::default())?;
/// assert_eq!((e.parts.len(), e.reference), (1, None));
/// assert_eq!(septet::encode_hex(&e.parts[0].user_data), "C8329BFD06");
/// # Ok::<(), septet::EncodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Encoded {
    /// The analysis the parts follow (`parts.len() == analysis.parts`).
    pub analysis: Analysis,
    /// The outgoing text (after smart encoding, when on).
    pub text: String,
    /// How every part is written.
    pub coding: PartCoding,
    /// The concatenation reference; `None` for one part.
    pub reference: Option<u16>,
    /// The parts, in order.
    pub parts: Vec<EncodedPart>,
}

impl Encoded {
    /// The alphabet of GSM-7 parts; `None` for UCS-2.
    ///
    /// ```
    /// let e = septet::encode("Hi", &Default::default(), &Default::default())?;
    /// assert_eq!(e.alphabet(), Some(septet::Alphabet::DEFAULT));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn alphabet(&self) -> Option<Alphabet> {
        match self.coding {
            PartCoding::Gsm7(alphabet) => Some(alphabet),
            PartCoding::Ucs2 => None,
        }
    }
}

/// Analyses, splits and encodes `text`: exactly the parts [`analyze_with`](crate::analyze_with)
/// counts, each with its header, TP-UD, TP-UDL, TP-DCS, TP-UDHI, SMPP fields and (with a
/// destination) SMS-SUBMIT TPDU.
///
/// ```
/// use septet::{encode, encode_hex, EncodeOptions, Options};
/// let text = "a".repeat(200);
/// let e = encode(&text, &Options::default(), &EncodeOptions { reference: 7, ..Default::default() })?;
/// assert_eq!((e.parts.len(), e.analysis.parts, e.reference), (2, 2, Some(7)));
/// assert_eq!(encode_hex(&e.parts[1].udh), "050003070202");
/// assert_eq!(e.parts[1].udl, 7 + 47);
/// # Ok::<(), septet::EncodeError>(())
/// ```
///
/// # Errors
///
/// [`EncodeError::Analysis`] as [`analyze_with`](crate::analyze_with);
/// [`EncodeError::Pdu`]: [`PduError::ProfileMismatch`] when the `ascii7` profile counts a
/// character as one septet that GSM 03.38 writes otherwise (`{`, `` ` ``, ...);
/// [`PduError::BadConcat`] when the reference does not fit its width or there are more than 255
/// parts.
pub fn encode(
    text: &str,
    options: &Options,
    encode_options: &EncodeOptions,
) -> Result<Encoded, EncodeError> {
    PreparedMessage::new(crate::split(text, options)?)?.encode(encode_options)
}

/// A message split and checked for the wire, waiting only for its reference: what [`encode`]
/// has done before it writes the parts. Everything that can refuse the message short of the
/// reference is settled by [`PreparedMessage::new`], so a batch can number its multi-part
/// messages (contract 3.3) once it knows which lines are accepted and how many parts each
/// has, and write the bytes later, or on another thread.
///
/// ```
/// use septet::{encode, split, EncodeOptions, Options, PreparedMessage, ReferenceBits};
/// let text = "a".repeat(200);
/// let prepared = PreparedMessage::new(split(&text, &Options::default())?)?;
/// assert_eq!((prepared.parts(), prepared.reference_bits()), (2, ReferenceBits::Eight));
/// let options = EncodeOptions { reference: 9, ..Default::default() };
/// let encoded = prepared.encode(&options)?;
/// assert_eq!(encoded.reference, Some(9));
/// assert_eq!(encoded, encode(&text, &Options::default(), &options)?);
/// # Ok::<(), septet::EncodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedMessage<'a> {
    split: Split<'a>,
    coding: PartCoding,
    bits: ReferenceBits,
    in_header: bool,
}

impl<'a> PreparedMessage<'a> {
    /// Checks that `split` can be written as it was counted: the part coding of its analysis,
    /// at most 255 parts, and (with the `ascii7` profile) no character that GSM 03.38 writes
    /// otherwise than the profile counts it.
    ///
    /// ```
    /// use septet::{split, Charset, EncodeError, Options, PduError, PreparedMessage};
    /// let ascii7 = Options::default().with_charset(Charset::Ascii7);
    /// let err = PreparedMessage::new(split("a{b}", &ascii7)?).unwrap_err();
    /// assert!(matches!(err, EncodeError::Pdu(PduError::ProfileMismatch { character: '{' })));
    /// # Ok::<(), septet::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PduError::ProfileMismatch`] and [`PduError::BadConcat`] (more than 255 parts), as
    /// [`encode`] reports them.
    pub fn new(split: Split<'a>) -> Result<Self, EncodeError> {
        let analysis = split.analysis();
        let coding = match analysis.encoding {
            Encoding::Gsm7 => PartCoding::Gsm7(analysis.national_language),
            Encoding::Ucs2 => PartCoding::Ucs2,
        };
        if let (PartCoding::Gsm7(alphabet), Charset::Ascii7) = (coding, analysis.charset) {
            // The ascii7 profile counts every character as one septet (routes whose SMSC
            // alphabet is ASCII); GSM 03.38 bytes agree with that count only when no character
            // is an extension character or missing from the default alphabet.
            if let Some(character) = split.text().chars().find(|&c| alphabet.cost(c) != Some(1)) {
                return Err(PduError::ProfileMismatch { character }.into());
            }
        }
        // The concatenation in force, as the analysis counted it: the IE in each part's header
        // (`payload` is counted, and cut, as `udh8`), or SMPP SAR TLVs with a 16-bit reference.
        let (bits, in_header) = match analysis.concat {
            Concat::Udh8 | Concat::Payload => (ReferenceBits::Eight, true),
            Concat::Udh16 => (ReferenceBits::Sixteen, true),
            Concat::Sar => (ReferenceBits::Sixteen, false),
        };
        if analysis.parts > 255 {
            return Err(PduError::BadConcat {
                reason: "more than 255 parts",
            }
            .into());
        }
        Ok(PreparedMessage {
            split,
            coding,
            bits,
            in_header,
        })
    }

    /// The split the message was prepared from.
    ///
    /// ```
    /// let prepared = septet::PreparedMessage::new(septet::split("hi", &Default::default())?)?;
    /// assert_eq!(prepared.split().text(), "hi");
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn split(&self) -> &Split<'a> {
        &self.split
    }

    /// The analysis the parts follow.
    ///
    /// ```
    /// let prepared = septet::PreparedMessage::new(septet::split("hi", &Default::default())?)?;
    /// assert_eq!(prepared.analysis().units, 2);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn analysis(&self) -> &Analysis {
        self.split.analysis()
    }

    /// How many parts the message is sent as (a reference is needed only for more than one).
    ///
    /// ```
    /// let text = "😀".repeat(40);
    /// let prepared = septet::PreparedMessage::new(septet::split(&text, &Default::default())?)?;
    /// assert_eq!(prepared.parts(), 2);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn parts(&self) -> usize {
        self.split.analysis().parts
    }

    /// The width of the concatenation reference: eight bits for `udh8` and `payload`, sixteen
    /// for `udh16` and `sar`.
    ///
    /// ```
    /// use septet::{split, Concat, Options, PreparedMessage, ReferenceBits};
    /// let options = Options::default().with_concat(Concat::Sar);
    /// let prepared = PreparedMessage::new(split("hi", &options)?)?;
    /// assert_eq!(prepared.reference_bits(), ReferenceBits::Sixteen);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn reference_bits(&self) -> ReferenceBits {
        self.bits
    }

    /// Writes the parts under `encode_options` (reference, SMPP packing, destination): the
    /// result of [`encode`] for the same text and options.
    ///
    /// ```
    /// let text = "a".repeat(200);
    /// let prepared = septet::PreparedMessage::new(septet::split(&text, &Default::default())?)?;
    /// let err = prepared.encode(&septet::EncodeOptions { reference: 256, ..Default::default() });
    /// assert!(matches!(err, Err(septet::EncodeError::Pdu(septet::PduError::BadConcat { .. }))));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PduError::BadConcat`] when the reference does not fit the concatenation's width (even
    /// for a message of one part, as [`encode`]).
    pub fn encode(&self, encode_options: &EncodeOptions) -> Result<Encoded, EncodeError> {
        #[allow(clippy::clone_on_copy)] // Analysis is about to gain a warnings list (issue 9)
        let analysis = self.split.analysis().clone();
        let mut parts = Vec::with_capacity(analysis.parts);
        let reference =
            self.encode_each(encode_options, |part| parts.push(part.to_encoded_part()))?;
        debug_assert_eq!(parts.len(), analysis.parts);
        Ok(Encoded {
            analysis,
            text: String::from(self.split.text()),
            coding: self.coding,
            reference,
            parts,
        })
    }

    /// Writes the parts under `encode_options` one after the other into buffers on the stack
    /// and hands each to `f`, in order: the parts of [`PreparedMessage::encode`] without
    /// allocating. Returns the concatenation reference (`None` for one part).
    ///
    /// ```
    /// let text = "😀".repeat(40);
    /// let prepared = septet::PreparedMessage::new(septet::split(&text, &Default::default())?)?;
    /// let mut octets = Vec::new();
    /// let options = septet::EncodeOptions { reference: 300, ..Default::default() };
    /// let err = prepared.encode_each(&options, |part| octets.push(part.user_data.len()));
    /// assert!(err.is_err() && octets.is_empty()); // 300 does not fit 8 bits: nothing written
    /// let reference = prepared.encode_each(&Default::default(), |part| octets.push(part.user_data.len()))?;
    /// assert_eq!((reference, octets), (Some(0), vec![6 + 132, 6 + 28]));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`PreparedMessage::encode`]; the reference is checked before any part is written.
    pub fn encode_each(
        &self,
        encode_options: &EncodeOptions,
        mut f: impl FnMut(PartView<'_>),
    ) -> Result<Option<u16>, EncodeError> {
        let split = &self.split;
        let (coding, bits, in_header) = (self.coding, self.bits, self.in_header);
        let total = split.analysis().parts;
        let reference = (total > 1).then_some(encode_options.reference);
        if u32::from(encode_options.reference) >= bits.references() {
            return Err(PduError::BadConcat {
                reason:
                    "reference does not fit the concatenation's width (0-255 for udh8 and payload)",
            }
            .into());
        }
        let mut encode_part = |index: usize, part: &str| {
            let concat = reference.map(|reference| ConcatInfo {
                reference,
                total: total as u8,
                sequence: index as u8 + 1,
                bits,
            });
            with_part(
                part,
                coding,
                concat.filter(|_| in_header),
                encode_options.smpp_packing,
                encode_options.destination.as_ref(),
                |mut view| {
                    if !in_header {
                        view.sar = concat;
                    }
                    f(view);
                },
            )
        };
        if total == 1 {
            // One part is the whole text: no need to look for part ends.
            encode_part(0, split.text())?;
        } else {
            for (index, part) in split.parts().enumerate() {
                encode_part(index, part)?;
            }
        }
        Ok(reference)
    }
}
