"""This installation's identity, read-only (it is fixed at set-up and known to the township)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from haian_desk import network
from ui.i18n import term

if TYPE_CHECKING:
    from haian_desk.desk import Desk


class StationTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        station = desk.installation
        rows = [
            (self.tr("站名"), station.unit_name),
            (self.tr("单位代码"), station.unit_code),
            (self.tr("所在镇（街道）"), station.township_name),
            (self.tr("层级"), term(network.LEVEL_NAMES.get(station.unit.level, ""))),
            (self.tr("身份"), term(network.ROLES.get(station.role, station.role))),
            (self.tr("地址"), station.address or self.tr("（未填）")),
            (self.tr("联系电话"), station.phone or self.tr("（未填）")),
            (self.tr("本机编号"), station.id),
            (self.tr("数据目录"), str(desk.folder or "")),
        ]
        form = QFormLayout()
        for caption, value in rows:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, shown)
        note = QLabel(
            self.tr("本站的名称和代码在首次设置时确定，同步时镇代理中心据此识别本站；如需更改，请与镇代理中心联系。")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
