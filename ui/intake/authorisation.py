"""诉求代理: the villager's authorisation (scope, signed on paper, date), recorded with the claim."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from ui.widgets.feedback import ErrorLabel


class TabLeavesDateEdit(QDateEdit):
    """A date field that Tab leaves at once (Qt's default walks through year, month, day first).

    The date is usually today and left as it is; the arrow keys still move between its parts.
    """

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class AuthorisationPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scope = QLineEdit()
        self.scope.setObjectName("auth_scope")
        self.scope.setPlaceholderText(self.tr("群众委托代理的具体事项，如：代为协调讨要拖欠工资"))
        self.signed = QCheckBox(self.tr("群众已签署书面授权委托书"))
        self.signed.setObjectName("auth_signed")
        self.date = TabLeavesDateEdit()
        self.date.setObjectName("auth_date")
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        self.errors = {key: ErrorLabel() for key in ("scope", "signed_on_paper", "date")}
        for key, label in self.errors.items():
            label.setObjectName(f"error_{key}")
        note = QLabel(self.tr("诉求代理须有群众的授权委托才能受理。"))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(note)
        form.addRow(self.tr("委托范围"), self.scope)
        form.addRow(self.errors["scope"])
        form.addRow("", self.signed)
        form.addRow(self.errors["signed_on_paper"])
        form.addRow(self.tr("委托日期"), self.date)
        form.addRow(self.errors["date"])
        self.setFocusProxy(self.scope)
        self.scope.textEdited.connect(lambda _t: self.changed.emit())
        self.signed.toggled.connect(lambda _on: self.changed.emit())
        self.date.dateChanged.connect(lambda _d: self.changed.emit())

    def values(self) -> dict:
        return {
            "auth_scope": self.scope.text(),
            "auth_signed": self.signed.isChecked(),
            "auth_date": self.date.date().toString("yyyy-MM-dd"),
        }

    def fill(self, form: dict) -> None:
        self.scope.setText(form.get("auth_scope") or "")
        self.signed.setChecked(bool(form.get("auth_signed")))
        date = QDate.fromString(form.get("auth_date") or "", "yyyy-MM-dd")
        if date.isValid():
            self.date.setDate(date)
