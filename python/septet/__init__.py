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

Columns go through Arrow (:mod:`septet.arrow`), and whole tables through Spark
(:mod:`septet.spark`).
"""

from ._errors import RejectedError, SeptetError
from ._septet import Analysis, __version__, analyze, analyze_many

# Shown and pickled as septet.SeptetError / septet.RejectedError.
SeptetError.__module__ = RejectedError.__module__ = "septet"

__all__ = [
    "Analysis",
    "RejectedError",
    "SeptetError",
    "__version__",
    "analyze",
    "analyze_many",
]
