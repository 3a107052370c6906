"""Reading the logins: the list the settings screen shows, and the cadres a login can be linked to.

Reads only (logins change through haian_desk.people.users). The ``users`` table
is local to this installation, not a projection of events, so its rows are
plain records; the cadre names come from the cadre projection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.people import cadres

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass(frozen=True)
class Login:
    """One login as the list shows it: never its password hash."""

    username: str
    display_name: str
    role: str
    active: bool
    cadre_id: str | None
    cadre_name: str | None


def list_users(desk: Desk) -> list[Login]:
    """Every login, oldest first, with the name of the cadre it is linked to."""
    rows = desk.db.query(
        "SELECT u.username, u.display_name, u.role, u.active, u.cadre_id, c.name AS cadre_name "
        "FROM users u LEFT JOIN cadres c ON c.id = u.cadre_id ORDER BY u.created_at, u.username"
    )
    return [
        Login(r["username"], r["display_name"], r["role"], bool(r["active"]), r["cadre_id"], r["cadre_name"])
        for r in rows
    ]


def cadre_choices(desk: Desk) -> list[tuple[str, str]]:
    """(id, name) of the active cadres a login can be linked to."""
    return [(row["id"], row["name"]) for row in cadres.active_cadres(desk)]
