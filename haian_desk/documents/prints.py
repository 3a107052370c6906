"""Copies of a case paper: counted from the case's 'printed' events.

Every copy handed out (to a printer or a PDF file) is an event on the case, so
the count travels with sync and a second copy anywhere is marked 补打.
Deriving the count from the log needs no projection column and keeps each
document's count separate.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from haian_desk import station_settings
from haian_desk.core.errors import NotFound

if TYPE_CHECKING:
    from haian_desk.desk import Desk

# Papers that carry the villager's full ID number when the station chose so (receipt_full_id).
FULL_ID_DOCUMENTS = {"receipt": "受理回执", "authorisation": "授权委托书"}


def copies_printed(desk: Desk, case_id: str, doc: str) -> int:
    # A case has a handful of prints: read in Python, so a hub's PostgreSQL desk counts them the
    # same way (it has no json_extract).
    rows = desk.db.query(
        "SELECT payload FROM events WHERE stream = 'case' AND stream_id = ? AND type = 'printed'", (case_id,)
    )
    return sum(1 for row in rows if json.loads(row["payload"]).get("doc") == doc)


def next_copy(desk: Desk, case_id: str, doc: str) -> int:
    return copies_printed(desk, case_id, doc) + 1


def record(desk: Desk, actor: str, case_id: str, doc: str, copy: int, paper: str, medium: str) -> None:
    """Record one copy handed out; ``medium`` is 'printer' or 'pdf'."""
    payload = {"doc": doc, "copy": copy, "paper": paper, "medium": medium}
    full_id = doc in FULL_ID_DOCUMENTS and station_settings.load(desk).receipt_full_id
    with desk.db.write() as conn:
        row = conn.execute(
            "SELECT v.id_number FROM cases c LEFT JOIN villagers v ON v.id = c.villager_id WHERE c.id = ?", (case_id,)
        ).fetchone()
        if row is None:
            raise NotFound("找不到这件办件", "请从办件列表中重新打开")
        desk.ledger.record(conn, "case", case_id, "printed", payload, actor)
        if full_id and row["id_number"]:  # the paper shows the full number: that is a reveal too
            desk.ledger.record(
                conn,
                "case",
                case_id,
                "revealed",
                {
                    "what": ["id_number"],
                    "where": "paper",
                    "reason": f"群众本人的{FULL_ID_DOCUMENTS[doc]}（本站设置为显示完整身份证号）",
                },
                actor,
            )
