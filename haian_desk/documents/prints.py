"""Copies of a case paper: counted from the case's 'printed' events.

Every copy handed out (to a printer or a PDF file) is an event on the case, so
the count travels with sync and a second copy anywhere is marked 补打.
Deriving the count from the log needs no projection column and keeps each
document's count separate.
"""

from __future__ import annotations

from haian_desk.errors import NotFound


def copies_printed(desk, case_id: str, doc: str) -> int:
    return desk.db.scalar(
        "SELECT count(*) FROM events WHERE stream = 'case' AND stream_id = ? AND type = 'printed' "
        "AND json_extract(payload, '$.doc') = ?", (case_id, doc))


def next_copy(desk, case_id: str, doc: str) -> int:
    return copies_printed(desk, case_id, doc) + 1


def record(desk, actor: str, case_id: str, doc: str, copy: int, paper: str, medium: str) -> None:
    """Record one copy handed out; ``medium`` is 'printer' or 'pdf'."""
    payload = {"doc": doc, "copy": copy, "paper": paper, "medium": medium}
    with desk.db.write() as conn:
        if not conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone():
            raise NotFound("找不到这件办件", "请从办件列表中重新打开")
        desk.ledger.record(conn, "case", case_id, "printed", payload, actor)
