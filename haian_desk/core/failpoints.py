"""Named points where tests stop a real process the hard way.

``HAIAN_DESK_FAILPOINT=name[:action][,name…]`` makes the process hit by
``hit(name)`` kill itself with SIGKILL (action ``kill``, the default) or
raise (action ``raise``). Unset, a failpoint costs one dictionary lookup.
Sync and storage share it (sync/failpoints.py re-exports it). This is how
the tests show that a checkpoint is never ahead of a commit:
they kill a hub or a station at each step of an exchange and then check
that both sides still agree.
"""

from __future__ import annotations

import os
import signal

ENV = "HAIAN_DESK_FAILPOINT"


class FailpointHit(RuntimeError):
    pass


def hit(name: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    for item in spec.split(","):
        point, _, action = item.strip().partition(":")
        if point != name:
            continue
        if action == "raise":
            raise FailpointHit(f"failpoint {name}")
        os.kill(os.getpid(), signal.SIGKILL)


def hook(name: str):
    """A callable for code that takes a ``before_commit`` callback."""
    return lambda: hit(name)
