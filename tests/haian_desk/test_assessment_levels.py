"""Levels: station rows add up to their township's row, townships to the county.

Stations record matters on their own installations; their event logs are
ingested by a township installation exactly as sync delivers them, and the
township's assessment is made from the merged log.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.assessment import build, parse_period
from haian_desk.assessment.fields import FIELDS
from haian_desk.cases.operations import Intake, act, take_in
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import UTC
from haian_desk.desk import initialise
from haian_desk.people import cadres, villagers
from haian_desk.storage.eventlog import COLUMNS, Event
from tests.conftest import ADMIN, staffed
from tests.haian_desk.test_assessment import assert_fast_reading_matches_refolding

ADDITIVE = [f.key for f in FIELDS if f.additive]


class Clock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


class Station:
    """A station installation with one cadre and one villager."""

    def __init__(self, folder, code: str, name: str, clock: Clock, role: str = "station"):
        self.desk = staffed(initialise(folder, code, name, role, admin=ADMIN, wall=clock))
        self.cadre = cadres.add(
            self.desk, "admin", cadres.CadreInput(name=f"{name[:2]}代理员", phone="13906271000", unit_code=code)
        )
        self.villager = villagers.register(self.desk, "admin", villagers.VillagerInput(name=f"{name[:2]}群众"))
        self.cases: list[str] = []

    def take(self, **extra) -> str:
        case_id = take_in(
            self.desk,
            "clerk",
            Intake(
                kind="opinion",
                villager_id=self.villager,
                first_cadre_id=self.cadre,
                description="反映路灯不亮",
                **extra,
            ),
        ).case_id
        self.cases.append(case_id)
        return case_id

    def events(self) -> list[Event]:
        rows = self.desk.db.query(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY seq")
        return [Event.from_row(r) for r in rows]


def make_network(tmp, clock):
    hub = Station(tmp / "hub", "320685102", "曲塘镇代理中心", clock, role="township")
    stations = [
        Station(tmp / "s1", "320685102210", "双楼村代理站", clock),
        Station(tmp / "s2", "320685102211", "杨庄村代理站", clock),
        Station(tmp / "s3", "320685103201", "李堡村代理站", clock),
    ]
    return hub, stations


def merge(hub: Station, stations: list[Station]) -> None:
    for station in stations:
        hub.desk.ledger.ingest(station.events())


def assert_levels_add_up(report) -> None:
    for parent_level, child_level in (("township", "station"), ("county", "township")):
        for parent in report.rows[parent_level]:
            children = [r for r in report.rows[child_level] if r["code"].startswith(parent["code"])]
            for key in ADDITIVE:
                assert parent[key] == sum(c[key] for c in children), (parent["code"], key)


def test_township_report_from_merged_stations(tmp_path):
    clock = Clock(datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    hub, (s1, s2, s3) = make_network(tmp_path, clock)
    for station, count in ((s1, 3), (s2, 2), (s3, 1), (hub, 1)):
        for _ in range(count):
            case = station.take()
            clock.now += timedelta(hours=5)
            act(station.desk, "clerk", case, "completed", result="granted")
    late = s2.take()
    clock.now += timedelta(hours=60)
    act(s2.desk, "clerk", late, "completed", result="granted")
    merge(hub, [s1, s2, s3])
    report = build(hub.desk, parse_period("2026H1"))
    stations = {r["code"]: r for r in report.rows["station"]}
    assert {code: r["registered"] for code, r in stations.items()} == {
        "320685102": 1,
        "320685102210": 3,
        "320685102211": 3,
        "320685103201": 1,
    }
    assert stations["320685102"]["name"] == "曲塘镇代理中心"
    townships = {r["code"]: r for r in report.rows["township"]}
    assert townships["320685102"]["registered"] == 7 and townships["320685102"]["on_time"] == 6
    assert townships["320685102"]["on_time_rate"] == round(6 / 7, 4)
    assert townships["320685103"]["name"] == "李堡镇"
    assert report.rows["county"][0]["registered"] == 8
    assert len(report.rows["cadre"]) == 4
    assert_levels_add_up(report)


ACTIONS = st.lists(
    st.tuples(
        st.integers(0, 3),  # which installation
        st.sampled_from(
            ["take", "complete", "pause", "resume", "transfer", "return", "reopen", "rate", "withdraw", "petition"]
        ),
        st.integers(1, 80),  # hours until the next action
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_levels_add_up_whatever_happens(tmp_path_factory, actions):
    clock = Clock(datetime(2026, 6, 20, 2, 0, tzinfo=UTC))
    hub, stations = make_network(tmp_path_factory.mktemp("net"), clock)
    everyone = stations + [hub]
    for who, action, hours in actions:
        _play(everyone[who], action)
        clock.now += timedelta(hours=hours)
    merge(hub, stations)
    assert_fast_reading_matches_refolding(hub.desk, ["2026H1", "2026H2", "2026", "2026-06-25:2026-07-05"])
    for period in ("2026H1", "2026H2", "2026"):
        report = build(hub.desk, parse_period(period))
        assert_levels_add_up(report)
        for row in report.rows["station"] + report.rows["cadre"]:
            assert row["on_time"] <= row["timed_completed"] <= row["completed"]
            assert row["bad_reviews"] <= row["ratings"]
            assert row["people_served"] <= row["registered"]


def _play(station: Station, action: str) -> None:
    if action in ("take", "petition") or not station.cases:
        station.take(petition=action == "petition")
        return
    case = station.cases[-1]
    payloads = {
        "complete": ("completed", {"result": "granted"}),
        "pause": ("paused", {"reason": "鉴定"}),
        "resume": ("resumed", {}),
        "transfer": ("transferred", {"to_level": "township", "to_unit": "曲塘镇代理中心"}),
        "return": ("returned", {"outcome": "已协调"}),
        "reopen": ("reopened", {"reason": "没解决"}),
        "rate": ("replied", {"method": "phone"}),
        "withdraw": ("withdrawn", {"reason": "不办了"}),
    }
    event, payload = payloads[action]
    try:
        act(station.desk, "clerk", case, event, **payload)
        if action == "rate":
            act(station.desk, "clerk", case, "rated", level=2, reason="太慢")
    except HaianError:
        pass  # the state machine refused it here: nothing was written


def test_a_county_hub_lists_townships_not_itself(tmp_path):
    clock = Clock(datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    county = staffed(initialise(tmp_path / "county", "320685", "海安市代理中心", "county", admin=ADMIN, wall=clock))
    hub, stations = make_network(tmp_path, clock)
    for station in stations:
        station.take()
    merge(hub, stations)
    county.ledger.ingest(hub.events())
    report = build(county, parse_period("2026"))
    assert [r["code"] for r in report.rows["township"]] == ["320685102", "320685103"]
    assert "320685" not in [r["code"] for r in report.rows["station"]]
    assert report.rows["county"][0]["registered"] == 3
    assert_levels_add_up(report)
