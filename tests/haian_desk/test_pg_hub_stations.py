"""The hub's station list read from PostgreSQL (``PgHub.stations``, status.stations_from) is the
list ``haian-desk hub stations`` shows from SQLite, row for row, on the same deliveries: two
stations with their matters (some overdue at NOW), a township enrolled beside them whose
overdue count takes in its stations' matters, one record held for inspection and one resolved."""

from __future__ import annotations

import pytest

from haian_desk.replication import status
from haian_desk.replication.hub_log import PgHubLog, SqliteHubLog, child_peer
from haian_desk.replication.pg_hub import PgHub
from tests.haian_desk.test_pg_hub_report import AT, NOW, deliveries, pg_hub_db, sqlite_hub  # noqa: F401 - fixtures

TOWNSHIP = ("township-peer", "320685102", "曲塘镇代理中心")
HELD = (
    "INSERT INTO sync_quarantine (event_id, origin, peer, batch_id, problem, reason, body, received_at, resolved_at) "
)


@pytest.fixture
def both(sqlite_hub, pg_hub_db):  # noqa: F811 - the fixtures imported above
    SqliteHubLog(sqlite_hub.db).enrol(child_peer(*TOWNSHIP, AT))
    PgHubLog(pg_hub_db).enrol(child_peer(*TOWNSHIP, AT))
    peer = pg_hub_db.scalar("SELECT id FROM sync_peers WHERE unit_code = '320685102210'")
    held = [
        (f"e{n}", None, peer, "b", "sequence_clash", "编号重复", "{}", AT, resolved)
        for n, resolved in ((1, None), (2, AT))
    ]
    with sqlite_hub.db.write() as conn:
        conn.execute("DELETE FROM sync_quarantine")
        conn.executemany(HELD + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", held)
    pg_hub_db.run(lambda conn: conn.cursor().executemany(HELD + "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", held))
    return sqlite_hub, pg_hub_db


def test_the_station_list_is_the_same_from_postgresql(both):
    on_sqlite_hub, on_pg_hub = both
    on_sqlite = status.stations(on_sqlite_hub, NOW)
    on_pg = PgHub(on_pg_hub).stations(NOW)
    assert on_pg == on_sqlite
    # the comparison means something: matters overdue, the township's the sum of its stations'
    by_code = {row["unit_code"]: row for row in on_pg}
    assert by_code["320685102210"]["overdue"] > 0 and by_code["320685102210"]["quarantined"] == 1
    assert by_code["320685102"]["overdue"] == by_code["320685102210"]["overdue"]
    assert all(row["events_received"] > 0 for code, row in by_code.items() if len(code) == 12)
