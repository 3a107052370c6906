"""A claim (诉求代理) waits in 待签委托 until the villager's signature is recorded."""

from __future__ import annotations

import pytest

from haian_desk.cases import operations, queries
from haian_desk.cases.presentation import offered_actions
from haian_desk.core.errors import RuleRefused
from tests.haian_desk.conftest import event_count

UNSIGNED = {"scope": "代为讨要拖欠的工资", "signed_on_paper": False, "date": "2026-03-04"}
SIGNED = dict(UNSIGNED, signed_on_paper=True)


def act(desk, case, type_, **payload):
    return operations.act(desk, "clerk", case.case_id, type_, **payload)


def test_a_claim_without_a_signature_waits_for_it(desk, new_case):
    case = new_case(kind="claim", authorisation=UNSIGNED)  # accept=True asked, but not allowed yet
    assert case.status == "awaiting_signature"
    row = queries.get_case(desk, case.case_id)
    assert row.accepted_at is None and row.deadline is None


@pytest.mark.parametrize(
    "event_type,payload",
    [
        ("accepted", {}),
        ("transferred", {"to_level": "township", "to_unit": "曲塘镇代理中心"}),
        ("completed", {"result": "granted"}),
        ("paused", {"reason": "鉴定"}),
    ],
)
def test_nothing_moves_the_claim_before_the_signature(desk, new_case, event_type, payload):
    case = new_case(kind="claim", authorisation=UNSIGNED)
    before = event_count(desk)
    with pytest.raises(RuleRefused) as caught:
        act(desk, case, event_type, **payload)
    assert "签" in caught.value.message and "委托书已签" in caught.value.hint
    assert event_count(desk) == before
    assert queries.get_case(desk, case.case_id).status == "awaiting_signature"


def test_recording_the_signature_lets_it_be_accepted(desk, new_case):
    case = new_case(kind="claim", authorisation=UNSIGNED)
    state = act(desk, case, "signed", date="2026-03-05")
    assert state["status"] == "registered"
    assert state["authorisation"] == dict(SIGNED, date="2026-03-05")
    assert act(desk, case, "accepted")["status"] == "in_progress"


def test_the_signature_date_defaults_to_the_local_day(desk, new_case, clock):
    clock.advance(hours=15)  # 17:00 UTC = 01:00 the next day in Beijing
    case = new_case(kind="claim", authorisation=UNSIGNED)
    assert act(desk, case, "signed")["authorisation"]["date"] == "2026-03-05"


def test_a_claim_with_no_mandate_at_all_needs_its_scope_first(desk, new_case):
    case = new_case(kind="claim")
    assert case.status == "awaiting_signature"
    assert "signed" not in offered_actions(queries.get_case(desk, case.case_id))
    with pytest.raises(RuleRefused):
        act(desk, case, "signed")
    assert act(desk, case, "authorised", **UNSIGNED)["status"] == "awaiting_signature"
    assert "signed" in offered_actions(queries.get_case(desk, case.case_id))
    assert act(desk, case, "authorised", **SIGNED)["status"] == "registered"


def test_a_signed_mandate_cannot_be_unsigned(desk, new_case):
    case = new_case(kind="claim", authorisation=SIGNED)
    assert case.status == "in_progress"
    with pytest.raises(RuleRefused):
        act(desk, case, "authorised", **UNSIGNED)


def test_an_urgent_claim_still_waits_for_its_signature(desk, new_case, clock):
    case = new_case(kind="claim", authorisation=UNSIGNED, urgency="urgent", urgent_deadline="2026-03-04T10:00:00Z")
    assert case.status == "awaiting_signature"


def test_a_waiting_claim_can_be_withdrawn_or_declined(desk, new_case):
    first = new_case(kind="claim", authorisation=UNSIGNED)
    assert act(desk, first, "withdrawn", reason="群众不愿签字")["status"] == "withdrawn"
    second = new_case(kind="claim", authorisation=UNSIGNED)
    assert act(desk, second, "declined", reason="不属代理范围", remedy="请向司法所咨询")["status"] == "declined"


def test_other_kinds_never_wait_for_a_signature(desk, new_case):
    assert new_case(kind="opinion").status == "in_progress"


def test_an_older_database_puts_its_waiting_claims_in_their_new_state(desk, new_case, tmp_path, clock):
    """Version 10 moves a claim registered without a signed mandate to where a rebuild puts it."""
    from haian_desk.core import paths
    from haian_desk.desk import Desk
    from haian_desk.storage.check import run_check
    from tests.haian_desk import dbfiles

    waiting = new_case(kind="claim", authorisation=UNSIGNED)
    signed = new_case(kind="claim", authorisation=SIGNED, accept=False)
    desk.close()
    dbfiles.execute(
        paths.database_path(tmp_path / "station"),
        f"UPDATE cases SET status = 'registered' WHERE id = '{waiting.case_id}'",
        "DROP TABLE events_set_aside",  # version 11's, not there yet
        "ALTER TABLE cases DROP COLUMN route_up",  # version 12's
        "PRAGMA user_version = 9",
    )  # as an older release left it
    reopened = Desk.open(tmp_path / "station", wall=clock)
    assert queries.get_case(reopened, waiting.case_id).status == "awaiting_signature"
    assert queries.get_case(reopened, signed.case_id).status == "registered"
    assert run_check(reopened).ok
    reopened.close()


def test_the_queue_says_what_the_claim_waits_for(desk, new_case):
    from haian_desk.cases.presentation import status_text

    case = new_case(kind="claim", authorisation=UNSIGNED)
    row = queries.get_case(desk, case.case_id)
    assert status_text(row.status, row.deadline, desk.now()) == "待签委托 · 群众签字后方可受理"
