"""The network queue (办件) on a PostgreSQL hub answers as the SQLite hub does: the same two demo
stations' matters fed to both (tests/haian_desk/test_pg_hub_report.py), then every filter, sort
and search paged through by key on each, and counted, with the same rows in the same order.

On SQLite a search reads the search keys; on PostgreSQL it is a scan
(``search.scanned_case_clause``): this is the test that the two say the same rule."""

from __future__ import annotations

from uuid import uuid4

import pytest

from haian_desk.cases import queries
from haian_desk.cases.queue_order import SORTABLE, CaseFilter
from haian_desk.hub_desk import HubDesk
from haian_desk.replication.hub_log import PgHubLog
from haian_desk.storage.postgres import hub as pg_hub, migrations as pg_migrations
from haian_desk.storage.postgres.database import PgDatabase
from tests.haian_desk.test_pg_hub_report import AT, COUNTY, NOW, STATIONS, _feed, deliveries, sqlite_hub  # noqa: F401
from tests.pg_cluster import own_database


@pytest.fixture(scope="module")
def pg_url_module(pg_server):
    with own_database(pg_server) as url:
        yield url


@pytest.fixture(scope="module")
def pg_desk(pg_url_module, deliveries):  # noqa: F811
    with PgDatabase(pg_url_module) as db:
        pg_migrations.migrate(db)
        pg_hub.set_identity(db, pg_hub.HubIdentity(uuid4().hex, *COUNTY, "county"), AT)
        _feed(PgHubLog(db), deliveries)
    with HubDesk.open(pg_url_module, wall=lambda: NOW) as desk:
        yield desk


def _all_pages(desk, flt: CaseFilter, size: int) -> list[str]:
    seen, last = [], None
    while True:
        rows = queries.page_after(desk, flt, NOW, last, size)
        seen += [r.id for r in rows]
        if len(rows) < size:
            return seen
        last = queries.key_of(flt, rows[-1])


def _needles(desk) -> list[str]:
    """Pieces of what the demo stored: a name, its pinyin start and initials, a phone's end, the
    start of a number and of its date part, words of a description, and noise."""
    row = desk.db.one(
        "SELECT v.name, v.pinyin, v.initials, v.phone, c.case_no, c.description FROM cases c "
        "JOIN villagers v ON v.id = c.villager_id WHERE v.phone IS NOT NULL AND v.phone != '' ORDER BY c.case_no"
    )
    return [
        row["name"],
        row["name"][1:],
        row["pinyin"].split()[0][:4],
        row["initials"].split()[0],
        row["phone"][-4:],
        row["phone"][:5],
        row["case_no"][:8],
        row["case_no"].split("-", 1)[1][:6],
        row["description"][:2],
        "王",
        "zh",
        "不存在的话",
        "Q",
    ]


FILTERS = [
    CaseFilter(),
    CaseFilter(status="completed"),
    CaseFilter(kind="petition_proxy"),
    CaseFilter(overdue=True),
    CaseFilter(due_soon=True),
    CaseFilter(unit_code=STATIONS[1][0]),
    CaseFilter(long_standing=True),
    *[CaseFilter(sort=sort, descending=down) for sort in SORTABLE for down in (True, False)],
]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f"{f.sort}-{f.descending}-{f.status}-{f.kind}-{f.unit_code}")
def test_every_filter_and_sort_pages_the_same_rows_in_the_same_order(sqlite_hub, pg_desk, flt):  # noqa: F811
    on_sqlite = _all_pages(sqlite_hub, flt, 17)
    assert _all_pages(pg_desk, flt, 17) == on_sqlite
    assert queries.count(pg_desk, flt, NOW) == queries.count(sqlite_hub, flt, NOW) == len(on_sqlite)
    assert queries.bounds(pg_desk, flt, NOW, 17) == queries.bounds(sqlite_hub, flt, NOW, 17)


def test_every_search_finds_the_same_matters(sqlite_hub, pg_desk):  # noqa: F811
    counted = 0
    for needle in _needles(sqlite_hub):
        flt = CaseFilter(search=needle)
        on_sqlite = _all_pages(sqlite_hub, flt, 25)
        assert _all_pages(pg_desk, flt, 25) == on_sqlite, needle
        assert queries.count(pg_desk, flt, NOW) == len(on_sqlite), needle
        counted += bool(on_sqlite)
    assert counted >= 8  # the needles find something: the comparison means something
    assert queries.count(pg_desk, CaseFilter(), NOW) == 2 * 90
