from __future__ import annotations

import pytest

from haian_desk.cases.operations import Intake, take_in


@pytest.fixture
def new_case(desk, villager_id, cadre_id):
    """Register a case; keyword arguments override the Intake fields."""

    def make(**fields):
        intake = Intake(
            kind=fields.pop("kind", "opinion"),
            villager_id=villager_id,
            description=fields.pop("description", "反映3组道路破损"),
            first_cadre_id=cadre_id,
            **fields,
        )
        return take_in(desk, "clerk", intake)

    return make


def event_count(desk) -> int:
    return desk.db.scalar("SELECT count(*) FROM events")
