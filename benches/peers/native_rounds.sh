#!/usr/bin/env bash
# The native side of the peer workload against split-sms@0.1.7, in alternating rounds, for
# before/after comparisons of builds of `cli/examples/peers.rs` (not run by CI):
#
#   cargo build --release -p septet-cli --example peers && cp target/release/examples/peers /tmp/peers.after
#   benches/peers/native_rounds.sh 5 /tmp/peers.before /tmp/peers.after
#
# Each round runs split-sms over the 100,000 messages of `workload.mjs` (best of three passes in
# one Node process), then each binary (best of its seven passes); prints every round's
# messages/s and segments, then each one's best round and its ratio to split-sms's best round.
# split-sms comes from wasm/node_modules (`npm ci` in wasm/, as ./test.sh does).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:?usage: native_rounds.sh ROUNDS PEERS_BINARY...}"
shift
mkdir -p "$root/target/peers"
workload="$root/target/peers/workload.jsonl"
node --input-type=module -e "
import { writeFileSync } from 'node:fs';
import { workload } from '$root/benches/peers/workload.mjs';
writeFileSync('$workload', workload(100000).map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');
"
split_sms() {
  node --input-type=module -e "
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
const splitSms = createRequire('$root/wasm/package.json')('split-sms');
const messages = readFileSync('$workload', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
messages.slice(0, 2000).forEach((m) => splitSms.split(m));
let best = Infinity, segments = 0;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  segments = 0;
  for (const m of messages) segments += splitSms.split(m).parts.length;
  best = Math.min(best, performance.now() - t);
}
console.log(JSON.stringify({ messages_per_second: messages.length / (best / 1000), segments }));
"
}
rate() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(round(d["messages_per_second"]), d["segments"])'; }
declare -A best
names=(split-sms "$@")
for r in $(seq "$rounds"); do
  line="round $r:"
  for name in "${names[@]}"; do
    if [ "$name" = split-sms ]; then out=$(split_sms | rate); else out=$("$name" "$workload" | rate); fi
    read -r mps segments <<<"$out"
    line="$line $(basename "$name") $mps/s ($segments segments);"
    if [ -z "${best[$name]:-}" ] || [ "$mps" -gt "${best[$name]}" ]; then best[$name]=$mps; fi
  done
  echo "$line"
done
for name in "${names[@]}"; do
  python3 -c "import sys; b, s = int(sys.argv[2]), int(sys.argv[3]); print(f'{sys.argv[1]}: best {b:,} messages/s, {b / s:.1f}x split-sms')" \
    "$(basename "$name")" "${best[$name]}" "${best[split-sms]}"
done
