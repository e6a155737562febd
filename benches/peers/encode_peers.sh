#!/usr/bin/env bash
# The encode peer comparison of issue 10: `septet batch --encode` on the 100,000-message
# workload beside node-pdu (SMS-SUBMIT PDUs with concatenation, npm) and smpplib's
# `make_parts` (SMPP short_message parts, PyPI), in one run. Installs the peers itself under
# target/peers-encode/ (npm into a prefix there, pip into a venv there); not part of CI.
#
#   benches/peers/encode_peers.sh [MESSAGES]      (default 100000)
#
# septet is timed end to end as a process (read JSON Lines, analyse, encode, write the
# result objects to /dev/null), on one job (--jobs 1) and on the default jobs (one per core);
# the peers are timed in process, on the texts already in memory, best of three rounds each,
# by wall clock and by CPU time. Ratios come from this one run; the load average before and
# after is printed with them. Needs node, npm, python3 (with venv) and GNU time (/usr/bin/time).
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

# septet: best of three end-to-end runs of each form, wall clock and CPU time (user + system,
# which the other builds sharing a loaded machine disturb less).
best_of_three() {
  local best="" best_cpu=""
  for _ in 1 2 3; do
    local start end cpu
    start=$(date +%s%N)
    cpu=$( { /usr/bin/time -f "%U %S" "$septet" batch --encode "$@" "$work/workload.jsonl" > /dev/null; } 2>&1 | tail -1 | awk '{print $1 + $2}')
    end=$(date +%s%N)
    local s
    s=$(awk "BEGIN{print ($end - $start) / 1e9}")
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    if [ -z "$best_cpu" ] || awk "BEGIN{exit !($cpu < $best_cpu)}"; then best_cpu=$cpu; fi
  done
  echo "$best, $best_cpu"
}
cores=$(nproc)
echo "cores: $cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
plain_1=$(best_of_three --jobs 1)
plain_n=$(best_of_three)
with_to_1=$(best_of_three --jobs 1 --to "$to")
with_to_n=$(best_of_three --to "$to")
"$septet" batch --encode --jobs 1 "$work/workload.jsonl" > "$work/septet.jsonl"
"$septet" batch --encode "$work/workload.jsonl" | cmp -s - "$work/septet.jsonl" ||
  { echo "septet batch --encode: the default jobs' output differs from --jobs 1" >&2; exit 1; }
printf '[["septet batch --encode --jobs 1 (JSON in, TP-UD + SMPP out)", %s], ["septet batch --encode (default: %s jobs)", %s], ["septet batch --encode --jobs 1 --to (also the TPDU)", %s], ["septet batch --encode --to (default: %s jobs)", %s]]\n' \
  "$plain_1" "$cores" "$plain_n" "$with_to_1" "$cores" "$with_to_n" > "$work/septet-times.json"

node "$here/encode_node_pdu.mjs" "$work/npm" "$work/workload.jsonl" "$to" > "$work/node-pdu.json"
"$work/venv/bin/python" "$here/encode_smpplib.py" "$work/workload.jsonl" > "$work/smpplib.json"

echo "load average after the timings: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/encode_compare.py" "$work/workload.jsonl" "$work/septet.jsonl" "$work/septet-times.json" \
  "$work/node-pdu.json" "$work/smpplib.json"
