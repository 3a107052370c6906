"""The command line's own words (help texts, printed lines) for translation: a codemod and an extractor.

The CLI says its words through ``haian_desk.core.messages.cli_tr("中文模板", name=value)``:
the Chinese template is the key, looked up in the context ``CLI`` of the same
compiled catalogue the domain's messages use (no Qt). This tool

* ``templates()`` (used by ``python -m ui.i18n --update``, which writes them to
  ``ui/i18n_cli.py`` for lupdate) collects the literal first argument of every
  ``cli_tr`` call in the CLI modules;
* ``--check`` lists Chinese words in the CLI modules said without ``cli_tr``
  (``help=``/``description=`` of argparse, the first argument of ``print``);
  exit 1 if any;
* ``--convert`` wraps those in ``cli_tr``, turning an f-string into a template
  with named parameters (as ``tools/domain_messages.py`` does for errors), and
  adds the import. Idempotent: run it after merging a branch that added CLI words.

Run it as ``python tools/cli_messages.py --convert`` from the project root.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from domain_messages import ROOT, Unconvertible, _literal, _name, _offsets, _Params, template_of

FUNCTION = "cli_tr"
IMPORT = "from haian_desk.core.messages import cli_tr\n"
# The modules that make up the command line (each registers subcommands of haian-desk).
CLI_FILES = (
    "haian_desk/cli/*.py",
    "haian_desk/calendar/cli.py",
    "sync/*cli.py",
    "haian_desk/replication/status.py",
    "haian_desk/replication/clock_repair.py",
    "sync/exchange.py",
    "sync/recover.py",
    "ui/cli.py",
    "ui/assessment/cli.py",
    "ui/printing/cli.py",
    "ui/self_test.py",
)
KEYWORDS = ("help", "description", "metavar")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def source_files() -> list[Path]:
    return sorted({p for pattern in CLI_FILES for p in ROOT.glob(pattern) if p.name != "__init__.py"})


def _chinese(node: ast.expr) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value) for n in ast.walk(node))


def said_without_translation(tree: ast.AST) -> list[ast.expr]:
    """Chinese literals (or f-strings) given to argparse or print, not wrapped in cli_tr."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) == FUNCTION:
            continue
        texts = [k.value for k in node.keywords if k.arg in KEYWORDS]
        if _name(node.func) == "print" and node.args:
            texts.append(node.args[0])
        found += [t for t in texts if isinstance(t, (ast.Constant, ast.JoinedStr)) and _chinese(t)]
    return found


def templates() -> list[str]:
    """Every literal template said through cli_tr, once each, in file order."""
    found = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == FUNCTION and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and CJK.search(first.value):
                    found.append(first.value)
    return list(dict.fromkeys(found))


def _wrapped(node: ast.expr) -> str:
    params = _Params()
    if isinstance(node, ast.Constant):
        return f"{FUNCTION}({_literal(node.value)})"
    template = template_of(node, params)
    named = ", ".join(f"{name}={expr}" for expr, name in params.by_source.items())
    return f"{FUNCTION}({_literal(template)}, {named})"


def convert_file(path: Path) -> tuple[int, list[str]]:
    source = path.read_bytes()
    starts = _offsets(source)
    edits, problems = [], []
    for node in said_without_translation(ast.parse(source)):
        try:
            text = _wrapped(node)
        except Unconvertible as why:
            problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {why}")
            continue
        edits.append(
            (starts[node.lineno - 1] + node.col_offset, starts[node.end_lineno - 1] + node.end_col_offset, text)
        )
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text.encode("utf-8") + source[end:]
    if edits and IMPORT.encode() not in source:
        source = _add_import(source)
    if edits:
        ast.parse(source)  # never write a file that no longer parses
        path.write_bytes(source)
    return len(edits), problems


def _add_import(source: bytes) -> bytes:
    """After the module's last top-level import (``from __future__`` at least), else at the top."""
    imports = [n for n in ast.parse(source).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    if not imports:
        return IMPORT.encode() + source
    at = _offsets(source)[imports[-1].end_lineno]
    return source[:at] + IMPORT.encode() + source[at:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--convert", action="store_true", help="wrap the CLI's Chinese words in cli_tr")
    parser.add_argument("--list", action="store_true", help="print every template")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(templates()))
        return 0
    if args.convert:
        problems = []
        for path in source_files():
            done, trouble = convert_file(path)
            problems += trouble
            if done:
                print(f"{path.relative_to(ROOT)}: {done} wrapped")
        for problem in problems:
            print("left as it was:", problem, file=sys.stderr)
        return 1 if problems else 0
    left = [
        f"{p.relative_to(ROOT)}:{n.lineno}"
        for p in source_files()
        for n in said_without_translation(ast.parse(p.read_text(encoding="utf-8")))
    ]
    print("\n".join(left) or "every Chinese word of the CLI goes through cli_tr")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
