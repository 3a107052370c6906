"""A county hub on PostgreSQL forwards to its city hub on PostgreSQL: up batches read in commit
order (sync.pg_outbox), sealed and signed (sync.batch), opened at the city and stored there by
``PgHubLog.receive``, while four worker processes keep storing townships' batches at the county.
And the PostgreSQL selection picks exactly what the SQLite hub's selection picks (issue #14)."""

from __future__ import annotations

import multiprocessing
import random
from datetime import datetime
from uuid import uuid4

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.cli.demo import make_demo
from haian_desk.core.timeutil import UTC
from haian_desk.desk import initialise
from haian_desk.replication import pg_order, selection
from haian_desk.replication.hub_log import PgHubLog, SqliteHubLog, child_peer
from haian_desk.replication.pg_order import PgForward
from haian_desk.replication.sync_state import CHILD, PARENT, Peer
from haian_desk.storage.check import run_check
from haian_desk.storage.eventlog import COLUMNS, Event
from haian_desk.storage.postgres import hub as pg_hub, migrations
from haian_desk.storage.postgres.database import PgDatabase
from sync import batch as batchmod, inbox, pg_outbox
from sync.keys import InstallationKeys
from tests.conftest import ADMIN
from tests.haian_desk import hub_workers

AT = hub_workers.AT
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
COUNTY = ("320685", "海安市群众事务代理中心")
CITY = ("320600", "南通市群众事务代理中心")
TOWNSHIPS, EVENTS_EACH, WORKERS = 6, 120, 4


def keys() -> InstallationKeys:
    return InstallationKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


def peer(peer_id: str, relation: str, unit: tuple[str, str], role: str, own: InstallationKeys) -> Peer:
    return Peer(peer_id, relation, *unit, role, own.sign_public, own.box_public, enrolled_at=AT)


def hub(url: str, own_id: str, unit: tuple[str, str], role: str) -> PgDatabase:
    db = PgDatabase(url)
    migrations.migrate(db)
    pg_hub.set_identity(db, pg_hub.HubIdentity(own_id, *unit, role), AT)
    return db


def township_batches(rng: random.Random) -> list[list[tuple[str, str, int, int]]]:
    out: list[list] = [[] for _ in range(WORKERS)]
    for t in range(TOWNSHIPS):
        lo = 0
        while lo < EVENTS_EACH:
            hi = min(EVENTS_EACH, lo + rng.randint(5, 30))
            for w in rng.sample(range(WORKERS), 2):
                out[w].append((f"peer-{t:02d}", f"origin-{t:02d}", lo, hi))
            lo = hi
    for share in out:
        rng.shuffle(share)
    return out


def forward_once(county: PgDatabase, city: PgDatabase, ids: tuple[str, str], ks, limit: int) -> bool:
    """One up batch, county to city, through the sealed bytes; True when the county had more."""
    county_id, city_id = ids
    county_keys, city_keys = ks
    city_log = PgHubLog(city)
    made = pg_outbox.up_batch(county, city_id, city_log.coverage(county_id), limit)
    data = batchmod.seal(made, county_keys, city_keys.box_public)
    envelope, sealed = batchmod.read_envelope(data)
    opened = batchmod.open_sealed(envelope, sealed, city_keys, county_keys.sign_public)
    assert (opened.sender, opened.kind, opened.header["from_unit"]) == (county_id, "up", COUNTY[0])
    lo, hi = opened.range
    city_log.receive(county_id, [Event.from_dict(e) for e in opened.events], lo, hi)
    return len(opened.events) == limit


def test_a_county_forwards_everything_once_to_its_city_while_its_workers_store(pg_url, city_url):
    rng = random.Random(1404)
    county_id, city_id = str(uuid4()), str(uuid4())
    county_keys, city_keys = keys(), keys()
    with hub(pg_url, county_id, COUNTY, "county") as county, hub(city_url, city_id, CITY, "city") as city:
        PgHubLog(county).enrol(peer(city_id, PARENT, CITY, "city", city_keys))
        for t in range(TOWNSHIPS):
            PgHubLog(county).enrol(child_peer(f"peer-{t:02d}", f"3206851{t:02d}", f"镇{t}", AT))
        PgHubLog(city).enrol(peer(county_id, CHILD, COUNTY, "county", county_keys))

        spawn = multiprocessing.get_context("spawn")
        workers = [spawn.Process(target=hub_workers.work, args=(pg_url, s)) for s in township_batches(rng)]
        for process in workers:
            process.start()
        batches = 0
        while any(p.is_alive() for p in workers):
            forward_once(county, city, (county_id, city_id), (county_keys, city_keys), rng.randint(1, 60))
            batches += 1
        for process in workers:
            process.join(60)
        assert all(p.exitcode == 0 for p in workers), [p.exitcode for p in workers]
        while forward_once(county, city, (county_id, city_id), (county_keys, city_keys), 50):
            batches += 1

        head = PgForward(county).head()
        assert batches > 1
        assert PgHubLog(city).ranges(county_id) == [(0, head)]
        held = {r[0] for r in city.query("SELECT id FROM events")}
        assert held == PgHubLog(county).event_ids()
        assert len(held) == TOWNSHIPS * EVENTS_EACH == city.scalar("SELECT count(*) FROM events")
        assert {PgHubLog(city).via(f"origin-{t:02d}") for t in range(TOWNSHIPS)} == {county_id}
        found = pg_hub.check(city)
        assert found.ok, found.gaps + found.differences


