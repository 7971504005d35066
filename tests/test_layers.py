"""The layers: ui -> workers -> core, never back; cli -> core, and ui only from inside a function;
no import circles; core never imports Qt; the start-up path stays light."""

import subprocess
import sys
from pathlib import Path

import pytest

import vlnl_desktop
from import_graph import circles, module_files, read_imports, shortest_circle

PACKAGE_DIR = Path(vlnl_desktop.__file__).parent
MODULES = module_files(PACKAGE_DIR)
CORE_MODULES = sorted(m for m in MODULES if m.startswith("vlnl_desktop.core"))

# What each layer may import at load time, and what only inside a function. The package itself
# (vlnl_desktop/__init__.py, the version) is below everything.
MAY_IMPORT = {
    "core": {"core", "package"},
    "workers": {"workers", "core", "package"},
    "ui": {"ui", "workers", "core", "package"},
    "cli": {"cli", "core", "package"},
    "serve": {"serve", "core", "package"},  # Datasette (the optional serve extra)
    "main": {"cli"},  # python -m vlnl_desktop
    "package": set(),
}
# the window loads only when a command opens it, Datasette only when `serve` runs
MAY_IMPORT_IN_A_FUNCTION = {"cli": {"ui", "serve"}}


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    if parts[1] == "__main__":
        return "main"
    assert parts[1] in MAY_IMPORT, f"{module}: in no layer; add its folder to MAY_IMPORT"
    return parts[1]


@pytest.fixture(scope="module")
def imports():
    found = read_imports(PACKAGE_DIR)
    assert len({i.source for i in found}) > 40  # the reader found the package's modules
    return found


def test_the_layers_only_point_down(imports):
    wrong = []
    for imp in imports:
        if imp.target not in MODULES:
            continue
        source, target = layer(imp.source), layer(imp.target)
        if target in MAY_IMPORT[source]:
            continue
        if imp.lazy and target in MAY_IMPORT_IN_A_FUNCTION.get(source, ()):
            continue
        wrong.append(f"{imp}: {source} may not import {target}")
    assert wrong == []


def test_no_module_imports_itself_in_a_circle(imports):
    """Also through imports inside functions: a circle hidden that way still ties the modules
    together (and breaks when someone moves the import up)."""
    edges: dict[str, set[str]] = {}
    lines: dict[tuple[str, str], list[int]] = {}
    for imp in imports:
        if imp.target in MODULES and not imp.typing_only:
            edges.setdefault(imp.source, set()).add(imp.target)
            lines.setdefault((imp.source, imp.target), []).append(imp.line)
    found = []
    for group in circles(edges):
        circle = shortest_circle(group, edges)
        steps = [
            f"{a}:{','.join(map(str, sorted(lines[a, b])))} -> {b}"
            for a, b in zip(circle, circle[1:], strict=False)
        ]
        found.append(f"{len(group)} modules in a circle {group}, e.g. " + ", ".join(steps))
    assert found == [], "\n".join(found)


def test_core_imports_no_qt(imports):
    qt = [
        str(i) for i in imports if i.source in CORE_MODULES and i.target in ("PySide6", "shiboken6")
    ]
    assert qt == []


def test_the_import_reader_sees_lazy_relative_and_typing_imports(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from . import b\n")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "from .sub import b\n"
        "if TYPE_CHECKING:\n    from pkg import c\n"
        "def f():\n    import pkg.sub.b\n    from . import c\n"
    )
    (package / "sub" / "b.py").write_text("from ..a import f\nfrom .. import c\n")
    (package / "c.py").write_text("import PySide6.QtCore\n")
    found = {(i.source, i.target, i.lazy, i.typing_only) for i in read_imports(package)}
    assert found == {
        ("pkg.sub", "pkg.sub.b", False, False),
        ("pkg.a", "typing", False, False),
        ("pkg.a", "pkg.sub.b", False, False),
        ("pkg.a", "pkg.c", False, True),
        ("pkg.a", "pkg.sub.b", True, False),
        ("pkg.a", "pkg.c", True, False),
        ("pkg.sub.b", "pkg.a", False, False),
        ("pkg.sub.b", "pkg.c", False, False),
        ("pkg.c", "PySide6", False, False),
    }
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert circles(edges) == [["a", "b", "c"], ["e"]]
    assert shortest_circle(["a", "b", "c"], edges) == ["a", "b", "c", "a"]


def test_core_loads_no_pyside6():
    names = [m.removeprefix("vlnl_desktop.core").lstrip(".") for m in CORE_MODULES]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module('vlnl_desktop.core' + ('.' + name if name else ''))\n"
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
