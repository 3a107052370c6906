"""What each matter looked like at the end of a period, read from its event log.

A figure for a period is judged on the matter as it stood when the period
ended: the fold (``haian_desk.cases.fold.apply``) of only the events recorded
before then. Along the way the moments the projection does not keep are noted
(first acceptance, declining, withdrawal, transfers, reopenings, when the
clock last started and how long it was paused since).

Folding every case again would take minutes at county scale, so each case is
read the cheapest way that gives exactly that answer:

* **dormant** — its last event (in fold order) was stamped before the period
  began. Every event's hybrid-clock stamp is at or after its own wall time and
  the last event carries the largest stamp, so all its events are older than
  the period: the ``cases`` row *is* its state at the period's end, and nothing
  in the period happened to it. Only open-overdue and last year's petitions
  can involve it, so only those rows are read.
* **settled** — its last event is inside the period and the rules refused
  none of its events (``conflicts = 0``): the row is again its state at the
  end of the period, and its moments are read from the event log's types and
  times, without folding.
* **refolded** — everything else (events after the period's end, or refused
  events): its events before the end are folded again with the real rules.

``fold_matter`` is the reference: tests check the three ways agree with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from haian_desk.cases import fold
from haian_desk.cases.vocabulary import TIMED_STATUSES
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import from_iso
from haian_desk.events.projection import projectors
from haian_desk.storage.eventlog import FOLD_ORDER, Event
from haian_desk.storage.reading import Rows

MOMENT_TYPES = ("accepted", "declined", "withdrawn", "transferred", "reopened", "paused", "resumed")
ROW_COLUMNS = (
    "id",
    "case_no",
    "unit_code",
    "kind",
    "villager_id",
    "responsible_cadre_id",
    "registered_at",
    "long_standing",
    "petition",
    "status",
    "deadline",
    "completed_at",
    "rating",
    "rated_at",
    "return_visit_at",
    "rectified_at",
)


@dataclass
class Matter:
    """One case as of the end of a period, plus the moments figures are decided by."""

    id: str
    case_no: str
    unit_code: str
    kind: str
    villager_id: str
    cadre_id: str  # responsible cadre (经办人) at the end of the period
    registered_at: str
    long_standing: bool
    petition: bool
    status: str
    deadline: str | None
    completed_at: str | None
    rating: int | None
    rated_at: str | None
    accepted_at: str | None = None  # first acceptance
    declined_at: str | None = None
    withdrawn_at: str | None = None
    transferred: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)
    handling_seconds: int | None = None  # clock start → completion, paused time left out
    # Follow-up of a bad review, as recorded by the time the report is made.
    return_visit_after_rating: bool = False
    rectified_after_rating: bool = False


class Moments:
    """The times a case's figures need that its row does not keep, noted event by event."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}
        self.last: dict[str, str] = {}
        self.transferred: list[str] = []
        self.reopened: list[str] = []
        self.clock_started: str | None = None
        self.paused_at: str | None = None
        self.paused_seconds = 0  # paused since the clock last started

    def note(self, event_type: str, at: str) -> None:
        self.first.setdefault(event_type, at)
        self.last[event_type] = at
        if event_type in ("transferred", "reopened"):
            getattr(self, event_type).append(at)
        if event_type in ("accepted", "reopened"):
            self.clock_started, self.paused_seconds = at, 0
        elif event_type == "paused":
            self.paused_at = at
        elif event_type == "resumed" and self.paused_at:
            self.paused_seconds += max(0, _seconds(self.paused_at, at))
            self.paused_at = None

    def handling_seconds(self, completed_at: str | None) -> int | None:
        if not completed_at or not self.clock_started:
            return None
        return max(0, _seconds(self.clock_started, completed_at) - self.paused_seconds)


NOTHING_NOTED = Moments()  # shared, never noted into: a case with no moments in the period


def _seconds(earlier: str, later: str) -> int:
    return int((from_iso(later) - from_iso(earlier)).total_seconds())


def hlc_key(stamp: str) -> str:
    """A stored time as the prefix of a hybrid-clock stamp (milliseconds, fixed width)."""
    return f"{int(from_iso(stamp).timestamp() * 1000):014d}"


def make_matter(state, moments: Moments, latest) -> Matter:
    """A Matter from a case state at the period's end (a row or a fold) and the latest row."""
    status = state["status"]
    matter = Matter(
        id=state["id"],
        case_no=state["case_no"],
        unit_code=state["unit_code"],
        kind=state["kind"],
        villager_id=state["villager_id"],
        cadre_id=state["responsible_cadre_id"],
        registered_at=state["registered_at"],
        long_standing=bool(state["long_standing"]),
        petition=bool(state["petition"]),
        status=status,
        deadline=state["deadline"],
        completed_at=state["completed_at"],
        rating=state["rating"],
        rated_at=state["rated_at"],
        accepted_at=moments.first.get("accepted"),
        declined_at=moments.last.get("declined") if status == "declined" else None,
        withdrawn_at=moments.last.get("withdrawn") if status == "withdrawn" else None,
        transferred=moments.transferred,
        reopened=moments.reopened,
        handling_seconds=moments.handling_seconds(state["completed_at"]),
    )
    rated = latest["rated_at"] if latest is not None else None
    if rated and state["rated_at"]:
        matter.return_visit_after_rating = (latest["return_visit_at"] or "") >= rated
        matter.rectified_after_rating = (latest["rectified_at"] or "") >= rated
    return matter


