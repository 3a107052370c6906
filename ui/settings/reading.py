"""What the settings screen reads (no writes: users are added through haian_desk.people.users)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from haian_desk.people import cadres

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def list_users(desk: Desk) -> list[dict]:
    rows = desk.db.query(
        "SELECT u.username, u.display_name, u.role, u.active, u.cadre_id, c.name AS cadre_name "
        "FROM users u LEFT JOIN cadres c ON c.id = u.cadre_id ORDER BY u.created_at, u.username")
    return [dict(row) for row in rows]


def cadre_choices(desk: Desk) -> list[tuple[str, str]]:
    """(id, name) of the active cadres a login can be linked to."""
    return [(row["id"], row["name"]) for row in cadres.active_cadres(desk)]
