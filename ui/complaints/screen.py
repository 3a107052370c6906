"""Complaints (举报): the list with open ones first, one complaint's details, and the three
steps — record a complaint from a hotline, record what was found and done, close it with a
result. Whoever complained is shown masked: others at the counter can see the screen."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from haian_desk.community import complaints
from haian_desk.core import masking
from haian_desk.core.timeutil import show
from ui.i18n import QT_TRANSLATE_NOOP, term
from ui.session import Session
from ui.support.dialogs import Choices, combo, load_choices
from ui.support.form import FormDialog, run_form
from ui.widgets.feedback import ErrorLabel, alive
from ui.widgets.named import named
from ui.widgets.tables import list_beside_detail, list_table

if TYPE_CHECKING:
    from haian_desk.desk import Desk

FILTERS = (
    ("open", QT_TRANSLATE_NOOP("ComplaintsScreen", "未办结")),
    ("all", QT_TRANSLATE_NOOP("ComplaintsScreen", "全部")),
    ("closed", QT_TRANSLATE_NOOP("ComplaintsScreen", "已办结")),
)


class ReceiveDialog(FormDialog):
    def __init__(self, choices: Choices, parent: QWidget | None = None):
        super().__init__(self.tr("登记举报"), parent)
        self.channel = self.add(
            self.tr("举报渠道"), combo("complaint_channel", [(k, term(v)) for k, v in complaints.CHANNELS.items()])
        )
        self.case_no = self.add(self.tr("涉及办件编号"), named(QLineEdit(), "complaint_case_no"))
        self.case_no.setPlaceholderText(self.tr("如 102210-260304-001；不涉及具体办件的留空"))
        self.cadre = self.add(
            self.tr("被举报代理员"), combo("complaint_cadre", [("", self.tr("（按办件的经办人）"))] + choices.cadres)
        )
        self.content = self.add(self.tr("举报内容"), named(QPlainTextEdit(), "complaint_content"))
        self.content.setFixedHeight(90)
        self.who = self.add(self.tr("举报人（可不填）"), named(QLineEdit(), "complaint_who"))
        self.phone = self.add(self.tr("联系电话（可不填）"), named(QLineEdit(), "complaint_phone"))
        self.resize(560, 420)

    def complaint_input(self) -> complaints.ComplaintInput:
        return complaints.ComplaintInput(
            channel=self.channel.currentData(),
            content=self.content.toPlainText(),
            case_no=self.case_no.text(),
            cadre_id=self.cadre.currentData() or None,
            complainant=self.who.text(),
            complainant_phone=self.phone.text(),
        )


class FindingsDialog(FormDialog):
    """Record what was found (and optionally close with a result)."""

    def __init__(self, complaint, closing: bool, parent: QWidget | None = None):
        super().__init__(self.tr("举报办结") if closing else self.tr("记录核查情况"), parent)
        # Not "result"/"actions": those are QDialog's and QWidget's own methods.
        self.result_choice: QComboBox | None = None
        if closing:
            self.result_choice = self.add(
                self.tr("办理结果"), combo("complaint_result", [(k, term(v)) for k, v in complaints.RESULTS.items()])
            )
        self.findings = self.add(
            self.tr("核查情况"), named(QPlainTextEdit(complaint["findings"] or ""), "complaint_findings")
        )
        self.findings.setFixedHeight(90)
        self.actions_taken = self.add(
            self.tr("处理措施"), named(QLineEdit(complaint["actions"] or ""), "complaint_actions")
        )


class ComplaintsScreen(QWidget):
    dialog: FormDialog | None = None  # the form open now (tests reach it here)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.rows: list = []
        self.filter = named(QComboBox(), "complaints_filter")
        for key, label in FILTERS:
            self.filter.addItem(self.tr(label), key)
        self.summary = named(QLabel(), "complaints_summary")
        self.new_button = named(QPushButton(self.tr("登记举报(&N)…")), "complaint_new")
        self.findings_button = named(QPushButton(self.tr("记录核查…")), "complaint_investigate")
        self.close_button = named(QPushButton(self.tr("办结…")), "complaint_close")
        self.error = ErrorLabel(self)
        self.table = self._make_table()
        self.detail = named(QTextBrowser(), "complaint_detail")
        self._lay_out()
        self.filter.currentIndexChanged.connect(lambda _: self.refresh())
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.open_receive)
        self.findings_button.clicked.connect(lambda: self.open_findings(closing=False))
        self.close_button.clicked.connect(lambda: self.open_findings(closing=True))
        session.changed.connect(lambda kinds: self.refresh())
        self._selected()
        self.refresh()

    def _make_table(self) -> QTableWidget:
        headers = [
            self.tr("收到时间"),
            self.tr("渠道"),
            self.tr("被举报代理员"),
            self.tr("涉及办件"),
            self.tr("状态"),
            self.tr("结果"),
            self.tr("举报人"),
            self.tr("内容"),
        ]
        return list_table("complaints_list", headers)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("显示")))
        bar.addWidget(self.filter)
        bar.addWidget(self.summary, 1)
        for button in (self.new_button, self.findings_button, self.close_button):
            bar.addWidget(button)
        splitter = list_beside_detail(self.table, None, self.detail, (3, 2), scroll=False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        shown = self.filter.currentData()

        def load(desk: Desk):
            listed = complaints.complaints(
                desk, status="closed" if shown == "closed" else None, open_only=shown == "open"
            )
            open_count = len(complaints.complaints(desk, open_only=True))
            return listed, open_count

        self.session.run(load, alive(self, self._loaded), alive(self, self.error.show_error))

    def _loaded(self, result) -> None:
        keep = self.selected_id()
        self.rows, open_count = result
        self.summary.setText(self.tr("未办结的举报 {0} 件").format(open_count))
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [
                show(row["received_at"]),
                term(complaints.CHANNELS.get(row["channel"], row["channel"])),
                row["cadre_name"] or "",
                row["case_no"] or "",
                term(complaints.STATUSES.get(row["status"], row["status"])),
                term(complaints.RESULTS.get(row["result"], "")) if row["result"] else "",
                masking.mask_name(row["complainant"]) or self.tr("匿名"),
                row["content"],
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["id"])
                self.table.setItem(r, c, item)
            if row["id"] == keep:
                self.table.selectRow(r)
        self._selected()

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def selected(self):
        chosen = self.selected_id()
        return next((r for r in self.rows if r["id"] == chosen), None)

    def _selected(self) -> None:
        row = self.selected()
        still_open = row is not None and row["status"] != "closed"
        self.findings_button.setEnabled(still_open)
        self.close_button.setEnabled(still_open)
        self.detail.setHtml(complaint_html(row, self.tr) if row else self.tr("<p>选一件举报查看详情。</p>"))

    # --- actions --------------------------------------------------------------------------

    def open_receive(self) -> None:
        self.session.run(load_choices, alive(self, self._receive_with))

    def _receive_with(self, choices: Choices) -> None:
        self.dialog = dialog = ReceiveDialog(choices, self)
        user = self.session.user.username

        def work():  # reads the dialog here, on the GUI thread; the worker gets the values
            complaint = dialog.complaint_input()
            return lambda desk: complaints.receive(desk, user, complaint)

        run_form(self.session, dialog, work)

    def open_findings(self, closing: bool) -> None:
        row = self.selected()
        if row is None:
            return
        self.dialog = dialog = FindingsDialog(row, closing, self)
        user, complaint_id = self.session.user.username, row["id"]

        def make_work():
            findings, actions = dialog.findings.toPlainText(), dialog.actions_taken.text()
            if dialog.result_choice is not None:
                result = dialog.result_choice.currentData()
                return lambda desk: complaints.close(desk, user, complaint_id, result, findings, actions)
            return lambda desk: complaints.investigate(desk, user, complaint_id, findings, actions)

        run_form(self.session, dialog, make_work)


def complaint_html(row, tr) -> str:
    lines = [
        (tr("收到时间"), show(row["received_at"])),
        (tr("渠道"), term(complaints.CHANNELS.get(row["channel"], row["channel"]))),
        (tr("被举报代理员"), row["cadre_name"] or "—"),
        (tr("涉及办件"), row["case_no"] or "—"),
        (tr("举报人"), masking.mask_name(row["complainant"]) or tr("匿名")),
        (tr("联系电话"), masking.mask_phone(row["complainant_phone"]) or "—"),
        (tr("举报内容"), row["content"]),
        (tr("核查情况"), row["findings"] or tr("（尚未核查）")),
        (tr("处理措施"), row["actions"] or "—"),
        (
            tr("结果"),
            term(complaints.RESULTS[row["result"]]) + "（" + show(row["closed_at"]) + "）"
            if row["result"]
            else tr("未办结"),
        ),
    ]
    return "".join(f"<p><b>{escape(k)}：</b>{escape(v)}</p>" for k, v in lines)
