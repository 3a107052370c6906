"""Encryption at rest: intake p99, search p95 and start-up, encrypted against plain, in the same run.

Two working copies of the generated county: the station database as it is
(SQLCipher, the station key) and a plain SQLite export of it, opened with the
same code (``Desk`` over ``Database``). Intakes alternate between the two, as
do the searches, so noise falls on both. A third figure prices the durability
choice: intake with ``synchronous=FULL`` (what stations run) against NORMAL
(what they ran before), both encrypted. Start-up is opening the station and
reading the first page of the queue in a fresh Python process (as the app
starts); the encrypted start includes deriving the key from the passphrase
(scrypt), as on a PC without an OS key store; scrypt's own time is given
separately, and a start with the key already at hand (where Credential Manager
holds the key scrypt is not paid). The start-up probes take turns, as the
intakes do, so a burst of load falls on all of them.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from bench import generate
from bench.bench_search import sample_queries
from bench.common import RUNS, Report, main, median, percentile, timed
from haian_desk.cases import operations, queries
from haian_desk.core import paths
from haian_desk.desk import Desk
from haian_desk.people import villager_queries
from haian_desk.storage import backup, keys
from haian_desk.storage.db import Database

GOAL_RATIO = 1.3
PER_RUN = int(os.environ.get("BENCH_INTAKES", "200"))
WORK = generate.DATA_DIR / "work-encryption"


class Counter:
    def __init__(self):
        self.now = generate.NOW + timedelta(hours=1)

    def __call__(self):
        self.now += timedelta(seconds=1)
        return self.now


def copies(scale: generate.Scale) -> tuple:
    source = generate.county(scale)
    shutil.rmtree(WORK, ignore_errors=True)
    encrypted, plain = WORK / "encrypted", WORK / "plain"
    encrypted.mkdir(parents=True)
    plain.mkdir()
    for name in (paths.DB_FILENAME, keys.KEY_FILE):
        shutil.copyfile(source / name, encrypted / name)
    desk = Desk.open(encrypted)
    with desk.db.read() as conn:
        backup.export(conn, paths.database_path(plain), None)
    desk.close()
    return encrypted, plain


def open_encrypted(folder, wall=None) -> Desk:
    return Desk.open(folder, wall=wall or Counter())


def open_plain(folder, wall=None) -> Desk:
    return Desk(Database(paths.database_path(folder)), folder, wall or Counter())


def intake_rounds(desks: list[Desk], rng: random.Random, p: float = 99) -> list[list[float]]:
    """The p-th percentile per run for each desk, intakes alternating between them."""
    picks = [_picks(d) for d in desks]
    found = [[] for _ in desks]
    for _ in range(RUNS):
        times = [[] for _ in desks]
        for _ in range(PER_RUN):
            for i, desk in enumerate(desks):
                times[i].append(
                    timed(lambda desk=desk, i=i: operations.take_in(desk, "admin", _intake(rng, *picks[i])))[0]
                )
        for i, t in enumerate(times):
            found[i].append(percentile(t, p))
    return found


def _picks(desk: Desk):
    villagers = [r[0] for r in desk.db.query("SELECT id FROM villagers ORDER BY rowid LIMIT 500")]
    cadres = [r[0] for r in desk.db.query("SELECT id FROM cadres WHERE active = 1 ORDER BY rowid LIMIT 50")]
    return villagers, cadres


def _intake(rng, villagers, cadres):
    return operations.Intake(
        kind="opinion",
        villager_id=rng.choice(villagers),
        description="反映3组道路破损，雨天积水",
        first_cadre_id=rng.choice(cadres),
    )


def search_p95(desks: list[Desk]) -> list[float]:
    texts = [q for qs in sample_queries(desks[0], generate.SEED, 20).values() for q in qs]
    times = [[] for _ in desks]
    for _ in range(RUNS):
        for text in texts:
            for i, desk in enumerate(desks):
                times[i].append(timed(lambda desk=desk, text=text: villager_queries.villager_search(desk, text))[0])
    return [percentile(t, 95) for t in times]


def start_ups(probes: list[tuple[Path, str]], env: dict | None = None) -> list[float]:
    """Median milliseconds for a fresh process to open the station and read the queue's first page,
    for each (folder, kind); the kinds take turns, so a burst of load on the machine falls on all."""
    samples: list[list[float]] = [[] for _ in probes]
    for _ in range(RUNS):
        for i, (folder, kind) in enumerate(probes):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "bench.bench_encryption", "--probe", kind, str(folder)],
                check=True,
                cwd=Path(__file__).resolve().parent.parent,
                env={**os.environ, **(env or {})},
            )
            samples[i].append((time.perf_counter() - started) * 1000)
    return [median(s) for s in samples]


KEY_ENV = "BENCH_STATION_KEY"  # the "stored" probe: the key handed over as the OS key store would


def probe(kind: str, folder: Path) -> None:
    """One start, in this process (run by ``start_ups``)."""
    if kind == "plain":
        desk = open_plain(folder)
    elif kind == "stored":
        desk = Desk(Database(paths.database_path(folder), bytes.fromhex(os.environ[KEY_ENV])), folder, Counter())
    else:
        desk = open_encrypted(folder)
    queries.page(desk, queries.CaseFilter(), generate.NOW, 0, 50)
    desk.close()


def run(scale: generate.Scale) -> Report:
    report = Report("encryption", f"Encryption at rest ({scale.cases:,} cases on file)")
    encrypted, plain = copies(scale)
    station_key = keys.unlock(encrypted)
    startup_enc, startup_stored, startup_plain = start_ups(
        [(encrypted, "passphrase"), (encrypted, "stored"), (plain, "plain")], {KEY_ENV: station_key.hex()}
    )
    desks = [open_encrypted(encrypted), open_plain(plain)]
    enc99, plain99 = (median(v) for v in intake_rounds(desks, random.Random(generate.SEED)))
    report.add(
        "take_in · p99, encrypted",
        enc99,
        "ms",
        goal=f"≤ {GOAL_RATIO}× plain",
        met=enc99 <= GOAL_RATIO * plain99,
        baseline=plain99,
        baseline_name="plain SQLite, same code",
    )
    enc50, plain50 = (median(v) for v in intake_rounds(desks, random.Random(generate.SEED + 2), p=50))
    report.add(
        "take_in · p50, encrypted",
        enc50,
        "ms",
        baseline=plain50,
        baseline_name="plain SQLite, same code",
        note="the typical intake: the p99 above is one fsync's latency spike",
    )
    enc95, plain95 = search_p95(desks)
    report.add(
        "villager search · p95, encrypted",
        enc95,
        "ms",
        goal=f"≤ {GOAL_RATIO}× plain",
        met=enc95 <= GOAL_RATIO * plain95,
        baseline=plain95,
        baseline_name="plain SQLite, same code",
    )
    report.add(
        "start-up (open + first queue page), encrypted",
        startup_enc,
        "ms",
        goal=f"≤ {GOAL_RATIO}× plain",
        met=startup_enc <= GOAL_RATIO * startup_plain,
        baseline=startup_plain,
        baseline_name="plain SQLite, no key",
        note="a fresh process; includes scrypt of the passphrase",
    )
    report.add(
        "start-up, encrypted, key already at hand (OS key store)",
        startup_stored,
        "ms",
        goal=f"≤ {GOAL_RATIO}× plain",
        met=startup_stored <= GOAL_RATIO * startup_plain,
        baseline=startup_plain,
        baseline_name="plain SQLite, no key",
        note="as on a Windows PC whose Credential Manager holds the key: no scrypt",
    )
    scrypt_ms = median([timed(lambda: keys.derive("bench", os.urandom(16), keys.SCRYPT_N))[0] for _ in range(RUNS)])
    report.add(
        "of which: deriving the key from the passphrase (scrypt)",
        scrypt_ms,
        "ms",
        note="not paid where the OS key store holds the key",
    )
    desks[1].close()
    desks[1] = open_encrypted(encrypted)
    desks[1].db.query("PRAGMA synchronous=NORMAL")
    full99, normal99 = (median(v) for v in intake_rounds(desks, random.Random(generate.SEED + 1)))
    report.add(
        "take_in · p99, synchronous=FULL (durable before the receipt)",
        full99,
        "ms",
        baseline=normal99,
        baseline_name="synchronous=NORMAL (before), both encrypted",
    )
    for desk in desks:
        desk.close()
    report.notes.append(
        f"{RUNS} runs of {PER_RUN} intakes per copy, alternating; search: 20 queries of each "
        f"kind from bench_search, {RUNS} rounds; start-up: median of {RUNS} opens, "
        f"the three kinds taking turns."
    )
    return report


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--probe":
        probe(sys.argv[2], Path(sys.argv[3]))
    else:
        main(run)
