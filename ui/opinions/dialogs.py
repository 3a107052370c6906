"""Dialogs of the opinions screen: record a meeting, record feedback on an opinion, turn an
opinion discussed at a meeting into a case."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QWidget

from haian_desk.cases.operations import Intake
from haian_desk.cases.vocabulary import KINDS
from haian_desk.community import opinions
from haian_desk.core.timeutil import local
from ui.i18n import term
from ui.support.dialogs import combo
from ui.support.form import FormDialog
from ui.widgets.named import named

_SEPARATORS = re.compile(r"[、,，;；\n]+")


def split_names(text: str) -> list[str]:
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


class MeetingDialog(FormDialog):
    def __init__(
        self,
        candidates: list[opinions.Opinion],
        cadre_choices: list[tuple[str, str]],
        now: datetime,
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("记录座谈会"), parent)
        when = local(now)
        self.when = self.add(
            self.tr("时间"),
            named(QDateTimeEdit(QDateTime(when.year, when.month, when.day, when.hour, 0, 0)), "meeting_when"),
        )
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.topic = self.add(self.tr("主题"), named(QLineEdit(), "meeting_topic"))
        self.place = self.add(self.tr("地点"), named(QLineEdit(), "meeting_place"))
        self.host = self.add(
            self.tr("主持代理员"), combo("meeting_host", [("", self.tr("（不指定）"))] + cadre_choices)
        )
        self.people = self.add(self.tr("参加人员"), named(QLineEdit(), "meeting_people"))
        self.people.setPlaceholderText(self.tr("用顿号分开，例如：村民代表王某、李某、镇城建办"))
        self.count = self.add(self.tr("参加人数"), named(QSpinBox(), "meeting_count"))
        self.count.setRange(0, 999)
        self.summary = self.add(self.tr("议定事项"), named(QPlainTextEdit(), "meeting_summary"))
        self.summary.setFixedHeight(70)
        self.discussed = self.add(self.tr("讨论的群众意见"), named(QListWidget(), "meeting_discussed"))
        for o in candidates:
            item = QListWidgetItem(f"{o.case_no}  {o.description}")
            item.setData(Qt.ItemDataRole.UserRole, o.case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.discussed.addItem(item)
        self.resize(620, 640)

    def checked(self) -> list[str]:
        items = (self.discussed.item(i) for i in range(self.discussed.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def meeting_input(self) -> opinions.MeetingInput:
        return opinions.MeetingInput(
            held_at=self.when.dateTime().toString("yyyy-MM-dd HH:mm"),
            topic=self.topic.text(),
            participants=split_names(self.people.text()),
            participant_count=self.count.value(),
            place=self.place.text(),
            host_cadre_id=self.host.currentData() or None,
            summary=self.summary.toPlainText(),
            discussed=self.checked(),
        )


class FeedbackDialog(FormDialog):
    def __init__(self, meeting: dict, parent: QWidget | None = None):
        super().__init__(self.tr("记录座谈会反馈：{0}").format(meeting["topic"]), parent)
        self.meeting = meeting
        choices = [(c["id"], f"{c['case_no']}  {c['description']}") for c in meeting["discussed_cases"]]
        self.opinion = self.add(self.tr("群众意见"), combo("feedback_opinion", choices))
        self.text = self.add(self.tr("反馈内容"), named(QPlainTextEdit(), "feedback_text"))
        self.text.setPlaceholderText(self.tr("例如：路灯已列入本月维修计划，由村委会负责"))
        self.text.setFixedHeight(90)


class RaiseDialog(FormDialog):
    """An opinion discussed at the meeting becomes a case (a claim, an errand …)."""

    def __init__(
        self,
        meeting: dict,
        cadre_choices: list[tuple[str, str]],
        errands: list[tuple[str, str]],
        parent: QWidget | None = None,
    ):
        super().__init__(self.tr("由意见转为办件"), parent)
        self.meeting = meeting
        choices = [(c["id"], f"{c['case_no']}  {c['description']}") for c in meeting["discussed_cases"]]
        self.opinion = self.add(self.tr("来自哪条意见"), combo("raise_opinion", choices))
        self.kind = self.add(
            self.tr("服务类型"), combo("raise_kind", [(k, term(v)) for k, v in KINDS.items() if k != "opinion"])
        )
        self.errand = self.add(self.tr("代办事项"), combo("raise_errand", errands))
        self.description = self.add(self.tr("办件内容"), named(QLineEdit(), "raise_description"))
        self.cadre = self.add(self.tr("首问责任人"), combo("raise_cadre", cadre_choices, meeting.get("host_cadre_id")))
        self.kind.currentIndexChanged.connect(lambda _: self.errand.setEnabled(self.kind.currentData() == "errand"))
        self.errand.setEnabled(self.kind.currentData() == "errand")

    def intake(self) -> Intake:
        kind = self.kind.currentData()
        opinion = next((c for c in self.meeting["discussed_cases"] if c["id"] == self.opinion.currentData()), None)
        # A claim needs the villager's own authorisation before it is accepted: it is
        # registered now and accepted from the case screen once that is on record.
        return Intake(
            kind=kind,
            villager_id=opinion["villager_id"] if opinion else "",
            description=self.description.text().strip(),
            first_cadre_id=self.cadre.currentData() or "",
            catalogue_code=self.errand.currentData() if kind == "errand" else None,
            accept=kind != "claim",
        )
