"""What the station sees when the program hits an error nobody planned for.

``install(app)`` makes every unhandled exception — in a slot, in the database
worker's callbacks, in a background thread — go to the log with its traceback
and to a dialog in plain Chinese: what happened, that nothing saved was lost
(every operation is one transaction: it committed whole or not at all), where
the log is, and a button that copies the details for whoever supports the
station. The event loop keeps running, so the clerk carries on.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback

from PySide6.QtCore import QObject, Qt, QThread, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from haian_desk import __version__
from haian_desk.core import logs
from haian_desk.core.timeutil import local, now_utc
from haian_desk.storage.db import is_damage

log = logging.getLogger(__name__)


def details_text(kind, error, trace, thread_name: str) -> str:
    """Everything support needs in one paste: version, system, log file, traceback."""
    frozen = "安装版" if getattr(sys, "frozen", False) else "源码运行"
    lines = [
        f"海安群众事务代理工作台 {__version__}（{frozen}）",
        f"时间：{local(now_utc()):%Y-%m-%d %H:%M:%S}（北京时间）",
        f"系统：{platform.platform()}；Python {platform.python_version()}；Qt {qVersion()}",
        f"日志：{logs.current_file() or '未启用'}",
        f"线程：{thread_name}",
        "",
    ]
    # Masked like the log: this text is copied and pasted to whoever supports the station.
    return logs.redact("\n".join(lines) + "".join(traceback.format_exception(kind, error, trace)))


class CrashDialog(QDialog):
    """The one dialog for unexpected errors; repeats of an error update it instead of stacking."""

    def __init__(self, summary: str, details: str, damaged: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("程序出错了"))
        self.setWindowModality(Qt.WindowModality.NonModal)  # the clerk can go on working behind it
        self.repeats = 0
        self._build(summary, damaged)
        self.show_details(details)

    def _build(self, summary: str, damaged: bool) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._headline())
        self.message = QLabel(self._message(summary, damaged), self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.repeat_note = QLabel(self)
        self.repeat_note.hide()
        layout.addWidget(self.repeat_note)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.hide()
        layout.addWidget(self.details)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(560)

    def _headline(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        title = QLabel(self.tr("刚才的操作没有完成"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        row.addWidget(icon)
        row.addWidget(title, 1)
        return row

    def _message(self, summary: str, damaged: bool) -> str:
        where = logs.current_file()
        parts = [
            self.tr("程序遇到了一个意外错误：{0}").format(summary),
            self.tr(
                "已经保存的数据没有丢失：每一笔登记和办理，要么完整保存，要么完全没有保存。"
                "出错的这一步如果没有完成，请重做一遍。"
            ),
            self.tr("详细情况已写入日志文件：{0}").format(where) if where else self.tr("本次运行没有启用日志文件。"),
        ]
        if damaged:
            parts.append(
                self.tr(
                    "数据库文件已损坏。请关闭程序后重新打开，按提示用最新的完好备份恢复；"
                    "也可以运行 haian-desk restore --latest。"
                )
            )
        else:
            parts.append(self.tr("可以继续使用。如果反复出现，请点“复制详细信息”，粘贴发给技术支持。"))
        return "\n\n".join(parts)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("复制详细信息"), self)
        self.copy_button.clicked.connect(self.copy_details)
        self.toggle_button = QPushButton(self.tr("显示详细信息"), self)
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self._toggle_details)
        self.copied_note = QLabel(self)
        self.close_button = QPushButton(self.tr("继续使用"), self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        for widget in (self.copy_button, self.toggle_button, self.copied_note):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle_button.setText(self.tr("隐藏详细信息") if shown else self.tr("显示详细信息"))

    def show_details(self, details: str) -> None:
        self.details.setPlainText(details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copied_note.setText(self.tr("已复制"))

    def count_repeat(self, details: str) -> None:
        self.repeats += 1
        self.repeat_note.setText(self.tr("这个错误又出现了 {0} 次。").format(self.repeats))
        self.repeat_note.show()
        self.show_details(details)


class CrashReporter(QObject):
    """Receives unhandled exceptions from any thread and reports them on the GUI thread."""

    _from_other_thread = Signal(object, object, object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._reporting = False
        self._program_ending = False
        self._from_other_thread.connect(self.report)

    def excepthook(self, kind, error, trace) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        name = threading.current_thread().name
        log.critical("unhandled error (thread %s)", name, exc_info=(kind, error, trace))
        # Called by the interpreter itself (nothing below us on the stack), the
        # program is ending: the dialog must wait for the clerk or it is never seen.
        self._program_ending = sys._getframe().f_back is None
        if QThread.currentThread() is self.thread():
            self.report(kind, error, trace, name)
        else:
            self._from_other_thread.emit(kind, error, trace, name)

    def thread_hook(self, hook_args) -> None:
        """threading.excepthook: a background thread died; tell the GUI thread."""
        self.excepthook(hook_args.exc_type, hook_args.exc_value, hook_args.exc_traceback)

    def report(self, kind, error, trace, thread_name: str) -> None:
        if self._reporting:  # an error while showing the dialog: the log has it, stop there
            return
        self._reporting = True
        try:
            self._show(kind, error, trace, thread_name)
        except Exception:
            log.exception("could not show the error dialog")
        finally:
            self._reporting = False

    def _show(self, kind, error, trace, thread_name: str) -> None:
        if QApplication.instance() is None:  # after the app has gone a widget would abort the process
            return
        details = details_text(kind, error, trace, thread_name)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.count_repeat(details)
            return
        summary = logs.redact(f"{kind.__name__}：{error}" if str(error) else kind.__name__)
        self.dialog = CrashDialog(summary, details, damaged=is_damage(error), parent=QApplication.activeWindow())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        if self._program_ending:
            self.dialog.exec()
        else:
            self.dialog.show()
            self.dialog.raise_()

    def _forget_dialog(self) -> None:
        self.dialog = None


def install(app: QApplication) -> CrashReporter:
    """Route unhandled exceptions of this run to the log and the error dialog."""
    reporter = app.findChild(CrashReporter)
    if reporter is None:
        reporter = CrashReporter(app)
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_hook
    return reporter
