"""Order and concurrency: records that arrive early, two levels acting at once, clocks that are days off
(guarantees 9, 10 and 12). Every test runs on both hubs (``both_hubs``: a township on SQLite with
stations below it, a county on PostgreSQL whose children are township hubs). Where the hub acts
on a matter itself, the township acts with its own logins and the county through ``HubDesk``
with the county's (``staffed``); "the station" is then the child below the hub, a station or a
township hub."""

from __future__ import annotations

from datetime import datetime

import pytest

from haian_desk.cases import queries
from haian_desk.core.timeutil import UTC
from haian_desk.desk import Desk
from haian_desk.replication import sync_state
from haian_desk.replication.receive import flagged_cases
from haian_desk.replication.status import sync_status
from haian_desk.storage.check import run_check
from sync import keys as keymod
from sync.files import export_file, import_file
from tests.conftest import Clock
from tests.sync.helpers import Node, act, case_rows, sync, take_in
from tests.sync.pg_county import (
    PgHubNode,
    hub_check_ok,
    hub_desk_again,
    import_at,
    new_child,
    served_hub,
    staffed,
    stations_at,
)

pytestmark = pytest.mark.both_hubs


def _stored_types(node, case_id: str) -> list[str]:
    return [r[0] for r in node.desk.db.query("SELECT type FROM events WHERE stream_id = ?", (case_id,))]


def test_an_update_that_arrives_before_its_case_is_held_then_applied(network, tmp_path):
    """Guarantee 9: by file, the completion arrives before the registration and waits for it."""
    hub, (station, _) = network
    case_id = take_in(station)
    registered_up_to = station.desk.db.scalar("SELECT max(seq) FROM events")
    act(station, case_id, "completed", result="granted")
    # The hub had acknowledged the registration once, then lost it (restored from a backup):
    with station.desk.db.write() as conn:
        sync_state.note_acked(conn, hub.id, registered_up_to)
    late = tmp_path / "late.hdsync"
    export_file(station.desk, station.keys, late)
    result = import_at(hub, late)
    assert result.receipt.report.applied == 1 and result.receipt.report.held == 1
    assert case_id not in case_rows(hub)  # no row until its registration arrives
    assert _stored_types(hub, case_id) == ["completed"]  # stored, waiting
    import_file(station.desk, station.keys, result.reply_path)  # the reply says what the hub really holds
    assert sync_state.parent(station.desk.db).acked == 0
    early = tmp_path / "early.hdsync"
    export_file(station.desk, station.keys, early)
    import_at(hub, early)
    row = case_rows(hub)[case_id]
    assert row["status"] == "completed" and row["conflicts"] == 0
    assert row == case_rows(station)[case_id]
    assert hub_check_ok(hub)


def test_concurrent_actions_are_all_kept_and_a_conflicting_pair_is_flagged(network, served, clock):
    """Guarantee 10: the station and the township complete the same case from the same state."""
    hub, (station, _) = network
    staffed(hub)
    case_id = take_in(station)
    calm_id = take_in(station, description="建议增设路灯")
    sync(station, served.url)
    act(station, case_id, "completed", result="granted", note="已办成")
    act(station, calm_id, "note", text="站里的备注")
    clock.advance(minutes=5)
    act(hub, case_id, "completed", result="passed_on", note="已转县民政局")
    act(hub, calm_id, "note", text="镇里的备注")
    report = sync(station, served.url)
    for node in (station, hub):
        kinds = [e.type for e in queries.timeline(node.desk, case_id)]
        assert kinds.count("completed") == 2  # both kept
        assert [r["case_no"] for r in flagged_cases(node.desk.db)] == [case_rows(node)[case_id]["case_no"]]
        assert hub_check_ok(node) if node is hub else run_check(node.desk).ok
    assert case_rows(station)[case_id] == case_rows(hub)[case_id]
    assert case_rows(station)[case_id]["result"] == "granted"  # the earlier completion stands
    assert case_rows(station)[calm_id] == case_rows(hub)[calm_id] and case_rows(hub)[calm_id]["conflicts"] == 0
    assert report.conflicts == [case_id]
    assert any("冲突" in line for line in sync_status(station.desk).lines())


def _station_with_clock(tmp_path, hub, offset_days: int) -> tuple[Node, Clock]:
    """One more child below the hub (a station, or a township hub below a county) whose clock is off."""
    station_clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    station_clock.advance(days=offset_days)
    return new_child(hub, tmp_path / f"station{offset_days}", station_clock, "时钟不准的下级"), station_clock


