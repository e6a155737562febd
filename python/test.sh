#!/usr/bin/env bash
# Builds the `septet` Python package and runs its tests; ../test.sh calls it.
# Creates the virtualenv target/py (maturin, pyarrow, pandas, polars, pyspark, pytest and mypy
# from PyPI), builds the abi3 wheel into target/wheels, installs it, and runs pytest on the
# tests (the stubs' check among them), the installed package's doctests and the README's Python
# examples. Spark needs Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."

py=target/py/bin/python
if ! [ -x "$py" ]; then
  "${PYTHON:-python3}" -m venv target/py
fi
echo "installing Python test dependencies"
# pandas < 3: pyspark does not support pandas 3 yet.
"$py" -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.9,<2" "pyarrow>=14" "pandas<3" polars "pyspark>=3.5" pytest mypy

echo "building the wheel"
rm -rf target/wheels
target/py/bin/maturin build --release --quiet -m python/Cargo.toml -o target/wheels
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
  target/wheels/septet-*.whl

cargo build --quiet -p septet-cli --bin septet
site=$("$py" -c 'import os, septet; print(os.path.dirname(septet.__file__))')
# From the repository root, where no `septet` folder shadows the installed package (Spark's
# Python workers start in this directory too).
SEPTET_CLI="$PWD/target/debug/septet" PYSPARK_PYTHON="$PWD/$py" \
  target/py/bin/pytest -q -c python/pyproject.toml --rootdir python python/tests "$site" README.md
