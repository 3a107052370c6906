"""The county's inbox on a PostgreSQL hub: station (SQLite) → township (SQLite) → county
(PostgreSQL) over HTTP, the county acting through ``HubDesk`` with the same inbox functions a
township's desk uses, and each step reaching the township and the station once."""

from __future__ import annotations

from typing import cast

import pytest

from haian_desk.cases import inbox, queries
from haian_desk.core.errors import NotFound, RuleRefused
from haian_desk.desk import Desk
from haian_desk.hub_desk import HubDesk
from haian_desk.people import users
from haian_desk.people.permissions import NotPermitted
from haian_desk.storage.check import run_check
from haian_desk.storage.postgres import hub as pg
from sync.serve import BackgroundHub
from tests.sync.helpers import PASSWORD, act, case_rows, sync, take_in, township_with_stations
from tests.sync.pg_county import COUNTY_NAME, PgCounty

MOVES = ("transferred", "taken_up", "forwarded", "returned")


def county_desk(url: str, clock) -> Desk:
    """The county as the inbox functions see it: a desk (``HubDesk`` has what they use)."""
    desk = HubDesk.open(url, wall=clock)
    return cast(Desk, desk)


def with_logins(desk: Desk) -> None:
    users.add_user(desk, "admin", "管理员", "admin", PASSWORD)
    users.add_user(desk, "staff", "县中心王小", "township_staff", PASSWORD, actor="admin")
    users.add_user(desk, "clerk", "季红梅", "station_staff", PASSWORD, actor="admin")


@pytest.fixture
def three_levels(pg_url, tmp_path, clock):
    county = PgCounty(pg_url, tmp_path / "county-keys", clock).make()
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    county.enrol(township)
    desk = county_desk(pg_url, clock)
    with_logins(desk)
    yield county, desk, township, station
    desk.close()  # type: ignore[attr-defined]
    township.close()
    station.close()


def send_up_to_county(
    county, township, station, township_hub, county_hub, description="承包地被邻村占用，镇里协调不成"
):
    case_id = take_in(station, name="陈国平", description=description)
    act(station, case_id, "transferred", to_level="township", to_unit=township.desk.installation.unit_name)
    sync(station, township_hub.url)
    sync(township, county_hub.url)
    sync(station, township_hub.url)
    inbox.take_up(township.desk, "staff", case_id)
    inbox.forward(township.desk, "staff", case_id, "county", COUNTY_NAME, "需县农业农村局会办")
    sync(township, county_hub.url)
    return case_id


def test_the_postgresql_county_takes_up_forwards_and_returns_and_every_level_sees_it_once(three_levels, clock, pg_url):
    county, desk, township, station = three_levels
    with county.served() as county_hub, BackgroundHub(township.folder, wall=clock) as township_hub:

        def round_trip():
            sync(station, township_hub.url)
            sync(township, county_hub.url)
            sync(station, township_hub.url)

        case_id = send_up_to_county(county, township, station, township_hub, county_hub)
        [item] = inbox.inbox(desk, clock(), inbox.NEW)
        assert (item.case_id, item.unit_code, item.level, item.villager) == (
            case_id,
            station.unit_code,
            "county",
            "陈国平",
        )
        assert item.return_choices == ["township", "station"]
        inbox.take_up(desk, "staff", case_id)
        assert [i.case_id for i in inbox.inbox(desk, clock(), inbox.IN_HAND)] == [case_id]
        inbox.forward(desk, "staff", case_id, "department", "海安市农业农村局", "请核实承包合同")
        [sent] = inbox.inbox(desk, clock(), inbox.SENT_ON)
        assert (sent.holder_level, sent.holder, sent.follows_up) == ("department", "海安市农业农村局", True)
        clock.advance(days=3)
        inbox.return_down(desk, "staff", case_id, "县里会办：按二轮承包合同确权，已通知邻村退还")
        assert inbox.inbox(desk, clock()) == []
        round_trip()
        round_trip()  # a second exchange brings nothing twice

        [back] = inbox.inbox(township.desk, clock(), inbox.NEW)
        assert back.case_id == case_id
        inbox.take_up(township.desk, "staff", case_id)
        inbox.return_down(township.desk, "staff", case_id, "镇里已按县里意见督促邻村退还")
        round_trip()

    timeline = queries.timeline(station.desk, case_id)
    moves = [(e.type, e.payload.get("level") or e.payload.get("to_level")) for e in timeline if e.type in MOVES]
    assert moves == [
        ("transferred", "township"),
        ("taken_up", "township"),
        ("forwarded", "county"),
        ("taken_up", "county"),
        ("forwarded", "department"),
        ("returned", "township"),
        ("taken_up", "township"),
        ("returned", None),
    ]
    outcomes = [e.payload["outcome"] for e in timeline if e.type == "returned"]
    assert outcomes == ["县里会办：按二轮承包合同确权，已通知邻村退还", "镇里已按县里意见督促邻村退还"]
    assert len({e.id for e in timeline}) == len(timeline)
    assert [e.actor for e in timeline if e.origin == desk.installation.id] == ["staff"] * 3
    assert case_rows(station)[case_id] == case_rows(township)[case_id]
    assert queries.get_case(desk, case_id).state() == queries.get_case(station.desk, case_id).state()
    with pg.open_hub(pg_url) as db:
        assert pg.check(db).ok
    assert run_check(township.desk).ok and run_check(station.desk).ok


