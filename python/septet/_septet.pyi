"""Type stubs of the compiled module ``septet._septet`` (re-exported by ``septet``)."""

from decimal import Decimal
from typing import Any, Dict, Iterable, List, Literal, Optional, Union

import pyarrow

from ._errors import RejectedError

__version__: str

Encoding = Literal["auto", "gsm7", "ucs2"]
Sender = Literal["long-code", "toll-free", "short-code", "alphanumeric"]
Charset = Literal["gsm0338", "carrier-safe", "ascii7"]
Split = Literal["units", "graphemes"]
Rate = Union[Decimal, str, int]

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
    def concat(self) -> Literal["udh8", "udh16", "sar", "payload"]: ...
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
    def __eq__(self, other: object) -> bool: ...

def analyze(
    text: str,
    /,
    *,
    smart_encoding: bool = False,
    encoding: Optional[Encoding] = "auto",
    sender: Optional[Sender] = None,
    charset: Optional[Charset] = "gsm0338",
    split: Optional[Split] = "units",
    max_parts: Optional[int] = 10,
    warn_parts: Optional[int] = 4,
    max_characters: Optional[int] = 1600,
    rate: Optional[Rate] = None,
    currency: Optional[str] = None,
    national_languages: Optional[Union[str, List[str]]] = None,
    concat: Optional[Literal["udh8", "udh16", "sar", "payload"]] = "udh8",
) -> Analysis: ...
def analyze_many(
    texts: Iterable[str],
    /,
    *,
    jobs: Optional[int] = None,
    smart_encoding: bool = False,
    encoding: Optional[Encoding] = "auto",
    sender: Optional[Sender] = None,
    charset: Optional[Charset] = "gsm0338",
    split: Optional[Split] = "units",
    max_parts: Optional[int] = 10,
    warn_parts: Optional[int] = 4,
    max_characters: Optional[int] = 1600,
    rate: Optional[Rate] = None,
    currency: Optional[str] = None,
    national_languages: Optional[Union[str, List[str]]] = None,
    concat: Optional[Literal["udh8", "udh16", "sar", "payload"]] = "udh8",
) -> List[Union[Analysis, RejectedError]]: ...
def analyze_arrow(
    array: pyarrow.Array, /, *, jobs: Optional[int] = None, **options: Any
) -> pyarrow.StructArray: ...
def arrow_type(**options: Any) -> pyarrow.StructType: ...

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
    def __eq__(self, other: object) -> bool: ...

def decode(user_data: bytes, /, *, dcs: int, udhi: bool, udl: int) -> Decoded: ...
def decode_pdu(pdu: Union[bytes, str], /) -> Decoded: ...
def encode_object(text: str, /, **options: Any) -> Dict[str, Any]: ...

class Reassembler:
    """Puts concatenated parts back together (the core ``septet::Reassembler``)."""

    def __init__(
        self, *, max_pending: int = 4096, max_age: Optional[int] = None,
        remembered_completed: int = 4096,
    ) -> None: ...
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
