"""The township centre's domain: matters sent up, stations' health, conflicts, and what reached the hub."""

from __future__ import annotations

import pytest

from haian_desk.cases import queries
from haian_desk.cases.fold import allowed_events
from haian_desk.core.errors import RuleRefused, ValidationError
from haian_desk.replication import reached, township
from haian_desk.storage.check import run_check
from tests.sync.helpers import act, by_file, take_in, township_with_stations

CENTRE = "曲塘镇代理中心"


@pytest.fixture
def network(tmp_path, clock):
    hub, stations = township_with_stations(tmp_path, clock, stations=2)
    yield hub, stations
    for node in (hub, *stations):
        node.close()


def sent_up(station, hub, folder, **fields) -> str:
    case_id = take_in(station, **fields)
    act(station, case_id, "transferred", to_level="township", to_unit=CENTRE)
    by_file(station, hub, folder)
    return case_id


# -- the new case events ---------------------------------------------------------------


def test_the_township_receives_a_matter_and_the_station_sees_who_has_it(network, tmp_path, clock):
    hub, (station, _) = network
    case_id = sent_up(station, hub, tmp_path)
    assert [i.case_id for i in township.inbox(hub.desk, clock(), township.NEW)] == [case_id]
    township.take_up(hub.desk, "admin", case_id)
    assert township.inbox(hub.desk, clock(), township.NEW) == []
    [item] = township.inbox(hub.desk, clock(), township.IN_HAND)
    assert item.unit_name == "曲塘镇第1村代理站" and item.taken_at
    with pytest.raises(RuleRefused, match="已经接收过"):
        township.take_up(hub.desk, "admin", case_id)
    by_file(station, hub, tmp_path)
    assert [e.type for e in queries.timeline(station.desk, case_id)][-1] == "taken_up"
    assert queries.get_case(station.desk, case_id).status == "transferred"


def test_a_station_cannot_receive_or_forward_as_if_it_were_the_township(network, tmp_path):
    hub, (station, _) = network
    case_id = take_in(station)
    act(station, case_id, "transferred", to_level="township", to_unit=CENTRE)
    with pytest.raises(RuleRefused, match="镇（街道）代理中心"):
        township.take_up(station.desk, "admin", case_id)
    with pytest.raises(RuleRefused):
        township.forward(station.desk, "admin", case_id, "county", "海安市民政局")


def test_sending_a_matter_on_keeps_it_tracked_until_it_comes_back(network, tmp_path, clock):
    hub, (station, _) = network
    case_id = sent_up(station, hub, tmp_path)
    township.take_up(hub.desk, "admin", case_id)
    with pytest.raises(ValidationError, match="转送去向"):
        township.forward(hub.desk, "admin", case_id, "township", "别的镇")
    township.forward(hub.desk, "admin", case_id, "department", "海安市民政局", "需民政局审批")
    [item] = township.inbox(hub.desk, clock(), township.SENT_ON)
    assert (item.holder_level, item.holder) == ("department", "海安市民政局")
    clock.advance(days=2)
    act(hub, case_id, "completed", result="granted", note="民政局已批准")
    assert township.inbox(hub.desk, clock()) == []
    by_file(station, hub, tmp_path)
    case = queries.get_case(station.desk, case_id)
    assert (case.status, case.result_note) == ("completed", "民政局已批准")


def test_inbox_events_are_not_offered_on_the_case_screen():
    state = {"status": "transferred"}
    offered = allowed_events(state)
    assert "completed" in offered
    assert not {"taken_up", "forwarded", "conflict_resolved"} & set(offered)


# -- conflicts ---------------------------------------------------------------------------


def completed_at_two_levels(hub, station, folder, clock) -> str:
    case_id = sent_up(station, hub, folder)
    clock.advance(hours=1)
    act(hub, case_id, "completed", result="granted", note="镇里已办好")
    clock.advance(minutes=5)
    act(station, case_id, "completed", result="refused", note="村里认为不符合条件")
    by_file(station, hub, folder)
    return case_id


def test_a_matter_completed_at_two_levels_shows_both_sides(network, tmp_path, clock):
    hub, (station, _) = network
    case_id = completed_at_two_levels(hub, station, tmp_path, clock)
    [found] = township.conflicts(hub.desk)
    assert found.case_id == case_id and found.conflicts == 1
    [clash] = found.clashes
    assert clash.stood.unit == CENTRE and "镇里已办好" in clash.stood.detail_text()
    assert clash.set_aside.unit == "曲塘镇第1村代理站" and "村里认为不符合条件" in clash.set_aside.detail_text()
    assert "已办结" in str(clash.reason)
    assert [c.case_id for c in township.conflicts(station.desk)] == [case_id]  # both levels see it


def test_resolving_records_who_decided_and_clears_the_flag_everywhere(network, tmp_path, clock):
    hub, (station, _) = network
    case_id = completed_at_two_levels(hub, station, tmp_path, clock)
    township.resolve_conflict(hub.desk, "admin", case_id, "以镇中心的办理结果为准，已电话告知村里", 1)
    assert township.conflicts(hub.desk) == []
    by_file(station, hub, tmp_path)
    assert township.conflicts(station.desk) == []
    last = queries.timeline(station.desk, case_id)[-1]
    assert (last.type, last.actor, last.origin) == ("conflict_resolved", "admin", hub.id)
    assert queries.get_case(station.desk, case_id).result_note == "镇里已办好"
    assert run_check(hub.desk).ok and run_check(station.desk).ok


