"""Every public API of septet, used the way the stubs say: checked by ``mypy --strict``
(test_typing.py) and run."""

from decimal import Decimal
from typing import Dict, List, Optional, Union

import pyarrow as pa

import septet
import septet.arrow


def use_every_api() -> List[object]:
    out: List[object] = []
    a: septet.Analysis = septet.analyze(
        "Don’t — 10€", smart_encoding=True, encoding="auto", sender="long-code",
        charset="gsm0338", split="units", max_parts=10, warn_parts=4, max_characters=1600,
        rate=Decimal("0.0075"), currency="EUR", national_languages=["turkish:single", "hindi"],
        concat="udh8",
    )
    parts: int = a.parts + a.units + a.characters + a.units_per_part + a.units_remaining
    cost: Optional[Decimal] = a.cost
    rate: Optional[Decimal] = a.rate
    names: List[str] = [a.encoding, a.charset, a.concat, a.currency or ""]
    language: Dict[str, Optional[str]] = a.national_language
    as_dict: Dict[str, object] = a.to_dict()
    out += [parts, cost, rate, names, language, as_dict, a.smart_encoding, a.replacements,
            a.non_gsm, a.warnings, a == a]

    many: List[Union[septet.Analysis, septet.RejectedError]] = septet.analyze_many(
        ["hi", ""], jobs=1, rate="0.01", national_languages="all")
    for item in many:
        if isinstance(item, septet.RejectedError):
            code: int = item.code
            out += [code, item.kind, item.message, item.details]
        else:
            out.append(item.parts)
    try:
        septet.analyze("")
    except septet.SeptetError as error:
        out.append(str(error))

    column: pa.StructArray = septet.arrow.analyze(pa.array(["hi", None]), rate="0.01")
    out += [column, septet.arrow.result_type(rate="0.01")]

    e: septet.Encoded = septet.encode("hellohello" * 17, reference=7, to="+4915112345678",
                                      smpp_packing="packed")
    for p in e.encoded_parts:
        data: bytes = p.user_data + p.udh + p.smpp.short_message + (p.tpdu or b"")
        numbers: List[int] = [p.udl, p.dcs, p.smpp.data_coding, p.smpp.esm_class]
        sar: Optional[int] = p.smpp.sar_msg_ref_num or p.smpp.sar_total_segments
        out.append(sar or p.smpp.sar_segment_seqnum)
        out += [data, numbers, p.udhi]
    out += [e.reference, e.to_dict()]

    first = e.encoded_parts[0]
    d: septet.Decoded = septet.decode(first.user_data, dcs=first.dcs, udhi=first.udhi,
                                      udl=first.udl)
    text: Optional[str] = d.text
    payload: Optional[bytes] = d.data
    concat: Optional[Dict[str, int]] = d.concat
    out += [text, payload, concat, d.encoding, d.national_language, d.warnings, d.address,
            d.to_dict()]
    pdu: septet.Decoded = septet.decode_pdu(bytes.fromhex(
        "07912160130300F4040B914151245584F600087010807121352B10212200A900AE00680065006C006C006F"))
    out.append(pdu.text)

    r = septet.Reassembler(max_pending=10, max_age=60, remembered_completed=10)
    done: List[Dict[str, object]] = r.push(d, sender="+4915", id="a", now=1)
    done += r.push(user_data=e.encoded_parts[1].user_data, dcs=0, udhi=True,
                   udl=e.encoded_parts[1].udl, sender="+4915", id="b", now=2)
    out += [done, r.pending, r.duplicates, r.finish()]
    return out
