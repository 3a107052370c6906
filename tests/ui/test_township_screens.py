"""The township's screens: stations' health, enrol and revoke, the sync service, inbox, conflicts, merged queue."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from haian_desk.cases import queries
from haian_desk.replication import sync_state
from sync import enrolment, keys as keymod
from tests.sync.helpers import act, by_file, free_port, sync, take_in
from tests.ui.helpers import assert_nothing_clipped, type_text, wait_idle
from ui import i18n
from ui.main_window import MainWindow
from ui.township.conflicts import ConflictsPage
from ui.township.hub import ELSEWHERE, RUNNING, STOPPED, hub_for
from ui.township.inbox import InboxPage
from ui.township.queue import NetworkQueuePage
from ui.township.stations import SILENT_COLOUR, StationsPage
from ui.widgets.appearance import apply_font

WAIT = 20_000
CENTRE = "曲塘镇代理中心"


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def column(table, n: int) -> list[str]:
    return [table.item(r, n).text() for r in range(table.rowCount())]


def test_station_health_after_several_stations_sync(qtbot, net, hub_server, sessions, clock):
    hub_server.start()
    first, second, third = net.stations
    take_in(first)
    sync(first, hub_server.url)
    clock.advance(hours=60)  # the first station's matter is now overdue, and it has gone quiet
    take_in(second)
    take_in(second)
    sync(second, hub_server.url)
    page = shown(qtbot, StationsPage(sessions(net.hub)))
    qtbot.waitUntil(lambda: page.threshold_known and page.table.rowCount() == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: column(page.table, 0)[0] == first.desk.installation.unit_name, timeout=WAIT)
    names = column(page.table, 0)
    assert names == [
        first.desk.installation.unit_name,
        third.desk.installation.unit_name,
        second.desk.installation.unit_name,
    ]  # the silent ones first
    states = column(page.table, 2)
    assert states == ["失联 60 小时", "还没有同步过", "正常"]
    assert column(page.table, 3)[1] == "从未联系"
    assert column(page.table, 8) == ["1", "0", "0"]  # overdue
    assert column(page.table, 10) == ["1", "0", "2"]  # cases
    assert column(page.table, 7)[2] == "准"  # clock drift measured at hello
    assert page.table.item(0, 0).background().color() == QColor(SILENT_COLOUR)
    assert page.table.item(2, 0).background().color() != QColor(SILENT_COLOUR)
    assert "2 个站点超过 48 小时没有联系" in page.summary.text()
    page.silent_hours.setValue(72)
    page.findChild(type(page.enrol_button), "save_silent_hours").click()
    qtbot.waitUntil(lambda: column(page.table, 2)[:2] == ["还没有同步过", "正常"], timeout=WAIT)
    assert "1 个站点超过 72 小时没有联系" in page.summary.text()


def test_enrol_and_revoke_a_station_from_the_app(qtbot, net, sessions, tmp_path, clock):
    from haian_desk.desk import initialise

    page = shown(qtbot, StationsPage(sessions(net.hub)))
    fresh = initialise(tmp_path / "fresh", "320685102216", "曲塘镇新建村代理站", wall=clock)
    try:
        own = keymod.load_or_create(fresh.folder)
        request = tmp_path / "320685102216-登记申请.json"
        enrolment.write_document(enrolment.make_request(fresh, own), request)
        page.ask_open = lambda: request
        page.enrol_button.click()
        qtbot.waitUntil(lambda: "已为“曲塘镇新建村代理站”" in page.result.toPlainText(), timeout=WAIT)
        answer = tmp_path / "320685102216-登记答复.json"
        assert str(answer) in page.result.toPlainText() and "密钥指纹" in page.result.toPlainText()
        hub = enrolment.accept(fresh, own, enrolment.read_document(answer))
        assert hub.unit_name == CENTRE
    finally:
        fresh.close()
    qtbot.waitUntil(lambda: "曲塘镇新建村代理站" in column(page.table, 0), timeout=WAIT)
    row = column(page.table, 0).index("曲塘镇新建村代理站")
    page.table.selectRow(row)
    asked = []
    page.confirm_revoke = lambda health: asked.append(health.unit_name) or True
    page.revoke_button.click()
    qtbot.waitUntil(lambda: "已注销“曲塘镇新建村代理站”" in page.result.toPlainText(), timeout=WAIT)
    assert asked == ["曲塘镇新建村代理站"]
    qtbot.waitUntil(lambda: "已注销" in column(page.table, 2), timeout=WAIT)
    peer = [p for p in sync_state.list_peers(net.hub.desk.db) if p.unit_code == "320685102216"][0]
    assert not peer.active


def test_a_request_from_another_township_is_refused_in_words(qtbot, net, sessions, tmp_path, clock):
    from haian_desk.desk import initialise

    page = shown(qtbot, StationsPage(sessions(net.hub)))
    other = initialise(tmp_path / "other", "320685103210", "李堡镇某村代理站", wall=clock)
    try:
        request = tmp_path / "other.json"
        enrolment.write_document(enrolment.make_request(other, keymod.load_or_create(other.folder)), request)
    finally:
        other.close()
    page.ask_open = lambda: request
    page.enrol_button.click()
    qtbot.waitUntil(lambda: "不属于曲塘镇代理中心" in page.result.toPlainText(), timeout=WAIT)


def test_the_sync_service_starts_and_stops_inside_the_app_and_says_where(qtbot, net, sessions):
    page = shown(qtbot, StationsPage(sessions(net.hub)))
    control = hub_for(page.session)
    qtbot.waitUntil(lambda: control.state.port != 0, timeout=WAIT)  # the centre's settings were read
    port = free_port()
    hub_panel = page.findChild(type(page.layout().itemAt(0).widget()), "hub_panel")
    hub_panel.host.setText("127.0.0.1")
    hub_panel.port.setValue(port)
    hub_panel.start_button.click()
    qtbot.waitUntil(lambda: control.state.phase == RUNNING, timeout=WAIT)
    assert f"http://127.0.0.1:{port}" in hub_panel.state_label.text()
    assert "正在运行" in hub_panel.state_label.text() and not hub_panel.start_button.isEnabled()
    assert httpx.get(f"http://127.0.0.1:{port}/v1/health").json()["ok"] is True
    station = net.station
    take_in(station)
    report = sync(station, f"http://127.0.0.1:{port}")
    assert report.sent > 0
    hub_panel.stop_button.click()
    qtbot.waitUntil(lambda: control.state.phase == STOPPED, timeout=WAIT)
    assert "没有运行" in hub_panel.state_label.text()


def test_a_hub_run_as_its_own_process_is_recognised(qtbot, net, hub_server, sessions):
    hub_server.start()
    page = shown(qtbot, StationsPage(sessions(net.hub)))
    control = hub_for(page.session)
    qtbot.waitUntil(lambda: control.state.port != 0, timeout=WAIT)
    control.probe(hub_server.port)
    qtbot.waitUntil(lambda: control.state.phase == ELSEWHERE, timeout=WAIT)
    panel = page.findChild(type(page.layout().itemAt(0).widget()), "hub_panel")
    assert "另一个程序" in panel.state_label.text()


def test_a_busy_port_is_explained(qtbot, net, hub_server, sessions):
    hub_server.start()
    page = shown(qtbot, StationsPage(sessions(net.hub)))
    control = hub_for(page.session)
    qtbot.waitUntil(lambda: control.state.port != 0, timeout=WAIT)  # the centre's settings were read
    control.start("127.0.0.1", hub_server.port)
    qtbot.waitUntil(lambda: control.state.phase == "failed", timeout=WAIT)
    panel = page.findChild(type(page.layout().itemAt(0).widget()), "hub_panel")
    assert f"端口 {hub_server.port} 已被占用" in panel.state_label.text()


def test_the_inbox_sends_a_matter_on_and_refuses_an_empty_form(qtbot, net, sessions, tmp_path):
    station = net.station
    case_id = take_in(station)
    act(station, case_id, "transferred", to_level="township", to_unit=CENTRE)
    by_file(station, net.hub, tmp_path)
    inbox = shown(qtbot, InboxPage(sessions(net.hub)))
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    inbox.table.selectRow(0)
    assert not inbox.buttons["forwarded"].isEnabled()  # receive first
    inbox.buttons["take_up"].click()
    inbox.view_buttons["in_hand"].setChecked(True)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    inbox.table.selectRow(0)
    inbox.buttons["forwarded"].click()
    dialog = inbox.dialog
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert "请填写接收单位" in dialog.error.text()
    dialog.level.setCurrentIndex(dialog.level.findData("county"))
    type_text(qtbot, dialog.unit, "海安市民政局")
    dialog.submit()
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 0, timeout=WAIT)
    assert "已把" in inbox.result.toPlainText() and "海安市民政局" in inbox.result.toPlainText()
    inbox.view_buttons["sent_on"].setChecked(True)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    assert inbox.table.item(0, 8).text() == "县级 海安市民政局"
    inbox.table.selectRow(0)
    assert inbox.buttons["completed"].isEnabled() and not inbox.buttons["take_up"].isEnabled()
    by_file(station, net.hub, tmp_path)
    assert queries.get_case(station.desk, case_id).holder == "海安市民政局"


def test_conflicts_show_both_sides_and_record_who_decided(qtbot, net, sessions, tmp_path, clock):
    station = net.station
    case_id = take_in(station)
    act(station, case_id, "transferred", to_level="township", to_unit=CENTRE)
    by_file(station, net.hub, tmp_path)
    clock.advance(hours=1)
    act(net.hub, case_id, "completed", result="granted", note="镇里已办好")
    clock.advance(minutes=5)
    act(station, case_id, "completed", result="refused", note="村里认为不符合条件")
    by_file(station, net.hub, tmp_path)
    page = shown(qtbot, ConflictsPage(sessions(net.hub)))
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: "镇里已办好" in page.sides.toPlainText(), timeout=WAIT)
    sides = page.sides.toPlainText()
    assert "村里认为不符合条件" in sides and "现在的记录按这一方" in sides and "没能生效的一方" in sides
    assert CENTRE in sides and "曲塘镇第1村代理站" in sides
    page.resolve_button.click()
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=WAIT)
    assert "请填写裁定意见" in page.error.text()
    type_text(qtbot, page.decision, "以镇中心的结果为准，已电话告知村里")
    page.resolve_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=WAIT)
    assert "管理员" in page.result.toPlainText()
    last = queries.timeline(net.hub.desk, case_id)[-1]
    assert (last.type, last.actor, last.payload["decision"]) == (
        "conflict_resolved",
        "admin",
        "以镇中心的结果为准，已电话告知村里",
    )
    by_file(station, net.hub, tmp_path)
    assert queries.get_case(station.desk, case_id).conflicts == 0


def test_conflicts_speak_english_around_the_data(qtbot, net, sessions, tmp_path, clock, restore_appearance):
    """The refusal's rule, the event's words and the captions in English; notes and names as written."""
    import re

    station = net.station
    case_id = take_in(station)
    act(station, case_id, "transferred", to_level="township", to_unit=CENTRE)
    by_file(station, net.hub, tmp_path)
    clock.advance(hours=1)
    act(net.hub, case_id, "completed", result="granted", note="镇里已办好")
    clock.advance(minutes=5)
    act(station, case_id, "completed", result="refused", note="村里认为不符合条件")
    by_file(station, net.hub, tmp_path)
    i18n.install_language("en")
    page = shown(qtbot, ConflictsPage(sessions(net.hub)))
    qtbot.waitUntil(lambda: "镇里已办好" in page.sides.toPlainText(), timeout=WAIT)
    sides = page.sides.toPlainText()
    for data in ("镇里已办好", "村里认为不符合条件", CENTRE, "曲塘镇第1村代理站", "王小"):
        sides = sides.replace(data, "")
    assert not re.search(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", sides), sides


def test_the_merged_queue_shows_and_filters_by_station(qtbot, net, sessions, tmp_path):
    first, second, _ = net.stations
    for node, count in ((first, 2), (second, 1)):
        for _ in range(count):
            take_in(node)
        by_file(node, net.hub, tmp_path)
    take_in(net.hub)  # the centre's own walk-in
    page = shown(qtbot, NetworkQueuePage(sessions(net.hub)))
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and page.station.count() == 5, timeout=WAIT)
    qtbot.waitUntil(lambda: bool(page.model.names), timeout=WAIT)
    stations = sorted(page.model.extra_text(r) for r in page.model.rows)
    assert stations == sorted([CENTRE, "曲塘镇第1村代理站", "曲塘镇第1村代理站", "曲塘镇第2村代理站"])
    assert page.model.headerData(page.model.columnCount() - 1, Qt.Orientation.Horizontal) == "站点"
    page.station.setCurrentIndex(page.station.findData(first.unit_code))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    assert {r.unit_code for r in page.model.rows} == {first.unit_code}
    page.station.setCurrentIndex(page.station.findData(net.hub.unit_code))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.count_label.text().startswith("共 1 件")


def test_township_only_screens_appear_only_at_the_township(qtbot, net, sessions):
    at_centre = sessions(net.hub)
    centre = MainWindow(at_centre)
    qtbot.addWidget(centre)
    station = MainWindow(sessions(net.station))
    qtbot.addWidget(station)
    keys = [s.key for s in centre.screens]
    assert {"inbox", "stations", "conflicts", "sync"} <= set(keys)
    assert not {"inbox", "stations", "conflicts"} & {s.key for s in station.screens}
    for key in ("inbox", "stations", "conflicts"):
        centre.show_screen(key)
        assert type(centre.pages[key]).__name__ != "Placeholder"
    qtbot.waitUntil(
        lambda: centre.sync_status.whole_text() in ("同步服务未运行", "同步服务运行中（另一程序）"), timeout=WAIT
    )
    wait_idle(qtbot, at_centre)


@pytest.mark.parametrize(
    "language, large",
    [("zh_CN", False), ("zh_CN", True), ("en", False), ("en", True)],
    ids=["chinese", "chinese-large", "english", "english-large"],
)
def test_no_text_is_cut_off_on_the_township_screens(
    qtbot, net, sessions, tmp_path, language, large, ui_app, restore_appearance
):
    station = net.station
    case_id = take_in(station)
    act(station, case_id, "transferred", to_level="township", to_unit=CENTRE)
    by_file(station, net.hub, tmp_path)
    apply_font(ui_app, large)
    i18n.install_language(language)
    session = sessions(net.hub)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for key in ("sync", "inbox", "stations", "conflicts", "queue"):
        window.show_screen(key)
        wait_idle(qtbot, session)
        assert_nothing_clipped(qtbot, window, key)
