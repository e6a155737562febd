//! A message's parts written one by one into the caller's buffers: analysis, framing and bytes
//! with no allocation (the `no_std` form of [`encode`](crate::encode)).

use core::fmt;

use super::address::Address;
use super::part::{
    encode_part_into, submit_tpdu_into, Gsm7Text, PartCoding, PartInfo, SmppPacking,
    MAX_SHORT_MESSAGE_OCTETS, MAX_SUBMIT_OCTETS, MAX_USER_DATA_OCTETS,
};
use super::udh::{ConcatInfo, ReferenceBits, Udh};
use super::PduError;
use crate::analysis::{analyze_with, ranges_of, Analysis};
use crate::options::SplitMode;
use crate::split::PartRanges;
use crate::{Charset, Concat, Encoding, Error, Options};

/// How [`encode`](crate::encode) and [`MessageEncoder`] frame and deliver the parts (what
/// [`Options`] does not already decide).
///
/// ```
/// let options = septet::EncodeOptions::default();
/// assert_eq!((options.reference, options.destination), (0, None));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct EncodeOptions {
    /// The concatenation reference of a message of more than one part.
    pub reference: u16,
    /// How GSM-7 goes into SMPP `short_message`.
    pub smpp_packing: SmppPacking,
    /// Build the SMS-SUBMIT TPDU of each part for this destination.
    pub destination: Option<Address>,
}

/// Why [`encode`](crate::encode) or [`MessageEncoder`] failed: the analysis refused the text,
/// or the bytes could not be built.
///
/// ```
/// let err = septet::MessageEncoder::new("", &Default::default(), &Default::default()).unwrap_err();
/// assert!(matches!(err, septet::EncodeError::Analysis(septet::Error::NoContent { .. })));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// The analysis refused the text (as [`analyze_with`](crate::analyze_with) would).
    Analysis(Error),
    /// The parts could not be written.
    Pdu(PduError),
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::Analysis(e) => e.fmt(f),
            EncodeError::Pdu(e) => e.fmt(f),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for EncodeError {}

impl From<Error> for EncodeError {
    fn from(e: Error) -> Self {
        EncodeError::Analysis(e)
    }
}

impl From<PduError> for EncodeError {
    fn from(e: PduError) -> Self {
        EncodeError::Pdu(e)
    }
}

/// One part's bytes, held inline (no allocation): TP-UD with its fields, the SMPP
/// `short_message`, and the SMS-SUBMIT TPDU when a destination was given. Filled by
/// [`MessageEncoder::encode_next_into`]; one `PartBytes` serves every part in turn.
///
/// ```
/// use septet::{MessageEncoder, PartBytes};
/// let mut encoder = MessageEncoder::new("Hello", &Default::default(), &Default::default())?;
/// let mut part = PartBytes::new();
/// assert_eq!(encoder.encode_next_into(&mut part)?, Some(0));
/// assert_eq!(part.user_data(), [0xC8, 0x32, 0x9B, 0xFD, 0x06]);
/// assert_eq!(part.short_message(), b"Hello"); // SMPP unpacked: one octet per septet
/// assert_eq!((part.info().udl, part.info().dcs, part.udh()), (5, 0, &[][..]));
/// # Ok::<(), septet::EncodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PartBytes {
    user_data: [u8; MAX_USER_DATA_OCTETS],
    short_message: [u8; MAX_SHORT_MESSAGE_OCTETS],
    tpdu: [u8; MAX_SUBMIT_OCTETS],
    info: PartInfo,
    /// 0 when `short_message` is TP-UD itself (packed GSM-7, UCS-2): not copied.
    short_message_octets: usize,
    /// 0 without a destination.
    tpdu_octets: usize,
    sar: Option<ConcatInfo>,
}

impl Default for PartBytes {
    fn default() -> Self {
        PartBytes::new()
    }
}

impl PartBytes {
    /// Empty buffers (an empty UCS-2-less part: no octets anywhere).
    ///
    /// ```
    /// assert!(septet::PartBytes::new().user_data().is_empty());
    /// ```
    pub const fn new() -> PartBytes {
        PartBytes {
            user_data: [0; MAX_USER_DATA_OCTETS],
            short_message: [0; MAX_SHORT_MESSAGE_OCTETS],
            tpdu: [0; MAX_SUBMIT_OCTETS],
            info: PartInfo {
                user_data_octets: 0,
                udh_octets: 0,
                udl: 0,
                dcs: 0,
                udhi: false,
                text_units: 0,
            },
            short_message_octets: 0,
            tpdu_octets: 0,
            sar: None,
        }
    }

