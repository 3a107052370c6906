"""Where an installation keeps its files, and where the bundled resources are.

One module owns every path so tests, the frozen bundle and several
installations on one machine all resolve them the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "HaianDesk"
HOME_ENV = "HAIAN_DESK_HOME"
DB_FILENAME = "haian_desk.sqlite3"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The installation's data folder: flag, then environment, then platformdirs."""
    chosen = override or os.environ.get(HOME_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def database_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def resource_path(*parts: str) -> Path:
    """A file under resources/, in the source tree or in a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
