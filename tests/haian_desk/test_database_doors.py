"""One database API: the connection is reached only through the Database's doors; a second
desk for another thread opens with the key already held; the CLI opens and closes the desk."""

from __future__ import annotations

import threading
from argparse import Namespace

import pytest

from haian_desk.cli.dispatch import dispatch, with_desk
from haian_desk.core.errors import HaianError, SetupError
from haian_desk.storage import keys
from tests.conftest import STATION_CODE


def test_the_connection_is_private_and_read_holds_the_lock(desk):
    assert not hasattr(desk.db, "conn") and not hasattr(desk.db, "lock")
    with desk.db.read() as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'unit_code'").fetchone()[0] == STATION_CODE
        other = threading.Thread(target=lambda: desk.db.scalar("SELECT 1"))
        other.start()
        other.join(0.2)
        assert other.is_alive()  # another thread waits for the door
    other.join(5)
    assert not other.is_alive()


def test_a_second_desk_opens_with_the_key_held_and_no_passphrase(desk, new_case, monkeypatch):
    monkeypatch.delenv(keys.PASSPHRASE_ENV, raising=False)  # nobody could type it now
    case = new_case()
    with desk.for_another_thread() as twin:
        assert twin.db is not desk.db and twin.installation == desk.installation
        assert twin.db.scalar("SELECT case_no FROM cases WHERE id = ?", (case.case_id,)) is not None
        with twin.db.write() as conn:  # its commits are the first desk's news at once (WAL)
            conn.execute("INSERT INTO meta (key, value) VALUES ('twin_was_here', '1')")
    assert desk.db.scalar("SELECT value FROM meta WHERE key = 'twin_was_here'") == "1"


def test_a_desk_closes_however_the_block_ends(desk):
    with pytest.raises(RuntimeError), desk:
        raise RuntimeError("a handler failed")
    with pytest.raises(Exception):  # noqa: B017 - whatever the driver raises for a closed connection
        desk.db.scalar("SELECT 1")


def test_the_dispatcher_checks_the_arguments_before_it_opens_the_desk(tmp_path):
    opened = []

    def check(args, folder) -> None:
        raise HaianError("参数不对")

    @with_desk(first=check)
    def handler(args, desk) -> int:
        opened.append(desk)
        return 0

    with pytest.raises(HaianError, match="参数不对"):
        dispatch(handler, Namespace(), tmp_path)  # no station here: the check answers first
    with pytest.raises(SetupError):
        dispatch(with_desk(lambda args, desk: 0), Namespace(), tmp_path)
    assert opened == []


def test_the_dispatcher_hands_over_an_open_desk_and_closes_it(desk):
    seen = []

    @with_desk
    def handler(args, given) -> int:
        seen.append(given)
        return given.db.scalar("SELECT count(*) FROM cases")

    desk.close()
    assert dispatch(handler, Namespace(), desk.folder) == 0
    with pytest.raises(Exception):  # noqa: B017 - whatever the driver raises for a closed connection
        seen[0].db.scalar("SELECT 1")  # closed by the dispatcher
    assert dispatch(lambda args, folder: 7, Namespace(), desk.folder) == 7  # unmarked: the folder
