"""Backups: a consistent copy while the station writes, daily copies kept to the newest N."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from haian_desk.cases.operations import Intake, take_in
from haian_desk.core import paths
from haian_desk.core.errors import HaianError, ValidationError
from haian_desk.desk import Desk
from haian_desk.storage import backup, keys, recovery, sealed
from haian_desk.storage.check import run_check
from haian_desk.storage.db import Database
from tests.haian_desk import dbfiles


def _intake(villager_id, cadre_id, n):
    return Intake(kind="opinion", villager_id=villager_id, description=f"反映第{n}件事", first_cadre_id=cadre_id)


class Writer(threading.Thread):
    """Takes in cases one after another until told to stop, like a busy counter."""

    def __init__(self, desk, villager_id, cadre_id):
        super().__init__(daemon=True)
        self.desk, self.villager_id, self.cadre_id = desk, villager_id, cadre_id
        self.written = 0
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            while not self.stop.is_set():
                take_in(self.desk, "clerk", _intake(self.villager_id, self.cadre_id, self.written))
                self.written += 1
        except BaseException as error:  # noqa: BLE001 - surfaced by the test, not lost in the thread
            self.error = error


@pytest.mark.parametrize("writer_connection", ["same", "separate"])
def test_backups_taken_while_cases_are_written_are_never_torn(
    desk, villager_id, cadre_id, tmp_path, clock, writer_connection
):
    """The app's worker writes through the same connection; another process through its own."""
    writing_desk = desk if writer_connection == "same" else Desk.open(desk.folder, wall=clock)
    writer = Writer(writing_desk, villager_id, cadre_id)
    writer.start()
    copies = []
    try:
        while len(copies) < 4 or writer.written < 40:
            assert writer.error is None and writer.is_alive()
            copies.append(backup.backup_to(desk.db, tmp_path / "copies" / f"{len(copies)}.sqlite3"))
    finally:
        writer.stop.set()
        writer.join()
    assert writer.error is None
    counts = [_check_copy(path, clock) for path in copies]
    assert len(set(counts)) > 1, "every copy was taken while the writer was idle"
    if writing_desk is not desk:
        writing_desk.close()


def _check_copy(path, clock) -> int:
    """Each copy opens as a station whose rows match its own event log exactly."""
    folder = path.with_suffix("")
    folder.mkdir()
    recovery.restore(folder, path)  # a new PC: the test passphrase opens it
    copy = Desk.open(folder, wall=clock)
    report = run_check(copy)
    cases = copy.db.scalar("SELECT count(*) FROM cases")
    registered = copy.db.scalar("SELECT count(*) FROM events WHERE stream = 'case' AND type = 'registered'")
    copy.close()
    assert report.ok, (report.integrity, report.differences)
    assert cases == registered
    return cases


def test_a_backup_is_one_self_contained_file(desk, new_case, tmp_path):
    new_case()
    made = backup.backup_to(desk.db, tmp_path / "stick" / "b.sqlite3")
    assert sorted(p.name for p in made.parent.iterdir()) == ["b.sqlite3"]  # no -wal, no .partial
    assert sealed.is_sealed(made)
    with dbfiles.opened(made) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1


def test_daily_backup_runs_once_a_day_and_keeps_the_newest_n(desk, new_case, clock):
    backup.set_keep_count(desk, "admin", 3)
    made = []
    for day in range(5):
        new_case(description=f"第{day}天的事")
        made.append(backup.run_daily(desk.db, desk.folder, clock.now))
        assert backup.run_daily(desk.db, desk.folder, clock.now + timedelta(hours=3)) is None
        clock.advance(days=1)
    kept = backup.daily_backups(desk.folder)
    assert kept == made[:-4:-1]  # the newest three, newest first
    assert all(not path.exists() for path in made[:2])
    assert dbfiles.scalar(kept[0], "SELECT count(*) FROM cases") == 5


def test_a_backup_is_due_by_beijing_date_not_utc(desk, clock):
    backup.run_daily(desk.db, desk.folder, clock.now)  # 10:00 Beijing
    evening = clock.now.replace(hour=15, minute=30)  # 23:30 Beijing, same day
    assert not backup.daily_due(desk.folder, evening)
    assert backup.daily_due(desk.folder, evening + timedelta(hours=1))  # 00:30 the next day


def test_keep_count_defaults_and_is_admins_only(desk):
    assert backup.keep_count(desk.db) == backup.DEFAULT_KEEP
    with pytest.raises(ValidationError) as caught:
        backup.set_keep_count(desk, "admin", 0)
    assert "1到365" in str(caught.value)
    with pytest.raises(HaianError) as refused:
        backup.set_keep_count(desk, "clerk", 5)
    assert "管理员" in str(refused.value)
    assert backup.keep_count(desk.db) == backup.DEFAULT_KEEP


def test_migration_backups_and_manual_backups_are_never_pruned(desk, clock):
    manual = backup.manual_backup(desk.db, desk.folder, clock.now)
    backup.set_keep_count(desk, "admin", 1)
    for _ in range(3):
        backup.run_daily(desk.db, desk.folder, clock.now)
        clock.advance(days=1)
    assert manual.exists()
    assert len(backup.daily_backups(desk.folder)) == 1


def test_a_damaged_database_never_pushes_good_backups_out(desk, new_case, clock):
    from tests.haian_desk.dbfiles import smash_page

    backup.set_keep_count(desk, "admin", 2)
    new_case()
    good = []
    for _ in range(2):
        good.append(backup.run_daily(desk.db, desk.folder, clock.now))
        clock.advance(days=1)
    folder = desk.folder
    desk.close()
    smash_page(paths.database_path(folder), "cases")
    damaged = Database(paths.database_path(folder), keys.unlock(folder))
    with pytest.raises(HaianError) as refused:
        backup.run_daily(damaged, folder, clock.now)
    damaged.close()
    assert "已损坏" in str(refused.value)
    assert backup.daily_backups(folder) == good[::-1]  # both good ones still kept
    assert (paths.backups_dir(folder) / backup.DAMAGED_COPY).exists()
