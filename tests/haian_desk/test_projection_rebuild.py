"""Rebuilding projections from the log gives exactly the rows kept incrementally.

Hypothesis drives random valid event streams through the real operations (the
incremental path) and compares every projection with a rebuild from scratch.
It also checks the sync property: the same events applied in any order, any
number of times, fold to the same rows.
"""

from __future__ import annotations

import contextlib
import random
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.cases import operations
from haian_desk.cases.fold import allowed_events
from haian_desk.cases.queries import get_case, timeline
from haian_desk.core.errors import HaianError
from haian_desk.desk import initialise
from haian_desk.storage import eventlog
from haian_desk.storage.check import run_check
from tests.conftest import ADMIN, STATION_CODE, Clock, staffed

PAYLOADS = {
    "accepted": {},
    "declined": {"reason": "不属于代理范围", "remedy": "请向司法所咨询"},
    "materials_missing": {"missing": ["户口簿"]},
    "resubmitted": {"materials_received": ["户口簿"]},
    "authorised": {"scope": "讨薪", "signed_on_paper": True, "date": "2026-03-04"},
    "signed": {"date": "2026-03-05"},
    "note": {"text": "已电话联系"},
    "transferred": {"to_level": "township", "to_unit": "曲塘镇代理中心"},
    "returned": {"outcome": "镇里已审核"},
    "joint_handling": {"units": ["海安市民政局"]},
    "paused": {"reason": "鉴定期间"},
    "resumed": {},
    "completed": {"result": "granted"},
    "replied": {"method": "phone"},
    "rated": {"level": 2, "reason": "太慢"},
    "return_visit": {"note": "已回访"},
    "rectified": {"note": "已整改"},
    "withdrawn": {"reason": "不办了"},
    "reopened": {"reason": "结果有误"},
}


def _station(tmp_path_factory, clock):
    from haian_desk.people import cadres, villagers

    d = staffed(initialise(tmp_path_factory.mktemp("st") / "s", STATION_CODE, "站", admin=ADMIN, wall=clock))
    cadre = cadres.add(d, "admin", cadres.CadreInput(name="甲", phone="13900000000", unit_code=STATION_CODE))
    person = villagers.register(d, "admin", villagers.VillagerInput(name="张三"))
    return d, cadre, person


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_incremental_equals_rebuilt(tmp_path_factory, data):
    clock = Clock(datetime(2026, 3, 4, 2, tzinfo=UTC))
    desk, cadre, person = _station(tmp_path_factory, clock)
    cases = []
    for _ in range(data.draw(st.integers(1, 4), label="cases")):
        kind = data.draw(st.sampled_from(["opinion", "claim", "errand"]))
        mandate = data.draw(st.sampled_from(MANDATES), label="mandate") if kind == "claim" else None
        cases.append(
            operations.take_in(
                desk,
                "clerk",
                operations.Intake(
                    kind=kind,
                    villager_id=person,
                    description="x",
                    first_cadre_id=cadre,
                    authorisation=mandate,
                    catalogue_code="MZ-001" if kind == "errand" else None,
                    accept=data.draw(st.booleans(), label="accept"),
                ),
            ).case_id
        )
    for _ in range(data.draw(st.integers(0, 30), label="steps")):
        case_id = data.draw(st.sampled_from(cases))
        choices = [t for t in allowed_events(get_case(desk, case_id).state()) if t in PAYLOADS]
        if not choices:
            continue
        clock.advance(minutes=data.draw(st.integers(1, 3000)))
        event_type = data.draw(st.sampled_from(choices))
        payload = dict(PAYLOADS[event_type])
        if event_type == "authorised":  # a mandate recorded signed or not (unsigning is refused)
            payload["signed_on_paper"] = data.draw(st.booleans(), label="signed")
        with contextlib.suppress(HaianError):  # refused by a rule the payload did not meet: nothing written
            operations.act(desk, "clerk", case_id, event_type, **payload)
    report = run_check(desk)
    assert report.ok, report.differences
    _claims_act_only_when_signed(desk)
    desk.close()


