"""What arrived past a mark in the event log: kinds and cases, nothing from before the mark."""

from __future__ import annotations

from haian_desk.cases import operations
from haian_desk.cases.operations import Intake
from haian_desk.events import recent


def test_an_empty_log_has_mark_zero_and_nothing_new(desk):
    mark = recent.last_seq(desk.db)
    assert recent.since(desk.db, mark).empty


def test_only_what_came_after_the_mark_is_named(desk, cadre_id, villager_id):
    first = operations.take_in(
        desk, "admin", Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="路灯不亮")
    ).case_id
    mark = recent.last_seq(desk.db)
    assert mark > 0
    second = operations.take_in(
        desk, "admin", Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="桥面破损")
    ).case_id
    news = recent.since(desk.db, mark)
    assert news.case_ids == {second} and first not in news.case_ids
    assert "case" in news.streams and "villager" not in news.streams
    assert news.upto == recent.last_seq(desk.db)
    assert recent.since(desk.db, news.upto).empty
