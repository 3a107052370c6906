"""The working calendar travels down the tree like the catalogue (real hubs on 127.0.0.1 and USB
files): a year published above recounts the open deadlines it concerns at every level, a local
change reaches only the stations below the township that made it, and a child's calendar changes
nothing above it."""

from __future__ import annotations

import base64
import json
from datetime import datetime

import pytest

from haian_desk.calendar import files, operations as working_calendar
from haian_desk.calendar.signature import verifier
from haian_desk.cases import queries
from haian_desk.core.errors import ValidationError
from haian_desk.core.timeutil import CST, from_iso
from haian_desk.storage.check import run_check
from sync.serve import BackgroundHub
from tests.sync.helpers import COUNTY, by_file, case_rows, enrol, make_node, sync, take_in, township_with_stations

SCHEDULE_2027 = "2027-01-01~2027-01-03,放假,元旦\n2027-02-05~2027-02-13,放假,春节\n2027-02-20,上班,春节\n"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def deadline(node, case_id: str) -> str:
    return from_iso(queries.get_case(node.desk, case_id).deadline).astimezone(CST).strftime("%Y-%m-%d %H:%M")


def publish(node, tmp_path, text: str, name: str = "2027.csv", **options):
    path = tmp_path / f"{node.id[:8]}-{name}"
    path.write_text(text, encoding="utf-8")
    schedule = files.read(path, today=node.desk.now().date(), verify=verifier(node.desk), **options)
    return working_calendar.publish(node.desk, working_calendar.SYSTEM_ACTOR, schedule)


def calendar_of(node):
    return working_calendar.here(node.desk)[0]


@pytest.fixture
def tree(tmp_path, clock):
    clock.now = at("2026-12-31 10:00")
    county = make_node(tmp_path / "county", COUNTY, "海安市群众事务代理中心", "county", clock)
    township, (station, neighbour) = township_with_stations(tmp_path, clock, 2)
    enrol(township, county)
    yield county, township, station, neighbour
    for node in (county, township, station, neighbour):
        node.close()


def test_a_year_published_by_the_county_recounts_deadlines_at_every_level(tree, tmp_path, clock):
    county, township, station, _ = tree
    at_station = take_in(station)
    at_township = take_in(township)
    assert deadline(station, at_station) == deadline(township, at_township) == "2027-01-04 10:00"
    clock.now = at("2026-12-31 11:00")
    publish(county, tmp_path, SCHEDULE_2027)
    with (
        BackgroundHub(county.folder, wall=clock) as county_hub,
        BackgroundHub(township.folder, wall=clock) as township_hub,
    ):
        sync(station, township_hub.url)  # the station's case reaches the township first
        sync(township, county_hub.url)
        assert calendar_of(township).known(2027)
        assert "海安市群众事务代理中心发布" in calendar_of(township).years[2027]
        assert deadline(township, at_township) == "2027-01-05 10:00"
        assert deadline(township, at_station) == "2027-01-04 10:00"  # the station recounts its own cases

        sync(station, township_hub.url)
        assert deadline(station, at_station) == "2027-01-05 10:00"
        last = queries.timeline(station.desk, at_station)[-1]
        assert last.type == "deadline_recomputed"
        assert last.payload["reason"].startswith("同步收到海安市群众事务代理中心发布的2027年工作日历")
        assert last.origin == station.id

        sync(station, township_hub.url)  # the recount goes up like any other event
        sync(township, county_hub.url)
    assert case_rows(station)[at_station] == case_rows(township)[at_station] == case_rows(county)[at_station]
    assert sum(1 for e in queries.timeline(township.desk, at_station) if e.type == "deadline_recomputed") == 1
    for node in tree:
        assert run_check(node.desk).ok


