"""Spell Qt enum members with their enum's name: ``Qt.ItemDataRole.UserRole`` -> ``Qt.ItemDataRole.UserRole``.

PySide6 still accepts the short forms at run time, but its type stubs (and so mypy) know only
the full ones, and the short forms are the deprecated spelling. Safe to run again: a name that
is already full is left alone. Usage: ``python tools/qt_full_enums.py [--check] PATH...``
(folders are walked for *.py); ``--check`` lists what would change and exits 1 if anything would.
"""

from __future__ import annotations

import enum
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6 import QtCore, QtGui, QtPrintSupport, QtWidgets

MODULES = (QtCore, QtGui, QtWidgets, QtPrintSupport)
# ``Qt.AlignLeft`` or ``QDialogButtonBox.Ok`` (short forms); not ``self.Qt.x``, nor the end of ``a.QWidget``.
ACCESS = re.compile(r"(?<![\w.])(Qt|Q[A-Z]\w*)\.([A-Za-z_]\w*)\b")


def qt_classes() -> dict[str, type]:
    # dir() rather than vars(): PySide6 creates its classes lazily, on first access.
    found = ((name, getattr(module, name)) for module in MODULES for name in dir(module) if name.startswith("Q"))
    return {name: obj for name, obj in found if isinstance(obj, type)}


def full_name(classes: dict[str, type], owner: str, member: str) -> str | None:
    """``Owner.Enum.member`` when ``Owner.member`` is an enum member reached by its short name."""
    value = getattr(classes.get(owner), member, None)
    if not isinstance(value, enum.Enum):
        return None
    enum_name = type(value).__name__
    if getattr(classes[owner], enum_name, None) is not type(value):
        return None  # the enum lives elsewhere: leave it for a person to spell
    return f"{owner}.{enum_name}.{member}"


def rewrite(text: str, classes: dict[str, type]) -> str:
    def replace(match: re.Match[str]) -> str:
        return full_name(classes, match[1], match[2]) or match[0]

    return ACCESS.sub(replace, text)


def python_files(paths: list[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    classes = qt_classes()
    changed = []
    for path in python_files([a for a in argv if a != "--check"]):
        text = path.read_text(encoding="utf-8")
        new = rewrite(text, classes)
        if new != text:
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(("would rewrite " if check else "rewrote ") + str(path))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
