"""同步: whether this station's work has reached the township, and what to do when it has not.

At the top, the state in one line and a button to sync now, with the progress
of a running exchange. Below it, any failure in plain words with what to do,
then: what is waiting to go up; the records the township refused, each with
its reason, to send again once fixed; the USB way (export a file, import the
township's reply); enrolment (the request file, the township's answer, the
address); and a log of recent exchanges. All reading and writing runs on the
database worker; the exchange itself on the runner's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from haian_desk.core.timeutil import show
from haian_desk.replication import reached, sync_state
from haian_desk.replication.status import clock_warning
from sync import resend, station_link
from ui.session import Session
from ui.sync.runner import RunnerState, runner_for
from ui.sync.status import status_text
from ui.sync.tables import ResultBox, fill_table, make_table, selected_keys
from ui.widgets.appearance import scaled_font
from ui.widgets.feedback import alive, explain, words

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass(frozen=True)
class Lists:
    pending: list[reached.PendingItem]
    refused: list[reached.Refused]
    log: list
    hub_url: str


def read_lists(desk: Desk) -> Lists:
    hub = sync_state.parent(desk.db)
    return Lists(
        reached.pending_items(desk),
        reached.refused_records(desk),
        [dict(r) for r in sync_state.recent_log(desk.db, 30)],
        (hub.url or "") if hub else "",
    )


class SyncPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sync_page")
        self.session = session
        self.runner = runner_for(session)
        # Where files are chosen: replaced in tests, a file dialog for people.
        self.ask_folder = self._ask_folder
        self.ask_open = self._ask_open
        self.ask_save = self._ask_save
        self._build()
        self.runner.stateChanged.connect(self.show_state)
        self.runner.start()
        session.changed.connect(self._data_changed)  # a method: the session outlives the page
        self.show_state(self.runner.state)
        self.reload()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._top())
        layout.addWidget(self._facts_box())
        layout.addWidget(self._problem_box())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        self.tabs.addTab(self._pending_tab(), self.tr("待上报"))
        self.tabs.addTab(self._refused_tab(), self.tr("被拒收的记录"))
        self.tabs.addTab(self._usb_tab(), self.tr("U盘同步"))
        self.tabs.addTab(self._enrol_tab(), self.tr("登记与网址"))
        self.tabs.addTab(self._log_tab(), self.tr("同步记录"))
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.sync_button)

    def _top(self) -> QHBoxLayout:
        self.headline = QLabel()
        self.headline.setObjectName("sync_headline")
        self.headline.setFont(scaled_font(1.4, bold=True))
        self.headline.setWordWrap(True)  # English in large print is wider than a 1366 screen's page
        self.sync_button = QPushButton(self.tr("立即同步(&S)"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(self.runner.sync_now)
        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(220)
        self.progress.hide()
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.progress)
        top.addWidget(self.sync_button)
        return top

    def _facts_box(self) -> QFrame:
        box = QFrame()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)  # five short facts read as one block; large print needs the height
        self.facts = {}
        rows = (
            ("hub", self.tr("上级同步中心")),
            ("last_success", self.tr("上次成功")),
            ("last_attempt", self.tr("上次尝试")),
            ("waiting", self.tr("待上报")),
            ("clock", self.tr("本机时钟")),
        )
        for row, (key, caption) in enumerate(rows):
            name = QLabel(caption)
            name.setStyleSheet("color: #555;")
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
            self.facts[key] = value
        grid.setColumnStretch(1, 1)
        return box

    def _problem_box(self) -> QFrame:
        self.problem = QFrame()
        self.problem.setObjectName("sync_problem")
        self.problem.setStyleSheet("#sync_problem { background: #fde0dc; border-radius: 4px; }")
        column = QVBoxLayout(self.problem)
        self.problem_title = QLabel()
        self.problem_title.setObjectName("problem_title")
        self.problem_title.setFont(scaled_font(1.15, bold=True))
        self.problem_title.setStyleSheet("color: #8b1a10;")
        self.problem_message = QLabel()
        self.problem_message.setObjectName("problem_message")
        self.problem_todo = QLabel()
        self.problem_todo.setObjectName("problem_todo")
        for label in (self.problem_title, self.problem_message, self.problem_todo):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(label)
        self.problem.hide()
        return self.problem

    def _pending_tab(self) -> QWidget:
        self.pending_table = make_table(
            "pending_table",
            [self.tr("类别"), self.tr("内容"), self.tr("本机办理的"), self.tr("条数"), self.tr("最近")],
            stretch=1,
        )
        return _column(
            _note(self.tr("这些记录已保存在本机，还没有送到镇中心；下次同步时会自动送上去。")), self.pending_table
        )

    def _refused_tab(self) -> QWidget:
        self.refused_table = make_table(
            "refused_table", [self.tr("记录"), self.tr("镇中心拒收的原因"), self.tr("时间")], stretch=1
        )
        self.resend_button = QPushButton(self.tr("原因已排除，重新发送选中的(&R)"))
        self.resend_button.setObjectName("resend")
        self.resend_button.clicked.connect(self.resend_selected)
        self.set_aside_button = QPushButton(self.tr("已另行处理，不再提示"))
        self.set_aside_button.setObjectName("set_aside")
        self.set_aside_button.clicked.connect(self.set_aside_selected)
        self.refused_result = ResultBox("refused_result")
        buttons = QHBoxLayout()
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.set_aside_button)
        buttons.addStretch(1)
        return _column(
            _note(
                self.tr("被拒收的记录仍在本机，但镇中心没有采用。请按原因与镇中心核对；问题解决后选中记录重新发送。")
            ),
            self.refused_table,
            buttons,
            self.refused_result,
        )

    def _usb_tab(self) -> QWidget:
        self.export_button = QPushButton(self.tr("导出到U盘(&E)…"))
        self.export_button.setObjectName("usb_export")
        self.export_button.clicked.connect(lambda: self._chosen(self.ask_folder(), self.export_to))
        self.import_button = QPushButton(self.tr("导入镇中心的回执文件(&I)…"))
        self.import_button.setObjectName("usb_import")
        self.import_button.clicked.connect(lambda: self._chosen(self.ask_open(), self.import_reply))
        self.usb_result = ResultBox("usb_result")
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        return _column(
            _note(
                self.tr(
                    "没有网络时：① 把待上报的记录导出到U盘；② 带到镇中心，在“站点”页面导入，镇中心会写出一份回执文件；"
                    "③ 把回执文件带回来，在这里导入，镇中心的办理情况就到了本机。"
                )
            ),
            buttons,
            self.usb_result,
        )

    def _enrol_tab(self) -> QWidget:
        self.enrol_state = QLabel()
        self.enrol_state.setObjectName("enrol_state")
        self.enrol_state.setWordWrap(True)
        self.request_button = QPushButton(self.tr("① 生成登记申请文件(&Q)…"))
        self.request_button.setObjectName("enrol_request")
        self.request_button.clicked.connect(lambda: self._chosen(self.ask_save(), self.write_request))
        self.answer_button = QPushButton(self.tr("② 导入镇中心的登记答复(&A)…"))
        self.answer_button.setObjectName("enrol_answer")
        self.answer_button.clicked.connect(lambda: self._chosen(self.ask_open(), self.load_answer))
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("hub_url")
        self.url_edit.setPlaceholderText(self.tr("镇中心的网址，如 http://192.168.1.10:8765"))
        self.url_button = QPushButton(self.tr("保存网址"))
        self.url_button.setObjectName("save_url")
        self.url_button.clicked.connect(self.save_url)
        self.enrol_result = ResultBox("enrol_result")
        steps = QHBoxLayout()
        steps.addWidget(self.request_button)
        steps.addWidget(self.answer_button)
        steps.addStretch(1)
        url_row = QHBoxLayout()
        url_row.addWidget(QLabel(self.tr("镇中心网址")))
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.url_button)
        return _column(self.enrol_state, steps, url_row, self.enrol_result)

    def _log_tab(self) -> QWidget:
        self.log_table = make_table(
            "log_table", [self.tr("开始"), self.tr("方式"), self.tr("结果"), self.tr("说明")], stretch=3
        )
        return _column(self.log_table)

    # --- showing ------------------------------------------------------------------------

    def show_state(self, state: RunnerState) -> None:
        text, _colour = status_text(state)
        self.headline.setText(text)
        self.sync_button.setEnabled(not state.running)
        self.progress.setVisible(state.running)
        if state.running:
            self.progress.setRange(0, max(1, state.total))
            self.progress.setValue(state.sent)
            self.progress.setFormat(self.tr("已发送 {0} / {1}").format(state.sent, state.total))
        self._show_facts(state)
        self._show_problem(state)

    def _show_facts(self, state: RunnerState) -> None:
        never = self.tr("还没有成功过")
        if state.enrolled:
            no_url = self.tr("未填网址，只能用U盘同步")
            hub = self.tr("{0}（{1}）").format(state.hub_name, state.hub_url or no_url)
        else:
            hub = self.tr("还没有登记（见“登记与网址”）")
        if not state.enrolled:
            waiting = self.tr("登记之前，办件只保存在本机")
        elif state.waiting_records == 0 and state.rejected:
            waiting = self.tr("没有待发送的；另有 {0} 条记录被拒收或留存待核查，不算已上报（见下方说明）").format(
                state.rejected
            )
        elif state.waiting_records == 0:
            waiting = self.tr("没有，全部已上报")
        else:
            waiting = self.tr("{0} 件办件，共 {1} 条记录").format(state.waiting_cases, state.waiting_records)
        self.facts["hub"].setText(hub)
        self.facts["last_success"].setText(show(state.last_success) or never)
        self.facts["last_attempt"].setText(show(state.last_attempt) or self.tr("还没有同步过"))
        self.facts["waiting"].setText(waiting)
        warning = clock_warning(state.clock_drift)
        self.facts["clock"].setText(words(warning) if warning else self.tr("与镇中心一致"))

    def _show_problem(self, state: RunnerState) -> None:
        problem = state.problem
        self.problem.setVisible(problem is not None and not state.running)
        if problem is None:
            return
        self.problem_title.setText(words(problem.title))
        self.problem_message.setText(words(problem.said) if problem.said else problem.message)
        todo = self.tr("怎么办：{0}").format(words(problem.todo_said) if problem.todo_said else problem.todo)
        if state.retry_in_ms is not None:
            seconds = max(1, round(state.retry_in_ms / 1000))
            todo += (
                self.tr("。{0} 秒后自动再试").format(seconds)
                if seconds < 120
                else self.tr("。{0} 分钟后自动再试").format(round(seconds / 60))
            )
        self.problem_todo.setText(todo)

    def _data_changed(self, _changes) -> None:
        self.reload()

    def reload(self) -> None:
        self.session.run(read_lists, alive(self, self._show_lists), alive(self, self._lists_failed))

    def _show_lists(self, lists: Lists) -> None:
        fill_table(
            self.pending_table,
            [
                ((i.stream, i.stream_id), [i.what, i.title, "、".join(i.changes), str(i.records), show(i.latest)])
                for i in lists.pending
            ],
        )
        fill_table(self.refused_table, [(r.event_id, [r.what, r.reason, show(r.reported_at)]) for r in lists.refused])
        self.tabs.setTabText(
            1, self.tr("被拒收的记录（{0}）").format(len(lists.refused)) if lists.refused else self.tr("被拒收的记录")
        )
        fill_table(
            self.log_table,
            [
                (
                    row["id"],
                    [
                        show(row["started_at"]),
                        self._transport(row["transport"]),
                        self._outcome(row),
                        row["error"] or row["summary"] or "",
                    ],
                )
                for row in lists.log
            ],
        )
        if not self.url_edit.hasFocus():
            self.url_edit.setText(lists.hub_url)
        enrolled = self.runner.state.enrolled
        self.enrol_state.setText(
            self.tr("本机已登记到“{0}”。如换了电脑或重装，请重新办理登记。").format(self.runner.state.hub_name)
            if enrolled
            else self.tr("本机还没有登记到镇中心。第①步生成申请文件，拷给镇中心办理；第②步导入镇中心给的答复文件。")
        )

    def _transport(self, transport: str) -> str:
        return {"http": self.tr("联网"), "file": self.tr("U盘文件")}.get(transport, transport)

    def _outcome(self, row: dict) -> str:
        if row["finished_at"] is None:
            return self.tr("未完成")
        return self.tr("成功") if row["ok"] else self.tr("失败")

    def _lists_failed(self, error: BaseException) -> None:
        self.refused_result.show_failure(explain(error))

    # --- refused records ----------------------------------------------------------------

    def resend_selected(self) -> None:
        chosen = selected_keys(self.refused_table)
        if not chosen:
            self.refused_result.show_failure(self.tr("请先在上面的表里选中要重新发送的记录"))
            return
        self.resend_button.setEnabled(False)
        self.session.run(
            lambda desk: resend.resend(desk, chosen), alive(self, self._resent), alive(self, self._resend_failed)
        )

    def _resent(self, result: resend.Resent) -> None:
        self.resend_button.setEnabled(True)
        lines = [self.tr("镇中心已收下 {0} 条。").format(len(result.accepted))]
        lines += [self.tr("仍被拒收：{0}").format(r["reason"]) for r in result.still_refused]
        self.refused_result.show_lines(lines)
        self.runner.refresh()

    def _resend_failed(self, error: BaseException) -> None:
        self.resend_button.setEnabled(True)
        self.refused_result.show_failure(explain(error))

    def set_aside_selected(self) -> None:
        chosen = selected_keys(self.refused_table)
        if chosen:
            self.session.run(
                lambda desk: resend.set_aside(desk, chosen),
                alive(
                    self,
                    lambda _r: self.refused_result.show_lines(
                        [self.tr("已不再提示 {0} 条记录（记录本身仍保存在本机）。").format(len(chosen))]
                    ),
                ),
                alive(self, self._resend_failed),
            )

    # --- USB ----------------------------------------------------------------------------

    def export_to(self, folder: Path) -> None:
        self._file_step(lambda desk: station_link.export_to_folder(desk, folder), self.usb_result)

    def import_reply(self, path: Path) -> None:
        self._file_step(lambda desk: station_link.import_from_file(desk, path), self.usb_result)

    # --- enrolment ----------------------------------------------------------------------

    def write_request(self, path: Path) -> None:
        def done(request: station_link.EnrolRequest) -> list[str]:
            return [
                self.tr("登记申请已写到 {0}").format(request.path),
                self.tr("本机密钥指纹：{0}（镇中心办理时可电话核对）").format(request.fingerprint),
                self.tr("请把这个文件拷给镇中心；镇中心办理后会给一个答复文件，再在这里导入。"),
            ]

        self._file_step(lambda desk: station_link.write_enrol_request(desk, path), self.enrol_result, words=done)

    def load_answer(self, path: Path) -> None:
        url = self.url_edit.text()

        def done(hub) -> list[str]:
            self.runner.refresh(then=self.runner.sync_now if hub.url else None)
            return [
                self.tr("已登记到“{0}”（{1}）。").format(hub.unit_name, hub.unit_code),
                self.tr("同步中心网址：{0}").format(hub.url)
                if hub.url
                else self.tr("还不知道镇中心的网址：请填写网址，或用U盘同步。"),
            ]

        self._file_step(lambda desk: station_link.accept_enrol_answer(desk, path, url), self.enrol_result, words=done)

    def save_url(self) -> None:
        text = self.url_edit.text()

        def done(url: str) -> list[str]:
            self.runner.refresh(then=self.runner.sync_now)
            return [self.tr("已保存镇中心网址：{0}，正在试着同步。").format(url)]

        self._file_step(lambda desk: station_link.set_hub_url(desk, text), self.enrol_result, words=done)

    # --- choosing files -----------------------------------------------------------------

    def _file_step(self, work, box: ResultBox, words=None) -> None:
        box.show_lines([self.tr("正在处理…")])
        self.session.run(
            work,
            alive(self, lambda result: box.show_lines(words(result) if words else result)),
            alive(self, lambda error: box.show_failure(explain(error))),
        )

    def _chosen(self, path: Path | None, then) -> None:
        if path is not None:
            then(path)

    def _ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择U盘或文件夹"), _documents())
        return Path(chosen) if chosen else None

    def _ask_open(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择文件"), _documents(), self.tr("同步或登记文件 (*.hdsync *.json);;所有文件 (*)")
        )
        return Path(chosen) if chosen else None

    def _ask_save(self) -> Path | None:
        suggested = str(Path(_documents()) / f"{self.session.desk.installation.unit_code}-登记申请.json")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存登记申请文件"), suggested, self.tr("登记文件 (*.json)")
        )
        return Path(chosen) if chosen else None


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _column(*parts) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    for part in parts:
        if isinstance(part, QWidget):
            layout.addWidget(part, 1 if hasattr(part, "rowCount") else 0)
        else:
            layout.addLayout(part)
    return page


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label
