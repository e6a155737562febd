"""Rejections by kind, and bad options by kind."""

import pickle
from decimal import Decimal

import pytest

import septet


def rejection(text, **options):
    with pytest.raises(septet.RejectedError) as info:
        septet.analyze(text, **options)
    return info.value


def test_rejected_error_is_a_septet_error():
    assert issubclass(septet.RejectedError, septet.SeptetError)
    assert issubclass(septet.SeptetError, Exception)


def test_empty_message_is_40316():
    e = rejection("")
    assert (e.code, e.kind) == (40316, "no_content")
    assert e.message == "no content: the message is empty"
    assert str(e) == "no content: the message is empty (40316)"


def test_empty_after_smart_encoding_is_40316():
    e = rejection("\u200b\ufeff", smart_encoding=True)
    assert (e.code, e.kind) == (40316, "no_content")
    assert "after smart encoding" in e.message
    # Without smart encoding, those characters are sent (as UCS-2).
    assert septet.analyze("\u200b\ufeff").encoding == "UCS-2"


def test_too_many_parts_is_40302():
    e = rejection("a" * 1531)
    assert (e.code, e.kind) == (40302, "too_many_parts")
    assert "11 parts" in e.message
    assert septet.analyze("a" * 1531, max_parts=11).parts == 11
    assert rejection("a" * 161, max_parts=1).code == 40302


def test_not_gsm7_is_400():
    e = rejection("Hi 😀", encoding="gsm7")
    assert (e.code, e.kind) == (400, "not_gsm7")
    assert "U+1F600" in e.message


def test_too_many_characters_is_400():
    e = rejection("x" * 1601)
    assert (e.code, e.kind) == (400, "too_many_characters")
    assert septet.analyze("x" * 1601, max_characters=2000, max_parts=11).parts == 11


def test_rejected_error_pickles_with_its_attributes():
    e = rejection("")
    back = pickle.loads(pickle.dumps(e))
    assert (back.code, back.kind, back.message) == (e.code, e.kind, e.message)


@pytest.mark.parametrize(
    "options, name",
    [
        ({"smart_encodng": True}, "smart_encodng"),
        ({"rates": "0.1"}, "rates"),
        ({"smart_encoding": "yes"}, "smart_encoding"),
        ({"max_parts": "10"}, "max_parts"),
        ({"max_parts": 2.0}, "max_parts"),
        ({"max_parts": True}, "max_parts"),
        ({"encoding": 7}, "encoding"),
        ({"rate": 0.1}, "rate"),
        ({"currency": 978}, "currency"),
    ],
)
def test_option_of_the_wrong_name_or_type_is_a_type_error(options, name):
    with pytest.raises(TypeError, match=name):
        septet.analyze("hi", **options)


@pytest.mark.parametrize(
    "options, name",
    [
        ({"encoding": "gsm8"}, "encoding"),
        ({"charset": "latin1"}, "charset"),
        ({"sender": "pigeon"}, "sender"),
        ({"split": "words"}, "split"),
        ({"max_parts": -1}, "max_parts"),
        ({"max_parts": 0}, "max_parts"),
        ({"warn_parts": 0}, "warn_parts"),
        ({"max_characters": 0}, "max_characters"),
        ({"currency": "EUR"}, "currency"),
        ({"rate": "-0.1"}, "rate"),
        ({"rate": "abc"}, "rate"),
        ({"rate": Decimal("NaN")}, "rate"),
    ],
)
def test_option_with_a_bad_value_is_a_value_error(options, name):
    with pytest.raises(ValueError, match=name):
        septet.analyze("hi", **options)


def test_misspelt_option_suggests_the_right_name():
    with pytest.raises(TypeError, match="did you mean `smart_encoding`"):
        septet.analyze("hi", smart_encodng=True)
    with pytest.raises(TypeError, match="did you mean `max_parts`"):
        septet.analyze_many(["hi"], maxparts=3)


def test_the_schemas_parts_field_is_not_a_keyword():
    with pytest.raises(TypeError, match="parts"):
        septet.analyze("hi", parts=True)


