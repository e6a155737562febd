"""Analyse a whole Arrow column of messages at once.

The column crosses into Rust through the Arrow C data interface: no Python object is made per
row, and the GIL is released while the engine works. The result is a ``pyarrow.StructArray``
with one row per message and these fields:

=================  ==================  ====================================================
field              type                meaning
=================  ==================  ====================================================
encoding           string              ``"GSM-7"`` or ``"UCS-2"``
parts              int64               billed parts (segments)
units              int64               septets (GSM-7) or UTF-16 code units (UCS-2)
characters         int64               characters after smart encoding
units_per_part     int64               160/153 or 70/67
units_remaining    int64               units free in the last part
charset            string              ``gsm0338``, ``carrier-safe`` or ``ascii7``
cost               decimal128(38, s)   parts × rate (``s`` is the rate's scale), else null
warning_code       int32               40328 above ``warn_parts`` parts, else null
error_code         int32               the provider's code when rejected, else null
error_kind         string              e.g. ``too_many_parts`` when rejected, else null
=================  ==================  ====================================================

A rejected message has null analysis fields and its ``error_code``; a null message gives a null
row.

>>> import pyarrow as pa
>>> import septet.arrow
>>> out = septet.arrow.analyze(pa.array(["hello", None, "😀" * 40, ""]), rate="0.0075")
>>> out.field("parts").to_pylist()
[1, None, 2, None]
>>> out.field("cost").to_pylist()
[Decimal('0.0075'), None, Decimal('0.0150'), None]
>>> out.field("error_code").to_pylist()
[None, None, None, 40316]

pandas and Polars reach it through their Arrow conversions:

>>> import pandas as pd
>>> df = pd.DataFrame({"text": ["hello", "a" * 161]})
>>> res = septet.arrow.analyze(pa.array(df["text"]))
>>> df = df.join(pa.RecordBatch.from_struct_array(res).to_pandas())
>>> df[["encoding", "parts", "units"]].values.tolist()
[['GSM-7', 1, 5], ['GSM-7', 2, 161]]

Polars (``Series.to_arrow()`` may give a ``string_view`` array, which is accepted too)::

    import polars as pl
    df = pl.DataFrame({"text": ["hello", "a" * 161]})
    res = pl.from_arrow(septet.arrow.analyze(df["text"].to_arrow()))
    df = pl.concat([df, res.struct.unnest()], how="horizontal")
"""

from typing import Any, Optional, Union

import pyarrow as pa

from ._septet import analyze_arrow as _analyze_arrow
from ._septet import arrow_type as _arrow_type

__all__ = ["analyze", "result_type"]


def result_type(**options: Any) -> pa.StructType:
    """The struct type :func:`analyze` returns for these options.

    The ``cost`` field's scale is the rate's:

    >>> import septet.arrow
    >>> septet.arrow.result_type(rate="0.0051").field("cost").type
    Decimal128Type(decimal128(38, 4))
    """
    return _arrow_type(**options)


def analyze(
    array: Union[pa.Array, pa.ChunkedArray], *, jobs: Optional[int] = None, **options: Any
) -> pa.StructArray:
    """Analyse every message of a string, large_string or string_view array.

    ``options`` are those of :func:`septet.analyze`. A ``ChunkedArray`` is analysed chunk by
    chunk and the results joined into one ``StructArray``. ``jobs`` is the number of threads
    the analysis is shared among (default 1; building the columns stays on one thread); the
    result is the same for every ``jobs``.

    >>> import pyarrow as pa
    >>> import septet.arrow
    >>> chunks = pa.chunked_array([["a" * 161], ["b", None]], type=pa.large_string())
    >>> septet.arrow.analyze(chunks).field("parts").to_pylist()
    [2, 1, None]
    """
    if isinstance(array, pa.ChunkedArray):
        result = [_analyze_arrow(chunk, jobs=jobs, **options) for chunk in array.chunks]
        if not result:
            return pa.array([], type=_arrow_type(**options))
        if len(result) == 1:
            return result[0]
        return pa.concat_arrays(result)
    return _analyze_arrow(array, jobs=jobs, **options)
