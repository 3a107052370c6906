"""Small read-only tables and a result box, shared by the sync and township screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPlainTextEdit, QTableWidget, QTableWidgetItem

from ui.widgets.tables import stretch_last_when_room

ROW_KEY = Qt.ItemDataRole.UserRole + 1
LONGEST_COLUMN = 480


def make_table(name: str, headers: list[str], stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    # Every column as wide as its contents, the last one taking what is left. (A stretched
    # column in the middle was squeezed to a few pixels, title and all, on a 1280-wide screen in
    # English; now a narrow screen scrolls sideways instead.) A table with a long-text column
    # (``stretch``) caps every column, so a long text is cut with "…" (its tooltip has it all).
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    stretch_last_when_room(table)
    if stretch is not None:
        header.setMaximumSectionSize(LONGEST_COLUMN)
    return table


def fill_table(
    table: QTableWidget, rows: list[tuple[object, list[str]]], colours: list[str | None] | None = None
) -> None:
    """Rows of (key, cells); the key is kept on the first cell, the colour paints the whole row."""
    table.setRowCount(len(rows))
    for row, (key, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0:
                item.setData(ROW_KEY, key)
            colour = colours[row] if colours else None
            if colour:
                item.setBackground(QBrush(QColor(colour)))
            table.setItem(row, column, item)


def selected_keys(table: QTableWidget) -> list:
    rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
    items = [table.item(row, 0) for row in rows]
    return [item.data(ROW_KEY) for item in items if item is not None]


def key_at(table: QTableWidget, row: int):
    item = table.item(row, 0)
    return item.data(ROW_KEY) if item is not None else None


class ResultBox(QPlainTextEdit):
    """What an import, export or enrolment did, in lines a person reads (kept until the next one)."""

    def __init__(self, name: str):
        super().__init__()
        self.setObjectName(name)
        self.setReadOnly(True)
        # Six lines where there is room, four on a short page (large print on a laptop); it scrolls.
        lines = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(lines * 4 + 16)
        self.setMaximumHeight(lines * 6 + 16)

    def show_lines(self, lines: list[str]) -> None:
        self.setPlainText("\n".join(lines))

    def show_failure(self, text: str) -> None:
        self.setPlainText("⚠ " + text)
