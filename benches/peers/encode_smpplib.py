"""smpplib's make_parts over a JSON Lines workload, timed in process: for each message
`smpplib.gsm.make_parts(text)` (the SMPP short_message of every part: GSM 03.38 unpacked or
UCS-2, with an 8-bit concatenation header). Prints one JSON object: messages, best seconds of
three rounds (wall clock and CPU time), the part count of every message. Run by encode_peers.sh, which installs smpplib.

    python encode_smpplib.py WORKLOAD.jsonl
"""
import json
import sys
import time

import smpplib.gsm

with open(sys.argv[1], encoding="utf-8") as f:
    messages = [json.loads(line)["text"] for line in f]


def encode(texts):
    return [len(smpplib.gsm.make_parts(t)[0]) for t in texts]


encode(messages[:1000])  # warm up
best = float("inf")
best_cpu = float("inf")
parts = []
for _ in range(3):
    start = time.perf_counter()
    cpu = time.process_time()
    parts = encode(messages)
    best_cpu = min(best_cpu, time.process_time() - cpu)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"peer": "smpplib", "messages": len(messages), "seconds": best,
                  "cpu_seconds": best_cpu, "parts": parts}))
