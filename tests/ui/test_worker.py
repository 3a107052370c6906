"""The database worker: results come back on the GUI thread; nothing runs after shutdown."""

from __future__ import annotations

import threading

from ui.worker import DbWorker


def test_results_and_errors_arrive_on_the_gui_thread(qtbot):
    worker = DbWorker()
    seen = []
    worker.submit(
        lambda: threading.current_thread().name,
        lambda name: seen.append((name, threading.current_thread() is threading.main_thread())),
    )
    worker.submit(lambda: 1 / 0, None, lambda error: seen.append(type(error).__name__))
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[0][0].startswith("haian-db") and seen[0][1] is True
    assert seen[1] == "ZeroDivisionError"
    assert worker.pending == 0
    worker.shutdown()


def test_work_after_shutdown_is_dropped_not_raised(qtbot):
    worker = DbWorker()
    worker.shutdown()
    ran = []
    future = worker.submit(lambda: ran.append(1))
    assert future.cancelled() and ran == [] and worker.pending == 0


def test_an_answer_never_arrives_inside_submit(qtbot):
    """Work can finish before ``submit`` returns; its answer still comes after the caller's next
    line (the township's arrival watcher marked itself busy after submitting and stayed busy)."""
    from concurrent.futures import Future

    worker = DbWorker()
    finished: Future = Future()
    finished.set_result(7)
    worker._pool.submit = lambda work: finished  # the work was done before submit returned
    order: list = []
    worker.submit(lambda: 7, lambda value: order.append(("answer", value)))
    order.append("after submit")
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order == ["after submit", ("answer", 7)]
    worker.shutdown()
