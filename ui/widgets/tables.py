"""The read-only list table the screens share, and the list-beside-details layout."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QTableWidget, QVBoxLayout, QWidget

from ui.widgets.fields import DetailScroll


def list_table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    stretch_last_when_room(table)
    return table


class _LastSectionFitter(QObject):
    """Stretch the last column over the free width only while it still fits its contents there.

    Qt's stretched last section ignores its contents: on a narrow screen (English, large print)
    it was squeezed to a sliver, title and all. Without room the table scrolls sideways instead.
    """

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table
        header = table.horizontalHeader()
        header.sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)
        # Rows filled one cell at a time are measured once, after the filling.
        self.soon = QTimer(self, singleShot=True, interval=0)
        self.soon.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged, model.layoutChanged):
            signal.connect(self.soon.start)
        self.fit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _section_resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.table.horizontalHeader().count() - 1:
            self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        last = header.count() - 1
        if last < 0:
            return
        others = sum(header.sectionSize(i) for i in range(last) if not header.isSectionHidden(i))
        needs = max(header.sectionSizeHint(last), self.table.sizeHintForColumn(last))
        room = self.table.viewport().width() - others >= needs
        if header.stretchLastSection() != room:
            header.setStretchLastSection(room)


def stretch_last_when_room(table: QTableView) -> None:
    _LastSectionFitter(table)


def list_beside_detail(
    table: QWidget,
    under_table: QWidget | None,
    detail: QWidget,
    stretch: tuple[int, int] = (1, 1),
    *,
    scroll: bool = True,
) -> QSplitter:
    """A list (with a line under it, if any) on the left, the chosen row's details on the right.

    The details scroll in a ``DetailScroll``; a detail that scrolls itself (a text browser,
    a panel of tables) says ``scroll=False`` and is placed as it is.
    """
    left = table
    if under_table is not None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table, 1)
        column.addWidget(under_table)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(DetailScroll(detail) if scroll else detail)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    return splitter
