"""The figures of one level as a sortable table: text to read, raw values to sort by."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from haian_desk.assessment.fields import COUNT, HOURS, RATE, TEXT, Field
from ui.i18n import term

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def shown(value, form: str) -> str:
    if value is None:
        return "—"
    if form == RATE:
        return f"{value * 100:.1f}%"
    if form == HOURS:
        return f"{value:.1f}"
    return str(value)


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields: list[Field] = []
        self.rows: list[dict] = []
        self.unit_names: dict[str, str] = {}

    def set_rows(self, fields: list[Field], rows: list[dict], unit_names: dict[str, str]) -> None:
        self.beginResetModel()
        self.fields, self.rows, self.unit_names = fields, rows, unit_names
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and section < len(self.fields)
        ):
            return term(self.fields[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        field = self.fields[index.column()]
        value = self.rows[index.row()].get(field.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if field.key == "unit_code":
                return self.unit_names.get(str(value), value)
            return value if field.form == TEXT else shown(value, field.form)
        if role == SORT_ROLE:
            if field.form == TEXT:
                return str(value or "")
            return -1.0 if value is None else float(value)  # "nothing to rate" sorts below 0 %
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                if field.form == TEXT
                else int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            )
        if role == Qt.ItemDataRole.ToolTipRole and field.form in (COUNT, RATE, HOURS):
            return term(field.header)
        return None


def sortable(model: FiguresModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
