"""Shared fixtures: the `septet` command built from this repository, and a varied corpus."""

import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Pieces that exercise every rule: basic GSM-7, extension characters (2 septets), characters
# smart encoding replaces or removes, characters that force UCS-2 (BMP and astral), graphemes.
PIECES = [
    "a", "Z", "0", " ", "@", "£", "é", "Ç", "\n", "\r\n",
    "€", "{", "}", "[", "]", "~", "^", "\\", "|", "\f",
    "’", "“", "”", "—", "–", "…", "\u00a0", "\u200b", "\ufeff", "½", "\t", "ｆ",
    "ç", "`", "ą", "ж", "中", "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "e\u0301",
]


def make_corpus(count: int, seed: int = 13, max_len: int = 420):
    """`count` deterministic, varied messages, with lengths around every part boundary."""
    rng = random.Random(seed)
    out = ["", "\u200b\u200b", "x" * 1601, "a" * 1531, "😀" * 400]
    for n in (70, 71, 134, 135, 152, 153, 154, 159, 160, 161, 306, 307, 1530):
        out.append("a" * n)
    while len(out) < count:
        style = rng.random()
        length = rng.choice([rng.randint(1, 80), rng.randint(60, 170), rng.randint(140, max_len)])
        if style < 0.35:
            pool = PIECES[:10]
        elif style < 0.6:
            pool = PIECES[:20]
        elif style < 0.85:
            pool = PIECES[:32]
        else:
            pool = PIECES
        filler = rng.choice(["a", "b c", "Hello! "])
        text = "".join(
            rng.choice(pool) if rng.random() < 0.3 else filler[i % len(filler)]
            for i in range(length)
        )
        out.append(text)
    return out[:count]


@pytest.fixture(scope="session")
def corpus():
    return make_corpus(400)


@pytest.fixture(scope="session", name="make_corpus")
def make_corpus_fixture():
    return make_corpus


@pytest.fixture(scope="session")
def septet_cli():
    """Path of the `septet` command: $SEPTET_CLI, else built with cargo."""
    env = os.environ.get("SEPTET_CLI")
    if env:
        return env
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.fail("cargo not found and SEPTET_CLI not set: cannot build the septet command")
    subprocess.run(
        [cargo, "build", "--quiet", "-p", "septet-cli", "--bin", "septet"], cwd=ROOT, check=True
    )
    return str(ROOT / "target" / "debug" / "septet")
