"""One case: who it is for, what it is, how long is left, everything that happened, what can be done now.

Everything shown is read in one go on the worker (``presentation.case_view``).
Only the actions the state machine allows now get a button; each opens a small
form (``ui.cases.actions``) that writes one event. After an action the case is
read again, so the buttons always match the case as it stands.

By keyboard: every action has its own Alt key shown on its button; focus starts
on the first action each time the case is read (after every action too); Tab
runs actions → 打印 → 显示完整号码 → 办理经过 and round again. Enter clicks only
the focused action button: it never reaches the number-revealing button.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases import presentation
from haian_desk.cases.deadlines import WORKING_HOURS, describe_limit
from haian_desk.cases.presentation import CaseView
from haian_desk.cases.records import Case
from haian_desk.cases.vocabulary import (
    CHANNELS,
    KINDS,
    RATINGS,
    REPLY_METHODS,
    RESULTS,
    STATUSES,
    TRANSFER_LEVELS,
    URGENCIES,
    label,
)
from haian_desk.core.timeutil import show
from ui.cases.actions import ACTION_KEYS, ActionDialog, action_button_text, next_step
from ui.cases.queue_model import TONE_COLOURS
from ui.catalogue.present import limit_text
from ui.i18n import term
from ui.printing.buttons import PrintMenuButton
from ui.reveal_dialog import ask_and_reveal
from ui.session import Session, touches_case
from ui.sync.reach_label import ReachLabel
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import ErrorLabel, alive, explain, words
from ui.widgets.page_stack import scrolling
from ui.window_place import fit_to_screen


class CaseDetailDialog(QDialog):
    def __init__(self, session: Session, case_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.view: CaseView | None = None
        self.revealed = False
        self.action_dialogs: dict[str, ActionDialog] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        self._focus_pending = False
        self.setObjectName("case_detail")
        self.setStyleSheet(FOCUS_FRAME)
        self.setWindowTitle(self.tr("办件详情"))
        self._build()
        fit_to_screen(self, QSize(1180, 720))
        self.reload()
        # A sync or another window changed this case: read it again, keeping the user's place.
        session.changed.connect(self._data_changed)

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.number = QLabel(self.tr("正在读取办件…"))
        self.number.setObjectName("case_number")
        self.number.setFont(scaled_font(1.6, bold=True))
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setObjectName("case_state")
        self.state.setFont(scaled_font(1.2, bold=True))
        self.time_left = QLabel()
        self.time_left.setObjectName("time_left")
        self.time_left.setFont(scaled_font(1.2, bold=True))
        self.error = ErrorLabel()
        # Two rows, so the window fits a 1366×768 screen in large print and in English.
        header = QHBoxLayout()
        header.addWidget(self.number)
        header.addSpacing(24)
        header.addWidget(self.state)
        header.addStretch(1)
        self.print_menu = PrintMenuButton(self.session, self)  # 打印/补打: every paper this case can have
        self.print_menu.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.print_menu.printed.connect(lambda _printed: self.reload())  # the copy joins the timeline
        header.addWidget(self.print_menu)
        timing = QHBoxLayout()
        timing.addWidget(self.time_left)
        timing.addSpacing(24)
        timing.addWidget(ReachLabel(self.session, self.case_id, self))  # reached the township yet?
        timing.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(self._info_column(), 2)
        body.addWidget(self._timeline_box(), 3)
        self.actions_row = QHBoxLayout()
        actions_box = QGroupBox(self.tr("现在可以办理"))
        actions_box.setLayout(self.actions_row)
        content = QWidget()  # scrolls only on a desktop too low for it (1366×768 at 150 %)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(content))
        layout.addLayout(header)
        layout.addLayout(timing)
        layout.addWidget(self.error)
        layout.addLayout(body, 1)
        layout.addWidget(actions_box)

    def _info_column(self) -> QVBoxLayout:
        self.villager_form = _info_block("villager_block")
        villager_box = QGroupBox(self.tr("群众"))
        QVBoxLayout(villager_box).addWidget(self.villager_form)
        self.villager_form.setFixedHeight(self.villager_form.fontMetrics().lineSpacing() * 6)
        self.reveal_button = QPushButton(self.tr("显示完整号码（Alt+V）"))
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setShortcut(QKeySequence("Alt+V"))
        self.reveal_button.setToolTip(self.tr("身份证号和电话平时遮挡显示，防止旁人看到；需要时再显示"))
        self.reveal_button.setCheckable(True)
        # Never the dialog's default: Enter pressed anywhere else must not show ID and phone.
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.toggled.connect(self._reveal)
        self.matter_form = _info_block("matter_block")
        matter_box = QGroupBox(self.tr("事项"))
        QVBoxLayout(matter_box).addWidget(self.matter_form)
        column = QVBoxLayout()
        column.addWidget(villager_box)
        column.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(matter_box, 1)
        return column

    def _timeline_box(self) -> QGroupBox:
        self.timeline = QTableWidget(0, 4)
        self.timeline.setObjectName("timeline")
        self.timeline.setHorizontalHeaderLabels([self.tr("时间"), self.tr("经办"), self.tr("事件"), self.tr("详情")])
        self.timeline.verticalHeader().hide()
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setWordWrap(True)
        self.timeline.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
        header = self.timeline.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        box = QGroupBox(self.tr("办理经过"))
        QVBoxLayout(box).addWidget(self.timeline)
        return box

    # --- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        case_id = self.case_id
        self.session.run(
            lambda desk: presentation.case_view(desk, case_id, desk.now()),
            alive(self, self.show_view),
            alive(self, self._failed),
        )

    def _data_changed(self, changes) -> None:
        if touches_case(changes, self.case_id):
            case_id = self.case_id
            self.session.run(
                lambda desk: presentation.case_view(desk, case_id, desk.now()),
                alive(self, self._show_again),
                alive(self, self._failed),
            )

    def _show_again(self, view: CaseView) -> None:
        """The case as it now stands, with the focus, the history's scroll and selection where they were
        (the action forms keep what was typed: they live on while their action is allowed)."""
        focused = self.focusWidget().objectName() if self.focusWidget() is not None else ""
        bar = self.timeline.verticalScrollBar()
        at_end, scrolled, row = bar.value() >= bar.maximum(), bar.value(), self.timeline.currentRow()
        self.show_view(view)
        if not at_end:
            bar.setValue(scrolled)
        if row >= 0:
            self.timeline.selectRow(row)
        again = self.findChild(QWidget, focused) if focused else None
        if again is not None and again.isVisible():
            again.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(explain(error))

    def show_view(self, view: CaseView) -> None:
        self.view = view
        case = view.case
        self.error.clear_error()
        self.setWindowTitle(self.tr("办件 {0}").format(case.case_no))
        self.number.setText(case.case_no)
        self.state.setText(f"{term(label(KINDS, case.kind))} · {term(label(STATUSES, case.status))}")
        self._show_time_left(view)
        self._fill_villager(view)
        self._fill_matter(view)
        self._fill_timeline(view)
        self._fill_actions(view)
        self.print_menu.show_case(case)

    def _counting(self, case: Case) -> str:
        """The limit as counted (deadlines.describe_counting), worded in the interface language."""
        basis = case.calendar_basis or {}
        text = limit_text(case.timing, case.time_limit)
        if describe_limit(case.timing, case.time_limit) == "48小时" and basis.get("general") == WORKING_HOURS:
            text += self.tr("（只计工作日）")
        years = basis.get("fallback_years") or []
        if years:
            text += self.tr("；{0}年放假安排尚未公布，暂只按周末计算，公布后自动重算").format(
                self.tr("、").join(str(y) for y in years)
            )
        return text

    def _show_time_left(self, view: CaseView) -> None:
        case, left = view.case, view.time_left
        due, said = show(case.deadline), words(left.message) if left.message else ""
        if due:
            text = self.tr("办结期限 {0}").format(due) + (f" · {said}" if said else "")
        else:
            text = said or self.tr("无办结期限")
        self.time_left.setText(text)
        colours = TONE_COLOURS.get(left.tone)
        self.time_left.setStyleSheet(
            f"background: {colours[0]}; color: {colours[1]}; padding: 2px 8px;" if colours else ""
        )

    def _fill_villager(self, view: CaseView) -> None:
        person = view.villager_revealed if self.revealed else view.villager
        unknown = self.tr("未登记")
        _refill(
            self.villager_form,
            [
                (self.tr("姓名"), person["name"]),
                (self.tr("身份证号"), person["id_number"] or unknown),
                (self.tr("电话"), person["phone"] or unknown),
                (self.tr("住址"), person["address"] or unknown),
            ],
        )

    def _reveal(self, on: bool) -> None:
        if on and not self.revealed:
            # Not yet: the numbers show once the reveal (who, when, why) is recorded on the case.
            self._set_reveal_button(False)
            self.reveal_dialog = ask_and_reveal(
                self, self.session, lambda: self._revealed(True), lambda: None, case_id=self.case_id
            )
            return
        self._revealed(on)

    def _set_reveal_button(self, on: bool) -> None:
        self.reveal_button.blockSignals(True)
        self.reveal_button.setChecked(on)
        self.reveal_button.blockSignals(False)

    def _revealed(self, on: bool) -> None:
        self.revealed = on
        self._set_reveal_button(on)
        if on:
            self.reload()  # the reveal is now in the timeline
        self.reveal_button.setText(self.tr("遮挡号码（Alt+V）") if on else self.tr("显示完整号码（Alt+V）"))
        self.reveal_button.setShortcut(QKeySequence("Alt+V"))
        if self.view is not None:
            self._fill_villager(self.view)

    def _fill_matter(self, view: CaseView) -> None:
        _refill(self.matter_form, [row for row in self._matter_rows(view) if row[1]])

    def _matter_rows(self, view: CaseView) -> list[tuple[str, str]]:
        case, matter, names = view.case, view.matter, view.cadre_names
        auth = case.authorisation
        return [
            (
                self.tr("事项"),
                self.tr("{0}（{1}级办理）").format(matter["name"], term(matter["level"])) if matter else "",
            ),
            (self.tr("办理时限"), self._counting(case)),
            (self.tr("办理路径"), matter["route"] if matter else ""),
            (self.tr("诉求内容"), case.description),
            (self.tr("受理渠道"), term(label(CHANNELS, case.channel))),
            (self.tr("紧急程度"), term(label(URGENCIES, case.urgency))),
            (self.tr("标记"), self._flags(case)),
            (self.tr("已收材料"), "、".join(case.materials_received or [])),
            (self.tr("待补材料"), "、".join(case.materials_missing or [])),
            (self.tr("授权委托"), self._authorisation(auth) if auth else ""),
            (self.tr("首问责任人"), names.get(case.first_cadre_id, "")),
            (self.tr("经办人"), names.get(case.responsible_cadre_id, "")),
            (self.tr("登记时间"), show(case.registered_at)),
            (self.tr("受理时间"), show(case.accepted_at)),
            (
                self.tr("现在在"),
                f"{term(label(TRANSFER_LEVELS, case.holder_level))} {case.holder}" if case.holder else "",
            ),
            (self.tr("会办单位"), "、".join(case.joint_units or [])),
            (self.tr("办理结果"), self._result(case)),
            (
                self.tr("告知群众"),
                f"{show(case.replied_at)} {term(label(REPLY_METHODS, case.reply_method))}" if case.replied_at else "",
            ),
            (self.tr("群众评价"), self._rating(case)),
            (self.tr("结束原因"), case.closed_reason or ""),
        ]

    def _flags(self, case: Case) -> str:
        flags = [self.tr("久拖不决/历史遗留")] if case.long_standing else []
        flags += [self.tr("信访")] if case.petition else []
        flags += [self.tr("差评待回访整改")] if case.followup_open else []
        return "、".join(flags)

    def _authorisation(self, auth: dict) -> str:
        signed = self.tr("已签书面委托书") if auth["signed_on_paper"] else self.tr("未签书面委托书")
        return f"{auth['scope']}（{signed}，{auth['date']}）"

    def _result(self, case: Case) -> str:
        if not case.result:
            return ""
        note = f"：{case.result_note}" if case.result_note else ""
        return term(label(RESULTS, case.result)) + note

    def _rating(self, case: Case) -> str:
        if case.rating is None:
            return ""
        reason = f"（{case.rating_reason}）" if case.rating_reason else ""
        return term(label(RATINGS, case.rating)) + reason

    def _fill_timeline(self, view: CaseView) -> None:
        self.timeline.setRowCount(len(view.timeline))
        for row, line in enumerate(view.timeline):
            detail = self.tr("；").join(words(part) for part in line.parts) if line.parts else line.detail
            for column, text in enumerate((line.when, line.who, term(line.what), detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.timeline.setItem(row, column, item)
        self.timeline.resizeRowsToContents()
        self.timeline.scrollToBottom()

    # --- acting -------------------------------------------------------------------------

    def _fill_actions(self, view: CaseView) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.action_buttons.clear()
        # Forms for actions no longer allowed are of no use; the others keep what was typed.
        for event_type in [
            t for t in self.action_dialogs if t not in view.allowed and not self.action_dialogs[t].isVisible()
        ]:  # never close one being typed in
            self.action_dialogs.pop(event_type).deleteLater()
        for event_type in view.allowed:
            button = QPushButton(action_button_text(event_type))
            button.setObjectName(f"do_{event_type}")
            if keys := ACTION_KEYS.get(event_type):
                button.setShortcut(QKeySequence(keys))
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, t=event_type: self.open_action(t))
            self.actions_row.addWidget(button)
            self.action_buttons[event_type] = button
        if not view.allowed:
            self.actions_row.addWidget(QLabel(self.tr("该办件已结束，无需再办理")))
        self.actions_row.addStretch(1)
        self._chain_focus()

    def _chain_focus(self) -> None:
        """One fixed Tab order, and focus on the first thing to do (the same place every time)."""
        chain = [*self.action_buttons.values(), self.print_menu, self.reveal_button, self.timeline]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        for button in self.action_buttons.values():
            button.show()  # now, not at the layout's next pass: a hidden button cannot take the focus
        self.focus_start().setFocus(Qt.FocusReason.OtherFocusReason)
        # Read while the window (or an action's form over it) is not active: Qt would give the
        # focus to the first widget in the chain on activation, so place it again then.
        self._focus_pending = not self.isActiveWindow()

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.WindowActivate and self._focus_pending:
            self._focus_pending = False
            self.focus_start().setFocus(Qt.FocusReason.OtherFocusReason)
        return handled

    def focus_start(self) -> QWidget:
        step = next_step(list(self.action_buttons))
        return self.action_buttons[step] if step else self.print_menu

    def keyPressEvent(self, event) -> None:
        # QDialog would hand Enter to its default button (a QPushButton that may be the
        # reveal button): here Enter clicks the focused action or opens the print menu, else nothing.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused in self.action_buttons.values():
                focused.click()
            elif focused is self.print_menu and self.print_menu.isEnabled():
                # popup, not showMenu: the menu must not hold up the rest of the screen
                self.print_menu.menu().popup(self.print_menu.mapToGlobal(self.print_menu.rect().bottomLeft()))
            event.accept()
            return
        super().keyPressEvent(event)

    def open_action(self, event_type: str) -> ActionDialog:
        """Show the form for an action (the same one again if it was closed with Esc)."""
        dialog = self.action_dialogs.get(event_type)
        if dialog is None:
            assert self.view is not None  # actions are offered only once the case is shown
            dialog = ActionDialog(self.session, self.view, event_type, self)
            dialog.acted.connect(self._acted)
            self.action_dialogs[event_type] = dialog
        dialog.open()
        return dialog

    def _acted(self, event_type: str, _state: dict) -> None:
        dialog = self.action_dialogs.pop(event_type, None)
        if dialog is not None:
            dialog.deleteLater()
        self.activateWindow()  # back to the case: the focus is placed on the next step once it is read
        self.reload()


# A focus mark anyone can see from a step back (the platform's dotted line is too faint).
FOCUS_FRAME = """
QPushButton, QToolButton { border: 1px solid #9e9e9e; border-radius: 3px; padding: 4px 10px;
                           background: #f7f7f7; }
QPushButton:checked { background: #ffe0b2; }
QPushButton:disabled, QToolButton:disabled { color: #9e9e9e; }
QPushButton:focus, QToolButton:focus { border: 3px solid #0b57d0; background: #e8f0fe; padding: 2px 8px; }
QTableWidget:focus { border: 3px solid #0b57d0; }
"""


def _info_block(name: str) -> QTextBrowser:
    # A read-only document rather than a form of labels: long routes and descriptions
    # wrap at any width (large print too) and scroll instead of being cut off.
    block = QTextBrowser()
    block.setObjectName(name)
    block.setOpenLinks(False)
    block.setFrameShape(QFrame.Shape.NoFrame)
    block.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # read-only text: not a Tab stop, so Tab goes round the actions
    return block


def _refill(block: QTextBrowser, rows: list[tuple[str, str]]) -> None:
    cells = "".join(
        f"<tr><td style='color:#555; padding:3px 12px 3px 0; white-space:nowrap'>{escape(caption)}</td>"
        f"<td style='padding:3px 0'>{escape(text)}</td></tr>"
        for caption, text in rows
    )
    block.setHtml(f"<table cellspacing='0'>{cells}</table>")
