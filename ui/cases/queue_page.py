"""办件: the case queue with its filters, search box and sortable columns.

From the search box, Down or Enter goes into the table (Enter searches first).
Enter or a double-click on a row opens the case (the page emits ``openCase``;
the main window shows the detail dialog). The page reloads when an operation
announces that cases or villagers changed, and moves the time-left texts on
every minute without touching the database.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases.queries import CaseFilter
from haian_desk.cases.vocabulary import KINDS, STATUSES
from ui.cases.queue_model import COLUMN_KEYS, CaseQueueModel
from ui.i18n import term
from ui.session import CASES, VILLAGERS, Session
from ui.widgets.feedback import ErrorLabel

SEARCH_DELAY_MS = 300
TICK_MS = 60_000
MATTER_CHARACTERS = 16  # the matter column's widest, in Chinese characters
STATUS_CHARACTERS = 8  # the status column's narrowest when it gives way, in Chinese characters
# What a clerk scans first: in view without scrolling sideways (the status gives way to them).
ESSENTIAL_KEYS = ("case_no", "villager", "status", "deadline")


class QueueTable(QTableView):
    """The table; Enter or Return on a row asks for the case to be opened."""

    openRequested = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.openRequested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class QueuePage(QWidget):
    openCase = Signal(str)
    PAGE_SIZE = 200
    model_class = CaseQueueModel  # a subclass may show more columns (ui.township.queue)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = self.model_class(session, self.PAGE_SIZE, self)
        self._case_to_select: str | None = None
        self._into_table_after_load = False
        self._scroll_to_restore: tuple[int, int] | None = None
        self._build()
        self._connect()
        self.setFocusProxy(self.search)
        self.model.set_filter(self.current_filter())

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("queue_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索：编号、姓名、拼音、电话或内容（Ctrl+F）"))
        self.count_label = QLabel()
        self.count_label.setObjectName("queue_count")
        self.mine = self._toggle(self.tr("我的"), "Alt+M", self.tr("只看我首问或经办的办件"))
        self.due_soon = self._toggle(self.tr("即将到期"), "Alt+D", self.tr("24小时内到期的办件"))
        self.overdue = self._toggle(self.tr("已超期"), "Alt+O", self.tr("已过办结期限仍未办结的办件"))
        self.long_standing = self._toggle(self.tr("久拖不决"), "", self.tr("久拖不决、历史遗留问题"))
        self.petition = self._toggle(self.tr("信访"), "", self.tr("涉及信访的办件"))
        self.followup = self._toggle(self.tr("差评待整改"), "", self.tr("差评后还未回访、整改完的办件"))
        if not self.session.user.cadre_id:
            self.mine.setEnabled(False)
            self.mine.setToolTip(self.tr("当前账号没有关联代理员，无法筛选“我的”"))
        self.kind = self._choice(self.tr("全部类型"), KINDS)
        self.kind.setObjectName("queue_kind")
        self.status = self._choice(self.tr("全部状态"), STATUSES)
        self.status.setObjectName("queue_status")
        self.table = self._table()
        self.error = ErrorLabel()
        self._lay_out()

    def _toggle(self, text: str, shortcut: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if shortcut:
            button.setText(self.tr("{0}（{1}）").format(text, shortcut))  # the key on the control itself
            button.setShortcut(QKeySequence(shortcut))
            tip = self.tr("{0}（{1}）").format(tip, shortcut)
        button.setToolTip(tip)
        return button

    def _choice(self, everything: str, table: dict) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for code, word in table.items():
            combo.addItem(term(word), code)
        return combo

    def _table(self) -> QueueTable:
        table = QueueTable()
        table.setObjectName("queue_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(False)  # the row colour means overdue / due soon
        # The arrow first, so turning sorting on asks for the order the model already has.
        table.horizontalHeader().setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        # Widths are measured on each fresh first page (see _after_load), never on later
        # pages: measuring every loaded row would slow down as the clerk scrolls on.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(50)
        # What a clerk scans first (who, how long is left, by when) comes before the long matter
        # text, so it stays in view on a 1366×768 screen in large print; the model is unchanged.
        matter = COLUMN_KEYS.index("matter")
        header.moveSection(header.visualIndex(matter), header.visualIndex(COLUMN_KEYS.index("deadline")))
        # The (masked) phone is looked at less than the status and deadline: it follows them.
        phone = COLUMN_KEYS.index("villager_phone")
        header.moveSection(header.visualIndex(phone), header.visualIndex(COLUMN_KEYS.index("deadline")))
        return table

    def _lay_out(self) -> None:
        # The choice boxes sit beside the search box (which gives up width to them), so the
        # toggles' row stays within a 1280-wide screen in English and large print too.
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.status)
        top.addWidget(self.count_label)
        filters = QHBoxLayout()
        for widget in (self.mine, self.due_soon, self.overdue, self.long_standing, self.petition, self.followup):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self.search_timer.start)
        self.search.returnPressed.connect(self._search_now)
        self.search.installEventFilter(self)  # Down goes from the search box into the table
        for toggle in (self.mine, self.long_standing, self.petition, self.followup):
            toggle.toggled.connect(self.apply_filters)
        self.due_soon.toggled.connect(lambda on: self._exclusive(on, self.overdue))
        self.overdue.toggled.connect(lambda on: self._exclusive(on, self.due_soon))
        self.kind.currentIndexChanged.connect(self.apply_filters)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.table.doubleClicked.connect(self._open)
        self.table.openRequested.connect(self._open)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_moved)
        self.model.totalChanged.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self.model.loaded.connect(self._after_load)
        self.model.failed.connect(self.error.show_error)
        self.session.changed.connect(self._data_changed)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._focus_search)
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.model.tick)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.model.tick()
        self.ticker.start()

    def hideEvent(self, event) -> None:
        # Off screen, time-left texts need not move and a half-typed search need not run.
        self.ticker.stop()
        self.search_timer.stop()
        super().hideEvent(event)

    # --- filtering ----------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        return dataclasses.replace(
            self.model.filter,
            search=self.search.text(),
            cadre_id=self.session.user.cadre_id if self.mine.isChecked() else None,
            due_soon=self.due_soon.isChecked(),
            overdue=self.overdue.isChecked(),
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            long_standing=self.long_standing.isChecked(),
            petition=self.petition.isChecked(),
            followup_open=self.followup.isChecked(),
        )

    def apply_filters(self) -> None:
        self.search_timer.stop()
        self._scroll_to_restore = None  # a new filter starts at the top
        self.error.clear_error()
        self.model.set_filter(self.current_filter())

    def _search_now(self) -> None:
        # Enter: search at once and go into the table, on its first row, when the rows are in.
        if self.current_filter() == self.model.filter and not self.model.loading:
            self._into_table()
            return
        self._into_table_after_load = True
        self.apply_filters()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self._into_table()
            return True
        return super().eventFilter(watched, event)

    def _into_table(self) -> None:
        self._into_table_after_load = False
        if not self.model.rowCount():
            return  # nothing to go to: stay in the search box
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _exclusive(self, on: bool, other: QToolButton) -> None:
        # "Due soon" and "overdue" never overlap: asking for both would show nothing.
        if on and other.isChecked():
            other.blockSignals(True)
            other.setChecked(False)
            other.blockSignals(False)
        self.apply_filters()

    def _sort_indicator_moved(self, column: int, order) -> None:
        if column != self.model.sort_column():
            # A column SQLite cannot sort by: put the arrow back where the order really is.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder if self.model.filter.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _data_changed(self, changes) -> None:
        if CASES in changes or VILLAGERS in changes:
            self._keep_place()
            self.model.reload(keep_rows=True)

    def _keep_place(self) -> None:
        """Before reading again for news (a sync, another window): note the chosen case and the scroll,
        so the clerk's place survives the reload."""
        chosen = self.model.case_id(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        if chosen and self._case_to_select is None:
            self._case_to_select = chosen
        if self._scroll_to_restore is None:
            self._scroll_to_restore = (self.table.verticalScrollBar().value(), self.table.horizontalScrollBar().value())

    # --- showing ------------------------------------------------------------------------

    def _show_count(self, *_args) -> None:
        if self.model.counting:  # the first rows are shown before every match is counted
            self.count_label.setText(self.tr("已显示 {0} 件，正在统计总数…").format(self.model.rowCount()))
            return
        self.count_label.setText(self.tr("共 {0} 件，已显示 {1} 件").format(self.model.total, self.model.rowCount()))

    def _after_load(self) -> None:
        self._show_count()
        scroll, self._scroll_to_restore = self._scroll_to_restore, None
        if self.model.rowCount() and scroll is None:  # news keeps the widths the clerk sees
            self.table.resizeColumnsToContents()  # the first page only; see _table
            self._cap_matter_column()
            self._fit_essentials()
            self._fit_last_column()
        if self._case_to_select:
            self._select_row(self.model.row_of(self._case_to_select), scroll_to=scroll is None)
        if scroll is not None:
            self.table.verticalScrollBar().setValue(scroll[0])
            self.table.horizontalScrollBar().setValue(scroll[1])
        if self._into_table_after_load:
            self._into_table()

    def _cap_matter_column(self) -> None:
        # A long matter is cut with "…" (its tooltip has it all) rather than push the rest away.
        column = COLUMN_KEYS.index("matter")
        widest = self.table.fontMetrics().horizontalAdvance("中" * MATTER_CHARACTERS)
        if self.table.columnWidth(column) > widest:
            self.table.setColumnWidth(column, widest)

    def _fit_essentials(self) -> None:
        """A long status (English, large print: "Awaiting signature · Can be accepted once …") is cut
        with "…" (its tooltip has it all) so the deadline beside it stays in view."""
        header = self.table.horizontalHeader()
        ends = [header.sectionPosition(c) + header.sectionSize(c) for c in map(COLUMN_KEYS.index, ESSENTIAL_KEYS)]
        bar = self.table.verticalScrollBar()  # may appear once the rows are laid out: keep room for it
        room = self.table.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())
        overflow = max(ends) - room
        if overflow <= 0:
            return
        status = COLUMN_KEYS.index("status")
        title = str(self.model.headerData(status, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        metrics = header.fontMetrics()
        narrowest = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance("中" * STATUS_CHARACTERS)) + 24
        self.table.setColumnWidth(status, max(narrowest, self.table.columnWidth(status) - overflow))

    def _fit_last_column(self) -> None:
        """The last column stretches over the room left; where the others leave it less than its
        title needs (English: "Reported to township"), it keeps its own width and the table scrolls."""
        header = self.table.horizontalHeader()
        last = header.logicalIndex(header.count() - 1)
        needed = max(header.sectionSizeFromContents(last).width(), self.table.sizeHintForColumn(last))
        others = sum(
            header.sectionSize(c) for c in range(header.count()) if c != last and not header.isSectionHidden(c)
        )
        stretch = others + needed <= header.viewport().width()
        header.setStretchLastSection(stretch)
        if not stretch:
            self.table.setColumnWidth(last, needed)

    def _select_row(self, row: int, scroll_to: bool = True) -> None:
        if row >= 0:
            self._case_to_select = None
            self.table.selectRow(row)
            if scroll_to:
                self.table.scrollTo(self.model.index(row, 0))

    def select_case(self, case_id: str) -> None:
        """Select a case once it is loaded (the main window calls this after an intake)."""
        self._case_to_select = case_id
        self._select_row(self.model.row_of(case_id))

    def _open(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id:
            self.openCase.emit(case_id)
