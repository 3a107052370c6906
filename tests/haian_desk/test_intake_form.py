"""From the typed intake form to a registered matter, with errors naming the field to fix."""

from datetime import UTC, datetime, timedelta

import pytest

from haian_desk.cases.intake_form import blank_form, build_intake
from haian_desk.cases.operations import take_in
from haian_desk.core.errors import ValidationError
from haian_desk.core.timeutil import to_iso
from haian_desk.desk import initialise
from haian_desk.people import cadres, villagers
from tests.conftest import ADMIN, staffed

NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)


@pytest.fixture
def station(tmp_path):
    desk = staffed(initialise(tmp_path / "s", "320685102210", "双楼村代理站", admin=ADMIN, wall=lambda: NOW))
    cadre = cadres.add(desk, "admin", cadres.CadreInput("仲维国", "13906271000", "320685102210"))
    person = villagers.register(desk, "admin", villagers.VillagerInput("王秀英"))
    yield desk, cadre, person
    desk.close()


def form(cadre, person, **values):
    return dict(blank_form(cadre, "2026-11-25"), villager_id=person, **values)


def refused_field(desk, values) -> str:
    with pytest.raises(ValidationError) as caught:
        take_in(desk, "clerk", build_intake(values))
    assert desk.db.scalar("SELECT count(*) FROM cases") == 0
    return caught.value.field


def test_nothing_picked_points_at_the_villager_then_kind_then_cadre(station):
    desk, cadre, person = station
    assert refused_field(desk, blank_form(cadre)) == "villager_id"
    assert refused_field(desk, form(cadre, person)) == "kind"
    assert refused_field(desk, form("", person, kind="opinion", description="路灯坏了")) == "first_cadre_id"


def test_every_missing_field_is_named_at_once_in_form_order(station):
    from haian_desk.cases.intake_form import FormIncomplete

    desk, _cadre, person = station
    with pytest.raises(FormIncomplete) as caught:
        take_in(desk, "clerk", build_intake(form("", person, kind="claim")))
    assert [p.field for p in caught.value.problems] == ["scope", "description", "first_cadre_id"]
    assert caught.value.field == "scope"
    assert "3处" in caught.value.message and "首问责任人" in caught.value.message
    assert desk.db.scalar("SELECT count(*) FROM cases") == 0


def test_an_errand_without_a_matter_is_refused_on_the_matter_field(station):
    desk, cadre, person = station
    assert refused_field(desk, form(cadre, person, kind="errand", description="办事")) == "catalogue_code"


def test_a_claim_without_a_mandate_is_refused_on_its_scope(station):
    desk, cadre, person = station
    values = form(cadre, person, kind="claim", description="讨薪")
    assert refused_field(desk, values) == "scope"


def test_an_urgent_matter_without_a_deadline_is_refused_on_the_deadline(station):
    desk, cadre, person = station
    values = form(cadre, person, kind="opinion", description="路灯", urgency="urgent")
    assert refused_field(desk, values) == "urgent_deadline"


def test_fields_of_other_kinds_are_left_out(station):
    desk, cadre, person = station
    values = form(
        cadre,
        person,
        kind="opinion",
        description="建议修路",
        catalogue_code="MZ-001",
        materials_received=["户口簿"],
        auth_scope="讨薪",
        urgent_deadline=to_iso(NOW),
    )
    intake = build_intake(values)
    assert (intake.catalogue_code, intake.materials_received, intake.authorisation) == (None, [], None)
    assert intake.urgent_deadline is None
    registered = take_in(desk, "clerk", intake)
    assert registered.status == "in_progress"


def test_a_claim_with_a_mandate_and_an_urgent_deadline_is_registered(station):
    desk, cadre, person = station
    deadline = to_iso(NOW + timedelta(hours=4))
    values = form(
        cadre,
        person,
        kind="claim",
        description="讨薪",
        auth_scope="代为讨要工资",
        auth_signed=True,
        urgency="urgent",
        urgent_deadline=deadline,
        petition=True,
    )
    registered = take_in(desk, "clerk", build_intake(values))
    row = desk.db.one("SELECT * FROM cases WHERE id = ?", (registered.case_id,))
    assert row["deadline"] == deadline and row["petition"] == 1
    assert '"signed_on_paper": true' in row["authorisation"]
