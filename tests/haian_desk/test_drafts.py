"""Intake drafts: kept as typed, one per user and form, offered back, thrown away once saved."""

from datetime import datetime

import pytest

from haian_desk.cases import drafts
from haian_desk.cases.intake_form import blank_form
from haian_desk.desk import Desk


def test_a_saved_draft_comes_back_after_the_program_is_reopened(desk, tmp_path, clock):
    body = dict(blank_form("c1"), description="反映三组路灯不亮", villager_query="王秀")
    drafts.save(desk, "clerk", drafts.INTAKE, body)
    desk.close()  # the power goes off

    reopened = Desk.open(tmp_path / "station", wall=clock)
    try:
        draft = drafts.load(reopened, "clerk", drafts.INTAKE)
        assert draft.body == body
        assert draft.updated_at == "2026-03-04T02:00:00Z"
    finally:
        reopened.close()


def test_saving_again_replaces_the_draft_instead_of_piling_them_up(desk, clock):
    first = drafts.save(desk, "clerk", drafts.INTAKE, {"description": "反映"})
    clock.advance(seconds=5)
    second = drafts.save(desk, "clerk", drafts.INTAKE, {"description": "反映三组路灯"})
    assert first == second
    assert desk.db.scalar("SELECT count(*) FROM drafts") == 1
    draft = drafts.load(desk, "clerk", drafts.INTAKE)
    assert draft.body == {"description": "反映三组路灯"}
    assert draft.updated_at == "2026-03-04T02:00:05Z"


def test_each_user_sees_only_their_own_draft(desk):
    drafts.save(desk, "clerk", drafts.INTAKE, {"description": "季红梅的"})
    drafts.save(desk, "admin", drafts.INTAKE, {"description": "管理员的"})
    assert drafts.load(desk, "clerk", drafts.INTAKE).body["description"] == "季红梅的"
    assert drafts.load(desk, "admin", drafts.INTAKE).body["description"] == "管理员的"
    assert drafts.load(desk, "nobody", drafts.INTAKE) is None
    assert drafts.load(desk, "clerk", "villager") is None


def test_discard_forgets_only_that_users_draft(desk):
    drafts.save(desk, "clerk", drafts.INTAKE, {"description": "a"})
    drafts.save(desk, "admin", drafts.INTAKE, {"description": "b"})
    assert drafts.discard(desk, "clerk", drafts.INTAKE) == 1
    assert drafts.load(desk, "clerk", drafts.INTAKE) is None
    assert drafts.load(desk, "admin", drafts.INTAKE) is not None
    assert drafts.discard(desk, "clerk", drafts.INTAKE) == 0


def test_what_json_cannot_hold_is_refused_and_the_old_draft_is_kept(desk):
    drafts.save(desk, "clerk", drafts.INTAKE, {"description": "保留"})
    with pytest.raises(TypeError):
        drafts.save(desk, "clerk", drafts.INTAKE, {"when": datetime.now()})
    assert drafts.load(desk, "clerk", drafts.INTAKE).body == {"description": "保留"}


def test_an_untouched_form_is_blank_and_a_typed_one_is_not():
    pristine = blank_form("c1", "2026-11-25")
    assert drafts.is_blank(blank_form("c1", "2026-11-25"), pristine)
    assert drafts.is_blank(dict(pristine, description="   "), pristine)
    assert not drafts.is_blank(dict(pristine, description="反映"), pristine)
    assert not drafts.is_blank(dict(pristine, kind="errand"), pristine)
    assert not drafts.is_blank(dict(pristine, petition=True), pristine)
    typed_name = dict(pristine, new_villager=dict(pristine["new_villager"], name="王"))
    assert not drafts.is_blank(typed_name, pristine)


def test_autosave_keeps_a_typed_form_and_forgets_an_emptied_one(desk):
    pristine = blank_form("c1", "2026-11-25")
    assert drafts.keep_or_discard(desk, "clerk", drafts.INTAKE, dict(pristine, description="x"), pristine)
    assert drafts.load(desk, "clerk", drafts.INTAKE) is not None
    assert drafts.keep_or_discard(desk, "clerk", drafts.INTAKE, pristine, pristine) is None
    assert drafts.load(desk, "clerk", drafts.INTAKE) is None
