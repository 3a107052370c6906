"""haian_desk/ has no import cycle: none at module level, and none hidden in a function-level import.

A cycle hidden inside a function works until someone moves the import up (or a
new entry point imports the modules in another order); every module must also
import on its own, in a fresh interpreter, whatever was imported before it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "haian_desk"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _import_nodes(tree: ast.Module, with_functions: bool) -> list[ast.AST]:
    """Every node that runs on import (or, with_functions, when any function runs); never
    what only a type checker reads."""
    nodes: list[ast.AST] = []
    waiting: list[ast.AST] = list(tree.body)
    while waiting:
        node = waiting.pop()
        if _type_checking_only(node):
            continue
        nodes.append(node)
        if with_functions or not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            waiting += list(ast.iter_child_nodes(node))
    return nodes


def _named(node: ast.AST, known: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {a.name for a in node.names}
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return {node.module} | {f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in known}
    return set()


def _with_parents(name: str) -> set[str]:
    # Importing a.b.c runs a/__init__ and a/b/__init__ first: they are dependencies too.
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts) + 1)}


def import_graph(root: Path, package: str, with_functions: bool = False) -> dict[str, set[str]]:
    paths = {module_name(p, root): p for p in (root / package).rglob("*.py")}
    known = set(paths)
    graph = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named = set().union(*(_named(n, known) for n in _import_nodes(tree, with_functions)))
        wanted = set().union(*(_with_parents(n) for n in named)) if named else set()
        # A module's own parent packages are already being imported when it runs.
        graph[name] = {d for d in wanted & known if d != name and not name.startswith(d + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_cycle_at_module_level():
    assert cycles(import_graph(ROOT, PACKAGE)) == []


def test_no_cycle_hidden_in_a_function_level_import():
    assert cycles(import_graph(ROOT, PACKAGE, with_functions=True)) == []


def test_every_module_imports_on_its_own():
    # __main__ runs the command line when imported: it is an entry point, not a module to import.
    names = sorted(n for n in import_graph(ROOT, PACKAGE) if not n.endswith("__main__"))
    # One interpreter, forgetting haian_desk between modules: ~100x faster than one process each.
    script = (
        "import importlib, sys\n"
        "failed = []\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'haian_desk' or m.startswith('haian_desk.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        failed.append(f'{name}: {error!r}')\n"
        "print('\\n'.join(failed))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert done.stdout.strip() == ""


def test_the_check_finds_a_cycle_hidden_in_a_function(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text("from pkg import b\n", encoding="utf-8")
    (pkg / "b.py").write_text("def f():\n    from pkg.a import x\n", encoding="utf-8")
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n", encoding="utf-8"
    )
    assert cycles(import_graph(tmp_path, "pkg")) == []
    assert cycles(import_graph(tmp_path, "pkg", with_functions=True)) == [["pkg.a", "pkg.b"]]


def test_the_check_counts_a_package_init_as_a_dependency(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "sub" / "__init__.py").write_text("from pkg.sub import heavy\n", encoding="utf-8")
    (pkg / "sub" / "heavy.py").write_text("from pkg import user\n", encoding="utf-8")
    (pkg / "sub" / "light.py").write_text("", encoding="utf-8")
    (pkg / "user.py").write_text("from pkg.sub.light import x\n", encoding="utf-8")
    assert cycles(import_graph(tmp_path, "pkg")) == [["pkg.sub", "pkg.sub.heavy", "pkg.user"]]
