"""A station and its township hub over real HTTP on 127.0.0.1: what moves up and down, who is let in."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from haian_desk.cases import catalogue, queries
from haian_desk.people import cadres
from haian_desk.replication import sync_state
from haian_desk.replication.status import sync_status
from haian_desk.storage.check import run_check
from sync.errors import SyncError
from tests.sync.helpers import act, case_rows, event_ids, free_port, pending, sync, take_in
from tests.sync.pg_county import revoke_at, served_hub, stations_at

pytestmark = pytest.mark.both_hubs  # network and served: a township on SQLite, a county on PostgreSQL


def test_one_exchange_moves_the_stations_work_up_and_reports_it(network, served):
    hub, (station, _) = network
    case_id = take_in(station, name="王秀英")
    report = sync(station, served.url)
    assert report.sent == len(event_ids(station, station.id)) and report.check == "same"
    assert case_rows(hub)[case_id]["status"] == "in_progress"
    assert hub.desk.db.scalar("SELECT name FROM villagers WHERE id = ?", (station.villager_ids[0],)) == "王秀英"
    assert pending(station) == 0
    assert "上传" in report.lines()[0]
    again = sync(station, served.url)
    assert (again.sent, again.received) == (0, 0)


def test_what_the_township_does_on_a_station_case_comes_back_down(township_network, township_served, clock):
    network = township_network
    served = township_served
    hub, (station, other) = network
    case_id = take_in(station)
    act(station, case_id, "transferred", to_level="township", to_unit="曲塘镇代理中心")
    sync(station, served.url)
    clock.advance(hours=3)
    act(hub, case_id, "note", text="已联系镇建设办")
    act(hub, case_id, "returned", outcome="镇建设办已安排维修")
    report = sync(station, served.url)
    assert report.received == 2
    row = queries.get_case(station.desk, case_id)
    assert row.status == "in_progress" and row.holder is None
    assert [e.type for e in queries.timeline(station.desk, case_id)][-2:] == ["note", "returned"]
    assert case_rows(station)[case_id] == case_rows(hub)[case_id]
    sync(other, served.url)
    assert case_id not in case_rows(other)  # another station never sees it


def test_the_cadre_directory_and_catalogue_reach_every_station(township_network, township_served):
    network = township_network
    served = township_served
    hub, stations_ = network
    cadre_id = cadres.add(
        hub.desk,
        "admin",
        cadres.CadreInput(name="季红梅", phone="13906271001", unit_code=hub.unit_code, title="镇代理中心主任"),
    )
    hub_admin = "admin"
    item = catalogue.get(hub.desk, "MZ-001")
    catalogue.edit(
        hub.desk,
        hub_admin,
        catalogue.Item(
            code=item["code"],
            name=item["name"] + "（新）",
            level=item["level"],
            mode="承诺",
            time_limit={"amount": 5, "unit": "working_days"},
        ),
    )
    for node in stations_:
        sync(node, served.url)
        assert node.desk.db.scalar("SELECT name FROM cadres WHERE id = ?", (cadre_id,)) == "季红梅"
        assert catalogue.get(node.desk, "MZ-001")["name"].endswith("（新）")
        assert catalogue.get(node.desk, "MZ-001")["version"] == 2
        assert run_check(node.desk).ok


def test_a_stations_own_cadres_go_up_but_not_sideways(network, served):
    hub, (station, other) = network
    take_in(station)
    sync(station, served.url)
    sync(other, served.url)
    assert hub.desk.db.scalar("SELECT count(*) FROM cadres WHERE id = ?", (station.cadre_id,)) == 1
    assert other.desk.db.scalar("SELECT count(*) FROM cadres WHERE id = ?", (station.cadre_id,)) == 0


def test_an_unenrolled_installation_is_refused(network, served, tmp_path, clock):
    hub, (station, _) = network
    from tests.sync.helpers import make_node

    stranger = make_node(tmp_path / "stranger", "320685102219", "未登记的村代理站", "station", clock)
    # It copies the station's hub record but holds none of the keys the hub knows.
    hub_peer = sync_state.parent(station.desk.db)
    with stranger.desk.db.write() as conn:
        sync_state.save_peer(conn, hub_peer)
    with pytest.raises(SyncError) as refused:
        sync(stranger, served.url)
    # The refusal is unsigned (the hub cannot know who asked), so the app shows its own words.
    assert refused.value.kind == "unauthorized" and "未登记" in refused.value.message
    stranger.close()


def test_a_revoked_station_is_refused_and_keeps_its_data(network, served):
    hub, (station, _) = network
    case_id = take_in(station)
    sync(station, served.url)
    revoke_at(hub, station.id)
    take_in(station)
    with pytest.raises(SyncError) as refused:
        sync(station, served.url)
    assert refused.value.kind == "revoked"
    assert case_id in case_rows(hub)
    assert "注销" in sync_status(station.desk).last_error


def test_the_hub_lists_its_stations(network, served, clock):
    hub, (station, other) = network
    take_in(station)
    sync(station, served.url)
    clock.advance(days=5)  # the general 48-hour limit has passed
    rows = {r["unit_code"]: r for r in stations_at(hub)}
    assert rows[station.unit_code]["events_received"] == len(event_ids(station, station.id))
    assert rows[station.unit_code]["overdue"] == 1 and rows[station.unit_code]["last_contact"]
    assert rows[station.unit_code]["clock_drift_seconds"] == 0
    assert rows[other.unit_code]["last_contact"] is None and rows[other.unit_code]["events_received"] == 0


def test_the_hub_describes_itself_with_openapi_and_limits_request_size(network, tmp_path, clock):
    hub, (station, _) = network
    with served_hub(hub, clock, max_body=300) as small:
        document = httpx.get(small.url + "/openapi.json").json()
        assert document["openapi"].startswith("3.") and "/v1/batches" in document["paths"]
        take_in(station)
        with pytest.raises(SyncError) as refused:
            sync(station, small.url)
        assert refused.value.kind == "too_large"
        # Without a valid signature the body is never read: the caller is refused first.
        oversized = httpx.post(small.url + "/v1/batches", content=b"x" * 1000)
        assert oversized.status_code == 401


def test_the_hub_writes_structured_logs(network, served, caplog):
    hub, (station, _) = network
    take_in(station)
    with caplog.at_level(logging.INFO, logger="haian_desk.hub"):
        sync(station, served.url)
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "haian_desk.hub"]
    requests = [line for line in lines if line["event"] == "request"]
    assert [r["path"] for r in requests][:2] == ["/v1/hello", "/v1/batches"]
    assert all(r["status"] == 200 and r["unit"] == station.unit_code for r in requests)
    assert any(line["event"] == "batch" and line["applied"] > 0 for line in lines)


def test_waits_between_retries_double_and_stop_at_ten_minutes():
    from sync.backoff import Backoff

    waits = [Backoff(base=2, cap=600, jitter=0).delay(n) for n in range(12)]
    assert waits == [2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600]
    assert all(480 <= Backoff().delay(n) <= 600 for n in range(9, 20))  # jitter, never above the cap


def test_a_hub_that_comes_back_between_retries_finishes_the_exchange(network, clock):
    from sync.serve import BackgroundHub

    hub, (station, _) = network
    take_in(station)
    started: list[BackgroundHub] = []
    port = free_port()
    url = f"http://127.0.0.1:{port}"

    def wait(seconds: float) -> None:  # instead of sleeping, the township switches its hub on
        started.append(served_hub(hub, clock, port=port).start())

    try:
        report = sync(station, url, retries=3, sleep=wait)
    finally:
        for running in started:
            running.stop()
    assert report.attempts == 2 and report.sent > 0 and pending(station) == 0
