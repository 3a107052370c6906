"""What arrived since a given point of the event log: which kinds of record, and which cases.

Screens that show a case, the queue or the township's inbox read again when
a sync or another program on the same database brings news of what they
show. The log's sequence number is the mark: note it before an exchange (or
between two looks at the database) and ask afterwards what came in past it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Recent:
    upto: int  # the log's last sequence number when asked
    streams: frozenset[str]  # "case", "villager", "cadre", … that gained records
    case_ids: frozenset[str]  # the cases among them

    @property
    def empty(self) -> bool:
        return not self.streams


# The mark, and what lies past it. On a PostgreSQL hub several workers store at once and a
# ``seq`` can become visible after a higher one: the mark there is the commit-order position
# (resources/postgres/0004_forward_order.sql), below which nothing new ever appears.
_MARK = {
    "sqlite": "SELECT coalesce(max(seq), 0) FROM events",
    "postgres": "SELECT coalesce(max(pos), 0) FROM event_positions",
}
_PAST = {
    "sqlite": "SELECT DISTINCT stream, stream_id FROM events WHERE seq > ?",
    "postgres": "SELECT DISTINCT e.stream, e.stream_id FROM event_positions p "
    "JOIN events e ON e.seq = p.seq WHERE p.pos > ?",
}


def last_seq(db) -> int:
    """The event log's mark now (0 for an empty log)."""
    return int(db.scalar(_MARK[db.dialect]))


def since(db, seq: int) -> Recent:
    """The records past ``seq``, by kind, and the cases they belong to."""
    rows = db.query(_PAST[db.dialect], (seq,))
    upto = max(seq, last_seq(db))
    streams = frozenset(r["stream"] for r in rows)
    cases = frozenset(r["stream_id"] for r in rows if r["stream"] == "case")
    return Recent(upto, streams, cases)
