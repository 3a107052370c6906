"""What the station's printed papers say about it: address, hours, hotlines, receipt paper.

The values and their rules live in haian_desk.station_settings; this tab only
shows them and sends a change to the domain on the worker.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from haian_desk import station_settings
from haian_desk.station_settings import RECEIPT_PAPERS, StationSettings
from ui.i18n import QT_TRANSLATE_NOOP
from ui.session import Session
from ui.widgets.feedback import alive, in_words

TEXT_FIELDS = ("address", "phone", "office_hours", "county_hotline", "township_hotline")
PAPER_NAMES = {
    "a4": QT_TRANSLATE_NOOP("PapersTab", "A4"),
    "a5": QT_TRANSLATE_NOOP("PapersTab", "A5"),
    "80mm": QT_TRANSLATE_NOOP("PapersTab", "80 mm 热敏纸"),
    "58mm": QT_TRANSLATE_NOOP("PapersTab", "58 mm 热敏纸"),
}


class PapersTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.is_admin = session.user.role == "admin"
        self.edits = {key: QLineEdit() for key in TEXT_FIELDS}
        self.full_id = QCheckBox(self.tr("群众本人的回执和委托书上显示完整身份证号"))
        self.stub = QCheckBox(self.tr("回执下方带本站存根（沿线剪开）"))
        self.paper = QComboBox()
        for code in RECEIPT_PAPERS:
            self.paper.addItem(self.tr(PAPER_NAMES[code]), code)
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()
        self._allow_editing(self.is_admin)
        session.run(station_settings.load, alive(self, self.show_settings))

    def _lay_out(self) -> None:
        captions = {
            "address": self.tr("本站地址"),
            "phone": self.tr("本站电话"),
            "office_hours": self.tr("办公时间"),
            "county_hotline": self.tr("市（县）监督投诉电话"),
            "township_hotline": self.tr("镇（街道）监督投诉电话"),
        }
        form = QFormLayout()
        for key in TEXT_FIELDS:
            form.addRow(captions[key], self.edits[key])
        form.addRow(self.tr("回执纸张"), self.paper)
        form.addRow("", self.stub)
        form.addRow("", self.full_id)
        note = QLabel(
            self.tr("这些内容印在受理回执、告知单和公示牌上。监督投诉电话没有填写时，回执上只印市（县）的电话。")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _allow_editing(self, allowed: bool) -> None:
        for widget in (*self.edits.values(), self.full_id, self.stub, self.paper, self.save_button):
            widget.setEnabled(allowed)
        if not allowed:
            self.message.setText(self.tr("只有管理员可以修改这些内容。"))

    def show_settings(self, settings: StationSettings) -> None:
        for key, edit in self.edits.items():
            edit.setText(getattr(settings, key))
        self.full_id.setChecked(settings.receipt_full_id)
        self.stub.setChecked(settings.receipt_stub)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.receipt_paper)))

    def changes(self) -> dict:
        values: dict[str, object] = {key: edit.text() for key, edit in self.edits.items()}
        values.update(
            receipt_full_id=self.full_id.isChecked(),
            receipt_stub=self.stub.isChecked(),
            receipt_paper=self.paper.currentData(),
        )
        return values

    def save(self) -> None:
        values, actor = self.changes(), self.session.user.username
        self.save_button.setEnabled(False)
        self.session.run(
            lambda desk: station_settings.save(desk, actor, **values),
            alive(self, self._saved),
            alive(self, self._refused),
        )

    def _saved(self, settings: StationSettings) -> None:
        self.show_settings(settings)
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("已保存，以后打印的回执和公示牌按新内容印。"))

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("没有保存：{0}").format(in_words(error)))
