"""The hub on a hostile network, with one station's key (a stolen or infected PC): caps on what one
sender may claim and leave in quarantine, clock poisoning (township and county), acting on another
station's matter, decompression bombs, and files whose header would be parsed before it is checked.
"""

from __future__ import annotations

import json

import pytest

from haian_desk.core.ids import uuid7
from haian_desk.replication import sync_state
from haian_desk.storage import eventlog
from tests.sync.helpers import case_rows, event_ids, held_up_to, sync, take_in
from tests.sync.hostile import canonical, hub_state, raw_batch, sealed_batch, signed, zipped
from tests.sync.pg_county import import_at

pytestmark = pytest.mark.both_hubs  # network and served: a township on SQLite, a county on PostgreSQL


def _junk(n: int) -> list[dict]:
    return [{"id": uuid7(), "junk": i} for i in range(n)]


def test_one_batch_cannot_fill_the_quarantine(network, served):
    hub, (station, _) = network
    before = hub_state(hub)
    response = signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, _junk(5000)))
    assert response.status_code == 422 and response.json()["error"] == "too_many_refused"
    assert hub_state(hub) == before


def test_a_hub_refusal_reaches_an_english_station_in_english(network, served):
    """The hub composes its refusal in Chinese; it also sends the template and parameters, so the
    station shows it in its own language (a hub whose words do not match them is shown as sent)."""
    from haian_desk.core.messages import error_parts
    from sync.client import status_error

    hub, (station, _) = network
    response = signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, _junk(5000)))
    error = status_error(response, signed=True)
    chinese, _ = error_parts(error, "zh_CN")
    english, hint = error_parts(error, "en")
    assert "5000" in chinese and "整批未导入" in chinese
    assert "5000" in english and not any("\u4e00" <= ch <= "\u9fff" for ch in english + hint), english

    forged = response.json() | {"params": {"refused": 1, "MAX_REJECTED_PER_BATCH": 2}}
    response._content = json.dumps(forged).encode()  # words and parameters that disagree
    english, _ = error_parts(status_error(response, signed=True), "en")
    assert "整批未导入" in english  # the hub's Chinese as it came, not a translation of other figures

    spec = forged | {
        "params": {"refused": 5000},
        "template": "这一批有 {refused:>9} 条",
        "message": "这一批有      5000 条",
    }
    response._content = json.dumps(spec).encode()  # format specs from the wire are never run
    assert error_parts(status_error(response, signed=True), "en")[0].endswith("这一批有      5000 条")


def test_a_station_cannot_keep_adding_to_its_quarantine(network, served, monkeypatch):
    from haian_desk.replication import receive

    monkeypatch.setattr(receive, "MAX_QUARANTINE_PER_PEER", 5)
    hub, (station, _) = network
    assert signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, _junk(3))).status_code == 200
    refused = signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, _junk(3)))
    assert refused.status_code == 422 and "上限" in refused.json()["message"]
    assert len(sync_state.quarantined(hub.desk.db)) == 3


def test_a_claimed_range_the_data_does_not_back_is_not_kept(network, served):
    hub, (station, _) = network
    case_id = take_in(station)
    take_in(station, description="建议增设路灯")
    with station.desk.db.read() as conn:
        first = eventlog.stream_events(conn, "case", case_id)[0].to_dict()
    head = station.desk.db.scalar("SELECT max(seq) FROM events")
    inflated = head + 900  # within the slack: the hub cannot refuse it outright
    ack = signed(station, served.url, "POST", "/v1/batches", sealed_batch(station, [first], range=[0, inflated])).json()
    assert ack["held_up_to"] == inflated
    sync(station, served.url)  # the drift check finds the hub holds less than the claim
    assert held_up_to(hub, station.id) <= head
    sync(station, served.url)
    assert set(event_ids(station, station.id)) <= set(event_ids(hub))
    # backed by data now: exactly the station's log as it stands (it received the hub's records meanwhile)
    assert held_up_to(hub, station.id) == station.desk.db.scalar("SELECT max(seq) FROM events")


FAR_FUTURE = "99999999999999.99999"


