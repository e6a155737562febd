#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), with the checked-in seeds and dictionary.
# Installs cargo-fuzz when missing. Uses the nightly toolchain; without one, it falls back to the
# stable toolchain with RUSTC_BOOTSTRAP=1 (cargo-fuzz needs unstable sanitizer flags).
#
#   fuzz/run.sh [seconds] [target ...]
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(analyze split_roundtrip smart_encode differential batch_line simd decode pack encode_roundtrip reassemble)
fi

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

if rustup run nightly rustc --version >/dev/null 2>&1; then
  fuzz=(cargo +nightly fuzz)
else
  echo "no nightly toolchain: using stable with RUSTC_BOOTSTRAP=1"
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

"${fuzz[@]}" build
for target in "${targets[@]}"; do
  seeds=seeds/common
  [ "$target" = batch_line ] && seeds=seeds/batch_line
  mkdir -p "corpus/$target"
  echo "== $target: ${seconds}s"
  "${fuzz[@]}" run "$target" "corpus/$target" "$seeds" -- \
    -max_total_time="$seconds" -dict=dictionaries/sms.dict -max_len=8192 -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tee "corpus/$target.log" \
    | grep -E '^(#[0-9]+\s+DONE|Done|stat::number_of_executed_units|stat::average_exec_per_sec)|ERROR|panicked' || true
  if grep -qE 'ERROR: libFuzzer|panicked at|==ERROR' "corpus/$target.log"; then
    echo "fuzz target $target failed; see fuzz/corpus/$target.log and fuzz/artifacts/$target" >&2
    exit 1
  fi
done
echo "fuzzing passed"
