"""One villager at a glance: details (numbers masked), household, and every case of theirs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases.vocabulary import KINDS, STATUSES, label
from haian_desk.core import masking
from haian_desk.core.timeutil import show
from haian_desk.people import villagers
from haian_desk.people.villager_queries import VillagerCase, VillagerProfile
from ui.i18n import term
from ui.reveal_dialog import ask_and_reveal
from ui.widgets.appearance import set_scaled_font
from ui.widgets.fields import FieldGrid


def tag_words(tags: tuple[str, ...], include_sensitive: bool) -> str:
    shown = [t for t in tags if include_sensitive or t not in villagers.SENSITIVE_TAGS]
    return "、".join(term(villagers.TAGS.get(t, t)) for t in shown)


class VillagerDetail(QWidget):
    """Filled by ``show_profile``; emits ``openCase`` when a case row is opened."""

    openCase = Signal(str)
    editRequested = Signal()
    openVillager = Signal(str, str)  # a household member was chosen: id, name

    def __init__(self, session=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session  # reveals are recorded through it (ui.reveal_dialog)
        self.revealed = False
        self.profile: VillagerProfile | None = None
        self.name = QLabel()
        self.name.setObjectName("villager_name")
        set_scaled_font(self.name, 1.5, bold=True)
        self.values = {
            key: QLabel()
            for key in ("gender", "id_number", "phone", "address", "unit_code", "household_no", "tags", "note")
        }
        for key, value in self.values.items():
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(key in ("address", "tags", "note"))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal = QPushButton(self.tr("显示完整号码(&R)"))
        self.reveal.setObjectName("reveal_numbers")
        self.reveal.setCheckable(True)
        self.reveal.setToolTip(self.tr("身份证号和电话平时遮住一部分，以免旁人看到"))
        self.reveal.toggled.connect(self._reveal)
        self.edit = QPushButton(self.tr("修改(&E)"))
        self.edit.setObjectName("edit_villager")
        self.edit.clicked.connect(self.editRequested)
        self.household = QListWidget()
        self.household.setObjectName("household")
        self.household.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.household.itemActivated.connect(lambda item: self.openVillager.emit(*item.data(Qt.ItemDataRole.UserRole)))
        self.cases = self._cases_table()
        self._lay_out()
        self.setEnabled(False)

    def _cases_table(self) -> QTableWidget:
        table = QTableWidget(0, 5)
        table.setObjectName("villager_cases")
        table.setHorizontalHeaderLabels(
            [self.tr("编号"), self.tr("类型"), self.tr("状态"), self.tr("登记时间"), self.tr("事项")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.cellActivated.connect(self._case_activated)
        table.cellDoubleClicked.connect(self._case_activated)
        return table

    def _lay_out(self) -> None:
        form = FieldGrid()
        captions = {
            "gender": self.tr("性别"),
            "id_number": self.tr("身份证号"),
            "phone": self.tr("电话"),
            "address": self.tr("住址"),
            "unit_code": self.tr("所在组代码"),
            "household_no": self.tr("户号"),
            "tags": self.tr("户情标签"),
            "note": self.tr("备注"),
        }
        for key, caption in captions.items():
            form.add_row(caption, self.values[key])
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addLayout(form)
        layout.addWidget(self.reveal, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("同户成员")))
        layout.addWidget(self.household)
        layout.addWidget(QLabel(self.tr("办件记录")))
        layout.addWidget(self.cases, 1)

    def show_profile(self, profile: VillagerProfile | None) -> None:
        self.profile = profile
        self.setEnabled(profile is not None)
        if profile is None:
            self.name.clear()
            return
        v = profile.villager
        self.name.setText(v.name)
        self.values["gender"].setText(term(v.gender or ""))
        self.values["address"].setText(v.address or "")
        self.values["unit_code"].setText(v.unit_code or "")
        self.values["household_no"].setText(v.household_no or "")
        self.values["tags"].setText(tag_words(v.tags, include_sensitive=True))
        self.values["note"].setText(v.note or "")
        self.revealed = False
        self._set_reveal(False)
        self._show_numbers()
        self.household.clear()
        for member in profile.household:
            item = QListWidgetItem(f"{member.name}  {term(member.gender or '')}")
            item.setData(Qt.ItemDataRole.UserRole, (member.id, member.name))
            self.household.addItem(item)
        self._fill_cases(profile.cases)

    def _reveal(self, on: bool) -> None:
        if on and not self.revealed:
            # The full numbers show only once the reveal (who, when, why) is recorded.
            self._set_reveal(False)
            if self.session is not None and self.profile is not None:
                self.reveal_dialog = ask_and_reveal(
                    self, self.session, lambda: self._revealed(True), lambda: None, villager_id=self.profile.villager.id
                )
            return
        self._revealed(on)

    def _revealed(self, on: bool) -> None:
        self.revealed = on
        self._set_reveal(on)
        self._show_numbers()

    def _set_reveal(self, on: bool) -> None:
        self.reveal.blockSignals(True)
        self.reveal.setChecked(on)
        self.reveal.blockSignals(False)

    def _show_numbers(self) -> None:
        if self.profile is None:
            return
        v, full = self.profile.villager, self.revealed
        self.values["id_number"].setText((v.id_number or "") if full else masking.mask_id_number(v.id_number))
        self.values["phone"].setText((v.phone or "") if full else masking.mask_phone(v.phone))

    def _fill_cases(self, cases: tuple[VillagerCase, ...]) -> None:
        self.cases.setRowCount(len(cases))
        for r, case in enumerate(cases):
            values = [
                case.case_no,
                term(label(KINDS, case.kind)),
                term(label(STATUSES, case.status)),
                show(case.registered_at),
                case.matter_name or case.description,
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, case.id)
                self.cases.setItem(r, c, item)

    def _case_activated(self, row: int, _column: int) -> None:
        item = self.cases.item(row, 0)
        if item is not None:
            self.openCase.emit(item.data(Qt.ItemDataRole.UserRole))
