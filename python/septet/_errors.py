"""The exceptions of septet."""

from typing import Any, Dict, Optional

__all__ = ["SeptetError", "RejectedError", "PduError", "DecodeError", "EncodeError"]


class SeptetError(Exception):
    """Base class of the errors septet raises about a message."""


class RejectedError(SeptetError):
    """The provider would reject the message.

    ``code`` is the provider's code (40316 no content, 40302 too many parts, 400 for a message
    that cannot be GSM-7 under ``encoding="gsm7"`` or is longer than ``max_characters``),
    ``kind`` a stable machine name, ``message`` a sentence for people, and ``details`` the
    error object that ``septet --json`` prints (``{"code", "kind", "detail", ...}``).

    >>> import septet
    >>> try:
    ...     septet.analyze("")
    ... except septet.RejectedError as e:
    ...     print(e.code, e.kind)
    40316 no_content
    """

    code: int
    kind: str
    message: str
    details: Optional[Dict[str, Any]]

    def __init__(
        self, code: int, message: str, kind: str, details: Optional[Dict[str, Any]] = None
    ) -> None:
        super().__init__(code, message, kind, details)
        self.code = code
        self.message = message
        self.kind = kind
        self.details = details

    def __str__(self) -> str:
        return f"{self.message} ({self.code})"

    def __repr__(self) -> str:
        return f"RejectedError(code={self.code!r}, kind={self.kind!r}, message={self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RejectedError):
            return NotImplemented
        return (self.code, self.kind, self.message, self.details) == (
            other.code,
            other.kind,
            other.message,
            other.details,
        )

    __hash__ = None  # type: ignore[assignment]


class PduError(SeptetError, ValueError):
    """Bytes that cannot be read or built: ``kind`` is the machine name the CLI prints
    (``bad_hex``, ``user_data_too_short``, ``header_past_end``, ``not_encodable``, ...) and
    ``detail`` a sentence for people.

    >>> import septet
    >>> try:
    ...     septet.decode(b"\\x05\\x00\\x03", dcs=0, udhi=True, udl=12)
    ... except septet.DecodeError as e:
    ...     print(e.kind)
    user_data_too_short
    """

    kind: str
    detail: str

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.detail} ({self.kind})"


class DecodeError(PduError):
    """Malformed input to :func:`septet.decode` or :func:`septet.decode_pdu`."""


class EncodeError(PduError):
    """A message whose parts cannot be built (see :func:`septet.encode`)."""
