"""Which units and cadres an assessment lists (their names: haian_desk.network.unit_name).

A row is listed for every unit and cadre the data knows of, even when it did
nothing in the period: a station with no matters in a half year must show up
as zeros, not vanish from the table.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haian_desk.storage.reading import Rows

STATION, TOWNSHIP, COUNTY = "station", "township", "county"


def unit_key(level: str, unit_code: str) -> str:
    """The code of the unit at ``level`` that a station's unit code belongs to."""
    return {STATION: unit_code, TOWNSHIP: unit_code[:9], COUNTY: unit_code[:6]}[level]


def known_unit_codes(rows: Rows, own_code: str, extra: Set[str] = frozenset()) -> set[str]:
    """Station-level codes: this installation, every case's unit, every cadre's unit.

    A county hub's own 6-digit code is no station: it is listed only if matters were
    registered there.
    """
    codes = {own_code, *extra}
    codes |= {row[0] for row in rows("SELECT DISTINCT unit_code FROM cadres", {}) if row[0]}
    codes = {code for code in codes if len(code) >= 9}
    return codes | {row[0] for row in rows(_CASE_UNITS, {})}


# Every distinct unit_code of the cases: one index seek per unit (SQLite's cases_by_unit,
# PostgreSQL's cases_by_unit_code), not a scan of the whole table.
_CASE_UNITS = """
    WITH RECURSIVE unit(code) AS (
        SELECT min(unit_code) FROM cases
        UNION ALL
        SELECT (SELECT min(unit_code) FROM cases WHERE unit_code > unit.code) FROM unit WHERE unit.code IS NOT NULL
    )
    SELECT code FROM unit WHERE code IS NOT NULL"""


def cadre_directory(rows: Rows) -> dict[str, dict]:
    """Every cadre's name and unit, by id (cadres who left keep their rows)."""
    return {
        row["id"]: {"name": row["name"], "unit_code": row["unit_code"], "active": row["active"]}
        for row in rows("SELECT id, name, unit_code, active FROM cadres", {})
    }
