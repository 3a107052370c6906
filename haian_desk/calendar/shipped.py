"""The official schedules shipped with the app (resources/working_calendar.json).

Made by tools/make_working_calendar.py from the ``chinesecalendar`` package
and checked against it by a test; read here without importing the package,
so start-up stays light.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache

from haian_desk.core.paths import resource_path

RESOURCE = "working_calendar.json"
SHIPPED_SOURCE = "随软件附带（国务院办公厅公布的放假安排）"


@cache
def data() -> dict:
    return json.loads(resource_path(RESOURCE).read_text(encoding="utf-8"))


def years() -> list[int]:
    return sorted(int(y) for y in data()["years"])


def entries(year: int) -> dict[date, tuple[str, str]]:
    """The year's holidays and make-up working days, or {} for a year not shipped."""
    return dict(_parsed(year))  # a copy: the parsed one is read by every acceptance, never changed


@cache
def _parsed(year: int) -> dict[date, tuple[str, str]]:
    raw = data()["years"].get(str(year), {})
    return {date.fromisoformat(d): (kind, name) for d, (kind, name) in raw.items()}