def test_bad_options_are_not_rejections():
    with pytest.raises(ValueError) as info:
        septet.analyze("hi", encoding="gsm8")
    assert not isinstance(info.value, septet.SeptetError)


def test_text_must_be_a_str():
    with pytest.raises(TypeError, match="text"):
        septet.analyze(b"hi")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text"):
        septet.analyze(None)  # type: ignore[arg-type]


def test_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError, match="surrogate"):
        septet.analyze("a\ud800b")


def test_none_means_the_default():
    a = septet.analyze("a" * 161, sender=None, rate=None, currency=None, encoding=None)
    assert (a.parts, a.cost, a.charset) == (2, None, "gsm0338")


@pytest.mark.parametrize("name", ["max_parts", "warn_parts", "max_characters"])
def test_limits_are_at_least_1_as_the_cli_flags(name):
    # `septet --max-parts 0` is a usage error ("must be at least 1"), not a rejection of every
    # message: the same here, for every entry point.
    for value in (0, -3):
        with pytest.raises(ValueError, match=f"option `{name}`: must be at least 1"):
            septet.analyze("hi", **{name: value})
        with pytest.raises(ValueError, match=name):
            septet.analyze_many(["hi"], **{name: value})
    with pytest.raises(ValueError, match=f"option `{name}`: too large"):
        septet.analyze("hi", **{name: 2**80})
    assert septet.analyze("h", **{name: 1}).parts == 1


def test_reference_may_be_0():
    assert septet.encode("a" * 161, reference=0).reference == 0
    with pytest.raises(ValueError, match="reference"):
        septet.encode("a" * 161, reference=-1)


def test_currency_needs_a_rate():
    # As `--currency` requires `--rate`: a currency alone would be silently dropped.
    with pytest.raises(ValueError, match="option `currency` needs `rate`"):
        septet.analyze("hi", currency="USD")
    with pytest.raises(ValueError, match="currency"):
        septet.analyze_many(["hi"], currency="USD", rate=None)
    assert septet.analyze("hi", currency="USD", rate="0.01").currency == "USD"


@pytest.mark.parametrize(
    "rate, text",
    [
        # str(Decimal) of these is in exponent form ("1E-8", "1.0E-7", "1E+2").
        (Decimal("0.00000001"), "0.00000001"),
        (Decimal("1E-8"), "0.00000001"),
        (Decimal("0.00000010"), "0.00000010"),
        (Decimal("1E+2"), "100"),
        (Decimal("0.0075"), "0.0075"),
        (Decimal("5"), "5"),
        (2, "2"),
        ("0.50", "0.50"),
    ],
)
def test_a_decimal_rate_keeps_its_value_and_scale(rate, text):
    a = septet.analyze("a" * 161, rate=rate)
    assert a.to_dict()["cost"] == septet.analyze("a" * 161, rate=text).to_dict()["cost"]
    assert a.to_dict()["cost"]["rate"] == text
    exact = Decimal(text)
    assert a.rate == exact and a.rate.as_tuple().exponent == exact.as_tuple().exponent
    assert a.cost == 2 * exact and a.cost.as_tuple().exponent == exact.as_tuple().exponent


def test_analyze_many_refuses_a_single_str():
    # Iterating a str would analyse each character as a message.
    with pytest.raises(TypeError, match="single str"):
        septet.analyze_many("hello")  # type: ignore[arg-type]
    assert len(septet.analyze_many(iter(["a", "b"]))) == 2


def test_unknown_option_lists_only_this_functions_options():
    with pytest.raises(TypeError) as info:
        septet.analyze("hi", jobs=2)
    # The schema's fields that are not keywords of septet.analyze (parts, reference, to,
    # smpp_packing) are not offered.
    assert str(info.value) == (
        "unknown field `jobs`; the options are smart_encoding, encoding, sender, charset, "
        "split, max_parts, warn_parts, max_characters, rate, currency, national_languages, concat"
    )
