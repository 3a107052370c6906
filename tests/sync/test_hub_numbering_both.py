"""The numbering service (``/v1/numbering``) on either hub: a SQLite township answering its
station, a PostgreSQL county answering a township hub. The same request gets the same answer
from both, and the same refusals: an unknown caller, a revoked one, a replayed request, and a
request that names another unit (answered for the caller only)."""

from __future__ import annotations

import httpx
import pytest

from haian_desk.replication import numbering
from sync import auth
from sync.numbering import ROUTE
from tests.sync.helpers import sync, take_in
from tests.sync.hostile import hub_state, signed, signed_json
from tests.sync.pg_county import revoke_at

pytestmark = pytest.mark.both_hubs


def _top(node) -> int:
    return node.desk.db.scalar("SELECT max(origin_seq) FROM events WHERE origin = ?", (node.id,))


def _case_numbers(node) -> dict[str, int]:
    return numbering.day_maxima(r[0] for r in node.desk.db.query("SELECT case_no FROM cases"))


def test_the_hub_says_where_a_child_s_numbering_stands(network, served):
    hub, (child, other) = network
    for _ in range(3):
        take_in(child)
    take_in(other)
    sync(child, served.url)
    sync(other, served.url)
    take_in(child, description="还没上报的")  # not at the hub: not in its answer

    reply = signed_json(child, served.url, ROUTE, {})
    assert reply.status_code == 200
    answer = reply.json()
    assert answer["unit_code"] == child.unit_code
    assert answer["origin_seq"] < _top(child)
    held = _case_numbers(child)
    assert answer["case_numbers"] and all(answer["case_numbers"][p] <= held[p] for p in answer["case_numbers"])
    assert sum(answer["case_numbers"].values()) == 3


def test_a_request_naming_another_unit_is_answered_for_the_caller_only(network, served):
    hub, (child, other) = network
    take_in(other)
    take_in(other)
    sync(other, served.url)
    sync(child, served.url)
    reply = signed_json(child, served.url, ROUTE, {"unit_code": other.unit_code, "origin": other.id})
    assert reply.status_code == 200
    assert reply.json() == {"origin_seq": _top(child), "case_numbers": {}, "unit_code": child.unit_code}


def test_a_revoked_child_is_refused_and_nothing_changes(network, served):
    hub, (child, _) = network
    take_in(child)
    sync(child, served.url)
    revoke_at(hub, child.id)
    before = hub_state(hub)
    reply = signed_json(child, served.url, ROUTE, {})
    assert (reply.status_code, reply.json()["error"]) == (403, "revoked")
    assert hub_state(hub) == before


def test_an_unknown_caller_is_refused(network, served):
    hub, (child, _) = network
    reply = signed(child, served.url, "POST", ROUTE, b"{}", headers={auth.FROM: "0" * 32})
    assert (reply.status_code, reply.json()["error"]) == (401, "unauthorized")


def test_a_replayed_request_is_refused(network, served):
    hub, (child, _) = network
    first = signed(child, served.url, "POST", ROUTE, b"{}")
    assert first.status_code == 200
    again = httpx.post(served.url + ROUTE, content=b"{}", headers=dict(first.request.headers), timeout=30)
    assert (again.status_code, again.json()["error"]) == (401, "replayed")
