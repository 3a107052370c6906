"""Twenty kinds of damage to a station's files: each ends in one clear line (the restore offer where
the file itself is damaged) or is harmless, never in a traceback; and `restore --latest` then works."""

from __future__ import annotations

import json
import os

import pytest

from haian_desk.cli import main as cli
from haian_desk.core import paths
from haian_desk.storage import backup, keys
from tests.haian_desk import dbfiles

PAGE = 4096


def _flip(path, offset):
    with open(path, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0xFF]))


def _write_at(path, offset, data):
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def _pages(path):
    return path.stat().st_size // PAGE


def _root_page(folder, table):
    with dbfiles.opened(paths.database_path(folder)) as conn:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]


def _bad_text_in_an_old_plain_file(folder, db):
    """A station from before encryption with bytes flipped inside a name (invalid UTF-8)."""
    from tests.haian_desk.test_encryption_migration import make_plain  # noqa: F401 (same shape, done inline)

    with dbfiles.opened(db) as conn:
        plain = folder / "plain.tmp"
        backup.export(conn, plain, None)
    keys.key_path(folder).unlink()
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    os.replace(plain, db)
    data = db.read_bytes()
    at = data.index("张三".encode())
    _write_at(db, at, b"\xff\xfe")


DAMAGE = {
    "empty file": lambda f, db: db.write_bytes(b""),
    "cut in half": lambda f, db: os.truncate(db, db.stat().st_size // 2),
    "only the first page left": lambda f, db: os.truncate(db, PAGE),
    "first page zeroed": lambda f, db: _write_at(db, 0, b"\0" * PAGE),
    "first page random": lambda f, db: _write_at(db, 0, os.urandom(PAGE)),
    "one byte flipped in the first page": lambda f, db: _flip(db, 100),
    "one byte flipped in the middle": lambda f, db: _flip(db, (_pages(db) // 2) * PAGE + 200),
    "one byte flipped in the last page": lambda f, db: _flip(db, db.stat().st_size - 50),
    "a middle page zeroed": lambda f, db: _write_at(db, (_pages(db) // 2) * PAGE, b"\0" * PAGE),
    "the cases table's root page garbage": lambda f, db: _write_at(
        db, (_root_page(f, "cases") - 1) * PAGE, b"\x5a" * PAGE
    ),
    "the events table's root page garbage": lambda f, db: _write_at(
        db, (_root_page(f, "events") - 1) * PAGE, b"\x5a" * PAGE
    ),
    "replaced by a text file": lambda f, db: db.write_text("这不是数据库" * 500, encoding="utf-8"),
    "replaced by a picture": lambda f, db: db.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(8000)),
    "garbage appended": lambda f, db: db.write_bytes(db.read_bytes() + os.urandom(1000)),
    "a byte flipped every 64 KB": lambda f, db: [_flip(db, o) for o in range(50, db.stat().st_size, 65536)],
    "the key file deleted": lambda f, db: keys.key_path(f).unlink(),
    "the key file garbled": lambda f, db: keys.key_path(f).write_text("{not json", encoding="utf-8"),
    "the key file from another station": lambda f, db: keys.key_path(f).write_text(
        json.dumps({**json.loads(keys.key_path(f).read_text()), "salt": "AAAAAAAAAAAAAAAAAAAAAA=="}), encoding="utf-8"
    ),
    "the -shm file garbage": lambda f, db: db.with_name(db.name + "-shm").write_bytes(os.urandom(32768)),
    "bytes flipped in a text column of an old plain file": _bad_text_in_an_old_plain_file,
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_ends_in_a_clear_line_and_restore_latest_works(desk, new_case, clock, capsys, kind):
    for n in range(30):
        new_case(description=f"第{n}件事" * 30)
    backup.run_daily(desk.db, desk.folder, clock.now)
    folder = desk.folder
    desk.close()
    db = paths.database_path(folder)
    DAMAGE[kind](folder, db)
    keys.forget_cached()

    for command in (["cases"], ["check"]):
        code = cli.main([*command, "--data-dir", str(folder)])  # an exception here is the failure
        err = capsys.readouterr().err
        assert code in (0, 1, cli.EXIT_ERROR)
        if code == cli.EXIT_ERROR:
            assert len(err.strip().splitlines()) == 1 and ("restore" in err or "口令" in err), err

    assert cli.main(["restore", "--latest", "--data-dir", str(folder)]) == 0, capsys.readouterr().err
    assert cli.main(["cases", "--data-dir", str(folder)]) == 0, capsys.readouterr().err
