"""The assessment of one period: figures per cadre, station, township and county, and the
series the charts draw (monthly volume by kind, ratings, petitions against a year earlier).

``build(desk, period)`` is the one action that makes a year-end assessment out
of the recorded data; the CLI, the screen, Excel and the PDF all show what it
returns. ``build_from`` makes it from any ``Source``: a county hub on PostgreSQL
(haian_desk/storage/postgres/report.py) gets the same figures by the same code.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from haian_desk import network
from haian_desk.assessment import history, records
from haian_desk.assessment.fields import LEVELS, fields_for
from haian_desk.assessment.periods import Period, month_key
from haian_desk.assessment.tally import Tally, part_of
from haian_desk.assessment.units import COUNTY, STATION, TOWNSHIP, cadre_directory, known_unit_codes, unit_key
from haian_desk.core.timeutil import to_iso
from haian_desk.network import unit_name_in
from haian_desk.storage.reading import Rows, desk_rows

if TYPE_CHECKING:
    from haian_desk.desk import Desk

UNIT_LEVELS = (STATION, TOWNSHIP, COUNTY)


@dataclass
class Report:
    period: Period
    as_of: str  # when "open overdue" was judged: period end, or now
    unit_name: str  # the installation that made the report
    rows: dict[str, list[dict]]  # level → rows, sorted by code
    monthly: dict[tuple[int, int], Counter] = field(default_factory=dict)  # registered by kind
    petitions_monthly: list[tuple[str, int, int]] = field(default_factory=list)  # month, now, year before
    whole: dict = field(default_factory=dict)  # everything this installation knows of, in one row

    def total(self) -> dict:
        """Everything this installation knows of: at a station, township or county the county
        row; at a city or province hub, the sum of its counties (not the first of them)."""
        if self.whole:
            return self.whole
        return self.rows[COUNTY][0] if self.rows[COUNTY] else {}

    def as_of_month(self) -> str:
        """The Beijing month ("2026-11") the figures reach: later months have no data yet."""
        if self.as_of >= self.period.end:
            year, month = self.period.last_day.year, self.period.last_day.month
        else:
            year, month = month_key(self.as_of)
        return f"{year}-{month:02d}"

    def rating_distribution(self) -> dict[int, int]:
        total = self.total()
        return {level: total.get(f"rating_{level}", 0) for level in (5, 4, 3, 2, 1)}

    def to_json(self, levels: tuple[str, ...] = tuple(LEVELS)) -> dict:
        out: dict[str, object] = {
            "period": self.period.label,
            "from": self.period.first_day.isoformat(),
            "to": self.period.last_day.isoformat(),
            "as_of": self.as_of,
            "unit": self.unit_name,
        }
        for name in levels:
            out[name] = self.rows[name]
        return out


class _Tallies:
    """One tally per (level, code), made on first use.

    Matters and records are added to their station's and their cadre's tally
    only; ``roll_up`` then adds each station into its township and the county
    (sums, and the union of the villagers served: the same figures as adding
    every matter four times, for half the work)."""

    def __init__(self) -> None:
        self.by_level: dict[str, dict[str, Tally]] = {name: defaultdict(Tally) for name in LEVELS}
        self.whole = Tally()  # every station's, whichever county it is in

    def for_unit(self, unit_code: str, cadre_id: str | None) -> list[Tally]:
        found = [self.by_level[STATION][unit_code]]
        if cadre_id:
            found.append(self.by_level["cadre"][cadre_id])
        return found

    def roll_up(self) -> None:
        for code, tally in self.by_level[STATION].items():
            for level in (TOWNSHIP, COUNTY):
                self.by_level[level][unit_key(level, code)].merge(tally)
            self.whole.merge(tally)


@dataclass(frozen=True)
class Source:
    """What an assessment is made from: the installation it is made at, and its rows (the
    SQLite file of a station or township, or a county hub's PostgreSQL database)."""

    unit_code: str
    unit_name: str
    rows: Rows


def build(desk: Desk, period: Period, now: datetime | None = None) -> Report:
    with desk_rows(desk) as rows:
        source = Source(desk.installation.unit_code, desk.installation.unit_name, rows)
        return build_from(source, period, now or desk.now())


def build_from(source: Source, period: Period, now: datetime) -> Report:
    """The one way figures are made, whichever database holds the rows."""
    as_of = min(period.end, to_iso(now))
    earlier = period.year_earlier()
    tallies = _Tallies()
    monthly: dict[tuple[int, int], Counter] = {month: Counter() for month in period.months()}
    petitions: Counter[tuple[str, tuple[int, int]]] = Counter()
    for m in history.matters(source.rows, period.start, period.end, as_of, earlier.start):
        part = part_of(m, period, as_of, earlier)
        for tally in tallies.for_unit(m.unit_code, m.cadre_id):
            tally.add(part)
        _count_months(m, period, earlier, monthly, petitions)
    extra_units = records.add_records(source.rows, period, as_of, tallies.for_unit)
    tallies.roll_up()
    rows = _rows(source, tallies, extra_units)
    whole = _ordered(
        {"code": source.unit_code, "name": source.unit_name, "level": COUNTY, **tallies.whole.row()}, COUNTY
    )
    return Report(period, as_of, source.unit_name, rows, monthly, _petition_series(period, petitions), whole)


def _count_months(m, period: Period, earlier: Period, monthly, petitions: Counter) -> None:
    if period.contains(m.registered_at):
        monthly[month_key(m.registered_at)][m.kind] += 1
        if m.petition:
            petitions[("now", month_key(m.registered_at))] += 1
    elif m.petition and earlier.contains(m.registered_at):
        year, month = month_key(m.registered_at)
        petitions[("before", (year + 1, month))] += 1


def _petition_series(period: Period, petitions: Counter) -> list[tuple[str, int, int]]:
    return [
        (f"{year}-{month:02d}", petitions[("now", (year, month))], petitions[("before", (year, month))])
        for year, month in period.months()
    ]


def _rows(source: Source, tallies: _Tallies, extra_units: set[str]) -> dict[str, list[dict]]:
    stations = known_unit_codes(source.rows, source.unit_code, extra_units)
    codes = {lvl: {unit_key(lvl, s) for s in stations} | set(tallies.by_level[lvl]) for lvl in UNIT_LEVELS}
    peers = network.peer_names(source.rows)
    rows = {
        lvl: [_unit_row(source, lvl, code, tallies.by_level[lvl][code], peers) for code in sorted(codes[lvl])]
        for lvl in UNIT_LEVELS
    }
    rows["cadre"] = _cadre_rows(source, tallies.by_level["cadre"])
    return rows


def _unit_row(source: Source, level: str, code: str, tally: Tally, peers: dict[str, str]) -> dict:
    if level == TOWNSHIP:
        name = network.township_name(code) or code
    else:
        name = unit_name_in(source.rows, source.unit_code, source.unit_name, code, peers)
    return _ordered({"code": code, "name": name, "level": level, **tally.row()}, level)


def _cadre_rows(source: Source, tallies: dict[str, Tally]) -> list[dict]:
    directory = cadre_directory(source.rows)
    ids = {cid for cid, info in directory.items() if info["active"]} | set(tallies)
    rows = []
    for cadre_id in ids:
        info = directory.get(cadre_id, {"name": "（未知代理员）", "unit_code": ""})
        rows.append(
            _ordered(
                {
                    "code": cadre_id,
                    "name": info["name"],
                    "unit_code": info["unit_code"],
                    "level": "cadre",
                    **tallies[cadre_id].row(),
                },
                "cadre",
            )
        )
    return sorted(rows, key=lambda r: (r["unit_code"], r["name"], r["code"]))


def _ordered(row: dict, level: str) -> dict:
    """The row's keys in the order of the columns (JSON reads like the spreadsheet)."""
    keys = [f.key for f in fields_for(level)]
    return {"level": row["level"], **{k: row[k] for k in keys}}
