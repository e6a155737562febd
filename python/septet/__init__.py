"""septet: what an SMS will cost before you send it.

Which encoding the carrier uses (GSM-7 or UCS-2), how many billed parts a message becomes, what
smart encoding replaces, what it costs, and whether the provider would reject it. The engine is
the Rust crate ``septet``; this package is a thin layer over it.

>>> import septet
>>> a = septet.analyze("Price: $100 [USD]")
>>> a.encoding, a.characters, a.units, a.parts      # [ and ] cost 2 septets each
('GSM-7', 17, 19, 1)
>>> septet.analyze("Don’t miss our “flash sale” — 50% off!", smart_encoding=True).encoding
'GSM-7'
>>> septet.analyze("x" * 400, rate="0.0051").cost
Decimal('0.0153')
>>> [r.parts if isinstance(r, septet.Analysis) else r.code
...  for r in septet.analyze_many(["hi", "", "a" * 161])]
[1, 40316, 2]

Encoding gives the bytes of each part (``septet encode --json``), decoding reads them back, and
:class:`Reassembler` puts concatenated parts together:

>>> e = septet.encode("hellohello" * 16 + "!", reference=7)
>>> [p.udh.hex().upper() for p in e.encoded_parts]
['050003070201', '050003070202']
>>> r = septet.Reassembler()
>>> done = [m for i, p in enumerate(reversed(e.encoded_parts))
...         for m in r.push(septet.decode(p.user_data, dcs=p.dcs, udhi=p.udhi, udl=p.udl), id=i)]
>>> done[0]["text"] == "hellohello" * 16 + "!", done[0]["ids"]
(True, [1, 0])
>>> septet.decode_pdu("07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F").text
'™©®hello'

Columns go through Arrow (:mod:`septet.arrow`), and whole tables through Spark
(:mod:`septet.spark`).
"""

from ._errors import DecodeError, EncodeError, PduError, RejectedError, SeptetError
from ._septet import (
    Analysis,
    Decoded,
    Reassembler,
    __version__,
    analyze,
    analyze_many,
    decode,
    decode_pdu,
)
from ._wire import Encoded, EncodedPart, Smpp, encode

# Shown and pickled as septet.SeptetError, septet.RejectedError, ...; the compiled functions
# are shown as septet.analyze, ... (and their docstrings' examples run as this module's
# doctests).
for _item in (SeptetError, RejectedError, PduError, DecodeError, EncodeError, analyze,
              analyze_many, decode, decode_pdu):
    _item.__module__ = "septet"
del _item

__all__ = [
    "Analysis",
    "DecodeError",
    "Decoded",
    "EncodeError",
    "Encoded",
    "EncodedPart",
    "PduError",
    "Reassembler",
    "Smpp",
    "RejectedError",
    "SeptetError",
    "__version__",
    "analyze",
    "analyze_many",
    "decode",
    "decode_pdu",
    "encode",
]
