"""Three levels on loopback: village station → township hub → county hub, and back down."""

from __future__ import annotations

import pytest

from haian_desk.cases import inbox, queries
from haian_desk.core.errors import RuleRefused, ValidationError
from haian_desk.people import cadres
from haian_desk.replication.status import stations
from haian_desk.storage.check import run_check
from sync.serve import BackgroundHub
from tests.sync.helpers import (
    COUNTY,
    OTHER_TOWNSHIP,
    act,
    case_rows,
    enrol,
    make_node,
    sync,
    take_in,
    township_with_stations,
)


def test_a_matter_sent_to_the_county_comes_back_down_to_the_village(tmp_path, clock):
    county = make_node(tmp_path / "county", COUNTY, "海安市群众事务代理中心", "county", clock)
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    enrol(township, county)
    other_township = make_node(tmp_path / "libao", OTHER_TOWNSHIP, "李堡镇代理中心", "township", clock)
    enrol(other_township, county)
    other_station = make_node(tmp_path / "libao-village", OTHER_TOWNSHIP + "201", "李堡镇某村代理站", "station", clock)
    enrol(other_station, other_township)
    nodes = (county, township, station, other_township, other_station)
    with (
        BackgroundHub(county.folder, wall=clock) as county_hub,
        BackgroundHub(township.folder, wall=clock) as township_hub,
        BackgroundHub(other_township.folder, wall=clock) as other_hub,
    ):
        case_id = take_in(station, name="陈国平", description="低保待遇认定有争议，请求县民政局复核")
        act(station, case_id, "transferred", to_level="county", to_unit="海安市民政局")
        elsewhere = take_in(other_station, description="反映李堡镇道路积水")
        sync(station, township_hub.url)
        sync(other_station, other_hub.url)
        sync(township, county_hub.url)
        sync(other_township, county_hub.url)

        # the county leader sees every township's matters, with the villager's name
        assert {case_id, elsewhere} <= set(case_rows(county))
        assert county.desk.db.scalar("SELECT name FROM villagers WHERE id = ?", (station.villager_ids[0],)) == "陈国平"
        assert {r["unit_code"] for r in stations(county.desk)} == {township.unit_code, other_township.unit_code}

        clock.advance(days=2)
        act(county, case_id, "returned", outcome="县民政局复核后认定符合条件")
        act(county, case_id, "completed", result="granted", note="已按月发放")
        county_cadre = cadres.add(
            county.desk,
            "admin",
            cadres.CadreInput(name="吴爱民", phone="13906271003", unit_code=county.unit_code, title="县代理中心联络员"),
        )
        sync(township, county_hub.url)
        sync(station, township_hub.url)

    row = queries.get_case(station.desk, case_id)
    assert row.status == "completed" and row.result == "granted"
    assert [e.type for e in queries.timeline(station.desk, case_id)][-2:] == ["returned", "completed"]
    assert case_rows(station)[case_id] == case_rows(township)[case_id] == case_rows(county)[case_id]
    assert station.desk.db.scalar("SELECT name FROM cadres WHERE id = ?", (county_cadre,)) == "吴爱民"
    assert elsewhere not in case_rows(township) and elsewhere not in case_rows(station)
    for node in nodes:
        assert run_check(node.desk).ok
        node.close()


# -- the county's inbox: the township's inbox one rung higher ------------------------------

COUNTY_CENTRE = "海安市群众事务代理中心"


def three_levels(tmp_path, clock):
    county = make_node(tmp_path / "county", COUNTY, COUNTY_CENTRE, "county", clock)
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    enrol(township, county)
    return county, township, station