def _sync_like_another_process(node: Node, url: str):
    """The sync client runs with its own connection, as the CLI or the app's background thread does."""
    other = Node(node.folder, Desk.open(node.folder, wall=node.clock), keymod.load(node.folder), node.clock)
    try:
        return sync(other, url)
    finally:
        other.close()


def test_a_station_clock_days_behind_is_warned_and_does_not_disorder_history(network, served, tmp_path, clock):
    """Guarantee 12: three days slow."""
    hub, _ = network
    staffed(hub)
    station, station_clock = _station_with_clock(tmp_path, hub, -3)
    case_id = take_in(station)
    first = _sync_like_another_process(station, served.url)
    assert any("慢了约3天" in str(w) for w in first.warnings)
    clock.advance(hours=2)
    act(hub, case_id, "completed", result="granted")
    _sync_like_another_process(station, served.url)
    station_clock.advance(hours=2)
    act(station, case_id, "replied", method="phone")  # in the station's own (app) desk
    _sync_like_another_process(station, served.url)
    for node in (station, hub):
        assert [e.type for e in queries.timeline(node.desk, case_id)] == [
            "registered",
            "accepted",
            "completed",
            "replied",
        ]
        row = case_rows(node)[case_id]
        assert row["status"] == "replied" and row["conflicts"] == 0
    assert case_rows(station)[case_id] == case_rows(hub)[case_id]
    status = sync_status(station.desk)
    assert any("时钟" in line and "慢了约3天" in line for line in status.lines())
    drift = {r["unit_code"]: r["clock_drift_seconds"] for r in stations_at(hub)}[station.unit_code]
    assert abs(drift + 3 * 86400) < 60
    station.close()


def test_a_clock_days_behind_below_the_hub_is_warned_there_and_listed_at_the_hub(network, served, tmp_path):
    """Guarantee 12, the part every hub shows: three days slow, warned below and measured above."""
    hub, _ = network
    child_clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    child_clock.advance(days=-3)
    child = new_child(hub, tmp_path / "slow", child_clock, "时钟慢了三天的下级")
    case_id = take_in(child)
    report = _sync_like_another_process(child, served.url)
    assert any("慢了约3天" in str(w) for w in report.warnings)
    assert any("时钟" in line and "慢了约3天" in line for line in sync_status(child.desk).lines())
    drift = {r["unit_code"]: r["clock_drift_seconds"] for r in stations_at(hub)}[child.unit_code]
    assert abs(drift + 3 * 86400) < 60
    assert case_rows(hub)[case_id] == case_rows(child)[case_id]  # the slow clock orders nothing wrongly
    child.close()


def test_a_station_clock_days_ahead_does_not_push_the_townships_work_out_of_order(network, served, tmp_path, clock):
    hub, _ = network
    staffed(hub)
    station, _ = _station_with_clock(tmp_path, hub, 3)
    case_id = take_in(station)
    report = _sync_like_another_process(station, served.url)
    assert any("快了约3天" in str(w) for w in report.warnings)
    # The hub's own step, in its desktop app opened before the sync: a township transfers the
    # matter to the county; a county, the level above, settles it.
    on_pg = isinstance(hub, PgHubNode)
    step, payload = (
        ("completed", {"result": "passed_on", "note": "已转县民政局"})
        if on_pg
        else ("transferred", {"to_level": "county", "to_unit": "海安市民政局"})
    )
    hub_app = hub_desk_again(hub, clock)
    act(Node(hub.folder, hub_app, hub.keys, clock), case_id, step, **payload)
    hub_app.close()
    _sync_like_another_process(station, served.url)
    for node in (station, hub):
        assert [e.type for e in queries.timeline(node.desk, case_id)] == ["registered", "accepted", step]
        row = case_rows(node)[case_id]
        assert row["status"] == step and row["conflicts"] == 0
    assert case_rows(station)[case_id] == case_rows(hub)[case_id]
    station.close()


def test_a_hub_with_a_wrong_clock_is_measured_against_the_station_too(network, tmp_path, clock):
    hub, (station, _) = network
    hub_clock = Clock(clock.now)
    hub_clock.advance(hours=30)
    with served_hub(hub, hub_clock) as served:
        report = sync(station, served.url)
    assert report.clock_drift == -30 * 3600 and any("慢了约1.2天" in str(w) for w in report.warnings)
