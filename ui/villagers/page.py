"""The villagers screen: search as you type, the list (numbers masked), one villager's details."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haian_desk.core import masking
from haian_desk.people.villager_queries import LIST_LIMIT, Villager, VillagerProfile, find_villagers, villager_profile
from ui.i18n import term
from ui.session import Session
from ui.villagers.detail import VillagerDetail, tag_words
from ui.villagers.edit_dialog import VillagerDialog
from ui.widgets.feedback import alive, show_error_box
from ui.widgets.tables import list_beside_detail

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the database


class VillagersPage(QWidget):
    openCase = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list[Villager] = []
        self.selected_id: str | None = None
        self._search_seq = 0
        self.search = QLineEdit()
        self.search.setObjectName("villager_search")
        self.search.setPlaceholderText(self.tr("输入姓名、拼音、首字母、身份证号或电话查找（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("新增群众(&N)"))
        self.add_button.setObjectName("add_villager")
        self.add_button.clicked.connect(self.add_villager)
        self.found = QLabel()
        self.found.setObjectName("found_count")
        self.table = self._make_table()
        self.detail = VillagerDetail(session)
        self.detail.openCase.connect(self.openCase)
        self.detail.editRequested.connect(self.edit_selected)
        self.detail.openVillager.connect(self.show_villager)
        self._lay_out()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self.timer.start())
        self.search.returnPressed.connect(self._search_now)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        session.changed.connect(self._data_changed)
        self.setFocusProxy(self.search)
        self.reload()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setObjectName("villager_list")
        table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("性别"), self.tr("身份证号"), self.tr("电话"), self.tr("户号"), self.tr("住址")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.cellActivated.connect(lambda *_: self.edit_selected())
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        splitter = list_beside_detail(self.table, self.found, self.detail, (3, 2))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # --- the list ---------------------------------------------------------------------------

    def _search_now(self) -> None:
        self.timer.stop()
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        self._search_seq += 1
        seq, text = self._search_seq, self.search.text()
        self.session.run(
            lambda desk: find_villagers(desk, text),
            alive(self, lambda rows: self._show_rows(seq, rows)),
            alive(self, lambda error: show_error_box(self, error)),
        )

    def _show_rows(self, seq: int, rows: list[Villager]) -> None:
        if seq != self._search_seq:
            return  # an older search finished after a newer one started
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, v in enumerate(rows):
            values = [
                v.name,
                term(v.gender or ""),
                masking.mask_id_number(v.id_number),
                masking.mask_phone(v.phone),
                v.household_no or "",
                v.address or "",
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
            first = self.table.item(r, 0)
            assert first is not None  # set just above
            first.setToolTip(tag_words(v.tags, include_sensitive=False))
        self._show_count(len(rows))
        self._reselect()

    def _show_count(self, count: int) -> None:
        if count >= LIST_LIMIT:
            self.found.setText(self.tr("只显示前 {0} 位，请多输入几个字缩小范围").format(LIST_LIMIT))
        else:
            self.found.setText(self.tr("找到 {0} 位群众").format(count))

    def _reselect(self) -> None:
        ids = [v.id for v in self.rows]
        if not ids:
            self.detail.show_profile(None)
            return
        row = ids.index(self.selected_id) if self.selected_id in ids else 0
        self.table.blockSignals(True)  # the profile is (re)loaded below, changed or not
        self.table.selectRow(row)
        self.table.blockSignals(False)
        self._load(ids[row])

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._load(self.rows[rows[0].row()].id)

    def _load(self, villager_id: str) -> None:
        self.selected_id = villager_id
        self.session.run(lambda desk: villager_profile(desk, villager_id), alive(self, self._show_profile))

    def _show_profile(self, profile: VillagerProfile | None) -> None:
        if profile is not None and profile.villager.id == self.selected_id:
            self.detail.show_profile(profile)

    def show_villager(self, villager_id: str, name: str) -> None:
        """Show one villager (e.g. a household member): search for their name, select them."""
        self.selected_id = villager_id
        self.search.blockSignals(True)
        self.search.setText(name)
        self.search.blockSignals(False)
        self.timer.stop()
        self.reload()

    def _data_changed(self, changes) -> None:
        if {"villagers", "cases"} & set(changes):
            self.reload()

    # --- adding and editing -----------------------------------------------------------------

    def add_villager(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        if self.detail.profile is not None:
            self._open_dialog(self.detail.profile.villager)

    def _open_dialog(self, villager: Villager | None) -> VillagerDialog:
        dialog = VillagerDialog(self.session, villager, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved_id))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _saved(self, villager_id: str | None) -> None:
        if villager_id:
            self.selected_id = villager_id
