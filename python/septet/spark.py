"""Analyse a Spark DataFrame column of messages on the cluster.

:func:`analyze` adds the fields of :mod:`septet.arrow` as columns. It is built on
``DataFrame.mapInArrow`` with an explicit schema, so it runs on any Spark (3.3 or later) whose
workers have this package installed: each Arrow batch of the column goes to the engine as it is,
without a Python object per row.

Example (not run as a doctest: it starts a JVM)::

    from pyspark.sql import SparkSession
    import septet.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    df = spark.createDataFrame([("hello",), ("a" * 161,)], ["text"])
    out = septet.spark.analyze(df, rate="0.0075", smart_encoding=True)
    out.groupBy("encoding").sum("parts", "cost").show()
"""

from typing import Any, Iterator

import pyarrow as pa

from .arrow import analyze as _analyze_arrow
from .arrow import result_type

__all__ = ["analyze", "spark_type"]


def spark_type(arrow_type: pa.DataType) -> Any:
    """The Spark SQL type of one of :func:`septet.arrow.result_type`'s field types.

    >>> import pyarrow as pa
    >>> from septet.spark import spark_type
    >>> spark_type(pa.decimal128(38, 4))
    DecimalType(38,4)
    """
    from pyspark.sql import types as t

    if pa.types.is_int64(arrow_type):
        return t.LongType()
    if pa.types.is_int32(arrow_type):
        return t.IntegerType()
    if pa.types.is_boolean(arrow_type):
        return t.BooleanType()
    if pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return t.StringType()
    if pa.types.is_decimal(arrow_type):
        return t.DecimalType(arrow_type.precision, arrow_type.scale)
    raise TypeError(f"no Spark type for {arrow_type}")


def analyze(df: Any, column: str = "text", jobs: int = 1, **options: Any) -> Any:
    """``df`` with the result fields of :mod:`septet.arrow` added as columns.

    ``column`` names the string column holding the messages; ``options`` are those of
    :func:`septet.analyze` and are checked here, on the driver, before any job runs. A null
    message gives nulls; a rejected one gives null analysis fields and its ``error_code``.
    ``jobs`` is the number of threads each Spark task analyses a batch with (default 1: Spark
    already runs one task per core).
    """
    from pyspark.sql import types as t

    struct = result_type(**options)
    names = [field.name for field in struct]
    if column not in df.columns:
        raise ValueError(f"column {column!r} not in the DataFrame (columns: {df.columns})")
    if not isinstance(df.schema[column].dataType, t.StringType):
        raise TypeError(f"column {column!r} must be a string column, not {df.schema[column].dataType}")
    clash = [name for name in names if name in df.columns]
    if clash:
        raise ValueError(f"the DataFrame already has result column(s) {clash}; rename them first")
    schema = t.StructType(
        list(df.schema.fields)
        + [t.StructField(field.name, spark_type(field.type), True) for field in struct]
    )
    opts = dict(options)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            result = _analyze_arrow(batch.column(column), jobs=jobs, **opts)
            yield pa.RecordBatch.from_arrays(
                list(batch.columns) + result.flatten(), names=list(batch.schema.names) + names
            )

    return df.mapInArrow(run, schema)
