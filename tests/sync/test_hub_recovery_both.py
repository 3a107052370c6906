"""The recovery service (``/v1/recover``) on either hub: a SQLite township answering a station,
a PostgreSQL county answering a township hub. What a rebuilt child gets back is its own records
and what concerns it, never another child's, page by page, each record once; and the same
refusals from both hubs (unknown caller, revoked, replayed request, another unit named, a page
past the hub's end)."""

from __future__ import annotations

import httpx
import pytest

from sync import auth
from sync.inbox import open_batch
from sync.recover import ROUTE
from tests.sync.helpers import event_ids, sync, take_in
from tests.sync.hostile import hub_state, signed, signed_json
from tests.sync.pg_county import revoke_at

pytestmark = pytest.mark.both_hubs


def _page(child, url: str, after: int, limit: int, extra: str = ""):
    reply = signed(child, url, "POST", f"{ROUTE}?after={after}&limit={limit}{extra}")
    assert reply.status_code == 200, reply.text
    _, batch = open_batch(child.desk, child.keys, reply.content)
    return batch


def _everything(child, url: str, limit: int) -> tuple[list[dict], int]:
    after, records, held = 0, [], 0
    while True:
        batch = _page(child, url, after, limit)
        records += batch.events
        after, held = batch.range[1], int(batch.header["held_up_to"])
        if not batch.header.get("more"):
            return records, held


def _worked(network, served):
    hub, (child, other) = network
    for n in range(3):
        take_in(child, description=f"第{n}件")
    take_in(other, description="别的单位的")
    sync(child, served.url)
    sync(other, served.url)
    return hub, child, other


def test_a_rebuilt_child_gets_back_its_own_records_once_and_nothing_of_another(network, served):
    hub, child, other = _worked(network, served)
    whole, held = _everything(child, served.url, limit=5)
    ids = [r["id"] for r in whole]
    assert len(ids) == len(set(ids))  # every record once across the pages
    own = {r["id"] for r in whole if r["origin"] == child.id}
    assert own == set(event_ids(hub, child.id)) == set(event_ids(child, child.id))
    assert not {r["id"] for r in whole} & set(event_ids(other, other.id))
    hello = signed_json(child, served.url, "/v1/hello", {}).json()
    assert held == hello["you"]["held_up_to"] > 0  # the hub's hold of the child's log, for its next sync
    one_page, _ = _everything(child, served.url, limit=5000)
    assert sorted(r["id"] for r in one_page) == sorted(ids)


def test_naming_another_unit_changes_nothing_in_the_answer(network, served):
    hub, child, other = _worked(network, served)
    reply = signed(child, served.url, "POST", f"{ROUTE}?after=0&limit=50&unit={other.unit_code}")
    assert (reply.status_code, reply.json()["error"]) == (400, "bad_request")


def test_a_page_past_the_hub_s_end_sends_nothing(network, served, hub_backend):
    """The two hubs differ here as they do for down batches: SQLite answers an empty page, the
    PostgreSQL hub refuses (its positions say the database was put back: pg_order._beyond_end)."""
    hub, child, _ = _worked(network, served)
    reply = signed(child, served.url, "POST", f"{ROUTE}?after=10000000&limit=50")
    if hub_backend == "sqlite":
        _, batch = open_batch(child.desk, child.keys, reply.content)
        assert reply.status_code == 200 and batch.events == []
    else:
        assert (reply.status_code, reply.json()["error"]) == (422, "refused")


def test_a_revoked_child_gets_nothing_back(network, served):
    hub, child, _ = _worked(network, served)
    revoke_at(hub, child.id)
    before = hub_state(hub)
    reply = signed(child, served.url, "POST", f"{ROUTE}?after=0&limit=50")
    assert (reply.status_code, reply.json()["error"]) == (403, "revoked")
    assert hub_state(hub) == before


def test_an_unknown_caller_and_a_replay_are_refused(network, served):
    hub, child, _ = _worked(network, served)
    path = f"{ROUTE}?after=0&limit=50"
    stranger = signed(child, served.url, "POST", path, headers={auth.FROM: "0" * 32})
    assert (stranger.status_code, stranger.json()["error"]) == (401, "unauthorized")
    first = signed(child, served.url, "POST", path)
    assert first.status_code == 200
    again = httpx.post(served.url + path, content=b"", headers=dict(first.request.headers), timeout=30)
    assert (again.status_code, again.json()["error"]) == (401, "replayed")
