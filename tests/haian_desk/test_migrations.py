"""Schema migrations: from every earlier version, in one transaction each, with a backup first."""

from __future__ import annotations

import pytest

from haian_desk.core import paths
from haian_desk.core.errors import SetupError
from haian_desk.desk import Desk
from haian_desk.storage import migrations
from haian_desk.storage.db import Database, OperationalError
from tests.haian_desk import dbfiles


def test_new_database_reaches_the_latest_version(desk):
    assert desk.db.user_version == migrations.LATEST
    mode = desk.db.scalar("PRAGMA journal_mode")
    assert mode == "wal"
    assert desk.db.scalar("PRAGMA foreign_keys") == 1


@pytest.mark.parametrize("old_version", range(1, migrations.LATEST))
def test_every_earlier_version_migrates_and_keeps_its_data(desk, new_case, tmp_path, clock, old_version):
    """Build a station, roll its file back to an earlier schema, and open it."""
    case = new_case()
    folder = tmp_path / "station"
    desk.close()
    _downgrade(paths.database_path(folder), old_version)

    reopened = Desk.open(folder, wall=clock)
    assert reopened.db.user_version == migrations.LATEST
    assert reopened.db.scalar("SELECT case_no FROM cases") == case.case_no
    backups = list(paths.backups_dir(folder).glob(f"before-migration-v{old_version}-*.sqlite3"))
    assert len(backups) == 1
    with dbfiles.opened(backups[0]) as saved:
        assert saved.execute("PRAGMA user_version").fetchone()[0] == old_version
        assert saved.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    reopened.close()


def _downgrade(path, version):
    """What a database written by an older release looks like: later tables and columns absent."""
    added = [s.split() for m in migrations.MIGRATIONS[version:] for s in m if s.startswith("ALTER TABLE")]
    later = [s for m in migrations.MIGRATIONS[version:] for s in m if s.lstrip().startswith("CREATE TABLE")]
    with dbfiles.opened(path) as conn:
        for words in reversed(added):  # ALTER TABLE t ADD COLUMN c …
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (words[2],)).fetchone():
                conn.execute(f"ALTER TABLE {words[2]} DROP COLUMN {words[5]}")
        for statement in later:
            conn.execute(f"DROP TABLE IF EXISTS {statement.split()[2]}")  # users_v9 was renamed
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()


def test_a_failing_migration_leaves_the_old_version_intact(tmp_path, monkeypatch):
    db = Database(tmp_path / "x.sqlite3")
    migrations.migrate(db, target=1)
    broken = list(migrations.MIGRATIONS) + [["CREATE TABLE half_done (x)", "THIS IS NOT SQL"]]
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    monkeypatch.setattr(migrations, "LATEST", len(broken))
    with pytest.raises(OperationalError):
        migrations.migrate(db)
    # Everything before the broken step applied; the broken step left nothing behind.
    assert db.user_version == len(broken) - 1
    assert db.one("SELECT name FROM sqlite_master WHERE name = 'half_done'") is None
    db.close()


def test_a_newer_database_is_refused_with_a_clear_message(tmp_path):
    db = Database(tmp_path / "x.sqlite3")
    db.query(f"PRAGMA user_version = {migrations.LATEST + 1}")
    with pytest.raises(SetupError) as caught:
        migrations.migrate(db)
    assert "新版" in str(caught.value)
    db.close()


def test_v8_counts_the_deadline_base_of_older_rows_as_a_rebuild_does(desk, new_case, tmp_path, clock):
    """Pauses before a reopening are not part of the running clock; pauses after it are."""
    from haian_desk.calendar import operations as working_calendar
    from haian_desk.cases import operations
    from haian_desk.storage.check import run_check

    working_calendar.set_general_rule(desk, "admin", "clock_hours")  # as deadlines were counted before v8
    paused_then_reopened = new_case()
    plain = new_case()
    steps = [
        ("paused", {"reason": "等待鉴定"}),
        ("resumed", {}),
        ("completed", {"result": "granted"}),
        ("reopened", {"reason": "金额有误"}),
        ("paused", {"reason": "公示"}),
        ("resumed", {}),
    ]
    for event_type, payload in steps:
        clock.advance(hours=5)
        operations.act(desk, "clerk", paused_then_reopened.case_id, event_type, **payload)
    with desk.db.write() as conn:  # as a release before v8 recorded them: no deadline in the events
        conn.execute("DROP TRIGGER events_are_append_only_u")
        conn.execute(
            "UPDATE events SET payload = json_remove(payload, '$.deadline', '$.calendar') "
            "WHERE type IN ('accepted', 'reopened')"
        )
    folder = tmp_path / "station"
    desk.close()
    _downgrade(paths.database_path(folder), 7)
    reopened = Desk.open(folder, wall=clock)
    rows = {r["id"]: r for r in reopened.db.query("SELECT * FROM cases")}
    assert rows[plain.case_id]["deadline_base"] == rows[plain.case_id]["deadline"]
    moved = rows[paused_then_reopened.case_id]
    assert moved["deadline_base"] < moved["deadline"]
    with reopened.db.write() as conn:  # the stored rows were folded by the old rules
        from haian_desk.events.ledger import refold

        before = dict(moved)
        refold(conn, "case", paused_then_reopened.case_id)
    after = reopened.db.one("SELECT deadline, deadline_base FROM cases WHERE id = ?", (paused_then_reopened.case_id,))
    assert (after["deadline"], after["deadline_base"]) == (before["deadline"], before["deadline_base"])
    # (the rule's own row went with the downgrade: only the cases are in question here)
    assert [d for d in run_check(reopened).differences if d.startswith("cases ")] == []
    reopened.close()
