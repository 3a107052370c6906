"""上报事项: matters sent up to this centre (a township's, or the county's), from arrival until they go back.

Waiting to be received, in hand here, or sent on (higher, or to a
department). For the chosen matter: receive it, name the cadre who handles
it, start joint handling with other units, complete it, send it on, or
return it down — to the township it came through, or to the station — with
what was done. Each is one case event through the domain
(haian_desk.cases.inbox); the station that took the matter in sees it after
its next sync. The same screen serves every level: what differs (where a
matter can go up to or back down to) comes from the domain's ladder.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases import inbox as centre, levels, presentation
from haian_desk.cases.fold import FORWARD_LEVELS
from haian_desk.cases.vocabulary import EVENT_TYPES, TRANSFER_LEVELS, label
from haian_desk.core.timeutil import show
from ui.cases.actions import ActionDialog
from ui.cases.queue_model import TONE_COLOURS
from ui.i18n import QT_TRANSLATE_NOOP, term
from ui.session import Session
from ui.sync.tables import ResultBox, fill_table, key_at, make_table
from ui.township.arrivals import watch_arrivals
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import ErrorLabel, alive, explain, words

REFRESH_MS = 60_000
VIEWS = (
    (centre.NEW, QT_TRANSLATE_NOOP("InboxPage", "待接收")),
    (centre.IN_HAND, QT_TRANSLATE_NOOP("InboxPage", "办理中")),
    (centre.SENT_ON, QT_TRANSLATE_NOOP("InboxPage", "已转县或部门")),  # at the county: 已转部门
    (None, QT_TRANSLATE_NOOP("InboxPage", "全部")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("InboxPage", text)


def forward_levels(level: str) -> dict[str, str]:
    """Where a centre at ``level`` may send a matter on: the rungs above it, or a department."""
    return {
        code: words
        for code, words in FORWARD_LEVELS.items()
        if code == levels.DEPARTMENT or levels.rung(code) > levels.rung(level)
    }


RETURN_TARGETS = {
    "station": QT_TRANSLATE_NOOP("InboxPage", "受理站点"),
    "township": QT_TRANSLATE_NOOP("InboxPage", "镇（街道）代理中心"),
    "county": QT_TRANSLATE_NOOP("InboxPage", "县级代理中心"),
}


class InboxPage(QWidget):
    openCase = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inbox_page")
        self.session = session
        self.items: list[centre.InboxItem] = []
        self.view: str | None = centre.NEW  # None: every view ("all")
        self.level = (
            centre.own_level(session.desk) if session.desk.installation.role in centre.HUB_ROLES else "township"
        )
        self.dialog: QDialog | None = None
        self._build()
        watch_arrivals(session)
        session.changed.connect(self._data_changed)  # a method: the session outlives the page
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        self.setFocusProxy(self.table)
        self.reload()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("站点上报到本中心的事项"))
        title.setFont(scaled_font(1.3, bold=True))
        views = QHBoxLayout()
        self.view_group = QButtonGroup(self)
        self.view_buttons = {}
        for view, caption in VIEWS:
            if view == centre.SENT_ON and self.level != "township":
                caption = QT_TRANSLATE_NOOP("InboxPage", "已转部门")
            button = QRadioButton(_tr(caption))
            button.setObjectName(f"view_{view or 'all'}")
            button.toggled.connect(lambda on, v=view: self.set_view(v) if on else None)
            self.view_group.addButton(button)
            self.view_buttons[view] = button
            views.addWidget(button)
        views.addStretch(1)
        self.view_group.blockSignals(True)
        self.view_buttons[centre.NEW].blockSignals(True)
        self.view_buttons[centre.NEW].setChecked(True)  # the view start with; read in __init__
        self.view_buttons[centre.NEW].blockSignals(False)
        self.view_group.blockSignals(False)
        self.table = make_table(
            "inbox_table",
            [
                self.tr("编号"),
                self.tr("站点"),
                self.tr("群众"),
                self.tr("事项"),
                self.tr("状态与时限"),
                self.tr("上报时间"),
                self.tr("本中心接收"),
                self.tr("经办人"),
                self.tr("现在在"),
            ],
            stretch=3,
        )
        self.table.itemSelectionChanged.connect(self._enable_actions)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.error = ErrorLabel()
        self.result = ResultBox("inbox_result")
        self.result.setFixedHeight(self.result.fontMetrics().lineSpacing() * 3 + 16)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(views)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(self._action_row())
        layout.addWidget(self.result)

    def _action_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        county = self.level != "township"
        for key, caption, slot in (
            ("take_up", self.tr("接收(&A)"), self.take_up),
            ("assigned", self.tr("指定经办人"), lambda: self.open_form("assigned")),
            ("joint_handling", self.tr("联动会办"), lambda: self.open_form("joint_handling")),
            ("completed", self.tr("办结(&C)"), lambda: self.open_form("completed")),
            ("forwarded", self.tr("转送部门") if county else self.tr("转送县或部门"), self.open_forward),
            ("returned", self.tr("退回下级") if county else self.tr("退回站点"), self.open_return),
            ("open", self.tr("打开详情"), lambda: self._open(self.table.currentRow())),
        ):
            button = QPushButton(caption)
            button.setObjectName(f"inbox_{key}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self._enable_actions()
        return row

    # --- reading ------------------------------------------------------------------------

    def set_view(self, view: str | None) -> None:
        self.view = view
        self.items = []
        self.table.setRowCount(0)  # nothing of the other view may be acted on while this one loads
        self._enable_actions()
        self.reload()

    def _data_changed(self, _changes) -> None:
        self.reload()

    def reload(self) -> None:
        view = self.view
        self.session.run(
            lambda desk: centre.inbox(desk, desk.now(), view),
            alive(self, self._show),
            alive(self, self.error.show_error),
        )

    def _show(self, items: list[centre.InboxItem]) -> None:
        chosen = self.current()
        scrolled = self.table.verticalScrollBar().value()  # news must not move the clerk's place
        self.items = items
        fill_table(
            self.table,
            [(i.case_id, self._cells(i)) for i in items],
            [TONE_COLOURS.get(i.tone, (None,))[0] for i in items],
        )
        rows = [n for n, i in enumerate(items) if chosen and i.case_id == chosen.case_id]
        if rows:
            self.table.selectRow(rows[0])
        self.table.verticalScrollBar().setValue(scrolled)
        self._enable_actions()
        counts = self.tr("共 {0} 件").format(len(items))
        self.view_buttons[self.view].setToolTip(counts)

    def _cells(self, item: centre.InboxItem) -> list[str]:
        where = (
            self.tr("本中心")
            if item.here
            else f"{term(label(TRANSFER_LEVELS, item.holder_level))} {item.holder or ''}".strip()
        )
        taken = show(item.taken_at) if item.taken_at else self.tr("未接收")
        status = words(item.status_message) if item.status_message else item.status_text
        return [
            item.case_no,
            item.unit_name,
            item.villager,
            item.matter,
            status,
            show(item.sent_at),
            taken,
            item.responsible,
            where,
        ]

    def current(self) -> centre.InboxItem | None:
        case_id = key_at(self.table, self.table.currentRow()) if self.table.currentRow() >= 0 else None
        return next((i for i in self.items if i.case_id == case_id), None)

    def select_case(self, case_id: str) -> None:
        row = next((n for n, i in enumerate(self.items) if i.case_id == case_id), -1)
        if row >= 0:
            self.table.selectRow(row)

    def _enable_actions(self) -> None:
        item = self.current()
        here = item is not None and item.here
        taken = item is not None and item.here and bool(item.taken_at)
        sent_on = item is not None and not here and item.follows_up  # not when a hub above has it
        self.buttons["take_up"].setEnabled(here and not taken)
        for key in ("assigned", "joint_handling", "completed", "returned"):
            self.buttons[key].setEnabled(taken or sent_on)
        self.buttons["forwarded"].setEnabled(taken)
        self.buttons["open"].setEnabled(item is not None)

    # --- acting -------------------------------------------------------------------------

    def take_up(self) -> None:
        item = self.current()
        if item is None:
            return
        actor, case_id = self.session.user.username, item.case_id
        said = (
            self.tr("已接收 {0}（{1}）。站点同步后会看到“镇中心已接收”。")
            if self.level == "township"
            else self.tr("已接收 {0}（{1}）。镇中心和站点同步后会看到本中心已接收。")
        )
        self.session.run(
            lambda desk: centre.take_up(desk, actor, case_id),
            alive(self, lambda _s: self.result.show_lines([said.format(item.case_no, item.unit_name)])),
            alive(self, lambda e: self.result.show_failure(explain(e))),
        )

    def open_form(self, event_type: str) -> None:
        item = self.current()
        if item is None:
            return
        case_id = item.case_id
        self.session.run(
            lambda desk: presentation.case_view(desk, case_id, desk.now()),
            alive(self, lambda view: self._show_form(view, event_type)),
            alive(self, lambda e: self.result.show_failure(explain(e))),
        )

    def _show_form(self, view, event_type: str) -> None:
        dialog = ActionDialog(self.session, view, event_type, self)
        dialog.acted.connect(
            lambda done_type, _state: self.result.show_lines(
                [
                    self.tr("已记录：{0} {1}。站点同步后会看到。").format(
                        view.case.case_no, term(label(EVENT_TYPES, done_type))
                    )
                ]
            )
        )
        self._keep(dialog)
        dialog.open()

    def open_forward(self) -> None:
        item = self.current()
        if item is None:
            return
        dialog = ForwardDialog(self.session, item, self)
        dialog.forwarded.connect(
            lambda unit: self.result.show_lines(
                [
                    self.tr("已把 {0} 转送到 {1}；答复回来后在“已转县或部门”里办结或退回站点。").format(
                        item.case_no, unit
                    )
                ]
            )
        )
        self._keep(dialog)
        dialog.open()

    def open_return(self) -> None:
        item = self.current()
        if item is None:
            return
        dialog = ReturnDialog(self.session, item, self)
        dialog.returned.connect(
            lambda target: self.result.show_lines(
                [self.tr("已把 {0} 退回{1}；对方同步后会看到办理情况。").format(item.case_no, target)]
            )
        )
        self._keep(dialog)
        dialog.open()

    def _keep(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog

    def _open(self, row: int) -> None:
        case_id = key_at(self.table, row) if row >= 0 else None
        if case_id:
            self.openCase.emit(case_id)


class ForwardDialog(QDialog):
    """转送: to the county or a department, with the receiving unit and why."""

    forwarded = Signal(str)  # the receiving unit

    def __init__(self, session: Session, item: centre.InboxItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("forward_dialog")
        self.session, self.item = session, item
        self.setWindowTitle(self.tr("转送 — {0}").format(item.case_no))
        self.level = QComboBox()
        self.level.setObjectName("field_to_level")
        for code, level_name in forward_levels(item.level).items():
            self.level.addItem(term(level_name), code)
        self.unit = QLineEdit()
        self.unit.setObjectName("field_to_unit")
        self.unit.setPlaceholderText(self.tr("例如：海安市民政局"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("field_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 16)
        self.error = ErrorLabel()
        self.error.setObjectName("forward_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("转送"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for caption, widget in (
            (self.tr("转往"), self.level),
            (self.tr("接收单位"), self.unit),
            (self.tr("转送理由"), self.reason),
        ):
            layout.addWidget(QLabel(caption))
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("转送后本中心继续跟踪，答复回来后办结或退回站点。")))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        self.ok_button.setEnabled(False)
        actor, case_id = self.session.user.username, self.item.case_id
        level, unit, reason = self.level.currentData(), self.unit.text(), self.reason.toPlainText()
        self.session.run(
            lambda desk: centre.forward(desk, actor, case_id, level, unit, reason),
            alive(self, lambda _s: self._forwarded(unit)),
            alive(self, self._refused),
        )

    def _forwarded(self, unit: str) -> None:
        self.ok_button.setEnabled(True)
        self.accept()
        self.forwarded.emit(unit.strip())

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_error(explain(error))


class ReturnDialog(QDialog):
    """退回: down to a centre the matter came through (the township, from the county) or the station."""

    returned = Signal(str)  # where it went, in words

    def __init__(self, session: Session, item: centre.InboxItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("return_dialog")
        self.session, self.item = session, item
        self.setWindowTitle(self.tr("退回 — {0}").format(item.case_no))
        self.target = QComboBox()
        self.target.setObjectName("field_to_level")
        units = {step["level"]: step["unit"] for step in item.route_up}
        for code in item.return_choices:
            words = _tr(RETURN_TARGETS.get(code, code))
            self.target.addItem(f"{words} {units[code]}" if code in units else words, code)
        self.outcome = QPlainTextEdit()
        self.outcome.setObjectName("field_outcome")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(self.outcome.fontMetrics().lineSpacing() * 4 + 16)
        self.error = ErrorLabel()
        self.error.setObjectName("return_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("退回"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for caption, widget in ((self.tr("退回到"), self.target), (self.tr("本级办理情况"), self.outcome)):
            layout.addWidget(QLabel(caption))
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def submit(self) -> None:
        self.ok_button.setEnabled(False)
        actor, case_id = self.session.user.username, self.item.case_id
        target, outcome = self.target.currentData(), self.outcome.toPlainText()
        words = self.target.currentText()
        self.session.run(
            lambda desk: centre.return_down(desk, actor, case_id, outcome, target),
            alive(self, lambda _s: self._returned(words)),
            alive(self, self._refused),
        )

    def _returned(self, words: str) -> None:
        self.ok_button.setEnabled(True)
        self.accept()
        self.returned.emit(words)

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.show_error(explain(error))
