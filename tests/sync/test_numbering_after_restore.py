"""After a restore, no case number and no record sequence is issued twice.

A station works and syncs, is backed up, works more (some of it synced, some
not), and its database is then restored from the backup. It refuses to number
anything until its hub has told it where its numbering stood, or a person
confirms working offline (then numbers come from the offline range). Real
hub on 127.0.0.1, real backup files, the restore the CLI uses.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import UTC
from haian_desk.desk import Desk
from haian_desk.people import cadres, users
from haian_desk.replication import numbering, sync_state
from haian_desk.replication.status import sync_status
from haian_desk.storage import backup
from haian_desk.storage.backup_openers import Openers, open_backup
from haian_desk.storage.recovery import restore
from sync import keys as keymod, recover
from sync.serve import BackgroundHub
from tests.conftest import Clock
from tests.sync.helpers import PASSWORD, Node, event_ids, sync, take_in, township_with_stations


def _restore(station, made) -> None:
    station.close()
    restore(station.folder, made)
    station.reopen()


def _numbers(node, unit_code) -> list[str]:
    return [r[0] for r in node.desk.db.query("SELECT case_no FROM cases WHERE unit_code = ?", (unit_code,))]


def _no_clash(hub, station) -> None:
    """Every number unique where they all meet (the hub), and nothing held back as a clash."""
    numbers = _numbers(hub, station.unit_code)
    assert len(numbers) == len(set(numbers))
    assert not [q for q in sync_state.quarantined(hub.desk.db) if q["problem"] == "sequence_clash"]
    assert not sync_status(station.desk).rejected


@pytest.mark.both_hubs
def test_a_restored_station_waits_for_its_hub_then_numbers_on(network, served, tmp_path):
    """On either hub: a township's station under a SQLite township, a township hub under a PostgreSQL county."""
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    made = backup.backup_to(station.desk.db, tmp_path / "stick" / "backup.sqlite3")
    take_in(station, description="备份之后登记并上报的")
    sync(station, served.url)
    before = set(_numbers(hub, station.unit_code))

    _restore(station, made)
    with pytest.raises(numbering.NumberingUnsure) as refused:
        take_in(station, description="恢复后马上登记的")
    assert "同步" in refused.value.hint and "离线" in refused.value.hint
    report = sync(station, served.url)
    assert any("编号" in str(w) for w in report.warnings)

    take_in(station, description="得知编号后登记的")
    sync(station, served.url)
    after = set(_numbers(hub, station.unit_code))
    assert len(after - before) == 1 and not (after - before) & before
    _no_clash(hub, station)


@pytest.mark.both_hubs
def test_offline_after_a_restore_numbers_from_a_range_that_cannot_collide(network, served, tmp_path):
    """On either hub: a township's station under a SQLite township, a township hub under a PostgreSQL county."""
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    made = backup.backup_to(station.desk.db, tmp_path / "stick" / "backup.sqlite3")
    take_in(station, description="备份之后登记并上报的")
    sync(station, served.url)

    _restore(station, made)
    with station.desk.db.read() as conn:
        state = numbering.status(conn)
    assert state.state == "unsure" and "天前" in str(state.warning(station.desk.now()))
    with pytest.raises(HaianError):
        numbering.confirm_offline(station.desk, "nobody")  # not a login here
    numbering.confirm_offline(station.desk, "clerk")
    offline_case = take_in(station, description="离线登记的")
    number = station.desk.db.scalar("SELECT case_no FROM cases WHERE id = ?", (offline_case,))
    series = _series(station)
    assert len(series) == 3 and number.endswith(f"-L{series}01")
    sync(station, served.url)  # goes up without a clash, and normal numbering resumes
    take_in(station, description="联网后登记的")
    sync(station, served.url)
    with station.desk.db.read() as conn:
        assert numbering.status(conn).state == "known"
    _no_clash(hub, station)
    assert not any(n.endswith("02") and "-L" in n for n in _numbers(hub, station.unit_code))


def _series(node) -> str:
    offline = node.desk.db.scalar("SELECT value FROM meta WHERE key = ?", (numbering.OFFLINE,))
    return json.loads(offline)["series"]


def _ids_of(path, origin, key_folder) -> set[str]:
    """Event ids of one origin in a (sealed) backup, opened with the station's own key."""
    with open_backup(path, Openers.at(key_folder)) as (conn, _):
        return {r[0] for r in conn.execute("SELECT id FROM events WHERE origin = ?", (origin,))}


def _recovered(hub, station, folder, url, made, clock) -> Node:
    """The station rebuilt on a new PC from its township and its last backup (sync.recover)."""
    _, answer = recover.reapprove(hub.desk, hub.keys, recover.make_request(folder, station.unit_code), "admin", url)
    recover.recover(folder, answer, ("admin", PASSWORD), backup=made, openers=Openers.at(station.folder), wall=clock)
    node = Node(folder, Desk.open(folder, wall=clock), keymod.load(folder), clock, cadre_id=station.cadre_id)
    users.add_user(node.desk, "clerk", "季红梅", "station_staff", PASSWORD, actor="admin")
    return node


# -- hypothesis over interleavings of work, sync and backup before the PC dies -------------------

