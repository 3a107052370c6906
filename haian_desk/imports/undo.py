"""Undoing one import: withdrawing what it added, putting back what it changed, by events.

* a villager or cadre it added is made inactive (``active = 0``): it leaves the
  lists and searches, its history stays in the log;
* a field it changed gets back the value it had just before;
* a case it added is voided (``import_undone``) and then counts nowhere.

A record that anyone (or another import) has changed since is left as it is,
and said so with the reason: undoing would throw their work away. Everything
else of the import is undone in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.core.errors import NotFound, RuleRefused
from haian_desk.core.timeutil import to_iso
from haian_desk.events.projection import projectors
from haian_desk.people import permissions
from haian_desk.storage import eventlog

if TYPE_CHECKING:
    from haian_desk.desk import Desk

WHAT = {"villager": "群众", "cadre": "代理员", "case": "办件"}


@dataclass
class UndoResult:
    import_id: str
    withdrawn: int = 0
    kept: list[dict] = field(default_factory=list)  # {"sheet", "row", "reason"}


def undo(desk: Desk, actor: str, import_id: str) -> UndoResult:
    """Undo one import as login ``actor`` (a station head or an admin, as for importing)."""
    with desk.db.write() as conn:
        permissions.require(conn, actor, "import.run")
        row = conn.execute("SELECT * FROM imports WHERE id = ?", (import_id,)).fetchone()
        if row is None:
            raise NotFound(
                "没有编号为 {import_id} 的导入",
                "请用 haian-desk import list 查看导入记录",
                params={"import_id": import_id},
            )
        if row["undone_at"]:
            raise RuleRefused("这次导入已在 {undone_at} 撤销过", params={"undone_at": row["undone_at"]})
        result = UndoResult(import_id)
        items = conn.execute(
            "SELECT * FROM import_items WHERE import_id = ? ORDER BY rowid DESC", (import_id,)
        ).fetchall()
        for item in items:
            reason = _changed_since(conn, item, import_id)
            if reason:
                result.kept.append({"sheet": item["sheet"], "row": item["row_no"], "reason": reason})
                continue
            _withdraw(desk, conn, actor, import_id, item)
            result.withdrawn += 1
        conn.execute(
            "UPDATE imports SET undone_at = ?, undone_by = ?, undo_kept = ? WHERE id = ?",
            (to_iso(desk.now()), actor, len(result.kept), import_id),
        )
    return result


def _changed_since(conn, item, import_id: str) -> str:
    """Why this record must be left alone, or "" when only this import has touched it since."""
    events = eventlog.stream_events(conn, item["stream"], item["stream_id"])
    ours = [i for i, e in enumerate(events) if e.payload.get("import_id") == import_id]
    later = list(events[ours[-1] + 1 :]) if ours else []
    if later:
        who = "另一次导入" if later[-1].payload.get("import_id") else later[-1].actor
        return f"该{WHAT[item['stream']]}在导入后被改动过（{who}，{later[-1].wall_time[:10]}），没有撤销"
    return ""


def _withdraw(desk: Desk, conn, actor: str, import_id: str, item) -> None:
    stream, stream_id = item["stream"], item["stream_id"]
    tag = {"undoes_import": import_id}
    if stream == "case":
        desk.ledger.record(conn, "case", stream_id, "import_undone", {"reason": "撤销导入", **tag}, actor)
    elif item["action"] == "added":
        desk.ledger.record(conn, stream, stream_id, "updated", {"active": 0, **tag}, actor)
    else:
        desk.ledger.record(
            conn, stream, stream_id, "updated", {**_before(conn, stream, stream_id, import_id), **tag}, actor
        )


def _before(conn, stream: str, stream_id: str, import_id: str) -> dict:
    """The fields this import changed, as they were just before it."""
    events = eventlog.stream_events(conn, stream, stream_id)
    first = next(i for i, e in enumerate(events) if e.payload.get("import_id") == import_id)
    earlier = projectors()[stream].fold(events[:first]) or {}
    changed = events[first].payload
    return {k: earlier.get(k) for k in changed if k != "import_id" and k in earlier}


def history(desk: Desk) -> list[dict]:
    """Past imports, newest first: when, who, file name and checksum, counts, undone or not."""
    rows = desk.db.query("SELECT * FROM imports ORDER BY started_at DESC, rowid DESC")
    return [dict(r) for r in rows]
