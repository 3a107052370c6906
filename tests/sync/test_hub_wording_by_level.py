"""A hub's refusals name the hub by its own level: a township is 镇中心, a county 县级中心 (here a
county on PostgreSQL, whose children are township hubs). Sent as template and parameters too, so a
station in another language words them itself; the client's own fallbacks say the same."""

from __future__ import annotations

import httpx
import pytest

from haian_desk import network
from sync import auth
from sync.client import status_error
from sync.numbering import ROUTE
from tests.sync.hostile import signed
from tests.sync.pg_county import revoke_at

pytestmark = pytest.mark.both_hubs

CENTRE = {"sqlite": "镇中心", "postgres": "县级中心"}


def test_each_level_has_its_own_name():
    assert [network.centre_of(r) for r in ("township", "county", "city", "province")] == [
        "镇中心",
        "县级中心",
        "市级中心",
        "省级中心",
    ]
    assert network.centre_of("station") == "同步中心"


def test_the_shared_refusals_name_the_hub_s_level(network, served, hub_backend):
    hub, (child, _) = network
    centre = CENTRE[hub_backend]
    stranger = signed(child, served.url, "POST", ROUTE, b"{}", headers={auth.FROM: "0" * 32}).json()
    assert stranger["message"] == f"{centre}不接受这个请求（本站未登记、密钥不符或地址不对）"
    assert stranger["template"].startswith("{centre}") and stranger["params"] == {"centre": centre}
    first = signed(child, served.url, "POST", ROUTE, b"{}")
    replay = httpx.post(served.url + ROUTE, content=b"{}", headers=dict(first.request.headers), timeout=30).json()
    assert replay["message"] == f"这个请求已经收到过（重放），{centre}不再处理"
    revoke_at(hub, child.id)
    revoked = signed(child, served.url, "POST", ROUTE, b"{}").json()
    assert (revoked["message"], revoked["hint"]) == (f"本站已被{centre}注销，不能再同步", f"如有疑问请联系{centre}")
    other = {"镇中心", "县级中心"} - {centre}
    assert not any(o in str(x) for o in other for x in (stranger, replay, revoked))


@pytest.mark.parametrize("role,centre", [("township", "镇中心"), ("county", "县级中心"), ("city", "市级中心")])
def test_the_client_s_own_fallback_names_its_hub_s_level(role, centre):
    unsigned = httpx.Response(500, json={"message": "伪造的"})
    error = status_error(unsigned, False, network.centre_of(role))
    assert centre in str(error.hint) and "伪造" not in str(error)
    assert status_error(unsigned).hint.endswith("镇中心")  # unnamed: a township, as before
