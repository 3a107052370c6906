"""Python's garbage collector kept off the clerk's scrolling.

Python's full collection walks every object the interpreter tracks: about
48,000 once the main window is up (Qt bindings, modules, widgets), 15–30 ms on
the shared 2-core PC at the county desk. It lands wherever the allocation count
happens to run over, so in the county benchmark it was the worst page of the
queue while scrolling (46 ms of which 28 ms were the collection: bench/results.md).

``settle`` collects once, at a moment the app chooses (just after a main
window is shown), then freezes what survived: those long-lived objects are
left out of every later collection, which then walks only what was made since
(pages of the queue, dialogs) and takes a few milliseconds. Called again when
the window is rebuilt, it first thaws the frozen objects, so a window thrown
away is still collected.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect everything now, then leave what is still alive out of later collections."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