def test_a_far_future_stamp_is_held_and_does_not_move_the_hubs_clock(township_network, township_served, clock):
    network = township_network
    served = township_served
    from tests.sync.hostile import smuggled

    hub, (station, other) = network
    case_id = take_in(station)
    sync(station, served.url)
    poison = smuggled(station, case_id, "note", {"text": "时间戳被改到很远的将来"}, hlc=FAR_FUTURE)
    report = sync(station, served.url)
    assert [r["problem"] for r in report.rejected] == ["clock_ahead"]
    assert poison.id not in event_ids(hub)
    hub_clock = hub.desk.ledger.clock.last
    assert hub_clock < "9" and served.desk.ledger.clock.last < "9"
    from tests.sync.helpers import act

    act(hub, case_id, "note", text="镇中心的正常记录")
    assert sync(station, served.url).received >= 1  # the township's work still reaches the station
    assert sync_state.quarantined(station.desk.db) == []


def test_a_poisoned_log_is_recovered_with_the_clock_command(township_network, clock):
    """An installation poisoned before the window existed: its clock ignores the stamp; the command removes it."""
    network = township_network
    from haian_desk.desk import Desk
    from tests.sync.helpers import cli
    from tests.sync.hostile import smuggled

    hub, (station, _) = network
    case_id = take_in(hub, description="镇中心自己受理的事项")
    poison = smuggled(hub, case_id, "withdrawn", {"reason": "伪造的撤回"}, hlc=FAR_FUTURE)
    with hub.desk.db.write() as conn:
        from haian_desk.events.ledger import refold

        refold(conn, "case", case_id)
    hub.reopen()
    assert hub.desk.ledger.clock.last < "9"  # a restart does not carry the poison
    assert case_rows(hub)[case_id]["status"] == "withdrawn"
    hub.close()
    shown = cli("sync", "clock", "--data-dir", str(hub.folder), check=False)
    assert shown.returncode == 1 and poison.id in shown.stdout
    repaired = cli("sync", "clock", "--repair", "--data-dir", str(hub.folder))
    assert "留存待核查" in repaired.stdout
    hub.desk = Desk.open(hub.folder, wall=clock)
    assert case_rows(hub)[case_id]["status"] != "withdrawn" and poison.id in event_ids(hub)  # kept, not folded
    assert [q["problem"] for q in sync_state.quarantined(hub.desk.db)] == ["clock_ahead"]
    from haian_desk.storage.check import run_check

    assert run_check(hub.desk).ok  # a rebuild from the log gives the same rows


def test_the_county_refuses_a_poisoned_stamp_from_a_township(tmp_path, clock):
    from sync.serve import BackgroundHub
    from tests.sync.helpers import COUNTY, enrol, make_node, township_with_stations
    from tests.sync.hostile import smuggled

    county = make_node(tmp_path / "county", COUNTY, "海安市群众事务代理中心", "county", clock)
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    enrol(township, county)
    with BackgroundHub(county.folder, wall=clock) as county_hub:
        case_id = take_in(township, description="镇中心受理")
        poison = smuggled(township, case_id, "note", {"text": "很远的将来"}, hlc=FAR_FUTURE)
        report = sync(township, county_hub.url)
        assert [r["problem"] for r in report.rejected] == ["clock_ahead"]
        assert poison.id not in event_ids(county) and county_hub.desk.ledger.clock.last < "9"
    for node in (county, township, station):
        node.close()


def test_a_station_cannot_act_on_another_stations_matter(network, served):
    from tests.sync.hostile import smuggled

    hub, (station, other) = network
    theirs = take_in(other)
    sync(other, served.url)
    before = case_rows(hub)[theirs]
    forged = smuggled(station, theirs, "withdrawn", {"reason": "冒充撤回"})
    report = sync(station, served.url)
    assert [(r["id"], r["problem"]) for r in report.rejected] == [(forged.id, "not_your_case")]
    assert case_rows(hub)[theirs] == before and forged.id not in event_ids(hub)
    sync(other, served.url)
    assert forged.id not in event_ids(other)


