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
