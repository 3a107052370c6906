"""Dialogs of the paired-support screen: pair a household, log a visit (and take in a matter
on the spot), change the cadre, end a pairing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from haian_desk.cases import catalogue
from haian_desk.cases.operations import Intake
from haian_desk.cases.vocabulary import KINDS
from haian_desk.community import support
from haian_desk.core.timeutil import local, show
from haian_desk.people import cadres
from ui.i18n import term
from ui.support.form import FormDialog
from ui.widgets.named import named

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass(frozen=True)
class Choices:
    cadres: list[tuple[str, str]]  # (id, name) of cadres on duty
    errands: list[tuple[str, str]]  # (code, name) of catalogue items that can be proxied


def load_choices(desk: Desk) -> Choices:
    """What the dialogs offer (read on the worker)."""
    return Choices(
        [(r["id"], r["name"]) for r in cadres.active_cadres(desk)],
        [(r["code"], r["name"]) for r in catalogue.search(desk, "", limit=500) if r["proxy_allowed"]],
    )


def combo(name: str, items: list[tuple[str, str]], chosen: str | None = None) -> QComboBox:
    box = named(QComboBox(), name)
    for value, label in items:
        box.addItem(label, value)
    if chosen is not None and box.findData(chosen) >= 0:
        box.setCurrentIndex(box.findData(chosen))
    return box


class PairDialog(FormDialog):
    def __init__(
        self, unpaired: list, cadre_choices: list[tuple[str, str]], chosen: str | None, parent: QWidget | None = None
    ):
        super().__init__(self.tr("结对帮扶"), parent)
        people = [
            (v["id"], f"{v['name']}（{'、'.join(term(support.villagers.TAGS[t]) for t in support.household_tags(v))}）")
            for v in unpaired
        ]
        self.villager = self.add(self.tr("困难户"), combo("pair_villager", people, chosen))
        self.cadre = self.add(self.tr("结对代理员"), combo("pair_cadre", cadre_choices))
        self.note = self.add(self.tr("备注"), named(QLineEdit(), "pair_note"))

    def values(self) -> tuple[str, str, str]:
        return self.villager.currentData() or "", self.cadre.currentData() or "", self.note.text()


class VisitDialog(FormDialog):
    def __init__(self, household: support.Household, choices: Choices, now: datetime, parent: QWidget | None = None):
        super().__init__(self.tr("登记走访：{0}").format(household.name), parent)
        self.household = household
        when = local(now)
        self.when = self.add(
            self.tr("走访时间"),
            named(QDateTimeEdit(QDateTime(when.year, when.month, when.day, when.hour, when.minute, 0)), "visit_when"),
        )
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.method = self.add(
            self.tr("方式"), combo("visit_method", [(k, term(v)) for k, v in support.VISIT_METHODS.items()])
        )
        self.note = self.add(self.tr("走访情况"), named(QPlainTextEdit(), "visit_note"))
        self.note.setPlaceholderText(self.tr("例如：老人身体尚好，米面油充足，屋顶漏雨需维修"))
        self.note.setFixedHeight(80)
        self.needs = self.add(self.tr("困难和需求"), named(QLineEdit(), "visit_needs"))
        self.matter = self._matter_box(choices)
        self.form.addRow(self.matter)
        last = show(household.last_visit_at) or self.tr("还没有走访过")
        self.form.insertRow(0, QLabel(self.tr("上次走访：{0}；结对代理员：{1}").format(last, household.cadre_name)))

    def _matter_box(self, choices: Choices) -> QGroupBox:
        box = named(QGroupBox(self.tr("当场受理一件事")), "visit_matter")
        box.setCheckable(True)
        box.setChecked(False)
        form = QFormLayout(box)
        self.kind = combo("visit_kind", [(k, term(v)) for k, v in KINDS.items()])
        self.errand = combo("visit_errand", choices.errands)
        self.description = named(QLineEdit(), "visit_description")
        self.signed = named(QCheckBox(self.tr("群众已签书面授权委托书")), "visit_signed")
        form.addRow(self.tr("服务类型"), self.kind)
        form.addRow(self.tr("代办事项"), self.errand)
        form.addRow(self.tr("诉求内容"), self.description)
        form.addRow("", self.signed)
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self._kind_changed()
        return box

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.errand.setEnabled(kind == "errand")
        self.signed.setEnabled(kind == "claim")

    def visit_input(self) -> support.VisitInput:
        when = self.when.dateTime().toString("yyyy-MM-dd HH:mm")
        return support.VisitInput(
            self.household.pairing_id,
            note=self.note.toPlainText(),
            method=self.method.currentData(),
            visited_at=when,
            needs=self.needs.text(),
            matter=self._intake() if self.matter.isChecked() else None,
        )

    def _intake(self) -> Intake:
        kind = self.kind.currentData()
        text = self.description.text().strip()
        intake = Intake(
            kind=kind,
            villager_id=self.household.villager_id,
            description=text,
            first_cadre_id=self.household.cadre_id,
            catalogue_code=self.errand.currentData() if kind == "errand" else None,
        )
        if kind == "claim":
            day = self.when.dateTime().toString("yyyy-MM-dd")
            intake.authorisation = {"scope": text, "signed_on_paper": self.signed.isChecked(), "date": day}
        return intake


class ReassignDialog(FormDialog):
    def __init__(
        self, household: support.Household, cadre_choices: list[tuple[str, str]], parent: QWidget | None = None
    ):
        super().__init__(self.tr("更换结对代理员：{0}").format(household.name), parent)
        others = [c for c in cadre_choices if c[0] != household.cadre_id]
        self.cadre = self.add(self.tr("新的结对代理员"), combo("reassign_cadre", others))

    def cadre_id(self) -> str:
        return self.cadre.currentData() or ""


class EndDialog(FormDialog):
    def __init__(self, household: support.Household, parent: QWidget | None = None):
        super().__init__(self.tr("结束结对：{0}").format(household.name), parent)
        self.reason = self.add(self.tr("原因"), named(QLineEdit(), "end_reason"))
        self.reason.setPlaceholderText(self.tr("例如：已脱困、已迁出本村"))