def test_the_county_refuses_and_writes_nothing(three_levels, clock, pg_url):
    county, desk, township, station = three_levels
    with county.served() as county_hub, BackgroundHub(township.folder, wall=clock) as township_hub:
        case_id = send_up_to_county(county, township, station, township_hub, county_hub)
        at_home = take_in(station, description="反映3组路灯不亮")
        act(station, at_home, "transferred", to_level="township", to_unit=township.desk.installation.unit_name)
        sync(station, township_hub.url)
        sync(township, county_hub.url)
    before = desk.db.scalar("SELECT count(*) FROM events")
    with pytest.raises(RuleRefused, match="现在不在县级代理中心"):
        inbox.take_up(desk, "staff", at_home)  # held by the township: not here
    with pytest.raises(NotFound):
        inbox.take_up(desk, "staff", "no-such-case")
    with pytest.raises(NotPermitted, match="不是本站的账号"):
        inbox.take_up(desk, "nobody", case_id)
    with pytest.raises(NotPermitted, match="代理站工作人员不能"):
        inbox.take_up(desk, "clerk", case_id)
    assert desk.db.scalar("SELECT count(*) FROM events") == before  # nothing half-written
    users.set_active(desk, "admin", "staff", False)
    with pytest.raises(NotPermitted, match="已停用"):
        inbox.take_up(desk, "staff", case_id)
    users.add_user(desk, "staff2", "县中心李", "township_staff", PASSWORD, actor="admin")
    inbox.take_up(desk, "staff2", case_id)
    with pytest.raises(RuleRefused, match="已经接收过了"):
        inbox.take_up(desk, "staff2", case_id)
    with pg.open_hub(pg_url) as db:
        assert pg.check(db).ok


# -- the same from the command line: an officer without the desktop ----------------------------


def said(capsys, *args: str) -> tuple[int, str]:
    from haian_desk.cli import main as cli

    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_officer_works_the_postgresql_inbox_from_the_command_line(pg_url, tmp_path, clock, capsys, monkeypatch):
    county = PgCounty(pg_url, tmp_path / "county-keys", clock).make()
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    county.enrol(township)
    init = ("init", "--role", "county", "--station-code", "320685", "--name", COUNTY_NAME, "--database", pg_url)
    code, text = said(capsys, *init, "--admin", "boss")
    assert code == 2 and "HAIAN_DESK_ADMIN_PASSWORD" in text
    monkeypatch.setenv("HAIAN_DESK_ADMIN_PASSWORD", PASSWORD)
    code, text = said(capsys, *init, "--admin", "boss")
    assert code == 0 and "boss" in text, text
    monkeypatch.setenv("HAIAN_DESK_USER_PASSWORD", PASSWORD)
    add = ("hub", "user-add", "officer", "--role", "township_staff", "--database", pg_url)
    code, text = said(capsys, *add, "--as", "nobody")
    assert code == 2 and "不是本站的账号" in text, text
    assert said(capsys, *add, "--as", "boss")[0] == 0
    with county.served() as county_hub, BackgroundHub(township.folder, wall=clock) as township_hub:
        case_id = send_up_to_county(county, township, station, township_hub, county_hub)
    case_no = queries.get_case(station.desk, case_id).case_no

    code, text = said(capsys, "hub", "inbox", "--database", pg_url, "--view", "new")
    assert code == 0 and case_no in text and "陈**" in text and "陈国平" not in text, text
    as_officer = ("--as", "officer", "--database", pg_url)
    assert said(capsys, "hub", "take-up", case_no, *as_officer)[0] == 0
    code, text = said(capsys, "hub", "take-up", case_no, *as_officer)
    assert code == 2 and "已经接收过了" in text, text
    code, text = said(capsys, "hub", "take-up", "320685999999-2026-9999", *as_officer)
    assert code == 2 and "没有编号为" in text, text
    forward = ("hub", "forward", case_no, "--to-level", "department", "--to-unit", "海安市民政局", *as_officer)
    assert said(capsys, *forward)[0] == 0
    code, text = said(capsys, "hub", "inbox", "--database", pg_url, "--view", "sent_on")
    assert code == 0 and "海安市民政局" in text, text
    assert said(capsys, "hub", "return", case_no, "--outcome", "民政局已复核", *as_officer)[0] == 0
    code, text = said(capsys, "hub", "inbox", "--database", pg_url)
    assert code == 0 and case_no not in text, text
    code, text = said(capsys, "hub", "check", "--database", pg_url)
    assert code == 0, text
    # without --database: the installation in the data folder (here the township: it sent it on)
    monkeypatch.delenv("HAIAN_DESK_DATABASE", raising=False)
    township.desk.close()
    code, text = said(capsys, "hub", "inbox", "--data-dir", str(township.folder))
    assert code == 0 and case_no in text and "已转出" in text and "陈**" in text, text
    township.reopen()
    township.close()
    station.close()


