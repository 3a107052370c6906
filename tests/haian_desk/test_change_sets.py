"""An operation's change set is what its writes noted, exactly: the streams and ids it wrote,
whether a row changed or only a history grew, nothing from a write that rolled back."""

from __future__ import annotations

import pytest

from haian_desk.cases.operations import act
from haian_desk.core.errors import HaianError
from haian_desk.events.changes import ChangeSet, Touched
from haian_desk.people import reveals
from haian_desk.replication import sync_state
from haian_desk.storage.db import note


def written(desk, work) -> ChangeSet:
    with desk.db.watch() as seen:
        work()
    return ChangeSet.of(seen)


def test_an_intake_reports_its_case_and_nothing_else(desk, new_case):
    registered = []
    changes = written(desk, lambda: registered.append(new_case()))
    assert changes.touched == {Touched("case", registered[0].case_id)}
    assert changes.other == frozenset()


def test_a_step_on_one_case_names_that_case_only(desk, new_case):
    first, second = new_case(), new_case(description="第二件")
    changes = written(desk, lambda: act(desk, "clerk", second.case_id, "note", text="打过电话"))
    assert changes.ids("case") == {second.case_id} and changes.streams() == {"case"}
    assert first.case_id not in changes.ids("case")


def test_a_reveal_grows_the_history_and_changes_no_row(desk, villager_id):
    changes = written(desk, lambda: reveals.reveal(desk, "clerk", reason="核对群众身份", villager_id=villager_id))
    assert changes.touched == {Touched("villager", villager_id, row_changed=False)}
    assert changes.streams(rows_only=True) == frozenset()


def test_a_refused_operation_reports_nothing(desk, new_case):
    case = new_case()
    with pytest.raises(HaianError):
        written(desk, lambda: act(desk, "clerk", case.case_id, "rated", score=9))
    assert written(desk, lambda: None).empty


def test_a_savepoint_that_rolls_back_takes_its_notes_with_it(desk, new_case):
    case = new_case()

    def outer() -> None:
        with desk.db.write() as conn:
            act(desk, "clerk", case.case_id, "note", text="先记一笔")
            try:
                with desk.db.write() as inner:
                    note(inner, sync_state.BOOKKEEPING)
                    raise RuntimeError("inner refused")
            except RuntimeError:
                pass
            assert conn.in_transaction

    changes = written(desk, outer)
    assert changes.touched == {Touched("case", case.case_id, row_changed=False)}  # a note: history only
    assert changes.other == frozenset()


def test_sync_bookkeeping_notes_itself(desk):
    def contact() -> None:
        with desk.db.write() as conn:
            sync_state.log_start(conn, None, "file", "2026-03-04T10:00:00Z")

    assert written(desk, contact).other == {sync_state.BOOKKEEPING}


def test_only_the_watching_thread_hears_of_its_writes(desk, new_case):
    import threading

    with desk.db.watch() as seen:
        worker = threading.Thread(target=new_case)
        worker.start()
        worker.join()
    assert seen == set()
