"""Logging in: the domain checks the password; a refusal says why and lets nothing through."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.login import LoginDialog
from ui.worker import DbWorker


def _login(qtbot, desk) -> LoginDialog:
    worker = DbWorker()
    dialog = LoginDialog(desk, worker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), password)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)


def test_wrong_password_is_refused_with_the_reason(qtbot, desk):
    dialog = _login(qtbot, desk)
    _type(qtbot, dialog, "admin", "not-the-password")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "登录名或密码不对" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.user is None
    assert dialog.password.text() == ""  # cleared for the next try
    assert dialog.buttons.isEnabled()


def test_unknown_user_is_refused_the_same_way(qtbot, desk):
    dialog = _login(qtbot, desk)
    _type(qtbot, dialog, "nobody", "secret-pw")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "登录名或密码不对" in dialog.error.text()
    assert dialog.user is None


def test_right_password_logs_in_and_shows_the_role(qtbot, desk):
    dialog = _login(qtbot, desk)
    with qtbot.waitSignal(dialog.accepted):
        _type(qtbot, dialog, "admin", "secret-pw")
    assert dialog.user.username == "admin" and dialog.user.role == "admin"
    assert "管理员" in dialog.role_label.text()


def test_empty_user_name_asks_for_one(qtbot, desk):
    dialog = _login(qtbot, desk)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert "请填写登录名" in dialog.error.text()
    assert dialog.user is None


def test_the_refusal_is_shown_whole_not_cut_off(qtbot, desk):
    from tests.ui.helpers import clipped_texts

    dialog = _login(qtbot, desk)
    _type(qtbot, dialog, "admin", "not-the-password")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    qtbot.waitUntil(lambda: not clipped_texts(dialog))
    assert dialog.error.heightForWidth(dialog.error.width()) <= dialog.error.height()


def test_after_login_the_main_window_has_the_keyboard(qtbot, desk):
    from haian_desk.people import users
    from tests.ui.helpers import wait_idle
    from ui.app import App

    app = App(desk.folder)
    app.desk = desk
    app._open_session(users.get(desk, "admin"))
    qtbot.addWidget(app.window)
    qtbot.waitUntil(app.window.isActiveWindow)
    qtbot.waitUntil(lambda: app.window.focusWidget() is not None)
    wait_idle(qtbot, app.session)
    app.worker.shutdown()
