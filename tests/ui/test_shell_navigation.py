"""The main window: every screen reachable by its shortcut, shown in menus and tooltips."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from tests.ui.helpers import wait_idle
from ui.main_window import SCREENS, MainWindow, Placeholder, Screen, make_page


def press(qtbot, widget, shortcut: str) -> None:
    """Type a shortcut such as F3 or Ctrl+F7 as real key presses."""
    combo = QKeySequence(shortcut)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


@pytest.fixture
def window(qtbot, admin_session):
    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    wait_idle(qtbot, admin_session)


def test_the_window_opens_on_intake_and_names_the_station(window):
    assert window.current_key() == "intake"
    assert "曲塘镇双楼村代理站" in window.windowTitle()


@pytest.mark.parametrize("screen", SCREENS, ids=[s.key for s in SCREENS])
def test_each_screen_has_a_function_key(qtbot, window, screen):
    other = "settings" if screen.key != "settings" else "intake"
    window.show_screen(other)
    press(qtbot, window.focusWidget() or window, screen.shortcut)
    assert window.current_key() == screen.key
    assert window.stack.currentWidget() is window.pages[screen.key]
    assert window.nav.currentItem().text().startswith(screen.label())


def test_shortcuts_are_shown_in_the_menu_and_tooltips(window):
    for screen in SCREENS:
        action = window.screen_actions[screen.key]
        assert action.shortcut() == QKeySequence(screen.shortcut)
        assert screen.shortcut in action.toolTip()
    for row, screen in enumerate(SCREENS):
        assert screen.shortcut in window.nav.item(row).toolTip()
        assert screen.shortcut in window.nav.item(row).text()


def test_a_screen_still_being_built_shows_a_placeholder(admin_session):
    future = Screen("future", "将来的功能", "F9", "ui.not_built_yet.page", "FuturePage")
    page = make_page(future, admin_session)
    assert isinstance(page, Placeholder)
    assert "将来的功能" in page.text()


def test_a_broken_screen_module_is_not_hidden_behind_a_placeholder(admin_session, monkeypatch):
    import importlib

    def broken(name):
        raise ModuleNotFoundError("No module named 'nonexistent_dependency'", name="nonexistent_dependency")

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        make_page(SCREENS[0], admin_session)


def test_the_user_and_role_are_always_in_the_status_bar(window):
    assert "admin" in window.user_label.whole_text() and "管理员" in window.user_label.whole_text()
