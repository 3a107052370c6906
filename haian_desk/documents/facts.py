"""Everything a case paper is made from, read once: the case, the villager, the
cadres, the station and its settings, and how many copies were printed before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk import station_settings
from haian_desk.cases import queries
from haian_desk.cases.records import Case
from haian_desk.network import Installation
from haian_desk.station_settings import StationSettings

if TYPE_CHECKING:
    from haian_desk.desk import Desk


@dataclass(frozen=True)
class CaseFacts:
    case: Case
    villager: dict
    first_cadre: dict
    responsible: dict
    installation: Installation
    settings: StationSettings
    catalogue_item: dict | None
    now: datetime


def load(desk: Desk, case_id: str) -> CaseFacts:
    case = queries.get_case(desk, case_id)
    item = None
    if case.catalogue_code:
        row = desk.db.one("SELECT * FROM catalogue_items WHERE code = ?", (case.catalogue_code,))
        item = dict(row) if row else None
    return CaseFacts(
        case=case,
        villager=_row(desk, "villagers", case.villager_id),
        first_cadre=_row(desk, "cadres", case.first_cadre_id),
        responsible=_row(desk, "cadres", case.responsible_cadre_id),
        installation=desk.installation,
        settings=station_settings.load(desk),
        catalogue_item=item,
        now=desk.now(),
    )


def _row(desk: Desk, table: str, key: str) -> dict:
    # A record not yet synced here still lets the paper print, with blanks.
    row = desk.db.one(f"SELECT * FROM {table} WHERE id = ?", (key,))
    return dict(row) if row else {"id": key, "name": "", "phone": ""}
