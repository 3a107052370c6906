"""A restore chosen in the running app: checked at once, carried out at the next start."""

from __future__ import annotations

import pytest

from haian_desk.core import paths
from haian_desk.desk import Desk
from haian_desk.storage import recovery
from haian_desk.storage.backup import backup_to


def test_a_scheduled_restore_is_applied_at_the_next_start(desk, new_case, tmp_path, clock):
    first = new_case()
    saved = backup_to(desk.db, tmp_path / "usb" / "yesterday.sqlite3")
    new_case()  # work after the backup, which the restore takes back
    folder = tmp_path / "station"
    info = recovery.schedule_restore(folder, saved)
    assert info.cases == 1 and recovery.pending_restore(folder) == saved.resolve()
    desk.close()
    restored = recovery.apply_pending_restore(folder)
    assert restored is not None and restored.set_aside is not None and restored.set_aside.exists()
    assert recovery.pending_restore(folder) is None
    again = Desk.open(folder, wall=clock)
    assert [r["case_no"] for r in again.db.query("SELECT case_no FROM cases")] == [first.case_no]
    again.close()


def test_a_bad_file_is_refused_when_chosen_and_nothing_is_scheduled(desk, tmp_path):
    junk = tmp_path / "not-a-backup.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    folder = tmp_path / "station"
    with pytest.raises(recovery.RestoreRefused):
        recovery.schedule_restore(folder, junk)
    assert recovery.pending_restore(folder) is None
    assert recovery.apply_pending_restore(folder) is None
    assert paths.database_path(folder).exists()
