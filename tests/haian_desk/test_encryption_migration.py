"""A station made before encryption: encrypted on its first start, its plain files kept only inside
an encrypted backup and then overwritten; a kill at any step leaves something the next start opens."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from haian_desk.core import paths
from haian_desk.core.failpoints import ENV as FAILPOINT
from haian_desk.desk import Desk
from haian_desk.storage import backup, db as dbmod, encrypt_plain, keys, sealed

SECRETS = ("张三".encode(), b"11010519491231002X", b"13812345678")
STEPS = ["encrypt.backed_up", "encrypt.copied", "encrypt.ready", "wipe.block", "encrypt.wiped"]


def make_plain(desk) -> tuple:
    """The station as an older release left it: a plain file, a plain daily backup, no key file."""
    folder = desk.folder
    plain = folder / "plain.tmp"
    with desk.db.read() as conn:
        backup.export(conn, plain, None)
    cases = desk.db.scalar("SELECT count(*) FROM cases")
    desk.close()
    db_path = paths.database_path(folder)
    for leftover in (db_path, keys.key_path(folder)):
        leftover.unlink()
    os.replace(plain, db_path)
    paths.backups_dir(folder).mkdir(exist_ok=True)
    shutil.copyfile(db_path, paths.backups_dir(folder) / "daily-20260301-100000.sqlite3")
    assert dbmod.is_plain_file(db_path)
    return folder, cases


def no_secret_anywhere(folder) -> dict:
    return {
        str(p): [s for s in SECRETS if s in p.read_bytes()]
        for p in folder.rglob("*")
        if p.is_file() and any(s in p.read_bytes() for s in SECRETS)
    }


def test_a_plain_station_is_encrypted_on_its_first_start(desk, new_case, clock):
    new_case(description="升级前登记的事")
    folder, cases = make_plain(desk)
    assert no_secret_anywhere(folder)  # the test's premise: before the upgrade, it is all readable

    reopened = Desk.open(folder, wall=clock)
    assert reopened.db.scalar("SELECT count(*) FROM cases") == cases
    reopened.close()
    assert not dbmod.is_plain_file(paths.database_path(folder))
    kept = list(paths.backups_dir(folder).glob(f"{encrypt_plain.BEFORE_PREFIX}*{backup.SUFFIX}"))
    assert len(kept) == 1 and sealed.is_sealed(kept[0])
    assert (paths.backups_dir(folder) / "daily-20260301-100000.hdbackup").exists()
    assert not (paths.backups_dir(folder) / "daily-20260301-100000.sqlite3").exists()
    assert no_secret_anywhere(folder) == {}


def test_without_a_passphrase_the_upgrade_asks_for_one(desk, new_case, monkeypatch):
    new_case()
    folder, _ = make_plain(desk)
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(keys.PassphraseNeeded) as asked:
        Desk.open(folder)
    assert "设置本站口令" in str(asked.value)
    assert dbmod.is_plain_file(paths.database_path(folder))  # untouched until there is a key


def _cases(folder, env=None):
    return subprocess.run(
        [sys.executable, "-m", "haian_desk", "cases", "--data-dir", str(folder), "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_of_the_encryption_is_finished_at_the_next_start(desk, new_case, step):
    new_case(description="升级前登记的事")
    folder, cases = make_plain(desk)

    killed = _cases(folder, env={FAILPOINT: step})
    assert killed.returncode == -9, killed.stderr  # SIGKILL at that step, like a power cut of the process

    again = _cases(folder)
    assert again.returncode == 0, again.stderr
    assert len(json.loads(again.stdout)) == cases
    assert not dbmod.is_plain_file(paths.database_path(folder))
    assert not (folder / encrypt_plain.READY_NAME).exists()
    assert not (folder / encrypt_plain.PARTIAL_NAME).exists()
    assert no_secret_anywhere(folder) == {}
