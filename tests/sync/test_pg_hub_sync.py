"""A township hub (SQLite, a real installation) syncing up to a county hub kept in PostgreSQL, over
HTTP and by file: the same protocol, the same screening, each event stored once, a replay
``already_received``, an unknown or revoked sender refused, a hostile record held in the county's
quarantine, and ``hub report --database`` showing the township's matters afterwards."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.cli import main as cli
from haian_desk.core.ids import uuid7
from haian_desk.replication import sync_state
from haian_desk.storage import eventlog
from haian_desk.storage.eventlog import Event
from sync import outbox
from sync.batch import Batch, seal
from sync.client import HubLink
from sync.errors import SyncError
from sync.files import export_file, import_file
from sync.serve import BackgroundHub
from sync.server import BATCH_TYPE
from tests.sync.helpers import OTHER_TOWNSHIP, make_node, sync, take_in, township_with_stations
from tests.sync.pg_county import PgCounty


@pytest.fixture
def county(pg_url, tmp_path, clock) -> PgCounty:
    return PgCounty(pg_url, tmp_path / "county-keys", clock).make()


@pytest.fixture
def tree(tmp_path, clock, county):
    """A station under a township, the township enrolled under the PostgreSQL county; the
    station's three matters already at the township."""
    township, (station,) = township_with_stations(tmp_path, clock, stations=1)
    county.enrol(township)
    for i in range(3):
        take_in(station, description=f"反映{i + 1}组道路破损")
    with BackgroundHub(township.folder, wall=clock) as running:
        sync(station, running.url)
    yield township, station
    for node in (township, station):
        node.close()


