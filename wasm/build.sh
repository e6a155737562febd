#!/usr/bin/env bash
# Builds wasm/pkg/: the septet-wasm npm package (an ES module for browsers and Node 20), and
# copies it into www/pkg/ for the calculator page. Installs what it needs when missing:
# the wasm32 target (rustup, else Debian's rustc-web with -Zbuild-std), wasm-bindgen-cli at the
# exact version of the wasm-bindgen crate, and wasm-opt from npm's binaryen.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
WBG_VERSION=0.2.130
target_dir="$root/target"
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/septet_wasm.wasm"

log() { printf '[build.sh] %s\n' "$*"; }

# 1. The wasm32 target and the build. SIMD128 (Node 16.4+, Chrome 91+, Firefox 89+, Safari 16.4+)
#    lets the ASCII block test of the scan compile to vector instructions.
export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128"
if rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  log "route A: rustup target wasm32-unknown-unknown"
  cargo build --manifest-path "$root/Cargo.toml" --profile wasm-release \
    --target wasm32-unknown-unknown -p septet-wasm
else
  log "route B: Debian rustc-web with -Zbuild-std (rustup target unavailable)"
  if ! [ -x /usr/bin/rustc ] || ! dpkg -s rust-web-src lld-22 >/dev/null 2>&1; then
    apt-get update
    apt-get install -y rustc-web cargo-web rust-web-src lld-22
  fi
  RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo build --manifest-path "$root/Cargo.toml" \
    --profile wasm-release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort -p septet-wasm
fi

# 2. wasm-bindgen-cli, exactly the crate's version.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION"; then
  log "installing wasm-bindgen-cli $WBG_VERSION"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# 3. wasm-opt from npm's binaryen (Debian's binaryen 108 produces modules that fail to load).
if ! [ -x node_modules/.bin/wasm-opt ]; then
  log "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

# 4. Bindings and size optimisation.
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name septet_wasm "$wasm"
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  pkg/septet_wasm_bg.wasm -o pkg/septet_wasm_bg.wasm
cp pkg-template/package.json pkg-template/README.md js/septet.js js/septet.d.ts pkg/

# 5. The calculator page serves its own copy.
rm -rf www/pkg
cp -r pkg www/pkg

raw=$(stat -c %s pkg/septet_wasm_bg.wasm)
gz=$(gzip -9 -c pkg/septet_wasm_bg.wasm | wc -c)
log "pkg/septet_wasm_bg.wasm: $raw bytes raw, $gz bytes gzipped (budget 153600 raw)"
