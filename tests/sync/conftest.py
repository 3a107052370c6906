"""Fixtures for sync tests: a hub with enrolled installations below it, and the hub served on
127.0.0.1. A township on SQLite with its stations; in a test or module marked ``both_hubs``, also
a county on PostgreSQL with township hubs below it (``hub_backend`` says which)."""

from __future__ import annotations

import logging

import pytest

from sync.serve import BackgroundHub
from tests.sync.helpers import township_with_stations

HUB_BACKENDS = ("sqlite", "postgres")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "both_hubs: run the test (or every test of a module) with ``network``/``served`` on both hubs",
    )


def pytest_generate_tests(metafunc):
    """``network`` and ``served`` are a township on SQLite, unless the test or its module is marked
    ``both_hubs``: then the test runs twice (``hub_backend``), the second time on a county in
    PostgreSQL whose children are township hubs."""
    if "hub_backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_hubs"):
        metafunc.parametrize("hub_backend", HUB_BACKENDS, indirect=True)


@pytest.fixture
def hub_backend(request) -> str:
    """Which storage the hub of ``network`` has: ``sqlite`` unless parametrised (``both_hubs``)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def network(hub_backend, tmp_path, clock, request):
    """A hub and two enrolled installations below it (nodes with open desks): a township and two
    stations, or on PostgreSQL a county and two township hubs (the level that syncs into it)."""
    if hub_backend == "sqlite":
        hub, children = township_with_stations(tmp_path, clock, stations=2)
    else:
        from tests.sync.pg_county import pg_network

        hub, children = pg_network(request.getfixturevalue("pg_url"), tmp_path, clock)
    yield hub, children
    for node in (hub, *children):
        node.close()


@pytest.fixture
def served(network, clock):
    """The hub of ``network`` served over HTTP on a free port of 127.0.0.1."""
    from tests.sync.pg_county import served_hub

    with served_hub(network[0], clock) as running:
        yield running


@pytest.fixture
def hub_log(caplog):
    """Everything the hub (and uvicorn) log during the test, INFO and up."""
    with caplog.at_level(logging.INFO):
        yield caplog


@pytest.fixture
def township_network(tmp_path, clock):
    """``network`` where a module runs its other tests on both hubs: for what only a township
    (SQLite) hub does yet (its own work sent down, its clock, the numbering and recovery services)."""
    hub, stations = township_with_stations(tmp_path, clock, stations=2)
    yield hub, stations
    for node in (hub, *stations):
        node.close()


@pytest.fixture
def township_served(township_network, clock):
    hub, _ = township_network
    with BackgroundHub(hub.folder, wall=clock) as running:
        yield running


@pytest.fixture
def city_url(pg_server):
    """A second database on the run's PostgreSQL server, for the hub above the county (a city)."""
    from tests.pg_cluster import own_database

    with own_database(pg_server) as url:
        yield url
