"""A batch holding an old-style seeded catalogue (a level set up on software before the shipped
catalogue had one identity) on either hub: a station into a SQLite township, a township hub into a
PostgreSQL county. Both keep the records and set them aside (``events_set_aside``) by the one rule
(``shipped_catalogue.settle``): each item is folded once, from the shipped record, a second sync
and a replayed batch change nothing, and the hub's check passes and still finds a changed row."""

from __future__ import annotations

import pytest

from tests.sync.helpers import sync
from tests.sync.pg_county import PgHubNode, hub_check_ok
from tests.sync.test_sync_catalogue_identity import ITEMS, catalogue_rows, creations, seeded_the_old_way

pytestmark = pytest.mark.both_hubs


def _set_aside(hub) -> int:
    return hub.desk.db.scalar("SELECT count(*) FROM events_set_aside")


def _old_level(network):
    hub, (child, _) = network
    seeded_the_old_way(child)
    child.reopen()  # the upgrade on opening unifies the child's own copy; its old records still go up
    return hub, child


def test_old_seeds_from_a_level_below_are_kept_and_set_aside(network, served):
    hub, child = _old_level(network)
    before = creations(hub, folded_only=False)
    sync(child, served.url)
    assert creations(hub, folded_only=False) == before + ITEMS  # kept in the log
    assert _set_aside(hub) == ITEMS  # … and out of every fold
    assert creations(hub) == ITEMS
    assert len(catalogue_rows(hub)) == ITEMS
    assert hub_check_ok(hub)

    sync(child, served.url)  # nothing more to set aside, nothing doubled
    assert (_set_aside(hub), creations(hub), len(catalogue_rows(hub))) == (ITEMS, ITEMS, ITEMS)
    assert hub_check_ok(hub)


def test_the_check_still_sees_a_catalogue_row_changed_behind_its_back(network, served):
    hub, child = _old_level(network)
    sync(child, served.url)
    code = catalogue_rows(hub)[0][0]
    if isinstance(hub, PgHubNode):
        hub.db.run(lambda conn: conn.execute("UPDATE catalogue_items SET name = 'X' WHERE code = %s", (code,)))
    else:
        with hub.desk.db.write() as conn:
            conn.execute("UPDATE catalogue_items SET name = 'X' WHERE code = ?", (code,))
    assert not hub_check_ok(hub)
