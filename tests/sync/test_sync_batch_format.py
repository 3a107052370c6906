"""The batch container: what goes in comes out, nothing personal shows, and every kind of damage is refused
with its own message before anything is applied (guarantee 13). The refusals are tested at both
hubs (``both_hubs``: a township on SQLite, a county on PostgreSQL importing a township's file)."""

from __future__ import annotations

import json

import pytest

from haian_desk.replication import sync_state
from sync import batch as batchmod, keys as keymod
from sync.batch import Batch, seal
from sync.errors import BatchRefused
from sync.files import export_file
from sync.inbox import open_batch
from tests.sync.helpers import event_ids, make_node, snapshot, take_in
from tests.sync.pg_county import import_at, revoke_at

NAME, ID_NUMBER, PHONE = "欧阳秀英", "11010519491231002X", "13812345678"


@pytest.fixture
def exported(network, tmp_path):
    """A station's export file holding a villager's name, ID number and phone."""
    hub, (station, other) = network
    take_in(station, description="反映3组道路破损", name=NAME, id_number=ID_NUMBER, phone=PHONE)
    path = tmp_path / "up.hdsync"
    export_file(station.desk, station.keys, path)
    return hub, station, other, path


def test_the_file_reads_back_exactly_at_the_hub(exported):
    hub, station, _, path = exported
    peer, opened = open_batch(hub.desk, hub.keys, path.read_bytes())
    assert peer.id == station.id and opened.kind == "up"
    # everything the station wrote; the catalogue shipped with the software never travels
    assert sorted(e["id"] for e in opened.events) == event_ids(station, origin=station.id)
    assert opened.header["from_unit"] == station.unit_code and opened.header["count"] == len(opened.events)


def test_grepping_the_file_finds_nothing_personal(exported):
    _, station, _, path = exported
    data = path.read_bytes()
    for secret in (NAME, ID_NUMBER, PHONE, "反映3组道路破损"):
        for encoding in ("utf-8", "gb18030", "utf-16-le"):
            assert secret.encode(encoding) not in data
    assert station.desk.db.scalar("SELECT count(*) FROM villagers WHERE name = ?", (NAME,)) == 1


def test_only_the_receiver_can_open_it(exported):
    _, _, other, path = exported
    with pytest.raises(BatchRefused) as refused:
        open_batch(other.desk, other.keys, path.read_bytes())
    assert refused.value.kind == "wrong_receiver"


def _refusal(hub, data: bytes) -> BatchRefused:
    before = snapshot(hub)
    with pytest.raises(BatchRefused) as refused:
        import_file_bytes(hub, data)
    assert snapshot(hub) == before
    assert hub.desk.db.scalar("SELECT count(*) FROM sync_batches") == 0
    return refused.value


def import_file_bytes(node, data: bytes):
    path = node.folder.parent / "tampered.hdsync"
    path.write_bytes(data)
    return import_at(node, path)


@pytest.mark.both_hubs
def test_each_kind_of_damage_is_refused_with_its_own_message(exported, tmp_path, clock):
    hub, station, other, path = exported
    good = path.read_bytes()
    envelope, sealed = batchmod.read_envelope(good)
    start = len(good) - len(sealed)

    flipped = bytearray(good)
    flipped[start + len(sealed) // 2] ^= 0x01
    truncated = good[:-100]
    swapped = good.replace(station.id.encode(), other.id.encode(), 1)

    stranger = make_node(tmp_path / "stranger", "320685102219", "未登记的村代理站", "station", clock)  # any level
    hub_peer = sync_state.parent(station.desk.db)
    forged_header = {
        "batch": "01a2135c-0000-7000-8000-000000000000",
        "from": stranger.id,
        "to": hub.id,
        "kind": "up",
        "range": [0, 1],
        "cursor": 0,
        "from_unit": stranger.unit_code,
        "made_at": "2026-03-04T02:00:00Z",
    }
    unenrolled = seal(Batch(forged_header, []), stranger.keys, hub_peer.box_key)
    impostor_header = dict(forged_header, **{"from": station.id, "from_unit": station.unit_code})
    wrong_key = seal(Batch(impostor_header, []), stranger.keys, hub_peer.box_key)

    refusals = {
        name: _refusal(hub, data)
        for name, data in [
            ("flip", bytes(flipped)),
            ("truncate", truncated),
            ("swap", swapped),
            ("unenrolled", unenrolled),
            ("wrong_key", wrong_key),
            ("not_a_batch", b"PK\x03\x04 a zip file"),
        ]
    }
    kinds = {name: r.kind for name, r in refusals.items()}
    assert kinds == {
        "flip": "damaged",
        "truncate": "truncated",
        "swap": "identity_mismatch",
        "unenrolled": "unknown_sender",
        "wrong_key": "bad_signature",
        "not_a_batch": "not_a_batch",
    }
    messages = [r.message for r in refusals.values()]
    assert len(set(messages)) == len(messages)
    assert "不完整" in refusals["truncate"].message and "损坏" in refusals["flip"].message
    assert "未登记" in refusals["wrong_key"].message and "没有在本机登记" in refusals["unenrolled"].message
    stranger.close()
    import_at(hub, path)  # the untouched file still goes in
    assert set(event_ids(station)) <= set(event_ids(hub))


@pytest.mark.both_hubs
def test_a_revoked_station_is_refused(exported):
    hub, station, _, path = exported
    revoke_at(hub, station.id)
    refusal = _refusal(hub, path.read_bytes())
    assert refusal.kind == "revoked" and "注销" in refusal.message


@pytest.mark.both_hubs
def test_a_newer_format_asks_for_an_upgrade(exported):
    hub, _, _, path = exported
    data = path.read_bytes()
    refusal = _refusal(hub, data[:6] + b"2\n" + data[8:])
    assert refusal.kind == "newer_format" and "升级" in refusal.hint


def test_keys_are_private_to_the_owner(network):
    _, (station, _) = network
    folder = keymod.key_folder(station.folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in folder.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600
    assert keymod.load(station.folder).sign_public == station.keys.sign_public


def test_the_signed_header_is_canonical_json(exported):
    hub, _, _, path = exported
    envelope = json.loads(path.read_bytes()[12 : 12 + int.from_bytes(path.read_bytes()[8:12], "big")])
    assert set(envelope) == {"batch", "from", "to", "kind", "sealed"}
