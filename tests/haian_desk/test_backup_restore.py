"""Restore: the file is checked before anything is replaced, and the replaced database is kept."""

from __future__ import annotations

import hashlib

import pytest

from haian_desk.core import paths
from haian_desk.desk import Desk, initialise
from haian_desk.storage import backup, keys, migrations, recovery, sealed
from haian_desk.storage.db import Database
from tests.haian_desk import dbfiles
from tests.haian_desk.dbfiles import smash_page  # noqa: F401  (other test files import it from here)
from tests.haian_desk.test_migrations import _downgrade

OTHER_STATION = ("320685102211", "曲塘镇杨庄村代理站")


@pytest.fixture
def stick(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _fingerprint(folder):
    """Every file under the data folder with its content: to prove nothing was touched."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _cases_in(path) -> int:
    return dbfiles.scalar(path, "SELECT count(*) FROM cases")


def test_restore_brings_back_yesterdays_data_and_keeps_todays_aside(desk, new_case, stick, clock):
    new_case(description="昨天登记的事")
    yesterday = backup.backup_to(desk.db, stick / "yesterday.sqlite3")
    new_case(description="今天登记的事")
    folder = desk.folder
    desk.close()

    done = recovery.restore(folder, yesterday, now=clock.now)

    assert done.info.cases == 1 and "曲塘镇双楼村代理站" in done.info.describe()
    reopened = Desk.open(folder, wall=clock)
    assert [r["description"] for r in reopened.db.query("SELECT description FROM cases")] == ["昨天登记的事"]
    reopened.close()
    assert done.set_aside.parent == folder / "replaced"
    assert _cases_in(done.set_aside) == 2  # today's case is still there, set aside
    assert yesterday.exists()  # the stick keeps its copy
    assert not (folder / recovery.STAGING_NAME).exists()


def test_a_backup_from_an_older_schema_is_migrated_on_restore(desk, new_case, stick, clock):
    case = new_case()
    folder = desk.folder
    desk.close()
    _downgrade(paths.database_path(folder), 1)  # the station as an older release left it
    older = Database(paths.database_path(folder), keys.unlock(folder))
    old = backup.backup_to(older, stick / "old.sqlite3")
    older.close()

    done = recovery.restore(folder, old, now=clock.now)

    assert done.migrated_from == 1
    reopened = Desk.open(folder, wall=clock)
    assert reopened.db.user_version == migrations.LATEST
    assert reopened.db.scalar("SELECT case_no FROM cases") == case.case_no
    reopened.close()


def _truncated(desk, stick):
    made = backup.backup_to(desk.db, stick / "cut.hdbackup")
    data = made.read_bytes()
    made.write_bytes(data[: len(data) // 2])
    return made


def _not_sqlite(desk, stick):
    made = stick / "photo.sqlite3"
    made.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 5000)
    return made


def _foreign(desk, stick):
    made = stick / "accounts.sqlite3"
    dbfiles.execute(
        made, "CREATE TABLE ledger (day TEXT, amount REAL)", "INSERT INTO ledger VALUES ('2026-03-01', 12.5)"
    )
    return made


def _newer_schema(desk, stick):
    with desk.db.read() as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")  # as a newer release leaves it
    made = backup.backup_to(desk.db, stick / "newer.hdbackup")
    with desk.db.read() as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST}")
    return made


def _damaged_page(desk, stick):
    made = backup.backup_to(desk.db, stick / "damaged.hdbackup")
    with open(made, "r+b") as handle:  # a failing stick: one block of the payload turned to garbage
        handle.seek(sealed.read(made).payload_at + 4096)
        handle.write(bytes([0x5A]) * 4096)
    return made


def _tampered_description(desk, stick):
    made = backup.backup_to(desk.db, stick / "edited.hdbackup")
    data = made.read_bytes()
    made.write_bytes(data.replace("曲塘镇双楼村代理站".encode(), "曲塘镇杨庄村代理站".encode(), 1))
    return made


@pytest.mark.parametrize(
    "make_bad_file, says",
    [
        (_truncated, "损坏"),
        (_not_sqlite, "不是海安代理工作台的备份文件"),
        (_foreign, "不是海安代理工作台的数据库"),
        (_newer_schema, "新版"),
        (_damaged_page, "损坏"),
        (_tampered_description, "改动"),
    ],
)
def test_a_bad_file_is_refused_and_nothing_is_replaced(desk, new_case, stick, clock, make_bad_file, says):
    new_case()
    bad = make_bad_file(desk, stick)
    folder = desk.folder
    desk.close()
    before = _fingerprint(folder)

    with pytest.raises(recovery.RestoreRefused) as refused:
        recovery.restore(folder, bad, now=clock.now)

    assert says in str(refused.value)
    assert _fingerprint(folder) == before
    assert _cases_in(paths.database_path(folder)) == 1


def test_another_stations_backup_is_refused_unless_asked_for(desk, new_case, stick, tmp_path, clock):
    other = initialise(tmp_path / "other", *OTHER_STATION, wall=clock)
    theirs = backup.backup_to(other.db, stick / "theirs.sqlite3")
    other.close()
    new_case()
    folder = desk.folder
    desk.close()

    with pytest.raises(recovery.RestoreRefused) as refused:
        recovery.restore(folder, theirs, now=clock.now)
    assert "杨庄村" in str(refused.value) and "--other-station" in str(refused.value)
    assert _cases_in(paths.database_path(folder)) == 1

    done = recovery.restore(folder, theirs, now=clock.now, allow_other_station=True)
    assert done.info.unit_code == OTHER_STATION[0]


def test_restore_is_refused_while_the_database_is_open(desk, new_case, stick, clock):
    new_case()
    made = backup.backup_to(desk.db, stick / "b.sqlite3")
    new_case()
    with pytest.raises(recovery.RestoreRefused) as refused:
        recovery.restore(desk.folder, made, now=clock.now)
    assert "关闭" in str(refused.value)
    assert desk.db.scalar("SELECT count(*) FROM cases") == 2
    assert not (desk.folder / "replaced").exists()


def test_restore_onto_a_new_pc_with_no_database(desk, new_case, stick, tmp_path, clock):
    new_case()
    made = backup.backup_to(desk.db, stick / "b.sqlite3")
    fresh = tmp_path / "new-pc"
    fresh.mkdir()
    done = recovery.restore(fresh, made, now=clock.now)
    assert done.set_aside is None
    reopened = Desk.open(fresh, wall=clock)
    assert reopened.installation.id == desk.installation.id
    reopened.close()
