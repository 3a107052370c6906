"""The queue model on a long list: a bounded cache, pages read again by key, the place kept on news."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from haian_desk.cases import queries
from tests.ui.helpers import wait_idle
from tests.ui.workscreens import QUEUE_CASES, show_active
from ui.cases import queue_model
from ui.cases.queue_model import CASE_ID_ROLE, CaseQueueModel

PAGE = 20
BOUND = 3


@pytest.fixture
def session(queue_desk, make_session):
    return make_session(queue_desk, "clerk")


@pytest.fixture
def model(qtbot, session, monkeypatch):
    monkeypatch.setattr(queue_model, "MAX_PAGES", BOUND)
    model = CaseQueueModel(session, page_size=PAGE)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading and not model.counting)
    wait_idle(qtbot, session)
    return model


def offset_ids(model, session) -> list[str]:
    return [r.id for r in queries.page(session.desk, model.filter, model.now, 0, 10**6)]


def scroll_to_the_end(qtbot, model) -> None:
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.fetching)


def test_the_cache_never_holds_more_than_its_bound(qtbot, model, session):
    assert model.total == QUEUE_CASES and not model.counting
    scroll_to_the_end(qtbot, model)
    assert model.rowCount() == QUEUE_CASES
    assert model.rows.held_rows() <= BOUND * PAGE
    assert model.rows.held_pages() == [QUEUE_CASES // PAGE - 3, QUEUE_CASES // PAGE - 2, QUEUE_CASES // PAGE - 1]
    wanted = offset_ids(model, session)
    assert [r.id for r in model.rows] == wanted[-BOUND * PAGE :]


def test_a_forgotten_page_comes_back_by_key_when_looked_at(qtbot, model, session):
    scroll_to_the_end(qtbot, model)
    assert model.index(0, 0).data() is None  # forgotten: blank, and asked for again
    qtbot.waitUntil(lambda: model.rows[0] is not None)
    wanted = offset_ids(model, session)
    assert [model.index(r, 0).data(CASE_ID_ROLE) for r in range(PAGE)] == wanted[:PAGE]
    middle = 11 * PAGE + 3
    model.index(middle, 0).data()
    qtbot.waitUntil(lambda: model.rows[middle] is not None)
    assert model.case_id(middle) == wanted[middle]
    assert model.rows.held_rows() <= BOUND * PAGE


def test_news_far_down_keeps_the_place_and_reads_the_pages_in_view_again(qtbot, model, session):
    from haian_desk.cases.operations import Intake, take_in

    scroll_to_the_end(qtbot, model)
    looked_at = QUEUE_CASES - 5
    before = model.case_id(looked_at)
    desk = session.desk
    villager = desk.db.scalar("SELECT id FROM villagers LIMIT 1")
    take_in(
        desk,
        "clerk",
        Intake(kind="opinion", villager_id=villager, description="建议增设路灯", first_cadre_id=session.user.cadre_id),
    )
    with qtbot.waitSignal(model.loaded):
        model.reload(keep_rows=True)
    wait_idle(qtbot, session)
    assert model.total == QUEUE_CASES + 1 and model.rowCount() == QUEUE_CASES  # the place reached, kept
    wanted = offset_ids(model, session)
    assert model.row_of(before) == wanted.index(before) == looked_at + 1  # the new case is on top
    assert model.rows[0].id == wanted[0]
    assert all(row is None or row.id == wanted[i] for i, row in enumerate(model.rows[:]))


def test_a_view_scrolled_through_a_long_queue_keeps_memory_bounded(qtbot, model, session):
    view = QTableView()
    view.setModel(model)
    show_active(qtbot, view)
    scroll_to_the_end(qtbot, model)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rows[QUEUE_CASES - 1] is not None)
    view.scrollToTop()
    qtbot.waitUntil(lambda: model.rows[0] is not None)
    wait_idle(qtbot, session)
    assert model.rows.held_rows() <= BOUND * PAGE
    assert view.model().index(0, 0).data(CASE_ID_ROLE) == offset_ids(model, session)[0]


def test_the_next_page_is_read_ahead_and_goes_in_at_once_when_the_view_reaches_the_end(qtbot, model, session):
    wanted = offset_ids(model, session)
    assert model.rowCount() == PAGE  # the page read ahead is not shown before the view asks
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE and not model.fetching  # no wait for the worker
    assert [model.case_id(r) for r in range(2 * PAGE)] == wanted[: 2 * PAGE]
    wait_idle(qtbot, session)  # meanwhile the page after is read
    model.fetchMore()
    assert model.rowCount() == 3 * PAGE and not model.fetching


def test_rows_are_right_and_the_selection_kept_after_scrolling_a_view_to_the_end(qtbot, model, session):
    view = QTableView()
    view.setModel(model)
    show_active(qtbot, view)
    view.selectRow(3)
    chosen = model.case_id(3)
    while model.rowCount() < QUEUE_CASES:
        reached = model.rowCount()
        view.scrollToBottom()  # the view itself asks for more when its scroll bar reaches the end
        qtbot.waitUntil(lambda reached=reached: model.rowCount() > reached)
    wait_idle(qtbot, session)
    assert not model.canFetchMore()  # the page after the last one came back empty: the end
    wanted = offset_ids(model, session)
    view.scrollToBottom()
    last = QUEUE_CASES - 1
    assert view.model().index(last, 0).data(CASE_ID_ROLE) == wanted[last]
    shown = view.model().index(last, queue_model.COLUMN_KEYS.index("case_no")).data()
    assert shown == session.desk.db.scalar("SELECT case_no FROM cases WHERE id = ?", (wanted[last],))
    assert [i.row() for i in view.selectionModel().selectedRows()] == [3]
    view.scrollToTop()  # the first page was forgotten: read again by key, the selection still on it
    qtbot.waitUntil(lambda: model.rows[3] is not None)
    assert model.case_id(3) == chosen and [i.row() for i in view.selectionModel().selectedRows()] == [3]


def test_a_page_read_again_shows_what_changed_meanwhile(qtbot, model, session):
    from haian_desk.cases.operations import act

    status = queue_model.COLUMN_KEYS.index("status")
    open_row = next(r for r in range(PAGE) if model.rows[r].status in ("registered", "accepted"))
    case_id = model.case_id(open_row)
    assert not model.index(open_row, status).data().startswith("已撤回")  # painted once: its look is kept
    scroll_to_the_end(qtbot, model)  # the first page is forgotten
    act(session.desk, "clerk", case_id, "withdrawn", reason="群众已自行办理")
    assert model.index(open_row, status).data() is None
    qtbot.waitUntil(lambda: model.rows[open_row] is not None)
    assert model.case_id(open_row) == case_id
    assert model.index(open_row, status).data().startswith("已撤回")


def test_a_read_ahead_that_fails_is_said_and_asked_again_when_the_view_reaches_the_end(qtbot, session, monkeypatch):
    real = queries.page_after
    calls = []

    def failing_once(desk, flt, now, last=None, limit=200):
        calls.append(last)
        if last is not None and len(calls) == 2:
            raise OSError("disk I/O error")
        return real(desk, flt, now, last, limit)

    monkeypatch.setattr(queue_model.queries, "page_after", failing_once)
    model = CaseQueueModel(session, page_size=PAGE)
    with qtbot.waitSignal(model.failed) as failed:
        model.reload()
    assert "disk I/O error" in failed.args[0]
    wait_idle(qtbot, session)
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()  # nothing was read ahead: asked now, and in once it comes
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE)
    wait_idle(qtbot, session)
    assert [model.case_id(r) for r in range(2 * PAGE)] == offset_ids(model, session)[: 2 * PAGE]


def test_a_page_read_ahead_for_an_older_filter_is_never_shown(qtbot, model, session):
    import dataclasses

    model.reload()  # its first page, then its read-ahead, are on their way …
    model.set_filter(dataclasses.replace(model.filter, kind="claim"))  # … when the clerk picks a kind
    qtbot.waitUntil(lambda: not model.loading and not model.counting)
    wait_idle(qtbot, session)
    scroll_to_the_end(qtbot, model)
    wanted = offset_ids(model, session)
    assert model.rowCount() == model.total == len(wanted) > PAGE
    held = model.rows[:]
    assert all(row is None or row.id == wanted[i] for i, row in enumerate(held)) and any(held)
    assert {r.kind for r in model.rows} == {"claim"}


def test_scrolling_to_the_end_reads_every_page_once_and_never_more_than_a_few_ahead(qtbot, session, monkeypatch):
    real, asked = queries.page_after, []

    def counted(desk, flt, now, last=None, limit=200):
        asked.append(None if last is None else tuple(sorted(last.items())))
        return real(desk, flt, now, last, limit)

    monkeypatch.setattr(queue_model.queries, "page_after", counted)
    model = CaseQueueModel(session, page_size=PAGE)
    model.reload()
    qtbot.waitUntil(lambda: not model.loading and not model.counting)
    wait_idle(qtbot, session)
    assert len(asked) == 2 and model.rowCount() == PAGE  # one page read ahead, not shown yet
    model.fetchMore()  # the clerk scrolls: it goes in, and the worker reads further ahead
    wait_idle(qtbot, session)
    assert len(asked) == 2 + queue_model.READ_AHEAD_PAGES and model.rowCount() == 2 * PAGE
    assert model.rows.held_rows() + queue_model.READ_AHEAD_PAGES * PAGE < QUEUE_CASES  # not all of them
    scroll_to_the_end(qtbot, model)
    wait_idle(qtbot, session)
    assert model.rowCount() == QUEUE_CASES and not model.canFetchMore()
    assert len(asked) == len(set(asked)) == QUEUE_CASES // PAGE  # the count says where the end is
