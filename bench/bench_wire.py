"""The wire: bytes per matter, and a station's day sent over a simulated 2G link.

A village station (enrolled at its township hub, its set-up already synced)
takes in 50 matters in a day, each with the typical life: registered and
accepted, a note, completed, the villager told, a rating. Then it syncs with
the sync engine (``sync.exchange.exchange``: hello, batches up, batches down,
the check) against ``haian-desk hub serve`` running as a real process on
127.0.0.1, through bench/throttle.py: 64 kbit/s each way, 300 ms round trip,
2 % of packets lost.

Figures: bytes per matter on the wire (both ways, every request and reply of
the exchange: HTTP, batch framing, signatures, encryption; with and without
TCP/IP headers), and the time of the exchange. Baselines: the same exchange
straight over loopback, and the time the counted bytes alone need on the
link (bytes at 64 kbit/s plus one round trip per request).
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import httpx

from bench import generate, people
from bench.common import Report, main, median
from bench.throttle import Link, ThrottledProxy
from haian_desk.cases import operations
from haian_desk.desk import Desk, initialise
from haian_desk.people import cadres, users, villagers
from sync import enrolment, keys as keymod
from sync.backoff import Backoff
from sync.exchange import exchange

MATTERS = 50
RUNS = int(os.environ.get("BENCH_WIRE_RUNS", "3"))
BYTES_GOAL = 600
DAY_GOAL_S = 15
WORK = generate.DATA_DIR / "work-wire"
ROOT = Path(__file__).resolve().parent.parent
LINK = Link()


class Clock:
    def __init__(self):
        self.now = generate.NOW - timedelta(days=1)

    def __call__(self):
        return self.now


def prepare() -> None:
    """Hub and station enrolled, the station's set-up (catalogue, cadre, villagers) already at the hub."""
    shutil.rmtree(WORK, ignore_errors=True)
    clock = Clock()
    hub = initialise(WORK / "hub", "320685102", "曲塘镇代理中心", "township", wall=clock)
    hub_keys = keymod.load_or_create(WORK / "hub")
    station = initialise(
        WORK / "station", "320685102210", "曲塘镇双楼村代理站", "station", admin=("admin", "bench-pw"), wall=clock
    )
    users.add_user(station, "clerk", "季红梅", "station_staff", "bench-pw", actor="admin")  # roles are enforced
    station_keys = keymod.load_or_create(WORK / "station")
    _, answer = enrolment.enrol(hub, hub_keys, enrolment.make_request(station, station_keys))
    enrolment.accept(station, station_keys, answer)
    rng = random.Random(generate.SEED)
    cadre = cadres.add(
        station, "admin", cadres.CadreInput(name="仲维国", phone="13906271000", unit_code="320685102210")
    )
    for _ in range(MATTERS):
        villagers.register(
            station, "admin", villagers.VillagerInput(name=people.person_name(rng), phone=people.phone(rng))
        )
    hub.close()
    with HubServer(WORK / "hub") as server:
        exchange(station, station_keys, url=server.url, retries=0)
    _day(station, cadre, clock, rng)
    station.close()
    shutil.copytree(WORK / "hub", WORK / "hub-template")
    shutil.copytree(WORK / "station", WORK / "station-template")


def _day(desk, cadre: str, clock: Clock, rng: random.Random) -> None:
    """Fifty matters through their typical life, on the station's clock."""
    clock.now = generate.NOW.replace(hour=0) + timedelta(hours=1)  # 09:00 in Haian
    people_ids = [r[0] for r in desk.db.query("SELECT id FROM villagers")]
    for person in people_ids[:MATTERS]:
        clock.now += timedelta(minutes=9)
        case = operations.take_in(
            desk,
            "clerk",
            operations.Intake(
                kind="opinion", villager_id=person, first_cadre_id=cadre, description=people.opinion(rng)
            ),
        )
        operations.act(desk, "clerk", case.case_id, "note", text=rng.choice(people.NOTES))
        operations.act(desk, "clerk", case.case_id, "completed", result="granted", note="已办成")
        operations.act(desk, "clerk", case.case_id, "replied", method="phone")
        operations.act(desk, "clerk", case.case_id, "rated", level=rng.choice([5, 5, 4, 3]))