    /// TP-UD's fields: TP-UDL, TP-DCS, TP-UDHI and the octet counts.
    ///
    /// ```
    /// let mut e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// assert_eq!((part.info().udl, part.info().text_units), (2, 2));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn info(&self) -> &PartInfo {
        &self.info
    }

    /// TP-UD: the header (when any), fill bits and the text.
    ///
    /// ```
    /// let mut e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// assert_eq!(part.user_data(), [0xC8, 0x34]);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn user_data(&self) -> &[u8] {
        &self.user_data[..self.info.user_data_octets]
    }

    /// The header octets at the start of TP-UD, UDHL included; empty when none.
    ///
    /// ```
    /// let text = "a".repeat(161);
    /// let mut e = septet::MessageEncoder::new(&text, &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// assert_eq!(part.udh(), [0x05, 0x00, 0x03, 0x00, 0x02, 0x01]);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn udh(&self) -> &[u8] {
        &self.user_data[..self.info.udh_octets]
    }

    /// SMPP `short_message` (its length is `sm_length`): unpacked GSM-7 (header, then one
    /// octet per septet), or TP-UD itself for packed GSM-7 and UCS-2.
    ///
    /// ```
    /// let mut e = septet::MessageEncoder::new("Hi€", &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// assert_eq!(part.short_message(), [0x48, 0x69, 0x1B, 0x65]);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn short_message(&self) -> &[u8] {
        match self.short_message_octets {
            0 => self.user_data(),
            n => &self.short_message[..n],
        }
    }

    /// SMPP `data_coding`: 0x00 (SMSC default alphabet) or 0x08 (UCS-2).
    ///
    /// ```
    /// let mut e = septet::MessageEncoder::new("Привет", &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// assert_eq!(part.data_coding(), 0x08);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn data_coding(&self) -> u8 {
        self.info.dcs
    }

    /// SMPP `esm_class`: 0x40 (UDHI) with a header, else 0x00.
    ///
    /// ```
    /// let mut e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// assert_eq!(part.esm_class(), 0x00);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn esm_class(&self) -> u8 {
        self.info.esm_class()
    }

    /// With the `sar` concatenation, the SMPP SAR TLVs' values (sent instead of a header IE);
    /// `None` otherwise.
    ///
    /// ```
    /// use septet::{Concat, EncodeOptions, MessageEncoder, Options, PartBytes};
    /// let options = Options::default().with_concat(Concat::Sar);
    /// let text = "a".repeat(200);
    /// let mut e = MessageEncoder::new(&text, &options, &EncodeOptions { reference: 700, ..Default::default() })?;
    /// let mut part = PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// let sar = part.sar().unwrap();
    /// assert_eq!((sar.reference, sar.total, sar.sequence), (700, 2, 1));
    /// assert!(part.udh().is_empty());
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn sar(&self) -> Option<ConcatInfo> {
        self.sar
    }

    /// The SMS-SUBMIT TPDU led by `00`, when the encoder was given a destination.
    ///
    /// ```
    /// use septet::{Address, EncodeOptions, MessageEncoder, PartBytes};
    /// let to = EncodeOptions { destination: Some(Address::parse("+491701234567")?), ..Default::default() };
    /// let mut e = MessageEncoder::new("Hello", &Default::default(), &to)?;
    /// let mut part = PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// assert_eq!(part.tpdu().map(<[u8]>::len), Some(19));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn tpdu(&self) -> Option<&[u8]> {
        (self.tpdu_octets > 0).then(|| &self.tpdu[..self.tpdu_octets])
    }

    /// The same part as an owned [`EncodedPart`](crate::EncodedPart) (the `_to_vec`
    /// convenience; `alloc`).
    ///
    /// ```
    /// let mut e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// e.encode_next_into(&mut part)?;
    /// let owned = part.to_encoded_part();
    /// assert_eq!((owned.user_data.as_slice(), owned.udl), (part.user_data(), 2));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    #[cfg(feature = "alloc")]
    pub fn to_encoded_part(&self) -> super::EncodedPart {
        super::EncodedPart {
            udh: self.udh().to_vec(),
            user_data: self.user_data().to_vec(),
            udl: self.info.udl,
            dcs: self.info.dcs,
            udhi: self.info.udhi,
            smpp: super::Smpp {
                data_coding: self.info.dcs,
                esm_class: self.info.esm_class(),
                short_message: self.short_message().to_vec(),
                sar: self.sar,
            },
            tpdu: self.tpdu().map(<[u8]>::to_vec),
        }
    }

    /// Writes one part of `text` in `coding`: TP-UD, `short_message` and (with a
    /// destination) the TPDU.
    fn write(
        &mut self,
        text: &str,
        coding: PartCoding,
        concat: Option<ConcatInfo>,
        packing: SmppPacking,
        destination: Option<&Address>,
    ) -> Result<(), PduError> {
        match coding {
            PartCoding::Gsm7(alphabet) => {
                let part = Gsm7Text::new(text, Udh::new(concat, alphabet))?;
                self.info = part.write_packed(&mut self.user_data)?;
                self.short_message_octets = match packing {
                    SmppPacking::Unpacked => part.write_unpacked(&mut self.short_message)?,
                    SmppPacking::Packed => 0,
                };
            }
            PartCoding::Ucs2 => {
                self.info = encode_part_into(text, coding, concat, &mut self.user_data)?;
                self.short_message_octets = 0;
            }
        }
        self.tpdu_octets = match destination {
            Some(address) => {
                let user_data = &self.user_data[..self.info.user_data_octets];
                submit_tpdu_into(address, &self.info, user_data, &mut self.tpdu)?
            }
            None => 0,
        };
        Ok(())
    }
}

