"""A sync batch's search upkeep (one statement per table and batch) leaves the same index as
recording the same events one at a time.

The events are a demo station's (villagers, cases through their lives, villagers renamed
after their cases were taken in), recorded there one by one through ``Ledger.record``. A hub
then receives them through ``Ledger.ingest`` in batches hypothesis cuts and shuffles (a case
may come before its villager, a rename in another batch than the name). Every search table
must end up holding what the station's does: the same keys per villager, the same folded
descriptions and FTS tokens per case, the same queue-order rows. The small numbers standing
for records (``n``) are compared through the records they stand for: a hub numbers records
in the order they reach it.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.cases import search
from haian_desk.cli.demo import make_demo
from haian_desk.desk import Desk, initialise
from haian_desk.people import villagers
from haian_desk.storage.eventlog import COLUMNS, Event

NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def station(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upkeep") / "station"
    desk = make_demo(folder, cases=40, now=NOW)
    _rename_some(desk)
    yield desk
    desk.close()


def _rename_some(desk: Desk) -> None:
    """New names and phones for villagers who already have cases: their keys and queue rows change."""
    rows = desk.db.query(
        "SELECT DISTINCT v.id, v.name, v.phone FROM villagers v JOIN cases c ON c.villager_id = v.id ORDER BY v.id"
    )
    for i, row in enumerate(rows[:6]):
        villagers.update(
            desk,
            "admin",
            row["id"],
            villagers.VillagerInput(name=("单雄", "曾小明", "欧阳芳")[i % 3], phone=f"1390627{5000 + i:04d}"),
        )


@pytest.fixture(scope="module")
def events(station) -> list[Event]:
    return [Event.from_row(row) for row in station.db.query(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY seq")]


@pytest.fixture(scope="module")
def hub_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("upkeep") / "hub"
    initialise(folder, "320685102", "曲塘镇代理中心", role="township", wall=lambda: NOW).close()
    return folder


def search_tables(desk: Desk) -> dict[str, list[tuple]]:
    """Every search table's content, with each ``n`` replaced by the record it stands for."""
    with desk.db.write() as conn:
        conn.execute("CREATE VIRTUAL TABLE temp.case_text_terms USING fts5vocab(main, case_text, instance)")
        queries = {
            "villager_search_keys": "SELECT m.villager_id, k.key FROM villager_search_keys k"
            " LEFT JOIN villager_numbers m ON m.n = k.n",
            "villager_numbers": "SELECT villager_id FROM villager_numbers",
            "case_text_ids": "SELECT case_id, folded FROM case_text_ids",
            "case_text": "SELECT i.case_id, t.term, t.offset FROM temp.case_text_terms t"
            " LEFT JOIN case_text_ids i ON i.n = t.doc",
            "case_text_docs": "SELECT i.case_id FROM case_text_docsize d LEFT JOIN case_text_ids i ON i.n = d.id",
            "case_search_order": "SELECT registered_at, case_no, villager_id, text FROM case_search_order",
        }
        tables = {name: sorted(tuple(row) for row in conn.execute(sql)) for name, sql in queries.items()}
        conn.execute("DROP TABLE temp.case_text_terms")
    return tables


@pytest.fixture(scope="module")
def recorded(station) -> dict[str, list[tuple]]:
    tables = search_tables(station)
    assert tables["case_text"] and tables["villager_search_keys"] and tables["case_search_order"]
    return tables


def test_the_events_cover_what_the_batch_path_must_handle(events):
    kinds = {(e.stream, e.type) for e in events}
    assert {("villager", "created"), ("villager", "updated"), ("case", "registered")} <= kinds


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_receiving_in_batches_leaves_the_index_recording_left(tmp_path, hub_template, events, recorded, data):
    order = data.draw(st.permutations(range(len(events))), label="arrival order")
    cuts = data.draw(st.lists(st.integers(1, len(events) - 1), max_size=8, unique=True), label="batch ends")
    folder = tmp_path / f"hub-{data.draw(st.integers(0, 10**9))}"
    shutil.copytree(hub_template, folder)
    hub = Desk.open(folder, wall=lambda: NOW)
    try:
        arriving = [events[i] for i in order]
        bounds = [0, *sorted(cuts), len(events)]
        for start, end in zip(bounds, bounds[1:], strict=False):
            hub.ledger.ingest(arriving[start:end])
        assert search_tables(hub) == recorded
    finally:
        hub.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_one_event_at_a_time_and_all_at_once_agree(tmp_path, hub_template, events, recorded):
    for name, batches in (("each", [[e] for e in events]), ("all", [events])):
        folder = tmp_path / name
        shutil.copytree(hub_template, folder)
        hub = Desk.open(folder, wall=lambda: NOW)
        for batch in batches:
            hub.ledger.ingest(batch)
        assert search_tables(hub) == recorded, name
        hub.close()


def test_a_rebuild_from_the_projections_agrees(tmp_path, hub_template, events, recorded):
    """The bulk rebuild (the third way the tables are made) says the same as the upkeep."""
    folder = tmp_path / "rebuilt"
    shutil.copytree(hub_template, folder)
    hub = Desk.open(folder, wall=lambda: NOW)
    hub.ledger.ingest(events)
    with hub.db.write() as conn:
        search.rebuild(conn)
    assert search_tables(hub) == recorded
    hub.close()


def test_ingest_of_events_said_to_be_new_agrees_and_a_wrong_claim_writes_nothing(tmp_path, hub_template, events):
    """``all_new`` (receive's screening vouches for the batch) skips the lookups, nothing else."""
    checked, trusted = tmp_path / "checked", tmp_path / "trusted"
    for folder in (checked, trusted):
        shutil.copytree(hub_template, folder)
    hubs = [Desk.open(checked, wall=lambda: NOW), Desk.open(trusted, wall=lambda: NOW)]
    present = {row[0] for row in hubs[1].db.query("SELECT id FROM events")}  # e.g. the shipped catalogue
    events = [e for e in events if e.id not in present]
    half = len(events) // 2
    try:
        for batch in (events[:half], events[half:]):
            hubs[0].ledger.ingest(batch)
            hubs[1].ledger.ingest(batch, all_new=True)
        tables = "SELECT * FROM {} ORDER BY 1".format
        for table in ("events", "cases", "villagers", "cadres"):
            assert hubs[0].db.query(tables(table)) == hubs[1].db.query(tables(table)), table
        assert search_tables(hubs[0]) == search_tables(hubs[1])
        before = hubs[1].db.scalar("SELECT count(*) FROM events")
        with pytest.raises(Exception, match="UNIQUE"):
            hubs[1].ledger.ingest(events[half - 1 : half + 1], all_new=True)  # both already stored
        assert hubs[1].db.scalar("SELECT count(*) FROM events") == before
    finally:
        for hub in hubs:
            hub.close()
