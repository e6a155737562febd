"""Spark throughput of septet.spark.analyze in local mode, 1 core vs 2. A benchmark, not a test.

    target/py/bin/python python/bench/spark_bench.py [--rows N]

Writes N campaign messages (bench.py's templates) to a Parquet file, then for local[1] and
local[2] times a job that reads it, adds the analysis columns and sums parts and cost (best of 3),
and, as a floor, the same job without septet (read and sum the text lengths).
"""

import argparse
import os
import sys
import tempfile
import time

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(__file__))
from bench import campaign_corpus  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    import septet.spark

    path = os.path.join(tempfile.mkdtemp(), "messages.parquet")
    pq.write_table(pa.table({"text": campaign_corpus(args.rows)}), path, row_group_size=100_000)
    for cores in (1, 2):
        spark = (SparkSession.builder.master(f"local[{cores}]").appName("septet-bench")
                 .config("spark.ui.enabled", "false").getOrCreate())
        df = spark.read.parquet(path).repartition(cores * 4)
        df.cache().count()

        def job():
            return septet.spark.analyze(df, rate="0.0075").agg(
                F.sum("parts"), F.sum("cost")).collect()[0]

        def floor():
            return df.agg(F.sum(F.length("text"))).collect()[0]

        for name, fn in (("septet.spark.analyze", job), ("read + sum(length)", floor)):
            fn()  # warm up the workers
            best = min(timed(fn) for _ in range(3))
            print(f"local[{cores}] {name:<22} {args.rows / best:>12,.0f} rows/s  ({best:.2f} s)")
        spark.stop()


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