/// A message analysed, split and framed, whose parts are then written one by one into a
/// [`PartBytes`] the caller owns: [`encode`](crate::encode) with no allocation at all (no
/// `alloc` needed), the same bytes part for part.
///
/// `text` must be the outgoing text: with smart encoding on, a text that smart encoding would
/// still change is refused ([`Error::NotSmartEncoded`]; pass
/// [`smart_encode`](crate::smart_encode)'s output, or use [`encode`](crate::encode)).
///
/// ```
/// use septet::{EncodeOptions, MessageEncoder, Options, PartBytes};
///
/// let text = "a".repeat(200);
/// let mut encoder = MessageEncoder::new(&text, &Options::default(), &EncodeOptions { reference: 7, ..Default::default() })?;
/// assert_eq!((encoder.parts(), encoder.reference()), (2, Some(7)));
/// let mut part = PartBytes::new(); // one set of buffers (on the stack) for every part
/// while let Some(index) = encoder.encode_next_into(&mut part)? {
///     assert_eq!(part.udh(), [0x05, 0x00, 0x03, 0x07, 0x02, index as u8 + 1]);
///     // send part.user_data() / part.short_message() here
/// }
/// assert_eq!(part.info().udl, 7 + 47); // the last part: header septets + 47 'a's
/// # Ok::<(), septet::EncodeError>(())
/// ```
#[derive(Clone, Debug)]
pub struct MessageEncoder<'a> {
    analysis: Analysis,
    text: &'a str,
    coding: PartCoding,
    /// The parts' ranges in `text` (more than one part only).
    ranges: Option<PartRanges<'a>>,
    /// The next part's index.
    next: usize,
    bits: ReferenceBits,
    /// The concatenation goes in each part's header (else in SAR TLVs).
    in_header: bool,
    reference: Option<u16>,
    packing: SmppPacking,
    destination: Option<Address>,
}

