"""A half-typed intake survives the program going away, and is offered back next time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from haian_desk.cases import drafts
from haian_desk.desk import Desk
from haian_desk.people import users
from tests.ui.helpers import wait_idle
from tests.ui.workscreens import press, show_active, type_here
from ui.intake.page import IntakePage
from ui.session import Session


def open_page(qtbot, session, destroyed_by_test: bool = False) -> IntakePage:
    page = IntakePage(session)
    page.resize(1200, 800)
    show_active(qtbot, page, owned_by_test=not destroyed_by_test)
    page.setFocus()
    return page


def saved_draft(desk) -> dict | None:
    draft = drafts.load(desk, "clerk", drafts.INTAKE)
    return draft.body if draft else None


def type_half_an_errand(qtbot, page) -> None:
    type_here(qtbot, "zhangsan")
    qtbot.waitUntil(lambda: page.villager_lookup.match_count() > 0)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "低保")
    qtbot.waitUntil(lambda: page.matter.lookup.match_count() > 0)
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # the second material is here
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "老人患病，代为申请低保")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # 信访


def test_a_half_typed_intake_comes_back_after_the_program_is_gone(qtbot, clerk_session, tmp_path, clock):
    desk = clerk_session.desk
    page = open_page(qtbot, clerk_session, destroyed_by_test=True)
    wait_idle(qtbot, clerk_session)
    type_half_an_errand(qtbot, page)
    qtbot.waitUntil(lambda: (saved_draft(desk) or {}).get("petition") is True)

    # The power goes off: the page, the worker and the database connection are gone.
    with qtbot.waitSignal(page.destroyed):
        page.close()
        page.deleteLater()
    wait_idle(qtbot, clerk_session)
    clerk_session.worker.shutdown()
    desk.close()

    reopened = Desk.open(tmp_path / "station", wall=clock)
    try:
        session = Session(reopened, users.get(reopened, "clerk"))
        page = open_page(qtbot, session)
        qtbot.waitUntil(page.draft_banner.isVisible)
        assert "张三" in page.draft_text.text() and "老人患病" in page.draft_text.text()
        assert page.description.toPlainText() == ""  # offered, not forced
        press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: page.matter.code() == "MZ-001" and page.matter.pending is None)
        assert not page.draft_banner.isVisible()
        assert "张三" in page.villager_chosen.text() and page.villager_id
        assert page.kind.kind() == "errand" and page.matter_box.isVisible()
        assert page.matter.received() == ["申请人及共同生活家庭成员居民身份证"]
        assert page.description.toPlainText() == "老人患病，代为申请低保"
        assert page.petition.isChecked() and not page.long_standing.isChecked()

        page.setFocus()
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: getattr(page, "question", None) is not None and page.question.isVisible())
        press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # materials: accept as it is
        qtbot.waitUntil(page.result_banner.isVisible)
        wait_idle(qtbot, session)
        case = reopened.db.one("SELECT * FROM cases")
        assert case["catalogue_code"] == "MZ-001" and case["petition"] == 1
        assert saved_draft(reopened) is None  # saved for real: no draft left
        session.worker.shutdown()
    finally:
        reopened.close()


def test_a_new_villager_being_typed_is_kept_too(qtbot, clerk_session):
    desk = clerk_session.desk
    page = open_page(qtbot, clerk_session, destroyed_by_test=True)
    wait_idle(qtbot, clerk_session)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    type_here(qtbot, "王秀英")
    press(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "3206851956")
    qtbot.waitUntil(lambda: (saved_draft(desk) or {}).get("new_villager", {}).get("id_number") == "3206851956")
    with qtbot.waitSignal(page.destroyed):
        page.close()
        page.deleteLater()
    page = open_page(qtbot, clerk_session)
    qtbot.waitUntil(page.draft_banner.isVisible)
    page.restore_button.click()
    assert page.new_villager.isVisible()
    assert page.new_villager.inputs["name"].text() == "王秀英"
    assert page.new_villager.inputs["id_number"].text() == "3206851956"


def test_a_draft_turned_down_is_gone_and_an_untouched_form_leaves_none(qtbot, clerk_session):
    desk = clerk_session.desk
    drafts.save(desk, "clerk", drafts.INTAKE, {"description": "昨天没登记完的"})
    page = open_page(qtbot, clerk_session)
    qtbot.waitUntil(page.draft_banner.isVisible)
    page.discard_button.click()
    assert not page.draft_banner.isVisible()
    wait_idle(qtbot, clerk_session)
    qtbot.waitUntil(lambda: saved_draft(desk) is None)
    assert page.description.toPlainText() == ""


def test_each_clerk_is_offered_only_their_own_draft(qtbot, clerk_session):
    desk = clerk_session.desk
    drafts.save(desk, "admin", drafts.INTAKE, {"description": "管理员没登记完的"})
    page = open_page(qtbot, clerk_session)
    wait_idle(qtbot, clerk_session)
    assert not page.draft_banner.isVisible()


def test_typing_only_spaces_saves_no_draft(qtbot, clerk_session):
    page = open_page(qtbot, clerk_session)
    wait_idle(qtbot, clerk_session)
    page.description.setFocus()
    type_here(qtbot, "   ")
    page.keeper.save_now()
    wait_idle(qtbot, clerk_session)
    assert saved_draft(clerk_session.desk) is None


def test_leaving_the_page_saves_the_draft_at_once(qtbot, clerk_session):
    page = open_page(qtbot, clerk_session)
    wait_idle(qtbot, clerk_session)
    page.description.setFocus()
    type_here(qtbot, "刚写了一半")
    assert page.keeper.timer.isActive()  # still waiting for a pause in typing
    page.hide()  # the clerk switches screens
    assert not page.keeper.timer.isActive()
    wait_idle(qtbot, clerk_session)
    assert saved_draft(clerk_session.desk)["description"] == "刚写了一半"
