"""Analysis.to_dict() equals the object `septet --json` prints, on a varied corpus."""

import json
import subprocess

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
]


def flags(options):
    out = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            out.append(flag)
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
def test_to_dict_equals_the_cli_json(septet_cli, corpus, options):
    expected = batch(septet_cli, corpus, options)
    rejected = 0
    for text, want, got in zip(corpus, expected, septet.analyze_many(corpus, **options)):
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
                assert str(got.cost) == want["cost"]["amount"]
    assert rejected < len(corpus)


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
