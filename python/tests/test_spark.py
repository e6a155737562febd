"""septet.spark on a local Spark (local[2]): 100,000 messages, the same parts as analyze_many."""

import os
import sys
from decimal import Decimal

import pytest

pyspark = pytest.importorskip("pyspark")

import septet  # noqa: E402
import septet.spark  # noqa: E402

ROWS = 100_000


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("septet-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_summed_parts_equal_analyze_many(spark, make_corpus):
    from pyspark.sql import functions as F

    base = make_corpus(1000, seed=7)
    texts = [base[i % len(base)] for i in range(ROWS)]
    texts[5] = None
    df = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string")
    out = septet.spark.analyze(df.repartition(4), rate="0.0075", smart_encoding=True)
    got = out.agg(
        F.sum("parts").alias("parts"),
        F.sum("cost").alias("cost"),
        F.count("error_code").alias("rejected"),
        F.count("id").alias("rows"),
        F.sum(F.col("encoding").isNull().cast("int")).alias("no_encoding"),
    ).collect()[0]

    many = septet.analyze_many([t for t in texts if t is not None], rate="0.0075",
                               smart_encoding=True)
    accepted = [a for a in many if isinstance(a, septet.Analysis)]
    assert got["rows"] == ROWS
    assert got["parts"] == sum(a.parts for a in accepted)
    assert got["cost"] == sum(a.cost for a in accepted)
    assert isinstance(got["cost"], Decimal)
    assert got["rejected"] == len(many) - len(accepted)
    assert got["no_encoding"] == got["rejected"] + 1  # the rejected ones and the null


def test_columns_and_rows(spark):
    df = spark.createDataFrame([("hello",), ("a" * 161,), (None,), ("",)], "msg string")
    out = septet.spark.analyze(df, column="msg")
    assert out.columns[:3] == ["msg", "encoding", "parts"]
    rows = out.select("msg", "parts", "error_code").collect()
    assert [tuple(r) for r in rows] == [
        ("hello", 1, None), ("a" * 161, 2, None), (None, None, None), ("", None, 40316)]


def test_options_and_columns_are_checked_on_the_driver(spark):
    df = spark.createDataFrame([("x", 1)], "text string, parts int")
    with pytest.raises(ValueError, match="parts"):
        septet.spark.analyze(df)
    with pytest.raises(ValueError, match="nope"):
        septet.spark.analyze(df, column="nope")
    with pytest.raises(TypeError, match="string"):
        septet.spark.analyze(df, column="parts")
    with pytest.raises(TypeError, match="smart_encodng"):
        septet.spark.analyze(df.select("text"), smart_encodng=True)
