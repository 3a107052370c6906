"""A station's PC dies; the township re-approves a new PC and sends the station's work back.

A station works and syncs, works more, is backed up, works more, and dies.
Recovery from the hub plus its last backup brings back every event that
reached either (and nothing of another station), the old key is refused, and
numbering continues with no clash. Real hub on 127.0.0.1, real files.
"""

from __future__ import annotations

import os

import pytest

from haian_desk.cases.operations import act as domain_act
from haian_desk.core.errors import HaianError
from haian_desk.desk import Desk
from haian_desk.people import users
from haian_desk.replication import numbering, sync_state
from haian_desk.storage import backup
from haian_desk.storage.backup_openers import Openers, open_backup
from haian_desk.storage.check import run_check
from sync import enrolment, keys as keymod, recover
from sync.errors import SyncError
from tests.sync.helpers import PASSWORD, Node, act, cli, event_ids, sync, take_in


def _ids_of(path, origin, key_folder) -> set[str]:
    """Event ids of one origin in a (sealed) backup, opened with the station's own key."""
    with open_backup(path, Openers.at(key_folder)) as (conn, _):
        return {r[0] for r in conn.execute("SELECT id FROM events WHERE origin = ?", (origin,))}


def _rebuild(hub, station, new_folder, url, made, clock) -> tuple[Node, recover.Recovered]:
    request = recover.make_request(new_folder, station.unit_code)
    _, answer = recover.reapprove(hub.desk, hub.keys, request, "admin", url)
    done = recover.recover(
        new_folder, answer, ("admin", "new-admin-pw"), backup=made, openers=Openers.at(station.folder), wall=clock
    )
    node = Node(
        new_folder, Desk.open(new_folder, wall=clock), keymod.load(new_folder), clock, cadre_id=station.cadre_id
    )
    users.add_user(node.desk, "clerk", "季红梅", "station_staff", PASSWORD, actor="admin")
    return node, done


def test_a_dead_station_comes_back_from_its_township_and_its_last_backup(network, served, tmp_path, clock):
    hub, (station, neighbour) = network
    first = take_in(station, description="第一件，已上报", id_number="11010519491231002X")
    sync(station, served.url)
    act(hub, first, "note", text="镇里看过了")  # from above: comes back too
    take_in(neighbour, description="邻村的事", name="李四")
    sync(neighbour, served.url)
    take_in(station, description="第二件，已上报")
    sync(station, served.url)
    take_in(station, description="第三件，只在备份里")
    made = backup.backup_to(station.desk.db, tmp_path / "stick" / "last.sqlite3")
    own = station.id
    expected = set(event_ids(hub, own)) | _ids_of(made, own, station.folder)
    station.close()  # the PC dies here

    new, done = _rebuild(hub, station, tmp_path / "new-pc", served.url, made, clock)
    try:
        assert new.id == own and done.from_backup > 0
        assert expected <= set(event_ids(new))
        descriptions = {r[0] for r in new.desk.db.query("SELECT description FROM cases")}
        assert {"第一件，已上报", "第二件，已上报", "第三件，只在备份里"} <= descriptions
        assert "邻村的事" not in descriptions  # another station's work stays there
        assert not new.desk.db.one("SELECT 1 FROM villagers WHERE name = '李四'")
        notes = new.desk.db.scalar("SELECT count(*) FROM events WHERE type = 'note' AND stream_id = ?", (first,))
        assert notes == 1
        assert run_check(new.desk).ok
        with new.desk.db.read() as conn:
            assert numbering.status(conn).state == "known"
        audit = hub.desk.db.one("SELECT actor, payload FROM events WHERE stream = 'settings' ORDER BY seq DESC")
        assert audit["actor"] == "admin" and "station_key." in audit["payload"]

        # numbering continues; the backup's own work goes up; nothing clashes
        fresh = take_in(new, description="恢复后的新事")
        report = sync(new, served.url)
        assert not report.rejected and not sync_state.quarantined(hub.desk.db)
        at_hub = [
            r[0] for r in hub.desk.db.query("SELECT case_no FROM cases WHERE unit_code = ?", (station.unit_code,))
        ]
        assert len(at_hub) == len(set(at_hub)) == 4
        assert hub.desk.db.one("SELECT 1 FROM cases WHERE id = ?", (fresh,))
        domain_act(new.desk, "clerk", first, "completed", result="granted")
    finally:
        new.close()


def test_the_old_key_is_refused_and_a_stranger_cannot_be_reapproved(network, served, tmp_path, clock):
    hub, (station, _) = network
    take_in(station)
    sync(station, served.url)
    request = recover.make_request(tmp_path / "new-pc", station.unit_code)
    recover.reapprove(hub.desk, hub.keys, request, "admin", served.url)
    with pytest.raises(SyncError) as refused:
        sync(station, served.url)  # the dead PC's key, should it come back to life
    assert refused.value.kind == "unauthorized" and "密钥不符" in str(refused.value)
    stranger = recover.make_request(tmp_path / "stranger", "320685102219")
    with pytest.raises(SyncError):
        recover.reapprove(hub.desk, hub.keys, stranger, "admin", served.url)
    with pytest.raises(HaianError):
        recover.reapprove(hub.desk, hub.keys, request, "clerk", served.url)  # an admin's decision
    with pytest.raises(SyncError):
        recover.reapprove(hub.desk, hub.keys, {**request, "unit_code": "320685102211"}, "admin")  # tampered


def test_recovery_from_the_command_line(network, served, tmp_path):
    hub, (station, _) = network
    take_in(station, description="命令行恢复的办件")
    sync(station, served.url)
    station.close()
    new = tmp_path / "new-pc"
    cli(
        "recover",
        "request",
        "--station-code",
        station.unit_code,
        "--out",
        str(tmp_path / "req.json"),
        "--data-dir",
        str(new),
    )
    hub_folder = str(hub.folder)
    cli(
        "hub",
        "reapprove",
        str(tmp_path / "req.json"),
        "--out",
        str(tmp_path / "ans.json"),
        "--as",
        "admin",
        "--data-dir",
        hub_folder,
    )
    shown = cli(
        "recover",
        "--from-hub",
        served.url,
        "--answer",
        str(tmp_path / "ans.json"),
        "--admin",
        "admin",
        "--data-dir",
        str(new),
        env={"HAIAN_DESK_ADMIN_PASSWORD": "new-admin-pw"},
    ).stdout
    assert "已恢复" in shown and "1 件办件" in shown
    desk = Desk.open(new)
    try:
        assert users.authenticate(desk, "admin", "new-admin-pw").role == "admin"
        assert desk.db.scalar("SELECT description FROM cases") == "命令行恢复的办件"
    finally:
        desk.close()
    again = cli(
        "recover",
        "--from-hub",
        served.url,
        "--answer",
        str(tmp_path / "ans.json"),
        "--admin",
        "admin",
        "--data-dir",
        str(new),
        env={"HAIAN_DESK_ADMIN_PASSWORD": "x" * 8},
        check=False,
    )
    assert again.returncode != 0 and "已经有数据库" in again.stderr
    assert os.path.exists(new)
    assert enrolment  # the answer files are the enrolment format's siblings
