"""Annotate every untyped ``desk`` parameter in haian_desk/, sync/, ui/ as ``Desk``.

Uses the AST to find the parameters and edits the source text at their exact positions.
The import goes under TYPE_CHECKING (haian_desk/desk.py imports most of the domain, so a
runtime import would make cycles); every touched file already has or gets
``from __future__ import annotations``, so the annotation is never evaluated. Safe to run
again (typed parameters are left alone); run ``ruff check --fix`` after it to sort imports.
Usage: ``python tools/type_desk.py [ROOT]`` (default: the repository).
"""

import ast
import sys
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
TC_BLOCK = "if TYPE_CHECKING:\n    from haian_desk.desk import Desk\n"


def params(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            a = node.args
            positional = a.posonlyargs + a.args
            defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
            for arg, default in zip(positional, defaults, strict=True):
                yield arg, default
            for arg, default in zip(a.kwonlyargs, a.kw_defaults, strict=True):
                yield arg, default


def add_import(text: str) -> str:
    lines = text.split("\n")
    tree = ast.parse(text)
    if "from __future__ import annotations" not in text:
        # after the module docstring
        first = tree.body[0]
        at = first.end_lineno if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) else 0
        lines[at:at] = ["", "from __future__ import annotations"] if at else ["from __future__ import annotations", ""]
        text = "\n".join(lines)
        tree = ast.parse(text)
        lines = text.split("\n")
    if "from haian_desk.desk import Desk" in text:
        return text
    has_tc = any(
        isinstance(n, ast.ImportFrom) and n.module == "typing" and any(a.name == "TYPE_CHECKING" for a in n.names)
        for n in tree.body
    )
    existing_tc = next(
        (
            n
            for n in tree.body
            if isinstance(n, ast.If) and isinstance(n.test, ast.Name) and n.test.id == "TYPE_CHECKING"
        ),
        None,
    )
    last_import = max(n.end_lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)))
    if existing_tc is not None:
        lines.insert(existing_tc.end_lineno, "    from haian_desk.desk import Desk")
        return "\n".join(lines)
    lines[last_import:last_import] = ["", *TC_BLOCK.rstrip("\n").split("\n")]
    text = "\n".join(lines)
    if not has_tc:
        typing_from = next((n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "typing"), None)
        lines = text.split("\n")
        if typing_from is not None and typing_from.lineno == typing_from.end_lineno:
            names = sorted(
                {a.name for a in typing_from.names} | {"TYPE_CHECKING"}, key=lambda s: (s != "TYPE_CHECKING", s)
            )
            lines[typing_from.lineno - 1] = "from typing import " + ", ".join(names)
        else:
            future = next(i for i, line in enumerate(lines) if line == "from __future__ import annotations")
            lines[future + 1 : future + 1] = ["", "from typing import TYPE_CHECKING"]
        text = "\n".join(lines)
    return text


def main():
    count = files = 0
    for sub in ("haian_desk", "sync", "ui"):
        for path in sorted((ROOT / sub).rglob("*.py")):
            if path.name == "desk.py" and path.parent.name == "haian_desk":
                continue
            text = path.read_text(encoding="utf-8")
            tree = ast.parse(text)
            found = [(arg, d) for arg, d in params(tree) if arg.arg == "desk" and arg.annotation is None]
            if not found:
                continue
            lines = text.split("\n")
            for arg, default in sorted(found, key=lambda x: (x[0].lineno, x[0].col_offset), reverse=True):
                line = lines[arg.lineno - 1]
                assert line[arg.col_offset : arg.col_offset + 4] == "desk", (path, arg.lineno)
                is_none = isinstance(default, ast.Constant) and default.value is None
                ann = ": Desk | None" if is_none else ": Desk"
                end = arg.col_offset + 4
                rest = line[end:]
                if default is not None and rest.startswith("="):
                    rest = " = " + rest[1:]
                lines[arg.lineno - 1] = line[:end] + ann + rest
                count += 1
            files += 1
            path.write_text(add_import("\n".join(lines)), encoding="utf-8")
    print(f"typed {count} parameters in {files} files")


if __name__ == "__main__":
    main()
