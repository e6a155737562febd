"""Every public function and class documents itself with an example (run as a doctest), and
the signatures are the issue's."""

import inspect

import pytest

import septet
import septet.arrow
import septet.spark

PUBLIC = [
    septet.analyze, septet.analyze_many, septet.Analysis, septet.encode, septet.decode,
    septet.decode_pdu, septet.Decoded, septet.Reassembler, septet.RejectedError,
    septet.PduError, septet.arrow.analyze, septet.arrow.result_type, septet.spark.spark_type,
]


@pytest.mark.parametrize("item", PUBLIC, ids=lambda item: item.__name__)
def test_has_an_example(item):
    assert ">>> " in (item.__doc__ or ""), item


@pytest.mark.parametrize("function", [septet.analyze, septet.analyze_many, septet.decode,
                                      septet.decode_pdu])
def test_compiled_functions_are_septets(function):
    # So that help() names them septet.analyze, ... and pytest's --doctest-modules on the
    # package runs their examples.
    assert function.__module__ == "septet"


def test_analyze_signature_is_the_issues():
    params = inspect.signature(septet.analyze).parameters
    assert list(params)[0] == "text"
    assert params["text"].kind is inspect.Parameter.POSITIONAL_ONLY
    keywords = {name: p.default for name, p in params.items()
                if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert keywords == {
        "smart_encoding": False, "encoding": "auto", "sender": None, "charset": "gsm0338",
        "split": "units", "max_parts": 10, "warn_parts": 4, "max_characters": 1600,
        "rate": None, "currency": None, "national_languages": None, "concat": "udh8",
    }
    many = inspect.signature(septet.analyze_many).parameters
    assert {name for name in many if name not in ("texts", "jobs")} == set(keywords)


def test_defaults_in_the_signature_are_the_engines():
    # Passing the documented defaults explicitly changes nothing.
    defaults = {name: p.default for name, p in inspect.signature(septet.analyze).parameters.items()
                if p.kind is inspect.Parameter.KEYWORD_ONLY}
    for text in ("hello", "a" * 700, "Don’t 😀", "Şule"):
        assert septet.analyze(text, **defaults) == septet.analyze(text)
