"""Whether this installation's work has reached its hub: per case, and what is still waiting.

The hub acknowledges how far it holds this installation's log (``acked``, a
position in the local ``events.seq``); everything made here past that point
is still waiting. Events that came down from the hub never go back up, so
they are left out. Read only: the sync engine moves the mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.cases.vocabulary import EVENT_TYPES, label
from haian_desk.replication import sync_state

if TYPE_CHECKING:
    from haian_desk.desk import Desk

REACHED, PARTLY, NOT_YET, NOT_ENROLLED, FROM_ABOVE = "reached", "partly", "not_yet", "not_enrolled", "above"
_STREAM_WORDS = {
    "case": "办件",
    "villager": "群众信息",
    "cadre": "代理员",
    "catalogue": "事项目录",
    "pairing": "结对帮扶",
    "visit": "走访记录",
    "meeting": "座谈会",
    "complaint": "投诉",
    "calendar": "工作日历",
    "calendar_rule": "时限规则",
}


@dataclass(frozen=True)
class Mark:
    """How far the hub holds this installation's log, and which origins came from the hub."""

    enrolled: bool
    acked: int
    hub_id: str | None

    def scope(self) -> tuple[str, list]:
        """SQL (on ``events e``) for this installation's events that travel up, and its parameters."""
        if self.hub_id is None:
            return "1 = 1", []
        return "e.origin NOT IN (SELECT origin FROM sync_origins WHERE via = ?)", [self.hub_id]


def mark(desk: Desk) -> Mark:
    hub = sync_state.parent(desk.db)
    return Mark(hub is not None, hub.acked if hub else 0, hub.id if hub else None)


def reach(desk: Desk, case_ids: list[str]) -> dict[str, str]:
    """For each case: reached (everything made here is at the hub), partly, not yet, or n/a."""
    if not case_ids:
        return {}
    where = mark(desk)
    scope, params = where.scope()
    found = {}
    for chunk in _chunks(list(dict.fromkeys(case_ids)), 500):
        marks = ", ".join("?" * len(chunk))
        rows = desk.db.query(
            f"SELECT e.stream_id, count(*) AS total, sum(e.seq > ?) AS waiting FROM events e "
            f"WHERE e.stream = 'case' AND e.stream_id IN ({marks}) AND {scope} GROUP BY e.stream_id",
            [where.acked, *chunk, *params],
        )
        found.update({r["stream_id"]: (r["total"], r["waiting"]) for r in rows})
    return {case_id: _word(where, *found.get(case_id, (0, 0))) for case_id in case_ids}


def _word(where: Mark, total: int, waiting: int) -> str:
    if total == 0:
        return FROM_ABOVE
    if not where.enrolled:
        return NOT_ENROLLED
    if waiting == 0:
        return REACHED
    return NOT_YET if waiting == total else PARTLY


def _chunks(values: list, size: int):
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(frozen=True)
class Waiting:
    """How much is still to go up: records, and how many distinct cases they touch."""

    enrolled: bool
    records: int
    cases: int


def waiting(desk: Desk) -> Waiting:
    where = mark(desk)
    scope, params = where.scope()
    row = desk.db.one(
        "SELECT count(*) AS records, count(DISTINCT CASE WHEN e.stream = 'case' THEN e.stream_id END) AS cases "
        f"FROM events e WHERE e.seq > ? AND {scope}",
        [where.acked, *params],
    )
    assert row is not None  # an aggregate without GROUP BY always returns one row
    return Waiting(where.enrolled, row["records"], row["cases"])


@dataclass(frozen=True)
class PendingItem:
    """One record (a case, a villager …) with changes not yet at the hub."""

    stream: str
    stream_id: str
    what: str  # 办件 / 群众信息 …
    title: str  # case number and matter, a villager's name …
    changes: list[str]  # what happened to it here, in words, oldest first
    records: int
    latest: str


def pending_items(desk: Desk, limit: int = 500) -> list[PendingItem]:
    """What is waiting to go up, one line per record touched, oldest first (nothing before enrolment:
    then everything is only here, and listing it all would say nothing)."""
    where = mark(desk)
    if not where.enrolled:
        return []
    scope, params = where.scope()
    rows = desk.db.query(
        "SELECT e.stream, e.stream_id, count(*) AS n, max(e.wall_time) AS latest, min(e.seq) AS first, "
        "group_concat(e.type, ',') AS types "
        f"FROM events e WHERE e.seq > ? AND {scope} GROUP BY e.stream, e.stream_id ORDER BY first LIMIT ?",
        [where.acked, *params, limit],
    )
    titles = _titles(desk, rows)
    return [
        PendingItem(
            r["stream"],
            r["stream_id"],
            _STREAM_WORDS.get(r["stream"], r["stream"]),
            titles.get((r["stream"], r["stream_id"]), ""),
            [
                label(EVENT_TYPES, t) if r["stream"] == "case" else _change_word(t)
                for t in dict.fromkeys(r["types"].split(","))
            ],
            r["n"],
            r["latest"],
        )
        for r in rows
    ]


def _change_word(event_type: str) -> str:
    return {
        "registered": "新建",
        "created": "新建",
        "updated": "修改",
        "retired": "离任",
        "reinstated": "恢复在任",
    }.get(event_type, event_type)


_TITLE_SQL = {
    "case": "SELECT id, case_no || ' ' || coalesce(matter_name, substr(description, 1, 20)) FROM cases",
    "villager": "SELECT id, name FROM villagers",
    "cadre": "SELECT id, name FROM cadres",
    "catalogue": "SELECT code, name FROM catalogue_items",
}


def _titles(desk: Desk, rows) -> dict[tuple[str, str], str]:
    wanted: dict[str, list[str]] = {}
    for row in rows:
        wanted.setdefault(row["stream"], []).append(row["stream_id"])
    titles = {}
    for stream, ids in wanted.items():
        sql = _TITLE_SQL.get(stream)
        if sql is None:
            continue
        key = "code" if stream == "catalogue" else "id"
        for chunk in _chunks(ids, 500):
            marks = ", ".join("?" * len(chunk))
            for found in desk.db.query(f"{sql} WHERE {key} IN ({marks})", chunk):
                titles[(stream, found[0])] = found[1]
    return titles


@dataclass(frozen=True)
class Refused:
    """A record of ours the hub would not take, with its reason in the hub's words."""

    event_id: str
    what: str  # e.g. 办件 102210-260304-001：登记
    reason: str
    reported_at: str


def refused_records(desk: Desk) -> list[Refused]:
    rows = desk.db.query(
        "SELECT r.event_id, r.reason, r.reported_at, e.stream, e.stream_id, e.type FROM sync_rejections r "
        "LEFT JOIN events e ON e.id = r.event_id ORDER BY r.reported_at, r.event_id"
    )
    titles = _titles(desk, [r for r in rows if r["stream"]])
    return [Refused(r["event_id"], _refused_what(r, titles), r["reason"], r["reported_at"]) for r in rows]


def _refused_what(row, titles: dict) -> str:
    if not row["stream"]:
        return f"记录 {row['event_id'][:8]}…"
    title = titles.get((row["stream"], row["stream_id"]), row["stream_id"][:8] + "…")
    change = label(EVENT_TYPES, row["type"]) if row["stream"] == "case" else _change_word(row["type"])
    return f"{_STREAM_WORDS.get(row['stream'], row['stream'])} {title}：{change}"
