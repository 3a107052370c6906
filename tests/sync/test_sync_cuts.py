"""Cut the line anywhere: exactly once after a cut, and resume rather than restart
(guarantees 2 and 8), through a TCP proxy that drops the connection at a chosen byte."""

from __future__ import annotations

import random
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from haian_desk.cases import operations
from haian_desk.cases.operations import Intake
from haian_desk.core.timeutil import UTC
from haian_desk.desk import Desk
from haian_desk.people import villagers
from haian_desk.replication.status import sync_status
from haian_desk.storage.check import run_check
from sync import keys as keymod
from sync.errors import SyncError
from sync.serve import BackgroundHub
from tests.conftest import Clock
from tests.sync.helpers import Node, event_ids, sync, take_in, township_with_stations
from tests.sync.proxy import CuttingProxy

pytestmark = pytest.mark.slow


def _clock() -> Clock:
    return Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))


def _templates(base: Path, cases: int, villagers_every: int = 1) -> Path:
    """A township hub and one enrolled station holding ``cases`` fresh cases, closed on disk."""
    clock = _clock()
    hub, (station,) = township_with_stations(base, clock, 1)
    take_in(station)
    villager_id = station.villager_ids[0]
    for i in range(1, cases):
        if i % villagers_every == 0:
            villager_id = villagers.register(station.desk, "clerk", villagers.VillagerInput(name=f"王{i}"))
        operations.take_in(
            station.desk,
            "clerk",
            Intake(
                kind="opinion",
                villager_id=villager_id,
                description=f"反映{i % 20}组道路破损",
                first_cadre_id=station.cadre_id,
            ),
        )
        if i % 500 == 0:
            clock.advance(minutes=7)
    hub.close()
    station.close()
    return base


def _copy(template: Path, folder: Path) -> tuple[Path, Node]:
    shutil.copytree(template / "township", folder / "township")
    shutil.copytree(template / "station0", folder / "station0")
    clock = _clock()
    station = Node(
        folder / "station0", Desk.open(folder / "station0", wall=clock), keymod.load(folder / "station0"), clock
    )
    return folder / "township", station


def _run(station: Node, hub_folder: Path, **cut) -> CuttingProxy:
    """One exchange through a proxy (cut or not); returns the proxy with its byte counts."""
    with BackgroundHub(hub_folder, wall=station.clock) as served, CuttingProxy(served.port, **cut) as proxy:
        try:
            sync(station, proxy.url, limit=500)
        except SyncError as error:
            assert cut, f"an uncut exchange failed: {error}"
    return proxy


def _counted(station: Node, hub_folder: Path) -> CuttingProxy:
    return _run(station, hub_folder)


def _assert_exactly_once(station: Node, hub_folder: Path, cases: int) -> None:
    hub = Desk.open(hub_folder)
    try:
        mine = event_ids(station, station.id)
        at_hub = [r[0] for r in hub.db.query("SELECT id FROM events WHERE origin = ? ORDER BY id", (station.id,))]
        assert at_hub == mine
        assert hub.db.scalar("SELECT count(*) FROM cases WHERE unit_code = ?", (station.unit_code,)) == cases
        assert run_check(hub).ok
    finally:
        hub.close()
    status = sync_status(station.desk)
    assert status.pending == 0 and status.last_error is None


@pytest.fixture(scope="module")
def five_hundred(tmp_path_factory) -> Path:
    return _templates(tmp_path_factory.mktemp("cuts"), 500)


def _trials(reference: CuttingProxy) -> list[dict]:
    requests, replies = reference.starts["up"], reference.starts["down"]
    rng = random.Random(2026)
    trials = [{"cut_at_request": k} for k in range(2, requests + 1)]  # the previous reply arrived whole
    trials += [{"cut_at_reply": k} for k in range(1, replies + 1)]  # the request arrived whole
    trials += [{"cut_up_at": rng.randrange(1, reference.sent["up"])} for _ in range(6)]
    trials += [{"cut_down_at": rng.randrange(1, reference.sent["down"])} for _ in range(3)]
    return trials


def test_every_cut_in_a_500_case_upload_ends_with_each_event_exactly_once(five_hundred, tmp_path):
    hub_folder, station = _copy(five_hundred, tmp_path / "reference")
    reference = _counted(station, hub_folder)
    _assert_exactly_once(station, hub_folder, 500)
    station.close()
    assert reference.starts["up"] >= 5  # hello, several batches, a check, at least
    for n, cut in enumerate(_trials(reference)):
        hub_folder, station = _copy(five_hundred, tmp_path / f"trial{n}")
        proxy = _run(station, hub_folder, **cut)
        assert proxy.cut, f"{cut} did not cut"
        _run(station, hub_folder)  # the next run, on a good line
        _assert_exactly_once(station, hub_folder, 500)
        station.close()


def test_a_cut_first_upload_resumes_instead_of_restarting(tmp_path):
    """Guarantee 8: a 10,000-case first upload cut at 90 % sends only the missing part plus one batch."""
    template = _templates(tmp_path / "template", 10_000, villagers_every=10)
    hub_folder, station = _copy(template, tmp_path / "reference")
    reference = _counted(station, hub_folder)
    station.close()
    total = reference.sent["up"]
    sizes = _request_sizes(reference)
    largest_batch, hello, check = max(sizes[1:-1]), sizes[0], sizes[-1]

    hub_folder, station = _copy(template, tmp_path / "cut")
    cut_at = int(total * 0.9)
    assert _run(station, hub_folder, cut_up_at=cut_at).cut
    resumed = _counted(station, hub_folder)
    _assert_exactly_once(station, hub_folder, 10_000)
    station.close()
    missing = total - cut_at
    assert resumed.sent["up"] <= missing + largest_batch + hello + check
    assert resumed.sent["up"] < total * 0.2


def _request_sizes(proxy: CuttingProxy) -> list[int]:
    """Bytes of each request, from where the traffic turned round."""
    ups = [up for up, _ in proxy.boundaries[::2]] + [proxy.sent["up"]]
    return [b - a for a, b in zip([0] + ups[:-1], ups, strict=True)]
