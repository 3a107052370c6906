"""Find-as-you-type with the keyboard: a line to type in and a list of matches under it.

Typing searches on the worker after a short pause (so a fast typist does not
queue a search per key); Down/Up move through the matches without leaving the
line, Enter picks, Esc hides the list. An optional last entry ("新建…") lets
the clerk create what was not found, with the same keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.session import Session
from ui.widgets.feedback import alive

SEARCH_DELAY_MS = 250
CREATE = object()  # the data of the "create new" entry


class Lookup(QWidget):
    picked = Signal(object)  # the chosen row
    createRequested = Signal(str)  # the text typed, when nothing suitable was found
    edited = Signal(str)  # the clerk changed the text (the earlier pick no longer holds)

    def __init__(
        self,
        session: Session,
        search: Callable[[Any, str], list],
        describe: Callable[[Any], str],
        create_label: Callable[[str], str] | None = None,
        visible_rows: int = 6,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self._search, self._describe, self._create_label = search, describe, create_label
        self.generation = 0
        self.searching = False
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the line; arrows drive the list
        self.results.setFixedHeight(self.results.fontMetrics().lineSpacing() * visible_rows + 12)
        self.results.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.timer.timeout.connect(self.search_now)
        self.results.itemClicked.connect(self._choose)
        self.edit.installEventFilter(self)

    # --- searching ----------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self.edited.emit(text)
        self.timer.start()

    def search_now(self) -> None:
        self.timer.stop()
        self.generation += 1
        generation, text, search = self.generation, self.edit.text(), self._search
        if not text.strip():
            self.show_results(generation, [])
            return
        self.searching = True
        self.session.run(
            lambda desk: search(desk, text),
            alive(self, lambda rows: self.show_results(generation, rows)),
            alive(self, lambda error: self.show_results(generation, [])),
        )

    def show_results(self, generation: int, rows: list) -> None:
        if generation != self.generation:
            return  # an answer to something typed before
        self.searching = False
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(self._describe(row))
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        text = self.edit.text().strip()
        if self._create_label and text:
            item = QListWidgetItem(self._create_label(text))
            item.setData(Qt.ItemDataRole.UserRole, CREATE)
            self.results.addItem(item)
        self.results.setVisible(self.results.count() > 0)
        if self.results.count():
            self.results.setCurrentRow(0)

    def match_count(self) -> int:
        return sum(
            1 for i in range(self.results.count()) if self.results.item(i).data(Qt.ItemDataRole.UserRole) is not CREATE
        )

    # --- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            return self._key(event.key())
        return super().eventFilter(watched, event)

    def _key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible():
            step = 1 if key == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.timer.isActive() or self.searching:
                self.search_now()  # Enter right after typing: search first, then pick
                return True
            if self.results.isVisible() and self.results.currentItem() is not None:
                self._choose(self.results.currentItem())
                return True
            if self._create_label and self.edit.text().strip():
                self.createRequested.emit(self.edit.text())
                return True
            return False
        if key == Qt.Key.Key_Escape and self.results.isVisible():
            self.results.hide()
            return True
        return False

    def _choose(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        self.results.hide()
        if row is CREATE:
            self.createRequested.emit(self.edit.text())
        else:
            self.picked.emit(row)

    def hideEvent(self, event) -> None:
        self.timer.stop()  # nobody is looking: no search to run
        super().hideEvent(event)

    # --- filling from outside -----------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show text without searching (a restored draft, a picked row)."""
        self.timer.stop()
        self.generation += 1
        self.edit.setText(text)
        self.results.hide()

    def text(self) -> str:
        return self.edit.text()
