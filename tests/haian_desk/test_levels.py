"""Which level holds a matter now: the ladder's rule, without a database."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from haian_desk.cases import levels
from haian_desk.core.errors import HaianError, RuleRefused, ValidationError


def at_station() -> dict:
    return {
        "case_no": "102210-260304-001",
        "status": "in_progress",
        "holder_level": None,
        "holder": None,
        "route_up": [],
    }


def moved(state: dict, move) -> dict:
    kind, *args = move
    new = dict(state)
    if kind == "up":
        levels.sent_up(new, *args)
        new["status"] = "transferred"
    elif kind == "on":
        levels.sent_on(new, args[0], args[1], levels.tracking_level(state))
    elif kind == "down":
        levels.came_down(new, args[0])
    return new


def test_up_through_the_township_to_the_county_and_back_down_the_same_way():
    state = moved(at_station(), ("up", "township", "曲塘镇代理中心"))
    assert (levels.held_at(state), levels.tracking_level(state)) == ("township", "township")
    state = moved(state, ("on", "county", "海安市群众事务代理中心"))
    assert levels.held_at(state) == "county" and levels.return_choices(state) == ["township", "station"]
    state = moved(state, ("on", "department", "海安市民政局"))
    assert (levels.held_at(state), levels.tracking_level(state)) == (None, "county")
    with pytest.raises(RuleRefused, match="现在不在县级代理中心，在职能部门（海安市民政局）"):
        levels.require_held(state, "county")
    state = moved(state, ("down", "township"))
    assert (state["holder_level"], state["holder"], state["status"]) == ("township", "曲塘镇代理中心", "transferred")
    state = moved(state, ("down", None))
    assert (state["holder_level"], state["route_up"], state["status"]) == (None, [], "in_progress")


def test_a_matter_goes_down_only_to_where_it_came_through():
    state = moved(at_station(), ("up", "county", "海安市群众事务代理中心"))  # straight to the county
    with pytest.raises(RuleRefused, match="不能退回镇（街道）代理中心") as refused:
        moved(state, ("down", "township"))
    assert refused.value.hint == "可以退回：受理站点"
    with pytest.raises(ValidationError, match="只能转送到上一级代理中心或职能部门"):
        moved(state, ("on", "township", "曲塘镇代理中心"))


def test_the_refusal_says_where_the_matter_is_and_what_to_do():
    state = moved(at_station(), ("up", "township", "曲塘镇代理中心"))
    with pytest.raises(RuleRefused, match="现在不在县级代理中心，在镇（街道）代理中心（曲塘镇代理中心）") as below:
        levels.require_held(state, "county")
    assert "请对方转送上来" in below.value.hint
    state = moved(state, ("on", "county", "海安市群众事务代理中心"))
    with pytest.raises(RuleRefused, match="现在不在镇（街道）代理中心") as above:
        levels.require_held(state, "township")
    assert "等上级办理后退回本级" in above.value.hint
    with pytest.raises(RuleRefused, match="已经回到受理站点（办理中）"):
        levels.require_held(at_station(), "township")


def test_levels_of_units_follow_their_division_codes():
    assert [levels.level_of_unit(c) for c in ("320685", "320685102", "320685102210")] == [
        "county",
        "township",
        "station",
    ]


MOVES = st.one_of(
    st.tuples(st.just("up"), st.sampled_from(["township", "county", "department"]), st.just("单位")),
    st.tuples(st.just("on"), st.sampled_from(["county", "city", "department"]), st.just("上级单位")),
    st.tuples(st.just("down"), st.sampled_from([None, "station", "township", "county"])),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MOVES, max_size=12))
def test_whatever_the_moves_the_route_climbs_and_the_holder_is_on_it(moves):
    state = at_station()
    for move in moves:
        if move[0] == "up" and state["status"] != "in_progress":
            continue  # the fold lets a station transfer only what it has in hand
        if move[0] != "up" and state["status"] != "transferred":
            continue
        try:
            state = moved(state, move)
        except HaianError:
            continue  # refused: nothing changed
        rungs = [levels.rung(step["level"]) for step in state["route_up"]]
        assert rungs == sorted(set(rungs)) and all(rungs)
        if state["holder_level"] in levels.LADDER:
            assert levels.held_at(state) == levels.tracking_level(state) == state["holder_level"]
        if state["holder_level"] is None:
            assert state["route_up"] == [] and state["status"] == "in_progress"
        if state["route_up"]:
            top = levels.rung(levels.tracking_level(state))
            assert all(levels.rung(c) < top for c in levels.return_choices(state))


@pytest.mark.parametrize(
    ("hub", "child", "allowed"),
    [
        (("320685001", "township"), ("320685001001", "station"), True),
        (("320685001", "township"), ("320685002001", "station"), False),  # another township's village
        (("320685", "county"), ("320685001", "township"), True),
        (("320685", "county"), ("320685001001", "station"), False),  # a station skips its township
        (("320600", "city"), ("320685", "county"), True),  # Haian lies in Nantong (3206)
        (("320600", "city"), ("320585", "county"), False),  # a county of Suzhou (3205)
        (("320600", "city"), ("320685001", "township"), False),  # one level at a time
        (("320000", "province"), ("320600", "city"), True),
        (("320000", "province"), ("330100", "city"), False),  # Hangzhou is in Zhejiang
        (("320000", "province"), ("320000", "city"), False),  # not itself
        (("320685001001", "station"), ("320685001001001", "station"), False),  # a station is no hub
    ],
)
def test_who_may_enrol_under_whom(hub, child, allowed):
    from haian_desk import network

    assert network.may_enrol_under(*hub, *child) is allowed
