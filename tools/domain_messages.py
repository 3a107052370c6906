"""Domain messages as templates plus parameters: a codemod and an extractor.

The domain raises its errors in Chinese (``haian_desk.core.errors``). To show them in
another language the interface needs a stable key for each message: the
template, with named ``{parameters}`` instead of the values an f-string would
have baked in. This tool

* ``--convert`` rewrites every error built from an f-string in ``haian_desk/``
  and ``sync/``::

      raise ValidationError(f"数据库版本（{before}）比本程序新", hint=f"请用 {LATEST} 以上")
      raise ValidationError("数据库版本（{before}）比本程序新", hint="请用 {LATEST} 以上",
                            params={"before": before, "LATEST": LATEST})

  It only touches calls whose message or hint is an f-string, so it is
  idempotent and safe to re-run after other branches are merged (take either
  side of a conflict in a converted file, then run it again).
* ``--check`` lists the calls still built from f-strings (exit 1 if any).
* ``templates()`` (used by ``python -m ui.i18n --update``) collects every
  literal message and hint, which go into the .ts files' ``domain`` context.

Run it as ``python tools/domain_messages.py --convert`` from the project root.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("haian_desk", "sync")
BASE = "HaianError"
# Where the message sits among the positional arguments (SyncError takes its kind first).
MESSAGE_POSITION = {"SyncError": 1, "BatchRefused": 1}


def source_files() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def error_classes(files: list[Path] | None = None) -> dict[str, int]:
    """Every class deriving from HaianError (by name, across the packages) → message position."""
    bases: dict[str, set[str]] = {}
    for path in files or source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_name(b) for b in node.bases)
    found = {BASE}
    grew = True
    while grew:
        new = {name for name, parents in bases.items() if parents & found} - found
        found |= new
        grew = bool(new)
    # haian_desk.core.errors.Message: words shown that are not errors; _said/_transfer build one
    positions = {"Message": 0, "_said": 0, "_transfer": 0, "N_": 0}
    for name in found:
        positions[name] = MESSAGE_POSITION.get(name, _inherited_position(name, bases))
    return positions


def _inherited_position(name: str, bases: dict[str, set[str]]) -> int:
    for parent in bases.get(name, ()):
        if parent in MESSAGE_POSITION:
            return MESSAGE_POSITION[parent]
    return 0


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


@dataclass
class Site:
    """One call that builds a domain error: its message and hint arguments."""

    path: Path
    call: ast.Call
    message: ast.expr | None
    hint: ast.expr | None
    has_params: bool

    @property
    def texts(self) -> list[ast.expr]:
        return [node for node in (self.message, self.hint) if node is not None]

    @property
    def uses_fstring(self) -> bool:
        return any(isinstance(node, ast.JoinedStr) for node in self.texts)


def sites(path: Path, classes: dict[str, int]) -> list[Site]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in classes:
            position = classes[_name(node.func)]
            keywords = {k.arg: k.value for k in node.keywords}
            message = node.args[position] if len(node.args) > position else keywords.get("message")
            hint = node.args[position + 1] if len(node.args) > position + 1 else keywords.get("hint")
            found.append(Site(path, node, message, hint, "params" in keywords))
    return found


# --- converting ----------------------------------------------------------------------------


@dataclass
class _Params:
    """Names for the values an f-string interpolated, one per distinct expression."""

    by_source: dict[str, str] = field(default_factory=dict)

    def name_for(self, expr: ast.expr) -> str:
        source = ast.unparse(expr)
        if source in self.by_source:
            return self.by_source[source]
        base = _suggest(expr) or "value"
        name, n = base, 2
        while name in self.by_source.values():
            name, n = f"{base}{n}", n + 1
        self.by_source[source] = name
        return name


def _suggest(expr: ast.expr) -> str:
    """A readable parameter name: the variable, attribute or key the value came from."""
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return expr.attr
    if (
        isinstance(expr, ast.Subscript)
        and isinstance(expr.slice, ast.Constant)
        and isinstance(expr.slice.value, str)
        and expr.slice.value.isidentifier()
    ):
        return expr.slice.value
    if isinstance(expr, ast.Call) and expr.args and _name(expr.func) in ("len", "str", "int", "repr", "round"):
        inner = _suggest(expr.args[0])
        return f"n_{inner}" if _name(expr.func) == "len" and inner else inner
    if isinstance(expr, ast.Call) and _name(expr.func) == "join":
        return "items"
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and _name(expr.func) in ("strip", "lower", "upper", "name", "get")
    ):
        return _suggest(expr.func.value)
    if isinstance(expr, ast.Call):
        return _name(expr.func).lstrip("_")
    return ""


class Unconvertible(Exception):
    pass


def template_of(node: ast.expr, params: _Params) -> str:
    """The template an f-string (or a plain string, braces escaped) stands for."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "可选：" + "、".join(…)
        return template_of(node.left, params) + template_of(node.right, params)
    if not isinstance(node, ast.JoinedStr):  # a value made elsewhere: a parameter of its own
        return "{" + params.name_for(node) + "}"
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(value.value.replace("{", "{{").replace("}", "}}"))
            continue
        text = "{" + params.name_for(value.value)
        if value.conversion != -1:
            text += "!" + chr(value.conversion)
        if value.format_spec is not None:
            spec = value.format_spec.values
            if not all(isinstance(v, ast.Constant) for v in spec):
                raise Unconvertible("format spec with a nested field")
            text += ":" + "".join(v.value for v in spec)
        parts.append(text + "}")
    return "".join(parts)


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _offsets(source: bytes) -> list[int]:
    starts, total = [0], 0
    for line in source.splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def convert_file(path: Path, classes: dict[str, int]) -> tuple[int, list[str]]:
    """Rewrite one file's f-string sites; returns (sites converted, problems)."""
    source = path.read_bytes()
    starts = _offsets(source)

    def at(line: int, col: int) -> int:  # ast columns are UTF-8 byte offsets
        return starts[line - 1] + col

    edits, problems = [], []
    for site in sites(path, classes):
        if not site.uses_fstring or site.has_params:
            continue
        params = _Params()
        try:
            replaced = [(node, template_of(node, params)) for node in site.texts]
        except Unconvertible as why:
            problems.append(f"{path.relative_to(ROOT)}:{site.call.lineno}: {why}")
            continue
        for node, template in replaced:
            edits.append(
                (at(node.lineno, node.col_offset), at(node.end_lineno, node.end_col_offset), _literal(template))
            )
        last = max(
            [*site.call.args, *(k.value for k in site.call.keywords)], key=lambda n: (n.end_lineno, n.end_col_offset)
        )
        entries = ", ".join(f'"{name}": {expr}' for expr, name in params.by_source.items())
        end = at(last.end_lineno, last.end_col_offset)
        edits.append((end, end, f", params={{{entries}}}"))
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text.encode("utf-8") + source[end:]
    if edits:
        ast.parse(source)  # never write a file that no longer parses
        path.write_bytes(source)
    return len([e for e in edits if e[2].startswith(", params=")]), problems


