"""The station's sync: status line, sync screen, every kind of failure in plain words, USB, enrolment, quitting."""

from __future__ import annotations

import shutil
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from haian_desk.replication import reached
from sync import enrolment, keys as keymod
from sync.exchange import exchange
from tests.sync.helpers import act, take_in
from tests.ui.helpers import wait_idle
from tests.ui.township_net import point_at, quick_runner
from ui.main_window import MainWindow
from ui.sync.page import SyncPage
from ui.sync.runner import SyncRunner, runner_for
from ui.township.queue import NetworkQueuePage

WAIT = 20_000


def station_page(qtbot, session) -> SyncPage:
    page = SyncPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    return page


def synced(qtbot, runner: SyncRunner) -> None:
    qtbot.waitUntil(
        lambda: (
            runner.state.known
            and not runner.state.running
            and runner.state.problem is None
            and runner.state.waiting_records == 0
        ),
        timeout=WAIT,
    )


def test_a_case_taken_in_waits_then_reaches_the_township_and_says_so(qtbot, net, hub_server, sessions):
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    case_id = take_in(station, description="反映3组路灯不亮")
    session = sessions(station)
    window = MainWindow(session)
    qtbot.addWidget(window)
    runner = runner_for(session)
    qtbot.waitUntil(lambda: window.sync_status.whole_text() == "1 件待上报", timeout=WAIT)
    queue = window.page("queue")
    assert isinstance(queue, NetworkQueuePage)
    qtbot.waitUntil(
        lambda: queue.model.rowCount() == 1 and queue.model.extra_text(queue.model.rows[0]) == "未上报", timeout=WAIT
    )
    runner.sync_now()
    synced(qtbot, runner)
    qtbot.waitUntil(lambda: window.sync_status.whole_text() == "全部已上报", timeout=WAIT)
    qtbot.waitUntil(lambda: queue.model.extra_text(queue.model.rows[0]) == "已上报", timeout=WAIT)
    assert net.hub.desk.db.scalar("SELECT description FROM cases WHERE id = ?", (case_id,)) == "反映3组路灯不亮"
    page = window.page("sync")
    qtbot.waitUntil(lambda: page.facts["waiting"].text() == "没有，全部已上报", timeout=WAIT)
    assert page.facts["last_success"].text() == "2026-03-04 10:00"
    qtbot.waitUntil(lambda: page.log_table.rowCount() >= 1, timeout=WAIT)
    assert page.log_table.item(0, 2).text() == "成功" and page.log_table.item(0, 1).text() == "联网"
    wait_idle(qtbot, session)


def test_the_progress_of_a_running_exchange_is_shown(qtbot, net, hub_server, sessions):
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    for n in range(3):
        take_in(station, description=f"第{n}件事")
    session = sessions(station)
    release = threading.Event()

    def held_exchange(desk, **options):
        release.wait(10)
        return exchange(desk, **options)

    runner = runner_for(session)
    runner.run_exchange = held_exchange
    page = station_page(qtbot, session)
    qtbot.waitUntil(lambda: runner.state.known and runner.state.waiting_records > 0, timeout=WAIT)
    total = runner.state.waiting_records
    page.sync_button.click()
    assert page.headline.text() == f"正在同步：已发送 0 / {total}"
    assert page.progress.isVisible() and page.progress.format() == f"已发送 0 / {total}"
    assert not page.sync_button.isEnabled()
    release.set()
    synced(qtbot, runner)
    assert runner.state.sent == total and not page.progress.isVisible()
    assert page.headline.text() == "全部已上报"


def test_a_stopped_hub_is_named_and_sync_resumes_by_itself_when_it_is_back(qtbot, net, hub_server, sessions):
    station = net.station
    point_at(station, hub_server.url)  # nothing listens there yet
    take_in(station)
    session = sessions(station)
    page = station_page(qtbot, session)
    runner = runner_for(session)
    runner.start(first_try_ms=0)
    qtbot.waitUntil(lambda: runner.state.problem is not None, timeout=WAIT)
    assert runner.state.problem.kind == "refused"
    qtbot.waitUntil(lambda: page.problem.isVisible(), timeout=WAIT)
    assert page.headline.text() == "同步失败：镇中心的同步服务没有运行"
    assert "拒绝连接" in page.problem_message.text()
    assert "打电话请镇中心打开同步服务" in page.problem_todo.text() and "自动再试" in page.problem_todo.text()
    assert reached.waiting(station.desk).records > 0  # nothing lost while failing
    hub_server.start()  # the township's PC is switched on again
    synced(qtbot, runner)
    assert not page.problem.isVisible() and page.headline.text() == "全部已上报"


