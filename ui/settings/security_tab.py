"""Keeping the station's data to its own people: the idle lock time and the audit trail.

The idle lock time is a station setting (``haian_desk.station_settings``): an
admin types it in minutes, the domain checks it and records the change like
any setting. The audit trail (``haian_desk.audit.trail``) is read-only and
shown only to those who answer for the station (the station head, admins):
who changed logins, roles, passwords or settings, and who was shown a
villager's full numbers, with the villager's name masked.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haian_desk import station_settings
from haian_desk.core.timeutil import show
from haian_desk.events import audit
from haian_desk.people import permissions
from haian_desk.station_settings import StationSettings
from ui.session import SETTINGS, Session
from ui.widgets.feedback import ErrorLabel, alive, words


class SecurityTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.audit_table: QTableWidget | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._lock_box())
        if permissions.may(session.user.role, "audit.read"):
            layout.addWidget(self._audit_box(), 1)
        else:
            layout.addStretch(1)
        session.run(station_settings.load, alive(self, self.show_settings))

        def reload_on_settings(kinds) -> None:
            if SETTINGS in kinds:
                self.reload_trail()

        session.changed.connect(alive(self, reload_on_settings))
        self.reload_trail()

    # -- the idle lock --------------------------------------------------------------------------

    def _lock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("自动锁定"))
        self.minutes = QLineEdit()
        self.minutes.setObjectName("idle_lock_minutes")
        self.minutes.setMaxLength(12)
        self.minutes.returnPressed.connect(self.save_lock)
        self.save_button = QPushButton(self.tr("保存锁定时间(&L)"))
        self.save_button.setObjectName("save_idle_lock")
        self.save_button.clicked.connect(self.save_lock)
        self.lock_error = ErrorLabel()
        self.lock_message = QLabel()
        self.lock_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.minutes)
        row.addWidget(QLabel(self.tr("分钟")))
        row.addWidget(self.save_button)
        row.addStretch(1)
        form = QFormLayout(box)
        caption = QLabel(self.tr("无人操作多久后锁定(&M)"))
        caption.setBuddy(self.minutes)
        form.addRow(caption, row)
        note = QLabel(
            self.tr(
                "到时间后工作台的窗口全部隐藏，要输入本人密码才能继续；一般设10分钟，人来人往的办公室可以设得更短。"
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.lock_error)
        form.addRow(self.lock_message)
        if self.session.user.role != "admin":
            self.minutes.setEnabled(False)
            self.save_button.setEnabled(False)
            self.lock_message.setText(self.tr("只有管理员可以修改锁定时间。"))
        return box

    def show_settings(self, settings: StationSettings) -> None:
        seconds = settings.idle_lock_seconds
        self.minutes.setText(str(seconds // 60) if seconds % 60 == 0 else f"{seconds / 60:.1f}")

    def save_lock(self) -> None:
        typed, actor = self.minutes.text(), self.session.user.username
        self.save_button.setEnabled(False)
        self.session.run(
            lambda desk: station_settings.save_idle_lock(desk, actor, typed),
            alive(self, self._saved),
            alive(self, self._refused),
        )

    def _saved(self, settings: StationSettings) -> None:
        self.save_button.setEnabled(True)
        self.lock_error.clear_error()
        self.show_settings(settings)
        self.lock_message.setText(self.tr("已保存：无人操作 {0} 分钟后锁定。").format(self.minutes.text()))

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.lock_message.clear()
        self.lock_error.show_error(error)  # what was typed stays, to be corrected
        self.minutes.setFocus()
        self.minutes.selectAll()

    # -- the audit trail --------------------------------------------------------------------------

    def _audit_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("审计记录（只读）"))
        table = QTableWidget(0, 4)
        table.setObjectName("audit_table")
        table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作人"), self.tr("类别"), self.tr("内容")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(True)
        self.audit_table = table
        self.audit_error = ErrorLabel()
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.clicked.connect(self.reload_trail)
        self.refresh_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        note = QLabel(
            self.tr(
                "谁在何时添加、停用账号，改角色、改密码，改本站设置，"
                "以及谁因何显示了群众的完整号码。记录不能修改或删除，同步时一并上报镇代理中心。"
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(note)
        layout.addWidget(table, 1)
        layout.addWidget(self.audit_error)
        layout.addWidget(self.refresh_button)
        return box

    def reload_trail(self) -> None:
        if self.audit_table is None:
            return
        actor = self.session.user.username
        self.session.run(
            lambda desk: audit.trail(desk, actor),
            alive(self, self.show_trail),
            alive(self, self.audit_error.show_error),
        )

    def show_trail(self, lines: list[dict]) -> None:
        table = self.audit_table
        assert table is not None  # only reload_trail asks for the trail, and only with the table made
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((show(line["at"]), line["actor"], words(line["kind"]), words(line["what"]))):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeRowsToContents()
        self.audit_error.clear_error()
