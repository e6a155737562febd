"""``septet.encode``: the parts of a message as the network carries them.

The object mirrors what ``septet encode --json`` prints (``pdu-encoding.md`` section 8), with
the hex strings of the JSON as ``bytes``; ``to_dict()`` gives the JSON object itself.
"""

from typing import Any, Dict, List, Optional

from . import _septet

__all__ = ["Encoded", "EncodedPart", "Smpp", "encode"]


class Smpp:
    """How a part goes into an SMPP ``submit_sm``: ``data_coding``, ``esm_class`` and
    ``short_message`` (bytes); with ``concat="sar"`` also the SAR TLVs ``sar_msg_ref_num``,
    ``sar_total_segments`` and ``sar_segment_seqnum`` (else ``None``).

    >>> import septet
    >>> p = septet.encode("z" * 200, concat="sar", reference=300).encoded_parts[1]
    >>> p.udh, p.smpp.sar_msg_ref_num, p.smpp.sar_total_segments, p.smpp.sar_segment_seqnum
    (b'', 300, 2, 2)
    """

    __slots__ = ("data_coding", "esm_class", "short_message", "sar_msg_ref_num",
                 "sar_total_segments", "sar_segment_seqnum")

    def __init__(self, obj: Dict[str, Any]) -> None:
        self.data_coding: int = obj["data_coding"]
        self.esm_class: int = obj["esm_class"]
        self.short_message: bytes = bytes.fromhex(obj["short_message"])
        self.sar_msg_ref_num: Optional[int] = obj.get("sar_msg_ref_num")
        self.sar_total_segments: Optional[int] = obj.get("sar_total_segments")
        self.sar_segment_seqnum: Optional[int] = obj.get("sar_segment_seqnum")

    def __repr__(self) -> str:
        sar = ""
        if self.sar_msg_ref_num is not None:
            sar = (
                f", sar_msg_ref_num={self.sar_msg_ref_num}, "
                f"sar_total_segments={self.sar_total_segments}, "
                f"sar_segment_seqnum={self.sar_segment_seqnum}"
            )
        return (
            f"Smpp(data_coding={self.data_coding!r}, esm_class={self.esm_class!r}, "
            f"short_message={self.short_message!r}{sar})"
        )


class EncodedPart:
    """One part: ``udh`` and ``user_data`` (the TP-UD, header included) as bytes, ``udl``
    (septets for GSM-7, octets otherwise), ``dcs``, ``udhi``, ``smpp`` and ``tpdu`` (the
    SMS-SUBMIT, only with ``to=``)."""

    __slots__ = ("udh", "user_data", "udl", "dcs", "udhi", "smpp", "tpdu")

    def __init__(self, obj: Dict[str, Any]) -> None:
        self.udh: bytes = bytes.fromhex(obj["udh"])
        self.user_data: bytes = bytes.fromhex(obj["user_data"])
        self.udl: int = obj["udl"]
        self.dcs: int = obj["dcs"]
        self.udhi: bool = obj["udhi"]
        self.smpp = Smpp(obj["smpp"])
        tpdu = obj.get("tpdu")
        self.tpdu: Optional[bytes] = None if tpdu is None else bytes.fromhex(tpdu)

    def __repr__(self) -> str:
        return (
            f"EncodedPart(udh={self.udh!r}, user_data={self.user_data!r}, udl={self.udl}, "
            f"dcs={self.dcs}, udhi={self.udhi})"
        )


class Encoded:
    """An encoded message: the analysis fields of :func:`septet.analyze` (``encoding``,
    ``parts``, ``units``, ...), ``reference`` (``None`` for one part) and ``encoded_parts``."""

    def __init__(self, obj: Dict[str, Any]) -> None:
        self._obj = obj
        self.reference: Optional[int] = obj["reference"]
        self.encoded_parts: List[EncodedPart] = [EncodedPart(p) for p in obj["encoded_parts"]]

    def __getattr__(self, name: str) -> Any:
        obj = self.__dict__.get("_obj")
        if obj is not None and name in obj:
            return obj[name]
        raise AttributeError(name)

    def to_dict(self) -> Dict[str, Any]:
        """The object ``septet encode --json`` prints, hex strings and all."""
        import copy

        return copy.deepcopy(self._obj)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Encoded):
            return NotImplemented
        return self._obj == other._obj

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Encoded(encoding={self._obj['encoding']!r}, parts={self._obj['parts']}, "
            f"reference={self.reference!r})"
        )


def encode(text: str, /, **options: Any) -> Encoded:
    """Encodes a message into its parts, as ``septet encode --json`` does.

    Takes the options of :func:`septet.analyze` plus ``reference=`` (the concatenation
    reference of a multi-part message), ``to=`` (a destination: each part then carries its
    SMS-SUBMIT ``tpdu``) and ``smpp_packing=`` (``"unpacked"``, the default, or ``"packed"``).
    A message the provider would reject raises :class:`septet.RejectedError`; parts that
    cannot be built raise :class:`septet.EncodeError`.

    >>> import septet
    >>> e = septet.encode("hellohello" * 16 + "!", reference=7)
    >>> e.encoding, e.parts, e.reference
    ('GSM-7', 2, 7)
    >>> p = e.encoded_parts[0]
    >>> p.udh.hex().upper(), p.udhi, p.dcs, p.udl
    ('050003070201', True, 0, 160)
    >>> septet.encode("hellohello").encoded_parts[0].user_data.hex().upper()
    'E8329BFD4697D9EC37'
    >>> septet.encode("hellohello").to_dict()["encoded_parts"][0]["user_data"]
    'E8329BFD4697D9EC37'
    """
    return Encoded(_septet.encode_object(text, **options))
