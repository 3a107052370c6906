"""Work on a thread of its own whose result comes back to the GUI thread, holding no Qt object meanwhile.

A thread that keeps a widget or a session alive may be the last to let go of
it, and a QObject destroyed off its own thread leaves its timers dangling (a
crash later). So the thread holds only the work (plain Python: a desk, a
folder, a hub) and a weak reference to whom the answer is for; one relay,
made on the GUI thread and kept for the life of the program, hands the answer
over there.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    arrived = Signal(object, object, object)  # weak reference to the receiver, its method's name, the result

    def __init__(self):
        super().__init__()
        self.arrived.connect(self._deliver)

    def _deliver(self, receiver: weakref.ref, method: str, result: Any) -> None:
        target = receiver()
        if target is not None and shiboken6.isValid(target):
            getattr(target, method)(result)


_relays: list[_Relay] = []


def _relay() -> _Relay:
    if not _relays:
        _relays.append(_Relay())  # first used from the GUI thread, so it lives there
    return _relays[0]


def run_in_thread(receiver: QObject, method: str, work: Callable[[], Any], name: str = "haian-background") -> None:
    """Run ``work()`` on a new thread; ``receiver.<method>(result)`` is called on the GUI thread."""
    relay, target = _relay(), weakref.ref(receiver)

    def run() -> None:
        relay.arrived.emit(target, method, work())

    threading.Thread(target=run, name=name, daemon=True).start()
