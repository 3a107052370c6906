"""Fixtures for sync tests: a township hub with enrolled stations, and the hub served on 127.0.0.1."""

from __future__ import annotations

import logging

import pytest

from sync.serve import BackgroundHub
from tests.sync.helpers import township_with_stations


@pytest.fixture
def network(tmp_path, clock):
    """A township hub and two enrolled stations (nodes with open desks)."""
    hub, stations = township_with_stations(tmp_path, clock, stations=2)
    yield hub, stations
    for node in (hub, *stations):
        node.close()


@pytest.fixture
def served(network, clock):
    """The township hub's HTTP server, running on a free port."""
    hub, _ = network
    with BackgroundHub(hub.folder, wall=clock) as running:
        yield running


@pytest.fixture
def hub_log(caplog):
    """Everything the hub (and uvicorn) log during the test, INFO and up."""
    with caplog.at_level(logging.INFO):
        yield caplog


@pytest.fixture(params=["sqlite", "postgres"])
def hub_backend(request) -> str:
    """Which storage the hub of ``any_network`` has: a township on SQLite, or a county on PostgreSQL."""
    return request.param


@pytest.fixture
def any_network(hub_backend, tmp_path, clock, request):
    """``network`` on either hub: with PostgreSQL the hub is a county and its two children are
    township hubs (the level that syncs into a PostgreSQL hub)."""
    if hub_backend == "sqlite":
        hub, children = township_with_stations(tmp_path, clock, stations=2)
    else:
        from tests.sync.pg_county import pg_network

        hub, children = pg_network(request.getfixturevalue("pg_url"), tmp_path, clock)
    yield hub, children
    for node in (hub, *children):
        node.close()


@pytest.fixture
def any_served(any_network, clock):
    from tests.sync.pg_county import served_hub

    with served_hub(any_network[0], clock) as running:
        yield running


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
