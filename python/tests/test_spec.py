"""The specification's examples (../shared/spec/sms-encoding.md), through septet.analyze."""

from decimal import Decimal

import pytest

import septet


@pytest.mark.parametrize(
    "units, parts",
    [(160, 1), (161, 2), (306, 2), (307, 3), (1530, 10)],
)
def test_gsm7_part_counts(units, parts):
    a = septet.analyze("a" * units)
    assert (a.encoding, a.units, a.parts) == ("GSM-7", units, parts)
    assert a.units_per_part == (160 if parts == 1 else 153)


@pytest.mark.parametrize(
    "units, parts",
    [(70, 1), (71, 2), (134, 2), (135, 3), (670, 10)],
)
def test_ucs2_part_counts(units, parts):
    a = septet.analyze("ж" * units)
    assert (a.encoding, a.units, a.parts) == ("UCS-2", units, parts)
    assert a.units_per_part == (70 if parts == 1 else 67)


def test_161_septets_of_155_basic_and_3_bars():
    a = septet.analyze("a" * 155 + "|||")
    assert (a.characters, a.units, a.parts) == (158, 161, 2)


def test_price_example_is_17_characters_19_septets():
    a = septet.analyze("Price: $100 [USD]")
    assert (a.encoding, a.characters, a.units, a.parts) == ("GSM-7", 17, 19, 1)
    assert a.units_remaining == 141


def test_emoji_counts_two_units():
    a = septet.analyze("😀" * 35)
    assert (a.encoding, a.units, a.parts) == ("UCS-2", 70, 1)


def test_grave_accent_and_small_c_cedilla_are_not_gsm7():
    assert septet.analyze("`").encoding == "UCS-2"
    assert septet.analyze("ç").encoding == "UCS-2"
    assert septet.analyze("Ç¤$").encoding == "GSM-7"


def test_200_characters_cost_section_4():
    rate = Decimal("0.0079")
    plain = "a" * 199
    assert septet.analyze(plain + "b", rate=rate).cost == Decimal("0.0158")
    assert septet.analyze(plain + "😀", rate=rate).parts == 3
    curly = septet.analyze(plain + "’", rate=rate)
    assert (curly.parts, curly.cost) == (3, Decimal("0.0237"))
    smart = septet.analyze(plain + "’", rate=rate, smart_encoding=True)
    assert (smart.encoding, smart.parts, smart.cost) == ("GSM-7", 2, Decimal("0.0158"))


def test_cost_is_an_exact_decimal_with_the_rates_digits():
    a = septet.analyze("x" * 400, rate="0.0050", currency="EUR")
    assert isinstance(a.cost, Decimal)
    assert str(a.cost) == "0.0150"
    assert a.currency == "EUR"
    assert septet.analyze("hi").cost is None
    assert septet.analyze("hi", rate=Decimal("0.1")).cost == Decimal("0.1")
    assert septet.analyze("hi", rate=2).cost == Decimal(2)


def test_smart_encoding_metadata():
    a = septet.analyze("“Hi” … “there”", smart_encoding=True)
    assert a.encoding == "GSM-7"
    assert a.smart_encoding == {
        "smart_encoding_applied": True,
        "final_encoding": "gsm7",
        "segment_count": 1,
        "character_count": 16,
        "replaced_character_count": 3,
        "length_change": 2,
    }
    assert septet.analyze("plain").smart_encoding is None


def test_encoding_precedence_table():
    text = "Don’t"
    assert septet.analyze(text).encoding == "UCS-2"
    assert septet.analyze(text, smart_encoding=True).encoding == "GSM-7"
    assert septet.analyze(text, encoding="gsm7").encoding == "GSM-7"
    assert septet.analyze(text, smart_encoding=True, encoding="ucs2").encoding == "UCS-2"


def test_short_code_sends_ascii7():
    a = septet.analyze("£5", sender="short-code")
    assert (a.charset, a.encoding) == ("ascii7", "UCS-2")
    assert septet.analyze("£5", sender="long-code").encoding == "GSM-7"


def test_many_parts_warning():
    a = septet.analyze("a" * 800)
    assert a.parts == 6
    assert [w["code"] for w in a.warnings] == [40328]
    assert septet.analyze("a" * 800, warn_parts=6).warnings == []


def test_graphemes_split_keeps_a_family_in_one_part():
    family = "👨‍👩‍👧"  # 8 UTF-16 code units: 2 + 1 + 2 + 1 + 2
    text = "a" * 65 + family  # 73 units: two parts of at most 67
    units = septet.analyze(text)
    graphemes = septet.analyze(text, split="graphemes")
    assert (units.parts, graphemes.parts) == (2, 2)
    assert units.units_remaining == 67 - 6  # the cut falls after the man
    assert graphemes.units_remaining == 67 - 8  # the whole family moves to part 2
