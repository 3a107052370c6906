"""Half-typed forms kept on this PC, so a crash or a power cut loses nothing.

A draft is local working state, not a record: it never syncs, it is not an
event, and it is thrown away once the form is saved for real. Each user has at
most one draft per form (the intake form is "intake"): saving again replaces
it, which is what "saved as you type" needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import to_iso

if TYPE_CHECKING:
    from haian_desk.desk import Desk

INTAKE = "intake"


@dataclass(frozen=True)
class Draft:
    id: str
    username: str
    form: str
    body: dict[str, Any]
    updated_at: str


def save(desk: Desk, username: str, form: str, body: dict[str, Any]) -> str:
    """Keep ``body`` as the user's draft of ``form``; returns the draft's id."""
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)  # refuses what JSON cannot hold
    stamp = to_iso(desk.now())
    with desk.db.write() as conn:
        row = conn.execute("SELECT id FROM drafts WHERE username = ? AND form = ?", (username, form)).fetchone()
        if row is None:
            draft_id = uuid7()
            conn.execute(
                "INSERT INTO drafts (id, username, form, body, updated_at) VALUES (?, ?, ?, ?, ?)",
                (draft_id, username, form, text, stamp),
            )
        else:
            draft_id = row["id"]
            conn.execute("UPDATE drafts SET body = ?, updated_at = ? WHERE id = ?", (text, stamp, draft_id))
    return draft_id


def load(desk: Desk, username: str, form: str) -> Draft | None:
    """The user's draft of ``form``, or None when there is nothing to offer back."""
    row = desk.db.one(
        "SELECT * FROM drafts WHERE username = ? AND form = ? ORDER BY updated_at DESC LIMIT 1", (username, form)
    )
    if row is None:
        return None
    return Draft(row["id"], row["username"], row["form"], json.loads(row["body"]), row["updated_at"])


def discard(desk: Desk, username: str, form: str) -> int:
    """Forget the user's draft of ``form``; returns how many were removed."""
    with desk.db.write() as conn:
        return discard_in(conn, username, form)


def discard_in(conn, username: str, form: str) -> int:
    """Forget the draft inside the caller's transaction: the form saved for real and
    its draft gone together, so a kill in between cannot leave the draft of a
    registered matter to be offered back (and saved twice)."""
    return conn.execute("DELETE FROM drafts WHERE username = ? AND form = ?", (username, form)).rowcount


def is_blank(body: dict[str, Any], pristine: dict[str, Any]) -> bool:
    """True when nothing in ``body`` differs from the empty form: not worth offering back."""
    return all(_empty(value) or value == pristine.get(key) for key, value in body.items())


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == [] or value is False


def keep_or_discard(desk: Desk, username: str, form: str, body: dict[str, Any], pristine: dict[str, Any]) -> str | None:
    """What autosave does: keep a form with something in it, forget an emptied one."""
    if is_blank(body, pristine):
        discard(desk, username, form)
        return None
    return save(desk, username, form, body)
