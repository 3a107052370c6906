"""The shipped catalogue is one set of records at every level, however many levels seeded it."""

from __future__ import annotations

import dataclasses

from haian_desk.cases import catalogue, queries, shipped_catalogue, upgrade
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import to_iso
from haian_desk.events.ledger import refold
from haian_desk.storage import eventlog
from haian_desk.storage.check import run_check
from haian_desk.storage.eventlog import Event
from sync.serve import BackgroundHub
from tests.sync.helpers import COUNTY, act, enrol, make_node, sync, take_in, township_with_stations

ITEMS = len(catalogue.shipped_items())
FOLDED = "id NOT IN (SELECT event_id FROM events_set_aside)"


def catalogue_rows(node) -> list[tuple]:
    return [tuple(r) for r in node.desk.db.query("SELECT * FROM catalogue_items ORDER BY code")]


def creations(node, folded_only: bool = True) -> int:
    where = f" AND {FOLDED}" if folded_only else ""
    return node.desk.db.scalar(f"SELECT count(*) FROM events WHERE stream = 'catalogue' AND type = 'created'{where}")


def three_levels(tmp_path, clock):
    # Each level set up on its own day: before v12 each seeded its own copy, with its own clock.
    county = make_node(tmp_path / "county", COUNTY, "海安市群众事务代理中心", "county", clock)
    clock.advance(days=1)
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    enrol(township, county)
    return county, township, station


def sync_all(county, township, station, county_hub, township_hub) -> None:
    sync(station, township_hub.url)
    sync(township, county_hub.url)
    sync(station, township_hub.url)


def test_three_levels_seeded_separately_hold_each_item_once_and_a_county_edit_arrives_once(tmp_path, clock):
    county, township, station = three_levels(tmp_path, clock)
    with (
        BackgroundHub(county.folder, wall=clock) as county_hub,
        BackgroundHub(township.folder, wall=clock) as township_hub,
    ):
        sync_all(county, township, station, county_hub, township_hub)
        for node in (county, township, station):
            assert creations(node, folded_only=False) == ITEMS
            assert (
                node.desk.db.scalar("SELECT count(DISTINCT stream_id) FROM events WHERE stream = 'catalogue'") == ITEMS
            )
        assert catalogue_rows(station) == catalogue_rows(township) == catalogue_rows(county)

        clock.advance(hours=2)
        item = catalogue.shipped_items()[0]
        changed = dataclasses.replace(item, time_limit={"amount": 20, "unit": "working_days"})
        assert catalogue.edit(county.desk, "admin", changed) == 2
        sync_all(county, township, station, county_hub, township_hub)
        sync_all(county, township, station, county_hub, township_hub)  # a second round brings nothing twice

    edits = station.desk.db.query("SELECT origin, payload FROM events WHERE stream = 'catalogue' AND type = 'updated'")
    assert [r["origin"] for r in edits] == [county.id]
    assert catalogue.get(station.desk, item.code)["version"] == 2
    assert [h["type"] for h in catalogue.history(station.desk, item.code)] == ["created", "updated"]
    assert catalogue_rows(station) == catalogue_rows(township) == catalogue_rows(county)
    for node in (county, township, station):
        assert run_check(node.desk).ok
        node.close()


# -- installations seeded the old way -------------------------------------------------------


def seeded_the_old_way(node, also_from: list[str] = ()) -> None:
    """Turn a fresh installation into one made before v12: its own seeded records (and, for
    ``also_from``, copies other levels seeded and sync brought), schema v11, not yet unified."""
    items = catalogue.shipped_items()
    with node.desk.db.write() as conn:
        # Only a test may take records out of the log: the guard is lifted for this and put back.
        guard = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_are_append_only_d'").fetchone()[0]
        conn.execute("DROP TRIGGER events_are_append_only_d")
        conn.execute("DELETE FROM events WHERE origin = ?", (shipped_catalogue.SHIPPED_ORIGIN,))
        conn.execute(guard)
        conn.execute("DELETE FROM catalogue_items")
        for item in items:
            node.desk.ledger.record(conn, "catalogue", item.code, "created", old_payload(item), "system")
        for _n, origin in enumerate(also_from):  # seeded there a little later, brought here by sync
            stamp, at = node.desk.ledger.clock.tick(0), to_iso(node.clock())
            eventlog.insert_new(
                conn,
                [
                    Event(
                        uuid7(),
                        "catalogue",
                        item.code,
                        "created",
                        stamp,
                        origin,
                        i + 1,
                        "system",
                        at,
                        old_payload(item),
                    )
                    for i, item in enumerate(items)
                ],
            )
        for item in items:
            refold(conn, "catalogue", item.code)
        conn.execute("DELETE FROM meta WHERE key = ?", (upgrade.MARK,))
        conn.execute("ALTER TABLE cases DROP COLUMN route_up")
        conn.execute("PRAGMA user_version = 11")


def old_payload(item) -> dict:
    return dict(catalogue.clean(item), version=1, updated_by="system")


def test_a_station_holding_old_duplicates_opens_cleanly_with_each_item_once(tmp_path, clock):
    _, (station,) = township_with_stations(tmp_path, clock, 1)
    away = take_in(station, description="反映3组路灯不亮")
    case_id = take_in(station, kind="errand", description="申请低保", catalogue_code="MZ-001")
    act(station, away, "transferred", to_level="township", to_unit="曲塘镇代理中心")
    seeded_the_old_way(station, also_from=[uuid7(), uuid7()])  # its own seed, the township's, the county's
    assert creations(station) == 3 * ITEMS
    station.reopen()  # v11 → v12, then unified once

    assert station.desk.db.user_version >= 12
    assert creations(station) == ITEMS and station.desk.db.scalar("SELECT count(*) FROM catalogue_items") == ITEMS
    assert creations(station, folded_only=False) == 4 * ITEMS  # nothing deleted: the old ones set aside
    assert [h["type"] for h in catalogue.history(station.desk, "MZ-001")] == ["created"]
    case = queries.get_case(station.desk, case_id)
    assert (
        case.catalogue_code == "MZ-001"
        and catalogue.get(station.desk, case.catalogue_code)["name"] == "最低生活保障申请"
    )
    assert queries.get_case(station.desk, away).route_up == ({"level": "township", "unit": "曲塘镇代理中心"},)
    assert not upgrade.finish_v12(station.desk.db)  # once only
    assert run_check(station.desk).ok
    station.close()


def test_old_seeds_a_township_passes_down_are_set_aside_at_a_new_station(tmp_path, clock):
    township, (old_station,) = township_with_stations(tmp_path, clock, 1)
    seeded_the_old_way(township)
    township.reopen()
    assert creations(township) == ITEMS
    new_station = make_node(tmp_path / "new-station", "320685102211", "曲塘镇第2村代理站", "station", clock)
    enrol(new_station, township)
    with BackgroundHub(township.folder, wall=clock) as hub:
        take_in(new_station)
        sync(new_station, hub.url)
        sync(new_station, hub.url)
    assert creations(new_station) == ITEMS
    assert catalogue_rows(new_station) == catalogue_rows(township)
    for node in (township, new_station):
        assert run_check(node.desk).ok
    for node in (township, old_station, new_station):
        node.close()
