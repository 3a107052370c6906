"""冲突核对: matters two levels acted on at once (e.g. completed at the station and at the township).

Every installation keeps the same record: the rules apply the action that
comes first and set the other aside. This screen shows both sides of each
clash, and records a person's decision (who decided is the logged-in user);
the flag clears everywhere after the next sync. If the side set aside should
have stood, the decision says so and the case is then handled again from its
detail screen (reopened, completed anew), so nothing is rewritten behind anyone's back.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from haian_desk.cases.vocabulary import STATUSES, label
from haian_desk.core.timeutil import show
from haian_desk.replication import township
from ui.i18n import term
from ui.session import Session
from ui.sync.tables import ResultBox, fill_table, key_at, make_table
from ui.township.arrivals import watch_arrivals
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import ErrorLabel, alive, words
from ui.widgets.tables import list_beside_detail


class ConflictsPage(QWidget):
    openCase = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflicts_page")
        self.session = session
        self.found: list[township.Conflict] = []
        self._build()
        watch_arrivals(session)
        session.changed.connect(self._data_changed)  # a method: the session outlives the page
        self.setFocusProxy(self.table)
        self.reload()

    def _build(self) -> None:
        title = QLabel(self.tr("需要核对的冲突"))
        title.setFont(scaled_font(1.3, bold=True))
        explain_text = QLabel(
            self.tr(
                "两级同时办理同一件事时（如站点和镇中心都办结了），系统按先后只采用一方，另一方没有生效。"
                "请核对双方的办理情况，写下裁定意见；裁定会记下是谁、什么时候作出的。"
            )
        )
        explain_text.setWordWrap(True)
        self.table = make_table(
            "conflicts_table", [self.tr("编号"), self.tr("受理站点"), self.tr("状态"), self.tr("冲突")], stretch=1
        )
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.sides = QTextBrowser()
        self.sides.setObjectName("conflict_sides")
        self.decision = QPlainTextEdit()
        self.decision.setObjectName("decision")
        self.decision.setTabChangesFocus(True)
        self.decision.setPlaceholderText(self.tr("裁定意见：以哪一方为准、为什么、已告知谁"))
        self.decision.setFixedHeight(self.decision.fontMetrics().lineSpacing() * 3 + 16)
        self.resolve_button = QPushButton(self.tr("记录裁定(&D)"))
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.clicked.connect(self.resolve)
        self.open_button = QPushButton(self.tr("打开办件详情"))
        self.open_button.setObjectName("open_conflict_case")
        self.open_button.clicked.connect(self._open)
        self.error = ErrorLabel()
        self.result = ResultBox("conflict_result")
        self.result.setFixedHeight(self.result.fontMetrics().lineSpacing() * 3 + 16)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        right = QGroupBox(self.tr("双方的办理情况"))
        column = QVBoxLayout(right)
        column.addWidget(self.sides, 1)
        column.addWidget(self.decision)
        column.addWidget(self.error)
        column.addLayout(buttons)
        split = list_beside_detail(self.table, None, right, (0, 2), scroll=False)  # the sides scroll
        split.setSizes([440, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain_text)
        layout.addWidget(split, 1)
        layout.addWidget(self.result)
        self._enable()

    def _data_changed(self, _changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.session.run(township.conflicts, alive(self, self._show), alive(self, self.error.show_error))

    def _show(self, found: list[township.Conflict]) -> None:
        chosen = self.current()
        self.found = found
        fill_table(
            self.table,
            [
                (
                    c.case_id,
                    [c.case_no, c.unit_name, term(label(STATUSES, c.status)), self.tr("{0} 处").format(c.conflicts)],
                )
                for c in found
            ],
        )
        rows = [n for n, c in enumerate(found) if chosen and c.case_id == chosen.case_id]
        if found:
            self.table.selectRow(rows[0] if rows else 0)
        else:
            none_left = self.tr("没有需要核对的冲突。")
            self.sides.setHtml(f"<p>{escape(none_left)}</p>")
        self._enable()

    def current(self) -> township.Conflict | None:
        case_id = key_at(self.table, self.table.currentRow()) if self.table.currentRow() >= 0 else None
        return next((c for c in self.found if c.case_id == case_id), None)

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.resolve_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)
        self.decision.setEnabled(chosen)

    def _show_selected(self) -> None:
        conflict = self.current()
        self._enable()
        if conflict is not None:
            self.sides.setHtml(self._html(conflict))

    def _html(self, conflict: township.Conflict) -> str:
        parts = [f"<h3>{escape(conflict.case_no)}&nbsp;&nbsp;{escape(conflict.unit_name)}</h3>"]
        # (tr() outside the f-strings: lupdate does not look inside them)
        stood, set_aside = self.tr("现在的记录按这一方"), self.tr("没能生效的一方")
        for number, clash in enumerate(conflict.clashes, 1):
            which = self.tr("第{0}处").format(number)
            why = self.tr("没能生效的原因：{0}").format(words(clash.reason))
            parts.append(f"<p><b>{escape(which)}</b>&nbsp;&nbsp;{escape(why)}</p>")
            parts.append(
                "<table width='100%' cellspacing='6'><tr>"
                f"{self._side_cell(stood, clash.stood, '#e6f4ea')}"
                f"{self._side_cell(set_aside, clash.set_aside, '#fde0dc')}</tr></table>"
            )
        return "".join(parts)

    def _side_cell(self, caption: str, side: township.Side | None, colour: str) -> str:
        if side is None:
            body = escape(self.tr("（无）"))
        else:
            body = "<br>".join(
                escape(line)
                for line in (
                    f"{words(side.unit)}  {side.actor}",
                    show(side.when),
                    self.tr("{0}：{1}").format(term(side.what), self.tr("；").join(words(p) for p in side.detail)),
                )
            )
        return (
            f"<td width='50%' valign='top' style='background:{colour}; padding:6px'>"
            f"<b>{escape(caption)}</b><br>{body}</td>"
        )

    def resolve(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        actor, decision = self.session.user.username, self.decision.toPlainText()
        case_id, seen = conflict.case_id, conflict.conflicts
        self.error.clear_error()
        self.session.run(
            lambda desk: township.resolve_conflict(desk, actor, case_id, decision, seen),
            alive(self, lambda _s: self._resolved(conflict)),
            alive(self, self.error.show_error),
        )

    def _resolved(self, conflict: township.Conflict) -> None:
        self.decision.clear()
        self.result.show_lines(
            [
                self.tr("已记录对 {0} 的裁定（{1}）。各方同步后冲突标记消除。").format(
                    conflict.case_no, self.session.user.display_name
                )
            ]
        )

    def _open(self) -> None:
        conflict = self.current()
        if conflict is not None:
            self.openCase.emit(conflict.case_id)
