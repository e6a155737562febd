"""Analysis.to_dict() equals the object `septet --json` prints, on a varied corpus."""

import json
import random
import subprocess
from decimal import Decimal

import pytest

import septet

OPTION_SETS = [
    {},
    {"smart_encoding": True},
    {"encoding": "gsm7"},
    {"encoding": "ucs2", "rate": "0.0075", "currency": "USD"},
    {"sender": "short-code", "smart_encoding": True, "rate": "0.01"},
    {"charset": "carrier-safe", "split": "graphemes", "max_parts": 4, "warn_parts": 2},
    {"max_characters": 300, "rate": "1.50"},
    {"charset": "ascii7", "encoding": "gsm7", "sender": "alphanumeric"},
    {"national_languages": "all", "concat": "udh16", "rate": Decimal("0.00000001")},
    {"national_languages": ["turkish:single", "hindi"], "split": "graphemes", "max_parts": 3},
    {"national_languages": "spanish,portuguese", "smart_encoding": True, "concat": "sar"},
    {"sender": "toll-free", "concat": "payload", "warn_parts": 1, "rate": 2, "currency": ""},
]

# Text in the languages of the national tables (and one that has none), cut at random places.
NATIONAL = [
    "Güzel şehir İstanbul'da ılık bir gün; Şükrü ğ ş ı İ ç",
    "नमस्ते, आपका कोड १२३४ है। धन्यवाद",
    "¿Dónde está? ¡Mañana! Señor Núñez, camión, pingüino á í ó ú Ç",
    "Olá, você já recebeu o código? Não. Ação, coração, pão, ê ô õ ã â",
    "你好世界，验证码是四八二一。こんにちは",
]


def national_corpus(count, seed=5):
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = " ".join(rng.choice(NATIONAL) for _ in range(rng.randint(1, 12)))
        start = rng.randrange(len(text))
        out.append(text[start:start + rng.randint(1, 700)] or "x")
    return out


@pytest.fixture(scope="module")
def texts(corpus):
    return corpus + national_corpus(150)


def flags(options):
    """The CLI's flags for these options (lists joined with commas, decimals positional)."""
    out = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            out.append(flag)
        elif isinstance(value, list):
            out += [flag, ",".join(value)]
        elif isinstance(value, Decimal):
            out += [flag, format(value, "f")]
        else:
            out += [flag, str(value)]
    return out


def batch(cli, texts, options):
    lines = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    run = subprocess.run([cli, "batch", *flags(options)], input=lines.encode(), capture_output=True)
    assert run.returncode in (0, 1), run.stderr  # 1: some lines are error objects
    out = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert len(out) == len(texts)
    return out


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: ",".join(o) or "defaults")
def test_to_dict_equals_the_cli_json(septet_cli, texts, options):
    expected = batch(septet_cli, texts, options)
    rejected = 0
    for text, want, got in zip(texts, expected, septet.analyze_many(texts, **options)):
        want.pop("id", None)
        if "error" in want:
            rejected += 1
            assert isinstance(got, septet.RejectedError), text
            assert got.details == want["error"]
            assert (got.code, got.kind, got.message) == (
                want["error"]["code"],
                want["error"]["kind"],
                want["error"]["detail"],
            )
        else:
            assert isinstance(got, septet.Analysis), (text, got)
            assert got.to_dict() == want
            for field in ("encoding", "parts", "units", "characters", "units_per_part",
                          "units_remaining", "charset", "replacements", "non_gsm", "warnings"):
                assert getattr(got, field) == want[field], field
            assert got.smart_encoding == want.get("smart_encoding")
            if "cost" in want:
                assert got.cost == Decimal(want["cost"]["amount"])
                assert got.cost.as_tuple() == Decimal(want["cost"]["amount"]).as_tuple()
    assert rejected < len(texts)


@pytest.mark.parametrize(
    "text, options",
    [
        ("Price: $100 [USD]", {}),
        ("Don’t miss our “flash sale” — 50% off!", {"smart_encoding": True, "rate": "0.0051"}),
        ("Hi 😀", {"encoding": "gsm7"}),
        ("a" * 1531, {}),
    ],
)
def test_single_message_json(septet_cli, text, options):
    run = subprocess.run([septet_cli, "--json", *flags(options), "--", text], capture_output=True)
    want = json.loads(run.stdout)
    try:
        got = septet.analyze(text, **options).to_dict()
        assert run.returncode == 0
    except septet.RejectedError as e:
        assert run.returncode == 1
        got = {"error": e.details}
    assert got == want


def test_to_dict_prints_as_the_cli_does(septet_cli, texts):
    # Not only equal as objects: the fields in the CLI's order, so that json.dumps of
    # to_dict() (and of RejectedError.details) is the text `septet --json` prints.
    options = {"smart_encoding": True, "rate": "0.0075", "currency": "EUR",
               "national_languages": "all"}
    for text in random.Random(3).sample(texts, 60) + ["", "a" * 1531]:
        run = subprocess.run([septet_cli, "--json", *flags(options), "--", text],
                             capture_output=True)
        try:
            got = septet.analyze(text, **options).to_dict()
        except septet.RejectedError as e:
            got = {"error": e.details}
        assert json.dumps(got, indent=2, ensure_ascii=False) + "\n" == run.stdout.decode()