STEP = st.sampled_from(["work", "sync", "backup"])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(STEP, min_size=1, max_size=6), how=st.sampled_from(["restore", "offline", "recover"]))
def test_numbering_never_clashes_whatever_happened_before_the_restore(tmp_path_factory, before, how):
    """The PC dies after any mix of work, syncs and backups; the station comes back from its last backup
    (restore, online or offline) or from its township plus that backup (recover), works on, and syncs."""
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))
    hub, (station,) = township_with_stations(tmp_path_factory.mktemp("net"), clock, 1)
    stick = tmp_path_factory.mktemp("stick")
    base = tmp_path_factory.mktemp("new")
    station.cadre_id = cadres.add(
        station.desk,
        "admin",
        cadres.CadreInput(  # in every backup
            name="仲维国", phone="13906271000", unit_code=station.unit_code
        ),
    )
    made = backup.backup_to(station.desk.db, stick / "first.sqlite3")
    try:
        with BackgroundHub(hub.folder, wall=clock) as served:
            for i, step in enumerate(before):
                clock.advance(minutes=7)
                if step == "work":
                    take_in(station, description=f"第{i}步登记的")
                elif step == "sync":
                    sync(station, served.url)
                else:
                    made = backup.backup_to(station.desk.db, stick / f"b{i}.sqlite3")
            reached = set(event_ids(hub, station.id)) | _ids_of(made, station.id, station.folder)
            if how == "recover":
                station.close()
                station = _recovered(hub, station, base / "pc", served.url, made, clock)
            else:
                _restore(station, made)
            if how == "offline":
                numbering.confirm_offline(station.desk, "clerk")
                take_in(station, description="离线登记的")
            sync(station, served.url)
            assert reached <= set(event_ids(station)) | set(event_ids(hub, station.id))
            take_in(station, description="恢复后登记的")
            sync(station, served.url)
            _no_clash(hub, station)
    finally:
        hub.close()
        station.close()


# -- the PC dies twice the same day, before any sync ------------------------------------------------


def _die_and_work_offline(station, made, clock, what: str) -> str:
    _restore(station, made)
    numbering.confirm_offline(station.desk, "clerk")
    clock.advance(minutes=3)
    case = take_in(station, description=what)
    return station.desk.db.scalar("SELECT case_no FROM cases WHERE id = ?", (case,))


def test_two_deaths_the_same_day_from_the_same_backup_do_not_repeat_offline_numbers(network, served, tmp_path, clock):
    """The case the old range scheme could not cover: both restores start from one backup, so
    anything derived from the log (the day's L01, the top sequence plus a gap) repeats."""
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    made = backup.backup_to(station.desk.db, tmp_path / "stick" / "morning.sqlite3")
    first = _die_and_work_offline(station, made, clock, "第一次恢复后离线登记的")
    first_seq = station.desk.db.scalar("SELECT max(origin_seq) FROM events WHERE origin = ?", (station.id,))
    second = _die_and_work_offline(station, made, clock, "第二次恢复后离线登记的")
    second_seq = station.desk.db.scalar("SELECT max(origin_seq) FROM events WHERE origin = ?", (station.id,))
    assert first != second and first_seq != second_seq
    sync(station, served.url)
    take_in(station, description="联网后登记的")
    sync(station, served.url)
    assert second in _numbers(hub, station.unit_code)
    _no_clash(hub, station)


DAY_STEP = st.one_of(st.just("work"), st.just("backup"), st.tuples(st.just("die"), st.integers(0, 5)))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(DAY_STEP, min_size=2, max_size=8).filter(lambda s: sum(isinstance(x, tuple) for x in s) >= 2))
def test_offline_numbers_never_clash_over_repeated_deaths_before_a_sync(tmp_path_factory, steps):
    """Work, backups and deaths (each restored offline from any backup made so far) on one day, with
    no sync in between; then the station reaches its hub: nothing is refused as a clash."""
    clock = Clock(datetime(2026, 3, 4, 1, 0, tzinfo=UTC))
    hub, (station,) = township_with_stations(tmp_path_factory.mktemp("net"), clock, 1)
    stick = tmp_path_factory.mktemp("stick")
    station.cadre_id = cadres.add(
        station.desk, "admin", cadres.CadreInput(name="仲维国", phone="13906271000", unit_code=station.unit_code)
    )
    try:
        with BackgroundHub(hub.folder, wall=clock) as served:
            take_in(station, description="早上登记并上报的")
            sync(station, served.url)
            made = [backup.backup_to(station.desk.db, stick / "first.sqlite3")]
            for i, step in enumerate(steps):
                clock.advance(minutes=5)
                if step == "work":
                    take_in(station, description=f"第{i}步登记的")
                elif step == "backup":
                    made.append(backup.backup_to(station.desk.db, stick / f"b{i}.sqlite3"))
                else:
                    _die_and_work_offline(station, made[step[1] % len(made)], clock, f"第{i}步恢复后登记的")
            sync(station, served.url)
            take_in(station, description="联网后登记的")
            sync(station, served.url)
            _no_clash(hub, station)
    finally:
        hub.close()
        station.close()
