"""The editable table of the file's columns: header as written → field it is read as."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem

from haian_desk.imports.columns import FIELD_LABELS, IGNORE, SYNONYMS, Layout


class MappingTable(QTableWidget):
    """One row per column of the first sheet read: its header, and a choice of field."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(0, 3, parent)
        self.setObjectName("importMapping")
        self.setHorizontalHeaderLabels([self.tr("列"), self.tr("文件中的表头"), self.tr("导入为")])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.kind = "villagers"

    def show_layout(self, kind: str, layout: Layout) -> None:
        self.kind = kind
        self.blockSignals(True)
        self.setRowCount(0)
        for column, (header, field) in enumerate(zip(layout.headers, layout.fields, strict=True)):
            if not header:
                continue
            row = self.rowCount()
            self.insertRow(row)
            self.setItem(row, 0, QTableWidgetItem(_letter(column)))
            self.setItem(row, 1, QTableWidgetItem(header))
            self.setCellWidget(row, 2, self._choice(field))
        self.blockSignals(False)

    def _choice(self, field: str) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("（不导入）"), IGNORE)
        for name in SYNONYMS[self.kind]:
            box.addItem(QCoreApplication.translate("ImportFields", FIELD_LABELS[name]), name)
        box.setCurrentIndex(max(0, box.findData(field)))
        box.currentIndexChanged.connect(lambda _=0: self.edited.emit())
        return box

    def overrides(self) -> dict[str, str]:
        """Every header shown, with the field chosen for it (what ``find_layout`` takes)."""
        return {self._header(r): self._box(r).currentData() for r in range(self.rowCount())}

    def choose(self, header: str, field: str) -> None:
        for r in range(self.rowCount()):
            if self._header(r) == header:
                box = self._box(r)
                box.setCurrentIndex(box.findData(field))

    def _header(self, row: int) -> str:
        item = self.item(row, 1)
        return item.text() if item is not None else ""

    def _box(self, row: int) -> QComboBox:
        box = self.cellWidget(row, 2)
        assert isinstance(box, QComboBox)  # every row's third cell is its field choice
        return box


def _letter(column: int) -> str:
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name
