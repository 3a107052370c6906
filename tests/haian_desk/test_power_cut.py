"""A receipt's case survives a power cut.

The station's connections write in WAL mode with ``synchronous=FULL``
(haian_desk/storage/db.py). This replays an intake counter under a test-only
SQLite VFS written with APSW that keeps every write in a "page cache" until
the file is synced, and at the cut throws away whatever was not synced — what
a power cut does to a disk. The database is then reopened as after a reboot:
every case whose receipt could print (its commit had returned) must be there,
and the next number issued must never be one a villager already holds.

APSW bundles its own SQLite without SQLCipher, so the replay runs on a plain
file; the property under test is the journal mode and sync level, which
SQLCipher leaves to SQLite unchanged.
"""

from __future__ import annotations

import apsw
from hypothesis import given, settings, strategies as st

from haian_desk.storage import db as dbmod


class CutFile(apsw.VFSFile):
    """A file whose writes live in memory until xSync, as in the OS page cache."""

    def __init__(self, vfs: PowerCutVFS, base: str, name, flags):
        super().__init__(base, name, flags)
        self.vfs = vfs
        size = super().xFileSize()
        self.image = bytearray(super().xRead(size, 0) if size else b"")

    def xRead(self, amount, offset):
        return bytes(self.image[offset : offset + amount])  # APSW zero-fills a short read

    def xWrite(self, data, offset):
        end = offset + len(data)
        if end > len(self.image):
            self.image.extend(b"\0" * (end - len(self.image)))
        self.image[offset:end] = data

    def xTruncate(self, size):
        del self.image[size:]

    def xFileSize(self):
        return len(self.image)

    def xSync(self, flags):
        if self.vfs.cut:
            return
        super().xTruncate(len(self.image))
        for start in range(0, len(self.image), 4096):  # the base VFS writes a page at a time
            super().xWrite(bytes(self.image[start : start + 4096]), start)
        super().xSync(flags)

    def xClose(self):
        if not self.vfs.cut:  # an orderly close: the OS writes its cache back eventually
            self.xSync(apsw.SQLITE_SYNC_NORMAL)
        super().xClose()


class PowerCutVFS(apsw.VFS):
    def __init__(self, name: str = "powercut"):
        self.cut = False
        self.name = name
        super().__init__(name, "")

    def xOpen(self, name, flags):
        return CutFile(self, "", name, flags)

    def xDelete(self, name, syncdir):
        if not self.cut:  # after the cut, the close's checkpoint and WAL removal never reach the disk
            super().xDelete(name, syncdir)


def counter(path, durability: str, intakes: int) -> list[int]:
    """Take in ``intakes`` cases one transaction each; the numbers whose receipts printed."""
    vfs = PowerCutVFS()
    conn = apsw.Connection(str(path), vfs=vfs.name)
    try:
        conn.execute(dbmod.JOURNAL_MODE)
        conn.execute(durability)
        conn.execute("CREATE TABLE IF NOT EXISTS cases (case_no INTEGER PRIMARY KEY, description TEXT)")
        printed = []
        for _ in range(intakes):
            conn.execute("BEGIN IMMEDIATE")
            number = conn.execute("SELECT coalesce(max(case_no), 0) + 1 FROM cases").fetchall()[0][0]
            conn.execute("INSERT INTO cases VALUES (?, ?)", (number, "反映3组道路破损" * 20))
            conn.execute("COMMIT")
            printed.append(number)  # the commit returned: the receipt prints now
        vfs.cut = True  # the power goes
    finally:
        conn.close()
        vfs.unregister()
    path.with_name(path.name + "-shm").unlink(missing_ok=True)  # shared memory does not survive either
    return printed


def after_reboot(path) -> tuple[set[int], int]:
    conn = apsw.Connection(str(path))
    try:
        kept = {row[0] for row in conn.execute("SELECT case_no FROM cases")}
        following = conn.execute("SELECT coalesce(max(case_no), 0) + 1 FROM cases").fetchall()[0][0]
    finally:
        conn.close()
    return kept, following


@settings(max_examples=15, deadline=None)
@given(before=st.integers(0, 30), during=st.integers(1, 30))
def test_every_printed_receipt_survives_a_power_cut(tmp_path_factory, before, during):
    path = tmp_path_factory.mktemp("cut") / "station.sqlite3"
    if before:
        counter(path, dbmod.DURABILITY, before)
        vfs_free_reopen = after_reboot(path)  # a day's earlier work, then a reboot
        assert len(vfs_free_reopen[0]) == before
    printed = counter(path, dbmod.DURABILITY, during)
    kept, following = after_reboot(path)
    assert set(printed) <= kept
    assert following not in printed and following > max(printed)  # no number issued twice


def test_the_replay_does_cut_what_was_not_synced(tmp_path):
    """With NORMAL (the old setting) the same replay loses acknowledged cases: the VFS bites."""
    path = tmp_path / "station.sqlite3"
    counter(path, dbmod.DURABILITY, 1)  # yesterday's case, safely on disk
    printed = counter(path, "PRAGMA synchronous=NORMAL", 20)
    kept, following = after_reboot(path)
    assert not set(printed) <= kept
    assert following in printed  # a number a villager holds on paper would be issued again


def test_the_station_connection_runs_what_the_replay_proved(desk):
    """The replay above uses db.JOURNAL_MODE and db.DURABILITY; the station's own connection does too."""
    assert desk.db.scalar("PRAGMA journal_mode") == "wal"
    assert desk.db.scalar("PRAGMA synchronous") == 2  # FULL
    assert desk.db.key is not None  # and it is the encrypted file, not a plain one
