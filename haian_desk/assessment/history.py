"""What each matter looked like at the end of a period, read from its event log.

Each case's events are folded again with the real state machine
(``haian_desk.cases.fold.apply``), once with every event and once with only
the events recorded before the period ended. The second fold is the matter
"as of the end of the period": a report for a half year that is over gives the
same figures whenever it is run. Along the way the fold notes the moments the
projection does not keep (first acceptance, declining, withdrawal, transfers,
reopenings, when the clock last started).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Iterator

from haian_desk.cases import fold
from haian_desk.errors import HaianError
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event
from haian_desk.timeutil import from_iso


@dataclass
class Matter:
    """One case as of the end of a period, plus the moments figures are decided by."""

    id: str
    case_no: str
    unit_code: str
    kind: str
    villager_id: str
    cadre_id: str                  # responsible cadre (经办人) at the end of the period
    registered_at: str
    long_standing: bool
    petition: bool
    status: str
    deadline: str | None
    completed_at: str | None
    rating: int | None
    rated_at: str | None
    accepted_at: str | None = None       # first acceptance
    declined_at: str | None = None
    withdrawn_at: str | None = None
    transferred: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)
    handling_seconds: int | None = None  # clock start → completion, paused time left out
    # Follow-up of a bad review, as recorded by the time the report is made.
    return_visit_after_rating: bool = False
    rectified_after_rating: bool = False


@dataclass
class _Clock:
    """When the matter's deadline clock last started, and the paused time by then."""

    started_at: str | None = None
    paused_before: int = 0


def matters(conn: sqlite3.Connection, before: str) -> Iterator[Matter]:
    """Every case registered before ``before`` (a stored timestamp), as of that moment."""
    for _, events in eventlog.all_streams(conn, "case"):
        matter = fold_matter(events, before)
        if matter is not None:
            yield matter


def fold_matter(events: list[Event], before: str) -> Matter | None:
    state = latest = None
    moments: dict[str, list[str]] = {}
    clock = _Clock()
    for event in events:
        latest = _try(latest, event)
        if event.wall_time >= before:
            continue
        new = _try(state, event)
        if new is not state:
            _note(moments, clock, new, event)
            state = new
    if state is None:
        return None
    return _summary(state, latest, moments, clock)


def _try(state: dict | None, event: Event) -> dict | None:
    """The state after ``event``, or unchanged when the rules refuse it (a conflict)."""
    try:
        return fold.apply(state, event)
    except HaianError:
        return state


def _note(moments: dict[str, list[str]], clock: _Clock, after: dict, event: Event) -> None:
    moments.setdefault(event.type, []).append(event.wall_time)
    if event.type in ("accepted", "reopened"):
        clock.started_at = event.wall_time
        clock.paused_before = after["paused_seconds"]


def _summary(state: dict, latest: dict, moments: dict[str, list[str]], clock: _Clock) -> Matter:
    first = {kind: times[0] for kind, times in moments.items()}
    last = {kind: times[-1] for kind, times in moments.items()}
    matter = Matter(
        id=state["id"], case_no=state["case_no"], unit_code=state["unit_code"], kind=state["kind"],
        villager_id=state["villager_id"], cadre_id=state["responsible_cadre_id"],
        registered_at=state["registered_at"], long_standing=bool(state["long_standing"]),
        petition=bool(state["petition"]), status=state["status"], deadline=state["deadline"],
        completed_at=state["completed_at"], rating=state["rating"], rated_at=state["rated_at"],
        accepted_at=first.get("accepted"),
        declined_at=last.get("declined") if state["status"] == "declined" else None,
        withdrawn_at=last.get("withdrawn") if state["status"] == "withdrawn" else None,
        transferred=moments.get("transferred", []), reopened=moments.get("reopened", []))
    if state["completed_at"] and clock.started_at:
        spent = from_iso(state["completed_at"]) - from_iso(clock.started_at)
        paused = state["paused_seconds"] - clock.paused_before
        matter.handling_seconds = max(0, int(spent.total_seconds()) - paused)
    rated = latest["rated_at"] if latest else None
    if rated and state["rated_at"]:
        matter.return_visit_after_rating = (latest["return_visit_at"] or "") >= rated
        matter.rectified_after_rating = (latest["rectified_at"] or "") >= rated
    return matter
