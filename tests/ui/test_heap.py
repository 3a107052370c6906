"""The garbage collector settled once the main window is up: frozen survivors, garbage still freed."""

from __future__ import annotations

import gc
import weakref

import pytest

from ui import heap


class Node:
    """A cycle: only the garbage collector frees it."""

    def __init__(self):
        self.me = self


@pytest.fixture(autouse=True)
def thawed():
    yield
    gc.unfreeze()  # the rest of the test run collects as it did before


def test_what_survives_is_frozen_and_garbage_made_later_is_still_freed():
    kept = Node()
    heap.settle()
    assert gc.get_freeze_count() > 0 and gc.is_tracked(kept)
    later = weakref.ref(Node())  # made after the freeze: unreachable at once
    gc.collect()
    assert later() is None


def test_settling_again_frees_what_was_frozen_and_is_garbage_now():
    thrown_away = Node()
    gone = weakref.ref(thrown_away)
    heap.settle()
    del thrown_away  # a window rebuilt: the old one was alive when frozen
    gc.collect()
    assert gone() is not None  # frozen: left out of collections …
    heap.settle()
    assert gone() is None  # … until the next settle thaws and collects it