def test_a_station_the_township_revoked_is_told_so(qtbot, net, hub_server, sessions):
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    enrolment.revoke(net.hub.desk, station.id)
    take_in(station)
    session = sessions(station)
    page = station_page(qtbot, session)
    runner = runner_for(session)
    runner.sync_now()
    qtbot.waitUntil(lambda: runner.state.problem is not None and not runner.state.running, timeout=WAIT)
    assert runner.state.problem.kind == "revoked"
    assert page.problem_title.text() == "本站的登记已被镇中心注销"
    assert "联系镇中心" in page.problem_todo.text()
    assert page.headline.text() == "同步失败：本站的登记已被镇中心注销"


def test_a_station_the_township_does_not_know_is_told_to_enrol(qtbot, net, hub_server, sessions):
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    shutil.rmtree(keymod.key_folder(station.folder))  # reinstalled: new keys the township never saw
    keymod.load_or_create(station.folder)
    session = sessions(station)
    page = station_page(qtbot, session)
    runner = runner_for(session)
    runner.sync_now()
    qtbot.waitUntil(lambda: runner.state.problem is not None and not runner.state.running, timeout=WAIT)
    assert runner.state.problem.group == "not_enrolled"
    assert page.problem_title.text() == "本站还没有在镇中心登记（或登记已失效）"
    assert "生成登记申请文件" in page.problem_todo.text()


def test_a_refused_record_is_listed_with_its_reason_and_can_be_retried(qtbot, net, hub_server, sessions, clock):
    from tests.haian_desk.test_township_resend import foreign_case

    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    bad = foreign_case(station, clock)
    session = sessions(station)
    page = station_page(qtbot, session)
    runner = runner_for(session)
    runner.sync_now()
    qtbot.waitUntil(lambda: runner.state.rejected == 1 and not runner.state.running, timeout=WAIT)
    assert page.headline.text() == "1 条记录被镇中心拒收"
    qtbot.waitUntil(lambda: page.refused_table.rowCount() == 1, timeout=WAIT)
    assert page.tabs.tabText(1) == "被拒收的记录（1）"
    assert "不属于发送方" in page.refused_table.item(0, 1).text()
    what = page.refused_table.item(0, 0).text()
    assert what.startswith("办件 103210-260304-001") and what.endswith("：登记")
    page.refused_table.selectRow(0)
    page.resend_button.click()
    qtbot.waitUntil(lambda: "仍被拒收" in page.refused_result.toPlainText(), timeout=WAIT)
    page.refused_table.selectRow(0)
    page.set_aside_button.click()
    qtbot.waitUntil(lambda: page.refused_table.rowCount() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: runner.state.rejected == 0, timeout=WAIT)
    assert station.desk.db.scalar("SELECT count(*) FROM events WHERE id = ?", (bad,)) == 1  # still kept here


