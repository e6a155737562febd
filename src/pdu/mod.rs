//! Bytes on the wire (the pdu-encoding contract): septet packing, the user data header, one
//! part's TP-UD / TP-UDL / TP-DCS / TP-UDHI, SMPP fields and the SMS-SUBMIT TPDU; decoding of
//! user data and whole TPDUs; reassembly.
//!
//! Layers: `pack` (septets ↔ octets) and `udh` (headers) → `part` (one part into the caller's
//! buffers, no allocation) → `writer` (a message's parts one by one into the caller's buffers, no
//! allocation) → `encode` (a message's parts, `alloc`); `decode` and `reassemble`
//! (`alloc`) read them back.

mod address;
mod coding;
#[cfg(feature = "alloc")]
mod decode;
#[cfg(feature = "alloc")]
mod encode;
mod error;
#[cfg(feature = "alloc")]
mod message;
mod pack;
mod part;
#[cfg(feature = "alloc")]
mod reassemble;
mod refs;
mod udh;
mod writer;

pub use address::{Address, MAX_ADDRESS_DIGITS};
pub use coding::DataCoding;
#[cfg(feature = "alloc")]
pub use decode::{
    decode_hex, decode_tpdu, decode_user_data, encode_hex, encode_hex_into, DecodeWarning,
    DecodedTpdu, DecodedUserData, MessageKind,
};
#[cfg(feature = "alloc")]
pub use encode::{encode_parts, EncodedPart, PartView, Smpp};
pub use error::PduError;
#[cfg(feature = "alloc")]
pub use message::{encode, Encoded, PreparedMessage};
pub use pack::{pack_septets, packed_octets, unpack_septets};
pub use part::{
    encode_part_into, short_message_into, submit_tpdu_into, PartCoding, PartInfo, SmppPacking,
    MAX_SHORT_MESSAGE_OCTETS, MAX_SUBMIT_OCTETS, MAX_USER_DATA_OCTETS,
};
#[cfg(feature = "alloc")]
pub use reassemble::{
    Completed, Incomplete, PartKey, Reassembler, ReassemblyEvent, ReassemblyLimits,
};
pub use refs::References;
pub use udh::{
    parse_udh, udh_elements, ConcatInfo, ElementReading, HeaderNote, InformationElement, NoteList,
    ParsedUdh, ReferenceBits, Udh, UdhElements, MAX_HEADER_NOTES, MAX_UDH_OCTETS,
};
pub use writer::{EncodeError, EncodeOptions, MessageEncoder, PartBytes};
