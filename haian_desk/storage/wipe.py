"""Overwriting a file that held villagers' data in clear before removing it.

Used for the plain files of a station made before encryption and for scratch
copies of old plain backups. On flash storage the drive may keep old blocks
elsewhere (docs/keys-and-recovery.md); this is what a program can do.
"""

from __future__ import annotations

import os
from pathlib import Path

from haian_desk.core import failpoints


def wipe(path: Path) -> None:
    """Overwrite a file with zeros, flush it to disk, and remove it."""
    if not path.exists():
        return
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        block = b"\0" * (1024 * 1024)
        left = size
        while left > 0:
            left -= handle.write(block[: min(left, len(block))])
            failpoints.hit("wipe.block")
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
