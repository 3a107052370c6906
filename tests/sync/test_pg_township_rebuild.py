"""A township hub whose folder is lost (or restored from an old backup) rebuilt from its county on
PostgreSQL: re-approved at the county (``hub reapprove --database``: the SQLite hub's rule on the
county's ``HubDesk``), rebuilt from the county's recovery pages (``/v1/recover``) and its last
backup, its stations re-enrolled; then every level syncs on with nothing lost and nothing twice,
``hub check`` passes at the county and ``check`` at the township. The refusals write nothing.
Real PostgreSQL, real installations, the county served on 127.0.0.1."""

from __future__ import annotations

import pytest

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.desk import Desk
from haian_desk.people import users
from haian_desk.replication import sync_state
from haian_desk.storage import backup
from haian_desk.storage.backup_openers import Openers
from haian_desk.storage.check import run_check
from haian_desk.storage.postgres import hub as pg
from sync import keys as keymod, recover
from sync.errors import SyncError
from sync.serve import BackgroundHub
from tests.sync.helpers import (
    PASSWORD,
    Node,
    act,
    enrol,
    event_ids,
    sync,
    take_in,
    township_with_stations,
)
from tests.sync.pg_county import PgCounty, PgHubNode, staffed


@pytest.fixture
def county(pg_url, tmp_path, clock) -> PgHubNode:
    node = PgHubNode(PgCounty(pg_url, tmp_path / "county-keys", clock).make())
    staffed(node)  # the county's admin re-approves
    yield node
    node.close()


@pytest.fixture
def tree(tmp_path, clock, county):
    township, stations = township_with_stations(tmp_path, clock, stations=2)
    county.county.enrol(township)
    yield township, stations
    for node in (township, *stations):
        node.close()


def _at_county(county: PgHubNode, origins: tuple[str, ...] | None = None) -> list[str]:
    if origins:
        return [r[0] for r in county.db.query("SELECT id FROM events WHERE origin = ANY(%s)", (list(origins),))]
    return [r[0] for r in county.db.query("SELECT id FROM events WHERE origin != %s", (SHIPPED_ORIGIN,))]


def _numbers(county: PgHubNode) -> list[str]:
    return [r[0] for r in county.db.query("SELECT case_no FROM cases")]


def _rebuilt(county: PgHubNode, township: Node, folder, url: str, made, clock) -> tuple[Node, recover.Recovered]:
    """The township on a new PC: request, re-approval at the county, rebuild, its staff again."""
    request = recover.make_request(folder, township.unit_code, "township")
    _, answer = recover.reapprove(county.desk, county.keys, request, "admin", url)  # type: ignore[arg-type]
    done = recover.recover(
        folder, answer, ("admin", PASSWORD), backup=made, openers=Openers.at(township.folder), wall=clock
    )
    desk = Desk.open(folder, wall=clock)
    users.add_user(desk, "staff", "王小", "township_staff", PASSWORD, actor="admin")
    return Node(folder, desk, keymod.load(folder), clock), done


def test_a_lost_township_comes_back_from_its_county_and_its_stations_sync_on(tree, county, tmp_path, clock):
    township, (first, second) = tree
    with county.county.served() as above:
        with BackgroundHub(township.folder, wall=clock) as here:
            early = take_in(first, description="第一村，早就上报县里的")
            take_in(second, description="第二村，早就上报县里的", name="李四")
            sync(first, here.url)
            sync(second, here.url)
        act(township, early, "note", text="镇里看过了")
        sync(township, above.url)
        act(township, early, "note", text="备份前镇里又记了一笔，还没报县里")
        made = backup.backup_to(township.desk.db, tmp_path / "stick" / "township.sqlite3")
        with BackgroundHub(township.folder, wall=clock) as here:
            late = take_in(first, description="第一村，镇里还没报县里就坏了")
            sync(first, here.url)
        below = (township.id, first.id, second.id)  # the township's own records and its stations'
        reached = set(_at_county(county, below)) | set(event_ids(township, township.id))
        township.close()  # the township's PC dies; its folder is gone

        new, done = _rebuilt(county, township, tmp_path / "new-township", above.url, made, clock)
        try:
            assert new.id == township.id and new.desk.installation.role == "township"
            assert done.from_hub > 0 and done.from_backup == 1  # the note the county never got
            assert reached <= set(event_ids(new))
            assert run_check(new.desk).ok
            # the stations' records came back as theirs: their later work still goes up
            with new.desk.db.read() as conn:
                via = sync_state.via_of(conn, {first.id, second.id})
            assert via == {first.id: first.id, second.id: second.id}

            revived = township_again(township)  # the dead township's PC, should it come back to life
            try:
                with pytest.raises(SyncError) as refused:
                    sync(revived, above.url)
                assert refused.value.kind == "unauthorized"
            finally:
                revived.close()

            # the stations re-enrol (the township's keys are new) and sync; what the township lost
            # (the first village's last matter) comes up again from the station
            for station in (first, second):
                enrol(station, new)
            with BackgroundHub(new.folder, wall=clock) as here:
                sync(first, here.url)
                sync(second, here.url)
                take_in(second, description="第二村，镇中心恢复后登记的")
                sync(second, here.url)
            assert new.desk.db.one("SELECT 1 FROM cases WHERE id = ?", (late,))
            act(new, early, "note", text="镇中心恢复后记的")
            report = sync(new, above.url)
            assert not report.rejected
            again = sync(new, above.url)
            assert again.sent == 0

            held = _at_county(county)
            assert len(held) == len(set(held))
            ours = {r[0] for r in new.desk.db.query("SELECT id FROM events WHERE origin != ?", (SHIPPED_ORIGIN,))}
            assert ours <= set(held)  # everything the township holds is at the county, once
            assert county.db.one("SELECT 1 FROM cases WHERE id = %s", (late,))
            numbers = _numbers(county)
            assert len(numbers) == len(set(numbers)) == 4
            assert not sync_state.quarantined(county.desk.db)  # type: ignore[arg-type]
            assert not sync_state.quarantined(new.desk.db)
            assert pg.check(county.db).ok
            assert run_check(new.desk).ok
            assert run_check(first.desk).ok and run_check(second.desk).ok
        finally:
            new.close()


def township_again(township: Node) -> Node:
    """The dead township's folder, as if its old PC came back to life."""
    return Node(township.folder, Desk.open(township.folder, wall=township.clock), township.keys, township.clock)
