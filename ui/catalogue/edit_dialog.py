"""An admin's change to a catalogue item (or a new item): each save is a new version."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases import catalogue
from haian_desk.cases.catalogue_queries import CatalogueItem
from ui.i18n import term
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive

UNIT_WORDS = {"hours": "小时", "days": "天", "working_days": "个工作日"}
# What a new item's form starts from: a village item, promised within the general 48 hours.
NEW_ITEM = CatalogueItem(code="", name="", level="村", mode="承诺")


class CatalogueItemDialog(QDialog):
    def __init__(self, session: Session, item: CatalogueItem | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.item = item
        self.saved_version: int | None = None
        self.setWindowTitle(self.tr("修改事项") if item is not None else self.tr("新增事项"))
        self._build()
        self._fill()

    def _build(self) -> None:
        self.code = self._line("code")
        self.code.setReadOnly(self.item is not None)
        self.name = self._line("name")
        self.category = self._line("category")
        self.level = self._combo("level", {lv: term(lv) for lv in catalogue.LEVELS})
        self.mode = self._combo("mode", {m: term(m) for m in catalogue.MODES})
        self.amount = QSpinBox()
        self.amount.setObjectName("limit_amount")
        self.amount.setRange(1, 999)
        self.unit = self._combo("limit_unit", {u: term(w) for u, w in UNIT_WORDS.items()})
        self.route = self._line("route")
        self.department = self._line("department")
        self.materials = QPlainTextEdit()
        self.materials.setObjectName("materials")
        self.materials.setTabChangesFocus(True)
        self.materials.setPlaceholderText(self.tr("每行一项材料"))
        self.fee_note = self._line("fee_note")
        self.keywords = self._line("keywords")
        self.proxy_allowed = QCheckBox(self.tr("可以代办（不需本人到场）"))
        self.active = QCheckBox(self.tr("在用（取消勾选即停用）"))
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存为新版本(&S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._lay_out()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def _combo(self, name: str, choices: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for code, text in choices.items():
            combo.addItem(text, code)
        return combo

    def _lay_out(self) -> None:
        limit = QHBoxLayout()
        limit.addWidget(self.amount)
        limit.addWidget(self.unit)
        limit.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("编码(&C)"), self.code)
        form.addRow(self.tr("名称(&M)"), self.name)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("办理层级(&L)"), self.level)
        form.addRow(self.tr("办理类型"), self.mode)
        form.addRow(self.tr("办理时限"), limit)
        form.addRow(self.tr("办理流程"), self.route)
        form.addRow(self.tr("主管部门"), self.department)
        form.addRow(self.tr("所需材料"), self.materials)
        form.addRow(self.tr("收费说明"), self.fee_note)
        form.addRow(self.tr("检索词"), self.keywords)
        form.addRow("", self.proxy_allowed)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(self.sizeHint().width() + 200, self.sizeHint().height())

    def _fill(self) -> None:
        it = self.item or NEW_ITEM
        self.code.setText(it.code)
        self.name.setText(it.name)
        self.category.setText(it.category or "")
        self.level.setCurrentIndex(max(self.level.findData(it.level), 0))
        self.mode.setCurrentIndex(max(self.mode.findData(it.mode), 0))
        limit = it.time_limit or {"amount": 48, "unit": "hours"}
        self.amount.setValue(int(limit["amount"]))
        self.unit.setCurrentIndex(max(self.unit.findData(limit["unit"]), 0))
        self.route.setText(it.route or "")
        self.department.setText(it.department or "")
        self.materials.setPlainText("\n".join(it.materials))
        self.fee_note.setText(it.fee_note or "")
        self.keywords.setText(it.keywords or "")
        self.proxy_allowed.setChecked(bool(it.proxy_allowed))
        self.active.setChecked(bool(it.active))
        self._mode_changed()

    def _mode_changed(self) -> None:
        timed = self.mode.currentData() == "承诺"
        self.amount.setEnabled(timed)
        self.unit.setEnabled(timed)

    def data(self) -> catalogue.Item:
        timed = self.mode.currentData() == "承诺"
        return catalogue.Item(
            code=self.code.text().strip(),
            name=self.name.text(),
            level=self.level.currentData(),
            mode=self.mode.currentData(),
            time_limit={"amount": self.amount.value(), "unit": self.unit.currentData()} if timed else None,
            category=self.category.text().strip(),
            route=self.route.text().strip(),
            department=self.department.text().strip(),
            materials=tuple(self.materials.toPlainText().splitlines()),
            fee_note=self.fee_note.text().strip(),
            proxy_allowed=self.proxy_allowed.isChecked(),
            keywords=self.keywords.text().strip(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        item, actor = self.data(), self.session.user.username
        self.buttons.setEnabled(False)
        self.error.clear_error()
        self.session.run(
            lambda desk: catalogue.edit(desk, actor, item), alive(self, self._saved), alive(self, self._refused)
        )

    def _saved(self, version: int) -> None:
        self.saved_version = version
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(error)
