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
