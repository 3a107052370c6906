"""工作台 → 导入…: choose a file, check the mapping and the preview, then import.

Nothing is written until 导入 is pressed. Reading, checking and importing all
run on the database worker (``Session.run``); the GUI thread only shows what
comes back. The import itself is one transaction: cancelling it, or any error,
leaves the station's data as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from haian_desk.imports import ImportCancelled, make_plan, preview, run_import
from haian_desk.imports.plan import KIND_LABELS, load
from ui.imports.history import ImportHistory
from ui.imports.mapping import MappingTable
from ui.imports.progress import ImportProgress
from ui.widgets.feedback import ErrorLabel, alive
from ui.widgets.tables import list_table

if TYPE_CHECKING:
    from haian_desk.desk import Desk

PREVIEW_ROWS = 200
FILE_FILTER = QCoreApplication.translate("ImportDialog", "表格文件 (*.xlsx *.xls *.ods *.csv *.txt);;所有文件 (*)")


def _check(desk: Desk, path: str, kind: str, overrides: dict | None, header_row: int | None, progress):
    # A header row the user chose is shown even before a column is the name, so it can be chosen.
    loaded = load(path, kind, None, overrides, header_row, require=header_row is None)
    with desk.db.read() as conn:
        return make_plan(conn, desk, path, kind, loaded=loaded, progress=progress)


class ImportDialog(QDialog):
    imported = Signal(str)  # the new import's id

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("导入表格"))
        self.session = session
        self.plan = None
        self.overrides: dict | None = None
        self.header_row: int | None = None  # 1-based; None: found by the importer
        self.relay = ImportProgress(self)
        self.relay.progressed.connect(self._progressed)
        tabs = QTabWidget()
        tabs.addTab(self._import_page(), self.tr("导入文件"))
        self.history = ImportHistory(session)
        tabs.addTab(self.history, self.tr("导入记录"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        self.resize(1180, 720)
        self.history.refresh()

    # --- building ---------------------------------------------------------------------------

    def _import_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(self._file_row())
        self.info = QLabel(self.tr("请选择要导入的文件：Excel/WPS 表格（.xls、.xlsx）、.ods 或 .csv。"))
        self.info.setObjectName("importInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        layout.addLayout(self._header_row())
        layout.addWidget(self._tables(), 1)
        self.row_reason = QLabel()  # the chosen row's whole reason (the table cell may be cut)
        self.row_reason.setObjectName("importRowReason")
        self.row_reason.setWordWrap(True)
        self.row_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.itemSelectionChanged.connect(self._row_chosen)
        layout.addWidget(self.row_reason)
        self.counts = QLabel()
        self.counts.setObjectName("importCounts")
        self.only_refused = QCheckBox(self.tr("只看不导入的行(&R)"))
        self.only_refused.toggled.connect(lambda _: self._show_preview())
        line = QHBoxLayout()
        line.addWidget(self.counts, 1)
        line.addWidget(self.only_refused)
        layout.addLayout(line)
        layout.addLayout(self._progress_row())
        self.outcome = QLabel()  # not "result": that is QDialog's own method
        self.outcome.setObjectName("importResult")
        self.outcome.setWordWrap(True)
        self.error = ErrorLabel(self)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        return page

    def _header_row(self) -> QHBoxLayout:
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("importHeaderRow")
        self.header_spin.setRange(1, 50)
        self.header_spin.valueChanged.connect(self._header_edited)
        header_label = QLabel(self.tr("表头在第(&H)"))
        header_label.setBuddy(self.header_spin)
        row = QHBoxLayout()
        for w in (header_label, self.header_spin, QLabel(self.tr("行（读错了可以改）"))):
            row.addWidget(w)
        row.addStretch(1)
        return row

    def _tables(self) -> QSplitter:
        """The file's columns and what each is read as (left); the rows as they will be stored (right)."""
        self.mapping = MappingTable()
        self.mapping.edited.connect(self._mapping_edited)
        self.preview = list_table("importPreview", preview.headers("villagers"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.mapping)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        return split

    def _file_row(self) -> QHBoxLayout:
        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(QCoreApplication.translate("ImportKinds", label), kind)
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setReadOnly(True)
        choose = self.choose_button = QPushButton(self.tr("选择文件(&F)…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        kind_label = QLabel(self.tr("导入内容(&K)："))
        kind_label.setBuddy(self.kind)
        for w in (kind_label, self.kind, QLabel(self.tr("文件：")), self.path):
            row.addWidget(w)
        row.addWidget(choose)
        self.path.setMinimumWidth(360)
        return row

    def _progress_row(self) -> QHBoxLayout:
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.bar.setFormat("%p%")
        self.cancel_button = QPushButton(self.tr("取消导入(&C)"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.relay.cancel)
        self.import_button = QPushButton(self.tr("导入(&I)"))
        self.import_button.setObjectName("startImport")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        for w in (self.cancel_button, self.import_button, close):
            row.addWidget(w)
        self._busy(False)
        return row

    # --- choosing and checking --------------------------------------------------------------

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择要导入的文件"), "", FILE_FILTER)
        if name:
            self.open_file(name)

    def open_file(self, path: str | Path, kind: str | None = None) -> None:
        if kind:
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(kind))
            self.kind.blockSignals(False)
        self.path.setText(str(path))
        self.overrides, self.header_row = None, None
        self.check()

    def current_kind(self) -> str:
        return self.kind.currentData()

    def _kind_changed(self) -> None:
        self.overrides, self.header_row = None, None
        if self.path.text():
            self.check()

    def _header_edited(self, value: int) -> None:
        self.header_row, self.overrides = value, None
        self.check()

    def _mapping_edited(self) -> None:
        self.overrides = self.mapping.overrides()
        self.check()

    def check(self) -> None:
        """Read and check the file on the worker; nothing is written."""
        self.plan = None
        self.import_button.setEnabled(False)
        self.error.clear_error()
        self.outcome.clear()
        self.info.setText(self.tr("正在读取和检查……"))
        self.bar.setValue(0)
        path, kind, overrides, relay = self.path.text(), self.current_kind(), self.overrides, self.relay
        header_row = self.header_row
        self.session.run(
            lambda desk: _check(desk, path, kind, overrides, header_row, relay.report),
            alive(self, self._checked),
            alive(self, self._check_failed),
        )

    def _checked(self, plan) -> None:
        self.plan = plan
        first = plan.layouts[0]
        self.mapping.show_layout(plan.kind, first)
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(first.header_row + 1)
        self.header_spin.blockSignals(False)
        sheets = "、".join(f"“{lay.sheet}”（表头在第{lay.header_row + 1}行）" for lay in plan.layouts)
        text = self.tr("读取了工作表 {0}。请核对右边的预览：这就是导入后保存的样子。").format(sheets)
        if plan.skipped_sheets:
            text += self.tr("没有找到表头、未读取的工作表：{0}。").format("、".join(plan.skipped_sheets))
        self.info.setText(text)
        c = plan.counts()
        self.counts.setText(
            self.tr("共 {0} 行：将新增 {1}，将更新 {2}，已存在不变 {3}，不导入 {4}").format(
                c["rows"], c["added"], c["updated"], c["unchanged"], c["refused"]
            )
        )
        self._show_preview()
        self.import_button.setEnabled(c["added"] + c["updated"] > 0)
        self.bar.setValue(self.bar.maximum())

    def _check_failed(self, error: BaseException) -> None:
        self.info.setText(self.tr("这个文件不能导入。"))
        self.counts.clear()
        self.preview.setRowCount(0)
        if self.overrides is None:  # after the user's own mapping, keep it on screen to correct
            self.mapping.setRowCount(0)
        self.error.show_error(error)

    def _show_preview(self) -> None:
        if self.plan is None:
            return
        kind = self.plan.kind
        rows = self.plan.refused() if self.only_refused.isChecked() else self.plan.rows
        self.preview.setColumnCount(len(preview.headers(kind)))
        self.preview.setHorizontalHeaderLabels(preview.headers(kind))
        self.preview.setRowCount(0)
        for verdict in rows[:PREVIEW_ROWS]:
            r = self.preview.rowCount()
            self.preview.insertRow(r)
            for column, text in enumerate(preview.line(kind, verdict)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if verdict.verdict == "refused":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.preview.setItem(r, column, item)

    def _row_chosen(self) -> None:
        row = self.preview.currentRow()
        first, last = self.preview.item(row, 0), self.preview.item(row, self.preview.columnCount() - 1)
        if row < 0 or first is None:
            self.row_reason.clear()
            return
        why = last.text() if last is not None else ""
        self.row_reason.setText(self.tr("第{0}行：{1}").format(first.text(), why) if why else "")

    # --- importing --------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.plan is None:
            return
        self.relay.reset()
        self._busy(True)
        self.bar.setValue(0)
        path, kind, overrides, relay = self.path.text(), self.current_kind(), self.overrides, self.relay
        user, header_row = self.session.user.username, self.header_row
        self.session.run(
            lambda desk: run_import(
                desk,
                user,
                path,
                kind,
                overrides=overrides,
                header_row=header_row,
                require=header_row is None,
                progress=relay.report,
                cancel=relay.cancelled,
            ),
            alive(self, self._imported),
            alive(self, self._import_failed),
        )

    def _busy(self, busy: bool) -> None:
        self.cancel_button.setVisible(busy)
        self.choose_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self.plan is not None)
        self.kind.setEnabled(not busy)
        self.mapping.setEnabled(not busy)
        self.header_spin.setEnabled(not busy)

    def _progressed(self, done: int, total: int) -> None:
        if (done, total) == (0, 1):  # reading the file: no row count yet, so a moving "busy" bar
            self.bar.setMaximum(0)
            return
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)

    def _imported(self, result) -> None:
        self._busy(False)
        self.import_button.setEnabled(False)
        c = result.counts()
        if result.import_id:
            self.outcome.setText(
                self.tr(
                    "导入完成：新增 {0}，更新 {1}，已存在不变 {2}，不导入 {3}。如需撤回，请到“导入记录”撤销这次导入。"
                ).format(c["added"], c["updated"], c["unchanged"], c["refused"])
            )
            self.imported.emit(result.import_id)
        else:
            self.outcome.setText(self.tr("没有需要写入的内容（都已存在或不能导入）。"))
        self.history.refresh()

    def _import_failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, ImportCancelled):
            self.outcome.setText(self.tr("导入已取消，没有写入任何数据。"))
            self.bar.setValue(0)
        else:
            self.error.show_error(error)