# A claim may come in with no mandate, an unsigned one (待签委托) or a signed one.
MANDATES = [
    None,
    {"scope": "讨薪", "signed_on_paper": False, "date": "2026-03-04"},
    {"scope": "讨薪", "signed_on_paper": True, "date": "2026-03-04"},
]
WAITING_OR_CLOSED = ("awaiting_signature", "declined", "withdrawn")


def _claims_act_only_when_signed(desk) -> None:
    """Whatever happened, no claim got past 待签委托 without a signed mandate."""
    for row in desk.db.query("SELECT id FROM cases WHERE kind = 'claim'"):
        case = get_case(desk, row["id"])
        if case.status not in WAITING_OR_CLOSED:
            assert case.authorisation and case.authorisation["signed_on_paper"], case.status


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), repeats=st.integers(1, 3))
def test_any_arrival_order_folds_to_the_same_rows(tmp_path_factory, seed, repeats):
    """What sync relies on: union of event sets, in any order, any number of times."""
    clock = Clock(datetime(2026, 3, 4, 2, tzinfo=UTC))
    source, cadre, person = _station(tmp_path_factory, clock)
    rng = random.Random(seed)
    for _ in range(3):
        case = operations.take_in(
            source,
            "clerk",
            operations.Intake(kind="opinion", villager_id=person, description="x", first_cadre_id=cadre),
        ).case_id
        for _ in range(rng.randint(0, 6)):
            choices = [t for t in allowed_events(get_case(source, case).state()) if t in PAYLOADS]
            clock.advance(hours=rng.randint(1, 30))
            with contextlib.suppress(HaianError):
                operations.act(source, "clerk", case, rng.choice(choices), **PAYLOADS[rng.choice(choices)])
    events = [
        eventlog.Event.from_row(r)
        for r in source.db.query(
            "SELECT id, stream, stream_id, type, hlc, origin, origin_seq, actor, wall_time, payload FROM events"
        )
    ]

    target = initialise(tmp_path_factory.mktemp("hub") / "h", "320685102", "曲塘镇代理中心", "township", wall=clock)
    shuffled = events * repeats
    rng.shuffle(shuffled)
    cut = rng.randint(0, len(shuffled))
    target.ledger.ingest(shuffled[:cut])
    target.ledger.ingest(shuffled[cut:])
    for table, key in (("cases", "id"), ("villagers", "id"), ("cadres", "id")):
        ours = [dict(r) for r in source.db.query(f"SELECT * FROM {table} ORDER BY {key}")]
        theirs = [dict(r) for r in target.db.query(f"SELECT * FROM {table} ORDER BY {key}")]
        assert ours == theirs
    assert run_check(target).ok
    source.close()
    target.close()


def test_check_reports_a_tampered_projection(desk, new_case):
    case = new_case()
    with desk.db.write() as conn:
        conn.execute("UPDATE cases SET status = 'rated' WHERE id = ?", (case.case_id,))
    report = run_check(desk)
    assert not report.ok
    assert any("status" in line and "rated" in line for line in report.differences)


def test_check_reports_a_row_without_events(desk, new_case):
    case = new_case()
    with desk.db.write() as conn:
        conn.execute("UPDATE cases SET id = 'orphan' WHERE id = ?", (case.case_id,))
    report = run_check(desk)
    assert any("orphan" in line for line in report.differences)


def test_hlc_keeps_local_order_when_the_wall_clock_jumps_back(desk, new_case, clock):
    case = new_case()
    clock.advance(days=-3)  # someone set the PC clock back
    operations.act(desk, "clerk", case.case_id, "note", text="时钟被调回")
    assert [e.type for e in timeline(desk, case.case_id)] == ["registered", "accepted", "note"]
