"""analyze_many agrees with analyze, item by item."""

import threading

import pytest

import septet


@pytest.mark.parametrize(
    "options",
    [{}, {"smart_encoding": True, "rate": "0.0075"}, {"encoding": "gsm7"}, {"max_parts": 3}],
)
def test_analyze_many_equals_analyze_one_by_one(corpus, options):
    many = septet.analyze_many(corpus, **options)
    assert len(many) == len(corpus)
    for text, item in zip(corpus, many):
        try:
            one = septet.analyze(text, **options)
        except septet.RejectedError as e:
            assert isinstance(item, septet.RejectedError)
            assert (item.code, item.kind, item.message) == (e.code, e.kind, e.message)
        else:
            assert isinstance(item, septet.Analysis)
            assert item.to_dict() == one.to_dict()
            assert (item.parts, item.cost) == (one.parts, one.cost)


def test_items_are_returned_not_raised():
    items = septet.analyze_many(["", "ok", "a" * 1531])
    assert [type(i).__name__ for i in items] == ["RejectedError", "Analysis", "RejectedError"]
    assert [getattr(i, "code", None) for i in items] == [40316, None, 40302]


def test_any_iterable_of_str():
    assert [a.parts for a in septet.analyze_many(t for t in ("a", "b" * 200))] == [1, 2]
    assert septet.analyze_many([]) == []


def test_a_non_str_item_is_a_type_error_naming_its_index():
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        septet.analyze_many(["a", 2, "c"])


def test_bad_options_raise_before_any_work():
    with pytest.raises(TypeError, match="max_part"):
        septet.analyze_many(["a"], max_part=3)


def test_other_threads_run_while_the_engine_works():
    texts = ["Don’t miss our “flash sale” — 50% off! " * 30] * 20_000
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        before = len(ticks)
        septet.analyze_many(texts, smart_encoding=True, max_characters=10_000, max_parts=100)
        during = len(ticks) - before
    finally:
        done.set()
        t.join()
    assert during > 0


@pytest.mark.parametrize("jobs", [1, 2, 3, 7])
def test_jobs_change_nothing_but_the_threads(make_corpus, jobs):
    texts = make_corpus(3000)
    one = [item.to_dict() if isinstance(item, septet.Analysis) else (item.code, item.kind)
           for item in septet.analyze_many(texts, jobs=1, smart_encoding=True)]
    many = [item.to_dict() if isinstance(item, septet.Analysis) else (item.code, item.kind)
            for item in septet.analyze_many(texts, jobs=jobs, smart_encoding=True)]
    assert many == one
    assert len(many) == 3000


def test_jobs_must_be_positive():
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        septet.analyze_many(["a"], jobs=0)
    with pytest.raises(OverflowError):
        septet.analyze_many(["a"], jobs=-1)
    # More threads than messages is fine.
    assert [a.parts for a in septet.analyze_many(["a", "b" * 161], jobs=16)] == [1, 2]
