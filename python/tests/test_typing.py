"""The stubs (`.pyi`, `py.typed`) match the compiled module, and a program using every API
type-checks against them under `mypy --strict`."""

import subprocess
import sys
from pathlib import Path

import pytest

USAGE = Path(__file__).resolve().parent / "typed" / "usage.py"


@pytest.fixture(scope="module")
def mypy_config(tmp_path_factory):
    pytest.importorskip("mypy")
    path = tmp_path_factory.mktemp("mypy") / "mypy.ini"
    # pyarrow ships no type information.
    path.write_text("[mypy]\nignore_missing_imports = True\ncache_dir = /dev/null\n")
    return path


def mypy(args, cwd):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=cwd)


def test_the_package_is_typed():
    import septet

    folder = Path(septet.__file__).parent
    assert (folder / "py.typed").exists()
    assert (folder / "_septet.pyi").exists()


def test_stubs_match_the_runtime(mypy_config):
    # stubtest imports the installed package and compares every name, signature, default and
    # class property (final classes, positional-only parameters) with the stubs.
    run = mypy(["mypy.stubtest", "--mypy-config-file", str(mypy_config), "septet"],
               cwd=mypy_config.parent)
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_api_type_checks_strictly(mypy_config):
    run = mypy(["mypy", "--strict", "--config-file", str(mypy_config), str(USAGE)],
               cwd=mypy_config.parent)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_checked_program_runs():
    sys.path.insert(0, str(USAGE.parent))
    try:
        import usage
    finally:
        sys.path.pop(0)
    out = usage.use_every_api()
    assert "no content: the message is empty (40316)" in out
    completed = [item for item in out if isinstance(item, list) and item
                 and isinstance(item[0], dict) and "text" in item[0]]
    assert [m["text"] for m in completed[0]] == ["hellohello" * 17]
