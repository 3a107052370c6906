"""Roles enforced in the domain, the audit trail of logins and settings, and recorded reveals."""

from __future__ import annotations

import json

import pytest

from haian_desk import station_settings
from haian_desk.cases import presentation, queries
from haian_desk.cases.operations import Intake, act, take_in
from haian_desk.community import complaints
from haian_desk.core.errors import HaianError
from haian_desk.documents import prints
from haian_desk.events import audit
from haian_desk.people import cadres, permissions, reveals, users
from haian_desk.replication import township
from haian_desk.storage import migrations
from haian_desk.storage.check import run_check
from haian_desk.storage.db import Database, IntegrityError
from haian_desk.storage.eventlog import COLUMNS, Event


def _intake(villager_id, cadre_id) -> Intake:
    return Intake(kind="opinion", villager_id=villager_id, description="反映3组路灯不亮", first_cadre_id=cadre_id)


def _events(desk, stream=None) -> int:
    if stream:
        return desk.db.scalar("SELECT count(*) FROM events WHERE stream = ?", (stream,))
    return desk.db.scalar("SELECT count(*) FROM events")


# -- who may do what ------------------------------------------------------------------------


def test_an_unknown_or_stopped_actor_is_refused_and_nothing_is_written(desk, villager_id, cadre_id):
    before = _events(desk)
    with pytest.raises(permissions.NotPermitted) as unknown:
        take_in(desk, "nobody", _intake(villager_id, cadre_id))
    assert "不是本站的账号" in unknown.value.message
    users.set_active(desk, "admin", "clerk", False)
    with pytest.raises(permissions.NotPermitted) as stopped:
        take_in(desk, "clerk", _intake(villager_id, cadre_id))
    assert "已停用" in stopped.value.message
    assert _events(desk) == before + 1  # only the login being stopped was recorded
    assert desk.db.scalar("SELECT count(*) FROM cases") == 0


@pytest.mark.parametrize(
    "role, operation, allowed",
    [
        ("station_staff", "case.intake", True),
        ("station_staff", "reveal", True),
        ("station_staff", "complaint.handle", False),
        ("station_staff", "cadre.manage", False),
        ("station_staff", "case.township", False),
        ("station_staff", "users.manage", False),
        ("station_head", "complaint.handle", True),
        ("station_head", "cadre.manage", True),
        ("station_head", "settings.change", False),
        ("station_head", "case.township", False),
        ("township_staff", "case.township", True),
        ("township_staff", "catalogue.edit", False),
        ("admin", "users.manage", True),
        ("admin", "case.township", True),
    ],
)
def test_each_role_is_written_once(role, operation, allowed):
    assert permissions.may(role, operation) is allowed


def test_a_clerk_cannot_judge_a_complaint_but_the_station_head_can(desk, cadre_id):
    users.add_user(desk, "head", "仲站长", "station_head", "head-pw-123", actor="admin")
    complaint = complaints.receive(
        desk,
        "clerk",
        complaints.ComplaintInput(channel="township_hotline", content="代理员办事拖拉", cadre_id=cadre_id),
    )
    with pytest.raises(permissions.NotPermitted) as refused:
        complaints.investigate(desk, "clerk", complaint, findings="经核查属实")
    assert "站长" in refused.value.hint
    complaints.investigate(desk, "head", complaint, findings="经核查属实")
    cadres.add(
        desk, "head", cadres.CadreInput(name="季红梅", phone="13906271001", unit_code=desk.installation.unit_code)
    )


def test_township_work_needs_township_staff(tmp_path, clock):
    from tests.sync.helpers import enrol, make_node, take_in as station_take_in

    hub = make_node(tmp_path / "hub", "320685102", "曲塘镇代理中心", "township", clock)
    station = make_node(tmp_path / "st", "320685102210", "双楼村代理站", "station", clock)
    try:
        enrol(station, hub)
        users.add_user(hub.desk, "counter", "王", "station_staff", "pw-123456", actor="admin")
        case_id = station_take_in(station)
        act(
            station.desk,
            "clerk",
            case_id,
            "transferred",
            to_level="township",
            to_unit="曲塘镇代理中心",
            reason="需镇里协调",
        )
        rows = station.desk.db.query(
            f"SELECT {', '.join(COLUMNS)} FROM events WHERE stream IN ('case', 'villager', 'cadre') ORDER BY seq"
        )
        hub.desk.ledger.ingest(Event.from_row(r) for r in rows)  # as sync brings it up
        with pytest.raises(permissions.NotPermitted):
            township.take_up(hub.desk, "counter", case_id)  # a counter clerk at the centre may not
        township.take_up(hub.desk, "staff", case_id)  # the centre's staff may
    finally:
        hub.close()
        station.close()


def test_the_first_login_is_the_only_one_added_without_an_admin(desk):
    with pytest.raises(permissions.NotPermitted):
        users.add_user(desk, "sneaky", "某人", "admin", "long-enough")
    with pytest.raises(permissions.NotPermitted):
        users.add_user(desk, "sneaky", "某人", "admin", "long-enough", actor="clerk")
    with pytest.raises(HaianError):
        users.add_user(desk, "system", "系统", "station_staff", "long-enough", actor="admin")


