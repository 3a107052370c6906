"""Printing from the work screens: the receipt in one key press after intake, and the
打印/补打 menu of a case's detail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox

from haian_desk.cases.operations import act
from haian_desk.documents import prints
from tests.ui.helpers import wait_idle
from tests.ui.workscreens import press, show_active, type_here
from ui.cases.detail import CaseDetailDialog
from ui.intake.page import IntakePage
from ui.printing import actions


@pytest.fixture
def pdf_here(tmp_path, monkeypatch):
    """Where a PDF goes when the clerk would pick a file (the file dialog is the OS's, not ours)."""
    target = tmp_path / "回执.pdf"
    monkeypatch.setattr(actions, "_ask_pdf_path", lambda _parent, _doc: target)
    return target


def top_level(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def register_with_keyboard(qtbot, session) -> IntakePage:
    page = IntakePage(session)
    page.resize(1200, 800)
    show_active(qtbot, page)
    wait_idle(qtbot, session)
    page.setFocus()
    type_here(qtbot, "zhangsan")
    qtbot.waitUntil(lambda: page.villager_lookup.match_count() > 0)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "反映3组路灯不亮")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.result_banner.isVisible)
    return page


def test_after_intake_one_key_prints_the_receipt(qtbot, clerk_session, pdf_here):
    page = register_with_keyboard(qtbot, clerk_session)
    desk = clerk_session.desk
    case_id = desk.db.scalar("SELECT id FROM cases")
    assert page.receipt_buttons.print_button.isVisible()
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # the one key
    # This machine has no printer (like many station PCs): the clerk is offered a PDF instead.
    qtbot.waitUntil(lambda: bool(top_level(QMessageBox)))
    top_level(QMessageBox)[0].button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: prints.copies_printed(desk, case_id, "receipt") == 1, timeout=10_000)
    qtbot.waitUntil(lambda: "已打印受理回执" in page.receipt_buttons.status.text())
    assert pdf_here.exists()


def test_after_intake_another_key_previews_the_receipt(qtbot, clerk_session):
    page = register_with_keyboard(qtbot, clerk_session)
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(top_level(QPrintPreviewDialog)), timeout=10_000)
    preview = top_level(QPrintPreviewDialog)[0]
    assert page.case_number.text() in preview.windowTitle()
    preview.close()


def test_case_detail_offers_the_papers_the_case_can_have(qtbot, clerk_session, case_maker, pdf_here):
    desk = clerk_session.desk
    case_id = case_maker(accept=False)
    act(desk, "clerk", case_id, "materials_missing", missing=["户口簿原件"])
    dialog = CaseDetailDialog(clerk_session, case_id)
    show_active(qtbot, dialog)
    menu_button = dialog.print_menu
    qtbot.waitUntil(menu_button.isEnabled)
    titles = [a.text() for a in menu_button.menu().actions() if a.menu()]
    assert titles[:2] == ["受理回执", "补正材料一次性告知单"] and menu_button.text() == "打印（Ctrl+P）"
    missing_menu = menu_button.menu().actions()[1].menu()
    save = next(a for a in missing_menu.actions() if a.text() == "另存为PDF…")
    save.trigger()
    qtbot.waitUntil(lambda: prints.copies_printed(desk, case_id, "missing") == 1, timeout=10_000)
    assert pdf_here.exists()
    # the detail reads the case again: the copy is on the timeline, and the next one is a reprint
    qtbot.waitUntil(lambda: menu_button.text() == "打印/补打（Ctrl+P）", timeout=10_000)
    texts = [a.text() for a in menu_button.menu().actions() if a.menu()]
    assert "补正材料一次性告知单（已打印1份）" in texts
    again = menu_button.menu().actions()[1].menu().actions()[0]
    assert again.text() == "补打"
    timeline = [dialog.timeline.item(r, 2).text() for r in range(dialog.timeline.rowCount())]
    assert "打印" in timeline
    wait_idle(qtbot, clerk_session)