def test_a_station_cannot_rewrite_the_townships_cadre(township_network, township_served):
    network = township_network
    served = township_served
    from haian_desk.people import cadres
    from tests.sync.hostile import smuggled

    hub, (station, _) = network
    cadre_id = cadres.add(
        hub.desk,
        "admin",
        cadres.CadreInput(name="季红梅", phone="13906271001", unit_code=hub.unit_code, title="镇代理中心主任"),
    )
    sync(station, served.url)
    fields = cadres.clean(cadres.CadreInput(name="季红梅", phone="13800138000", unit_code=hub.unit_code))
    forged = smuggled(station, cadre_id, "updated", fields, stream="cadre")
    report = sync(station, served.url)
    assert [(r["id"], r["problem"]) for r in report.rejected] == [(forged.id, "not_your_case")]
    assert hub.desk.db.scalar("SELECT phone FROM cadres WHERE id = ?", (cadre_id,)) == "13906271001"


def test_a_decompression_bomb_is_refused_before_decoding(network, served, tmp_path):
    import time

    from sync.errors import BatchRefused

    hub, (station, _) = network
    from tests.sync.hostile import header_for

    header = canonical(dict(header_for(station), format=1, count=1))
    bomb = raw_batch(station, header, zipped(b"[" + b" " * (200 * 1024 * 1024) + b"]"))
    assert len(bomb) < 400_000
    path = tmp_path / "bomb.hdsync"
    path.write_bytes(bomb)
    before = hub_state(hub)
    started = time.monotonic()
    with pytest.raises(BatchRefused) as refused:
        import_at(hub, path)
    assert refused.value.kind == "too_large" and time.monotonic() - started < 5
    response = signed(station, served.url, "POST", "/v1/batches", bomb)
    assert response.status_code == 422 and response.json()["error"] == "too_large"
    assert hub_state(hub) == before and not (tmp_path / "bomb.reply.hdsync").exists()


def test_impossible_numbers_in_a_usb_file_are_refused_before_anything_is_committed(network, tmp_path):
    from sync.errors import BatchRefused
    from tests.sync.hostile import header_for

    hub, (station, _) = network
    case_id = take_in(station)
    with station.desk.db.read() as conn:
        records = [e.to_dict() for e in eventlog.stream_events(conn, "case", case_id)]
    body = zipped(records)
    before = hub_state(hub)
    base = canonical(dict(header_for(station), format=1, count=len(records)))
    variants = {
        "range_1e400": base.replace(b'"range":[0,0]', b'"range":[0,1e400]'),
        "range_10e30": base.replace(b'"range":[0,0]', b'"range":[0,' + str(10**30).encode() + b"]"),
        "cursor_text": base.replace(b'"cursor":0', b'"cursor":"abc"'),
    }
    for name, header in variants.items():
        path = tmp_path / f"{name}.hdsync"
        path.write_bytes(raw_batch(station, header, body))
        with pytest.raises(BatchRefused) as refused:
            import_at(hub, path)
        assert refused.value.kind == "damaged" and "标头" in refused.value.message, name
        assert not (tmp_path / f"{name}.reply.hdsync").exists()
    assert hub_state(hub) == before


def test_nested_brackets_in_a_file_from_nobody_are_refused_without_parsing(network, tmp_path):
    from sync.batch import MAGIC
    from sync.errors import BatchRefused

    hub, (station, _) = network
    path = tmp_path / "nested.hdsync"
    path.write_bytes(MAGIC + (3000).to_bytes(4, "big") + b"[" * 3000)
    with pytest.raises(BatchRefused) as refused:
        import_at(hub, path)
    assert refused.value.kind == "damaged"
    # and inside a genuine seal, signed by someone else: the signature fails before the header is read
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from sync.keys import InstallationKeys

    stranger_keys = InstallationKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    envelope = canonical({"batch": uuid7(), "from": station.id, "kind": "up", "sealed": 1, "to": hub.id})
    first = raw_batch(station, b"[" * 3000, b"", envelope=envelope, signer=stranger_keys)
    sealed = first[12 + len(envelope) :]
    envelope = canonical({"batch": uuid7(), "from": station.id, "kind": "up", "sealed": len(sealed), "to": hub.id})
    path.write_bytes(first[:8] + len(envelope).to_bytes(4, "big") + envelope + sealed)
    with pytest.raises(BatchRefused) as refused:
        import_at(hub, path)
    assert refused.value.kind == "bad_signature"
