"""The layers: core never imports Qt; the start-up path stays light."""

import subprocess
import sys

import vlnl_desktop.core as core_package

_CORE_DIR = __import__("pathlib").Path(core_package.__file__).parent
CORE_MODULES = sorted(
    ".".join(p.relative_to(_CORE_DIR).with_suffix("").parts) for p in _CORE_DIR.rglob("*.py")
)


def test_core_loads_no_pyside6():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module('vlnl_desktop.core.' + name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_search_path_does_not_load_heavy_libraries():
    code = (
        "import sys\n"
        "from vlnl_desktop.core.search import searcher, query\n"
        "from vlnl_desktop.core.archive import workspace\n"
        "heavy = [m for m in ('sqlite_utils', 'pymupdf', 'fitz') if m in sys.modules]\n"
        "print(heavy); sys.exit(1 if heavy else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