def _said(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def _sent_up(township) -> set[str]:
    """Everything the township has to send its county: its own records and its stations'."""
    rows = township.desk.db.query("SELECT id FROM events WHERE origin != ?", (SHIPPED_ORIGIN,))
    return {r[0] for r in rows}


def _at_county(county: PgCounty) -> list[str]:
    return [r[0] for r in county.query("SELECT id FROM events WHERE origin != %s", (SHIPPED_ORIGIN,))]


def test_a_township_syncs_up_over_http_and_every_event_arrives_once(tree, county, capsys):
    township, station = tree
    with county.served() as hub:
        first = sync(township, hub.url)
        again = sync(township, hub.url)
    held = _at_county(county)
    assert sorted(held) == sorted(set(held)) and set(held) == _sent_up(township)
    assert first.sent == len(held) and first.check == "same"
    assert again.sent == 0 and again.sent_batches == 0 and again.check == "same"
    case_ids = {r[0] for r in township.desk.db.query("SELECT id FROM cases")}
    assert {r[0] for r in county.query("SELECT id FROM cases")} == case_ids and len(case_ids) == 3
    assert county.scalar("SELECT count(*) FROM sync_batches WHERE peer = %s", (township.id,)) == first.sent_batches
    code, text = _said(capsys, "hub", "report", "--period", "2026", "--json", "--database", county.url)
    assert code == 0, text
    report = json.loads(text)
    assert station.unit_code in text and "曲塘镇" in text
    assert report  # the figures themselves are compared with SQLite's in test_pg_hub_report.py
    code, text = _said(capsys, "hub", "check", "--database", county.url)
    assert code == 0, text
    code, text = _said(capsys, "hub", "stations", "--json", "--database", county.url)
    assert code == 0, text
    [row] = json.loads(text)
    assert (row["unit_code"], row["status"], row["events_received"]) == (township.unit_code, "enrolled", len(held))
    assert row["last_contact"] and row["quarantined"] == 0


def _one_batch(node) -> tuple[Batch, bytes]:
    parent = sync_state.parent(node.desk.db)
    batch = outbox.up_batch(node.desk, parent, 0, limit=None)
    return batch, seal(batch, node.keys, parent.box_key)


def _post(node, url: str, data: bytes) -> httpx.Response:
    with HubLink(node.desk, node.keys, sync_state.parent(node.desk.db), url) as link:
        return link.request("POST", "/v1/batches", data, BATCH_TYPE)


def test_a_replayed_batch_is_already_received_over_http_and_by_file(tree, county, tmp_path, capsys):
    township, _ = tree
    batch, data = _one_batch(township)
    with county.served() as hub:
        first = _post(township, hub.url, data).json()
        assert first["status"] == "applied" and first["applied"] == len(batch.events)
        for _ in range(2):
            again = _post(township, hub.url, data).json()
            assert again["status"] == "already_received" and again["applied"] == 0
            assert again["received_before"] and again["already"] == len(batch.events)
    path = tmp_path / "replay.hdsync"
    path.write_bytes(data)
    code, text = _said(capsys, "hub", "import", str(path), "--database", county.url, "--data-dir", str(county.keys_dir))
    assert code == 0, text
    assert "already received" in text
    assert sorted(_at_county(county)) == sorted({e["id"] for e in batch.events})
    assert county.scalar("SELECT count(*) FROM sync_batches") == 1


def test_a_township_syncs_by_file(tree, county, tmp_path, capsys):
    township, _ = tree
    out = tmp_path / "usb" / "township.hdsync"
    exported = export_file(township.desk, township.keys, out)
    code, text = _said(capsys, "hub", "import", str(out), "--database", county.url, "--data-dir", str(county.keys_dir))
    assert code == 0, text
    assert f"新增 {exported.events} 条" in text
    reply = out.with_name("township.reply.hdsync")
    assert reply.exists()
    back = import_file(township.desk, township.keys, reply)
    # the reply carries the county's log as far as it concerns the township, in commit order
    county_head = county.query("SELECT max(pos) FROM event_positions")[0][0]
    assert back.receipt.report.coverage == county_head > 0
    assert sync_state.parent(township.desk.db).acked > 0  # and the acknowledgement
    assert set(_at_county(county)) == _sent_up(township)
    # and the same again over HTTP moves nothing
    with county.served() as hub:
        assert sync(township, hub.url).sent == 0


def test_an_unknown_installation_is_refused(tree, county, tmp_path, clock, capsys):
    township, _ = tree
    stranger = make_node(tmp_path / "other", OTHER_TOWNSHIP, "雅周镇代理中心", "township", clock)
    try:
        # It believes it is enrolled (it copied the county's answer for itself): the county does not know it.
        peer = sync_state.parent(township.desk.db)
        with stranger.desk.db.write() as conn:
            sync_state.save_peer(conn, peer)
        take_in(stranger)
        with county.served() as hub, pytest.raises(SyncError) as refused:
            sync(stranger, hub.url)
        assert refused.value.kind == "unauthorized"
        out = tmp_path / "stranger.hdsync"
        export_file(stranger.desk, stranger.keys, out)
        code, text = _said(
            capsys, "hub", "import", str(out), "--database", county.url, "--data-dir", str(county.keys_dir)
        )
        assert code != 0 and "没有在本机登记" in text, text
    finally:
        stranger.close()
    assert _at_county(county) == []


def test_a_revoked_township_is_refused(tree, county, tmp_path, capsys):
    township, _ = tree
    code, text = _said(capsys, "hub", "revoke", township.id, "--database", county.url)
    assert code == 0 and "已注销" in text, text
    with county.served() as hub, pytest.raises(SyncError) as refused:
        sync(township, hub.url)
    assert refused.value.kind == "revoked"
    out = tmp_path / "revoked.hdsync"
    export_file(township.desk, township.keys, out)
    code, text = _said(capsys, "hub", "import", str(out), "--database", county.url, "--data-dir", str(county.keys_dir))
    assert code != 0 and "已被注销" in text, text
    assert _at_county(county) == []


def _send_records(node, url: str, records: list[dict]) -> dict:
    parent = sync_state.parent(node.desk.db)
    header = outbox.header_from(node.desk.installation, node.desk.now(), parent, "up", 0, 0, cursor=0)
    return _post(node, url, seal(Batch(header, records), node.keys, parent.box_key)).json()


def test_hostile_records_are_held_in_the_countys_quarantine(tree, county):
    township, station = tree
    with county.served() as hub:
        sync(township, hub.url)
        case_id = township.desk.db.scalar("SELECT id FROM cases LIMIT 1")
        with township.desk.db.read() as conn:
            original = eventlog.stream_events(conn, "case", case_id)[0]
        changed = Event(**{**original.to_dict(), "payload": {**original.payload, "description": "改过的内容"}})
        elsewhere = Event(
            **{
                **original.to_dict(),
                "id": uuid7(),
                "stream_id": uuid7(),
                "origin_seq": 10_000,
                "payload": {**original.payload, "unit_code": "320685103201"},
            }
        )
        own = Event(
            **{
                **original.to_dict(),
                "id": uuid7(),
                "origin": county.scalar("SELECT value FROM meta WHERE key = 'installation_id'"),
                "origin_seq": 1,
            }
        )
        ack = _send_records(township, hub.url, [changed.to_dict(), elsewhere.to_dict(), own.to_dict()])
    problems = sorted(r["problem"] for r in ack["rejected"])
    assert ack["applied"] == 0 and problems == ["own_record", "same_id_different_content", "wrong_unit"], ack
    held = county.query("SELECT event_id, problem, body FROM sync_quarantine ORDER BY problem")
    assert sorted(r[1] for r in held) == problems
    assert (
        json.loads([r for r in held if r[1] == "same_id_different_content"][0][2])["payload"]["description"]
        == "改过的内容"
    )
    assert county.scalar("SELECT description FROM cases WHERE id = %s", (case_id,)) == original.payload["description"]
    assert county.scalar("SELECT count(*) FROM events WHERE id = %s", (elsewhere.id,)) == 0


def test_serving_is_refused_before_a_port_opens(county, tmp_path, capsys, pg_server):
    keys = str(tmp_path / "keys")
    code, text = _said(capsys, "hub", "serve", "--database", "sqlite:///x.db", "--data-dir", keys)
    assert code != 0 and "postgresql://" in text, text
    unreachable = "postgresql://nobody@127.0.0.1:1/none"
    code, text = _said(capsys, "hub", "serve", "--database", unreachable, "--data-dir", keys)
    assert code != 0 and "连不上" in text, text
    empty = pg_server  # the server's own database: no hub schema in it
    code, text = _said(capsys, "hub", "serve", "--database", empty, "--data-dir", keys)
    assert code != 0 and "结构是第 0 版" in text, text
    station_folder = tmp_path / "station-folder"
    make_node(station_folder, "320685102210", "一个站", "station", county.clock).close()
    code, text = _said(capsys, "hub", "serve", "--database", county.url, "--data-dir", str(station_folder))
    assert code != 0 and "不能当作 PostgreSQL 中心的密钥目录" in text, text
    other_keys = tmp_path / "other-keys"
    code, text = _said(
        capsys, "hub", "enrol", "x.json", "--out", "y.json", "--database", county.url, "--data-dir", keys
    )
    assert code != 0  # no such request file; the keys were pinned on the way
    code, text = _said(capsys, "hub", "serve", "--database", county.url, "--data-dir", str(other_keys), "--port", "1")
    assert code != 0 and "不是这个中心一直使用的那一套" in text, text


def test_two_workers_share_one_replay_book_and_one_batch_is_applied_once(tree, county):
    """Two workers (each its own app and pool) on one database: a request captured on the way to
    one is refused as a replay by the other, and one batch posted to both at once is applied
    once, the other answer being ``already_received``."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.sync.hostile import signed_json

    township, _ = tree
    batch, data = _one_batch(township)
    with county.served() as one, county.served() as two:
        first = signed_json(township, one.url, "/v1/hello", {"software": "haian-desk"})
        assert first.status_code == 200
        request = first.request
        again = httpx.post(two.url + "/v1/hello", content=request.content, headers=dict(request.headers))
        assert again.status_code == 401 and again.json()["error"] == "replayed"
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda url: _post(township, url, data).json(), [one.url, two.url] * 2))
    assert sorted(a["status"] for a in answers) == ["already_received"] * 3 + ["applied"]
    assert sum(a["applied"] for a in answers) == len(batch.events)
    assert sorted(_at_county(county)) == sorted({e["id"] for e in batch.events})
    assert county.scalar("SELECT count(*) FROM sync_batches") == 1


def test_a_township_enrols_at_the_county_through_the_command(county, tmp_path, clock, capsys):
    """``hub enrol --database``: the answer a township accepts; its unit enrolled once (another
    installation for the same township refused until the first is revoked); a station refused."""
    from sync import enrolment
    from tests.sync.helpers import TOWNSHIP, TOWNSHIP_NAME, VILLAGES

    def enrol_by_command(node) -> tuple[int, str, Path]:
        request, answer = tmp_path / f"{node.folder.name}-request.json", tmp_path / f"{node.folder.name}-answer.json"
        enrolment.write_document(enrolment.make_request(node.desk, node.keys), request)
        code, text = _said(
            capsys,
            "hub",
            "enrol",
            str(request),
            "--out",
            str(answer),
            "--url",
            "http://county.invalid:8765",
            "--database",
            county.url,
            "--data-dir",
            str(county.keys_dir),
        )
        return code, text, answer

    township = make_node(tmp_path / "township", TOWNSHIP, TOWNSHIP_NAME, "township", clock)
    again = make_node(tmp_path / "reinstalled", TOWNSHIP, TOWNSHIP_NAME, "township", clock)
    station = make_node(tmp_path / "station", VILLAGES[0], "村代理站", "station", clock)
    try:
        code, text, answer = enrol_by_command(township)
        assert code == 0 and "已登记" in text and township.id in text, text
        hub = enrolment.accept(township.desk, township.keys, enrolment.read_document(answer))
        assert (hub.unit_code, hub.role, hub.url) == ("320685", "county", "http://county.invalid:8765")
        code, text, _ = enrol_by_command(again)
        assert code != 0 and "已由另一台电脑登记" in text and township.id in text, text
        code, text, _ = enrol_by_command(station)
        assert code != 0 and "不属于" in text, text
        assert _said(capsys, "hub", "revoke", TOWNSHIP, "--database", county.url)[0] == 0
        code, text, answer = enrol_by_command(again)
        assert code == 0, text
        enrolment.accept(again.desk, again.keys, enrolment.read_document(answer))
        with county.served() as served:
            take_in(again)
            assert sync(again, served.url).sent > 0
    finally:
        for node in (township, again, station):
            node.close()
    enrolled = county.query("SELECT id, status FROM sync_peers ORDER BY enrolled_at, id")
    assert sorted(tuple(r) for r in enrolled) == sorted([(township.id, "revoked"), (again.id, "enrolled")])
