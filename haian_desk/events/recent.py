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


def last_seq(db) -> int:
    """The event log's mark now (0 for an empty log)."""
    return int(db.scalar("SELECT coalesce(max(seq), 0) FROM events"))


def since(db, seq: int) -> Recent:
    """The records past ``seq``, by kind, and the cases they belong to."""
    rows = db.query("SELECT DISTINCT stream, stream_id FROM events WHERE seq > ?", (seq,))
    upto = max(seq, last_seq(db))
    streams = frozenset(r["stream"] for r in rows)
    cases = frozenset(r["stream_id"] for r in rows if r["stream"] == "case")
    return Recent(upto, streams, cases)
