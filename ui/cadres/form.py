"""The fields of one cadre, as a form (the roster screen and the first-run wizard use it).

It only collects what was typed into a ``CadreInput``; every check is the
domain's (haian_desk.people.cadres.clean), and an error's ``field`` names the box to
put the focus in.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from haian_desk.people import cadres
from ui.i18n import term

_ITEM_SEPARATORS = re.compile(r"[、,，;；\s]+")


class CadreForm(QWidget):
    def __init__(self, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.name = self._line("cadre_name", self.tr("如：仲维国"))
        self.phone = self._line("cadre_phone", self.tr("公示牌上的电话，如 13906271000 或 0513-88551234"))
        self.role = QComboBox()
        self.role.setObjectName("cadre_role")
        for code, word in cadres.ROLES.items():
            self.role.addItem(term(word), code)
        self.role.setCurrentIndex(self.role.findData("agent"))
        self.title = self._line("cadre_title", self.tr("如：村党总支书记（可不填）"))
        self.area = self._line("cadre_area", self.tr("如：一组、二组"))
        self.party = QCheckBox(self.tr("中共党员(&D)"))
        self.party.setObjectName("cadre_party")
        self.party.setChecked(True)
        self.active_from = self._line("cadre_from", self.tr("如 2026-03-04；不填为今天"))
        self.items = self._line("cadre_items", self.tr("如：民政救助、社保医保"))
        self.board = QCheckBox(self.tr("上公示牌(&B)"))
        self.board.setObjectName("cadre_board")
        self.board.setChecked(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("姓名(&M)"), self.name)
        form.addRow(self.tr("电话(&P)"), self.phone)
        form.addRow(self.tr("角色(&J)"), self.role)
        form.addRow(self.tr("负责片区(&Q)"), self.area)
        form.addRow("", self.party)
        if not compact:  # the wizard asks only what the board needs on day one
            form.addRow(self.tr("职务(&Z)"), self.title)
            form.addRow(self.tr("到任日期(&F)"), self.active_from)
            form.addRow(self.tr("服务事项(&I)"), self.items)
            form.addRow("", self.board)
        self.fields = {
            "name": self.name,
            "phone": self.phone,
            "role": self.role,
            "title": self.title,
            "area": self.area,
            "party_member": self.party,
            "active_from": self.active_from,
            "service_items": self.items,
            "on_public_board": self.board,
        }
        self.setFocusProxy(self.name)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def value(self, unit_code: str) -> cadres.CadreInput:
        return cadres.CadreInput(
            name=self.name.text(),
            phone=self.phone.text(),
            unit_code=unit_code,
            title=self.title.text(),
            area=self.area.text(),
            service_items=tuple(i for i in _ITEM_SEPARATORS.split(self.items.text()) if i),
            on_public_board=self.board.isChecked(),
            role=self.role.currentData(),
            party_member=self.party.isChecked(),
            active_from=self.active_from.text(),
        )

    def load(self, cadre: dict | None) -> None:
        """Show a cadre (``cadres.as_json``), or empty boxes for a new one."""
        cadre = cadre or {}
        self.name.setText(cadre.get("name") or "")
        self.phone.setText(cadre.get("phone") or "")
        self.role.setCurrentIndex(max(self.role.findData(cadre.get("role") or "agent"), 0))
        self.title.setText(cadre.get("title") or "")
        self.area.setText(cadre.get("area") or "")
        self.party.setChecked(cadre.get("party_member", True))
        self.active_from.setText(cadre.get("active_from") or "")
        self.items.setText("、".join(cadre.get("service_items") or ()))
        self.board.setChecked(cadre.get("on_public_board", True))

    def focus_field(self, field: str) -> bool:
        """Put the focus on the box an error is about; False if the form has no such box."""
        widget = self.fields.get(field)
        if widget is None or not widget.isVisibleTo(self):
            return False
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return True
