"""A property-based fuzzer against the real hub (on both: a township on SQLite, a county on
PostgreSQL), with requests signed by an enrolled installation below it.

Bodies and queries come from the hub's own schemas (the OpenAPI document),
valid, nearly valid and arbitrary. Whatever arrives: never a 5xx, never a
traceback in the log, and a refused request changes nothing. Bounded in time
(``BUDGET`` seconds) so it fits CI.
"""

from __future__ import annotations

import json
import logging
import time
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sync.openapi import openapi_document
from sync.server import Settings
from tests.sync.fuzz_strategies import documents, from_schema, json_values
from tests.sync.helpers import sync, take_in
from tests.sync.hostile import hub_state, no_tracebacks, sealed_batch, signed
from tests.sync.pg_county import served_hub

BUDGET = 25.0  # seconds of fuzzing


def _requests():
    spec = openapi_document()
    components = spec["components"]["schemas"]

    def body_of(name: str):
        return documents({"$ref": f"#/components/schemas/{name}"}, components)

    query = st.dictionaries(
        st.sampled_from(["after", "limit", "other"]),
        st.one_of(
            st.integers(-5, 10**20).map(str), st.text(max_size=6), st.sampled_from([str(2**63), "1e400", "5000", "0"])
        ),
        max_size=3,
    )
    records = st.lists(st.one_of(json_values, from_schema({"type": "object"}, components)), max_size=5)
    return st.one_of(
        st.tuples(st.just("POST"), st.just("/v1/hello"), body_of("HelloRequest")),
        st.tuples(st.just("POST"), st.just("/v1/check"), body_of("CheckRequest")),
        st.tuples(st.just("POST"), st.just("/v1/missing"), body_of("MissingRequest")),
        st.tuples(st.just("GET"), st.just("/v1/batches"), query),
        st.tuples(st.just("POST"), st.just("/v1/batches"), records),
    )


@pytest.mark.both_hubs
def test_the_hub_answers_every_fuzzed_request_without_a_server_error(network, clock, caplog):
    hub, (station, _) = network
    take_in(station)
    started = time.monotonic()
    seen = {"requests": 0}
    with (
        caplog.at_level(logging.INFO),
        served_hub(hub, clock, settings=Settings(rate_burst=10**6)) as running,
    ):
        sync(station, running.url)

        @settings(max_examples=400, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(_requests())
        def fuzz(request):
            if time.monotonic() - started > BUDGET:
                return
            method, path, value = request
            before = hub_state(hub)
            response = _send(station, running.url, method, path, value)
            seen["requests"] += 1
            assert response.status_code < 500, (method, path, value, response.text)
            if response.status_code >= 400:
                problem = response.json()
                assert {"error", "message"} <= set(problem)
                assert hub_state(hub) == before, (method, path, value)

        fuzz()
    assert seen["requests"] >= 50
    no_tracebacks(caplog.records)


def _send(station, url: str, method: str, path: str, value):
    if method == "GET":
        return signed(station, url, "GET", f"{path}?{urlencode(value)}" if value else path)
    if path == "/v1/batches":
        return signed(station, url, "POST", path, sealed_batch(station, value))
    return signed(station, url, "POST", path, json.dumps(value).encode())