def test_a_conflict_that_arrives_after_the_decision_stays_flagged(network, tmp_path, clock):
    hub, (station, _) = network
    case_id = completed_at_two_levels(hub, station, tmp_path, clock)
    clock.advance(minutes=1)
    act(hub, case_id, "reopened", reason="群众又来反映")
    township.resolve_conflict(hub.desk, "admin", case_id, "以镇中心为准", 1)
    clock.advance(minutes=1)
    act(station, case_id, "replied", method="phone")  # not yet knowing the case was reopened
    by_file(station, hub, tmp_path)
    [left] = township.conflicts(hub.desk)
    assert left.conflicts == 1 and len(left.clashes) == 1
    assert "电话告知" in left.clashes[0].set_aside.detail_text() and left.clashes[0].stood.what == "重新办理"


def test_a_decision_needs_words_and_a_conflict_to_settle(network, tmp_path, clock):
    hub, (station, _) = network
    case_id = sent_up(station, hub, tmp_path)
    with pytest.raises(RuleRefused, match="没有待核对的冲突"):
        township.resolve_conflict(hub.desk, "admin", case_id, "无", 1)
    other = completed_at_two_levels(hub, station, tmp_path, clock)
    with pytest.raises(ValidationError, match="裁定意见"):
        township.resolve_conflict(hub.desk, "admin", other, "  ", 1)
    with pytest.raises(ValidationError):
        township.resolve_conflict(hub.desk, "admin", other, "以镇为准", 0)


# -- stations' health ----------------------------------------------------------------------


def test_station_health_shows_contact_deadlines_and_who_went_silent(network, tmp_path, clock):
    hub, (first, second) = network
    case_id = take_in(first)
    by_file(first, hub, tmp_path)
    clock.advance(hours=60)  # 48 clock hours after acceptance: overdue
    take_in(second)
    by_file(second, hub, tmp_path)
    health = township.station_health(hub.desk, clock())
    assert [h.unit_code for h in health] == [first.unit_code, second.unit_code]  # silent first
    one, two = health
    assert one.silent and one.silent_hours == 60 and one.overdue == 1 and one.cases == 1
    assert not two.silent and two.overdue == 0 and two.events_received > 0
    assert township.station_health(hub.desk, clock(), silent_after_hours=72)[0].silent is False
    assert queries.get_case(hub.desk, case_id).unit_code == one.unit_code


def test_a_station_never_heard_from_is_silent(network, clock):
    hub, stations = network
    assert all(h.silent and h.last_contact is None for h in township.station_health(hub.desk, clock()))


def test_silence_threshold_and_hub_address_are_settings(network):
    hub, _ = network
    from haian_desk.people import users

    users.add_user(hub.desk, "boss", "主任", "admin", "secret-pw", actor="admin")
    assert township.load_settings(hub.desk)["silent_hours"] == 48
    assert township.save_settings(hub.desk, "boss", silent_hours=12, hub_port=9000)["silent_hours"] == 12
    assert township.load_settings(hub.desk)["hub_port"] == 9000
    with pytest.raises(ValidationError, match="1小时到30天"):
        township.save_settings(hub.desk, "boss", silent_hours=0)
    with pytest.raises(ValidationError, match="端口"):
        township.save_settings(hub.desk, "boss", hub_port=80)


# -- what reached the hub, seen from the station -----------------------------------------


def test_each_case_says_whether_it_reached_the_township(network, tmp_path, clock):
    hub, (station, _) = network
    first = take_in(station)
    assert reached.reach(station.desk, [first]) == {first: reached.NOT_YET}
    by_file(station, hub, tmp_path)
    assert reached.reach(station.desk, [first]) == {first: reached.REACHED}
    act(station, first, "note", text="已电话联系")
    second = take_in(station)
    assert reached.reach(station.desk, [first, second]) == {first: reached.PARTLY, second: reached.NOT_YET}
    now = reached.waiting(station.desk)
    assert (now.cases, now.enrolled) == (2, True) and now.records >= 4
    items = reached.pending_items(station.desk)
    titles = [i.title for i in items if i.stream == "case"]
    assert titles[0].startswith(queries.get_case(station.desk, first).case_no)
    assert "备注" in items[0].changes and "群众信息" in [i.what for i in items]
    by_file(station, hub, tmp_path)
    assert reached.waiting(station.desk).records == 0 and reached.pending_items(station.desk) == []


def test_an_installation_not_enrolled_has_everything_waiting(desk, cadre_id, villager_id):
    from haian_desk.cases.operations import Intake, take_in as register

    case = register(
        desk, "admin", Intake(kind="opinion", villager_id=villager_id, description="修路", first_cadre_id=cadre_id)
    )
    assert reached.reach(desk, [case.case_id]) == {case.case_id: reached.NOT_ENROLLED}
    assert reached.waiting(desk).enrolled is False and reached.waiting(desk).cases == 1


def test_without_a_county_hub_the_township_records_the_county_units_answer_itself(network, tmp_path, clock):
    hub, (station, _) = network
    case_id = sent_up(station, hub, tmp_path)
    township.take_up(hub.desk, "admin", case_id)
    township.forward(hub.desk, "admin", case_id, "county", "海安市民政局", "需县民政局审批")
    [item] = township.inbox(hub.desk, clock(), township.SENT_ON)
    assert item.follows_up and item.return_choices == ["station"]
    township.return_down(hub.desk, "admin", case_id, "县民政局电话答复：已审批")
    by_file(station, hub, tmp_path)
    case = queries.get_case(station.desk, case_id)
    assert (case.status, case.holder_level, case.route_up) == ("in_progress", None, ())
