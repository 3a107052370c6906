"""A hub's PostgreSQL desk behaves as a station's SQLite desk where the screens rely on it: a write
inside a write is a savepoint of the same transaction, what committed is reported to ``watch``,
the log's mark moves in commit order, and a hub keeps no station settings."""

from __future__ import annotations

import pytest

from haian_desk import station_settings
from haian_desk.core.errors import ValidationError
from haian_desk.events import recent
from haian_desk.events.audit import account_id
from haian_desk.events.changes import ChangeSet
from haian_desk.hub_desk import HubDesk
from haian_desk.people import users
from tests.sync.helpers import PASSWORD
from tests.sync.pg_county import PgCounty


@pytest.fixture
def hub_desk(pg_url, tmp_path, clock):
    PgCounty(pg_url, tmp_path / "keys", clock).make()
    with HubDesk.open(pg_url, wall=clock) as desk:
        yield desk


def _meta(desk, key: str):
    return desk.db.scalar("SELECT value FROM meta WHERE key = ?", (key,))


def test_a_write_inside_a_write_is_one_transaction_and_a_failed_inner_part_alone_is_undone(hub_desk):
    with hub_desk.db.write() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("outer", "1"))
        with hub_desk.db.read() as inner:
            assert inner.execute("SELECT value FROM meta WHERE key = 'outer'").fetchone()[0] == "1"
        with pytest.raises(RuntimeError), hub_desk.db.write() as nested:
            nested.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("inner", "2"))
            raise RuntimeError("the inner step fails")
        assert hub_desk.db.scalar("SELECT count(*) FROM meta WHERE key = 'inner'") == 0
    assert _meta(hub_desk, "outer") == "1" and _meta(hub_desk, "inner") is None
    with pytest.raises(RuntimeError), hub_desk.db.write() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", ("lost", "3"))
        raise RuntimeError("the whole write fails")
    assert _meta(hub_desk, "lost") is None


def test_watch_hears_what_an_operation_committed_and_nothing_of_what_rolled_back(hub_desk):
    with hub_desk.db.watch() as seen:
        users.add_user(hub_desk, "admin", "管理员", "admin", PASSWORD)  # type: ignore[arg-type]
    assert ChangeSet.of(seen).ids("account") == {account_id(hub_desk.installation.id, "admin")}
    with hub_desk.db.watch() as seen, pytest.raises(ValidationError):
        users.add_user(hub_desk, "admin", "管理员", "admin", PASSWORD, actor="admin")  # type: ignore[arg-type]
    assert ChangeSet.of(seen).empty


def test_the_log_mark_follows_commit_order_and_says_what_arrived(hub_desk):
    mark = recent.last_seq(hub_desk.db)
    assert recent.since(hub_desk.db, mark).empty
    users.add_user(hub_desk, "admin", "管理员", "admin", PASSWORD)  # type: ignore[arg-type]
    news = recent.since(hub_desk.db, mark)
    assert news.streams == {"account"} and news.upto > mark
    assert news.upto == hub_desk.db.scalar("SELECT max(pos) FROM event_positions")
    assert recent.since(hub_desk.db, news.upto).empty


def test_a_hub_keeps_no_station_settings_and_locks_after_the_default_idle_time(hub_desk):
    settings = station_settings.load(hub_desk)  # type: ignore[arg-type]
    assert settings == station_settings.StationSettings(address="", phone="")
    assert settings.idle_lock_seconds == 600
