"""Adding or editing a villager: ID number and phone checked as they are typed.

The checks are the domain's own (haian_desk.people.idnumber / phone / villagers);
this dialog only shows their verdicts next to the field. Saving goes through
``villagers.register`` / ``villagers.update`` on the worker; a refusal keeps
the dialog open with everything typed, and nothing is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from haian_desk.core.errors import ValidationError
from haian_desk.people import villagers
from haian_desk.people.idnumber import parse_id_number
from haian_desk.people.phone import parse_phone
from haian_desk.people.villager_queries import Villager
from haian_desk.people.villagers import VillagerInput
from ui.i18n import term
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive

if TYPE_CHECKING:
    from haian_desk.desk import Desk

OK_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b00020;"


class FieldVerdict(QLabel):
    """The line under a checked field: what is wrong with it, or what it was read as."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)

    def good(self, text: str) -> None:
        self.setStyleSheet(OK_STYLE)
        self.setText("✓ " + text if text else "")

    def bad(self, text: str) -> None:
        self.setStyleSheet(BAD_STYLE)
        self.setText("⚠ " + text)


class VillagerDialog(QDialog):
    def __init__(self, session: Session, villager: Villager | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.villager = villager
        self.saved_id: str | None = None
        editing = villager is not None
        self.setWindowTitle(self.tr("修改群众信息") if editing else self.tr("新增群众"))
        self._build()
        self._fill()

    # --- form -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.name = self._edit("name")
        self.id_number = self._edit("id_number")
        self.id_number.setMaxLength(20)
        self.id_verdict = FieldVerdict("id_verdict")
        self.phone = self._edit("phone")
        self.phone_verdict = FieldVerdict("phone_verdict")
        self.address = self._edit("address")
        self.group = self._edit("group")
        self.household_no = self._edit("household_no")
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.tags = {code: QCheckBox(term(label)) for code, label in villagers.TAGS.items()}
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.id_number.textChanged.connect(self._check_id)
        self.phone.textChanged.connect(self._check_phone)
        self._lay_out()

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("姓名(&M)"), self.name)
        form.addRow(self.tr("身份证号(&I)"), self.id_number)
        form.addRow("", self.id_verdict)
        form.addRow(self.tr("电话(&T)"), self.phone)
        form.addRow("", self.phone_verdict)
        form.addRow(self.tr("住址(&A)"), self.address)
        form.addRow(self._group_caption(), self.group)
        form.addRow(self.tr("户号(&H)"), self.household_no)
        form.addRow(self.tr("户情标签"), self._tag_grid())
        form.addRow(self.tr("备注"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _tag_grid(self) -> QWidget:
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.tags.values()):
            grid.addWidget(box, i // 3, i % 3)
        return grid_holder

    def _village_code(self) -> str | None:
        """Villagers' group codes are this village's code plus 3 digits (for a village station)."""
        code = self.session.desk.installation.unit_code
        return code[:12] if len(code) >= 12 else None

    def _group_caption(self) -> str:
        if self._village_code():
            self.group.setValidator(QRegularExpressionValidator(r"\d{0,3}"))
            self.group.setPlaceholderText(self.tr("3位组号，如 005"))
            return self.tr("所在组(&G)")
        self.group.setPlaceholderText(self.tr("15位组代码"))
        return self.tr("组代码(&G)")

    def _fill(self) -> None:
        v = self.villager
        if v is None:
            return
        self.name.setText(v.name)
        self.id_number.setText(v.id_number or "")
        self.phone.setText(v.phone or "")
        self.address.setText(v.address or "")
        unit = v.unit_code or ""
        village = self._village_code()
        self.group.setText(unit[12:] if village and unit.startswith(village) else unit)
        self.household_no.setText(v.household_no or "")
        self.note.setPlainText(v.note or "")
        for code, box in self.tags.items():
            box.setChecked(code in v.tags)

    # --- checks as typed --------------------------------------------------------------------

    def _check_id(self, text: str) -> None:
        if not text.strip():
            self.id_verdict.good("")
            return
        try:
            number = parse_id_number(text)
        except ValidationError as error:
            self.id_verdict.bad(error.message)
            return
        gender = self.tr("男") if number.is_male else self.tr("女")
        self.id_verdict.good(self.tr("出生日期 {0}，{1}").format(number.birth_date.isoformat(), gender))

    def _check_phone(self, text: str) -> None:
        if not text.strip():
            self.phone_verdict.good("")
            return
        try:
            self.phone_verdict.good(parse_phone(text))
        except ValidationError as error:
            self.phone_verdict.bad(error.message)

    # --- saving -----------------------------------------------------------------------------

    def data(self) -> VillagerInput:
        group = self.group.text().strip()
        village = self._village_code()
        unit = (village + group.zfill(3)) if village and group and len(group) <= 3 else group
        return VillagerInput(
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            unit_code=unit,
            household_no=self.household_no.text(),
            tags=tuple(code for code, box in self.tags.items() if box.isChecked()),
            note=self.note.toPlainText(),
        )

    def save(self) -> None:
        villager_id = self.villager.id if self.villager else None
        data, actor = self.data(), self.session.user.username

        def work(desk: Desk):
            if villager_id:
                villagers.update(desk, actor, villager_id, data)
                return villager_id
            return villagers.register(desk, actor, data)

        self.buttons.setEnabled(False)
        self.error.clear_error()
        self.session.run(work, alive(self, self._saved), alive(self, self._refused))

    def _saved(self, villager_id: str) -> None:
        self.saved_id = villager_id
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.show_error(error)
        culprit = {"name": self.name, "id_number": self.id_number, "phone": self.phone}.get(getattr(error, "field", ""))
        if culprit is not None:
            culprit.setFocus(Qt.FocusReason.OtherFocusReason)
            culprit.selectAll()
