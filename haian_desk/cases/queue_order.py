"""The queue's filter and order as SQL: what ``queries`` and ``ordered_search`` both build on.

A filter (status, kind, overdue, mine, search …) becomes a WHERE clause; a
sort becomes an ORDER BY with the case number breaking ties and NULLs last;
the key of the last row shown becomes the clause a keyset page starts after.
``queries`` reads pages with them and hands a broad search to
``ordered_search``, which walks the same order; both take these pieces from
here, so neither imports the other's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from haian_desk.cases import search
from haian_desk.cases.deadlines import DUE_SOON_WINDOW
from haian_desk.cases.vocabulary import TIMED_STATUSES
from haian_desk.core.timeutil import to_iso

SORTABLE = {
    "case_no": "c.case_no",
    "registered_at": "c.registered_at",
    "deadline": "c.deadline",
    "status": "c.status",
    "kind": "c.kind",
    "villager": "v.name",
    "updated_at": "c.updated_at",
}

TIMED = "c.status IN ({})".format(", ".join(f"'{s}'" for s in TIMED_STATUSES))


@dataclass
class CaseFilter:
    status: str | None = None
    kind: str | None = None
    overdue: bool = False
    due_soon: bool = False
    cadre_id: str | None = None  # "mine": first contact or responsible
    long_standing: bool = False
    petition: bool = False
    followup_open: bool = False
    search: str = ""
    unit_code: str | None = None
    sort: str = "registered_at"
    descending: bool = True

    def where(self, now: datetime, with_search: bool = True, dialect: str = "sqlite") -> tuple[str, list]:
        clauses, params = ["1 = 1"], []
        if self.status:
            clauses.append("c.status = ?")
            params.append(self.status)
        if self.kind:
            clauses.append("c.kind = ?")
            params.append(self.kind)
        if self.overdue:
            clauses.append(f"{TIMED} AND c.deadline IS NOT NULL AND c.deadline < ?")
            params.append(to_iso(now))
        if self.due_soon:
            clauses.append(f"{TIMED} AND c.deadline >= ? AND c.deadline < ?")
            params += [to_iso(now), to_iso(now + DUE_SOON_WINDOW)]
        if self.cadre_id:
            clauses.append("(c.first_cadre_id = ? OR c.responsible_cadre_id = ?)")
            params += [self.cadre_id, self.cadre_id]
        for flag in ("long_standing", "petition", "followup_open"):
            if getattr(self, flag):
                clauses.append(f"c.{flag} = 1")
        if self.unit_code:
            clauses.append("c.unit_code = ?")
            params.append(self.unit_code)
        if with_search and normalise_search(self.search):
            # Answered from the search keys (haian_desk.cases.search), not by reading every row.
            clause, values = (search.case_clause if dialect == "sqlite" else search.scanned_case_clause)(self.search)
            clauses.append(clause)
            params += values
        return " AND ".join(clauses), params


def normalise_search(text: str) -> str:
    """What a clerk types, in the form search columns are stored in."""
    return search.normalise(text)


# The queue reads cases first and looks up villagers only for the rows it
# shows; a case whose villager has not arrived yet (sync) still shows, unnamed.
VILLAGER_JOIN = "LEFT JOIN villagers v ON v.id = c.villager_id"
QUEUE_COLUMNS = (
    "c.id, c.case_no, c.kind, c.status, c.matter_name, c.description, c.deadline, "
    "c.registered_at, c.urgency, c.long_standing, c.petition, c.followup_open, "
    "c.unit_code, c.responsible_cadre_id, c.holder, c.rating, c.updated_at, "
    "v.name AS villager, v.phone AS villager_phone"
)
# Sort columns that are never NULL: ordering by them alone lets SQLite walk their
# index (a leading "IS NULL" term would make it sort the whole table every page).
NEVER_NULL = ("case_no", "registered_at", "status", "kind", "updated_at")


def villager_join(flt: CaseFilter, where: str) -> str:
    return VILLAGER_JOIN if flt.sort == "villager" or "v." in where else ""


def order_by(flt: CaseFilter) -> tuple[str, str, str]:
    """(column, direction, ORDER BY text) for the filter's sort; NULLs always last."""
    column = SORTABLE.get(flt.sort, "c.registered_at")
    direction = "DESC" if flt.descending else "ASC"
    nulls = "" if flt.sort in NEVER_NULL else f"{column} IS NULL, "
    return column, direction, f"{nulls}{column} {direction}, c.case_no {direction}"


def sort_field(flt: CaseFilter) -> str:
    """The row field the filter's order is by (the case number breaks ties)."""
    return flt.sort if flt.sort in SORTABLE else "registered_at"


def after(flt: CaseFilter, last: dict) -> tuple[str, list]:
    column, direction, _ = order_by(flt)
    beyond = "<" if direction == "DESC" else ">"
    value = last[sort_field(flt)]
    if value is None:  # already among the rows without a value (they come last)
        return f"({column} IS NULL AND c.case_no {beyond} ?)", [last["case_no"]]
    clause = f"(({column}, c.case_no) {beyond} (?, ?)"
    if flt.sort not in NEVER_NULL:
        clause += f" OR {column} IS NULL"
    return clause + ")", [value, last["case_no"]]
