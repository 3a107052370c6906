"""Where an installation keeps its files, and where the bundled resources are.

One module owns every path so tests, the frozen bundle and several
installations on one machine all resolve them the same way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "HaianDesk"
HOME_ENV = "HAIAN_DESK_HOME"
DB_FILENAME = "haian_desk.sqlite3"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The installation's data folder: flag, then environment, then platformdirs."""
    chosen = override or os.environ.get(HOME_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    import platformdirs  # only without a flag or HAIAN_DESK_HOME: not paid at every start

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def require_folder(folder: Path) -> None:
    """A data folder given as the path of a file is said plainly, not left to a traceback."""
    from haian_desk.core.errors import SetupError

    if folder.exists() and not folder.is_dir():
        raise SetupError(
            "数据目录 {folder} 是一个文件，不是文件夹",
            "请用 --data-dir 指定一个文件夹（没有会自动新建）",
            params={"folder": folder},
        )


def require_writable(folder: Path) -> None:
    """The station writes to its folder (database, WAL, backups): say so when it cannot."""
    from haian_desk.core.errors import HaianError

    if not os.access(folder, os.W_OK):
        raise HaianError(
            "数据目录不能写入（{folder}）",
            "请检查文件夹权限、U盘写保护，或换一个数据目录；已保存的数据没有丢失",
            params={"folder": folder},
        )


def database_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def resource_path(*parts: str) -> Path:
    """A file under resources/, in the source tree or in a PyInstaller bundle."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parents[2]
    return root.joinpath("resources", *parts)
