"""What the counter checks before a matter is registered, so the clerk can stop and think.

Neither check refuses anything: each answers a question the intake screen asks
the clerk at save time.
- ``likely_duplicates``: the same villager already has the same matter open
  (four 最低生活保障申请 typed in a few minutes are one matter, not four).
- ``materials_not_received``: the errand's catalogue materials not ticked as
  received; the clerk may register it as 待补正 and hand over the notice
  listing exactly these (一次性告知).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.cases.catalogue_queries import get_item
from haian_desk.cases.operations import Intake
from haian_desk.cases.vocabulary import OPEN_STATUSES

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass(frozen=True)
class OpenMatter:
    case_id: str
    case_no: str
    registered_at: str
    status: str
    what: str  # the matter's name, or what the villager asked for


def likely_duplicates(desk: Desk, intake: Intake) -> list[OpenMatter]:
    """Open cases of this villager that look like the same matter, newest first."""
    marks = ", ".join("?" for _ in OPEN_STATUSES)
    rows = desk.db.query(
        f"SELECT id, case_no, registered_at, status, kind, catalogue_code, matter_name, description"
        f" FROM cases WHERE villager_id = ? AND kind = ? AND status IN ({marks})"
        f" ORDER BY registered_at DESC",
        (intake.villager_id, intake.kind, *OPEN_STATUSES),
    )
    return [
        OpenMatter(r["id"], r["case_no"], r["registered_at"], r["status"], r["matter_name"] or r["description"])
        for r in rows
        if _same_matter(r, intake)
    ]


def _same_matter(row, intake: Intake) -> bool:
    if intake.kind == "errand":
        return row["catalogue_code"] == intake.catalogue_code
    return _plain(row["description"]) == _plain(intake.description)


def _plain(text: str | None) -> str:
    # Spaces and punctuation typed differently do not make a different request.
    return "".join(ch for ch in (text or "") if ch.isalnum()).lower()


def materials_not_received(desk: Desk, intake: Intake) -> list[str]:
    """The errand's catalogue materials not ticked as received, in the catalogue's order."""
    if intake.kind != "errand" or not intake.catalogue_code:
        return []
    wanted = get_item(desk, intake.catalogue_code).materials
    received = set(intake.materials_received)
    return [m for m in wanted if m not in received and not _only_if_any(m)]


def _only_if_any(material: str) -> bool:
    # "残疾人证、病历等特殊困难佐证材料（如有）": brought when there is one, never missing.
    return "如有" in material
