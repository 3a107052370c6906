"""Retiring a cadre: the day they left and why, then off the board and the counter's choices."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from haian_desk.core.errors import ValidationError
from haian_desk.core.timeutil import local
from haian_desk.people import cadres
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive


class RetireDialog(QDialog):
    def __init__(self, session: Session, cadre: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.cadre = cadre
        self.setWindowTitle(self.tr("代理员离任"))
        self.day = QLineEdit(local(session.desk.now()).date().isoformat())
        self.day.setObjectName("retire_day")
        self.reason = QLineEdit()
        self.reason.setObjectName("retire_reason")
        self.reason.setPlaceholderText(self.tr("如：调任、退休（可不填）"))
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认离任"))
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr("{0}离任后不再出现在公示牌和受理登记的代理员里；经手过的办件仍记在其名下。").format(
                    cadre["name"]
                )
            )
        )
        form.addRow(self.tr("离任日期(&D)"), self.day)
        form.addRow(self.tr("原因(&Y)"), self.reason)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.reason.setFocus()

    def confirm(self) -> None:
        actor, cadre_id = self.session.user.username, self.cadre["id"]
        day, reason = self.day.text(), self.reason.text()
        self.buttons.setEnabled(False)
        self.session.run(
            lambda desk: cadres.retire(desk, actor, cadre_id, on=day, reason=reason),
            alive(self, lambda _: self.accept()),
            alive(self, self._refused),
        )

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(error)
        if isinstance(error, ValidationError) and error.field == "active_to":
            self.day.setFocus()
            self.day.selectAll()
