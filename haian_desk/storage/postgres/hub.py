"""A county, city or province hub kept in PostgreSQL: who it is (the ``meta`` table), its
assessment (the same ``build_from`` a SQLite installation uses) and its integrity check.

The check answers what ``haian-desk check`` answers for a SQLite file, in PostgreSQL's terms:
every neighbour's received ranges whole, no origin missing a record in the middle of its
numbering, and every projected row equal to the fold of its stream's log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import psycopg

from haian_desk.assessment.periods import Period
from haian_desk.assessment.report import Report, Source, build_from
from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.core.errors import SetupError
from haian_desk.events.projection import projectors
from haian_desk.events.projection_store import Comparison, compare
from haian_desk.replication.sync_state import merge_spans
from haian_desk.storage.postgres import DATABASE_ENV, migrations, projections
from haian_desk.storage.postgres.database import PgDatabase
from haian_desk.storage.reading import pg_rows


def open_hub(url: str, max_size: int = 2) -> PgDatabase:
    """The hub's database, answered quickly and plainly when it cannot be reached or is not
    (yet) a hub of this version: nothing is created or changed here."""
    db = connect(url, max_size)
    have, want = migrations.version(db), len(migrations.files())
    if have != want:
        db.close()
        raise SetupError(
            "这个 PostgreSQL 数据库的结构是第 {have} 版，本软件用第 {want} 版",
            "请先建立或升级中心数据库（见 docs/postgres-hub.md），再检查或出报表",
            params={"have": have, "want": want},
        )
    return db


def connect(url: str, max_size: int = 2) -> PgDatabase:
    """A pool on ``url``, after one plain connection has shown the server answers (a pool
    would otherwise keep retrying in the background and the command would just hang)."""
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as error:
        raise SetupError(
            "连不上 PostgreSQL 数据库：{reason}",
            "请检查 --database（或环境变量 {env}）里的主机、端口、数据库名、用户和口令，以及服务器是否在运行",
            params={"reason": _first_line(error), "env": DATABASE_ENV},
        ) from None
    return PgDatabase(url, max_size=max_size)


def _first_line(error: Exception) -> str:
    # psycopg's messages can run to several lines of server detail; the first says what failed.
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


@dataclass(frozen=True)
class HubIdentity:
    installation_id: str
    unit_code: str
    unit_name: str
    role: str


def set_identity(db: PgDatabase, identity: HubIdentity, created_at: str) -> None:
    db.run(lambda conn: write_identity(conn, identity, created_at))


def write_identity(conn, identity: HubIdentity, created_at: str) -> None:
    values = {
        "installation_id": identity.installation_id,
        "unit_code": identity.unit_code,
        "unit_name": identity.unit_name,
        "role": identity.role,
        "created_at": created_at,
    }
    conn.cursor().executemany(
        "INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )


def identity(db: PgDatabase) -> HubIdentity:
    meta = {row[0]: row[1] for row in db.query("SELECT key, value FROM meta")}
    if "unit_code" not in meta:
        raise SetupError(
            "这个 PostgreSQL 数据库还不是一个同步中心（没有本中心的单位信息）",
            "请先建立中心数据库（见 docs/postgres-hub.md），或检查 --database 是否写对",
        )
    return HubIdentity(meta.get("installation_id", ""), meta["unit_code"], meta["unit_name"], meta.get("role", ""))


def report(db: PgDatabase, period: Period, now: datetime) -> Report:
    """The assessment of ``period`` from the hub's PostgreSQL rows, in one snapshot."""
    own = identity(db)
    with pg_rows(db) as rows:
        return build_from(Source(own.unit_code, own.unit_name, rows), period, now)


@dataclass
class HubCheck:
    gaps: list[str] = field(default_factory=list)  # ranges or origins with records missing
    differences: list[str] = field(default_factory=list)  # projected rows unlike a rebuild
    rows_checked: int = 0
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.gaps and not self.differences


def check(db: PgDatabase, limit: int = 50) -> HubCheck:
    """The whole check in one repeatable-read snapshot (workers may keep receiving meanwhile)."""
    found = HubCheck()

    def work(conn) -> None:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        found.events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        found.gaps = _range_gaps(conn) + _origin_gaps(conn) + _unnumbered(conn)
        rebuilt = Comparison(limit=limit)
        compare(
            projections.PgProjections(conn),
            projectors().values(),
            lambda p: projections.all_streams(conn, p.stream),
            rebuilt,
        )
        found.differences, found.rows_checked = rebuilt.differences, rebuilt.rows_checked

    db.run(work)
    return found


def _range_gaps(conn) -> list[str]:
    """A neighbour's ranges should be one run from 0: a hole is a batch that never arrived."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for peer, lo, hi in conn.execute("SELECT peer, lo, hi FROM sync_ranges ORDER BY peer, lo"):
        spans.setdefault(peer, []).append((lo, hi))
    lines = []
    for peer, runs in spans.items():
        merged = merge_spans(runs)
        if merged[0][0] != 0 or len(merged) > 1:
            held = "、".join(f"({lo}, {hi}]" for lo, hi in merged)
            lines.append(f"下级 {peer[:8]} 的记录不连续：只收到序号 {held}，中间缺的那几批没有到")
    return lines


def _origin_gaps(conn) -> list[str]:
    """Every installation numbers its records 1, 2, 3 …: a hole in the middle is a record lost
    on the way (the software's shipped records never travel and are left out)."""
    rows = conn.execute(
        "SELECT origin, count(*), max(origin_seq) FROM events WHERE origin != %s "
        "AND origin IN (SELECT origin FROM sync_origins) GROUP BY origin ORDER BY origin",
        (SHIPPED_ORIGIN,),
    )
    return [
        f"来源 {origin[:8]} 的记录有缺号：编到 {top} 号，只有 {count} 条" for origin, count, top in rows if count != top
    ]


def _unnumbered(conn) -> list[str]:
    """Every stored record gets a commit position (0004_forward_order.sql); one without it would
    never be forwarded (the trigger was switched off, or rows were copied in around it)."""
    missing = conn.execute(
        "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_positions p WHERE p.seq = e.seq)"
    ).fetchone()[0]
    return [f"有 {missing} 条记录没有转发序号，它们不会转发给上级或下级"] if missing else []