def test_a_local_closure_reaches_only_the_stations_below_and_a_childs_calendar_stays_its_own(tree, tmp_path, clock):
    county, township, station, neighbour = tree
    other = make_node(tmp_path / "libao", "320685103", "李堡镇代理中心", "township", clock)
    enrol(other, county)
    closure = "2027-07-12,停止办公,台风\n"
    publish(township, tmp_path, closure, "typhoon.csv", kind=files.ADJUSTED)
    publish(neighbour, tmp_path, "2027-03-01,停止办公,村部装修\n", "own.csv", kind=files.ADJUSTED)
    with (
        BackgroundHub(county.folder, wall=clock) as county_hub,
        BackgroundHub(township.folder, wall=clock) as township_hub,
    ):
        sync(neighbour, township_hub.url)
        sync(station, township_hub.url)
        sync(township, county_hub.url)
        sync(other, county_hub.url)
    day = at("2027-07-12 00:00").date()
    assert calendar_of(station).day(day).reason == "停止办公（台风）"
    assert calendar_of(township).day(day).reason == "停止办公（台风）"
    assert calendar_of(county).day(day).working  # the township's closure is not the county's
    assert calendar_of(other).day(day).working
    assert other.desk.db.scalar("SELECT count(*) FROM calendar_years") == 0  # never sent sideways
    renovation = at("2027-03-01 00:00").date()
    assert not calendar_of(neighbour).day(renovation).working
    assert calendar_of(township).day(renovation).working  # from below: its own business
    assert calendar_of(station).day(renovation).working
    other.close()


def test_a_year_arrives_at_a_station_by_usb_file(tree, tmp_path, clock):
    _, township, station, _ = tree
    case_id = take_in(station, kind="errand", catalogue_code="MZ-001")
    before = deadline(station, case_id)
    publish(township, tmp_path, SCHEDULE_2027)
    by_file(station, township, tmp_path)
    assert calendar_of(station).known(2027)
    assert deadline(station, case_id) > before
    assert queries.timeline(station.desk, case_id)[-1].type == "deadline_recomputed"


def test_a_calendar_file_signed_by_the_hub_is_taken_and_one_signed_by_a_neighbour_is_refused(tree, tmp_path):
    _, township, station, neighbour = tree
    calendar = {
        "year": 2027,
        "source": "国办发明电〔2026〕9号",
        "days": [{"from": "2027-01-01", "to": "2027-01-03", "type": "holiday", "name": "元旦"}],
    }

    def signed_by(node) -> dict:
        signature = node.keys.sign(files.canonical(calendar))
        return {"calendar": calendar, "signed_by": node.id, "signature": base64.b64encode(signature).decode()}

    forged = tmp_path / "neighbour.json"
    forged.write_text(json.dumps(signed_by(neighbour), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="不是本站的上级签发的"):
        files.read(forged, today=station.desk.now().date(), verify=verifier(station.desk))
    tampered = signed_by(township)
    tampered["calendar"] = dict(calendar, days=[])
    tampered_path = tmp_path / "tampered.json"
    tampered_path.write_text(json.dumps(tampered, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="签名与曲塘镇代理中心的不符"):
        files.read(tampered_path, today=station.desk.now().date(), verify=verifier(station.desk))

    good = tmp_path / "hub.json"
    good.write_text(json.dumps(signed_by(township), ensure_ascii=False), encoding="utf-8")
    schedule = files.read(good, today=station.desk.now().date(), verify=verifier(station.desk))
    assert schedule.signed_by == township.id and schedule.source == "国办发明电〔2026〕9号"
    working_calendar.publish(station.desk, working_calendar.SYSTEM_ACTOR, schedule)
    assert calendar_of(station).known(2027)


def test_the_countys_48_hour_rule_travels_down_and_only_the_top_may_set_it(tree, tmp_path, clock):
    from haian_desk.core.errors import RuleRefused

    county, township, station, _ = tree
    with pytest.raises(RuleRefused, match="由县里统一设定"):
        working_calendar.set_general_rule(station.desk, working_calendar.SYSTEM_ACTOR, "clock_hours")
    working_calendar.set_general_rule(county.desk, working_calendar.SYSTEM_ACTOR, "clock_hours")
    by_file(township, county, tmp_path)
    by_file(station, township, tmp_path)
    assert working_calendar.here(station.desk)[1] == "clock_hours"
    clock.now = at("2026-09-30 16:00")
    case_id = take_in(station)
    assert deadline(station, case_id) == "2026-10-02 16:00"  # 48 clock hours, through the holiday
