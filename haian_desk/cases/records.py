"""Cases as read: a queue line (``QueueRow``) and one whole case (``Case``), frozen.

``queries`` and ``ordered_search`` hand these out instead of sqlite rows, so a
caller reads ``case.route_up`` as the Python value the fold wrote, never a
JSON string to decode by hand. A whole case is decoded by the case projector's
``from_row`` (``queries.get_case``).

The queue holds thousands of lines in its cache: ``QueueRow`` has slots and is
built positionally from the row ``queue_order.QUEUE_COLUMNS`` selects (its
fields are those columns, in that order; no JSON column is among them): about
1.5 µs a line on the worker, and reading a field on the GUI thread is quicker
than subscripting an sqlite row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One line of the queue: the columns ``queue_order.QUEUE_COLUMNS`` selects, in that order."""

    id: str
    case_no: str
    kind: str
    status: str
    matter_name: str | None
    description: str
    deadline: str | None
    registered_at: str
    urgency: str
    long_standing: int
    petition: int
    followup_open: int
    unit_code: str
    responsible_cadre_id: str
    holder: str | None
    rating: int | None
    updated_at: str
    villager: str | None  # None while the villager's record has not arrived (sync)
    villager_phone: str | None


def queue_rows(rows: Iterable[Sequence[Any]]) -> list[QueueRow]:
    """The selected rows as queue lines (positionally: the select's order is the fields')."""
    return [QueueRow(*row) for row in rows]


@dataclass(frozen=True, slots=True)
class Case:
    """A case as projected (every column of ``cases``) with its villager's name.

    JSON columns arrive decoded: lists as tuples, objects as dicts, NULL as None.
    """

    id: str
    case_no: str
    unit_code: str
    kind: str
    status: str
    catalogue_code: str | None
    matter_name: str | None
    timing: str
    time_limit: dict | None  # {"amount": n, "unit": hours | days | working_days}
    villager_id: str
    description: str
    channel: str
    urgency: str
    urgent_deadline: str | None
    first_cadre_id: str
    responsible_cadre_id: str
    materials_received: tuple[str, ...]
    materials_missing: tuple[str, ...]
    missing_first: tuple[str, ...]
    authorisation: dict | None
    long_standing: int
    petition: int
    holder: str | None
    holder_level: str | None
    joint_units: tuple
    registered_at: str
    accepted_at: str | None
    deadline: str | None
    paused_at: str | None
    paused_seconds: int
    status_before_pause: str | None
    completed_at: str | None
    result: str | None
    result_note: str | None
    replied_at: str | None
    reply_method: str | None
    rating: int | None
    rating_reason: str | None
    rated_at: str | None
    followup_open: int
    return_visit_at: str | None
    rectified_at: str | None
    closed_reason: str | None
    closed_remedy: str | None
    reopen_count: int
    updated_at: str
    last_hlc: str
    event_count: int
    conflicts: int
    imported_from: str | None
    deadline_base: str | None
    calendar_basis: dict | None  # the 48-hour rule it was counted on, years with no calendar
    route_up: tuple[dict, ...]  # [{"level", "unit"}] the way up, lowest first
    villager: str  # the villager's name

    def state(self) -> dict[str, Any]:
        """The case as the fold's rules read a state (``fold.allowed_events``, ``levels``)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}
