"""Saving the half-typed intake as the clerk types, and offering it back next time.

Each change restarts a short timer; when typing pauses, the form is written
to the drafts table on the worker (``haian_desk.cases.drafts``). An emptied form
removes the draft. Saving is paused while the form is filled by the program
(a restored draft, the reset after a successful save) or being registered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from haian_desk.cases import drafts
from ui.session import Session
from ui.widgets.feedback import alive

if TYPE_CHECKING:
    from haian_desk.desk import Desk

log = logging.getLogger(__name__)
AUTOSAVE_DELAY_MS = 600


class DraftKeeper(QObject):
    saved = Signal()  # the draft on disk now matches the form
    found = Signal(object)  # a drafts.Draft worth offering back

    def __init__(
        self,
        session: Session,
        collect: Callable[[], dict[str, Any]],
        pristine: Callable[[], dict[str, Any]],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.collect, self.pristine = collect, pristine
        self.paused = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)

    def touched(self, *_args) -> None:
        if not self.paused:
            self.timer.start()

    def pause(self) -> None:
        self.paused += 1
        self.timer.stop()

    def resume(self) -> None:
        self.paused = max(0, self.paused - 1)

    def flush(self) -> None:
        """Write at once what is waiting for the typing pause (the page is going away)."""
        if self.timer.isActive():
            self.save_now()

    def save_now(self) -> None:
        self.timer.stop()
        body, pristine, user = self.collect(), self.pristine(), self.session.user.username
        self.session.run(
            lambda desk: drafts.keep_or_discard(desk, user, drafts.INTAKE, body, pristine),
            alive(self, lambda _id: self.saved.emit()),
            alive(self, self._failed),
        )

    def _failed(self, error: BaseException) -> None:
        # A draft that cannot be written is not worth interrupting the clerk for;
        # the form itself is still on screen.
        log.warning("could not save the intake draft: %s", error)

    def look_for_draft(self) -> None:
        user, pristine = self.session.user.username, self.pristine()

        def worth_offering(desk: Desk):
            draft = drafts.load(desk, user, drafts.INTAKE)
            return draft if draft and not drafts.is_blank(draft.body, pristine) else None

        self.session.run(worth_offering, alive(self, self._maybe_found), alive(self, self._failed))

    def _maybe_found(self, draft) -> None:
        if draft is not None:
            self.found.emit(draft)

    def discard(self) -> None:
        user = self.session.user.username
        self.session.run(lambda desk: drafts.discard(desk, user, drafts.INTAKE), None, alive(self, self._failed))
