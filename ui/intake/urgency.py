"""Urgency: a matter marked urgent is accepted at once and must get its deadline now."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QHBoxLayout, QVBoxLayout, QWidget

from haian_desk.cases.presentation import urgent_deadline_choices, urgent_deadline_messages
from haian_desk.core.timeutil import CST, from_iso, to_iso
from ui.widgets.feedback import ErrorLabel, words

BEIJING = QTimeZone(8 * 3600)


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), BEIJING)


def _from_qt(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), CST)


class TabLeavesDateTimeEdit(QDateTimeEdit):
    """Tab leaves the field at once; the arrow keys move between its parts (see TabLeavesDateEdit)."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class UrgencyRow(QWidget):
    changed = Signal()

    def __init__(self, now, parent: QWidget | None = None):
        super().__init__(parent)
        self.now = now  # a callable: the desk's clock
        self.urgent = QCheckBox(self.tr("紧急（Alt+U）"))
        self.urgent.setToolTip(self.tr("紧急事项立即受理，登记时须约定办结时限"))
        self.urgent.setObjectName("urgent")
        self.choice = QComboBox()
        self.choice.setObjectName("urgent_choice")
        self.when = TabLeavesDateTimeEdit()
        self.when.setObjectName("urgent_deadline")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setTimeZone(BEIJING)
        self.when.setCalendarPopup(True)
        self.error = ErrorLabel()
        self.error.setObjectName("error_urgent_deadline")
        self.deadline_row = QWidget()
        row = QHBoxLayout(self.deadline_row)
        row.setContentsMargins(24, 0, 0, 0)
        row.addWidget(self.choice, 1)
        row.addWidget(self.when, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.urgent)
        layout.addWidget(self.deadline_row)
        layout.addWidget(self.error)
        self.deadline_row.hide()
        self.urgent.toggled.connect(self._toggled)
        self.choice.activated.connect(self._picked)
        self.when.dateTimeChanged.connect(self._typed)
        self._fill_choices()

    def _fill_choices(self) -> None:
        self.choice.clear()
        self.choice.addItem(self.tr("— 请选择办结时限 —"), None)
        for said, moment in urgent_deadline_messages(self.now()):
            self.choice.addItem(words(said), moment)
        self.choice.addItem(self.tr("自定时间（在右边输入）"), "custom")
        self._set_when(urgent_deadline_choices(self.now())[1][1])

    def toggle_by_key(self) -> None:
        """Alt+U: mark or unmark urgent; when marked, go straight to the deadline."""
        self.urgent.setChecked(not self.urgent.isChecked())
        (self.choice if self.urgent.isChecked() else self.urgent).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _toggled(self, on: bool) -> None:
        if on:
            self._fill_choices()  # quick picks are relative to now, not to when the page opened
        self.deadline_row.setVisible(on)
        self.changed.emit()

    def _picked(self, index: int) -> None:
        moment = self.choice.itemData(index)
        if isinstance(moment, datetime):
            self._set_when(moment)
        self.changed.emit()

    def _typed(self, _value) -> None:
        if not self.when.signalsBlocked():
            self.choice.setCurrentIndex(self.choice.count() - 1)  # typed by hand: custom
            self.changed.emit()

    def _set_when(self, moment: datetime) -> None:
        self.when.blockSignals(True)
        self.when.setDateTime(_to_qt(moment))
        self.when.blockSignals(False)

    # --- the form's values --------------------------------------------------------------

    def values(self) -> dict:
        urgent = self.urgent.isChecked()
        chosen = self.choice.currentIndex() > 0
        deadline = to_iso(_from_qt(self.when.dateTime())) if urgent and chosen else ""
        return {"urgency": "urgent" if urgent else "normal", "urgent_deadline": deadline}

    def fill(self, form: dict) -> None:
        self.urgent.setChecked(form.get("urgency") == "urgent")
        deadline = form.get("urgent_deadline") or ""
        if deadline:
            self._set_when(from_iso(deadline))
            self.choice.setCurrentIndex(self.choice.count() - 1)
        else:
            self.choice.setCurrentIndex(0)