def test_a_down_batch_is_sealed_to_the_child_and_says_what_the_county_holds(pg_url):
    county_id, township_id = str(uuid4()), str(uuid4())
    county_keys, township_keys = keys(), keys()
    with hub(pg_url, county_id, COUNTY, "county") as county:
        PgHubLog(county).enrol(peer(township_id, CHILD, ("320685102", "曲塘镇"), "township", township_keys))
        PgHubLog(county).receive(township_id, hub_workers.events_of("origin-a", [1, 2, 3]), 0, 3)
        made = pg_outbox.down_batch(county, township_id, 0, limit=10, rejected=[])
        data = batchmod.seal(made, county_keys, township_keys.box_public)
        opened = batchmod.open_sealed(*batchmod.read_envelope(data), township_keys, county_keys.sign_public)
        header = opened.header
        assert (header["kind"], header["range"], header["held_up_to"], header["more"]) == ("down", [0, 3], 3, False)
        assert opened.events == []  # its own records do not come back down


# -- the same choice as the SQLite hub's selection ---------------------------------------------

# Station A's records reach the county through its township; station B's (same township) come
# from above, as a county's own would: B's matters go down to the township, A's never go back.
STATION_A = ("320685102210", "曲塘镇双楼村代理站", 7)
STATION_B = ("320685102211", "曲塘镇东庄村代理站", 8)


def station_rows(tmp_path_factory, code: str, name: str, seed: int) -> list[Event]:
    station = make_demo(tmp_path_factory.mktemp(code), cases=15, seed=seed, now=NOW, unit=(code, name))
    with station.db.read() as conn:
        rows = conn.execute(
            f"SELECT {', '.join(COLUMNS)} FROM events WHERE origin != ? ORDER BY seq", (SHIPPED_ORIGIN,)
        ).fetchall()
    station.close()
    return [Event.from_row(tuple(r)) for r in rows]


def test_postgresql_picks_what_the_sqlite_hub_picks_for_the_parent_and_each_child(tmp_path_factory, pg_url):
    a, b = station_rows(tmp_path_factory, *STATION_A), station_rows(tmp_path_factory, *STATION_B)
    city = peer(str(uuid4()), PARENT, CITY, "city", keys())
    t102 = child_peer(str(uuid4()), "320685102", "曲塘镇", AT)
    t103 = child_peer(str(uuid4()), "320685103", "李堡镇", AT)
    rebuilt = child_peer(a[0].origin, "320685102", "曲塘镇（重装后恢复）", AT)  # A recovering its records
    deliveries = [(t102.id, a[i : i + 40], i, min(i + 40, len(a))) for i in range(0, len(a), 40)]
    deliveries += [(city.id, b[i : i + 40], i, min(i + 40, len(b))) for i in range(0, len(b), 40)]
    random.Random(5).shuffle(deliveries)

    desk = initialise(tmp_path_factory.mktemp("county"), *COUNTY, role="county", admin=ADMIN, wall=lambda: NOW)
    with PgDatabase(pg_url) as db:
        migrations.migrate(db)
        for log in (SqliteHubLog(desk.db), PgHubLog(db)):
            for p in (city, t102, t103, rebuilt):
                log.enrol(p)
            for peer_id, events, lo, hi in deliveries:
                log.receive(peer_id, events, lo, hi)
        forward = PgForward(db)
        with desk.db.read() as conn:
            sqlite_up = [e.id for e in selection.up_events(conn, city.id, 0, None)[0]]
            sqlite_down = {c.id: [e.id for e in selection.down_events(conn, c, 0, None)[0]] for c in (t102, t103)}
        pg_up = [e.id for e in forward.up(city.id, 0, None).events]
        pg_down = {c.id: [e.id for e in forward.down(c.id, 0, None).events] for c in (t102, t103)}
        with desk.db.read() as conn:
            sqlite_top = selection.head(conn)
            sqlite_checks = _drift_checks(selection, conn, a[0].origin, (t102, t103), sqlite_top)
            sqlite_lookups = _lookups(selection, conn, desk.installation.id, city.id, t102.id, a, b)
            sqlite_pending = selection.pending_up(conn, city.id, 0)
            sqlite_recovery = [e.id for e in selection.recovery_events(conn, rebuilt, 0, None)[0]]
        with db.transaction() as conn:
            pg_checks = _drift_checks(pg_order, conn, a[0].origin, (t102, t103), pg_order.head(conn))
            pg_lookups = _lookups(pg_order, conn, desk.installation.id, city.id, t102.id, a, b)
            pg_pending = pg_order.pending_up(conn, city.id, 0)
        pg_recovery = [e.id for e in forward.recovery(rebuilt.id, 0, None).events]
    desk.close()

    assert pg_checks == sqlite_checks
    assert pg_lookups == sqlite_lookups
    assert (pg_pending, sqlite_pending) == (len(pg_up), len(sqlite_up))
    assert pg_recovery == sqlite_recovery
    assert {e.id for e in a} <= set(pg_recovery)

    own_at_sqlite = {e.id for e in a}  # the SQLite county's own (admin) records go up too
    assert pg_up == [i for i in sqlite_up if i in own_at_sqlite]
    assert set(pg_up) == {e.id for e in a}  # A's records go up; B's came from above
    assert pg_down == sqlite_down
    b_origin = b[0].origin
    b_cases = {e.id for e in b if e.stream == "case"}
    assert b_cases and b_cases <= set(pg_down[t102.id])  # B's matters go down to their township
    assert not {e.id for e in a} & set(pg_down[t102.id])  # A's never come back down
    assert not b_cases & set(pg_down[t103.id])  # nor to another township
    assert {e.origin for e in b if e.id in pg_down[t103.id]} <= {b_origin}


