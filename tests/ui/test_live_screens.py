"""Screens follow changes made elsewhere (a sync, another program on the same file, another window)
by themselves, and the clerk keeps the chosen row, the scroll position and what was half typed."""

from __future__ import annotations

from haian_desk.cases import operations
from haian_desk.desk import Desk
from sync.exchange import exchange
from tests.sync.helpers import act, take_in
from tests.ui.helpers import type_text, wait_idle
from tests.ui.township_net import point_at
from ui.cases.detail import CaseDetailDialog
from ui.main_window import MainWindow
from ui.session import CASES, Changes, touches_case
from ui.sync.runner import runner_for

WAIT = 20_000
CENTRE = "曲塘镇代理中心"


def shown_window(qtbot, session) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.arrivals.timer.setInterval(100)  # look often, so the test need not wait three seconds
    return window


def open_detail(qtbot, session, case_id: str, parent) -> CaseDetailDialog:
    dialog = CaseDetailDialog(session, case_id, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=WAIT)
    return dialog


def events(dialog: CaseDetailDialog) -> list[str]:
    return [dialog.timeline.item(r, 2).text() for r in range(dialog.timeline.rowCount())]


def test_a_second_program_on_the_same_file_shows_in_the_open_screens(qtbot, clerk_session, case_maker, clock):
    desk = clerk_session.desk
    ids = [case_maker(description=f"反映{n}组路灯不亮") for n in range(40)]
    watched, chosen = ids[5], ids[12]
    clock.advance(hours=49)  # all forty are overdue now
    window = shown_window(qtbot, clerk_session)
    window.show_screen("queue")
    queue = window.pages["queue"]
    qtbot.waitUntil(lambda: queue.model.rowCount() == 40, timeout=WAIT)
    queue.select_case(chosen)
    bar = queue.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    detail = open_detail(qtbot, clerk_session, watched, window)
    note = detail.open_action("note")
    type_text(qtbot, note.inputs["text"], "已电话联")  # half typed when the news comes
    qtbot.waitUntil(lambda: window.deadline_counts.overdue.text() == "超期 40 件", timeout=WAIT)

    other = Desk.open(desk.folder, wall=clock)  # another program on the same file
    operations.act(other, "admin", watched, "completed", result="granted")
    other.close()

    qtbot.waitUntil(lambda: "办结" in events(detail), timeout=WAIT)
    assert detail.view.case.status == "completed"
    assert note.isVisible() and note.inputs["text"].toPlainText() == "已电话联"

    def row() -> int:
        return queue.model.row_of(watched)

    qtbot.waitUntil(lambda: queue.model.rows[row()].status == "completed", timeout=WAIT)
    assert queue.model.case_id(queue.table.currentIndex().row()) == chosen
    assert bar.value() == scrolled
    qtbot.waitUntil(lambda: window.deadline_counts.overdue.text() == "超期 39 件", timeout=WAIT)  # status line
    wait_idle(qtbot, clerk_session)


def test_a_case_window_reads_again_only_for_news_of_its_own_case(qtbot, clerk_session, case_maker):
    mine, other = case_maker(), case_maker()
    assert touches_case(Changes((CASES,), {mine}), mine)
    assert not touches_case(Changes((CASES,), {other}), mine)
    assert touches_case(frozenset((CASES,)), mine)  # an announcement that does not say which
    detail = open_detail(qtbot, clerk_session, mine, None)
    wait_idle(qtbot, clerk_session)
    read_again = []
    detail._show_again = read_again.append  # count the case's reads from here on
    clerk_session.changed.emit(Changes((CASES,), {other}))
    wait_idle(qtbot, clerk_session)
    assert read_again == []
    clerk_session.changed.emit(Changes((CASES,), {mine}))
    qtbot.waitUntil(lambda: len(read_again) == 1, timeout=WAIT)
    assert read_again[0].case.id == mine


def test_a_background_sync_brings_the_townships_work_into_the_open_case(qtbot, net, hub_server, sessions, clock):
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    case_id = take_in(station, description="反映3组桥面破损")
    act(station, case_id, "transferred", to_level="township", to_unit=CENTRE)
    exchange(station.desk, station.keys, url=hub_server.url, retries=0)  # the case is up there
    session = sessions(station)
    window = shown_window(qtbot, session)
    runner = runner_for(session)
    window.show_screen("queue")
    queue = window.pages["queue"]
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=WAIT)
    queue.select_case(case_id)
    detail = open_detail(qtbot, session, case_id, window)
    before = events(detail)
    seen = []
    runner.arrived.connect(seen.append)

    clock.advance(hours=2)
    act(net.hub, case_id, "returned", outcome="镇建设办已安排维修")  # at the township, on 127.0.0.1
    qtbot.waitUntil(lambda: not runner.state.running, timeout=WAIT)
    runner.sync_now()  # the background sync's turn

    qtbot.waitUntil(lambda: len(events(detail)) == len(before) + 1, timeout=WAIT)
    assert seen and case_id in seen[-1].case_ids and "case" in seen[-1].streams
    assert detail.view.case.holder is None
    qtbot.waitUntil(lambda: queue.model.rows[0].holder is None, timeout=WAIT)
    assert queue.model.case_id(queue.table.currentIndex().row()) == case_id
    wait_idle(qtbot, session)


def test_the_township_inbox_shows_a_station_batch_as_it_arrives(qtbot, net, hub_server, sessions):
    from tests.sync.helpers import sync
    from ui.township.arrivals import ArrivalWatcher
    from ui.township.inbox import InboxPage

    hub_server.start()
    station = net.station
    first = take_in(station, description="反映3组桥面破损")
    act(station, first, "transferred", to_level="township", to_unit=CENTRE)
    sync(station, hub_server.url)
    session = sessions(net.hub)
    inbox = InboxPage(session)
    qtbot.addWidget(inbox)
    inbox.resize(1200, 700)
    inbox.show()
    session.findChild(ArrivalWatcher).timer.setInterval(100)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    inbox.select_case(first)

    second = take_in(station, description="反映5组河道垃圾")
    act(station, second, "transferred", to_level="township", to_unit=CENTRE)
    sync(station, hub_server.url)  # received by the hub server, a connection of its own

    qtbot.waitUntil(lambda: inbox.table.rowCount() == 2, timeout=WAIT)
    assert inbox.current().case_id == first
    wait_idle(qtbot, session)