def test_a_matter_forwarded_to_the_county_is_handled_there_and_returned_down_level_by_level(tmp_path, clock):
    county, township, station = three_levels(tmp_path, clock)
    with (
        BackgroundHub(county.folder, wall=clock) as county_hub,
        BackgroundHub(township.folder, wall=clock) as township_hub,
    ):

        def round_trip():
            sync(station, township_hub.url)
            sync(township, county_hub.url)
            sync(station, township_hub.url)

        case_id = take_in(station, name="陈国平", description="承包地被邻村占用，镇里协调不成")
        act(station, case_id, "transferred", to_level="township", to_unit=township.desk.installation.unit_name)
        round_trip()
        inbox.take_up(township.desk, "staff", case_id)
        inbox.forward(township.desk, "staff", case_id, "county", COUNTY_CENTRE, "需县农业农村局和自然资源局会办")
        round_trip()

        # at the county: a new matter of its inbox, taken up there, jointly handled with county departments
        [item] = inbox.inbox(county.desk, clock(), inbox.NEW)
        assert (item.case_id, item.unit_code, item.level) == (case_id, station.unit_code, "county")
        assert item.unit_name == f"曲塘镇 {station.unit_code}"  # a station the county never enrolled
        assert item.return_choices == ["township", "station"]
        inbox.take_up(county.desk, "staff", case_id)
        assert [i.case_id for i in inbox.inbox(county.desk, clock(), inbox.IN_HAND)] == [case_id]
        act(county, case_id, "joint_handling", units=["海安市农业农村局", "海安市自然资源和规划局"])
        # meanwhile the township sees it sent on, and cannot take it up again
        [sent] = inbox.inbox(township.desk, clock())
        assert sent.view == inbox.SENT_ON and (sent.holder_level, sent.holder) == ("county", COUNTY_CENTRE)
        with pytest.raises(RuleRefused, match="现在不在镇（街道）代理中心，在县级代理中心（海安市群众事务代理中心）"):
            inbox.take_up(township.desk, "staff", case_id)
        assert not sent.follows_up  # the county syncs with this township: the county answers for it
        with pytest.raises(RuleRefused, match="等上级办理后退回本级"):
            inbox.return_down(township.desk, "staff", case_id, "镇里直接答复")

        clock.advance(days=3)
        inbox.return_down(county.desk, "staff", case_id, "县里会办：按二轮承包合同确权，已通知邻村退还")
        assert inbox.inbox(county.desk, clock()) == []
        round_trip()

        # back at the township: waiting to be received again, then returned to the station
        [back] = inbox.inbox(township.desk, clock(), inbox.NEW)
        assert back.case_id == case_id and back.route_up == [
            {"level": "township", "unit": township.desk.installation.unit_name}
        ]
        inbox.take_up(township.desk, "staff", case_id)
        inbox.return_down(township.desk, "staff", case_id, "镇里已按县里意见督促邻村退还")
        round_trip()

    at_station = queries.get_case(station.desk, case_id)
    assert (at_station.status, at_station.holder_level, at_station.route_up) == ("in_progress", None, ())
    assert at_station.joint_units == ("海安市农业农村局", "海安市自然资源和规划局")
    moves = [
        (e.type, e.payload.get("level") or e.payload.get("to_level"))
        for e in queries.timeline(station.desk, case_id)
        if e.type in MOVES
    ]
    assert moves == [
        ("transferred", "township"),
        ("taken_up", "township"),
        ("forwarded", "county"),
        ("taken_up", "county"),
        ("returned", "township"),
        ("taken_up", "township"),
        ("returned", None),
    ]
    assert case_rows(station)[case_id] == case_rows(township)[case_id] == case_rows(county)[case_id]
    for node in (county, township, station):
        assert run_check(node.desk).ok
        node.close()


MOVES = ("transferred", "taken_up", "forwarded", "returned")


def test_the_county_refuses_what_is_not_at_the_county_and_says_where_it_is(tmp_path, clock):
    county, township, station = three_levels(tmp_path, clock)
    with (
        BackgroundHub(county.folder, wall=clock) as county_hub,
        BackgroundHub(township.folder, wall=clock) as township_hub,
    ):
        at_township = take_in(station, description="反映3组路灯不亮")
        act(station, at_township, "transferred", to_level="township", to_unit=township.desk.installation.unit_name)
        at_home = take_in(station, description="咨询医保缴费")
        sync(station, township_hub.url)
        sync(township, county_hub.url)
    # what stays at the township is not in the county's inbox, and cannot be taken up there
    assert inbox.inbox(county.desk, clock()) == []
    with pytest.raises(RuleRefused, match="现在不在县级代理中心，在镇（街道）代理中心") as refused:
        inbox.take_up(county.desk, "staff", at_township)
    assert "请由" in refused.value.hint
    with pytest.raises(RuleRefused, match="已经回到受理站点"):
        inbox.take_up(county.desk, "staff", at_home)
    with pytest.raises(RuleRefused, match="现在不在县级代理中心"):
        inbox.forward(county.desk, "staff", at_township, "department", "海安市民政局")
    with pytest.raises(RuleRefused, match="现在不在县级代理中心"):
        inbox.return_down(county.desk, "staff", at_township, "越级退回")
    # nothing was written at the county
    assert [e.type for e in queries.timeline(county.desk, at_township)] == ["registered", "accepted", "transferred"]
    for node in (county, township, station):
        node.close()


def test_the_county_sends_a_matter_to_a_department_and_answers_for_it_until_it_returns(tmp_path, clock):
    county, township, station = three_levels(tmp_path, clock)
    with (
        BackgroundHub(county.folder, wall=clock) as county_hub,
        BackgroundHub(township.folder, wall=clock) as township_hub,
    ):
        case_id = take_in(station, description="低保待遇认定有争议，请求县民政局复核")
        act(station, case_id, "transferred", to_level="county", to_unit=COUNTY_CENTRE)  # straight to the county
        sync(station, township_hub.url)
        sync(township, county_hub.url)
        inbox.take_up(county.desk, "staff", case_id)
        with pytest.raises(ValidationError, match="只能转送到上一级代理中心或职能部门"):
            inbox.forward(county.desk, "staff", case_id, "county", "另一个县")
        inbox.forward(county.desk, "staff", case_id, "department", "海安市民政局", "需民政局复核")
        [item] = inbox.inbox(county.desk, clock(), inbox.SENT_ON)
        assert item.return_choices == ["station"]  # it came straight from the station
        with pytest.raises(RuleRefused, match="现在不在县级代理中心，在职能部门（海安市民政局）"):
            inbox.take_up(county.desk, "staff", case_id)
        inbox.return_down(county.desk, "staff", case_id, "民政局复核后认定符合条件")
        sync(township, county_hub.url)
        sync(station, township_hub.url)
    case = queries.get_case(station.desk, case_id)
    assert (case.status, case.holder_level) == ("in_progress", None)
    for node in (county, township, station):
        assert run_check(node.desk).ok
        node.close()
