"""Chinese typed through an input method (Sogou, Microsoft Pinyin): the pinyin being composed
arrives as preedit text, the chosen characters as a commit. Every text field of the intake and
the searches takes the commit; nothing searches on the half-composed pinyin."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from tests.ui.helpers import wait_idle
from tests.ui.workscreens import show_active
from ui.cases.queue_page import QueuePage
from ui.intake.page import IntakePage


def compose(qtbot, widget, pinyin: str, chosen: str, searched=None) -> None:
    """As an input method does it: the pinyin grows as preedit, then the characters are committed."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    for end in range(1, len(pinyin) + 1):
        QApplication.sendEvent(widget, QInputMethodEvent(pinyin[:end], []))
        if searched is not None:
            assert not searched(), f"searched on the preedit {pinyin[:end]!r}"
    commit = QInputMethodEvent("", [])
    commit.setCommitString(chosen)
    QApplication.sendEvent(widget, commit)


def text_of(widget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


@pytest.fixture
def page(qtbot, clerk_session):
    page = IntakePage(clerk_session)
    page.resize(1366, 768)
    show_active(qtbot, page)
    wait_idle(qtbot, clerk_session)
    return page


def test_a_name_composed_in_the_villager_search_finds_only_after_the_commit(qtbot, page):
    lookup = page.villager_lookup
    compose(
        qtbot, lookup.edit, "zhangsan", "张三", searched=lambda: lookup.timer.isActive() or lookup.results.isVisible()
    )
    assert lookup.edit.text() == "张三"
    qtbot.waitUntil(lambda: lookup.match_count() > 0)
    assert "张三" in lookup.results.item(0).text()


def test_every_text_field_of_the_intake_takes_a_commit(qtbot, page):
    page.new_villager.start("")
    for kind, fields in (
        ("claim", [*page.new_villager.inputs.values(), page.auth.scope, page.description]),
        ("errand", [page.matter.lookup.edit]),
    ):
        page._kind_chosen(kind)  # its panel shown, as Alt+2 / Alt+3 do
        for widget in fields:
            before = text_of(widget)
            compose(qtbot, widget, "wangxiuying", "王秀英")
            assert text_of(widget) == before + "王秀英", widget.objectName()


def test_a_matter_composed_in_the_catalogue_search_is_found(qtbot, page):
    page._kind_chosen("errand")
    lookup = page.matter.lookup
    compose(qtbot, lookup.edit, "dibao", "低保", searched=lambda: lookup.timer.isActive())
    qtbot.waitUntil(lambda: lookup.match_count() > 0)


def test_the_queue_search_waits_for_the_commit(qtbot, queue_desk, make_session):
    session = make_session(queue_desk, "clerk")
    queue = QueuePage(session)
    queue.resize(1366, 768)
    show_active(qtbot, queue)
    qtbot.waitUntil(lambda: queue.model.rowCount() > 0)
    wait_idle(qtbot, session)
    compose(qtbot, queue.search, "wang", "王", searched=queue.search_timer.isActive)
    assert queue.search.text() == "王"
    qtbot.waitUntil(lambda: queue.model.filter.search == "王", timeout=5_000)


def test_the_villagers_search_waits_for_the_commit(qtbot, clerk_session):
    from ui.villagers.page import VillagersPage

    page = VillagersPage(clerk_session)
    page.resize(1366, 768)
    show_active(qtbot, page)
    wait_idle(qtbot, clerk_session)
    compose(qtbot, page.search, "liguilan", "李桂兰", searched=page.timer.isActive)
    assert page.search.text() == "李桂兰"
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.table.item(0, 0).text() == "李桂兰")
