"""Two connections on one installation (the app, and sync in another process) write in turn: a write
that read first never fails because the other committed in between; it waits for its turn."""

from __future__ import annotations

import threading

from haian_desk.storage.db import Database


def test_a_write_that_reads_first_waits_instead_of_failing(tmp_path):
    path = tmp_path / "shared.sqlite3"
    app, sync_process = Database(path), Database(path)
    with app.write() as conn:
        conn.execute("CREATE TABLE work (what TEXT)")
    other_done = threading.Event()

    def other_writer() -> None:
        with sync_process.write() as conn:
            conn.execute("INSERT INTO work VALUES ('from sync')")
        other_done.set()

    with app.write() as conn:
        conn.execute("SELECT count(*) FROM work").fetchone()
        writer = threading.Thread(target=other_writer)
        writer.start()
        writer.join(0.5)  # it cannot commit in the middle of this transaction: it waits
        assert not other_done.is_set()
        conn.execute("INSERT INTO work VALUES ('intake')")
    writer.join(30)
    assert other_done.is_set()
    assert [r[0] for r in app.query("SELECT what FROM work ORDER BY rowid")] == ["intake", "from sync"]
    app.close()
    sync_process.close()


def test_a_failed_write_leaves_nothing_and_nesting_still_works(tmp_path):
    db = Database(tmp_path / "one.sqlite3")
    with db.write() as conn:
        conn.execute("CREATE TABLE work (what TEXT)")
    try:
        with db.write() as conn:
            conn.execute("INSERT INTO work VALUES ('half')")
            raise RuntimeError("refused")
    except RuntimeError:
        pass
    with db.write() as conn:
        conn.execute("INSERT INTO work VALUES ('outer')")
        try:
            with db.write() as inner:
                inner.execute("INSERT INTO work VALUES ('inner')")
                raise RuntimeError("inner refused")
        except RuntimeError:
            pass
    assert [r[0] for r in db.query("SELECT what FROM work")] == ["outer"]
    with db.read() as conn:
        assert not conn.in_transaction
    db.close()
