"""The package's import graph, read from the source with `ast`: who imports whom, where, and
whether at load time or only when a function runs. The layer test asserts on it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, dotted
    target: str  # the imported module (of the package, or any top-level name outside it)
    line: int
    lazy: bool  # inside a function: runs when it is called, not when the module loads
    typing_only: bool  # under `if TYPE_CHECKING:`: never runs

    def __str__(self) -> str:
        how = " (in a function)" if self.lazy else ""
        return f"{self.source}:{self.line} imports {self.target}{how}"


def module_files(package_dir: Path) -> dict[str, Path]:
    """Every module of the package under ``package_dir`` by its dotted name (a package by its
    own name, for its ``__init__.py``)."""
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def read_imports(package_dir: Path) -> list[Import]:
    """Every import statement of every module, module level and inside functions alike."""
    files = module_files(package_dir)
    found = []
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node, lazy, typing_only in _walk(tree):
            for target in _targets(node, name, is_package, files):
                found.append(Import(name, target, node.lineno, lazy, typing_only))
    return found


def _walk(tree: ast.AST) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool, bool]]:
    """The import statements under ``tree`` with whether each is lazy and typing-only."""
    stack: list[tuple[ast.AST, bool, bool]] = [(tree, False, False)]
    while stack:
        node, lazy, typing_only = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, lazy, typing_only
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            lazy = True
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend((child, lazy, True) for child in node.body)
            stack.extend((child, lazy, typing_only) for child in node.orelse)
            continue
        stack.extend((child, lazy, typing_only) for child in ast.iter_child_nodes(node))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(
    node: ast.Import | ast.ImportFrom, source: str, is_package: bool, files: dict[str, Path]
) -> list[str]:
    """The modules one import statement loads: of the package the deepest existing module named;
    outside it the top-level name (``PySide6``, ``pymupdf``)."""
    if isinstance(node, ast.Import):
        return [_known(alias.name, files) for alias in node.names]
    if node.level:  # relative: from the importing module's package, `level - 1` packages up
        package = source.split(".") if is_package else source.split(".")[:-1]
        base = package[: len(package) - (node.level - 1)]
        module = ".".join([*base, node.module] if node.module else base)
    else:
        module = node.module or ""
    targets = []
    for alias in node.names:
        submodule = f"{module}.{alias.name}"
        targets.append(submodule if submodule in files else _known(module, files))
    return targets


def _known(dotted: str, files: dict[str, Path]) -> str:
    """The deepest module of the package that ``dotted`` names, else its top-level name."""
    parts = dotted.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in files:
            return candidate
    return parts[0]


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's strongly connected
    components of more than one module, or one that imports itself), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # recursion depth is bounded by the package's module count
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(groups)


def shortest_circle(group: list[str], edges: dict[str, set[str]]) -> list[str]:
    """The shortest circle ``[a, b, ..., a]`` through the group's first module (breadth first,
    inside the group)."""
    start = group[0]
    members = set(group)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(edges.get(node, set()) & members):
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no circle in {sorted(group)}")  # Tarjan's groups always have one
