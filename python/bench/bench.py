"""Throughput of septet's Python entry points on 100,000 varied messages, in one run, against the
native Rust loop and the pure-Python segment counters on PyPI. A benchmark, not a test.

    target/py/bin/pip install smsutil sms-counter   # the pure-Python peers (optional)
    cargo build --release --example analyze_file
    target/py/bin/python python/bench/bench.py [--smart] [--rows N]

Prints one line per contender: rows per second (best of several rounds) and the parts counted.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa

import septet
import septet.arrow

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "tests"))
from conftest import make_corpus  # noqa: E402


TEMPLATES = [
    "Hi {name}, your order #{n} has shipped and will arrive on {day}. Track it at https://ex.co/t/{n}",
    "{name}, flash sale! 30% off everything until {day}. Reply STOP to opt out.",
    "Your verification code is {n}. It expires in 10 minutes. Never share it with anyone.",
    "Rappel : votre rendez-vous chez le Dr {name} est prévu {day} à 14h30. Répondez OUI pour confirmer.",
    "Hola {name}! Tu pedido {n} está en camino. ¿Dudas? Llámanos al 900 123 456.",
    "{name}, don’t miss our “summer deals” — up to 50% off… today only!",
    "Hey {name} 🎉 your reward of 500 points is ready! Redeem it before {day} 👉 https://ex.co/r/{n}",
    "Price update: plan {n} now costs €{n2}/month [incl. VAT]. Questions? Visit ex.co/help",
    "Dear {name}, we received your payment of ${n2}. Your balance is ${n}. Thank you for banking "
    "with us. This is an automated message; please do not reply. For support call 0800 000 000 "
    "or visit our website at any time, day or night, including weekends and public holidays.",
]
NAMES = ["Anna", "Jürgen", "Zoë", "Renée", "Bob", "Øystein", "Ana María", "Li Wei", "Çağla"]
DAYS = ["Monday", "Tuesday", "12/07", "next week", "Friday"]


def campaign_corpus(rows, seed=42):
    """Messages as a campaign sends them: templates with names, numbers and dates filled in."""
    import random

    rng = random.Random(seed)
    return [
        rng.choice(TEMPLATES).format(name=rng.choice(NAMES), n=rng.randint(1000, 999999),
                                     n2=rng.randint(5, 99), day=rng.choice(DAYS))
        for _ in range(rows)
    ]


def best_of(rounds, fn):
    best = float("inf")
    result = None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def report(name, rows, seconds, parts, note=""):
    print(f"{name:<34} {rows / seconds:>14,.0f} rows/s   parts {parts:>9,}  {note}")
    return rows / seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--smart", action="store_true", help="smart encoding on")
    parser.add_argument("--corpus", choices=["campaign", "varied"], default="campaign",
                        help="campaign: filled-in templates (default); varied: the test corpus, "
                        "30%% of characters from the hard cases (extension, emoji, graphemes)")
    args = parser.parse_args()
    if args.corpus == "campaign":
        texts = campaign_corpus(args.rows)
    else:
        texts = make_corpus(args.rows, seed=42)
    # Only accepted messages, so that every contender counts the same thing.
    options = {"smart_encoding": args.smart, "max_characters": 10**9, "max_parts": 10**9}
    chars = sum(len(t) for t in texts)
    print(f"{len(texts):,} messages, {chars / len(texts):.0f} characters on average, "
          f"smart encoding {'on' if args.smart else 'off'}")

    with tempfile.NamedTemporaryFile("wb", delete=False) as f:
        f.write("\0".join(texts).encode())
        path = f.name
    native_bin = ROOT / "target" / "release" / "examples" / "analyze_file"
    native = None
    if native_bin.exists():
        out = subprocess.run([str(native_bin), path] + (["smart"] if args.smart else []),
                             capture_output=True, check=True, text=True)
        n = json.loads(out.stdout)
        native = report("native Rust analyze_with loop", n["messages"], n["seconds"], n["parts"])
    else:
        print("(build the native baseline: cargo build --release --example analyze_file)")
    os.unlink(path)

    array = pa.array(texts, type=pa.string())
    seconds, out = best_of(7, lambda: septet.arrow.analyze(array, jobs=1, **options))
    one_thread = report("septet.arrow.analyze, jobs=1", len(texts), seconds,
                        pa.compute.sum(out.field("parts")).as_py())
    cores = os.cpu_count() or 1
    seconds, out = best_of(7, lambda: septet.arrow.analyze(array, jobs=cores, **options))
    arrow_rate = report(f"septet.arrow.analyze, jobs={cores}", len(texts), seconds,
                        pa.compute.sum(out.field("parts")).as_py())
    print(f"septet.arrow.analyze, jobs={cores} / jobs=1: {arrow_rate / one_thread:.2f}x")
    arrow_rate = max(arrow_rate, one_thread)
    large = pa.array(texts, type=pa.large_string())
    seconds, out = best_of(7, lambda: septet.arrow.analyze(large, **options))
    report("septet.arrow.analyze (large_string)", len(texts), seconds,
           pa.compute.sum(out.field("parts")).as_py())
    seconds, many = best_of(3, lambda: septet.analyze_many(texts, jobs=1, **options))
    report("septet.analyze_many, jobs=1", len(texts), seconds,
           sum(a.parts for a in many if isinstance(a, septet.Analysis)))
    seconds, many = best_of(3, lambda: septet.analyze_many(texts, jobs=cores, **options))
    report(f"septet.analyze_many, jobs={cores}", len(texts), seconds,
           sum(a.parts for a in many if isinstance(a, septet.Analysis)))
    def one_by_one():
        parts = 0
        for t in texts:
            try:
                parts += septet.analyze(t, **options).parts
            except septet.RejectedError:
                pass
        return parts

    seconds, parts = best_of(3, one_by_one)
    report("septet.analyze in a Python loop", len(texts), seconds, parts)

    peers = []
    try:
        import smsutil

        sub = texts[: max(1, len(texts) // 10)]
        seconds, parts = best_of(3, lambda: sum(len(smsutil.split(t).parts) for t in sub))
        peers.append(report("smsutil.split (PyPI)", len(sub), seconds, parts,
                            f"(on {len(sub):,} messages)"))
    except ImportError:
        print("(smsutil not installed)")
    try:
        from sms.counter import SMSCounter

        counter = SMSCounter()
        sub = texts[: max(1, len(texts) // 10)]
        seconds, parts = best_of(3, lambda: sum(counter.count(t).segment for t in sub))
        peers.append(report("sms-counter SMSCounter.count (PyPI)", len(sub), seconds, parts,
                            f"(on {len(sub):,} messages)"))
    except ImportError:
        print("(sms-counter not installed)")

    if native:
        print(f"septet.arrow.analyze / native loop: {arrow_rate / native:.0%}")
    if peers:
        print(f"septet.arrow.analyze / best pure-Python peer: {arrow_rate / max(peers):,.0f}x")


if __name__ == "__main__":
    main()