def test_the_station_head_role_needs_the_v9_table_and_old_databases_get_it(tmp_path):
    db = Database(tmp_path / "old.sqlite3")
    migrations.migrate(db, target=8)
    with db.write() as conn:
        conn.execute(
            "INSERT INTO users (username, display_name, role, password_hash, created_at) "
            "VALUES ('admin', '管理员', 'admin', 'x', '2026-01-01T00:00:00Z')"
        )
        with pytest.raises(IntegrityError):
            conn.execute(
                "INSERT INTO users (username, display_name, role, password_hash, created_at) "
                "VALUES ('head', '站长', 'station_head', 'x', '2026-01-01T00:00:00Z')"
            )
    migrations.migrate(db)
    with db.write() as conn:
        conn.execute(
            "INSERT INTO users (username, display_name, role, password_hash, created_at) "
            "VALUES ('head', '站长', 'station_head', 'x', '2026-01-01T00:00:00Z')"
        )
    assert db.scalar("SELECT count(*) FROM users") == 2
    db.close()


# -- the audit trail ----------------------------------------------------------------------------


def test_every_change_to_a_login_is_an_event_with_actor_and_time_and_no_secret(desk, clock):
    users.add_user(desk, "xiaowang", "王小", "station_staff", "first-pw-1", actor="admin")
    clock.advance(minutes=5)
    users.set_role(desk, "admin", "xiaowang", "station_head")
    users.reset_password(desk, "admin", "xiaowang", "second-pw-2")
    users.change_own_password(desk, "xiaowang", "second-pw-2", "third-pw-3")
    users.set_active(desk, "admin", "xiaowang", False)
    users.set_active(desk, "admin", "xiaowang", True)
    rows = desk.db.query(
        "SELECT type, actor, wall_time, payload FROM events WHERE stream = 'account' AND stream_id = ? ORDER BY seq",
        (audit.account_id(desk.installation.id, "xiaowang"),),
    )
    assert [(r["type"], r["actor"]) for r in rows] == [
        ("created", "admin"),
        ("role_changed", "admin"),
        ("password_reset", "admin"),
        ("password_changed", "xiaowang"),
        ("stopped", "admin"),
        ("restarted", "admin"),
    ]
    assert all(r["wall_time"] for r in rows)
    every_payload = " ".join(r["payload"] for r in desk.db.query("SELECT payload FROM events"))
    assert "pw" not in every_payload and "scrypt" not in every_payload
    account = desk.db.one("SELECT * FROM accounts WHERE username = 'xiaowang'")
    assert account["role"] == "station_head" and account["active"] == 1
    with pytest.raises(HaianError):
        users.set_role(desk, "admin", "admin", "station_staff")  # the last admin keeps the role
    assert run_check(desk).ok  # the projections rebuild from the log


def test_settings_changes_are_events_and_unchanged_values_record_nothing(desk):
    station_settings.save(desk, "admin", township_hotline="0513-88888888")
    station_settings.save(desk, "admin", township_hotline="0513-88888888")
    township_before = _events(desk, "settings")
    assert township_before == 1
    with pytest.raises(HaianError):
        station_settings.save(desk, "clerk", township_hotline="110")
    assert _events(desk, "settings") == 1
    event = desk.db.one("SELECT actor, payload FROM events WHERE stream = 'settings'")
    assert event["actor"] == "admin"
    assert json.loads(event["payload"])["changes"] == {"township_hotline": "0513-88888888"}
    lines = audit.history(desk)
    assert lines[0]["actor"] == "admin" and "镇（街道）监督投诉电话 → 0513-88888888" in lines[0]["what"]


# -- reveals ------------------------------------------------------------------------------------------


def test_a_reveal_is_recorded_on_the_case_with_who_when_and_why(desk, villager_id, cadre_id):
    case = take_in(desk, "clerk", _intake(villager_id, cadre_id))
    with pytest.raises(HaianError):
        reveals.reveal(desk, "clerk", reason="  ", case_id=case.case_id)
    with pytest.raises(permissions.NotPermitted):
        reveals.reveal(desk, "nobody", reason="看看", case_id=case.case_id)
    reveals.reveal(desk, "clerk", reason="核对群众身份", case_id=case.case_id)
    last = queries.timeline(desk, case.case_id)[-1]
    assert (last.type, last.actor) == ("revealed", "clerk")
    assert "11010519491231002X" not in json.dumps(last.payload, ensure_ascii=False)
    assert "核对群众身份" in presentation.describe_event(last, {})
    reveals.reveal(desk, "clerk", reason="电话联系群众", villager_id=villager_id, what=("phone",))
    assert [h["reason"] for h in reveals.history(desk, villager_id=villager_id)] == ["核对群众身份", "电话联系群众"]
    assert run_check(desk).ok


def test_a_paper_with_the_full_id_number_records_a_reveal(desk, villager_id, cadre_id):
    case = take_in(desk, "clerk", _intake(villager_id, cadre_id))
    prints.record(desk, "clerk", case.case_id, "receipt", 1, "a4", "pdf")
    assert not reveals.history(desk, case_id=case.case_id)  # masked paper: nothing to record
    station_settings.save(desk, "admin", receipt_full_id=True)
    prints.record(desk, "clerk", case.case_id, "receipt", 2, "a4", "printer")
    prints.record(desk, "clerk", case.case_id, "completion", 1, "a4", "printer")  # never shows it
    shown = reveals.history(desk, case_id=case.case_id)
    assert [(h["actor"], h["where"], h["what"]) for h in shown] == [("clerk", "paper", ["id_number"])]
    assert "受理回执" in shown[0]["reason"]
