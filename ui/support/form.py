"""A small form dialog that stays open until its operation has succeeded.

The screen that opens it runs the operation on the database worker when the
user presses OK; a refusal is shown inside the dialog under the fields and
nothing typed is lost. Used by the support, opinions and complaints screens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from haian_desk.core.errors import HaianError
from ui.widgets.feedback import ErrorLabel, alive, explain

W = TypeVar("W", bound=QWidget)


class FormDialog(QDialog):
    submitted = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def add(self, caption: str, widget: W) -> W:
        self.form.addRow(caption, widget)
        return widget

    def _ok(self) -> None:
        self.error.clear_error()
        self.buttons.setEnabled(False)  # one press, one operation
        self.submitted.emit()

    def failed(self, error: BaseException | str) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(error if isinstance(error, str) else explain(error))

    def succeeded(self, _result=None) -> None:
        self.accept()


def run_form(session, dialog: FormDialog, make_work: Callable[[], Callable], on_done=None) -> None:
    """Show ``dialog``. On OK, ``make_work()`` reads the fields (on the GUI thread) and returns
    ``work(desk)``, which runs on the worker; the dialog closes only when it succeeded."""

    def submit() -> None:
        try:
            work = make_work()
        except HaianError as error:
            dialog.failed(error)
            return

        def done(result) -> None:
            dialog.succeeded(result)
            if on_done:
                on_done(result)

        session.run(work, alive(dialog, done), alive(dialog, dialog.failed))

    dialog.submitted.connect(submit)
    dialog.open()
