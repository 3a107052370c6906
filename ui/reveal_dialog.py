"""Asking why before a full ID number or phone is shown (``haian_desk.people.reveals`` records it).

The numbers are shown only once the reveal is recorded on the case (or the
villager): who, when and why then stand in the history. Cancelling shows
nothing. The dialog keeps the reason typed last time, as clerks tend to
reveal for the same purpose through a morning.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from haian_desk.people import reveals
from ui.i18n import term
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive


class RevealReasonDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reveal_reason")
        self.setWindowTitle(self.tr("显示完整号码"))
        self.reason = QComboBox()
        self.reason.setObjectName("reveal_reason_text")
        self.reason.setEditable(True)
        self.reason.addItems([term(r) for r in reveals.COMMON_REASONS])
        self.reason.setCurrentIndex(-1)
        typed = self.reason.lineEdit()
        assert typed is not None  # an editable combo box has its line edit
        typed.setPlaceholderText(self.tr("选择或填写原因"))
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("记录并显示"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("不显示"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("完整的身份证号和电话会记入办件（或群众）历史：谁、何时、为什么。请说明原因："))
        )
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.reason.currentText().strip()


def ask_and_reveal(
    parent: QWidget,
    session: Session,
    shown: Callable[[], None],
    cancelled: Callable[[], None],
    *,
    case_id: str | None = None,
    villager_id: str | None = None,
) -> RevealReasonDialog:
    """Open the dialog; on OK record the reveal, then call ``shown`` (or show why it was refused)."""
    dialog = RevealReasonDialog(parent)
    actor = session.user.username

    def record() -> None:
        reason = dialog.text()
        session.run(
            lambda desk: reveals.reveal(desk, actor, reason=reason, case_id=case_id, villager_id=villager_id),
            # Announced from the write: a case's history grew (CASES); a villager's did too,
            # but its page reads history on demand (ui.session.HISTORY_SHOWN).
            alive(parent, lambda _: shown()),
            alive(parent, refused),
        )

    def refused(error: BaseException) -> None:
        dialog.error.show_error(error)
        dialog.open()

    dialog.accepted.connect(record)
    dialog.rejected.connect(cancelled)
    dialog.open()
    return dialog
