"""The list of past imports, with an undo that asks once before it withdraws anything."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from haian_desk.core.timeutil import show
from haian_desk.imports.plan import KIND_LABELS
from haian_desk.imports.undo import history, undo
from ui.widgets.feedback import ErrorLabel, alive
from ui.widgets.tables import list_table


class ImportHistory(QWidget):
    undone = Signal(object)  # haian_desk.imports.undo.UndoResult

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[dict] = []
        self.table = list_table(
            "importHistory",
            [
                self.tr("时间"),
                self.tr("操作人"),
                self.tr("内容"),
                self.tr("文件"),
                self.tr("校验码"),
                self.tr("新增"),
                self.tr("更新"),
                self.tr("不变"),
                self.tr("不导入"),
                self.tr("状态"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.undo_button = QPushButton(self.tr("撤销所选导入(&U)…"))
        self.undo_button.setObjectName("undoImport")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._ask)
        self.question = QLabel(
            self.tr("将撤回这次导入新增和修改的全部记录（导入后又被改动过的记录保留不动）。确定撤销吗？")
        )
        self.question.setWordWrap(True)
        self.confirm = QPushButton(self.tr("确定撤销(&Y)"))
        self.confirm.setObjectName("confirmUndo")
        self.confirm.clicked.connect(self._undo)
        self.keep = QPushButton(self.tr("不撤销(&N)"))
        self.keep.clicked.connect(self._hide_question)
        self.message = QLabel()
        self.message.setObjectName("undoMessage")
        self.message.setWordWrap(True)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        confirm = QHBoxLayout()
        confirm.addWidget(self.question, 1)
        confirm.addWidget(self.confirm)
        confirm.addWidget(self.keep)
        layout.addLayout(confirm)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        self._hide_question()

    def refresh(self) -> None:
        self.session.run(history, alive(self, self._show))

    def _show(self, rows: list[dict]) -> None:
        self.rows = rows
        self.table.setRowCount(0)
        for r in rows:
            state = self.tr("已撤销 {0}").format(show(r["undone_at"])) if r["undone_at"] else self.tr("有效")
            cells = [
                show(r["started_at"]),
                r["actor"],
                QCoreApplication.translate("ImportKinds", KIND_LABELS[r["kind"]]),
                r["file_name"],
                r["checksum"][:12],
                str(r["added"]),
                str(r["updated"]),
                str(r["unchanged"]),
                str(r["refused"]),
                state,
            ]
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selection_changed()

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.undo_button.setEnabled(chosen is not None and not chosen["undone_at"])

    def _ask(self) -> None:
        for w in (self.question, self.confirm, self.keep):
            w.show()
        self.confirm.setFocus()

    def _hide_question(self) -> None:
        for w in (self.question, self.confirm, self.keep):
            w.hide()

    def _undo(self) -> None:
        chosen = self.selected()
        self._hide_question()
        if not chosen:
            return
        self.error.clear_error()
        user = self.session.user.username
        self.session.run(
            lambda desk: undo(desk, user, chosen["id"]), alive(self, self._undone), alive(self, self.error.show_error)
        )

    def _undone(self, result) -> None:
        text = self.tr("已撤销：撤回 {0} 条记录。").format(result.withdrawn)
        if result.kept:
            text += self.tr("以下 {0} 条导入后被改动过，保留未动：").format(len(result.kept))
            text += "；".join(self.tr("第{0}行（{1}）").format(k["row"], k["sheet"]) for k in result.kept[:20])
        self.message.setText(text)
        self.undone.emit(result)
        self.refresh()