def _drift_checks(module, conn, origin: str, children, top: int) -> tuple:
    """The drift check's digests and id lists as one side computes them, up to its head."""
    return (
        module.sent_digest(conn, origin, top),
        [module.given_digest(conn, child, top) for child in children],
        module.ids_up_to(conn, origin, top),
    )


def test_a_sqlite_city_takes_a_postgresql_countys_up_batches_through_its_own_receive_path(tmp_path_factory, pg_url):
    """The batches are the SQLite hub's format to the letter: a SQLite city imports them with the
    very code that imports any child's file (sync.inbox.receive: envelope, signature, range
    claim, screening, apply), and holds the county's records once, its range whole."""
    a = station_rows(tmp_path_factory, *STATION_A)
    county_id, county_keys, city_keys = str(uuid4()), keys(), keys()
    city = initialise(tmp_path_factory.mktemp("city"), *CITY, role="city", admin=ADMIN, wall=lambda: NOW)
    city_as_peer = peer(city.installation.id, PARENT, CITY, "city", city_keys)
    SqliteHubLog(city.db).enrol(peer(county_id, CHILD, COUNTY, "county", county_keys))
    with hub(pg_url, county_id, COUNTY, "county") as county:
        log = PgHubLog(county)
        log.enrol(city_as_peer)
        township = child_peer(str(uuid4()), "320685102", "曲塘镇", AT)
        log.enrol(township)
        for i in range(0, len(a), 25):
            log.receive(township.id, a[i : i + 25], i, min(i + 25, len(a)))
        after, receipts = 0, 0
        while True:
            made = pg_outbox.up_batch(county, city_as_peer.id, after, limit=30, now=NOW)
            receipt = inbox.receive(city, city_keys, batchmod.seal(made, county_keys, city_keys.box_public), "file")
            assert not receipt.report.rejected, receipt.report.rejected
            after, receipts = receipt.report.coverage, receipts + 1
            if len(made.events) < 30:
                break
        head = PgForward(county).head()
    with city.db.read() as conn:
        held = {r[0] for r in conn.execute("SELECT id FROM events WHERE origin = ?", (a[0].origin,))}
    assert held == {e.id for e in a} and receipts > 1
    assert SqliteHubLog(city.db).ranges(county_id) == [(0, head)]
    assert run_check(city).ok
    city.close()


def _lookups(module, conn, own_id: str, parent_id: str, child_id: str, a: list[Event], b: list[Event]) -> tuple:
    """The check and missing-record exchanges' reads, as one side answers them."""
    asked = [e.id for e in a[::7]] + [e.id for e in b[:3]] + ["no-such-record"]
    random.Random(3).shuffle(asked)
    return (
        module.held_digest(conn, a[0].origin, child_id),
        module.received_digest(conn, own_id, parent_id),
        [e.id for e in module.events_by_id(conn, asked)],
        [e.id for e in module.events_by_id(conn, asked, a[0].origin)],
        module.held_ids(conn, a[0].origin, child_id, asked),
    )
