#!/usr/bin/env bash
# The encode peer comparison of issue 10: `septet batch --encode` on the 100,000-message
# workload beside node-pdu (SMS-SUBMIT PDUs with concatenation, npm) and smpplib's
# `make_parts` (SMPP short_message parts, PyPI), in one run. Installs the peers itself under
# target/peers-encode/ (npm into a prefix there, pip into a venv there); not part of CI.
#
#   benches/peers/encode_peers.sh [MESSAGES]      (default 100000)
#
# septet is timed end to end as a process (read JSON Lines, analyse, encode, write the
# result objects to /dev/null); the peers are timed in process, on the texts already in
# memory, best of three rounds each. Ratios come from this one run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/target/peers-encode"
n="${1:-100000}"
to="+15555550100"
mkdir -p "$work"

if [ ! -d "$work/npm/node_modules/node-pdu" ]; then
  npm install --silent --no-audit --no-fund --prefix "$work/npm" node-pdu@2.1.1 >&2
fi
if [ ! -x "$work/venv/bin/python" ] || ! "$work/venv/bin/python" -c "import smpplib" 2>/dev/null; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet smpplib==2.2.4 >&2
fi

(cd "$root" && cargo build --quiet --release -p septet-cli --bin septet --example workload)
septet="$root/target/release/septet"
"$root/target/release/examples/workload" "$n" > "$work/workload.jsonl"

# septet: best of three end-to-end runs of each form, wall clock.
best_of_three() {
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$septet" batch --encode "$@" "$work/workload.jsonl" > /dev/null
    end=$(date +%s%N)
    local s=$(( end - start ))
    if [ -z "$best" ] || [ "$s" -lt "$best" ]; then best=$s; fi
  done
  echo "$best"
}
plain=$(best_of_three)
with_to=$(best_of_three --to "$to")
"$septet" batch --encode "$work/workload.jsonl" > "$work/septet.jsonl"
printf '[["septet batch --encode (end to end: JSON in, TP-UD + SMPP out)", %s], ["septet batch --encode --to (also the SMS-SUBMIT TPDU)", %s]]\n' \
  "$(awk "BEGIN{print $plain/1e9}")" "$(awk "BEGIN{print $with_to/1e9}")" > "$work/septet-times.json"

node "$here/encode_node_pdu.mjs" "$work/npm" "$work/workload.jsonl" "$to" > "$work/node-pdu.json"
"$work/venv/bin/python" "$here/encode_smpplib.py" "$work/workload.jsonl" > "$work/smpplib.json"

python3 "$here/encode_compare.py" "$work/workload.jsonl" "$work/septet.jsonl" "$work/septet-times.json" \
  "$work/node-pdu.json" "$work/smpplib.json"