class HubServer:
    """``haian-desk hub serve`` as its own process, on a free port of 127.0.0.1."""

    def __init__(self, folder: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.folder = folder

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> HubServer:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "haian_desk",
                "hub",
                "serve",
                "--data-dir",
                str(self.folder),
                "--port",
                str(self.port),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError("the hub did not start")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(30)


def _one_day(throttled: bool, seed: int) -> dict:
    for name in ("hub", "station"):
        shutil.rmtree(WORK / name, ignore_errors=True)
        shutil.copytree(WORK / f"{name}-template", WORK / name)
    station = Desk.open(WORK / "station", wall=Clock())
    keys = keymod.load(WORK / "station")
    with HubServer(WORK / "hub") as server:
        proxy = ThrottledProxy(server.port, LINK, seed=seed).start()
        url = proxy.url if throttled else server.url
        started = time.perf_counter()
        report = exchange(station, keys, url=url, retries=3, backoff=Backoff(base=0.5, cap=2.0), stall_timeout=60)
        seconds = time.perf_counter() - started
        proxy.stop()
    station.close()
    counts = dict(proxy.counts)
    return {"seconds": seconds, "sent": report.sent, "counts": counts, "attempts": report.attempts}


def run(scale: generate.Scale) -> Report:
    report = Report("wire", f"The wire: a station's day of {MATTERS} matters over 2G (simulated)")
    prepare()
    slow = [_one_day(True, seed) for seed in range(RUNS)]
    fast = [_one_day(False, seed) for seed in range(RUNS)]
    counts = slow[0]["counts"]
    payload = (counts["up"] + counts["down"]) / MATTERS
    wire = (counts["up_wire"] + counts["down_wire"]) / MATTERS
    requests = counts["requests"]
    # Requests and replies take turns, so the two directions' bytes add up.
    floor = (counts["up_wire"] + counts["down_wire"]) * 8 / LINK.rate_bps + requests * 2 * LINK.one_way
    report.add(
        "bytes per matter, both ways, with TCP/IP headers",
        wire,
        "bytes",
        goal=f"< {BYTES_GOAL} bytes",
        met=wire < BYTES_GOAL,
        note=f"{slow[0]['sent']} events up for {MATTERS} matters",
    )
    report.add(
        "bytes per matter, both ways, HTTP and up",
        payload,
        "bytes",
        goal=f"< {BYTES_GOAL} bytes",
        met=payload < BYTES_GOAL,
        note=f"up {counts['up']:,} B, down {counts['down']:,} B",
    )
    day = median([r["seconds"] for r in slow])
    report.add(
        "a station's day over 2G",
        day,
        "s",
        goal=f"< {DAY_GOAL_S} s",
        met=day < DAY_GOAL_S,
        baseline=median([r["seconds"] for r in fast]),
        baseline_name="same exchange over loopback",
    )
    report.add(
        "a station's day over 2G, against the link's own limit",
        day,
        "s",
        baseline=floor,
        baseline_name="bytes at 64 kbit/s + a round trip per request",
        note=f"{requests} requests, {counts['connections']} connection(s)",
    )
    report.notes.append(
        f"link: {LINK.rate_bps / 1000:g} kbit/s each way, {2 * LINK.one_way * 1000:.0f} ms round trip, "
        f"{LINK.loss:.0%} packet loss (retransmitted after {LINK.rto:g} s), modelled by bench/throttle.py "
        "(this kernel has no netem); runs: "
        + ", ".join(
            f"{r['seconds']:.1f} s ({r['counts']['lost']} lost of {r['counts']['packets']} packets)" for r in slow
        )
    )
    shutil.rmtree(WORK, ignore_errors=True)
    return report


if __name__ == "__main__":
    main(run)
