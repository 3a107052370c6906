"""The status bar's always-visible counts: overdue and due-soon matters, and who is logged in."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from haian_desk.cases import queries
from haian_desk.people import users
from ui.i18n import term
from ui.session import Session
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import alive, in_words
from ui.widgets.shortened import ShortenedLabel

REFRESH_MS = 60_000  # deadlines pass with the clock, not only when data changes
OVERDUE_COLOUR, DUE_SOON_COLOUR = QColor("#b00020"), QColor("#8a5300")


def _colour(label: QLabel, colour: QColor | None) -> None:
    """Text colour by palette (a style sheet would re-polish the label and change its size)."""
    palette = QApplication.palette(label)
    if colour is not None:
        palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


class DeadlineCounts(QWidget):
    """超期 N 件 · 即将到期 M 件, counted on the worker, refreshed on changes and every minute."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.counts: dict[str, int] | None = None
        self.overdue = QLabel()
        self.overdue.setObjectName("overdue_count")
        self.due_soon = QLabel()
        self.due_soon.setObjectName("due_soon_count")
        for label in (self.overdue, self.due_soon):
            label.setFont(scaled_font(1.0, bold=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overdue)
        layout.addWidget(self.due_soon)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        session.changed.connect(self.refresh)
        self._show(None)
        self.refresh()

    def refresh(self, _changes=None) -> None:
        self.session.run(
            lambda desk: queries.deadline_counts(desk, desk.now()), alive(self, self._show), alive(self, self._failed)
        )

    def _show(self, counts: dict[str, int] | None) -> None:
        self.counts = counts
        if counts is None:
            self.overdue.setText(self.tr("正在统计到期情况…"))
            self.due_soon.setText("")
            return
        # Colour helps, but the words carry the meaning (colour-blind users).
        self.overdue.setText(self.tr("超期 {0} 件").format(counts["overdue"]))
        _colour(self.overdue, OVERDUE_COLOUR if counts["overdue"] else None)
        self.due_soon.setText(self.tr("即将到期 {0} 件").format(counts["due_soon"]))
        _colour(self.due_soon, DUE_SOON_COLOUR if counts["due_soon"] else None)

    def _failed(self, error: BaseException) -> None:
        self.overdue.setText(self.tr("到期情况暂时统计不出"))
        self.overdue.setToolTip(in_words(error))


class UserLabel(ShortenedLabel):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("user_label")
        user = session.user
        self.set_line(
            self.tr("当前用户：{0}（{1}）").format(user.display_name, term(users.ROLES.get(user.role, user.role)))
        )
