"""Timestamps: stored as UTC ISO 8601 strings, shown in Beijing time.

All stored times share one fixed-width format so SQLite can compare them as
text. China has a single offset and no daylight saving, so display is a fixed
+08:00 shift.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

UTC = UTC
CST = timezone(timedelta(hours=8), "CST")
_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: say which time zone it is in")
    return moment.astimezone(UTC).strftime(_FORMAT)


def from_iso(text: str) -> datetime:
    """Parse a stored timestamp, or any ISO 8601 time with an offset."""
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=CST)  # a bare time typed at a station is local
    return moment.astimezone(UTC)


def local(moment: datetime) -> datetime:
    return moment.astimezone(CST)


def show(text: str | None) -> str:
    """A stored timestamp as a clerk reads it: 2026-11-25 15:08."""
    if not text:
        return ""
    return local(from_iso(text)).strftime("%Y-%m-%d %H:%M")