# --- the reference: fold the events before the end again ---------------------------------


def fold_matter(events: list[Event], before: str, latest=None) -> Matter | None:
    """The case as of ``before`` by folding its events (in fold order) recorded before then."""
    state = None
    moments = Moments()
    for event in events:
        if event.wall_time >= before:
            continue
        try:
            new = fold.apply(state, event)
        except HaianError:
            continue  # refused here: a conflict, left out exactly as the projection leaves it out
        moments.note(event.type, event.wall_time)
        state = new
    if state is None:
        return None
    return make_matter(state, moments, latest if latest is not None else state)


# --- the three ways ---------------------------------------------------------------------


def matters(rows: Rows, start: str, end: str, as_of: str, earlier_start: str) -> Iterator[Matter]:
    """Every case that can count in [start, end) — or in the year-earlier comparison — as of ``end``.

    ``rows`` runs the statements on either database a hub keeps (haian_desk/storage/reading.py).
    One pass over the cases table finds all three ways' rows (a station's file has no index
    on ``last_hlc``, so each way on its own would scan the table again).
    """
    keys = {"start": hlc_key(start), "end": hlc_key(end), "ends": end, "as_of": as_of, "earlier": earlier_start}
    timed = ", ".join(f"'{s}'" for s in TIMED_STATUSES)
    dormant_counts = (  # see _dormant
        f"(status IN ({timed}) AND deadline < {{as_of}}) OR (petition = 1 AND registered_at >= {{earlier}})"
    )
    dormant, settled, refolded = [], [], []
    for row in rows(_select(f"(last_hlc >= {{start}} OR {dormant_counts})"), keys):
        if row["last_hlc"] < keys["start"]:
            dormant.append(row)
        elif row["last_hlc"] < keys["end"] and row["conflicts"] == 0:
            settled.append(row)
        else:
            refolded.append(row)
    yield from _dormant(dormant)
    yield from _settled(rows, settled)
    yield from _refolded(rows, refolded, end)


def _select(where: str) -> str:
    # A voided case (imported history whose import was undone) never counts, in any period.
    return (
        f"SELECT {', '.join(ROW_COLUMNS)}, last_hlc, conflicts FROM cases "
        f"WHERE registered_at < {{ends}} AND status != 'voided' AND {where}"
    )


def _dormant(found: list) -> Iterator[Matter]:
    """Last event before the period: only open-overdue cases and last year's petitions are read."""
    for row in found:
        yield make_matter(row, NOTHING_NOTED, row)


def _settled(rows: Rows, found: list) -> Iterator[Matter]:
    """Last event inside the period, nothing refused: the row, and the moments from the log's types and times."""
    types = ", ".join(f"'{t}'" for t in MOMENT_TYPES)
    moments: dict[str, Moments] = {}
    ids = [row["id"] for row in found]
    for begin in range(0, len(ids), 500):  # read by id along events_by_stream, not by walking every case event
        chunk = {f"c{i}": case_id for i, case_id in enumerate(ids[begin : begin + 500])}
        for case_id, type_, at in rows(
            "SELECT stream_id, type, wall_time FROM events WHERE stream = 'case' AND stream_id IN "
            f"({', '.join('{' + name + '}' for name in chunk)}) AND type IN ({types}) ORDER BY stream_id, {FOLD_ORDER}",
            chunk,
        ):
            moments.setdefault(case_id, Moments()).note(type_, at)
    for row in found:
        yield make_matter(row, moments.get(row["id"], NOTHING_NOTED), row)


def _refolded(rows: Rows, found: list, end: str) -> Iterator[Matter]:
    """Events after the period's end, or refused ones: the events before the end folded again."""
    case = projectors()["case"]
    for row in found:
        matter = fold_matter(_events(rows, row["id"]), end, case.from_row(_by_name(row)))
        if matter is not None:
            yield matter


def _events(rows: Rows, case_id: str) -> list[Event]:
    found = rows(
        "SELECT id, stream, stream_id, type, hlc, origin, origin_seq, actor, wall_time, payload FROM events "
        f"WHERE stream = 'case' AND stream_id = {{case}} ORDER BY {FOLD_ORDER}",
        {"case": case_id},
    )
    return [Event.from_row(r) for r in found]


def _by_name(row) -> dict:
    return dict(zip(row.keys(), row, strict=True))  # sqlite3.Row or a PostgreSQL row alike


def every_matter(rows: Rows, end: str) -> Iterable[Matter]:
    """The reference, for tests: every case refolded from its whole log."""
    case = projectors()["case"]
    for row in rows(_select("1 = 1"), {"ends": end}):
        matter = fold_matter(_events(rows, row["id"]), end, case.from_row(_by_name(row)))
        if matter is not None:
            yield matter
