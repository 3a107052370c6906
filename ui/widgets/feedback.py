"""Telling the user what went wrong, in words, next to where it went wrong."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from haian_desk.core.errors import LIST_SEPARATOR, HaianError, Message, fill

log = logging.getLogger(__name__)


def domain_text(error: HaianError) -> tuple[str, str]:
    """(message, hint) of a domain error in the interface language.

    The error's templates are the keys of the .ts files' ``domain`` context;
    parameters that are the domain's own words (a status, a role) are
    translated too; names, numbers and addresses pass through as they are.
    """
    params = _params(error.params)
    try:
        return (
            _fill("domain", error.template, params),
            _fill("domain", error.hint_template, params) if error.hint_template else "",
        )
    except (KeyError, IndexError, ValueError):  # a translation that names a parameter wrongly
        log.warning("translation of %r does not fit its parameters", error.template)
        return error.message, error.hint


def words(message: Message | str) -> str:
    """Words from the domain (a Message, or a plain Chinese word) in the interface language."""
    if isinstance(message, str):  # a domain word (a status), or words handed to a helper (备注内容)
        word = QCoreApplication.translate("Vocabulary", message) if message else message
        return QCoreApplication.translate("domain", message) if word == message else word
    try:
        return _fill("domain", message.template, _params(message.params))
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its parameters", message.template)
        return str(message)


def _fill(context: str, template: str, params: dict) -> str:
    return fill(QCoreApplication.translate(context, template), params)


def _params(params: dict) -> dict:
    return {key: _param(value) for key, value in params.items()}


def _param(value):
    if isinstance(value, (list, tuple)):  # materials, units: 甲、乙 → "a, b"
        return QCoreApplication.translate("domain", LIST_SEPARATOR).join(str(_param(v)) for v in value)
    return words(value) if isinstance(value, (Message, str)) else value


def in_words(error: BaseException) -> str:
    """An error on one line in the interface language (for "没有完成：{0}"): a domain error's
    message and hint, translated; anything else as Python says it (it is logged as well)."""
    if not isinstance(error, HaianError):
        return str(error)
    message, hint = domain_text(error)
    return QCoreApplication.translate("Feedback", "{0}（{1}）").format(message, hint) if hint else message


def explain(error: BaseException) -> str:
    """The message a person reads: the domain's own words, or a plain fallback."""
    if isinstance(error, HaianError):
        message, hint = domain_text(error)
        return message + (f"\n{hint}" if hint else "")
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate("Feedback", "出现了意外错误：{0}\n已记录在日志中，请告诉本站管理员。").format(
        error
    )


class ErrorLabel(QLabel):
    """A red line under a form that says what is wrong; empty and hidden when all is well."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("color: #b00020;")
        self.setAccessibleName(QCoreApplication.translate("Feedback", "错误提示"))
        self.hide()

    def show_error(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else explain(error)
        self.setText("⚠ " + text)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def show_error_box(parent: QWidget | None, error: BaseException | str) -> None:
    text = error if isinstance(error, str) else explain(error)
    QMessageBox.warning(parent, QCoreApplication.translate("Feedback", "提示"), text)


def alive(widget: QObject, callback: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a worker callback so it is skipped if its widget was closed meanwhile."""

    def guarded(*args: Any) -> Any:
        if shiboken6.isValid(widget):
            return callback(*args)
        return None

    return guarded


def show_problems(error: ErrorLabel, problems: list[tuple[str, QWidget]]) -> bool:
    """Say everything that stops the page at once, put the focus on the first; True if none."""
    if not problems:
        error.clear_error()
        return True
    error.show_error("\n".join(text for text, _ in problems))
    problems[0][1].setFocus()
    if isinstance(problems[0][1], QLineEdit):
        problems[0][1].selectAll()
    return False
