"""What the search tests share: a 300-case demo station, the texts a clerk might type into the
queue's search box, and a walk through the queue page by page by key."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, settings

from haian_desk.cases import queries, search
from haian_desk.cli.demo import make_demo
from haian_desk.desk import Desk

NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
EVERYTHING = 10**6
CHECKS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def demo_station(tmp_path_factory, name: str):
    """A module's own demo station (a generator for a module-scoped fixture)."""
    folder = tmp_path_factory.mktemp(name) / "demo"
    make_demo(folder, cases=300, now=NOW).close()
    desk = Desk.open(folder, wall=lambda: NOW)
    yield desk
    desk.close()


def typed_pieces(desk: Desk) -> list[str]:
    """Bits of names, readings, initials, numbers and descriptions, as a clerk types them."""
    found = set("王张生sh13-xX")
    for row in desk.db.query(
        "SELECT v.name, v.pinyin, v.initials, v.phone, v.id_number, c.case_no, c.description "
        "FROM cases c JOIN villagers v ON v.id = c.villager_id LIMIT 60"
    ):
        for text in (
            row["name"],
            row["pinyin"].split()[0],
            row["pinyin"].split()[-1],
            row["initials"].split()[0],
            row["phone"] or "",
            (row["id_number"] or "")[-4:],
            row["case_no"],
            row["case_no"][7:],
            row["description"][:3],
            row["description"][2:5],
        ):
            found.update({text[:1], text[:2], text[-2:], text, text.upper()})
    return sorted(p for p in found if search.normalise(p))


def pages_by_key(desk: Desk, flt, size: int) -> list[str]:
    """Every case id the filter finds, read as the queue reads it: page after page by key."""
    ids, last = [], None
    while True:
        rows = queries.page_after(desk, flt, NOW, last, size)
        assert len(rows) <= size
        ids += [r.id for r in rows]
        if len(rows) < size:
            return ids
        last = queries.key_of(flt, rows[-1])
