"""A mark on a data folder while a station is being set up (``init``, ``demo``, the wizard).

A kill half way through setting up would leave a database that ``init`` and
``demo`` both refuse to redo ("already set up") and that is not a working
station either. The mark is written before the first file and removed after
the last step; a folder found with the mark at the next start holds a setup
that never finished, and ``roll_back`` moves what it made into ``replaced/``
(never deleting anything) so setting up can simply start again.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from haian_desk.core import paths
from haian_desk.core.timeutil import local, now_utc
from haian_desk.storage import keys

log = logging.getLogger(__name__)

MARKER = "setting-up.json"


def begin(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    with open(marker, "w", encoding="utf-8") as handle:
        json.dump({"started": now_utc().isoformat()}, handle)
        handle.flush()
        os.fsync(handle.fileno())


def done(folder: Path) -> None:
    (folder / MARKER).unlink(missing_ok=True)


def unfinished(folder: Path) -> bool:
    return (folder / MARKER).exists()


def roll_back(folder: Path) -> Path | None:
    """Move a half-made station aside; returns where it went (None if nothing was there)."""
    db_path = paths.database_path(folder)
    made = [db_path.with_name(db_path.name + s) for s in ("", "-wal", "-shm", "-journal")]
    made.append(keys.key_path(folder))
    present = [p for p in made if p.exists()]
    aside = None
    if present:
        aside = folder / "replaced" / f"unfinished-setup-{local(now_utc()).strftime('%Y%m%d-%H%M%S')}"
        aside.mkdir(parents=True, exist_ok=True)
        for part in present:  # the key file last: without it the half-made database cannot be opened
            os.replace(part, aside / part.name)
        log.warning("a setup that never finished was moved to %s", aside)
    done(folder)
    return aside