def convert() -> int:
    classes = error_classes()
    total, problems = 0, []
    for path in source_files():
        done, trouble = convert_file(path, classes)
        total += done
        problems += trouble
        if done:
            print(f"{path.relative_to(ROOT)}: {done} converted")
    print(f"{total} call(s) converted")
    for problem in problems:
        print("left as it was:", problem, file=sys.stderr)
    return 1 if problems else 0


# --- checking and extracting ---------------------------------------------------------------


def fstring_sites() -> list[str]:
    """Where an error is still built from an f-string (path:line)."""
    classes = error_classes()
    return [
        f"{s.path.relative_to(ROOT)}:{s.call.lineno}"
        for path in source_files()
        for s in sites(path, classes)
        if s.uses_fstring
    ]


# Helpers that take the words of a message as arguments (required_text(p, "note", "备注内容"))
# pass them on as parameters; the literal words given for these are collected too.
WORD_PARAMETERS = ("what", "hint")


# Messages the hub sends to stations as plain text (sync/server.py); a station shows the
# text it received, so the literal ones are collected, but these calls take no params.
EXTRACT_ONLY = {"HttpProblem": 2, "__init__": 0}  # __init__: super().__init__("…") in an error class


def word_functions(files: list[Path]) -> dict[str, dict[str, int]]:
    """Functions with a ``what``/``hint`` parameter: name → {parameter: position}."""
    found: dict[str, dict[str, int]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [a.arg for a in node.args.args]
                wanted = {n: names.index(n) for n in WORD_PARAMETERS if n in names}
                if wanted:
                    found[node.name] = wanted
    return found


def _word_arguments(tree: ast.AST, functions: dict[str, dict[str, int]]) -> list[str]:
    words = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in functions:
            defaults = node.args.defaults  # a default word ("姓名") is said too
            words += [d.value for d in defaults if isinstance(d, ast.Constant) and isinstance(d.value, str)]
        if not isinstance(node, ast.Call) or _name(node.func) not in functions:
            continue
        keywords = {k.arg: k.value for k in node.keywords}
        for name, position in functions[_name(node.func)].items():
            arg = node.args[position] if len(node.args) > position else keywords.get(name)
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                words.append(arg.value)
    return words


def templates() -> list[str]:
    """Every literal message and hint of a domain error (and the words handed to helpers
    that build one), once each, in file order."""
    classes = {**error_classes(), **EXTRACT_ONLY}
    files = source_files()
    functions = word_functions(files)
    found = []
    for path in files:
        for site in sites(path, classes):
            for node in site.texts:
                # message or "同步中心……" : the literal fallback is a template too
                for part in node.values if isinstance(node, ast.BoolOp) else [node]:
                    if isinstance(part, ast.Constant) and isinstance(part.value, str) and part.value:
                        found.append(part.value)
        found += _word_arguments(ast.parse(path.read_text(encoding="utf-8")), functions)
    cjk = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
    return list(dict.fromkeys(t for t in found if t and cjk.search(t)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--convert", action="store_true", help="rewrite f-string sites in place")
    parser.add_argument("--check", action="store_true", help="list f-string sites; exit 1 if any")
    parser.add_argument("--list", action="store_true", help="print every template")
    args = parser.parse_args(argv)
    if args.convert:
        return convert()
    if args.list:
        print("\n".join(templates()))
        return 0
    left = fstring_sites()
    print("\n".join(left) or "no error is built from an f-string")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
