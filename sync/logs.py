"""Structured logs for the hub: one JSON object per line, to stderr and a rotating file."""

from __future__ import annotations

import json
import logging
import logging.handlers
from pathlib import Path

from haian_desk.core.timeutil import now_utc, to_iso


class JsonLines(logging.Formatter):
    """Messages that are already JSON objects get a time and level added; others are wrapped."""

    def format(self, record: logging.LogRecord) -> str:
        try:
            body = json.loads(record.getMessage())
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            body = {"event": "message", "message": record.getMessage()}
        line = {"time": to_iso(now_utc()), "level": record.levelname.lower(), "logger": record.name, **body}
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def configure(folder: Path | None, stream=None) -> None:
    """JSON lines to ``stream`` (stderr) and, with a ``folder``, a rotating file in it. Several
    worker processes log to stderr only: one rotating file written by several processes loses
    lines when it turns over (their service manager's journal keeps stderr)."""
    formatter = JsonLines()
    handlers: list[logging.Handler] = [logging.StreamHandler(stream)]
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                folder / "hub.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
        )
    for name in ("haian_desk.hub", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        for handler in handlers:
            handler.setFormatter(formatter)
            logger.addHandler(handler)
