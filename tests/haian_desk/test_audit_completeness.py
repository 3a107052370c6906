"""Every change to logins, roles, passwords and settings is an event with its actor and time.

Two halves: each operation that changes them is called and must leave exactly
one ``account`` or ``settings`` event naming who did it (and the trail shows
it); and the source is searched for any other code that writes the ``users``
or ``settings`` tables, so a new way round the trail fails here first.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from haian_desk import station_settings
from haian_desk.events import audit
from haian_desk.people import users
from haian_desk.replication import numbering, township
from haian_desk.storage import backup
from haian_desk.storage.recovery import restore

ROOT = Path(__file__).resolve().parents[2]
AUDITED = {"account", "settings"}


def _trail_events(desk) -> list:
    return desk.db.query(
        "SELECT stream, type, actor, wall_time FROM events WHERE stream IN ('account', 'settings') ORDER BY seq"
    )


def _restored_unsure(desk, tmp_path):
    """A station just restored from a backup: its numbering must be confirmed (an audited step)."""
    made = backup.backup_to(desk.db, tmp_path / "stick" / "b.sqlite3")
    folder = desk.folder
    desk.close()
    restore(folder, made)
    from haian_desk.desk import Desk

    return Desk.open(folder, wall=desk.wall)


OPERATIONS = {
    "add a login": (
        lambda d: users.add_user(d, "xiaowang", "王小", "station_staff", "first-pw-1", actor="admin"),
        "admin",
        ("account", "created"),
    ),
    "change a role": (
        lambda d: users.set_role(d, "admin", "clerk", "station_head"),
        "admin",
        ("account", "role_changed"),
    ),
    "reset a password": (
        lambda d: users.reset_password(d, "admin", "clerk", "reset-pw-2"),
        "admin",
        ("account", "password_reset"),
    ),
    "change one's own password": (
        lambda d: users.change_own_password(d, "clerk", "haian123", "own-pw-3"),
        "clerk",
        ("account", "password_changed"),
    ),
    "stop a login": (lambda d: users.set_active(d, "admin", "clerk", False), "admin", ("account", "stopped")),
    "link a login to a cadre": (
        lambda d: users.link_cadre(d, "admin", "clerk", None),
        "admin",
        ("account", "cadre_linked"),
    ),
    "station settings": (
        lambda d: station_settings.save(d, "admin", office_hours="8:30-17:00"),
        "admin",
        ("settings", "changed"),
    ),
    "the idle lock time": (
        lambda d: station_settings.save_idle_lock(d, "admin", "5"),
        "admin",
        ("settings", "changed"),
    ),
    "backups kept": (lambda d: backup.set_keep_count(d, "admin", 9), "admin", ("settings", "changed")),
    "township sync settings": (
        lambda d: township.save_settings(d, "admin", silent_hours=72),
        "admin",
        ("settings", "changed"),
    ),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_each_change_is_one_event_with_actor_and_time_and_shows_in_the_trail(desk, name):
    operation, actor, expected = OPERATIONS[name]
    if name == "link a login to a cadre":
        users.link_cadre(desk, "admin", "clerk", None)  # make sure there is something to change
        from haian_desk.people import cadres

        cadre = cadres.add(
            desk, "admin", cadres.CadreInput(name="仲维国", phone="13906271000", unit_code=desk.installation.unit_code)
        )
        operation = lambda d: users.link_cadre(d, "admin", "clerk", cadre)  # noqa: E731
    before = _trail_events(desk)
    operation(desk)
    after = _trail_events(desk)
    assert len(after) == len(before) + 1, name
    event = after[-1]
    assert (event["stream"], event["type"]) == expected
    assert event["actor"] == actor and event["wall_time"]
    top = audit.trail(desk, "admin")[0]
    assert top["actor"] == actor and top["at"] == event["wall_time"]


def test_confirming_offline_numbering_after_a_restore_is_in_the_trail(desk, tmp_path):
    desk = _restored_unsure(desk, tmp_path)
    try:
        numbering.confirm_offline(desk, "clerk")
        top = audit.trail(desk, "admin")[0]
        assert top["actor"] == "clerk" and "离线编号" in str(top["what"])
    finally:
        desk.close()


def test_the_trail_is_for_the_head_and_admins_only(desk):
    from haian_desk.people.permissions import NotPermitted

    users.add_user(desk, "head", "仲站长", "station_head", "head-pw-123", actor="admin")
    assert audit.trail(desk, "head")
    for who in ("clerk", "nobody", ""):
        with pytest.raises(NotPermitted):
            audit.trail(desk, who)


def test_every_public_function_that_writes_logins_records_an_event():
    """users.py: any function whose body writes the users table also calls _audit."""
    for name, function in inspect.getmembers(users, inspect.isfunction):
        if function.__module__ != users.__name__:
            continue
        body = inspect.getsource(function)
        if re.search(r"(INSERT INTO|UPDATE|DELETE FROM) users\b", body):
            assert "_audit(" in body, f"users.{name} changes a login without recording it"


WRITES = re.compile(r"(INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM|REPLACE INTO)\s+(users|settings)\b", re.I)
ALLOWED_WRITERS = {
    "haian_desk/users.py",  # every write next to its _audit (test above)
    "haian_desk/station_settings.py",  # write() records the settings event
    "haian_desk/storage/migrations.py",
}


def test_nothing_else_writes_the_users_or_settings_tables():
    found = set()
    for package in ("haian_desk", "sync", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            if WRITES.search(path.read_text(encoding="utf-8")):
                found.add(path.relative_to(ROOT).as_posix())
    # After the rooms move these files live under haian_desk/people/ and haian_desk/storage/.
    normalised = {p.replace("haian_desk/people/", "haian_desk/") for p in found}
    assert normalised <= ALLOWED_WRITERS, sorted(normalised - ALLOWED_WRITERS)
