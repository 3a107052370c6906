"""The benchmark harness at tiny scale: the generated county is sound and repeatable,
the 2G link delivers every byte in order, and results show each figure beside its goal."""

from __future__ import annotations

import hashlib
import socket
import threading

import pytest

from bench import generate, run
from bench.throttle import Link, ThrottledProxy
from haian_desk.desk import Desk
from haian_desk.people import idnumber, villager_queries
from haian_desk.storage.check import run_check


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    folder = generate.county(
        generate.SCALES["tiny"], progress=lambda _: None, data_dir=tmp_path_factory.mktemp("bench")
    )
    desk = Desk.open(folder)
    yield desk
    desk.close()


def test_the_generated_county_rebuilds_from_its_log(county):
    report = run_check(county)
    assert report.ok, report.differences[:5]
    kinds = {r[0] for r in county.db.query("SELECT DISTINCT kind FROM cases")}
    statuses = {r[0] for r in county.db.query("SELECT DISTINCT status FROM cases")}
    assert kinds == {"opinion", "errand", "claim"}
    assert {"rated", "in_progress", "declined", "withdrawn"} <= statuses


def test_people_look_real_and_are_found(county):
    rows = county.db.query("SELECT name, id_number FROM villagers")
    assert all(idnumber.parse_id_number(r["id_number"]).value == r["id_number"] for r in rows if r["id_number"])
    lengths = {len(r["name"]) for r in rows}
    assert {2, 3} <= lengths
    someone = rows[17]["name"]
    assert someone in [r.name for r in villager_queries.villager_search(county, someone, limit=None)]


def test_the_same_seed_makes_the_same_county(county, tmp_path):
    again = Desk.open(generate.county(generate.SCALES["tiny"], progress=lambda _: None, data_dir=tmp_path))
    try:
        assert _digest(again) == _digest(county)
    finally:
        again.close()


def _digest(desk) -> str:
    rows = desk.db.query(
        "SELECT c.case_no, c.status, c.description, v.name, v.id_number FROM cases c "
        "JOIN villagers v ON v.id = c.villager_id ORDER BY c.case_no"
    )
    return hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()


def test_the_throttled_link_delivers_every_byte_in_order():
    payload = bytes(range(256)) * 40  # 10 KB in several packets, some of them "lost"
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        received = bytearray()

        def echo():
            conn, _ = server.accept()
            with conn:
                while chunk := conn.recv(65536):
                    received.extend(chunk)
                    conn.sendall(chunk)

        threading.Thread(target=echo, daemon=True).start()
        proxy = ThrottledProxy(
            server.getsockname()[1], Link(rate_bps=2_000_000, one_way=0.005, loss=0.5, rto=0.02, mss=500)
        ).start()
        with socket.create_connection(("127.0.0.1", int(proxy.url.rsplit(":", 1)[1]))) as client:
            client.sendall(payload)
            client.shutdown(socket.SHUT_WR)
            back = bytearray()
            while chunk := client.recv(65536):
                back.extend(chunk)
        proxy.stop()
    assert bytes(received) == payload and bytes(back) == payload
    assert proxy.counts["up"] == proxy.counts["down"] == len(payload)
    assert proxy.counts["lost"] > 0 and proxy.counts["requests"] == 1


def test_results_show_each_figure_beside_its_goal_and_baseline():
    report = {
        "title": "Search",
        "seconds": 3.0,
        "notes": ["40 queries"],
        "profile": "",
        "figures": [
            {
                "measure": "case search · p95",
                "value": 72.5,
                "unit": "ms",
                "goal": "< 50 ms",
                "met": False,
                "baseline": 9648.0,
                "baseline_name": "full scan",
                "note": "",
                "ratio": 72.5 / 9648.0,
            }
        ],
    }
    text = run.render(generate.SCALES["tiny"], [report], [], 1.0, 60.0)
    row = next(line for line in text.splitlines() if line.startswith("| case search"))
    assert "72.5 ms" in row and "< 50 ms" in row and "missed" in row and "9,648 ms (full scan)" in row
    assert "## How to reproduce" in text


def test_a_skipped_benchmark_says_so_loudly_on_the_results_page():
    report = {"title": "PostgreSQL hub merge", "seconds": 0.0, "notes": [], "profile": "", "figures": []}
    report["skipped"] = "SKIPPED, nothing measured: no initdb"
    text = run.render(generate.SCALES["tiny"], [report], [], 1.0, 60.0)
    assert "> **SKIPPED, nothing measured: no initdb**" in text


def test_the_tiny_province_is_three_sound_hubs_each_holding_its_share(pg_server):
    """bench/province.py: the county's events are among the city's, the city's among the
    province's, every station is enrolled with its count, and ``hub check`` passes."""
    from bench import province
    from haian_desk.storage.postgres import hub

    urls, generated = province.ensure(pg_server, province.SCALES["tiny"], progress=lambda _: None)
    assert generated
    ids, peers = {}, {}
    for role, url in urls.items():
        with hub.open_hub(url) as db:
            found = hub.check(db)
            assert found.ok, (role, found.gaps[:3], found.differences[:3])
            ids[role] = {r[0] for r in db.query("SELECT id FROM events")}
            peers[role] = {r[0]: r[1] for r in db.query("SELECT unit_code, events_received FROM sync_peers")}
            assert hub.identity(db).role == role
    assert ids["county"] < ids["city"] < ids["province"]
    assert all(code.startswith("320685") for code in peers["county"]) and peers["county"]
    assert all(code.startswith("3206") for code in peers["city"]) and len(peers["city"]) > len(peers["county"])
    assert len(peers["province"]) == province.SCALES["tiny"].stations
    assert all(count > 0 for count in peers["province"].values())
    # the city's report totals all its counties, not the first of them
    from bench.bench_pg_province import NOW, PERIOD
    from haian_desk.assessment import parse_period

    with hub.open_hub(urls["city"]) as db:
        city = hub.report(db, parse_period(PERIOD), NOW)
    counties = city.rows["county"]
    assert len(counties) > 1 and city.total()["registered"] == sum(row["registered"] for row in counties) > 0
    assert city.total()["registered"] > max(row["registered"] for row in counties)
