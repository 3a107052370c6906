"""What a window says, for the English walk: every text a person can read, less the data.

Data (names, matters, addresses, catalogue items, units) stays as it was typed,
in Chinese; everything else on an English screen must be English. The data is
read from the database itself, so the check needs no list of names.
"""

from __future__ import annotations

import json
import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from haian_desk.core.paths import resource_path

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_SEPARATORS = re.compile(r"[、，,；;\n\s]+")


def data_strings(desk) -> list[str]:
    """Every text stored in the database (and its pieces), longest first."""
    found: set[str] = set()
    tables = [
        r["name"]
        for r in desk.db.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ]
    for table in tables:
        for row in desk.db.query(f"SELECT * FROM {table}"):  # table names come from sqlite_master
            for value in row:
                if isinstance(value, str) and (CJK.search(value) or value[:1] in "[{"):
                    _add(found, value)  # payloads are JSON with \u escapes
    found.update(_places())
    _add_all(found, json.loads(resource_path("working_calendar.json").read_text(encoding="utf-8")))
    found -= _domain_words()  # 即办, 村, 待补正 … are stored, but the screen must translate them
    return sorted((text for text in found if CJK.search(text)), key=len, reverse=True)


def _domain_words() -> set[str]:
    from ui import i18n

    return set(i18n.domain_terms())


def _add_all(found: set[str], value) -> None:
    """Every text inside a JSON document (the shipped calendar names its holidays: data)."""
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _add_all(found, item)
    elif isinstance(value, list):
        for item in value:
            _add_all(found, item)


def _places() -> set[str]:
    """Township and county names the app knows without a database (haian_desk.network)."""
    from haian_desk import network

    return {network.county().name, *(unit.name for unit in network.townships())}


def _add(found: set[str], value: str) -> None:
    found.add(value)
    if value[:1] not in "[{":
        _split(found, value)
        return
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = None
    if isinstance(parsed, list):
        for item in parsed:
            if isinstance(item, str):
                _add(found, item)
    elif isinstance(parsed, dict):
        for item in parsed.values():
            if isinstance(item, (str, list)):
                _add(found, item if isinstance(item, str) else json.dumps(item))


def _split(found: set[str], value: str) -> None:
    for piece in _SEPARATORS.split(value):
        if len(piece) > 1:
            found.add(piece)
    first = value.splitlines()[0] if value.strip() else ""
    if first:
        found.add(first)
        found.add(first[:40])  # the queue shortens a long first line


def texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every label, button, title, placeholder, tooltip, header and choice."""
    found = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
        if widget.toolTip():
            found.append((f"{name} tooltip", widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((name, widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((name, widget.title()))
        if isinstance(widget, QLineEdit):
            found.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, (QTextEdit, QPlainTextEdit)):
            found.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, QComboBox):
            found += [(f"{name} choice", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += _view_texts(name, widget)
    return [(where, text) for where, text in found if text]


def _view_texts(name: str, view: QAbstractItemView) -> list[tuple[str, str]]:
    model = view.model()
    found = []
    columns = _count(model.columnCount)
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            found.append((f"{name} header", header))
    for row in range(min(_count(model.rowCount), 40)):
        for column in range(columns):
            value = model.index(row, column).data()
            if isinstance(value, str):
                found.append((f"{name} cell", value))
    return found


def _count(method) -> int:
    """rowCount/columnCount, whichever overload this model's binding exposes."""
    for args in ((), (QModelIndex(),)):
        try:
            return method(*args)
        except TypeError:
            continue
    return 1


def chinese_outside_data(root: QWidget, data: list[str]) -> list[str]:
    """Texts that still show Chinese once every stored text is taken out of them."""
    problems = []
    for where, text in texts(root):
        rest = text
        if CJK.search(rest):
            for item in data:
                if item in rest:
                    rest = rest.replace(item, "")
                    if not CJK.search(rest):
                        break
        rest = re.sub(r"[\u3400-\u9fff]\*+", "", rest)  # a masked name (陈**) is data too
        if CJK.search(rest):
            problems.append(f"{where}: {text!r}")
    return sorted(set(problems))
