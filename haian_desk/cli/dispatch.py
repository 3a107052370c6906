"""Running a subcommand's handler, with the installation open when it needs it.

A handler is ``handler(args, folder)``; one marked ``@with_desk`` is
``handler(args, desk)`` instead: the dispatcher opens the ``Desk`` of the data
folder and closes it however the handler ends (a damaged page found on the way
must not leave the file open: ``restore --latest`` needs it closed). The
marking lives here, light to import, because every command module imports it
and ``haian-desk --version`` must not load the domain.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def with_desk(handler: Callable | None = None, *, first: Callable | None = None):
    """Mark a handler that works on the open installation: ``@with_desk`` or ``@with_desk(first=check)``.

    ``first(args, folder)``, if given, runs before the desk is opened: checks
    of the arguments and the folder, answered before any passphrase is asked.
    """

    def mark(chosen: Callable) -> Callable:
        # Plain attributes on the function itself (read back with getattr in dispatch).
        setattr(chosen, "needs_desk", True)  # noqa: B010
        setattr(chosen, "check_first", first)  # noqa: B010
        return chosen

    return mark(handler) if handler is not None else mark


def dispatch(handler: Callable, args, folder: Path) -> int:
    if not getattr(handler, "needs_desk", False):
        return handler(args, folder)
    from haian_desk.desk import Desk

    check_first: Callable | None = getattr(handler, "check_first", None)
    if check_first is not None:
        check_first(args, folder)
    with Desk.open(folder) as desk:
        return handler(args, desk)
