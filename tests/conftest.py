"""Shared fixtures: a real installation on a temporary folder, with a clock tests control."""

from __future__ import annotations

import os

# Before any QApplication exists: without a display Qt would abort the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every station a test makes is encrypted with this passphrase; the OS key store is left alone.
TEST_PASSPHRASE = "test-station-passphrase"
os.environ.setdefault("HAIAN_DESK_PASSPHRASE", TEST_PASSPHRASE)
os.environ.setdefault("HAIAN_DESK_NO_KEYRING", "1")
# Qt's offscreen screen is 800×800 unless told otherwise; windows that fit their screen need a
# real desktop's size (1920×1080). Tests of smaller desktops size their windows themselves.
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "offscreen-1920x1080.json"
    )

from datetime import datetime, timedelta  # noqa: E402 - after the environment above is set

import pytest  # noqa: E402 - after the environment above is set

from haian_desk.core.timeutil import UTC  # noqa: E402 - after the environment above is set
from haian_desk.desk import initialise  # noqa: E402 - after the environment above is set
from haian_desk.people import cadres, users, villagers  # noqa: E402 - after the environment above is set
from haian_desk.storage import keys  # noqa: E402 - after the environment above is set

# scrypt at its real cost for every test station would add minutes to the run; the
# key file records the cost used, so these stations still open anywhere.
keys.SCRYPT_N = 2**10

STATION_CODE = "320685102210"
STATION_NAME = "曲塘镇双楼村代理站"
# Every test station has two real logins: its admin and a clerk at the counter
# (roles are enforced in the domain, so an actor must be a login of the station).
ADMIN = ("admin", "secret-pw")
CLERK = ("clerk", "季红梅", "station_staff", "haian123")


def staffed(desk):
    """A station made in a test gets its clerk too (``desk`` must have its admin)."""
    users.add_user(desk, *CLERK, actor="admin")
    return desk


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    # A Wednesday morning in Beijing (02:00 UTC = 10:00 CST).
    return Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))


@pytest.fixture
def desk(tmp_path, clock):
    d = initialise(tmp_path / "station", STATION_CODE, STATION_NAME, "station", admin=ADMIN, wall=clock)
    staffed(d)
    yield d
    d.close()


@pytest.fixture
def cadre_id(desk) -> str:
    return cadres.add(
        desk, "admin", cadres.CadreInput(name="仲维国", phone="13906271000", unit_code=STATION_CODE, area="一组、二组")
    )


@pytest.fixture
def villager_id(desk) -> str:
    return villagers.register(
        desk,
        "admin",
        villagers.VillagerInput(
            name="张三", id_number="11010519491231002X", phone="13812345678", address="曲塘镇双楼村3组"
        ),
    )


# -- PostgreSQL: one throw-away server for the whole run, a fresh database per test ----------

_pg_skipped: list[str] = []


@pytest.fixture(scope="session")
def pg_server():
    from tests.pg_cluster import Cluster, Unavailable

    try:
        cluster = Cluster()
        url = cluster.start()
    except Unavailable as why:
        _pg_skipped.append(str(why))
        pytest.skip(f"PostgreSQL could not be started, so the PostgreSQL hub is NOT tested here: {why}")
    yield url
    cluster.stop()


@pytest.fixture
def pg_url(pg_server, request):
    """A database of its own for this test on the run's PostgreSQL server."""
    from tests.pg_cluster import own_database

    with own_database(pg_server) as url:
        yield url


def pytest_terminal_summary(terminalreporter):
    if _pg_skipped:
        terminalreporter.section("PostgreSQL NOT TESTED", sep="!", red=True, bold=True)
        terminalreporter.write_line(f"The PostgreSQL hub tests were skipped: {_pg_skipped[0]}", red=True)
