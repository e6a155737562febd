"""Type stubs of the compiled module ``septet._septet`` (re-exported by ``septet``)."""

from decimal import Decimal
from typing import Any, Dict, Iterable, List, Literal, Optional, Union, final

import pyarrow

from ._errors import RejectedError

__all__ = [
    "__version__",
    "Analysis",
    "analyze",
    "analyze_many",
    "analyze_arrow",
    "arrow_type",
    "Decoded",
    "Reassembler",
    "encode_object",
    "decode",
    "decode_pdu",
]

__version__: str

# Type aliases of the stubs only (private: the compiled module has no such names).
_Encoding = Literal["auto", "gsm7", "ucs2"]
_Sender = Literal["long-code", "toll-free", "short-code", "alphanumeric"]
_Charset = Literal["gsm0338", "carrier-safe", "ascii7"]
_Split = Literal["units", "graphemes"]
_Concat = Literal["udh8", "udh16", "sar", "payload"]
_Rate = Union[Decimal, str, int]

@final
class Analysis:
    """What the carrier will see and bill for one message. Immutable."""

    @property
    def encoding(self) -> Literal["GSM-7", "UCS-2"]: ...
    @property
    def parts(self) -> int: ...
    @property
    def units(self) -> int: ...
    @property
    def characters(self) -> int: ...
    @property
    def units_per_part(self) -> int: ...
    @property
    def units_remaining(self) -> int: ...
    @property
    def charset(self) -> Literal["gsm0338", "carrier-safe", "ascii7"]: ...
    @property
    def national_language(self) -> Dict[str, Optional[str]]: ...
    @property
    def concat(self) -> _Concat: ...
    @property
    def smart_encoding(self) -> Optional[Dict[str, Any]]: ...
    @property
    def replacements(self) -> List[Dict[str, Any]]: ...
    @property
    def non_gsm(self) -> List[Dict[str, Any]]: ...
    @property
    def warnings(self) -> List[Dict[str, Any]]: ...
    @property
    def cost(self) -> Optional[Decimal]: ...
    @property
    def rate(self) -> Optional[Decimal]: ...
    @property
    def currency(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

def analyze(
    text: str,
    /,
    *,
    smart_encoding: bool = False,
    encoding: Optional[_Encoding] = "auto",
    sender: Optional[_Sender] = None,
    charset: Optional[_Charset] = "gsm0338",
    split: Optional[_Split] = "units",
    max_parts: Optional[int] = 10,
    warn_parts: Optional[int] = 4,
    max_characters: Optional[int] = 1600,
    rate: Optional[_Rate] = None,
    currency: Optional[str] = None,
    national_languages: Optional[Union[str, List[str]]] = None,
    concat: Optional[_Concat] = "udh8",
) -> Analysis: ...
def analyze_many(
    texts: Iterable[str],
    /,
    *,
    jobs: Optional[int] = None,
    smart_encoding: bool = False,
    encoding: Optional[_Encoding] = "auto",
    sender: Optional[_Sender] = None,
    charset: Optional[_Charset] = "gsm0338",
    split: Optional[_Split] = "units",
    max_parts: Optional[int] = 10,
    warn_parts: Optional[int] = 4,
    max_characters: Optional[int] = 1600,
    rate: Optional[_Rate] = None,
    currency: Optional[str] = None,
    national_languages: Optional[Union[str, List[str]]] = None,
    concat: Optional[_Concat] = "udh8",
) -> List[Union[Analysis, RejectedError]]: ...
def analyze_arrow(
    array: pyarrow.Array, /, *, jobs: Optional[int] = None, **options: Any
) -> pyarrow.StructArray: ...
def arrow_type(**options: Any) -> pyarrow.StructType: ...

@final
class Decoded:
    """One decoded part (``septet decode --json``). Immutable."""

    @property
    def text(self) -> Optional[str]: ...
    @property
    def data(self) -> Optional[bytes]: ...
    @property
    def encoding(self) -> Literal["GSM-7", "UCS-2", "8-bit"]: ...
    @property
    def national_language(self) -> Dict[str, Optional[str]]: ...
    @property
    def concat(self) -> Optional[Dict[str, int]]: ...
    @property
    def warnings(self) -> List[Dict[str, str]]: ...
    @property
    def address(self) -> Optional[str]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

def decode(user_data: bytes, /, *, dcs: int, udhi: bool, udl: int) -> Decoded: ...
def decode_pdu(pdu: Union[bytes, str], /) -> Decoded: ...
def encode_object(text: str, /, **options: Any) -> Dict[str, Any]: ...

@final
class Reassembler:
    """Puts concatenated parts back together (the core ``septet::Reassembler``)."""

    def __new__(
        cls,
        *,
        max_pending: int = 4096,
        max_age: Optional[int] = None,
        remembered_completed: int = 4096,
    ) -> "Reassembler": ...
    def push(
        self,
        part: Optional[Decoded] = None,
        /,
        *,
        sender: Optional[str] = None,
        id: Any = None,
        now: Optional[int] = None,
        user_data: Optional[bytes] = None,
        dcs: Optional[int] = None,
        udhi: Optional[bool] = None,
        udl: Optional[int] = None,
    ) -> List[Dict[str, Any]]: ...
    def finish(self) -> List[Dict[str, Any]]: ...
    @property
    def pending(self) -> int: ...
    @property
    def duplicates(self) -> int: ...
