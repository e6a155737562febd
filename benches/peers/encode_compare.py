"""Prints the encode peer comparison that encode_peers.sh measured: messages/s and ratios in
one run, and where the part counts of septet and each peer differ, with the peer's rule that
explains it. Standard library only.

    python3 encode_compare.py WORKLOAD.jsonl SEPTET_OUT.jsonl TIMES.json PEER.json...
"""
import json
import math
import sys
from collections import Counter

workload, septet_out, times_file, *peer_files = sys.argv[1:]
with open(workload, encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f]
septet = {}
with open(septet_out, encoding="utf-8") as f:
    for line in f:
        o = json.loads(line)
        septet[o["id"]] = o
with open(times_file, encoding="utf-8") as f:
    times = json.load(f)
peers = []
for name in peer_files:
    with open(name, encoding="utf-8") as f:
        peers.append(json.load(f))

n = len(texts)
assert len(septet) == n and all(p["messages"] == n for p in peers)
septet_parts = [septet[i]["parts"] for i in range(n)]
rows = [(label, n / seconds, n / cpu, sum(septet_parts)) for label, seconds, cpu in times]
rows += [(p["peer"], n / p["seconds"], n / p["cpu_seconds"], sum(p["parts"])) for p in peers]
fastest = max(peers, key=lambda p: n / p["seconds"])
fastest_rate = n / fastest["seconds"]
fastest_cpu = max(peers, key=lambda p: n / p["cpu_seconds"])
fastest_cpu_rate = n / fastest_cpu["cpu_seconds"]

print(f"workload: {n:,} messages (benches/peers/workload.mjs; cli/benches/support/workload.rs)\n")
print(f"{'implementation':<58}{'messages/s':>12}{'per CPU s':>12}{'parts':>10}"
      f"{'vs fastest (wall)':>19}{'(CPU)':>8}")
for label, rate, cpu_rate, parts in rows:
    print(f"{label:<58}{rate:>12,.0f}{cpu_rate:>12,.0f}{parts:>10,}"
          f"{rate / fastest_rate:>18.1f}x{cpu_rate / fastest_cpu_rate:>7.1f}x")
print(f"\nfastest peer: {fastest['peer']} (wall), {fastest_cpu['peer']} (CPU); septet's goal is 20x it")

# ---- where the part counts differ ------------------------------------------------------------
GSM = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
       "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
EXTENSION = "^{}\\[~]|€\f"


def utf16_units(t):
    return len(t.encode("utf-16-le")) // 2


def septets(t):
    return sum(2 if c in EXTENSION else 1 for c in t)


def is_gsm(t):
    return all(c in GSM or c in EXTENSION for c in t) and "\x1b" not in t


def smpplib_rule(t):
    """smpplib.gsm.make_parts: 160 septets or 140 UCS-2 octets in one part, else parts of 153
    septets / 134 octets cut at fixed offsets (an ESC pair or a surrogate pair may be cut)."""
    if is_gsm(t):
        s = septets(t)
        return 1 if s <= 160 else math.ceil(s / 153)
    octets = 2 * utf16_units(t)
    return 1 if octets <= 140 else math.ceil(octets / 134)


def node_pdu_rule(t):
    """node-pdu 2.1.1 Data.prepareParts: UCS-2 when any UTF-16 unit is above U+00C0, else
    7-bit; parts of 140 - 7 = 133 (7-bit) or 70 - 7 = 63 (UCS-2) UTF-16 units, whether or not
    the message is concatenated (a single part too)."""
    units = utf16_units(t)
    size = 63 if any(ord(c) > 192 for c in t) else 133
    return max(1, math.ceil(units / size))


def why_smpplib(t, s):
    if s["encoding"] == "GSM-7":
        return "GSM-7: an extension character's ESC pair would straddle a part boundary; septet moves it whole, smpplib cuts at 153 septets"
    return "UCS-2: a surrogate pair would straddle a part boundary; septet moves it whole, smpplib cuts at 134 octets"


def why_node_pdu(t, s):
    node_ucs2 = any(ord(c) > 192 for c in t)
    septet_ucs2 = s["encoding"] == "UCS-2"
    if node_ucs2 and not septet_ucs2:
        return "node-pdu sends UCS-2 for any character above U+00C0 (é, ñ, Ñ, ü ... are GSM-7 characters)"
    if septet_ucs2 and not node_ucs2:
        return "node-pdu sends non-GSM characters at or below U+00C0 as 7-bit (as spaces); septet uses UCS-2"
    if septet_ucs2:
        return "UCS-2: node-pdu cuts parts of 63 UTF-16 units (septet: 70 in one part, 67 per part)"
    return "GSM-7: node-pdu cuts parts of 133 characters, even a single part (septet: 160 septets in one part, 153 per part)"


RULES = {"smpplib": (smpplib_rule, why_smpplib), "node-pdu": (node_pdu_rule, why_node_pdu)}
for p in peers:
    rule, why = RULES[p["peer"]]
    model = sum(rule(t) == c for t, c in zip(texts, p["parts"]))
    differ = [i for i in range(n) if p["parts"][i] != septet_parts[i]]
    print(f"\n{p['peer']}: same part count as septet for {n - len(differ):,} of {n:,} messages "
          f"({(n - len(differ)) / n:.2%}); the rule model below reproduces its count for {model:,}")
    reasons = Counter(why(texts[i], septet[i]) for i in differ)
    for reason, count in reasons.most_common():
        print(f"  {count:>7,}  {reason}")
