"""An unexpected error shows a Chinese dialog, lands in the log, and the app keeps running."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from haian_desk.core import logs
from ui import crash

pytestmark = pytest.mark.qt_no_exception_capture  # the hook under test must see the exceptions


@pytest.fixture
def reporter(ui_app, tmp_path):
    """The crash hook installed, logging to a file in tmp_path; everything put back afterwards."""
    hooks = sys.excepthook, threading.excepthook
    root = logging.getLogger()
    level = root.level
    logs.configure(tmp_path / "logs")
    installed = crash.install(ui_app)
    yield installed
    if installed.dialog is not None:
        installed.dialog.close()
    sys.excepthook, threading.excepthook = hooks
    root.removeHandler(logs._handler)
    logs._handler.close()
    logs._handler = None
    root.setLevel(level)


class Counter(QWidget):
    """A window with a button whose slot fails, and one that works."""

    def __init__(self, failure: BaseException):
        super().__init__()
        self.failure = failure
        self.broken = QPushButton("打印回执")
        self.broken.clicked.connect(self.print_receipt)
        self.field = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.broken)
        layout.addWidget(self.field)

    def print_receipt(self):
        raise self.failure


def _crash_dialog():
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog" and w.isVisible()]
    return found[0] if found else None


def _click_broken(qtbot, failure):
    window = Counter(failure)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.broken, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _crash_dialog() is not None)
    return window, _crash_dialog()


def test_an_exception_in_a_slot_shows_the_dialog_and_the_app_keeps_running(qtbot, reporter, tmp_path):
    window, dialog = _click_broken(qtbot, RuntimeError("打印机没有响应"))

    text = dialog.message.text()
    assert "打印机没有响应" in text
    assert "已经保存的数据没有丢失" in text
    assert str(tmp_path / "logs" / logs.LOG_FILENAME) in text
    assert "可以继续使用" in text

    logged = (tmp_path / "logs" / logs.LOG_FILENAME).read_text(encoding="utf-8")
    assert "Traceback" in logged and "print_receipt" in logged and "打印机没有响应" in logged

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _crash_dialog() is None)
    assert window.isVisible()
    qtbot.keyClicks(window.field, "13812345678")  # still answering the keyboard
    assert window.field.text() == "13812345678"


def test_the_copy_button_puts_the_traceback_on_the_clipboard(qtbot, reporter):
    _, dialog = _click_broken(qtbot, ValueError("编号格式不对"))
    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "print_receipt" in copied and "ValueError: 编号格式不对" in copied
    assert "海安群众事务代理工作台" in copied
    assert "已复制" in dialog.copied_note.text()


def test_the_same_error_again_updates_one_dialog_instead_of_stacking(qtbot, reporter):
    window, dialog = _click_broken(qtbot, RuntimeError("又错了"))
    qtbot.mouseClick(window.broken, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.repeat_note.isVisible())
    assert "1 次" in dialog.repeat_note.text()
    assert len([w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog" and w.isVisible()]) == 1


def test_an_error_in_a_background_thread_reaches_the_dialog(qtbot, reporter):
    def sync_in_background():
        raise ConnectionError("镇中心服务器没有回应")

    worker = threading.Thread(target=sync_in_background, name="sync")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: _crash_dialog() is not None)
    dialog = _crash_dialog()
    assert "镇中心服务器没有回应" in dialog.message.text()
    assert "线程：sync" in dialog.details.toPlainText()


def test_a_damaged_database_says_how_to_get_the_backup_back(qtbot, reporter):
    _, dialog = _click_broken(qtbot, sqlite3.DatabaseError("database disk image is malformed"))
    assert "数据库文件已损坏" in dialog.message.text()
    assert "restore --latest" in dialog.message.text()


STARTUP_FAILURE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import crash

app = QApplication(sys.argv[:1])
crash.install(app)

def read_and_close():
    dialog = app.findChild(crash.CrashReporter).dialog
    print("DIALOG:", dialog.message.text().splitlines()[0], flush=True)
    dialog.accept()

QTimer.singleShot(0, read_and_close)
raise RuntimeError("打开数据库时出错")
"""


def test_an_error_before_the_event_loop_waits_for_the_clerk_to_read_it(tmp_path):
    """Raised while starting (no event loop yet), the dialog is shown modally, not lost at exit."""
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_FAILURE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "DIALOG: 程序遇到了一个意外错误：RuntimeError：打开数据库时出错" in result.stdout
    assert result.returncode == 1
