"""Telling the user what went wrong, in words, next to where it went wrong."""

from __future__ import annotations

import logging
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from haian_desk.errors import HaianError

log = logging.getLogger(__name__)


def explain(error: BaseException) -> str:
    """The message a person reads: the domain's own words, or a plain fallback."""
    if isinstance(error, HaianError):
        return error.message + (f"\n{error.hint}" if error.hint else "")
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "Feedback", "出现了意外错误：{0}\n已记录在日志中，请告诉本站管理员。").format(error)


class ErrorLabel(QLabel):
    """A red line under a form that says what is wrong; empty and hidden when all is well."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
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


def alive(widget: QWidget, callback: Callable[..., Any]) -> Callable[..., Any]:
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
