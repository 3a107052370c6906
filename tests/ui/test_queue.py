"""The case queue on a demo station: paging, filters, search, sorting, marking and opening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from haian_desk.cases import presentation, queries
from haian_desk.cases.queries import CaseFilter
from tests.ui.helpers import wait_idle
from tests.ui.workscreens import QUEUE_CASES, QUEUE_NOW, press, show_active, type_here
from ui.cases.queue_model import CASE_ID_ROLE, COLUMN_KEYS, TONE_ROLE
from ui.cases.queue_page import QueuePage


@pytest.fixture
def session(queue_desk, make_session):
    return make_session(queue_desk, "clerk")


@pytest.fixture
def page(qtbot, session):
    page = QueuePage(session)
    page.resize(1280, 700)
    show_active(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    wait_idle(qtbot, session)
    return page


def column(page, key: str) -> list[str]:
    c = COLUMN_KEYS.index(key)
    return [page.model.index(r, c).data() for r in range(page.model.rowCount())]


def expected(session, **flt) -> int:
    return queries.count(session.desk, CaseFilter(**flt), QUEUE_NOW)


def reloaded(qtbot, page, session) -> None:
    qtbot.waitUntil(lambda: not page.model.loading)
    wait_idle(qtbot, session)


def test_the_queue_reads_one_page_and_more_on_scrolling(qtbot, page, session):
    model = page.model
    assert model.total == QUEUE_CASES
    assert model.rowCount() == QueuePage.PAGE_SIZE < QUEUE_CASES  # never the whole table
    assert page.count_label.text() == f"共 {QUEUE_CASES} 件，已显示 {QueuePage.PAGE_SIZE} 件"
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * QueuePage.PAGE_SIZE)
    assert page.count_label.text().endswith(f"已显示 {2 * QueuePage.PAGE_SIZE} 件")
    ids = [model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)  # pages do not overlap


def test_overdue_rows_are_marked_by_colour_and_by_words(qtbot, page, session):
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.model.filter.overdue)
    reloaded(qtbot, page, session)
    assert page.model.total == expected(session, overdue=True) > 0
    status = COLUMN_KEYS.index("status")
    for row in range(page.model.rowCount()):
        index = page.model.index(row, status)
        assert "已超期" in index.data()
        assert index.data(TONE_ROLE) == presentation.OVERDUE
        assert index.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_due_soon_rows_say_how_long_is_left(qtbot, page, session):
    page.due_soon.click()
    reloaded(qtbot, page, session)
    assert page.model.total == expected(session, due_soon=True) > 0
    assert all("还剩" in text for text in column(page, "status"))
    page.overdue.click()  # the two never overlap: one replaces the other
    reloaded(qtbot, page, session)
    assert not page.due_soon.isChecked()
    assert page.model.total == expected(session, overdue=True)


def test_mine_shows_what_the_clerk_answers_for(qtbot, page, session):
    page.mine.click()
    reloaded(qtbot, page, session)
    mine = expected(session, cadre_id=session.user.cadre_id)
    assert 0 < page.model.total == mine < QUEUE_CASES


@pytest.mark.parametrize("combo, code, word", [("kind", "claim", "诉求代理"), ("status", "transferred", "已转办")])
def test_kind_and_status_filters(qtbot, page, session, combo, code, word):
    box = getattr(page, combo)
    box.setCurrentIndex(box.findData(code))
    reloaded(qtbot, page, session)
    assert page.model.total == expected(session, **{combo: code}) > 0
    key = "kind" if combo == "kind" else "status"
    assert all(text.startswith(word) for text in column(page, key))


@pytest.mark.parametrize(
    "toggle, flag, word",
    [
        ("long_standing", "long_standing", "久拖不决"),
        ("petition", "petition", "信访"),
        ("followup", "followup_open", "差评待整改"),
    ],
)
def test_flag_filters(qtbot, page, session, toggle, flag, word):
    getattr(page, toggle).click()
    reloaded(qtbot, page, session)
    assert page.model.total == expected(session, **{flag: True}) > 0
    assert all(word in text for text in column(page, "flags"))


def test_search_by_name_and_by_case_number(qtbot, page, session):
    person = session.desk.db.one(
        "SELECT v.name FROM cases c JOIN villagers v ON v.id = c.villager_id "
        "GROUP BY v.id ORDER BY count(*) DESC LIMIT 1"
    )["name"]
    page.search.setFocus()
    type_here(qtbot, person)
    qtbot.waitUntil(lambda: page.model.filter.search == person)
    reloaded(qtbot, page, session)
    assert page.model.total == expected(session, search=person) > 1
    assert all(person in name for name in column(page, "villager"))
    number = column(page, "case_no")[0]
    page.search.clear()
    type_here(qtbot, number)
    press(qtbot, Qt.Key.Key_Return)
    reloaded(qtbot, page, session)
    assert column(page, "case_no") == [number]


def test_phones_are_masked_and_names_are_not(page, session):
    row = session.desk.db.one(
        "SELECT v.name, v.phone FROM cases c JOIN villagers v ON v.id = c.villager_id WHERE c.id = ?",
        (page.model.case_id(0),),
    )
    assert column(page, "villager")[0] == row["name"]
    assert column(page, "villager_phone")[0] == row["phone"][:3] + "****" + row["phone"][-4:]


def test_clicking_a_header_sorts_by_it_in_sqlite(qtbot, page, session):
    header = page.table.horizontalHeader()
    deadline = COLUMN_KEYS.index("deadline")
    header.setSortIndicator(deadline, Qt.SortOrder.AscendingOrder)
    reloaded(qtbot, page, session)
    assert (page.model.filter.sort, page.model.filter.descending) == ("deadline", False)
    shown = [d for d in column(page, "deadline") if d]
    assert shown == sorted(shown) and len(shown) > 10
    header.setSortIndicator(COLUMN_KEYS.index("matter"), Qt.SortOrder.DescendingOrder)  # not sortable
    assert header.sortIndicatorSection() == deadline
    assert page.model.filter.sort == "deadline"


def test_enter_or_double_click_opens_the_case(qtbot, page):
    page.table.setFocus()
    page.table.selectRow(2)
    with qtbot.waitSignal(page.openCase) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args == [page.model.case_id(2)]
    rect = page.table.visualRect(page.model.index(4, 0))
    with qtbot.waitSignal(page.openCase) as opened:
        # QTest's double click needs the first click before it, as a real one has.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [page.model.case_id(4)]


def test_a_new_case_elsewhere_shows_up_and_can_be_selected(qtbot, page, session):
    from haian_desk.cases.operations import Intake, take_in

    desk = session.desk
    villager = desk.db.scalar("SELECT id FROM villagers LIMIT 1")
    registered = take_in(
        desk,
        "clerk",
        Intake(kind="opinion", villager_id=villager, description="建议增设路灯", first_cadre_id=session.user.cadre_id),
    )
    page.select_case(registered.case_id)
    session.changed.emit(frozenset({"cases"}))
    qtbot.waitUntil(lambda: page.model.total == QUEUE_CASES + 1)
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.case_id(i.row()) for i in selected] == [registered.case_id]


@pytest.mark.parametrize(
    "sort, descending", [("registered_at", True), ("deadline", False), ("villager", False), ("status", True)]
)
def test_scrolling_to_the_end_shows_every_case_once_in_order(qtbot, page, session, sort, descending):
    """Keyset pages: each page starts after the last row shown, for any sort column."""
    import dataclasses

    page.model.set_filter(dataclasses.replace(page.model.filter, sort=sort, descending=descending))
    reloaded(qtbot, page, session)
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.fetching)
    ids = [model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())]
    everything = queries.page(session.desk, dataclasses.replace(model.filter), model.now, 0, 10**6)
    assert ids == [r.id for r in everything]
    assert len(set(ids)) == QUEUE_CASES


def test_from_the_search_box_down_or_enter_goes_into_the_table(qtbot, page, session):
    page.search.setFocus()
    qtbot.waitUntil(lambda: page.focusWidget() is page.search)
    press(qtbot, Qt.Key.Key_Down)  # one key, not eight Tabs
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    with qtbot.waitSignal(page.openCase) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args == [page.model.case_id(0)]
    page.search.setFocus()
    type_here(qtbot, "王")
    press(qtbot, Qt.Key.Key_Return)  # search now, then into the results
    qtbot.waitUntil(page.table.hasFocus)
    reloaded(qtbot, page, session)
    assert page.model.filter.search == "王" and page.table.currentIndex().row() == 0
    assert "王" in page.model.index(0, COLUMN_KEYS.index("villager")).data()


def test_the_filters_show_their_keys_on_the_controls(page):
    assert page.overdue.text() == "已超期（Alt+O）"
    assert page.due_soon.text() == "即将到期（Alt+D）" and page.mine.text() == "我的（Alt+M）"