def test_not_enrolled_then_enrolled_from_the_app(qtbot, tmp_path, make_session, hub_server, net):
    """A fresh station enrols from its sync screen: request file out, the township's answer in."""
    from haian_desk.desk import initialise

    hub_server.start()
    fresh = initialise(
        tmp_path / "fresh", "320685102215", "曲塘镇新村代理站", admin=("admin", "secret-pw"), wall=net.hub.clock
    )
    try:
        session = make_session(fresh, "admin")
        quick_runner(session)
        page = station_page(qtbot, session)
        runner = runner_for(session)
        qtbot.waitUntil(lambda: runner.state.known, timeout=WAIT)
        assert page.headline.text().startswith("未登记到镇中心")
        qtbot.waitUntil(lambda: "还没有登记" in page.enrol_state.text(), timeout=WAIT)
        request = tmp_path / "request.json"
        page.ask_save = lambda: request
        page.request_button.click()
        qtbot.waitUntil(lambda: "登记申请已写到" in page.enrol_result.toPlainText(), timeout=WAIT)
        assert "密钥指纹" in page.enrol_result.toPlainText()
        _, answer = enrolment.enrol(
            net.hub.desk, keymod.load(net.hub.folder), enrolment.read_document(request), hub_server.url
        )
        answer_path = tmp_path / "answer.json"
        enrolment.write_document(answer, answer_path)
        page.ask_open = lambda: answer_path
        page.answer_button.click()
        qtbot.waitUntil(lambda: "已登记到“曲塘镇代理中心”" in page.enrol_result.toPlainText(), timeout=WAIT)
        qtbot.waitUntil(
            lambda: runner.state.enrolled and runner.state.last_success is not None and not runner.state.running,
            timeout=WAIT,
        )
        assert page.headline.text() == "全部已上报"
        qtbot.waitUntil(lambda: page.url_edit.text() == hub_server.url, timeout=WAIT)
        wait_idle(qtbot, session)
        runner.stop()
    finally:
        fresh.close()


def test_a_bad_address_is_refused_in_words_and_a_good_one_kept(qtbot, net, sessions):
    session = sessions(net.station)
    page = station_page(qtbot, session)
    page.url_edit.setText("http://")
    page.url_button.click()
    qtbot.waitUntil(lambda: "不是网址" in page.enrol_result.toPlainText(), timeout=WAIT)
    page.url_edit.setText("127.0.0.1:9")
    page.url_button.click()
    qtbot.waitUntil(lambda: "已保存镇中心网址：http://127.0.0.1:9" in page.enrol_result.toPlainText(), timeout=WAIT)


def test_quitting_with_unsent_cases_warns_and_keeps_everything(qtbot, net, sessions):
    station = net.station
    case_id = take_in(station)
    act(station, case_id, "note", text="已联系")
    session = sessions(station)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    runner = runner_for(session)
    qtbot.waitUntil(lambda: runner.state.known, timeout=WAIT)
    waiting = reached.waiting(station.desk)
    window.close()
    assert window.isVisible()  # not closed: asked first
    box = window.sync_status.guard.question
    assert box.objectName() == "unsent_warning" and box.isVisible()
    assert "还有 1 件办件" in box.text() and "不会丢失" in box.text()
    for button in box.buttons():
        if button.text() == "取消":
            button.click()
    assert window.isVisible()
    window.close()
    window.sync_status.guard.quit_anyway.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert reached.waiting(station.desk) == waiting  # nothing discarded


def test_quitting_with_everything_sent_does_not_ask(qtbot, net, hub_server, sessions):
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    take_in(station)
    session = sessions(station)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    runner = runner_for(session)
    runner.sync_now()
    synced(qtbot, runner)
    window.close()
    assert not window.isVisible()
    assert QApplication.activeModalWidget() is None


@pytest.mark.parametrize("key", [Qt.Key.Key_F9])
def test_the_sync_screen_has_its_key(qtbot, net, sessions, key):
    session = sessions(net.station)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, key)
    assert window.current_key() == "sync"
    wait_idle(qtbot, session)


def test_a_sync_problem_is_explained_in_english(qtbot, net, hub_server, sessions, restore_appearance):
    """The group's title, the engine's own message and what to do, all in the interface language."""
    import re

    from ui import i18n

    i18n.install_language("en")
    hub_server.start()
    station = net.station
    point_at(station, hub_server.url)
    enrolment.revoke(net.hub.desk, station.id)
    take_in(station)
    session = sessions(station)
    page = station_page(qtbot, session)
    runner = runner_for(session)
    runner.sync_now()
    qtbot.waitUntil(lambda: runner.state.problem is not None and not runner.state.running, timeout=WAIT)
    qtbot.waitUntil(lambda: page.problem.isVisible(), timeout=WAIT)
    assert page.problem_title.text() == "The township centre has revoked this station's enrolment"
    assert page.problem_todo.text().startswith("What to do") or "township centre" in page.problem_todo.text()
    for label in (page.problem_title, page.problem_message, page.problem_todo, page.headline):
        assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", label.text()), label.text()
