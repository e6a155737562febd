#!/usr/bin/env bash
# Runs every check and test of septet. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n== %s\n' "$*"; }

step "toolchain"
cargo --version
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "data files match the specification in ../shared (when present)"
if [ -d ../shared/spec ]; then
  cmp data/smart-encoding.tsv ../shared/spec/smart-encoding.tsv
  # Every locking and single shift table (14 languages; Spanish has no locking table), both ways:
  # nothing missing here, nothing extra.
  for table in ../shared/spec/gsm-tables/*_locking.tsv ../shared/spec/gsm-tables/*_single.tsv; do
    cmp "data/gsm/$(basename "$table")" "$table"
  done
  for table in data/gsm/*.tsv; do
    cmp "$table" "../shared/spec/gsm-tables/$(basename "$table")"
  done
  [ "$(ls data/gsm/*.tsv | wc -l)" -eq 27 ]
else
  echo "../shared/spec not found; skipped"
fi

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

step "no_std: no dependency turns std on"
# siphasher (under phf_shared) is #![no_std] whatever its features; its "std" feature only
# concerns its serde support, so it is the one allowed.
if cargo tree -p septet -e normal,features --no-default-features --prefix none \
    | grep 'feature "std"' | grep -v '^siphasher feature "std"$'; then
  echo "a dependency enables std without septet's std feature" >&2
  exit 1
fi

step "tests: default features (std), whole workspace"
cargo test --workspace --quiet

step "tests: --no-default-features (no_std, no alloc)"
cargo test -p septet --no-default-features --quiet

step "tests: --no-default-features --features alloc"
cargo test -p septet --no-default-features --features alloc --quiet

step "benchmarks compile"
cargo bench --no-run --quiet

step "wasm: build the package (installs the wasm32 target, wasm-bindgen-cli, binaryen)"
wasm/build.sh

step "wasm: Chromium for the browser test"
if ! [ -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "no /usr/bin/chromium and cannot install it: the browser test will be skipped" >&2
  fi
fi

step "wasm: Node tests (spec examples, errors, lone surrogates, differential vs native, browser)"
(cd wasm && node --test tests/)

step "python: the septet package (python/test.sh: virtualenv, wheel, pytest)"
python/test.sh

echo
echo "all checks passed"
