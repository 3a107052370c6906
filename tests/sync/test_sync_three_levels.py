"""Three levels on loopback: village station → township hub → county hub, and back down."""

from __future__ import annotations

from haian_desk.people import cadres
from haian_desk.cases import queries
from haian_desk.storage.check import run_check
from sync.serve import BackgroundHub
from sync.status import stations
from tests.sync.helpers import (
    COUNTY, OTHER_TOWNSHIP, act, case_rows, enrol, make_node, sync, take_in, township_with_stations)


def test_a_matter_sent_to_the_county_comes_back_down_to_the_village(tmp_path, clock):
    county = make_node(tmp_path / "county", COUNTY, "海安市群众事务代理中心", "county", clock)
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    enrol(township, county)
    other_township = make_node(tmp_path / "libao", OTHER_TOWNSHIP, "李堡镇代理中心", "township", clock)
    enrol(other_township, county)
    other_station = make_node(tmp_path / "libao-village", OTHER_TOWNSHIP + "201", "李堡镇某村代理站",
                              "station", clock)
    enrol(other_station, other_township)
    nodes = (county, township, station, other_township, other_station)
    with BackgroundHub(county.folder, wall=clock) as county_hub, \
            BackgroundHub(township.folder, wall=clock) as township_hub, \
            BackgroundHub(other_township.folder, wall=clock) as other_hub:
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
        county_cadre = cadres.add(county.desk, "admin", cadres.CadreInput(
            name="吴爱民", phone="13906271003", unit_code=county.unit_code, title="县代理中心联络员"))
        sync(township, county_hub.url)
        sync(station, township_hub.url)

    row = queries.get_case(station.desk, case_id)
    assert row["status"] == "completed" and row["result"] == "granted"
    assert [e.type for e in queries.timeline(station.desk, case_id)][-2:] == ["returned", "completed"]
    assert case_rows(station)[case_id] == case_rows(township)[case_id] == case_rows(county)[case_id]
    assert station.desk.db.scalar("SELECT name FROM cadres WHERE id = ?", (county_cadre,)) == "吴爱民"
    assert elsewhere not in case_rows(township) and elsewhere not in case_rows(station)
    for node in nodes:
        assert run_check(node.desk).ok
        node.close()