impl<'a> MessageEncoder<'a> {
    /// Analyses `text` (the outgoing text) and frames its parts; nothing is written yet.
    ///
    /// ```
    /// let e = septet::MessageEncoder::new("Привет", &Default::default(), &Default::default())?;
    /// assert_eq!((e.parts(), e.coding()), (1, septet::PartCoding::Ucs2));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`EncodeError::Analysis`] as [`analyze_with`](crate::analyze_with), and
    /// [`Error::NotSmartEncoded`] when smart encoding would change `text`;
    /// [`EncodeError::Pdu`] as [`encode`](crate::encode).
    #[inline]
    pub fn new(
        text: &'a str,
        options: &Options,
        encode_options: &EncodeOptions,
    ) -> Result<MessageEncoder<'a>, EncodeError> {
        let analysis = analyze_with(text, options)?;
        if analysis.replaced > 0 {
            if let Some(first) = crate::smart::replacements(text).next() {
                return Err(Error::NotSmartEncoded {
                    character: first.from,
                    byte_offset: first.byte_offset,
                }
                .into());
            }
        }
        MessageEncoder::of_outgoing(text, analysis, options.split, encode_options)
    }

    /// The encoder of `text`, the outgoing text `analysis` was made of.
    #[inline]
    pub(crate) fn of_outgoing(
        text: &'a str,
        analysis: Analysis,
        split: SplitMode,
        encode_options: &EncodeOptions,
    ) -> Result<MessageEncoder<'a>, EncodeError> {
        let coding = match analysis.encoding {
            Encoding::Gsm7 => PartCoding::Gsm7(analysis.national_language),
            Encoding::Ucs2 => PartCoding::Ucs2,
        };
        if let (PartCoding::Gsm7(alphabet), Charset::Ascii7) = (coding, analysis.charset) {
            // The ascii7 profile counts every character as one septet (routes whose SMSC
            // alphabet is ASCII); GSM 03.38 bytes agree with that count only when no character
            // is an extension character or missing from the default alphabet.
            if let Some(character) = text.chars().find(|&c| alphabet.cost(c) != Some(1)) {
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
        let total = analysis.parts;
        if total > 255 {
            return Err(PduError::BadConcat {
                reason: "more than 255 parts",
            }
            .into());
        }
        if u32::from(encode_options.reference) >= bits.references() {
            return Err(PduError::BadConcat {
                reason:
                    "reference does not fit the concatenation's width (0-255 for udh8 and payload)",
            }
            .into());
        }
        Ok(MessageEncoder {
            // One part is the whole text: no need to look for part ends.
            ranges: (total > 1).then(|| ranges_of(text, &analysis, split)),
            reference: (total > 1).then_some(encode_options.reference),
            analysis,
            text,
            coding,
            next: 0,
            bits,
            in_header,
            packing: encode_options.smpp_packing,
            destination: encode_options.destination,
        })
    }

    /// The analysis the parts follow.
    ///
    /// ```
    /// let e = septet::MessageEncoder::new("Hello", &Default::default(), &Default::default())?;
    /// assert_eq!(e.analysis().units, 5);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    /// Parts of the message (equal to [`Analysis::parts`]).
    ///
    /// ```
    /// let text = "a".repeat(161);
    /// let e = septet::MessageEncoder::new(&text, &Default::default(), &Default::default())?;
    /// assert_eq!(e.parts(), 2);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn parts(&self) -> usize {
        self.analysis.parts
    }

    /// How every part is written.
    ///
    /// ```
    /// let e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// assert_eq!(e.coding(), septet::PartCoding::Gsm7(septet::Alphabet::DEFAULT));
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn coding(&self) -> PartCoding {
        self.coding
    }

    /// The concatenation reference; `None` for one part.
    ///
    /// ```
    /// let e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// assert_eq!(e.reference(), None);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn reference(&self) -> Option<u16> {
        self.reference
    }

    /// The outgoing text.
    ///
    /// ```
    /// let e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// assert_eq!(e.text(), "Hi");
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Writes the next part into `part` and returns its index (0-based), or `None` (leaving
    /// `part` as it was) when every part has been written.
    ///
    /// ```
    /// let mut e = septet::MessageEncoder::new("Hi", &Default::default(), &Default::default())?;
    /// let mut part = septet::PartBytes::new();
    /// assert_eq!(e.encode_next_into(&mut part)?, Some(0));
    /// assert_eq!(e.encode_next_into(&mut part)?, None);
    /// # Ok::<(), septet::EncodeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`encode_part_into`](crate::encode_part_into) (a part the analysis counted always
    /// fits its capacity).
    #[inline]
    pub fn encode_next_into(&mut self, part: &mut PartBytes) -> Result<Option<usize>, PduError> {
        let index = self.next;
        let text = match &mut self.ranges {
            None if index == 0 => self.text,
            None => return Ok(None),
            Some(ranges) => match ranges.next() {
                Some(range) => &self.text[range],
                None => return Ok(None),
            },
        };
        let concat = self.reference.map(|reference| ConcatInfo {
            reference,
            total: self.analysis.parts as u8,
            sequence: index as u8 + 1,
            bits: self.bits,
        });
        part.write(
            text,
            self.coding,
            concat.filter(|_| self.in_header),
            self.packing,
            self.destination.as_ref(),
        )?;
        part.sar = concat.filter(|_| !self.in_header);
        self.next = index + 1;
        Ok(Some(index))
    }
}
