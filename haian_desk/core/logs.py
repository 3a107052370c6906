"""The station's log file: what the program did, and every error with its traceback.

Configured once at start-up by the ``haian-desk`` entry point. The file lives
in the platform's user log folder, or under ``logs/`` in the data folder when
one was chosen (``--data-dir`` or HAIAN_DESK_HOME), so each installation on a
machine keeps its own log next to its data. It rotates at 1 MB and keeps five
old files: enough for weeks of a station's work, never a full disk.

Whatever a record says, ID numbers and mobile numbers in it are masked before
it reaches the file (``redact``): an error message or a traceback that quotes
what a clerk typed must not put a villager's number on disk in clear. The
domain's messages quote a person's name in “…” (身份证号已登记在“张三”名下);
a short Chinese name so quoted is masked too.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from haian_desk.core import paths
from haian_desk.core.masking import mask_id_number, mask_name, mask_phone

LOG_FILENAME = "haian_desk.log"
LOG_DIR_ENV = "HAIAN_DESK_LOG_DIR"
LEVEL_ENV = "HAIAN_DESK_LOG_LEVEL"
MAX_BYTES = 1_000_000
KEEP_FILES = 5
FORMAT = "%(asctime)s %(levelname)-7s [%(threadName)s] %(name)s: %(message)s"

_handler: logging.handlers.RotatingFileHandler | None = None

_ID_NUMBER = re.compile(r"(?<![0-9０-９])(?:[0-9０-９]{17}[0-9０-９XxＸｘ]|[0-9]{15})(?![0-9０-９])")
_MOBILE = re.compile(r"(?<![0-9０-９])[1１][3-9３-９][0-9０-９]{9}(?![0-9０-９])")
_QUOTED_NAME = re.compile(r"“([\u3400-\u9fff·]{2,5})”")


def redact(text: str) -> str:
    """``text`` with every ID number and mobile number in it masked as on a receipt."""
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)) or "***", text)
    text = _MOBILE.sub(lambda m: mask_phone(m.group(0)) or "***", text)
    return _QUOTED_NAME.sub(lambda m: f"“{mask_name(m.group(1))}”", text)


class RedactingFormatter(logging.Formatter):
    """The usual format, then ``redact`` over the whole record (message and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_dir(data_override: str | os.PathLike | None = None) -> Path:
    """Where the log goes: HAIAN_DESK_LOG_DIR, else beside a chosen data folder, else platformdirs."""
    if os.environ.get(LOG_DIR_ENV):
        return Path(os.environ[LOG_DIR_ENV]).expanduser().resolve()
    if data_override or os.environ.get(paths.HOME_ENV):
        return paths.data_dir(data_override) / "logs"
    import platformdirs  # only where no folder was chosen: not paid at every start

    return platformdirs.user_log_path(paths.APP_NAME, appauthor=False)


def configure(folder: Path, level: str | None = None) -> Path:
    """Send the program's log records to ``folder``/haian_desk.log (once; again only to move it)."""
    global _handler
    target = folder / LOG_FILENAME
    if _handler is not None and Path(_handler.baseFilename) == target.resolve():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8", delay=True
    )
    handler.setFormatter(RedactingFormatter(FORMAT))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(level or os.environ.get(LEVEL_ENV, "INFO").upper())
    logging.captureWarnings(True)
    _handler = handler
    _log_uncaught_exceptions()
    return target


def current_file() -> Path | None:
    """The log file in use, for messages that tell a person where to look."""
    return Path(_handler.baseFilename) if _handler is not None else None


def _log_uncaught_exceptions() -> None:
    """A crash of the command line (or of the app before its window) still leaves a traceback here."""
    if isinstance(sys.excepthook, _LogThenReport):
        return
    sys.excepthook = _LogThenReport(sys.excepthook)


class _LogThenReport:
    """An exception hook that logs the traceback, then hands it to the hook it replaced."""

    def __init__(self, previous: Callable[..., object]):
        self.previous = previous

    def __call__(self, kind, error, trace) -> None:
        logging.getLogger("haian_desk.crash").critical("unhandled error", exc_info=(kind, error, trace))
        self.previous(kind, error, trace)
