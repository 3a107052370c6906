"""The two questions the intake may ask at save time, each answered with one key.

- A likely duplicate: the same villager's same matter is already open. Enter opens
  the existing case (the usual right answer), Alt+G registers a new one anyway.
- Materials not received: Enter registers the errand as 待补正 and prints the
  补正材料告知单 listing exactly what is missing (一次性告知); Alt+G accepts it
  as it is; Esc goes back to tick the materials.

The boxes are opened, not exec()'d: the app keeps running while the clerk decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from haian_desk.cases.counter_checks import OpenMatter
from haian_desk.cases.vocabulary import STATUSES, label
from haian_desk.core.timeutil import show
from ui.i18n import QT_TRANSLATE_NOOP, term

CONTEXT = "IntakeQuestions"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Duplicate:
    found: list[OpenMatter]


@dataclass(frozen=True)
class Lacking:
    missing: list[str]


def _box(parent: QWidget, name: str, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    # Wide enough for a case line on one line: QMessageBox would wrap it mid-number.
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 30em; }")
    return box


def _button(box: QMessageBox, text: str, role, keys: str = "") -> QPushButton:
    button = box.addButton(text, role)
    if keys:
        button.setShortcut(QKeySequence(keys))
    return button


def ask_duplicate(
    parent: QWidget, question: Duplicate, open_existing: Callable[[str], None], register_anyway: Callable[[], None]
) -> QMessageBox:
    first = question.found[0]
    lines = [_tr(QT_TRANSLATE_NOOP("IntakeQuestions", "这位群众已有相同的事项尚未办结，可能是重复登记："))]
    when = _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "{0} 登记，{1}"))
    lines += [
        f"  {m.case_no}  {m.what}\n      " + when.format(show(m.registered_at), term(label(STATUSES, m.status)))
        for m in question.found[:5]
    ]
    box = _box(
        parent, "duplicate_question", _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "可能重复登记")), "\n".join(lines)
    )
    opened = _button(
        box, _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "打开已有办件（Enter）")), QMessageBox.ButtonRole.AcceptRole
    )
    anyway = _button(
        box,
        _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "仍然登记（Alt+G）")),
        QMessageBox.ButtonRole.DestructiveRole,
        "Alt+G",
    )
    _button(box, _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "返回（Esc）")), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(opened)

    def answered(_result) -> None:
        if box.clickedButton() is opened:
            open_existing(first.case_id)
        elif box.clickedButton() is anyway:
            register_anyway()

    box.finished.connect(answered)
    box.open()
    return box


def ask_lacking(
    parent: QWidget,
    question: Lacking,
    as_missing: Callable[[], None],
    accept_anyway: Callable[[], None],
    back: Callable[[], None],
) -> QMessageBox:
    text = _tr(
        QT_TRANSLATE_NOOP(
            "IntakeQuestions", "以下材料没有勾选为已收：\n{0}\n\n登记为“待补正”，并打印补正材料告知单（一次性告知）吗？"
        )
    ).format("\n".join(f"  · {m}" for m in question.missing))
    box = _box(parent, "lacking_question", _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "材料不齐")), text)
    missing = _button(
        box, _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "待补正并打印告知单（Enter）")), QMessageBox.ButtonRole.AcceptRole
    )
    anyway = _button(
        box,
        _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "材料已齐，照常受理（Alt+G）")),
        QMessageBox.ButtonRole.DestructiveRole,
        "Alt+G",
    )
    _button(box, _tr(QT_TRANSLATE_NOOP("IntakeQuestions", "返回勾选（Esc）")), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(missing)

    def answered(_result) -> None:
        clicked = box.clickedButton()
        (as_missing if clicked is missing else accept_anyway if clicked is anyway else back)()

    box.finished.connect(answered)
    box.open()
    return box
