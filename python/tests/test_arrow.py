"""septet.arrow: the same answers as septet.analyze, with nulls, chunks and every string type."""

from decimal import Decimal

import pyarrow as pa
import pytest

import septet
import septet.arrow

FIELDS = ["encoding", "parts", "units", "characters", "units_per_part", "units_remaining",
          "charset"]


def expected_row(text, options):
    if text is None:
        return None
    try:
        a = septet.analyze(text, **options)
    except septet.RejectedError as e:
        row = {f: None for f in FIELDS}
        row.update(cost=None, warning_code=None, error_code=e.code, error_kind=e.kind)
        return row
    row = {f: getattr(a, f) for f in FIELDS}
    row.update(
        cost=a.cost,
        warning_code=a.warnings[0]["code"] if a.warnings else None,
        error_code=None,
        error_kind=None,
    )
    return row


@pytest.mark.parametrize(
    "options", [{}, {"smart_encoding": True, "rate": "0.0075"}, {"encoding": "gsm7"}]
)
@pytest.mark.parametrize("string_type", [pa.string(), pa.large_string(), pa.string_view()])
def test_rows_equal_analyze(corpus, options, string_type):
    texts = list(corpus) + [None]
    out = septet.arrow.analyze(pa.array(texts, type=string_type), **options)
    assert isinstance(out, pa.StructArray)
    assert out.type == septet.arrow.result_type(**options)
    assert out.to_pylist() == [expected_row(t, options) for t in texts]


def test_nulls_in_nulls_out():
    out = septet.arrow.analyze(pa.array([None, "hi", None], type=pa.string()))
    assert out.is_null().to_pylist() == [True, False, True]
    assert out.field("parts").to_pylist() == [None, 1, None]
    assert out.null_count == 2


def test_all_null_and_empty_arrays():
    assert septet.arrow.analyze(pa.array([None, None], type=pa.string())).null_count == 2
    empty = septet.arrow.analyze(pa.array([], type=pa.string()))
    assert len(empty) == 0


def test_chunked_array(corpus):
    chunks = pa.chunked_array([corpus[:100], corpus[100:101], [], corpus[101:]],
                              type=pa.large_string())
    out = septet.arrow.analyze(chunks, rate="0.01")
    assert isinstance(out, pa.StructArray)
    whole = septet.arrow.analyze(pa.array(corpus), rate="0.01")
    assert out.to_pylist() == whole.to_pylist()
    empty = septet.arrow.analyze(pa.chunked_array([], type=pa.string()))
    assert len(empty) == 0


def test_sliced_array_keeps_its_offset():
    arr = pa.array(["a" * 161, "b", None, "c" * 400])
    assert septet.arrow.analyze(arr.slice(1, 3)).field("parts").to_pylist() == [1, None, 3]


def test_cost_is_decimal_with_the_rates_scale():
    out = septet.arrow.analyze(pa.array(["x" * 400, "y"]), rate=Decimal("0.0050"))
    assert out.type.field("cost").type == pa.decimal128(38, 4)
    assert out.field("cost").to_pylist() == [Decimal("0.0150"), Decimal("0.0050")]
    assert septet.arrow.analyze(pa.array(["x"])).field("cost").to_pylist() == [None]


def test_rejections_and_warnings_by_code():
    out = septet.arrow.analyze(pa.array(["", "a" * 1531, "a" * 800, "x" * 1601]))
    assert out.field("error_code").to_pylist() == [40316, 40302, None, 400]
    assert out.field("error_kind").to_pylist() == [
        "no_content", "too_many_parts", None, "too_many_characters"]
    assert out.field("warning_code").to_pylist() == [None, None, 40328, None]
    assert out.field("parts").to_pylist() == [None, None, 6, None]


def test_not_a_string_array_is_a_type_error():
    with pytest.raises(TypeError, match="string"):
        septet.arrow.analyze(pa.array([1, 2]))


def test_bad_options_are_checked():
    with pytest.raises(TypeError, match="smart_encodng"):
        septet.arrow.analyze(pa.array(["a"]), smart_encodng=True)
    with pytest.raises(ValueError, match="charset"):
        septet.arrow.result_type(charset="latin1")


def test_pandas_through_arrow():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": ["hello", "a" * 161, None]})
    res = septet.arrow.analyze(pa.array(df["text"]))
    df = df.join(pa.RecordBatch.from_struct_array(res).to_pandas())
    assert df["parts"].tolist()[:2] == [1, 2]
    assert pd.isna(df["parts"].tolist()[2])


def test_polars_through_arrow():
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"text": ["hello", "a" * 161, None, "😀"]})
    res = pl.from_arrow(septet.arrow.analyze(df["text"].to_arrow()))
    df = pl.concat([df, res.struct.unnest()], how="horizontal")
    assert df["parts"].to_list() == [1, 2, None, 1]
    assert df["encoding"].to_list() == ["GSM-7", "GSM-7", None, "UCS-2"]


@pytest.mark.parametrize("jobs", [None, 1, 2, 5])
def test_threads_and_blocks_give_the_same_column(make_corpus, jobs):
    # Longer than one block of 65,536 rows, with nulls on both sides of the block edge, so
    # both the threads' slices and the blocks have edges inside the array.
    base = make_corpus(1000) + [None]
    texts = (base * 70)[:70_001]
    texts[65_535] = None
    texts[65_536] = "€" * 200
    array = pa.array(texts)
    expected = septet.arrow.analyze(array, jobs=1, rate="0.0075")
    got = septet.arrow.analyze(array, jobs=jobs, rate="0.0075")
    assert got.equals(expected)
    assert got.field("parts")[65_535].as_py() is None
    assert got.field("parts")[65_536].as_py() == 3
    # And row by row equal to septet.analyze on a sample across the edges.
    for i in list(range(0, 200)) + list(range(65_500, 65_600)):
        assert got[i].as_py() == expected_row(texts[i], {"rate": "0.0075"})


def test_arrow_jobs_must_be_positive():
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        septet.arrow.analyze(pa.array(["a"]), jobs=0)
