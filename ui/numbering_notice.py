"""After a restore: say so, and let the clerk choose between syncing first and working offline.

The domain refuses to number anything while the numbering is unsure
(``haian_desk.replication.numbering``); this notice is the visible warning with the
backup's age, and the place to confirm working offline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from haian_desk.replication import numbering
from ui.session import Session
from ui.widgets.feedback import alive, show_error_box, words

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def check(window: QWidget, session: Session) -> None:
    """Read the numbering state on the worker; warn if a restore left it unsure."""

    def read(desk: Desk):
        with desk.db.read() as conn:
            state = numbering.status(conn)
        return state, state.warning(desk.now())

    session.run(read, alive(window, lambda found: _maybe_warn(window, session, *found)))


def _maybe_warn(window: QWidget, session: Session, state: numbering.Numbering, warning) -> None:
    if state.state != "unsure":
        return
    title = QCoreApplication.translate("NumberingNotice", "恢复备份后的编号")
    box = NumberingNotice(QMessageBox.Icon.Warning, title, words(warning), parent=window)
    box.setObjectName("numbering_notice")
    box.setInformativeText(
        QCoreApplication.translate(
            "NumberingNotice",
            "在得知编号用到了哪里之前，本站不能登记或办理，以免同一个编号发给两位群众。\n"
            "请先联网同步一次（镇中心会告知）；确实无法联网时，可以离线继续办理：办件编号会带“L”，不会与已发的编号重复。",
        )
    )
    box.sync_first = box.addButton(
        QCoreApplication.translate("NumberingNotice", "先去同步（F9）"), QMessageBox.ButtonRole.AcceptRole
    )
    box.offline = box.addButton(
        QCoreApplication.translate("NumberingNotice", "离线继续办理"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.buttonClicked.connect(lambda button: _chosen(window, session, box, button))
    window.numbering_notice = box  # type: ignore[attr-defined]  # kept for tests to find, on any window
    box.open()


class NumberingNotice(QMessageBox):
    """The question, with its two answers' buttons by name."""

    sync_first: QPushButton
    offline: QPushButton


def _chosen(window, session: Session, box: NumberingNotice, button) -> None:
    if button is box.offline:
        actor = session.user.username
        session.run(
            lambda desk: numbering.confirm_offline(desk, actor),
            None,
            alive(window, lambda error: show_error_box(window, error)),
        )
    elif hasattr(window, "show_screen"):
        window.show_screen("sync")
