"""Opinions and meetings (民意代言, 座谈会): opinions grouped by topic and village, the ones
still awaiting feedback, and meetings with what they discussed, fed back and turned into cases."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases.vocabulary import STATUSES
from haian_desk.community import opinions
from haian_desk.core.timeutil import from_iso, local, show
from ui.i18n import term
from ui.opinions.dialogs import FeedbackDialog, MeetingDialog, RaiseDialog
from ui.session import Session
from ui.support.dialogs import Choices, load_choices
from ui.support.form import FormDialog, run_form
from ui.widgets.feedback import ErrorLabel, alive
from ui.widgets.named import named
from ui.widgets.tables import list_beside_detail, list_table

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass
class _Loaded:
    groups: list
    awaiting: list
    meetings: list
    now: object


def _load(desk: Desk) -> _Loaded:
    return _Loaded(opinions.grouped(desk), opinions.awaiting_feedback(desk), opinions.meetings(desk), desk.now())


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[str]) -> None:
    table.setRowCount(len(rows))
    for r, (cells, key) in enumerate(zip(rows, keys, strict=True)):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)


class OpinionsScreen(QWidget):
    dialog: FormDialog | None = None  # the form open now (tests reach it here)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.loaded: _Loaded | None = None
        self.meeting: dict | None = None
        self.summary = named(QLabel(), "opinions_summary")
        self.error = ErrorLabel(self)
        self.tabs = named(QTabWidget(), "opinions_tabs")
        self.tree = named(QTreeWidget(), "opinions_groups")
        self.tree.setHeaderLabels(
            [self.tr("主题 / 村"), self.tr("编号"), self.tr("登记"), self.tr("群众"), self.tr("状态"), self.tr("反馈")]
        )
        self.awaiting = list_table(
            "opinions_awaiting",
            [
                self.tr("编号"),
                self.tr("登记日期"),
                self.tr("已等待"),
                self.tr("群众"),
                self.tr("主题"),
                self.tr("意见内容"),
            ],
        )
        self.meetings = list_table(
            "opinions_meetings",
            [
                self.tr("时间"),
                self.tr("主题"),
                self.tr("地点"),
                self.tr("人数"),
                self.tr("讨论意见"),
                self.tr("已反馈"),
                self.tr("形成办件"),
            ],
        )
        self.detail = named(QTextBrowser(), "meeting_detail")
        self.new_button = named(QPushButton(self.tr("记录座谈会(&M)…")), "meeting_new")
        self.feedback_button = named(QPushButton(self.tr("记录反馈(&F)…")), "meeting_feedback")
        self.raise_button = named(QPushButton(self.tr("由意见转为办件…")), "meeting_raise")
        self._lay_out()
        self.meetings.itemSelectionChanged.connect(self._meeting_selected)
        self.new_button.clicked.connect(self.open_meeting)
        self.feedback_button.clicked.connect(self.open_feedback)
        self.raise_button.clicked.connect(self.open_raise)
        session.changed.connect(lambda kinds: self.refresh())
        self._meeting_selected()
        self.refresh()

    def _lay_out(self) -> None:
        self.tabs.addTab(self.tree, self.tr("按主题和村"))
        self.tabs.addTab(self.awaiting, self.tr("待反馈"))
        meetings_page = QWidget()
        buttons = QHBoxLayout()
        for button in (self.new_button, self.feedback_button, self.raise_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        splitter = list_beside_detail(self.meetings, None, self.detail, (3, 2), scroll=False)
        page = QVBoxLayout(meetings_page)
        page.addLayout(buttons)
        page.addWidget(splitter, 1)
        self.tabs.addTab(meetings_page, self.tr("座谈会"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.session.run(_load, alive(self, self._loaded), alive(self, self.error.show_error))

    def _loaded(self, loaded: _Loaded) -> None:
        self.loaded = loaded
        total = sum(len(items) for _, _, items in loaded.groups)
        self.summary.setText(
            self.tr("群众意见 {0} 条，待反馈 {1} 条；座谈会 {2} 次").format(
                total, len(loaded.awaiting), len(loaded.meetings)
            )
        )
        self.tabs.setTabText(1, self.tr("待反馈（{0}）").format(len(loaded.awaiting)))
        self._fill_tree(loaded.groups)
        self._fill_awaiting(loaded.awaiting, loaded.now)
        self._fill_meetings(loaded.meetings)

    def _fill_tree(self, groups) -> None:
        self.tree.clear()
        for topic, village, items in groups:
            top = QTreeWidgetItem([self.tr("{0} · {1}（{2} 条）").format(term(topic), village, len(items))])
            for o in items:
                fed = self.tr("已反馈") if o.feedback or o.replied_at else self.tr("待反馈")
                child = QTreeWidgetItem(
                    [
                        o.description,
                        o.case_no,
                        show(o.registered_at)[:10],
                        o.villager,
                        term(STATUSES.get(o.status, o.status)),
                        fed,
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, o.case_id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for column in range(1, 6):
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(0, 420)

    def _fill_awaiting(self, awaiting, now) -> None:
        rows = [
            [
                o.case_no,
                show(o.registered_at)[:10],
                self.tr("{0} 天").format((local(now) - local(from_iso(o.registered_at))).days),
                o.villager,
                term(o.topic),
                o.description,
            ]
            for o in awaiting
        ]
        _fill(self.awaiting, rows, [o.case_id for o in awaiting])

    def _fill_meetings(self, meetings) -> None:
        rows, keys = [], []
        for m in meetings:
            rows.append(
                [
                    show(m["held_at"]),
                    m["topic"],
                    m["place"] or "",
                    str(m["participant_count"]),
                    str(len(m["discussed"])),
                    str(len(m["feedback"])),
                    str(len(m["became"])),
                ]
            )
            keys.append(m["id"])
        selected = self.meeting["id"] if self.meeting else None
        with QSignalBlocker(self.meetings):
            _fill(self.meetings, rows, keys)
            if selected in keys:
                self.meetings.selectRow(keys.index(selected))
        self._meeting_selected()  # its detail may have changed too

    def selected_meeting_id(self) -> str | None:
        items = self.meetings.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _meeting_selected(self) -> None:
        meeting_id = self.selected_meeting_id()
        for button in (self.feedback_button, self.raise_button):
            button.setEnabled(meeting_id is not None)
        if meeting_id is None:
            self.meeting = None
            self.detail.setHtml(self.tr("<p>选一次座谈会，这里显示它讨论的意见、反馈和形成的办件。</p>"))
            return
        self.session.run(lambda desk: opinions.meeting_detail(desk, meeting_id), alive(self, self._show_meeting))

    def _show_meeting(self, meeting: dict) -> None:
        self.meeting = meeting
        self.detail.setHtml(meeting_html(meeting, self.tr))

    # --- actions --------------------------------------------------------------------------

    def open_meeting(self) -> None:
        self.session.run(load_choices, alive(self, self._meeting_with))

    def _meeting_with(self, choices: Choices) -> None:
        candidates = self.loaded.awaiting if self.loaded else []
        self.dialog = dialog = MeetingDialog(candidates, choices.cadres, self.session.desk.now(), self)
        user = self.session.user.username

        def work():  # reads the dialog here, on the GUI thread; the worker gets the values
            meeting = dialog.meeting_input()
            return lambda desk: opinions.hold_meeting(desk, user, meeting)

        run_form(self.session, dialog, work)

    def open_feedback(self) -> None:
        if self.meeting is None:
            return
        self.dialog = dialog = FeedbackDialog(self.meeting, self)
        user, meeting_id = self.session.user.username, self.meeting["id"]

        def work():
            case, text = dialog.opinion.currentData() or "", dialog.text.toPlainText()
            return lambda desk: opinions.record_feedback(desk, user, meeting_id, case, text)

        run_form(self.session, dialog, work)

    def open_raise(self) -> None:
        if self.meeting is None:
            return
        self.session.run(load_choices, alive(self, self._raise_with))

    def _raise_with(self, choices: Choices) -> None:
        meeting = self.meeting
        if meeting is None:  # the list was reloaded without it while the choices loaded
            return
        self.dialog = dialog = RaiseDialog(meeting, choices.cadres, choices.errands, self)
        user, meeting_id = self.session.user.username, meeting["id"]

        def work():
            intake, source = dialog.intake(), dialog.opinion.currentData()
            return lambda desk: opinions.raise_at_meeting(desk, user, meeting_id, intake, from_opinion=source)

        run_form(self.session, dialog, work)


def meeting_html(m: dict, tr) -> str:
    """A meeting as a reader wants it: when, who, what was discussed and answered, what came of it."""
    people = "、".join(m["participants"]) or "—"
    parts = [
        f"<h3>{escape(m['topic'])}</h3>",
        "<p>" + tr("时间：{0}　地点：{1}").format(show(m["held_at"]), escape(m["place"] or "—")) + "</p>",
        "<p>" + tr("参加：{0}（共 {1} 人）").format(escape(people), m["participant_count"]) + "</p>",
    ]
    if m["summary"]:
        parts.append("<p>" + tr("议定事项：{0}").format(escape(m["summary"])) + "</p>")
    parts.append("<p><b>" + tr("讨论的群众意见") + "</b></p><ul>")
    for c in m["discussed_cases"]:
        answer = m["feedback"].get(c["id"])
        said = tr("反馈：{0}").format(escape(answer)) if answer else tr("（尚未反馈）")
        parts.append(f"<li>{escape(c['case_no'])} {escape(c['description'])}<br/>{said}</li>")
    parts.append("</ul>")
    if m["became_cases"]:
        parts.append("<p><b>" + tr("形成的办件") + "</b></p><ul>")
        parts += [f"<li>{escape(c['case_no'])} {escape(c['description'])}</li>" for c in m["became_cases"]]
        parts.append("</ul>")
    return "".join(parts)
