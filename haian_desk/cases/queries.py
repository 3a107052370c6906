"""Reading cases: the queue with its filters, search, counts and one case's timeline.

Queries page through SQLite (LIMIT/OFFSET over indexed orderings) so a screen
never holds the whole table. "Now" is always passed in, so what is overdue is
decided by the caller's clock, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from haian_desk.cases.deadlines import DUE_SOON_WINDOW
from haian_desk.cases.vocabulary import TIMED_STATUSES
from haian_desk.errors import NotFound
from haian_desk.projection import projectors
from haian_desk.storage.eventlog import Event
from haian_desk.timeutil import to_iso

SORTABLE = {"case_no": "c.case_no", "registered_at": "c.registered_at", "deadline": "c.deadline",
            "status": "c.status", "kind": "c.kind", "villager": "v.name",
            "updated_at": "c.updated_at"}

_TIMED = "c.status IN ({})".format(", ".join(f"'{s}'" for s in TIMED_STATUSES))


@dataclass
class CaseFilter:
    status: str | None = None
    kind: str | None = None
    overdue: bool = False
    due_soon: bool = False
    cadre_id: str | None = None          # "mine": first contact or responsible
    long_standing: bool = False
    petition: bool = False
    followup_open: bool = False
    search: str = ""
    unit_code: str | None = None
    sort: str = "registered_at"
    descending: bool = True

    def where(self, now: datetime) -> tuple[str, list]:
        clauses, params = ["1 = 1"], []
        if self.status:
            clauses.append("c.status = ?")
            params.append(self.status)
        if self.kind:
            clauses.append("c.kind = ?")
            params.append(self.kind)
        if self.overdue:
            clauses.append(f"{_TIMED} AND c.deadline IS NOT NULL AND c.deadline < ?")
            params.append(to_iso(now))
        if self.due_soon:
            clauses.append(f"{_TIMED} AND c.deadline >= ? AND c.deadline < ?")
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
        needle = normalise_search(self.search)
        if needle:
            clauses.append("(instr(c.case_no, ?) > 0 OR instr(v.search_text, ?) > 0 "
                           "OR instr(c.description, ?) > 0)")
            params += [needle, needle, needle]
        return " AND ".join(clauses), params


def normalise_search(text: str) -> str:
    """What a clerk types, in the form search columns are stored in."""
    return "".join(text.split()).lower()


_BASE = "FROM cases c JOIN villagers v ON v.id = c.villager_id"
QUEUE_COLUMNS = ("c.id, c.case_no, c.kind, c.status, c.matter_name, c.description, c.deadline, "
                 "c.registered_at, c.urgency, c.long_standing, c.petition, c.followup_open, "
                 "c.unit_code, c.responsible_cadre_id, c.holder, c.rating, "
                 "v.name AS villager, v.phone AS villager_phone")


def count(desk, flt: CaseFilter, now: datetime) -> int:
    where, params = flt.where(now)
    return desk.db.scalar(f"SELECT count(*) {_BASE} WHERE {where}", params)


def page(desk, flt: CaseFilter, now: datetime, offset: int = 0, limit: int = 200) -> list:
    where, params = flt.where(now)
    order = SORTABLE.get(flt.sort, "c.registered_at")
    direction = "DESC" if flt.descending else "ASC"
    sql = (f"SELECT {QUEUE_COLUMNS} {_BASE} WHERE {where} "
           f"ORDER BY {order} IS NULL, {order} {direction}, c.case_no {direction} LIMIT ? OFFSET ?")
    return desk.db.query(sql, params + [limit, offset])


def deadline_counts(desk, now: datetime) -> dict[str, int]:
    """The two numbers the status bar always shows."""
    return {"overdue": count(desk, CaseFilter(overdue=True), now),
            "due_soon": count(desk, CaseFilter(due_soon=True), now)}


def get_case(desk, case_id: str) -> dict:
    row = desk.db.one(f"SELECT c.*, v.name AS villager {_BASE} WHERE c.id = ?", (case_id,))
    if row is None:
        raise NotFound("找不到这件办件")
    return projectors()["case"].from_row(row)


def find_by_number(desk, case_no: str) -> dict:
    row = desk.db.one("SELECT id FROM cases WHERE case_no = ?", (case_no.strip(),))
    if row is None:
        raise NotFound(f"没有编号为 {case_no} 的办件", "请核对编号")
    return get_case(desk, row["id"])


def timeline(desk, case_id: str) -> list[Event]:
    rows = desk.db.query(
        "SELECT id, stream, stream_id, type, hlc, origin, origin_seq, actor, wall_time, payload "
        "FROM events WHERE stream = 'case' AND stream_id = ? ORDER BY hlc, origin, origin_seq",
        (case_id,))
    return [Event.from_row(r) for r in rows]


def villager_search(desk, text: str, limit: int = 20) -> list:
    """Villagers whose name, pinyin, initials, ID number or phone contain the text."""
    needle = normalise_search(text)
    if not needle:
        return []
    return desk.db.query(
        "SELECT * FROM villagers WHERE active = 1 AND instr(search_text, ?) > 0 "
        "ORDER BY instr(search_text, ?), length(name), name LIMIT ?", (needle, needle, limit))


def as_json_row(row) -> dict:
    """The shape ``haian-desk cases --json`` prints."""
    return {"case_no": row["case_no"], "kind": row["kind"], "status": row["status"],
            "deadline": row["deadline"], "villager": row["villager"],
            "matter": row["matter_name"], "registered_at": row["registered_at"],
            "urgency": row["urgency"], "holder": row["holder"],
            "flags": [f for f in ("long_standing", "petition", "followup_open") if row[f]]}

