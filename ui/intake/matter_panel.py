"""事务代办: pick the matter from the catalogue, see its level and time limit, tick the materials received.

The catalogue is searched by Chinese, pinyin, initials or keyword. A matter
that needs the person in person says so at once (the domain would refuse it
on saving anyway).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from haian_desk.cases.catalogue_queries import find_items, get_item
from haian_desk.cases.presentation import MatterSummary, matter_summary
from haian_desk.core.errors import LIST_SEPARATOR
from ui.catalogue.present import limit_text
from ui.i18n import term
from ui.intake.lookup import Lookup
from ui.session import Session
from ui.widgets.feedback import ErrorLabel, alive

if TYPE_CHECKING:
    from haian_desk.desk import Desk

MATTER_CHOICES = 50  # the lookup lists this many matters; more words narrow it


def _matters_matching(desk: Desk, text: str) -> list[MatterSummary]:
    return [matter_summary(item) for item in find_items(desk, text, limit=MATTER_CHOICES)]


def _choice_text(summary: MatterSummary) -> str:
    """One line in the matter lookup: 名称（村级 · 即办）【须本人到场】, in the interface language."""
    translate = QCoreApplication.translate
    limit = limit_text(summary.mode, summary.time_limit) if summary.mode else summary.limit
    text = translate("MatterPanel", "{0}（{1}级 · {2}）").format(summary.name, term(summary.level), limit)
    return text + translate("MatterPanel", "【须本人到场】") if summary.in_person else text


def _in_person_notice(summary: MatterSummary) -> str:
    """The refusal take_in would give, said before the clerk types anything else."""
    translate = QCoreApplication.translate
    where = summary.route or summary.department
    text = translate("MatterPanel", "“{0}”须本人到场办理，不能代办。请告诉群众办理地点").format(summary.name)
    text += translate("MatterPanel", "（{0}）").format(where) if where else ""
    if summary.materials:
        separator = translate("domain", LIST_SEPARATOR)
        text += translate("MatterPanel", "和要带的材料：{0}").format(separator.join(summary.materials))
    return text


class MatterPanel(QWidget):
    changed = Signal()
    chosen = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.matter: MatterSummary | None = None
        self.pending: tuple[str, list[str]] | None = None  # a draft's matter being read back
        self.lookup = Lookup(session, _matters_matching, _choice_text, visible_rows=6)
        self.lookup.setObjectName("matter_lookup")
        self.lookup.edit.setObjectName("matter_search")
        self.lookup.results.setObjectName("matter_results")
        self.lookup.edit.setPlaceholderText(self.tr("输入事项名称、拼音或首字母，如 低保、yanglao、ylbx"))
        self.lookup.picked.connect(self.choose)
        self.lookup.edited.connect(self._edited)
        self.details = QFormLayout()
        self.level = QLabel()
        self.limit = QLabel()
        self.limit.setObjectName("matter_limit")
        self.route = QLabel()
        self.route.setWordWrap(True)
        self.details.addRow(self.tr("办理层级"), self.level)
        self.details.addRow(self.tr("办理时限"), self.limit)
        self.details.addRow(self.tr("办理路径"), self.route)
        self.in_person = QLabel()
        self.in_person.setObjectName("in_person_notice")
        self.in_person.setWordWrap(True)
        self.in_person.setStyleSheet("color: #b00020; font-weight: bold;")
        self.materials_caption = QLabel(self.tr("已收材料（空格键勾选）"))
        self.materials = QListWidget()
        self.materials.setObjectName("materials")
        self.materials.itemChanged.connect(lambda _item: self.changed.emit())
        self.materials_caption.setBuddy(self.materials)
        self.error = ErrorLabel()
        self.error.setObjectName("error_catalogue_code")
        self._lay_out()
        self.setFocusProxy(self.lookup)
        self._show(None)

    def _lay_out(self) -> None:
        self.details_box = QWidget()
        box = QVBoxLayout(self.details_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.details)
        box.addWidget(self.in_person)
        box.addWidget(self.materials_caption)
        box.addWidget(self.materials)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lookup)
        layout.addWidget(self.error)
        layout.addWidget(self.details_box)

    # --- choosing -----------------------------------------------------------------------

    def choose(self, summary: MatterSummary, received: list[str] | None = None) -> None:
        self.pending = None
        self._show(summary, received or [])
        self.changed.emit()
        self.chosen.emit()

    def _edited(self, _text: str) -> None:
        self.pending = None
        if self.matter is not None:
            self._show(None)
            self.changed.emit()

    def _show(self, summary: MatterSummary | None, received: Sequence[str] = ()) -> None:
        self.matter = summary
        self.error.clear_error()
        self.details_box.setVisible(summary is not None)
        if summary is None:
            self.materials.clear()
            return
        self.lookup.set_text(summary.name)
        self.level.setText(
            self.tr("{0}级").format(term(summary.level)) + (f"（{summary.department}）" if summary.department else "")
        )
        self.limit.setText(limit_text(summary.mode, summary.time_limit) if summary.mode else summary.limit)
        self.route.setText(summary.route)
        self.in_person.setText(_in_person_notice(summary) if summary.in_person else "")
        self.in_person.setVisible(summary.in_person)
        self._fill_materials(summary.materials, received)

    def _fill_materials(self, names: list[str], received) -> None:
        self.materials.blockSignals(True)
        self.materials.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in received else Qt.CheckState.Unchecked)
            self.materials.addItem(item)
        if names:
            self.materials.setCurrentRow(0)
        self.materials.blockSignals(False)
        lines = max(1, min(len(names), 7))
        self.materials.setFixedHeight(self.materials.sizeHintForRow(0) * lines + 8 if names else 0)
        self.materials.setVisible(bool(names))
        self.materials_caption.setVisible(bool(names))

    # --- the form's values --------------------------------------------------------------

    def code(self) -> str:
        if self.pending:
            return self.pending[0]
        return self.matter.code if self.matter else ""

    def name(self) -> str:
        return self.matter.name if self.matter else ""

    def received(self) -> list[str]:
        if self.pending:
            return list(self.pending[1])
        return [
            self.materials.item(i).text()
            for i in range(self.materials.count())
            if self.materials.item(i).checkState() == Qt.CheckState.Checked
        ]

    def restore(self, code: str, query: str, received: list[str]) -> None:
        """Bring back a draft's matter: read the item again, tick what was ticked."""
        self._show(None)
        self.lookup.set_text(query)
        self.pending = (code, list(received)) if code else None
        if code:
            self.session.run(
                lambda desk: matter_summary(get_item(desk, code)),
                alive(self, lambda summary: self._restored(summary, received)),
                alive(self, self._not_restored),
            )

    def _restored(self, summary: MatterSummary, received: list[str]) -> None:
        if self.pending is None:
            return  # the clerk moved on meanwhile
        self.pending = None
        self._show(summary, received)
        self.changed.emit()

    def _not_restored(self, error: BaseException) -> None:
        self.pending = None
        self.error.show_error(error)

    def clear(self) -> None:
        self.pending = None
        self._show(None)
        self.lookup.set_text("")
