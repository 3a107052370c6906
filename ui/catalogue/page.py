"""The catalogue screen: search by Chinese or pinyin, read an item, see its versions; admins edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
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

from haian_desk.cases.catalogue_queries import CatalogueItem, ItemWithHistory, find_items, item_with_history
from haian_desk.core.timeutil import show
from ui.catalogue.edit_dialog import CatalogueItemDialog
from ui.catalogue.present import limit_text
from ui.i18n import term
from ui.session import Session
from ui.widgets.appearance import set_scaled_font
from ui.widgets.feedback import alive, show_error_box
from ui.widgets.fields import FieldGrid
from ui.widgets.tables import list_beside_detail, list_table

SEARCH_DELAY_MS = 250


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)  # a narrow column elides; the whole text is a hover away
            table.setItem(r, c, item)


class ItemDetail(QWidget):
    """One item: what it takes, where it goes, how long; and who changed it when."""

    FIELDS = ("category", "level", "limit", "route", "department", "materials", "fee_note", "proxy", "version")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("item_title")
        self.title.setWordWrap(True)
        set_scaled_font(self.title, 1.4, bold=True)
        self.values = {key: QLabel() for key in self.FIELDS}
        for key, value in self.values.items():
            value.setObjectName(f"item_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = list_table(
            "item_history", [self.tr("版本"), self.tr("时间"), self.tr("操作人"), self.tr("操作")]
        )
        form = FieldGrid()
        captions = [
            self.tr("类别"),
            self.tr("办理层级"),
            self.tr("办理时限"),
            self.tr("办理流程"),
            self.tr("主管部门"),
            self.tr("所需材料"),
            self.tr("收费说明"),
            self.tr("代办"),
            self.tr("当前版本"),
        ]
        for caption, key in zip(captions, self.FIELDS, strict=True):
            form.add_row(caption, self.values[key])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("修改记录")))
        layout.addWidget(self.history, 1)

    def show_item(self, loaded: ItemWithHistory) -> None:
        item = loaded.item
        self.title.setText(f"{item.code}  {item.name}" + ("" if item.active else self.tr("（已停用）")))
        v = self.values
        v["category"].setText(item.category or "")
        v["level"].setText(term(item.level))
        v["limit"].setText(f"{term(item.mode)} · {limit_text(item.mode, item.time_limit)}")
        v["route"].setText(item.route or "")
        v["department"].setText(item.department or "")
        v["materials"].setText("\n".join(f"· {m}" for m in item.materials) or self.tr("（无）"))
        v["fee_note"].setText(item.fee_note or self.tr("代理服务免费"))
        v["proxy"].setText(self.tr("可以代办") if item.proxy_allowed else self.tr("须本人到场，只能引导"))
        v["version"].setText(
            self.tr("第 {0} 版，{1} 由 {2} 修改").format(item.version, show(item.updated_at), item.updated_by)
        )
        _fill(
            self.history,
            [
                [
                    str(h.version),
                    show(h.wall_time),
                    h.actor,
                    self.tr("新建") if h.type == "created" else self.tr("修改"),
                ]
                for h in loaded.history
            ],
        )


class CataloguePage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.is_admin = session.user.role == "admin"
        self.items: list[CatalogueItem] = []
        self.selected_code: str | None = None
        self.loaded: ItemWithHistory | None = None
        self._seq = 0
        self._build()
        session.changed.connect(self._data_changed)
        self.setFocusProxy(self.search)
        self.reload()

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("catalogue_search")
        self.search.setPlaceholderText(self.tr("输入事项名称、拼音或首字母查找（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(self.tr("含已停用"))
        self.show_inactive.setVisible(self.is_admin)
        self.edit_button = QPushButton(self.tr("修改(&E)"))
        self.edit_button.setObjectName("edit_item")
        self.new_button = QPushButton(self.tr("新增事项(&N)"))
        self.new_button.setObjectName("new_item")
        for button in (self.edit_button, self.new_button):
            button.setEnabled(self.is_admin)
            if not self.is_admin:
                button.setToolTip(self.tr("只有管理员可以修改事项目录"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.new_button.clicked.connect(lambda: self._open_dialog(None))
        self.table = list_table("catalogue_list", [self.tr("编码"), self.tr("名称"), self.tr("层级"), self.tr("时限")])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.found = QLabel()
        self.found.setObjectName("found_items")
        self.detail = ItemDetail()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self.timer.start())
        self.search.returnPressed.connect(self.table.setFocus)
        self.show_inactive.toggled.connect(lambda _: self.reload())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        top.addWidget(self.edit_button)
        top.addWidget(self.new_button)
        splitter = list_beside_detail(self.table, self.found, self.detail, (1, 1))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def reload(self) -> None:
        self._seq += 1
        seq, text, inactive = self._seq, self.search.text(), self.show_inactive.isChecked()
        self.session.run(
            lambda desk: find_items(desk, text, inactive),
            alive(self, lambda items: self._show_items(seq, items)),
            alive(self, lambda error: show_error_box(self, error)),
        )

    def _show_items(self, seq: int, items: list[CatalogueItem]) -> None:
        if seq != self._seq:
            return
        self.items = items
        _fill(self.table, [[i.code, i.name, term(i.level), limit_text(i.mode, i.time_limit)] for i in items])
        self.found.setText(self.tr("共 {0} 项").format(len(items)))
        codes = [i.code for i in items]
        if not codes:
            return
        row = codes.index(self.selected_code) if self.selected_code in codes else 0
        self.table.blockSignals(True)  # the item is (re)loaded below, changed or not
        self.table.selectRow(row)
        self.table.blockSignals(False)
        self._load(codes[row])

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._load(self.items[rows[0].row()].code)

    def _load(self, code: str) -> None:
        self.selected_code = code
        self.session.run(lambda desk: item_with_history(desk, code), alive(self, self._show_item))

    def _show_item(self, loaded: ItemWithHistory) -> None:
        if loaded.item.code == self.selected_code:
            self.loaded = loaded
            self.detail.show_item(loaded)

    def _data_changed(self, changes) -> None:
        if "catalogue" in changes:
            self.reload()

    def edit_selected(self) -> None:
        if self.loaded is not None:
            self._open_dialog(self.loaded.item)

    def _open_dialog(self, item: CatalogueItem | None) -> CatalogueItemDialog:
        dialog = CatalogueItemDialog(self.session, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog
