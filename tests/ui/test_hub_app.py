"""The desktop app on a county hub kept on PostgreSQL (``haian-desk gui --database URL``): a real
server, a real township and station below it, the county officer's login checked against the
hub's own accounts, and the hub's screens (上报事项, 站点, 考核) working through the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from haian_desk.assessment import parse_period
from haian_desk.cases import catalogue, inbox as centre, operations, queries
from haian_desk.core.errors import SetupError
from haian_desk.documents import prints
from haian_desk.hub_desk import HubDesk
from haian_desk.people import users
from haian_desk.storage.postgres import hub as pg
from sync.serve import BackgroundHub
from tests.sync.helpers import OTHER_TOWNSHIP, PASSWORD, act, make_node, sync, take_in, township_with_stations
from tests.sync.pg_county import COUNTY_NAME, PgCounty
from tests.sync.test_pg_county_inbox import send_up_to_county, with_logins
from tests.ui.helpers import type_text
from tests.ui.test_start import Robot, _visible
from ui.cases.detail import CaseDetailDialog
from ui.cli import _run
from ui.hub_app import HubApp
from ui.hub_window import HubWindow, server_location
from ui.printing import actions
from ui.settings import preferences

WAIT = 20_000
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screens"


@pytest.fixture
def county_with_a_matter(pg_url, tmp_path, clock):
    """A county on PostgreSQL with one matter sent up to it from a station through its township."""
    county = PgCounty(pg_url, tmp_path / "county-keys", clock).make()
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    county.enrol(township)
    with HubDesk.open(pg_url, wall=clock) as desk:
        with_logins(desk)  # type: ignore[arg-type]
    with county.served() as county_hub, BackgroundHub(township.folder, wall=clock) as township_hub:
        case_id = send_up_to_county(county, township, station, township_hub, county_hub)
        yield county, township, station, case_id, (county_hub, township_hub)
    township.close()
    station.close()


def log_in(qtbot, name: str, password: str):
    def act_now() -> None:
        dialog = _visible("LoginDialog")
        type_text(qtbot, dialog.username, name)
        type_text(qtbot, dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    return (lambda: getattr(_visible("LoginDialog"), "desk", None) is not None, act_now)


def started(qtbot, app: HubApp, user: str = "staff") -> HubWindow:
    robot = Robot(log_in(qtbot, user, PASSWORD))
    assert app.start() is True
    assert not robot.steps
    window = app.window
    assert isinstance(window, HubWindow)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)  # the keys go to it from the start
    return window


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_the_county_officer_logs_in_and_works_a_matter_on_the_postgresql_hub(
    qtbot, county_with_a_matter, pg_url, tmp_path, clock
):
    county, township, station, case_id, (county_hub, township_hub) = county_with_a_matter
    app = HubApp(tmp_path / "office-pc", pg_url, wall=clock)
    window = started(qtbot, app)
    keys = ["inbox", "queue", "catalogue", "stations", "conflicts", "assessment", "settings"]
    assert [s.key for s in window.screens] == keys
    assert COUNTY_NAME in window.windowTitle()
    assert window.server_label.text().endswith(server_location(pg_url))
    assert "@" not in window.server_label.text() and "password" not in window.server_label.text()

    inbox = window.page("inbox")
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    assert inbox.table.item(0, 0).text()  # the matter's number
    inbox.table.setFocus()
    inbox.table.selectRow(0)
    shot(window, "hub-app-inbox.png")
    QTest.keyClick(inbox, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 接收(&A)
    qtbot.waitUntil(lambda: "已接收" in inbox.result.toPlainText(), timeout=WAIT)
    with HubDesk.open(pg_url, wall=clock) as desk:
        [held] = centre.inbox(desk, clock(), centre.IN_HAND)  # type: ignore[arg-type]
        assert held.case_id == case_id

    # The matter's whole page, read from the hub's server: its history shows the county's step.
    inbox.view_buttons["in_hand"].setChecked(True)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)
    inbox.table.selectRow(0)
    inbox.buttons["open"].click()
    detail = window.findChild(CaseDetailDialog)
    qtbot.waitUntil(lambda: detail.view is not None, timeout=WAIT)
    assert detail.number.text() == held.case_no and not detail.error.isVisible()
    who = {(line.what, line.who) for line in detail.view.timeline}
    assert ("上级接收", "县中心王小") in who  # the county officer's own step, by name
    assert ("转办", "县中心王小") not in who  # the station's "staff" is someone else
    shot(detail, "hub-app-case.png")
    detail.close()
    window.activateWindow()  # the keys below go to the main window again
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)

    # A second matter sent up while the window is open shows without anyone pressing a key:
    # the workers serving the townships write, the window watches the log's commit-order mark.
    later = take_in(station, name="李四", description="低保复核结果未告知")
    act(station, later, "transferred", to_level="township", to_unit=township.desk.installation.unit_name)
    sync(station, township_hub.url)
    sync(township, county_hub.url)
    sync(station, township_hub.url)
    centre.take_up(township.desk, "staff", later)
    centre.forward(township.desk, "staff", later, "county", COUNTY_NAME, "需县民政局复核")
    sync(township, county_hub.url)
    inbox.view_buttons["new"].setChecked(True)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=WAIT)

    quiet = make_node(tmp_path / "quiet", OTHER_TOWNSHIP, "李堡镇代理中心", "township", clock)
    county.enrol(quiet)  # enrolled, never synced: the county should ask why (as a township would)
    quiet.close()
    QTest.keyClick(window, Qt.Key.Key_F11)
    stations = window.page("stations")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is stations, timeout=WAIT)
    qtbot.waitUntil(lambda: stations.table.rowCount() == 2, timeout=WAIT)
    states = {stations.table.item(r, 0).text(): stations.table.item(r, 2).text() for r in range(2)}
    assert states == {township.desk.installation.unit_name: "正常", "李堡镇代理中心": "还没有同步过"}
    assert "登记在用的下级 2 个；1 个超过 48 小时没有联系：李堡镇代理中心" in stations.summary.text()
    shot(window, "hub-app-stations.png")

    QTest.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    figures = window.page("assessment")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is figures, timeout=WAIT)
    qtbot.waitUntil(lambda: figures.report is not None, timeout=WAIT)
    with pg.open_hub(pg_url) as db:
        expected = pg.report(db, parse_period(figures.period_text()), clock())
    assert figures.report.to_json() == expected.to_json()  # the figures ``hub report --database`` prints
    [whole] = figures.report.rows["county"]
    assert whole["registered"] == 2  # both matters the station took in, seen from the county
    assert figures.table.model().rowCount() >= 1
    shot(window, "hub-app-assessment.png")
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=WAIT)
    app.close()


def test_the_county_looks_through_every_matter_below_it_and_searches_them(
    qtbot, county_with_a_matter, pg_url, tmp_path, clock
):
    county, township, station, case_id, (county_hub, township_hub) = county_with_a_matter
    at_home = take_in(station, name="王秀英", phone="13912345678", description="反映3组路灯不亮")
    sync(station, township_hub.url)
    sync(township, county_hub.url)
    app = HubApp(tmp_path / "office-pc", pg_url, wall=clock)
    window = started(qtbot, app)
    QTest.keyClick(window, Qt.Key.Key_F3)
    queue = window.page("queue")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is queue, timeout=WAIT)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 2, timeout=WAIT)  # the whole network's matters
    qtbot.waitUntil(lambda: queue.count_label.text().startswith("共 2 件"), timeout=WAIT)
    qtbot.waitUntil(lambda: bool(queue.model.names), timeout=WAIT)
    assert {queue.model.extra_text(r) for r in queue.model.rows if r is not None} == {"曲塘镇代理站 210"}
    shot(window, "hub-app-queue.png")

    def found(text: str) -> set[str]:
        queue.search.setFocus()
        queue.search.selectAll()
        type_text(qtbot, queue.search, text) if text else queue.search.clear()
        qtbot.keyClick(queue.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: queue.model.filter.search == text and not queue.model.loading, timeout=WAIT)
        return {r.id for r in queue.model.rows if r is not None}

    # The rule a station's search keys answer (haian_desk/cases/search.py), by a scan here.
    assert found("陈国平") == {case_id}
    assert found("wangxiu") == {at_home}  # the start of a pinyin reading
    assert found("wxy") == {at_home}  # initials
    assert found("5678") == {at_home}  # the phone's end
    assert found("路灯") == {at_home}  # part of the description
    assert found("ABC") == set()
    number = queries.get_case(station.desk, at_home).case_no
    assert found(number.split("-", 1)[1]) == {at_home}  # the number's date part
    assert found("") == {case_id, at_home}
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=WAIT)
    app.close()


def test_the_county_admin_changes_a_catalogue_item_and_every_station_below_gets_it_once(
    qtbot, county_with_a_matter, pg_url, tmp_path, clock
):
    county, township, station, case_id, (county_hub, township_hub) = county_with_a_matter
    app = HubApp(tmp_path / "office-pc", pg_url, wall=clock)
    window = started(qtbot, app, "admin")
    QTest.keyClick(window, Qt.Key.Key_F5)
    page = window.page("catalogue")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=WAIT)
    type_text(qtbot, page.search, "zdshbz")  # 最低生活保障申请, by its initials
    qtbot.waitUntil(lambda: page.detail.title.text().startswith("MZ-001"), timeout=WAIT)
    assert page.edit_button.isEnabled()
    page.edit_button.click()
    dialog = page.dialog
    dialog.materials.appendPlainText("县里统一：近期一寸照片1张")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.saved_version == 2
    qtbot.waitUntil(lambda: page.detail.history.rowCount() == 2, timeout=WAIT)
    shot(window, "hub-app-catalogue.png")
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=WAIT)
    app.close()

    for _ in range(2):  # a second round brings nothing twice
        sync(township, county_hub.url)
        sync(station, township_hub.url)
    for node in (township, station):
        row = catalogue.get(node.desk, "MZ-001")
        assert row["version"] == 2 and "县里统一：近期一寸照片1张" in row["materials"], node.desk.installation.role
        changes = node.desk.db.query(
            "SELECT id FROM events WHERE stream = 'catalogue' AND stream_id = 'MZ-001' AND type = 'updated'"
        )
        assert len(changes) == 1


def test_the_county_settles_a_matter_it_and_the_station_acted_on_at_once(
    qtbot, county_with_a_matter, pg_url, tmp_path, clock
):
    county, township, station, case_id, (county_hub, township_hub) = county_with_a_matter
    with HubDesk.open(pg_url, wall=clock) as desk:
        centre.take_up(desk, "staff", case_id)  # type: ignore[arg-type]
        clock.advance(minutes=5)
        operations.act(desk, "staff", case_id, "completed", result="granted", note="县里已协调退还")  # type: ignore[arg-type]
    clock.advance(minutes=5)
    act(station, case_id, "withdrawn", reason="群众说已私下解决")  # the station, not yet told
    for _ in range(2):
        sync(station, township_hub.url)
        sync(township, county_hub.url)
        sync(station, township_hub.url)

    app = HubApp(tmp_path / "office-pc", pg_url, wall=clock)
    window = started(qtbot, app)
    QTest.keyClick(window, Qt.Key.Key_F12)
    page = window.page("conflicts")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=WAIT)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: "县里已协调退还" in page.sides.toPlainText(), timeout=WAIT)
    assert page.table.item(0, 1).text() == "曲塘镇代理站 210"  # a station not enrolled here: named by its code
    sides = page.sides.toPlainText()
    assert "县中心王小" in sides and "群众说已私下解决" in sides  # both sides, each by who acted
    shot(window, "hub-app-conflicts.png")
    page.decision.setFocus()
    type_text(qtbot, page.decision, "以县中心办结为准，已电话告知站点")
    QTest.keyClick(page.decision, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # 记录裁定(&D)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0 or page.error.isVisible(), timeout=WAIT)
    assert not page.error.isVisible(), page.error.text()
    assert "县中心王小" in page.result.toPlainText()
    with HubDesk.open(pg_url, wall=clock) as desk:
        assert queries.get_case(desk, case_id).conflicts == 0  # type: ignore[arg-type]
    with pg.open_hub(pg_url) as db:
        assert pg.check(db).ok
    sync(township, county_hub.url)
    sync(station, township_hub.url)
    assert queries.get_case(station.desk, case_id).conflicts == 0  # settled everywhere
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=WAIT)
    app.close()


def test_the_hub_window_speaks_english_when_asked(
    qtbot, county_with_a_matter, pg_url, tmp_path, clock, restore_appearance
):
    app = HubApp(tmp_path / "office-pc", pg_url, language="en", wall=clock)
    window = started(qtbot, app)
    labels = [s.label() for s in window.screens]
    assert not any("\u4e00" <= ch <= "\u9fff" for label in labels for ch in label), labels
    assert window.server_label.text().startswith("Hub database:")
    QTest.keyClick(window, Qt.Key.Key_F11)
    stations = window.page("stations")
    qtbot.waitUntil(lambda: stations.table.rowCount() == 1, timeout=WAIT)
    assert stations.table.item(0, 2).text() == "OK"
    shot(window, "hub-app-stations-en.png")
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=WAIT)
    app.close()


def test_the_hub_admin_adds_an_officer_and_switches_this_pc_to_english(
    qtbot, county_with_a_matter, pg_url, tmp_path, clock, restore_appearance
):
    folder = tmp_path / "office-pc"
    app = HubApp(folder, pg_url, wall=clock)
    window = started(qtbot, app, "admin")
    import_action = window.findChild(type(window.screen_actions["inbox"]), "importAction")
    assert import_action is not None and not import_action.isVisible()  # rosters are imported at stations
    QTest.keyClick(window, Qt.Key.Key_F6)
    page = window.page("settings")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=WAIT)
    tab = page.users
    assert tab is not None
    page.tabs.setCurrentIndex(1)
    tab.add_user()  # nothing typed: refused in words, nothing added
    qtbot.waitUntil(tab.error.isVisible, timeout=WAIT)
    with HubDesk.open(pg_url, wall=clock) as desk:
        before = desk.db.scalar("SELECT count(*) FROM users")
    type_text(qtbot, tab.username, "zhou")
    type_text(qtbot, tab.display_name, "县中心周敏")
    tab.role.setCurrentIndex(tab.role.findData("township_staff"))
    type_text(qtbot, tab.password, "another-pw-1")
    tab.add_button.click()
    qtbot.waitUntil(lambda: not tab.username.text() and tab.add_button.isEnabled(), timeout=WAIT)
    with HubDesk.open(pg_url, wall=clock) as desk:
        assert desk.db.scalar("SELECT count(*) FROM users") == before + 1
        assert users.authenticate(desk, "zhou", "another-pw-1").display_name == "县中心周敏"  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: tab.table.rowCount() == before + 1, timeout=WAIT)  # the list shows the officer
    shot(window, "hub-app-settings.png")

    page.tabs.setCurrentIndex(0)
    page.interface.language.setCurrentIndex(page.interface.language.findData("en"))
    page.interface.apply_button.click()
    qtbot.waitUntil(lambda: app.window is not window, timeout=WAIT)  # rebuilt in the new language
    qtbot.addWidget(app.window)
    assert isinstance(app.window, HubWindow) and app.window.current_key() == "settings"
    assert app.window.screen_actions["inbox"].text() != "上报事项"
    assert preferences.load(folder).language == "en"  # kept on this PC for next time
    qtbot.waitUntil(lambda: app.worker.pending == 0, timeout=WAIT)
    app.close()


def test_the_county_saves_a_matter_s_completion_notice_as_pdf_and_the_copy_is_counted(
    qtbot, county_with_a_matter, pg_url, tmp_path, clock, make_session
):
    county, township, station, case_id, _ = county_with_a_matter
    with HubDesk.open(pg_url, wall=clock) as desk:
        centre.take_up(desk, "staff", case_id)  # type: ignore[arg-type]
        operations.act(desk, "staff", case_id, "completed", result="granted", note="县里已协调退还")  # type: ignore[arg-type]
    desk = HubDesk.open(pg_url, wall=clock)
    session = make_session(desk, "staff")
    done: list = []
    target = tmp_path / "办结告知.pdf"
    owner = QWidget()
    qtbot.addWidget(owner)
    actions.save_pdf(owner, session, actions.Request(case_id, doc="completion"), target, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert queries.get_case(desk, case_id).case_no in text.replace(" ", "")  # type: ignore[arg-type]
    assert prints.copies_printed(desk, case_id, "completion") == 1  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: session.worker.pending == 0, timeout=WAIT)
    desk.close()


def test_a_wrong_password_or_a_station_login_is_refused_at_the_hub(qtbot, county_with_a_matter, pg_url, tmp_path):
    app = HubApp(tmp_path / "office-pc", pg_url)
    seen: dict[str, str] = {}

    def wrong_then_cancel() -> None:
        dialog = _visible("LoginDialog")
        type_text(qtbot, dialog.username, "staff")
        type_text(qtbot, dialog.password, "not-the-password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
        seen["error"] = dialog.error.text()
        seen["password"] = dialog.password.text()
        dialog.reject()

    robot = Robot((lambda: getattr(_visible("LoginDialog"), "desk", None) is not None, wrong_then_cancel))
    assert app.start() is False
    assert not robot.steps
    assert "密码" in seen["error"] and seen["password"] == ""
    assert app.window is None
    app.close()


def test_an_unreachable_or_unready_database_stops_the_start_with_what_to_check(qtbot, pg_url, tmp_path):
    for url, words in (
        ("postgresql://nobody@127.0.0.1:1/nothing", "连不上 PostgreSQL 数据库"),
        (pg_url, "结构是第 0 版"),  # a database nobody made a hub in
    ):
        app = HubApp(tmp_path / "office-pc", url)
        with pytest.raises(SetupError, match=words) as refused:
            app.start()
        assert "--database" in (refused.value.hint or "") or "postgres-hub" in (refused.value.hint or "")
        app.close()


def test_gui_with_database_opens_the_hub_app(monkeypatch, tmp_path):
    """``haian-desk gui --database URL`` (or the environment's URL) goes to the hub's app."""
    import ui.hub_app

    opened: list[str] = []
    monkeypatch.setattr(ui.hub_app, "run_hub_app", lambda folder, url, language: opened.append(url) or 0)

    class Args:
        lang = top_lang = None
        database = "postgresql://hub.example/county"

    assert _run(Args(), tmp_path) == 0
    assert opened == ["postgresql://hub.example/county"]