def test_a_database_that_is_not_a_hub_is_refused(pg_url, capsys):
    code, text = said(capsys, "hub", "inbox", "--database", pg_url)
    assert code == 2 and "PostgreSQL" in text, text
    with pytest.raises(Exception, match="版"):
        HubDesk.open(pg_url)


# -- one rule, two databases: the same events give the same inbox ------------------------------


def test_the_same_events_give_the_same_inbox_on_a_sqlite_and_a_postgresql_county(three_levels, tmp_path, clock):
    from haian_desk.storage.eventlog import COLUMNS, Event
    from tests.sync.helpers import COUNTY, make_node

    county, desk, township, station = three_levels
    twin = make_node(tmp_path / "sqlite-county", COUNTY, COUNTY_NAME, "county", clock)

    def same_inbox() -> list[inbox.InboxItem]:
        rows = desk.db.query(f"SELECT {', '.join(COLUMNS)} FROM events")
        twin.desk.ledger.ingest([Event.from_row(r) for r in rows])
        for view in (None, inbox.NEW, inbox.IN_HAND, inbox.SENT_ON):
            assert inbox.inbox(twin.desk, clock(), view) == inbox.inbox(desk, clock(), view)
        return inbox.inbox(desk, clock())

    with county.served() as county_hub, BackgroundHub(township.folder, wall=clock) as township_hub:
        case_id = send_up_to_county(county, township, station, township_hub, county_hub)
        other = send_up_to_county(county, township, station, township_hub, county_hub, "邻里宅基地纠纷")
    assert [i.view for i in same_inbox()] == [inbox.NEW, inbox.NEW]
    inbox.take_up(desk, "staff", case_id)
    inbox.take_up(desk, "staff", other)
    clock.advance(days=1)
    inbox.forward(desk, "staff", other, "department", "海安市自然资源和规划局", "请现场勘界")
    assert sorted(i.view for i in same_inbox()) == [inbox.IN_HAND, inbox.SENT_ON]
    inbox.return_down(desk, "staff", case_id, "已答复", "station")
    assert [i.case_id for i in same_inbox()] == [other]
    twin.close()


def test_a_hub_login_is_checked_with_the_same_password_rule(three_levels):
    _, desk, _, _ = three_levels
    assert users.authenticate(desk, "staff", PASSWORD).role == "township_staff"
    stored = desk.db.scalar("SELECT password_hash FROM users WHERE username = 'staff'")
    assert stored.startswith("scrypt$") and users.verify_password(PASSWORD, stored)
    with pytest.raises(Exception, match="密码"):
        users.authenticate(desk, "staff", "wrong-password")


def test_two_officers_acting_at_once_get_distinct_numbers_of_the_hubs_origin(three_levels, clock, pg_url):
    from concurrent.futures import ThreadPoolExecutor

    county, desk, township, station = three_levels
    with county.served() as county_hub, BackgroundHub(township.folder, wall=clock) as township_hub:
        cases = [
            send_up_to_county(county, township, station, township_hub, county_hub, f"第{n}件：道路积水")
            for n in range(4)
        ]
    desks = [county_desk(pg_url, clock) for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda pair: inbox.take_up(desks[pair[0] % 2], "staff", pair[1]), enumerate(cases)))
    for other in desks:
        other.close()  # type: ignore[attr-defined]
    seqs = [r[0] for r in desk.db.query("SELECT origin_seq FROM events WHERE origin = ?", (desk.installation.id,))]
    assert sorted(seqs) == list(range(min(seqs), min(seqs) + len(seqs)))
    assert {i.view for i in inbox.inbox(desk, clock())} == {inbox.IN_HAND}
    with pg.open_hub(pg_url) as db:
        assert pg.check(db).ok
